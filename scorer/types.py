"""The data that flows through scorer, one frozen dataclass per stage.

    Draft -> [Claim] -> [Attribution] -> [Article] -> [Verification] -> [Score] -> Report

Offsets (`start`, `end`) are character offsets into `Draft.text`, the decoded file
including any front matter; lines and columns are 1-based and count characters
(Unicode code points), so an annotation lands on the text a person sees.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

STRENGTHS: tuple[str, ...] = ("strong", "moderate", "weak", "none")

Strength = Literal["strong", "moderate", "weak", "none"]
SourceKind = Literal["outlet", "person", "organization", "document", "anonymous", "vague"]
BlockKind = Literal["heading", "paragraph", "quote", "list_item", "tag_line"]
# What a source does for a claim: says it (a person, body or unnamed speaker), records it (a document),
# or carries someone's words (an outlet, unnamed media and reports).
SourceRole = Literal["speaker", "document", "carrier"]
_ROLE_OF_KIND = {"person": "speaker", "organization": "speaker", "anonymous": "speaker", "document": "document",
                 "outlet": "carrier", "vague": "carrier"}


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    start: int  # offsets of the link's visible text in Block.text
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of the draft: a paragraph, heading, list item or quoted paragraph.

    `text` is what a reader sees (markup removed, quote markers stripped). `segments` maps it
    back to the file: each (text_start, file_offset, length) says text[text_start:text_start+length]
    came from Draft.text[file_offset:file_offset+length].
    """

    index: int
    kind: BlockKind
    text: str
    segments: tuple[tuple[int, int, int], ...]
    quote_id: int | None = None  # blocks of one quoted excerpt share this id
    tag: str | None = None  # source tag that closes the excerpt, e.g. "Daily NK"
    tag_url: str | None = None  # link carried by that tag
    links: tuple[Link, ...] = ()

    def file_offset(self, text_offset: int) -> int:
        """File offset of a character of `text`; the end of a range maps to just after its last char."""
        segs = self.segments
        if not segs:
            return 0
        lo, hi = 0, len(segs) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if segs[mid][0] <= text_offset:
                lo = mid
            else:
                hi = mid - 1
        t0, f0, n = segs[lo]
        return f0 + min(max(text_offset - t0, 0), n)


@dataclass(frozen=True)
class Draft:
    path: str
    text: str
    format: Literal["markdown", "text", "html"]
    blocks: tuple[Block, ...]
    date: str | None = None  # ISO date from front matter, if any
    encoding: str = "utf-8"
    metadata: dict = field(default_factory=dict, compare=False, hash=False)
    line_starts: tuple[int, ...] = field(default=(0,), compare=False, hash=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of the draft: every sentence is a claim unit, check-worthy or not."""

    id: str
    index: int
    text: str
    block_index: int
    start: int  # file offsets
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    block_start: int  # offsets of the sentence inside Block.text
    block_end: int
    kind: BlockKind = "paragraph"
    quote_id: int | None = None
    position_in_block: int = 0  # 0-based sentence index within its block
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """Something a claim rests on, and the words that showed it."""

    name: str
    kind: SourceKind
    cue: str
    outlet: str | None = None  # registry key when the source is (or is carried by) a known outlet
    domain: str | None = None
    url: str | None = None
    via: str | None = None  # the carrier, e.g. "The Korea Herald" for Yonhap wire copy
    inherited: bool = False  # from the paragraph or quoted block rather than the sentence itself
    reliability: float | None = None  # outlet prior in [0, 1]
    outlet_kind: str | None = None  # the registry's kind: "wire agency", "state media", "ngo", ...
    # Typed facts about the mention (issue 8); features and rules read these, never the display strings.
    role: SourceRole | None = None  # filled from `kind` when not given
    named: bool | None = None  # a name a reader can check; filled from `kind` when not given
    hedged: bool = False  # the attribution itself is hedged ("reportedly said", "is believed to")
    unconfirmed: bool = False  # the mention says it does NOT source the claim ("X did not respond")
    # offsets of the mention in Claim.text; None when not written in this sentence (a frame from another
    # sentence, a link); a quoted block's closing tag is inherited by all its sentences, with offsets in the last
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        if self.role is None:
            object.__setattr__(self, "role", _ROLE_OF_KIND.get(self.kind, "speaker"))
        if self.named is None:
            object.__setattr__(self, "named", self.kind in ("person", "organization", "outlet")
                               or (self.kind == "document" and (bool(self.url) or _proper(self.name, self.start))))


def _proper(name: str, start: int | None) -> bool:
    """A document with a name of its own ("World Report 2019", "EPA records"), not a common noun phrase
    ("The figure", "Court documents" opening a sentence, where the capital is only the sentence's)."""
    words = name.split()
    if words and words[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her", "our"):
        words, start = words[1:], 1
    return any((w[:1].isupper() and (i > 0 or start != 0)) or (len(w) > 1 and w.isupper())
               for i, w in enumerate(words))


@dataclass(frozen=True, slots=True)
class Attribution:
    claim_index: int
    sources: tuple[Source, ...] = ()
    hedges: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()  # short human-readable reasons, shown to the user
    quotes: tuple[str, ...] = ()  # quoted spans of the claim, for verification
    unconfirmed: bool = False  # the sentence says its claim is not confirmed ("could not be verified", "X declined")
    unconfirmed_by: tuple[Source, ...] = ()  # mentions that do not source the claim ("X did not respond")


@dataclass(frozen=True, slots=True)
class Article:
    """A fetched (or looked-up) source page."""

    url: str
    # ok, empty (HTML with no article text: a failed fetch), not_cached, blocked_by_robots, refused, too_large,
    # not_html, http_<code>, timeout, error
    status: str
    final_url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601 date
    text: str = ""
    fetched_at: str | None = None
    from_cache: bool = False
    archived: str | None = None  # Internet Archive snapshot timestamp
    message: str | None = None
    origin: str | None = None  # wire agency behind the copy, e.g. "yonhap" for a Korea Herald page ending "(Yonhap)"
    partial: bool = False  # the page is a truncated copy

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True, slots=True)
class NumberCheck:
    claim: str
    source: str | None
    status: Literal["same", "different", "absent"]


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    quote: str
    status: Literal["verified", "altered", "not_found", "partial_source", "unfetched"]
    score: float = 0.0
    passage: str | None = None
    differences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verification:
    status: Literal["verified", "altered", "not_found", "partial_source", "unfetched", "not_applicable"]
    url: str | None = None
    archived: bool = False
    quote_score: float | None = None
    passage: str | None = None
    quotes: tuple[QuoteCheck, ...] = ()
    numbers: tuple[NumberCheck, ...] = ()
    source_published: str | None = None
    published_after_draft: bool = False
    corroborated_by: tuple[str, ...] = ()
    reason: str | None = None
    source_status: str | None = None  # the fetch status of the page used: "ok", "http_404", "timeout", ...


@dataclass(frozen=True, slots=True)
class Score:
    check_worthy: bool
    check_worthy_probability: float
    strength: Strength | None
    confidence: float | None  # P(strong or moderate), None when not check-worthy
    probabilities: tuple[tuple[str, float], ...] = ()
    # the features that moved the confidence most (or, for a sentence that is not check-worthy, that made it so),
    # each with its signed contribution to the log-odds: weight times value, as the model computed it
    why: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimResult:
    claim: Claim
    attribution: Attribution
    score: Score
    verification: Verification | None = None
    suppressed: bool = False


@dataclass(frozen=True)
class FileReport:
    path: str
    draft: Draft
    results: tuple[ClaimResult, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...]
    threshold: float = 0.5
