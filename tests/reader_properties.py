"""What the reader property tests and benchmarks/fuzz_readers.py share: a strategy of draft-like texts
rich in the Markdown that moves positions (entities, escapes, tabs, containers, code spans, U+2028), and
the check every claim must pass."""

from __future__ import annotations

from hypothesis import strategies as st

from scorer.claims import split_claims
from scorer.draft import parse_text
from scorer.draft.decode import decode
from scorer.errors import InputError

PIECES = [
    "The", "ministry", "said", "officials", "U.S.", "Mr.", "rose", "12", "percent", "$6.39", "billion", "é", "Kim",
    " ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\u2028", "\u00a0", "\u3000", "\x0b", "\x0c", "\x1c", "\x85",
    ".", ". ", "!", "?", "…", "...", ",", ":", ";", '"', "“", "”", "'", "’", "(", ")", "[", "]", "[Daily NK]",
    "> ", ">", ">>", "- ", "* ", "+ ", "1. ", "2) ", "    ", "# ", "## ", "---", "===", "|", "| a | b |\n|---|---|\n",
    "*", "**", "_", "__", "`", "``", "```\n", "~~~", "\\", "\\*", "\\_", "\\.", "\\\n",
    "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;", "&#1234;", "&copy;", "&nbsp;", "&bogus;", "&#0;", "&",
    "<b>", "</b>", "<!-- c -->", "<br>", "<div>\n", "[link](http://site.test/a)", "[ref]", "[ref]: http://site.test/r\n",
    "http://site.test/x?a=1", "www.site.test", "<http://site.test/auto>", "![img](http://site.test/i.png)",
    "---\ntitle: t\n---\n", "\ufeff", "\U0001F600", "a\u0301",
]


@st.composite
def draft_texts(draw):
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=60))
    return "".join(pieces)


def _same(file_char: str, claim_char: str) -> bool:
    """May the file character under a claim's position stand for this character of its text?"""
    if file_char == claim_char:
        return True
    if claim_char.isspace() and (file_char.isspace() or file_char in "\n"):
        return True
    if file_char == "&":  # an entity: the position points at its first character
        return True
    if claim_char == "\ufffd":  # markdown-it's stand-in for NUL and bad entities
        return True
    return False


def check_draft(text: str, path: str):
    """Decode as a file would be, parse, split; assert every claim's place. None when the file is refused."""
    try:
        decoded, _encoding, _warnings = decode(text.encode("utf-8"), path)
        draft = parse_text(decoded, path=path)
    except InputError:
        return None
    claims = split_claims(draft)
    source = draft.text
    lines = len(draft.line_starts)
    for claim in claims:
        where = f"{claim.id} {claim.text!r} at {claim.line}:{claim.column} in {source!r}"
        assert claim.text.strip(), where
        assert 0 <= claim.start < claim.end <= len(source), where
        assert 1 <= claim.line <= claim.end_line <= lines, where
        assert (claim.line, claim.column) == draft.position(claim.start), where
        assert (claim.end_line, claim.end_column) == draft.position(claim.end - 1), where
        line_text = source.split("\n")[claim.line - 1]
        assert 1 <= claim.column <= len(line_text), where
        assert _same(source[claim.start], claim.text[0]), where
        assert _same(source[claim.end - 1], claim.text[-1]), where
    return claims
