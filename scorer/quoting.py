"""Where quotations are in a sentence: shared by attribution (words inside a quote are the speaker's,
not attributions) and verification (the quoted words are what is checked against the source).

Light on purpose: `scorer check --no-fetch` imports it.
"""

from __future__ import annotations

import re

_OPENERS = "\u201c\u201e\u00ab"  # “ „ «
_CLOSERS = "\u201d\u00bb"  # ” »
QUOTE_MARKS = _OPENERS + _CLOSERS + '"'
_MARK = re.compile(f"[{QUOTE_MARKS}]")


def _is_space_or_open(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in "([{\u2014\u2013-:;,/"


def _quote_role(text: str, i: int, open_now: bool) -> str:
    """'open' or 'close' for the quote mark at text[i], from its neighbours first and its shape second.

    Drafts carry typos such as `said.”The replacement ...,” the source said`: a closing mark glued to the
    next word at the start of a quotation still opens it.
    """
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    after_is_word = after != "" and not after.isspace() and after not in ".,;:!?)]"
    if _is_space_or_open(before) and after_is_word:
        return "open" if not open_now or ch in _OPENERS else "close"
    if not _is_space_or_open(before) and not after_is_word:
        return "close" if open_now else "open"
    if ch in _OPENERS:
        return "open"
    if ch in _CLOSERS:
        return "close"
    return "close" if open_now else "open"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, marks excluded.

    A quotation opened and not closed runs to the end of the sentence; a sentence that starts inside a
    quotation begun in the previous sentence ("But too many ... capture.”") is quoted up to its closing mark.
    """
    marks = [m.start() for m in _MARK.finditer(text)]
    spans: list[tuple[int, int]] = []
    if not marks:
        return spans
    start: int | None = None
    first = marks[0]
    after = text[first + 1: first + 2]
    if first > 0 and text[first] in _CLOSERS + '"' and not text[first - 1].isspace() and (not after or after.isspace()):
        # the sentence opens inside a quotation begun in an earlier sentence: "... it,” he said."
        spans.append((0, first))
        marks = marks[1:]
    for i in marks:
        role = _quote_role(text, i, start is not None)
        if role == "open" and start is None:
            start = i + 1
        elif role == "close" and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def quoted_spans(text: str, spans: list[tuple[int, int]] | None = None) -> tuple[str, ...]:
    """Quoted passages of a sentence, minus scare quotes of two words or fewer (`spans`: its quote_spans,
    when the caller has them)."""
    quotes = []
    for a, b in quote_spans(text) if spans is None else spans:
        quote = text[a:b].strip().rstrip(",;:").strip()
        if len(quote.split()) > 2:
            quotes.append(quote)
    return tuple(quotes)


def mask_quotes(text: str) -> str:
    """The sentence with quoted words blanked out (same length, so offsets still hold)."""
    spans = quote_spans(text)
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)
