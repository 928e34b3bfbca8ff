"""The on-disk cache: one SQLite table of extracted articles (and one of robots.txt files).

Why our own table rather than requests-cache: what we need back is the Article, not the HTTP
response, so an offline run is one indexed SELECT and never builds an HTTP session (it cannot send
a request by accident); expiry is a plain `fetched_at` comparison; replayed fixtures go in through
the same extraction as live pages. SQLite in WAL mode with a busy timeout lets two processes share
one file: readers never block, and the single short INSERT each fetch makes waits for the other.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import asdict, fields, replace
from pathlib import Path

from scorer.types import Article

FILE_NAME = "fetch.sqlite3"
ROBOTS_TTL = 24 * 3600.0
_ARTICLE_FIELDS = {f.name for f in fields(Article)}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    outlet TEXT,
    fetched_at REAL NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE TABLE IF NOT EXISTS robots (
    origin TEXT PRIMARY KEY,
    fetched_at REAL NOT NULL,
    text TEXT NOT NULL
);
"""


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("scorer", appauthor=False))


def cache_path(cache_dir: str | None) -> Path:
    return Path(cache_dir).expanduser() / FILE_NAME if cache_dir else default_cache_dir() / FILE_NAME


class ArticleCache:
    def __init__(self, path: Path, ttl_days: float = 7.0):
        self.path = Path(path)
        self.ttl = ttl_days * 86400.0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 30000")
        for _ in range(50):  # switching to WAL needs a moment of exclusive access; another process may hold it
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.executescript(_SCHEMA)
                break
            except sqlite3.OperationalError:
                time.sleep(0.1)
        self._db.execute("PRAGMA synchronous = NORMAL")

    @classmethod
    def open(cls, settings) -> "ArticleCache":
        return cls(cache_path(settings.cache_dir), settings.cache_ttl_days)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- articles ---------------------------------------------------------------------------------
    def get(self, key: str, *, allow_stale: bool = False) -> Article | None:
        """The cached article for `key`, marked from_cache; None when absent (or expired, unless allow_stale)."""
        with self._lock:
            row = self._db.execute("SELECT fetched_at, data FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        fetched_at, data = row
        stale = time.time() - fetched_at > self.ttl
        if stale and not allow_stale:
            return None
        article = _load(data)
        if article is None:
            return None
        if stale:
            note = f"cached copy older than {self.ttl / 86400:g} days"
            article = replace(article, message=f"{article.message}; {note}" if article.message else note)
        return replace(article, from_cache=True)

    def put(self, key: str, article: Article) -> None:
        data = json.dumps(asdict(article), ensure_ascii=False)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO articles (key, outlet, fetched_at, data) VALUES (?, ?, ?, ?)",
                (key, article.outlet, time.time(), data),
            )

    def by_outlet(self, outlet: str) -> list[Article]:
        with self._lock:
            rows = self._db.execute("SELECT data FROM articles WHERE outlet = ? ORDER BY key", (outlet,)).fetchall()
        return [replace(article, from_cache=True) for (data,) in rows if (article := _load(data)) is not None]

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- robots.txt -------------------------------------------------------------------------------
    def get_robots(self, origin: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT fetched_at, text FROM robots WHERE origin = ?", (origin,)).fetchone()
        if row is None or time.time() - row[0] > ROBOTS_TTL:
            return None
        return row[1]

    def put_robots(self, origin: str, text: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO robots (origin, fetched_at, text) VALUES (?, ?, ?)", (origin, time.time(), text)
            )


def _load(data: str) -> Article | None:
    """The stored Article, or None for a row this version cannot read (a torn write, another version's
    fields): such a row is as good as absent and is fetched again, never a crash of the whole run."""
    try:
        raw = {k: v for k, v in json.loads(data).items() if k in _ARTICLE_FIELDS}
        raw["authors"] = tuple(raw.get("authors") or ())
        return Article(**raw)
    except (ValueError, TypeError, AttributeError):
        return None
