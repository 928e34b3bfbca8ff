"""HTML drafts: the article's paragraphs through the fetch extraction, every character mapped to the file.

The page is synthetic, for a made-up outlet on a .test host.
"""

import json

from typer.testing import CliRunner

from scorer.cli import app
from scorer.draft import parse_text, read_draft

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Border crossings fall | The Example Ledger</title>
<meta property="article:published_time" content="2015-02-20T08:00:00Z">
<script>var x = "<p>not prose</p>";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Border crossings fall as controls tighten</h1>
<p>North Korea has tightened controls on its border with China, according to
<a href="https://rights.example.test/2015/02/report">Rights Watchers</a>.</p>
<p>A source in a northeastern Chinese city said the number of defectors fell by half in 2014.</p>
<blockquote><p>&ldquo;The phones have no signal in the cities anymore,&rdquo; said Kim, a trader. [Daily NK]</p></blockquote>
<!-- scorer: ignore -->
<p>Officials said 1,396 defectors arrived in the South in 2014, down from 1,514 the year before.</p>
<p>Trade between the two countries reached $6.39 billion, the Korea Trade-Investment Promotion Agency said.</p>
</article>
<aside><p>Related: more stories you will like about everything under the sun.</p></aside>
<footer><p>Copyright 2015 Example Ledger. All rights reserved.</p></footer>
</body></html>
"""


def test_article_blocks_kinds_links_and_date():
    draft = parse_text(PAGE, path="story.html")
    assert draft.format == "html" and draft.date == "2015-02-20"
    texts = [b.text for b in draft.blocks]
    assert texts[0] == "Border crossings fall as controls tighten" and draft.blocks[0].kind == "heading"
    assert texts[1] == ("North Korea has tightened controls on its border with China, according to "
                        "Rights Watchers.")
    assert [link.url for link in draft.blocks[1].links] == ["https://rights.example.test/2015/02/report"]
    assert draft.blocks[1].text[slice(draft.blocks[1].links[0].start, draft.blocks[1].links[0].end)] == "Rights Watchers"
    quote = draft.blocks[3]
    assert quote.kind == "quote" and quote.tag == "Daily NK" and quote.text.startswith("“The phones")
    joined = " ".join(texts)
    for furniture in ("Home", "not prose", "Related:", "Copyright"):
        assert furniture not in joined


def test_every_character_maps_back_to_the_file():
    draft = parse_text(PAGE, path="story.html")
    for block in draft.blocks:
        for start, offset, length in block.segments:
            piece, source = block.text[start:start + length], draft.text[offset:offset + length]
            assert piece == source or piece.isspace() or source == "&", (piece, source)
    para = draft.blocks[2]
    line, column = draft.position(para.file_offset(0))
    assert PAGE.splitlines()[line - 1][column - 1:].startswith("A source in a northeastern")


def test_check_an_html_draft_reports_real_claims_at_real_lines(tmp_path):
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "story.html"), "--no-fetch", "-f", "json"])
    assert result.exit_code == 1, result.stderr  # the anonymous claim is weak
    report = json.loads(result.stdout)
    claims = report["files"][0]["claims"]
    assert report["summary"]["claims"] == len(claims) >= 5
    anonymous = next(c for c in claims if c["text"].startswith("A source in a northeastern"))
    assert (anonymous["line"], anonymous["column"]) == (11, 4)
    assert any(s["kind"] == "anonymous" for s in anonymous["sources"])
    officials = next(c for c in claims if c["text"].startswith("Officials said"))
    assert officials["suppressed"] is True  # the HTML comment works as in Markdown


def test_a_fragment_with_no_page_around_it_keeps_every_paragraph():
    draft = parse_text("<p>One &amp; two.</p>\n<p>Three, said the <b>minister</b>.</p>\n", path="x.htm")
    assert [b.text for b in draft.blocks] == ["One & two.", "Three, said the minister."]


def test_unsupported_and_unknown_file_types_are_errors(tmp_path):
    runner = CliRunner()
    for name in ("story.pdf", "notes.rst", "README"):
        (tmp_path / name).write_text("Text that is not read as a draft.\n")
        result = runner.invoke(app, ["check", str(tmp_path / name), "--no-fetch"])
        assert result.exit_code == 2, name
        assert result.stderr.startswith("scorer: error: ") and len(result.stderr.splitlines()) == 1
        assert ("unsupported file type" in result.stderr) == (name != "README")
