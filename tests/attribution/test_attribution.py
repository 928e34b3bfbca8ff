"""Attribution: what a reader expects each sentence to rest on."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorer.attribution import attribute
from scorer.claims import split_claims
from scorer.draft import parse_text, read_draft

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"


@pytest.fixture(scope="module")
def seed():
    draft, _ = read_draft(SEED)
    claims = split_claims(draft)
    return {c.text: (c, a) for c, a in zip(claims, attribute(draft, claims))}


def find(seed, start: str):
    return next(v for k, v in seed.items() if k.startswith(start))


def attribution_of(text: str, index: int = 0):
    draft = parse_text(text, path="t.md")
    claims = split_claims(draft)
    return attribute(draft, claims)[index]


def kinds(att) -> set[str]:
    return {s.kind for s in att.sources}


def test_daily_nk_block_rests_on_daily_nk(seed):
    for start in ("Overall figures", "This represents a 60%", "Most North Koreans [77,000]"):
        claim, att = find(seed, start)
        (src,) = [s for s in att.sources if s.outlet == "dailynk"]
        assert src.cue == "[Daily NK]" and src.role == "carrier" and src.inherited
        assert "quoted block tagged [Daily NK]" in att.signals
        if "[Daily NK]" in claim.text:  # the tag frames the whole excerpt, and is written in this sentence
            assert claim.text[src.start:src.end] == "Daily NK"
        else:
            assert src.start is None


def test_anonymous_source_via_yonhap_and_the_korea_herald(seed):
    _, att = find(seed, "A source in a northeastern Chinese city")
    assert "anonymous" in kinds(att)
    yonhap = next(s for s in att.sources if s.outlet == "yonhap")
    assert yonhap.via == "The Korea Herald"
    assert yonhap.url == "https://www.koreaherald.com/view.php?ud=20150216000944"


def test_hrw_quotes_rest_on_phil_robertson_of_hrw(seed):
    _, att = find(seed, "“North Korean authorities are using brutal punishments")
    names = {(s.name, s.kind) for s in att.sources}
    assert ("Phil Robertson", "person") in names
    assert any(s.outlet == "hrw" for s in att.sources)


def test_kotra_figures_name_kotra_and_the_report(seed):
    _, att = find(seed, "The report cites Korea Trade and Investment Promotion Agency")
    assert any(s.outlet == "kotra" for s in att.sources)
    # "the report" is the Yonhap report quoted above, carried by the Korea Herald
    assert any(s.outlet == "yonhap" and s.via == "The Korea Herald" for s in att.sources)


def test_hedges_and_vague_reports(seed):
    _, att = find(seed, "The family’s eldest son purportedly fled")
    assert "purportedly" in att.hedges and "presumably" in att.hedges
    _, att = find(seed, "Another possible explanation is a series of reports")
    assert kinds(att) == {"vague"}


@pytest.mark.parametrize(
    "text, expected_kinds",
    [
        ("The ministry's figures were wrong, according to Reuters.", {"outlet"}),
        ("An official, who spoke on condition of anonymity, said the plant had closed.", {"anonymous"}),
        ("Residents said the market had been shut for a week.", {"anonymous"}),
        ("The plant has reportedly closed.", {"vague"}),  # RUBRIC.md "Spans": "reportedly" is vague
        ("It is believed that the plant closed in May.", {"vague"}),
        ("Jane Doe, a spokeswoman for the Acme Foundation, told reporters the plant closed.", {"person"}),
        ("The closure was disclosed on Monday by the state news agency.", {"outlet"}),
        ("The plant closed in May.", set()),
    ],
)
def test_cues_in_unseen_wording(text, expected_kinds):
    assert kinds(attribution_of(text)) == expected_kinds


def test_hedge_is_recorded():
    assert attribution_of("The plant has reportedly closed.").hedges == ("reportedly",)


def test_paragraph_frame_is_inherited_but_not_across_paragraphs():
    text = (
        "According to Reuters, the plant closed in May. Its workers were sent home.\n\n"
        "The river flooded in June.\n"
    )
    second = attribution_of(text, 1)
    assert [(s.name, s.inherited) for s in second.sources] == [("Reuters", True)]
    assert attribution_of(text, 2).sources == ()


def test_own_attribution_is_kept_first():
    text = "Officials said the plant closed. Reuters reported that the workers were paid.\n"
    att = attribution_of(text, 1)
    assert att.sources[0].name == "Reuters" and not att.sources[0].inherited
