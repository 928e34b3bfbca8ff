"""Looking into and emptying the page cache (`scorer cache info|clear`), without creating it by accident."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from scorer.errors import ScorerError
from scorer.fetch.cache import cache_path


def _files(path: Path) -> list[Path]:
    """The database and SQLite's write-ahead log and shared-memory files beside it."""
    return [p for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")) if p.exists()]


def _bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in _files(path))


def _connect(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30.0, isolation_level=None)
        db.execute("SELECT COUNT(*) FROM articles").fetchone()
        return db
    except sqlite3.DatabaseError as exc:
        raise ScorerError(f"{path}: not a scorer page cache ({exc})") from None


def cache_stats(cache_dir: str | None, ttl_days: float = 7.0) -> dict:
    """Where the cache is and what it holds: pages (expired ones counted apart), per outlet, robots files, size."""
    path = cache_path(cache_dir)
    stats = {"path": str(path), "exists": path.is_file(), "bytes": 0, "pages": 0, "expired": 0, "robots": 0,
             "outlets": {}}
    if not path.is_file():
        return stats
    db = _connect(path)
    try:
        stale_before = time.time() - ttl_days * 86400.0
        stats["pages"] = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        stats["expired"] = db.execute("SELECT COUNT(*) FROM articles WHERE fetched_at < ?",
                                      (stale_before,)).fetchone()[0]
        stats["robots"] = db.execute("SELECT COUNT(*) FROM robots").fetchone()[0]
        rows = db.execute("SELECT COALESCE(outlet, '(other)'), COUNT(*) FROM articles GROUP BY 1 "
                          "ORDER BY 2 DESC, 1").fetchall()
        stats["outlets"] = {outlet: count for outlet, count in rows}
    finally:
        db.close()
    stats["bytes"] = _bytes(path)
    return stats


def clear_cache(cache_dir: str | None) -> tuple[str, int, int] | None:
    """Empty the cache; (path, pages removed, bytes freed), or None when there is no cache.

    Rows are deleted rather than the file removed, so a run using the cache at the same moment keeps a
    valid database.
    """
    path = cache_path(cache_dir)
    if not path.is_file():
        return None
    before = _bytes(path)
    db = _connect(path)
    try:
        pages = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        db.execute("DELETE FROM articles")
        db.execute("DELETE FROM robots")
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return str(path), pages, max(before - _bytes(path), 0)
