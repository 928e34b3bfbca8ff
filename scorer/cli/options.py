"""Options that several commands share, declared once so that they are documented alike, and the
fetch flags turned into configuration layers (scorer.config) in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from scorer.errors import ScorerError


def fetch_flags(no_fetch: bool = False, offline: bool = False, refresh: bool = False,
                cache_dir: Optional[Path] = None, allow_private_hosts: bool = False,
                timeout: Optional[float] = None, deadline: Optional[float] = None) -> dict:
    """Fetch flags as config layers: only flags actually given override the file and environment."""
    flags: dict = {}
    if no_fetch:
        flags["fetch.enabled"] = (False, "flag --no-fetch")
    if offline:
        flags["fetch.offline"] = (True, "flag --offline")
    if refresh:
        flags["fetch.refresh"] = (True, "flag --refresh")
    if cache_dir is not None:
        if "\x00" in str(cache_dir):
            raise ScorerError("--cache-dir contains a NUL byte")
        flags["fetch.cache_dir"] = (str(cache_dir.expanduser().resolve()), "flag --cache-dir")
    if allow_private_hosts:
        flags["fetch.allow_private_hosts"] = (True, "flag --allow-private-hosts")
    if timeout is not None:
        if timeout <= 0:
            raise ScorerError("--timeout must be a positive number of seconds")
        flags["fetch.read_timeout"] = (timeout, "flag --timeout")
    if deadline is not None:
        if deadline <= 0:
            raise ScorerError("--deadline must be a positive number of seconds")
        flags["fetch.deadline"] = (deadline, "flag --deadline")
    return flags


# Options shared with `scorer config`, declared once so both commands document them alike.
CONFIG_OPTION = typer.Option(None, "--config", help="Read settings from this TOML file instead of the nearest "
                             ".scorer.toml, or pyproject.toml with a tool.scorer table.", dir_okay=False, show_default=False)
FAIL_UNDER_OPTION = typer.Option(None, "--fail-under", min=0.0, max=1.0, show_default=False,
                                 help="Threshold: a check-worthy claim with confidence under it is a weak-sourcing "
                                 "finding (an error by default, so exit 1). Default: `threshold` from config, else 0.5.")
NO_FETCH_OPTION = typer.Option(False, "--no-fetch", help="Do not fetch cited pages; score from the draft's text alone.")
OFFLINE_OPTION = typer.Option(False, "--offline", help="Answer fetches from the cache only; send no request.")
REFRESH_OPTION = typer.Option(False, "--refresh", help="Ignore cached pages and fetch them again.")
CACHE_DIR_OPTION = typer.Option(None, "--cache-dir", file_okay=False, show_default=False,
                                metavar="DIR", help="Directory of the page cache (default: SCORER_CACHE_DIR, the "
                                "configuration's fetch.cache_dir, else the user cache directory; scorer cache path prints it).")
PRIVATE_HOSTS_OPTION = typer.Option(False, "--allow-private-hosts",
                                    help="Allow fetching from private, loopback and link-local addresses.")


def format_option(choices: tuple[str, ...], default: str = "table", help: str | None = None):
    """-f/--format, alike in every command."""
    return typer.Option(default, "--format", "-f", metavar="FORMAT",
                        help=help or f"Output format: {' or '.join(choices)}.  [default: {default}]",
                        show_default=False)


def json_alias_option():
    """--json, the old spelling of `-f json` in `scorer config` and `scorer evaluate`: kept working, not shown."""
    return typer.Option(False, "--json", hidden=True, help="Deprecated: use -f json.")


def pick_format(value: str, choices: tuple[str, ...], as_json: bool = False) -> str:
    if as_json:
        import sys

        print("scorer: warning: --json is deprecated; use -f json", file=sys.stderr)
        return "json"
    if value not in choices:
        raise ScorerError(f"--format must be {' or '.join(choices)}, not {value!r}")
    return value


DEADLINE_OPTION = typer.Option(None, "--deadline", metavar="SECONDS", show_default=False,
                               help="Stop fetching after this many seconds in all; pages not fetched by then are "
                               "reported as unfetched (timeout). Default: no limit (each page has its own).")
