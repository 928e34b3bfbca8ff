"""Baselines: record today's findings, later report only new ones.

A finding is matched by its fingerprint (rule id + normalised claim text), never by line, so
editing a paragraph above a known finding does not bring it back. Matching counts: if a
sentence appears twice and the baseline knew it once, the second copy is reported.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from scorer.errors import ConfigError, ScorerError
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


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file in the same directory, then rename: readers never see half a file."""
    path = Path(path)
    if path.exists() and not path.is_file():
        # A pipe or device (`--output /dev/stdout`): renaming over it would replace the node itself.
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise ScorerError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    target = Path(os.path.realpath(path))  # through a symlink: replace what it points to, keep the link
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ScorerError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the result should look like any other file
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ScorerError(f"cannot write {path}: {exc.strerror or exc}") from None
