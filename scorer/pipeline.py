"""The one-way flow: read -> split -> attribute -> (fetch -> verify) -> featurize -> score.

Fetching is the only stage that touches the network and the only one that may be skipped
(`FetchSettings.enabled = False`) or served from the cache (`offline`). Each source is fetched
once per run, however many claims or files cite it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from scorer.attribution import attribute
from scorer.claims import split_claims
from scorer.draft import parse_text, read_draft
from scorer.features import featurize
from scorer.sentence import sentence_features
from scorer.model.predict import load_model
from scorer.settings import CheckSettings
from scorer.types import Attribution, Claim, ClaimResult, Draft, FileReport, Report, Verification


_NOTHING_TO_CHECK = Verification(status="not_applicable", reason="no linked or searchable source to check against")


@dataclass(frozen=True)
class _Analysed:
    draft: Draft
    claims: tuple[Claim, ...]
    attributions: tuple[Attribution, ...]
    warnings: tuple[str, ...]


def score_text(text: str, *, path: str = "<text>", fmt: str | None = None, settings: CheckSettings | None = None,
               registry=None) -> FileReport:
    """Score a draft given as text. `fmt` is "markdown" or "text" (default: from the path's suffix)."""
    draft = parse_text(text, path=path, fmt=fmt)
    return _score([_analyse(draft, (), registry)], settings or CheckSettings()).files[0]


def score_file(path: str | Path, settings: CheckSettings | None = None, *, registry=None) -> FileReport:
    return score_files([path], settings or CheckSettings(), registry=registry).files[0]


def score_files(paths: Iterable[str | Path], settings: CheckSettings | None = None, *, progress: bool = False,
                registry=None) -> Report:
    """Score several drafts; their sources are fetched together, each once."""
    settings = settings or CheckSettings()
    analysed = []
    for path in paths:
        draft, warnings = read_draft(path, max_bytes=settings.max_draft_bytes)
        analysed.append(_analyse(draft, warnings, registry))
    return _score(analysed, settings, progress=progress)


def _analyse(draft: Draft, warnings: tuple[str, ...], registry) -> _Analysed:
    claims = split_claims(draft)
    return _Analysed(draft, claims, attribute(draft, claims, registry), warnings)


def _score(analysed: list[_Analysed], settings: CheckSettings, *, progress: bool = False) -> Report:
    model = load_model(settings.model_path)
    verifications: list[dict[int, Verification]] = [{} for _ in analysed]
    notes: list[list[str]] = []
    if settings.fetch.enabled:
        from scorer.sources import verify_all

        verifications = verify_all([(a.draft, a.claims, a.attributions) for a in analysed], settings.fetch,
                                   progress=progress, notes=notes)
    files = []
    for a, verified in zip(analysed, verifications):
        results = []
        for claim, att in zip(a.claims, a.attributions):
            verification = verified.get(claim.index)
            sentence = sentence_features(claim.text, claim.kind, claim.quote_id is not None)
            score = model.score(sentence, featurize(claim, att), verification)
            if not score.check_worthy:
                verification = None
            elif verification is None and settings.fetch.enabled:
                verification = _NOTHING_TO_CHECK
            results.append(ClaimResult(claim, att, score, verification))
        capped = tuple(notes[len(files)]) if len(files) < len(notes) else ()  # fetch caps reached, if any
        files.append(FileReport(a.draft.path, a.draft, tuple(results), a.warnings + capped))
    return Report(tuple(files), settings.threshold)


__all__ = ["score_file", "score_files", "score_text"]
