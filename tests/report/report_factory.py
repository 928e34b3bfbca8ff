"""Hand-built Reports for testing reporters, rules, suppression and baselines without the pipeline.

Every text here is synthetic (made-up outlets on `.test` hosts), never a real outlet's words.
"""

from __future__ import annotations

import re

import pytest

from scorer.types import (Attribution, Claim, ClaimResult, Draft, FileReport, NumberCheck, Report, Score,
                          Source, Verification)

__all__ = ["make_draft", "make_result", "make_file", "make_report", "sample_file", "sample_report", "Source",
           "Verification", "NumberCheck", "OUTLET", "ANON"]


def line_starts(text: str) -> tuple[int, ...]:
    return (0,) + tuple(m.end() for m in re.finditer(r"\n", text))


def make_draft(text: str, path: str = "drafts/story.md", fmt: str = "markdown", date: str | None = None) -> Draft:
    return Draft(path=path, text=text, format=fmt, blocks=(), date=date, line_starts=line_starts(text))


def _block_index(text: str, offset: int) -> int:
    return len(re.findall(r"\n[ \t]*\n", text[:offset]))


def make_result(draft: Draft, sentence: str, index: int, *, check_worthy: bool = True,
                strength: str | None = "weak", confidence: float | None = 0.3, sources=(), signals=(),
                verification: Verification | None = None, occurrence: int = 0) -> ClaimResult:
    start = -1
    for _ in range(occurrence + 1):
        start = draft.text.index(sentence, start + 1)
    end = start + len(sentence)
    line, column = draft.position(start)
    end_line, end_column = draft.position(end - 1)
    claim = Claim(id=f"c{index}", index=index, text=sentence, block_index=_block_index(draft.text, start),
                  start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column,
                  block_start=0, block_end=len(sentence))
    if not check_worthy:
        strength, confidence = None, None
    score = Score(check_worthy=check_worthy, check_worthy_probability=0.9 if check_worthy else 0.1,
                  strength=strength, confidence=confidence)
    return ClaimResult(claim=claim, attribution=Attribution(index, tuple(sources), signals=tuple(signals)),
                       score=score, verification=verification)


def make_file(text: str, specs: list[tuple[str, dict]], path: str = "drafts/story.md", **draft_kw) -> FileReport:
    """specs: (sentence as it appears in text, keyword arguments of make_result), in order."""
    draft = make_draft(text, path, **draft_kw)
    seen: dict[str, int] = {}
    results = []
    for i, (sentence, kw) in enumerate(specs):
        occurrence = seen.get(sentence, 0)
        seen[sentence] = occurrence + 1
        results.append(make_result(draft, sentence, i, occurrence=occurrence, **kw))
    return FileReport(path=path, draft=draft, results=tuple(results))


def make_report(*files: FileReport, threshold: float = 0.5) -> Report:
    return Report(files=tuple(files), threshold=threshold)


OUTLET = Source(name="Example Ledger", kind="outlet", cue="[Example Ledger]", outlet="ledger",
                domain="ledger.test", url="https://ledger.test/a", via=None)
ANON = Source(name="a source in the capital", kind="anonymous", cue="a source in the capital")

SAMPLE_TEXT = """---
title: Sample
date: 2015-02-20
---
# Harbour figures

The harbour handled 4.2 million tonnes last year, according to the Example Ledger.
A source in the capital said exports fell by a third. I think this is great.

Officials “confirmed the figure,” the ledger wrote.
"""


def sample_file(path: str = "drafts/story.md") -> FileReport:
    ver = Verification(status="altered", url="https://ledger.test/a", quote_score=0.81234, passage="confirmed it",
                       numbers=(NumberCheck("4.2 million", "4.6 million", "different"),),
                       source_published="2015-02-21", published_after_draft=True, corroborated_by=("wire.test",))
    return make_file(SAMPLE_TEXT, [
        ("Harbour figures", dict(check_worthy=False)),
        ("The harbour handled 4.2 million tonnes last year, according to the Example Ledger.",
         dict(strength="strong", confidence=0.91234, sources=[OUTLET], signals=["according to Example Ledger"])),
        ("A source in the capital said exports fell by a third.",
         dict(strength="weak", confidence=0.2, sources=[ANON], signals=["anonymous source"])),
        ("I think this is great.", dict(check_worthy=False)),
        ("Officials “confirmed the figure,” the ledger wrote.",
         dict(strength="moderate", confidence=0.6, sources=[OUTLET], verification=ver)),
    ], path=path)


@pytest.fixture
def sample_report():
    """A report of one synthetic draft with strong, weak, anonymous, opinion and misquoted claims."""
    return make_report(sample_file())
