"""Odd input never raises out of the fetch layer: a bad URL or a bad cache row costs that URL only."""

from __future__ import annotations

import sqlite3

from scorer.fetch import fetch_articles
from scorer.fetch.cache import cache_path
from scorer.settings import FetchSettings


def test_malformed_urls_are_refused_one_by_one(tmp_path):
    settings = FetchSettings(cache_dir=str(tmp_path), offline=True)
    urls = ["http://[::1", "http://site.test:abc/x", "https://site.test/fine"]
    got = fetch_articles(urls, settings)
    assert list(got) == urls
    assert got["http://[::1"].status == "refused" and "not a valid URL" in got["http://[::1"].message
    assert got["http://site.test:abc/x"].status == "refused"
    assert got["https://site.test/fine"].status == "not_cached"


def test_unreadable_cache_rows_count_as_not_cached(tmp_path):
    settings = FetchSettings(cache_dir=str(tmp_path), offline=True)
    fetch_articles(["https://site.test/a"], settings)  # creates the cache file
    db = sqlite3.connect(cache_path(str(tmp_path)))
    # A torn write, and a row of another version of the tool that lacks a field this one needs.
    db.execute("INSERT INTO articles VALUES (?, ?, ?, ?)", ("https://site.test/a", None, 9e12, "{not json"))
    db.execute("INSERT INTO articles VALUES (?, ?, ?, ?)", ("https://site.test/b", None, 9e12, '{"url": "x"}'))
    db.commit()
    db.close()
    got = fetch_articles(["https://site.test/a", "https://site.test/b"], settings)
    assert [a.status for a in got.values()] == ["not_cached", "not_cached"]
