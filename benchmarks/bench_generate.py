"""Time `generate` on the embedded model, as ratios any CPU can compare.

    flock /tmp/briefing-model.lock python benchmarks/bench_generate.py [CASE ...] [--json F]

CASE is a folder or file of articles, or one of the named cases: `examples` (two short
articles), `alaska` (the seed pair in ../shared/samples/alaska-summit) and `icelandic`
(three Icelandic reports of one story, `tests/fixtures/icelandic-story`, written for this
benchmark); default: all three. No answer cache and no run memo: every call is made.

Per case it prints wall time (model load included, once per process), llama.cpp's own
time, the calls and tokens per stage (prompt tokens sent and evaluated after the reused
prefix, generated) with each code stage's seconds, and the ratios of issue 25: evaluated
prompt tokens and generated tokens per source token (the articles' tokens), calls per
source sentence, wall over engine time. The engine's raw prompt and generation speed,
measured here on plain tokens, turns the token counts into the floor for this CPU.
Targets: evaluated <= 4 and generated <= 0.15 per source token, calls <= 1 per 3 source
sentences, wall <= 1.15 x engine.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from briefing.core.models import SECTIONS
from briefing.ingest.read import load_sources
from briefing.llm.base import Request, Response
from briefing.llm.embedded import EmbeddedLLM
from briefing.render.markdown import render_json, render_markdown
from briefing.stages.pipeline import Meter, Options, generate

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "examples": ROOT / "examples",
    "alaska": ROOT.parent / "shared" / "samples" / "alaska-summit",
    "icelandic": ROOT / "tests" / "fixtures" / "icelandic-story",
    # stories written for reading (benchmarks/stories/README.md), not eval cases
    **{d.name: d for d in sorted((ROOT / "benchmarks" / "stories").iterdir()) if d.is_dir()},
}


class Recording(EmbeddedLLM):
    """The embedded backend, keeping every response for the report."""

    def __init__(self) -> None:
        super().__init__()
        self.responses: list[Response] = []

    def complete(self, request: Request) -> Response:
        response = super().complete(request)
        self.responses.append(response)
        return response


def raw_speeds(llm: EmbeddedLLM, n_prompt: int = 256, n_gen: int = 64) -> tuple[float, float]:
    """Prompt and generation tokens/s of llama.cpp alone: no chat template, no grammar."""
    llama = llm.load()
    text = " ".join(["The ministers met in the harbour town to discuss the quota."] * 40)
    tokens = llama.tokenize(text.encode())[:n_prompt]
    llama.reset()
    start = time.perf_counter()
    llama.eval(tokens)
    prompt_rate = len(tokens) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(n_gen):
        token = llama.sample(temp=0.0)
        llama.eval([token])
    gen_rate = n_gen / (time.perf_counter() - start)
    llama.reset()
    return prompt_rate, gen_rate


def run_case(llm: Recording, path: Path, languages: list[str]) -> tuple[dict[str, Any], str]:
    """One fresh run of `path`; its figures and the Markdown."""
    llm.responses.clear()
    llama = llm.load()
    llama.reset()  # no prefix left over from the case before
    meter = Meter()
    start = time.perf_counter()
    with meter.timed("read"):
        sources = load_sources([path])
    briefing = generate(sources, llm, Options(languages=languages), meter=meter)
    with meter.timed("render"):
        markdown = render_markdown(briefing)
        render_json(briefing)
    wall = time.perf_counter() - start

    source_tokens = sum(len(llama.tokenize(s.text.encode(), add_bos=False)) for s in sources)
    sentences = sum(len(s.sentences) for s in sources)
    rs = llm.responses
    sent = sum(r.prompt_tokens for r in rs)
    evaluated = sum(r.extra.get("prompt_eval_tokens", r.prompt_tokens) for r in rs)
    generated = sum(r.completion_tokens for r in rs)
    engine = sum(r.engine_seconds or 0.0 for r in rs)
    stages = {
        name: {
            "calls": u.calls,
            "sent": u.prompt_tokens,
            "evaluated": u.prompt_tokens_evaluated,
            "generated": u.completion_tokens,
            "seconds": round(u.seconds, 2),
        }
        for name, u in meter.report().items()
    }
    figures = {
        "path": str(path),
        "source_tokens": source_tokens,
        "source_sentences": sentences,
        "calls": len(rs),
        "prompt_tokens_sent": sent,
        "prompt_tokens_evaluated": evaluated,
        "generated_tokens": generated,
        "wall_seconds": round(wall, 1),
        "engine_seconds": round(engine, 1),
        "wall_over_engine": round(wall / engine, 3) if engine else None,
        "evaluated_per_source_token": round(evaluated / source_tokens, 2),
        "sent_per_source_token": round(sent / source_tokens, 2),
        "generated_per_source_token": round(generated / source_tokens, 3),
        "calls_per_source_sentence": round(len(rs) / sentences, 3),
        "items": sum(len(getattr(briefing, s)) for s in SECTIONS),
        "dropped": len(briefing.dropped),
        "stages": stages,
    }
    return figures, markdown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=list(CASES), help="a named case or a path")
    parser.add_argument("--lang", action="append", default=None)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--markdown", type=Path, help="also write each briefing into this folder")
    args = parser.parse_args()

    llm = Recording()
    _ = llm.path  # assemble/verify the model before any clock starts: once per machine
    llm.load()
    prompt_rate, gen_rate = raw_speeds(llm)
    report: dict[str, Any] = {
        "raw_prompt_tok_s": round(prompt_rate, 1),
        "raw_generate_tok_s": round(gen_rate, 1),
        "model_load_seconds": round(llm.load_seconds or 0.0, 2),
        "cases": {},
    }
    print(f"engine: {prompt_rate:.1f} prompt tok/s, {gen_rate:.1f} generated tok/s")
    for case in args.cases:
        path = CASES.get(case, Path(case))
        figures, markdown = run_case(llm, path, args.lang or ["en", "is"])
        floor = figures["prompt_tokens_evaluated"] / prompt_rate
        figures["raw_floor_seconds"] = round(floor + figures["generated_tokens"] / gen_rate, 1)
        report["cases"][case] = figures
        _print(case, figures)
        if args.markdown:
            args.markdown.mkdir(parents=True, exist_ok=True)
            (args.markdown / f"{Path(case).name}.md").write_text(markdown)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


def _print(case: str, figures: dict[str, Any]) -> None:
    print(f"\n== {case}")
    for key, value in figures.items():
        if key != "stages":
            print(f"  {key:<28} {value}")
    print(f"  {'stage':<8} {'calls':>5} {'sent':>7} {'evaluated':>9} {'generated':>9} {'s':>7}")
    for name, s in figures["stages"].items():
        print(
            f"  {name:<8} {s['calls']:>5} {s['sent']:>7} {s['evaluated']:>9} "
            f"{s['generated']:>9} {s['seconds']:>7.2f}"
        )


if __name__ == "__main__":
    main()
