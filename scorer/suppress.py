"""Suppression comments in a draft.

    <!-- scorer: ignore [RULE...] -->            the next paragraph (own line) or next sentence (inline)
    <!-- scorer: ignore-next-line [RULE...] -->  every claim touching the following line
    <!-- scorer: disable [RULE...] -->           from here ...
    <!-- scorer: enable [RULE...] -->            ... to here (or the end of the file)

Without rule ids a comment suppresses the claim as a whole: it is kept in the output with
`suppressed: true` and never fails the run. With rule ids only those rules are switched off.
Comments inside fenced code are examples, not directives, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from scorer.rules import ALL_RULES, RULES
from scorer.types import Draft, FileReport

DIRECTIVE = re.compile(
    r"<!--\s*scorer\s*:\s*(?P<verb>ignore-next-line|ignore|disable|enable)\b(?P<rules>[^>]*?)\s*-->",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# What may precede a comment that is still "on its own line": blockquote and list markers.
_CONTAINER_MARKERS = re.compile(r"(?:\s*(?:>|[-*+]|\d{1,9}[.)]))*\s*")


@dataclass(frozen=True, slots=True)
class Directive:
    verb: str
    rules: frozenset[str]  # ALL_RULES when none are named
    start: int  # file offsets of the comment
    end: int
    line: int
    standalone: bool  # nothing but the comment on its line(s)


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks, so directives shown as examples are not obeyed."""
    ranges, opened, offset = [], None, 0
    for line in text.splitlines(keepends=True):
        m = _FENCE.match(line)
        if m:
            if opened is None:
                opened = (offset, m.group(1)[0], len(m.group(1)))
            elif m.group(1)[0] == opened[1] and len(m.group(1)) >= opened[2]:
                ranges.append((opened[0], offset + len(line)))
                opened = None
        offset += len(line)
    if opened is not None:
        ranges.append((opened[0], len(text)))
    return ranges


def parse_directives(draft: Draft) -> tuple[list[Directive], list[str]]:
    """Directives in file order, and warnings for unknown rule ids."""
    text = draft.text
    fences = _fenced_ranges(text) if draft.format == "markdown" else []
    directives, warnings = [], []
    for m in DIRECTIVE.finditer(text):
        if any(a <= m.start() < b for a, b in fences):
            continue
        line, _ = draft.position(m.start())
        names = m.group("rules").replace(",", " ").split()
        unknown = [n for n in names if n not in RULES]
        if unknown:
            warnings.append(f"{draft.path}:{line}: unknown rule {', '.join(unknown)} in scorer comment "
                            f"(known: {', '.join(RULES)})")
        known = frozenset(n for n in names if n in RULES)
        if names and not known:
            continue  # naming only unknown rules must not silence everything
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        standalone = (_CONTAINER_MARKERS.fullmatch(text[line_start:m.start()]) is not None
                      and not text[m.end():line_end].strip())
        directives.append(Directive(m.group("verb").lower(), known or ALL_RULES, m.start(), m.end(), line, standalone))
    return directives, warnings


def _merge(target: dict[int, frozenset[str]], index: int, rules: frozenset[str]) -> None:
    current = target.get(index, frozenset())
    target[index] = ALL_RULES if ALL_RULES in (current, rules) else current | rules


def disabled_rules(file_report: FileReport) -> tuple[dict[int, frozenset[str]], list[str]]:
    """Claim index -> rule ids switched off (ALL_RULES for the whole claim), and warnings."""
    draft = file_report.draft
    directives, warnings = parse_directives(draft)
    out: dict[int, frozenset[str]] = {}
    if not directives:
        return out, warnings
    claims = [r.claim for r in file_report.results]

    for d in directives:
        if d.verb == "ignore":
            following = [c for c in claims if c.start >= d.end]
            if not following:
                continue
            first = following[0]
            targets = [c for c in following if c.block_index == first.block_index] if d.standalone else [first]
            for c in targets:
                _merge(out, c.index, d.rules)
        elif d.verb == "ignore-next-line":
            end_line, _ = draft.position(d.end)
            target_line = end_line + 1
            for c in claims:
                if c.line <= target_line <= c.end_line:
                    _merge(out, c.index, d.rules)

    # disable/enable regions: walk the comments in order, keeping the set of rules switched off.
    regions: list[tuple[int, frozenset[str]]] = []  # (offset from which, rules off)
    off: frozenset[str] = frozenset()
    for d in directives:
        if d.verb == "disable":
            off = ALL_RULES if ALL_RULES in (off, d.rules) else off | d.rules
        elif d.verb == "enable":
            if d.rules == ALL_RULES:
                off = frozenset()
            elif off == ALL_RULES:
                off = frozenset(RULES) - d.rules
            else:
                off = off - d.rules
        else:
            continue
        regions.append((d.end, off))
    if regions:
        for c in claims:
            active = frozenset()
            for offset, rules in regions:
                if offset <= c.start:
                    active = rules
                else:
                    break
            if active:
                _merge(out, c.index, active)
    return out, warnings


def apply(file_report: FileReport) -> tuple[FileReport, dict[int, frozenset[str]], list[str]]:
    """Mark wholly suppressed claims `suppressed=True`; return the per-rule switches and warnings."""
    disabled, warnings = disabled_rules(file_report)
    if not disabled:
        return file_report, disabled, warnings
    results = tuple(
        replace(r, suppressed=True) if disabled.get(r.claim.index) == ALL_RULES else r
        for r in file_report.results
    )
    return replace(file_report, results=results), disabled, warnings
