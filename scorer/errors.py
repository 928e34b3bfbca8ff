"""Errors a user can cause. The CLI turns each into one line on stderr and exit code 2.

Anything else that escapes a command is a bug: one line, exit code 3 (never 1, which CI reads as
"findings"), and `--debug` shows the traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1  # claims under the threshold, findings at error level, or a fetch that failed
    USAGE = 2  # bad options, bad input, bad configuration
    INTERNAL = 3  # an unexpected error inside scorer (a bug): rerun with --debug for the traceback
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


class ScorerError(Exception):
    """A problem with what the user gave us; the message is shown as is."""

    exit_status = ExitStatus.USAGE


class InputError(ScorerError):
    """A draft that cannot be read: missing, binary, undecodable."""


class ConfigError(ScorerError):
    """A configuration file or value that is not valid."""


class ModelError(ScorerError):
    """The model file is missing or not valid."""


class CacheError(ScorerError):
    """The page cache cannot be used where it was asked to live."""
