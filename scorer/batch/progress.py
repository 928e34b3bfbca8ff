"""The progress bar of `scorer batch` (rich, on stderr): articles and claims done, and how fast.

Rates count only what this run scored: partitions skipped on a rerun are shown done, not fast.
"""

from __future__ import annotations

import time


class RichProgress:
    def __init__(self, console=None):
        from rich.console import Console

        self.console = console or Console(stderr=True)
        self._progress = None
        self._task = None
        self._started = 0.0
        self._rows = self._claims = self._errors = 0

    def start(self, total: int | None, description: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
            TextColumn("{task.fields[rates]}"), TimeElapsedColumn(),
            console=self.console, transient=False,
        )
        self._task = self._progress.add_task(description, total=total, rates="")
        self._started = time.perf_counter()
        self._progress.start()

    def skipped(self, counts: dict) -> None:
        self._progress.update(self._task, advance=counts["rows"], rates=self._rates())

    def advance(self, counts: dict) -> None:
        self._rows += counts["rows"]
        self._claims += counts["claims"]
        self._errors += counts["errors"]
        self._progress.update(self._task, advance=counts["rows"], rates=self._rates())

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()

    def _rates(self) -> str:
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        errors = f", {self._errors:,} bad rows" if self._errors else ""
        return (f"{self._rows / elapsed:,.0f} articles/s, {self._claims:,} claims ({self._claims / elapsed:,.0f}/s)"
                f"{errors}")
