"""Quotations: the quoted words are the speaker's, never attributions of their own."""

from __future__ import annotations

from scorer.attribution import attribute
from scorer.claims import split_claims
from scorer.draft import parse_text
from scorer.quoting import mask_quotes, quote_spans, quoted_spans


def test_quoted_passages_and_scare_quotes():
    text = 'The “mosquito net” system, he said, is “a way to keep out the poison of capitalism.”'
    assert quoted_spans(text) == ("a way to keep out the poison of capitalism.",)


def test_a_sentence_that_starts_inside_a_quotation_is_quoted_to_its_closing_mark():
    text = "But too many caught wind of the plot, which led to the capture.” The end"
    (span,) = quote_spans(text)
    assert text[span[0]:span[1]].startswith("But too many") and text[span[1]] == "”"


def test_masking_keeps_offsets():
    text = '"The company refused," Santos said.'
    masked = mask_quotes(text)
    assert len(masked) == len(text) and "company" not in masked and masked.endswith("Santos said.")


def test_verbs_inside_a_quote_are_not_attributions():
    text = '"We have no choice," union leader Maria Santos told reporters. "The company has refused every offer."\n'
    draft = parse_text(text, path="t.md")
    claims = split_claims(draft)
    second = attribute(draft, claims)[1]
    assert [(s.name, s.kind, s.inherited) for s in second.sources] == [("Maria Santos", "person", True)]
