"""Feature names in plain words, for the `why` of a score: "anonymous source: -1.2".

Only what the model actually weighed reaches here (scorer/model/predict.py picks the largest contributions), so
every reason a user reads is one the score rests on.
"""

from __future__ import annotations

_KINDS = {"outlet": "news outlet", "person": "named person", "organization": "named organisation",
          "document": "document", "anonymous": "anonymous source", "vague": "vague attribution",
          "named": "named source", "any": "any source"}
_PREFIXES = {"own": "{} in the sentence", "frame": "{} inherited from its paragraph or quote",
             "eff": "{}"}
_FIXED = {
    "verification": "verification of the cited page",
    "log_words": "sentence length",
    "short": "short line",
    "heading": "heading",
    "tag_line": "tag line",
    "in_quote": "inside a quoted block",
    "list_item": "list item",
    "question": "a question",
    "ends_colon": "ends with a colon",
    "no_final_punct": "no final punctuation",
    "parenthetical": "parenthetical",
    "first_person": "first person",
    "opinion": "opinion wording",
    "modal": "modal or future verb",
    "conditional_start": "opens with a condition or question word",
    "imperative_start": "opens with an imperative",
    "generic_subject": "generic subject (it, this, there)",
    "credit_line": "credit line",
    "process_statement": "newsroom process statement (no comment, not verified)",
    "number": "contains a number",
    "date": "contains a date",
    "past_tense": "past tense",
    "proper_nouns": "proper nouns",
    "quote_marks": "direct quotation",
    "scare_quotes": "scare quotes",
    "own_speech": "reporting verb in the sentence",
    "hedged": "hedged (reportedly, allegedly, ...)",
    "hedges_n": "several hedges",
    "hearsay_hedge": "hearsay (said to, reported to)",
    "tagged_quote": "quoted block with a source tag",
    "via_chain": "carried via another outlet",
    "link": "linked source",
    "reported_to": "told to a named outlet",
    "author_self_cite": "the author's own earlier reporting",
    "person_full_name": "person named in full",
    "person_surname_only": "person known only by a surname",
    "quote_named_speaker": "direct quote of a named speaker",
    "independent_named": "independent named sources",
    "outlet_prior_max": "most reliable outlet's prior",
    "outlet_prior_min": "least reliable outlet's prior",
    "outlet_reliable": "reliable outlet",
    "outlet_mixed": "outlet of mixed reliability",
    "outlet_unreliable": "unreliable outlet",
    "state_media": "state media",
    "wire_agency": "wire agency",
    "anonymous_and_named": "anonymous and named sources together",
    "hedged_named": "hedged named source",
    "nothing": "no attribution found",
    "agent_speech": "named source speaking",
    "agent_communicative": "named source acting (urged, proposed, ...)",
    "unnamed_document": "unnamed document",
    "unconfirmed": "not confirmed (declined to comment, could not be verified)",
    "own_hedged_source": "hedged attribution (reportedly said)",
    "eff_named_speaker": "named speaker",
    "eff_named_document": "named document",
    "eff_carrier_only": "only the outlet that carried it",
    "own_mentions": "sources named in the sentence",
    "inherited_only": "sourced only through its paragraph or quote",
    "cue_anonymity": "anonymity wording (on condition of anonymity, unnamed)",
    "cue_anonymous_speaker": "unnamed speaker (officials said, residents say)",
    "cue_vague": "vague attribution (reports suggest, it is believed)",
    "cue_according_to": "“according to”",
    "cue_inverted_said": "“..., said X”",
    "rubric_strong": "rubric: named primary source",
    "rubric_moderate": "rubric: outlet's report",
    "rubric_weak": "rubric: unnamed or hedged basis",
    "rubric_none": "rubric: nothing to rest on",
    # check-worthiness (scorer/sentence.py)
    "very_short": "very short",
    "exclamation": "exclamation",
    "wh_start": "opens with a question word",
    "second_person": "addresses the reader",
    "negation": "negation",
    "opinion_word": "opinion wording",
    "quantity": "a quantity",
    "year": "a year",
    "quotation": "a quotation",
}


def describe(feature: str) -> str:
    """The plain words for one feature name."""
    if feature in _FIXED:
        return _FIXED[feature]
    prefix, _, rest = feature.partition("_")
    if prefix in _PREFIXES and rest in _KINDS:
        return _PREFIXES[prefix].format(_KINDS[rest])
    kind, _, value = feature.partition(":")
    if kind == "w":
        return f"the word “{value}”" if value not in ("Xx", "XX") else "a name"
    if kind == "b":
        return f"the words “{value}”".replace("Xx", "<name>").replace("XX", "<NAME>")
    if kind == "first":
        return f"opens with “{value}”".replace("“Xx”", "a name")
    if kind == "modal":
        return f"modal “{value}”"
    if kind == "kind":
        return value.replace("_", " ")
    return feature.replace("_", " ")


def why_text(why: tuple[tuple[str, float], ...]) -> list[str]:
    """["anonymous source: -1.2", ...] for a score's `why`."""
    return [f"{describe(name)}: {value:+.1f}" for name, value in why]
