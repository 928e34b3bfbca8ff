"""The word sets that let most sentences skip a slow regex must never hide a match of that regex."""

from __future__ import annotations

import pytest

from scorer import features
from scorer.attribution import cues
from scorer.model.corpus import load_corpus

# Phrases each regex is written for, beyond the corpus's own wording.
EXTRA = [
    "It is believed the plant closed.", "Reports suggest it closed.", "It would appear so.", "Word has it that",
    "Critics say it closed.", "According to local reports, it closed.", "The plant was rumoured to close.",
    "He reportedly left.", "She is said to have left.", "It may have closed.", "The man is known to drink.",
    "A source close to the matter said.", "Officials, who declined to be named, said.", "Escapees said so.",
    "It has been reported that", "We read that", "I have heard that", "Widely believed to be true.",
    "The ministry did not respond to a request for comment.", "The firm declined to comment.",
    "Reuters could not independently verify the figures.", "There was no immediate reaction.",
    "The vote is on Monday.", "Prices rose last week.", "He left yesterday.",
]


@pytest.fixture(scope="module")
def sentences():
    return [row.claim.text for row in load_corpus().rows] + EXTRA


@pytest.mark.parametrize("pattern, triggers", [
    (cues.VAGUE, cues.VAGUE_TRIGGERS),
    (cues.HEDGES, cues.HEDGE_WORDS),
    (cues.ANONYMITY_PHRASES, cues.ANONYMITY_TRIGGERS),
    (cues.ANONYMOUS_HEAD, cues.ANONYMOUS_HEAD_WORDS),
    (cues.INVERTED, cues.INVERTED_TRIGGERS),
    (cues.DATE, cues.DATE_WORDS),
    (features._PROCESS, features._PROCESS_WORDS),
])
def test_every_match_contains_a_trigger_word(sentences, pattern, triggers):
    matched = [s for s in sentences if pattern.search(s)]
    assert len(matched) >= 10  # the check below is about real matches
    # a bare year matches DATE with no date word; its guard checks for a digit instead
    hidden = [s for s in matched if {w.lower() for _, w in cues.words(s)}.isdisjoint(triggers)
              and not (pattern is cues.DATE and any(ch.isdigit() for ch in pattern.search(s).group()))]
    assert hidden == []
