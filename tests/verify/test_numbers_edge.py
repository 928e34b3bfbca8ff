"""Figures as drafts write them: dates and clock times are no figures; points are not percent; 1.5m and six percent are.

Synthetic text only.
"""

from __future__ import annotations

from scorer.verify import compare_figures, figures, verify_claim
from tests.verify.helpers import attribution_for, make_claim, synthetic_article


def written(text: str) -> list[str]:
    return [f.text for f in figures(text)]


def status(claim: str, source: str) -> tuple[str, list[tuple[str, str | None, str]]]:
    c = make_claim(claim)
    v = verify_claim(c, attribution_for(c), [synthetic_article(source)], None)
    return v.status, [(n.claim, n.source, n.status) for n in v.numbers]


def test_day_first_dates_are_not_figures():
    assert written("On 16 February 2015 police said 20 people were held.") == ["20"]
    assert written("By 3 Feb. officials had counted 45,000.") == ["45,000"]
    assert written("About 30 may have died.") == ["30"]  # "may" the verb, not the month
    # Written the other way round in the source, the day must not be read as a misreported figure.
    got = status("On 16 February 2015, police said 20 people were arrested.",
                 "On February 16, 2015, police said 20 people were arrested in the raid.")
    assert got == ("verified", [("20", "20", "same")])


def test_clock_times_and_slashed_dates_are_not_figures():
    assert written("Police said 25 people were held at 10:30 on 2/16/2015, after the 9/11 anniversary.") == ["25"]
    assert status("Police said 25 people were held at 10:30.", "Police said 25 people were held in the morning.")[0] == "verified"


def test_percentage_points_are_not_percent():
    assert status("Trade fell 2 percentage points, the ministry said.", "Trade fell 2 percent last year, the ministry said.") == (
        "not_found", [("2 percentage points", None, "absent")]
    )
    assert status("Trade fell 2 percentage points, the ministry said.", "Trade fell 2 percentage points last year.")[0] == "verified"
    by_text = {f.text: f for f in figures("a rise of 3 to 5 percentage points")}
    assert by_text["3"].kind == by_text["5 percentage points"].kind == "points"


def test_m_and_mn_scales():
    by_text = {f.text: f for f in figures("a $1.5m deal, £300m in loans, 2.5mn tons and a 5m wall")}
    assert by_text["$1.5m"].value == 1.5e6 and by_text["$1.5m"].money
    assert by_text["£300m"].value == 3e8
    assert by_text["2.5mn"].value == 2.5e6
    assert "5m" not in by_text  # five metres: no currency, no decimals, no figure
    assert status("The deal is worth $1.5m, the firm said.", "The deal is worth $1.9 million, the firm said.") == (
        "altered", [("$1.5m", "$1.9 million", "different")]
    )


def test_numbers_written_as_words():
    assert [(f.text, f.kind, f.value) for f in figures("Exports rose six percent to two million tons.")] == [
        ("six percent", "percent", 6.0),
        ("two million", "amount", 2e6),
    ]
    assert written("One of them said three people left.") == []  # words with no unit or scale are prose
    assert status("Exports rose six percent, the ministry said.", "Exports rose 7 percent, the ministry said.") == (
        "altered", [("six percent", "7 percent", "different")]
    )
    pool = figures("exports rose 6.2 percent")
    assert compare_figures(figures("six percent"), pool, pool)[0].status == "same"
