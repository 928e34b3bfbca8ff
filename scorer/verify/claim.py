"""Verify one claim against the articles fetched for it: quotes, figures, dates, corroboration.

Pure: no network, no registry writes. The fetch layer hands over `Article`s; this module reads only
their text, status, partial flag, dates and origin.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from scorer.types import Article, Attribution, Claim, NumberCheck, QuoteCheck, Verification
from scorer.verify.corroborate import corroborate, independence_key
from scorer.verify.numbers import Figure, compare_figures, figures
from scorer.verify.quotes import match_quote
from scorer.verify.text import comparable, quoted_spans, strip_source_tag

NEAR_PASSAGE = 400  # characters either side of a matched passage where its figures are looked for

# Which result of a quote to keep when several articles answer: the most favourable.
_QUOTE_RANK = {"verified": 0, "altered": 1, "partial_source": 2, "not_found": 3, "unfetched": 4}
# How a claim's quotes add up: the least favourable wins (a misquote outweighs a missing quote).
_CLAIM_RANK = {"altered": 0, "not_found": 1, "partial_source": 2, "verified": 3}


def quotes_to_check(claim: Claim, attribution: Attribution) -> tuple[str, ...]:
    """The claim's quoted spans, and for a sentence of a quoted block the whole sentence (minus its tag)."""
    quotes = list(attribution.quotes) if attribution.quotes else []
    if claim.quote_id is not None:
        whole = strip_source_tag(claim.text)
        whole_cmp = comparable(whole).text
        if len(whole.split()) > 2:
            quotes = [whole] + [q for q in quotes if comparable(q).text not in whole_cmp]
    return tuple(quotes)


def _published_after(published: str | None, draft_date: str | None) -> bool:
    if not published or not draft_date:
        return False
    try:
        return date.fromisoformat(published[:10]) > date.fromisoformat(draft_date[:10])
    except ValueError:
        return False


def _figures_near(source_figures: list[Figure], spans: list[tuple[int, int]]) -> list[Figure]:
    if not spans:
        return []
    return [
        f
        for f in source_figures
        if any(a - NEAR_PASSAGE <= f.start and f.end <= b + NEAR_PASSAGE for a, b in spans)
    ]


def _status(quote_checks: Sequence[QuoteCheck], number_checks: Sequence[NumberCheck], partial: bool) -> str:
    statuses = [q.status for q in quote_checks]
    if any(n.status == "different" for n in number_checks):
        statuses.append("altered")
    elif not quote_checks:
        if any(n.status == "same" for n in number_checks):
            statuses.append("verified")
        else:
            statuses.append("partial_source" if partial else "not_found")
    return min(statuses, key=_CLAIM_RANK.__getitem__)


def verify_against(
    quotes: Sequence[str], claimed: list[Figure], article: Article, draft_date: str | None
) -> Verification:
    """The claim's quotes and figures checked against one fetched article."""
    source = comparable(article.text)
    matched = [match_quote(q, source, article.partial) for q in quotes]
    quote_checks = tuple(check for check, _ in matched)
    spans = [span for _, span in matched if span is not None]
    source_figures = figures(article.text)
    near = _figures_near(source_figures, spans)
    number_checks = compare_figures(claimed, near, source_figures) if claimed else ()
    best = max((q for q in quote_checks if q.passage), key=lambda q: q.score, default=None)
    return Verification(
        status=_status(quote_checks, number_checks, article.partial),  # type: ignore[arg-type]
        url=article.url,
        archived=bool(article.archived),
        # QuoteCheck scores are rapidfuzz's 0-100; the contract's quote_score is a 0-1 similarity
        quote_score=_unit(best.score if best else max((q.score for q in quote_checks), default=None)),
        passage=best.passage if best else None,
        quotes=quote_checks,
        numbers=number_checks,
        source_published=article.published,
        published_after_draft=_published_after(article.published, draft_date),
    )


def _unit(score: float | None) -> float | None:
    return None if score is None else round(score / 100.0, 3)


def _rank(v: Verification) -> tuple[int, float]:
    order = {"verified": 0, "altered": 1, "partial_source": 2, "not_found": 3}
    # A score only means something for a match; otherwise keep the order the pages were cited in.
    score = v.quote_score or 0.0 if v.status in ("verified", "altered") else 0.0
    return order.get(v.status, 4), -score


def verify_claim(
    claim: Claim, attribution: Attribution, articles: Sequence[Article], draft_date: str | None
) -> Verification:
    """Check a claim's quotes and figures against the articles fetched for its sources.

    not_applicable: nothing to check (no quotes, no figures) or no article to check against.
    unfetched: articles were asked for but none could be read (`reason` says why).
    Otherwise the best article's result, with `corroborated_by` listing the independent outlets
    (wire copy counts as its agency) that confirm the same quote or figure when there are two or more.
    """
    quotes = quotes_to_check(claim, attribution)
    claimed = figures(strip_source_tag(claim.text))
    if not quotes and not claimed:
        return Verification(status="not_applicable", reason="no quotation or figure to check")
    if not articles:
        return Verification(status="not_applicable", reason="no source to check against")
    readable = [a for a in articles if a.ok and a.text.strip()]
    if not readable:
        first = articles[0]
        reason = first.status + (f": {first.message}" if first.message else "")
        if first.ok:
            reason = "the page has no text"
        return Verification(
            status="unfetched",
            url=first.url,
            archived=bool(first.archived),
            quotes=tuple(QuoteCheck(q, "unfetched") for q in quotes),
            reason=reason,
            source_status=first.status,
        )
    results = [(article, verify_against(quotes, claimed, article, draft_date)) for article in readable]
    article, best = min(results, key=lambda pair: _rank(pair[1]))
    by_outlet: dict[str, list[Verification]] = {}
    for a, v in results:
        by_outlet.setdefault(independence_key(a), []).append(v)
    best_quotes = tuple(_best_quote(i, results) for i in range(len(quotes)))
    return Verification(
        status=_status(best_quotes, best.numbers, article.partial),  # type: ignore[arg-type]
        url=best.url,
        archived=best.archived,
        quote_score=best.quote_score,
        passage=best.passage,
        quotes=best_quotes,
        numbers=best.numbers,
        source_published=best.source_published,
        published_after_draft=best.published_after_draft,
        corroborated_by=corroborate(by_outlet),
        source_status=article.status,
    )


def _best_quote(i: int, results: list[tuple[Article, Verification]]) -> QuoteCheck:
    return min((v.quotes[i] for _, v in results), key=lambda q: (_QUOTE_RANK[q.status], -q.score))


__all__ = ["quoted_spans", "quotes_to_check", "verify_against", "verify_claim"]
