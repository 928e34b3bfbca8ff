"""Cross-validated quality: grouped by document on the corpus, by debate on ClaimBuster.

No document (or debate) is in both a training and a test fold, and every prediction goes through the exported
JSON model, the same path `scorer check` takes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupKFold

from scorer.errors import InputError
from scorer.model.dataset import Dataset
from scorer.model.predict import model_from_dict
from scorer.model.train import ADEQUATE, CLASSES, Fitted, export, fit, fit_check_worthy

FLOORS_FILE = Path(__file__).resolve().parents[2] / "models" / "floors.json"
N_SPLITS = 5
ECE_BINS = 10
FLOOR_KEYS = ("check_worthy_f1", "strength_macro_f1", "adequate_auc", "claimbuster_f1")
CEILING_KEYS = ("calibration_error",)  # lower is better: the pinned value is a ceiling


@dataclass(frozen=True)
class Metrics:
    check_worthy_f1: float
    check_worthy_f1_sentence_only: float  # the sentence model alone, before attributed statements are added
    strength_macro_f1: float
    strength_f1: dict[str, float]
    confusion: list[list[int]]  # rows true, columns predicted, in CLASSES order
    adequate_auc: float
    calibration_error: float  # expected calibration error of the confidence, 10 equal-width bins
    reliability: list[tuple[float, float, int]]  # per bin: mean confidence, share adequate, count
    rows: int
    documents: int
    folds: int
    claimbuster_precision: float | None = None
    claimbuster_recall: float | None = None
    claimbuster_f1: float | None = None
    claimbuster_rows: int = 0
    spans: dict = field(default_factory=dict)
    # the same sourcing models measured on attribution by the packaged tagger, which saw every document's spans:
    # comparable with the figures measured before the tagger existed (issue 2's minimums apply to these); the
    # headline figures above read each document with a tagger that never saw it
    strength_macro_f1_packaged_tagger: float | None = None
    adequate_auc_packaged_tagger: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def _folds(groups: list[str], n_splits: int) -> list[tuple[np.ndarray, np.ndarray]]:
    n = min(n_splits, len(set(groups)))
    if n < 2:
        raise InputError("cross-validation needs labelled sentences from at least two documents")
    return list(GroupKFold(n_splits=n).split(np.zeros(len(groups)), groups=np.array(groups)))


def cross_validate(data: Dataset, claimbuster: Dataset | None = None, n_splits: int = N_SPLITS) -> Metrics:
    n = len(data)
    cw_pred = np.zeros(n, dtype=bool)
    cw_sentence_only = np.zeros(n, dtype=bool)
    st_pred: list[str | None] = [None] * n
    conf = np.zeros(n)
    folds = _folds(data.groups, n_splits)
    for train_idx, test_idx in folds:
        model = model_from_dict(export(fit(data.subset(train_idx), claimbuster)))
        for i in test_idx:
            p_cw = model.check_worthy_probability(data.sentence[i])
            cw_pred[i] = model.is_check_worthy(p_cw, data.sentence[i], data.sourcing[i])
            cw_sentence_only[i] = p_cw >= 0.5
            conf[i] = model.adequate_probability(data.sourcing[i])
            st_pred[i] = model.strength(data.sourcing[i], conf[i])
    y_cw = np.array(data.check_worthy)
    idx = [i for i, s in enumerate(data.strength) if s is not None]
    y_st = [data.strength[i] for i in idx]
    p_st = [st_pred[i] for i in idx]
    per_class = f1_score(y_st, p_st, labels=list(CLASSES), average=None, zero_division=0)
    adequate = np.array([s in ADEQUATE for s in y_st])
    ece, bins = calibration_error(conf[idx], adequate)
    metrics = dict(
        check_worthy_f1=round(float(f1_score(y_cw, cw_pred)), 4),
        check_worthy_f1_sentence_only=round(float(f1_score(y_cw, cw_sentence_only)), 4),
        strength_macro_f1=round(float(np.mean(per_class)), 4),
        strength_f1={c: round(float(v), 4) for c, v in zip(CLASSES, per_class)},
        confusion=confusion_matrix(y_st, p_st, labels=list(CLASSES)).tolist(),
        adequate_auc=round(float(roc_auc_score(adequate, conf[idx])), 4) if len(set(adequate)) == 2 else float("nan"),
        calibration_error=round(ece, 4),
        reliability=bins,
        rows=n,
        documents=len(set(data.groups)),
        folds=len(folds),
    )
    if claimbuster is not None:
        metrics.update(claimbuster_metrics(data, claimbuster, n_splits))
    return Metrics(**metrics)


def full_metrics(corpus, data: Dataset, claimbuster: Dataset | None, spans) -> Metrics:
    """Everything `scorer evaluate` reports: `data` built from out-of-fold attribution (honest), ClaimBuster held
    out by debate, the span metrics, and the sourcing figures again on the packaged tagger's attribution."""
    from dataclasses import replace

    from scorer.model.dataset import build_dataset

    honest = cross_validate(data, claimbuster)
    packaged = cross_validate(build_dataset(corpus), None)
    return replace(honest, spans=spans.as_dict(),
                   strength_macro_f1_packaged_tagger=packaged.strength_macro_f1,
                   adequate_auc_packaged_tagger=packaged.adequate_auc)


def claimbuster_metrics(corpus: Dataset, claimbuster: Dataset, n_splits: int = N_SPLITS) -> dict:
    """Check-worthiness (factual vs non-factual) on ClaimBuster, held out by whole debates; the corpus always trains."""
    pred = np.zeros(len(claimbuster), dtype=bool)
    for train_idx, test_idx in _folds(claimbuster.groups, n_splits):
        weights = fit_check_worthy(corpus, claimbuster.subset(train_idx))
        model = _check_worthy_only(weights)
        for i in test_idx:
            pred[i] = model.check_worthy_probability(claimbuster.sentence[i]) >= 0.5
    y = np.array(claimbuster.check_worthy)
    return dict(
        claimbuster_precision=round(float(precision_score(y, pred)), 4),
        claimbuster_recall=round(float(recall_score(y, pred)), 4),
        claimbuster_f1=round(float(f1_score(y, pred)), 4),
        claimbuster_rows=len(claimbuster),
    )


def _check_worthy_only(weights: dict):
    empty = {"features": [], "coef": [], "means": [], "intercept": 0.0}
    return model_from_dict(export(Fitted(weights, {**empty, "calibration": {"scale": 1.0, "offset": 0.0}}, empty, empty)))


def calibration_error(confidence: np.ndarray, outcome: np.ndarray, n_bins: int = ECE_BINS):
    """Expected calibration error over equal-width bins, and each bin's (mean confidence, observed share, count)."""
    confidence = np.asarray(confidence, dtype=float)
    outcome = np.asarray(outcome, dtype=float)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, n_bins - 1)
    ece, bins = 0.0, []
    for b in range(n_bins):
        mask = which == b
        count = int(mask.sum())
        if not count:
            continue
        mean_conf, share = float(confidence[mask].mean()), float(outcome[mask].mean())
        ece += count / len(confidence) * abs(mean_conf - share)
        bins.append((round(mean_conf, 4), round(share, 4), count))
    return float(ece), bins


def load_floors(path: Path = FLOORS_FILE) -> dict:
    try:
        floors = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"{path}: floors file cannot be read ({type(exc).__name__})") from None
    if not isinstance(floors, dict) or not isinstance(floors.get("floors", {}), dict):
        raise InputError(f"{path}: floors file must be a JSON object with a 'floors' object")
    return floors


def _metric(metrics: Metrics, key: str):
    if key.startswith("spans."):
        node = metrics.spans
        for part in key.split(".")[1:]:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return node if isinstance(node, (int, float)) else None
    return getattr(metrics, key, None)


def below_floors(metrics: Metrics, floors: dict) -> list[str]:
    failures = []
    for key, floor in floors.get("floors", {}).items():
        value = _metric(metrics, key)
        if value is None:
            continue  # measured only when its data is given (ClaimBuster, spans)
        if value < floor:
            failures.append(f"{key} {value:.3f} is under its floor {floor:.3f}")
    for key, ceiling in floors.get("ceilings", {}).items():
        value = _metric(metrics, key)
        if value is not None and value > ceiling:
            failures.append(f"{key} {value:.3f} is over its ceiling {ceiling:.3f}")
    return failures


def write_plots(metrics: Metrics, directory: Path) -> list[Path]:
    """A reliability diagram and a confusion-matrix picture, as PNG (matplotlib, from the `train` extra)."""
    from scorer.plotting import pyplot_into

    plt, directory = pyplot_into(directory, "train")
    written = []
    fig, ax = plt.subplots(figsize=(5, 5), dpi=100)
    ax.plot([0, 1], [0, 1], linestyle="--", color="#888888", label="perfectly calibrated")
    xs = [b[0] for b in metrics.reliability]
    ys = [b[1] for b in metrics.reliability]
    sizes = [max(12, b[2] / 2) for b in metrics.reliability]
    ax.plot(xs, ys, color="#0072B2", marker="o", label="scorer (cross-validated)")
    ax.scatter(xs, ys, s=sizes, color="#0072B2", alpha=0.35)
    ax.set_xlabel("confidence (predicted probability of adequately sourced)")
    ax.set_ylabel("share actually adequately sourced")
    ax.set_title(f"Reliability diagram, ECE {metrics.calibration_error:.3f}")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left")
    fig.tight_layout()
    path = directory / "reliability.png"
    fig.savefig(path)
    plt.close(fig)
    written.append(path)

    fig, ax = plt.subplots(figsize=(5, 4.5), dpi=100)
    matrix = np.array(metrics.confusion)
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(CLASSES)), CLASSES)
    ax.set_yticks(range(len(CLASSES)), CLASSES)
    ax.set_xlabel("predicted")
    ax.set_ylabel("labelled")
    top = matrix.max() or 1
    for r in range(len(CLASSES)):
        for c in range(len(CLASSES)):
            ax.text(c, r, str(matrix[r, c]), ha="center", va="center",
                    color="white" if matrix[r, c] > top / 2 else "black")
    ax.set_title(f"Strength, cross-validated (macro-F1 {metrics.strength_macro_f1:.3f})")
    fig.tight_layout()
    path = directory / "confusion.png"
    fig.savefig(path)
    plt.close(fig)
    written.append(path)
    return written
