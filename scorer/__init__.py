"""scorer: rates how well each claim of a news draft is sourced.

    from scorer import score_file
    report = score_file("draft.md")
    for result in report.results:
        print(result.claim.line, result.score.strength, result.score.confidence)
"""

from __future__ import annotations

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/scorer-project/scorer"

# The API is imported on first use, so `scorer outlets` or `scorer fetch` don't load the scoring pipeline.
_API = {
    "score_file": "scorer.pipeline", "score_files": "scorer.pipeline", "score_text": "scorer.pipeline",
    "CheckSettings": "scorer.settings", "FetchSettings": "scorer.settings",
    **{name: "scorer.types" for name in ("Article", "Attribution", "Claim", "ClaimResult", "Draft", "FileReport",
                                         "Report", "Score", "Source", "Verification")},
}


def __getattr__(name: str):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'scorer' has no attribute {name!r}")


__all__ = ["PROJECT_URL", "__version__", *_API]
