"""The draft as written, laid out for the HTML report: headings, paragraphs, quotes and lists, each cut
into runs of text that are plain, part of a claim, or part of a link.

Works from the Draft's blocks (markup already removed by the readers); a Draft without blocks (a
hand-built one) falls back to its paragraphs split at blank lines. Every claim gets exactly one place
in the text: a claim whose block is unknown is appended as a paragraph of its own, so the report never
silently drops one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scorer.types import Block, ClaimResult, Draft, FileReport, Link

SAFE_SCHEMES = ("http", "https", "mailto")
_ATX = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(#{1,6})[ \t]")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_ORDERED = re.compile(r"^[ \t]*(?:>[ \t]?)*\d{1,9}[.)][ \t]")


@dataclass
class Run:
    text: str
    href: str | None = None  # a safe link target, or None (plain text, or a link we refuse to make live)


@dataclass
class Piece:
    """Consecutive text that is either one claim (result set) or text between claims."""

    runs: list[Run]
    result: ClaimResult | None = None
    tail: Run | None = None  # a claim's last word, kept on one line with its confidence bar


def _split_tail(runs: list[Run]) -> tuple[list[Run], Run | None]:
    if not runs:
        return runs, None
    last = runs[-1]
    cut = max(last.text.rstrip().rfind(" "), 0) if last.text.strip() else 0
    cut = cut + 1 if cut else 0
    tail = last.text[cut:]
    if not tail or len(tail) > 30:  # a long unbroken tail would not wrap on a phone
        return runs, None
    head = runs[:-1] + ([Run(last.text[:cut], last.href)] if cut else [])
    return head, Run(tail, last.href)


@dataclass
class Item:
    """A paragraph, heading or list item; `level` is the heading level (1-6) for headings."""

    kind: str
    pieces: list[Piece]
    level: int = 0


@dataclass
class Group:
    """What the template renders at the top level: one heading or paragraph, or a quote or list of items."""

    kind: str  # "heading", "paragraph", "quote", "ul", "ol"
    items: list[Item] = field(default_factory=list)
    tag: str | None = None  # a quote's source tag
    level: int = 0
    quote_id: int | None = None


def safe_href(url: str | None) -> str | None:
    """The URL when it can only navigate to a page or mail address; `javascript:`, `data:` and friends are not."""
    if not url:
        return None
    cleaned = "".join(ch for ch in url.strip() if ch >= " " and ch != "\x7f")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return None
    return cleaned if scheme in SAFE_SCHEMES else None


def _runs(text: str, start: int, end: int, links: tuple[Link, ...]) -> list[Run]:
    """text[start:end] cut at the links that overlap it (a link crossing a claim's edge is cut in two)."""
    runs: list[Run] = []
    pos = start
    for link in links:
        a, b = max(link.start, start), min(link.end, end)
        if a >= b:
            continue
        if a > pos:
            runs.append(Run(text[pos:a]))
        runs.append(Run(text[a:b], safe_href(link.url)))
        pos = b
    if pos < end:
        runs.append(Run(text[pos:end]))
    return runs


def _pieces(text: str, links: tuple[Link, ...], spans: list[tuple[int, int, ClaimResult]]) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    for start, end, result in sorted(spans, key=lambda s: (s[0], s[2].claim.index)):
        start = min(max(start, pos), len(text))
        end = min(max(end, start), len(text))
        if start > pos:
            pieces.append(Piece(_runs(text, pos, start, links)))
        # A claim the text cannot place (overlapping or out of range) still shows, with its own words.
        runs = _runs(text, start, end, links) if end > start else [Run(result.claim.text)]
        head, tail = _split_tail(runs)
        pieces.append(Piece(head, result, tail))
        pos = end
    if pos < len(text):
        pieces.append(Piece(_runs(text, pos, len(text), links)))
    return pieces


def _line_at(draft: Draft, offset: int) -> tuple[str, str]:
    """The file line holding `offset`, and the line after it."""
    start = draft.text.rfind("\n", 0, offset) + 1
    end = draft.text.find("\n", start)
    end = len(draft.text) if end < 0 else end
    after_end = draft.text.find("\n", end + 1)
    after = draft.text[end + 1: len(draft.text) if after_end < 0 else after_end] if end < len(draft.text) else ""
    return draft.text[start:end], after


def _heading_level(draft: Draft, block: Block) -> int:
    if not block.segments:
        return 2
    line, after = _line_at(draft, block.segments[0][1])
    atx = _ATX.match(line)
    if atx:
        return len(atx.group(1))
    setext = _SETEXT.match(after)
    if setext:
        return 1 if setext.group(1).startswith("=") else 2
    return 2


def _is_ordered(draft: Draft, block: Block) -> bool:
    return bool(block.segments) and bool(_ORDERED.match(_line_at(draft, block.segments[0][1])[0]))


def _paragraph_blocks(draft: Draft) -> list[tuple[Block, int]]:
    """Blank-line paragraphs of the raw text, with each one's file offset (for drafts built without blocks)."""
    out = []
    front = re.match(r"---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|$)", draft.text)
    body_start = front.end() if front else 0
    for m in re.compile(r"\S(?:.|\n(?![ \t]*\n))*").finditer(draft.text, body_start):
        text = m.group(0).rstrip()
        out.append((Block(index=len(out), kind="paragraph", text=text, segments=((0, m.start(), len(text)),)),
                    m.start()))
    return out


def layout(file_report: FileReport) -> list[Group]:
    draft = file_report.draft
    results = file_report.results
    placed: set[int] = set()
    spans: dict[int, list[tuple[int, int, ClaimResult]]] = {}
    if draft.blocks:
        blocks = list(draft.blocks)
        by_index = {b.index: b for b in blocks}
        for r in results:
            if r.claim.block_index in by_index:
                spans.setdefault(r.claim.block_index, []).append((r.claim.block_start, r.claim.block_end, r))
                placed.add(r.claim.index)
    else:
        paragraphs = _paragraph_blocks(draft)
        blocks = [b for b, _ in paragraphs]
        for r in results:
            for block, offset in paragraphs:
                if offset <= r.claim.start < offset + len(block.text):
                    spans.setdefault(block.index, []).append((r.claim.start - offset, r.claim.end - offset, r))
                    placed.add(r.claim.index)
                    break

    groups: list[Group] = []
    for block in blocks:
        pieces = _pieces(block.text, block.links, spans.get(block.index, []))
        if block.kind == "heading":
            level = _heading_level(draft, block)
            groups.append(Group("heading", [Item("heading", pieces, level)], level=level))
        elif block.quote_id is not None or block.kind in ("quote", "tag_line"):
            last = groups[-1] if groups else None
            item = Item(block.kind, pieces)
            if last and last.kind == "quote" and last.quote_id == block.quote_id:
                last.items.append(item)
            else:
                groups.append(Group("quote", [item], tag=block.tag, quote_id=block.quote_id))
        elif block.kind == "list_item":
            kind = "ol" if _is_ordered(draft, block) else "ul"
            if groups and groups[-1].kind == kind:
                groups[-1].items.append(Item("list_item", pieces))
            else:
                groups.append(Group(kind, [Item("list_item", pieces)]))
        else:
            groups.append(Group("paragraph", [Item("paragraph", pieces)]))
    for r in results:
        if r.claim.index not in placed:
            head, tail = _split_tail([Run(r.claim.text)])
            groups.append(Group("paragraph", [Item("paragraph", [Piece(head, r, tail)])]))
    return groups
