"""The on-disk cache: served from cache, offline sends nothing, refresh, expiry, two processes."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from scorer.fetch import fetch_articles
from scorer.fetch.cache import ArticleCache, cache_path

HRW = "https://www.hrw.org/news/2015/02/09/north-korea-harsher-punishments-contact-south"
HRW_PATH = "/news/2015/02/09/north-korea-harsher-punishments-contact-south"
ROOT = Path(__file__).resolve().parents[2]


def test_second_fetch_is_served_from_the_cache(local_server, fetch_settings):
    local_server.serve_manifest()
    first = fetch_articles([HRW], fetch_settings)[HRW]
    second = fetch_articles([HRW], fetch_settings)[HRW]
    assert not first.from_cache and second.from_cache
    assert second.text == first.text and second.title == first.title
    assert local_server.hits(HRW_PATH) == 1


def test_http_and_https_forms_share_one_entry(local_server, fetch_settings):
    local_server.serve_manifest()
    fetch_articles([HRW], fetch_settings)
    again = fetch_articles([HRW.replace("https://", "http://")], fetch_settings)
    assert next(iter(again.values())).from_cache and local_server.hits() == 1


def test_offline_sends_no_request_at_all(local_server, fetch_settings):
    local_server.serve_manifest()
    offline = replace(fetch_settings, offline=True)
    missing = fetch_articles([HRW, "http://site.test/never"], offline)
    assert {a.status for a in missing.values()} == {"not_cached"}
    assert len(local_server.server.log) == 0  # not even robots.txt
    fetch_articles([HRW], fetch_settings)
    before = len(local_server.server.log)
    assert fetch_articles([HRW], offline)[HRW].from_cache
    assert len(local_server.server.log) == before


def test_refresh_ignores_the_cache(local_server, fetch_settings):
    local_server.serve_manifest()
    fetch_articles([HRW], fetch_settings)
    again = fetch_articles([HRW], replace(fetch_settings, refresh=True))[HRW]
    assert not again.from_cache and local_server.hits(HRW_PATH) == 2


def test_entries_expire_after_the_ttl(local_server, fetch_settings):
    local_server.serve_manifest()
    fetch_articles([HRW], fetch_settings)
    cache = ArticleCache.open(fetch_settings)
    cache._db.execute("UPDATE articles SET fetched_at = ?", (time.time() - 8 * 86400,))
    cache.close()
    # online: refetched; offline: the old copy is still the best there is, and says so
    stale = fetch_articles([HRW], replace(fetch_settings, offline=True))[HRW]
    assert stale.from_cache and "older than 7 days" in stale.message
    fresh = fetch_articles([HRW], fetch_settings)[HRW]
    assert not fresh.from_cache and local_server.hits(HRW_PATH) == 2


def test_failures_are_not_cached(local_server, fetch_settings):
    local_server.server.expect_request("/gone").respond_with_data("no", status=403)
    fetch_articles(["http://site.test/gone"], fetch_settings)
    fetch_articles(["http://site.test/gone"], fetch_settings)
    assert local_server.hits("/gone") == 2


WRITER = """
import sys
from scorer.fetch.cache import ArticleCache
from scorer.types import Article
cache = ArticleCache(sys.argv[1])
for i in range(200):
    url = f"https://site.test/{sys.argv[2]}/{i}"
    cache.put(url, Article(url=url, status="ok", text="synthetic " * 50))
    assert cache.get(url) is not None
print(cache.count())
"""


def test_two_processes_share_one_cache(tmp_path):
    path = cache_path(str(tmp_path))
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env={"PYTHONPATH": str(ROOT)})
        for name in ("a", "b")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert ArticleCache(path).count() == 400
