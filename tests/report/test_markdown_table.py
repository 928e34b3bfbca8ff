from report_factory import make_file, make_report, sample_file, sample_report  # noqa: F401 (fixture)
from scorer.report import FORMATS, get_reporter


def test_formats_registered():
    assert set(FORMATS) >= {"table", "json", "github", "sarif", "markdown"}


def test_markdown_summary(sample_report):
    out = get_reporter("markdown").render(sample_report)
    assert out.startswith("### scorer: ❌ failed")
    assert "| `drafts/story.md` | 5 | 3 | 1 | 1 | 1 | 0 | 1 | **failed** |" in out
    rows = [line for line in out.splitlines() if line.startswith("| ❌") or line.startswith("| ⚠️")]
    assert rows[0].startswith("| ❌ error | `drafts/story.md:8` | `weak-sourcing` |")  # errors first


def test_markdown_escapes_pipes():
    fr = make_file("Exports | imports fell.\n", [("Exports | imports fell.", dict(confidence=0.1))])
    out = get_reporter("markdown").render(make_report(fr))
    assert "Exports \\| imports fell." in out


def test_markdown_passed_when_clean():
    fr = make_file("All good here.\n", [("All good here.", dict(confidence=0.9, strength="strong",
                                                                 sources=[]))])
    out = get_reporter("markdown", levels={"unsourced-claim": "off"}).render(make_report(fr))
    assert out.startswith("### scorer: ✅ passed")


def test_table_has_columns_and_summary_without_colour(sample_report):
    out = get_reporter("table", color=False, width=200).render(sample_report)
    assert "\x1b[" not in out
    for header in ("line", "claim", "strength", "conf.", "sources", "verification", "why"):
        assert header in out
    assert "0.91" in out and "Example Ledger" in out and "error: weak-sourcing" in out
    assert "drafts/story.md: 5 claims, 3 check-worthy (1 strong, 1 moderate, 1 weak, 0 none), 1 under the " \
           "threshold 0.5: FAILED" in out
    assert out.rstrip().endswith("FAILED")


def test_table_keeps_brackets_literal():
    fr = make_file("Visitors rose [150,000] says [Example Ledger].\n",
                   [("Visitors rose [150,000] says [Example Ledger].", dict(confidence=0.9))])
    out = get_reporter("table", color=True, width=200).render(make_report(fr))
    assert "[Example Ledger]" in out and "[150,000]" in out
    assert "\x1b[" in out  # colour when asked
