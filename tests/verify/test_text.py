"""Quoted spans, source tags, ellipses and the comparable form of text."""

from __future__ import annotations

import pytest

from scorer.verify import comparable, quoted_spans, split_ellipses, strip_source_tag


@pytest.mark.parametrize(
    ("sentence", "quotes"),
    [
        ("He said “the border is closed to all traffic,” and left.", ("the border is closed to all traffic",)),
        ('He said "the border is closed to all traffic" and left.', ("the border is closed to all traffic",)),
        ("Audiences for “The Interview.” were threatened.", ()),  # a title: two words
        ("The “mosquito net” system was developed in the North.", ()),  # scare quotes
        ("They are “as good as dead,” said the source.", ("as good as dead",)),
        # A quotation that runs on into the next sentence: up to this one's end.
        ("“To expedite the escape, the smuggler got soldiers involved.", ("To expedite the escape, the smuggler got soldiers involved.",)),
        # A closing mark typed where an opening one belongs, glued to the first word.
        ("”The replacement of businessmen has been carried out,” the source said.", ("The replacement of businessmen has been carried out",)),
        ("One “first quote of words” and “a second quote here.”", ("first quote of words", "a second quote here.")),
        ("No quotes at all in this sentence.", ()),
    ],
)
def test_quoted_spans(sentence, quotes):
    assert quoted_spans(sentence) == quotes


@pytest.mark.parametrize(
    ("sentence", "stripped"),
    [
        ("Most traveled by boat for the trip. [Daily NK]", "Most traveled by boat for the trip."),
        ("the second source said. [[Yonhap, via the Korea Herald](https://www.koreaherald.com/view.php?ud=1)]", "the second source said."),
        ("the second source said. [Yonhap, via the Korea Herald]", "the second source said."),
        ("news, and culture. [….]", "news, and culture."),
        ("Male visitors [150,000] composed five times females [30,000]", "Male visitors [150,000] composed five times females [30,000]"),
        ("if anyone knew that he [the escapee] was bound for South Korea", "if anyone knew that he [the escapee] was bound for South Korea"),
    ],
)
def test_strip_source_tag(sentence, stripped):
    assert strip_source_tag(sentence) == stripped


def test_split_ellipses():
    assert split_ellipses("one two three [...] four five … six seven... eight [….] nine") == [
        "one two three",
        "four five",
        "six seven",
        "eight",
        "nine",
    ]
    assert split_ellipses("no ellipsis here") == ["no ellipsis here"]


def test_comparable_ignores_case_quotes_dashes_breaks_and_said_says():
    a = comparable("“North Korean\nauthorities — are using,” says Phil Robertson’s office")
    b = comparable('"north korean authorities - are using," said phil robertson\'s office')
    assert a.text == b.text == "north korean authorities are using said phil robertson s office"
    start = a.text.index("authorities")
    assert a.passage(start, start + len("authorities are using")) == "authorities — are using"
