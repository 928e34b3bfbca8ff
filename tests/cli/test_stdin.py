"""`scorer check -`: a draft piped in, named by --stdin-filename (real pipeline, no fetching)."""

import json

from typer.testing import CliRunner

from scorer.cli import app

runner = CliRunner()
DRAFT = ("A source in the capital said exports fell by a third last year.\n\n"
         "The ministry said in a statement on Monday that exports fell 4 percent.\n")


def test_stdin_markdown_by_default():
    result = runner.invoke(app, ["check", "-", "--no-fetch", "-f", "line"], input=DRAFT)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:1: error weak-sourcing ")


def test_stdin_filename_names_the_draft_and_picks_the_reader():
    html = "<p>A source in the capital said exports fell by a third last year.</p>\n"
    result = runner.invoke(app, ["check", "-", "--stdin-filename", "drafts/story.html", "--no-fetch", "-f", "json"],
                           input=html)
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "drafts/story.html"
    assert report["files"][0]["claims"][0]["column"] == 4  # after "<p>": the HTML reader, not Markdown's
    bad = runner.invoke(app, ["check", "-", "--stdin-filename", "story.docx", "--no-fetch"], input="x")
    assert bad.exit_code == 2 and "unsupported file type '.docx'" in bad.stderr


def test_stdin_with_files_and_filename_without_dash(tmp_path):
    (tmp_path / "a.md").write_text("The ministry said in a statement that exports fell 4 percent.\n")
    result = runner.invoke(app, ["check", str(tmp_path / "a.md"), "-", "--no-fetch", "-f", "json"], input=DRAFT)
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == ["<stdin>", str(tmp_path / "a.md")]
    lone = runner.invoke(app, ["check", "--stdin-filename", "x.md", "--no-fetch"])
    assert lone.exit_code == 2 and "give - as a PATH" in lone.stderr


def test_binary_on_stdin_is_an_input_error():
    result = runner.invoke(app, ["check", "-", "--no-fetch"], input=b"\x00\x01\x02binary")
    assert result.exit_code == 2 and "binary" in result.stderr
