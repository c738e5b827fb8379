"""Progress per stage on a terminal (rich), silence when stderr is piped or in JSON mode."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class Quiet:
    """Reports nothing: for pipes, tests and `--quiet`."""

    @contextmanager
    def stage(self, name: str, total: int) -> Iterator[None]:
        yield

    def advance(self, name: str) -> None:
        return None


class Bars:
    """One rich progress bar per stage, drawn on stderr."""

    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._tasks: dict[str, int] = {}

    @contextmanager
    def stage(self, name: str, total: int) -> Iterator[None]:
        with self._progress:
            self._tasks[name] = self._progress.add_task(name, total=total)
            yield
            self._progress.update(self._tasks[name], completed=total)

    def advance(self, name: str) -> None:
        self._progress.advance(self._tasks[name])


def reporter(enabled: bool = True) -> Quiet | Bars:
    """Bars when stderr is a terminal and progress is wanted, else silence."""
    return Bars() if enabled and sys.stderr.isatty() else Quiet()
