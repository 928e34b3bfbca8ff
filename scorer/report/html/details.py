"""What the panel of one claim shows: its sources, findings, reasons and verification, as plain values.

Strings meant for people are made here (the report layer); the template only places and escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scorer.report.html.diff import Marks, mark_differences, mark_figures
from scorer.report.html.layout import safe_href
from scorer.rules import Findings
from scorer.types import ClaimResult, Source, Verification

STATUS_TEXT = {
    "verified": "the quote is in the source as written",
    "altered": "close to the source, but worded differently",
    "not_found": "not found in the source",
    "partial_source": "the stored copy of the page is truncated and the quote may lie beyond its end "
                      "(never counted as verified)",
    "unfetched": "the page could not be read",
    "not_applicable": "nothing to check it against",
}
KIND_TEXT = {"outlet": "outlet", "person": "named person", "organization": "organisation", "document": "document",
             "anonymous": "anonymous", "vague": "vague attribution"}


def reasons(result: ClaimResult) -> list[tuple[str, float | None]]:
    """Why the score moved: (description, signed contribution or None), the one place that knows where
    the explanation lives. Today that is the attribution's signals (what `--format json` carries); a
    score that carries a `why` list of (feature description, contribution) is preferred when present."""
    why = getattr(result.score, "why", None)
    if why:
        return [(str(text), None if value is None else float(value)) for text, value in why]
    return [(signal, None) for signal in result.attribution.signals]


@dataclass
class SourceView:
    name: str
    kind: str
    cue: str
    via: str | None
    outlet: str | None  # registry key
    outlet_kind: str | None
    domain: str | None
    href: str | None
    url: str | None
    reliability: float | None
    inherited: bool


@dataclass
class QuoteView:
    status: str
    score: float | None
    draft: Marks
    source: Marks | None


@dataclass
class VerificationView:
    status: str
    status_text: str
    url: str | None
    href: str | None
    published: str | None
    after_draft: bool
    archive_note: str
    reason: str | None
    corroborated_by: list[str]
    quotes: list[QuoteView] = field(default_factory=list)
    figures: list[tuple[str, str | None, str]] = field(default_factory=list)  # (draft, source, status)


@dataclass
class ClaimView:
    dom_id: str
    result: ClaimResult
    strength: str
    confidence: float | None
    line: int
    column: int
    suppressed: bool
    sources: list[SourceView]
    findings: list[tuple[str, str, str]]  # (level, rule, message)
    reasons: list[tuple[str, float | None]]
    verification: VerificationView | None

    @property
    def percent(self) -> int:
        return round((self.confidence or 0.0) * 100)


def source_view(source: Source) -> SourceView:
    return SourceView(name=source.name, kind=KIND_TEXT.get(source.kind, source.kind), cue=source.cue, via=source.via,
                      outlet=source.outlet, outlet_kind=source.outlet_kind, domain=source.domain,
                      href=safe_href(source.url), url=source.url, reliability=source.reliability,
                      inherited=source.inherited)


def _archive_note(ver: Verification) -> str:
    if ver.archived:
        return "read from an Internet Archive snapshot: the live page was gone or unreachable"
    if ver.source_status in ("http_404", "http_410"):
        return f"the page answered {ver.source_status.replace('http_', 'HTTP ')} and no archived copy was found"
    if ver.url and ver.source_status == "ok":
        return "read from the page itself (live or cached), not an archive"
    return "no page was read"


def verification_view(ver: Verification | None, claim_text: str) -> VerificationView | None:
    if ver is None:
        return None
    different = [n for n in ver.numbers if n.status == "different"]
    draft_figures = [n.claim for n in different]
    source_figures = [n.source for n in different if n.source]
    quotes = []
    for check in ver.quotes:
        if check.passage:
            draft, source = mark_differences(check.quote, check.passage, draft_figures, source_figures)
        else:
            draft, source = mark_figures(check.quote, draft_figures), None
        quotes.append(QuoteView(check.status, check.score / 100, draft, source))  # QuoteCheck scores run 0-100
    if not quotes and ver.passage:
        # No quotation: the claim's own words beside the passage its figures were checked in.
        quotes.append(QuoteView(ver.status, ver.quote_score, mark_figures(claim_text, draft_figures),
                                mark_figures(ver.passage, source_figures)))
    return VerificationView(
        status=ver.status, status_text=STATUS_TEXT.get(ver.status, ver.status.replace("_", " ")), url=ver.url,
        href=safe_href(ver.url), published=ver.source_published, after_draft=ver.published_after_draft,
        archive_note=_archive_note(ver), reason=ver.reason, corroborated_by=list(ver.corroborated_by),
        quotes=quotes, figures=[(n.claim, n.source, n.status) for n in ver.numbers],
    )


def claim_view(result: ClaimResult, dom_id: str, path: str, findings: Findings) -> ClaimView:
    claim, score = result.claim, result.score
    return ClaimView(
        dom_id=dom_id, result=result, strength=score.strength or "none", confidence=score.confidence,
        line=claim.line, column=claim.column, suppressed=result.suppressed,
        sources=[source_view(s) for s in result.attribution.sources],
        findings=[(f.level, f.rule, f.message) for f in findings.for_claim(path, claim.index)],
        reasons=reasons(result), verification=verification_view(result.verification, claim.text),
    )


__all__ = ["ClaimView", "claim_view", "reasons"]
