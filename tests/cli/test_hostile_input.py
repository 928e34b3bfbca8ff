"""Hostile input gives one line on stderr and exit 2, never a traceback (exit 1 would read as findings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.cli import app

runner = CliRunner()


def one_line_error(result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("scorer: error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def check(*args: str):
    return runner.invoke(app, ["check", "--no-fetch", *args])


@pytest.mark.parametrize("front, why", [
    ("date: 2015-02-30", "not a real date"),
    ("date: 2015-99-99", "not a real date"),
    ("date: 0000-01-01", "not a real date"),
    ("date: 2015-02-17 25:00", "impossible time"),
    ("date: 2015-02-17T10:61:00Z", "impossible time"),
    ("date: [1, 2]", "not a date"),
    ("title: x\nupdated: 2015-02-30\ndate: 2015-02-31", "not a real date"),
    ("count: " + "9" * 5000, "not valid YAML"),
    ("nested: " + "[" * 5000 + "]" * 5000, "front matter"),
    ("title: [unclosed", "not valid YAML"),
])
def test_front_matter_that_cannot_be_read_is_one_line(tmp_path, front, why):
    draft = tmp_path / "draft.md"
    draft.write_text(f"---\n{front}\n---\n\nThe ministry said it would act.\n", encoding="utf-8")
    line = one_line_error(check(str(draft)))
    assert why in line and str(draft) in line


def test_an_impossible_date_in_another_key_is_no_crash_and_a_good_date_still_counts(tmp_path):
    from scorer.draft import read_draft

    draft = tmp_path / "draft.md"
    draft.write_text("---\nupdated: 2015-02-30\ndate: 2015-02-17 10:30:00 +09:00\n---\n\nWords.\n", encoding="utf-8")
    assert read_draft(draft)[0].date == "2015-02-17"


def test_a_thematic_break_then_prose_is_not_front_matter(tmp_path):
    from scorer.claims import split_claims
    from scorer.draft import read_draft

    draft = tmp_path / "draft.md"
    draft.write_text("---\nThe ministry said it would act soon.\n---\n", encoding="utf-8")
    claims = split_claims(read_draft(draft)[0])
    assert [c.text for c in claims] == ["The ministry said it would act soon."]


def test_a_utf32_draft_is_read_as_utf32(tmp_path):
    from scorer.claims import split_claims
    from scorer.draft import read_draft

    for codec in ("utf-32", "utf-32-be"):
        draft = tmp_path / f"{codec}.md"
        data = "The ministry said it would act.\n".encode(codec)
        if codec == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        draft.write_bytes(data)
        parsed, warnings = read_draft(draft)
        assert [c.text for c in split_claims(parsed)] == ["The ministry said it would act."]
        assert "\x00" not in parsed.text and "utf-32" in warnings[0]


@pytest.mark.parametrize("content", [
    '{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "[" * 100_000 + "]" * 100_000,
])
def test_a_deeply_nested_baseline_is_one_line(tmp_path, content):
    draft = tmp_path / "a.md"
    draft.write_text("Words.\n")
    baseline = tmp_path / "base.json"
    baseline.write_text(content)
    assert "baseline" in one_line_error(check(str(draft), "--baseline", str(baseline)))


def test_a_deeply_nested_configuration_is_one_line(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("Words.\n")
    config = tmp_path / "deep.toml"
    config.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "deep.toml" in one_line_error(check(str(draft), "--config", str(config)))


@pytest.mark.parametrize("entry, why", [
    ({"url": "https://site.test/a", "file": "page.html", "status": "two hundred"}, '"status" must be'),
    ({"url": "https://site.test/a", "file": "page.html", "headers": "text/html"}, '"headers" must be'),
    ({"url": "https://site.test/a", "file": "page.html", "headers": {"Content-Type": 5}}, '"headers" must map'),
    ({"url": ["https://site.test/a"], "file": "page.html"}, '"url" must be'),
    ({"url": "https://site.test/a", "file": 7}, '"file" must be'),
    ({"url": "https://site.test/a", "file": "page.html", "kind": {"x": 1}}, '"kind" must be'),
    ({"url": "https://site.test/a", "file": "page\u0000.html"}, "NUL"),
])
def test_a_manifest_with_wrong_field_types_is_one_line(tmp_path, entry, why):
    tmp_path.joinpath("page.html").write_text("<html><body><p>Synthetic.</p></body></html>")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"pages": [entry]}))
    result = runner.invoke(app, ["cache", "import", str(manifest), "--cache-dir", str(tmp_path / "cache")])
    assert why in one_line_error(result)


def test_output_and_write_baseline_may_not_name_one_file(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("Words.\n")
    target = tmp_path / "same.json"
    (tmp_path / "link.json").symlink_to(target)
    for other in (target, tmp_path / "link.json", tmp_path / "sub" / ".." / "same.json"):
        line = one_line_error(check(str(draft), "-o", str(target), "--write-baseline", str(other)))
        assert "--output and --write-baseline" in line
    assert not target.exists()


def test_an_output_path_in_a_symlink_loop_is_one_line(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("Words.\n")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    assert "loop1" in one_line_error(check(str(draft), "-o", str(tmp_path / "loop1")))


def test_a_draft_over_the_size_limit_is_refused_up_front_and_a_flag_raises_it(tmp_path):
    draft = tmp_path / "big.md"
    draft.write_text("The ministry said it would act. " * 40 + "\n")
    line = one_line_error(check(str(draft), "--max-draft-bytes", "1000"))
    assert "1,000-byte limit" in line and "--max-draft-bytes" in line
    assert check(str(draft), "--max-draft-bytes", "0").exit_code in (0, 1)
