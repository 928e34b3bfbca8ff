"""Findings: what a claim's result means for a CI check, as rule ids with levels.

Rules are pure functions of one ClaimResult and the threshold, so every output format and
the baseline see the same findings. Ids are stable: they appear in config files, in
suppression comments, in baselines and in SARIF, so never rename one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping

from scorer.types import ClaimResult, FileReport, Report

LEVELS: tuple[str, ...] = ("error", "warning", "note", "off")
LEVEL_RANK = {"error": 3, "warning": 2, "note": 1, "off": 0}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: str  # default level
    short: str
    full: str
    help: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "weak-sourcing",
            "error",
            "Claim's sourcing confidence is under the threshold",
            "A check-worthy claim whose confidence (the probability that it is adequately sourced, strong or "
            "moderate) is under the configured threshold. This rule decides the exit code by default.",
            "Name who or what the claim rests on: a named person, an outlet with a link, a document. Lower the "
            "bar with `threshold` in [tool.scorer], or suppress with <!-- scorer: ignore -->.",
        ),
        Rule(
            "unsourced-claim",
            "warning",
            "Check-worthy claim with no attributed source",
            "A verifiable statement of fact for which no outlet, person, organisation, document or other source "
            "was found in the sentence, its paragraph or its quoted block.",
            "Attribute the claim (\"according to ...\", a link, a source tag closing the quote) or rephrase it "
            "as the writer's own analysis.",
        ),
        Rule(
            "anonymous-source",
            "warning",
            "Claim rests on an anonymous or vague source",
            "A check-worthy claim attributed to an unnamed source (\"a source in ...\", \"sources said\") or a "
            "vague one (\"reports suggest\", \"it is believed\").",
            "Say why the source is anonymous and how it was vetted, or add an on-the-record source.",
        ),
        Rule(
            "misquote",
            "warning",
            "Quote not found as written in the cited source",
            "A quoted span of the claim was compared with the fetched source and is altered or was not found.",
            "Compare the quote with the source passage shown and correct it, or cite where it really appears.",
        ),
        Rule(
            "figure-mismatch",
            "warning",
            "A figure differs from the cited source",
            "A number in the claim differs from the corresponding number near the matching passage of the source.",
            "Check the figure against the source, or cite the source that gives it.",
        ),
        Rule(
            "dead-link",
            "warning",
            "Cited page is gone or only archived",
            "The cited URL answered 404 or 410, or the text could only be read from an Internet Archive snapshot.",
            "Link to a live copy of the source, or to its archived snapshot explicitly.",
        ),
        Rule(
            "source-after-draft",
            "warning",
            "Cited source was published after the draft's date",
            "The source's publication date is later than the draft's front-matter date, so it cannot be what the "
            "draft relied on when written.",
            "Check the draft's date and which version of the source the claim rests on.",
        ),
    )
}

# Suppression of every rule on a claim (a bare `ignore` or `disable`).
ALL_RULES = frozenset({"*"})


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    level: str
    message: str
    path: str
    claim_index: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str  # the claim's text, for excerpts
    fingerprint: str  # hash of rule + normalised claim text: survives moved lines


class Findings:
    """The findings of a run, indexed by claim, in file and claim order."""

    def __init__(self, items: Iterable[Finding] = ()) -> None:
        self.items: tuple[Finding, ...] = tuple(items)
        self._by_claim: dict[tuple[str, int], list[Finding]] = {}
        for finding in self.items:
            self._by_claim.setdefault((finding.path, finding.claim_index), []).append(finding)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def for_claim(self, path: str, index: int) -> tuple[Finding, ...]:
        return tuple(self._by_claim.get((path, index), ()))

    def for_file(self, path: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.items if f.path == path)

    def count(self, level: str) -> int:
        return sum(1 for f in self.items if f.level == level)

    @property
    def failed(self) -> bool:
        return any(f.level == "error" for f in self.items)


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Claim text as a fingerprint sees it: re-wrapping, curly quotes or case do not change it."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def fingerprint(rule: str, text: str) -> str:
    return hashlib.sha256(f"{rule}\x00{normalise(text)}".encode("utf-8")).hexdigest()[:32]


def resolve_levels(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    levels = {rule_id: rule.level for rule_id, rule in RULES.items()}
    levels.update(overrides or {})
    return levels


def _below(value: float, threshold: float) -> str:
    """`value` with as few decimals (3 or more) as keep it visibly under `threshold`."""
    for digits in range(3, 10):
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        if float(text) < threshold:
            return text
    return repr(value)


# what the anonymous-source rule flags; `scorer stats` counts the same ("anonymous share")
UNNAMED_KINDS = frozenset({"anonymous", "vague"})


def _why(why: tuple[tuple[str, float], ...]) -> str:
    """"; why: anonymous source -1.2, ..." from the model's own contributions, so the message says what moved it."""
    if not why:
        return ""
    from scorer.explain import why_text

    return "; why: " + ", ".join(why_text(why))


def _messages(result: ClaimResult, threshold: float) -> list[tuple[str, str]]:
    """(rule id, message) for every rule the result breaks, before levels are applied."""
    out: list[tuple[str, str]] = []
    score, sources, ver = result.score, result.attribution.sources, result.verification
    if score.check_worthy:
        if score.confidence is not None and score.confidence < threshold:
            out.append((
                "weak-sourcing",
                f"sourcing confidence {_below(score.confidence, threshold)} is under the threshold {threshold:g}"
                f" (strength: {score.strength or 'none'})" + _why(score.why),
            ))
        if not sources:
            out.append(("unsourced-claim", "check-worthy claim with no attributed source"))
        shady = [s for s in sources if s.kind in UNNAMED_KINDS]
        if shady:
            names = ", ".join(dict.fromkeys(f"{s.kind} source \"{s.cue or s.name}\"" for s in shady))
            out.append(("anonymous-source", f"rests on {names}"))
    if ver is not None:
        if ver.status in ("altered", "not_found"):
            where = f" in {ver.url}" if ver.url else ""
            what = "altered from the source" if ver.status == "altered" else "not found"
            # the words that differ, draft → source, so the writer sees what to fix
            changes = [d for q in ver.quotes if q.status == "altered" for d in q.differences][:3]
            detail = f" ({'; '.join(changes)})" if changes else ""
            out.append(("misquote", f"quote {what}{where}{detail}"))
        different = [n for n in ver.numbers if n.status == "different"]
        if different:
            pairs = "; ".join(f"{n.claim} in the draft, {n.source} in the source" for n in different)
            out.append(("figure-mismatch", f"figure differs from the source: {pairs}"))
        gone = ver.source_status if ver.source_status in ("http_404", "http_410") else None
        if gone or ver.archived:
            why = f"answered {gone.replace('_', ' ').upper()}" if gone else "is read from an archived snapshot"
            out.append(("dead-link", f"cited page {ver.url or ''} {why}".replace("  ", " ")))
        if ver.published_after_draft:
            when = f" ({ver.source_published})" if ver.source_published else ""
            out.append(("source-after-draft", f"source published after the draft's date{when}"))
    return out


def evaluate_result(
    result: ClaimResult,
    path: str,
    threshold: float,
    levels: Mapping[str, str],
    disabled: frozenset[str] = frozenset(),
) -> tuple[Finding, ...]:
    """Findings of one claim; suppressed claims and rules at level `off` or disabled yield none."""
    if result.suppressed or disabled == ALL_RULES:
        return ()
    claim = result.claim
    findings = []
    for rule_id, message in _messages(result, threshold):
        level = levels.get(rule_id, RULES[rule_id].level)
        if level == "off" or rule_id in disabled:
            continue
        findings.append(Finding(
            rule=rule_id, level=level, message=message, path=path, claim_index=claim.index,
            line=claim.line, column=claim.column, end_line=claim.end_line, end_column=claim.end_column,
            text=claim.text, fingerprint=fingerprint(rule_id, claim.text),
        ))
    return tuple(findings)


def evaluate_file(
    file_report: FileReport,
    threshold: float,
    levels: Mapping[str, str] | None = None,
    disabled: Mapping[int, frozenset[str]] | None = None,
) -> tuple[Finding, ...]:
    levels = resolve_levels(levels)
    disabled = disabled or {}
    out: list[Finding] = []
    for result in file_report.results:
        out.extend(evaluate_result(result, file_report.path, threshold, levels,
                                   disabled.get(result.claim.index, frozenset())))
    return tuple(out)


def evaluate(
    report: Report,
    levels: Mapping[str, str] | None = None,
    disabled: Mapping[str, Mapping[int, frozenset[str]]] | None = None,
) -> Findings:
    """All findings of a report; `disabled` maps path -> claim index -> rule ids switched off in the draft."""
    disabled = disabled or {}
    return Findings(
        finding
        for file_report in report.files
        for finding in evaluate_file(file_report, report.threshold, levels, disabled.get(file_report.path))
    )
