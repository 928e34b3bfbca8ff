"""`scorer train` and `scorer evaluate`: need scikit-learn (pip install 'sourcing-scorer[train]')."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.cli.options import format_option, json_alias_option, pick_format
from scorer.errors import ExitStatus, ScorerError
from scorer.fileio import write_atomic

_REPO = Path(__file__).resolve().parents[2]
_PACKAGED = Path(__file__).resolve().parents[1] / "data" / "sourcing-model.json"
_CLAIMBUSTER = _REPO / "fixtures" / "claimbuster" / "crowdsourced.csv.gz"


def _need_sklearn() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise ScorerError("training and evaluation need scikit-learn: pip install 'sourcing-scorer[train]'") from None


@app.command()
@handles_errors
def train(
    corpus: Path = typer.Option(_REPO / "fixtures" / "corpus", "--corpus", metavar="DIR", show_default=False,
                                help="Labelled corpus directory (labels.jsonl and docs/). Default: fixtures/corpus."),
    claimbuster: Path = typer.Option(_CLAIMBUSTER, "--claimbuster", metavar="FILE", show_default=False,
                                     help="ClaimBuster CSV (optionally .gz): extra check-worthiness rows. "
                                          "Default: fixtures/claimbuster/crowdsourced.csv.gz."),
    output: Path = typer.Option(_REPO / "models", "--output", "-o", metavar="DIR", show_default=False,
                                help="Directory for sourcing-model.json and MODEL_CARD.md. Default: models."),
) -> int:
    """Retrain the model on the labelled corpus and write it with its model card."""
    _need_sklearn()
    import hashlib

    from scorer.model.card import render_card
    from scorer.model.evaluate import full_metrics
    from scorer.model.train import dumps, export, fit

    from scorer.attribution.tagger import write_tagger

    loaded, data, extra, spans = _load(corpus, claimbuster)
    output.mkdir(parents=True, exist_ok=True)
    in_checkout = output.resolve() == (_REPO / "models").resolve() and _PACKAGED.parent.is_dir()
    tagger_sha = write_tagger(loaded, (output, _PACKAGED.parent) if in_checkout else (output,), loaded.data_hash)
    fitted = fit(data, extra)
    text = dumps(export(fitted))
    metrics = full_metrics(loaded, data, extra, spans)
    write_atomic(output / "sourcing-model.json", text)
    if in_checkout:
        write_atomic(_PACKAGED, text)  # in a checkout, the copy the package ships (a real file, not a link)
    digest = hashlib.sha256(text.encode()).hexdigest()
    write_atomic(output / "MODEL_CARD.md",
                 render_card(metrics, loaded.data_hash, _file_hash(claimbuster), digest, fitted, len(loaded.unaligned)))
    print(f"wrote {output / 'sourcing-model.json'} (sha256 {digest[:12]}) and the span tagger (sha256 "
          f"{tagger_sha[:12]})", file=sys.stderr)
    _print_metrics(metrics)
    return ExitStatus.OK


@app.command()
@handles_errors
def evaluate(
    corpus: Path = typer.Option(_REPO / "fixtures" / "corpus", "--corpus", metavar="DIR", show_default=False,
                                help="Labelled corpus directory. Default: fixtures/corpus."),
    claimbuster: Path = typer.Option(_CLAIMBUSTER, "--claimbuster", metavar="FILE", show_default=False,
                                     help="ClaimBuster CSV (optionally .gz), evaluated held out by debate. "
                                          "Default: fixtures/claimbuster/crowdsourced.csv.gz."),
    floors: Path = typer.Option(_REPO / "models" / "floors.json", "--floors", metavar="FILE",
                                show_default=False, help="Pinned score floors (JSON) to check against. Default: models/floors.json."),
    plot: Optional[Path] = typer.Option(None, "--plot", metavar="DIR",
                                        help="Write reliability.png and confusion.png into this directory."),
    output_format: str = format_option(("table", "json"), help="Output format: table or json.  [default: table]"),
    json_alias: bool = json_alias_option(),
) -> int:
    """Cross-validated metrics grouped by document, checked against the pinned floors (exit 1 if under)."""
    json_output = pick_format(output_format, ("table", "json"), json_alias) == "json"
    _need_sklearn()
    import json

    from scorer.model.evaluate import below_floors, full_metrics, load_floors, write_plots

    loaded, data, extra, spans = _load(corpus, claimbuster)
    metrics = full_metrics(loaded, data, extra, spans)
    if json_output:
        print(json.dumps({**metrics.as_dict(), "data_hash": loaded.data_hash}, indent=2))
    else:
        _print_metrics(metrics)
    if plot is not None:
        for path in write_plots(metrics, plot):
            print(f"wrote {path}", file=sys.stderr)
    if not floors.exists():
        return ExitStatus.OK
    pinned = load_floors(floors)
    if pinned.get("data_hash") != loaded.data_hash:
        print(f"note: the corpus changed since the floors were pinned (hash {loaded.data_hash[:12]})", file=sys.stderr)
    failures = below_floors(metrics, pinned)
    for failure in failures:
        print(f"scorer: {failure}", file=sys.stderr)
    return ExitStatus.FINDINGS if failures else ExitStatus.OK


def _load(corpus: Path, claimbuster: Path):
    from scorer.model.corpus import load_corpus
    from scorer.model.dataset import honest_dataset, load_claimbuster

    if not (corpus / "labels.jsonl").exists():
        raise ScorerError(f"{corpus}: no labels.jsonl here")
    if not claimbuster.is_file():
        raise ScorerError(f"{claimbuster}: no ClaimBuster file here (see fixtures/claimbuster/README.md)")
    loaded = load_corpus(corpus)
    data, spans = honest_dataset(loaded)
    return loaded, data, load_claimbuster(claimbuster), spans


def _file_hash(path: Path) -> str:
    import gzip
    import hashlib

    raw = path.read_bytes()
    return hashlib.sha256(gzip.decompress(raw) if path.suffix == ".gz" else raw).hexdigest()


def _print_metrics(m) -> None:
    print(f"grouped {m.folds}-fold cross-validation over {m.rows} sentences in {m.documents} documents")
    print(f"  check-worthiness F1          {m.check_worthy_f1:.3f}  (sentence model alone {m.check_worthy_f1_sentence_only:.3f})")
    print(f"  strength macro-F1            {m.strength_macro_f1:.3f}  "
          + "  ".join(f"{c} {v:.3f}" for c, v in m.strength_f1.items()))
    print(f"  ROC AUC (adequately sourced) {m.adequate_auc:.3f}")
    print(f"  calibration error (ECE)      {m.calibration_error:.3f}")
    if m.claimbuster_f1 is not None:
        print(f"  ClaimBuster, held out by debate ({m.claimbuster_rows} sentences): factual P {m.claimbuster_precision:.3f}"
              f"  R {m.claimbuster_recall:.3f}  F1 {m.claimbuster_f1:.3f}")
    if m.strength_macro_f1_packaged_tagger is not None:
        print(f"  with the packaged tagger (it saw every document): macro-F1 {m.strength_macro_f1_packaged_tagger:.3f}"
              f"  AUC {m.adequate_auc_packaged_tagger:.3f}")
    if m.spans:
        o, e = m.spans["overlap"], m.spans["exact"]
        print(f"  source mentions, overlap     P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}"
              f"   exact F1 {e['f1']:.3f}   kind accuracy {m.spans['kind_accuracy']:.3f}")
        print("    per kind (overlap F1): " + "  ".join(f"{k} {v['f1']:.3f}" for k, v in m.spans["per_kind"].items()))
    print("  confusion (rows true, columns predicted: strong moderate weak none)")
    for c, row in zip(m.strength_f1, m.confusion):
        print(f"    {c:<9}" + "".join(f"{x:>6}" for x in row))
