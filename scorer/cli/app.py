"""The Typer app, and the one place that turns exceptions into messages and exit codes.

0 pass, 1 findings, 2 bad input (a ScorerError), 3 an unexpected error (a bug: one line, the traceback
with `scorer --debug`), 130 interrupted. Ctrl-C ends the process at once, fetches in flight or not.
"""

from __future__ import annotations

import functools
import logging
import os
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
_debug = {"on": False}


class _StderrHandler(logging.Handler):
    """Library warnings (a cache moved aside, ...) as `scorer: warning: ...` on whatever stderr is now."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(f"scorer: {record.levelname.lower()}: {record.getMessage()}", file=sys.stderr)
        except Exception:  # a closed stderr must not turn a warning into a crash
            pass


def _install_log_handler() -> None:
    logger = logging.getLogger("scorer")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler(logging.WARNING))
        logger.propagate = False


def _print_version(value: bool) -> None:
    if value:
        from scorer import __version__

        print(f"scorer {__version__}")
        raise typer.Exit(int(ExitStatus.OK))


@app.callback(help="Rate how well each claim of a news draft is sourced.")
def _global_options(
    version: bool = typer.Option(False, "--version", "-V", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="On an unexpected error, print the full traceback."),
) -> None:
    _debug["on"] = debug or os.environ.get("SCORER_DEBUG", "") not in ("", "0")
    _install_log_handler()


def fail(message: str, status: ExitStatus = ExitStatus.USAGE) -> typer.Exit:
    print(f"scorer: error: {message}", file=sys.stderr)
    return typer.Exit(int(status))


def internal_error(exc: BaseException) -> typer.Exit:
    """A bug: one line (never exit 1, which means findings), the traceback only when asked for."""
    if _debug["on"]:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    text = " ".join(str(exc).split()) or "(no message)"
    if len(text) > 300:
        text = text[:297] + "..."
    hint = "" if _debug["on"] else "; rerun with `scorer --debug ...` for the traceback"
    print(f"scorer: internal error: {type(exc).__name__}: {text} (a bug in scorer{hint})", file=sys.stderr)
    return typer.Exit(int(ExitStatus.INTERNAL))


def interrupted() -> typer.Exit:
    print("scorer: interrupted", file=sys.stderr)
    return typer.Exit(int(ExitStatus.INTERRUPTED))


def handles_errors(func: F) -> F:
    """Run a command's core; map the project's own errors to one line and exit code 2, the rest to 3."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            status = func(*args, **kwargs)
        except ScorerError as exc:
            raise fail(str(exc), exc.exit_status) from None
        except KeyboardInterrupt:
            raise interrupted() from None
        except BrokenPipeError:
            raise typer.Exit(int(ExitStatus.OK)) from None
        except RecursionError as exc:  # hostile nesting the input checks missed: still the user's input
            raise fail(f"the input is nested too deeply to read ({exc})") from None
        except Exception as exc:
            if isinstance(exc, (typer.Exit, typer.Abort)) or hasattr(exc, "exit_code"):
                raise  # Click's own control flow
            raise internal_error(exc) from None
        raise typer.Exit(int(status or ExitStatus.OK))

    return wrapper  # type: ignore[return-value]


def _exit_now(status: int) -> None:
    """Exit without waiting for fetch threads stuck in a read (the interpreter would join them first)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            pass
    os._exit(status)


def main() -> None:
    try:
        status = app(standalone_mode=False)
    except typer.Abort:  # Ctrl-C outside a command's core (Click turns it into Abort)
        print("scorer: interrupted", file=sys.stderr)
        _exit_now(int(ExitStatus.INTERRUPTED))
    except KeyboardInterrupt:
        print("scorer: interrupted", file=sys.stderr)
        _exit_now(int(ExitStatus.INTERRUPTED))
    except Exception as exc:
        # Click's UsageError (vendored by newer Typer, a separate package under older ones): a bad option or
        # argument is bad input like any other, so one line and exit 2 rather than a framed box.
        if getattr(exc, "exit_code", None) != 2 or not hasattr(exc, "format_message"):
            try:
                raise internal_error(exc)
            except typer.Exit as done:
                sys.exit(done.exit_code)
        ctx = getattr(exc, "ctx", None)
        command = f"scorer {ctx.info_name}" if ctx is not None and ctx.parent is not None else "scorer"
        if exc.format_message():  # empty after `scorer` alone, which has printed the help already
            print(f"scorer: error: {exc.format_message()} (see {command} --help)", file=sys.stderr)
        sys.exit(int(ExitStatus.USAGE))
    if status == ExitStatus.INTERRUPTED:
        _exit_now(int(ExitStatus.INTERRUPTED))
    sys.exit(status if isinstance(status, int) else int(ExitStatus.OK))
