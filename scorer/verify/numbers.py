"""Figures in a claim compared with the figures of a source: same, different (with the source's), absent.

A figure is an amount (counts and money, scale words applied: "$6.39 billion" and "$6.39bn" are 6.39e9,
"$1.5m" is 1.5e6, "two million" is 2e6), a percentage (fraction words count as percentages: "one-third"
is 33.3 percent, approximately; "six percent" is 6) or a change in percentage points (never the same as
a percent change). Years, days of the month ("February 25", "25 February"), clock times, slashed dates,
ordinals and bare single digits are not figures: they are dates or prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scorer.types import NumberCheck

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CUR = r"US\$|U\.S\.\s?\$|\$|USD\s?|₩|€|£|¥"
_SCALE = r"trillion|billion|million|thousand|bn|tn|mln|mn"
_UNIT = r"%|percent\b|per\s?cent\b|percentage\s+points?\b|USD\b|U\.S\.\s+dollars\b|dollars\b|won\b|yuan\b|euros?\b"
FIGURE = re.compile(
    rf"(?<![\w.,])(?P<cur>{_CUR})?\s?(?P<num>{_NUM})"
    rf"(?:\s?[-\u2013](?P<cur2>{_CUR})?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?(?:\s?(?P<unit>{_UNIT}))?"
    r"(?P<glued>[A-Za-z]+)?"
)
_FRACTIONS = {
    "half": 50.0,
    "a third": 100 / 3,
    "one-third": 100 / 3,
    "one third": 100 / 3,
    "two-thirds": 200 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one-quarter": 25.0,
    "one quarter": 25.0,
    "three-quarters": 75.0,
    "three quarters": 75.0,
    "one-fifth": 20.0,
    "a fifth": 20.0,
    "one-tenth": 10.0,
}
FRACTION = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(_FRACTIONS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12}
# Spelled-out numbers count only with a scale or a percent unit ("six percent", "two million"): alone they are prose.
_WORDS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "seventy": 70.0, "eighty": 80.0,
               "ninety": 90.0, "a hundred": 100.0, "one hundred": 100.0})
WORD_FIGURE = re.compile(
    r"(?<![\w-])(?P<word>" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s+(?P<scale>trillion|billion|million)\b)?"
    r"(?:\s+(?P<unit>percentage\s+points?|percent|per\s?cent)\b)?",
    re.IGNORECASE,
)
# "25 February": a day before a month name (capitalised, so "30 may have died" keeps its figure).
_MONTH_AFTER = re.compile(r"\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
# "10:30", "2/16/2015", "9/11": parts of times and dates, not amounts.
_CLOCK_BEFORE = re.compile(r"\d[:/]$")
_CLOCK_AFTER = re.compile(r"[:/]\d")
_MONTH = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
_JOINERS = re.compile(r"^\s*(?:to|and|-|\u2013|or)\s*(?:US\$|\$)?\s*$")
APPROX_POINTS = 3.0  # a fraction word and a percentage agree within three points ("one-third" ~ 32 percent)
COMPARABLE_FACTOR = 3.0  # near the quoted passage, figures further apart than 3x are about something else
LOOSE_FACTOR = 1.5  # with no passage to anchor on, only a near miss is the same figure misreported
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s+$")  # "Bureau 39", "Order 13687": names


@dataclass(frozen=True)
class Figure:
    text: str  # as written
    kind: str  # "amount" | "percent" | "points" (a change in percentage points)
    value: float
    high: float | None = None  # upper end of a range
    decimals: int = 0  # as written, for rounding ("about 30 percent" vs "30.4 percent")
    money: bool = False
    approx: bool = False
    scale: float = 1.0
    bare: bool = False  # a single digit with no unit: prose, unless a neighbour lends it a unit
    start: int = 0
    end: int = 0


def _value(number: str) -> tuple[float, int]:
    plain = number.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return float(plain), decimals


def figures(text: str) -> list[Figure]:
    """The figures of a text, in order."""
    return list(_figures(text))


@lru_cache(maxsize=32)  # one article is searched for the figures of every claim that cites it
def _figures(text: str) -> tuple[Figure, ...]:
    found: list[Figure] = []
    for m in FIGURE.finditer(text):
        glued = m.group("glued")
        scale_word = (m.group("scale") or "").lower()
        if glued == "m" and not (scale_word or m.group("unit")) and (m.group("cur") or "." in m.group("num")):
            scale_word, glued = "m", None  # "$1.5m", "1.5m": millions; a bare "5m" may be metres
        if glued and not (scale_word or m.group("unit")):
            continue  # "4th", "8th", "F-16s": ordinals and model names
        # Only the two characters before the number: searching from 0 made a page of many figures quadratic.
        if (_CLOCK_BEFORE.search(text, max(0, m.start("num") - 2), m.start("num"))
                or _CLOCK_AFTER.match(text, m.end("num"))):
            continue  # "10:30", "9/11"
        value, decimals = _value(m.group("num"))
        unit = (m.group("unit") or "").lower()
        points = unit.startswith("percentage")
        percent = not points and unit.startswith(("%", "percent", "per"))
        money = bool(m.group("cur") or m.group("cur2")) or unit in {"usd", "dollars", "won", "yuan", "euro", "euros"}
        money = money or unit.startswith("u.s.")
        scale = _SCALES.get(scale_word, 1.0)
        high = _value(m.group("num2"))[0] * scale if m.group("num2") else None
        plain = not (percent or points or money or scale_word or m.group("num2") or "," in m.group("num"))
        if plain and ("." not in m.group("num")):
            if 1900 <= value <= 2099:
                continue  # years
            before = text[max(0, m.start() - 12) : m.start()]
            if _MONTH.search(before):
                continue  # "February 25"
            if value <= 31 and _MONTH_AFTER.match(text, m.end()):
                continue  # "25 February"
            if m.start() > 12 and _NAME_BEFORE.search(before) and not re.search(r"[.!?]\s+\S+\s+$", before):
                continue  # "Bureau 39", "Executive Order 13687"
        found.append(
            Figure(
                text=m.group().strip(),
                kind="points" if points else "percent" if percent else "amount",
                value=value * scale,
                high=high,
                decimals=decimals,
                money=money,
                scale=scale,
                bare=plain and "." not in m.group("num") and value < 10,
                start=m.start(),
                end=m.end(),
            )
        )
    for m in WORD_FIGURE.finditer(text):
        unit = (m.group("unit") or "").lower()
        if not (m.group("scale") or unit):
            continue
        kind = "points" if unit.startswith("percentage") else "percent" if unit else "amount"
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        value = _WORDS[re.sub(r"\s+", " ", m.group("word").lower())] * scale
        found.append(Figure(m.group(), kind, value, scale=scale, start=m.start(), end=m.end()))
    for m in FRACTION.finditer(text):
        found.append(
            Figure(m.group(), "percent", _FRACTIONS[m.group().lower()], approx=True, start=m.start(), end=m.end())
        )
    found.sort(key=lambda f: f.start)
    return tuple(f for f in _share_scale(text, found) if not f.bare)


def _share_scale(text: str, found: list[Figure]) -> list[Figure]:
    """'from $6.54 to $6.39 billion': the first figure takes the scale and unit of the second."""
    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        first, second = out[i - 1], out[i]
        if not _JOINERS.match(text[first.end : second.start]) or first.kind != "amount":
            continue
        if second.scale > 1.0 and first.scale == 1.0 and first.value < 1000 and "," not in first.text:
            out[i - 1] = Figure(
                first.text,
                second.kind,
                first.value * second.scale,
                decimals=first.decimals,
                money=first.money or second.money,
                scale=second.scale,
                start=first.start,
                end=first.end,
            )
        elif second.kind in ("percent", "points") and not second.approx and not first.money and "," not in first.text:
            out[i - 1] = Figure(first.text, second.kind, first.value, decimals=first.decimals, start=first.start, end=first.end)
    return out


def _agrees(claim: Figure, source: Figure) -> bool:
    if claim.kind != source.kind:
        return False
    if claim.approx or source.approx:
        return abs(claim.value - source.value) <= APPROX_POINTS
    if claim.high is not None:
        return source.high is not None and _close(claim.value, source.value) and _close(claim.high, source.high)
    if source.high is not None:
        return False
    if claim.decimals < source.decimals and claim.kind == "percent":
        return round(source.value, claim.decimals) == round(claim.value, claim.decimals)
    return _close(claim.value, source.value)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _distance(claim: Figure, source: Figure, factor: float) -> float | None:
    """How far apart two comparable figures are (relative), or None when they are not comparable."""
    if claim.kind != source.kind:
        return None
    a, b = abs(claim.value), abs(source.value)
    if min(a, b) == 0:
        return None
    if max(a, b) / min(a, b) > factor:
        return None
    return abs(a - b) / max(a, b) + (0.5 if claim.money != source.money else 0.0)


def _range_in(claim: Figure, pool: list[Figure]) -> bool:
    """A claimed range whose two ends the source gives as separate figures."""
    if claim.high is None:
        return False
    ends = [f for f in pool if f.kind == claim.kind and f.high is None]
    return any(_close(f.value, claim.value) for f in ends) and any(_close(f.value, claim.high) for f in ends)


def compare_figures(claimed: list[Figure], near: list[Figure], anywhere: list[Figure]) -> tuple[NumberCheck, ...]:
    """Each claimed figure against the source: `near` the matching passage first, then the whole text."""
    checks = []
    for claim in claimed:
        if any(_agrees(claim, f) for f in near + anywhere) or _range_in(claim, anywhere):
            match = next((f for f in near + anywhere if _agrees(claim, f)), None)
            checks.append(NumberCheck(claim.text, match.text if match else claim.text, "same"))
            continue
        # Far from any quoted passage, a vague figure ("half") is never called wrong.
        pool = near or ([] if claim.approx else anywhere)
        factor = COMPARABLE_FACTOR if near else LOOSE_FACTOR
        ranked = sorted(
            ((d, f) for f in pool if (d := _distance(claim, f, factor)) is not None), key=lambda pair: pair[0]
        )
        if ranked:
            checks.append(NumberCheck(claim.text, ranked[0][1].text, "different"))
        else:
            checks.append(NumberCheck(claim.text, None, "absent"))
    return tuple(checks)
