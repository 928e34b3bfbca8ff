"""`scorer check PATH...`: score drafts, apply rules, suppressions and a baseline, report, set the exit code.

Thin on purpose: parse, build settings (scorer.config), find drafts (scorer.discover), score
(scorer.pipeline), turn results into findings (scorer.rules, scorer.suppress, scorer.baseline),
render (scorer.report). Exit 0 pass, 1 a finding at error level, 2 usage/config/input error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.cli.help import CHECK_EPILOG
from scorer.cli.options import (CACHE_DIR_OPTION, CONFIG_OPTION, DEADLINE_OPTION, FAIL_UNDER_OPTION, NO_FETCH_OPTION,
                                OFFLINE_OPTION, PRIVATE_HOSTS_OPTION, REFRESH_OPTION, fetch_flags)
from scorer.draft import STDIN_NAME
from scorer.errors import ExitStatus, ScorerError
from scorer.report import FORMATS

OutputFormat = Enum("OutputFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
Level = Enum("Level", {name: name for name in ("error", "warning", "note")}, type=str)  # type: ignore[misc]
Color = Enum("Color", {name: name for name in ("auto", "always", "never")}, type=str)  # type: ignore[misc]

# What each format is for, in `scorer check --help`; a format registered without a line here is listed by name.
FORMAT_HELP = {
    "table": "a table per draft (default)",
    "line": "one finding a line, path:line:col: level rule message",
    "json": "every claim, for scripts (schema: scorer/data/schemas/report.schema.json)",
    "github": "GitHub Actions annotations, one per claim",
    "sarif": "SARIF 2.1.0, for code scanning",
    "markdown": "a summary for a pull-request comment",
    "html": "one self-contained page: the draft with its claims lit up (use with --output)",
}


def format_help() -> str:
    return "Output format: " + "; ".join(f"{name}: {FORMAT_HELP[name]}" if name in FORMAT_HELP else name
                                         for name in FORMATS) + "."


@app.command("check", epilog=CHECK_EPILOG)
@handles_errors
def check_command(
    paths: Optional[List[str]] = typer.Argument(
        None, show_default=False,
        metavar="PATH...",
        help="Drafts to check: files (.md, .markdown, .txt, .html), directories (searched for the `include` "
        "patterns: .md, .markdown, .txt by default) or quoted globs; - reads one draft from standard input.",
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat("table"), "--format", "-f", metavar="FORMAT", help=format_help(),
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", dir_okay=False, show_default=False,
        help="Write the report to this file (atomically) instead of standard output.",
    ),
    fail_under: Optional[float] = FAIL_UNDER_OPTION,
    config_file: Optional[Path] = CONFIG_OPTION,
    baseline_file: Optional[Path] = typer.Option(
        None, "--baseline", dir_okay=False, show_default=False,
        help="Report only findings not recorded in this baseline file (matched by rule and claim text).",
    ),
    write_baseline_file: Optional[Path] = typer.Option(
        None, "--write-baseline", dir_okay=False, show_default=False,
        help="Record this run's findings in a baseline file, for later --baseline runs.",
    ),
    changed_since: Optional[str] = typer.Option(
        None, "--changed-since", metavar="REF", show_default=False,
        help="Check only drafts changed against this Git ref (git diff --name-only REF), plus untracked ones. "
        "With no PATH, searches the current directory.",
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report findings but always exit 0 (unless the "
                                   "input or configuration is wrong)."),
    no_fetch: bool = NO_FETCH_OPTION,
    offline: bool = OFFLINE_OPTION,
    refresh: bool = REFRESH_OPTION,
    cache_dir: Optional[Path] = CACHE_DIR_OPTION,
    allow_private_hosts: bool = PRIVATE_HOSTS_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the findings: no summary, no progress, "
                               "no notes (warnings about the input still go to standard error)."),
    min_level: Level = typer.Option(Level.note, "--min-level", metavar="LEVEL", show_default=False,
                                    help="Report only findings at this level or above: error, warning or note "
                                    "(default). The exit code still counts every error."),
    color: Color = typer.Option(Color.auto, "--color", metavar="WHEN", show_default=False,
                                help="Colour the table: auto (default: on a terminal, unless NO_COLOR is set or "
                                "FORCE_COLOR forces it), always or never."),
    stdin_filename: Optional[str] = typer.Option(
        None, "--stdin-filename", metavar="NAME", show_default=False,
        help="With - as PATH: the name the draft read from standard input is reported under; its extension "
        "picks the reader (default <stdin>, read as Markdown)."),
    deadline: Optional[float] = DEADLINE_OPTION,
    max_draft_bytes: Optional[int] = typer.Option(
        None, "--max-draft-bytes", min=0, metavar="BYTES", show_default=False,
        help="Refuse drafts larger than this (default 500000; 0: no limit).",
    ),
) -> int:
    """Rate the sourcing of every claim in the drafts; exit 1 when a finding is at error level."""
    from scorer.config import load_config
    from scorer.discover import discover
    from scorer.types import Report

    flags = fetch_flags(no_fetch, offline, refresh, cache_dir, allow_private_hosts, deadline=deadline)
    if fail_under is not None:
        flags["threshold"] = (fail_under, "flag --fail-under")
    if max_draft_bytes is not None:
        flags["max_draft_bytes"] = (max_draft_bytes, "flag --max-draft-bytes")
    config = load_config(config_file, flags=flags)
    threshold = config.settings.threshold

    from_stdin = "-" in (paths or ())
    paths = [p for p in paths or () if p != "-"]
    if stdin_filename is not None and not from_stdin:
        raise ScorerError("--stdin-filename names the draft read from standard input: give - as a PATH too")
    if not paths and not from_stdin:
        if changed_since is None:
            raise ScorerError("give at least one PATH: a draft, a directory or a glob (see scorer check --help)")
        paths = ["."]
    drafts = discover(paths, include=config.include, exclude=config.exclude, root=config.root,
                      changed_since=changed_since) if paths else []
    _refuse_to_overwrite_inputs(output, write_baseline_file, [*drafts, config.file], baseline_file)
    inputs: list = [_read_stdin(stdin_filename)] if from_stdin else []
    inputs += drafts
    if inputs:
        from scorer.pipeline import score_files

        report = score_files(inputs, config.settings,
                             progress=sys.stderr.isatty() and len(inputs) > 1 and not quiet,
                             registry=config.registry())
    else:
        why = (f"no drafts changed since {changed_since}" if changed_since is not None
               else "no drafts to check: every named file is excluded by the configuration")
        if not quiet:
            print(f"scorer: {why}", file=sys.stderr)
        report = Report(files=(), threshold=threshold)

    report, findings = _findings(report, config)
    if write_baseline_file is not None:
        from scorer.baseline import write_baseline

        write_baseline(write_baseline_file, findings)
    if baseline_file is not None:
        from scorer.baseline import load_baseline, new_findings

        findings = new_findings(findings, load_baseline(baseline_file))

    shown = _at_least(findings, min_level.value)
    _emit(report, shown, config, output_format.value, output, quiet=quiet, color=color.value)
    if exit_zero:
        return ExitStatus.OK
    return ExitStatus.FINDINGS if findings.failed else ExitStatus.OK


def _refuse_to_overwrite_inputs(output: Optional[Path], write_baseline_file: Optional[Path], inputs: list,
                                baseline_file: Optional[Path]) -> None:
    """Checked before scoring: `-o draft.md` (a slip of the shell) would replace the draft with its report,
    and `-o X --write-baseline X` the new baseline with the report.

    --write-baseline may name the --baseline file: refreshing a baseline is what it is for.
    """
    if output is not None and write_baseline_file is not None and _same(output, write_baseline_file):
        raise ScorerError(f"--output and --write-baseline both name {output}: the report would replace the "
                          "baseline; name two files")
    for flag, target, reads in (("--output", output, [*inputs, baseline_file]),
                                ("--write-baseline", write_baseline_file, inputs)):
        if target is not None and any(_same(Path(p), target) for p in reads if p is not None):
            raise ScorerError(f"{flag} {target} is an input of this run (a draft, the baseline or the "
                              "configuration); name another file")


def _same(a: Path, b: Path) -> bool:
    """One file under two names (links, `..`, symlinks); a path that cannot be resolved is an error."""
    return _resolved(a) == _resolved(b)


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop: RuntimeError before Python 3.13, OSError after
        raise ScorerError(f"{path}: cannot be resolved ({exc})") from None


def _findings(report, config):
    """Apply in-draft suppression comments, then the rules at the configured levels."""
    from dataclasses import replace

    from scorer import suppress
    from scorer.report.common import printable
    from scorer.rules import evaluate

    files, disabled = [], {}
    for file_report in report.files:
        file_report, switched_off, warnings = suppress.apply(file_report)
        for warning in (*file_report.warnings, *warnings):
            line = (f"scorer: warning: {warning}" if warning.startswith(file_report.path)
                    else f"scorer: warning: {file_report.path}: {warning}")
            print(printable(line), file=sys.stderr)
        files.append(file_report)
        disabled[file_report.path] = switched_off
    report = replace(report, files=tuple(files))
    return report, evaluate(report, config.rules, disabled)


def _emit(report, findings, config, fmt: str, output: Optional[Path], *, quiet: bool = False,
          color: str = "auto") -> None:
    from scorer.report import get_reporter

    if output is None and sys.stdout is None:  # started with stdout closed (`>&-`)
        raise ScorerError("cannot write the report to standard output: it is closed (use --output FILE)")
    options: dict = {"findings": findings, "levels": config.rules, "quiet": quiet}
    if fmt in ("github", "sarif", "markdown"):
        root = _source_root()
        options["relpath"] = lambda p, root=root: p if p == STDIN_NAME else _relpath(p, root)
        options["root_uri"] = root.as_uri().rstrip("/") + "/"
    if fmt == "table":
        from scorer.cli.terminal import terminal_width, use_color

        options["color"] = use_color(color, sys.stdout if output is None else None)
        options["width"] = terminal_width()
    text = get_reporter(fmt, **options).render(report)
    if fmt == "line" and not quiet:  # the findings alone on stdout, countable; the verdict beside them
        from scorer.report.common import report_summary, summary_line

        print("scorer: " + summary_line(report, findings, report_summary(report, findings)), file=sys.stderr)
    if output is not None:
        from scorer.fileio import write_atomic

        write_atomic(output, text)
    else:
        _write_stdout(text)


def _read_stdin(name: Optional[str]):
    """The draft piped in (`scorer check -`), to be read like a file called `name`."""
    from scorer.draft import DraftBytes

    if sys.stdin is None:
        raise ScorerError("cannot read the draft from standard input: it is closed")
    if sys.stdin.isatty():  # `scorer check -` typed at a prompt: say why nothing happens
        print("scorer: reading a draft from standard input (end it with Ctrl-D)", file=sys.stderr)
    try:
        data = sys.stdin.buffer.read()
    except (AttributeError, OSError, ValueError) as exc:
        raise ScorerError(f"cannot read the draft from standard input: {exc}") from None
    return DraftBytes(name or STDIN_NAME, data)


def _at_least(findings, level: str):
    """The findings shown under --min-level (exit codes are decided on all of them)."""
    from scorer.rules import LEVEL_RANK, Findings

    if level == "note":
        return findings
    return Findings(f for f in findings if LEVEL_RANK.get(f.level, 0) >= LEVEL_RANK[level])


def _write_stdout(text: str) -> None:
    """A full disk or a closed standard output is the user's to fix: one line and exit 2, not a traceback."""
    import os

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): handles_errors exits quietly
    except OSError as exc:
        # What could not be written stays buffered; send it nowhere, or the exit flush fails again, noisily.
        sys.stdout = open(os.devnull, "w")
        raise ScorerError(f"cannot write the report to standard output: {exc.strerror or exc}") from None


def _source_root() -> Path:
    """The repository root (what code scanning and annotations are relative to), else the working directory."""
    import subprocess

    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return Path(done.stdout.strip()).resolve()
    except OSError:
        pass
    return Path.cwd().resolve()


def _relpath(path: str, root: Path) -> str:
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return resolved.as_posix()
