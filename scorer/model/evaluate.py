"""Cross-validated quality, grouped by document: no document is in both a training and a test fold."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold

from scorer.errors import InputError
from scorer.model.dataset import Dataset
from scorer.model.predict import model_from_dict
from scorer.model.train import CLASSES, export, fit

FLOORS_FILE = Path(__file__).resolve().parents[2] / "models" / "floors.json"
N_SPLITS = 5


@dataclass(frozen=True)
class Metrics:
    check_worthy_f1: float
    strength_macro_f1: float
    strength_f1: dict[str, float]
    confusion: list[list[int]]  # rows true, columns predicted, in CLASSES order
    adequate_auc: float
    rows: int
    documents: int
    folds: int

    def as_dict(self) -> dict:
        return asdict(self)


def cross_validate(data: Dataset, n_splits: int = N_SPLITS) -> Metrics:
    n = len(data.features)
    cw_pred = np.zeros(n, dtype=bool)
    st_pred: list[str | None] = [None] * n
    conf = np.zeros(n)
    groups = np.array(data.groups)
    n_splits = min(n_splits, len(set(data.groups)))
    if n_splits < 2:
        raise InputError("cross-validation needs labelled sentences from at least two documents")
    for train_idx, test_idx in GroupKFold(n_splits=n_splits).split(np.zeros(n), groups=groups):
        sub = Dataset([data.features[i] for i in train_idx], [data.check_worthy[i] for i in train_idx],
                      [data.strength[i] for i in train_idx], [data.groups[i] for i in train_idx])
        model = model_from_dict(export(fit(sub)))
        for i in test_idx:
            feats = data.features[i]
            cw_pred[i] = model.check_worthy_probability(feats) >= 0.5
            probs = model.strength_probabilities(feats)
            st_pred[i] = max(probs, key=probs.get)
            conf[i] = probs["strong"] + probs["moderate"]
    y_cw = np.array(data.check_worthy)
    idx = [i for i, s in enumerate(data.strength) if s is not None]
    y_st = [data.strength[i] for i in idx]
    p_st = [st_pred[i] for i in idx]
    per_class = f1_score(y_st, p_st, labels=list(CLASSES), average=None, zero_division=0)
    adequate = [s in ("strong", "moderate") for s in y_st]
    return Metrics(
        check_worthy_f1=round(float(f1_score(y_cw, cw_pred)), 4),
        strength_macro_f1=round(float(np.mean(per_class)), 4),
        strength_f1={c: round(float(v), 4) for c, v in zip(CLASSES, per_class)},
        confusion=confusion_matrix(y_st, p_st, labels=list(CLASSES)).tolist(),
        adequate_auc=round(float(roc_auc_score(adequate, conf[idx])), 4) if len(set(adequate)) == 2 else float("nan"),
        rows=n,
        documents=len(set(data.groups)),
        folds=n_splits,
    )


def load_floors(path: Path = FLOORS_FILE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def below_floors(metrics: Metrics, floors: dict) -> list[str]:
    failures = []
    for key in ("check_worthy_f1", "strength_macro_f1", "adequate_auc"):
        value, floor = getattr(metrics, key), floors["floors"][key]
        if value < floor:
            failures.append(f"{key} {value:.3f} is under its floor {floor:.3f}")
    return failures
