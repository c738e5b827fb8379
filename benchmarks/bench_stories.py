"""Measure story grouping on the daily fixtures: where do pair scores fall, and how right
are the stories?

A day is a folder (`articles` with `later` is one day); each article's true story is its
front matter `story:`. Per day: the lowest same-story and the highest cross-story score
(a good threshold lies between), the adjusted Rand index of `group_stories` against the
labels (1.0 exact, about 0 chance), and the false merges: pairs from different stories
put in one. Run: .venv/bin/python benchmarks/bench_stories.py [FOLDER...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import frontmatter
import numpy as np

from briefing.ingest.article import Article
from briefing.lang.embed import Embedder, LexicalEmbedder, default_embedder
from briefing.stages.stories import THRESHOLD, group_stories, pair_scores

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "daily"
DAYS = {
    "articles+later": ["articles", "later"],
    "day-multi": ["day-multi"],
    "day-names": ["day-names"],
    "day-holdout": ["day-holdout"],  # written after the bars were chosen
    "day-scripts": ["day-scripts"],  # and this one too (stop 41)
    "bus+jazz": ["articles/en-busline-review.md", "articles/en-jazz-wire.md"],
}


def load(paths: list[Path]) -> tuple[list[Article], list[str]]:
    articles, labels = [], []
    for path in paths:
        for file in sorted(path.glob("*.md")) if path.is_dir() else [path]:
            post = frontmatter.load(file)
            articles.append(
                Article(str(file), post["title"], post["language"], post.content, post["outlet"])
            )
            labels.append(post["story"])
    return articles, labels


def adjusted_rand(truth: list[str], found: list[int]) -> float:
    """Adjusted Rand index (Hubert and Arabie): pair agreement corrected for chance."""
    _, t = np.unique(truth, return_inverse=True)
    _, f = np.unique(found, return_inverse=True)
    table = np.zeros((t.max() + 1, f.max() + 1))
    np.add.at(table, (t, f), 1)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(1)), pairs(table.sum(0))
    expected = rows * cols / pairs(np.array([len(truth)]))
    top = (rows + cols) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def measure(name: str, articles: list[Article], labels: list[str], embedder: Embedder) -> None:
    scores = pair_scores(articles, embedder)
    same, other = [], []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            (same if labels[i] == labels[j] else other).append((scores[i, j], i, j))
    stories = group_stories(articles, embedder)
    found = [0] * len(articles)
    for k, story in enumerate(stories):
        for a in story.articles:
            found[articles.index(a)] = k
    merges = sum(
        found[i] == found[j] and labels[i] != labels[j]
        for i in range(len(articles))
        for j in range(i + 1, len(articles))
    )

    def stem(i: int) -> str:
        return Path(articles[i].source).stem

    parts = [
        f"{name}: {len(articles)} articles, {len(stories)} stories of {len(set(labels))}, "
        f"ARI {adjusted_rand(labels, found):.2f}, {merges} false merges"
    ]
    if same:
        lo = min(same)
        parts.append(f"lowest same {lo[0]:.3f} ({stem(lo[1])} ~ {stem(lo[2])})")
    if other:
        hi = max(other)
        parts.append(f"highest cross {hi[0]:.3f} ({stem(hi[1])} ~ {stem(hi[2])})")
    if same and other:
        parts.append(f"margin {min(same)[0] - max(other)[0]:+.3f}")
    print("  " + "; ".join(parts))


def main() -> None:
    days = {p: [Path(p)] for p in sys.argv[1:]} or {
        name: [FIXTURES / p for p in paths] for name, paths in DAYS.items()
    }
    print(f"THRESHOLD {THRESHOLD}")
    for label, embedder in (("e5", default_embedder()), ("lexical", LexicalEmbedder())):
        print(label)
        for name, paths in days.items():
            measure(name, *load(paths), embedder)
    subsets(*load([FIXTURES / "articles", FIXTURES / "later"]))


def subsets(articles: list[Article], labels: list[str]) -> None:
    """Small days too: every choice of three stories, one article per language each."""
    import itertools

    by_story: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_story.setdefault(label, []).append(i)
    pairs = {
        label: [(i, j) for i in idx for j in idx if articles[i].language < articles[j].language]
        for label, idx in by_story.items()
    }
    pairs = {k: v for k, v in pairs.items() if v}
    tried = wrong = 0
    for chosen in itertools.combinations(sorted(pairs), 3):
        for picks in itertools.product(*(pairs[k] for k in chosen)):
            days = [articles[i] for pair in picks for i in pair]
            truth = [labels[i] for pair in picks for i in pair]
            stories = group_stories(days)
            tried += 1
            ok = len(stories) == 3 and all(
                len({truth[days.index(a)] for a in s.articles}) == 1 for s in stories
            )
            wrong += not ok
    print(f"small days (3 stories x en+is): {tried - wrong}/{tried} grouped right")


if __name__ == "__main__":
    main()
