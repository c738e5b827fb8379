"""One writer at a time per output folder: an advisory lock file, held with `flock`.

Why: `briefing daily` reads the folder's front page, briefs what changed and writes the
front page again. Two runs doing that at once each write a page built without the
other's stories, and the later one wins. With the lock the second run waits for the
first (one line says so), then reads its front page and reruns only what changed. It
gives up after `WAIT_SECONDS` with one error line. The lock is released when the
process ends, however it ends, so a killed run never leaves the folder locked.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.core.errors import BriefingError

__all__ = ["LOCK_FILE", "WAIT_SECONDS", "Busy", "folder_lock"]

LOCK_FILE = ".lock"  # a slug never starts with a dot, so no story can take this name
WAIT_SECONDS = 3600.0
POLL_SECONDS = 0.2


class Busy(BriefingError):
    """Another process held the folder's lock for longer than we would wait."""


@contextlib.contextmanager
def folder_lock(
    folder: Path, wait: float = WAIT_SECONDS, notice: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold `folder/.lock` (creating the folder) for the block; `notice` hears once that
    another process holds it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise BriefingError(f"cannot lock {folder}: {err.strerror or err}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(
                        f"another run is writing {folder}; gave up after {wait:g} s"
                    ) from None
                if notice is not None:
                    notice(f"waiting for another run writing {folder}")
                    notice = None
                time.sleep(POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # releases the lock
