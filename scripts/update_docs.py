"""Regenerate the README's example output and docs/cli.md from the real commands.

    python scripts/update_docs.py          # rewrite the generated blocks in place
    python scripts/update_docs.py --check  # exit 1 and say which block is stale (what tests/test_docs.py does)

A generated block in README.md sits between `<!-- generated: NAME -->` and `<!-- /generated -->`; everything
else in the file is written by hand and left alone. Blocks:

- `check-table`: the main job (the seed draft, offline against the recorded pages) at 120 columns, a few rows.
- `check-line`: the same run with `-f line`, first lines.
- `json-excerpt`: one claim of the same run's `-f json`, long strings cut.
- `evaluate`: `scorer evaluate` (needs scikit-learn; 20 s), which --check compares with models/MODEL_CARD.md
  rather than re-running the cross-validation.

docs/cli.md is every command's `--help`, at 100 columns.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CLI_DOC = ROOT / "docs" / "cli.md"
SEED = "fixtures/drafts/kim-jong-un-seeks-friends.md"
MANIFEST = "fixtures/pages/manifest.json"
TABLE_LINES = (9, 11, 17, 23, 27, 45, 51)  # claim lines shown in the README's table excerpt
JSON_CLAIM = "A source in a northeastern Chinese city, who spoke"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /generated -->)", re.S)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@contextmanager
def _environment(**variables):
    saved = {k: os.environ.get(k) for k in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _invoke(*args: str, columns: int = 100):
    from typer.testing import CliRunner

    from scorer.cli import app

    clean = {k: None for k in os.environ if k.startswith("SCORER_") or k in ("NO_COLOR", "FORCE_COLOR")}
    return CliRunner().invoke(app, list(args), env={**clean, "COLUMNS": str(columns)}, catch_exceptions=False)


class Seed:
    """The main job's runs (offline, against the recorded pages in a fresh cache), each made once."""

    def __init__(self) -> None:
        self._outputs: dict[str, str] = {}

    def run(self, fmt: str, columns: int = 120) -> str:
        key = f"{fmt}@{columns}"
        if key not in self._outputs:
            cwd = os.getcwd()
            os.chdir(ROOT)
            try:
                with tempfile.TemporaryDirectory() as cache:
                    _invoke("cache", "import", MANIFEST, "--cache-dir", cache)
                    result = _invoke("check", SEED, "--offline", "--cache-dir", cache, "-f", fmt, columns=columns)
            finally:
                os.chdir(cwd)
            self._outputs[key] = result.stdout + (result.stderr if fmt == "line" else "")
        return self._outputs[key]


def check_table(seed: Seed) -> str:
    lines = seed.run("table").splitlines()
    head_end = next(i for i, line in enumerate(lines) if line.startswith("┡"))
    bottom = next(i for i, line in enumerate(lines) if line.startswith("└"))
    rows, current = [], []
    for line in lines[head_end + 1:bottom]:
        first_cell = line[1:line.index("│", 1)].strip()
        if first_cell and current:
            rows.append(current)
            current = []
        current.append(line)
    rows.append(current)
    shown, seen = [], set()
    for row in rows:
        number = int(row[0][1:row[0].index("│", 1)])
        if number in TABLE_LINES and number not in seen:
            seen.add(number)
            shown += row
    tail = [line for line in lines[bottom + 1:] if line.strip()]
    excerpt = [*lines[:head_end + 1], *shown, "  ⋮", lines[bottom], *tail]
    claims = json.loads(seed.run("json"))["summary"]["claims"]
    return (f"The main job prints a table per file and a summary (excerpt; {claims} sentences in all, the real output "
            "of the command above at 120 columns):\n\n```\n" + "\n".join(line.rstrip() for line in excerpt) + "\n```\n")


def check_line(seed: Seed) -> str:
    lines = seed.run("line").splitlines()
    findings = [line for line in lines if not line.startswith("scorer: ")]
    summary = [line for line in lines if line.startswith("scorer: ")]
    body = "\n".join([*findings[:6], "...", *summary])
    return ("`-f line` prints one finding a line, as compilers and Vale's `--output=line` do (the summary goes to "
            "standard error):\n\n```console\n$ scorer check fixtures/drafts/kim-jong-un-seeks-friends.md --offline "
            f"--cache-dir .scorer-cache -f line\n{body}\n```\n")


def _cut(value, width: int = 75):
    if isinstance(value, str):
        return value if len(value) <= width else value[:width - 1] + "…"
    if isinstance(value, list):
        return [_cut(v, width) for v in value]
    if isinstance(value, dict):
        return {k: _cut(v, width) for k, v in value.items()}
    return value


def json_excerpt(seed: Seed) -> str:
    doc = json.loads(seed.run("json"))
    file = doc["files"][0]
    claim = _cut(next(c for c in file["claims"] if c["text"].startswith(JSON_CLAIM)))

    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    def listing(values, indent: int) -> str:
        return "[" + (",\n" + " " * indent).join(dump(v) for v in values) + "]"

    position = ", ".join(f'"{k}": {dump(claim[k])}' for k in ("id", "line", "column", "end_line", "end_column"))
    verdict = ", ".join(f'"{k}": {dump(claim[k])}' for k in ("check_worthy", "strength", "confidence"))
    lines = [
        f'{{"version": {doc["version"]}, "threshold": {dump(doc["threshold"])},',
        f' "files": [{{"path": {dump(file["path"])},',
        f'   "summary": {dump(file["summary"])},',
        f'   "claims": [..., {{{position},',
        f'     "text": {dump(claim["text"])},',
        f"     {verdict},",
        f'     "sources": {listing(claim["sources"], 17)},',
        f'     "signals": {dump(claim["signals"])},',
        f'     "verification": {dump(claim["verification"])},',
        f'     "suppressed": {dump(claim["suppressed"])},',
        f'     "findings": {listing(claim["findings"], 18)}}}, ...]}}],',
        f' "summary": {dump(doc["summary"])}}}',
    ]
    return "An excerpt of the seed's real output (long strings cut, marked …):\n\n```json\n" + "\n".join(lines) + "\n```\n"


def evaluate_block() -> str:
    result = _invoke("evaluate")
    return "```\n" + result.stdout.rstrip("\n") + "\n```\n"


def card_metrics() -> list[str]:
    """The headline figures of models/MODEL_CARD.md, in order: check-worthiness F1, strength macro-F1, ROC AUC,
    calibration error, ClaimBuster F1."""
    card = (ROOT / "models" / "MODEL_CARD.md").read_text(encoding="utf-8")
    section = card.split("## Cross-validated metrics", 1)[1].split("\n## ", 1)[0]
    out = []
    for label in (r"check-worthiness F1", r"strength macro-F1", r"ROC AUC", r"expected calibration error",
                  r"ClaimBuster"):
        m = re.search(r"^\| " + label + r"[^|]*\|\s*([\d./ ]+?)\s*\|", section, re.M)
        if m:
            out.append(m.group(1).split("/")[-1].strip())
    return out


def evaluate_numbers(block: str) -> list[str]:
    """The same figures from the README's `scorer evaluate` block."""
    text = block.split("```", 2)[1]
    out = []
    for label in (r"check-worthiness F1", r"strength macro-F1", r"ROC AUC", r"calibration error", r"ClaimBuster"):
        m = re.search(r"^\s+" + label + r".*?([\d]\.\d{3})(?:\s|$)" if label != "ClaimBuster"
                      else r"^\s+ClaimBuster.*F1 ([\d.]+)", text, re.M)
        if m:
            out.append(m.group(1))
    return out


def cli_reference() -> str:
    import typer.main

    from scorer.cli import app

    out = ["# Command-line reference", "",
           "Every command's `--help`, as printed (generated by `python scripts/update_docs.py`; "
           "tests/test_docs.py fails when it differs from the real help).", ""]

    def walk(command, words):
        result = _invoke(*words, "--help")
        out.extend([f"## `{' '.join(['scorer', *words])}`", "", "```text", result.stdout.rstrip("\n"), "```", ""])
        for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
            walk(sub, [*words, name])

    walk(typer.main.get_command(app), [])
    return "\n".join(out)


def generated_blocks(seed: Seed | None = None, *, with_evaluate: bool = True) -> dict[str, str]:
    seed = seed or Seed()
    blocks = {"check-table": check_table(seed), "check-line": check_line(seed), "json-excerpt": json_excerpt(seed)}
    if with_evaluate:
        blocks["evaluate"] = evaluate_block()
    return blocks


def readme_blocks(text: str | None = None) -> dict[str, str]:
    text = README.read_text(encoding="utf-8") if text is None else text
    return {m["name"]: m["body"] for m in BLOCK.finditer(text)}


def rewrite(text: str, blocks: dict[str, str]) -> str:
    return BLOCK.sub(lambda m: m.group(1) + blocks.get(m["name"], m["body"]) + m.group(4), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report stale blocks instead of rewriting them")
    args = parser.parse_args(argv)
    stale = []
    readme = README.read_text(encoding="utf-8")
    present = readme_blocks(readme)
    blocks = generated_blocks(with_evaluate=not args.check)
    for name, body in blocks.items():
        if name in present and present[name] != body:
            stale.append(f"README.md block {name}")
    if args.check and "evaluate" in present and evaluate_numbers(present["evaluate"]) != card_metrics():
        stale.append("README.md block evaluate (differs from models/MODEL_CARD.md)")
    reference = cli_reference()
    if not CLI_DOC.exists() or CLI_DOC.read_text(encoding="utf-8") != reference:
        stale.append(str(CLI_DOC.relative_to(ROOT)))
    if args.check:
        for what in stale:
            print(f"stale: {what} (run python scripts/update_docs.py)")
        return 1 if stale else 0
    README.write_text(rewrite(readme, blocks), encoding="utf-8")
    CLI_DOC.write_text(reference, encoding="utf-8")
    for what in stale:
        print(f"updated {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
