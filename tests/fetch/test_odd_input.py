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


# -- answers from other services that are not what they should be ---------------------------------------------

import pytest  # noqa: E402

from scorer.fetch import find_article  # noqa: E402


@pytest.mark.parametrize(
    "answer",
    [
        {"archived_snapshots": {"closest": ["not", "an", "object"]}},
        {"archived_snapshots": {"closest": "20150210000000"}},
        {"archived_snapshots": []},
        ["a", "list"],
        None,
    ],
)
def test_archive_api_junk_keeps_the_dead_links_own_status(local_server, fetch_settings, answer):
    local_server.server.expect_request("/gone").respond_with_data("gone", status=404)
    local_server.server.expect_request("/wayback/available").respond_with_json(answer)
    art = fetch_articles(["http://site.test/gone"], fetch_settings)["http://site.test/gone"]
    assert art.status == "http_404" and art.archived is None  # still a dead link, as the dead-link rule needs


def test_archive_api_that_is_not_json(local_server, fetch_settings):
    local_server.server.expect_request("/gone").respond_with_data("gone", status=410)
    local_server.server.expect_request("/wayback/available").respond_with_data("<html>busy</html>", content_type="text/html")
    art = fetch_articles(["http://site.test/gone"], fetch_settings)["http://site.test/gone"]
    assert art.status == "http_410"


@pytest.mark.parametrize(
    "posts, expected",
    [
        # a usable link is followed even when the rest of the hit is odd; anything else is no hit
        ([{"link": "https://www.dailynk.com/english/synthetic/", "content": "<p>a string, not an object</p>"}], "ok"),
        ([{"link": "https://www.dailynk.com/english/synthetic/", "content": {"rendered": 42}}], "ok"),
        ([{"link": ["https://www.dailynk.com/english/synthetic/"]}], "not_found"),
        ([{"link": 7}], "not_found"),
        ({"code": "rest_no_route", "message": "No route was found"}, "not_found"),
    ],
)
def test_daily_nk_search_answer_of_odd_shape_never_raises(local_server, fetch_settings, posts, expected):
    local_server.server.expect_request("/english/wp-json/wp/v2/posts").respond_with_json(posts)
    local_server.server.expect_request("/english/synthetic/").respond_with_data(
        "<html><body><article><h1>Synthetic</h1><p>Synthetic words.</p></article></body></html>",
        content_type="text/html",
    )
    art = find_article("dailynk", "synthetic words", fetch_settings)
    assert art.status == expected


@pytest.mark.parametrize("phrase", ["", "   ", "\n"])
def test_an_empty_phrase_is_never_searched(local_server, fetch_settings, phrase):
    art = find_article("dailynk", phrase, fetch_settings)
    assert art.status == "not_found" and "no phrase" in art.message
    assert local_server.hits() == 0


def test_rate_limit_holds_across_separate_look_ups(local_server, fetch_settings):
    """verify_all fetches, then searches the same outlets in separate find_article calls: still 1/rate apart."""
    import time
    from dataclasses import replace

    local_server.server.expect_request("/english/wp-json/wp/v2/posts").respond_with_json([])
    settings = replace(fetch_settings, rate_limit=2)
    start = time.monotonic()
    for phrase in ("first synthetic phrase", "second synthetic phrase"):
        assert find_article("dailynk", phrase, settings).status == "not_found"
    # robots.txt, then two searches on one host at 2 a second: two gaps of 0.5 s at least
    assert time.monotonic() - start >= 0.95
