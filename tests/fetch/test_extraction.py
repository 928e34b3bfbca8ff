"""What the generic extractor keeps and drops (issue 10), on plainly synthetic pages of made-up outlets.

Each page goes through `build_article`, the path a live response and `scorer cache import` both take.
"""

from __future__ import annotations

import json
import sys

from typer.testing import CliRunner

from scorer.cli import app
from scorer.fetch.pages import build_article
from scorer.types import Attribution, Claim
from scorer.verify import verify_claim

BODY = "".join(
    f"<p>Synthetic paragraph {n} of a made-up story, written only to test the extractor; it says nothing real "
    f"about anyone and is long enough to read as an article paragraph.</p>"
    for n in range(1, 6)
)


def page(head: str = "", body: str = BODY, after: str = "") -> str:
    return f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav><article>{body}</article>{after}</body></html>"


def article(html: str, url: str = "https://news.example.test/story"):
    return build_article(url, url, html, "text/html", outlet=None)


def test_a_long_comment_thread_never_replaces_the_article():
    comments = "<section class='comments' id='comments'><h3>Comments</h3><ol>" + "".join(
        f"<li class='comment'><p>Synthetic commenter {n} writes a long reply that is not part of the story and "
        f"should never be checked as if the outlet had published it, reply number {n}.</p></li>"
        for n in range(40)
    ) + "</ol></section>"
    got = article(page(body=BODY + comments))  # the thread inside <article>, as many sites have it
    assert got.status == "ok"
    assert "Synthetic paragraph 1 of a made-up story" in got.text
    assert "Synthetic commenter" not in got.text


def test_the_fallback_fills_a_page_where_trafilatura_finds_nothing():
    got = article("<html><body><div><p>Synthetic one-line page.</p></div></body></html>")
    assert got.status == "ok" and got.text == "Synthetic one-line page."


def test_a_page_without_text_is_empty_not_ok_and_verifies_as_unfetched():
    # A page its scripts would fill in a browser: nothing to read in the HTML itself.
    got = article("<html><head><title>Synthetic</title></head><body><div id='app'></div>"
                  "<script>render('synthetic')</script></body></html>")
    assert got.status == "empty" and got.text == ""
    assert got.message == "no article text found on the page"
    claim_text = 'She said "synthetic words" were used.'
    claim = Claim(id="c0", index=0, text=claim_text, block_index=0, start=0, end=len(claim_text), line=1, column=1,
                  end_line=1, end_column=len(claim_text) + 1, block_start=0, block_end=len(claim_text))
    result = verify_claim(claim, Attribution(0, quotes=("synthetic words",)), [got], None)
    assert result.status == "unfetched" and result.reason.startswith("empty")


def test_title_comes_from_the_headline_metadata_without_the_site_name():
    head = ("<title>Synthetic vote passes | Example Wire Politics</title>"
            "<meta property='og:site_name' content='Example Wire'>"
            "<meta property='og:title' content='Synthetic vote passes - Example Wire'>")
    assert article(page(head)).title == "Synthetic vote passes"
    ld = {"@type": "NewsArticle", "headline": "Synthetic headline from JSON-LD"}
    head += f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    assert article(page(head)).title == "Synthetic headline from JSON-LD"


def test_a_title_keeps_a_dash_that_is_part_of_the_headline():
    head = "<meta property='og:title' content='Synthetic talks - and what comes next'>"
    assert article(page(head)).title == "Synthetic talks - and what comes next"


def test_authors_are_people_each_once():
    ld = {
        "@type": "NewsArticle", "headline": "Synthetic",
        "author": [
            {"@type": "Person", "name": "Ada Example"}, {"@type": "Person", "name": "ada example"},
            {"@type": "Organization", "name": "Example Wire"}, {"@type": "Person", "name": "Username"},
            {"@type": "Person", "name": "https://www.facebook.com/examplewire"},
            {"@type": "Person", "name": "Example Wire Staff"}, {"@type": "Person", "name": "Bo Sample"},
        ],
        "publisher": {"@type": "Organization", "name": "Example Wire"},
    }
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    assert article(page(head)).authors == ("Ada Example", "Bo Sample")


def test_authors_the_byline_does_not_show_are_dropped():
    head = "<meta name='author' content='Ada Example, Cy Other'>"
    body = "<p class='byline'>By Ada Example</p>" + BODY
    assert article(page(head, body)).authors == ("Ada Example",)


def test_a_table_is_kept_as_text_rows_so_its_figures_can_be_checked():
    table = ("<table><tr><th>Year</th><th>Synthetic exports</th></tr><tr><td>2013</td><td>$6.5 billion</td></tr>"
             "<tr><td>2014</td><td>$6.36 billion</td></tr></table>")
    got = article(page(body=BODY + table))
    assert "2014 | $6.36 billion" in got.text.split("\n\n")
    assert "---" not in got.text


def test_a_paywalled_preview_ending_in_an_ellipsis_is_partial():
    ld = {"@type": "NewsArticle", "headline": "Synthetic paywalled story", "isAccessibleForFree": "False"}
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    body = BODY + "<p>Synthetic final paragraph of the preview, cut short before it could end...</p>"
    got = article(page(head, body))
    assert got.status == "ok" and got.partial
    assert got.message == "partial copy: a paywalled preview that stops at an ellipsis"
    free = article(page(head.replace("False", "True"), BODY))
    assert not free.partial and free.message is None


def test_an_extractor_that_cannot_load_is_an_error_naming_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now raises ImportError
    (tmp_path / "page.html").write_text(page(), encoding="utf-8")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"pages": [{"url": "https://news.example.test/story", "file": "page.html"}]}))
    result = CliRunner().invoke(app, ["cache", "import", str(manifest), "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "trafilatura" in lines[0] and "lxml_html_clean" in lines[0]
    assert "Traceback" not in result.output


def test_bylines_run_into_dates_titles_or_credentials_give_the_names_alone():
    ld = {"@type": "NewsArticle", "headline": "Synthetic &#8220;quoted&#8221; headline",
          "author": ["Analysis by Ada Example", "Bo Sample Monday, November 18, 2099", "CY OTHER, AP Synthetic Writer",
                     "Di Person, MS, RD"],
          "datePublished": "0001-01-01T00:00:00Z"}  # a template's empty date: not a date
    head = (f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
            "<meta property='article:published_time' content='2099-07-08T09:00:00Z'>")
    got = article(page(head))
    assert got.authors == ("Ada Example", "Bo Sample", "CY OTHER", "Di Person")
    assert got.title == "Synthetic \u201cquoted\u201d headline"
    assert got.published == "2099-07-08"


def test_without_lxml_html_clean_the_error_names_it(tmp_path):
    # What the README's install gave before lxml_html_clean was declared: trafilatura's own import fails.
    import subprocess

    (tmp_path / "page.html").write_text(page(), encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"pages": [{"url": "https://news.example.test/story", "file": "page.html"}]}))
    code = (
        "import sys; sys.modules['lxml_html_clean'] = None; sys.modules['lxml.html.clean'] = None\n"
        "from scorer.cli import main\n"
        f"sys.argv = ['scorer', 'cache', 'import', {str(tmp_path / 'manifest.json')!r}, "
        f"'--cache-dir', {str(tmp_path / 'cache')!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert "trafilatura" in done.stderr and "lxml.html.clean" in done.stderr and "lxml_html_clean" in done.stderr


def test_a_headline_that_starts_with_the_site_name_is_kept():
    head = ("<meta property='og:site_name' content='Example Wire'>"
            "<meta property='og:title' content='Example Wire Heroes: a synthetic award story | Example Wire'>")
    assert article(page(head)).title == "Example Wire Heroes: a synthetic award story"
