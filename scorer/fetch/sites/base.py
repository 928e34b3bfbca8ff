"""The one interface every outlet adapter implements; the defaults suit an outlet with nothing special."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from scorer.fetch.extract import Extracted, element_text, iso_date
from scorer.fetch.metadata import clean_authors
from scorer.settings import FetchSettings

# Parts of an outlet's article container that are not the story: photos and their captions, lists of
# related stories, share bars.
NOT_STORY = (
    "figure", "figcaption", "[class*=caption]", "[class*=relat]", "[class*=share]", "[class*=sharedaddy]",
)


class SiteAdapter:
    key = ""
    supports_search = False

    def canonical_url(self, url: str) -> str:
        """The URL that names this article everywhere (cache key and what is fetched)."""
        parts = urlsplit(url.strip())
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))

    def date_from_url(self, url: str) -> str | None:
        return None

    def extract(self, soup, url: str) -> Extracted | None:
        """Fields from the outlet's own markup; None (or empty fields) leaves them to the generic extractor."""
        return None

    def clean_text(self, text: str) -> str:
        """Drop the outlet's boilerplate (before truncation markers are looked for at the end)."""
        return text

    def finish(self, extracted: Extracted, url: str) -> Extracted:
        """Last touches once the text is final (e.g. the wire agency behind the copy)."""
        return extracted

    def search_url(self, phrase: str, settings: FetchSettings) -> str | None:
        return None

    def search_hits(self, text: str, page_url: str, phrase: str) -> list[str]:
        """Article URLs from a search answer, best first."""
        return []


def select_text(soup, *selectors: str) -> str | None:
    for selector in selectors:
        found = soup.select_one(selector)
        if found is not None:
            text = found.get_text(" ", strip=True)
            if text:
                return re.sub(r"\s+", " ", text)
    return None


def drop_elements(soup, selectors) -> None:
    """Remove the page's non-story parts (captions, related-story lists, share bars) before reading the body."""
    for selector in selectors:
        for found in soup.select(selector):
            found.decompose()


def select_body(soup, *selectors: str) -> str:
    for selector in selectors:
        found = soup.select_one(selector)
        if found is not None:
            text = element_text(found)
            if text:
                return text
    return ""


def people(names, *publishers: str) -> tuple[str, ...]:
    """The names of a byline that are people: no publisher, desk, wire agency or URL, each once."""
    return clean_authors([re.sub(r"\([^)]*@[^)]*\)|\S+@\S+", "", n) for n in names if n], sites=publishers)


def select_date(soup, *selectors: str) -> str | None:
    for selector in selectors:
        found = soup.select_one(selector)
        if found is None:
            continue
        value = found.get("datetime") or found.get("content") or found.get_text(" ", strip=True)
        date = iso_date(value)
        if date:
            return date
    return None


def links_matching(html: str, page_url: str, pattern: re.Pattern) -> list[str]:
    """Absolute links of a results page whose URL matches `pattern`, first occurrence order, no repeats."""
    from scorer.fetch.extract import soup_of

    seen: list[str] = []
    for a in soup_of(html).find_all("a", href=True):
        link = urljoin(page_url, a["href"].strip()).split("#")[0]
        if pattern.search(link) and link not in seen:
            seen.append(link)
    return seen
