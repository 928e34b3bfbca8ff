"""Sentence units."""

from __future__ import annotations

import pytest

from scorer.claims import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Treasury acted on Feb. 2. Mr. Kim said no.", ["The U.S. Treasury acted on Feb. 2.", "Mr. Kim said no."]),
        ("Trade fell to $6.39 billion, or 2.4 percent. Exports rose.", ["Trade fell to $6.39 billion, or 2.4 percent.", "Exports rose."]),
        ("Male visitors [150,000] went. Most [77,000] went by boat. [Daily NK]",
         ["Male visitors [150,000] went.", "Most [77,000] went by boat. [Daily NK]"]),
        ("It was developed in the North. [….]", ["It was developed in the North. [….]"]),
        ("“We must act. We must act now,” he said. Then he left.",
         ["“We must act.", "We must act now,” he said.", "Then he left."]),
        ("They were summoned.The summonses were secret.", ["They were summoned.", "The summonses were secret."]),
        ("The source said.”The replacement was slow.", ["The source said.”", "The replacement was slow."]),
        ("Launches took place at Sohae.[1] The next day KCTV reported it.",
         ["Launches took place at Sohae.[1]", "The next day KCTV reported it."]),
        ("Is it true? Nobody knows!", ["Is it true?", "Nobody knows!"]),
        ("The restaurant is in Ningbo. (snip)", ["The restaurant is in Ningbo. (snip)"]),
        ("He cited J. Smith and e.g. others.", ["He cited J. Smith and e.g. others."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected
