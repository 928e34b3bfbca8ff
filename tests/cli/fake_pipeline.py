"""A stand-in for scorer.pipeline.score_files with scores a test controls through the draft's words.

Sentences are split naively; a sentence containing "WEAK" scores 0.1 (weak), "OPINION" is not
check-worthy, anything else is strong at 0.9 with a synthetic outlet source. This tests the CLI's
own work (discovery, suppression, rules, baseline, formats, exit codes) apart from the model.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli_factory import OUTLET, make_draft, make_result
from scorer.errors import InputError
from scorer.types import FileReport, Report

SENTENCE = re.compile(r"[A-Z][^.!?\n]*[.!?]")


def fake_file(path) -> FileReport:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"cannot read {path}: no such file")
    raw = path.read_bytes()
    if b"\0" in raw:
        raise InputError(f"{path} is a binary file, not a draft")
    text = raw.decode("utf-8")
    draft = make_draft(text, str(path), fmt="text" if path.suffix == ".txt" else "markdown")
    results, seen = [], {}
    for i, m in enumerate(SENTENCE.finditer(text)):
        sentence = m.group(0)
        occurrence = seen.get(sentence, 0)
        seen[sentence] = occurrence + 1
        if "OPINION" in sentence:
            kw = dict(check_worthy=False)
        elif "WEAK" in sentence:
            kw = dict(strength="weak", confidence=0.1)
        else:
            kw = dict(strength="strong", confidence=0.9, sources=[OUTLET])
        results.append(make_result(draft, sentence, i, occurrence=occurrence, **kw))
    return FileReport(path=str(path), draft=draft, results=tuple(results))


def score_files(paths, settings=None, *, progress=False, registry=None) -> Report:
    score_files.calls.append({"paths": [str(p) for p in paths], "settings": settings, "registry": registry})
    return Report(files=tuple(fake_file(p) for p in paths), threshold=settings.threshold if settings else 0.5)


score_files.calls = []


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with drafts/good.md and drafts/weak.md, checked by the stand-in pipeline (the environment is
    already clean: tests/conftest.py)."""
    import scorer.pipeline

    score_files.calls.clear()
    monkeypatch.setattr(scorer.pipeline, "score_files", score_files)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "good.md").write_text("# Good\n\nThe port reopened in May.\n")
    (tmp_path / "drafts" / "weak.md").write_text("Intro line here.\n\nA WEAK claim about exports.\n")
    return tmp_path


def check(*args, env=None):
    from typer.testing import CliRunner

    from scorer.cli import app

    return CliRunner().invoke(app, ["check", *args], env=env)
