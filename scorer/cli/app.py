"""The Typer app, and the one place that turns exceptions into messages and exit codes."""

from __future__ import annotations

import functools
import sys
from typing import Callable, TypeVar

import typer

from scorer.cli.help import CONTEXT_SETTINGS, MAIN_EPILOG
from scorer.errors import ExitStatus, ScorerError

app = typer.Typer(
    name="scorer",
    help="Rate how well each claim of a news draft is sourced.",
    epilog=MAIN_EPILOG,
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help, as other linters print it (scorer.cli.help)
    context_settings=CONTEXT_SETTINGS,
)

F = TypeVar("F", bound=Callable[..., int | None])


def fail(message: str, status: ExitStatus = ExitStatus.USAGE) -> typer.Exit:
    print(f"scorer: error: {message}", file=sys.stderr)
    return typer.Exit(int(status))


def handles_errors(func: F) -> F:
    """Run a command's core; map the project's own errors to one line and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            status = func(*args, **kwargs)
        except ScorerError as exc:
            raise fail(str(exc), exc.exit_status) from None
        except KeyboardInterrupt:
            raise fail("interrupted", ExitStatus.USAGE) from None
        except BrokenPipeError:
            raise typer.Exit(int(ExitStatus.OK)) from None
        raise typer.Exit(int(status or ExitStatus.OK))

    return wrapper  # type: ignore[return-value]


def _print_version(value: bool) -> None:
    if value:
        from scorer import __version__

        print(f"scorer {__version__}")
        raise typer.Exit(int(ExitStatus.OK))


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", "-V", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Rate how well each claim of a news draft is sourced."""


def main() -> None:
    try:
        status = app(standalone_mode=False)
    except typer.Abort:
        print("scorer: error: interrupted", file=sys.stderr)
        sys.exit(int(ExitStatus.USAGE))
    except Exception as exc:
        # Click's UsageError (vendored by newer Typer, a separate package under older ones): a bad option or
        # argument is bad input like any other, so one line and exit 2 rather than a framed box.
        if getattr(exc, "exit_code", None) != 2 or not hasattr(exc, "format_message"):
            raise
        ctx = getattr(exc, "ctx", None)
        command = f"scorer {ctx.info_name}" if ctx is not None and ctx.parent is not None else "scorer"
        if exc.format_message():  # empty after `scorer` alone, which has printed the help already
            print(f"scorer: error: {exc.format_message()} (see {command} --help)", file=sys.stderr)
        sys.exit(int(ExitStatus.USAGE))
    sys.exit(status if isinstance(status, int) else int(ExitStatus.OK))
