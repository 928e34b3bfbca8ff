"""The generic extractor and the finishing every page gets (synthetic .test pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorer.fetch import fetch_articles
from scorer.fetch.extract import strip_truncation

SYNTHETIC = Path(__file__).resolve().parents[2] / "fixtures" / "pages" / "synthetic"


def serve(local_server, path, name, content_type="text/html"):
    local_server.server.expect_request(path).respond_with_data((SYNTHETIC / name).read_bytes(), content_type=content_type)


def test_json_ld_only_page(local_server, fetch_settings):
    serve(local_server, "/jsonld", "jsonld_only.html")
    art = fetch_articles(["http://site.test/jsonld"], fetch_settings)["http://site.test/jsonld"]
    assert art.status == "ok" and art.outlet is None
    assert art.title == "Synthetic JSON-LD headline"
    assert art.published == "2099-05-06"
    assert art.authors == ("Ada Example", "Bo Sample")
    assert "only metadata is JSON-LD" in art.text
    assert art.partial and not art.text.endswith("Read more")


def test_page_without_any_metadata(local_server, fetch_settings):
    serve(local_server, "/bare", "no_metadata.html")
    art = fetch_articles(["http://site.test/bare"], fetch_settings)["http://site.test/bare"]
    assert art.status == "ok"
    assert art.title is None and art.published is None and art.authors == ()
    assert "Plain synthetic text without any metadata" in art.text
    assert art.partial and "(continued)" not in art.text


def test_non_utf8_charset_from_the_meta_tag(local_server, fetch_settings):
    serve(local_server, "/cp1252", "windows1252.html", content_type="text/html")  # no charset in the header
    art = fetch_articles(["http://site.test/cp1252"], fetch_settings)["http://site.test/cp1252"]
    assert art.title == "Synthetic café page"
    assert "\u201cSynthetic quotation\u201d in naïve windows-1252 \u2013 with" in art.text


def test_bad_bytes_do_not_crash(local_server, fetch_settings):
    body = b"<html><body><article><p>Synthetic \xff\xfe broken \xc3 bytes in a page that says utf-8.</p></article></body></html>"
    local_server.server.expect_request("/bad").respond_with_data(body, content_type="text/html; charset=utf-8")
    art = fetch_articles(["http://site.test/bad"], fetch_settings)["http://site.test/bad"]
    assert art.status == "ok" and "broken" in art.text and "\ufffd" in art.text


@pytest.mark.parametrize(
    "last",
    ["[...truncated in stored excerpt]", "(continued)", "Read more", "Read more »",
     "This article is for subscribers only. Subscribe now to continue reading."],
)
def test_truncation_markers_make_a_partial_copy(last):
    text, partial = strip_truncation(f"First paragraph.\n\nSecond paragraph.\n\n{last}")
    assert partial and text == "First paragraph.\n\nSecond paragraph."


def test_an_ordinary_ending_is_not_partial():
    text, partial = strip_truncation("First paragraph.\n\nHe said he would read more books next year.")
    assert not partial and text.endswith("next year.")
