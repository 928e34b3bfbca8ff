"""The output directory of a batch: a Parquet dataset of claims, article summaries, the errors file.

    OUT/_batch.json                 what was run (input, partition size, settings), and its totals when complete
    OUT/claims/part-000000.parquet  one row per claim (schema.CLAIMS), one file per partition
    OUT/articles.parquet            one row per scored article (schema.ARTICLES), written when the run completes
    OUT/errors.jsonl                one line per bad row: {"row", "line", "id", "error"}, written when it completes
    OUT/_parts/                     per-partition article summaries, errors and done-markers (the resumable state)

Every file appears whole or not at all (written beside, then renamed), and a partition counts as done only
once its marker is written, after its files: a crash or Ctrl-C between two renames means that partition is
redone, never half-kept.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from scorer.errors import ScorerError

MANIFEST = "_batch.json"
FORMAT = 1
OWN = (MANIFEST, "claims", "_parts", "articles.parquet", "errors.jsonl")


class BatchOutput:
    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.claims_dir = self.root / "claims"
        self.parts = self.root / "_parts"

    # -- the run -----------------------------------------------------------------------------------
    def prepare(self, signature: dict, *, force: bool) -> None:
        """Start or resume a run of `signature` (input, partitioning, settings); --force starts over."""
        if self.root.exists() and not self.root.is_dir():
            raise ScorerError(f"--output {self.root} is a file; name a directory")
        manifest = self.manifest()
        if manifest is None and self.root.is_dir() and any(self.root.iterdir()):
            raise ScorerError(f"--output {self.root} is not empty and holds no scorer batch ({MANIFEST}); "
                              "name a new or empty directory")
        if manifest is not None:
            if force:
                self._clear()
            elif manifest.get("signature") != signature:
                differs = sorted(key for key in set(signature) | set(manifest.get("signature") or {})
                                 if signature.get(key) != (manifest.get("signature") or {}).get(key))
                raise ScorerError(f"--output {self.root} holds a batch run with another {', '.join(differs)}; "
                                  "use --force to score it again from the start, or name another directory")
        for directory in (self.claims_dir, self.parts / "articles", self.parts / "errors", self.parts / "done"):
            directory.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        previous = self.manifest() or {}
        self._write_manifest({"format": FORMAT, "signature": signature, "complete": False,
                              "totals": previous.get("totals") if not force else None})

    def done(self, index: int) -> dict | None:
        """The counts recorded for a partition already written, or None."""
        try:
            return json.loads(self._marker(index).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return None  # a marker that cannot be read is a partition to redo

    def write(self, result, digest: str) -> dict:
        """Write one partition's files, then its marker; returns the marker (the partition's counts)."""
        import pyarrow.parquet as pq

        name = _part(result.index)
        _write_atomic(self.claims_dir / f"{name}.parquet", lambda p: pq.write_table(result.claims, p))
        _write_atomic(self.parts / "articles" / f"{name}.parquet", lambda p: pq.write_table(result.articles, p))
        errors = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result.errors)
        _write_atomic(self.parts / "errors" / f"{name}.jsonl",
                      lambda p: Path(p).write_text(errors, encoding="utf-8", errors="surrogatepass"))
        marker = {"index": result.index, "digest": digest, **result.counts}
        _write_atomic(self._marker(result.index), lambda p: Path(p).write_text(json.dumps(marker), encoding="utf-8"))
        return marker

    def finish(self, indexes: list[int], totals: dict) -> None:
        """All partitions are written: gather the article summaries and the errors into one file each."""
        import pyarrow.parquet as pq

        from scorer.batch.schema import ARTICLES

        def gather_articles(path: str) -> None:
            with pq.ParquetWriter(path, ARTICLES) as writer:
                for index in indexes:  # one partition at a time: memory stays that of one partition
                    with pq.ParquetFile(self.parts / "articles" / f"{_part(index)}.parquet") as part:
                        writer.write_table(part.read())

        def gather_errors(path: str) -> None:
            with open(path, "wb") as out:
                for index in indexes:
                    with open(self.parts / "errors" / f"{_part(index)}.jsonl", "rb") as part:
                        shutil.copyfileobj(part, out)

        _write_atomic(self.root / "articles.parquet", gather_articles)
        _write_atomic(self.root / "errors.jsonl", gather_errors)
        manifest = self.manifest() or {}
        self._write_manifest({**manifest, "complete": True, "totals": totals})

    # -- reading -----------------------------------------------------------------------------------
    def manifest(self) -> dict | None:
        try:
            return json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ScorerError(f"{self.root / MANIFEST}: cannot be read ({exc})") from None

    def article_files(self) -> tuple[list[Path], bool]:
        """The article summaries to read, and whether the run is complete (else: the partitions written so far)."""
        manifest = self.manifest()
        if manifest is None:
            raise ScorerError(f"{self.root}: not the output of scorer batch (no {MANIFEST})")
        if manifest.get("complete") and (self.root / "articles.parquet").is_file():
            return [self.root / "articles.parquet"], True
        return sorted((self.parts / "articles").glob("part-*.parquet")), False

    # -- plumbing ----------------------------------------------------------------------------------
    def _marker(self, index: int) -> Path:
        return self.parts / "done" / f"{_part(index)}.json"

    def _write_manifest(self, data: dict) -> None:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        _write_atomic(self.root / MANIFEST, lambda p: Path(p).write_text(text, encoding="utf-8"))

    def _clear(self) -> None:
        for name in OWN:
            path = self.root / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    def _remove_leftovers(self) -> None:
        """Half-written files of an interrupted run (never renamed into place) are of no use to anyone."""
        for directory in (self.root, self.claims_dir, *(self.parts / d for d in ("articles", "errors", "done"))):
            for path in directory.glob(".*.tmp"):
                path.unlink(missing_ok=True)


def _part(index: int) -> str:
    return f"part-{index:06d}"


def _write_atomic(target: Path, write) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(str(tmp))
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ScorerError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
