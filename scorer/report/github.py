"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::error file=drafts/a.md,line=17,col=3,endLine=17,endColumn=118,title=scorer weak-sourcing::message

GitHub's escaping: in the message `%`, CR and LF are percent-encoded; in property values `:`
and `,` are too (a comma would otherwise end the value). Paths are made relative to the
repository root by the CLI (option `root`), so annotations land on the pull request's files.
"""

from __future__ import annotations

from scorer.report.base import Reporter
from scorer.report.common import findings_for, report_summary, summary_line
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
        for f in findings:
            kind = COMMANDS.get(f.level)
            if kind is None:
                continue
            lines.append(command(
                kind, f.message, file=relative(f.path), line=f.line, col=f.column,
                endLine=f.end_line, endColumn=f.end_column, title=f"scorer {f.rule}",
            ))
        lines.append("scorer: " + summary_line(report, findings, report_summary(report, findings)))
        return "\n".join(lines) + "\n"
