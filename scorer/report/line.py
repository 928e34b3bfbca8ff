"""`--format line`: one finding a line, as compilers and Vale's `--output=line` print them.

    drafts/a.md:17:3: error weak-sourcing sourcing confidence 0.15 is under the threshold 0.5 (strength: weak)

`path:line:col:` is what editors' problem matchers, Vim's errorformat and grep already read. Only the
findings are printed: the run's summary goes to standard error (the CLI prints it), so the output can be
counted or filtered line by line.
"""

from __future__ import annotations

from scorer.report.base import Reporter
from scorer.report.common import findings_for
from scorer.types import Report


def finding_line(finding, path: str) -> str:
    message = " ".join(finding.message.split())  # one line, whatever the message holds
    return f"{path}:{finding.line}:{finding.column}: {finding.level} {finding.rule} {message}"


class LineReporter(Reporter):
    def render(self, report: Report) -> str:
        findings = findings_for(report, self.options)
        relative = self.options.get("relpath") or (lambda p: p)
        lines = [finding_line(f, relative(f.path)) for f in findings if f.level != "off"]
        return "".join(line + "\n" for line in lines)
