"""Builders for verification tests: Claims by hand, Articles from the stored outlet excerpts.

The excerpts in fixtures/outlets/ are real but truncated copies (see fixtures/outlets/README.md): only the
text below the provenance header's `---` line and above the "[...truncated" marker is the outlet's.
"""

from __future__ import annotations

from pathlib import Path

from scorer.types import Article, Attribution, Claim
from scorer.verify import quoted_spans

ROOT = Path(__file__).resolve().parents[2]
OUTLETS = ROOT / "fixtures" / "outlets"
SEED = ROOT / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"

URLS = {
    "b_dailynk_family_of_four.txt": "https://www.dailynk.com/english/family-caught-for-attempting-to-de/",
    "c_koreaherald_yonhap_nk_businessmen.txt": "https://www.koreaherald.com/view.php?ud=20150216000944",
    "d_hrw_harsher_punishments.txt": "https://www.hrw.org/news/2015/02/09/north-korea-harsher-punishments-contact-south",
}


def excerpt(name: str) -> str:
    """The outlet's own text of a stored excerpt: no provenance header, no truncation marker or notes."""
    raw = (OUTLETS / name).read_text(encoding="utf-8")
    body = raw.split("\n---\n", 1)[1]
    return body.split("[...truncated", 1)[0].rstrip()


def stored_article(name: str, **fields) -> Article:
    values = dict(url=URLS[name], status="ok", text=excerpt(name), partial=True)
    values.update(fields)
    return Article(**values)


def synthetic_article(text: str, url: str = "https://news.example.test/story", **fields) -> Article:
    return Article(url=url, status="ok", text=text, **fields)


def make_claim(text: str, quote_id: int | None = None, index: int = 0) -> Claim:
    return Claim(
        id=f"c{index}",
        index=index,
        text=text,
        block_index=0,
        start=0,
        end=len(text),
        line=1,
        column=1,
        end_line=1,
        end_column=len(text) + 1,
        block_start=0,
        block_end=len(text),
        kind="quote" if quote_id is not None else "paragraph",
        quote_id=quote_id,
    )


def attribution_for(claim: Claim) -> Attribution:
    """What the attribution step records for verification: the sentence's quoted spans."""
    return Attribution(claim_index=claim.index, quotes=quoted_spans(claim.text))


def seed_sentence(start: str) -> str:
    """The seed draft's sentence (up to its end) that begins with `start`, with the quote marker removed."""
    text = SEED.read_text(encoding="utf-8")
    at = text.index(start)
    end = len(text)
    for stop in (". ", ".” ", ".”\n", ".\n", ".” [", ". ["):
        found = text.find(stop, at + len(start))
        if found != -1:
            end = min(end, found + len(stop.rstrip(" [\n")))
    return text[at:end]
