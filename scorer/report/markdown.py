"""`--format markdown`: a summary fit for a pull-request comment.

One line of verdict, a table of files, then the findings (errors first), capped so that a
comment on a large pull request stays readable.
"""

from __future__ import annotations

from scorer.report.base import Reporter
from scorer.report.common import excerpt, file_summary, findings_for, printable, report_summary
from scorer.rules import LEVEL_RANK
from scorer.types import Report

MAX_ROWS = 50
ICONS = {"error": "❌", "warning": "⚠️", "note": "ℹ️"}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no stray HTML, no control characters."""
    return (printable(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;"))


class MarkdownReporter(Reporter):
    def render(self, report: Report) -> str:
        findings = findings_for(report, self.options)
        relative = self.options.get("relpath") or (lambda p: p)
        total = report_summary(report, findings)
        verdict = "✅ passed" if total["passed"] else "❌ failed"
        out = [
            f"### scorer: {verdict}",
            "",
            f"{total['files']} draft(s), {total['claims']} claims, {total['check_worthy']} check-worthy "
            f"({total['strong']} strong, {total['moderate']} moderate, {total['weak']} weak, {total['none']} none); "
            f"{total['below_threshold']} under the threshold {report.threshold:g}. "
            f"Findings: {findings.count('error')} error(s), {findings.count('warning')} warning(s), "
            f"{findings.count('note')} note(s).",
            "",
        ]
        if report.files:
            out += ["| draft | claims | check-worthy | strong | moderate | weak | none | under threshold | result |",
                    "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
            for fr in report.files:
                s = file_summary(fr, report.threshold, findings)
                out.append(
                    f"| `{cell(relative(fr.path))}` | {s['claims']} | {s['check_worthy']} | {s['strong']} | "
                    f"{s['moderate']} | {s['weak']} | {s['none']} | {s['below_threshold']} | "
                    f"{'passed' if s['passed'] else '**failed**'} |"
                )
            out.append("")
        shown = sorted(findings, key=lambda f: -LEVEL_RANK.get(f.level, 0))  # stable: file order within a level
        if shown:
            out += ["| | where | rule | claim | finding |", "|---|---|---|---|---|"]
            for f in shown[:MAX_ROWS]:
                out.append(
                    f"| {ICONS.get(f.level, '')} {f.level} | `{cell(relative(f.path))}:{f.line}` | `{f.rule}` | "
                    f"{cell(excerpt(f.text, 90))} | {cell(f.message)} |"
                )
            if len(shown) > MAX_ROWS:
                out.append(f"\n…and {len(shown) - MAX_ROWS} more finding(s); run `scorer check` locally for all.")
            out.append("")
        warnings = [f"`{cell(relative(fr.path))}`: {cell(w)}" for fr in report.files for w in fr.warnings]
        if warnings:
            out += ["<details><summary>Warnings</summary>", ""] + [f"- {w}" for w in warnings] + ["", "</details>", ""]
        return "\n".join(out).rstrip("\n") + "\n"
