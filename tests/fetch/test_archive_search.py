"""Dead links through the Internet Archive, and finding an article with no link by outlet search."""

from __future__ import annotations

import json
from dataclasses import replace

from scorer.fetch import fetch_articles, find_article, search_url
from scorer.settings import FetchSettings

KOTRA = "https://www.dailynk.com/english/report-nkchina-trade-down-for-firs/"
SYNTHETIC = "<html><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"


def archive_answers(local_server, url, timestamp="20150210000000", page=None):
    """The availability API (real JSON shape) and the raw snapshot, both on the local server."""
    srv = local_server.server
    answer = {"archived_snapshots": {"closest": {"available": True, "url": f"http://web.archive.org/web/{timestamp}/{url}",
                                                 "timestamp": timestamp, "status": "200"}}}
    srv.expect_request("/wayback/available").respond_with_json(answer)
    srv.expect_request(f"/web/{timestamp}id_/{url}").respond_with_data(
        page or SYNTHETIC.format(title="Synthetic archived page", text="Synthetic text kept by the archive."),
        content_type="text/html",
    )


def test_404_falls_back_to_the_snapshot_closest_to_the_draft_date(local_server, fetch_settings):
    url = "http://site.test/moved-away"
    local_server.server.expect_request("/moved-away").respond_with_data("gone", status=404)
    archive_answers(local_server, url)
    art = fetch_articles([url], fetch_settings, draft_date="2015-02-17")[url]
    assert art.status == "ok" and art.archived == "20150210000000"
    assert art.text == "Synthetic text kept by the archive."
    assert art.final_url.endswith("/web/20150210000000id_/" + url)
    assert "Internet Archive" in art.message and "2015-02-10" in art.message
    asked = local_server.requests("/wayback/available")[0]
    assert asked.args["url"] == url and asked.args["timestamp"] == "20150217"


def test_unresolvable_host_is_never_sent_to_the_archive(local_server, fetch_settings):
    # An intranet name that does not resolve from here would leak to a third party, query string and all.
    url = "http://gone.test/story?token=s3cret"  # .test names never resolve (and are never sent to a resolver)
    archive_answers(local_server, url)
    art = fetch_articles([url], fetch_settings)[url]
    assert art.status == "error" and "does not resolve" in art.message and art.archived is None
    assert local_server.hits("/wayback/available") == 0


def test_nothing_in_the_archive_keeps_the_original_status(local_server, fetch_settings):
    local_server.server.expect_request("/dead").respond_with_data("gone", status=410)
    local_server.server.expect_request("/wayback/available").respond_with_json({"archived_snapshots": {}})
    art = fetch_articles(["http://site.test/dead"], fetch_settings)["http://site.test/dead"]
    assert art.status == "http_410" and art.archived is None


def test_search_url_matches_the_recorded_answer():
    recorded = "https://www.dailynk.com/english/wp-json/wp/v2/posts?search=NK-China+trade&per_page=5"
    assert search_url("dailynk", "NK-China trade", FetchSettings()) == recorded


def test_daily_nk_search_through_the_wordpress_api(local_server, fetch_settings):
    local_server.serve_manifest()
    art = find_article("dailynk", "NK-China trade", fetch_settings)
    assert art.status == "ok" and art.url == KOTRA and art.outlet == "dailynk"
    assert "2.79 percent" in art.text and art.partial
    searched = local_server.requests("/english/wp-json/wp/v2/posts")[0]
    assert searched.args["search"] == "NK-China trade"


def test_daily_nk_search_prefers_the_post_holding_the_phrase(local_server, fetch_settings):
    posts = [
        {"link": "https://www.dailynk.com/english/synthetic-first/", "content": {"rendered": "<p>Other words.</p>"}},
        {"link": KOTRA, "content": {"rendered": "<p>recording roughly 6.36 billion USD</p>"}},
    ]
    local_server.server.expect_request("/english/wp-json/wp/v2/posts").respond_with_json(posts)
    local_server.serve_manifest()
    art = find_article("dailynk", "recording roughly 6.36 billion USD", fetch_settings)
    assert art.url == KOTRA


def test_hrw_site_search(local_server, fetch_settings):
    local_server.serve_manifest()
    results = (
        '<html><body><ul><li><a href="/about">About</a></li>'
        '<li><a href="/news/2015/02/09/north-korea-harsher-punishments-contact-south">hit</a></li></ul></body></html>'
    )
    local_server.server.expect_request("/sitesearch").respond_with_data(results, content_type="text/html")
    art = find_article("hrw", "mosquito nets", fetch_settings)
    assert art.status == "ok" and art.title == "North Korea: Harsher Punishments for Contact with South"
    assert local_server.requests("/sitesearch")[0].args["search"] == "mosquito nets"


def test_korea_herald_search_page(local_server, fetch_settings):
    local_server.serve_manifest()
    results = '<html><body><a href="/list.php">list</a><a href="/view.php?ud=20150216000944">hit</a></body></html>'
    local_server.server.expect_request("/search/index.php").respond_with_data(results, content_type="text/html")
    art = find_article("koreaherald", "about 170 North Korean businessmen", fetch_settings)
    assert art.status == "ok" and art.published == "2015-02-16" and "about 170" in art.text
    asked = local_server.requests("/search/index.php")[0]
    assert asked.args["q"] == "about 170 North Korean businessmen" and asked.args["mode"] == "list"


def test_yonhap_search_is_unsupported_and_sends_nothing(local_server, fetch_settings):
    art = find_article("yonhap", "trade with China", fetch_settings)
    assert art.status == "search_unsupported" and "JavaScript" in art.message
    assert len(local_server.server.log) == 0


def test_no_hit(local_server, fetch_settings):
    local_server.server.expect_request("/english/wp-json/wp/v2/posts").respond_with_json([])
    assert find_article("dailynk", "no such words", fetch_settings).status == "not_found"


def test_offline_search_uses_the_recorded_answer_or_the_cached_articles(local_server, fetch_settings, tmp_path):
    from scorer.fetch.replay import import_manifest

    settings = replace(fetch_settings, offline=True)
    import_manifest(local_server_manifest(), settings)
    assert find_article("dailynk", "NK-China trade", settings).url == KOTRA
    by_text = find_article("dailynk", "plunged by 17.69 percent", settings)
    assert by_text.url == KOTRA and by_text.from_cache
    assert find_article("dailynk", "words in no cached page", settings).status == "not_cached"
    assert len(local_server.server.log) == 0


def local_server_manifest():
    from conftest import PAGES

    return PAGES / "manifest.json"
