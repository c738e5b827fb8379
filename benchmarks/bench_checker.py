"""Judging cost per claim on the embedded model: tokens and seconds on this machine.

    flock /tmp/briefing-model.lock python benchmarks/bench_checker.py [--n 20]

Checks a fixed stratified slice of `--n` rows of each checker test file with no answer
cache (every judge call is made), and prints per claim: judge calls (one per fact of the
claim), prompt tokens evaluated (after the reused prefix) and in all, generated tokens (none:
the score is read from the label tokens' probabilities), seconds in llama.cpp and in all
(gloss, embeddings and code checks included), after the model is loaded.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefing.check.checker import Checker
from briefing.eval.checker_eval import read_rows, stratified_slice
from briefing.llm.base import Request, Response
from briefing.llm.embedded import EmbeddedLLM

DATA = Path(__file__).resolve().parent.parent / "evals" / "checker" / "data"


class Recording(EmbeddedLLM):
    def __init__(self) -> None:
        super().__init__()
        self.responses: list[Response] = []

    def complete(self, request: Request) -> Response:
        response = super().complete(request)
        self.responses.append(response)
        return response


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20, help="rows per test file")
    args = ap.parse_args()
    llm = Recording()
    llm.load()
    checker = Checker(llm)
    checker.check("Warm-up.", "en", [("Warm-up sentence.", "en")])  # embedder, gloss, BÍN
    print(f"{'file':18} {'claims':>6} {'calls/claim':>11} {'prompt tok':>10} {'evaluated':>9} "
          f"{'generated':>9} {'engine s':>8} {'wall s/claim':>12}")  # fmt: skip
    for name in ("test.jsonl", "xling-test.jsonl"):
        rows = stratified_slice(read_rows(DATA / name), args.n)
        llm.responses.clear()
        start = time.perf_counter()
        for r in rows:
            checker.check_source(r["source"], r["claim"], r["lang_source"], r["lang_claim"])
        wall = time.perf_counter() - start
        rs, n = llm.responses, len(rows)
        prompt = sum(x.prompt_tokens for x in rs) / n
        evaluated = sum(x.extra.get("prompt_eval_tokens", 0) for x in rs) / n
        generated = sum(x.completion_tokens for x in rs) / n
        engine = sum(x.engine_seconds or 0 for x in rs) / n
        print(f"{name:18} {n:>6} {len(rs) / n:>11.2f} {prompt:>10.0f} {evaluated:>9.0f} "
              f"{generated:>9.1f} {engine:>8.2f} {wall / n:>12.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
