"""Check-worthiness is about what a sentence asserts, not about how (or whether) it is sourced; the same
sentence with the same frame scores the same wherever it stands. Drafts here are invented."""

from __future__ import annotations

import pytest

from scorer import score_text
from scorer.sentence import strip_attribution


def _only(text: str):
    results = score_text(text + "\n", path="draft.md").results
    assert len(results) == 1, [r.claim.text for r in results]
    return results[0]


FACTS = [
    "The factory closed in June.",
    "The city's water mains are among the oldest in the state.",
    "Unemployment in the county rose to 7.2 percent in March.",
    "The company is moving production to Mexico.",
    "We have right now almost $20 trillion in debt.",
]
FRAMES = [
    "{fact}",
    "{body}, a spokesperson for Acme Motors said.",
    "{body}, according to Acme Motors.",
    "According to Acme Motors, {lower}",
    "Acme Motors said {lower}",
    "{body}, the mayor told reporters on Monday.",
]


@pytest.mark.parametrize("fact", FACTS)
def test_adding_or_removing_an_attribution_does_not_change_check_worthiness(fact):
    body, lower = fact[:-1], fact[0].lower() + fact[1:]
    variants = [frame.format(fact=fact, body=body, lower=lower) for frame in FRAMES]
    scores = [_only(v).score for v in variants]
    assert all(s.check_worthy for s in scores), [(v, s.check_worthy_probability) for v, s in zip(variants, scores)]
    probabilities = {round(s.check_worthy_probability, 9) for s in scores}
    assert len(probabilities) == 1, dict(zip(variants, (s.check_worthy_probability for s in scores)))


@pytest.mark.parametrize("text", [
    "Reports suggest that the company is moving production to Mexico.",
    "Experts say the figures are misleading.",
    "The factory will close in June, a spokesperson for Acme Motors said.",
    "Kim executed his uncle.",
])
def test_unsourced_or_unread_sourcing_is_still_check_worthy(text):
    assert _only(text).score.check_worthy


@pytest.mark.parametrize("text", [
    "What should the council do next?",
    "Subscribe to our newsletter for more stories like this.",
    "I think this is the worst budget in a generation.",
])
def test_questions_calls_to_action_and_opinion_are_not_check_worthy(text):
    assert not _only(text).score.check_worthy


def test_a_one_sentence_document_is_not_a_headline():
    plain = _only("The council approved the budget on Tuesday.")
    assert plain.claim.kind == "paragraph"
    assert plain.score.check_worthy


def test_a_markdown_heading_is_not_check_worthy():
    results = score_text("# The council approved the budget\n\nThe vote was 7 to 2.\n", path="d.md").results
    assert [r.score.check_worthy for r in results] == [False, True]


def test_the_same_sentence_scores_the_same_wherever_it_stands_in_its_paragraph():
    a = "The bridge carries 40,000 vehicles a day."
    b = "The state built it in 1962."
    c = "Its last inspection was in 2019."
    first = score_text(f"{a} {b} {c}\n", path="d.md").results
    second = score_text(f"{c} {b} {a}\n", path="d.md").results
    by_text = {r.claim.text: r.score for r in second}
    for r in first:
        assert r.score == by_text[r.claim.text], r.claim.text


@pytest.mark.parametrize("text, core", [
    ("The factory will close in June, a spokesperson said.", "The factory will close in June."),
    ("According to the agency, 12 people died.", "12 people died."),
    ("Police said on Tuesday that 12 people died.", "12 people died."),
    # the writer's own stance is not a frame to cut off
    ("I think that the plan will fail.", "I think that the plan will fail."),
    ("Madden, an expert, said it was significant that Kim spoke.", "Madden, an expert, said it was significant that Kim spoke."),
])
def test_the_attribution_frame_is_cut_before_reading(text, core):
    assert strip_attribution(text) == core


def test_why_names_what_the_model_weighed():
    anonymous = _only("A source who spoke on condition of anonymity said the plant will close.").score
    named = _only("The plant will close, Acme Motors said in a statement on Monday.").score
    # the anonymity is what pulls the first down, a named speaker what holds the second up
    assert [v for name, v in anonymous.why if name.startswith(("cue_anonym", "eff_anonymous"))][0] < 0
    assert [v for name, v in named.why if name.startswith(("eff_named", "eff_organization", "agent_speech"))][0] > 0
    for score in (anonymous, named):
        contributions = [abs(v) for _, v in score.why]
        assert 1 <= len(contributions) <= 3 and contributions == sorted(contributions, reverse=True)
    assert anonymous.confidence < 0.5 <= named.confidence
