"""The JSON Schemas in scorer/data/schemas hold real output: the report of `scorer check -f json` (offline against
the recorded pages, so verification is filled in) and the configuration `scorer init` writes and docs/ci.md shows."""

import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from scorer.cli import app
from scorer.cli.init import starter_config
from scorer.config import FETCH_FIELDS, TOP_KEYS
from scorer.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "scorer" / "data" / "schemas"
SEED = "fixtures/drafts/kim-jong-un-seeks-friends.md"
runner = CliRunner()


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors(name, instance):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(instance)]


@pytest.fixture(scope="module")
def offline_report(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        for var in ("SCORER_THRESHOLD", "SCORER_CONFIG", "SCORER_OFFLINE", "SCORER_CACHE_DIR"):
            mp.delenv(var, raising=False)
        assert runner.invoke(app, ["cache", "import", "fixtures/pages/manifest.json", "--cache-dir", str(cache)]
                             ).exit_code == 0
        result = runner.invoke(app, ["check", SEED, "--offline", "--cache-dir", str(cache), "-f", "json"],
                               catch_exceptions=False)
    return json.loads(result.stdout)


def test_real_report_is_valid(offline_report):
    assert errors("report.schema.json", offline_report) == []
    statuses = {c["verification"]["status"] for c in offline_report["files"][0]["claims"] if c["verification"]}
    assert {"verified", "not_applicable"} <= statuses  # the schema saw filled-in verification, not only nulls


def test_not_applicable_verification_says_why(offline_report):
    reasons = [c["verification"]["reason"] for c in offline_report["files"][0]["claims"]
               if c["verification"] and c["verification"]["status"] == "not_applicable"]
    assert reasons and all(isinstance(r, str) and r for r in reasons)


def test_the_schema_catches_a_broken_report(offline_report):
    broken = json.loads(json.dumps(offline_report))
    claim = broken["files"][0]["claims"][0]
    claim["line"] = 0
    claim["strength"] = "excellent"
    del broken["summary"]["passed"]
    found = errors("report.schema.json", broken)
    assert len(found) >= 3, found


def test_no_fetch_and_html_reports_are_valid(tmp_path):
    (tmp_path / "a.html").write_text("<p>A source in the capital said exports fell by a third.</p>\n")
    result = runner.invoke(app, ["check", str(tmp_path / "a.html"), str(ROOT / SEED), "--no-fetch", "-f", "json"])
    assert errors("report.schema.json", json.loads(result.stdout)) == []


def test_config_schema_names_what_the_loader_knows():
    schema = json.loads((SCHEMAS / "config.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == set(TOP_KEYS)
    assert set(schema["properties"]["rules"]["properties"]) == set(RULES)
    assert set(schema["properties"]["fetch"]["properties"]) == set(FETCH_FIELDS)
    assert {k: v["default"] for k, v in schema["properties"]["rules"]["properties"].items()} == {
        r.id: r.level for r in RULES.values()}


def test_init_output_and_the_ci_guide_example_are_valid():
    assert errors("config.schema.json", tomllib.loads(starter_config())) == []
    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    example = tomllib.loads(re.findall(r"```toml\n(.*?)```", guide, flags=re.S)[0])["tool"]["scorer"]
    assert errors("config.schema.json", example) == []


def test_config_schema_rejects_what_scorer_config_rejects():
    assert errors("config.schema.json", {"threshold": 2})
    assert errors("config.schema.json", {"treshold": 0.5})
    assert errors("config.schema.json", {"rules": {"weak-sourcing": "fatal"}})
    assert errors("config.schema.json", {"fetch": {"read_timeout": 0}})
    assert errors("config.schema.json", {"outlets": [{"name": "no key nor domain"}]})
