"""Scoring a whole archive: `scorer batch` (Dask, Parquet out) and `scorer stats` (DuckDB, matplotlib).

    from scorer.batch import BatchJob, run_batch
    summary = run_batch("archive.jsonl", "out/")          # in this process
    # or on Dask: run_batch(..., engine=DaskEngine.local(4)) / DaskEngine.connect("tcp://host:8786")

Rooms: inputs.py (reading partitions), records.py (a row to an article or an error), score.py (one
partition on a worker), engine.py (in-process or Dask), output.py (the Parquet dataset, atomic and
resumable), run.py (one run), progress.py, stats.py / stats_format.py / plots.py (`scorer stats`).
Dask, pyarrow, DuckDB and matplotlib are imported only where used: `pip install 'scorer[batch]'`.
"""

from __future__ import annotations

from scorer.batch.engine import DaskEngine, InProcessEngine
from scorer.batch.run import BatchSummary, run_batch
from scorer.batch.score import BatchJob

__all__ = ["BatchJob", "BatchSummary", "DaskEngine", "InProcessEngine", "run_batch"]
