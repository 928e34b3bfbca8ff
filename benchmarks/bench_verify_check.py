"""Issue 4: the seed checked against recorded pages from a warm cache, against `--no-fetch`.

    python benchmarks/bench_verify_check.py

Whole processes, median of 7 runs each. Target: the warm-cache run costs no more than 1.5x `--no-fetch`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"


def wall(args: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "scorer", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        subprocess.run([sys.executable, "-m", "scorer", "cache", "import", str(ROOT / "fixtures/pages/manifest.json"),
                        "--cache-dir", cache], check=True, stderr=subprocess.DEVNULL)
        no_fetch = wall(["check", str(SEED), "--no-fetch", "--format", "json"])
        warm = wall(["check", str(SEED), "--offline", "--cache-dir", cache, "--format", "json"])
    print(f"seed --no-fetch {no_fetch * 1000:.0f} ms; with recorded pages from a warm cache {warm * 1000:.0f} ms; "
          f"ratio {warm / no_fetch:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
