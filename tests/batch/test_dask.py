"""On a LocalCluster of two worker processes, one killed mid-run: the output is complete and is exactly the
output of a run in one process."""

from __future__ import annotations

import os
import signal

import pyarrow.parquet as pq

from batch_archive import BAD_JSONL, write_jsonl
from scorer.batch import DaskEngine, run_batch

ARTICLES = 300  # about 3 s of scoring on one core; enough partitions (of 12) for a kill to land mid-run


def output_tables(out):
    claims = pq.read_table(out / "claims").sort_by([("row", "ascending"), ("claim_index", "ascending")])
    articles = pq.read_table(out / "articles.parquet").sort_by("row")
    return claims, articles, (out / "errors.jsonl").read_text(encoding="utf-8")


def test_a_worker_killed_mid_run_loses_nothing_and_changes_nothing(tmp_path):
    archive = write_jsonl(tmp_path / "archive.jsonl", ARTICLES, bad=True)
    reference = run_batch(archive, tmp_path / "one-process", partition_size=12)

    killed = []

    def kill_a_busy_worker(marker, engine):
        if killed:
            return
        busy = [address for address, keys in engine.client.processing().items() if keys]
        pids = engine.client.run(os.getpid)
        victim = busy[0] if busy else next(iter(pids))
        os.kill(pids[victim], signal.SIGKILL)
        killed.append(victim)

    engine = DaskEngine.local(2)
    try:
        assert len(engine.client.nthreads()) == 2
        summary = run_batch(archive, tmp_path / "dask", partition_size=12, engine=engine,
                            on_partition=kill_a_busy_worker)
    finally:
        engine.close()

    assert killed, "a worker was killed"
    assert summary.complete and not summary.failed
    assert (summary.rows, summary.scored, summary.errors) == (ARTICLES + len(BAD_JSONL), ARTICLES, len(BAD_JSONL))
    assert (summary.claims, summary.partitions) == (reference.claims, reference.partitions)
    dask_claims, dask_articles, dask_errors = output_tables(tmp_path / "dask")
    ref_claims, ref_articles, ref_errors = output_tables(tmp_path / "one-process")
    assert dask_claims.num_rows == reference.claims > 1000
    assert dask_claims.equals(ref_claims)
    assert dask_articles.equals(ref_articles)
    assert dask_errors == ref_errors
