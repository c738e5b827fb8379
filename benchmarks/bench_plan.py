"""`briefing daily --plan` over 50 articles: target under 5 s on 2 cores, whole process.

The 50 articles are the 10 daily fixtures in five variants each (another outlet, one
sentence left out, a line of update added), so the grouping must still find the 5 stories.
Variants keep their title and lede, as syndicated copies do, so the embedder sees 10
distinct leads; `--distinct-leads` numbers each variant's title, 50 leads to embed. The
machine is shared: besides wall time the CPU seconds of the process and the load average
are printed, the figures that tell a busy machine from a slow plan.
Run: .venv/bin/python benchmarks/bench_plan.py [--articles 50] [--distinct-leads]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frontmatter

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "daily" / "articles"
OUTLETS = ["Wire", "Review", "Morning Post", "Evening Herald", "Coast Radio"]


def make(folder: Path, count: int, distinct_leads: bool = False) -> dict[str, str]:
    """Write `count` variants of the fixtures; file stem -> true story."""
    posts = [frontmatter.load(p) for p in sorted(FIXTURES.glob("*.md"))]
    truth = {}
    for n in range(count):
        post = posts[n % len(posts)]
        variant = n // len(posts)
        sentences = re.split(r"(?<=[.!?])\s+", post.content.strip())
        if variant and len(sentences) > 3:
            del sentences[1 + variant % (len(sentences) - 1)]
        note = "Uppfært kl. 0{}:00." if post["language"] == "is" else "Updated at 0{}:00."
        text = " ".join(sentences) + " " + note.format(variant)
        meta = {**post.metadata, "outlet": f"{post['outlet']} {OUTLETS[variant % 5]}"}
        if distinct_leads:
            label = "útgáfa" if post["language"] == "is" else "version"
            meta["title"] = f"{post['title']} ({label} {variant + 1})"
        name = f"a{n:03d}"
        front = "\n".join(f"{k}: {v}" for k, v in meta.items() if k != "date")
        (folder / f"{name}.md").write_text(f"---\n{front}\n---\n{text}\n", encoding="utf-8")
        truth[name] = post["story"]
    return truth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--distinct-leads", action="store_true", help="no two leads alike")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        truth = make(folder, args.articles, args.distinct_leads)
        plan = Path(tmp) / "plan.json"
        exe = Path(sys.executable).parent / "briefing"
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [str(exe), "daily", str(folder), "--plan", "--json", str(plan)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        stories = json.loads(plan.read_text())["stories"]
        pure = all(
            len({truth[Path(a["source"]).stem] for a in s["articles"]}) == 1 for s in stories
        )
        print(
            f"--plan over {args.articles} articles"
            f"{' (distinct leads)' if args.distinct_leads else ''}: {seconds:.2f} s "
            f"(target < 5 s), {cpu:.2f} CPU s, load average {load:.1f} on {os.cpu_count()} "
            "cores; "
            f"{len(stories)} stories (expected {len(set(truth.values()))}), "
            f"{'every article in its story' if pure else 'MIXED STORIES'}"
        )


if __name__ == "__main__":
    main()
