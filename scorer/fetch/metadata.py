"""A page's metadata from its markup: title, authors, date, canonical URL, paywall flag.

Explicit metadata (JSON-LD, OpenGraph, meta tags) comes before anything guessed from the page, and every
value is tidied the same way whichever extractor found it: a title loses the site's name, an author list
loses repeats, publishers, desks, URLs and placeholders.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape

from scorer.outlets import registrable_domain


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    canonical: str | None = None
    site_names: tuple[str, ...] = ()
    byline: str | None = None  # the page's visible byline text, when it marks one
    paywalled: bool = False  # JSON-LD says the article is not free to read


def iso_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from the many ways pages write one; None when unsure."""
    if not value:
        return None
    value = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return m.group(0) if _plausible(m.group(0)) else None  # "0001-01-01": a template's empty date
    cleaned = re.sub(r"^(published|updated|posted)\s*:?\s*", "", value, flags=re.I)
    cleaned = re.sub(r"\s*[-|,]?\s*\d{1,2}:\d{2}.*$", "", cleaned).strip(" ,")
    cleaned = re.sub(r"\b(Sep)t\b", r"\1", re.sub(r"\b([A-Z][a-z]{2,3})\.", r"\1", cleaned))  # "Feb. 16", "Sept."
    for fmt in ("%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%Y.%m.%d", "%Y/%m/%d", "%Y%m%d"):
        try:
            found = datetime.strptime(cleaned, fmt).date().isoformat()
            return found if _plausible(found) else None
        except ValueError:
            continue
    return None


def _plausible(iso: str) -> bool:
    try:
        return date.fromisoformat(iso).year >= 1900
    except ValueError:
        return False


# -- JSON-LD ------------------------------------------------------------------------------------------
_ARTICLE_KEYS = ("headline", "datePublished", "articleBody")


def json_ld_items(soup) -> list[dict]:
    """Every JSON-LD object of the page, @graph and lists flattened."""
    out: list[dict] = []
    for tag in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        try:
            data = json.loads(tag.string or tag.get_text() or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return out


def article_ld(items: list[dict]) -> dict:
    for item in items:
        if any(k in item for k in _ARTICLE_KEYS):
            return item
    return {}


def _not_free(value) -> bool:
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def is_paywalled(items: list[dict]) -> bool:
    for item in items:
        if _not_free(item.get("isAccessibleForFree")):
            return True
        parts = item.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts]:
            if isinstance(part, dict) and _not_free(part.get("isAccessibleForFree")):
                return True
    return False


def ld_names(value) -> tuple[str, ...]:
    """Names from an author field: a string, a Person/Organization, or a list of them."""
    if not value:
        return ()
    if isinstance(value, str):
        return split_names(value)
    if isinstance(value, dict):
        if str(value.get("@type", "")).lower() in ("organization", "newsmediaorganization"):
            return ()  # a publisher, not a writer
        return ld_names(value.get("name"))
    if isinstance(value, list):
        return tuple(n for v in value for n in ld_names(v))
    return ()


# a byline run into its date: "Jeff Foust Monday, November 18, 2019"
_DATE_TAIL = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|July|September"
    r"|October|November|December)\b.*$"
)


def split_names(value: str) -> tuple[str, ...]:
    value = re.sub(r"^\s*(?:[A-Za-z]+\s+)?by\s*:?\s+", "", unescape(value).strip(), flags=re.I)  # "Analysis by"
    # "Name. Publisher": a full stop after a word (not an initial) ends the name
    parts = re.split(r"\s*(?:;|,|\band\b|&|\||(?<=[a-z]{2})\.\s+)\s*", value)
    return tuple(n for n in (_DATE_TAIL.sub("", p).strip() for p in parts) if n)


# -- titles -------------------------------------------------------------------------------------------
_SEPARATORS = re.compile(r"(\s+(?:\||-|–|—|::|·|•|»)\s+)")


def _key(text: str) -> str:
    return re.sub(r"[^\w]|_", "", text.casefold())


def _is_site(part: str, sites: tuple[str, ...], *, exact: bool = False) -> bool:
    """Is this the site's name ("CNN"), or for a title's tail segment a section of it ("CNN Politics")?"""
    k = _key(part)
    return bool(k) and any(
        s and (k == s or not exact and len(s) >= 3 and k.startswith(s)) for s in map(_key, sites)
    )


def clean_title(title: str | None, sites: tuple[str, ...]) -> str | None:
    """The headline without the site's name ("Senate votes | CNN Politics" -> "Senate votes")."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", unescape(title)).strip()
    parts = _SEPARATORS.split(title)  # text, separator, text, ...
    while len(parts) > 2 and _is_site(parts[-1], sites):
        del parts[-2:]
    while len(parts) > 2 and _is_site(parts[0], sites):
        del parts[:2]
    if len(parts) > 2 and parts[-2].strip() == "|" and len(parts[-1].split()) <= 3:
        del parts[-2:]  # "Headline | Section": a short tail after a bar is the site's navigation
    return "".join(parts).strip() or None


# -- authors ------------------------------------------------------------------------------------------
_NOT_A_PERSON = re.compile(
    r"""(?:https?:|www\.|\.com\b|\.co\.\w\w|@|\d
      |\b(?:staff|desk|newsroom|editors?|editorial|team|agency|news|wire|reporters?|correspondents?|contributors?
      |username|user|guest|anonymous|unknown|author|press|media|online|digital|web|bureau|international
      |(?:staff|senior|contributing|auto|sports|science|technology|business|political)\ writers?
      |associated\ press|reuters|afp|yonhap|getty|photos?|images?
      |monday|tuesday|wednesday|thursday|friday|saturday|sunday
      |january|february|march|july|september|october|november|december)\b
      |admin(?:istrator)?\b|^the\b)""",
    re.I | re.X,
)


_JOB_TITLE = re.compile(r"^AP\b|^\S+\s+\S+\s+.*\bWriters?$")
_PARTICLES = {"de", "da", "das", "do", "dos", "du", "del", "della", "di", "van", "von", "der", "den", "la", "le",
              "bin", "bint", "al", "el", "y", "e", "ten", "ter", "zu"}


def _lowercase_word(name: str) -> bool:
    """A word a person's name would capitalise ("defense ministries"); name particles ("van", "de") aside."""
    return any(w[:1].islower() and w not in _PARTICLES for w in name.split())


def clean_authors(names, *, sites: tuple[str, ...] = (), byline: str | None = None) -> tuple[str, ...]:
    """People only, each once: no URLs, desks, publishers, placeholders; inside the byline when there is one."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        for name in split_names(str(raw)):
            name = re.sub(r"\s+", " ", name).strip(" .,:;-–—|")
            if not name or len(name) > 60 or len(name.split()) > 5 or _NOT_A_PERSON.search(name):
                continue
            if _is_site(name, sites) or not re.search(r"[^\W\d_]", name) or _lowercase_word(name):
                continue
            if (" " not in name and name.isupper()) or _JOB_TITLE.search(name):
                continue  # "PTI", "CNN", "MS": agencies and credentials; "AP Sports Writer": a job title
            key = _key(name) or name.casefold()
            if key in seen:
                continue
            seen.add(key)
            out.append(name)
    if byline and out:
        shown = [n for n in out if n.casefold() in byline.casefold()]
        if shown:  # names the byline does not show come from elsewhere on the page (related stories, comments)
            return tuple(shown)
    return tuple(out)


# -- the page -----------------------------------------------------------------------------------------
def meta_content(soup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content") and tag["content"].strip():
            return tag["content"].strip()
    return None


def _site_names(soup, ld: dict, items: list[dict], url: str | None) -> tuple[str, ...]:
    names = [meta_content(soup, "og:site_name", "application-name", "twitter:site")]
    publisher = ld.get("publisher")
    if isinstance(publisher, dict):
        names.append(publisher.get("name"))
    for item in items:
        if str(item.get("@type", "")).lower() in ("organization", "newsmediaorganization", "website"):
            names.append(item.get("name"))
    domain = registrable_domain(url) if url else None  # "cnn" of edition.cnn.com, "bbc" of www.bbc.co.uk
    if domain:
        names.append(domain.split(".")[0])
    return tuple(dict.fromkeys(str(n).lstrip("@").strip() for n in names if n and str(n).strip()))


def _byline(soup) -> str | None:
    for selector in ("[class*=byline]", "[rel~=author]", "[class*=author-name]", "[itemprop=author]"):
        found = soup.select_one(selector)
        if found is not None:
            text = found.get_text(" ", strip=True)
            if text and len(text) < 300:
                return text
    return None


def page_meta(soup, url: str | None = None) -> PageMeta:
    """Metadata from the markup alone; call before anything strips scripts from the soup."""
    items = json_ld_items(soup)
    ld = article_ld(items)
    sites = _site_names(soup, ld, items, url)
    h1 = soup.find("h1")
    titles = (
        ld.get("headline") if isinstance(ld.get("headline"), str) else None,
        meta_content(soup, "og:title"),
        meta_content(soup, "twitter:title"),
        h1.get_text(" ", strip=True) if h1 else None,
        soup.title.get_text(" ", strip=True) if soup.title else None,
    )
    # the first that is a headline, not just the site's name
    title = next((t for t in (clean_title(t, sites) for t in titles) if t and not _is_site(t, sites, exact=True)), None)
    time_tag = soup.find("time", datetime=True)
    dates = (
        ld.get("datePublished"),
        meta_content(soup, "article:published_time", "date", "pubdate", "publishdate", "dc.date"),
        time_tag and time_tag["datetime"],
    )
    published = next((d for d in map(iso_date, dates) if d), None)
    byline = _byline(soup)
    authors = ld_names(ld.get("author")) or split_names(meta_content(soup, "author", "article:author") or "")
    canonical_tag = soup.find("link", rel="canonical")
    return PageMeta(
        title=title,
        authors=clean_authors(authors, sites=sites, byline=byline),
        published=published,
        canonical=canonical_tag.get("href") if canonical_tag else None,
        site_names=sites,
        byline=byline,
        paywalled=is_paywalled(items),
    )
