"""`scorer fetch URL...`: fetch cited pages and show what was extracted from each."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.errors import ExitStatus, ScorerError

FIELDS = (
    "url", "final_url", "outlet", "title", "authors", "published", "text",
    "fetched_at", "from_cache", "archived", "status", "message",
)


def build_settings(*, offline: bool, refresh: bool, cache_dir: Optional[Path], allow_private_hosts: bool,
                   timeout: Optional[float]):
    """FetchSettings from the defaults and these flags (SCORER_ALLOW_PRIVATE_HOSTS=1 is read by the fetcher)."""
    from dataclasses import replace

    from scorer.settings import FetchSettings

    settings = FetchSettings()
    changes: dict = {"offline": offline, "refresh": refresh}
    if cache_dir is not None:
        changes["cache_dir"] = str(cache_dir)
    if allow_private_hosts:
        changes["allow_private_hosts"] = True
    if timeout is not None:
        if timeout <= 0:
            raise ScorerError("--timeout must be a positive number of seconds")
        changes["read_timeout"] = timeout
        changes["connect_timeout"] = min(settings.connect_timeout, timeout)
    return replace(settings, **changes)


def article_record(article) -> dict:
    record = {name: getattr(article, name) for name in FIELDS}
    record["authors"] = list(article.authors)
    return record


def print_table(articles) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, pad_edge=False)
    for name in ("status", "outlet", "published", "title", "chars", "from", "url"):
        table.add_column(name, overflow="fold")
    notes = []
    for i, a in enumerate(articles, 1):
        origin = "archive " + a.archived if a.archived else "cache" if a.from_cache else "web" if a.ok else ""
        table.add_row(a.status, a.outlet or "", a.published or "", a.title or "", str(len(a.text)) if a.ok else "",
                      origin, a.url)
        if a.message:
            notes.append(f"{a.url}: {a.message}")
    console = Console(soft_wrap=False)
    console.print(table)
    for note in notes:
        console.print(note, markup=False, highlight=False)


@app.command("fetch", help="Fetch cited pages (polite, cached, safe) and print what was extracted from each.")
@handles_errors
def fetch(
    urls: List[str] = typer.Argument(..., metavar="URL...", help="Pages to fetch (http or https)."),
    offline: bool = typer.Option(False, "--offline", help="Answer only from the cache; send no request at all."),
    refresh: bool = typer.Option(False, "--refresh", help="Ignore cached copies and fetch again."),
    cache_dir: Optional[Path] = typer.Option(
        None, "--cache-dir", metavar="DIR", help="Cache directory (default: the user's cache directory)."
    ),
    allow_private_hosts: bool = typer.Option(
        False, "--allow-private-hosts",
        help="Allow hosts on loopback or private networks (also SCORER_ALLOW_PRIVATE_HOSTS=1).",
    ),
    timeout: Optional[float] = typer.Option(
        None, "--timeout", metavar="SECONDS", help="Read timeout per request (default 15; connect timeout 5)."
    ),
    output_format: str = typer.Option("table", "--format", metavar="FORMAT", help="Output format: table or json."),
) -> int:
    if output_format not in ("table", "json"):
        raise ScorerError(f"--format must be table or json, not {output_format!r}")
    settings = build_settings(offline=offline, refresh=refresh, cache_dir=cache_dir,
                              allow_private_hosts=allow_private_hosts, timeout=timeout)
    from scorer.fetch import fetch_articles

    by_url = fetch_articles(urls, settings, progress=True)
    articles = list(by_url.values())
    if output_format == "json":
        json.dump([article_record(a) for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(articles)
    return ExitStatus.FINDINGS if any(not a.ok for a in articles) else ExitStatus.OK
