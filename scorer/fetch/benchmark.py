"""The article-extraction benchmark: each page through the real extraction path, scored word by word.

The metric is the benchmark's own family: bag-of-words precision, recall and F1 of the extracted text
against the human-marked article body (words are \\w+ runs, lower-cased, counted with multiplicity).
Used by `benchmarks/eval_extraction.py` (the report) and tests/fetch/test_extraction_benchmark.py (the floors).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "benchmarks" / "data" / "article-extraction-benchmark"
FLOORS_FILE = ROOT / "benchmarks" / "extraction_floors.json"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    truth: str
    path: Path

    @property
    def html_bytes(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def word_scores(truth: str, got: str) -> Score:
    want = Counter(_WORD.findall(truth.lower()))
    have = Counter(_WORD.findall(got.lower()))
    common = sum((want & have).values())
    precision = common / sum(have.values()) if have else float(not want)
    recall = common / sum(want.values()) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def load_pages(data_dir: Path = DATA_DIR) -> list[Page]:
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(id=key, url=item["url"], truth=item.get("articleBody") or "", path=data_dir / "html" / f"{key}.html.gz")
        for key, item in sorted(truth.items())
    ]


def data_hash(data_dir: Path = DATA_DIR) -> str:
    """sha256 over the ground truth and every page, in name order: the floors hold for this data only."""
    digest = hashlib.sha256()
    for path in [data_dir / "ground-truth.json", *sorted((data_dir / "html").glob("*.html.gz"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def ours(page: Page):
    """The Article the fetch layer makes of the page, under its original URL (as `scorer cache import` would)."""
    from scorer.fetch.decode import decode_body
    from scorer.fetch.outlet import outlet_key
    from scorer.fetch.pages import build_article

    html = decode_body(page.html_bytes, "text/html")
    return build_article(page.url, page.url, html, "text/html", outlet=outlet_key(page.url))


def plain_trafilatura(page: Page) -> str:
    """trafilatura.extract with its defaults, on the same decoded HTML: the reference to beat."""
    from scorer.fetch.decode import decode_body
    from scorer.fetch.extract import load_trafilatura

    html = decode_body(page.html_bytes, "text/html")
    return load_trafilatura().extract(html, url=page.url) or ""


def load_floors(path: Path = FLOORS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
