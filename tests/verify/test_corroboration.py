"""Corroboration counts outlets, not copies: archived pages belong to their own site, not to the archive."""

from __future__ import annotations

from scorer.verify import verify_claim
from tests.verify.helpers import attribution_for, make_claim, synthetic_article

QUOTE = "“The synthetic border was closed for nine days,” an official said."
SOURCE = "An official said: The synthetic border was closed for nine days, the paper reported."


def archived(site: str):
    url = f"https://{site}/story"
    return synthetic_article(SOURCE, url=url, final_url=f"https://web.archive.org/web/20150210000000id_/{url}",
                             archived="20150210000000")


def test_two_archived_sites_are_two_outlets():
    claim = make_claim(QUOTE)
    v = verify_claim(claim, attribution_for(claim), [archived("first-paper.test"), archived("second-paper.test")], None)
    assert v.status == "verified"
    assert v.corroborated_by == ("first-paper.test", "second-paper.test")


def test_one_site_twice_is_one_outlet():
    claim = make_claim(QUOTE)
    pages = [synthetic_article(SOURCE, url="https://first-paper.test/a"),
             synthetic_article(SOURCE, url="https://www.first-paper.test/b")]
    assert verify_claim(claim, attribution_for(claim), pages, None).corroborated_by == ()
