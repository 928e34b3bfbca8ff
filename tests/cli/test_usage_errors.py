"""Usage errors from the real entry point: one line on stderr and exit 2, like every other bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scorer", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    "args, message",
    [
        (("check", "--format", "nope", "x.md"), "'nope' is not one of"),
        (("bogus",), "No such command 'bogus'"),
        (("check", "--fail-under", "2", "x.md"), "--fail-under"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(args, message):
    done = run(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("scorer: error:") and message in lines[0]
    assert "Traceback" not in done.stderr


def test_help_exits_0():
    done = run("check", "--help")
    assert done.returncode == 0 and "--fail-under" in done.stdout
