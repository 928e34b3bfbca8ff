from report_factory import make_file, make_report, sample_file, sample_report  # noqa: F401 (fixture)
from scorer.report import get_reporter
from scorer.report.github import command, escape_data, escape_property
from scorer.rules import Finding, Findings


def test_escaping_rules():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"
    assert command("notice", "m") == "::notice::m"


def test_file_with_comma_and_message_with_newline_and_percent():
    fr = make_file("Exports fell 30%.\n", [("Exports fell 30%.", dict(confidence=0.1))], path="drafts/seoul, korea.md")
    finding = Finding(rule="misquote", level="error", message="quote altered:\n100% wrong", path=fr.path,
                      claim_index=0, line=1, column=1, end_line=1, end_column=17, text="Exports fell 30%.",
                      fingerprint="x")
    out = get_reporter("github", findings=Findings([finding])).render(make_report(fr))
    first = out.splitlines()[0]
    assert first == ("::error file=drafts/seoul%2C korea.md,line=1,col=1,endLine=1,endColumn=17,"
                     "title=scorer misquote::quote altered:%0A100%25 wrong")


def test_levels_map_to_commands(sample_report):
    lines = get_reporter("github").render(sample_report).splitlines()
    commands = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert "::error" in commands and "::warning" in commands
    weak = next(line for line in lines if "weak-sourcing" in line)
    # one annotation for the weak anonymous claim, at its worst level, naming both rules
    assert weak == ("::error file=drafts/story.md,line=8,col=1,endLine=8,endColumn=53,"
                    "title=scorer weak-sourcing%2C anonymous-source::"
                    "weak-sourcing (error): sourcing confidence 0.2 is under the threshold 0.5 (strength: weak)%0A"
                    "anonymous-source (warning): rests on anonymous source \"a source in the capital\"")
    assert sum(",line=8," in line for line in lines) == 1
    assert lines[-1].startswith("scorer: 1 file(s), 5 claims") and lines[-1].endswith(": FAILED")


def test_note_level_is_notice_and_off_is_absent(sample_report):
    out = get_reporter("github", levels={"anonymous-source": "note", "weak-sourcing": "off", "misquote": "off"}
                       ).render(sample_report)
    assert "::notice file=drafts/story.md,line=8" in out
    assert "misquote" not in out


def test_relpath_option(sample_report):
    out = get_reporter("github", relpath=lambda p: "repo/" + p).render(sample_report)
    assert "file=repo/drafts/story.md" in out


def test_quiet_leaves_out_the_summary_line(sample_report):
    lines = get_reporter("github", quiet=True).render(sample_report).splitlines()
    assert lines and all(line.startswith("::") for line in lines)
