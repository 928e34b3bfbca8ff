"""`--format github`: GitHub Actions workflow commands, one annotation per claim.

    ::error file=drafts/a.md,line=17,col=3,endLine=17,endColumn=118,title=scorer weak-sourcing::message

A claim that breaks several rules gets one annotation at its most severe level, its title naming every
rule and its message one line per rule: GitHub shows at most 10 error and 10 warning annotations a step,
and a weak anonymous claim must not use two of them.

GitHub's escaping: in the message `%`, CR and LF are percent-encoded; in property values `:`
and `,` are too (a comma would otherwise end the value). Paths are made relative to the
repository root by the CLI (option `root`), so annotations land on the pull request's files.
"""

from __future__ import annotations

from scorer.report.base import Reporter
from scorer.report.common import findings_for, report_summary, summary_line
from scorer.rules import LEVEL_RANK
from scorer.types import Report

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


class GithubReporter(Reporter):
    def render(self, report: Report) -> str:
        findings = findings_for(report, self.options)
        relative = self.options.get("relpath") or (lambda p: p)
        lines = []
        for file_report in report.files:
            for warning in file_report.warnings:
                lines.append(command("warning", warning, file=relative(file_report.path), title="scorer"))
        by_claim: dict[tuple[str, int], list] = {}
        for f in findings:
            if f.level in COMMANDS:
                by_claim.setdefault((f.path, f.claim_index), []).append(f)
        for group in by_claim.values():
            group.sort(key=lambda f: -LEVEL_RANK.get(f.level, 0))  # stable: rule order within a level
            f = group[0]
            if len(group) == 1:
                message = f.message
            else:
                message = "\n".join(f"{g.rule} ({g.level}): {g.message}" for g in group)
            lines.append(command(
                COMMANDS[f.level], message, file=relative(f.path), line=f.line, col=f.column,
                endLine=f.end_line, endColumn=f.end_column, title="scorer " + ", ".join(g.rule for g in group),
            ))
        if not self.options.get("quiet"):
            lines.append("scorer: " + summary_line(report, findings, report_summary(report, findings)))
        if not lines:
            return ""
        return "\n".join(lines) + "\n"
