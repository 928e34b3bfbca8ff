"""End to end on a draft that is not in the training corpus (fixtures/drafts/outside-corpus.md, invented):
the scores here are out of sample, unlike the seed's, which is a training document."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorer import score_file

DRAFT = Path(__file__).resolve().parents[2] / "fixtures" / "drafts" / "outside-corpus.md"


@pytest.fixture(scope="module")
def results():
    report = score_file(DRAFT)
    return {r.claim.text.split()[0] + " " + r.claim.text.split()[1]: r for r in report.results}


def test_a_named_body_is_strong_and_passes(results):
    r = results["According to"]
    assert r.score.strength == "strong" and r.score.confidence >= 0.5
    assert any(s.kind == "organization" and "Riverton Water Authority" in s.name for s in r.attribution.sources)


def test_a_named_official_is_strong(results):
    r = results["Mayor Dana"]
    assert r.score.strength == "strong" and r.score.confidence >= 0.5
    assert [s.name for s in r.attribution.sources if s.kind == "person"] == ["Dana Okafor"]


def test_an_anonymous_official_is_weak_and_fails(results):
    r = results["A city"]
    assert r.score.strength == "weak" and r.score.confidence < 0.5
    assert any(s.kind == "anonymous" for s in r.attribution.sources)


def test_unnamed_residents_are_not_enough(results):
    r = results["Residents say"]
    assert r.score.check_worthy and r.score.confidence < 0.5
    assert all(s.kind in ("anonymous", "vague") for s in r.attribution.sources)


def test_an_unsourced_fact_is_check_worthy_and_fails(results):
    r = results["The pipes"]
    assert r.score.check_worthy and r.score.strength in ("none", "weak") and r.score.confidence < 0.5
    assert r.attribution.sources == ()  # its paragraph is its own: nothing leaks in from the neighbours


def test_the_heading_and_the_question_are_not_check_worthy(results):
    assert not results["Riverton's water"].score.check_worthy
    assert not results["Will the"].score.check_worthy
