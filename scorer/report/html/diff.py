"""Words and figures that differ between a claim's quote and the source passage, marked for display.

Display only: whether a quote matches is decided by scorer.verify; this only shows a person where to look.
Words compare the way a reader would (case, curly quotes, dashes and edge punctuation aside).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\S+")
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_EDGE = "\"'.,;:!?()[]…"

Marks = list[tuple[str, str]]  # (text, "" | "diff" | "fig")


def _key(word: str) -> str:
    return word.translate(_FOLD).casefold().strip(_EDGE)


def _runs(text: str, classes: list[str]) -> Marks:
    out: Marks = []
    for ch, cls in zip(text, classes):
        if out and out[-1][1] == cls:
            out[-1] = (out[-1][0] + ch, cls)
        else:
            out.append((ch, cls))
    return out


def _mark_figures(text: str, classes: list[str], figures: list[str]) -> None:
    for figure in figures:
        if not figure:
            continue
        for m in re.finditer(re.escape(figure), text):
            classes[m.start():m.end()] = ["fig"] * (m.end() - m.start())


def mark_differences(draft: str, source: str, draft_figures: list[str] = (),
                     source_figures: list[str] = ()) -> tuple[Marks, Marks]:
    """Both texts as runs, with words found on one side only marked "diff" and differing figures "fig"."""
    a_tokens = list(_TOKEN.finditer(draft))
    b_tokens = list(_TOKEN.finditer(source))
    a_classes = [""] * len(draft)
    b_classes = [""] * len(source)
    matcher = SequenceMatcher(None, [_key(t.group()) for t in a_tokens], [_key(t.group()) for t in b_tokens],
                              autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for t in a_tokens[i1:i2]:
            a_classes[t.start():t.end()] = ["diff"] * (t.end() - t.start())
        for t in b_tokens[j1:j2]:
            b_classes[t.start():t.end()] = ["diff"] * (t.end() - t.start())
    _mark_figures(draft, a_classes, list(draft_figures))
    _mark_figures(source, b_classes, list(source_figures))
    return _runs(draft, a_classes), _runs(source, b_classes)


def mark_figures(text: str, figures: list[str]) -> Marks:
    classes = [""] * len(text)
    _mark_figures(text, classes, figures)
    return _runs(text, classes)
