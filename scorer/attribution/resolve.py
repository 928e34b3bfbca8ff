"""What "he", "it", "the ministry" and "the report" refer to: the last fitting source named before.

A pronoun takes the kind of what it refers to (RUBRIC.md, "Spans"): "he" after a named person is that
person, after "a source" the anonymous source; "the report" is the report or outlet named or linked
before, and carries its URL so verification checks the quote against that page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from scorer.attribution.mentions import Mention
from scorer.types import Source

_REACH = 2  # paragraphs a pronoun reaches back (a lede may name its speaker a paragraph later)


@dataclass
class History:
    """The sources named so far in the draft, by what can refer back to them."""

    speaker: Source | None = None  # one person or unnamed person: "he", "she"
    speaker_block: int = -1
    group: Source | None = None  # unnamed people: "they" ("officials", "residents")
    group_block: int = -1
    body: Source | None = None  # organisation or outlet: "it", "the ministry", "the newspaper"
    body_block: int = -1
    report: Source | None = None  # a named or linked report, document or outlet: "the report"

    def note(self, s: Source, block: int) -> None:
        if s.unconfirmed:
            return
        if (s.kind == "document" and s.named) or (s.kind == "outlet" and (s.url or s.via)):
            self.report = s  # a quoted block's tag counts too: "the report" is often the quoted one
        elif s.kind == "outlet" and s.named and self.report is None and not s.inherited:
            self.report = s
        if s.inherited:
            return
        if s.kind == "anonymous" and _plural(s.name):
            self.group, self.group_block = s, block
        elif s.kind in ("person", "anonymous"):
            self.speaker, self.speaker_block = s, block
        elif s.kind in ("organization", "outlet") and s.named:
            self.body, self.body_block = s, block


def resolve(m: Mention, history: History, block: int) -> tuple[Source, str | None]:
    """The mention as a source, and a signal saying what it was resolved to (None when left as written)."""
    s = m.source
    if m.ref is None or s.url:
        return s, None  # a linked mention ("according to [the ministry's report](...)") names its own page
    referent = None
    if m.ref == "person":
        plural = m.surface.lower() in ("they", "them", "their")
        if plural and history.group is not None and block - history.group_block <= _REACH:
            referent = history.group
        elif not plural and history.speaker is not None and block - history.speaker_block <= _REACH:
            referent = history.speaker
        elif plural and history.body is not None and block - history.body_block <= _REACH:
            referent = history.body
    elif m.ref == "thing":
        if s.kind == "document" and history.report is not None:
            referent = history.report
        elif history.body is not None and block - history.body_block <= _REACH:
            referent = history.body
    elif m.ref == "body":
        if history.body is not None and _fits(m.surface, history.body):
            referent = history.body
    elif m.ref == "report":
        referent = history.report
    if referent is None:
        return s, None
    kind = "document" if m.ref == "report" else referent.kind  # "the report" is a document, whoever wrote it
    resolved = replace(referent, kind=kind, cue=s.cue, inherited=False, start=s.start, end=s.end,
                       hedged=s.hedged or referent.hedged, unconfirmed=False, role=None, named=referent.named)
    return resolved, f"“{m.surface}” resolved to {referent.name}"


def _plural(name: str) -> bool:
    """ "officials", "residents who fled": unnamed people in the plural ("they", never "he")."""
    words = name.lower().replace(",", " ").split()
    head = next((w for w in words if w in _PLURAL_HEADS or (w.endswith("s") and not w.endswith("ss") and len(w) > 3
                                                            and w not in _NOT_PLURAL)), None)
    return head is not None and not name.lower().startswith(("a ", "an ", "one ", "the source"))


_PLURAL_HEADS = frozenset("people police staff".split())
_NOT_PLURAL = frozenset("this his its was has is as news".split())
_MEDIA_HEADS = frozenset("newspaper paper broadcaster outlet daily tabloid magazine network station channel".split())


def _fits(surface: str, body: Source) -> bool:
    """"the newspaper" refers back to an outlet, "the ministry" to an organisation ("the agency": either)."""
    head = surface.lower().split()[-1]
    if head in _MEDIA_HEADS:
        return body.kind == "outlet"
    if head in ("agency", "service", "group", "organization", "organisation"):
        return True
    return body.kind == "organization"
