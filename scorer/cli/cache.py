"""`scorer cache path|info|clear|import`: where the page cache lives, what it holds, emptying and filling it."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.cli.options import CACHE_DIR_OPTION, fetch_flags, format_option, pick_format

cache_app = typer.Typer(name="cache", no_args_is_help=True,
                        help="The page cache: where it is, what it holds, clear it, fill it from recorded pages.")
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


def _settings(cache_dir: Optional[Path]):
    from scorer.config import load_config

    return load_config(None, flags=fetch_flags(cache_dir=cache_dir)).settings.fetch


@cache_app.command("path", help="Print the cache file's path (the --cache-dir, SCORER_CACHE_DIR or config "
                   "setting in force, else the user cache directory).")
@handles_errors
def path_command(cache_dir: Optional[Path] = CACHE_DIR_OPTION) -> int:
    from scorer.fetch.cache import cache_path

    print(cache_path(_settings(cache_dir).cache_dir))
    return 0


@cache_app.command("info", help="Show where the cache is, how many pages it holds, per outlet, and its size.")
@handles_errors
def info_command(
    cache_dir: Optional[Path] = CACHE_DIR_OPTION,
    output_format: str = format_option(("table", "json")),
) -> int:
    import json

    from scorer.fetch.cache_admin import cache_stats

    output_format = pick_format(output_format, ("table", "json"))
    settings = _settings(cache_dir)
    stats = cache_stats(settings.cache_dir, settings.cache_ttl_days)
    if output_format == "json":
        print(json.dumps(stats, indent=2, ensure_ascii=False))
        return 0
    print(f"path:     {stats['path']}{'' if stats['exists'] else ' (not created yet)'}")
    print(f"size:     {_size(stats['bytes'])}")
    print(f"pages:    {stats['pages']} ({stats['expired']} older than {settings.cache_ttl_days:g} days)")
    print(f"robots:   {stats['robots']} robots.txt file(s)")
    for outlet, count in stats["outlets"].items():
        print(f"  {outlet:<24} {count}")
    return 0


@cache_app.command("clear", help="Delete every cached page and robots.txt file (the next run fetches again).")
@handles_errors
def clear_command(cache_dir: Optional[Path] = CACHE_DIR_OPTION) -> int:
    from scorer.fetch.cache_admin import clear_cache

    removed = clear_cache(_settings(cache_dir).cache_dir)
    if removed is None:
        print("nothing to clear: the cache does not exist yet")
    else:
        path, pages, freed = removed
        print(f"cleared {path}: {pages} page(s), {_size(freed)}")
    return 0


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"
