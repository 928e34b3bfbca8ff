"""Time to verify the seed draft's quotes against a 100 KB synthetic article.

    PYTHONPATH=. python benchmarks/bench_verify.py

The article is made-up filler (random tokens) with no seed quote in it except one planted copy, so
most quotes go through the fuzzy search over the whole text, the slow path.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scorer.types import Article, Attribution, Claim  # noqa: E402
from scorer.verify import quoted_spans, verify_claim  # noqa: E402
from scorer.verify.text import _comparable_cached  # noqa: E402
from scorer.verify.numbers import _figures  # noqa: E402


def seed_quotes() -> list[str]:
    text = (ROOT / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md").read_text(encoding="utf-8")
    return [q for paragraph in text.split("\n") for q in quoted_spans(paragraph)]


def article(size: int = 100_000, planted: str = "") -> Article:
    rng = random.Random(1)
    words = [f"w{i}" for i in range(4000)] + "the of and north korea china trade said source border".split()
    filler = " ".join(rng.choice(words) for _ in range(size // 4))[:size]
    text = filler[: size // 2] + " " + planted + " " + filler[size // 2 :]
    return Article(url="https://bench.example.test/a", status="ok", text=text)


def main() -> None:
    quotes = seed_quotes()
    page = article(planted=quotes[len(quotes) // 2])
    claim = Claim("c0", 0, "", 0, 0, 0, 1, 1, 1, 1, 0, 0)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        statuses = [
            verify_claim(claim, Attribution(0, quotes=(q,)), [page], "2015-02-22").status for q in quotes
        ]
        timings.append(time.perf_counter() - started)
    best, median = min(timings), statistics.median(timings)
    cold = []
    for q in quotes:  # as if every quote came with a page of its own: no cached normalisation
        _comparable_cached.cache_clear()
        _figures.cache_clear()
        started = time.perf_counter()
        verify_claim(claim, Attribution(0, quotes=(q,)), [page], "2015-02-22")
        cold.append(time.perf_counter() - started)
    print(f"article: {len(page.text):,} characters; seed quotes: {len(quotes)}")
    print(f"statuses: { {s: statuses.count(s) for s in sorted(set(statuses))} }")
    print(f"all quotes: best {best * 1000:.1f} ms, median {median * 1000:.1f} ms; "
          f"per quote {median / len(quotes) * 1000:.2f} ms (page normalised once, cached)")
    print(f"cold, page normalised for each quote: median {statistics.median(cold) * 1000:.1f} ms, "
          f"max {max(cold) * 1000:.1f} ms per quote")


if __name__ == "__main__":
    main()
