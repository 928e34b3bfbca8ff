"""Labelled rows to feature rows: the same path a draft takes at check time (read, split, attribute, featurize)."""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from pathlib import Path

from scorer.attribution import attribute
from scorer.errors import InputError
from scorer.features import featurize
from scorer.model.corpus import Corpus
from scorer.sentence import sentence_features

DEFAULT_CLAIMBUSTER = Path(__file__).resolve().parents[2] / "fixtures" / "claimbuster" / "crowdsourced.csv.gz"


@dataclass(frozen=True)
class Dataset:
    sentence: list[dict[str, float]]  # what the sentence asserts: check-worthiness features
    sourcing: list[dict[str, float]]  # what it rests on: strength features (empty rows for ClaimBuster)
    check_worthy: list[bool]
    strength: list[str | None]
    groups: list[str]  # document (or debate) of each row, for grouped cross-validation

    def subset(self, idx) -> "Dataset":
        idx = list(idx)
        return Dataset([self.sentence[i] for i in idx], [self.sourcing[i] for i in idx],
                       [self.check_worthy[i] for i in idx], [self.strength[i] for i in idx],
                       [self.groups[i] for i in idx])

    def __len__(self) -> int:
        return len(self.groups)


def build_dataset(corpus: Corpus, registry=None, attributions: dict | None = None) -> Dataset:
    """Feature rows of the corpus. `attributions` (doc -> Attributions) replaces the packaged attribution: the
    out-of-fold attributions of scorer.model.spans, from taggers that never saw the document, give sourcing
    features as noisy as on a new draft, which is what the sourcing models must learn to weigh."""
    if attributions is None:
        attributions = {doc: attribute(draft, corpus.claims_by_doc[doc], registry)
                        for doc, draft in corpus.drafts.items()}
    sentence, sourcing, cw, st, groups = [], [], [], [], []
    for row in corpus.rows:
        claim = row.claim
        sentence.append(sentence_features(claim.text, claim.kind, claim.quote_id is not None))
        sourcing.append(featurize(claim, attributions[row.doc][claim.index]))
        cw.append(row.check_worthy)
        st.append(row.strength)
        groups.append(row.doc)
    return Dataset(sentence, sourcing, cw, st, groups)


def honest_dataset(corpus: Corpus, registry=None):
    """Feature rows whose sourcing is read by out-of-fold attribution (each document by a tagger that never saw
    it), and the span metrics of that same attribution: both as a new draft would be read. What `scorer train`
    fits and `scorer evaluate` measures."""
    from scorer.model.spans import evaluate_spans, out_of_fold_attributions

    attributions = out_of_fold_attributions(corpus, registry=registry)
    spans = evaluate_spans(corpus, registry=registry, attributions=attributions)
    return build_dataset(corpus, registry, attributions), spans


def load_claimbuster(path: Path = DEFAULT_CLAIMBUSTER) -> Dataset:
    """ClaimBuster's crowd-labelled debate sentences: factual (0 or 1) is check-worthy, non-factual (-1) is not."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        text = gzip.decompress(raw).decode("utf-8") if path.suffix == ".gz" else raw.decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
    except (OSError, ValueError, EOFError) as exc:
        raise InputError(f"{path}: ClaimBuster data cannot be read ({exc})") from None
    sentence, cw, groups = [], [], []
    for number, row in enumerate(rows, 2):
        try:
            verdict, sentence_text, debate = int(row["Verdict"]), row["Text"], row["File_id"]
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{path}:{number}: not a ClaimBuster row (needs Text, File_id, Verdict)") from None
        sentence.append(sentence_features(sentence_text))
        cw.append(verdict >= 0)
        groups.append(debate)
    return Dataset(sentence, [{} for _ in sentence], cw, [None] * len(sentence), groups)
