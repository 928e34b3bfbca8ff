"""Command-line interface: a thin Typer layer over the library.

Each command lives in a module of its own and keeps its heavy imports inside the function
body, so `scorer check` pays only for what it uses.
"""

from __future__ import annotations

from scorer.cli.app import app, main
from scorer.cli import check as _check  # noqa: F401  (registers the command)
from scorer.cli import fetch as _fetch  # noqa: F401
from scorer.cli import cache as _cache  # noqa: F401
from scorer.cli import outlets as _outlets  # noqa: F401
from scorer.cli import config as _config  # noqa: F401
from scorer.cli import model as _model  # noqa: F401
from scorer.cli import init as _init  # noqa: F401
from scorer.cli import batch as _batch  # noqa: F401
from scorer.cli.help import plain_help

plain_help(app)  # after every command is registered: plain help screens, no Python types

__all__ = ["app", "main"]
