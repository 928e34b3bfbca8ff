"""Plain-text drafts.

Paragraphs are separated by blank lines; a file with no blank line at all has one paragraph a line
(as pasted from a web page). A paragraph ending in a bracketed tag (`[Daily NK]`) is a quoted excerpt
from that source, and so is the run of quoted paragraphs it closes: paragraphs that open with a
quotation mark, or the one right after a lead-in line ending with a colon.
"""

from __future__ import annotations

import dataclasses
import re

from scorer.draft.blocks import bare_links, is_tag_line, line_starts, trailing_tag
from scorer.types import Block, Draft

_OPENING_QUOTE = ("“", '"', "‘", "'", "«", "„")
_MAX_RUN = 12  # paragraphs one tag may claim
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "’", ")", "]", "…")


def parse_plaintext(text: str, *, path: str = "<text>", encoding: str = "utf-8") -> Draft:
    starts = line_starts(text)
    lines = text.split("\n")
    paragraphs = _paragraphs(lines)
    blocks: list[Block] = []
    for para in paragraphs:
        parts: list[str] = []
        segments: list[tuple[int, int, int]] = []
        length = 0
        for n in para:
            raw = lines[n]
            lead = len(raw) - len(raw.lstrip())
            piece = raw.strip()
            if parts:
                segments.append((length, starts[n] - 1, 1))  # the newline reads as a space
                parts.append(" ")
                length += 1
            segments.append((length, starts[n] + lead, len(piece)))
            parts.append(piece)
            length += len(piece)
        body = "".join(parts)
        blocks.append(Block(index=len(blocks), kind="paragraph", text=body, segments=tuple(segments),
                            links=bare_links(body, ())))
    blocks = _mark_excerpts(blocks)
    return Draft(path=path, text=text, format="text", blocks=tuple(blocks), encoding=encoding,
                 line_starts=starts)


def _paragraphs(lines: list[str]) -> list[list[int]]:
    """Line numbers (0-based) of each paragraph.

    Blank lines separate paragraphs. Text with no blank line at all is either pasted from a web page, one
    paragraph a line (most lines end a sentence), or hard-wrapped (most lines stop mid-sentence): then a
    paragraph ends at a short line that ends a sentence.
    """
    filled = [n for n, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 2 or any(not ln.strip() for ln in lines[filled[0]:filled[-1]]):
        return _blank_separated(lines)
    ending = sum(1 for n in filled if lines[n].rstrip().endswith(_SENTENCE_END))
    if ending >= 0.6 * len(filled):
        return [[n] for n in filled]
    width = max(len(lines[n].rstrip()) for n in filled)
    paragraphs: list[list[int]] = []
    current: list[int] = []
    for n in filled:
        current.append(n)
        line = lines[n].rstrip()
        if line.endswith(_SENTENCE_END) and len(line) < 0.75 * width:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _blank_separated(lines: list[str]) -> list[list[int]]:
    paragraphs: list[list[int]] = []
    current: list[int] = []
    for n, ln in enumerate(lines):
        if ln.strip():
            current.append(n)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _mark_excerpts(blocks: list[Block]) -> list[Block]:
    out = list(blocks)
    quote_id = 0
    for i, block in enumerate(blocks):
        found = trailing_tag(block.text)
        if not found:
            continue
        run = [i]
        j = i - 1
        while j >= 0 and len(run) < _MAX_RUN and trailing_tag(blocks[j].text) is None:
            after_lead_in = j > 0 and blocks[j - 1].text.rstrip().endswith(":")
            if blocks[j].text.startswith(_OPENING_QUOTE) or after_lead_in:
                run.append(j)
                if after_lead_in:
                    break
                j -= 1
            else:
                break
        for k in run:
            kind = "tag_line" if is_tag_line(out[k].text) else "quote"
            out[k] = dataclasses.replace(out[k], kind=kind, quote_id=quote_id, tag=found[0])
        quote_id += 1
    return out
