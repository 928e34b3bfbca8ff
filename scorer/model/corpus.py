"""The labelled corpus: documents parsed like any draft, label rows aligned to our claim units.

Labels are located in the document by their exact text (they are verbatim substrings, in order), so a
label row meets the claim that starts where it starts. Rows our splitter cuts differently are counted
and reported, not silently dropped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from scorer.claims import split_claims
from scorer.draft import parse_text
from scorer.errors import InputError
from scorer.types import Claim, Draft

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@dataclass(frozen=True)
class LabelledClaim:
    doc: str
    claim: Claim
    check_worthy: bool
    strength: str | None
    spans: tuple[tuple[str, str], ...] = ()  # (text, kind) of the source mentions in the unit's own text


@dataclass(frozen=True)
class Corpus:
    drafts: dict[str, Draft]
    claims_by_doc: dict[str, tuple[Claim, ...]]
    rows: tuple[LabelledClaim, ...]
    unaligned: tuple[tuple[str, int, str], ...]  # (doc, i, text) of labels no claim starts at
    data_hash: str


DOC_SUFFIXES = (".md", ".markdown", ".txt")


def _documents(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in (Path(corpus_dir) / "docs").glob("*") if p.suffix in DOC_SUFFIXES)


def data_hash(corpus_dir: Path = DEFAULT_CORPUS) -> str:
    """sha256 over the labels and every document, in a fixed order."""
    h = hashlib.sha256()
    for path in [Path(corpus_dir) / "labels.jsonl", *_documents(corpus_dir)]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def load_corpus(corpus_dir: Path = DEFAULT_CORPUS) -> Corpus:
    corpus_dir = Path(corpus_dir)
    labels_file = corpus_dir / "labels.jsonl"
    if not labels_file.is_file():
        raise InputError(f"{corpus_dir}: no labels.jsonl (a corpus is labels.jsonl plus docs/)")
    labels: dict[str, list[dict]] = {}
    with open(labels_file, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                row["doc"], row["i"], row["text"], row["check_worthy"]  # noqa: B018  (required fields)
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{labels_file}:{number}: not a label row ({exc})") from None
            labels.setdefault(row["doc"], []).append(row)
    by_stem = {p.stem: p for p in _documents(corpus_dir)}
    drafts: dict[str, Draft] = {}
    claims_by_doc: dict[str, tuple[Claim, ...]] = {}
    rows: list[LabelledClaim] = []
    unaligned: list[tuple[str, int, str]] = []
    for doc, doc_rows in labels.items():
        path = by_stem.get(doc)
        if path is None:
            raise InputError(f"{labels_file}: document {doc!r} is not in {corpus_dir / 'docs'}")
        text = path.read_text(encoding="utf-8")
        draft = parse_text(text, path=str(path))
        claims = split_claims(draft)
        drafts[doc], claims_by_doc[doc] = draft, claims
        by_start = {c.start: c for c in claims}
        cursor = claims[0].start if claims else 0  # not inside the source comment
        for row in sorted(doc_rows, key=lambda r: r["i"]):
            pos = text.find(row["text"], cursor)
            claim = by_start.get(pos) if pos >= 0 else None
            if claim is None and pos >= 0:
                # a label on a link's visible text starts inside "[": accept the claim starting within 2 chars
                claim = next((c for c in claims if 0 <= c.start - pos <= 2), None)
            if claim is None:
                unaligned.append((doc, row["i"], row["text"]))
            else:
                spans = tuple((sp["text"], sp["kind"]) for sp in row.get("spans") or ())
                rows.append(LabelledClaim(doc, claim, bool(row["check_worthy"]), row.get("strength"), spans))
            if pos >= 0:
                cursor = pos + 1
    return Corpus(drafts, claims_by_doc, tuple(rows), tuple(unaligned), data_hash(corpus_dir))
