"""Progress per stage on a terminal (rich), silence when stderr is piped or in JSON mode.

rich is loaded when the first stage starts, not before: a run served whole from the run
memo has no stage to show, and loading rich was a tenth of its time.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

log = logging.getLogger("briefing.stages")


@contextmanager
def timed(name: str, total: int) -> Iterator[None]:
    """A stage's size and time in the log (`--verbose` shows it on stderr)."""
    log.info("%s: %d to do", name, total)
    started = time.perf_counter()
    yield
    log.info("%s: done in %.2f s", name, time.perf_counter() - started)


class Quiet:
    """Reports nothing: for pipes, tests and `--quiet`."""

    @contextmanager
    def stage(self, name: str, total: int) -> Iterator[None]:
        with timed(name, total):
            yield

    def advance(self, name: str) -> None:
        return None


class Bars:
    """One rich progress bar per stage, drawn on stderr."""

    def __init__(self, console: Console | None = None) -> None:
        self._console = console
        self._progress: Progress | None = None
        self._tasks: dict[str, int] = {}

    def _bars(self) -> Progress:
        if self._progress is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("{task.description:<10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self._console or Console(stderr=True),
                transient=False,
            )
        return self._progress

    @contextmanager
    def stage(self, name: str, total: int) -> Iterator[None]:
        progress = self._bars()
        with progress, timed(name, total):
            self._tasks[name] = progress.add_task(name, total=total)
            yield
            progress.update(self._tasks[name], completed=total)

    def advance(self, name: str) -> None:
        self._bars().advance(self._tasks[name])


def reporter(enabled: bool = True) -> Quiet | Bars:
    """Bars when stderr is a terminal and progress is wanted, else silence."""
    return Bars() if enabled and sys.stderr.isatty() else Quiet()
