"""`scorer batch` and `scorer stats` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from batch_archive import BAD_JSONL, write_jsonl

HEAVY = ("dask", "distributed", "pyarrow", "duckdb", "matplotlib", "pandas")


def scorer(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "160"}  # tables as wide as a wide terminal, whatever runs the tests
    return subprocess.run([sys.executable, "-m", "scorer", *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory):
    """One real run on two local worker processes, shared by the stats tests."""
    tmp = tmp_path_factory.mktemp("batch")
    archive = write_jsonl(tmp / "archive.jsonl", 120, bad=True)
    done = scorer("batch", str(archive), "--output", str(tmp / "out"), "--workers", "2", "--partition-size", "25")
    return tmp / "out", done


def test_batch_on_two_workers_reports_what_it_did(batch_out):
    out, done = batch_out
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "scorer: error" not in done.stderr, done.stderr
    assert done.stdout.startswith(f"{120 + len(BAD_JSONL)} rows: 120 articles scored ("), done.stdout
    assert f", {len(BAD_JSONL)} bad rows; 6 partitions on 2 local worker processes in " in done.stdout
    assert "articles/s" in done.stdout and "claims/s" in done.stdout
    assert f"bad rows (id and reason): {out / 'errors.jsonl'}" in done.stdout
    assert pq.read_table(out / "articles.parquet").num_rows == 120
    assert len((out / "errors.jsonl").read_text().splitlines()) == len(BAD_JSONL)


def test_stats_csv_shares_match_the_claims_themselves(batch_out):
    out, _ = batch_out
    done = scorer("stats", str(out), "--by", "section", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    by_section = {r["section"]: r for r in rows if r["by"] == "section"}
    assert set(by_section) == {"desk-a", "desk-b", "desk-c"}
    claims = pq.read_table(out / "claims", columns=["section", "check_worthy", "anonymous_source", "strength"])
    for section, row in by_section.items():
        mine = claims.filter(pc.and_(pc.equal(claims["section"], section), claims["check_worthy"]))
        assert int(row["check_worthy"]) == mine.num_rows
        anonymous = pc.sum(mine["anonymous_source"].cast("int64")).as_py()
        assert float(row["anonymous_share"]) == pytest.approx(anonymous / mine.num_rows, rel=1e-5)
        weak = pc.sum(pc.equal(mine["strength"], "weak").cast("int64")).as_py()
        assert float(row["weak_share"]) == pytest.approx(weak / mine.num_rows, rel=1e-5)
    total = [r for r in rows if r["by"] == "all"]
    assert len(total) == 1 and int(total[0]["articles"]) == 120


def test_stats_json_by_year_in_time_order(batch_out):
    out, _ = batch_out
    done = scorer("stats", str(out), "--by", "year", "--format", "json")
    document = json.loads(done.stdout)
    assert document["complete"] is True
    years = [row["year"] for row in document["groupings"][0]["rows"]]
    dated = [y for y in years if y is not None]
    assert dated == sorted(dated) and len(dated) > 3
    assert sum(row["articles"] for row in document["groupings"][0]["rows"]) == 120


def test_stats_table_and_plots(batch_out, tmp_path):
    out, _ = batch_out
    done = scorer("stats", str(out), "--plot", str(tmp_path / "charts"), "--top", "5")
    assert done.returncode == 0, done.stderr
    assert "by outlet" in done.stdout and "by section" in done.stdout and "by year" in done.stdout
    header = next(line for line in done.stdout.splitlines() if line.strip().startswith("outlet"))
    assert header.split() == ["outlet", "articles", "check-worthy", "strong", "moderate", "weak", "none",
                              "anonymous", "articles", "w/", "anonymous"]
    outlet_rows = [line for line in done.stdout.split("by section")[0].split("─")[-1].splitlines() if line.strip()]
    assert len(outlet_rows) == 5 + 1  # --top 5, then the total
    assert outlet_rows[-1].split()[0] == "all" and outlet_rows[0].split()[-1].endswith("%")
    names = sorted(p.name for p in (tmp_path / "charts").iterdir())
    assert names == sorted(f"{kind}-by-{dim}.png" for kind in ("strength", "anonymous")
                           for dim in ("outlet", "section", "year"))
    assert all((tmp_path / "charts" / n).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for n in names)


@pytest.mark.parametrize("args, message", [
    (["batch", "missing.jsonl", "-o", "out", "--workers", "0"], "missing.jsonl: no such file or directory"),
    (["batch", "archive.jsonl", "-o", "out", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"],
     "give --workers or --scheduler, not both"),
    (["batch", "archive.jsonl", "-o", "out", "--offline"], "add --fetch"),
    (["batch", "archive.txt", "-o", "out", "--workers", "0"], "not an archive scorer batch reads"),
    (["stats", "nowhere"], "nowhere: no such directory"),
    (["stats", ".", "--by", "desk"], "--by 'desk': group by outlet, section, year"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    write_jsonl(tmp_path / "archive.jsonl", 1)
    (tmp_path / "archive.txt").write_text("x")
    done = scorer(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("scorer: error: ") and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_no_scheduler_there_is_one_line_and_exit_2(tmp_path):
    write_jsonl(tmp_path / "archive.jsonl", 1)
    done = scorer("batch", "archive.jsonl", "-o", "out", "--scheduler", "tcp://127.0.0.1:9", cwd=tmp_path)
    assert done.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr.splitlines()[-1]
    assert "Traceback" not in done.stderr


def test_check_and_help_do_not_load_the_batch_stack():
    probe = ("import sys\nfrom scorer.cli import app\nsys.argv = ['scorer', '--help']\n"
             "try:\n    app()\nexcept SystemExit:\n    pass\n"
             f"print('MODULES', sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "batch" in out and "stats" in out  # the commands are listed ...
    assert out.rstrip().endswith("MODULES []")  # ... without importing what they run on
