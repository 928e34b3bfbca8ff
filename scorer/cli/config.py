"""`scorer config`: the settings in force and where each one came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.cli.options import (CACHE_DIR_OPTION, CONFIG_OPTION, FAIL_UNDER_OPTION, NO_FETCH_OPTION, OFFLINE_OPTION,
                                PRIVATE_HOSTS_OPTION, REFRESH_OPTION, fetch_flags, format_option,
                                json_alias_option, pick_format)
from scorer.errors import ExitStatus


def _toml_value(value) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, tuple):  # host_map pairs
        return json.dumps(dict(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


@app.command("config")
@handles_errors
def config_command(
    config_file: Optional[Path] = CONFIG_OPTION,
    fail_under: Optional[float] = FAIL_UNDER_OPTION,
    no_fetch: bool = NO_FETCH_OPTION,
    offline: bool = OFFLINE_OPTION,
    refresh: bool = REFRESH_OPTION,
    cache_dir: Optional[Path] = CACHE_DIR_OPTION,
    allow_private_hosts: bool = PRIVATE_HOSTS_OPTION,
    output_format: str = format_option(("table", "json"), help="Output format: table (TOML-like lines, each with "
                                       "its origin) or json.  [default: table]"),
    as_json: bool = json_alias_option(),
) -> int:
    """Show the settings `scorer check` would use, and where each came from (default, file, env or flag)."""
    from scorer.config import load_config

    as_json = pick_format(output_format, ("table", "json"), as_json) == "json"

    flags = fetch_flags(no_fetch, offline, refresh, cache_dir, allow_private_hosts)
    if fail_under is not None:
        flags["threshold"] = (fail_under, "flag --fail-under")
    config = load_config(config_file, flags=flags)
    config.registry()  # a bad [[outlets]] entry is reported here too, not first at `scorer check`
    items = config.items()
    if as_json:
        document = {"config_file": str(config.file) if config.file else None,
                    "settings": {key: {"value": value, "from": origin} for key, value, origin in items}}
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return ExitStatus.OK
    print(f"# config file: {config.file or 'none found (defaults)'}")
    lines = [(f"{key} = {_toml_value(value)}", origin) for key, value, origin in items]
    width = max(len(text) for text, _ in lines)
    for text, origin in lines:
        print(f"{text.ljust(width)}  # {origin}")
    return ExitStatus.OK
