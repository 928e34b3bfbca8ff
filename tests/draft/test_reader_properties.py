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
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(draft_texts())
def test_markdown_reader_positions(text):
    assume(check_draft(text, "draft.md") is not None)


@SETTINGS
@given(draft_texts())
def test_plain_text_reader_positions(text):
    assume(check_draft(text, "draft.txt") is not None)
