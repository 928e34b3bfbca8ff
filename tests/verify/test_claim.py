"""verify_claim end to end on plainly synthetic pages (.test hosts, a made-up outlet)."""

from __future__ import annotations

import random
import time

from scorer.types import Article, Attribution, Verification
from scorer.verify import corroborate, independence_key, verify_claim
from tests.verify.helpers import attribution_for, make_claim, synthetic_article

SPEECH = (
    "The Example Monitor (a made-up outlet) reported on Tuesday that the minister spoke at length. "
    "“We will build seven new bridges across the river before the end of next year,” the minister said. "
    "“Every village on the east bank will have a road to the market by then.” "
    "Officials said 4,500 workers and $120 million would go into the project, 12 percent more than planned."
)


def verify(text: str, articles, quote_id=None, draft_date="2024-05-01", quotes=None):
    claim = make_claim(text, quote_id)
    attribution = attribution_for(claim) if quotes is None else Attribution(claim.index, quotes=quotes)
    return verify_claim(claim, attribution, articles, draft_date)


def test_not_applicable_without_quotes_figures_or_sources():
    page = synthetic_article(SPEECH)
    assert verify("The minister is an interesting man.", [page]).status == "not_applicable"
    result = verify("“We will build seven new bridges across the river,” he said.", [])
    assert result.status == "not_applicable" and "no source" in result.reason


def test_unfetched_carries_the_fetch_reason():
    failed = Article(url="https://news.example.test/gone", status="http_404", message="Not Found")
    result = verify("“We will build seven new bridges across the river,” he said.", [failed])
    assert result.status == "unfetched"
    assert result.reason == "http_404: Not Found" and result.source_status == "http_404"
    assert result.quotes[0].status == "unfetched"
    # One readable page among failed ones is enough.
    ok = synthetic_article(SPEECH)
    assert verify("“We will build seven new bridges across the river,” he said.", [failed, ok]).status == "verified"


def test_verified_with_url_archive_and_dates():
    page = synthetic_article(SPEECH, archived="20240502120000", published="2024-05-02")
    result = verify("“We will build seven new bridges across the river before the end of next year,” he says.", [page])
    assert result.status == "verified"
    assert result.url == "https://news.example.test/story"
    assert result.archived is True
    assert result.source_published == "2024-05-02"
    assert result.published_after_draft is True
    earlier = synthetic_article(SPEECH, published="2024-04-30T08:00:00+09:00")
    assert verify("“We will build seven new bridges across the river,” he said.", [earlier]).published_after_draft is False


def test_altered_quote_lists_the_words_that_differ():
    result = verify("“We will build nine new bridges across the river before the end of this year,” he said.", [synthetic_article(SPEECH)])
    assert result.status == "altered"
    assert result.quotes[0].differences == ("nine → seven", "this → next")
    assert "seven new bridges" in result.passage


def test_ellipsis_parts_must_be_found_in_order():
    page = synthetic_article(SPEECH)
    in_order = "“We will build seven new bridges […] before the end of next year … Every village on the east bank will have a road”"
    assert verify(in_order, [page]).status == "verified"
    reversed_parts = "“Every village on the east bank will have a road ... We will build seven new bridges across”"
    assert verify(reversed_parts, [page]).status == "not_found"


def test_quote_cut_off_by_a_truncated_copy_is_partial_source():
    cut = synthetic_article(SPEECH[: SPEECH.index("end of next year")], partial=True)
    result = verify("“We will build seven new bridges across the river before the end of next year,” he said.", [cut])
    assert result.status == "partial_source"
    whole = synthetic_article(SPEECH[: SPEECH.index("end of next year")])
    assert verify("“We will build seven new bridges across the river before the end of next year,” he said.", [whole]).status == "altered"


def test_block_sentence_is_checked_whole_without_its_tag():
    page = synthetic_article(SPEECH)
    text = "Officials said 4,500 workers and $120 million would go into the project, 12 percent more than planned. [Example Monitor]"
    result = verify(text, [page], quote_id=1)
    assert result.status == "verified"
    assert [n.status for n in result.numbers] == ["same", "same", "same"]
    changed = "Officials said 5,500 workers and $120 million would go into the project, 12 percent more than planned. [Example Monitor]"
    result = verify(changed, [page], quote_id=1)
    assert result.status == "altered"
    assert ("5,500", "4,500", "different") in [(n.claim, n.source, n.status) for n in result.numbers]


def test_figures_only_claims():
    page = synthetic_article(SPEECH)
    assert verify("Some 4,500 workers will build the bridges.", [page]).status == "verified"
    assert verify("Some 5,000 workers will build the bridges.", [page]).status == "altered"
    assert verify("It will cost 45 billion won.", [page]).status == "not_found"
    assert verify("It will cost 45 billion won.", [synthetic_article(SPEECH, partial=True)]).status == "partial_source"


def test_corroboration_needs_two_independent_outlets():
    quote = "“We will build seven new bridges across the river before the end of next year,” he said."
    monitor = synthetic_article(SPEECH, url="https://www.monitor-example.test/a")
    courier = synthetic_article("Made-up Courier copy. " + SPEECH, url="https://www.courier-example.test/b")
    result = verify(quote, [monitor, courier])
    assert result.corroborated_by == ("courier-example.test", "monitor-example.test")
    assert verify(quote, [monitor]).corroborated_by == ()
    # Wire copy carried by another outlet is the agency speaking again, not a second witness.
    wire = synthetic_article(SPEECH, url="https://en.yna.co.kr/view/AEN20240501000000315")
    carried = synthetic_article(SPEECH + " (Yonhap)", url="https://www.koreaherald.com/view.php?ud=1", origin="yonhap")
    assert independence_key(wire) == independence_key(carried) == "yonhap"
    assert verify(quote, [wire, carried]).corroborated_by == ()
    assert verify(quote, [wire, carried, courier]).corroborated_by == ("courier-example.test", "yonhap")


def test_corroborate_on_its_own():
    a = Verification(status="verified", numbers=())
    from scorer.types import NumberCheck

    b = Verification(status="verified", numbers=(NumberCheck("4,500", "4,500", "same"),))
    c = Verification(status="altered", numbers=(NumberCheck("4,500", "4,500", "same"),))
    assert corroborate({"x": a, "y": b}) == ()
    assert corroborate({"x": [a, b], "y": c, "z": a}) == ("x", "y")


def test_long_article_aligns_quickly():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)] + "the of and north korea said source border".split()
    filler = " ".join(rng.choice(vocabulary) for _ in range(20000))[:100_000]
    page = synthetic_article(filler[:60_000] + " " + SPEECH + " " + filler[60_000:])
    quotes = [
        "“We will build seven new bridges across the river before the end of next year,” he said.",
        "“We will build nine new bridges across the river before the end of this year,” he said.",
        "“North Korea feels threatened by news and images of the outside world seeping into the country.”",
    ]
    started = time.perf_counter()
    results = [verify(q, [page]).status for q in quotes]
    elapsed = time.perf_counter() - started
    assert results == ["verified", "altered", "not_found"]
    # a bound loose enough for a loaded CI machine: benchmarks/bench_verify.py measures the real figure
    assert elapsed < 5.0, f"{elapsed:.2f}s for three quotes against 100 KB"
