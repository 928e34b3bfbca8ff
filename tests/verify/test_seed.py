"""The seed draft's quotes and figures against the stored (partial) copies of the pages it cites."""

from __future__ import annotations

import pytest

from scorer.verify import verify_claim
from tests.verify.helpers import OUTLETS, SEED, attribution_for, make_claim, stored_article, synthetic_article

SEED_TEXT = SEED.read_text(encoding="utf-8").replace("\n> ", "\n").replace("\n>\n", "\n\n")
DRAFT_DATE = "2015-02-22"


def seed(text: str) -> str:
    """A sentence of the seed draft, exactly as written there (guards against test text drifting)."""
    assert text in SEED_TEXT, text[:60]
    return text


def check(text: str, article, quote_id: int | None = None):
    claim = make_claim(text, quote_id)
    return verify_claim(claim, attribution_for(claim), [article], DRAFT_DATE)


HRW = "d_hrw_harsher_punishments.txt"
KOREA_HERALD = "c_koreaherald_yonhap_nk_businessmen.txt"
DAILY_NK = "b_dailynk_family_of_four.txt"


def test_kim_mosquito_nets_quote_is_verified_against_hrw():
    text = seed(
        "“We must set up two or three layers of mosquito nets to prevent the poison of capitalism from being "
        "persistently spread by our enemies across the border into our territory,” said Kim Jong-Un, North "
        "Korea’s supreme leader, during a speech at the 8th Conference of Ideological Workers of the Korean "
        "Worker’s Party on February 25, 2014."
    )
    for quote_id in (None, 3):
        result = check(text, stored_article(HRW), quote_id)
        assert result.status == "verified"
        assert result.quotes[0].status == "verified" and result.quotes[0].score == 100.0
        assert "mosquito nets" in result.passage
        assert result.url.startswith("https://www.hrw.org/news/2015/02/09/")


def test_robertson_first_quote_is_verified_against_hrw():
    text = seed(
        "“North Korean authorities are using brutal punishments to shut the door on people fleeing the country, "
        "and cracking down on those who share information with the outside world,” said Phil Robertson, deputy "
        "Asia Director."
    )
    result = check(text, stored_article(HRW), quote_id=3)
    assert result.status == "verified"
    assert all(q.status == "verified" for q in result.quotes)


@pytest.mark.parametrize(
    "text",
    [
        "“The phones have no signal in the cities anymore and I have heard they even have mobile technology to "
        "find the exact location of the caller even after you hang up,” said Kim.",
        "“I used to call from my living room, but later I had to go high up in the mountains in the middle of "
        "the night and I was scared to talk for more than a minute or two.”",
        "“North Korea feels threatened by news and images of the outside world seeping into the country and now "
        "is trying to reassert its control by going after people bringing in the information,” said Robertson.",
    ],
)
def test_quotes_beyond_the_stored_excerpt_are_partial_source_never_verified(text):
    result = check(seed(text), stored_article(HRW), quote_id=4)
    assert result.status == "partial_source"
    assert all(q.status == "partial_source" for q in result.quotes)


def test_the_same_quotes_on_a_complete_page_are_not_found():
    page = synthetic_article("North Korea: a page of the made-up Example Monitor with none of those words.")
    text = seed(
        "“The phones have no signal in the cities anymore and I have heard they even have mobile technology to "
        "find the exact location of the caller even after you hang up,” said Kim."
    )
    assert check(text, page, quote_id=4).status == "not_found"


def test_thirty_percent_sentence_is_verified_against_the_korea_herald():
    text = seed(
        "A source in a northeastern Chinese city, who spoke on condition of anonymity because of the sensitivity "
        "of the issue, said only about 30 percent of the North Korean businessmen have returned to China after "
        "being summoned."
    )
    article = stored_article(KOREA_HERALD, outlet="koreaherald", origin="yonhap")
    result = check(text, article, quote_id=2)
    assert result.status == "verified"
    assert "only about 30 percent of the North Korean businessmen have returned to China" in result.passage
    assert [(n.claim, n.status) for n in result.numbers] == [("30 percent", "same")]
    # The same words without the block context: its figure still checks out.
    assert check(text, article).numbers[0].status == "same"


@pytest.mark.parametrize(
    "text",
    [
        "“A family of four from North Hamkyung Province attempted to escape with the help from a border guard "
        "and a smuggler near the end of last month; however, someone tipped off the proper officials, resulting "
        "in their arrest,” a source in Yangkang Province reported to Daily NK on February 4th.",
        "“To expedite the family’s escape, the smuggler got a number of soldiers, all of whom he deemed "
        "trustworthy, involved.",
        "But too many caught wind of the family’s plot to defect, which led to the family’s eventual capture.”",
        "The family’s eldest son purportedly fled while being held in custody, leaving behind the parents and "
        "their younger son to endure relentless interrogation at a SSD-run detention center, where they are "
        "“as good as dead,” according to the source, because not only were they themselves planning to defect, "
        "but now their son presumably succeeded in doing so despite being held in custody. "
        "[[Daily NK](https://www.dailynk.com/english/family-caught-for-attempting-to-de/)]",
    ],
)
def test_family_of_four_block_is_verified_against_daily_nk(text):
    result = check(seed(text), stored_article(DAILY_NK), quote_id=5)
    assert result.status == "verified", result.quotes
    assert all(q.status == "verified" for q in result.quotes)


# Daily NK's own KOTRA figures, as quoted in fixtures/outlets/e_kotra_trade_2014_sources.txt, section 2.
DAILY_NK_KOTRA_PHRASES = (
    "dropped by 2.79 percent, recording roughly 6.36 billion USD, down from 6.54 billion",
    "plunged by 17.69 percent last year,\n   dropping from 47.46 percent to 39.97 percent of overall exports",
)


def test_kotra_figures_differ_from_daily_nks_report():
    stored = (OUTLETS / "e_kotra_trade_2014_sources.txt").read_text(encoding="utf-8")
    assert all(phrase in stored for phrase in DAILY_NK_KOTRA_PHRASES)
    article = synthetic_article(
        "\n".join(DAILY_NK_KOTRA_PHRASES),
        url="https://www.dailynk.com/english/report-nkchina-trade-down-for-firs/",
        partial=True,
    )
    text = seed(
        "The report cites Korea Trade and Investment Promotion Agency (KOTRA) figures, according to which, "
        "“North Korea’s annual trade with China fell 2.4 percent from a year ago in 2014,” from $6.54 to $6.39 "
        "billion, “marking the first decline since 2009.”"
    )
    result = check(text, article)
    numbers = {n.claim: (n.status, n.source) for n in result.numbers}
    assert numbers == {
        "2.4 percent": ("different", "2.79 percent"),
        "$6.54": ("same", "6.54 billion"),
        "$6.39 billion": ("different", "6.36 billion USD"),
    }
    assert result.status == "altered"
    assert all(q.status == "partial_source" for q in result.quotes)


def test_sentence_running_past_a_copy_cut_mid_word_is_partial_source():
    # The stored Korea Herald copy stops at "the second source sa".
    text = seed(
        "With Chinese investor confidence eroding over the North’s unpredictable behavior, the new North Korean "
        "businessmen come under further pressure in building business connections with their Chinese "
        "counterparts, the second source said. "
        "[[Yonhap, via the Korea Herald](https://www.koreaherald.com/view.php?ud=20150216000944)]"
    )
    result = check(text, stored_article(KOREA_HERALD), quote_id=2)
    assert result.status == "partial_source"
