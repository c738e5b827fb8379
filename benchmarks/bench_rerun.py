"""A re-run of `briefing generate` served from the cache, timed as a fresh process.

    python benchmarks/bench_rerun.py [PATH ...] [--runs 7] [--stages] [--exe BRIEFING]

The first run fills the answer cache and the run memo (on a cold cache it runs the model:
a minute or two). Then `--runs` re-runs, each a new process, are timed wall clock, and
their Markdown and JSON compared byte for byte with the first run's. With `--stages` the
run memo is emptied before each timed run, which measures a replay through every stage
from the answer cache (what a code change costs). `--exe` times another `briefing`
command (another checkout's, say) on the same cache. Prints the median, min and max.
Target (issue 9): median under 0.5 s, byte-identical files.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = Path(sys.executable).parent / "briefing"


def run(exe: str, paths: list[str], out: Path) -> tuple[float, str]:
    """One `briefing generate` process: its wall seconds and its last stderr line."""
    command = [exe, "generate", *paths, "-q", "-o", str(out / "b.md")]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--json", str(out / "b.json")], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, done.stderr.strip().splitlines()[-1]


def runs_dir() -> Path:
    """The run memo's folder under the answer cache the settings point at."""
    from briefing.core.config import resolve

    return resolve().answer_cache / "runs"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--stages", action="store_true", help="empty the run memo first")
    parser.add_argument("--exe", default=str(EXE), help="the briefing command to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first, again = Path(tmp) / "first", Path(tmp) / "again"
        first.mkdir()
        again.mkdir()
        seconds, line = run(args.exe, args.paths, first)
        print(f"first run: {seconds:.2f} s · {line}")
        times, identical = [], True
        for _ in range(args.runs):
            if args.stages:
                shutil.rmtree(runs_dir(), ignore_errors=True)
            seconds, line = run(args.exe, args.paths, again)
            times.append(seconds)
            for name in ("b.md", "b.json"):
                identical &= (first / name).read_bytes() == (again / name).read_bytes()
        what = "with the run memo emptied each time" if args.stages else "from the cache"
        print(f"last re-run: {line}")
        print(
            f"re-run {what}, {args.runs} fresh processes: median {statistics.median(times):.3f} s "
            f"(min {min(times):.3f}, max {max(times):.3f}; target < 0.5 s); "
            f"Markdown and JSON {'byte-identical' if identical else 'DIFFER'}"
        )


if __name__ == "__main__":
    main()
