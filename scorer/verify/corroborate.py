"""Corroboration: the same quote or figure confirmed by two or more independent outlets.

Independence is by outlet, not by page: wire copy carried by another outlet (an Article whose
`origin` is "yonhap", printed by the Korea Herald) counts as the agency's, and two pages of one
outlet count once.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from scorer.types import Article, Verification


def independence_key(article: Article) -> str:
    """Who is really speaking in an article: its wire origin, else its outlet, else its domain."""
    if article.origin:
        return article.origin
    if article.outlet:
        return article.outlet
    from scorer.outlets import get_registry, registrable_domain

    # An archived copy's final_url is the archive's address: the page still speaks for the site it came from.
    url = article.url if article.archived else article.final_url or article.url
    outlet = get_registry().by_domain(url)
    if outlet is not None:
        return outlet.key
    return registrable_domain(url) or url


def confirmed_items(verification: Verification) -> set[str]:
    """What one source confirms: its verified quotes and its figures that are the same as the claim's."""
    items = {"quote: " + q.quote for q in verification.quotes if q.status == "verified"}
    items |= {"figure: " + n.claim for n in verification.numbers if n.status == "same"}
    return items


def corroborate(
    verifications_by_outlet: Mapping[str, Verification | Sequence[Verification]],
) -> tuple[str, ...]:
    """Outlets (keys of the mapping, one per independent outlet) that confirm an item another one confirms too.

    Returns () unless at least two independent outlets confirm the same quote or figure. Keys should
    come from `independence_key`, so wire copy is never counted twice.
    """
    support: dict[str, set[str]] = {}
    for outlet, found in verifications_by_outlet.items():
        verifications = [found] if isinstance(found, Verification) else list(found)
        for item in set().union(*(confirmed_items(v) for v in verifications)) if verifications else ():
            support.setdefault(item, set()).add(outlet)
    outlets = set().union(*(who for who in support.values() if len(who) >= 2)) if support else set()
    return tuple(sorted(outlets))
