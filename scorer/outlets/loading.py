"""Build outlet profiles from the package data (curated JSON + media-reliability CSV) and from config."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from scorer.errors import ConfigError
from scorer.outlets.registry import KINDS, NEWS_KINDS, Outlet, label_for

if TYPE_CHECKING:
    from scorer.outlets.registry import Registry

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CURATED_FILE = DATA_DIR / "outlets.json"
RELIABILITY_FILE = DATA_DIR / "media-reliability" / "golden_truth_dataset.csv"

# Dataset label -> (our label, prior). "mixed" covers "no consensus" too, hence just above a coin toss.
DATA_LABELS: dict[str, tuple[str, float]] = {
    "1": ("reliable", 0.85),
    "0": ("mixed", 0.55),
    "-1": ("unreliable", 0.2),
    "-2": ("blacklisted", 0.05),
}


def _data_prior(row: Mapping[str, str]) -> tuple[str, float, str]:
    """(label, prior, source) for one dataset row; a NewsGuard score, where known, pulls the prior halfway."""
    label, prior = DATA_LABELS[row["reliability_label"].strip()]
    source = f"media-reliability ({row['label_source'] or 'unknown'}): {row['reliability_label'].strip()}"
    score = (row.get("newsguard_score") or "").strip()
    if score:
        prior = 0.5 * prior + 0.5 * float(score) / 100.0
        source += f", NewsGuard {float(score):g}"
    return label, round(prior, 3), source


def read_reliability_rows(path: Path = RELIABILITY_FILE) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {}
        for row in csv.DictReader(handle):
            domain = row["domain"].strip().lower()
            if domain and row["reliability_label"].strip() in DATA_LABELS:
                rows.setdefault(domain, row)
        return rows


def load_outlets(
    curated_file: Path = CURATED_FILE, reliability_file: Path = RELIABILITY_FILE
) -> list[Outlet]:
    """Curated profiles first (priors from the data row of their domain, else the project's own), then data rows."""
    rows = read_reliability_rows(reliability_file)
    entries = json.loads(curated_file.read_text(encoding="utf-8"))["outlets"]
    outlets: list[Outlet] = []
    claimed: set[str] = set()
    for entry in entries:
        domains = tuple(d.lower() for d in entry.get("domains", ()))
        claimed.update(domains)
        prior = entry.get("prior")
        row_domain = next((d for d in domains if d in rows), None)
        if prior is not None:
            reliability = float(prior["reliability"])
            label = prior.get("label") or label_for(reliability)
            source = f"project: {prior['reason']}"
        elif row_domain is not None:
            label, reliability, source = _data_prior(rows[row_domain])
            source += f" ({row_domain})"
        else:
            raise ConfigError(f"curated outlet {entry['key']!r} has neither a prior nor a domain with a data row")
        kind = entry.get("kind", "news outlet")
        outlets.append(
            Outlet(
                key=entry["key"],
                name=entry["name"],
                aliases=tuple(entry.get("aliases", ())),
                domains=domains,
                kind=kind,
                reliability=reliability,
                reliability_label=label,
                prior_source=source,
                is_news=bool(entry.get("is_news", kind in NEWS_KINDS)),
                wire=bool(entry.get("wire", False)),
                note=entry.get("note", ""),
                exact_aliases=tuple(entry.get("case_sensitive", ())),
            )
        )
    for domain, row in rows.items():
        if domain in claimed:
            continue
        label, reliability, source = _data_prior(row)
        outlets.append(_domain_outlet(domain, reliability, label, source))
    return outlets


def _domain_outlet(domain: str, reliability: float, label: str, source: str) -> Outlet:
    return Outlet(
        key=domain,
        name=domain,
        aliases=(),
        domains=(domain,),
        kind="news outlet",
        reliability=reliability,
        reliability_label=label,
        prior_source=source,
        is_news=True,
        curated=False,
    )


def _reliability(entry: Mapping, where: str) -> float:
    try:
        value = float(entry["reliability"])
    except (KeyError, TypeError, ValueError):
        raise ConfigError(f"{where}: 'reliability' must be a number between 0 and 1") from None
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"{where}: 'reliability' must be between 0 and 1, not {value}")
    return value


def _strings(entry: Mapping, field: str, where: str) -> tuple[str, ...] | None:
    if field not in entry:
        return None
    value = entry[field]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{field}' must be a list of strings")
    return tuple(value)


def apply_overrides(registry: "Registry", overrides: list[Mapping]) -> list[Outlet]:
    """Outlets of `registry` with config entries applied: a known key/domain changes, an unknown one is added."""
    outlets = list(registry)
    index = {o.key: i for i, o in enumerate(outlets)}
    for n, entry in enumerate(overrides, 1):
        where = f"outlet override {n}"
        if not isinstance(entry, Mapping):
            raise ConfigError(f"{where}: expected a table with 'key' or 'domain' and 'reliability'")
        key, domain = entry.get("key"), entry.get("domain")
        if not key and not domain:
            raise ConfigError(f"{where}: give 'key' or 'domain'")
        reason = str(entry.get("reason") or "set in configuration")
        changes: dict = {"prior_source": f"config: {reason}"}
        if "reliability" in entry:
            changes["reliability"] = _reliability(entry, where)
            changes["reliability_label"] = label_for(changes["reliability"])
        kind = entry.get("kind")
        if kind is not None:
            if kind not in KINDS:
                raise ConfigError(f"{where}: unknown kind {kind!r} (one of: {', '.join(sorted(KINDS))})")
            changes["kind"] = kind
            changes["is_news"] = kind in NEWS_KINDS
        if "is_news" in entry:
            changes["is_news"] = bool(entry["is_news"])
        for field in ("aliases", "domains"):
            values = _strings(entry, field, where)
            if values is not None:
                changes[field] = values if field == "aliases" else tuple(v.lower() for v in values)
        if "name" in entry:
            changes["name"] = str(entry["name"])
        target = registry.get(key) if key else registry.by_domain(domain)
        if target is not None and target.key in index:
            i = index[target.key]
            outlets[i] = replace(outlets[i], curated=outlets[i].curated or "aliases" in changes, **changes)
            continue
        if "reliability" not in changes:
            raise ConfigError(f"{where}: unknown outlet {key or domain!r}; a new outlet needs 'reliability'")
        new_key = str(key or domain).lower()
        new = _domain_outlet(
            str(domain or new_key).lower(), changes["reliability"], changes["reliability_label"], changes["prior_source"]
        )
        new = replace(new, key=new_key, curated=bool(changes.get("aliases")), **{
            k: v for k, v in changes.items() if k not in ("reliability", "reliability_label", "prior_source")
        })
        if key and "domains" not in changes and not domain:
            new = replace(new, domains=())
        index[new.key] = len(outlets)
        outlets.append(new)
    return outlets
