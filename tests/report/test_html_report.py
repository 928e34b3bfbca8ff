"""`--format html` without a browser: what the page holds, what it refuses to hold, and what it loads."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from html_page import parse, sha256_source
from report_factory import (ANON, OUTLET, NumberCheck, Source, Verification, make_file, make_report,
                            sample_file, sample_report)  # noqa: F401 (fixture)
from scorer.cli import app
from scorer.pipeline import score_file, score_text
from scorer.report import FORMATS, get_reporter
from scorer.report.html.diff import mark_differences
from scorer.report.html.layout import safe_href
from scorer.settings import CheckSettings, FetchSettings

NO_FETCH = CheckSettings(fetch=FetchSettings(enabled=False))
HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>'


def render(report, **options) -> str:
    return get_reporter("html", **options).render(report)


def claims_of(page):
    return page.find("span", class_="claim")


def test_html_is_a_registered_format():
    assert "html" in FORMATS


def test_every_check_worthy_claim_is_highlighted_once_with_its_strength(sample_report):
    page = parse(render(sample_report))
    claims = claims_of(page)
    doc = json.loads(get_reporter("json").render(sample_report))
    worthy = [c for c in doc["files"][0]["claims"] if c["check_worthy"]]
    assert [c.attrs["data-strength"] for c in claims] == [c["strength"] for c in worthy]
    assert len({c.attrs["id"] for c in claims}) == len(claims)
    # each opens a details section of the page, which the panel shows
    for claim in claims:
        (detail,) = page.find("section", id=claim.attrs["aria-controls"])
        assert "hidden" in detail.attrs
        assert claim.attrs["tabindex"] == "0" and claim.attrs["role"] == "button"


def test_summary_sources_findings_and_verification_are_on_the_page(sample_report):
    text = parse(render(sample_report)).text
    assert "Failed" in text and "1 under the threshold 0.5" in text
    assert "Weakest claims, under the threshold" in text and "line 8" in text
    assert "Example Ledger" in text and "ledger.test" in text
    assert "a source in the capital" in text and "anonymous" in text
    assert "weak-sourcing" in text and "sourcing confidence 0.2 is under the threshold 0.5" in text
    assert "4.2 million" in text and "4.6 million" in text and "differs" in text
    assert "2015-02-21" in text and "after the draft's date" in text
    assert "according to Example Ledger" in text  # the reason the JSON carries


def test_weakest_claims_link_into_the_text_weakest_first_and_only_under_the_threshold():
    text = "One said a. Two said b. Three said c. Four said d.\n"
    specs = [(f"{n} said {c}.", dict(confidence=conf)) for n, c, conf in
             (("One", "a", 0.4), ("Two", "b", 0.1), ("Three", "c", 0.9), ("Four", "d", 0.3))]
    page = parse(render(make_report(make_file(text, specs))))
    jumps = [e.attrs["href"] for e in page.find("a", class_="jump")]
    assert jumps == ["#f0-c1", "#f0-c3", "#f0-c0"]
    ids = {c.attrs["id"] for c in claims_of(page)}
    assert {j[1:] for j in jumps} <= ids
    none_under = parse(render(make_report(make_file(text, specs), threshold=0.05)))
    assert not none_under.find("a", class_="jump") and "No claim is under the threshold." in none_under.text


def test_the_draft_is_shown_without_its_front_matter(sample_report):
    text = parse(render(sample_report)).text
    assert "Harbour figures" in text and "I think this is great." in text
    assert "title: Sample" not in text


def test_self_contained_and_behind_a_strict_content_security_policy(sample_report):
    html = render(sample_report)
    page = parse(html)
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert not [e for e in page.elements if "src" in e.attrs]
    (style,) = page.find("style")
    (script,) = page.find("script")
    assert "url(" not in style.text and "@import" not in style.text
    assert "fetch(" not in script.text and "XMLHttpRequest" not in script.text
    csp = page.csp
    assert "default-src 'none'" in csp and "base-uri 'none'" in csp and "form-action 'none'" in csp
    assert f"script-src {sha256_source(script.text)}" in csp
    assert f"style-src {sha256_source(style.text)}" in csp
    assert "unsafe-inline" not in csp
    assert html.index("Content-Security-Policy") < html.index("<style>")  # in force before anything loads


def test_hostile_draft_and_page_text_is_shown_as_text_never_as_markup():
    text = f"Officials said {HOSTILE} the port reopened.\n"
    evil = Source(name='<img src=y onerror="alert(4)">', kind="outlet", cue="<b>cue</b>",
                  url="javascript:alert(5)", domain="evil.test")
    ver = Verification(status="altered", url="javascript:alert(6)", passage="<script>alert(7)</script>",
                       numbers=(NumberCheck("<i>1</i>", "<i>2</i>", "different"),))
    report = make_report(make_file(text, [(f"Officials said {HOSTILE} the port reopened.",
                                           dict(sources=[evil], signals=["<svg onload=alert(8)>"],
                                                verification=ver))]))
    html = render(report)
    page = parse(html)
    assert len(page.find("script")) == 1  # ours
    assert not [e for e in page.elements if any(name.startswith("on") for name in e.attrs)]
    assert not [e for e in page.elements if e.tag in ("img", "svg") and "onload" in e.attrs]
    assert not [e for e in page.elements if "javascript:" in (e.attrs.get("href") or "")]
    assert HOSTILE in page.text  # what the writer wrote, visible as written
    assert '<img src=y onerror="alert(4)">' in page.text and "<script>alert(7)</script>" in page.text
    assert "javascript:alert(5)" in page.text  # shown, not linked


def test_markdown_structure_links_and_unsafe_links():
    draft = ("# A title\n\nThe ministry said output rose, [according to the Ledger](https://ledger.test/a).\n\n"
             "- Officials said one thing.\n- Officials said [another](javascript:alert(1)).\n\n"
             "1. First, the report said.\n\n> A witness said the gate closed at dawn. [Example Ledger]\n")
    report = make_report(score_text(draft, path="drafts/s.md", settings=NO_FETCH))
    page = parse(render(report))
    assert page.find("h3", class_="dh1")  # the draft's title, under the page's and the file's headings
    assert len(page.find("ul")) >= 1 and page.find("ol") and page.find("blockquote")
    hrefs = [e.attrs.get("href") for e in page.find("a")]
    assert "https://ledger.test/a" in hrefs
    assert not [h for h in hrefs if h and h.startswith("javascript")]
    assert "another" in page.text


def test_several_drafts_give_one_page_with_a_section_each():
    report = make_report(sample_file("drafts/a.md"), sample_file("drafts/b.md"))
    page = parse(render(report))
    sections = page.find("section", class_="draft")
    assert [s.attrs["id"] for s in sections] == ["f0", "f1"]
    assert "drafts/a.md" in page.text and "drafts/b.md" in page.text
    ids = [c.attrs["id"] for c in claims_of(page)]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert [e.attrs["href"] for e in page.find("a") if e.attrs.get("href") in ("#f0", "#f1")] == ["#f0", "#f1"]


def test_an_empty_run_still_renders():
    page = parse(render(make_report()))
    assert "No drafts were checked." in page.text and "Passed" in page.text


def test_safe_href_allows_only_pages_and_mail():
    assert safe_href("https://ledger.test/a?b=1") == "https://ledger.test/a?b=1"
    assert safe_href("mailto:desk@ledger.test") == "mailto:desk@ledger.test"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
                "vbscript:x", "", None):
        assert safe_href(bad) is None, bad


def test_differing_words_and_figures_are_marked():
    draft, source = mark_differences("exports fell 2.4 percent, the ministry said",
                                     "exports dropped 2.79 percent, the ministry said", ["2.4 percent"],
                                     ["2.79 percent"])
    assert ("fell", "diff") in draft and ("dropped", "diff") in source
    assert ("2.4 percent", "fig") in draft and ("2.79 percent", "fig") in source
    assert "".join(t for t, _ in draft) == "exports fell 2.4 percent, the ministry said"
    same, _ = mark_differences("“The gate closed,” he said", '"the gate closed," he says')
    assert [t for t, cls in same if cls] == ["said"]  # quote marks and case are not differences


def test_cli_writes_the_report_to_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text("A source in the capital said exports fell by a third.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "draft.md", "--no-fetch", "--format", "html", "--output",
                                      "report.html"])
    assert result.exit_code == 1, result.output  # the anonymous claim is under the threshold
    page = parse(Path("report.html").read_text(encoding="utf-8"))
    assert len(claims_of(page)) == 1 and "Failed" in page.text


def test_check_in_another_format_never_imports_jinja2():
    seed = Path(__file__).resolve().parents[2] / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"
    probe = (
        "import sys\nfrom scorer.cli import app\n"
        f"sys.argv = ['scorer', 'check', {str(seed)!r}, '--no-fetch', '--format', 'json', '--exit-zero']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('\\nJINJA', 'jinja2' in sys.modules, 'scorer.report.html' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.rsplit("JINJA", 1)[1].split() == ["False", "False"]


def test_every_word_of_the_seed_is_on_the_page_in_order():
    seed = Path(__file__).resolve().parents[2] / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"
    file_report = score_file(seed, NO_FETCH)
    html = render(make_report(file_report))
    page = parse(re.sub(r'<span class="sr">[^<]*</span>', "", html))  # what a screen reader adds aside
    pos = page.text.index("Kim Jong Un seeks friends")
    for block in file_report.draft.blocks:
        words = " ".join(block.text.split())
        found = page.text.find(words, pos)
        assert found >= 0, words
        pos = found + len(words)
    assert len(claims_of(page)) == sum(r.score.check_worthy for r in file_report.results)
