"""What a sentence asserts, read from its words alone: the input of the check-worthiness model.

Check-worthiness is about the sentence, not its sourcing: "The plant will close in June." asserts the same
checkable fact with or without ", a spokesperson said". So the attribution frame is cut off before the
sentence is read (`strip_attribution`), and nothing here looks at what the attribution reader found: a cue the
reader misses can never make a fact look like opinion.

Features are kinds of evidence a linear model can weigh: word and word-pair n-grams (digits folded to 0,
capitalised words folded to their shape so no particular name is learned), numbers, dates and quantities,
tense and modality, first and second person, questions, imperatives, quotations, and where the sentence
stands in the document's structure (a heading, a tag line, a list item). Never its position in a paragraph.
"""

from __future__ import annotations

import math
import re

from scorer.attribution import cues
from scorer.quoting import mask_quotes

# The version of what this module computes. The model file stamps it; a model built for another schema is refused.
SCHEMA = "sentence-v1"

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*%?|\$|€|£|%|\?")
_NUMBER = re.compile(r"\d")
_QUANTITY = re.compile(
    r"\d[\d,.]*\s*(?:%|percent|per\s+cent|million|billion|trillion|thousand|hundred|km|kilomet|miles?|tons?|tonnes?"
    r"|kg|pounds|dollars|won|yuan|euros?|people|years?|months?|days?|hours?)|[$€£¥]\s?\d",
    re.I,
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_PAST_AUX = frozenset("was were had did has have been".split())
_FIRST = frozenset("i me my mine myself we our ours us ourselves".split())
_SECOND = frozenset("you your yours yourself yourselves".split())
_MODALS = {"will": "will", "won’t": "will", "won't": "will", "shall": "will", "would": "would", "wouldn’t": "would",
           "wouldn't": "would", "could": "could", "couldn’t": "could", "couldn't": "could", "should": "should",
           "shouldn’t": "should", "shouldn't": "should", "may": "may", "might": "may", "must": "must", "can": "can"}
_MODAL_WORDS = frozenset(_MODALS)
_NEGATION = frozenset("not no never nothing none nobody n't don’t don't doesn’t doesn't didn’t didn't".split())
_IMPERATIVE = frozenset(
    "read see click watch listen sign subscribe follow share learn find let imagine consider remember look note "
    "join stop take make give tell ask call write help".split()
)
_WH = frozenset("who what when where why how which whether".split())

# Attribution frames cut off before the sentence is read: a trailing ", X said." / ", according to X.", a leading
# "According to X," / "X said (that)". General English reporting syntax with a narrow set of verbs that only ever
# report; "believe", "think", "suggest" also express the writer's own stance and stay part of the sentence.
_FRAME_VERBS = frozenset(
    """said says say told tells reported reports stated states announced announces added adds noted notes wrote
    writes confirmed confirms explained explains according suggest suggests suggested indicate indicates show shows
    showed""".split()
)
_SUBJECT_STOP = frozenset("i we you if when while because although it this that these those there what".split())
_TOKEN = re.compile(r"[A-Za-z]+")
_PREPOSITIONS = frozenset("in on at to of for by with as during after before about from into through via".split())


def strip_attribution(text: str) -> str:
    """The sentence without its attribution frame: what it asserts, whoever asserts it."""
    core = text.strip()
    low = core.lower()
    if _FRAME_VERBS.isdisjoint(_TOKEN.findall(low)):
        return core
    cut = max(core.rfind(", "), core.rfind("; "), core.rfind(",” "), core.rfind(",\" "))
    if cut > 12 and len(core) - cut <= 110:
        tail = low[cut:]
        tail_words = _TOKEN.findall(tail)
        at = next((k for k, w in enumerate(tail_words) if w in _FRAME_VERBS), None)
        # the frame ends the sentence: "..., the ministry said (in a statement on Tuesday)."
        if (at is not None and len(tail_words) - at <= 7 and "that" not in tail_words[at:]
                and "“" not in tail and '"' not in tail[2:]):
            end = core.rstrip("”\"’) ")[-1:]
            quote_close = "”" if core[cut:cut + 2] == ",”" else ""
            core = core[:cut] + quote_close + (end if end in ".!?" else ".")
            low = core.lower()
    if low.startswith("according to "):
        comma = core.find(",", 13)
        if 13 < comma < 130 and len(core) - comma > 12:
            return core[comma + 1:].strip()
        return core
    words = _TOKEN.findall(low[:120])[:10]
    for k, w in enumerate(words[1:], 1):
        if w in _FRAME_VERBS and w != "according":
            if not _SUBJECT_STOP.isdisjoint(words[:k]):
                break
            m = re.search(r"\b" + w + r"\b[^“\"]{0,40}?(?:\bthat\s+|[:,]\s*(?=[“\"])|\s(?=[“\"]))", core[:160])
            if m is None and k + 1 < len(words) and words[k + 1] not in _PREPOSITIONS:
                m = re.search(r"\b" + w + r"\s+(?=[a-z])", core[:160])  # "Acme said the plant will close"
            if m and len(core) - m.end() > 12:
                return core[m.end():].strip()
            break
    return core


def _fold(word: str) -> str:
    if word[0].isdigit():
        return "0" * min(len(word.rstrip("%")), 4) + ("%" if word.endswith("%") else "")
    if word[0].isupper() and not word.isupper():
        return word.lower() if word.lower() in _COMMON else "Xx"
    if word.isupper() and len(word) > 1:
        return "XX"
    return word.lower()


# Function words and sentence openers keep their identity when capitalised ("The", "We", "It"); other capitalised
# words are names and fold to a shape, so a name the corpus happens to contain carries no weight.
_COMMON = frozenset(
    """the a an in on at as after for if when this that these those there it he she they we i but and or so yet
    his her their our my your its what who why how where which while since because although though however also
    then now today yesterday no not all some many most more one two three last next new this every each both""".split()
)


_FOLDED: dict[str, str] = {}  # word -> folded form; words repeat, and folding each anew was a third of the time
_FOLDED_MAX = 200_000


def _folded(word: str) -> str:
    out = _FOLDED.get(word)
    if out is None:
        out = _fold(word)
        if len(_FOLDED) < _FOLDED_MAX:
            _FOLDED[word] = out
    return out


def sentence_features(text: str, kind: str = "paragraph", in_quote: bool = False) -> dict[str, float]:
    """Feature dict of one sentence. `kind` is the block kind ("heading", "paragraph", "list_item", "tag_line")."""
    f: dict[str, float] = {"bias_sentence": 1.0}
    if kind != "paragraph":
        f["kind:" + kind] = 1.0
    if in_quote:
        f["in_quote"] = 1.0
    core = strip_attribution(text)
    voice = mask_quotes(core)  # the writer's own words; quoted words still count as n-grams below
    tokens = _WORD.findall(core)
    if not tokens:
        f["no_words"] = 1.0
        return f
    # the first word is capitalised by position, not because it is a name: read it as written in lower case
    first_token = tokens[0]
    folded = [_folded(first_token if first_token.isupper() else first_token.lower())]
    folded += [_folded(t) for t in tokens[1:]]
    n = len(tokens)
    f["log_words"] = math.log1p(n)
    if n <= 5:
        f["very_short"] = 1.0
    stripped = core.rstrip("”\"’)] ")
    last = stripped[-1:]
    if last == "?" or "?" in tokens[-3:]:
        f["question"] = 1.0
    elif last == ":":
        f["ends_colon"] = 1.0
    elif last not in (".", "!", "…"):
        f["no_final_punct"] = 1.0
    if last == "!":
        f["exclamation"] = 1.0
    first = folded[0]
    if first in _WH:
        f["wh_start"] = 1.0
    if first in _IMPERATIVE and (n < 2 or folded[1] not in ("that", "of", "to")):
        f["imperative_start"] = 1.0
    voice_words = tokens if voice is core or voice == core else _WORD.findall(voice)
    low_voice = {w.lower() for w in voice_words}
    if not low_voice.isdisjoint(_FIRST):
        f["first_person"] = 1.0
    if not low_voice.isdisjoint(_SECOND):
        f["second_person"] = 1.0
    for w in low_voice & _MODAL_WORDS:
        f["modal:" + _MODALS[w]] = 1.0
    if not low_voice.isdisjoint(_NEGATION):
        f["negation"] = 1.0
    if cues.is_opinion(voice_words):
        f["opinion_word"] = 1.0
    if _NUMBER.search(core):
        f["number"] = 1.0
        if _QUANTITY.search(core):
            f["quantity"] = 1.0
        if _YEAR.search(core):
            f["year"] = 1.0
        if cues.DATE.search(core):
            f["date"] = 1.0
    elif not low_voice.isdisjoint(cues.DATE_WORDS) and cues.DATE.search(core):
        f["date"] = 1.0
    past = names = 0
    prev = ""
    for w in folded:
        f["w:" + w] = 1.0
        if prev:
            f["b:" + prev + " " + w] = 1.0
        prev = w
        if w in _PAST_AUX or (len(w) > 4 and w.endswith("ed")):
            past += 1
        elif w == "Xx" or w == "XX":
            names += 1
    if past:
        f["past_tense"] = min(past, 3) / 3
    if names:
        f["proper_nouns"] = min(names, 6) / 6
    if voice != core:
        f["quotation"] = 1.0
    f["first:" + first] = 1.0
    return f
