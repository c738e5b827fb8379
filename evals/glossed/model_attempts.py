"""The embedded model's English for Icelandic sentences, through verify's code checks.

Why the embedded model declares it reads English only (`llm.embedded.reads`): asked for a
short English statement of each Icelandic sentence of a story (its rough gloss and what
Greynir parsed of the original), how many attempts pass `stages.verify.problems`, and
how many of those are true when read against the original. Writes one JSON line per
sentence (the original, the gloss, the model's English, passed, problems) for reading by
hand. Run it under the model lock:

    flock /tmp/briefing-model.lock python evals/glossed/model_attempts.py \
        tests/fixtures/icelandic-story --n 16 --out reports/glossed-model.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from briefing.ingest.read import load_sources
from briefing.llm.base import Request
from briefing.stages.reading import read
from briefing.stages.speakers import parsed
from briefing.stages.verify import problems

SYSTEM = (
    "You state one fact of an Icelandic news sentence in plain English. You get a rough "
    "machine translation of the sentence and facts a parser read from the original. Write "
    "one short English sentence, at most 14 words, that states its main fact. Use only facts "
    "the translation gives; keep names and numbers exactly as written; keep every 'not'. "
    "Answer with the sentence only."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", type=Path, help="A folder of Icelandic articles.")
    parser.add_argument("--n", type=int, default=16, help="At most this many sentences.")
    parser.add_argument("--out", type=Path, default=None, help="Write JSON lines here.")
    args = parser.parse_args()

    from briefing.llm.embedded import EmbeddedLLM

    reading = read(load_sources([args.story]))
    llm = EmbeddedLLM()
    ids = [i for i in reading.gloss if len(reading.sentences[i].text.split()) >= 6][: args.n]
    rows, started = [], time.perf_counter()
    for sid in ids:
        facts = parsed(sid, reading)
        told = [f"speaker: {', '.join(facts.speakers)}"] if facts and facts.speakers else []
        told += [f"negated: {'yes' if facts.negated else 'no'}"] if facts else []
        user = f"Rough translation: {reading.gloss[sid]}\n"
        user += f"Parser: {'; '.join(told)}\n" if told else ""
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
        answer = llm.complete(Request(messages=messages, max_tokens=40)).text.strip().strip('"')
        found = problems(answer, [sid], reading)
        rows.append({"id": sid, "original": reading.sentences[sid].text,
                     "gloss": reading.gloss[sid], "english": answer,
                     "passed": not found, "problems": found})  # fmt: skip
        print(f"{'passed ' if not found else 'dropped'} {sid} | {answer}")
    passed = sum(r["passed"] for r in rows)
    print(f"{passed} of {len(rows)} passed code, {time.perf_counter() - started:.0f} s")
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


if __name__ == "__main__":
    main()
