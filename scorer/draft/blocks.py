"""What both readers share: line tables, source tags that close a quoted excerpt, bare URLs."""

from __future__ import annotations

import re

from scorer.types import Block, Link

# "[Daily NK]" or "[Yonhap, via the Korea Herald]" closing a paragraph. Not "[1]", "[150,000]", "[….]" or "[sic]".
_TRAILING_TAG = re.compile(r"\[\s*([A-Z][^\[\]\d]{0,80}?)\s*\]\s*$")
_NOT_TAGS = {"sic", "snip", "sic]", "emphasis added", "emphasis mine"}
_BARE_URL = re.compile(r"(?<![\w(\[])(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’]")


def line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return tuple(starts)


def trailing_tag(text: str) -> tuple[str, int] | None:
    """The source named by a bracketed tag at the end of a paragraph, and where the tag starts."""
    m = _TRAILING_TAG.search(text)
    if not m:
        return None
    name = m.group(1).strip()
    if name.lower() in _NOT_TAGS or len(name.split()) > 8:
        return None
    return name, m.start()


def is_tag_line(text: str) -> bool:
    tag = trailing_tag(text)
    return tag is not None and tag[1] == 0


def bare_links(text: str, known: tuple[Link, ...]) -> tuple[Link, ...]:
    """URLs written out in the text, besides the ones the markup already linked."""
    taken = [(link.start, link.end) for link in known]
    found = list(known)
    for m in _BARE_URL.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        url = m.group(0)
        found.append(Link(url if url.startswith("http") else "http://" + url, url, m.start(), m.end()))
    return tuple(sorted(found, key=lambda link: link.start))


def tag_link(block: Block, tag_start: int) -> str | None:
    for link in block.links:
        if link.start >= tag_start:
            return link.url
    return None
