"""The model card: what the model was trained on, how well it does, and when it was made."""

from __future__ import annotations

import datetime as dt
import os

from scorer.model.evaluate import Metrics
from scorer.model.predict import FORMAT, expected_schema
from scorer.model.train import C_ADEQUATE, C_CHECK_WORTHY, C_LEVEL, CLAIMBUSTER_WEIGHT, CLASSES, Fitted


def training_date() -> str:
    # SOURCE_DATE_EPOCH makes the card reproducible too; the model file itself holds no date.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return when.date().isoformat()


def render_card(metrics: Metrics, data_hash: str, claimbuster_hash: str, model_sha256: str, fitted: Fitted,
                unaligned: int) -> str:
    rows = "\n".join(
        f"| {c} | {metrics.strength_f1[c]:.3f} | " + " | ".join(str(x) for x in metrics.confusion[i]) + " |"
        for i, c in enumerate(CLASSES)
    )
    bins = "\n".join(f"| {conf:.2f} | {share:.2f} | {count} |" for conf, share, count in metrics.reliability)
    spans = _spans_table(metrics.spans)
    cb = ("" if metrics.claimbuster_f1 is None else
          f"| ClaimBuster factual vs non-factual, held out by debate: precision / recall / F1 | "
          f"{metrics.claimbuster_precision:.3f} / {metrics.claimbuster_recall:.3f} / {metrics.claimbuster_f1:.3f} |\n")
    return f"""# Model card: scorer sourcing model

- **File**: `models/sourcing-model.json` (sha256 `{model_sha256}`, format `{FORMAT}`, feature schema
  `{expected_schema()}`): plain JSON weights, loaded with `json.loads` and checked field by field (format, schema,
  shapes, finite numbers); nothing in it is executed. Scoring is dot products and sigmoids in pure Python.
- **Trained**: {training_date()} by `scorer train` (deterministic: the same data give the same bytes).
- **Training data**:
  - `fixtures/corpus/`: {metrics.rows} labelled sentences in {metrics.documents} documents (RUBRIC.md, second
    edition; see its README for provenance), sha256 over labels and documents `{data_hash}`.
    {unaligned} label rows could not be aligned with the splitter's units.
  - `fixtures/claimbuster/crowdsourced.csv.gz`: {metrics.claimbuster_rows} debate sentences (Arslan et al.,
    "A Benchmark Dataset of Check-worthy Factual Claims", ICWSM 2020), sha256 of the CSV `{claimbuster_hash}`;
    check-worthiness only, factual = check-worthy, each row weighing {CLAIMBUSTER_WEIGHT} of a corpus row.
- **Models**: four scikit-learn `LogisticRegression` (lbfgs, L2, class_weight="balanced"):
  - check-worthiness (C={C_CHECK_WORTHY}) on {len(fitted.check_worthy["features"])} features of the sentence alone
    (`scorer/sentence.py`: word and word-pair n-grams with names folded to their shape, numbers, quantities,
    dates, tense, modality, person, questions, quotations, block kind), read after its attribution frame is cut
    off, so adding or removing "..., a spokesperson said" does not change it;
  - adequately sourced (strong or moderate) against not (C={C_ADEQUATE}) on {len(fitted.adequate["features"])}
    sourcing features (`scorer/features.py`: kinds of cue, never particular names), with a Platt calibration
    fitted on out-of-fold log-odds: its probability is the **confidence**;
  - strong vs moderate and weak vs none (C={C_LEVEL}): the level inside each side, so strength always agrees
    with the confidence (strong or moderate exactly when confidence >= 0.5).
- **Explanations**: the `why` of a claim is the features with the largest calibrated weight x value in the
  confidence's log-odds; exact for a linear model.
- **Verification**: not learned (the corpus has no fetched pages); fixed log-odds shifts stored in the model
  file under `verification_shift` move the confidence when a quote is verified, altered or not found.

## Cross-validated metrics ({metrics.folds}-fold, grouped by document: `scorer evaluate`)

Each document's sourcing is read by a span tagger trained on the other folds' documents only, as a new draft
would be read; the sourcing models are trained the same way (out-of-fold attribution), so they learn to weigh
the tagger's real mistakes.

| metric | value |
|---|---:|
| check-worthiness F1 (corpus) | {metrics.check_worthy_f1:.3f} |
{cb}| strength macro-F1 | {metrics.strength_macro_f1:.3f} |
| ROC AUC of confidence for adequately sourced | {metrics.adequate_auc:.3f} |
| expected calibration error of the confidence (10 bins) | {metrics.calibration_error:.3f} |
| strength macro-F1 / AUC with the packaged tagger, which saw every document (comparable with the figures before the tagger) | {_packaged(metrics)} |

| true \\ predicted | F1 | strong | moderate | weak | none |
|---|---:|---:|---:|---:|---:|
{rows}

Reliability of the confidence (cross-validated; `scorer evaluate --plot DIR` draws it):

| mean confidence | share adequately sourced | sentences |
|---:|---:|---:|
{bins}
{spans}
Floors: `models/floors.json` pins these figures (less a margin) to the corpus hash; `tests/model/` fails when
a metric falls under its floor or the data change without re-pinning.

## Limits

Trained on 105 documents, about half of them English-language reporting on North Korea and the rest on many
topics and outlets; the labels are one annotator's reading of RUBRIC.md. ClaimBuster is spoken debate, not news
copy, and its coders counted some predictions as factual where the rubric does not. Outlet priors come from the
media-reliability dataset (Burdisso et al., 2024) and the project's own profiles. It rates how a claim is
*sourced*, not whether it is true.
"""


def _packaged(m: Metrics) -> str:
    if m.strength_macro_f1_packaged_tagger is None:
        return "not measured"
    return f"{m.strength_macro_f1_packaged_tagger:.3f} / {m.adequate_auc_packaged_tagger:.3f}"


def _spans_table(spans: dict) -> str:
    if not spans:
        return ""
    lines = ["", "Source mentions against the labelled spans (cross-validated by document):", "",
             "| match | precision | recall | F1 |", "|---|---:|---:|---:|"]
    for match in ("overlap", "exact"):
        m = spans.get(match, {})
        if m:
            lines.append(f"| {match} | {m.get('precision', 0):.3f} | {m.get('recall', 0):.3f} | {m.get('f1', 0):.3f} |")
    if "kind_accuracy" in spans:
        lines.append(f"| kind accuracy on matched spans | | | {spans['kind_accuracy']:.3f} |")
    return "\n".join(lines) + "\n"
