"""The word sets that let most sentences skip a slow regex must never hide a match of that regex."""

from __future__ import annotations

import pytest

from scorer.attribution import cues
from scorer.model.corpus import load_corpus

# Phrases each regex is written for, beyond the corpus's own wording.
EXTRA = [
    "It is believed the plant closed.", "Reports suggest it closed.", "It would appear so.", "Word has it that",
    "Critics say it closed.", "According to local reports, it closed.", "The plant was rumoured to close.",
    "He reportedly left.", "She is said to have left.", "It may have closed.", "The man is known to drink.",
    "A source close to the matter said.", "Officials, who declined to be named, said.", "Escapees said so.",
    "It has been reported that", "We read that", "I have heard that", "Widely believed to be true.",
]


@pytest.fixture(scope="module")
def sentences():
    return [row.claim.text for row in load_corpus().rows] + EXTRA


@pytest.mark.parametrize("pattern, triggers", [
    (cues.VAGUE, cues.VAGUE_TRIGGERS),
    (cues.HEDGES, cues.HEDGE_WORDS),
    (cues.ANONYMITY_PHRASES, cues.ANONYMITY_TRIGGERS),
])
def test_every_match_contains_a_trigger_word(sentences, pattern, triggers):
    matched = [s for s in sentences if pattern.search(s)]
    assert len(matched) >= 10  # the check below is about real matches
    hidden = [s for s in matched if {w.lower() for _, w in cues.words(s)}.isdisjoint(triggers)]
    assert hidden == []
