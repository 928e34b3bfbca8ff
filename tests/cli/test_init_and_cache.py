"""`scorer init` and `scorer cache path|info|clear`, as a user runs them."""

import json
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from scorer.cli import app
from scorer.config import load_config

runner = CliRunner()
MANIFEST = Path(__file__).resolve().parents[2] / "fixtures" / "pages" / "manifest.json"


def test_init_writes_a_config_that_loads_with_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0 and "wrote .scorer.toml" in result.stdout
    config = load_config(cwd=tmp_path, environ={})
    assert config.file == tmp_path / ".scorer.toml"
    assert config.settings.threshold == 0.5 and config.rules["weak-sourcing"] == "error"
    assert config.include == ("*.md", "*.markdown", "*.txt") and config.exclude == ()
    again = runner.invoke(app, ["init"])
    assert again.exit_code == 2 and "already exists (use --force" in again.stderr
    assert runner.invoke(app, ["init", "--force"]).exit_code == 0


def test_init_stdout_and_other_path(tmp_path):
    shown = runner.invoke(app, ["init", "--stdout"])
    assert shown.exit_code == 0 and tomllib.loads(shown.stdout)["threshold"] == 0.5
    target = tmp_path / "conf" / "scorer.toml"
    target.parent.mkdir()
    assert runner.invoke(app, ["init", str(target)]).exit_code == 0
    assert target.read_text() == shown.stdout
    refused = runner.invoke(app, ["init", str(tmp_path / "pyproject.toml")])
    assert refused.exit_code == 2 and "[tool.scorer]" in refused.stderr


def test_cache_path_info_clear(tmp_path, monkeypatch):
    monkeypatch.delenv("SCORER_CACHE_DIR", raising=False)
    cache = tmp_path / "cache"
    path = runner.invoke(app, ["cache", "path", "--cache-dir", str(cache)])
    assert path.exit_code == 0 and path.stdout.strip() == str(cache.resolve() / "fetch.sqlite3")
    empty = runner.invoke(app, ["cache", "info", "--cache-dir", str(cache)])
    assert "(not created yet)" in empty.stdout and "pages:    0" in empty.stdout
    assert not cache.exists()  # looking does not create it
    assert runner.invoke(app, ["cache", "import", str(MANIFEST), "--cache-dir", str(cache)]).exit_code == 0
    info = json.loads(runner.invoke(app, ["cache", "info", "--cache-dir", str(cache), "-f", "json"]).stdout)
    recorded = len(json.loads(MANIFEST.read_text()).get("pages", json.loads(MANIFEST.read_text())))
    assert info["exists"] and info["pages"] == recorded and info["bytes"] > 0
    assert info["outlets"]["dailynk"] >= 1
    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(cache)])
    assert cleared.exit_code == 0 and f"{recorded} page(s)" in cleared.stdout
    assert json.loads(runner.invoke(app, ["cache", "info", "--cache-dir", str(cache), "-f", "json"]).stdout)["pages"] == 0
    assert "nothing to clear" in runner.invoke(app, ["cache", "clear", "--cache-dir", str(tmp_path / "x")]).stdout


def test_default_cache_path_follows_the_environment(tmp_path):
    result = runner.invoke(app, ["cache", "path"], env={"SCORER_CACHE_DIR": str(tmp_path)})
    assert result.stdout.strip() == str(tmp_path / "fetch.sqlite3")


def test_a_file_that_is_not_a_cache_is_an_error(tmp_path):
    (tmp_path / "fetch.sqlite3").write_text("not a database at all, just text")
    result = runner.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 2 and "not a scorer page cache" in result.stderr
