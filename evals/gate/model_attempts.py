"""The embedded model's own Icelandic, through the Icelandic gate: how much of it passes.

Asks the model (the project's LLM interface, embedded backend, greedy) to translate English
sentences of the gate's pairs into Icelandic, gates each attempt against its English with
the article's names, and writes one JSON line per attempt (English, the human Icelandic,
the model's, passed, reasons) for reading by hand. Run it under the model lock:

    flock /tmp/briefing-model.lock python evals/gate/model_attempts.py --n 50 \
        --out reports/gate-model.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from briefing.check.icelandic_gate import gate
from briefing.eval.gate import DATA, load_pairs
from briefing.llm.base import Request

SYSTEM = (
    "You translate English news sentences into Icelandic. Keep every name, number and "
    "date. Answer with the Icelandic sentence only."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", default="test")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    from briefing.llm.embedded import EmbeddedLLM

    llm = EmbeddedLLM()
    pairs = load_pairs(args.data, args.split)
    step = max(1, len(pairs) // args.n)
    chosen = pairs[::step][: args.n]
    rows, passed = [], 0
    started = time.perf_counter()
    for pair in chosen:
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": pair.en}]
        answer = llm.complete(Request(messages=messages, max_tokens=200, stage="gate-eval"))
        icelandic = " ".join(answer.text.split())
        result = gate(icelandic, pair.en, pair.names)
        passed += result.passed
        rows.append({"id": pair.id, "en": pair.en, "human": pair.is_, "model": icelandic,
                     "passed": result.passed, "reasons": result.reasons})  # fmt: skip
        print(f"{pair.id}: {'pass' if result.passed else 'reject'} {icelandic}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    seconds = time.perf_counter() - started
    print(f"{passed}/{len(rows)} model attempts pass the gate ({seconds:.0f} s) -> {args.out}")


if __name__ == "__main__":
    main()
