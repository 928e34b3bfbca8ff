"""The span tagger: which words of a sentence name its sources, and of what kind.

A linear-chain CRF (CRFsuite) over the sentence's tokens, with BIO labels per kind (B-person, I-person,
..., O). Features are the word, its shape and suffix, the general word classes of `lexicon.py`, whether
the outlet registry knows a name there, whether the word is inside a quotation, and the same for the
words up to two either side. Trained on the labelled spans of the corpus (`train_tagger`); stored as
CRFsuite's own model file, which loading reads as data and never runs, beside a small JSON stamp with
its sha256 and the hash of the feature schema, so a model built for other features is refused.

Fast on purpose (it runs on every sentence of `scorer check`): a word's features are computed once and
cached, a sentence costs one tokenising regex, list concatenations and the CRF's Viterbi pass.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from scorer.attribution import lexicon
from scorer.attribution.tokens import PATTERN as _TOKEN_PATTERN
from scorer.attribution.tokens import tokenize
from scorer.errors import ModelError
from scorer.quoting import quote_spans

SCHEMA_VERSION = "span-tagger-v5"  # bump when a feature template changes
KINDS = ("outlet", "person", "organization", "document", "anonymous", "vague")
WINDOW = (-2, -1, 1, 2)
MODEL_NAME = "span-tagger.crfsuite"
STAMP_NAME = "span-tagger.json"
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
# CRFsuite training: L-BFGS is deterministic, so the same spans give the same model bytes.
TRAIN_PARAMS = {
    "c1": 0.3,  # chosen by grouped 5-fold CV of span F1 (0.05 to 0.5 tried); L1 also keeps the model small
    "c2": 0.001,
    "max_iterations": 300,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def schema_hash() -> str:
    """sha256 of everything that decides a token's features: change any of it and old models are refused."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    h.update(json.dumps([list(WINDOW), KINDS]).encode())
    for name, words in lexicon.CLASSES:
        h.update(name.encode())
        h.update(" ".join(sorted(words)).encode())
    h.update(" ".join(sorted(_RUN_INNER | _CLAUSE_BREAK | _SPEECH)).encode())
    h.update(_TOKEN_PATTERN.encode())
    return h.hexdigest()


def _shape(word: str) -> str:
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


_CLASS_LIST = lexicon.CLASSES
_COMMON = lexicon.FUNCTION_WORDS


_SPEECH = lexicon.SPEECH | lexicon.COMMUNICATIVE
_CLAUSE_BREAK = frozenset(".;:!?“”\"()—–")
_RUN_INNER = frozenset("of for the and & de van von al bin der".split())
_NORMAL, _BREAK, _SPEECH_WORD, _ACCORDING = 0, 1, 2, 3


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else "4-6" if d <= 6 else "7-12" if d <= 12 else ""


class _Features:
    """Per-word feature lists, computed once a word and kept: most words recur across sentences.

    With `known` (the attributes a trained model has weights for), every list and table keeps only those:
    the CRF would look up and drop the others, and that look-up is most of its cost.
    """

    def __init__(self, known: frozenset[str] | None = None) -> None:
        self.known = known
        self._cache: dict[str, tuple] = {}
        keep = self._keep
        # context features by (distance, capitalised): precomputed strings, no formatting per token
        self.left = {(d, c): keep([f"svL{'C' if c else 'l'}={_bucket(d)}"])
                     for d in range(1, 13) for c in (True, False)}
        self.right = {(d, c): keep([f"svR{'C' if c else 'l'}={_bucket(d)}"])
                      for d in range(1, 13) for c in (True, False)}
        self.left_table = [[[]] + [self.left[(d, c)] for d in range(1, 13)] for c in (False, True)]
        self.right_table = [[[]] + [self.right[(d, c)] for d in range(1, 13)] for c in (False, True)]
        self.run = {(pos, size): keep([f"run={pos}{size}"])
                    for pos in "SBIE" for size in ("1", "2", "3+")}
        self.single = {name: keep([name]) for name in ("bos", "eos", "q", "acc", "regB=news", "regI=news",
                                                        "regB=org", "regI=org")}

    def _keep(self, feats: list[str]) -> list[str]:
        return feats if self.known is None else [f for f in feats if f in self.known]

    def word(self, token: str) -> tuple:
        """(own features, as seen from 2 before, 1 before, 1 after, 2 after, word type, capitalised)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        low = token.lower()
        shape = _shape(token)
        key = low[:-1] if len(low) > 2 and low.endswith(".") else low  # "Dr." is the title "dr"
        classes = [name for name, words in _CLASS_LIST if key in words]
        cap = token[:1].isupper()
        # A capitalised word is known by its shape and classes, not by itself: names must not be memorised
        # (the tagger has to find names it never saw), common words and sentence-initial ones ("The") are.
        known = low if (not cap or classes or low in _COMMON) else "<Cap>"
        # Each feature string costs the CRF a look-up, so none is redundant: capitalisation is in the shape,
        # the function-word class only where the word itself is not a feature (±2).
        near_classes = [c for c in classes if c != "func"]
        own = ["w=" + known, "sh=" + shape, *("L=" + c for c in near_classes)]
        lists = [own]
        for off in WINDOW:
            p = f"{off}"
            if off in (-1, 1):
                feats = [p + "w=" + known, *(p + "L=" + c for c in near_classes)]
            else:
                feats = [p + "L=" + c for c in classes]
            lists.append(feats)
        lists = [self._keep(fs) for fs in lists]
        kind = (_BREAK if token in _CLAUSE_BREAK else _ACCORDING if low == "according"
                else _SPEECH_WORD if low in _SPEECH else _NORMAL)
        hit = (*lists, kind, cap or (low in _RUN_INNER and 2))
        if len(self._cache) < 200_000:
            self._cache[token] = hit
        return hit


_FEATURES = _Features()


def sentence_features(text: str, tokens: list[tuple[int, int, str]], registry=None,
                      cache: _Features = _FEATURES, names=None, quotes=None) -> list[list[str]]:
    """One feature list per token: its word's, its neighbours' (±2) and its context's.

    `names`, `quotes`: the registry's matches and the quotations in the text, when the caller has them
    already (else found here)."""
    n = len(tokens)
    if not n:
        return []
    word, get = cache.word, cache._cache.get
    pw = [get(t[2]) or word(t[2]) for t in tokens]
    single = cache.single
    ext: list[list[str]] = [[] for _ in range(n)]
    ext[0] += single["bos"]
    ext[-1] += single["eos"]
    if quotes is None and ("“" in text or '"' in text or "”" in text):
        quotes = quote_spans(text)
    if quotes:
        q = single["q"]
        for i, (a, _, _) in enumerate(tokens):
            for qa, qb in quotes:
                if qa <= a < qb:
                    ext[i] += q
                    break
    if names is None and registry is not None:
        names = registry.find_names(text)
    if names:
        for a, b, outlet in names:
            tag = "news" if outlet.is_news else "org"
            first = True
            for i, (ta, tb, _) in enumerate(tokens):
                if ta >= b:
                    break
                if ta >= a and tb <= b:
                    ext[i] += single[("regB=" if first else "regI=") + tag]
                    first = False
    _context(pw, ext, cache)
    empty: list[str] = []
    pad = (empty,) * 5
    padded = [pad, pad, *pw, pad, pad]
    for i in range(n):
        f = ext[i]  # a fresh list per token: extended in place, no intermediate lists
        f += pw[i][0]
        f += padded[i][1]
        f += padded[i + 1][2]
        f += padded[i + 3][3]
        f += padded[i + 4][4]
    return ext


def _context(pw: list[tuple], ext: list[list[str]], cache: _Features) -> None:
    """Features that need more than a ±2 window: how far the nearest speech verb is on either side (within
    the clause), whether "according to" opened the stretch, and the run of capitalised words a token is in."""
    n = len(pw)
    kinds = [p[5] for p in pw]
    caps = [p[6] for p in pw]
    acc = cache.single["acc"]
    if _SPEECH_WORD in kinds or _ACCORDING in kinds:
        left, right = cache.left_table, cache.right_table  # [capitalised][distance]
        last = -1  # the last speech word in this clause
        according = -99
        for i in range(n):
            kind = kinds[i]
            if kind == _BREAK:
                last, according = -1, -99
                continue
            if last >= 0 and i - last <= 12:
                ext[i] += left[caps[i] is True][i - last]
            if i - according <= 10:
                ext[i] += acc
            if kind == _ACCORDING:
                according = i + 1
            elif kind == _SPEECH_WORD:
                last = i
        nxt = -1
        for i in range(n - 1, -1, -1):
            kind = kinds[i]
            if kind == _BREAK:
                nxt = -1
                continue
            if nxt >= 0 and nxt - i <= 12:
                ext[i] += right[caps[i] is True][nxt - i]
            if kind == _SPEECH_WORD:
                nxt = i
    if True not in caps:
        return
    run = cache.run
    i = 0
    while i < n:
        if caps[i] is True:
            j = i + 1
            while j < n and (caps[j] is True or (caps[j] == 2 and j + 1 < n and caps[j + 1] is True)):
                j += 1
            length = j - i
            size = "1" if length == 1 else "2" if length == 2 else "3+"
            if length == 1:
                ext[i] += run[("S", size)]
            else:
                ext[i] += run[("B", size)]
                inner = run[("I", size)]
                for k in range(i + 1, j - 1):
                    ext[k] += inner
                ext[j - 1] += run[("E", size)]
            i = j
        else:
            i += 1


def collapse_quotes(tokens: list[tuple[int, int, str]], quotes) -> list[tuple[int, int, str]]:
    """The tokens with each quotation of four tokens or more replaced by one placeholder spanning it.

    Words inside a quotation are the speaker's and almost never name the sentence's source (2 % of the
    corpus's spans), while they are a sixth of all words: the tagger reads the quotation as one word."""
    if not quotes:
        return tokens
    out = []
    qi = 0
    i = 0
    n = len(tokens)
    while i < n:
        a = tokens[i][0]
        while qi < len(quotes) and quotes[qi][1] <= a:
            qi += 1
        if qi < len(quotes) and quotes[qi][0] <= a < quotes[qi][1]:
            qb = quotes[qi][1]
            j = i
            while j < n and tokens[j][0] < qb:
                j += 1
            if j - i >= 4:
                out.append((tokens[i][0], tokens[j - 1][1], "<QUOTE>"))
                i = j
                continue
        out.append(tokens[i])
        i += 1
    return out


def bio_labels(tokens: list[tuple[int, int, str]], spans: list[tuple[int, int, str]]) -> list[str]:
    labels = ["O"] * len(tokens)
    for a, b, kind in spans:
        first = True
        for i, (ta, tb, _) in enumerate(tokens):
            if ta >= a and tb <= b:
                labels[i] = ("B-" if first else "I-") + kind
                first = False
    return labels


def spans_from_labels(tokens: list[tuple[int, int, str]], labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each labelled run: a B starts one, an I of another kind starts one too."""
    out: list[tuple[int, int, str]] = []
    cur: list | None = None
    for (a, b, _), lab in zip(tokens, labels):
        if lab == "O":
            cur = None
            continue
        bio, kind = lab[0], lab[2:]
        if bio == "B" or cur is None or cur[2] != kind:
            cur = [a, b, kind]
            out.append(cur)
        else:
            cur[1] = b
    return [tuple(s) for s in out]


@dataclass
class SpanTagger:
    """A loaded CRFsuite model; `tag(text)` gives (start, end, kind) spans in the text."""

    _tagger: object
    registry: object = None
    _cache: _Features | None = None

    def __post_init__(self) -> None:
        if self._cache is None:
            self._cache = _Features(_known_attributes(self._tagger))

    def tag(self, text: str, tokens: list[tuple[int, int, str]] | None = None,
            names=None, quotes=None) -> list[tuple[int, int, str]]:
        tokens = tokenize(text) if tokens is None else tokens
        if quotes is None and ("“" in text or '"' in text or "”" in text):
            quotes = quote_spans(text)
        tokens = collapse_quotes(tokens, quotes)
        if not tokens:
            return []
        labels = self._tagger.tag(sentence_features(text, tokens, self.registry, self._cache, names, quotes))
        if labels.count("O") == len(labels):
            return []
        return spans_from_labels(tokens, labels)


def _known_attributes(tagger) -> frozenset[str]:
    """The attributes the model has a weight for (L1 leaves most at zero and the file keeps only these)."""
    info = tagger.info()
    return frozenset(attr for attr, _ in info.state_features)


def _open(path: Path):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def load_tagger(directory: Path = DATA_DIR, registry=None) -> SpanTagger:
    """The stored tagger, checked against its stamp: sha256 of the model file and of the feature schema."""
    model, stamp_file = Path(directory) / MODEL_NAME, Path(directory) / STAMP_NAME
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
        data = model.read_bytes()
    except (OSError, ValueError) as exc:
        raise ModelError(f"span tagger: cannot read {stamp_file} / {model} ({exc})") from None
    if stamp.get("schema_sha256") != schema_hash():
        raise ModelError(f"span tagger {model} was built for another feature schema: retrain it with `scorer train`")
    if stamp.get("model_sha256") != hashlib.sha256(data).hexdigest():
        raise ModelError(f"span tagger {model} does not match the sha256 in {stamp_file}")
    if registry is None:
        from scorer.outlets import get_registry

        registry = get_registry()
    return SpanTagger(_open(model), registry)


_DEFAULT: SpanTagger | None = None


def default_tagger() -> SpanTagger:
    """The packaged tagger, loaded once on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_tagger()
    return _DEFAULT


def training_sequences(corpus, docs: set[str] | None = None, registry=None):
    """(features, labels) per labelled unit, in corpus order."""
    from scorer.model.spans import gold_spans

    for row in corpus.rows:
        if docs is not None and row.doc not in docs:
            continue
        text = row.claim.text
        tokens = tokenize(text)
        if "“" in text or '"' in text or "”" in text:
            tokens = collapse_quotes(tokens, quote_spans(text))
        if not tokens:
            continue
        yield sentence_features(text, tokens, registry), bio_labels(tokens, gold_spans(row))


def train_tagger(corpus, path: Path, docs: set[str] | None = None, registry=None) -> Path:
    """Train on the corpus's labelled spans (only `docs` when given) and write CRFsuite's model file."""
    import pycrfsuite

    if registry is None:
        from scorer.outlets import get_registry

        registry = get_registry()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for feats, labels in training_sequences(corpus, docs, registry):
        trainer.append(feats, labels)
    trainer.set_params(TRAIN_PARAMS)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


def fit_tagger(corpus, docs: set[str] | None = None, registry=None) -> SpanTagger:
    """A tagger trained in memory (through a temporary file), for cross-validation."""
    import tempfile

    if registry is None:
        from scorer.outlets import get_registry

        registry = get_registry()
    with tempfile.TemporaryDirectory() as tmp:
        path = train_tagger(corpus, Path(tmp) / MODEL_NAME, docs, registry)
        return SpanTagger(_open(path), registry)


def write_tagger(corpus, directories: tuple[Path, ...], data_hash: str | None = None, registry=None) -> str:
    """Train on the whole corpus and write the model file plus its stamp into each directory (real files,
    not links, so an installed package has them). Returns the model's sha256."""
    import tempfile

    from scorer.fileio import write_atomic

    with tempfile.TemporaryDirectory() as tmp:
        data = train_tagger(corpus, Path(tmp) / MODEL_NAME, None, registry).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    stamp = json.dumps({
        "format": SCHEMA_VERSION,
        "model": MODEL_NAME,
        "model_sha256": digest,
        "schema_sha256": schema_hash(),
        "corpus_sha256": data_hash or getattr(corpus, "data_hash", None),
        "labels": ["O", *(f"{b}-{k}" for k in KINDS for b in "BI")],
        "train_params": TRAIN_PARAMS,
    }, indent=1, sort_keys=True) + "\n"
    for d in directories:
        d = Path(d)
        d.mkdir(parents=True, exist_ok=True)
        tmp_model = d / (MODEL_NAME + ".tmp")
        tmp_model.write_bytes(data)
        tmp_model.replace(d / MODEL_NAME)
        write_atomic(d / STAMP_NAME, stamp)
    return digest


def main(argv: list[str] | None = None) -> int:
    """`python -m scorer.attribution.tagger [CORPUS]`: retrain the tagger on the corpus's spans and write it
    to models/ and the package data directory (what `scorer train` calls first: attribution feeds the
    strength model)."""
    import sys

    from scorer.model.corpus import DEFAULT_CORPUS, load_corpus

    args = sys.argv[1:] if argv is None else argv
    corpus = load_corpus(Path(args[0]) if args else DEFAULT_CORPUS)
    digest = write_tagger(corpus, (MODELS_DIR, DATA_DIR))
    print(f"wrote {MODELS_DIR / MODEL_NAME} and {DATA_DIR / MODEL_NAME} (sha256 {digest[:12]})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
