"""Benchmark: `scorer batch` throughput on 1 and 2 local Dask workers, and peak memory as the archive grows.

The archive is the corpus documents repeated into JSON Lines (tests/batch/batch_archive.py). Workers are
warmed up first (scorer imported, model and outlet registry loaded), so the rates are those of a long run,
not of start-up. Memory is the resident set size sampled every 50 ms: the driver (reads the input, writes
Parquet) and each worker process (nannies not counted), for an archive of N and of 10 N articles.

    python benchmarks/bench_batch.py [--articles 1000] [--partition-size 100] [--memory-factor 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "batch"))

from batch_archive import write_jsonl  # noqa: E402

from scorer.batch import DaskEngine, run_batch  # noqa: E402


def warm_up() -> int:
    from scorer import score_text
    from scorer.batch.score import BatchJob, _outlets_key, _registry

    job = BatchJob()
    score_text("Officials said the border was closed, a source told Reuters.", fmt="text", settings=job.settings,
               registry=_registry(_outlets_key(())))
    return os.getpid()


class PeakMemory:
    """Peak RSS of this process and of each worker process, sampled in a thread; and the CPU time each used."""

    def __init__(self, worker_pids: list[int]):
        import psutil

        self.processes = {"driver": psutil.Process()}
        self.processes.update({f"worker {pid}": psutil.Process(pid) for pid in worker_pids})
        self.peaks = dict.fromkeys(self.processes, 0)
        self.cpu = dict.fromkeys(self.processes, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self.cpu = {name: -_cpu_seconds(p) for name, p in self.processes.items()}
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        for name, process in self.processes.items():
            self.cpu[name] += _cpu_seconds(process)

    @property
    def driver_cpu(self) -> float:
        return self.cpu["driver"]

    @property
    def workers_cpu(self) -> float:
        return sum(v for k, v in self.cpu.items() if k != "driver")

    def _sample(self) -> None:
        while not self._stop.is_set():
            for name, process in self.processes.items():
                try:
                    self.peaks[name] = max(self.peaks[name], process.memory_info().rss)
                except Exception:  # noqa: BLE001  a worker restarting: skip this sample
                    pass
            self._stop.wait(0.05)

    @property
    def driver_mb(self) -> float:
        return self.peaks["driver"] / 1e6

    @property
    def worker_mb(self) -> float:
        return max(v for k, v in self.peaks.items() if k != "driver") / 1e6


def _cpu_seconds(process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def timed_run(archive: Path, out: Path, workers: int, partition_size: int):
    engine = DaskEngine.local(workers)
    try:
        pids = list(engine.client.run(warm_up).values())
        import psutil

        driver, before = psutil.Process(), time.perf_counter()
        cpu_before = _cpu_seconds(driver)
        time.sleep(3)  # the driver's CPU with the cluster idle: heartbeats and the event loop, not articles
        idle = (_cpu_seconds(driver) - cpu_before) / (time.perf_counter() - before)
        with PeakMemory(pids) as memory:
            summary = run_batch(archive, out, engine=engine, partition_size=partition_size)
    finally:
        engine.close()
    memory.idle_cpu_per_second = idle
    return summary, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--memory-factor", type=int, default=10, help="the larger archive is this many times larger")
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="scorer-bench-batch-") as tmp:
        work = Path(tmp)
        archive = write_jsonl(work / "archive.jsonl", opts.articles)
        big = write_jsonl(work / "big.jsonl", opts.articles * opts.memory_factor)  # before any run, as both are
        print(f"archive: {opts.articles:,} articles ({archive.stat().st_size / 1e6:.1f} MB), partitions of "
              f"{opts.partition_size}, {os.cpu_count()} CPU(s)")
        rates, modelled = {}, {}
        for workers in (1, 2):
            load = os.getloadavg()[0]
            summary, memory = timed_run(archive, work / f"out-{workers}", workers, opts.partition_size)
            rates[workers] = summary.scored / summary.seconds
            print(f"  {workers} worker(s): {summary.seconds:6.2f} s  {rates[workers]:7.1f} articles/s  "
                  f"{summary.claims / summary.seconds:8.0f} claims/s  (load average before: {load:.1f}; peak RSS: "
                  f"driver {memory.driver_mb:.0f} MB, worker {memory.worker_mb:.0f} MB)")
            # The wall clock is only meaningful on otherwise idle cores; CPU time is not disturbed by other load.
            # On free cores a run takes as long as the busier of: the workers' share, and the driver alone.
            modelled[workers] = max(memory.workers_cpu / workers, memory.driver_cpu)
            print(f"      CPU: workers {memory.workers_cpu:.2f} s ({summary.scored / memory.workers_cpu:.1f} articles "
                  f"per worker CPU-second), driver {memory.driver_cpu:.2f} s "
                  f"({summary.scored / max(memory.driver_cpu, 1e-9):.0f} articles per driver CPU-second)")
        print(f"  speed-up, 2 workers over 1: {rates[2] / rates[1]:.2f}x measured on the wall clock; "
              f"{modelled[1] / modelled[2]:.2f}x from CPU time on free cores (target >= 1.8x)")

        summary_big, memory_big = timed_run(big, work / "out-big", 2, opts.partition_size)
        print(f"archive x{opts.memory_factor}: {summary_big.scored:,} articles ({big.stat().st_size / 1e6:.1f} MB) "
              "on 2 "
              f"workers: {summary_big.seconds:.1f} s, {summary_big.scored / summary_big.seconds:.1f} articles/s; peak "
              f"RSS driver {memory_big.driver_mb:.0f} MB (was {memory.driver_mb:.0f}), worker "
              f"{memory_big.worker_mb:.0f} MB (was {memory.worker_mb:.0f}) (target: flat)")
        idle = memory_big.idle_cpu_per_second * summary_big.seconds
        per_article = (memory_big.driver_cpu - idle) / summary_big.scored
        print(f"  CPU: workers {summary_big.scored / memory_big.workers_cpu:.1f} articles per worker CPU-second; "
              f"driver {memory_big.driver_cpu:.2f} s, of which {idle:.2f} s is what an idle cluster costs it "
              f"({memory_big.idle_cpu_per_second:.3f} CPU-s/s), so {per_article * 1e3:.3f} ms per article "
              f"(~{1 / max(per_article, 1e-9):,.0f} articles/s before one driver core is the limit)")


if __name__ == "__main__":
    main()
