"""Prompt and generated tokens/s of the installed llama.cpp build, to compare builds.

    python benchmarks/bench_engine.py [--model-file X.gguf] [--prompt 512] [--gen 64] [--reps 3]

Runs the model with llama-cpp-python alone (no chat template, no grammar), greedy,
on every CPU this process may use, and prints the median of `--reps` runs with the
build's instruction sets, so two builds (say the portable one and a `-march=native`
one) can be compared on the same machine. Never time this while another model runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from briefing.llm.embedded import available_cpus
from briefing.llm.model_file import default_model_path

TEXT = "The ministers met in the harbour town on Friday to discuss the fishing quota. "


def measure(llama, n_prompt: int, n_gen: int) -> tuple[float, float]:
    """One run: tokens/s of evaluating `n_prompt` tokens, then of generating `n_gen`."""
    tokens = llama.tokenize((TEXT * (n_prompt // 10 + 1)).encode())[:n_prompt]
    llama.reset()
    start = time.perf_counter()
    llama.eval(tokens)
    prompt_rate = len(tokens) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(n_gen):
        llama.eval([llama.sample(temp=0.0)])
    gen_rate = n_gen / (time.perf_counter() - start)
    return prompt_rate, gen_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-file", type=Path, default=None)
    parser.add_argument("--prompt", type=int, default=512, help="prompt tokens per run")
    parser.add_argument("--gen", type=int, default=64, help="generated tokens per run")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()

    import llama_cpp

    path = args.model_file or default_model_path()
    threads = available_cpus()
    llama = llama_cpp.Llama(
        model_path=str(path),
        n_ctx=args.prompt + args.gen + 64,
        n_threads=threads,
        n_threads_batch=threads,
        verbose=False,
    )
    measure(llama, 32, 4)  # warm-up: page the weights in
    runs = [measure(llama, args.prompt, args.gen) for _ in range(args.reps)]
    prompt = statistics.median(r[0] for r in runs)
    gen = statistics.median(r[1] for r in runs)
    print(f"llama-cpp-python {llama_cpp.__version__} · {threads} threads · {path.name}")
    print(f"build: {llama_cpp.llama_print_system_info().decode().strip()}")
    print(f"prompt: {prompt:.1f} tokens/s ({args.prompt} tokens, median of {args.reps})")
    print(f"generated: {gen:.1f} tokens/s ({args.gen} tokens, median of {args.reps})")


if __name__ == "__main__":
    main()
