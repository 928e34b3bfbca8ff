"""A long fuzz run of the reader properties (tests/draft/test_reader_properties.py runs 1,000 a reader).

    PYTHONPATH=. python benchmarks/fuzz_readers.py [EXAMPLES_PER_READER]   # default 20,000

Prints the examples run per reader, the time, and any falsifying text (hypothesis shrinks it first).
Needs hypothesis (in the test extra).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hypothesis import HealthCheck, given, settings  # noqa: E402

from reader_properties import check_draft, draft_texts  # noqa: E402


def run(path: str, examples: int) -> int:
    count = 0

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(draft_texts())
    def prop(text):
        nonlocal count
        count += 1
        check_draft(text, path)

    prop()
    return count


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    total = 0
    for path in ("draft.md", "draft.txt"):
        started = time.perf_counter()
        try:
            n = run(path, examples)
        except AssertionError as exc:
            print(f"{path}: FALSIFIED: {exc}")
            raise SystemExit(1)
        total += n
        print(f"{path}: {n:,} examples, no failure, {time.perf_counter() - started:.0f} s")
    print(f"total: {total:,} examples")


if __name__ == "__main__":
    main()
