"""Wording every news writer uses (issue 8), on drafts written for these tests: every person, outlet and
organisation here is invented (the outlets of the made-up town of Millbrook, the Republic of Veldora)."""

from __future__ import annotations

import pytest

from scorer.attribution import attribute
from scorer.claims import split_claims
from scorer.draft import parse_text


def attributions(text: str):
    draft = parse_text(text, path="draft.md")
    claims = split_claims(draft)
    return claims, attribute(draft, claims)


def first(text: str):
    claims, atts = attributions(text)
    return claims[0], atts[0]


def own(att):
    return [s for s in att.sources if not s.inherited]


def mentions(claim, att):
    """(written words, kind) of the sentence's own sources."""
    return [(claim.text[s.start:s.end], s.kind) for s in own(att) if s.start is not None]


# --- datelines ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, outlet", [
    ("MILLBROOK (Harbor Wire) — The county closed the bridge on Monday.", "Harbor Wire"),
    ("(HWN) — The county closed the bridge on Monday.", "HWN"),
    ("MILLBROOK, March 3 (Harbor Wire) - The county closed the bridge, officials said.", "Harbor Wire"),
])
def test_dateline_names_the_outlet(text, outlet):
    claim, att = first(text)
    (src,) = [s for s in own(att) if s.kind == "outlet"]
    assert claim.text[src.start:src.end] == outlet and src.role == "carrier"


# --- titles before names -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The dam will be drained, said Dr. Maria Lopez.", "Maria Lopez"),
    ("“The dam will be drained,” said Dr. Maria Lopez, a hydrologist.", "Maria Lopez"),
    ("The dam will be drained, Gov. Tom Brandt said on Tuesday.", "Tom Brandt"),
    ("Sen. Alice Varga said the bill would pass.", "Alice Varga"),
    ("Prof. Ken Ito told the Millbrook Ledger that the dam was cracked.", "Ken Ito"),
    ("Gen. Sam Okafor said the troops had withdrawn.", "Sam Okafor"),
])
def test_a_title_is_not_part_of_the_name(text, name):
    claim, att = first(text)
    people = [s for s in own(att) if s.kind == "person"]
    assert [s.name for s in people] == [name]
    assert claim.text[people[0].start:people[0].end] == name
    assert people[0].named and people[0].role == "speaker"


def test_a_person_told_an_outlet():
    claim, att = first("Jane Miro told the Millbrook Ledger that the mill would close.")
    assert mentions(claim, att) == [("Jane Miro", "person"), ("the Millbrook Ledger", "outlet")]
    assert "reported to the Millbrook Ledger" in att.signals


# --- documents ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("EPA records show the plant exceeded its limits.", "EPA records"),
    ("Court documents show the company paid the fine.", "Court documents"),
    ("A regulatory filing showed the firm lost $2 million.", "A regulatory filing"),
    ("The study, titled “Rivers at Risk,” found rising pollution.", "The study"),
])
def test_records_documents_filings_show(text, words):
    claim, att = first(text)
    assert mentions(claim, att) == [(words, "document")]
    assert own(att)[0].role == "document"


def test_a_report_title_in_quotes_names_the_document():
    _, att = first("The study, titled “Rivers at Risk,” found rising pollution.")
    (src,) = att.sources
    assert (src.name, src.kind, src.named) == ("Rivers at Risk", "document", True)


def test_according_to_a_lower_case_organisation():
    claim, att = first("The plant will close, according to the United Auto Workers local.")
    assert mentions(claim, att) == [("the United Auto Workers local", "organization")]


# --- unnamed sources ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "An official, who spoke on condition of anonymity, said the plant had closed.",
    "The firm is in talks to sell the unit, people familiar with the matter said.",
    "Sources close to the board say the chief will resign.",
    "Analysts say the merger will fail.",
    "Experts say the bridge is unsafe.",
    "Critics say the law is too broad.",
])
def test_unnamed_speakers_are_anonymous_never_persons(text):
    _, att = first(text)
    assert {s.kind for s in own(att)} == {"anonymous"}
    assert not any(s.named for s in own(att))


@pytest.mark.parametrize("text", [
    "The plant is believed to have closed.",
    "It was reported that the plant closed.",
    "The plant has reportedly closed.",
])
def test_agentless_passives_are_vague(text):
    _, att = first(text)
    assert {s.kind for s in att.sources} == {"vague"}
    assert all(s.hedged and not s.named for s in att.sources)


def test_a_topic_is_not_a_source():
    assert first("Kim executed his uncle in 2013.")[1].sources == ()


def test_an_institution_is_an_organization_not_a_person():
    _, att = first("Treasury said it would impose new sanctions.")
    assert [(s.name, s.kind) for s in att.sources] == [("Treasury", "organization")]
    assert not any("named person" in sig for sig in att.signals)


def test_an_outlet_is_never_a_speaker():
    _, att = first("The Millbrook Ledger reported that the mill closed.")
    (src,) = att.sources
    assert src.kind == "outlet" and src.role == "carrier"
    assert not any("speaker" in sig for sig in att.signals)


# --- pronouns and definite descriptions ----------------------------------------------------------------

def test_he_said_resolves_to_the_last_named_person():
    claims, atts = attributions("Tom Brandt said the mill would close. He said workers would be paid.\n")
    (src,) = own(atts[1])
    assert (src.name, src.kind, claims[1].text[src.start:src.end]) == ("Tom Brandt", "person", "He")
    assert "“He” resolved to Tom Brandt" in atts[1].signals
    assert not any("He He" in sig or "he he" in sig.lower() for a in atts for sig in a.signals)


def test_he_after_an_anonymous_source_stays_anonymous():
    _, atts = attributions("A mill worker said the line had stopped. He said the pay was late.\n")
    assert [s.kind for s in own(atts[1])] == ["anonymous"]


@pytest.mark.parametrize("text, name, kind", [
    ("Friends of the Marsh said the water was clean. The group said it would sue.\n",
     "Friends of the Marsh", "organization"),
    ("The Millbrook Ledger reported the closure on Monday. The newspaper said 40 jobs would go.\n",
     "The Millbrook Ledger", "outlet"),
])
def test_definite_descriptions_resolve_to_the_last_fitting_source(text, name, kind):
    _, atts = attributions(text)
    (src,) = own(atts[1])
    assert (src.name, src.kind) == (name, kind)


# --- negation and non-attribution ---------------------------------------------------------------------

@pytest.mark.parametrize("text, who", [
    ("Acme Mills did not respond to a request for comment.", "Acme Mills"),
    ("Acme Mills declined to comment.", "Acme Mills"),
    ("The figure has not been confirmed by the Veldora Interior Ministry.", "the Veldora Interior Ministry"),
    ("Tom Baker did not say whether the plant would close.", "Tom Baker"),
])
def test_a_non_response_does_not_source_the_claim(text, who):
    _, att = first(text)
    assert att.sources == ()
    assert att.unconfirmed
    assert [(s.name, s.unconfirmed) for s in att.unconfirmed_by] == [(who, True)]


def test_could_not_be_verified_flags_the_claim():
    _, att = first("The video could not be independently verified.")
    assert att.unconfirmed and att.unconfirmed_by == ()


def test_a_confirmed_claim_is_not_flagged():
    _, att = first("Tom Baker said the plant would close.")
    assert not att.unconfirmed and [s.name for s in att.sources] == ["Tom Baker"]


# --- no leaks -----------------------------------------------------------------------------------------

def test_a_sentence_with_its_own_source_does_not_take_a_later_ones():
    _, atts = attributions("The company said severance would be offered to all staff. "
                           "Insiders say the plant will close.\n")
    assert [s.kind for s in atts[0].sources] == ["organization"]
    assert not any("anonymous" in sig for sig in atts[0].signals)


def test_a_sentence_never_takes_a_later_sentences_source():
    _, atts = attributions("The plant closed in May. Officials said the workers were paid.\n")
    assert atts[0].sources == ()


def test_an_opening_according_to_frames_the_rest_of_its_paragraph_only():
    _, atts = attributions("According to the Millbrook Ledger, the plant closed in May. Its workers were sent home.\n\n"
                           "The river flooded in June.\n")
    assert [(s.name, s.inherited) for s in atts[1].sources] == [("the Millbrook Ledger", True)]
    assert atts[2].sources == ()


def test_an_untagged_quote_does_not_take_the_previous_paragraphs_source():
    _, atts = attributions("The Millbrook Ledger covered the flood.\n\n> The water rose two metres in an hour.\n")
    assert atts[1].sources == ()


def test_a_lead_in_ending_with_a_colon_frames_the_quote():
    _, atts = attributions("Tom Baker said:\n\n> The water rose two metres in an hour.\n")
    assert [(s.name, s.inherited) for s in atts[1].sources] == [("Tom Baker", True)]


# --- back-references ----------------------------------------------------------------------------------

def test_the_same_report_refers_back_to_the_linked_report_and_carries_its_url():
    text = ("[A report](https://harbor-institute.test/flood) by the Harbor Institute found the levee failed. "
            "The same report quoted residents saying the sirens never sounded.\n")
    claims, atts = attributions(text)
    names = [s.name for s in atts[1].sources]
    assert "The same report" not in names
    back = [s for s in atts[1].sources if s.url == "https://harbor-institute.test/flood"]
    assert back and not back[0].inherited
    assert claims[1].text[back[0].start:back[0].end] == "The same report"
    assert any(s.kind == "anonymous" for s in atts[1].sources)  # "residents"


def test_no_explanation_repeats_a_word():
    """ "She She added" was once shown to users: no signal or cue on the whole corpus doubles a word."""
    import re

    from scorer.model.corpus import load_corpus

    corpus = load_corpus()
    doubled = [text for doc, draft in corpus.drafts.items()
               for att in attribute(draft, corpus.claims_by_doc[doc])
               for text in (*att.signals, *(s.cue for s in att.sources))
               if re.search(r"\b(\w+) \1\b", text, re.I)]
    assert doubled == []
