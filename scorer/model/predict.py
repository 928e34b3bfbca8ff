"""Scoring with the exported model: plain JSON weights, a dot product and a softmax.

Loading runs no code (json.load of numbers and names), and scoring needs neither scikit-learn nor
numpy, so `scorer check` starts fast. Verification results shift the log-odds of "adequately sourced"
by fixed amounts written in the model file (the corpus has no fetched pages to learn them from).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scorer.errors import ModelError
from scorer.types import Score, Verification

# A symlink to models/sourcing-model.json in a checkout; the file itself in an installed wheel.
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "data" / "sourcing-model.json"
ADEQUATE = ("strong", "moderate")


@dataclass(frozen=True)
class LinearModel:
    feature_index: dict[str, int]
    cw_coef: tuple[float, ...]
    cw_intercept: float
    classes: tuple[str, ...]
    st_coef: tuple[tuple[float, ...], ...]
    st_intercept: tuple[float, ...]
    verification_shift: dict[str, float]

    def _active(self, features: dict[str, float]) -> list[tuple[int, float]]:
        index = self.feature_index
        return [(index[name], value) for name, value in features.items() if value and name in index]

    def check_worthy_probability(self, features: dict[str, float], active=None) -> float:
        active = self._active(features) if active is None else active
        return _sigmoid(self.cw_intercept + _dot(self.cw_coef, active))

    def strength_probabilities(self, features: dict[str, float], shift: float = 0.0, active=None) -> dict[str, float]:
        active = self._active(features) if active is None else active
        logits = [b + _dot(w, active) for w, b in zip(self.st_coef, self.st_intercept)]
        if shift:
            logits = [z + shift if c in ADEQUATE else z for z, c in zip(logits, self.classes)]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def shift_for(self, verification: Verification | None) -> float:
        if verification is None:
            return 0.0
        s = self.verification_shift.get(verification.status, 0.0)
        if any(n.status == "different" for n in verification.numbers):
            s += self.verification_shift.get("figure_different", 0.0)
        if verification.corroborated_by:
            s += self.verification_shift.get("corroborated", 0.0)
        return s

    def score(self, features: dict[str, float], verification: Verification | None = None) -> Score:
        active = self._active(features)
        p_cw = self.check_worthy_probability(features, active)
        if p_cw < 0.5:
            return Score(False, p_cw, None, None)
        probs = self.strength_probabilities(features, self.shift_for(verification), active)
        strength = max(probs, key=probs.get)
        confidence = sum(probs[c] for c in ADEQUATE if c in probs)
        return Score(True, p_cw, strength, confidence, tuple(probs.items()))


def _dot(weights, active: list[tuple[int, float]]) -> float:
    total = 0.0
    for i, value in active:
        total += weights[i] * value
    return total


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def model_from_dict(data: dict) -> LinearModel:
    try:
        names = data["feature_names"]
        cw, st = data["check_worthy"], data["strength"]
        return LinearModel(
            feature_index={n: i for i, n in enumerate(names)},
            cw_coef=tuple(float(x) for x in cw["coef"]),
            cw_intercept=float(cw["intercept"]),
            classes=tuple(st["classes"]),
            st_coef=tuple(tuple(float(x) for x in row) for row in st["coef"]),
            st_intercept=tuple(float(x) for x in st["intercept"]),
            verification_shift={k: float(v) for k, v in data.get("verification_shift", {}).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"model file is not valid: {exc}") from None


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LinearModel:
    p = Path(path) if path else DEFAULT_MODEL
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"no model file at {p}; run `scorer train`") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"{p}: model file cannot be read ({exc})") from None
    return model_from_dict(data)
