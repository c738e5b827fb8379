"""The embedded model's English for Icelandic sentences, through verify's code checks.

Why the embedded model declares it reads English only (`llm.embedded.reads`): asked for a
short English statement of each Icelandic sentence of a story (its rough gloss and what
Greynir parsed of the original), how many attempts pass `stages.verify.problems`, and
how many of those are true when read against the original. `--rewrite` asks instead for
each gloss rewritten as grammatical English, six numbered glosses a call (what a small
model does well: phrase short English); `--check` also puts each attempt that passed code
to the support checker, as the pipeline would. Writes one JSON line per sentence (the
original, the gloss, the model's English, passed, problems, supported) for reading by
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
from briefing.llm.base import LLM, Request
from briefing.stages.reading import Reading, read
from briefing.stages.speakers import parsed
from briefing.stages.translate import NUMBERED
from briefing.stages.verify import problems

SYSTEM = (
    "You state one fact of an Icelandic news sentence in plain English. You get a rough "
    "machine translation of the sentence and facts a parser read from the original. Write "
    "one short English sentence, at most 14 words, that states its main fact. Use only facts "
    "the translation gives; keep names and numbers exactly as written; keep every 'not'. "
    "Answer with the sentence only."
)
REWRITE = (
    "You turn rough word-for-word English glosses of Icelandic news sentences into plain, "
    "grammatical English. For each numbered gloss write one English sentence that says the "
    'same thing: fix the word order, add "the", "a", "of" and small words, choose the '
    'verb form English needs. Keep every name, number, date and "not" exactly as in the '
    "gloss; keep who does what; add no fact and leave none out. Answer with the numbered "
    "English sentences only, one per line."
)
BATCH = 6  # numbered glosses a call, as `stages.translate` asks for translations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", type=Path, help="A folder of Icelandic articles.")
    parser.add_argument("--n", type=int, default=16, help="At most this many sentences.")
    parser.add_argument("--rewrite", action="store_true", help="Ask for each gloss rewritten.")
    parser.add_argument("--check", action="store_true", help="Also ask the support checker.")
    parser.add_argument("--out", type=Path, default=None, help="Write JSON lines here.")
    args = parser.parse_args()

    from briefing.core.config import Settings
    from briefing.llm.registry import build_llm

    reading = read(load_sources([args.story]))
    llm = build_llm(Settings(log=False))  # the answer cache of BRIEFING_ANSWER_CACHE
    least = 1 if args.rewrite else 6
    ids = [i for i in reading.gloss if len(reading.sentences[i].text.split()) >= least]
    ids = ids[: args.n]
    started = time.perf_counter()
    answers = _rewritten(ids, reading, llm) if args.rewrite else _stated(ids, reading, llm)
    checker = None
    if args.check:
        from briefing.check.checker import Checker

        checker = Checker(llm)
    rows = []
    for sid, answer in zip(ids, answers, strict=True):
        found = problems(answer, [sid], reading) if answer else ["no answer"]
        supported = None
        if checker is not None and not found:
            cited = [(reading.sentences[sid].text, "is")]
            supported = checker.check(answer, "en", cited, label=sid).supported
        rows.append({"id": sid, "original": reading.sentences[sid].text,
                     "gloss": reading.gloss[sid], "english": answer,
                     "passed": not found, "problems": found, "supported": supported})  # fmt: skip
        verdict = "dropped" if found else "passed " if supported is not False else "refused"
        print(f"{verdict} {sid} | {answer}")
    passed = sum(r["passed"] for r in rows)
    kept = sum(r["supported"] is True for r in rows)
    checked = f", {kept} of those supported by the checker" if checker is not None else ""
    print(f"{passed} of {len(rows)} passed code{checked}, {time.perf_counter() - started:.0f} s")
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def _stated(ids: list[str], reading: Reading, llm: LLM) -> list[str]:
    """A short statement of each sentence's main fact, one call a sentence."""
    out = []
    for sid in ids:
        facts = parsed(sid, reading)
        told = [f"speaker: {', '.join(facts.speakers)}"] if facts and facts.speakers else []
        told += [f"negated: {'yes' if facts.negated else 'no'}"] if facts else []
        user = f"Rough translation: {reading.gloss[sid]}\n"
        user += f"Parser: {'; '.join(told)}\n" if told else ""
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
        out.append(llm.complete(Request(messages=messages, max_tokens=40)).text.strip().strip('"'))
    return out


def _rewritten(ids: list[str], reading: Reading, llm: LLM) -> list[str]:
    """Each sentence's gloss rewritten as English, `BATCH` numbered glosses a call."""
    out = []
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        user = "".join(f"{n}. {reading.gloss[i]}\n" for n, i in enumerate(batch, 1))
        messages = [
            {"role": "system", "content": REWRITE},
            {"role": "user", "content": f"Rough English:\n{user}Plain English:"},
        ]
        answer = llm.complete(Request(messages=messages, max_tokens=60 * len(batch))).text
        lines = dict(NUMBERED.findall(answer))
        out += [" ".join(lines.get(str(n), "").split()) for n in range(1, len(batch) + 1)]
    return out


if __name__ == "__main__":
    main()
