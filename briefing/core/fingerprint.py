"""Fingerprints of the code that computes a result: the package's own files and the
versions of the libraries it leans on.

A result remembered across processes (a whole run's briefing, a prompt set found valid)
is only as good as the code that computed it. Keying such memos by their inputs alone
would replay yesterday's answer after today's fix; adding `code_fingerprint()` makes any
edit, upgrade or reinstall of the package a different key. Hashing the ~100 files (about
700 KB, prompts and schemas included) takes a few milliseconds, once per process.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

from briefing.core.resources import data_dir

PACKAGE = Path(__file__).resolve().parents[1]
DATA = ("prompts", "schemas")  # shipped beside the package in a checkout, inside it in a wheel


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 over the path and bytes of every file of the package and its shipped data."""
    digest = hashlib.sha256()
    beside = [data_dir(name) for name in DATA]
    for root in [PACKAGE, *(d for d in beside if PACKAGE not in d.parents)]:
        for path in _files(root):
            digest.update(f"{path.relative_to(root.parent)}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    """Source and data files under `root`, in a stable order; bytecode caches left out."""
    if not root.is_dir():
        return []
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def library_versions(names: Iterable[str]) -> dict[str, str | None]:
    """Installed version of each distribution in `names` (None where it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found
