"""Baselines: record today's findings, later report only new ones.

A finding is matched by its fingerprint (rule id + normalised claim text), never by line, so
editing a paragraph above a known finding does not bring it back. Matching counts: if a
sentence appears twice and the baseline knew it once, the second copy is reported.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from scorer.errors import ConfigError
from scorer.fileio import write_atomic
from scorer.rules import Findings

FORMAT_VERSION = 1


def write_baseline(path: str | Path, findings: Findings) -> None:
    entries = [
        {"rule": f.rule, "fingerprint": f.fingerprint, "path": f.path, "line": f.line,
         "text": f.text[:200]}  # path, line and text are for people reading the file; matching ignores them
        for f in findings
    ]
    document = {"version": FORMAT_VERSION, "tool": "scorer", "findings": entries}
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def load_baseline(path: str | Path) -> Counter[str]:
    """Fingerprint -> how many times the baseline holds it."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"baseline file not found: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"baseline file {path} is not valid JSON: {exc}") from None
    except RecursionError:
        raise ConfigError(f"baseline file {path} is nested too deeply to be a scorer baseline") from None
    if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION or not isinstance(
        document.get("findings"), list
    ):
        raise ConfigError(f"baseline file {path} is not a scorer baseline (version {FORMAT_VERSION})")
    counts: Counter[str] = Counter()
    for entry in document["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ConfigError(f"baseline file {path} has an entry without a fingerprint")
        counts[entry["fingerprint"]] += 1
    return counts


def new_findings(findings: Findings, baseline: Counter[str]) -> Findings:
    """The findings the baseline does not account for."""
    left = Counter(baseline)
    kept = []
    for finding in findings:
        if left[finding.fingerprint] > 0:
            left[finding.fingerprint] -= 1
        else:
            kept.append(finding)
    return Findings(kept)
