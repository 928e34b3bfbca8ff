"""The planner of scorer.sources: which pages and searches each claim is checked against.

Offline and with the outlet search replaced by a recorder, so what is asked can be seen without a server.
"""

from __future__ import annotations

import pytest

import scorer.fetch
from scorer.draft import parse_text
from scorer.outlets import get_registry
from scorer.pipeline import _analyse
from scorer.settings import FetchSettings
from scorer.sources import verify_all
from scorer.types import Article


@pytest.fixture
def searches(monkeypatch):
    """Every (outlet, phrase) the planner searches for; each search finds nothing."""
    asked: list[tuple[str, str]] = []

    def recorder(session, outlet, phrase):
        asked.append((outlet, phrase))
        return Article(url="", status="not_found", outlet=outlet, message="recorded")

    monkeypatch.setattr(scorer.fetch.FetchSession, "find", recorder)
    return asked


def run(tmp_path, *texts: str):
    items = []
    for i, text in enumerate(texts):
        a = _analyse(parse_text(text, path=f"draft{i}.md"), (), get_registry())
        items.append((a.draft, a.claims, a.attributions))
    return verify_all(items, FetchSettings(cache_dir=str(tmp_path), offline=True))


def test_a_tagged_block_opening_with_an_ellipsis_searches_its_first_words(tmp_path, searches):
    block = (
        "Intro paragraph.\n\n"
        "> [….] The first synthetic sentence said 30 people were held. “It is bad,” one said.\n>\n> [Daily NK]\n"
    )
    run(tmp_path, block)
    assert searches == [("dailynk", "first synthetic sentence said 30 people")]


def test_cross_checks_are_spent_only_where_an_outlet_can_be_searched(tmp_path, searches):
    # Thirteen quoted figures on an unfetchable page of an outlet with no search: nothing to cross-check with.
    many = "\n\n".join(
        f"“We counted {i + 20} boats,” an official told [a synthetic paper](http://site.test/gone{i})." for i in range(13)
    )
    one = "“We counted 77 boats,” an official told [Daily NK](https://www.dailynk.com/english/synthetic-gone/)."
    run(tmp_path, many, one)
    assert searches == [("dailynk", "We counted 77 boats")]
