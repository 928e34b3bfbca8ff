"""Verification: a claim's quotes, figures and dates checked against already-fetched articles.

    verify_claim(claim, attribution, articles, draft_date) -> Verification
    quoted_spans(sentence) -> the quoted passages the attribution step records
    corroborate({outlet: verification(s)}) -> independent outlets confirming the same quote or figure

No network: the fetch layer supplies `scorer.types.Article`s.
"""

from scorer.verify.claim import quotes_to_check, verify_against, verify_claim
from scorer.verify.corroborate import confirmed_items, corroborate, independence_key
from scorer.verify.numbers import Figure, compare_figures, figures
from scorer.verify.quotes import ALTERED_MIN, check_quote
from scorer.verify.text import comparable, quoted_spans, split_ellipses, strip_source_tag

__all__ = [
    "ALTERED_MIN",
    "Figure",
    "check_quote",
    "compare_figures",
    "comparable",
    "confirmed_items",
    "corroborate",
    "figures",
    "independence_key",
    "quoted_spans",
    "quotes_to_check",
    "split_ellipses",
    "strip_source_tag",
    "verify_against",
    "verify_claim",
]
