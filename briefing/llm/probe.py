"""Does the llama.cpp engine run on this CPU? Asked once, in a child process, remembered.

A build with instructions the CPU lacks, or with llama.cpp's AMX kernels on an Intel
Sapphire Rapids CPU, dies inside `llama_decode` with SIGSEGV or SIGILL: the process is
killed and the user sees nothing but "Segmentation fault". So the first run of an
engine build on a CPU decodes one token in a child; a crash there becomes one line
naming the cause and the fix. The verdict is stored per (build, CPU), so later runs
pay nothing.

`python -m briefing.llm.probe MODEL.gguf` is the child. `BRIEFING_PROBE_FAULT=segv`
makes it kill itself with SIGSEGV, so the crash path is tested for real.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from briefing.core.errors import LLMError
from briefing.core.paths import cache_root

REBUILD_HINT = (
    "rebuild the engine for this CPU with `make engine` (see README, Install notes), "
    "or run `briefing doctor`"
)


class EngineCrash(LLMError):
    """The engine died on a one-token decode: a build this CPU cannot run."""


@dataclass(frozen=True)
class ProbeResult:
    ok: bool
    message: str
    system_info: str = ""
    seconds: float = 0.0


def cpu_flags() -> list[str]:
    """The CPU's feature flags (Linux), sorted; empty where /proc/cpuinfo is absent."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return []
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return sorted(set(line.split(":", 1)[1].split()))
    return []


def engine_libraries() -> list[Path]:
    """llama-cpp-python's native libraries: what a rebuild changes."""
    spec = find_spec("llama_cpp")
    if spec is None or not spec.submodule_search_locations:
        return []
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
    return sorted(p for p in lib.glob("*.so*") if p.is_file()) if lib.is_dir() else []


def engine_key() -> str:
    """Identifies this engine build on this CPU: library sizes and times, CPU flags."""
    parts = [platform.machine(), *cpu_flags()]
    for path in engine_libraries():
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def describe_signal(returncode: int) -> str:
    number = -returncode
    try:
        name = signal.Signals(number).name
    except ValueError:
        name = f"signal {number}"
    cause = {
        "SIGILL": "an instruction this CPU does not have",
        "SIGSEGV": "a kernel this CPU cannot run (such as llama.cpp's AMX kernels from a "
        "-march=native build)",
    }.get(name, "a fault in the native library")
    return f"the llama.cpp engine crashed ({name}) decoding one token: {cause}"


def probe(model_path: Path, *, timeout: float = 300.0) -> ProbeResult:
    """Load `model_path` and decode one token in a child process."""
    argv = [sys.executable, "-m", "briefing.llm.probe", str(model_path)]
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return ProbeResult(False, f"the engine did not decode one token in {timeout:.0f} s")
    seconds = time.perf_counter() - start
    if done.returncode < 0:
        return ProbeResult(False, describe_signal(done.returncode), seconds=seconds)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return ProbeResult(False, f"the engine failed to decode one token: {last}", seconds=seconds)
    info = json.loads(done.stdout.strip().splitlines()[-1])
    return ProbeResult(True, "decoded one token", info["system_info"], seconds)


def verdict_path() -> Path:
    return cache_root() / "engine-probe" / f"{engine_key()}.json"


def ensure_engine_runs(model_path: Path) -> None:
    """Raise EngineCrash (one line, exit 3) unless this build runs on this CPU.

    The child runs once per build and CPU; only a success is remembered, so a fixed
    build is probed again.
    """
    path = verdict_path()
    if path.is_file():
        return
    result = probe(model_path)
    if not result.ok:
        raise EngineCrash(f"{result.message}; {REBUILD_HINT}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"system_info": result.system_info}))
    except OSError:
        pass  # not remembered: the next run probes again, which is only slower


def _child(model_path: str) -> None:
    if os.environ.get("BRIEFING_PROBE_FAULT") == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    import llama_cpp

    llama = llama_cpp.Llama(model_path=model_path, n_ctx=64, n_threads=1, verbose=False)
    llama.eval(llama.tokenize(b"Hello"))
    llama.sample(temp=0.0)
    info = llama_cpp.llama_print_system_info().decode().strip()
    print(json.dumps({"system_info": info}))


if __name__ == "__main__":
    _child(sys.argv[1])
