"""Time `generate` on the embedded model against the floor: llama.cpp's own time.

    python benchmarks/bench_generate.py [PATH ...] [--lang en --lang is]

Prints wall time of the whole run (model load included), the floor (llama.cpp's
own prompt-eval and generation time for the same tokens, from its perf counters, and
again from its raw speeds measured here on the same number of tokens), their ratio,
and generated tokens per source token. Targets (issue 2): wall <= 1.15 x floor;
generated tokens <= 0.5 per source token.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from briefing.core.models import SECTIONS
from briefing.ingest.read import load_sources
from briefing.llm.base import Request, Response
from briefing.llm.embedded import EmbeddedLLM
from briefing.render.markdown import render_json, render_markdown
from briefing.stages.pipeline import Meter, Options, generate

ROOT = Path(__file__).resolve().parent.parent


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "examples"])
    parser.add_argument("--lang", action="append", default=None)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--markdown", type=Path, help="also write the briefing here")
    args = parser.parse_args()

    llm = Recording()
    _ = llm.path  # assemble/verify the model before the clock starts: once per machine
    start = time.perf_counter()
    sources = load_sources(args.paths)
    meter = Meter()
    briefing = generate(sources, llm, Options(languages=args.lang or ["en", "is"]), meter=meter)
    markdown = render_markdown(briefing)
    render_json(briefing)
    wall = time.perf_counter() - start

    llama = llm.load()
    source_tokens = sum(len(llama.tokenize(s.text.encode(), add_bos=False)) for s in sources)
    prompt = sum(r.prompt_tokens for r in llm.responses)
    evaluated = sum(r.extra.get("prompt_eval_tokens", r.prompt_tokens) for r in llm.responses)
    generated = sum(r.completion_tokens for r in llm.responses)
    engine = sum(r.engine_seconds or 0.0 for r in llm.responses)
    prompt_rate, gen_rate = raw_speeds(llm)
    raw_floor = prompt / prompt_rate + generated / gen_rate
    figures = {
        "paths": [str(p) for p in args.paths],
        "calls": len(llm.responses),
        "source_tokens": source_tokens,
        "prompt_tokens": prompt,
        "prompt_tokens_evaluated": evaluated,
        "generated_tokens": generated,
        "wall_seconds": round(wall, 1),
        "model_load_seconds": round(llm.load_seconds or 0.0, 2),
        "engine_seconds": round(engine, 1),
        "raw_prompt_tok_s": round(prompt_rate, 1),
        "raw_generate_tok_s": round(gen_rate, 1),
        "raw_floor_seconds": round(raw_floor, 1),
        "wall_over_engine": round(wall / engine, 3) if engine else None,
        "wall_over_raw_floor": round(wall / raw_floor, 3),
        "generated_per_source_token": round(generated / source_tokens, 3),
        "generated_by_stage": {k: v.completion_tokens for k, v in meter.stages.items()},
        "items": sum(len(getattr(briefing, s)) for s in SECTIONS),
    }
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    if args.markdown:
        args.markdown.write_text(markdown)


if __name__ == "__main__":
    main()
