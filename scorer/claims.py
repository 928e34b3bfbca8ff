"""Sentence units: every sentence of every block is one claim, in order, with its place in the file."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from scorer.types import Block, Claim, Draft

# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col capt cpt sgt maj adm cmdr st jr sr rev hon pres amb fr
    no nos vol vols fig figs vs etc cf al approx est dept univ inc ltd corp co bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun""".split()
)
_SENTENCE_STARTERS = frozenset(
    "The A An In It He She They We I But And This That These Those There On At As After For If When".split()
)
# A boundary: terminal punctuation, closing quotes/brackets, then space. Ellipses end sentences only
# before a capital (checked below).
_BOUNDARY = re.compile(r"(?:[.!?]+|…)[\"”’')\]»]*(?:\[\d{1,3}\])*(?=\s+\S)")
# Lost spaces in pasted text: "summoned.The", "said.”The" or an ellipsis joining two sentences "Authority…The"
_GLUED = re.compile(r"(?<=[a-z]{2})(?:[.!?]|…)[\"”’]?(?=[A-Z](?:[a-z]|\s[a-z]))")
_TRAILER = re.compile(r"^\s*(?:\[[^\[\]]{0,80}\]|\((?:snip|[A-Z][\w .,-]{0,40})\))\s*$")
_INITIALISM = re.compile(r"(?:^|[\s(“\"])(?:[A-Za-z]\.){1,4}$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a block's text, whitespace trimmed."""
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if _is_boundary(text, m.start(), end):
            cuts.append(end)
    for m in _GLUED.finditer(text):
        cuts.append(m.end())
    cuts.sort()
    spans = []
    start = 0
    for cut in cuts + [len(text)]:
        if cut <= start:
            continue
        s, e = _trim(text, start, cut)
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


_WINDOW = 120  # characters looked at around a candidate boundary: keeps long paragraphs linear


def _is_boundary(text: str, punct_at: int, end: int) -> bool:
    rest = text[end:end + _WINDOW].lstrip()
    if not rest:
        return False
    # "[Daily NK]", "[….]", "(Yonhap)", "(snip)" stay with the sentence they end (they close the block)
    if len(text) - end <= _WINDOW and _TRAILER.match(rest):
        return False
    nxt = rest[0]
    if nxt.islower() or nxt in ",;:":
        return False
    before = text[max(0, punct_at - _WINDOW):punct_at]
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    if text[punct_at] == ".":
        bare = word.lstrip("(“\"'‘").rstrip(".").lower()
        if bare in _ABBREVIATIONS:
            return False
        if _INITIALISM.search(before + ".") or (len(bare) == 1 and bare.isalpha()):
            # "U.S." or an initial "J.": a boundary only before a word that usually opens a sentence
            first = rest.split(None, 1)[0].strip("“\"'‘")
            return first in _SENTENCE_STARTERS
    if text[punct_at] == "…" or text[punct_at:punct_at + 3] == "...":
        return nxt.isupper() or nxt in "“\"‘"
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_claims(draft: Draft) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for block in draft.blocks:
        whole = block.kind in ("heading", "tag_line")  # one claim, whitespace trimmed (a leading hard break)
        spans = [_trim(block.text, 0, len(block.text))] if whole else sentence_spans(block.text)
        spans = [span for span in spans if span[1] > span[0]]
        links = _LinkIndex(block)
        for k, (s, e) in enumerate(spans):
            claims.append(_claim(draft, block, len(claims), k, s, e, links.within(s, e)))
    return tuple(claims)


class _LinkIndex:
    """The links overlapping a span, by bisection: a paragraph of 20,000 links and sentences stays linear.
    Links never overlap one another, so sorted by start they are sorted by end too."""

    def __init__(self, block: Block):
        self.links = sorted(block.links, key=lambda link: (link.start, link.end))
        self.starts = [link.start for link in self.links]
        self.ends = [link.end for link in self.links]
        self.overlapping = any(a.end > b.start for a, b in zip(self.links, self.links[1:]))

    def within(self, s: int, e: int) -> tuple:
        if self.overlapping:  # not from our readers; stay correct, if slow
            return tuple(link for link in self.links if link.start < e and link.end > s)
        return tuple(self.links[bisect_right(self.ends, s):bisect_left(self.starts, e)])


def _claim(draft: Draft, block: Block, index: int, k: int, s: int, e: int, links: tuple) -> Claim:
    fs = block.file_offset(s)
    fe = block.file_offset(e - 1) + 1  # end offset just after the last character
    line, col = draft.position(fs)
    end_line, end_col = draft.position(fe - 1)
    return Claim(
        id=f"c{index + 1}", index=index, text=block.text[s:e], block_index=block.index,
        start=fs, end=fe, line=line, column=col, end_line=end_line, end_column=end_col,
        block_start=s, block_end=e, kind=block.kind, quote_id=block.quote_id,
        position_in_block=k, links=links,
    )
