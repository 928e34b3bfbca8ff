"""Yonhap English: old english.yonhapnews.co.kr URLs and current en.yna.co.kr ones share the AEN id."""

from __future__ import annotations

import re

from scorer.fetch.extract import Extracted
from scorer.fetch.sites.base import SiteAdapter, select_body, select_date, select_text

_AEN = re.compile(r"(AEN(\d{4})(\d{2})(\d{2})\d+)", re.I)
CANONICAL_BASE = "https://en.yna.co.kr/view/"


class Yonhap(SiteAdapter):
    key = "yonhap"
    supports_search = False  # its search page renders with JavaScript: we say so instead of guessing

    def canonical_url(self, url: str) -> str:
        match = _AEN.search(url)
        return CANONICAL_BASE + match.group(1).upper() if match else super().canonical_url(url)

    def date_from_url(self, url: str) -> str | None:
        match = _AEN.search(url)
        return f"{match.group(2)}-{match.group(3)}-{match.group(4)}" if match else None

    def extract(self, soup, url: str) -> Extracted | None:
        return Extracted(
            title=select_text(soup, "h1.tit", "div.title-article01 h1", "h1"),
            authors=tuple(a for a in [select_text(soup, ".writer", ".byline")] if a),
            published=self.date_from_url(url)
            or select_date(soup, 'meta[property="article:published_time"]', "time[datetime]"),
            text=select_body(soup, "article.story-news", "div.story-news", "div.article-story", "article"),
        )
