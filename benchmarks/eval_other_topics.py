"""Out-of-domain check: train on the corpus's North Korea documents, test on its 7 documents on other topics.

    python benchmarks/eval_other_topics.py

Rules tuned to one beat's wording would show here. 86 check-worthy test sentences: read as direction.
"""

from __future__ import annotations

from sklearn.metrics import f1_score, roc_auc_score

from scorer.model.corpus import load_corpus
from scorer.model.dataset import Dataset, build_dataset
from scorer.model.predict import model_from_dict
from scorer.model.train import export, fit

# The corpus README's "other topics" documents.
OTHER_TOPICS = {
    "pti-2017-russia-hacking-report-trump", "cidrap-2022-china-omicron-surge", "reuters-2023-us-intel-leak",
    "cbsnews-2013-dorner-mexico-court-documents", "cbsphilly-2013-detective-investigation",
    "deadline-2018-weinstein-board-statement", "ani-2022-pakistan-who-covid-deaths",
}


def main() -> None:
    data = build_dataset(load_corpus())
    train = [i for i, g in enumerate(data.groups) if g not in OTHER_TOPICS]
    test = [i for i, g in enumerate(data.groups) if g in OTHER_TOPICS]
    subset = Dataset(*([getattr(data, f)[i] for i in train] for f in ("features", "check_worthy", "strength", "groups")))
    model = model_from_dict(export(fit(subset)))
    cw = f1_score([data.check_worthy[i] for i in test],
                  [model.check_worthy_probability(data.features[i]) >= 0.5 for i in test])
    rated = [i for i in test if data.strength[i]]
    probs = [model.strength_probabilities(data.features[i]) for i in rated]
    truth = [data.strength[i] for i in rated]
    macro = f1_score(truth, [max(p, key=p.get) for p in probs], average="macro")
    auc = roc_auc_score([t in ("strong", "moderate") for t in truth], [p["strong"] + p["moderate"] for p in probs])
    print(f"trained on {len(train)} North Korea sentences, tested on {len(test)} from 7 other-topic documents: "
          f"check-worthiness F1 {cw:.3f}, strength macro-F1 {macro:.3f}, AUC {auc:.3f}")


if __name__ == "__main__":
    main()
