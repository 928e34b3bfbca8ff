"""What the terminal allows: colour (NO_COLOR, FORCE_COLOR, --color) and width (COLUMNS, the real terminal)."""

from __future__ import annotations

import os
import sys

FALLBACK_WIDTH = 80  # a pipe or a file with no terminal anywhere: the width people read logs at


def use_color(choice: str = "auto", stream=None, environ=None) -> bool:
    """--color always/never win; then NO_COLOR (any non-empty value) turns colour off, FORCE_COLOR on,
    and otherwise colour is on when the report goes to a terminal (`stream`, None for a file)."""
    environ = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never" or environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR", "").lower() not in ("", "0", "false"):
        return True
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width(environ=None) -> int:
    """$COLUMNS, else the width of whichever standard stream is a terminal (`scorer check | less` still
    knows the screen through stderr), else 80 columns."""
    environ = os.environ if environ is None else environ
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.__stdout__, sys.__stderr__, sys.__stdin__):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            continue
    return FALLBACK_WIDTH
