"""Sourcing statistics of a batch output, by outlet, section or year (or a combination), with DuckDB.

Shares are of check-worthy claims: `strong_share` is strong claims / check-worthy claims of the group;
`anonymous_share` is the share of check-worthy claims resting on an anonymous or vague source (the
anonymous-source rule's condition); `articles_with_anonymous_share` is the share of the group's articles with
at least one such claim. A group with no check-worthy claim has no shares (null), not zeros.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scorer.errors import ScorerError
from scorer.types import STRENGTHS

DIMENSIONS = ("outlet", "section", "year")
COUNTS = ("articles", "check_worthy", *STRENGTHS, "anonymous_source", "articles_with_anonymous")
SHARES = tuple(f"{name}_share" for name in (*STRENGTHS, "anonymous")) + ("articles_with_anonymous_share",)


@dataclass(frozen=True)
class Grouping:
    by: tuple[str, ...]
    rows: tuple[dict, ...]  # dimension values, COUNTS and SHARES


@dataclass(frozen=True)
class Stats:
    groupings: tuple[Grouping, ...]
    total: dict
    complete: bool  # False: the batch is unfinished and these are the partitions written so far
    files: int


def parse_by(values: list[str] | None) -> list[tuple[str, ...]]:
    """`--by outlet --by section,year` -> [("outlet",), ("section", "year")]; default: each dimension alone."""
    if not values:
        return [(name,) for name in DIMENSIONS]
    groupings = []
    for value in values:
        names = tuple(name.strip().lower() for name in value.split(",") if name.strip())
        unknown = [name for name in names if name not in DIMENSIONS]
        if not names or unknown:
            raise ScorerError(f"--by {value!r}: group by {', '.join(DIMENSIONS)}, or several joined by commas")
        if len(set(names)) != len(names):
            raise ScorerError(f"--by {value!r}: a dimension is named twice")
        groupings.append(names)
    return groupings


def compute_stats(output: str | Path, groupings: list[tuple[str, ...]], top: int = 0) -> Stats:
    import duckdb

    from scorer.batch.output import BatchOutput

    files, complete = BatchOutput(output).article_files()
    if not files:
        raise ScorerError(f"{output}: no article has been scored yet")
    con = duckdb.connect()
    try:
        con.read_parquet([str(f) for f in files]).create_view("articles")
        total = _shares(_query(con, ())[0])
        out = []
        for by in groupings:
            rows = [_shares(row) for row in _query(con, by)]
            if top > 0:
                rows = rows[:top]
            out.append(Grouping(by, tuple(rows)))
    except duckdb.Error as exc:
        raise ScorerError(f"{output}: cannot read the batch output ({exc})") from None
    finally:
        con.close()
    return Stats(tuple(out), total, complete, len(files))


def _query(con, by: tuple[str, ...]) -> list[dict]:
    columns = ", ".join(f'"{name}"' for name in by)
    sums = ", ".join(f'sum("{name}")::BIGINT AS "{name}"' for name in ("check_worthy", *STRENGTHS, "anonymous_source"))
    select = f"{columns + ', ' if by else ''}count(*) AS articles, {sums}, " \
             "count(*) FILTER (WHERE anonymous_source > 0) AS articles_with_anonymous"
    group = f" GROUP BY {columns}" if by else ""
    # Years read best in time order; outlets and sections largest first, where the questions usually start.
    order = (f" ORDER BY {columns} NULLS LAST" if by and by[0] == "year"
             else f" ORDER BY check_worthy DESC, articles DESC, {columns} NULLS LAST" if by else "")
    cursor = con.execute(f"SELECT {select} FROM articles{group}{order}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _shares(row: dict) -> dict:
    worthy, articles = row["check_worthy"] or 0, row["articles"]
    for name in STRENGTHS:
        row[name] = row[name] or 0
        row[f"{name}_share"] = row[name] / worthy if worthy else None
    row["anonymous_source"] = row["anonymous_source"] or 0
    row["check_worthy"] = worthy
    row["anonymous_share"] = row["anonymous_source"] / worthy if worthy else None
    row["articles_with_anonymous_share"] = row["articles_with_anonymous"] / articles if articles else None
    return row
