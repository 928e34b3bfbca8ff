"""Every command and every option of the CLI is mentioned in README.md."""

from pathlib import Path

import typer.main

from scorer.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands(command=None, prefix=""):
    """(full name, command) of every command and sub-command, e.g. ("cache import", ...)."""
    command = command or typer.main.get_command(app)
    if prefix:
        yield prefix, command
    for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
        yield from _commands(sub, f"{prefix} {name}".strip())


def test_every_command_and_option_is_in_the_readme():
    assert README.is_file(), "README.md is missing"
    text = README.read_text(encoding="utf-8")
    missing = []
    for name, command in _commands():
        if name and f"scorer {name}" not in text:
            missing.append(f"command `scorer {name}`")
        for param in command.params:
            if getattr(param, "param_type_name", "") != "option" or getattr(param, "hidden", False):
                continue
            longs = [opt for opt in (*param.opts, *param.secondary_opts) if opt.startswith("--")]
            for opt in longs:
                if opt != "--help" and opt not in text:
                    missing.append(f"option `{opt}` of `scorer {name}`")
    assert not missing, "README.md does not mention: " + ", ".join(missing)


def test_every_option_has_help_text():
    undocumented = [f"scorer {name} {param.name}" for name, command in _commands() for param in command.params
                    if getattr(param, "param_type_name", "") == "option" and not getattr(param, "help", None)]
    assert not undocumented, undocumented
