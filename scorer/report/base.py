"""The interface every output format implements."""

from __future__ import annotations

from abc import ABC, abstractmethod

from scorer.types import Report


class Reporter(ABC):
    """Turns a Report into text. Reporters never re-read files or recompute scores."""

    def __init__(self, **options) -> None:
        self.options = options

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole output as one string, ending with a newline."""
