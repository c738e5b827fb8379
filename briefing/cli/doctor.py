"""`briefing doctor`: is this machine ready? Versions, build flags, CPU, model, tools.

Each check is one line; the last one decodes a token in a child process, so a build
the CPU cannot run is named here instead of dying later with "Segmentation fault".
"""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, requires, version

import typer

from briefing import DISTRIBUTION, __version__
from briefing.core.errors import BriefingError

CPU_FEATURES = ("avx", "avx2", "fma", "f16c", "avx512f", "avx512_vnni", "amx_tile", "amx_int8")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    exit_code: int = 1


def pinned_engine() -> str | None:
    """The llama-cpp-python version the installed distribution pins (None run from a bare
    checkout, with no distribution installed)."""
    try:
        specs = requires(DISTRIBUTION) or []
    except PackageNotFoundError:
        return None
    for spec in specs:
        found = re.match(r"llama[-_]cpp[-_]python\s*==\s*([\w.]+)", spec)
        if found:
            return found.group(1)
    return None


def check_python() -> Check:
    ok = sys.version_info >= (3, 10)
    return Check("python", ok, f"{platform.python_version()} (briefing {__version__})")


def check_engine_version() -> Check:
    want = pinned_engine()
    try:
        got = version("llama-cpp-python")
    except PackageNotFoundError:
        return Check("engine", False, "llama-cpp-python is not installed; run: make install")
    ok = want is None or got == want
    hint = "" if ok else f", but briefing is tested with {want}; run: make install"
    return Check("engine", ok, f"llama-cpp-python {got}{hint}")


def check_cpu() -> Check:
    from briefing.llm.probe import cpu_flags

    flags = set(cpu_flags())
    shown = " ".join(f for f in CPU_FEATURES if f in flags) or "no flags read"
    return Check("cpu", True, f"{platform.machine()}: {shown}")


def check_model() -> Check:
    from briefing.llm.model_file import DEFAULT_SPEC, default_model_path

    try:
        path = default_model_path()
    except BriefingError as err:
        return Check("model", False, str(err))
    size = path.stat().st_size / 1e9
    return Check("model", True, f"{path} ({size:.2f} GB, sha256 {DEFAULT_SPEC.sha256[:12]} ok)")


def check_apertium() -> Check:
    fix = "run: apt-get install -y apertium-isl-eng (or make install)"
    if shutil.which("apertium") is None:
        return Check("apertium", False, f"apertium is not installed; {fix}")
    modes = subprocess.run(["apertium", "-l"], capture_output=True, text=True, check=False)
    ok = "isl-eng" in modes.stdout.split()
    return Check("apertium", ok, "isl-eng ready" if ok else f"no isl-eng mode; {fix}")


def check_decode() -> Check:
    from briefing.llm.model_file import default_model_path
    from briefing.llm.probe import REBUILD_HINT, probe

    try:
        path = default_model_path()
    except BriefingError as err:
        return Check("decode", False, f"skipped: {err}")
    result = probe(path)
    if not result.ok:
        return Check("decode", False, f"{result.message}; {REBUILD_HINT}", exit_code=3)
    return Check("decode", True, f"one token in {result.seconds:.1f} s · {result.system_info}")


CHECKS: tuple[Callable[[], Check], ...] = (
    check_python,
    check_engine_version,
    check_cpu,
    check_model,
    check_apertium,
    check_decode,
)


def run_checks(echo: Callable[[str], None]) -> int:
    """Print each check as it finishes; the exit status is the worst failure's."""
    status = 0
    for check in CHECKS:
        result = check()
        echo(f"{'ok ' if result.ok else 'FAIL'} {result.name:9} {result.detail}")
        if not result.ok:
            status = max(status, result.exit_code)
    return status


def doctor() -> None:
    """Check this machine: versions, engine build, CPU, model, tools, one decode."""
    status = run_checks(typer.echo)
    if status:
        raise typer.Exit(status)
