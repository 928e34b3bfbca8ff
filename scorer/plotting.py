"""The one way scorer draws PNG charts (`scorer evaluate --plot`, `scorer stats --plot`): matplotlib on its Agg
backend (never a window), imported only when a chart is asked for, into a directory made if need be."""

from __future__ import annotations

from pathlib import Path

from scorer.errors import InputError


def pyplot_into(directory: str | Path, extra: str):
    """(matplotlib.pyplot, the directory as a Path); one-line errors for a missing matplotlib or a directory that
    cannot be made. `extra` names the pip extra that brings matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # before pyplot: never try to open a window
        import matplotlib.pyplot as plt
    except ImportError:
        raise InputError(f"--plot needs matplotlib: pip install 'sourcing-scorer[{extra}]'") from None
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--plot {directory}: cannot create the directory ({exc.strerror or exc})") from None
    return plt, directory
