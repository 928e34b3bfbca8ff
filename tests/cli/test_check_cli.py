"""`scorer check` as a user runs it, over a stand-in pipeline (see fake_pipeline.py)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import fake_pipeline
from fake_pipeline import check, project  # noqa: F401  (project is a fixture)
from scorer.cli import app

runner = CliRunner()


def test_passing_draft_exits_0(project):
    result = check("drafts/good.md", "--no-fetch")
    assert result.exit_code == 0, result.stderr
    # the stand-in pipeline decides the scores; what is tested here is the CLI's verdict and summary
    assert "drafts/good.md:" in result.stdout and result.stdout.rstrip().endswith("passed")


def test_weak_claim_exits_1_and_threshold_flag(project):
    assert check("drafts/weak.md").exit_code == 1
    assert check("drafts/weak.md", "--fail-under", "0.05").exit_code == 0
    assert check("drafts/weak.md", "--exit-zero").exit_code == 0


def test_threshold_from_config_and_env(project):
    (project / ".scorer.toml").write_text("threshold = 0.05\n")
    assert check("drafts/weak.md").exit_code == 0
    assert check("drafts/weak.md", env={"SCORER_THRESHOLD": "0.5"}).exit_code == 1
    (project / ".scorer.toml").write_text("[rules]\nweak-sourcing = 'warning'\n")
    result = check("drafts/weak.md", "--format", "github")
    assert result.exit_code == 0 and "::warning file=drafts/weak.md,line=3" in result.stdout


def test_fetch_flags_fill_settings(project):
    check("drafts/good.md", "--no-fetch", "--offline", "--refresh", "--cache-dir", "cache", "--allow-private-hosts")
    fetch = fake_pipeline.score_files.calls[-1]["settings"].fetch
    assert (fetch.enabled, fetch.offline, fetch.refresh, fetch.allow_private_hosts) == (False, True, True, True)
    assert fetch.cache_dir == str((project / "cache").resolve())


def test_directory_and_exclude(project):
    (project / ".scorer.toml").write_text("exclude = ['weak.md']\n")
    result = check("drafts", "--format", "json")
    assert result.exit_code == 0
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["drafts/good.md"]


@pytest.mark.parametrize("args, message", [
    (["missing.md"], "no such file or directory: missing.md"),
    (["empty"], "no drafts found in empty"),
    ([], "give at least one PATH"),
])  # bad options (a wrong --format, --fail-under 2) are tested at the real entry point: test_usage_errors.py
def test_usage_and_input_errors_exit_2(project, args, message):
    (project / "empty").mkdir()
    result = check(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.startswith(f"scorer: error: {message}") and result.stderr.count("\n") == 1


def test_bad_config_exits_2_naming_key_and_file(project):
    (project / ".scorer.toml").write_text("treshold = 0.4\n")
    result = check("drafts")
    assert result.exit_code == 2
    assert "unknown key 'treshold'" in result.stderr and ".scorer.toml" in result.stderr


def test_output_file_written_atomically(project):
    result = check("drafts/weak.md", "--format", "sarif", "--output", "out/report.sarif")
    assert result.exit_code == 2 and "cannot write out/report.sarif" in result.stderr
    (project / "out").mkdir()
    result = check("drafts/weak.md", "--format", "sarif", "--output", "out/report.sarif")
    assert result.exit_code == 1 and result.stdout == ""
    doc = json.loads((project / "out" / "report.sarif").read_text())
    assert doc["runs"][0]["results"][0]["ruleId"] == "weak-sourcing"
    assert [p.name for p in (project / "out").iterdir()] == ["report.sarif"]


def test_suppression_comment_passes_the_run(project):
    (project / "drafts" / "weak.md").write_text("Intro line here.\n\n<!-- scorer: ignore -->\nA WEAK claim.\n")
    result = check("drafts/weak.md", "--format", "json")
    assert result.exit_code == 0
    claims = json.loads(result.stdout)["files"][0]["claims"]
    assert [c["suppressed"] for c in claims] == [False, True]


def test_baseline_round_trip_through_the_cli(project):
    assert check("drafts/weak.md", "--write-baseline", "baseline.json").exit_code == 1
    assert Path("baseline.json").is_file()
    (project / "drafts" / "weak.md").write_text("New opening line.\n\nMore text.\n\nA WEAK claim about exports.\n")
    result = check("drafts/weak.md", "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 0, result.stdout
    (project / "drafts" / "weak.md").write_text("A WEAK claim about exports.\n\nAnother WEAK one here.\n")
    result = check("drafts/weak.md", "--baseline", "baseline.json", "--format", "github")
    assert result.exit_code == 1
    # one annotation for the claim, naming both rules it breaks
    assert [line for line in result.stdout.splitlines() if "weak-sourcing" in line] == [
        "::error file=drafts/weak.md,line=3,col=1,endLine=3,endColumn=22,"
        "title=scorer weak-sourcing%2C unsourced-claim::"
        "weak-sourcing (error): sourcing confidence 0.1 is under the threshold 0.5 (strength: weak)%0A"
        "unsourced-claim (warning): check-worthy claim with no attributed source"]


def test_missing_baseline_exits_2(project):
    result = check("drafts/weak.md", "--baseline", "nope.json")
    assert result.exit_code == 2 and "baseline file not found: nope.json" in result.stderr


def test_changed_since_nothing_changed_exits_0_with_message(project):
    from test_discover import git  # the user's git config (signing, hooks) must not reach the test

    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "x"]):
        git(project, *args)
    result = check("--changed-since", "HEAD", "--format", "sarif", "--output", "r.sarif")
    assert result.exit_code == 0
    assert "no drafts changed since HEAD" in result.stderr
    assert json.loads(Path("r.sarif").read_text())["runs"][0]["results"] == []
    (project / "drafts" / "weak.md").write_text("A WEAK claim about imports.\n")
    result = check("--changed-since", "HEAD", "--format", "json")
    assert result.exit_code == 1
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["drafts/weak.md"]


def test_markdown_and_table_formats(project):
    result = check("drafts", "--format", "markdown")
    assert result.stdout.startswith("### scorer: ❌ failed")
    result = check("drafts")
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert "1 error(s)" in result.stdout


def test_outlet_overrides_reach_the_pipeline(project):
    (project / ".scorer.toml").write_text(
        "[[outlets]]\nkey = 'ledger'\nname = 'Example Ledger'\ndomains = ['ledger.test']\nreliability = 0.8\n")
    assert check("drafts/good.md").exit_code == 0
    registry = fake_pipeline.score_files.calls[-1]["registry"]
    assert registry is not None and registry.by_domain("ledger.test").name == "Example Ledger"
    (project / ".scorer.toml").write_text("[[outlets]]\nkey = 'nosuch'\n")
    result = check("drafts/good.md")
    assert result.exit_code == 2 and ".scorer.toml: outlets:" in result.stderr


def test_config_command_shows_origins(project):
    (project / ".scorer.toml").write_text("threshold = 0.7\n")
    result = runner.invoke(app, ["config", "--offline"], env={"SCORER_CACHE_DIR": "/tmp/c"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"# config file: {(project / '.scorer.toml').resolve()}"
    line = next(line for line in lines if line.startswith("threshold"))
    assert "0.7" in line and line.endswith(f"# {(project / '.scorer.toml').resolve()}")
    assert next(line for line in lines if line.startswith("fetch.offline")).endswith("# flag --offline")
    assert next(line for line in lines if line.startswith("fetch.cache_dir")).endswith("# env SCORER_CACHE_DIR")
    assert next(line for line in lines if line.startswith("rules.misquote")).endswith("# default")
    doc = json.loads(runner.invoke(app, ["config", "--json"]).stdout)
    assert doc["settings"]["threshold"] == {"value": 0.7, "from": str((project / ".scorer.toml").resolve())}


@pytest.mark.parametrize("option, target", [
    ("--output", "drafts/weak.md"),          # the report would replace the draft it is about
    ("--output", "./drafts/../drafts/good.md"),
    ("--write-baseline", "drafts/good.md"),
    ("--output", "base.json"),               # the baseline this run reads
    ("--output", ".scorer.toml"),            # the configuration in force
])
def test_output_never_overwrites_an_input(project, option, target):
    (project / ".scorer.toml").write_text("threshold = 0.5\n")
    assert check("drafts/weak.md", "--write-baseline", "base.json").exit_code == 1
    before = {p: p.read_bytes() for p in (project / "drafts/weak.md", project / "drafts/good.md",
                                          project / "base.json", project / ".scorer.toml")}
    result = check("drafts", "--baseline", "base.json", option, target, "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "is an input of this run" in result.stderr
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"])  # a full disk; a closed standard output
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_standard_output_that_cannot_be_written_is_one_line_exit_2(tmp_path, redirect, fmt):
    import subprocess
    import sys

    (tmp_path / "a.md").write_text("The port reopened in May, officials said.\n")
    done = subprocess.run(f'"{sys.executable}" -m scorer check a.md --no-fetch --format {fmt} {redirect}', shell=True,
                          stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("scorer: error: cannot write the report to standard output")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_a_draft_not_a_binary_file(tmp_path, monkeypatch, encoding):
    # What Windows editors save as "Unicode": NUL bytes, but the byte order mark says what they are.
    monkeypatch.chdir(tmp_path)
    text = "# Port\n\nThe port reopened in May, officials said.\n"
    data = text.encode(encoding)
    Path("notes.md").write_bytes(data if data.startswith((b"\xff\xfe", b"\xfe\xff")) else b"\xfe\xff" + data)
    result = runner.invoke(app, ["check", "notes.md", "--no-fetch", "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    claims = json.loads(result.stdout)["files"][0]["claims"]
    assert claims[-1]["text"] == "The port reopened in May, officials said." and claims[-1]["line"] == 3
    assert "not UTF-8; decoded as utf-16" in result.stderr
