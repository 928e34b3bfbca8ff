"""Generic extraction (trafilatura, BeautifulSoup fallback) and the finishing every page gets.

Text comes out as paragraphs separated by a blank line, whitespace inside a paragraph collapsed,
so a quote that the page breaks over several source lines still matches.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime

# A copy that stops early says so in its last paragraph; such a page is partial and the marker is not text.
_TRUNCATION = re.compile(
    r"""^(?:
        \[\s*(?:\.\.\.|…)\s*truncated[^\]]*\]
      | \(?\s*continued\s*\)?\s*(?:\.\.\.|…)?
      | read\ more\s*(?:\.\.\.|…|»|›|>)?
      | (?:\.\.\.|…)\s*read\ more.*
      | .{0,60}\b(?:subscribers?\ only|subscribe\ (?:now\ )?to\ (?:continue|read)|for\ subscribers
          |sign\ in\ to\ (?:continue|read)|log\ in\ to\ (?:continue|read)|paywall).{0,80}
    )$""",
    re.I | re.X,
)
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True)
class Extracted:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date
    text: str = ""
    canonical: str | None = None
    origin: str | None = None
    partial: bool = False


def clean_paragraphs(paragraphs) -> str:
    out = []
    for para in paragraphs:
        para = _WS.sub(" ", " ".join(line.strip() for line in str(para).splitlines())).strip()
        if para:
            out.append(para)
    return "\n\n".join(out)


def element_text(element) -> str:
    """Paragraph text of a BeautifulSoup element: one paragraph per block element, scripts dropped."""
    for junk in element.find_all(["script", "style", "noscript", "nav", "aside", "form", "button"]):
        junk.decompose()
    blocks = element.find_all(["p", "h2", "h3", "h4", "li", "blockquote", "pre"])
    blocks = [b for b in blocks if not b.find_parent(["p", "li", "blockquote"])]  # no paragraph twice
    if blocks:
        return clean_paragraphs(b.get_text(" ") for b in blocks)
    return clean_paragraphs(element.get_text("\n").split("\n\n"))


# Unambiguous markers may also close the last paragraph itself ("... they said (continued)").
_TRAILING = re.compile(r"\s*(?:\(\s*continued\s*\)|\[\s*(?:\.\.\.|…)\s*truncated[^\]]*\])\s*$", re.I)


def strip_truncation(text: str) -> tuple[str, bool]:
    """Drop a truncation marker (or paywall notice) that ends the text; say whether there was one."""
    paragraphs = text.split("\n\n")
    partial = False
    while paragraphs and _TRUNCATION.match(paragraphs[-1].strip()):
        paragraphs.pop()
        partial = True
    if paragraphs and _TRAILING.search(paragraphs[-1]):
        paragraphs[-1] = _TRAILING.sub("", paragraphs[-1])
        partial = True
    return "\n\n".join(paragraphs).strip(), partial


def iso_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from the many ways pages write one; None when unsure."""
    if not value:
        return None
    value = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return m.group(0)
    cleaned = re.sub(r"^(published|updated|posted)\s*:?\s*", "", value, flags=re.I)
    cleaned = re.sub(r"\s*[-|,]?\s*\d{1,2}:\d{2}.*$", "", cleaned).strip(" ,")
    for fmt in ("%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%Y.%m.%d", "%Y/%m/%d", "%Y%m%d"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def soup_of(html: str):
    from bs4 import BeautifulSoup

    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # lxml missing or choking: the stdlib parser always works
        return BeautifulSoup(html, "html.parser")


def _json_ld(soup) -> dict:
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(tag.string or "")
        except (ValueError, TypeError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and ("headline" in item or "datePublished" in item or "articleBody" in item):
                return item
    return {}


def _names(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return tuple(n.strip() for n in re.split(r";|\band\b|,", value) if n.strip())
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return tuple(n for v in value for n in _names(v))
    return ()


def soup_extract(html: str) -> Extracted:
    """BeautifulSoup only: metadata from JSON-LD and meta tags, body from article/main/body paragraphs."""
    soup = soup_of(html)
    ld = _json_ld(soup)

    def meta(*names):
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if tag and tag.get("content"):
                return tag["content"].strip()
        return None

    h1 = soup.find("h1")
    title = ld.get("headline") or meta("og:title", "twitter:title") or (h1.get_text(" ", strip=True) if h1 else None)
    if not title and soup.title:
        title = soup.title.get_text(" ", strip=True) or None
    time_tag = soup.find("time", datetime=True)
    published = iso_date(
        ld.get("datePublished") or meta("article:published_time", "date", "pubdate") or (time_tag and time_tag["datetime"])
    )
    authors = _names(ld.get("author")) or _names(meta("author", "article:author"))
    canonical_tag = soup.find("link", rel="canonical")
    canonical = canonical_tag.get("href") if canonical_tag else None
    body = soup.find("article") or soup.find("main") or soup.body or soup
    text = element_text(body)
    if not text and ld.get("articleBody"):
        text = clean_paragraphs(str(ld["articleBody"]).split("\n"))
    return Extracted(title=title, authors=authors, published=published, text=text, canonical=canonical)


def generic_extract(html: str, url: str | None = None) -> Extracted:
    """trafilatura with metadata (JSON-LD, OpenGraph, htmldate); BeautifulSoup where it finds nothing."""
    fallback = soup_extract(html)
    try:
        import trafilatura

        # fast: skip trafilatura's own justext/readability fallbacks (40% of its time); ours is soup_extract.
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
            fast=True,
        )
    except Exception:  # trafilatura is a heuristic: a page it chokes on still gets the fallback
        doc = None
    if doc is None:
        return fallback
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = clean_paragraphs((data.get("text") or "").split("\n"))
    return Extracted(
        title=data.get("title") or fallback.title,
        authors=_names(data.get("author")) or fallback.authors,
        published=fallback.published or iso_date(data.get("date")),
        text=text if len(text) >= len(fallback.text) // 2 else fallback.text,
        canonical=fallback.canonical or None,
    )


def merge(own: Extracted | None, generic: Extracted) -> Extracted:
    """The outlet's own markup first, the generic extractor for whatever it left empty."""
    if own is None:
        return generic
    return replace(
        own,
        title=own.title or generic.title,
        authors=own.authors or generic.authors,
        published=own.published or generic.published,
        text=own.text or generic.text,
        canonical=own.canonical or generic.canonical,
    )
