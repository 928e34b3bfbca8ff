"""The CLI under faults: exit codes a CI job can tell apart, Ctrl-C that stops at once, caps it states."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile_servers import RawServer, trickled_body
from scorer.cli import app

runner = CliRunner()


@pytest.fixture
def slow_server():
    server = RawServer(trickled_body)
    yield server
    server.close()


def _draft(tmp_path: Path, url: str) -> Path:
    draft = tmp_path / "draft.md"
    draft.write_text(f'The ministry said "the synthetic index rose by 12 percent" in a [statement]({url}).\n',
                     encoding="utf-8")
    return draft


@pytest.mark.parametrize("command", ["check", "fetch"])
def test_ctrl_c_inside_a_stuck_fetch_stops_within_a_second(slow_server, tmp_path, command):
    url = slow_server.base + "/stuck"
    target = str(_draft(tmp_path, url)) if command == "check" else url
    proc = subprocess.Popen([sys.executable, "-m", "scorer", command, target, "--allow-private-hosts",
                             "--cache-dir", str(tmp_path / "cache")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert slow_server.hit.wait(60), "the fetch never started"
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        out, err = proc.communicate(timeout=30)
        elapsed = time.monotonic() - sent
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert err.strip() == "scorer: interrupted"
    assert elapsed < 1.0


def test_an_unexpected_error_is_exit_3_with_one_line_and_a_debug_hint(tmp_path, monkeypatch):
    import scorer.pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("synthetic bug")

    monkeypatch.setattr(scorer.pipeline, "score_files", broken)
    draft = tmp_path / "a.md"
    draft.write_text("The sky is blue.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), "--no-fetch"])
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error: ZeroDivisionError: synthetic bug" in lines[0]
    assert "--debug" in lines[0] and "Traceback" not in result.stderr

    result = runner.invoke(app, ["--debug", "check", str(draft), "--no-fetch"])
    assert result.exit_code == 3
    assert "Traceback" in result.stderr and "ZeroDivisionError: synthetic bug" in result.stderr


def test_a_fetch_cap_is_stated_and_the_rest_are_unfetched(local_server, tmp_path):
    from dataclasses import replace

    from scorer import CheckSettings, score_text

    text = " ".join(f'The ministry said "the synthetic index rose by {i} percent" [here](http://site.test/p{i}).'
                    for i in range(30)) + "\n"
    for i in range(30):
        local_server.server.expect_request(f"/p{i}").respond_with_data(
            f"<html><body><article><p>The synthetic index rose by {i} percent.</p></article></body></html>",
            content_type="text/html")
    settings = CheckSettings(fetch=replace(local_server.settings(tmp_path / "cache"), max_pages_per_draft=5))
    report = score_text(text, path="draft.md", settings=settings)
    assert local_server.hits() <= 5
    assert any("fetch cap reached: 25 page reference(s)" in w for w in report.warnings)
    capped = [r.verification for r in report.results[5:]]
    assert all(v.status == "unfetched" and "max_pages_per_draft" in v.reason for v in capped)


def test_twenty_thousand_links_in_one_sentence_end_quickly(tmp_path):
    from scorer import CheckSettings, FetchSettings, score_text

    links = " ".join(f"http://site{i}.test/p" for i in range(20_000))
    text = f'The ministry said "the synthetic index rose by 12 percent" {links}.\n'
    started = time.monotonic()
    report = score_text(text, path="draft.md",
                        settings=CheckSettings(fetch=FetchSettings(cache_dir=str(tmp_path), offline=True)))
    assert time.monotonic() - started < 30
    assert any("fetch cap reached" in w for w in report.warnings)
