"""The cache heals: a broken, truncated, foreign or older file is moved aside with a warning and rebuilt;
a place that cannot hold a cache is one line and exit 2; two processes share one cache."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.cli import app
from scorer.fetch import fetch_articles
from scorer.fetch.cache import ArticleCache, cache_path
from scorer.settings import FetchSettings
from scorer.types import Article

runner = CliRunner()
URL = "https://site.test/a"


def _store(cache_dir: Path, n: int = 1) -> None:
    cache = ArticleCache(cache_path(str(cache_dir)))
    for i in range(n):
        cache.put(f"https://site.test/{'a' if i == 0 else i}", Article(url=URL, status="ok", text="Synthetic text. " * 50))
    cache.close()


def _offline(cache_dir: Path) -> Article:
    return fetch_articles([URL], FetchSettings(cache_dir=str(cache_dir), offline=True))[URL]


def _aside(cache_dir: Path) -> list[str]:
    return [p.name for p in cache_dir.iterdir() if ".unreadable-" in p.name]


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"", b"SQLite format 3\x00" + b"\xff" * 5000],
                         ids=["garbage", "empty", "bad-header"])
def test_a_garbage_cache_file_is_moved_aside_and_rebuilt(tmp_path, caplog, content):
    tmp_path.joinpath("fetch.sqlite3").write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="scorer"):
        art = _offline(tmp_path)
    assert art.status == "not_cached"
    if content:  # an empty file is a valid empty database to SQLite: nothing to move
        assert _aside(tmp_path) and "moved aside" in caplog.text
    _store(tmp_path)
    assert _offline(tmp_path).status == "ok"


def test_a_truncated_cache_file_heals(tmp_path, caplog):
    _store(tmp_path, n=400)
    db = tmp_path / "fetch.sqlite3"
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    for extra in ("fetch.sqlite3-wal", "fetch.sqlite3-shm"):
        tmp_path.joinpath(extra).unlink(missing_ok=True)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    with caplog.at_level(logging.WARNING, logger="scorer"):
        art = _offline(tmp_path)
    assert art.status in ("not_cached", "ok")
    assert _aside(tmp_path) and "moved aside" in caplog.text
    _store(tmp_path)
    assert _offline(tmp_path).status == "ok"


@pytest.mark.parametrize("schema", [
    "CREATE TABLE articles (key TEXT PRIMARY KEY, data TEXT)",  # an older layout
    "CREATE TABLE users (name TEXT, password TEXT)",  # another program's database
    "PRAGMA user_version = 99",  # a newer scorer's
], ids=["older", "foreign", "newer"])
def test_a_cache_of_another_schema_is_moved_aside(tmp_path, caplog, schema):
    db = sqlite3.connect(tmp_path / "fetch.sqlite3")
    db.execute(schema)
    db.commit()
    db.close()
    with caplog.at_level(logging.WARNING, logger="scorer"):
        assert _offline(tmp_path).status == "not_cached"
    assert _aside(tmp_path) and "moved aside" in caplog.text
    _store(tmp_path)
    assert _offline(tmp_path).status == "ok"


def test_rows_of_the_wrong_types_count_as_absent(tmp_path):
    _store(tmp_path)
    db = sqlite3.connect(tmp_path / "fetch.sqlite3")
    db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", (URL, None, "yesterday", "{}"))
    db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", ("https://site.test/b", None, 9e12, 12345))
    db.execute("INSERT OR REPLACE INTO robots VALUES (?, ?, ?)", ("https://site.test", "x", 5))
    db.commit()
    db.close()
    got = fetch_articles([URL, "https://site.test/b"], FetchSettings(cache_dir=str(tmp_path), offline=True))
    assert [a.status for a in got.values()] == ["not_cached", "not_cached"]
    assert ArticleCache(cache_path(str(tmp_path))).get_robots("https://site.test") is None


def _unusable(tmp_path: Path) -> dict[str, str]:
    afile = tmp_path / "afile"
    afile.write_text("x")
    return {"a file": str(afile), "under a file": str(afile / "cache"), "/dev/null": "/dev/null"}


def _scorer(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scorer", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("which", ["a file", "under a file", "/dev/null"])
@pytest.mark.parametrize("command", [["fetch", URL, "--offline"], ["check", "draft.md"]])
def test_an_unusable_cache_location_is_one_line_and_exit_2(tmp_path, which, command):
    tmp_path.joinpath("draft.md").write_text('He said "it rose 5 percent" [here](https://site.test/a).\n')
    where = _unusable(tmp_path)[which]
    if where.startswith(("/proc", "/sys")) and not Path(where).parent.is_dir():
        pytest.skip("no /proc or /sys here")
    done = _scorer(*command, "--cache-dir", where, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("scorer: error: ") and where in lines[0]
    if command[0] != "check":
        return
    # the same place from a configuration file, where no option type checks it first
    tmp_path.joinpath("bad.toml").write_text(f'[fetch]\ncache_dir = "{where}"\n')
    done = _scorer("check", "draft.md", "--config", "bad.toml", cwd=tmp_path)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and "cache" in done.stderr


def test_a_nul_byte_in_the_cache_location_is_one_line_and_exit_2(tmp_path):
    # (a real argv cannot hold a NUL byte; a configuration file can)
    result = runner.invoke(app, ["fetch", URL, "--offline", "--cache-dir", "ca\x00che"])
    assert result.exit_code == 2
    toml = tmp_path / "scorer.toml"
    toml.write_text('[fetch]\ncache_dir = "ca\\u0000che"\n')
    tmp_path.joinpath("draft.md").write_text("Plain words.\n")
    result = runner.invoke(app, ["check", str(tmp_path / "draft.md"), "--config", str(toml)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_cache_location_is_one_line_and_exit_2(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        result = runner.invoke(app, ["fetch", URL, "--offline", "--cache-dir", str(ro)])
    finally:
        ro.chmod(0o700)
    assert result.exit_code == 2 and "not writable" in result.stderr


def test_two_processes_fetching_into_one_cache_both_finish_right(local_server, tmp_path):
    for i in range(12):
        local_server.server.expect_request(f"/p{i}").respond_with_data(
            f"<html><head><title>Synthetic {i}</title></head><body><article><p>Synthetic page number {i} "
            "with enough words to be an article.</p></article></body></html>", content_type="text/html")
    tmp_path.joinpath(".scorer.toml").write_text("[fetch]\nrate_limit = 100\n")
    urls = [f"{local_server.base}/p{i}" for i in range(12)]
    command = [sys.executable, "-m", "scorer", "fetch", *urls, "--allow-private-hosts", "--format", "json",
               "--cache-dir", str(tmp_path / "cache")]
    procs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        records = json.loads(out)
        assert [r["title"] for r in records] == [f"Synthetic {i}" for i in range(12)]
    cache = ArticleCache(cache_path(str(tmp_path / "cache")))
    assert cache.count() == 12
