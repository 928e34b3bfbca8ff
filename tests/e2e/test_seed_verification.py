"""Issue 4 on the seed: its claims checked against recorded outlet pages served from 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorer.pipeline import score_file
from scorer.settings import CheckSettings, FetchSettings

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"


@pytest.fixture
def results(local_server, tmp_path):
    local_server.serve_manifest()
    report = score_file(SEED, CheckSettings(fetch=local_server.settings(tmp_path / "cache")))
    local_server.server.clear_assertions()
    return {r.claim.text: r for r in report.results}, local_server


def result(results, start: str):
    found = [r for text, r in results[0].items() if text.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def test_hrw_quotes_are_verified(results):
    for start in ("“We must set up two or three layers of mosquito nets",
                  "“North Korean authorities are using brutal punishments"):
        v = result(results, start).verification
        assert v.status == "verified", start
        assert v.url == "https://www.hrw.org/news/2015/02/09/north-korea-harsher-punishments-contact-south"
        assert v.quote_score >= 0.95 and v.passage


def test_quotes_beyond_the_stored_excerpt_are_partial_source_never_verified(results):
    for start in ("“The phones have no signal in the cities", "“I used to call from my living room"):
        assert result(results, start).verification.status == "partial_source"


def test_korea_herald_wire_copy_verifies_the_yonhap_quote(results):
    v = result(results, "A source in a northeastern Chinese city").verification
    assert v.status == "verified"
    assert "only about 30 percent of the North Korean businessmen have returned to China" in v.passage
    assert v.source_published == "2015-02-16"


def test_family_of_four_block_is_verified_against_daily_nk(results):
    for start in ("“To expedite the family’s escape", "But too many caught wind"):
        v = result(results, start).verification
        assert v.status == "verified"
        assert v.url == "https://www.dailynk.com/english/family-caught-for-attempting-to-de/"


def test_kotra_figures_differ_from_the_daily_nk_report_found_by_search(results):
    v = result(results, "The report cites Korea Trade and Investment Promotion Agency").verification
    numbers = {n.claim: n for n in v.numbers}
    assert numbers["$6.39 billion"].status == "different" and numbers["$6.39 billion"].source.startswith("6.36 billion")
    assert numbers["2.4 percent"].status == "different" and numbers["2.4 percent"].source == "2.79 percent"
    assert v.url == "https://www.dailynk.com/english/report-nkchina-trade-down-for-firs/"


def test_each_source_is_fetched_once_per_run(results):
    _, server = results
    assert server.hits("/news/2015/02/09/north-korea-harsher-punishments-contact-south") == 1
    assert server.hits("/view.php") == 1


def test_a_failed_source_leaves_claims_unfetched_and_scoring_goes_on(local_server, tmp_path):
    # nothing is served: every page answers 500
    local_server.server.expect_request("/news/2015/02/09/north-korea-harsher-punishments-contact-south").respond_with_data(
        "down", status=500)
    settings = CheckSettings(fetch=local_server.settings(tmp_path / "cache", retries=0))
    report = score_file(SEED, settings)
    without = score_file(SEED, CheckSettings(fetch=FetchSettings(enabled=False)))
    start = "“We must set up two or three layers"
    (failed,) = [r for r in report.results if r.claim.text.startswith(start)]
    (unchecked,) = [r for r in without.results if r.claim.text.startswith(start)]
    assert failed.verification.status == "unfetched" and failed.verification.reason.startswith("http_500")
    # a page that could not be had neither helps nor hurts: the score is the one from the text alone
    assert failed.score == unchecked.score
    assert len(report.results) == 113
