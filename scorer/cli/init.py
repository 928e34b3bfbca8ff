"""`scorer init`: write a starting configuration, every key at its default and explained."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.errors import ExitStatus, ScorerError

SCHEMA_URL = "https://raw.githubusercontent.com/scorer-project/scorer/main/scorer/data/schemas/config.schema.json"


def starter_config() -> str:
    """The .scorer.toml `scorer init` writes: the defaults, live, so that the file reads as what is in force."""
    from scorer.config import _FETCH_DEFAULTS
    from scorer.discover import DEFAULT_INCLUDE
    from scorer.rules import RULES

    def toml_list(items) -> str:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    rules = "\n".join(f'{rule.id} = "{rule.level}"'.ljust(32) + f"# {rule.short}" for rule in RULES.values())
    fetch = _FETCH_DEFAULTS
    return f"""\
# scorer configuration (https://github.com/scorer-project/scorer/blob/main/docs/ci.md#configuration).
# Every key is at its default; delete the ones you do not change. Check with: scorer config
# Editors with a TOML language server validate this file against {SCHEMA_URL}
#:schema {SCHEMA_URL}

# A check-worthy claim whose confidence (0-1) is under this is a weak-sourcing finding (--fail-under).
threshold = 0.5

# What a directory search picks up (add "*.html" for HTML drafts), and what is never checked (named files
# included). Globs, relative to this file; a pattern without "/" matches a name at any depth.
include = {toml_list(DEFAULT_INCLUDE)}
exclude = []

# Levels: "error" (fails the run), "warning", "note", "off".
[rules]
{rules}

[fetch]
offline = {str(fetch.offline).lower()}              # answer only from the page cache, send no request
# cache_dir = ".cache/scorer"  # default: the user cache directory (scorer cache path)
connect_timeout = {fetch.connect_timeout}
read_timeout = {fetch.read_timeout}
rate_limit = {fetch.rate_limit}              # requests a second, per host
allow_private_hosts = {str(fetch.allow_private_hosts).lower()}

# Add an outlet, or re-rate one, with the reason for the record:
# [[outlets]]
# key = "ledger"
# name = "Example Ledger"
# domains = ["ledger.test"]
# reliability = 0.8
# reason = "our own wire service"
"""


@app.command("init")
@handles_errors
def init_command(
    path: Path = typer.Argument(Path(".scorer.toml"), metavar="FILE", show_default=False, dir_okay=False,
                                help="Where to write the configuration (default: .scorer.toml here)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the file if it exists."),
    stdout: bool = typer.Option(False, "--stdout", help="Print the configuration instead of writing a file."),
) -> int:
    """Write a .scorer.toml with every setting at its default, each explained."""
    text = starter_config()
    if stdout:
        print(text, end="")
        return ExitStatus.OK
    if path.name == "pyproject.toml":
        raise ScorerError("scorer init writes a .scorer.toml; to use pyproject.toml, copy its keys under "
                          "[tool.scorer] (scorer init --stdout shows them)")
    if path.exists() and not force:
        raise ScorerError(f"{path} already exists (use --force to overwrite it)")
    from scorer.fileio import write_atomic

    write_atomic(path, text)
    print(f"wrote {path}; check it with: scorer config --config {path}")
    return ExitStatus.OK


__all__ = ["init_command", "starter_config"]
