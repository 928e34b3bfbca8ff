"""Finding the figures of a page is linear in its size: a page dense with figures is no hang."""

from __future__ import annotations

import random
import time

from scorer.verify.numbers import _figures


def test_a_megabyte_dense_with_figures_is_scanned_in_seconds():
    rng = random.Random(3)
    text = " ".join(rng.choice([f"{rng.randint(10, 99999):,}", f"{rng.randint(1, 99)}.5 percent", "said", "10:30"])
                    for _ in range(150_000))
    started = time.perf_counter()
    found = _figures.__wrapped__(text)
    elapsed = time.perf_counter() - started
    assert len(found) > 50_000
    assert elapsed < 10  # the clock-time look-behind that scanned from the start took minutes here
