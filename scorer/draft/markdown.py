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
# markdown-it drops whatever lies deeper than this (commonmark's preset says 20, so a quote 30 deep vanished);
# what lies deeper still is read line by line (_flattened), never lost. 100 keeps its recursion far from
# Python's limit.
_MAX_NESTING = 100
_md.options["maxNesting"] = _MAX_NESTING
_CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})
_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*")


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
            block = _block(len(blocks), kind, inline, tok.map, text, starts)
            if block.text.strip():
                if quote_depth:
                    block = dataclasses.replace(block, quote_id=quote_id)
                    if is_tag_line(block.text):
                        block = dataclasses.replace(block, kind="tag_line")
                blocks.append(block)
        if t in _CONTAINERS and tok.level == _MAX_NESTING - 1 and tok.map:  # its content is lost to markdown-it
            kind = "quote" if quote_depth else "list_item"
            for block in _flattened(len(blocks), kind, tok.map, text, starts):
                blocks.append(dataclasses.replace(block, quote_id=quote_id) if quote_depth else block)

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


def _block(index: int, kind: str, inline, block_map, text: str, starts: tuple[int, ...]) -> Block:
    """The prose of one paragraph or heading, each character tied to where it is in the file.

    markdown-it gives no offsets inside a paragraph, and its text differs from the file's: entities are
    decoded (`&amp;`), escapes dropped (`\\*`), a code span's line breaks made spaces, container markers
    (`> `, list indents) gone. So each piece of text is aligned with the file, moving forward only.
    """
    region = starts[block_map[0]] if block_map[0] < len(starts) else len(text)
    region_end = starts[block_map[1]] if block_map[1] < len(starts) else len(text)
    aligner = _Aligner(text, region, region_end)
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    links: list[Link] = []
    length = 0
    link_stack: list[tuple[str, int]] = []

    def emit(piece: str, offsets: list[int]) -> None:
        nonlocal length
        n_off = len(offsets)
        if n_off and offsets[-1] - offsets[0] == n_off - 1:  # one run of the file, the usual case: one step
            t0, f0, n = segments[-1] if segments else (-2, -2, 0)
            if t0 + n == length and f0 + n == offsets[0]:
                segments[-1] = (t0, f0, n + n_off)
            else:
                segments.append((length, offsets[0], n_off))
            parts.append(piece)
            length += len(piece)
            return
        for k, offset in enumerate(offsets):
            t0, f0, n = segments[-1] if segments else (-2, -2, 0)
            if t0 + n == length + k and f0 + n == offset:
                segments[-1] = (t0, f0, n + 1)
            else:
                segments.append((length + k, offset, 1))
        parts.append(piece)
        length += len(piece)

    for child in inline.children or ():
        ct = child.type
        if (ct == "text" or ct == "code_inline") and child.content:
            emit(child.content, aligner.align(child.content, literal=ct == "code_inline"))
        elif ct == "softbreak" or ct == "hardbreak":
            emit(" ", [aligner.newline()])
        elif ct == "link_open":
            link_stack.append((child.attrGet("href") or "", length))
        elif ct == "link_close":
            aligner.skip_link_tail()
            if link_stack:
                href, start = link_stack.pop()
                links.append(Link(href, "".join(parts)[start:length], start, length))
        elif ct == "image":
            aligner.skip_image()
        elif ct == "html_inline":
            aligner.skip(child.content)
        # emphasis markers are not prose; the aligner steps over them
    body = "".join(parts)
    return Block(index=index, kind=kind, text=body, segments=tuple(segments), links=bare_links(body, tuple(links)))


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_LOOKAHEAD = 400  # how far ahead a piece may start (markup between pieces is short): keeps a block linear


class _Aligner:
    """Walks the file forward from a block's first line, tying each character of markdown-it's text to the
    file character it came from."""

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.pos = start
        self.end = max(end, start)
        self.fallback: int | None = None  # where to look instead if a guessed skip (a link's tail) was wrong

    def align(self, piece: str, *, literal: bool = False) -> list[int]:
        """File offsets of the piece's characters; `literal` for a code span (no entities, no escapes)."""
        pos, n = self.pos, len(piece)
        if (self.fallback is None and "\\" not in piece and "&" not in piece and "\n" not in piece
                and self.text.startswith(piece, pos, self.end)):
            # the piece stands in the file as it is (no entity, escape or line break to step over): what the
            # character-by-character match below would find, without the walk
            self.pos = pos + n
            return list(range(pos, pos + n))
        starts = [self.pos] if self.fallback is None or self.fallback >= self.pos else [self.pos, self.fallback]
        self.fallback = None
        for first in starts:
            for r in range(first, min(self.end, first + _LOOKAHEAD)):
                offsets = self._match(piece, r, literal)
                if offsets is not None:
                    self.pos = offsets[1]
                    return offsets[0]
        return self._loose(piece)

    def _match(self, piece: str, r: int, literal: bool):
        text, end = self.text, self.end
        out: list[int] = []
        i, n = 0, len(piece)
        after_break = False  # just past a line break inside the piece: the next line's container markers may follow
        while i < n:
            if r >= end:
                return None
            c, f = piece[i], text[r]
            if f == "\\" and not literal and r + 1 < end and text[r + 1] == c and c in _ESCAPABLE:
                out.append(r + 1)
                r += 2
                i += 1
                continue
            if f == "&" and not literal:
                m = _ENTITY.match(text, r, end)
                if m:
                    decoded = _decode_entity(m.group())
                    if decoded and piece.startswith(decoded, i):
                        out.extend([r] * len(decoded))
                        i += len(decoded)
                        r = m.end()
                        continue
            if f == c or (c == "\ufffd" and f == "\x00"):
                out.append(r)
                r += 1
                i += 1
                after_break = False
                continue
            if c == " " and f == "\n":  # a line break inside a code span
                out.append(r)
                r += 1
                i += 1
                after_break = True
                continue
            if after_break and f in " \t>":  # the next line's container markers, not the span's own text
                r += 1
                continue
            if c == " " and f == "\t":  # a tab markdown-it expanded to spaces
                while i < n and piece[i] == " ":
                    out.append(r)
                    i += 1
                r += 1
                continue
            return None
        return out, r

    def _after_markers(self, r: int) -> int:
        text, end = self.text, self.end
        while r < end and text[r] in " \t>":
            r += 1
        return r

    def _loose(self, piece: str) -> list[int]:
        """No exact alignment (markup this aligner does not model): keep order, stay inside the block."""
        out = []
        last = max(self.pos, 0)
        for c in piece:
            found = self.text.find(c, self.pos, min(self.end, self.pos + 16))
            if found >= 0:
                self.pos = found + 1
                last = found
            out.append(min(last, max(self.end - 1, 0)))
        return out

    def newline(self) -> int:
        found = self.text.find("\n", self.pos, self.end)
        if found < 0:
            return min(self.pos, max(self.end - 1, 0))
        self.pos = self._after_markers(found + 1)
        return found

    def skip(self, raw: str) -> None:
        found = self.text.find(raw, self.pos, min(self.end, self.pos + _LOOKAHEAD + len(raw)))
        if found >= 0:
            self.pos = found + len(raw)

    def skip_link_tail(self) -> None:
        """After a link's text: `](destination "title")`, `][label]` or `]`, or an autolink's `>`."""
        text, r, end = self.text, self.pos, self.end
        while r < end and text[r] in "*_~`":  # emphasis closing inside the link text
            r += 1
        if r < end and text[r] == ">":
            self.pos = r + 1
            return
        if r >= end or text[r] != "]":
            return
        r += 1
        self.fallback = r  # `[ref](not a destination` is a reference link followed by text
        if r < end and text[r] == "(":
            self.pos = _closing(text, r, end, "(", ")")
        elif r < end and text[r] == "[":
            close = text.find("]", r, end)
            self.pos = close + 1 if close >= 0 else r
        else:
            self.pos = r

    def skip_image(self) -> None:
        text, end = self.text, self.end
        start = text.find("![", self.pos, min(end, self.pos + _LOOKAHEAD))
        if start < 0:
            return
        close = _closing(text, start + 1, end, "[", "]")
        if close < end and text[close] == "(":
            close = _closing(text, close, end, "(", ")")
        elif close < end and text[close] == "[":
            found = text.find("]", close, end)
            close = found + 1 if found >= 0 else close
        self.pos = close


def _closing(text: str, r: int, end: int, opening: str, closing: str) -> int:
    """Just after the bracket that closes the one at `r` (escapes and nesting counted)."""
    depth = 0
    while r < end:
        ch = text[r]
        if ch == "\\":
            r += 2
            continue
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return r + 1
        r += 1
    return end


def _decode_entity(entity: str) -> str:
    """What markdown-it's entity rule makes of `&...;` (an invalid code point is U+FFFD, as there)."""
    from markdown_it.common.entities import entities
    from markdown_it.common.utils import isValidEntityCode

    name = entity[1:-1]
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
        return chr(code) if isValidEntityCode(code) else "\ufffd"
    return entities.get(name, entity)


def _flattened(first_index: int, kind: str, block_map, text: str, starts: tuple[int, ...]) -> list[Block]:
    """Content nested deeper than markdown-it goes: each line without its quote and list markers, lines
    run together into paragraphs at a line with nothing but markers."""
    blocks: list[Block] = []
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []

    def close() -> None:
        if parts:
            body = "".join(parts)
            blocks.append(Block(index=first_index + len(blocks), kind=kind, text=body, segments=tuple(segments),
                                links=bare_links(body, ())))
            parts.clear()
            segments.clear()

    length = 0
    for n in range(block_map[0], min(block_map[1], len(starts))):
        line_end = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
        line = text[starts[n]:line_end]
        lead = _MARKERS.match(line).end()
        content = line[lead:].rstrip()
        if not content:
            close()
            length = 0
            continue
        if parts:
            segments.append((length, starts[n] - 1, 1))  # the line break reads as a space
            parts.append(" ")
            length += 1
        segments.append((length, starts[n] + lead, len(content)))
        parts.append(content)
        length += len(content)
    close()
    return blocks


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
