"""Corpus rows to feature rows: the same path a draft takes at check time (read, split, attribute, featurize)."""

from __future__ import annotations

from dataclasses import dataclass

from scorer.attribution import attribute
from scorer.features import featurize
from scorer.model.corpus import Corpus


@dataclass(frozen=True)
class Dataset:
    features: list[dict[str, float]]
    check_worthy: list[bool]
    strength: list[str | None]
    groups: list[str]  # document of each row, for grouped cross-validation


def build_dataset(corpus: Corpus, registry=None) -> Dataset:
    attributions = {}
    for doc, draft in corpus.drafts.items():
        attributions[doc] = attribute(draft, corpus.claims_by_doc[doc], registry)
    feats, cw, st, groups = [], [], [], []
    for row in corpus.rows:
        feats.append(featurize(row.claim, attributions[row.doc][row.claim.index]))
        cw.append(row.check_worthy)
        st.append(row.strength)
        groups.append(row.doc)
    return Dataset(feats, cw, st, groups)
