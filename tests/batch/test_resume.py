"""A run stopped part-way (Ctrl-C, a crash) resumes: what was written is kept, the rest is scored, and the
result is the result of a run that was never stopped. --force scores everything again."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from batch_archive import write_jsonl
from scorer.batch import run_batch
from scorer.errors import ScorerError


def interrupt_after(count: int):
    seen = []

    def callback(marker, engine):
        seen.append(marker["index"])
        if len(seen) == count:
            raise KeyboardInterrupt

    return callback


def snapshot(out) -> dict:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
            for p in out.rglob("*") if p.is_file() and p.name != "_batch.json"}


def contents(out):
    claims = pq.read_table(out / "claims").sort_by([("row", "ascending"), ("claim_index", "ascending")])
    return claims, pq.read_table(out / "articles.parquet"), (out / "errors.jsonl").read_bytes()


@pytest.fixture
def archive(tmp_path):
    return write_jsonl(tmp_path / "archive.jsonl", 30, bad=True)


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path, archive):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(archive, out, partition_size=5, on_partition=interrupt_after(2))
    written = snapshot(out)
    assert sorted(p for p in written if p.startswith("claims/")) == ["claims/part-000000.parquet",
                                                                     "claims/part-000001.parquet"]
    assert not (out / "articles.parquet").exists()  # only a complete run gathers the summaries
    (out / "claims" / ".part-000002.parquet.999.tmp").write_bytes(b"half a file from a crash")

    summary = run_batch(archive, out, partition_size=5)
    assert summary.complete
    assert (summary.partitions, summary.skipped) == (8, 2)
    assert (summary.rows, summary.new_rows) == (37, 27)
    after = snapshot(out)
    assert {p: after[p] for p in written} == written  # the partitions already done were not rewritten
    assert not list(out.rglob("*.tmp"))

    run_batch(archive, tmp_path / "straight", partition_size=5)
    resumed, straight = contents(out), contents(tmp_path / "straight")
    assert resumed[0].equals(straight[0]) and resumed[1].equals(straight[1]) and resumed[2] == straight[2]


def test_a_rerun_of_a_finished_batch_skips_everything_and_force_redoes_it(tmp_path, archive):
    out = tmp_path / "out"
    first = run_batch(archive, out, partition_size=10)
    before = snapshot(out)
    again = run_batch(archive, out, partition_size=10)
    assert (again.skipped, again.new_rows, again.rows, again.claims) == (4, 0, first.rows, first.claims)
    forced = run_batch(archive, out, partition_size=10, force=True)
    assert (forced.skipped, forced.new_rows) == (0, first.rows)
    after = snapshot(out)
    assert all(after[p] != before[p] for p in before if p.startswith("claims/"))


def test_a_resume_against_another_partitioning_or_input_is_refused(tmp_path, archive):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(archive, out, partition_size=5, on_partition=interrupt_after(1))
    with pytest.raises(ScorerError, match="another partition size; use --force"):
        run_batch(archive, out, partition_size=6)
    # same path, same partition size, but the rows changed: the written partition is not theirs
    write_jsonl(archive, 31)
    with pytest.raises(ScorerError, match="the input changed since"):
        run_batch(archive, out, partition_size=5)


class FailsOnce:
    """An engine on which one partition's task fails, as one whose workers keep dying would (KilledWorker)."""

    workers, description = 1, "in this process"

    def __init__(self, index: int):
        self.index = index

    def map_unordered(self, func, items, *args):
        for item in items:
            if item.index == self.index:
                yield item, None, RuntimeError("worker lost")
            else:
                yield item, func(item, *args), None

    def close(self):
        pass


def test_a_failed_partition_is_reported_and_scored_by_the_next_run(tmp_path, archive):
    out = tmp_path / "out"
    first = run_batch(archive, out, partition_size=10, engine=FailsOnce(1))
    assert first.failed == [(1, "RuntimeError: worker lost")] and not first.complete
    assert first.rows + first.unscored == 37 and first.unscored == 10
    assert not (out / "articles.parquet").exists() and not (out / "claims" / "part-000001.parquet").exists()
    second = run_batch(archive, out, partition_size=10)
    assert second.complete and (second.skipped, second.new_rows, second.rows) == (3, 10, 37)
    assert pq.read_table(out / "articles.parquet").num_rows + second.errors == 37
