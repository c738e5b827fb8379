"""The engine build is portable: flags from the CPU's own features, never AMX or native."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.llm.probe import engine_libraries

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "engine_cmake_args.py"
spec = importlib.util.spec_from_file_location("engine_cmake_args", SCRIPT)
assert spec is not None and spec.loader is not None
engine_cmake_args = importlib.util.module_from_spec(spec)
spec.loader.exec_module(engine_cmake_args)

SAPPHIRE_RAPIDS = (
    "fpu sse4_2 avx avx2 bmi2 fma f16c avx512f avx512_vnni avx512_bf16 amx_tile amx_int8 amx_bf16"
)


AMX_OPCODES = ("ldtilecfg", "tileloadd", "tdpbssd", "tdpbf16ps", "tilezero")


def options(flags: str, machine: str = "x86_64") -> dict[str, str]:
    args = engine_cmake_args.cmake_args(set(flags.split()), machine)
    return dict(arg.removeprefix("-D").split("=") for arg in args)


def test_an_amx_cpu_gets_avx512_but_never_amx_or_native() -> None:
    got = options(SAPPHIRE_RAPIDS)
    assert got["GGML_NATIVE"] == "OFF"
    assert got["GGML_AVX512"] == got["GGML_AVX512_VNNI"] == got["GGML_AVX2"] == "ON"
    assert got["GGML_AMX_TILE"] == got["GGML_AMX_INT8"] == got["GGML_AMX_BF16"] == "OFF"


def test_a_cpu_without_avx512_gets_no_avx512() -> None:
    got = options("sse4_2 avx avx2 bmi2 fma f16c")
    assert got["GGML_AVX2"] == "ON"
    assert got["GGML_AVX512"] == got["GGML_AVX512_VNNI"] == got["GGML_AVX512_BF16"] == "OFF"


def test_flags_are_read_from_cpuinfo() -> None:
    cpuinfo = "processor\t: 0\nflags\t\t: fpu avx avx2 amx_tile\n"
    assert engine_cmake_args.cpu_flags(cpuinfo) == {"fpu", "avx", "avx2", "amx_tile"}


def test_other_machines_only_turn_native_off() -> None:
    assert options("", "aarch64") == {"GGML_NATIVE": "OFF"}


def cpu_library() -> Path:
    found = [p for p in engine_libraries() if p.name.startswith("libggml-cpu.so")]
    if not found:
        pytest.skip("llama-cpp-python is not installed")
    return found[0]


@pytest.mark.skipif(shutil.which("objdump") is None, reason="needs binutils' objdump")
def test_the_installed_engine_holds_no_amx_instructions() -> None:
    """AMX tile instructions in libggml-cpu mean a -march=native build on an AMX CPU:
    the kernels that crash on Sapphire Rapids. Rebuild with `make engine`."""
    listing = subprocess.run(
        ["objdump", "-d", "--no-show-raw-insn", str(cpu_library())],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    amx = [line for line in listing.splitlines() if any(op in line for op in AMX_OPCODES)]
    assert not amx, f"{len(amx)} AMX instructions in {cpu_library().name}, e.g. {amx[0].strip()}"
