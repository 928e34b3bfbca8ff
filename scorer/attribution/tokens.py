"""Words of a sentence with their offsets: the units the span tagger labels.

One regex pass per sentence. Abbreviations with inner dots ("U.S.", "L.A.") stay one token so a span
boundary never falls inside them; a title's dot ("Dr.") is its own token, so "Dr." can be left out of
a person's name.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. L.A. U.N.
    r"|\w+(?:-\w+)*(?:[’'](?![sS]\b)\w+(?:-\w+)*)*"  # words, hyphenated words, O’Brien; not the possessive ’s
    r"|\S"
)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) of every word and punctuation mark, in order."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
