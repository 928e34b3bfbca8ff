"""`scorer fetch URL...`: fetch cited pages and show what was extracted from each."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.cli.options import (CACHE_DIR_OPTION, DEADLINE_OPTION, OFFLINE_OPTION, PRIVATE_HOSTS_OPTION, REFRESH_OPTION,
                                fetch_flags, format_option, pick_format)
from scorer.errors import ExitStatus, ScorerError

FIELDS = (
    "url", "final_url", "outlet", "title", "authors", "published", "text",
    "fetched_at", "from_cache", "archived", "status", "message",
)


def build_settings(*, offline: bool, refresh: bool, cache_dir: Optional[Path], allow_private_hosts: bool,
                   timeout: Optional[float], deadline: Optional[float] = None):
    """FetchSettings from defaults, config file and environment (scorer.config), then these flags."""
    from dataclasses import replace

    from scorer.config import load_config

    flags = fetch_flags(offline=offline, refresh=refresh, cache_dir=cache_dir,
                        allow_private_hosts=allow_private_hosts, timeout=timeout, deadline=deadline)
    settings = load_config(None, flags=flags).settings.fetch
    if timeout is not None:  # a connection should not wait longer than the whole read may, nor the page
        connect = min(settings.connect_timeout, timeout)
        settings = replace(settings, connect_timeout=connect, page_timeout=min(settings.page_timeout, connect + timeout))
    return settings


def article_record(article) -> dict:
    record = {name: getattr(article, name) for name in FIELDS}
    record["authors"] = list(article.authors)
    return record


def print_table(articles) -> None:
    """One line per URL (status, outlet, date, where from, URL), then its title and any message, indented.

    Plain text, never wrapped mid-field, so it reads the same in a terminal, a pipe or a CI log.
    """
    from scorer.report.common import printable  # a page's title or a server's message never drives the terminal

    print(f"{'STATUS':<18} {'OUTLET':<12} {'PUBLISHED':<10} {'FROM':<22} URL")
    for a in articles:
        where = f"archive {a.archived}" if a.archived else "cache" if a.from_cache else "web" if a.ok else "-"
        print(printable(f"{a.status:<18} {a.outlet or '-':<12} {a.published or '-':<10} {where:<22} {a.url}"))
        if a.ok:
            print(printable(f"{'':<19}{a.title or '(no title)'} ({len(a.text):,} characters)"))
        if a.message:
            print(printable(f"{'':<19}{a.message}"))


@app.command("fetch", help="Fetch cited pages (polite, cached, safe) and print what was extracted from each.")
@handles_errors
def fetch(
    urls: List[str] = typer.Argument(..., metavar="URL...", help="Pages to fetch (http or https)."),
    offline: bool = OFFLINE_OPTION,
    refresh: bool = REFRESH_OPTION,
    cache_dir: Optional[Path] = CACHE_DIR_OPTION,
    allow_private_hosts: bool = PRIVATE_HOSTS_OPTION,
    timeout: Optional[float] = typer.Option(
        None, "--timeout", metavar="SECONDS", help="Read timeout per request (default 15; connect timeout 5)."
    ),
    output_format: str = format_option(("table", "json")),
    deadline: Optional[float] = DEADLINE_OPTION,
) -> int:
    output_format = pick_format(output_format, ("table", "json"))
    settings = build_settings(offline=offline, refresh=refresh, cache_dir=cache_dir,
                              allow_private_hosts=allow_private_hosts, timeout=timeout, deadline=deadline)
    from scorer.fetch import fetch_articles

    by_url = fetch_articles(urls, settings, progress=True)
    articles = list(by_url.values())
    if output_format == "json":
        json.dump([article_record(a) for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(articles)
    return ExitStatus.FINDINGS if any(not a.ok for a in articles) else ExitStatus.OK
