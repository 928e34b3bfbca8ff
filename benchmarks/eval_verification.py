"""What verification adds (issue 4): the seed scored with and without its recorded pages.

    python benchmarks/eval_verification.py

The model is trained without the seed (so the seed is unseen), then the seed is scored twice: with
`--no-fetch`, and against the recorded pages of fixtures/pages through the offline cache. Both runs are
compared with the seed's labels. The seed is the only labelled document whose cited pages are recorded,
so this is a small sample (56 check-worthy sentences): read it as direction, not precision.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from sklearn.metrics import f1_score, roc_auc_score

from scorer.fetch.replay import import_manifest
from scorer.model.corpus import load_corpus
from scorer.model.dataset import Dataset, build_dataset
from scorer.model.train import CLASSES, dumps, export, fit
from scorer.pipeline import score_file
from scorer.settings import CheckSettings, FetchSettings

ROOT = Path(__file__).resolve().parents[1]
SEED_DOC = "kim-jong-un-seeks-friends"


def main() -> None:
    corpus = load_corpus()
    data = build_dataset(corpus)
    keep = [i for i, g in enumerate(data.groups) if g != SEED_DOC]
    held_out = Dataset(*([getattr(data, f)[i] for i in keep] for f in ("features", "check_worthy", "strength", "groups")))
    labels = {r.claim.index: r.strength for r in corpus.rows if r.doc == SEED_DOC and r.strength}
    seed_path = ROOT / "fixtures" / "corpus" / "docs" / f"{SEED_DOC}.md"
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "model.json"
        model.write_text(dumps(export(fit(held_out))), encoding="utf-8")
        fetch = FetchSettings(offline=True, cache_dir=str(Path(tmp) / "cache"))
        import_manifest(ROOT / "fixtures" / "pages" / "manifest.json", fetch)
        for name, settings in (
            ("without verification (--no-fetch)", CheckSettings(model_path=str(model), fetch=FetchSettings(enabled=False))),
            ("with recorded pages (--offline)", CheckSettings(model_path=str(model), fetch=fetch)),
        ):
            report = score_file(seed_path, settings)
            rows = [(labels[r.claim.index], r) for r in report.results if r.claim.index in labels]
            truth = [t for t, _ in rows]
            probs = [dict(r.score.probabilities) if r.score.probabilities else None for _, r in rows]
            # strength is read even where check-worthiness was missed, as `scorer evaluate` does
            pred = [max(p, key=p.get) if p else "none" for p in probs]
            conf = [p["strong"] + p["moderate"] if p else 0.0 for p in probs]
            verified = sum(1 for _, r in rows if r.verification and r.verification.status == "verified")
            print(f"{name}: strength macro-F1 {f1_score(truth, pred, labels=list(CLASSES), average='macro'):.3f}, "
                  f"AUC {roc_auc_score([t in ('strong', 'moderate') for t in truth], conf):.3f} "
                  f"({len(rows)} check-worthy sentences, {verified} verified)")


if __name__ == "__main__":
    main()
