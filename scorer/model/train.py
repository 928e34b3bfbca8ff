"""Fit the four linear models and export them as plain JSON.

Deterministic: the same data give the same bytes (lbfgs, sorted feature names, fixed float format).

- check-worthiness: corpus sentences plus ClaimBuster's debate sentences (factual = check-worthy), each debate
  sentence weighing `CLAIMBUSTER_WEIGHT` of a corpus sentence; n-grams seen fewer than `MIN_COUNT` times are
  dropped so the vocabulary stays small and the file loads fast;
- adequately sourced: corpus sentences that are check-worthy, then a Platt calibration fitted on out-of-fold
  log-odds (grouped by document), so the confidence reads as a probability;
- strong vs moderate, weak vs none: the two sides of that split.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from scorer.errors import InputError
from scorer.model.dataset import Dataset
from scorer.model.predict import FORMAT, expected_schema

CLASSES = ("strong", "moderate", "weak", "none")
ADEQUATE = ("strong", "moderate")
# Log-odds shifts of "adequately sourced" from verification. Not learned: the corpus has no fetched pages.
# Asymmetric on purpose. A quote found in its cited page shows the writer copied faithfully, not that the
# page's own basis is strong (a verified quote of an anonymous source is still weakly sourced), so it moves
# the confidence a little; a quote or figure the page contradicts undermines the attribution itself.
VERIFICATION_SHIFT = {
    "verified": 0.25,
    "altered": -1.0,
    "not_found": -0.5,
    "partial_source": 0.0,
    "unfetched": 0.0,
    "figure_different": -0.5,
    "corroborated": 0.25,
}
C_CHECK_WORTHY = 0.5
C_ADEQUATE = 0.3  # stronger regularisation generalised better across documents (grouped CV)
C_LEVEL = 0.3
CLAIMBUSTER_WEIGHT = 0.3  # a debate sentence is weaker evidence of the rubric's reading than a corpus sentence
CORPUS_WEIGHT = 1.0
MIN_COUNT = 3  # an n-gram must occur this often in the training rows to get a weight
CALIBRATION_FOLDS = 5


@dataclass(frozen=True)
class Fitted:
    check_worthy: dict
    adequate: dict
    strong_vs_moderate: dict
    weak_vs_none: dict


def _logistic(rows: list[dict[str, float]], y: list[int], C: float, weights=None, min_count: int = 1,
              balanced: bool = True) -> dict:
    """One logistic regression over named features, exported as {"features", "coef", "intercept"}."""
    if len(set(y)) < 2:
        raise InputError("training needs examples of both sides of every split (check-worthy and not, "
                         "strong and moderate, weak and none)")
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    names = np.array(vec.get_feature_names_out())
    if min_count > 1:
        keep = np.asarray((X != 0).sum(axis=0)).ravel() >= min_count
        X, names = X[:, keep], names[keep]
    # newton-cg: the same optimum as lbfgs here, in a fifth of the time on the sparse n-gram matrix
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced" if balanced else None, solver="newton-cg")
    model.fit(X, np.array(y, dtype=int), sample_weight=None if weights is None else np.asarray(weights, dtype=float))
    coef = model.coef_[0]
    means = np.asarray(X.mean(axis=0)).ravel()  # for explanations: a feature's effect against the average sentence
    kept = [(str(n), _r(w), _r(mu)) for n, w, mu in zip(names, coef, means) if _r(w) != 0.0]
    return {"features": [n for n, _, _ in kept], "coef": [w for _, w, _ in kept],
            "means": [mu for _, _, mu in kept], "intercept": _r(model.intercept_[0])}


def logit(model: dict, row: dict[str, float]) -> float:
    w = dict(zip(model["features"], model["coef"]))
    return model["intercept"] + sum(w.get(k, 0.0) * v for k, v in row.items())


def fit_check_worthy(data: Dataset, extra: Dataset | None = None) -> dict:
    rows, y, w = list(data.sentence), [int(v) for v in data.check_worthy], [CORPUS_WEIGHT] * len(data.sentence)
    if extra is not None:
        rows += extra.sentence
        y += [int(v) for v in extra.check_worthy]
        w += [CLAIMBUSTER_WEIGHT] * len(extra.sentence)
    return _logistic(rows, y, C_CHECK_WORTHY, w, MIN_COUNT)


def _rated(data: Dataset) -> list[int]:
    return [i for i, s in enumerate(data.strength) if s is not None]


def fit_adequate(data: Dataset) -> dict:
    idx = _rated(data)
    return _logistic([data.sourcing[i] for i in idx], [int(data.strength[i] in ADEQUATE) for i in idx], C_ADEQUATE)


def fit_level(data: Dataset, positive: str, negative: str) -> dict:
    idx = [i for i in _rated(data) if data.strength[i] in (positive, negative)]
    present = {data.strength[i] for i in idx}
    if len(present) < 2:
        # a level the training rows never show is never predicted: a constant far to the side that was seen
        side = 30.0 if positive in present else -30.0
        return {"features": [], "coef": [], "means": [], "intercept": side}
    return _logistic([data.sourcing[i] for i in idx], [int(data.strength[i] == positive) for i in idx], C_LEVEL)


def calibration(data: Dataset) -> dict:
    """Platt scaling of the adequate log-odds, fitted on out-of-fold predictions grouped by document."""
    idx = _rated(data)
    groups = np.array([data.groups[i] for i in idx])
    folds = min(CALIBRATION_FOLDS, len(set(groups)))
    z = np.zeros(len(idx))
    if folds < 2:
        return {"scale": 1.0, "offset": 0.0}
    for tr, te in GroupKFold(n_splits=folds).split(np.zeros(len(idx)), groups=groups):
        sub = data.subset([idx[i] for i in tr])
        model = fit_adequate(sub)
        z[te] = [logit(model, data.sourcing[idx[i]]) for i in te]
    y = np.array([int(data.strength[i] in ADEQUATE) for i in idx])
    platt = LogisticRegression(C=1e6, max_iter=5000).fit(z.reshape(-1, 1), y)
    return {"scale": _r(platt.coef_[0][0]), "offset": _r(platt.intercept_[0])}


def fit(data: Dataset, extra: Dataset | None = None) -> Fitted:
    adequate = fit_adequate(data)
    adequate["calibration"] = calibration(data)
    return Fitted(
        check_worthy=fit_check_worthy(data, extra),
        adequate=adequate,
        strong_vs_moderate=fit_level(data, "strong", "moderate"),
        weak_vs_none=fit_level(data, "weak", "none"),
    )


def export(fitted: Fitted, provenance: dict | None = None) -> dict:
    return {
        "format": FORMAT,
        "feature_schema": expected_schema(),
        "check_worthy": fitted.check_worthy,
        "adequate": fitted.adequate,
        "strong_vs_moderate": fitted.strong_vs_moderate,
        "weak_vs_none": fitted.weak_vs_none,
        "verification_shift": VERIFICATION_SHIFT,
        **({"provenance": provenance} if provenance else {}),
    }


def dumps(model: dict) -> str:
    return json.dumps(model, indent=None, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def _r(x: float) -> float:
    # 12 significant digits: stable across platforms, exact to far below 1e-9 in probabilities
    return float(f"{float(x):.12g}")
