"""Span-level evaluation: are the source mentions attribution finds the ones the corpus marks?

Gold: each label row's `spans` (RUBRIC.md, "Spans"), located in the unit's text on token boundaries.
Predicted: the sentence's own sources (not inherited ones) with their offsets, as `attribute` gives them.

- overlap match: a predicted span and a gold span share at least one character (one-to-one, the largest
  overlaps first);
- exact match: the same boundaries once whitespace and punctuation are trimmed from both edges;
- overall figures ignore the kind (did we find the mention?); per-kind figures count a match only between
  spans of that kind; kind accuracy is the share of overlap-matched pairs whose kinds agree.

Cross-validated by document (GroupKFold, 5 folds): the tagger of each fold is trained on the other folds'
documents only, then attribution runs on the held-out documents with it.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass, field

from scorer.attribution.tagger import KINDS
from scorer.attribution.tokens import tokenize

Span = tuple[int, int, str]  # (start, end, kind) in the claim's text
N_SPLITS = 5
_EDGE = set(string.punctuation + string.whitespace + "“”‘’«»—–…")


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    matched: int


@dataclass(frozen=True)
class SpanMetrics:
    overlap: PRF
    exact: PRF
    kind_accuracy: float  # of overlap-matched pairs
    per_kind: dict[str, PRF] = field(default_factory=dict)  # overlap match, kinds must agree
    per_kind_exact: dict[str, PRF] = field(default_factory=dict)
    units: int = 0
    documents: int = 0
    folds: int = 0
    method: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def locate(text: str, needle: str, taken: list[tuple[int, int]] | None = None,
           tokens: list[tuple[int, int, str]] | None = None) -> tuple[int, int] | None:
    """First occurrence of `needle` in `text` that starts and ends on token boundaries and is not taken."""
    tokens = tokenize(text) if tokens is None else tokens
    starts = {a for a, _, _ in tokens}
    ends = {b for _, b, _ in tokens}
    taken = taken or []
    i = text.find(needle)
    while i >= 0 and needle:
        j = i + len(needle)
        if i in starts and j in ends and not any(a < j and i < b for a, b in taken):
            return i, j
        i = text.find(needle, i + 1)
    return None


def gold_spans(row) -> list[Span]:
    """The row's labelled spans as offsets in its claim's text (a span not found there is left out)."""
    text = row.claim.text
    tokens = tokenize(text)
    taken: list[tuple[int, int]] = []
    out = []
    for needle, kind in row.spans:
        where = locate(text, needle, taken, tokens)
        if where is None:
            where = locate(text, needle, None, tokens)  # the same words marked twice
        if where is not None:
            taken.append(where)
            out.append((where[0], where[1], kind))
    return out


def predicted_spans(claim, attribution) -> list[Span]:
    """The sources written in the sentence, with their offsets (a source without offsets is not a mention in
    its text: a link, an affiliation, a frame from another sentence; a quoted block's closing tag is a frame
    written in the sentence that holds it)."""
    return [(s.start, s.end, s.kind) for s in attribution.sources if s.start is not None and s.end is not None]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    return a, b


def _match_overlap(gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    pairs = []
    for gi, (ga, gb, _) in enumerate(gold):
        for pi, (pa, pb, _) in enumerate(pred):
            ov = min(gb, pb) - max(ga, pa)
            if ov > 0:
                pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _prf(gold: int, predicted: int, matched: int) -> PRF:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(round(p, 4), round(r, 4), round(f, 4), gold, predicted, matched)


def score_spans(units: list[tuple[str, list[Span], list[Span]]], **info) -> SpanMetrics:
    """`units`: (text, gold spans, predicted spans) per labelled unit."""
    n_gold = n_pred = n_ov = n_ex = same_kind = 0
    kind_counts = {k: [0, 0, 0, 0] for k in KINDS}  # gold, predicted, overlap matched, exact matched
    for text, gold, pred in units:
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = _match_overlap(gold, pred)
        n_ov += len(pairs)
        same_kind += sum(gold[g][2] == pred[p][2] for g, p in pairs)
        g_trim = {_trim(text, a, b) for a, b, _ in gold}
        p_trim = {_trim(text, a, b) for a, b, _ in pred}
        n_ex += len(g_trim & p_trim)
        for k in KINDS:
            gk = [s for s in gold if s[2] == k]
            pk = [s for s in pred if s[2] == k]
            c = kind_counts[k]
            c[0] += len(gk)
            c[1] += len(pk)
            c[2] += len(_match_overlap(gk, pk))
            c[3] += len({_trim(text, a, b) for a, b, _ in gk} & {_trim(text, a, b) for a, b, _ in pk})
    return SpanMetrics(
        overlap=_prf(n_gold, n_pred, n_ov),
        exact=_prf(n_gold, n_pred, n_ex),
        kind_accuracy=round(same_kind / n_ov, 4) if n_ov else 0.0,
        per_kind={k: _prf(c[0], c[1], c[2]) for k, c in kind_counts.items()},
        per_kind_exact={k: _prf(c[0], c[1], c[3]) for k, c in kind_counts.items()},
        units=len(units),
        **info,
    )


def out_of_fold_attributions(corpus, n_splits: int = N_SPLITS, registry=None) -> dict[str, tuple]:
    """doc -> its Attributions, each document attributed by a tagger trained on the other folds' documents
    only (GroupKFold by document): what attribution gives on text its tagger never saw. For grouped
    cross-validation of anything built on attribution (span metrics here; the strength model's features)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from scorer.attribution import attribute
    from scorer.attribution.tagger import fit_tagger

    if registry is None:
        from scorer.outlets import get_registry

        registry = get_registry()
    docs = list(corpus.drafts)
    n_splits = min(n_splits, len(docs))
    out: dict[str, tuple] = {}
    for train_idx, test_idx in GroupKFold(n_splits=n_splits).split(np.zeros(len(docs)), groups=np.array(docs)):
        tagger = fit_tagger(corpus, {docs[i] for i in train_idx}, registry)
        for i in test_idx:
            d = docs[i]
            out[d] = attribute(corpus.drafts[d], corpus.claims_by_doc[d], registry, tagger=tagger)
    return out


def _units(corpus, atts) -> list[tuple[str, list[Span], list[Span]]]:
    return [(row.claim.text, gold_spans(row), predicted_spans(row.claim, atts[row.doc][row.claim.index]))
            for row in corpus.rows if row.doc in atts]


def evaluate_spans(corpus=None, n_splits: int = N_SPLITS, method: str = "tagger", registry=None,
                   attributions: dict | None = None) -> SpanMetrics:
    """Span metrics of `attribute` on the corpus.

    method "tagger": cross-validated by document, each fold's tagger trained on the other folds (or the
    `attributions` of out_of_fold_attributions, when the caller has them already);
    method "packaged": the attribution as installed (its packaged tagger), no training (in-sample).
    """
    from scorer.attribution import attribute
    from scorer.model.corpus import load_corpus

    corpus = corpus or load_corpus()
    if registry is None:
        from scorer.outlets import get_registry

        registry = get_registry()
    docs = list(corpus.drafts)
    if method == "packaged":
        atts = {d: attribute(corpus.drafts[d], corpus.claims_by_doc[d], registry) for d in docs}
        return score_spans(_units(corpus, atts), documents=len(docs), folds=0, method=method)
    if method != "tagger":
        raise ValueError(f"unknown method {method!r}")
    atts = attributions if attributions is not None else out_of_fold_attributions(corpus, n_splits, registry)
    return score_spans(_units(corpus, atts), documents=len(docs), folds=min(n_splits, len(docs)), method=method)


def format_metrics(m: SpanMetrics) -> str:
    lines = [
        f"span mentions ({m.method}, {m.units} units, {m.documents} documents, {m.folds} folds):",
        f"  overlap P {m.overlap.precision:.3f} R {m.overlap.recall:.3f} F1 {m.overlap.f1:.3f}"
        f"  (gold {m.overlap.gold}, predicted {m.overlap.predicted})",
        f"  exact   P {m.exact.precision:.3f} R {m.exact.recall:.3f} F1 {m.exact.f1:.3f}",
        f"  kind accuracy on matched spans {m.kind_accuracy:.3f}",
    ]
    for k in KINDS:
        o, e = m.per_kind[k], m.per_kind_exact[k]
        lines.append(f"  {k:<13} overlap P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f} | exact F1 {e.f1:.3f}"
                     f"  (gold {o.gold}, predicted {o.predicted})")
    return "\n".join(lines)
