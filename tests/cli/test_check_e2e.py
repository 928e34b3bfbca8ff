"""`scorer check` end to end on the seed draft (fixtures/drafts), with the real pipeline and no network."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from scorer.cli import app

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = ROOT / "fixtures" / "drafts"
SEED_MD = "fixtures/drafts/kim-jong-un-seeks-friends.md"
SEED_TXT = "fixtures/drafts/kim-jong-un-seeks-friends.txt"
SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"
runner = CliRunner()


@pytest.fixture(autouse=True)
def at_repo_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    for var in ("SCORER_THRESHOLD", "SCORER_CONFIG", "SCORER_OFFLINE", "SCORER_CACHE_DIR"):
        monkeypatch.delenv(var, raising=False)


def check(*args):
    return runner.invoke(app, ["check", "--no-fetch", *args])


@pytest.fixture(scope="module")
def seed_json():
    # module-scoped, so it sets up the repository root and a clean environment itself
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        for var in ("SCORER_THRESHOLD", "SCORER_CONFIG", "SCORER_OFFLINE", "SCORER_CACHE_DIR"):
            mp.delenv(var, raising=False)
        result = runner.invoke(app, ["check", "--no-fetch", "--format", "json", SEED_MD, SEED_TXT],
                               catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def test_seed_json_contract_and_exit_code(seed_json):
    exit_code, doc = seed_json
    assert [f["path"] for f in doc["files"]] == [SEED_MD, SEED_TXT]
    # the seed leans on anonymous and unsourced claims: it fails the default bar of 0.5
    assert exit_code == 1
    assert doc["summary"]["passed"] is False and doc["summary"]["below_threshold"] > 0
    assert doc["summary"]["claims"] == 226
    for f in doc["files"]:
        assert f["summary"]["claims"] == len(f["claims"]) == 113
        for c in f["claims"]:
            if not c["check_worthy"]:
                assert c["strength"] is None and c["confidence"] is None
            else:
                assert c["confidence"] == round(c["confidence"], 3)
            assert c["suppressed"] is False
            assert all(set(x) == {"rule", "level", "message"} for x in c["findings"])


def test_seed_positions_land_on_the_claims(seed_json):
    _, doc = seed_json
    for f in doc["files"]:
        lines = (ROOT / f["path"]).read_text(encoding="utf-8").splitlines()
        hits = 0
        for c in f["claims"]:
            line = lines[c["line"] - 1]
            hits += line[c["column"] - 1:].startswith(c["text"][:20])
        assert hits == len(f["claims"])  # what an annotation points at is the claim


def test_executive_order_is_check_worthy(seed_json):
    _, doc = seed_json
    claim = next(c for c in doc["files"][0]["claims"] if c["text"].startswith("On January 2nd, President Obama"))
    assert claim["check_worthy"] is True and claim["line"] == 9 and claim["column"] == 1


def test_seed_sarif_validates_with_relative_uris(tmp_path):
    out = tmp_path / "seed.sarif"
    result = check("--format", "sarif", "--output", str(out), SEED_MD)
    assert result.exit_code in (0, 1) and result.stdout == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert not list(validator.iter_errors(doc))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert uris == {SEED_MD}


def test_seed_github_annotations():
    result = check("--format", "github", SEED_TXT)
    lines = result.stdout.splitlines()
    assert all(line.startswith("::") for line in lines[:-1]) and lines[-1].startswith("scorer: 1 file(s)")
    assert result.exit_code == 1
    # the anonymous source relayed by Yonhap, at the start of line 12 of the plain-text draft
    # one annotation for the claim, naming both rules it breaks
    assert any(line.startswith(f"::error file={SEED_TXT},line=12,col=1,endLine=12,endColumn=221,"
                               "title=scorer weak-sourcing%2C anonymous-source::weak-sourcing (error): sourcing "
                               "confidence ") for line in lines)
    starts = [tuple(line.split(",")[1:3]) for line in lines[:-1]]
    assert len(starts) == len(set(starts))  # never two annotations on one claim


def test_directory_is_searched_and_markdown_summary():
    result = check("--format", "markdown", "fixtures/drafts")
    assert result.stdout.startswith("### scorer:")
    assert f"`{SEED_MD}`" in result.stdout and f"`{SEED_TXT}`" in result.stdout


def test_exit_zero_and_high_bar():
    assert check("--fail-under", "1", "--exit-zero", SEED_MD).exit_code == 0
    assert check("--fail-under", "1", SEED_MD).exit_code == 1
    assert check("--fail-under", "0", SEED_MD).exit_code == 0  # nothing is under 0; other rules are warnings


def test_empty_file_passes(tmp_path):
    (tmp_path / "empty.md").write_text("")
    result = check("--format", "json", str(tmp_path / "empty.md"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["claims"] == 0


def test_suppressing_the_seed_entirely_passes(tmp_path):
    draft = tmp_path / "story.md"
    draft.write_text("<!-- scorer: disable -->\n" + (DRAFTS / "kim-jong-un-seeks-friends.md").read_text())
    result = check("--format", "json", str(draft))
    assert result.exit_code == 0
    claims = json.loads(result.stdout)["files"][0]["claims"]
    assert claims and all(c["suppressed"] for c in claims)


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.md", "no such file or directory"),
    (lambda d: (d / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0IHDR") and d / "photo.md", "binary file"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "no drafts found in"),
])
def test_bad_input_as_a_whole_process(tmp_path, make, message):
    target = make(tmp_path)
    done = subprocess.run([sys.executable, "-m", "scorer", "check", "--no-fetch", str(target)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("scorer: error: ") and done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""
