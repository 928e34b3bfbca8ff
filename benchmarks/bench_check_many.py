"""Benchmark: `scorer check --format sarif --no-fetch` over 200 drafts, as a whole process.

Drafts are the fixtures (the seed as .md and .txt, and the corpus documents) repeated into a
temporary directory until there are 200. Prints drafts a second for the 200-draft run, the time
of a run on one draft, and the difference, so that start-up cost is visible.

    python benchmarks/bench_check_many.py [--drafts 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "fixtures" / "drafts").glob("*.*")) + sorted((ROOT / "fixtures" / "corpus" / "docs").glob("*.md"))


def run(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "scorer", "check", *args], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"scorer check failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is shown")
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="scorer-bench-") as tmp:
        work = Path(tmp)
        drafts = work / "drafts"
        drafts.mkdir()
        total_bytes = 0
        for i, source in zip(range(opts.drafts), itertools.cycle(SOURCES)):
            target = drafts / f"{i:03d}-{source.name}"
            shutil.copyfile(source, target)
            total_bytes += target.stat().st_size
        one = sorted(drafts.iterdir())[0]
        common = ["--format", "sarif", "--no-fetch", "--exit-zero", "--output"]
        # PYTHONPATH-free: run from the repository so `python -m scorer` finds the package either way.
        many = [run([*common, str(work / "many.sarif"), str(drafts)], ROOT) for _ in range(opts.repeat)]
        single = [run([*common, str(work / "one.sarif"), str(one)], ROOT) for _ in range(opts.repeat)]
        imports = [run_import() for _ in range(opts.repeat)]

    t_many, t_one, t_import = statistics.median(many), statistics.median(single), statistics.median(imports)
    print(f"drafts: {opts.drafts} ({total_bytes / 1e6:.2f} MB), runs: {opts.repeat}, median times")
    print(f"  200 drafts, whole process : {t_many:7.3f} s  -> {opts.drafts / t_many:7.1f} drafts/s")
    print(f"  1 draft, whole process    : {t_one:7.3f} s")
    print(f"  per extra draft           : {(t_many - t_one) / (opts.drafts - 1) * 1000:7.2f} ms "
          f"-> {(opts.drafts - 1) / max(t_many - t_one, 1e-9):7.1f} drafts/s after start-up")
    print(f"  python -c 'import scorer.cli' : {t_import:7.3f} s (start-up floor)")


def run_import() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import scorer.cli"], cwd=ROOT, check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
