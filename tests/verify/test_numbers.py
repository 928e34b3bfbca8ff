"""Figures: what counts as one, and how a claim's figures compare with a source's (synthetic text)."""

from __future__ import annotations

from scorer.verify import compare_figures, figures


def written(text: str) -> list[str]:
    return [f.text for f in figures(text)]


def test_figures_found_and_prose_numbers_skipped():
    text = (
        "In 2014 about 200,000 people, 60% of them men, sent $6.39 billion (US$1.13 billion by sea) and "
        "2.4 percent more; one-third came back and roughly half stayed, between 100,000-120,000 a year, "
        "on February 25, at the 8th meeting, (1) a summit, 2.84bn of exports, by Executive Order 13687 "
        "for Bureau 39."
    )
    assert written(text) == [
        "200,000",
        "60%",
        "$6.39 billion",
        "US$1.13 billion",
        "2.4 percent",
        "one-third",
        "half",
        "100,000-120,000",
        "2.84bn",
    ]


def test_values_with_scale_and_shared_scale():
    by_text = {f.text: f for f in figures("trade fell from $6.54 to $6.39 billion, or 3 to 5 percent")}
    assert by_text["$6.54"].value == 6.54e9 and by_text["$6.54"].money
    assert by_text["$6.39 billion"].value == 6.39e9
    assert by_text["3"].kind == "percent" and by_text["5 percent"].value == 5.0


def compare(claim: str, source: str, near: bool = False):
    """Claim figures against a source's; `near`: the source text is the passage matching the claim's quote."""
    pool = figures(source)
    return [(n.claim, n.status, n.source) for n in compare_figures(figures(claim), pool if near else [], pool)]


def test_same_different_absent():
    source = "Trade dropped by 2.79 percent to 6.36 billion dollars; 170 traders were replaced; coal fell 17.69 percent."
    assert compare("Trade fell 2.4 percent to $6.39 billion and 170 traders left.", source) == [
        ("2.4 percent", "different", "2.79 percent"),
        ("$6.39 billion", "different", "6.36 billion dollars"),
        ("170", "same", "170"),
    ]
    assert compare("Some 45,000 people went.", source) == [("45,000", "absent", None)]


def test_rounding_fractions_and_ranges():
    assert compare("about 30 percent", "some 30.4 percent of them")[0][1] == "same"
    assert compare("one-third of them", "32 percent of them")[0][1] == "same"
    assert compare("half of them", "62 percent of them", near=True)[0][1] == "different"
    # Away from any matching passage, vague or far-off figures are not called wrong, only near misses.
    assert compare("half of them", "62 percent of them")[0][1] == "absent"
    assert compare("60% of them", "30 percent of them")[0][1] == "absent"
    assert compare("60% of them", "30 percent of them", near=True)[0][1] == "different"
    assert compare("between 100,000-120,000 a year", "from 100,000 to 120,000 a year")[0][1] == "same"
    assert compare("between 100,000-120,000 a year", "between 100,000-130,000 a year")[0][1] == "different"
    assert compare("a 60% cut", "a 60 percent cut")[0][1] == "same"
    assert compare("$6.39 billion", "US$6,390,000,000")[0][1] == "same"
