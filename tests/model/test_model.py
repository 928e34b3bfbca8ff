"""The model: pinned quality floors, exported weights equal to scikit-learn's, deterministic training, a file
that is checked field by field when it loads."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from scorer.errors import ModelError
from scorer.model.corpus import data_hash, load_corpus
from scorer.model.dataset import DEFAULT_CLAIMBUSTER, load_claimbuster
from scorer.model.evaluate import FLOORS_FILE, below_floors, calibration_error, cross_validate, load_floors
from scorer.model.predict import DEFAULT_MODEL, load_model, model_from_dict
from scorer.model.train import C_CHECK_WORTHY, CLAIMBUSTER_WEIGHT, MIN_COUNT, dumps, export, fit, fit_check_worthy

# Issue minimums: floors.json may raise them, never go under them (ceilings: never over).
# Issue 2's minimums apply to the figures measured as issue 2 measured them (attribution as packaged); the honest
# out-of-fold figures have floors of their own in floors.json.
MINIMUMS = {"check_worthy_f1": 0.80, "strength_macro_f1_packaged_tagger": 0.65, "adequate_auc_packaged_tagger": 0.85}
CEILINGS = {"calibration_error": 0.05}
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def honest(corpus):
    from scorer.model.dataset import honest_dataset

    return honest_dataset(corpus)  # what `scorer train` fits: sourcing read by taggers that never saw the document


@pytest.fixture(scope="module")
def dataset(honest):
    return honest[0]


@pytest.fixture(scope="module")
def claimbuster():
    return load_claimbuster(DEFAULT_CLAIMBUSTER)


@pytest.fixture(scope="module")
def fitted(dataset, claimbuster):
    return fit(dataset, claimbuster)


def test_every_label_row_meets_a_claim_unit(corpus):
    assert len(corpus.rows) == 1454
    assert corpus.unaligned == ()


def test_claimbuster_copy_is_complete(claimbuster):
    assert len(claimbuster) == 22501
    assert sum(claimbuster.check_worthy) == 2403 + 5413  # factual: unimportant or check-worthy
    assert len(set(claimbuster.groups)) == 33


def test_floors_are_not_under_the_issue_minimums():
    pinned = load_floors()
    for key, minimum in MINIMUMS.items():
        assert pinned["floors"][key] >= minimum, f"{key} floor lowered under {minimum}"
    for key, ceiling in CEILINGS.items():
        assert pinned["ceilings"][key] <= ceiling, f"{key} ceiling raised over {ceiling}"


def test_floors_were_pinned_on_this_corpus():
    assert load_floors()["data_hash"] == data_hash(), "corpus changed: re-run `scorer evaluate` and re-pin floors"


def test_cross_validated_metrics_meet_the_floors(corpus, honest, claimbuster):
    from scorer.model.evaluate import full_metrics

    data, spans = honest
    metrics = full_metrics(corpus, data, claimbuster, spans)
    assert below_floors(metrics, load_floors(FLOORS_FILE)) == []
    assert set(load_floors(FLOORS_FILE)["floors"]) >= {"spans.overlap.f1", "spans.exact.f1", "spans.kind_accuracy",
                                                        "claimbuster_f1", "strength_macro_f1", "adequate_auc"}
    assert metrics.documents == 105 and metrics.folds == 5
    assert sum(map(sum, metrics.confusion)) == 1188  # every check-worthy row, once
    assert metrics.claimbuster_rows == 22501
    assert metrics.spans["overlap"]["gold"] == 1151  # every labelled span, once


def test_a_floor_under_its_value_is_reported(dataset, claimbuster):
    metrics = cross_validate(dataset.subset(range(400)), None, n_splits=3)
    failures = below_floors(metrics, {"floors": {"strength_macro_f1": 0.999}, "ceilings": {"calibration_error": 0.0}})
    assert len(failures) == 2 and "under its floor" in failures[0] and "over its ceiling" in failures[1]


def test_exported_check_worthiness_equals_scikit_learn(dataset, claimbuster):
    exported = fit_check_worthy(dataset, claimbuster)
    # refit with scikit-learn directly on the same rows, weights and vocabulary
    rows = dataset.sentence + claimbuster.sentence
    y = [int(v) for v in dataset.check_worthy + claimbuster.check_worthy]
    w = [1.0] * len(dataset) + [CLAIMBUSTER_WEIGHT] * len(claimbuster)
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    keep = np.asarray((X != 0).sum(axis=0)).ravel() >= MIN_COUNT
    sk = LogisticRegression(C=C_CHECK_WORTHY, max_iter=5000, class_weight="balanced", solver="newton-cg").fit(X[:, keep], y, sample_weight=w)
    theirs = sk.predict_proba(X[:, keep][: len(dataset)])[:, 1]
    weights = dict(zip(exported["features"], exported["coef"]))
    ours = [1 / (1 + math.exp(-(exported["intercept"] + sum(weights.get(k, 0.0) * v for k, v in row.items()))))
            for row in dataset.sentence]
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-9)


def test_the_packaged_model_scores_as_its_weights_say(dataset, fitted):
    model = model_from_dict(json.loads(dumps(export(fitted))))
    cw = fitted.check_worthy
    weights = dict(zip(cw["features"], cw["coef"]))
    for row in dataset.sentence[:50]:
        z = cw["intercept"] + sum(weights.get(k, 0.0) * v for k, v in row.items())
        assert model.check_worthy_probability(row) == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-12)


def test_training_is_deterministic_and_the_committed_model_is_current(dataset, claimbuster, fitted):
    first = dumps(export(fitted))
    second = dumps(export(fit(dataset, claimbuster)))
    assert first == second
    packaged = ROOT / "scorer" / "data" / "sourcing-model.json"
    assert (ROOT / "models" / "sourcing-model.json").read_text(encoding="utf-8") == first, \
        "models/ is stale: run `scorer train`"
    assert packaged.read_text(encoding="utf-8") == first


def test_model_file_is_plain_json_with_a_card():
    data = json.loads(Path(DEFAULT_MODEL).read_text(encoding="utf-8"))
    assert data["format"] == "scorer-linear-v2"
    card = (ROOT / "models" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert data_hash() in card
    assert "11026f911d96476daed6c9a83ba0fbf3555598c04ef9b7fa567eeadee8693843" in card  # ClaimBuster's hash
    for figure in ("strength macro-F1", "expected calibration error", "ClaimBuster"):
        assert figure in card


def test_strength_follows_confidence(dataset):
    model = load_model()
    for feats in dataset.sourcing[:300]:
        conf = model.adequate_probability(feats)
        assert (model.strength(feats, conf) in ("strong", "moderate")) == (conf >= 0.5)


def test_a_corpus_without_some_classes_trains_and_predicts(dataset):
    keep = [i for i, s in enumerate(dataset.strength) if s in (None, "strong", "none")]
    sub = dataset.subset(keep)
    model = model_from_dict(json.loads(dumps(export(fit(sub)))))
    predicted = {model.strength(f, model.adequate_probability(f)) for f in sub.sourcing}
    assert predicted <= {"strong", "none"}


def test_calibration_error_is_the_weighted_gap():
    ece, bins = calibration_error(np.array([0.05, 0.05, 0.95, 0.95]), np.array([0, 0, 1, 0]))
    assert ece == pytest.approx(0.5 * 0.05 + 0.5 * 0.45)
    assert bins == [(0.05, 0.0, 2), (0.95, 0.5, 2)]


def test_plots_are_written(dataset, tmp_path):
    metrics = cross_validate(dataset.subset(range(500)), None, n_splits=3)
    from scorer.model.evaluate import write_plots

    paths = write_plots(metrics, tmp_path / "plots")
    assert [p.name for p in paths] == ["reliability.png", "confusion.png"]
    for p in paths:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_corpora_are_one_line_errors(tmp_path):
    from scorer.errors import InputError

    with pytest.raises(InputError, match="no labels.jsonl"):
        load_corpus(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "labels.jsonl").write_text('{"doc": "a", "i": 0}\n')
    with pytest.raises(InputError, match="labels.jsonl:1: not a label row"):
        load_corpus(tmp_path)
    (tmp_path / "labels.jsonl").write_text('{"doc": "a", "i": 0, "text": "x", "check_worthy": false}\n')
    with pytest.raises(InputError, match="document 'a' is not in"):
        load_corpus(tmp_path)


# The model file is checked when it loads: anything but a well-formed model of this schema is refused.
def _good() -> dict:
    return json.loads(Path(DEFAULT_MODEL).read_text(encoding="utf-8"))


def _broken(edit) -> dict:
    data = _good()
    edit(data)
    return data


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.update(format="scorer-linear-v9"), "format is 'scorer-linear-v9'"),
    (lambda d: d.pop("format"), "format is None"),
    (lambda d: d.update(feature_schema="0" * 16), "feature schema"),
    (lambda d: d.pop("adequate"), "adequate is not an object"),
    (lambda d: d["check_worthy"]["coef"].pop(), "one length"),
    (lambda d: d["weak_vs_none"].update(intercept=float("nan")), "finite number"),
    (lambda d: d["adequate"]["coef"].__setitem__(0, float("inf")), "finite number"),
    (lambda d: d["adequate"]["coef"].__setitem__(0, "1.0"), "finite number"),
    (lambda d: d["adequate"].pop("calibration"), "no calibration"),
    (lambda d: d["strong_vs_moderate"]["features"].__setitem__(0, 7), "distinct strings"),
    (lambda d: d.update(verification_shift={"verified": None}), "finite number"),
])
def test_a_broken_model_is_refused(edit, message):
    with pytest.raises(ModelError, match=message):
        model_from_dict(_broken(edit))


@pytest.mark.parametrize("content", [b"", b"\x00\xff", b"[1, 2]", b"[" * 100000, b'{"format": "scorer-linear-v2"}'])
def test_a_model_file_that_is_not_a_model_is_refused(tmp_path, content):
    path = tmp_path / "model.json"
    path.write_bytes(content)
    with pytest.raises(ModelError):
        load_model(str(path))


@pytest.mark.parametrize("content", [
    b'{"format": "scorer-linear-v1", "feature_names": []}',  # a model of the old format
    b'{"format": "scorer-linear-v2", "feature_schema": "0000000000000000"}',  # built for other features
    b"\x00" * 64,
])
def test_check_with_a_model_it_cannot_use_is_one_line_and_exit_2(tmp_path, content):
    import os
    import subprocess
    import sys

    model = tmp_path / "model.json"
    model.write_bytes(content)
    draft = tmp_path / "draft.md"
    draft.write_text("The council approved the budget on Tuesday.\n")
    done = subprocess.run([sys.executable, "-m", "scorer", "check", str(draft), "--no-fetch"], capture_output=True,
                          text=True, env={**os.environ, "SCORER_MODEL": str(model)})
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "model file" in lines[0] and "Traceback" not in done.stderr
