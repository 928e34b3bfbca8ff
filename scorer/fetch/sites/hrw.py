"""Human Rights Watch: news releases and reports."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from scorer.fetch.extract import Extracted
from scorer.fetch.sites.base import (
    NOT_STORY, SiteAdapter, drop_elements, links_matching, people, select_body, select_date, select_text,
)

_DATED = re.compile(r"/(?:news|report)/(\d{4})/(\d{2})/(\d{2})/")
_ARTICLE = re.compile(r"/(?:news|report)/\d{4}/\d{2}/\d{2}/[^/?#]+")


class HRW(SiteAdapter):
    key = "hrw"
    supports_search = True

    def date_from_url(self, url: str) -> str | None:
        match = _DATED.search(url)
        return "-".join(match.groups()) if match else None

    def extract(self, soup, url: str) -> Extracted | None:
        authors = [a.get_text(" ", strip=True) for a in soup.select(".byline__name, .article-byline a")]
        title = select_text(soup, "h1.headline", "h1")
        published = select_date(soup, "time.date[datetime]", 'meta[property="article:published_time"]')
        drop_elements(soup, NOT_STORY)
        return Extracted(
            title=title,
            authors=people(authors, "Human Rights Watch", "HRW"),
            published=published or self.date_from_url(url),
            text=select_body(soup, "div.article-body", "div.field--name-body", "article"),
        )

    def search_url(self, phrase: str, settings) -> str:
        return f"{settings.hrw_base.rstrip('/')}/sitesearch?" + urlencode({"search": phrase})

    def search_hits(self, text: str, page_url: str, phrase: str) -> list[str]:
        return links_matching(text, page_url, _ARTICLE)
