import json
from pathlib import Path

import jsonschema
import pytest

from report_factory import OUTLET, make_file, make_report, sample_file, sample_report  # noqa: F401 (fixture)
from scorer.report import get_reporter
from scorer.rules import RULES

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def render(report, **options):
    return json.loads(get_reporter("sarif", **options).render(report))


def test_validates_against_official_schema(validator, sample_report):
    doc = render(sample_report, root_uri="file:///work/repo/")
    errors = sorted(validator.iter_errors(doc), key=str)
    assert not errors, errors[0]
    assert doc["version"] == "2.1.0"


def test_empty_run_validates(validator):
    doc = render(make_report())
    assert not list(validator.iter_errors(doc))
    assert doc["runs"][0]["results"] == []


def test_driver_and_rules(sample_report):
    run = render(sample_report)["runs"][0]
    driver = run["tool"]["driver"]
    import scorer

    assert (driver["name"], driver["version"], driver["informationUri"]) == ("scorer", scorer.__version__,
                                                                             scorer.PROJECT_URL)
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_result_location_and_fingerprint(sample_report):
    results = render(sample_report)["runs"][0]["results"]
    weak = next(r for r in results if r["ruleId"] == "weak-sourcing")
    assert weak["level"] == "error"
    assert weak["message"]["text"].startswith("sourcing confidence 0.2 ")
    loc = weak["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "drafts/story.md"
    assert loc["region"] == {"startLine": 8, "startColumn": 1, "endLine": 8, "endColumn": 54,
                             "snippet": {"text": "A source in the capital said exports fell by a third."}}
    assert weak["partialFingerprints"]


def test_fingerprints_survive_moved_lines():
    sentence = "A source in the capital said exports fell by a third."
    before = make_file(f"{sentence}\n", [(sentence, dict(confidence=0.1))])
    after = make_file(f"# New heading\n\nNew intro.\n\n{sentence.upper()}\n",
                      [(sentence.upper(), dict(confidence=0.1))])
    fp = lambda fr: render(make_report(fr))["runs"][0]["results"][0]["partialFingerprints"]  # noqa: E731
    r_after = render(make_report(after))["runs"][0]["results"][0]
    assert r_after["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert fp(before) == fp(after)  # case and position do not matter
    other = "A source in the capital said imports fell by a third."
    assert fp(make_file(f"{other}\n", [(other, dict(confidence=0.1))])) != fp(before)  # the words do


def test_uri_is_percent_encoded_and_relative():
    fr = make_file("Plain claim here.\n", [("Plain claim here.", dict(confidence=0.1))], path="/abs/my drafts/a#1.md")
    doc = render(make_report(fr), relpath=lambda p: "my drafts/a#1.md")
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20drafts/a%231.md"


def test_level_off_rule_is_disabled_in_descriptor(validator, sample_report):
    doc = render(sample_report, levels={"misquote": "off"})
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["misquote"]["defaultConfiguration"] == {"level": "none", "enabled": False}
    assert not any(r["ruleId"] == "misquote" for r in doc["runs"][0]["results"])
    assert not list(validator.iter_errors(doc))
