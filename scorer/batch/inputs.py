"""Reading an archive as a stream of partitions: a folder of drafts, JSON Lines, CSV or Parquet.

Only the driver reads the input and only a few partitions are in memory at a time (the engine asks for
the next one when a worker is free), so the archive's size never decides the memory used. Partition
boundaries depend only on the input and the partition size: a rerun cuts the same partitions, which is
what lets it skip those already written.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from scorer.batch.records import FIELDS, RawRow
from scorer.draft import DRAFT_SUFFIXES, MARKDOWN_SUFFIXES
from scorer.errors import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
KINDS = ("folder", "jsonl", "csv", "parquet")


@dataclass(frozen=True)
class Partition:
    index: int
    rows: tuple[RawRow, ...]

    @property
    def digest(self) -> str:
        """Which rows these are: a rerun on a changed input must not take them for the ones written."""
        ids = "\x00".join(f"{r.row}:{r.fields.get('id')!r}" for r in self.rows)
        return hashlib.sha256(ids.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class ArchiveInput:
    kind = ""

    def __init__(self, path: Path):
        self.path = path

    def rows(self) -> Iterator[RawRow]:
        raise NotImplementedError

    def count(self) -> int | None:
        """Rows in the input, when that is cheap to know (for the progress bar); None otherwise."""
        return None

    def partitions(self, size: int) -> Iterator[Partition]:
        rows = self.rows()
        for index in itertools.count():
            chunk = tuple(itertools.islice(rows, size))
            if not chunk:
                return
            yield Partition(index, chunk)


def open_input(path: str | Path) -> ArchiveInput:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        return FolderInput(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return JsonLinesInput(path)
    if suffix == ".csv":
        return CsvInput(path)
    if suffix == ".parquet":
        return ParquetInput(path)
    raise InputError(f"{path}: not an archive scorer batch reads: give a folder of drafts, or a .jsonl, .ndjson, "
                     ".csv or .parquet file with one article per row")


class FolderInput(ArchiveInput):
    """Drafts under a folder (.md, .markdown, .txt, ...), in path order; hidden files and folders are skipped."""

    kind = "folder"

    def __init__(self, path: Path):
        super().__init__(path)
        # Names only (a few dozen bytes each), so a million drafts is tens of megabytes, not the archive.
        self._files = sorted(
            p.relative_to(path).as_posix() for p in path.rglob("*")
            if p.suffix.lower() in DRAFT_SUFFIXES and not any(part.startswith(".") for part in
                                                              p.relative_to(path).parts) and p.is_file()
        )
        if not self._files:
            raise InputError(f"{path}: no drafts in this folder (.md, .markdown, .txt, ...)")

    def count(self) -> int:
        return len(self._files)

    def rows(self) -> Iterator[RawRow]:
        for row, name in enumerate(self._files):
            fmt = "markdown" if name.lower().endswith(MARKDOWN_SUFFIXES) else "text"
            try:
                data = (self.path / name).read_bytes()
            except OSError as exc:
                yield RawRow(row, {"id": name}, error=f"cannot be read ({exc.strerror or exc})")
                continue
            yield RawRow(row, {"id": name, "data": data, "format": fmt})


class JsonLinesInput(ArchiveInput):
    """One JSON object a line; blank lines are not rows. Bytes that are not UTF-8 are kept (as surrogates) so the
    row is failed with its id rather than the whole file refused."""

    kind = "jsonl"

    def count(self) -> int:
        count = 0
        with self.path.open("rb") as handle:
            for line in handle:
                count += bool(line.strip())
        return count

    def rows(self) -> Iterator[RawRow]:
        row = 0
        with self.path.open("rb") as handle:
            for line_no, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                text = raw.decode("utf-8", "surrogateescape")
                try:
                    value = json.loads(text)
                except ValueError as exc:
                    yield RawRow(row, _salvage_id(text), line_no, f"not valid JSON ({exc.msg})")
                else:
                    if isinstance(value, dict):
                        yield RawRow(row, value, line_no)
                    else:
                        yield RawRow(row, {}, line_no, f"not a JSON object but {type(value).__name__}")
                row += 1


class CsvInput(ArchiveInput):
    """A header line naming the columns (`id`, `text` or `markdown`, optional `url`, `date`, `outlet`, `section`),
    then one article per record; an empty field is a missing value."""

    kind = "csv"

    def rows(self) -> Iterator[RawRow]:
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with self.path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
            reader = csv.reader(handle)
            try:
                header = [name.strip().lower() for name in next(reader)]
            except StopIteration:
                raise InputError(f"{self.path}: empty CSV file (no header line)") from None
            _require_columns(self.path, header)
            row = 0
            while True:
                line = reader.line_num + 1
                try:
                    record = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise InputError(f"{self.path}: line {line}: not valid CSV ({exc})") from None
                fields = {name: (value if value != "" else None)
                          for name, value in zip(header, record) if name in FIELDS}
                error = None
                if len(record) != len(header):
                    error = f"has {len(record)} fields where the header has {len(header)}"
                yield RawRow(row, fields, line, error)
                row += 1


class ParquetInput(ArchiveInput):
    kind = "parquet"

    def __init__(self, path: Path):
        super().__init__(path)
        import pyarrow.parquet as pq

        try:
            self._file = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow's errors are many types; any of them means "not a Parquet file we read"
            raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
        names = [name.lower() for name in self._file.schema_arrow.names]
        _require_columns(path, names)
        self._columns = [name for name in self._file.schema_arrow.names if name.lower() in FIELDS]

    def count(self) -> int:
        return self._file.metadata.num_rows

    def rows(self) -> Iterator[RawRow]:
        import pyarrow as pa

        row = 0
        for batch in self._file.iter_batches(batch_size=1000, columns=self._columns):
            columns = {}
            for name, column in zip(batch.schema.names, batch.columns):
                if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
                    column = column.view(pa.binary()) if pa.types.is_string(column.type) else column.view(
                        pa.large_binary())  # as bytes: a bad UTF-8 value fails its row, not the whole read
                columns[name.lower()] = column.to_pylist()
            for i in range(batch.num_rows):
                yield RawRow(row, {name: values[i] for name, values in columns.items()})
                row += 1


def _require_columns(path: Path, names: list[str]) -> None:
    if "id" not in names or not ({"text", "markdown"} & set(names)):
        raise InputError(f"{path}: needs an 'id' column and a 'text' or 'markdown' column "
                         f"(has: {', '.join(names[:12]) or 'none'})")


def _salvage_id(text: str) -> dict:
    """The id of a line that is not valid JSON, when it can be seen, so the error names the article."""
    import re

    match = re.search(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', text)
    if not match:
        return {}
    try:
        return {"id": json.loads(match.group(1))}
    except ValueError:
        return {}
