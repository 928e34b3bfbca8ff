"""HTML drafts, as editors export them from a CMS: the article's paragraphs, every character mapped to the file.

Two passes. The first walks the markup with the standard library's parser and keeps every paragraph-like
element (p, h1-h6, li, blockquote, ...) as a Block whose segments point at the characters of the file,
entities included (`&amp;` maps to its `&`). The second asks the same extraction fetched pages get
(scorer.fetch.extract.generic_extract) what the article text is, and drops the blocks it leaves out: the
menus, share buttons and "related stories" around an exported article. A fragment the extractor makes
nothing of (a bare run of <p> elements) keeps all its blocks.

Quoted excerpts work as in Markdown: a <blockquote> is quoted material, and a bracketed tag closing it
(`[Daily NK]`) names its source. Suppression comments (`<!-- scorer: ignore -->`) work as written.
"""

from __future__ import annotations

import dataclasses
import re
from html import unescape
from html.parser import HTMLParser

from scorer.draft.blocks import bare_links, is_tag_line, line_starts, tag_link, trailing_tag
from scorer.types import Block, Draft, Link

# Never prose: code, embedded documents, and the page furniture around an article.
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas",
                   "nav", "aside", "form", "button", "select", "textarea", "footer", "pre", "code", "figure"})
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article",
                     "main", "header", "ul", "ol", "dl", "dd", "dt", "table", "tr", "td", "th", "caption",
                     "figcaption", "address", "hr", "body", "html", "details", "summary"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
_TOKEN = re.compile(r"\S+|\s+")
_SQUASH = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


class _Reader(HTMLParser):
    def __init__(self, starts: tuple[int, ...]) -> None:
        super().__init__(convert_charrefs=False)
        self.starts = starts
        self.stack: list[str] = []
        self.skipping = 0
        self.quote_depth = 0
        self.quote_id = -1
        self.blocks: list[Block] = []
        self._reset()

    # -- text of the block being read ----------------------------------------------------------
    def _reset(self) -> None:
        self.parts: list[str] = []
        self.segments: list[tuple[int, int, int]] = []
        self.links: list[Link] = []
        self.open_links: list[tuple[str, int]] = []
        self.length = 0
        self.space = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column if line - 1 < len(self.starts) else self.starts[-1]

    def _add(self, text: str, file_offset: int, *, one_char: bool = False) -> None:
        """Append text read at file_offset; runs of whitespace become one space. `one_char`: an entity."""
        if self.skipping:
            return
        for m in _TOKEN.finditer(text):
            piece = m.group(0)
            at = file_offset if one_char else file_offset + m.start()
            if piece.isspace():
                if self.parts and not self.space:
                    self.segments.append((self.length, at, 1))
                    self.parts.append(" ")
                    self.length += 1
                    self.space = True
            else:
                self.segments.append((self.length, at, 1 if one_char else len(piece)))
                self.parts.append(piece)
                self.length += len(piece)
                self.space = False

    def _flush(self) -> None:
        text = "".join(self.parts).rstrip()
        if text:
            kind = ("heading" if _HEADINGS & set(self.stack) else "quote" if self.quote_depth
                    else "list_item" if "li" in self.stack else "paragraph")
            block = Block(index=len(self.blocks), kind=kind, text=text, segments=tuple(self.segments),
                          quote_id=self.quote_id if self.quote_depth else None,
                          links=bare_links(text, tuple(self.links)))
            if block.quote_id is not None and is_tag_line(text):
                block = dataclasses.replace(block, kind="tag_line")
            self.blocks.append(block)
        self._reset()

    # -- HTMLParser callbacks --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag in _SKIP:
            self.skipping += 1
        if tag == "blockquote" and not self.skipping:
            if self.quote_depth == 0:
                self.quote_id += 1
            self.quote_depth += 1
        elif tag == "br":
            self._add(" ", self._offset())
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.open_links.append((href, self.length))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            top = self.stack[-1]
            if top in _BLOCKS:
                self._flush()  # while the element is still open, so a heading is read as one
            self.stack.pop()
            self._close(top)
            if top == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(self.skipping - 1, 0)
        if tag == "blockquote" and self.quote_depth and not self.skipping:
            self.quote_depth -= 1
        elif tag == "a" and self.open_links:
            href, start = self.open_links.pop()
            text = "".join(self.parts)
            end = len(text.rstrip())
            if href and end > start:
                self.links.append(Link(href, text[start:end], start, end))

    def handle_data(self, data: str) -> None:
        self._add(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._add(unescape(f"&{name};"), self._offset(), one_char=True)

    def handle_charref(self, name: str) -> None:
        self._add(unescape(f"&#{name};"), self._offset(), one_char=True)

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(text: str, *, path: str = "<text>", encoding: str = "utf-8") -> Draft:
    starts = line_starts(text)
    reader = _Reader(starts)
    reader.feed(text)
    reader.close()
    blocks = reader.blocks
    extracted = _extract(text)
    if extracted is not None and extracted.text:
        article = _Article(extracted)
        kept = [b for b in blocks if article.holds(b)]
        if kept:
            blocks = kept
    blocks = [dataclasses.replace(b, index=i) for i, b in enumerate(_tag_quotes(blocks))]
    metadata = {"title": extracted.title} if extracted is not None and extracted.title else {}
    date = extracted.published if extracted is not None else None
    return Draft(path=path, text=text, format="html", blocks=tuple(blocks), date=date, encoding=encoding,
                 metadata=metadata, line_starts=starts)


def _extract(text: str):
    from scorer.fetch.extract import generic_extract  # trafilatura: only when an HTML draft is read

    try:
        return generic_extract(text)
    except Exception:  # a heuristic extractor that chokes still leaves the markup's own blocks
        return None


class _Article:
    """The extracted article text, squashed and as a vocabulary once, for asking of each block whether the
    extractor kept it."""

    def __init__(self, extracted) -> None:
        self.text = _SQUASH.sub("", extracted.text).casefold()
        self.title = _SQUASH.sub("", extracted.title).casefold() if extracted.title else None
        self.vocabulary = set(_WORD.findall(extracted.text.casefold()))

    def holds(self, block: Block) -> bool:
        """Its text, or nearly all its words, are in the article text."""
        squashed = _SQUASH.sub("", block.text).casefold()
        if squashed in self.text or (block.kind == "heading" and squashed == self.title):
            return True
        words = _WORD.findall(block.text.casefold())
        return len(words) >= 5 and sum(w in self.vocabulary for w in words) >= 0.9 * len(words)


def _tag_quotes(blocks: list[Block]) -> list[Block]:
    """Every paragraph of a blockquote gets the tag that closes it, as in Markdown drafts."""
    tags: dict[int, tuple[str, str | None]] = {}
    for block in blocks:
        if block.quote_id is not None and (found := trailing_tag(block.text)):
            tags[block.quote_id] = (found[0], tag_link(block, found[1]))
    return [dataclasses.replace(b, tag=tags[b.quote_id][0], tag_url=tags[b.quote_id][1]) if b.quote_id in tags
            else b for b in blocks]
