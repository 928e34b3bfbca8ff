"""The line format, --quiet, --min-level, colour and width, over the stand-in pipeline (fake_pipeline.py)."""

import re

from fake_pipeline import check, project  # noqa: F401  (project is a fixture)
from scorer.cli.terminal import terminal_width, use_color

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|note) (?P<rule>[a-z-]+) \S")


def test_line_format_is_one_finding_a_line_and_summary_on_stderr(project):
    result = check("drafts", "-f", "line")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == ["drafts/weak.md:3:1: error weak-sourcing sourcing confidence 0.1 is under the threshold 0.5 "
                     "(strength: weak)",
                     "drafts/weak.md:3:1: warning unsourced-claim check-worthy claim with no attributed source"]
    assert all(LINE.match(line) for line in lines)
    assert result.stderr.strip().startswith("scorer: 2 file(s), ") and result.stderr.strip().endswith("FAILED")


def test_quiet_prints_findings_only(project):
    result = check("drafts", "-f", "line", "-q")
    assert result.exit_code == 1 and len(result.stdout.splitlines()) == 2 and result.stderr == ""
    table = check("drafts", "--quiet", env={"COLUMNS": "100"})
    assert "FAILED" not in table.stdout and "weak.md" in table.stdout and "good.md" not in table.stdout
    assert check("drafts/good.md", "-q").stdout == ""  # nothing to say


def test_min_level_hides_lower_levels_but_not_the_verdict(project):
    result = check("drafts", "-f", "line", "--min-level", "error")
    assert [LINE.match(line)["rule"] for line in result.stdout.splitlines()] == ["weak-sourcing"]
    assert result.exit_code == 1
    (project / ".scorer.toml").write_text("[rules]\nweak-sourcing = 'warning'\n")
    result = check("drafts", "-f", "line", "--min-level", "error")
    assert result.stdout == "" and result.exit_code == 0
    bad = check("drafts", "--min-level", "loud")
    assert bad.exit_code == 2 and "--min-level" in bad.stderr


def test_colour_follows_no_color_force_color_and_the_flag(project):
    plain = check("drafts/weak.md")
    assert "\x1b[" not in plain.stdout  # not a terminal
    assert "\x1b[" in check("drafts/weak.md", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in check("drafts/weak.md", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" in check("drafts/weak.md", "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in check("drafts/weak.md", "--color", "never", env={"FORCE_COLOR": "1"}).stdout


def test_use_color_rules():
    class Tty:
        def isatty(self):
            return True

    assert use_color("auto", Tty(), {}) and not use_color("auto", None, {})
    assert not use_color("auto", Tty(), {"NO_COLOR": "1"}) and use_color("auto", Tty(), {"NO_COLOR": ""})
    assert use_color("auto", None, {"FORCE_COLOR": "1"}) and not use_color("auto", None, {"FORCE_COLOR": "0"})


def test_width_comes_from_columns_and_a_pipe_is_80_not_160(project, monkeypatch):
    assert terminal_width({"COLUMNS": "132"}) == 132
    monkeypatch.setattr("os.get_terminal_size", lambda fd: (_ for _ in ()).throw(OSError("not a tty")))
    assert terminal_width({}) == 80
    narrow = check("drafts/weak.md", env={"COLUMNS": "80"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80
    # under 120 columns a claim is one line: where, verdict, rules, the claim
    assert re.search(r"^\s+3\s+weak\s+0\.10\s+weak-sourcing\s+unsourced-claim\s+A WEAK claim", narrow.stdout, re.M)
    wide = check("drafts/weak.md", env={"COLUMNS": "160"})
    assert "verification" in wide.stdout and max(len(line) for line in wide.stdout.splitlines()) <= 160
