"""The model card: what the model was trained on, how well it does, and when it was made."""

from __future__ import annotations

import datetime as dt
import os

from scorer.model.evaluate import Metrics
from scorer.model.train import C_CHECK_WORTHY, C_STRENGTH, CLASSES


def training_date() -> str:
    # SOURCE_DATE_EPOCH makes the card reproducible too; the model file itself holds no date.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return when.date().isoformat()


def render_card(metrics: Metrics, data_hash: str, model_sha256: str, n_features: int, unaligned: int) -> str:
    rows = "\n".join(
        f"| {c} | {metrics.strength_f1[c]:.3f} | " + " | ".join(str(x) for x in metrics.confusion[i]) + " |"
        for i, c in enumerate(CLASSES)
    )
    return f"""# Model card: scorer sourcing-strength model

- **File**: `models/sourcing-model.json` (sha256 `{model_sha256}`): plain JSON weights, loaded with
  `json.load`; nothing in it is executed. Scoring is a dot product and a softmax in pure Python.
- **Trained**: {training_date()} by `scorer train` (deterministic: the same labels give the same bytes).
- **Training data**: `fixtures/corpus/` ({metrics.rows} labelled sentences in {metrics.documents} documents;
  see its README for provenance), sha256 over labels and documents `{data_hash}`.
  {unaligned} label rows could not be aligned with the splitter's units.
- **Models**: two scikit-learn `LogisticRegression` (lbfgs, L2, class_weight="balanced"): check-worthiness
  (binary, C={C_CHECK_WORTHY}) and strength (multinomial over strong / moderate / weak / none, C={C_STRENGTH}),
  on {n_features} features named in `scorer/features.py` (cue kinds, never particular names).
- **Confidence**: P(strong) + P(moderate), the probability that a claim is adequately sourced (RUBRIC.md).
- **Verification**: not learned (the corpus has no fetched pages); fixed log-odds shifts stored in the model
  file under `verification_shift` move the confidence when a quote is verified, altered or not found.

## Cross-validated metrics ({metrics.folds}-fold, grouped by document: `scorer evaluate`)

| metric | value |
|---|---:|
| check-worthiness F1 | {metrics.check_worthy_f1:.3f} |
| strength macro-F1 | {metrics.strength_macro_f1:.3f} |
| ROC AUC of confidence for adequately sourced | {metrics.adequate_auc:.3f} |

| true \\ predicted | F1 | strong | moderate | weak | none |
|---|---:|---:|---:|---:|---:|
{rows}

## Limits

Trained on 46 documents, mostly English-language reporting on North Korea plus 7 on other topics; the
labels are one annotator's reading of RUBRIC.md. Outlet priors come from the media-reliability dataset
(Burdisso et al., 2024) and the project's own profiles. It rates how a claim is *sourced*, not whether it
is true.
"""
