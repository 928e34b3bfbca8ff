"""The on-disk cache: one SQLite table of extracted articles (and one of robots.txt files).

Why our own table rather than requests-cache: what we need back is the Article, not the HTTP
response, so an offline run is one indexed SELECT and never builds an HTTP session (it cannot send
a request by accident); expiry is a plain `fetched_at` comparison; replayed fixtures go in through
the same extraction as live pages. SQLite in WAL mode with a busy timeout lets two processes share
one file: readers never block, and the single short INSERT each fetch makes waits for the other.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
from dataclasses import asdict, fields, replace
from pathlib import Path

from scorer.errors import CacheError
from scorer.types import Article

log = logging.getLogger("scorer.cache")
FILE_NAME = "fetch.sqlite3"
SCHEMA_VERSION = 1
_COLUMNS = {"articles": ["key", "outlet", "fetched_at", "data"], "robots": ["origin", "fetched_at", "text"]}
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
    """The cache heals: a file that is not a database, a truncated one or another schema's is moved aside
    (with a warning) and a new one started; a location that cannot hold a cache is a CacheError."""

    def __init__(self, path: Path, ttl_days: float = 7.0):
        self.path = Path(path)
        self.ttl = ttl_days * 86400.0
        self._lock = threading.Lock()
        _check_location(self.path)
        try:
            self._db = _connect(self.path)
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                raise CacheError(f"the cache {self.path} is locked by another process: {exc}") from None
            if "unable to open" in str(exc) or not self.path.is_file():  # the place, not the file, is wrong
                raise CacheError(f"cannot open the cache {self.path}: {exc}; choose another with --cache-dir "
                                 "or SCORER_CACHE_DIR") from None
            self._db = self._heal(exc)

    def _heal(self, failure: Exception) -> sqlite3.Connection:
        """Move the unreadable file aside (once, whichever process sees it first) and start afresh."""
        with _heal_lock(self.path):
            try:  # another process may have healed it while this one waited
                return _connect(self.path)
            except sqlite3.DatabaseError as exc:
                if _is_busy(exc):
                    raise CacheError(f"the cache {self.path} is locked by another process: {exc}") from None
            aside = self.path.with_name(f"{self.path.name}.unreadable-{time.strftime('%Y%m%dT%H%M%S')}")
            try:
                os.replace(self.path, aside)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise CacheError(f"the cache {self.path} is unreadable ({failure}) and cannot be moved aside: "
                                 f"{exc.strerror or exc}") from None
            for suffix in ("-wal", "-shm", "-journal"):  # a stale log must not be replayed into the new file
                try:
                    os.unlink(f"{self.path}{suffix}")
                except OSError:
                    pass
            log.warning("the page cache %s could not be read (%s); moved aside to %s, starting an empty cache",
                        self.path, failure, aside.name)
            try:
                return _connect(self.path)
            except sqlite3.Error as exc:
                raise CacheError(f"cannot create the cache {self.path}: {exc}") from None

    def _run(self, sql: str, args: tuple = (), *, many: bool = False):
        """One statement; a database found damaged mid-run is healed and the statement run again."""
        with self._lock:
            try:
                cursor = self._db.execute(sql, args)
                return cursor.fetchall() if many else cursor.fetchone()
            except sqlite3.DatabaseError as exc:
                if _is_busy(exc):
                    raise
                try:
                    self._db.close()
                except sqlite3.Error:
                    pass
                self._db = self._heal(exc)
                cursor = self._db.execute(sql, args)
                return cursor.fetchall() if many else cursor.fetchone()

    @classmethod
    def open(cls, settings) -> "ArticleCache":
        return cls(cache_path(settings.cache_dir), settings.cache_ttl_days)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- articles ---------------------------------------------------------------------------------
    def get(self, key: str, *, allow_stale: bool = False) -> Article | None:
        """The cached article for `key`, marked from_cache; None when absent (or expired, unless allow_stale)."""
        row = self._run("SELECT fetched_at, data FROM articles WHERE key = ?", (key,))
        if row is None:
            return None
        fetched_at, data = row
        if isinstance(fetched_at, bool) or not isinstance(fetched_at, (int, float)) or not isinstance(data, str):
            return None  # a row of the wrong types is as good as absent: fetched again and replaced
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
        self._run("INSERT OR REPLACE INTO articles (key, outlet, fetched_at, data) VALUES (?, ?, ?, ?)",
                  (key, article.outlet, time.time(), data))

    def by_outlet(self, outlet: str) -> list[Article]:
        rows = self._run("SELECT data FROM articles WHERE outlet = ? ORDER BY key", (outlet,), many=True)
        return [replace(article, from_cache=True) for (data,) in rows
                if isinstance(data, str) and (article := _load(data)) is not None]

    def count(self) -> int:
        return self._run("SELECT COUNT(*) FROM articles")[0]

    # -- robots.txt -------------------------------------------------------------------------------
    def get_robots(self, origin: str) -> str | None:
        row = self._run("SELECT fetched_at, text FROM robots WHERE origin = ?", (origin,))
        if row is None or not isinstance(row[0], (int, float)) or not isinstance(row[1], str):
            return None
        if time.time() - row[0] > ROBOTS_TTL:
            return None
        return row[1]

    def put_robots(self, origin: str, text: str) -> None:
        self._run("INSERT OR REPLACE INTO robots (origin, fetched_at, text) VALUES (?, ?, ?)",
                  (origin, time.time(), text))


def _check_location(path: Path) -> None:
    """A cache needs a writable directory: say in one line why this one is not."""
    where = str(path.parent)
    hint = "; choose another with --cache-dir or SCORER_CACHE_DIR"
    if "\x00" in str(path):
        raise CacheError(f"the cache directory {where!r} contains a NUL byte{hint}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise CacheError(f"the cache directory {where} is a file, not a directory{hint}") from None
    except OSError as exc:
        raise CacheError(f"cannot create the cache directory {where}: {exc.strerror or exc}{hint}") from None
    if not path.parent.is_dir():
        raise CacheError(f"the cache directory {where} is not a directory{hint}")
    if not os.access(path.parent, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.R_OK | os.W_OK)):
        raise CacheError(f"the cache in {where} is not writable{hint}")
    if path.exists() and not path.is_file():
        raise CacheError(f"the cache file {path} is not a regular file{hint}")


def _is_busy(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _connect(path: Path) -> sqlite3.Connection:
    """Open and check the cache; raises sqlite3.DatabaseError for a file that is not (or no longer) ours."""
    db = sqlite3.connect(path, timeout=30.0, check_same_thread=False, isolation_level=None)
    try:
        db.execute("PRAGMA busy_timeout = 30000")
        for attempt in range(50):  # switching to WAL needs a moment of exclusive access; another process may hold it
            try:
                db.execute("PRAGMA journal_mode = WAL")
                break
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        _check_schema(db)
        db.executescript(_SCHEMA)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        db.close()
        raise
    return db


def _check_schema(db: sqlite3.Connection) -> None:
    """Our tables with our columns (or none yet), nothing else: another program's or version's file is not ours."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA_VERSION):
        raise sqlite3.DatabaseError(f"cache schema version {version}, this scorer reads version {SCHEMA_VERSION}")
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not name.startswith("sqlite_")]
    for name in tables:
        if name not in _COLUMNS:
            raise sqlite3.DatabaseError(f"not a scorer cache (it has a table {name!r})")
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({name})")]
        if columns != _COLUMNS[name]:
            raise sqlite3.DatabaseError(f"an older or foreign cache layout (table {name}: {', '.join(columns)})")
    if tables:
        db.execute("SELECT COUNT(*) FROM articles").fetchone()  # reads the table's pages: a truncation shows here


@contextlib.contextmanager
def _heal_lock(path: Path):
    """One process at a time moves a broken cache aside (others then find the new one)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; the rename race is harmless there too
        yield
        return
    try:
        handle = open(f"{path}.lock", "a+")
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _load(data: str) -> Article | None:
    """The stored Article, or None for a row this version cannot read (a torn write, another version's
    fields): such a row is as good as absent and is fetched again, never a crash of the whole run."""
    try:
        raw = {k: v for k, v in json.loads(data).items() if k in _ARTICLE_FIELDS}
        raw["authors"] = tuple(raw.get("authors") or ())
        return Article(**raw)
    except (ValueError, TypeError, AttributeError):
        return None
