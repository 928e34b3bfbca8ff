"""scorer: rates how well each claim of a news draft is sourced.

    from scorer import score_file
    report = score_file("draft.md")
    for result in report.results:
        print(result.claim.line, result.score.strength, result.score.confidence)
"""

from __future__ import annotations

__version__ = "0.1.0"

from scorer.pipeline import score_file, score_files, score_text  # noqa: E402
from scorer.settings import CheckSettings, FetchSettings  # noqa: E402
from scorer.types import (  # noqa: E402
    Article,
    Attribution,
    Claim,
    ClaimResult,
    Draft,
    FileReport,
    Report,
    Score,
    Source,
    Verification,
)

__all__ = [
    "Article", "Attribution", "CheckSettings", "Claim", "ClaimResult", "Draft", "FetchSettings", "FileReport",
    "Report", "Score", "Source", "Verification", "__version__", "score_file", "score_files", "score_text",
]
