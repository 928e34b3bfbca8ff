"""Daily NK (English): WordPress; phrase search through the WordPress REST API."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from scorer.fetch.extract import Extracted, clean_paragraphs, soup_of
from scorer.fetch.sites.base import NOT_STORY, SiteAdapter, drop_elements, people, select_body, select_date, select_text

# The footer every Daily NK English story carries, in its older and newer wording; not part of the report.
_FOOTER = re.compile(
    r"^(?:Questions or comments about this article\?|Please direct any (?:comments or questions|questions or comments)"
    r").*$",
    re.I | re.M,
)


class DailyNK(SiteAdapter):
    key = "dailynk"
    supports_search = True

    def extract(self, soup, url: str) -> Extracted | None:
        links = soup.select("a[rel~=author], .td-post-author-name a, .author-name")
        authors = [a.get_text(" ", strip=True) for a in links]
        title = select_text(soup, "h1.entry-title", "h1.post-title", "h1.td-post-title", "article h1", "h1")
        published = select_date(
            soup, 'meta[property="article:published_time"]', "time.entry-date[datetime]", "time[datetime]"
        )
        drop_elements(soup, NOT_STORY)
        return Extracted(
            title=title,
            authors=people(authors, "Daily NK", "dailynk"),  # a WordPress author link may be the site itself
            published=published,
            text=select_body(soup, "div.entry-content", "div.td-post-content", "div.post-content", "article"),
        )

    def clean_text(self, text: str) -> str:
        return re.sub(r"\n{3,}", "\n\n", _FOOTER.sub("", text)).strip()

    def search_url(self, phrase: str, settings) -> str:
        return f"{settings.dailynk_base.rstrip('/')}/wp-json/wp/v2/posts?" + urlencode(
            {"search": phrase, "per_page": 5}
        )

    def search_hits(self, text: str, page_url: str, phrase: str) -> list[str]:
        try:
            posts = json.loads(text)
        except ValueError:
            return []
        if not isinstance(posts, list):
            return []
        wanted = _norm(phrase)
        scored = []
        for rank, post in enumerate(posts):
            # The answer is another server's JSON: take only the shape the API documents, skip anything else.
            if not isinstance(post, dict) or not isinstance(post.get("link"), str) or not post["link"].strip():
                continue
            content = post.get("content")
            content = content.get("rendered") if isinstance(content, dict) else None
            body = _norm(clean_paragraphs([soup_of(content).get_text(" ")])) if isinstance(content, str) else ""
            # WordPress ranks by relevance; a post that holds the exact phrase still goes first.
            scored.append((wanted not in body, rank, post["link"]))
        return [link for _, _, link in sorted(scored)]


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()
