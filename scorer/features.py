"""Claim + Attribution -> feature dict. The only place features are named.

Features describe the sentence (is it a statement of fact?) and what it rests on (its own
attribution, the frame it inherits, how reliable the outlets are). They are deliberately about kinds
of cue, never about particular names, so they carry over to unseen drafts. Verification is not a
feature: the corpus has no fetched pages to learn it from, so it shifts the score in model/predict.py.
"""

from __future__ import annotations

import math
import re

from scorer.attribution import cues
from scorer.quoting import QUOTE_MARKS, mask_quotes
from scorer.types import Attribution, Claim

# The version of what featurize computes. The model file stamps it; a model built for another schema is refused.
SCHEMA = "sourcing-v3"

_NAMED = ("person", "organization", "outlet", "document")
_CONDITIONAL = re.compile(r"^\(?\s*(?:if|maybe|perhaps|imagine|suppose|whether|why|how|what|who|should|could|would)\b", re.I)
_IMPERATIVE = re.compile(r"^(?:read|see|click|watch|listen|sign|subscribe|follow|share|learn|find|more)\b", re.I)
_PAST = re.compile(r"\b\w{3,}ed\b")
_CAP = re.compile(r"\b[A-Z][a-z]+")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[A-Za-z]+")
# Wire-copy furniture: "(Additional reporting by ...; Editing by ...)", "Photo: ...", "Read more here".
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b|^(?:photo|image|video|graphic)s?\s*:",
    re.I,
)
# Newsroom process facts, check-worthy though they name no source: "did not respond to requests for comment".
_PROCESS = re.compile(
    r"\b(?:did\s+not|didn[’']t|declined\s+to|could\s+not\s+be|was\s+not|were\s+not)\s+(?:immediately\s+)?"
    r"(?:respond|comment|reply|be\s+reached|reached|available)|no\s+immediate\s+(?:reaction|response|comment)"
    r"|(?:has|have|had)\s+not\s+(?:been\s+able\s+to\s+)?(?:independently\s+)?(?:verified|confirmed|verify|confirm)"
    r"|could\s+not\s+(?:independently\s+)?(?:verify|confirm)",
    re.I,
)
_TRAILING_TAG = re.compile(r"\s\[[^\[\]]{1,60}\]\s*$")
_PROCESS_WORDS = frozenset("not didn declined no has have had could".split())
_GENERIC_SUBJECT = re.compile(r"^(?:it|this|that|these|those|there|here)\b", re.I)


def featurize(claim: Claim, attribution: Attribution) -> dict[str, float]:
    """What the claim rests on, as the sourcing models read it. No position in the paragraph or document: the same
    sentence with the same frame scores the same wherever it stands."""
    text = claim.text
    f: dict[str, float] = {}
    words = _WORD.findall(text)
    n = len(words)
    f["log_words"] = math.log1p(n)
    f["short"] = float(n <= 6)
    f["heading"] = float(claim.kind == "heading")
    f["tag_line"] = float(claim.kind == "tag_line")
    f["in_quote"] = float(claim.quote_id is not None)
    f["list_item"] = float(claim.kind == "list_item")
    stripped = _TRAILING_TAG.sub("", text).rstrip("”\"’)] ")  # "... the trip. [Daily NK]" ends with its "."
    f["question"] = float(stripped.endswith("?"))
    f["ends_colon"] = float(stripped.endswith(":"))
    f["no_final_punct"] = float(not stripped[-1:] in ".!?:…" if stripped else 1.0)
    f["parenthetical"] = float(text.startswith("("))
    voice = mask_quotes(text)  # the author's own words, not the people quoted
    voice_words = _LETTERS.findall(voice)
    lowered = {w.lower() for w in voice_words}
    f["first_person"] = float(not cues.FIRST_PERSON_WORDS.isdisjoint(voice_words))
    f["opinion"] = float(cues.is_opinion(voice_words))
    # the regex only where a word it needs is present: most sentences have none
    f["modal"] = float(not lowered.isdisjoint(cues.MODAL_WORDS) and bool(cues.MODAL_FUTURE.search(voice)))
    f["conditional_start"] = float(bool(_CONDITIONAL.match(text)))
    f["imperative_start"] = float(bool(_IMPERATIVE.match(text)))
    f["generic_subject"] = float(bool(_GENERIC_SUBJECT.match(text)))
    f["credit_line"] = float(bool(_CREDIT_LINE.match(text)))
    all_lowered = {w.lower() for w in words}
    f["process_statement"] = float(not all_lowered.isdisjoint(_PROCESS_WORDS) and bool(_PROCESS.search(text)))
    f["number"] = float(bool(re.search(r"\d", text)))
    f["date"] = float((f["number"] > 0 or not all_lowered.isdisjoint(cues.DATE_WORDS)) and bool(cues.DATE.search(text)))
    f["past_tense"] = min(len(_PAST.findall(text)), 3) / 3
    f["proper_nouns"] = min(len(_CAP.findall(text[1:])), 6) / 6
    quoted = bool(attribution.quotes)  # quotations of three words or more; scare quotes are not quotes
    f["quote_marks"] = float(quoted)
    f["scare_quotes"] = float(not quoted and any(ch in text for ch in QUOTE_MARKS))

    own = [s for s in attribution.sources if not s.inherited]
    inherited = [s for s in attribution.sources if s.inherited]
    _kinds(f, "own", own)
    _kinds(f, "frame", inherited)
    # the rubric: a sentence's own attribution wins over its paragraph's
    effective = own if any(s.kind != "document" or s.named for s in own) else own + inherited
    _kinds(f, "eff", effective)
    f["own_speech"] = float(not all_lowered.isdisjoint(cues.SPEECH_WORDS)
                            or ("according" in all_lowered and bool(cues.ACCORDING_TO.search(text))))
    f["hedged"] = float(bool(attribution.hedges))
    f["hedges_n"] = min(len(attribution.hedges), 2) / 2
    f["hearsay_hedge"] = float(any(h.split()[0] in cues.HEARSAY_HEDGES for h in attribution.hedges)
                               or any(" said to" in h or "reported to" in h for h in attribution.hedges))
    f["tagged_quote"] = float(any(s.cue.startswith("[") for s in attribution.sources))
    f["via_chain"] = float(any(s.via for s in attribution.sources))
    f["link"] = float(any(s.url for s in attribution.sources))
    f["reported_to"] = float(any(sig.startswith("reported to") for sig in attribution.signals))
    f["author_self_cite"] = float(any("author's own" in sig for sig in attribution.signals))
    named_people = [s for s in effective if s.kind == "person"]
    f["person_full_name"] = float(any(len(s.name.split()) >= 2 for s in named_people))
    f["person_surname_only"] = float(bool(named_people) and not f["person_full_name"])
    f["quote_named_speaker"] = float(quoted and any(s.kind in ("person", "organization") for s in own))
    independent = {s.outlet or s.name.lower() for s in effective if s.kind in _NAMED}
    f["independent_named"] = min(len(independent), 3) / 3
    priors = [s.reliability for s in effective if s.reliability is not None]
    f["outlet_prior_max"] = max(priors) if priors else 0.0
    f["outlet_prior_min"] = min(priors) if priors else 0.0
    f["outlet_reliable"] = float(any(p >= 0.7 for p in priors))
    f["outlet_mixed"] = float(any(0.4 <= p < 0.7 for p in priors))
    f["outlet_unreliable"] = float(any(p < 0.4 for p in priors))
    f["state_media"] = float(any(s.outlet_kind == "state media" for s in effective))
    f["wire_agency"] = float(any(s.outlet_kind == "wire agency" for s in effective))
    f["anonymous_and_named"] = f["eff_anonymous"] * f["eff_named"]
    f["hedged_named"] = f["hedged"] * f["eff_named"]
    f["nothing"] = float(not attribution.sources)
    # what the named agent does: speaks ("said"), acts communicatively ("urged"), or is only mentioned
    # the verbs next to each named mention: "X said", "said X", "X urged" (a few words either side of its offsets)
    agent_verbs = {w.lower() for s in own if s.kind in ("person", "organization", "outlet") and s.start is not None
                   for w in _LETTERS.findall(text[max(0, s.start - 25): s.end + 40])}
    f["agent_speech"] = float(bool(agent_verbs & cues.SPEECH_WORDS))
    f["agent_communicative"] = float(bool(agent_verbs & cues.COMMUNICATIVE_WORDS))
    f["unnamed_document"] = float(any(s.kind == "document" and not s.name[:1].isupper() for s in effective))
    # typed facts of the mentions (scorer.types.Source), never their display strings
    f["unconfirmed"] = float(attribution.unconfirmed)
    f["own_hedged_source"] = float(any(s.hedged for s in own))
    f["eff_named_speaker"] = float(any(s.named and s.role == "speaker" for s in effective))
    f["eff_named_document"] = float(any(s.named and s.role == "document" for s in effective))
    f["eff_carrier_only"] = float(bool(effective) and all(s.role == "carrier" for s in effective))
    f["own_mentions"] = min(sum(1 for s in own if s.start is not None), 3) / 3
    f["inherited_only"] = float(bool(attribution.sources) and not own)
    # the cue patterns of plain reporting English, read straight from the sentence: a second witness beside the
    # tagger, so a mention it misses ("a source who spoke on condition of anonymity") still weighs
    # (each regex only where a word it needs is present: most sentences have none)
    lowered_all = {w.lower() for w in voice_words}
    f["cue_anonymity"] = float(not lowered_all.isdisjoint(cues.ANONYMITY_TRIGGERS)
                               and bool(cues.ANONYMITY_PHRASES.search(voice)))
    f["cue_anonymous_speaker"] = float(not lowered_all.isdisjoint(cues.ANONYMOUS_HEAD_WORDS)
                                       and bool(cues.anonymous_speaker(voice)))
    f["cue_vague"] = float(not lowered_all.isdisjoint(cues.VAGUE_TRIGGERS) and bool(cues.VAGUE.search(text)))
    f["cue_according_to"] = float("according" in lowered_all and bool(cues.ACCORDING_TO.search(voice)))
    f["cue_inverted_said"] = float(not lowered_all.isdisjoint(cues.INVERTED_TRIGGERS) and bool(cues.INVERTED.search(voice)))
    guess = _rubric_guess(effective, f["hearsay_hedge"] > 0)
    for label in ("strong", "moderate", "weak", "none"):
        f[f"rubric_{label}"] = float(guess == label)
    return f


def _rubric_guess(effective, hearsay: bool) -> str:
    """RUBRIC.md's decision list, as one feature: unnamed or hedged basis is weak, a named primary source
    is strong, a named outlet alone is moderate, nothing is none. The model weighs it with the rest."""
    kinds = {s.kind for s in effective}
    if kinds & {"anonymous", "vague"} or hearsay:
        return "weak"
    if kinds & {"person", "organization"} or any(s.kind == "document" and s.name[:1].isupper() for s in effective):
        return "strong"
    if "outlet" in kinds or "document" in kinds:
        return "moderate"
    return "none"


def _kinds(f: dict[str, float], prefix: str, sources) -> None:
    kinds = {s.kind for s in sources}
    for kind in ("outlet", "person", "organization", "document", "anonymous", "vague"):
        f[f"{prefix}_{kind}"] = float(kind in kinds)
    f[f"{prefix}_named"] = float(bool(kinds & set(_NAMED)))
    f[f"{prefix}_any"] = float(bool(kinds))
