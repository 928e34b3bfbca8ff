"""Scoring with the exported model: plain JSON weights, dot products and sigmoids.

Loading runs no code (json.loads of numbers and names, then checks of every shape, name and number), and
scoring needs neither scikit-learn nor numpy, so `scorer check` starts fast.

Four linear models, each small enough to read:
- check-worthiness, on what the sentence asserts (scorer/sentence.py), never on its sourcing;
- adequately sourced (strong or moderate) against not, on what the sentence rests on (scorer/features.py),
  then calibrated (Platt), so its probability is the confidence a user reads;
- strong against moderate, and weak against none, to name the level inside each side.
Strength follows the confidence (a claim is strong or moderate exactly when its confidence is at least 0.5), and
the explanation of a confidence is exact: each feature's calibrated weight times its value.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from scorer.errors import ModelError
from scorer.types import Score, Verification

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "data" / "sourcing-model.json"
FORMAT = "scorer-linear-v2"
MAX_MODEL_BYTES = 64 * 1024 * 1024  # the real file is about 1 MB; refuse /dev/zero and other endless files
_WHY_SHOWN = 3
# sentence features of lines that state nothing, attributed or not: headings, tag lines, questions
_NOT_STATEMENTS = frozenset({"kind:heading", "kind:tag_line", "question", "wh_start", "ends_colon"})


@dataclass(frozen=True)
class Linear:
    """One logistic regression: named weights and a bias, optionally a Platt calibration of its log-odds."""

    weights: dict[str, float]
    intercept: float
    scale: float = 1.0
    offset: float = 0.0
    means: dict[str, float] = field(default_factory=dict)  # each feature's mean over the training rows
    # what each feature contributes when it is absent (-weight x mean), largest first: a constant per model
    absent: tuple[tuple[str, float], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        ranked = sorted(((name, -self.scale * w * self.means.get(name, 0.0)) for name, w in self.weights.items()),
                        key=lambda c: (-abs(c[1]), c[0]))
        object.__setattr__(self, "absent", tuple(ranked))

    def logit(self, features: dict[str, float]) -> float:
        w = self.weights
        z = self.intercept
        for name in features.keys() & w.keys():  # a C-level set intersection: most features have no weight
            z += w[name] * features[name]
        return self.scale * z + self.offset

    def contributions(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """(feature, calibrated weight x (value - its training mean)) of each feature present: how far it moved
        this sentence's log-odds from the average sentence's. Against the mean, a feature every sentence has (its
        length) does not crowd out the ones that set this sentence apart."""
        w, mu, k = self.weights, self.means, self.scale
        return [(name, k * w[name] * (value - mu.get(name, 0.0))) for name, value in features.items()
                if value and name in w]

    def top_contributions(self, features: dict[str, float], n: int) -> list[tuple[str, float]]:
        """The features present, and the `n` absent ones that moved the log-odds most ("no named source" counts
        too): enough to rank the largest contributions over every feature of the model."""
        present = dict(self.contributions(features))
        out = list(present.items())
        for name, c in self.absent:
            if len(out) >= len(present) + n:
                break
            if name not in present:
                out.append((name, c))
        return out


@dataclass(frozen=True)
class LinearModel:
    schema: str
    check_worthy: Linear
    adequate: Linear
    strong_vs_moderate: Linear  # positive log-odds: strong
    weak_vs_none: Linear  # positive log-odds: weak
    verification_shift: dict[str, float]

    def check_worthy_probability(self, sentence: dict[str, float]) -> float:
        return _sigmoid(self.check_worthy.logit(sentence))

    def is_check_worthy(self, p_cw: float, sentence: dict[str, float], sourcing: dict[str, float]) -> bool:
        """The sentence model decides, whatever the sourcing. One exception goes only one way, as the rubric has
        it: what a source is reported to have said is check-worthy even when the words themselves are a plan or
        an opinion ("The plant will close, the company said"). Attribution can add check-worthiness, never
        remove it, so a cue the reader misses never lets a fact pass."""
        if p_cw >= 0.5:
            return True
        return bool(sourcing.get("own_any") and not sentence.keys() & _NOT_STATEMENTS)

    def adequate_probability(self, sourcing: dict[str, float], shift: float = 0.0) -> float:
        return _sigmoid(self.adequate.logit(sourcing) + shift)

    def strength(self, sourcing: dict[str, float], confidence: float) -> str:
        if confidence >= 0.5:
            return "strong" if self.strong_vs_moderate.logit(sourcing) >= 0 else "moderate"
        return "weak" if self.weak_vs_none.logit(sourcing) >= 0 else "none"

    def shift_for(self, verification: Verification | None) -> float:
        if verification is None:
            return 0.0
        s = self.verification_shift.get(verification.status, 0.0)
        if any(n.status == "different" for n in verification.numbers):
            s += self.verification_shift.get("figure_different", 0.0)
        if verification.corroborated_by:
            s += self.verification_shift.get("corroborated", 0.0)
        return s

    def score(self, sentence: dict[str, float], sourcing: dict[str, float],
              verification: Verification | None = None) -> Score:
        p_cw = self.check_worthy_probability(sentence)
        if not self.is_check_worthy(p_cw, sentence, sourcing):
            why = _top(self.check_worthy.contributions(sentence), negative_only=True)
            return Score(False, p_cw, None, None, why=why)
        sourcing = {name: value for name, value in sourcing.items() if value}
        shift = self.shift_for(verification)
        confidence = self.adequate_probability(sourcing, shift)
        strength = self.strength(sourcing, confidence)
        why = _top(self.adequate.top_contributions(sourcing, _WHY_SHOWN + 2))
        if shift:
            why = why + (("verification", shift),)
        return Score(True, p_cw, strength, confidence, why=why)


def _top(contributions: list[tuple[str, float]], negative_only: bool = False) -> tuple[tuple[str, float], ...]:
    items = [c for c in contributions if not c[0].startswith("bias") and abs(c[1]) >= 0.05 and (not negative_only or c[1] < 0)]
    items.sort(key=lambda c: (-abs(c[1]), c[0]))
    return tuple((name, round(value, 3)) for name, value in items[:_WHY_SHOWN])


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def expected_schema() -> str:
    from scorer.features import SCHEMA as SOURCING
    from scorer.sentence import SCHEMA as SENTENCE

    return schema_hash(SENTENCE, SOURCING)


def schema_hash(sentence: str, sourcing: str) -> str:
    import hashlib

    return hashlib.sha256(f"{sentence}\n{sourcing}".encode()).hexdigest()[:16]


def _linear(data: object, where: str, calibrated: bool = False) -> Linear:
    if not isinstance(data, dict):
        raise ModelError(f"model file is not valid: {where} is not an object")
    names, coef = data.get("features"), data.get("coef")
    if not isinstance(names, list) or not isinstance(coef, list) or len(names) != len(coef):
        raise ModelError(f"model file is not valid: {where} needs 'features' and 'coef' lists of one length")
    if not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
        raise ModelError(f"model file is not valid: {where} feature names must be distinct strings")
    numbers = [_finite(x, where) for x in coef]
    means = data.get("means")
    if not isinstance(means, list) or len(means) != len(names):
        raise ModelError(f"model file is not valid: {where} needs a 'means' list as long as its features")
    mean_values = [_finite(x, where) for x in means]
    intercept = _finite(data.get("intercept"), where)
    scale, offset = 1.0, 0.0
    if calibrated:
        cal = data.get("calibration")
        if not isinstance(cal, dict):
            raise ModelError(f"model file is not valid: {where} has no calibration")
        scale, offset = _finite(cal.get("scale"), where), _finite(cal.get("offset"), where)
    return Linear(dict(zip(names, numbers)), intercept, scale, offset, dict(zip(names, mean_values)))


def _finite(x: object, where: str) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        raise ModelError(f"model file is not valid: {where} holds {x!r} where a finite number belongs")
    return float(x)


def model_from_dict(data: object, schema: str | None = None) -> LinearModel:
    """A model from its parsed JSON, every field checked: nothing unknown, missing or non-finite gets through."""
    if not isinstance(data, dict):
        raise ModelError("model file is not valid: not a JSON object")
    fmt = data.get("format")
    if fmt != FORMAT:
        raise ModelError(f"model file format is {fmt!r}, this scorer reads {FORMAT!r}: retrain with `scorer train`")
    expected = schema or expected_schema()
    if data.get("feature_schema") != expected:
        raise ModelError(f"model file was built for feature schema {data.get('feature_schema')!r}, this scorer "
                         f"computes {expected!r}: retrain with `scorer train`")
    shifts = data.get("verification_shift", {})
    if not isinstance(shifts, dict):
        raise ModelError("model file is not valid: verification_shift is not an object")
    return LinearModel(
        schema=expected,
        check_worthy=_linear(data.get("check_worthy"), "check_worthy"),
        adequate=_linear(data.get("adequate"), "adequate", calibrated=True),
        strong_vs_moderate=_linear(data.get("strong_vs_moderate"), "strong_vs_moderate"),
        weak_vs_none=_linear(data.get("weak_vs_none"), "weak_vs_none"),
        verification_shift={str(k): _finite(v, "verification_shift") for k, v in shifts.items()},
    )


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LinearModel:
    p = Path(path) if path else DEFAULT_MODEL
    try:
        with open(p, "rb") as fh:
            raw = fh.read(MAX_MODEL_BYTES + 1)
    except FileNotFoundError:
        raise ModelError(f"no model file at {p}; run `scorer train`") from None
    except OSError as exc:
        raise ModelError(f"{p}: model file cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_MODEL_BYTES:
        raise ModelError(f"{p}: model file is larger than {MAX_MODEL_BYTES // (1024 * 1024)} MB; not a scorer model")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ModelError(f"{p}: model file is not JSON ({type(exc).__name__})") from None
    return model_from_dict(data)
