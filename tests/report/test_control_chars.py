"""No escape sequence from a draft or a page reaches the terminal (table, Markdown, `scorer fetch`)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from scorer.cli import app
from scorer.report.common import printable

runner = CliRunner()
HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b[31mred\x9b31m\u202eevil\u2066"
ANY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_printable_keeps_text_and_drops_controls():
    assert printable(f"Synthetic {HOSTILE} words\tand\nlines") == "Synthetic ]0;owned[2J[31mred31mevil words\tand\nlines"


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_hostile_draft_writes_no_control_characters(tmp_path, fmt):
    draft = tmp_path / "hostile.md"
    draft.write_text(f'An official at the ministry{HOSTILE}, who spoke on condition of anonymity, said "the index rose '
                     f'by 12 percent" [here](https://site.test/a{HOSTILE}).\n'
                     f"Officials{HOSTILE} reported it.\n\n" + "The ordinary words of a synthetic draft. " * 20 + "\n",
                     encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), "--no-fetch", "--format", fmt, "--exit-zero"],
                           env={"COLUMNS": "200"})  # the full table, whose cells show the draft's words
    assert result.exit_code == 0, result.output
    assert "ministry" in result.stdout and "owned" in result.stdout
    assert not ANY_CONTROL.search(result.stdout.replace("\n", "").replace("\t", ""))


def test_a_hostile_page_title_and_message_write_no_control_characters(local_server, tmp_path):
    local_server.server.expect_request("/page").respond_with_data(
        f"<html><head><title>Synthetic{HOSTILE}title</title></head><body><article><p>{'Synthetic words. ' * 20}"
        "</p></article></body></html>", content_type="text/html")
    result = runner.invoke(app, ["fetch", local_server.base + "/page", "--allow-private-hosts", "--cache-dir",
                                 str(tmp_path)])
    assert "Synthetic" in result.stdout and "owned" in result.stdout
    assert not ANY_CONTROL.search(result.stdout.replace("\n", ""))
