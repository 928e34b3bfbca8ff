"""The CI guide's workflows, the composite action and the config example are valid; every `scorer check` in them
parses; versions pinned in the examples are the release tag of scorer/__init__.py's version."""

import os
import re
import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest
import typer.main
import yaml

from scorer import __version__
from scorer.cli import app
from scorer.config import TOP_KEYS

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ci.md"
ACTION = ROOT / "action.yml"
TAG = f"v{__version__}"


def blocks(lang):
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def workflows():
    return [doc for doc in map(yaml.safe_load, blocks("yaml")) if isinstance(doc, dict) and "jobs" in doc]


def check_runs(text):
    """Each `scorer check ...` command line of a run script, with GitHub expressions and shell variables filled."""
    text = text.replace("${{ github.base_ref }}", "main")
    for line in re.split(r"\n(?!\s)|\n\s*(?=scorer )", text):
        line = " ".join(line.split()).split(">>")[0].split("||")[0].strip()
        if line.startswith("scorer check"):
            yield line


def parse_check(line):
    words = shlex.split(line)
    assert words[:2] == ["scorer", "check"]
    check = typer.main.get_command(app).commands["check"]
    check.make_context("check", words[2:])  # raises on an unknown option or a bad value


def test_workflows_are_valid_and_least_privileged():
    found = workflows()
    assert len(found) == 2
    for workflow in found:
        assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
        steps = workflow["jobs"]["drafts"]["steps"]
        assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
        for step in steps:
            # setup-python's pip cache fails in a drafts repository with no requirements file or pyproject
            assert "cache" not in (step.get("with") or {}) or not step["uses"].startswith("actions/setup-python")


def test_manual_workflow_steps_parse_and_one_fails_on_errors():
    steps = workflows()[1]["jobs"]["drafts"]["steps"]
    runs = [line for s in steps for line in check_runs(s.get("run", ""))]
    assert len(runs) == 3
    assert any("-f github" in r and "--exit-zero" not in r for r in runs)  # one step fails on errors
    for run in runs:
        parse_check(run)
    install = next(s["run"] for s in steps if "pip install" in s.get("run", ""))
    assert install.endswith(f'@{TAG}"') and "sourcing-scorer @ git+" in install


def test_action_is_a_composite_whose_checks_parse():
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    script = next(s["run"] for s in action["runs"]["steps"] if "scorer check" in s.get("run", ""))
    runs = list(check_runs(script.replace('"${common[@]}"', "--cache-dir .cache/scorer")
                           .replace("$SCORER_PATHS", "drafts/").replace("$SCORER_ARGS", "--no-fetch")
                           .replace('"$SCORER_SARIF"', "scorer.sarif").replace('"$summary"', "x")))
    assert len(runs) == 3 and runs[-1].endswith("-f github") and "--exit-zero" not in runs[-1]
    for run in runs:
        parse_check(run)
    documented = DOC.read_text(encoding="utf-8")
    for name in action["inputs"]:
        assert f"`{name}`" in documented, f"input {name} is not in docs/ci.md"


def test_examples_pin_the_current_release_tag():
    pins = []
    for path in (DOC, ROOT / "README.md", ACTION, ROOT / ".pre-commit-hooks.yaml"):
        text = path.read_text(encoding="utf-8")
        pins += re.findall(r"scorer-project/scorer@(v[\w.]+)", text)
        pins += re.findall(r"rev: (v[\w.]+)", text)
    assert pins and set(pins) == {TAG}


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
def test_action_script_runs_the_three_checks(tmp_path):
    """The action's script, run as the runner would (its env filled in), over a stand-in `scorer` on PATH."""
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if "scorer check" in s.get("run", ""))
    log = tmp_path / "calls"
    fake = tmp_path / "bin" / "scorer"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/bash\necho "$*" >> {log}\n[[ "$*" == *"-f github"* ]] && exit 1\nexit 0\n')
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake.parent}:{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(tmp_path / "sum"),
           "SCORER_PATHS": "drafts/ notes/", "SCORER_CHANGED_ONLY": "true", "SCORER_ARGS": "--fail-under 0.4",
           "SCORER_SARIF": "scorer.sarif", "SCORER_CACHE": ".cache/scorer", "SCORER_BASE_REF": "main"}
    done = subprocess.run(["bash", "-e", "-c", step["run"]], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1  # the annotation step's exit status is the action's
    calls = log.read_text().splitlines()
    common = "drafts/ notes/ --cache-dir .cache/scorer --changed-since origin/main"
    assert calls == [f"check {common} --fail-under 0.4 -f markdown --exit-zero",
                     f"check {common} --offline --fail-under 0.4 -f sarif -o scorer.sarif --exit-zero",
                     f"check {common} --offline --fail-under 0.4 -f github"]


def test_config_example_uses_known_keys():
    table = tomllib.loads(blocks("toml")[0])["tool"]["scorer"]
    assert set(table) <= set(TOP_KEYS)


def test_config_example_loads(tmp_path):
    from scorer.config import load_config

    (tmp_path / "pyproject.toml").write_text(blocks("toml")[0], encoding="utf-8")
    config = load_config(cwd=tmp_path, environ={})
    assert config.rules["misquote"] == "error" and config.outlets[0]["key"] == "ledger"
