"""Remote-backend figures: a real local server, a cached re-run, and parallel extraction.

    .venv/bin/python benchmarks/bench_remote.py [--skip-server]

(a) `briefing generate` over tests/fixtures/harbour against a llama-cpp-python server
    running the embedded model: wall time, calls, and whether the briefing is valid;
(b) the identical run again: LLM calls (target 0) and wall time (target < 1 s), in
    process and as a fresh `briefing` process (which adds interpreter start-up);
(c) many small articles against a fake OpenAI server answering after a fixed delay
    with 4 parallel slots: --concurrency 4 vs serial (target ratio <= 0.35).
Each part uses its own empty answer cache; the model file stays where it is.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.models import Briefing
from briefing.llm.embedded import available_cpus
from briefing.llm.fake_server import FakeOpenAIServer, write_articles
from briefing.llm.model_file import default_model_path

ROOT = Path(__file__).resolve().parents[1]
HARBOUR = ROOT / "tests" / "fixtures" / "harbour"


def run_cli(args: list[str], cache: Path) -> tuple[float, str, str]:
    """Run `briefing generate ARGS` in process with answer cache `cache`: seconds, out, err."""
    os.environ["BRIEFING_ANSWER_CACHE"] = str(cache)
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["generate", *args])
    seconds = time.perf_counter() - start
    if result.exit_code != 0:
        raise SystemExit(f"generate failed ({result.exit_code}): {result.output}")
    return seconds, result.stdout, result.stderr.strip().splitlines()[-1]


def start_server(port: int) -> subprocess.Popen[bytes]:
    threads = str(available_cpus())
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(default_model_path()),
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096",
        "--n_threads", threads, "--n_threads_batch", threads,
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("llama_cpp.server exited during start-up")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2):
                return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("llama_cpp.server did not come up in 180 s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_runs(work: Path) -> None:
    port = free_port()
    process = start_server(port)
    url = f"http://127.0.0.1:{port}/v1"
    cache, out = work / "answers-server", work / "server.json"
    args = [str(HARBOUR), "--backend", "openai", "--base-url", url, "--model", "embedded",
            "--timeout", "900", "--json", str(out), "-q"]  # fmt: skip
    try:
        seconds, _, last = run_cli(args, cache)
        briefing = Briefing.model_validate_json(out.read_text(encoding="utf-8"))
        items = briefing.agreements + briefing.open_issues + briefing.positions
        known = set(briefing.sentence_index())
        valid = bool(items) and all(set(i.evidence) <= known for i in items)
        print(f"(a) llama-cpp-python server, harbour (2 articles): {seconds:.1f} s, "
              f"valid briefing: {valid}, {len(items)} items + "
              f"{len(briefing.disagreements)} disagreements")  # fmt: skip
        print(f"    {last}")
        again, _, last = run_cli(args, cache)
        calls = json.loads(out.read_text(encoding="utf-8"))["run"]["usage"]["total"]["calls"]
        print(f"(b) identical re-run in process: {calls} LLM calls, {again:.3f} s wall")
        print(f"    {last}")
        env = {**os.environ, "BRIEFING_ANSWER_CACHE": str(cache)}
        command = [str(Path(sys.executable).with_name("briefing")), "generate", *args]
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        print(f"    as a new process (interpreter start-up and imports included): "
              f"{time.perf_counter() - start:.2f} s wall")  # fmt: skip
    finally:
        process.terminate()
        process.wait(timeout=30)


def concurrency_runs(work: Path, articles: int, delay: float) -> None:
    folder = write_articles(work / "many", articles)
    timings: dict[int, float] = {}
    outputs: dict[int, str] = {}
    for n in (1, 4):
        with FakeOpenAIServer(delay=delay, slots=4, lifetime=600) as fake:
            args = [str(folder), "--backend", "openai", "--base-url", fake.base_url,
                    "--model", "fake", "--concurrency", str(n), "-q"]  # fmt: skip
            timings[n], outputs[n], _ = run_cli(args, work / f"answers-c{n}")
            calls = len(fake.requests)
    ratio = timings[4] / timings[1]
    if outputs[1] != outputs[4]:
        diff = difflib.unified_diff(outputs[1].splitlines(), outputs[4].splitlines(), n=0)
        print("    outputs differ (did a prompt file change between the runs?):")
        print("\n".join(f"    {line}" for line in list(diff)[2:8]))
    print(f"(c) fake server, {delay} s per answer, 4 slots, {articles} articles, {calls} calls: "
          f"serial {timings[1]:.2f} s, --concurrency 4 {timings[4]:.2f} s, "
          f"ratio {ratio:.2f} (target <= 0.35), "
          f"identical output: {outputs[1] == outputs[4]}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-server", action="store_true", help="only part (c)")
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--delay", type=float, default=0.5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-remote-") as tmp:
        work = Path(tmp)
        if not options.skip_server:
            server_runs(work)
        concurrency_runs(work, options.articles, options.delay)


if __name__ == "__main__":
    main()
