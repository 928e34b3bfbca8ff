"""Span-level evaluation and the stored tagger: what the numbers mean, and a model that is not ours is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scorer.attribution import tagger as tagger_module
from scorer.attribution.tagger import MODEL_NAME, STAMP_NAME, load_tagger
from scorer.attribution.tokens import tokenize
from scorer.errors import ModelError
from scorer.model.spans import evaluate_spans, locate, score_spans

DATA = Path(tagger_module.__file__).resolve().parents[1] / "data"
MODELS = Path(tagger_module.__file__).resolve().parents[2] / "models"


def test_locate_keeps_to_word_boundaries():
    text = "The source said he left; the other source said so too."
    assert locate(text, "he") == (16, 18)  # not the "he" inside "The"
    assert locate(text, "source", taken=[(4, 10)]) == (35, 41)
    assert locate(text, "sour") is None


def test_tokens_keep_abbreviations_and_titles_whole():
    words = [t[2] for t in tokenize("Dr. Maria Lopez of the U.S. Army’s unit told O’Brien.")]
    assert words[:4] == ["Dr.", "Maria", "Lopez", "of"]
    assert "U.S." in words and "Army" in words and "O’Brien" in words


def test_score_spans_overlap_exact_and_kind():
    text = "Officials told the Millbrook Ledger on Monday that Tom Baker left."
    gold = [(0, 9, "anonymous"), (15, 35, "outlet"), (51, 60, "person")]
    pred = [(0, 9, "anonymous"), (19, 35, "outlet"), (51, 60, "organization"), (39, 45, "vague")]
    m = score_spans([(text, gold, pred)])
    assert (m.overlap.gold, m.overlap.predicted, m.overlap.matched) == (3, 4, 3)
    assert m.overlap.precision == 0.75 and m.overlap.recall == 1.0
    assert m.exact.matched == 2  # "Millbrook Ledger" is not "the Millbrook Ledger"; kinds do not matter here
    assert m.kind_accuracy == round(2 / 3, 4)
    assert m.per_kind["person"].matched == 0 and m.per_kind["organization"].predicted == 1
    assert m.per_kind["outlet"].matched == 1 and m.per_kind_exact["outlet"].matched == 0


def test_exact_match_ignores_edge_punctuation():
    text = "“Tom Baker,” said the clerk."
    m = score_spans([(text, [(1, 10, "person")], [(0, 11, "person")])])
    assert m.exact.f1 == 1.0


def _tiny_corpus(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    rows = []
    for d in range(4):
        sentences = [
            (f"Tom Baker{d} told the Millbrook Ledger that the mill closed.",
             [{"text": f"Tom Baker{d}", "kind": "person"}, {"text": "the Millbrook Ledger", "kind": "outlet"}]),
            ("Officials said the river rose.", [{"text": "Officials", "kind": "anonymous"}]),
            ("The river rose in June.", []),
        ]
        (docs / f"doc{d}.md").write_text(" ".join(s for s, _ in sentences) + "\n", encoding="utf-8")
        for i, (s, spans) in enumerate(sentences):
            rows.append({"doc": f"doc{d}", "i": i, "text": s, "check_worthy": True, "strength": "weak",
                         "sources": [], "spans": spans})
    (root / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root


def test_evaluate_spans_trains_each_fold_on_the_other_documents(tmp_path):
    from scorer.model.corpus import load_corpus

    corpus = load_corpus(_tiny_corpus(tmp_path / "corpus"))
    m = evaluate_spans(corpus, n_splits=2)
    assert (m.folds, m.documents, m.units) == (2, 4, 12)
    assert m.overlap.gold == 12
    assert m.overlap.f1 > 0.8  # the same wording in every document: each fold learns it from the others


def test_the_packaged_tagger_is_a_real_file_matching_its_stamp():
    for directory in (DATA, MODELS):
        model = directory / MODEL_NAME
        assert model.is_file() and not model.is_symlink()
    assert (DATA / MODEL_NAME).read_bytes() == (MODELS / MODEL_NAME).read_bytes()
    assert load_tagger(DATA).tag("Tom Baker said the mill closed.") == [(0, 9, "person")]


def test_a_tagger_built_for_another_schema_is_refused(tmp_path):
    shutil.copy(DATA / MODEL_NAME, tmp_path / MODEL_NAME)
    stamp = json.loads((DATA / STAMP_NAME).read_text(encoding="utf-8"))
    (tmp_path / STAMP_NAME).write_text(json.dumps({**stamp, "schema_sha256": "0" * 64}), encoding="utf-8")
    with pytest.raises(ModelError, match="another feature schema"):
        load_tagger(tmp_path)


def test_a_tagger_file_that_does_not_match_its_hash_is_refused(tmp_path):
    shutil.copy(DATA / STAMP_NAME, tmp_path / STAMP_NAME)
    data = (DATA / MODEL_NAME).read_bytes()
    (tmp_path / MODEL_NAME).write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    with pytest.raises(ModelError, match="does not match"):
        load_tagger(tmp_path)
