"""`--format table` (the default): per file, a table of claims and a summary line, via rich.

Under 120 columns each claim takes one line (where, verdict, rules broken, the claim cut short); wider
terminals get the full table with sources, verification and the reasons.

Colour only when the CLI says the output is a terminal (option `color`); cells are `Text`
objects so that a draft's own brackets, like `[Daily NK]`, are never read as rich markup, and every
string from a draft or a page goes through `printable` (no escape sequences reach the terminal).
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scorer.explain import why_text
from scorer.report.base import Reporter
from scorer.report.common import (excerpt, file_summary, findings_for, printable, report_summary, source_label,
                                  summary_line)
from scorer.types import ClaimResult, Report

STRENGTH_STYLE = {"strong": "green", "moderate": "cyan", "weak": "yellow", "none": "red"}
LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "note": "blue"}


def _verification(result: ClaimResult) -> str:
    ver = result.verification
    if ver is None:
        return ""
    parts = [ver.status.replace("_", " ")]
    if ver.quote_score is not None and ver.status in ("verified", "altered"):
        parts[0] += f" {ver.quote_score:.2f}"
    different = [n for n in ver.numbers if n.status == "different"]
    if different:
        parts.append("figures differ: " + ", ".join(f"{n.claim}≠{n.source}" for n in different))
    if ver.archived:
        parts.append("archived")
    if ver.source_published:
        parts.append(f"published {ver.source_published}")
    if ver.reason and ver.status in ("unfetched", "not_applicable"):
        parts.append(ver.reason)
    return printable("; ".join(parts))


COMPACT_BELOW = 120  # columns under which a claim takes one line: line, verdict, rules, the claim cut short


class TableReporter(Reporter):
    def render(self, report: Report) -> str:
        findings = findings_for(report, self.options)
        color = bool(self.options.get("color", False))
        quiet = bool(self.options.get("quiet", False))
        width = int(self.options.get("width") or 160)
        buffer = io.StringIO()
        console = Console(file=buffer, width=width, force_terminal=color,
                          no_color=not color, color_system="auto" if color else None, highlight=False,
                          emoji=False, soft_wrap=False)
        compact = width < COMPACT_BELOW
        for fr in report.files:
            results = [r for r in fr.results if not quiet or findings.for_claim(fr.path, r.claim.index)]
            if quiet and not results:
                continue
            table = (self._compact_table(fr, results, findings) if compact
                     else self._full_table(fr, results, findings))
            console.print(table)
            for warning in fr.warnings:
                console.print(Text(printable(f"warning: {warning}"), style="yellow"))
            if quiet:
                continue
            s = file_summary(fr, report.threshold, findings)
            console.print(Text(
                f"{printable(fr.path)}: {s['claims']} claims, {s['check_worthy']} check-worthy "
                f"({s['strong']} strong, {s['moderate']} moderate, {s['weak']} weak, {s['none']} none), "
                f"{s['below_threshold']} under the threshold {report.threshold:g}: "
                f"{'passed' if s['passed'] else 'FAILED'}",
                style="green" if s["passed"] else "bold red",
            ))
            console.print()
        if not quiet:
            total = report_summary(report, findings)
            console.print(Text(summary_line(report, findings, total),
                               style="bold " + ("green" if total["passed"] else "red")))
        return buffer.getvalue()

    @staticmethod
    def _cells(result: ClaimResult):
        claim, score = result.claim, result.score
        dim = "dim" if (not score.check_worthy or result.suppressed) else ""
        strength = Text(score.strength or "—", style=STRENGTH_STYLE.get(score.strength or "", "dim"))
        conf = Text("—" if score.confidence is None or not score.check_worthy else f"{score.confidence:.2f}")
        return claim, dim, strength, conf

    def _compact_table(self, fr, results, findings) -> Table:
        """One line a claim, for 80-column terminals: where, verdict, the rules it breaks, the claim cut short."""
        table = Table(title=Text(printable(fr.path), style="bold"), title_justify="left", box=None, show_edge=False,
                      pad_edge=False, expand=True)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("strength", no_wrap=True)
        table.add_column("conf.", justify="right", no_wrap=True)
        table.add_column("findings", max_width=32)
        table.add_column("claim", no_wrap=True, overflow="ellipsis", ratio=1, min_width=20)
        for result in results:
            claim, dim, strength, conf = self._cells(result)
            rules = [Text(f.rule, style=LEVEL_STYLE.get(f.level, "")) for f in findings.for_claim(fr.path, claim.index)]
            if result.suppressed:
                rules.append(Text("suppressed", style="dim"))
            table.add_row(Text(str(claim.line)), strength, conf, Text(" ").join(rules),
                          Text(printable(" ".join(claim.text.split())), style=dim))
        return table

    def _full_table(self, fr, results, findings) -> Table:
        table = Table(title=Text(printable(fr.path), style="bold"), title_justify="left", show_lines=False,
                      expand=True, pad_edge=False)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("claim", ratio=4, min_width=24)
        table.add_column("strength", no_wrap=True)
        table.add_column("conf.", justify="right", no_wrap=True)
        table.add_column("sources", ratio=2, min_width=12)
        table.add_column("verification", ratio=2, min_width=12)
        table.add_column("why", ratio=3, min_width=16)
        for result in results:
            claim, dim, strength, conf = self._cells(result)
            parts = [Text(reason) for reason in why_text(result.score.why)]  # what moved the score, then what it costs
            parts += [Text(f"{f.level}: {f.rule}", style=LEVEL_STYLE.get(f.level, ""))
                      for f in findings.for_claim(fr.path, claim.index)]
            if result.suppressed:
                parts.append(Text("suppressed", style="dim"))
            why = Text("; ").join(parts)
            sources = "; ".join(dict.fromkeys(source_label(s) for s in result.attribution.sources))
            table.add_row(Text(str(claim.line)), Text(printable(excerpt(claim.text, 90)), style=dim), strength, conf,
                          Text(printable(sources)), Text(_verification(result)), why)
        return table
