"""`scorer stats --format table|csv|json`: the statistics as people and as scripts read them.

CSV and JSON carry counts and shares (0..1, unrounded) of every group; the table shows percentages.
In CSV, `by` names the grouping of each row ("outlet", "section,year", or "all" for the total).
"""

from __future__ import annotations

import csv
import io
import json

from scorer.batch.stats import COUNTS, DIMENSIONS, SHARES, Stats
from scorer.types import STRENGTHS

FORMATS = ("table", "csv", "json")


def render(stats: Stats, fmt: str, *, width: int = 120) -> str:
    if fmt == "json":
        return render_json(stats)
    if fmt == "csv":
        return render_csv(stats)
    return render_table(stats, width=width)


def render_json(stats: Stats) -> str:
    document = {
        "complete": stats.complete,
        "groupings": [{"by": list(g.by), "rows": list(g.rows)} for g in stats.groupings],
        "total": stats.total,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_csv(stats: Stats) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["by", *DIMENSIONS, *COUNTS, *SHARES])
    for grouping in stats.groupings:
        for row in grouping.rows:
            writer.writerow([",".join(grouping.by), *(row.get(d) if d in grouping.by else "" for d in DIMENSIONS),
                             *(row[c] for c in COUNTS), *(_csv_share(row[s]) for s in SHARES)])
    writer.writerow(["all", *([""] * len(DIMENSIONS)), *(stats.total[c] for c in COUNTS),
                     *(_csv_share(stats.total[s]) for s in SHARES)])
    return buffer.getvalue()


def render_table(stats: Stats, *, width: int = 120) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    for grouping in stats.groupings:
        table = Table(title=f"by {', '.join(grouping.by)}", box=box.SIMPLE_HEAD, title_justify="left")
        for name in grouping.by:
            table.add_column(name, overflow="fold")
        for name in ("articles", "check-worthy", *STRENGTHS, "anonymous", "articles w/ anonymous"):
            table.add_column(name, justify="right")
        for row in grouping.rows:
            table.add_row(*(_label(row.get(name)) for name in grouping.by), *_cells(row))
        table.add_section()
        table.add_row("all", *([""] * (len(grouping.by) - 1)), *_cells(stats.total))
        console.print(table)
    if not stats.complete:
        console.print(f"(unfinished batch: {stats.files} partition(s) written so far)")
    return console.file.getvalue()


def _cells(row: dict) -> list[str]:
    return [f"{row['articles']:,}", f"{row['check_worthy']:,}",
            *(_percent(row[f"{name}_share"]) for name in STRENGTHS), _percent(row["anonymous_share"]),
            _percent(row["articles_with_anonymous_share"])]


def _label(value) -> str:
    return "(none)" if value is None else str(value)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.1f}%"


def _csv_share(share: float | None) -> str:
    return "" if share is None else f"{share:.6g}"
