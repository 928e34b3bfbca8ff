"""Fit the two linear models on the labelled corpus and export them as plain JSON.

Deterministic: the same labels give the same bytes (lbfgs, fixed feature order, fixed float format).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from scorer.errors import InputError
from scorer.model.dataset import Dataset

CLASSES = ("strong", "moderate", "weak", "none")
# Log-odds shifts of "adequately sourced" from verification. Not learned: the corpus has no fetched pages.
# Asymmetric on purpose. A quote found in its cited page shows the writer copied faithfully, not that the
# page's own basis is strong (a verified quote of an anonymous source is still weakly sourced), so it moves
# the confidence a little; a quote or figure the page contradicts undermines the attribution itself.
# Measured on the held-out seed by benchmarks/eval_verification.py.
VERIFICATION_SHIFT = {
    "verified": 0.25,
    "altered": -1.0,
    "not_found": -0.5,
    "partial_source": 0.0,
    "unfetched": 0.0,
    "figure_different": -0.5,
    "corroborated": 0.25,
}
C_CHECK_WORTHY = 1.0
C_STRENGTH = 0.3  # stronger regularisation generalised better across documents (grouped CV)


@dataclass(frozen=True)
class Fitted:
    feature_names: tuple[str, ...]
    check_worthy: LogisticRegression
    strength: LogisticRegression


def feature_names(rows: list[dict[str, float]]) -> tuple[str, ...]:
    names = sorted({k for row in rows for k in row})
    return tuple(names)


def matrix(rows: list[dict[str, float]], names: tuple[str, ...]) -> np.ndarray:
    return np.array([[row.get(n, 0.0) for n in names] for row in rows], dtype=float)


def fit(data: Dataset, names: tuple[str, ...] | None = None) -> Fitted:
    names = names or feature_names(data.features)
    X = matrix(data.features, names)
    y_cw = np.array(data.check_worthy, dtype=int)
    strengths = {s for s in data.strength if s is not None}
    if len(set(y_cw)) < 2 or len(strengths) < 2:
        raise InputError("training needs check-worthy and other sentences, and at least two strength labels")
    cw = LogisticRegression(C=C_CHECK_WORTHY, max_iter=5000, class_weight="balanced").fit(X, y_cw)
    idx = [i for i, s in enumerate(data.strength) if s is not None]
    st = LogisticRegression(C=C_STRENGTH, max_iter=5000, class_weight="balanced")
    st.fit(X[idx], np.array([data.strength[i] for i in idx]))
    return Fitted(names, cw, st)


def export(fitted: Fitted) -> dict:
    learned = list(fitted.strength.classes_)
    n = len(fitted.feature_names)
    rows, biases = list(fitted.strength.coef_), list(fitted.strength.intercept_)
    if len(learned) == 2:  # scikit-learn keeps one row for two classes: the second's logit against the first's 0
        rows, biases = [np.zeros(n), rows[0]], [0.0, biases[0]]
    # A class the training rows never show gets no weights and a prior far below the others.
    coef = [[_r(x) for x in rows[learned.index(c)]] if c in learned else [0.0] * n for c in CLASSES]
    intercept = [_r(biases[learned.index(c)]) if c in learned else -30.0 for c in CLASSES]
    return {
        "format": "scorer-linear-v1",
        "feature_names": list(fitted.feature_names),
        "check_worthy": {
            "coef": [_r(x) for x in fitted.check_worthy.coef_[0]],
            "intercept": _r(fitted.check_worthy.intercept_[0]),
        },
        "strength": {
            "classes": list(CLASSES),
            "coef": coef,
            "intercept": intercept,
        },
        "verification_shift": VERIFICATION_SHIFT,
    }


def dumps(model: dict) -> str:
    return json.dumps(model, indent=1, sort_keys=True) + "\n"


def _r(x: float) -> float:
    # 15 significant digits: stable across platforms, still exact to far below 1e-9 in probabilities
    return float(f"{float(x):.15g}")
