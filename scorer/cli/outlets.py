"""`scorer outlets [QUERY]`: show the outlet profiles and the priors the scorer gives them."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import Enum

import typer

from scorer.cli.app import app, handles_errors
from scorer.errors import ExitStatus


class OutletFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("outlets")
@handles_errors
def outlets_command(
    query: str = typer.Argument(
        None,
        help="Text to look for in outlet keys, names, aliases and domains (a URL or host is resolved by domain). "
        "Without it, every curated profile is listed.",
        show_default=False,
    ),
    output_format: OutletFormat = typer.Option(
        OutletFormat.table, "--format", "-f", metavar="FORMAT",
        help="Output format: table (for people) or json (for tools).  [default: table]", show_default=False,
    ),
) -> int:
    """List outlet profiles: kind, domains, reliability label and prior, and where the prior comes from."""
    from scorer.config import load_config

    registry = load_config(None).registry()  # with the outlets a .scorer.toml adds or re-rates
    if query is None or not query.strip():
        found = registry.curated()
    else:
        found = registry.search(query)
        if not found and ("." in query or "/" in query):
            hit = registry.by_domain(query)
            found = [hit] if hit is not None else []
        if not found:
            hit = registry.by_name(query)
            found = [hit] if hit is not None else []
    if not found:
        print(f"scorer: no outlet matches {query!r}", file=sys.stderr)
        return ExitStatus.FINDINGS
    if output_format is OutletFormat.json:
        rows = [{k: v for k, v in asdict(o).items() if k != "exact_aliases"} for o in found]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return ExitStatus.OK
    _print_table(found)
    return ExitStatus.OK


def _print_table(outlets) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(outlets)} outlet profile{'s' if len(outlets) != 1 else ''}")
    table.add_column("name")
    table.add_column("kind")
    table.add_column("domains", overflow="fold")
    table.add_column("reliability")
    table.add_column("prior source", overflow="fold")
    colours = {"reliable": "green", "mixed": "yellow", "unreliable": "red", "blacklisted": "bold red"}
    for o in outlets:
        label = f"[{colours.get(o.reliability_label, 'white')}]{o.reliability_label}[/] {o.reliability:.2f}"
        kind = o.kind + (" (wire)" if o.wire and o.kind != "wire agency" else "")
        table.add_row(o.name, kind, ", ".join(o.domains) or "-", label, o.prior_source)
    Console().print(table)
