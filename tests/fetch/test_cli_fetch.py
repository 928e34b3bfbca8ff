"""`scorer fetch` and `scorer cache import`, as a user runs them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from conftest import PAGES
from scorer.cli import app
from scorer.cli.fetch import FIELDS

HRW = "https://www.hrw.org/news/2015/02/09/north-korea-harsher-punishments-contact-south"
SEED = [
    "https://www.dailynk.com/english/family-caught-for-attempting-to-de/",
    "https://www.koreaherald.com/view.php?ud=20150216000944",
    HRW,
    "https://www.dailynk.com/english/report-nkchina-trade-down-for-firs/",
]


def run(*args, env=None):
    return CliRunner().invoke(app, list(args), env=env or {})


def test_cache_import_then_offline_fetch_of_the_seed_pages(local_server, tmp_path):
    cache = str(tmp_path / "cache")
    imported = run("cache", "import", str(PAGES / "manifest.json"), "--cache-dir", cache)
    assert imported.exit_code == 0, imported.output
    assert "6 recorded pages" in imported.stdout
    result = run("fetch", *SEED, "--offline", "--cache-dir", cache, "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["url"] for r in records] == SEED
    assert all(tuple(r) == FIELDS for r in records)
    assert all(r["status"] == "ok" and r["from_cache"] and r["archived"] is None for r in records)
    assert records[2]["published"] == "2015-02-09" and records[2]["outlet"] == "hrw"
    assert "truncation marker" in records[0]["message"]
    assert len(local_server.server.log) == 0


def test_offline_miss_exits_1(tmp_path):
    result = run("fetch", "https://site.test/nothing", "--offline", "--cache-dir", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)[0]["status"] == "not_cached"


def test_loopback_needs_the_flag_or_the_environment(local_server, tmp_path):
    local_server.server.expect_request("/p").respond_with_data(
        "<html><body><article><h1>Synthetic CLI page</h1><p>Synthetic words.</p></article></body></html>",
        content_type="text/html",
    )
    url = local_server.base + "/p"
    cache = ["--cache-dir", str(tmp_path)]
    refused = run("fetch", url, *cache, "--format", "json")
    assert refused.exit_code == 1 and json.loads(refused.stdout)[0]["status"] == "refused"
    allowed = run("fetch", url, *cache, "--allow-private-hosts")
    assert allowed.exit_code == 0 and "Synthetic CLI page" in allowed.stdout and "ok" in allowed.stdout
    by_env = run("fetch", url, *cache, "--refresh", "--format", "json", env={"SCORER_ALLOW_PRIVATE_HOSTS": "1"})
    assert by_env.exit_code == 0 and json.loads(by_env.stdout)[0]["from_cache"] is False
    assert by_env.stderr == ""  # no progress bar when stderr is not a terminal


def test_table_shows_status_and_reason(tmp_path):
    result = run("fetch", "file:///etc/passwd", "--cache-dir", str(tmp_path))
    assert result.exit_code == 1
    assert "refused" in result.stdout and "only http and https" in result.stdout


def test_usage_errors_exit_2(tmp_path):
    assert run("fetch").exit_code == 2
    bad = run("fetch", "https://site.test/", "--format", "xml", "--cache-dir", str(tmp_path))
    assert bad.exit_code == 2 and bad.stderr.strip() == "scorer: error: --format must be table or json, not 'xml'"
    assert run("fetch", "https://site.test/", "--timeout", "0").exit_code == 2
    missing = run("cache", "import", str(tmp_path / "nope.json"), "--cache-dir", str(tmp_path))
    assert missing.exit_code == 2 and missing.stderr.startswith("scorer: error: cannot read manifest")


def test_timeout_flag_keeps_a_shorter_configured_connect_timeout(tmp_path, monkeypatch):
    from scorer.cli.fetch import build_settings

    (tmp_path / ".scorer.toml").write_text("[fetch]\nconnect_timeout = 2\n")
    monkeypatch.chdir(tmp_path)
    flags = dict(offline=False, refresh=False, cache_dir=None, allow_private_hosts=False)
    longer = build_settings(**flags, timeout=10)
    assert (longer.connect_timeout, longer.read_timeout) == (2, 10)
    shorter = build_settings(**flags, timeout=1)
    assert (shorter.connect_timeout, shorter.read_timeout) == (1, 1)
