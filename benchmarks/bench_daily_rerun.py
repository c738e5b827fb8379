"""A day of `briefing daily` run three times on the fixtures: the first run, the same
run again, and a run with one more article (tests/fixtures/daily/later), which joins one
story. Prints per run its time, its last stderr line (stories, LLM calls, cached
answers), the files it changed and whether the feeds kept their entry ids.

Target (issue 26): the repeat changes nothing and calls no model; the new article
rewrites only its story, the day's pages and the feeds.
Run: .venv/bin/python benchmarks/bench_daily_rerun.py [--backend fake]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import feedparser

DAILY = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "daily"
DAY = "2026-11-24"


def snapshot(out: Path) -> dict[str, str]:
    """Each file of the output (not the fetched originals or the vector cache) by hash."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.relative_to(out).parts[0] not in ("sources", ".embeddings.json")
    }


def feed_ids(out: Path) -> dict[str, set[str]]:
    return {f.name: {e.id for e in feedparser.parse(f.read_bytes()).entries}
            for f in sorted(out.glob("feed.*.xml"))}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="fake")
    args = parser.parse_args()
    exe = Path(sys.executable).parent / "briefing"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        env = {**os.environ, "BRIEFING_ANSWER_CACHE": str(Path(tmp) / "cache")}
        runs = {
            "first run": [DAILY / "articles"],
            "same run again": [DAILY / "articles"],
            "one article more": [DAILY / "articles", DAILY / "later"],
        }
        before: dict[str, str] = {}
        ids: dict[str, set[str]] = {}
        for name, sources in runs.items():
            command = [str(exe), "daily", *map(str, sources), "-o", str(out), "--date", DAY,
                       "--backend", args.backend, "-q"]  # fmt: skip
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
            seconds = time.perf_counter() - started
            after = snapshot(out)
            changed = sorted(k for k in after if before.get(k) != after[k])
            now = feed_ids(out)
            print(f"{name}: {seconds:.1f} s · {done.stderr.strip().splitlines()[-1]}")
            if before:
                print(f"  {len(changed)} files changed: {', '.join(changed) or 'none'}")
                kept = all(now[f] >= ids[f] for f in ids)
                print(f"  feed entry ids {'kept' if kept else 'CHANGED'}")
            before, ids = after, now


if __name__ == "__main__":
    main()
