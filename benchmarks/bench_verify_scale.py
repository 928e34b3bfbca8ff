"""Verification time against page size: a page dense with figures at 1x (490 KB) and 10x (4.9 MB).

    PYTHONPATH=. python benchmarks/bench_verify_scale.py

Linear verification takes about ten times as long at 10x; a quadratic step (as the clock-time look-behind
in verify/numbers once was) would take about a hundred times as long. The page is synthetic filler with
a figure every few words (163,000 of them at 10x), as in the hostile-input probe.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scorer.types import Article, Attribution, Claim  # noqa: E402
from scorer.verify import verify_claim  # noqa: E402
from scorer.verify.numbers import _figures, figures  # noqa: E402
from scorer.verify.text import _comparable_cached  # noqa: E402

CLAIM = 'Officials said "exports to China fell by 2.4 percent to $6.39 billion" last year.'


def page(size: int) -> Article:
    rng = random.Random(7)
    parts, n = [], 0
    while n < size:
        piece = rng.choice([f"{rng.randint(10, 99999):,}", f"{rng.randint(1, 99)}.{rng.randint(0, 9)} percent",
                            f"${rng.randint(1, 999)} million", "trade", "said", "the", "border", "officials"])
        parts.append(piece)
        n += len(piece) + 1
    return Article(url="https://bench.example.test/a", status="ok", text=" ".join(parts)[:size])


def timed(article: Article) -> tuple[float, int]:
    _comparable_cached.cache_clear()
    _figures.cache_clear()
    claim = Claim("c0", 0, CLAIM, 0, 0, len(CLAIM), 1, 1, 1, len(CLAIM), 0, len(CLAIM))
    attribution = Attribution(0, quotes=("exports to China fell by 2.4 percent to $6.39 billion",))
    started = time.perf_counter()
    verify_claim(claim, attribution, [article], "2015-02-22")
    return time.perf_counter() - started, len(figures(article.text))


def main() -> None:
    results = []
    for scale, size in (("1x", 490_000), ("10x", 4_900_000)):
        seconds, count = timed(page(size))
        results.append(seconds)
        print(f"{scale:>4}: {size:>9,} characters, {count:>7,} figures: {seconds:6.2f} s")
    print(f"ratio 10x/1x: {results[1] / results[0]:.1f} (linear: about 10; quadratic: about 100)")


if __name__ == "__main__":
    main()
