"""Find a quotation in a source text: verified, altered (with the words that differ), or not found.

Both sides are compared in comparable form (see text.py). An exact substring is the fast path;
otherwise rapidfuzz's partial_ratio_alignment finds the best window (a few ms on 100 KB) and a
word-level diff over a slightly wider window tells which words differ.

Thresholds, measured on the seed's quotes against the stored HRW, Daily NK and Korea Herald excerpts
and on edited copies of them (see tests/verify/test_thresholds.py):
- a quote copied faithfully scores 100 and has no differing word: verified (only then);
- a quote with one to three words changed, added or dropped scores 85-99: altered;
- a different sentence on the same topic by the same speaker (RFA's Robertson line against the HRW
  text) scores 45-60, and unrelated text lower: below ALTERED_MIN = 75 it is not_found.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from scorer.types import QuoteCheck
from scorer.verify.text import Comparable, comparable, split_ellipses

ALTERED_MIN = 75.0  # below this a window is a different sentence, not a misquote
SEARCH_MIN = 60.0  # below this partial_ratio's best window is not worth a word diff
MIN_ALTERED_WORDS = 4  # a shorter part must match exactly: three words "close" to a source mean nothing


@dataclass(frozen=True)
class PartMatch:
    score: float
    start: int  # comparable offsets in the source
    end: int
    differences: tuple[str, ...]
    cut_off: bool  # the source text ends (perhaps mid-word) where the quote still goes on
    left: tuple[str, ...] = ()  # quote words after the last matching one


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) of single-spaced text to whole words."""
    start = max(0, start)
    end = min(len(text), end)
    while start > 0 and text[start - 1] != " ":
        start -= 1
    while end < len(text) and text[end] != " ":
        end += 1
    return start, end


def _token_starts(text: str, base: int) -> list[int]:
    starts, pos = [], 0
    for token in text.split(" "):
        starts.append(base + pos)
        pos += len(token) + 1
    return starts


def _diff(quote_tokens: list[str], window: str, base: int, window_tokens: list[str]) -> PartMatch | None:
    matcher = SequenceMatcher(None, quote_tokens, window_tokens, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    w_lo, w_hi = first.b, last.b + last.size
    starts = _token_starts(window, base)
    start = starts[w_lo]
    end = starts[w_hi - 1] + len(window_tokens[w_hi - 1])
    differences: list[str] = []
    for op, q1, q2, s1, s2 in matcher.get_opcodes():
        if op == "equal":
            continue
        # Source words beyond the matched span are context, not an omission.
        s1, s2 = max(s1, w_lo), min(s2, w_hi)
        quoted, source = " ".join(quote_tokens[q1:q2]), " ".join(window_tokens[s1:s2]) if s2 > s1 else ""
        if quoted and source:
            differences.append(f"{quoted} → {source}")
        elif quoted:
            differences.append(f"{quoted} → (not in source)")
        elif source:
            differences.append(f"(omitted) {source}")
    left = tuple(quote_tokens[last.a + last.size :])
    return PartMatch(0.0, start, end, tuple(differences), bool(left), left)


def find_part(part: str, source: Comparable, pos: int = 0) -> PartMatch | None:
    """Best match of one quotation part in source.text[pos:], or None when nothing comes close."""
    hay = source.text
    needle = comparable(part).text
    if not needle or pos >= len(hay):
        return None
    at = hay.find(needle, pos)
    while at != -1:
        end = at + len(needle)
        if (at == 0 or hay[at - 1] == " ") and (end == len(hay) or hay[end] == " "):
            return PartMatch(100.0, at, end, (), False)
        at = hay.find(needle, at + 1)
    region = hay[pos:]
    if len(needle) >= len(region):
        lo, hi = 0, len(region)
        score = fuzz.ratio(needle, region)
    else:
        found = fuzz.partial_ratio_alignment(needle, region)
        lo, hi, score = found.dest_start, found.dest_end, found.score
    if score < SEARCH_MIN:
        return None
    # Widen by half the quote either side so added or dropped words still fall inside the window.
    slack = len(needle) // 2 + 20
    lo, hi = _snap(region, lo - slack, hi + slack)
    window = region[lo:hi].strip()
    lo += len(region[lo:hi]) - len(region[lo:hi].lstrip())
    match = _diff(needle.split(" "), window, pos + lo, window.split(" "))
    if match is None:
        return None
    passage = hay[match.start : match.end]
    # A truncated copy may stop mid-word ("the second source sa"): a prefix of the next quoted word.
    rest = hay[match.end :].split()
    cut_off = match.cut_off and (not rest or (len(rest) == 1 and match.left[0].startswith(rest[0])))
    return PartMatch(fuzz.ratio(needle, passage), match.start, match.end, match.differences, cut_off)


def check_quote(quote: str, source: Comparable, partial: bool) -> QuoteCheck:
    """Verify one quotation against one source text (already in comparable form)."""
    return match_quote(quote, source, partial)[0]


def match_quote(quote: str, source: Comparable, partial: bool) -> tuple[QuoteCheck, tuple[int, int] | None]:
    """The check, and where the passage lies in the original source text (None when not found)."""
    parts = split_ellipses(quote) or [quote]
    matches: list[PartMatch] = []
    pos = 0
    for part in parts:
        match = find_part(part, source, pos)
        short = len(part.split()) < MIN_ALTERED_WORDS
        if match is None or match.score < ALTERED_MIN or (short and match.differences):
            # Beyond a truncated copy's end the quote may well exist: never say it is missing.
            status = "partial_source" if partial else "not_found"
            best = match.score if match else fuzz.partial_ratio(comparable(part).text, source.text[pos:])
            return QuoteCheck(quote=quote, status=status, score=round(best, 1)), None
        matches.append(match)
        pos = match.end
    weights = [len(p) for p in parts]
    score = sum(m.score * w for m, w in zip(matches, weights)) / sum(weights)
    passage = source.passage(matches[0].start, matches[-1].end)
    span = source.span(matches[0].start, matches[-1].end)
    differences = tuple(d for m in matches for d in m.differences)
    if not differences:
        return QuoteCheck(quote=quote, status="verified", score=round(score, 1), passage=passage), span
    if partial and matches[-1].cut_off and all(not m.differences for m in matches[:-1]):
        if len(matches[-1].differences) == 1:  # the only difference is the tail the copy lacks
            return QuoteCheck(quote=quote, status="partial_source", score=round(score, 1), passage=passage), span
    check = QuoteCheck(
        quote=quote, status="altered", score=round(score, 1), passage=passage, differences=differences
    )
    return check, span
