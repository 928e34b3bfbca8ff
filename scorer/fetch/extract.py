"""Generic extraction (trafilatura; BeautifulSoup only where it finds nothing) and the finishing every page gets.

Text comes out as paragraphs separated by a blank line, whitespace inside a paragraph collapsed,
so a quote that the page breaks over several source lines still matches. A table comes out one row a
paragraph, cells joined by " | ", so the figures it holds can be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from scorer.errors import ScorerError
from scorer.fetch.metadata import clean_authors, clean_title, iso_date, page_meta, split_names

__all__ = [
    "Extracted", "ExtractorUnavailable", "clean_paragraphs", "element_text", "generic_extract", "iso_date",
    "merge", "soup_extract", "soup_of", "strip_truncation",
]

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
    note: str | None = None  # why the copy is partial
    paywalled: bool = False  # the page's JSON-LD says the article is not free to read


class ExtractorUnavailable(ScorerError):
    """trafilatura cannot be imported: the install is broken, and every page would silently lose text."""


def clean_paragraphs(paragraphs) -> str:
    out = []
    for para in paragraphs:
        para = _WS.sub(" ", " ".join(line.strip() for line in str(para).splitlines())).strip()
        if para:
            out.append(para)
    return "\n\n".join(out)


def element_text(element) -> str:
    """Paragraph text of a BeautifulSoup element: one paragraph per block element, scripts dropped."""
    for junk in element.find_all(["script", "style", "noscript", "nav", "aside", "form", "button", "figcaption"]):
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


# A preview cut short ends on an ellipsis: glued to a word ("All...") it is a cut, behind a paywall it is one anyway.
_CUT = re.compile(r"[^\W_](?:\.\.\.|…)$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]?$")


def preview_cut(text: str, paywalled: bool) -> str | None:
    """Why the text is a truncated preview (a note), or None."""
    end = text.rstrip()
    if paywalled and _ELLIPSIS.search(end):
        return "partial copy: a paywalled preview that stops at an ellipsis"
    if _CUT.search(end):
        return "partial copy: the text stops mid-sentence at an ellipsis"
    return None


def soup_of(html: str):
    from bs4 import BeautifulSoup

    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # lxml missing or choking: the stdlib parser always works
        return BeautifulSoup(html, "html.parser")


_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _text_lines(text: str) -> list[str]:
    """trafilatura's lines, a table's Markdown rows ("| a | b |") as plain rows ("a | b")."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if _TABLE_RULE.match(stripped):
            continue
        if stripped.startswith("|") and stripped.endswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            stripped = " | ".join(c for c in cells if c)
        out.append(stripped)
    return out


def soup_extract(html: str, url: str | None = None) -> Extracted:
    """BeautifulSoup only: metadata from JSON-LD and meta tags, body from article/main/body paragraphs."""
    soup = soup_of(html)
    meta = page_meta(soup, url)
    from scorer.fetch.metadata import article_ld, json_ld_items

    ld = article_ld(json_ld_items(soup))
    body = soup.find("article") or soup.find("main") or soup.body or soup
    text = element_text(body)
    if not text and ld.get("articleBody"):
        text = clean_paragraphs(str(ld["articleBody"]).split("\n"))
    return Extracted(
        title=meta.title, authors=meta.authors, published=meta.published, text=text, canonical=meta.canonical,
        paywalled=meta.paywalled,
    )


def load_trafilatura():
    """The trafilatura module, or a one-line error naming what is missing (never a silent fallback)."""
    try:
        import trafilatura
    except ImportError as exc:
        missing = getattr(exc, "name", None)
        detail = f"missing module {missing!r}" if missing and missing != "trafilatura" else " ".join(str(exc).split())
        raise ExtractorUnavailable(
            f"the article extractor cannot load: trafilatura fails to import ({detail}); "
            "reinstall with `pip install -e .` (it needs trafilatura and lxml_html_clean)"
        ) from None
    return trafilatura


def generic_extract(html: str, url: str | None = None) -> Extracted:
    """trafilatura for the body; explicit metadata first; BeautifulSoup only where trafilatura found no text."""
    trafilatura = load_trafilatura()
    meta = page_meta(soup_of(html), url)
    try:
        # Comments are not the article; tables are (their figures get checked). Default precision/recall:
        # favor_recall and fast each lowered the benchmark F1 (benchmarks/eval_extraction.py).
        # The date is a last resort after the page's own metadata: htmldate's extensive search (dateparser over
        # free text) costs seconds per page and guesses from any date the text mentions.
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception:  # trafilatura is a heuristic: a page it chokes on is a page where it found nothing
        doc = None
    data = (doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}
    text = clean_paragraphs(_text_lines(data.get("text") or ""))
    fallback = soup_extract(html, url) if not text else None
    sites = meta.site_names + tuple(n for n in [data.get("sitename")] if n)
    authors = meta.authors or clean_authors(split_names(data.get("author") or ""), sites=sites, byline=meta.byline)
    return Extracted(
        title=meta.title or clean_title(data.get("title"), sites),
        authors=authors,
        published=meta.published or iso_date(data.get("date")),
        text=text or (fallback.text if fallback else ""),
        canonical=meta.canonical,
        paywalled=meta.paywalled,
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
        paywalled=own.paywalled or generic.paywalled,
    )
