"""Yonhap English: old english.yonhapnews.co.kr URLs and current en.yna.co.kr ones share the AEN id.

An article page holds more than the story: photo captions inside the body, an "(ATTN: ...)" editing note
on updated stories, a "By ..." byline paragraph, an "email (END)" sign-off, and "Related Articles"
headlines of other stories. None of it is the story's text. The only author is the byline's, in Latin
script: the page's author metadata is a Hangul name field, a desk or the agency's Facebook page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scorer.fetch.extract import Extracted
from scorer.fetch.metadata import split_names
from scorer.fetch.sites.base import SiteAdapter, drop_elements, select_body, select_date, select_text

_AEN = re.compile(r"(AEN(\d{4})(\d{2})(\d{2})\d+)", re.I)
CANONICAL_BASE = "https://en.yna.co.kr/view/"
BODY = ("article.story-news", "div.story-news", "div.article-story", "div.article-txt", "article")
NOT_STORY = (
    "figure", "figcaption", ".img-con", ".photo-group", ".comp-box", "[class*=caption]", "p.desc",
    "[class*=relat]", "[class*=keyword]", "[class*=share]", "[class*=banner]", "[class*=copyright]",
)

_BYLINE = re.compile(r"^By\s+([A-Z][A-Za-z'.\-]+(?:\s+[A-Z][A-Za-z'.\-]+)*(?:\s*(?:,|and|&)\s*[A-Z][A-Za-z'.\-]+"
                     r"(?:\s+[A-Z][A-Za-z'.\-]+)*)*)\s*$")
_ATTN = re.compile(r"^\(\s*(?:ATTN|LEAD|URGENT)\b[^)]*\)$")
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_SIGN_OFF = re.compile(rf"^(?:{_EMAIL}\s*)*(?:\(END\))?$")
_TAIL = re.compile(rf"\s*(?:{_EMAIL}\s*)*\(END\)\s*$")
_SECTION_END = re.compile(r"^(?:Related (?:Articles|News)|Most (?:Viewed|Read)|Keywords?|Latest News)$", re.I)
_CAPTION = re.compile(r"^(?:This (?:file |undated )?(?:photo|image|picture|screenshot|graphic|capture)\b|\(PHOTO\b)"
                      r"|\((?:Yonhap|PHOTO NOT FOR SALE)\)$")
# page furniture that a generic read of the page keeps: skip links, "All News 13:43 October 05, 2016"
_FURNITURE = re.compile(r"^(?:Go to (?:Contents|Navigation|Search)\s*)+$|^[A-Z][\w .&'-]{0,40}\s\d{1,2}:\d{2}\s"
                        r"[A-Z][a-z]+\s\d{1,2},\s\d{4}$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.\-]*(?:\s+[A-Za-z][A-Za-z'.\-]*){0,4}$")
_NOT_A_NAME = re.compile(r"\b(?:Yonhap|News|Agency|Desk|Staff|Reporter|Editor|Team)\b", re.I)


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
        title = select_text(soup, "h1.tit", "div.title-article01 h1", "h1")
        published = self.date_from_url(url) or select_date(
            soup, 'meta[property="article:published_time"]', "time[datetime]"
        )
        drop_elements(soup, NOT_STORY)
        text = select_body(soup, *BODY)
        # the byline paragraph, wherever the story container is (or is not) found
        bylines = (p.get_text(" ", strip=True) for p in soup.select("p, .byline, .writer"))
        authors = byline_authors(text) or next((a for a in map(byline_authors, bylines) if a), ())
        return Extracted(title=title, authors=authors, published=published, text=text)

    def clean_text(self, text: str) -> str:
        kept = []
        for n, para in enumerate(text.split("\n\n")):  # n: the byline is only looked for near the top
            para = para.strip()
            if _SECTION_END.match(para) or _SIGN_OFF.match(para) and para:
                break  # the sign-off ends the story; what follows is the page's, not the story's
            if _ATTN.match(para) or _CAPTION.search(para) or _FURNITURE.match(para) or (n < 4 and _BYLINE.match(para)):
                continue
            tail = _TAIL.search(para)
            if tail:
                kept.append(para[: tail.start()].rstrip())
                break
            kept.append(para)
        return "\n\n".join(p for p in kept if p)

    def finish(self, extracted: Extracted, url: str) -> Extracted:
        # Whatever filled the authors (the generic metadata included), only Latin-script people stay.
        return replace(extracted, authors=tuple(a for a in extracted.authors if is_person(a)))


def byline_authors(text: str) -> tuple[str, ...]:
    """The people of the "By ..." paragraph near the top of the story."""
    for para in text.split("\n\n")[:4]:
        match = _BYLINE.match(para.strip())
        if match:
            return tuple(n for n in split_names(match.group(1)) if is_person(n))
    return ()


def is_person(name: str) -> bool:
    return bool(_LATIN_NAME.match(name)) and not _NOT_A_NAME.search(name) and " " in name
