"""Markdown drafts: CommonMark via markdown-it-py, YAML front matter, every character mapped to the file.

Code (fenced or indented), HTML blocks and comments, and tables are not prose and give no blocks.
Block quotes are kept and known as quoted material; a bracketed tag closing a quote (`[Daily NK]`)
or a tag line inside it (`[AFP]`) names the source of every paragraph of that quote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_right

from markdown_it import MarkdownIt

from scorer.errors import InputError
from scorer.draft.blocks import bare_links, is_tag_line, line_starts, tag_link, trailing_tag
from scorer.types import Block, Draft, Link

_md = MarkdownIt("commonmark").enable("table")


def parse_markdown(text: str, *, path: str = "<text>", encoding: str = "utf-8") -> Draft:
    starts = line_starts(text)
    lines = text.split("\n")
    metadata, body_from = _front_matter(lines, path)
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
    date = _draft_date(metadata, lines[:body_from], path) if metadata else None
    return Draft(path=path, text=text, format="markdown", blocks=tuple(blocks), date=date,
                 encoding=encoding, metadata=metadata, line_starts=starts)


def _front_matter(lines: list[str], path: str = "<text>") -> tuple[dict, int]:
    """The YAML block opening the file, and the line after it. A block that does not parse as a mapping
    of keys is not front matter (a thematic break `---`, then prose): it stays in the text. One that
    plainly is (`key: value` first) but cannot be read is the writer's to fix: an InputError."""
    if not lines or lines[0].rstrip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            block = "\n".join(lines[1:end])
            looks_like_yaml = _KEY_LINE.match(next((ln for ln in lines[1:end] if ln.strip()), "")) is not None
            try:
                data = _load_yaml(block)
            except RecursionError:
                raise InputError(f"{path}:2: the front matter is nested too deeply to read") from None
            except Exception as exc:  # yaml.YAMLError, or a ValueError from a value no type can hold
                if not looks_like_yaml:
                    return {}, 0
                line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
                why = " ".join(str(getattr(exc, "problem", None) or exc).split())[:200]
                raise InputError(f"{path}:{line}: the front matter is not valid YAML: {why}") from None
            if not isinstance(data, dict):
                return {}, 0
            return data, end + 1
    return {}, 0


_KEY_LINE = re.compile(r"^[\w\"'-][^:]*:(?:\s|$)")
_TIME = re.compile(r"^[Tt ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?$")


def _load_yaml(block: str):
    """yaml.safe_load, except that timestamps stay strings: a date is checked where it is used, so an
    impossible one (2015-02-30, 25:00, year 0) in any key is never a crash inside the YAML library."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(block, Loader=_Loader) or {}


def _draft_date(metadata: dict, lines: list[str], path: str) -> str | None:
    """The ISO date of the `date` key; one that is there but impossible is an InputError naming its line."""
    if "date" not in metadata or metadata["date"] is None:
        return None
    value = metadata["date"]
    line = next((n + 1 for n, ln in enumerate(lines) if ln.lstrip().startswith("date:")), 2)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", text):
        try:
            day = dt.date.fromisoformat(text[:10])
        except ValueError as exc:
            raise InputError(f"{path}:{line}: front matter date {text!r} is not a real date ({exc})") from None
        rest = text[10:]
        clock = _TIME.match(rest) if rest else None
        if rest and (clock is None or int(clock.group(1)) > 23 or int(clock.group(2)) > 59
                     or int(clock.group(3) or 0) > 60):
            raise InputError(f"{path}:{line}: front matter date {text!r} has an impossible time")
        return day.isoformat()
    raise InputError(f"{path}:{line}: front matter date {text[:60]!r} is not a date (write it as YYYY-MM-DD)")


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
