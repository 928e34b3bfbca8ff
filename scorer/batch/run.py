"""One batch run: cut the input into partitions, skip those already written, score the rest, write each.

The driver is the only process that reads the input or writes the output; workers only score. So a Dask
cluster needs no shared file system, only scorer installed on its workers.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from scorer.batch.engine import InProcessEngine
from scorer.batch.inputs import open_input
from scorer.batch.output import BatchOutput
from scorer.batch.score import BatchJob, score_partition
from scorer.errors import ScorerError

DEFAULT_PARTITION_SIZE = 500


@dataclass
class BatchSummary:
    rows: int = 0
    scored: int = 0
    errors: int = 0
    claims: int = 0
    partitions: int = 0
    skipped: int = 0  # partitions already written by an earlier run
    failed: list[tuple[int, str]] = field(default_factory=list)  # (partition, why)
    seconds: float = 0.0
    new_rows: int = 0  # rows scored by this run (not skipped), for the rates
    new_claims: int = 0
    unscored: int = 0  # rows of the failed partitions: neither scored nor errors yet, left for the next run

    @property
    def complete(self) -> bool:
        return not self.failed

    def add(self, counts: dict) -> None:
        for key in ("rows", "scored", "errors", "claims"):
            setattr(self, key, getattr(self, key) + counts[key])


class NoProgress:
    def start(self, total: int | None, description: str) -> None: ...
    def skipped(self, counts: dict) -> None: ...
    def advance(self, counts: dict) -> None: ...
    def stop(self) -> None: ...


def run_batch(input_path: str | Path, output: str | Path, job: BatchJob | None = None, *, engine=None,
              partition_size: int = DEFAULT_PARTITION_SIZE, force: bool = False, progress=None,
              on_partition=None) -> BatchSummary:
    """Score every row of `input_path` into the dataset at `output`; see scorer/batch/output.py for its layout.

    `on_partition(marker, engine)` is called after each partition is written (the tests use it to kill a worker
    or interrupt the run at a known point).
    """
    if partition_size < 1:
        raise ScorerError("--partition-size must be at least 1")
    job = job or BatchJob()
    engine = engine or InProcessEngine()
    progress = progress or NoProgress()
    archive = open_input(input_path)
    out = BatchOutput(output)
    _refuse_output_as_input(Path(input_path), out.root)
    out.prepare(_signature(archive, partition_size, job), force=force)

    summary = BatchSummary()
    written: list[int] = []
    started = time.perf_counter()

    def todo():
        """Partitions not yet written; those done are checked against the input and counted as they pass."""
        for partition in archive.partitions(partition_size):
            summary.partitions += 1
            marker = out.done(partition.index)
            if marker is not None and marker.get("digest") == partition.digest:
                summary.add(marker)
                summary.skipped += 1
                written.append(partition.index)
                progress.skipped(marker)
                continue
            if marker is not None:
                raise ScorerError(f"partition {partition.index} of {input_path} is not the one {out.root} holds: "
                                  "the input changed since; use --force to score it again from the start")
            yield partition

    worker_job = per_worker(job, engine.workers)
    progress.start(archive.count(), f"scoring {engine.description}")
    try:
        for partition, result, error in engine.map_unordered(score_partition, todo(), worker_job):
            if error is None and result.counts["rows"] != len(partition.rows):
                error = RuntimeError(f"{len(partition.rows)} rows in, {result.counts['rows']} accounted for")
            if error is not None:  # not written: a rerun retries it; its rows are never silently lost
                summary.failed.append((partition.index, _describe(error)))
                summary.unscored += len(partition.rows)
                continue
            marker = out.write(result, partition.digest)
            summary.add(marker)
            summary.new_rows += marker["rows"]
            summary.new_claims += marker["claims"]
            written.append(partition.index)
            progress.advance(marker)
            if on_partition is not None:
                on_partition(marker, engine)
    finally:
        progress.stop()
        summary.seconds = time.perf_counter() - started
    if summary.complete:
        totals = {k: v for k, v in asdict(summary).items() if k in ("rows", "scored", "errors", "claims",
                                                                      "partitions")}
        out.finish(sorted(written), totals)
    return summary


def per_worker(job: BatchJob, workers: int) -> BatchJob:
    """The job as each worker runs it: the per-host request rate is shared out, so that the cluster as a whole
    sends no more requests a second to a host than one `scorer check` would."""
    fetch = job.settings.fetch
    if not fetch.enabled or fetch.rate_limit <= 0 or workers <= 1:
        return job
    return replace(job, settings=replace(job.settings, fetch=replace(fetch, rate_limit=fetch.rate_limit / workers)))


def _signature(archive, partition_size: int, job: BatchJob) -> dict:
    """What decides the partitions and their content: a rerun must match it to reuse what is written."""
    import hashlib
    import json

    from scorer import __version__

    settings = json.dumps(asdict(job.settings), sort_keys=True, default=str)
    rules = json.dumps([list(job.levels), list(job.outlets)], sort_keys=True, default=str)
    return {
        "input": str(archive.path.resolve()),
        "input kind": archive.kind,
        "partition size": partition_size,
        "settings": hashlib.sha256((settings + rules).encode()).hexdigest()[:16],
        "scorer version": __version__,
    }


def _refuse_output_as_input(input_path: Path, output: Path) -> None:
    if input_path.resolve() == output.resolve():
        raise ScorerError("--output is the input; name another directory")


def _describe(error: BaseException) -> str:
    name = type(error).__name__
    if name == "KilledWorker":
        return "the workers scoring it died (each try); it may hold an article that crashes or exhausts a worker"
    return f"{name}: {error}"
