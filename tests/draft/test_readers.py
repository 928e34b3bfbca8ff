"""Readers: what is prose, what is quoted, and where every claim sits in the original file."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorer.claims import split_claims
from scorer.draft import parse_text, read_draft
from scorer.errors import InputError

DRAFTS = Path(__file__).resolve().parents[2] / "fixtures" / "drafts"
SEED_MD = DRAFTS / "kim-jong-un-seeks-friends.md"
SEED_TXT = DRAFTS / "kim-jong-un-seeks-friends.txt"


def claims_of(text: str, fmt: str = "markdown"):
    draft = parse_text(text, path="draft.md" if fmt == "markdown" else "draft.txt", fmt=fmt)
    return draft, split_claims(draft)


def test_positions_point_at_the_sentence_in_the_file():
    draft, _ = read_draft(SEED_MD)
    claims = split_claims(draft)
    lines = draft.text.split("\n")
    for c in claims:
        if not c.links:  # link markup is not part of the visible text
            assert draft.text[c.start:c.end] == c.text
            assert lines[c.line - 1][c.column - 1:].startswith(c.text[:20])
    block = next(c for c in claims if c.text.startswith("Overall figures"))
    assert (block.line, block.column) == (17, 3)  # after the "> " quote marker


def test_front_matter_counts_in_line_numbers_and_gives_the_date():
    draft, claims = claims_of("---\ntitle: T\ndate: 2015-02-20\n---\n\nThe ministry said on Monday it would act.\n")
    assert draft.date == "2015-02-20"
    assert [(c.line, c.column, c.end_line, c.end_column) for c in claims] == [(6, 1, 6, 41)]


def test_code_html_comments_and_tables_are_not_claims():
    text = (
        "Reuters said the talks failed.\n\n"
        "```\nprint('Officials said nothing.')\n```\n\n"
        "    indented code. Not a claim.\n\n"
        "<!-- The editor said this is a note. -->\n\n"
        "| a | b |\n|---|---|\n| Police said so. | 1 |\n"
    )
    _, claims = claims_of(text)
    assert [c.text for c in claims] == ["Reuters said the talks failed."]


def test_links_keep_their_url_and_span():
    draft, claims = claims_of("Human Rights Watch documented it in a report you can read [here](https://www.hrw.org/news/x).\n")
    (claim,) = claims
    (link,) = claim.links
    assert link.url == "https://www.hrw.org/news/x"
    assert claim.text[link.start:link.end] == "here"


def test_blockquote_tag_names_every_paragraph_of_the_quote():
    draft, _ = read_draft(SEED_MD)
    quoted = [b for b in draft.blocks if b.tag == "Daily NK" and b.tag_url is None]
    assert len(quoted) == 2 and all(b.kind == "quote" for b in quoted)
    yonhap = next(b for b in draft.blocks if b.tag == "Yonhap, via the Korea Herald")
    assert yonhap.tag_url == "https://www.koreaherald.com/view.php?ud=20150216000944"


def test_plain_text_tag_closes_the_run_of_quoted_paragraphs():
    draft, _ = read_draft(SEED_TXT)
    tagged = [b for b in draft.blocks if b.tag == "Daily NK"]
    # the visitors excerpt (two paragraphs after the lead-in line ending with a colon) and the family excerpt
    # (two paragraphs, the first opening with a quotation mark)
    assert [b.text[:20] for b in tagged] == [
        "Overall figures for ", "Male visitors [150,0", "“A family of four fr", "The family’s eldest ",
    ]
    assert len({b.quote_id for b in tagged}) == 2
    lead_in = next(b for b in draft.blocks if b.text.startswith("Another possible explanation"))
    assert lead_in.quote_id is None


def test_markdown_and_text_versions_give_the_same_sentences():
    md = [c.text for c in split_claims(read_draft(SEED_MD)[0])]
    txt = [c.text for c in split_claims(read_draft(SEED_TXT)[0])]
    assert len(md) == len(txt) == 113
    assert md == txt


def test_an_empty_file_has_no_claims(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    draft, warnings = read_draft(path)
    assert split_claims(draft) == () and warnings == ()


def test_a_legacy_encoding_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Der Minister sagte, die Gespräche über Zölle seien gescheitert, berichtete die Zeitung Süddeutsche.\n".encode("cp1252") * 3)
    draft, warnings = read_draft(path)
    assert "Gespräche" in draft.text
    assert len(warnings) == 1 and "not UTF-8" in warnings[0]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4])
def test_binary_files_are_refused(tmp_path, data):
    path = tmp_path / "image.md"
    path.write_bytes(data)
    with pytest.raises(InputError, match="binary"):
        read_draft(path)


def test_missing_path_and_directory_are_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_draft(tmp_path / "nope.md")
    with pytest.raises(InputError, match="directory"):
        read_draft(tmp_path)


def test_hard_wrapped_text_without_blank_lines_keeps_its_sentences_whole():
    text = (
        "The ministry said on Monday that the bridge over the river would close for\n"
        "repairs next week, and officials expected traffic to move to the old road\n"
        "through the valley.\n"
        "Reuters reported that the contract went to a local firm for about $2 million,\n"
        "according to documents it had seen.\n"
    )
    draft, claims = claims_of(text, fmt="text")
    assert len(draft.blocks) == 2
    assert claims[0].text.endswith("through the valley.") and (claims[0].line, claims[0].end_line) == (1, 3)


@pytest.mark.parametrize("text", ["", "\n\n", "One line only.", "   \n  \n"])
def test_tiny_plain_texts(text):
    draft, claims = claims_of(text, fmt="text")
    assert len(claims) == (1 if text.strip() else 0)
