"""Output files are written whole or not at all: a failed run never clobbers a file."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from dataclasses import dataclass, field
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


def read_regular(path: Path) -> bytes:
    """The bytes of `path` if it is a regular file; `OSError` for anything else (a folder,
    a FIFO that would block the read forever, a device) as for a missing file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"not a regular file: {path}")
        return handle.read()


@functools.cache
def _umask() -> int:
    """Read once: reading it means setting it, which threads writing at once would race."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@dataclass
class Cleared:
    """What emptying a sharded cache did: entries removed, and what could not be."""

    removed: int = 0
    failed: list[str] = field(default_factory=list)  # "path: reason", one per failure


def clear_sharded(directory: Path) -> Cleared:
    """Empty a cache kept as `<2-char shard>/<key>.json` files (stray temp files and empty
    shards too). Anything else found there (a folder where an entry should be, an
    unreadable shard) is left and named in `failed`: clearing never stops half-way."""
    done = Cleared()
    try:
        shards = [p for p in directory.iterdir() if len(p.name) == 2 and _real_dir(p)]
    except FileNotFoundError:
        return done
    except OSError as err:
        done.failed.append(f"{directory}: {err.strerror or err}")
        return done
    for shard in sorted(shards):
        try:
            names = sorted(shard.iterdir())
        except OSError as err:
            done.failed.append(f"{shard}: {err.strerror or err}")
            continue
        for path in names:
            entry = path.suffix == ".json" and not path.name.startswith(".")
            if not entry and not (path.name.startswith(".") and path.name.endswith(".tmp")):
                continue  # not ours: left alone
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as err:
                done.failed.append(f"{path}: {err.strerror or err}")
                continue
            done.removed += entry
        with contextlib.suppress(OSError):
            shard.rmdir()
    return done


def _real_dir(path: Path) -> bool:
    """A folder, not a link to one: clearing never follows a link out of the cache."""
    return path.is_dir() and not path.is_symlink()
