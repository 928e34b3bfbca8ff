"""`scorer batch INPUT --output OUT` (score an archive on Dask into Parquet) and `scorer stats OUT`.

Dask, pyarrow, DuckDB and matplotlib are imported inside the commands only (the `batch` extra), so
`scorer check` never pays for them.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from scorer.cli.app import app, handles_errors
from scorer.cli.options import (CACHE_DIR_OPTION, CONFIG_OPTION, OFFLINE_OPTION, PRIVATE_HOSTS_OPTION,
                                REFRESH_OPTION, fetch_flags)
from scorer.errors import ExitStatus, ScorerError

EXTRA_MODULES = frozenset({"dask", "distributed", "pyarrow", "duckdb", "matplotlib"})
StatsFormat = Enum("StatsFormat", {name: name for name in ("table", "csv", "json")}, type=str)  # type: ignore[misc]


@app.command("batch")
@handles_errors
def batch_command(
    input_path: Path = typer.Argument(..., metavar="INPUT", show_default=False,
                                      help="A folder of drafts, or a .jsonl, .csv or .parquet file with one article "
                                      "a row (id, text or markdown, optional url, date, outlet, section)."),
    output: Path = typer.Option(..., "--output", "-o", show_default=False, file_okay=False,
                                help="Directory of the Parquet output (claims/, articles.parquet, errors.jsonl)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=0, show_default=False,
                                          help="Local worker processes (default: the CPU count); 0 scores in this "
                                          "process without Dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="tcp://HOST:PORT", show_default=False,
                                            help="Send the work to this running Dask scheduler instead."),
    partition_size: int = typer.Option(500, "--partition-size", min=1,
                                       help="Articles a partition: the unit of work, of output files and of resuming."),
    force: bool = typer.Option(False, "--force", help="Score every partition again, even those already written."),
    fetch: bool = typer.Option(False, "--fetch", help="Fetch cited pages and verify quotes and figures (off by "
                               "default in batch: politeness makes it slow)."),
    offline: bool = OFFLINE_OPTION,
    refresh: bool = REFRESH_OPTION,
    cache_dir: Optional[Path] = CACHE_DIR_OPTION,
    allow_private_hosts: bool = PRIVATE_HOSTS_OPTION,
    fail_under: Optional[float] = typer.Option(
        None, "--fail-under", min=0.0, max=1.0, show_default=False,
        help="Threshold behind the output's below_threshold, passed and weak-sourcing findings (it does not set the "
        "exit code here). Default: `threshold` from config, else 0.5."),
    config_file: Optional[Path] = CONFIG_OPTION,
) -> int:
    """Score a whole archive, one row per claim into a Parquet dataset; reruns resume where they stopped."""
    from scorer.config import load_config

    if workers is not None and scheduler is not None:
        raise ScorerError("give --workers or --scheduler, not both")
    if not fetch and (offline or refresh or cache_dir is not None or allow_private_hosts):
        raise ScorerError("--offline, --refresh, --cache-dir and --allow-private-hosts apply to fetching: add --fetch")
    flags = fetch_flags(no_fetch=not fetch, offline=offline, refresh=refresh, cache_dir=cache_dir,
                        allow_private_hosts=allow_private_hosts)
    if fetch:
        flags["fetch.enabled"] = (True, "flag --fetch")
    if fail_under is not None:
        flags["threshold"] = (fail_under, "flag --fail-under")
    config = load_config(config_file, flags=flags)
    config.registry()  # bad outlet overrides are a configuration error here, not one per article on the workers

    with _needs_extra():
        from scorer.batch import BatchJob, run_batch

        job = BatchJob(config.settings, tuple(sorted(config.rules.items())), tuple(config.outlets))
        engine = _engine(workers, scheduler)
        try:
            if fetch:
                _say_how_fetching_is_shared(config.settings.fetch, engine)
            progress = None
            if sys.stderr.isatty():
                from scorer.batch.progress import RichProgress

                progress = RichProgress()
            try:
                summary = run_batch(input_path, output, job, engine=engine, partition_size=partition_size,
                                    force=force, progress=progress)
            except KeyboardInterrupt:
                raise ScorerError(f"interrupted; the partitions written are kept in {output}: run the same command "
                                  "again to resume") from None
        finally:
            engine.close()
    _report(summary, output, engine.description)
    return ExitStatus.OK if summary.complete else ExitStatus.FINDINGS


@app.command("stats")
@handles_errors
def stats_command(
    output: Path = typer.Argument(..., metavar="OUT", show_default=False, help="The output directory of scorer batch."),
    by: Optional[List[str]] = typer.Option(None, "--by", show_default=False,
                                           help="Group by outlet, section or year, or several joined by commas "
                                           "(outlet,year); repeat for several tables. Default: each alone."),
    output_format: StatsFormat = typer.Option(StatsFormat("table"), "--format", "-f", help="table, csv or json."),
    plot: Optional[Path] = typer.Option(None, "--plot", file_okay=False, show_default=False,
                                        help="Also draw PNG charts into this directory."),
    top: int = typer.Option(0, "--top", min=0, help="Keep the N largest groups of each grouping (0: all)."),
) -> int:
    """Strength shares and anonymous-source share by outlet, section and year, from a batch output."""
    with _needs_extra():
        from scorer.batch.stats import compute_stats, parse_by
        from scorer.batch.stats_format import render

        groupings = parse_by(by)
        if not output.is_dir():
            raise ScorerError(f"{output}: no such directory (the --output of scorer batch)")
        stats = compute_stats(output, groupings, top=top)
        if not stats.complete:
            print(f"scorer: warning: {output}: the batch is unfinished; statistics of the {stats.files} "
                  "partition(s) written so far", file=sys.stderr)
        from scorer.cli.terminal import terminal_width

        sys.stdout.write(render(stats, output_format.value, width=terminal_width()))
        if plot is not None:
            from scorer.batch.plots import write_plots

            for path in write_plots(stats, plot):
                print(f"scorer: wrote {path}", file=sys.stderr)
    return ExitStatus.OK


def _engine(workers: Optional[int], scheduler: Optional[str]):
    from scorer.batch.engine import DaskEngine, InProcessEngine

    if scheduler is not None:
        return DaskEngine.connect(scheduler)
    if workers == 0:
        return InProcessEngine()
    return DaskEngine.local(workers)


def _say_how_fetching_is_shared(fetch, engine) -> None:
    where = fetch.cache_dir or "the user cache directory"
    print(f"scorer: fetching: at most {fetch.rate_limit:g} request(s)/s to a host from all {engine.workers} worker(s) "
          f"together ({fetch.rate_limit / engine.workers:.3g} each); page cache {where} on each machine, shared by "
          "the workers of that machine", file=sys.stderr)


def _report(summary, output: Path, where: str) -> None:
    rate = (f"{summary.new_rows / summary.seconds:,.1f} articles/s, {summary.new_claims / summary.seconds:,.0f} "
            "claims/s" if summary.seconds > 0 and summary.new_rows else "nothing left to score")
    print(f"{summary.rows:,} rows: {summary.scored:,} articles scored ({summary.claims:,} claims), "
          f"{summary.errors:,} bad rows; {summary.partitions:,} partitions {where} in {summary.seconds:.1f} s "
          f"({rate})")
    if summary.skipped:
        print(f"resumed: {summary.skipped:,} of {summary.partitions:,} partitions were already written")
    if summary.errors:
        print(f"bad rows (id and reason): {output / 'errors.jsonl'}" if summary.complete
              else f"bad rows so far: {output / '_parts' / 'errors'}")
    if summary.unscored:
        print(f"{summary.unscored:,} rows are in partitions that failed: not scored yet")
    for index, why in summary.failed:
        print(f"scorer: error: partition {index} failed: {why}", file=sys.stderr)
    if summary.failed:
        print(f"scorer: error: {len(summary.failed)} partition(s) not scored; run the same command again to retry "
              "them", file=sys.stderr)


class _needs_extra:
    """A missing batch dependency is an installation to complete, said in one line, not a traceback."""

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if kind is not None and issubclass(kind, ModuleNotFoundError) and \
                (exc.name or "").split(".")[0] in EXTRA_MODULES:
            raise ScorerError(f"this command needs the batch extra (missing: {exc.name}): "
                              "pip install 'scorer[batch]'") from None
        return False
