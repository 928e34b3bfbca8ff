"""The work of one partition, run on a worker: rows to articles, articles to claim rows and summaries.

Each article goes through the library's public path (`scorer.score_text`), then the same suppression
comments and rules as `scorer check`, and its claims are written in the JSON contract's shape
(`scorer.report.json.claim_json`), flattened. A pure function of the partition and the job: run twice, on
any worker, it gives the same tables, which is what makes a rerun after a lost worker safe.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

from scorer.batch.inputs import Partition
from scorer.batch.records import ArticleRecord, BadRow, to_record
from scorer.errors import ScorerError
from scorer.settings import CheckSettings, FetchSettings
from scorer.types import STRENGTHS



@dataclass(frozen=True)
class BatchJob:
    """What every worker needs to score like the driver would: settings, rule levels, outlet overrides."""

    # fetching is off unless asked for: an archive's citations would take days at one request a second a host
    settings: CheckSettings = field(default_factory=lambda: CheckSettings(fetch=FetchSettings(enabled=False)))
    levels: tuple[tuple[str, str], ...] = ()
    outlets: tuple[dict, ...] = ()


@dataclass(frozen=True)
class PartitionResult:
    index: int
    claims: object  # pyarrow.Table (schema.CLAIMS)
    articles: object  # pyarrow.Table (schema.ARTICLES)
    errors: tuple[dict, ...]  # {"row", "line", "id", "error"}

    @property
    def counts(self) -> dict:
        return {"rows": self.articles.num_rows + len(self.errors), "scored": self.articles.num_rows,
                "errors": len(self.errors), "claims": self.claims.num_rows}


def score_partition(partition: Partition, job: BatchJob) -> PartitionResult:
    import pyarrow as pa

    from scorer.batch import schema

    claim_rows: list[dict] = []
    article_rows: list[dict] = []
    errors: list[dict] = []
    for raw in partition.rows:
        try:
            record = to_record(raw)
            claims, summary = score_article(record, job)
        except BadRow as exc:
            errors.append({"row": raw.row, "line": raw.line, "id": exc.id, "error": str(exc)})
            continue
        claim_rows.extend(claims)
        article_rows.append(summary)
    return PartitionResult(
        partition.index,
        pa.Table.from_pylist(claim_rows, schema=schema.CLAIMS),
        pa.Table.from_pylist(article_rows, schema=schema.ARTICLES),
        tuple(errors),
    )


def score_article(record: ArticleRecord, job: BatchJob) -> tuple[list[dict], dict]:
    from scorer import score_text, suppress
    from scorer.report.json import claim_json
    from scorer.rules import UNNAMED_KINDS, Findings, evaluate_file

    try:
        file_report = score_text(record.text, path=record.id, fmt=record.format, settings=job.settings,
                                 registry=_registry(_outlets_key(job.outlets)))
        file_report, disabled, suppress_warnings = suppress.apply(file_report)
        findings = Findings(evaluate_file(file_report, job.settings.threshold, dict(job.levels), disabled))
    except ScorerError as exc:
        raise BadRow(str(exc), record.id) from None
    except RecursionError:
        raise BadRow("scoring failed: text nested too deeply", record.id) from None
    except Exception as exc:  # noqa: BLE001  one article the scorer chokes on must not stop the archive
        raise BadRow(f"scoring failed: {type(exc).__name__}: {exc}", record.id) from None

    draft = file_report.draft
    meta = _article_meta(record, draft)
    claims = []
    counts = dict.fromkeys(STRENGTHS, 0)
    check_worthy = anonymous = unsourced = below = 0
    for result in file_report.results:
        row = _flatten(claim_json(result, file_report.path, findings))
        row["claim_index"] = result.claim.index
        row["anonymous_source"] = bool(row["check_worthy"] and any(
            s.kind in UNNAMED_KINDS for s in result.attribution.sources))
        claims.append({**meta, **row})
        if not row["check_worthy"]:
            continue
        check_worthy += 1
        if row["strength"] in counts:
            counts[row["strength"]] += 1
        anonymous += row["anonymous_source"]
        unsourced += not result.attribution.sources
        confidence = result.score.confidence
        below += bool(not result.suppressed and confidence is not None and confidence < job.settings.threshold)
    summary = {
        **meta, "format": record.format, "claims": len(file_report.results), "check_worthy": check_worthy,
        **{name: counts[name] for name in STRENGTHS}, "anonymous_source": anonymous, "unsourced": unsourced,
        "below_threshold": below, "error_findings": findings.count("error"),
        "warning_findings": findings.count("warning"), "passed": not findings.failed,
        "warnings": [*record.warnings, *file_report.warnings, *suppress_warnings],
    }
    return claims, summary


def _article_meta(record: ArticleRecord, draft) -> dict:
    """The row's metadata; a draft's front matter fills in what the row does not give (a folder has no columns)."""
    front = draft.metadata if isinstance(draft.metadata, dict) else {}
    date = record.date or draft.date
    return {
        "article_id": record.id, "row": record.row,
        "url": record.url or _front_str(front, "url"),
        "date": date, "year": int(date[:4]) if date else None,
        "outlet": record.outlet or _front_str(front, "outlet"),
        "section": record.section or _front_str(front, "section"),
    }


def _front_str(front: dict, key: str) -> str | None:
    value = front.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _flatten(claim: dict) -> dict:
    verification = claim.pop("verification") or {}
    row = {
        "claim_id": claim["id"], "line": claim["line"], "column": claim["column"], "end_line": claim["end_line"],
        "end_column": claim["end_column"], "claim_text": claim["text"], "check_worthy": claim["check_worthy"],
        "strength": claim["strength"], "confidence": claim["confidence"], "sources": claim["sources"],
        "signals": claim["signals"], "suppressed": claim["suppressed"], "findings": claim["findings"],
    }
    for key in ("status", "url", "archived", "quote_score", "passage", "numbers", "source_published",
                "corroborated_by"):
        row[f"verification_{key}"] = verification.get(key)
    return row


def _outlets_key(outlets: tuple[dict, ...]) -> str:
    return json.dumps(outlets, sort_keys=True) if outlets else ""


@functools.lru_cache(maxsize=4)
def _registry(outlets_key: str):
    """The outlet registry, built once per worker process (it is the slow part of a first article)."""
    from scorer.outlets import get_registry

    registry = get_registry()
    return registry.with_overrides(json.loads(outlets_key)) if outlets_key else registry
