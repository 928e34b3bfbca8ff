"""Markdown drafts: CommonMark via markdown-it-py, YAML front matter, every character mapped to the file.

Code (fenced or indented), HTML blocks and comments, and tables are not prose and give no blocks.
Block quotes are kept and known as quoted material; a bracketed tag closing a quote (`[Daily NK]`)
or a tag line inside it (`[AFP]`) names the source of every paragraph of that quote.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
import datetime as dt

from markdown_it import MarkdownIt

from scorer.draft.blocks import bare_links, is_tag_line, line_starts, tag_link, trailing_tag
from scorer.types import Block, Draft, Link

_md = MarkdownIt("commonmark").enable("table")


def parse_markdown(text: str, *, path: str = "<text>", encoding: str = "utf-8") -> Draft:
    starts = line_starts(text)
    lines = text.split("\n")
    metadata, body_from = _front_matter(lines)
    # Blank the front matter so markdown-it sees the same line numbers as the file.
    body = "\n" * body_from + "\n".join(lines[body_from:])
    tokens = _md.parse(body)

    blocks: list[Block] = []
    quote_depth = list_depth = 0
    quote_id = -1
    in_table = False
    for i, tok in enumerate(tokens):
        t = tok.type
        if t == "blockquote_open":
            if quote_depth == 0:
                quote_id += 1
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "bullet_list_open" or t == "ordered_list_open":
            list_depth += 1
        elif t == "bullet_list_close" or t == "ordered_list_close":
            list_depth -= 1
        elif t == "table_open":
            in_table = True
        elif t == "table_close":
            in_table = False
        elif (t == "paragraph_open" or t == "heading_open") and not in_table and tok.map:
            inline = tokens[i + 1]
            if t == "heading_open":
                kind = "heading"
            elif quote_depth:
                kind = "quote"
            elif list_depth:
                kind = "list_item"
            else:
                kind = "paragraph"
            block = _block(len(blocks), kind, inline, tok.map[0], lines, starts)
            if block.text.strip():
                if quote_depth:
                    block = dataclasses.replace(block, quote_id=quote_id)
                    if is_tag_line(block.text):
                        block = dataclasses.replace(block, kind="tag_line")
                blocks.append(block)

    blocks = _tag_quotes(blocks)
    date = _iso_date(metadata.get("date")) if metadata else None
    return Draft(path=path, text=text, format="markdown", blocks=tuple(blocks), date=date,
                 encoding=encoding, metadata=metadata, line_starts=starts)


def _front_matter(lines: list[str]) -> tuple[dict, int]:
    if not lines or lines[0].rstrip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            import yaml

            try:
                data = yaml.safe_load("\n".join(lines[1:end])) or {}
            except yaml.YAMLError:
                data = {}
            return (data if isinstance(data, dict) else {}), end + 1
    return {}, 0


def _iso_date(value) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            return None
    return None


def _block(index: int, kind: str, inline, first_line: int, lines: list[str], starts: tuple[int, ...]) -> Block:
    content = inline.content
    # Map inline.content (container markers stripped) back to file offsets, line by line.
    content_map: list[tuple[int, int, int]] = []  # (content_start, file_offset, length)
    c = 0
    for k, piece in enumerate(content.split("\n")):
        ln = first_line + k
        raw = lines[ln] if ln < len(lines) else ""
        pos = raw.find(piece) if piece else len(raw)
        if pos < 0:
            pos = 0
        content_map.append((c, starts[ln] + pos if ln < len(starts) else 0, len(piece)))
        c += len(piece) + 1

    content_starts = [seg[0] for seg in content_map]

    def to_file(cpos: int) -> int:
        best = content_map[max(bisect_right(content_starts, cpos) - 1, 0)]
        return best[1] + min(cpos - best[0], best[2])

    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    links: list[Link] = []
    length = 0
    ptr = 0
    link_stack: list[tuple[str, int]] = []

    def emit(piece: str, found: int) -> None:
        nonlocal length, ptr
        if not piece:
            return
        if found >= 0:
            segments.append((length, to_file(found), len(piece)))
            ptr = found + len(piece)
        else:
            segments.append((length, to_file(ptr), 0))
        parts.append(piece)
        length += len(piece)

    for child in inline.children or ():
        ct = child.type
        if ct == "text" or ct == "code_inline":
            emit(child.content, content.find(child.content, ptr))
        elif ct == "softbreak" or ct == "hardbreak":
            nl = content.find("\n", ptr)
            emit(" ", nl)
        elif ct == "link_open":
            link_stack.append((child.attrGet("href") or "", length))
        elif ct == "link_close" and link_stack:
            href, start = link_stack.pop()
            links.append(Link(href, "".join(parts)[start:length], start, length))
        # images, inline HTML (comments included) and emphasis markers are not prose
    text = "".join(parts)
    return Block(index=index, kind=kind, text=text, segments=tuple(segments),
                 links=bare_links(text, tuple(links)))


def _tag_quotes(blocks: list[Block]) -> list[Block]:
    """Give every paragraph of a quote the tag that closes it (or a tag line inside it)."""
    tags: dict[int, tuple[str, str | None]] = {}
    for block in blocks:
        if block.quote_id is None:
            continue
        found = trailing_tag(block.text)
        if found:
            tags[block.quote_id] = (found[0], tag_link(block, found[1]))
    return [
        dataclasses.replace(b, tag=tags[b.quote_id][0], tag_url=tags[b.quote_id][1])
        if b.quote_id in tags else b
        for b in blocks
    ]
