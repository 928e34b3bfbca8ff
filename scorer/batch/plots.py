"""`scorer stats --plot DIR`: PNG charts of the statistics (matplotlib, Agg backend: no display needed).

For each single-dimension grouping, two charts: `strength-by-DIM.png` (stacked shares of strong, moderate,
weak and no sourcing among check-worthy claims) and `anonymous-by-DIM.png` (share of check-worthy claims
resting on an anonymous or vague source). Years are drawn in time order; outlets and sections largest
first, at most MAX_GROUPS of them. Groupings of several dimensions are left to the table, CSV and JSON.
"""

from __future__ import annotations

from pathlib import Path

from scorer.batch.stats import Grouping, Stats
from scorer.plotting import pyplot_into
from scorer.types import STRENGTHS

MAX_GROUPS = 25
COLOURS = {"strong": "#1a9850", "moderate": "#a6d96a", "weak": "#fdae61", "none": "#d73027"}


def write_plots(stats: Stats, directory: str | Path) -> list[Path]:
    plt, directory = pyplot_into(directory, "batch")
    written = []
    for grouping in stats.groupings:
        if len(grouping.by) != 1:
            continue
        rows = [r for r in grouping.rows if r["check_worthy"]][:MAX_GROUPS]
        if not rows:
            continue
        written.append(_strength_chart(plt, grouping, rows, directory))
        written.append(_anonymous_chart(plt, grouping, rows, directory))
    return written


def _labels(grouping: Grouping, rows: list[dict]) -> list[str]:
    name = grouping.by[0]
    return ["(none)" if r[name] is None else str(r[name]) for r in rows]


def _title(grouping: Grouping, rows: list[dict], what: str) -> str:
    shown = len(rows)
    more = f" (the {shown} largest)" if len(grouping.rows) > shown and grouping.by[0] != "year" else ""
    return f"{what} by {grouping.by[0]}{more}"


def _strength_chart(plt, grouping: Grouping, rows: list[dict], directory: Path) -> Path:
    labels = _labels(grouping, rows)
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.35 * len(rows)))
    try:
        left = [0.0] * len(rows)
        for strength in STRENGTHS:
            shares = [100 * (r[f"{strength}_share"] or 0.0) for r in rows]
            ax.barh(labels, shares, left=left, color=COLOURS[strength], label=strength)
            left = [a + b for a, b in zip(left, shares)]
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("% of check-worthy claims")
        ax.set_title(_title(grouping, rows, "Sourcing strength"), pad=26)
        ax.legend(ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
        return _save(fig, directory / f"strength-by-{grouping.by[0]}.png")
    finally:
        plt.close(fig)


def _anonymous_chart(plt, grouping: Grouping, rows: list[dict], directory: Path) -> Path:
    labels = _labels(grouping, rows)
    shares = [100 * (r["anonymous_share"] or 0.0) for r in rows]
    if grouping.by[0] == "year":
        fig, ax = plt.subplots(figsize=(9, 4))
        try:
            ax.plot(labels, shares, marker="o", color="#762a83")
            ax.set_ylim(0, max(shares + [1.0]) * 1.15)
            ax.set_ylabel("% of check-worthy claims")
            ax.set_title(_title(grouping, rows, "Claims resting on anonymous or vague sources"))
            return _save(fig, directory / f"anonymous-by-{grouping.by[0]}.png")
        finally:
            plt.close(fig)
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.35 * len(rows)))
    try:
        ax.barh(labels, shares, color="#762a83")
        ax.invert_yaxis()
        ax.set_xlabel("% of check-worthy claims")
        ax.set_title(_title(grouping, rows, "Claims resting on anonymous or vague sources"))
        return _save(fig, directory / f"anonymous-by-{grouping.by[0]}.png")
    finally:
        plt.close(fig)


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    try:
        fig.savefig(path, dpi=100)
    except OSError as exc:
        raise ScorerError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
