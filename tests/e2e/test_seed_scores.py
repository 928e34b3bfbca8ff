"""Issue 2 on the seed, from the draft's text alone: what a reader of the seed expects the scores to say."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorer import CheckSettings, FetchSettings, score_file

DRAFTS = Path(__file__).resolve().parents[2] / "fixtures" / "drafts"


@pytest.fixture(scope="module", params=["kim-jong-un-seeks-friends.md", "kim-jong-un-seeks-friends.txt"])
def results(request):
    report = score_file(DRAFTS / request.param, CheckSettings(fetch=FetchSettings(enabled=False)))
    return {r.claim.text: r for r in report.results}


def result(results, start: str):
    (found,) = [r for text, r in results.items() if text.startswith(start)]
    return found


def test_every_sentence_is_a_claim_in_order(results):
    claims = [r.claim for r in results.values()]
    assert len(claims) == 113
    assert [c.index for c in claims] == list(range(113))


def test_daily_nk_block_is_moderate_on_daily_nk(results):
    for start in ("Overall figures for North Korean residents", "Most North Koreans [77,000]"):
        r = result(results, start)
        assert r.score.strength == "moderate"
        assert [s.outlet for s in r.attribution.sources] == ["dailynk"]


def test_anonymous_source_relayed_by_yonhap_is_weak(results):
    r = result(results, "A source in a northeastern Chinese city")
    assert r.score.strength == "weak" and r.score.confidence < 0.5
    assert {s.kind for s in r.attribution.sources} == {"anonymous", "outlet"}


def test_named_hrw_speaker_is_strong(results):
    r = result(results, "“North Korean authorities are using brutal punishments")
    assert r.score.strength == "strong" and r.score.confidence > 0.8


def test_check_worthiness_of_fact_and_rhetoric(results):
    assert result(results, "On January 2nd, President Obama signed Executive Order 13687").score.check_worthy
    quip = result(results, "It works because we’re dumb enough to let it.").score
    assert not quip.check_worthy and quip.strength is None and quip.confidence is None
