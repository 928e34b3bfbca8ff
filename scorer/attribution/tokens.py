"""Words of a sentence with their offsets: the units the span tagger labels.

One regex pass per sentence. Abbreviations with inner dots ("U.S.", "L.A.") stay one token so a span
boundary never falls inside them, and so do abbreviated titles before a name ("Dr.", "Gov."), so the
title is a word of its own that a person's name can leave out.
"""

from __future__ import annotations

import re

# Abbreviated titles keep their dot: "Dr." is one word, so the tagger sees a title right before the name.
TITLE_ABBREVIATIONS = "Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Gen|Col|Lt|Capt|Sgt|Adm|Maj|Cmdr|Rev|Supt|Insp|Det|Amb|Pres|Gens"
_TOKEN = re.compile(
    rf"(?:{TITLE_ABBREVIATIONS})\.(?=\s+[A-Z])"
    r"|(?:[A-Za-z]\.){2,}"  # U.S. L.A. U.N.
    r"|\w+(?:-\w+)*(?:[’'](?![sS]\b)\w+(?:-\w+)*)*"  # words, hyphenated words, O’Brien; not the possessive ’s
    r"|\S"
)


PATTERN = _TOKEN.pattern


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) of every word and punctuation mark, in order."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
