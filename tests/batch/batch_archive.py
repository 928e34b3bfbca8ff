"""A generated archive for the batch tests and benchmark, built from the corpus documents.

The texts are the corpus's (real published text, see fixtures/corpus/README.md), repeated; `outlet` is the
prefix of the document's file name (where the text was published), `date` is 1 January of the year in the
file name (the day is made up; documents without a year have no date), and `section` is a made-up desk
(desk-a, desk-b, desk-c) given round-robin: the metadata of an invented archive, not of a real one.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from pathlib import Path
from typing import Iterator

DOCS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "docs").glob("*.md"))
SECTIONS = ("desk-a", "desk-b", "desk-c")
# Rows that must each be counted as an error, never dropped; (raw JSON line, id the errors file should name).
BAD_JSONL = (
    (b'{"id": "bad-empty", "markdown": "   "}', "bad-empty"),
    (b'{"id": "bad-type", "markdown": 42}', "bad-type"),
    (b'{"id": "bad-utf8", "text": "caf\xe9 au lait, said a source."}', "bad-utf8"),
    (b'{"id": "bad-date", "text": "Officials said so.", "date": "last week"}', "bad-date"),
    (b'{"markdown": "No id at all, said a source."}', None),
    (b'{"id": "bad-json", "text": "unterminated', "bad-json"),
    (b'["not", "an", "object"]', None),
)


def rows(count: int) -> Iterator[dict]:
    """Made one at a time: the benchmark measures memory in this process, so the archive is never held whole."""
    texts = {doc: doc.read_text(encoding="utf-8") for doc in DOCS}
    for i, doc in zip(range(count), itertools.cycle(DOCS)):
        year = re.search(r"-(19|20)(\d\d)-", doc.name)
        yield {
            "id": f"art-{i:06d}",
            "markdown": texts[doc],
            "url": f"https://archive.test/{i:06d}",
            "date": f"{year.group(1)}{year.group(2)}-01-01" if year else None,
            "outlet": doc.name.split("-")[0],
            "section": SECTIONS[i % len(SECTIONS)],
        }


def write_jsonl(path: Path, count: int, *, bad: bool = False) -> Path:
    """`count` good rows; with `bad`, the BAD_JSONL rows spread among them."""
    spacing = max(1, count // len(BAD_JSONL))
    bad_at = {1 + n * spacing: line for n, (line, _id) in enumerate(BAD_JSONL)} if bad else {}
    with path.open("wb") as handle:
        for i, row in enumerate(rows(count)):
            if i in bad_at:
                handle.write(bad_at.pop(i) + b"\n")
            handle.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        for line in bad_at.values():
            handle.write(line + b"\n")
    return path


def write_csv(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "markdown", "url", "date", "outlet", "section"])
        writer.writeheader()
        for row in rows(count):
            writer.writerow(row)
    return path


def write_parquet(path: Path, count: int) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(list(rows(count))), path)
    return path
