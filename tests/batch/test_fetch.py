"""--fetch in batch: cited pages are fetched and quotes verified, one cache for every article, and the per-host
rate shared out among the workers."""

from __future__ import annotations

import json
from dataclasses import replace

import pyarrow.parquet as pq

from scorer.batch import BatchJob, run_batch
from scorer.batch.run import per_worker
from scorer.settings import CheckSettings, FetchSettings

PAGE = """<html><head><title>Border report</title></head><body><article><h1>Border report</h1>
<p>The ministry of the made-up republic of Testland published its annual figures on Monday, in a long report
about crossings at the northern border and the work of the border police during the year.</p>
<p>"We closed the northern crossing for the winter," the spokesman said at the briefing in the capital.</p>
<p>The report runs to forty pages and covers every crossing of the country, with tables by month.</p>
</article></body></html>"""


def test_fetch_verifies_quotes_and_fetches_each_page_once(tmp_path, local_server, fetch_settings):
    local_server.server.expect_request("/border").respond_with_data(PAGE, content_type="text/html")
    archive = tmp_path / "archive.jsonl"
    with archive.open("w") as handle:
        for i in range(3):
            text = ('"We closed the northern crossing for the winter," the spokesman said, according to '
                    "[the ministry's report](http://site.test/border).\n")
            handle.write(json.dumps({"id": f"a{i}", "markdown": text}) + "\n")
    job = BatchJob(CheckSettings(fetch=fetch_settings))
    summary = run_batch(archive, tmp_path / "out", job)
    assert (summary.scored, summary.errors) == (3, 0)
    rows = pq.read_table(tmp_path / "out" / "claims").to_pylist()
    assert [r["verification_status"] for r in rows] == ["verified"] * 3
    assert {r["verification_url"] for r in rows} == {"http://site.test/border"}
    assert local_server.hits("/border") == 1  # the worker's cache served the other two articles


def test_the_per_host_rate_is_shared_out_among_the_workers():
    job = BatchJob(CheckSettings(fetch=FetchSettings(enabled=True, rate_limit=1.0)))
    assert per_worker(job, 4).settings.fetch.rate_limit == 0.25
    assert per_worker(job, 1) == job
    off = BatchJob(CheckSettings(fetch=FetchSettings(enabled=False, rate_limit=1.0)))
    assert per_worker(off, 4) == off
    assert per_worker(replace(job, settings=CheckSettings(fetch=FetchSettings(rate_limit=0))), 4).settings.fetch \
        .rate_limit == 0  # no limit stays no limit
