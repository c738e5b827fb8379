"""Print the CMake arguments for a portable llama.cpp build on this CPU.

Why not `-march=native` (llama-cpp-python's default): it switches on llama.cpp's AMX
kernels on Intel Sapphire Rapids and later, and those crash (`ggml_backend_amx_mul_mat`).
So the native detection is off and each instruction set is enabled from what the CPU
reports in /proc/cpuinfo: the AVX2/AVX-512 paths where the CPU has them, nothing it
lacks, and never AMX. Set ENGINE_CMAKE_ARGS to build with other flags.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

# cpuinfo flag -> GGML CMake option; order is the order printed.
X86_OPTIONS = {
    "avx": "GGML_AVX",
    "avx2": "GGML_AVX2",
    "bmi2": "GGML_BMI2",
    "fma": "GGML_FMA",
    "f16c": "GGML_F16C",
    "avx_vnni": "GGML_AVX_VNNI",
    "avx512f": "GGML_AVX512",
    "avx512vbmi": "GGML_AVX512_VBMI",
    "avx512_vnni": "GGML_AVX512_VNNI",
    "avx512_bf16": "GGML_AVX512_BF16",
}
ALWAYS_OFF = ("GGML_AMX_TILE", "GGML_AMX_INT8", "GGML_AMX_BF16", "GGML_BACKEND_DL", "LLAVA_BUILD")


def cpu_flags(cpuinfo: str) -> set[str]:
    for line in cpuinfo.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def cmake_args(flags: set[str], machine: str) -> list[str]:
    args = ["-DGGML_NATIVE=OFF"]
    if machine in ("x86_64", "amd64"):
        args += [f"-D{opt}={'ON' if flag in flags else 'OFF'}" for flag, opt in X86_OPTIONS.items()]
        args += [f"-D{opt}=OFF" for opt in ALWAYS_OFF]
    return args


def main() -> int:
    override = os.environ.get("ENGINE_CMAKE_ARGS")
    if override:
        print(override)
        return 0
    cpuinfo = Path("/proc/cpuinfo")
    flags = cpu_flags(cpuinfo.read_text()) if cpuinfo.exists() else set()
    print(" ".join(cmake_args(flags, platform.machine().lower())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
