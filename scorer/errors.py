"""Errors a user can cause. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1  # claims under the threshold, findings at error level, or a fetch that failed
    USAGE = 2  # bad options, bad input, bad configuration


class ScorerError(Exception):
    """A problem with what the user gave us; the message is shown as is."""

    exit_status = ExitStatus.USAGE


class InputError(ScorerError):
    """A draft that cannot be read: missing, binary, undecodable."""


class ConfigError(ScorerError):
    """A configuration file or value that is not valid."""


class ModelError(ScorerError):
    """The model file is missing or not valid."""
