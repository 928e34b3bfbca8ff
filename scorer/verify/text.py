"""Text helpers for verification: quoted passages, source tags, ellipses, and a comparable form of text.

The comparable form keeps only lower-cased letters and digits, one space between words, so that line
breaks, curly vs straight quotes, dashes, apostrophes and punctuation never count as differences; an
offset map leads back to the original text for showing the passage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from scorer.quoting import quoted_spans  # noqa: F401  (re-exported)

# Ellipsis markers that split one quotation into parts: [...] [….] [ … ] ... … . . .
ELLIPSIS = re.compile(r"\[\s*(?:\u2026|\.{3})\s*\.?\s*\]|\u2026|\.\s?\.\s?\.")

# A source tag closing a quoted excerpt: "[Daily NK]", "[[Yonhap, via the Korea Herald](url)]", or the same
# with the link markup already removed. Must contain a letter, so "[30,000]" stays.
_TAG = re.compile(r"\s*\[\[?(?=[^\[\]]*[A-Za-z])[^\[\]]+\](?:\([^()\s]*\))?\]?\s*$")

# Verbs that copies of a quote swap freely ("said Phil Robertson" / "says Phil Robertson").
_SYNONYMS = {"says": "said", "say": "said"}


def strip_source_tag(text: str) -> str:
    """The sentence without a trailing source tag and without ellipsis markers at its ends."""
    text = text.rstrip()
    for _ in range(2):  # "... culture. [….]" and "... trip. [Daily NK]" in either order
        text = ELLIPSIS.sub(lambda m: m.group() if m.end() < len(text) else "", text).rstrip()
        text = _TAG.sub("", text).rstrip()
    return text.strip()


def split_ellipses(quote: str) -> list[str]:
    """Parts of a quotation that an ellipsis separates; each must be found in the source, in order."""
    return [part.strip() for part in ELLIPSIS.split(quote) if re.search(r"\w", part)]


@dataclass(frozen=True)
class Comparable:
    """Text in comparable form, mapped back to the original word by word.

    `starts[k]` is where word k begins in `text`, `orig_starts[k]` / `orig_ends[k]` where it lies in
    `original`. Per-word (not per-character) maps keep building this for a 100 KB page to a few ms.
    """

    text: str
    starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]
    original: str

    def _orig(self, index: int) -> int:
        k = bisect_right(self.starts, index) - 1
        return min(self.orig_starts[k] + index - self.starts[k], self.orig_ends[k] - 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of comparable text[start:end]."""
        if start >= end or not self.starts:
            return (0, 0)
        return self._orig(start), self._orig(end - 1) + 1

    def passage(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return " ".join(self.original[a:b].split())


_WORD = re.compile(r"[^\W_]+")


def comparable(text: str) -> Comparable:
    """Lower-cased words of text (letters and digits), single-spaced, with their original offsets.

    Pages are cached (one article is compared with every claim that cites it); quotes are not, so
    they never push a page out of the cache.
    """
    return _comparable_cached(text) if len(text) > 2000 else _comparable(text)


@lru_cache(maxsize=16)
def _comparable_cached(text: str) -> Comparable:
    return _comparable(text)


def _comparable(text: str) -> Comparable:
    matches = list(_WORD.finditer(text))
    words = [m.group().lower() for m in matches]
    words = [_SYNONYMS.get(w, w) for w in words]
    starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0)) if words else []
    return Comparable(
        " ".join(words),
        tuple(starts),
        tuple(m.start() for m in matches),
        tuple(m.end() for m in matches),
        text,
    )
