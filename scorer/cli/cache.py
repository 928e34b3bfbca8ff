"""`scorer cache import MANIFEST`: fill the fetch cache from recorded pages (for offline runs)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.cli.options import CACHE_DIR_OPTION, fetch_flags

cache_app = typer.Typer(name="cache", help="Manage the fetch cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("import", help="Store recorded pages listed in a manifest in the cache, as if fetched.")
@handles_errors
def import_pages(
    manifest: Path = typer.Argument(..., metavar="MANIFEST", help="JSON manifest: URL -> recorded file + headers."),
    cache_dir: Optional[Path] = CACHE_DIR_OPTION,
) -> int:
    from scorer.config import load_config
    from scorer.fetch.cache import cache_path
    from scorer.fetch.replay import import_manifest

    settings = load_config(None, flags=fetch_flags(cache_dir=cache_dir)).settings.fetch
    stored = import_manifest(manifest, settings)
    for article in stored:
        note = " (partial)" if article.partial else ""
        print(f"imported {article.url}{note}")
    print(f"{len(stored)} recorded pages in {cache_path(settings.cache_dir)}")
    return 0
