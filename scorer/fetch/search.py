"""An article with no link: search its outlet for a distinctive phrase, then fetch the best hit."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlencode

from scorer.fetch.sites import ADAPTERS
from scorer.types import Article


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def search_url(outlet_key: str, phrase: str, settings) -> str | None:
    """The URL find_article asks (and caches the answer under); None for an outlet it cannot search."""
    adapter = ADAPTERS.get(outlet_key)
    return adapter.search_url(phrase, settings) if adapter and adapter.supports_search else None


def find_in_cache(fetcher, outlet_key: str, phrase: str) -> Article | None:
    """Offline stand-in for the outlet's search: a cached article of that outlet holding the phrase."""
    wanted = _norm(phrase)
    for article in fetcher.cache.by_outlet(outlet_key):
        # Search answers are cached too (raw JSON or HTML, no title): only real articles count.
        if article.ok and article.title is not None and wanted and wanted in _norm(article.text):
            return article
    return None


def find(fetcher, outlet_key: str, phrase: str) -> Article:
    settings = fetcher.settings
    if not phrase or not phrase.strip():
        # An empty search lists the outlet's latest stories: its top hit would be checked as if it matched.
        return Article(url="", status="not_found", outlet=outlet_key, message="no phrase to search for")
    url = search_url(outlet_key, phrase, settings)
    if url is None:
        where = f"{settings.yonhap_base.rstrip('/')}/search/index?" + urlencode(
            {"query": phrase, "ctype": "A", "lang": "EN"}
        ) if outlet_key == "yonhap" else ""
        why = "its search page needs JavaScript" if outlet_key == "yonhap" else "no search for this outlet"
        return Article(url=where, status="search_unsupported", outlet=outlet_key, message=f"{outlet_key}: {why}")
    answer = fetcher.fetch(url, raw=True)
    if not answer.ok:
        local = find_in_cache(fetcher, outlet_key, phrase) if answer.status == "not_cached" else None
        if local is not None:
            return replace(local, message=_join(local.message, f"found in the cache by the phrase {phrase!r}"))
        return replace(answer, outlet=outlet_key)
    hits = ADAPTERS[outlet_key].search_hits(answer.text, url, phrase)
    if not hits:
        return Article(url=url, status="not_found", outlet=outlet_key, message=f"no search hit for {phrase!r}")
    article = fetcher.fetch(hits[0])
    return replace(article, message=_join(article.message, f"found by searching {outlet_key} for {phrase!r}"))


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b
