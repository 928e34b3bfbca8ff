"""What a newcomer tries first: --version, -h, help that reads like a linter's, one spelling of --format."""

import json
import re

import pytest
import typer.main
from typer.testing import CliRunner

from scorer import __version__
from scorer.cli import app

runner = CliRunner()


def commands(command=None, prefix=""):
    command = command or typer.main.get_command(app)
    yield prefix, command
    for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
        yield from commands(sub, f"{prefix} {name}".strip())


ALL = [name for name, _ in commands()]


def test_version_long_and_short():
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0 and result.stdout == f"scorer {__version__}\n"


@pytest.mark.parametrize("name", ALL)
def test_every_help_screen_has_h_and_no_python_types(name):
    words = name.split() if name else []
    long = runner.invoke(app, [*words, "--help"])
    short = runner.invoke(app, [*words, "-h"])
    assert long.exit_code == 0 and short.exit_code == 0
    assert long.stdout == short.stdout
    for leak in ("<bool>", "<list", "<file>", "<dir>", "<float", "<int>", "<str>", "<text>", "<=x<=", "{", "╭"):
        assert leak not in long.stdout, f"`scorer {name} --help` shows {leak!r}"
    assert re.search(r"-h, --help\s+Show this message and exit", long.stdout)


def test_check_help_has_examples_exit_codes_and_every_format():
    out = runner.invoke(app, ["check", "--help"]).stdout
    assert "Usage: scorer check [OPTIONS] [PATH...]" in out
    assert "Examples:" in out and "scorer check - --stdin-filename story.html" in out
    assert re.search(r"0\s+passed.*\n\s+1\s+a finding at error level.*\n\s+2\s+usage", out)
    from scorer.report import FORMATS

    formats_help = " ".join(out.split("--format FORMAT", 1)[1].split("-o, --output", 1)[0].split())
    for name in FORMATS:  # each format named and described in the --format help itself
        assert re.search(rf"(?:: |; ){name}: \w", formats_help), name
    assert "-o, --output FILE" in out and "--fail-under NUMBER" in out and "[0.0 to 1.0]" in out


def test_top_level_help_lists_commands_examples_and_completion():
    out = runner.invoke(app, ["-h"]).stdout
    for command in ("check", "fetch", "outlets", "config", "init", "cache", "train", "evaluate"):
        assert re.search(rf"^\s+{command}\s", out, flags=re.M), command
    assert "--install-completion" in out and "Exit codes: 0 passed" in out


def test_format_is_spelled_alike_everywhere():
    for name, command in commands():
        options = {opt for param in command.params for opt in getattr(param, "opts", ())}
        if "--format" in options:
            assert "-f" in options, f"scorer {name}: --format without -f"
    for name in ("check", "fetch", "outlets", "config", "evaluate", "cache info"):
        command = dict(commands())[name]
        assert any("--format" in param.opts for param in command.params), name


def test_config_json_alias_still_works_but_is_hidden():
    new = runner.invoke(app, ["config", "-f", "json"])
    old = runner.invoke(app, ["config", "--json"])
    assert new.exit_code == 0 and json.loads(new.stdout) == json.loads(old.stdout)
    assert "--json is deprecated; use -f json" in old.stderr
    assert "--json" not in runner.invoke(app, ["config", "--help"]).stdout
    bad = runner.invoke(app, ["config", "-f", "yaml"])
    assert bad.exit_code == 2 and "--format must be table or json, not 'yaml'" in bad.stderr


def test_scorer_alone_prints_the_help_not_an_error():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "scorer"], capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr == ""
    assert re.match(r"Usage: .*scorer \[OPTIONS\] COMMAND \[ARGS\]\.\.\.", done.stdout) and "Exit codes:" in done.stdout
    group = subprocess.run([sys.executable, "-m", "scorer", "cache"], capture_output=True, text=True)
    assert group.returncode == 2 and group.stderr == "" and "Commands:" in group.stdout
