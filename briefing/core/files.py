"""Output files are written whole or not at all: a failed run never clobbers a file."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path

from briefing.core.errors import BriefingError, InputError


def check_writable(path: Path) -> None:
    """Fail before any work if `path` cannot be written (missing folder, a directory)."""
    if path.is_dir():
        raise InputError(f"output path is a directory: {path}")
    if not path.parent.is_dir():
        raise InputError(f"output folder does not exist: {path.parent}")


def write_atomic(path: Path, text: str, *, parents: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    `parents` creates missing folders first: right for report folders in CI, wrong for
    a briefing path the user may have mistyped.
    """
    path = Path(path)
    try:
        if parents:
            path.parent.mkdir(parents=True, exist_ok=True)
        check_writable(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a briefing is for sharing
        os.replace(tmp, path)
    except OSError as err:  # a full disk, a quota: the old file stays as it was
        Path(tmp).unlink(missing_ok=True)
        raise BriefingError(f"cannot write {path}: {err.strerror or err}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@functools.cache
def _umask() -> int:
    """Read once: reading it means setting it, which threads writing at once would race."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def clear_sharded(directory: Path) -> int:
    """Empty a cache kept as `<2-char shard>/<key>.json` files (stray temp files and empty
    shards too); returns how many entries were removed."""
    if not directory.is_dir():
        return 0
    removed = 0
    for path in directory.glob("??/*.json"):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    for stray in directory.glob("??/.*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            stray.unlink()
    for sub in directory.iterdir():
        with contextlib.suppress(OSError):
            sub.rmdir()
    return removed
