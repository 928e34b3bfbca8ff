"""What several formats share: the run's findings, summaries and short excerpts."""

from __future__ import annotations

import re

from scorer.rules import Findings, evaluate
from scorer.types import FileReport, Report
from scorer.types import STRENGTHS


def findings_for(report: Report, options: dict) -> Findings:
    """The findings the CLI computed (after suppression and baseline), or the default rules' findings."""
    findings = options.get("findings")
    return findings if findings is not None else evaluate(report, options.get("levels"))


def file_summary(file_report: FileReport, threshold: float, findings: Findings) -> dict:
    counts = dict.fromkeys(STRENGTHS, 0)
    check_worthy = below = 0
    for result in file_report.results:
        score = result.score
        if not score.check_worthy:
            continue
        check_worthy += 1
        if score.strength in counts:
            counts[score.strength] += 1
        if not result.suppressed and score.confidence is not None and score.confidence < threshold:
            below += 1
    failed = any(f.level == "error" for f in findings.for_file(file_report.path))
    return {"claims": len(file_report.results), "check_worthy": check_worthy, **counts,
            "below_threshold": below, "passed": not failed}


def report_summary(report: Report, findings: Findings) -> dict:
    total = {"files": len(report.files), "claims": 0, "check_worthy": 0, **dict.fromkeys(STRENGTHS, 0),
             "below_threshold": 0}
    for file_report in report.files:
        summary = file_summary(file_report, report.threshold, findings)
        for key in total:
            if key != "files":
                total[key] += summary[key]
    total["passed"] = not findings.failed
    return total


def summary_line(report: Report, findings: Findings, total: dict) -> str:
    """The run in one line: what the table, the Actions log and anyone reading CI output see last."""
    return (
        f"{total['files']} file(s), {total['claims']} claims, {total['check_worthy']} check-worthy, "
        f"{total['below_threshold']} under the threshold {report.threshold:g}; "
        f"{findings.count('error')} error(s), {findings.count('warning')} warning(s), "
        f"{findings.count('note')} note(s): {'passed' if total['passed'] else 'FAILED'}"
    )


def excerpt(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def source_label(source) -> str:
    label = source.name
    if source.via:
        label += f" via {source.via}"
    if source.kind not in ("outlet", "person"):
        label += f" ({source.kind})"
    return label


# C0 and C1 controls but tab and newline, DEL, and the bidirectional overrides ("Trojan source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """Text from a draft or a page made safe for a terminal: a hostile <title> or draft must not reach it as
    escape sequences (colours, cursor moves, a rewritten window title) or as bidi overrides."""
    return _CONTROL.sub("", str(text))
