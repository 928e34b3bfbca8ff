"""The CI guide's workflow and config example are valid, and every `scorer check` in them parses."""

import re
import shlex
import tomllib
from pathlib import Path

import typer.main
import yaml

from scorer.cli import app
from scorer.config import TOP_KEYS

DOC = Path(__file__).resolve().parents[2] / "docs" / "ci.md"


def blocks(lang):
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_workflow_is_valid_yaml_with_sarif_upload():
    workflow = yaml.safe_load(blocks("yaml")[-1])
    steps = workflow["jobs"]["drafts"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    runs = [s["run"] for s in steps if "scorer check" in s.get("run", "")]
    assert any("--format github" in r and "--exit-zero" not in r for r in runs)  # one step fails on errors
    check = typer.main.get_command(app).commands["check"]
    for run in runs:
        words = shlex.split(run.replace("${{ github.base_ref }}", "main").split(">>")[0])
        assert words[:2] == ["scorer", "check"]
        check.make_context("check", words[2:])  # raises on an unknown option or a bad value


def test_config_example_uses_known_keys():
    table = tomllib.loads(blocks("toml")[0])["tool"]["scorer"]
    assert set(table) <= set(TOP_KEYS)


def test_config_example_loads(tmp_path):
    from scorer.config import load_config

    (tmp_path / "pyproject.toml").write_text(blocks("toml")[0], encoding="utf-8")
    config = load_config(cwd=tmp_path, environ={})
    assert config.rules["misquote"] == "error" and config.outlets[0]["key"] == "ledger"
