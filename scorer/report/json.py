"""`--format json`: the contract of issue 2, plus `suppressed` and `findings` (issue 5).

Fields are only ever added, never renamed or removed: scripts read this. The contract is written down as a
JSON Schema, scorer/data/schemas/report.schema.json, which the tests hold real output to.
"""

from __future__ import annotations

import json

from scorer.explain import describe
from scorer.report.base import Reporter
from scorer.report.common import file_summary, findings_for, report_summary
from scorer.rules import Findings
from scorer.types import ClaimResult, Report, Source, Verification

VERSION = 1


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 3)


def source_json(source: Source) -> dict:
    return {"name": source.name, "kind": source.kind, "outlet": source.outlet, "domain": source.domain,
            "url": source.url, "cue": source.cue, "via": source.via, "start": source.start, "end": source.end}


def verification_json(ver: Verification | None) -> dict | None:
    if ver is None:
        return None
    return {
        "status": ver.status,
        "url": ver.url,
        "archived": bool(ver.archived),
        "quote_score": _round(ver.quote_score),
        "passage": ver.passage,
        "numbers": [{"claim": n.claim, "source": n.source, "status": n.status} for n in ver.numbers],
        "source_published": ver.source_published,
        "corroborated_by": list(ver.corroborated_by),
        "reason": ver.reason,  # why a claim is unfetched or has nothing to check against
    }


def claim_json(result: ClaimResult, path: str, findings: Findings) -> dict:
    claim, score = result.claim, result.score
    worthy = bool(score.check_worthy)
    return {
        "id": claim.id,
        "line": claim.line,
        "column": claim.column,
        "end_line": claim.end_line,
        "end_column": claim.end_column,
        "text": claim.text,
        "check_worthy": worthy,
        "strength": score.strength if worthy else None,
        "confidence": _round(score.confidence) if worthy else None,
        "sources": [source_json(s) for s in result.attribution.sources],
        "signals": list(result.attribution.signals),
        "verification": verification_json(result.verification),
        "suppressed": bool(result.suppressed),
        "findings": [{"rule": f.rule, "level": f.level, "message": f.message}
                     for f in findings.for_claim(path, claim.index)],
        # the features that moved the score most, with their signed contribution to its log-odds
        "why": [{"feature": name, "reason": describe(name), "contribution": round(value, 3)}
                for name, value in score.why],
    }


def report_json(report: Report, findings: Findings) -> dict:
    return {
        "version": VERSION,
        "threshold": report.threshold,
        "files": [
            {"path": fr.path,
             "summary": file_summary(fr, report.threshold, findings),
             "claims": [claim_json(r, fr.path, findings) for r in fr.results]}
            for fr in report.files
        ],
        "summary": report_summary(report, findings),
    }


class JsonReporter(Reporter):
    def render(self, report: Report) -> str:
        document = report_json(report, findings_for(report, self.options))
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
