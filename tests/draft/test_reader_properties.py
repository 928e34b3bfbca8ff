"""Property-based tests of the readers and the splitter: for any text, no exception, and every claim's
line:column and end lie inside the file and point at the claim's own text.

HYPOTHESIS_EXAMPLES sets the examples per test (default 1,000: with two readers that is 2,000 a run);
benchmarks/fuzz_readers.py runs the same properties much longer.
"""

from __future__ import annotations

import os

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, assume, given, settings, strategies as st  # noqa: E402

from reader_properties import check_draft, draft_texts  # noqa: E402

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "1000"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(draft_texts())
def test_markdown_reader_positions(text):
    assume(check_draft(text, "draft.md") is not None)


@SETTINGS
@given(draft_texts())
def test_plain_text_reader_positions(text):
    assume(check_draft(text, "draft.txt") is not None)


@pytest.mark.parametrize("text, expected", [
    ("> " * 1000 + "The ministry said it would act.\n", ["The ministry said it would act."]),
    (">" * 1000 + " The ministry said it.\n> It would act.\n", ["The ministry said it.", "It would act."]),
    ("> - " * 400 + "Mixed containers said it.\n", ["Mixed containers said it."]),
    ("".join("  " * i + f"- Item {i} said it.\n" for i in range(1000)), [f"Item {i} said it." for i in range(1000)]),
    ("> " * 30 + "A quote thirty deep said it.\n", ["A quote thirty deep said it."]),
])
def test_deep_nesting_keeps_every_claim_in_place(text, expected):
    claims = check_draft(text, "draft.md")
    assert [c.text for c in claims] == expected


def test_entities_and_escapes_put_claims_where_they_are():
    text = "Intro line.\n\nTom &amp; Jerry said \\*it\\* rose. Officials &quot;agreed&quot; later.\n"
    claims = check_draft(text, "draft.md")
    assert [(c.text, c.line, c.column) for c in claims] == [
        ("Intro line.", 1, 1), ("Tom & Jerry said *it* rose.", 3, 1), ('Officials "agreed" later.', 3, 35)]
