"""The Korea Herald: old view.php?ud= URLs (date in the id) and new /article/ ones; Yonhap wire copy."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlencode

from scorer.fetch.extract import Extracted
from scorer.fetch.sites.base import (
    NOT_STORY, SiteAdapter, drop_elements, links_matching, people, select_body, select_date, select_text,
)

_UD = re.compile(r"[?&]ud=((\d{4})(\d{2})(\d{2})\d*)")
_ARTICLE = re.compile(r"koreaherald\.com/(?:view\.php\?ud=\d+|article/\d+)|/view\.php\?ud=\d+|/article/\d+")
_WIRE = re.compile(r"\(\s*Yonhap\s*\)\s*$")
CANONICAL_BASE = "https://www.koreaherald.com"


class KoreaHerald(SiteAdapter):
    key = "koreaherald"
    supports_search = True

    def canonical_url(self, url: str) -> str:
        match = _UD.search(url)
        if match and "koreaherald.com" in url.lower():  # m. and www., http and https: one article
            return f"{CANONICAL_BASE}/view.php?ud={match.group(1)}"
        return super().canonical_url(url)

    def date_from_url(self, url: str) -> str | None:
        match = _UD.search(url)
        return f"{match.group(2)}-{match.group(3)}-{match.group(4)}" if match else None

    def extract(self, soup, url: str) -> Extracted | None:
        byline = select_text(soup, ".view_tit_byline_l", ".news_writer", ".writer")
        title = select_text(soup, "h1.view_tit", "h1.news_title", "h1")
        published = self.date_from_url(url) or select_date(
            soup, ".view_tit_byline_r", 'meta[property="article:published_time"]', ".news_date"
        )
        drop_elements(soup, NOT_STORY)
        return Extracted(
            title=title,
            # "By Yonhap" on wire copy, "By Kim (kim@heraldcorp.com)" on the Herald's own: people only
            authors=people([byline], "The Korea Herald", "Korea Herald", "Herald", "Yonhap"),
            published=published,
            text=select_body(soup, "div#articleText", "div.news_content", "article"),
        )

    def finish(self, extracted: Extracted, url: str) -> Extracted:
        # A story ending "(Yonhap)" is wire copy: Yonhap wrote it, the Herald carries it.
        if _WIRE.search(extracted.text):
            return replace(extracted, origin="yonhap")
        return extracted

    def search_url(self, phrase: str, settings) -> str:
        return f"{settings.koreaherald_base.rstrip('/')}/search/index.php?" + urlencode(
            {"q": phrase, "sort": 1, "mode": "list"}
        )

    def search_hits(self, text: str, page_url: str, phrase: str) -> list[str]:
        return links_matching(text, page_url, _ARTICLE)
