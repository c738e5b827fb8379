"""Measure the story-grouping threshold on the daily fixtures: where do pair scores fall?

For every pair of fixture articles: same story (front matter `story:`) or not, and its
score. A good threshold lies between the lowest same-story and the highest cross-story
score; the script prints both, the margin, and whether `THRESHOLD` groups every article
right. Run: .venv/bin/python benchmarks/bench_stories.py [FOLDER...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import frontmatter

from briefing.ingest.article import Article
from briefing.lang.embed import LexicalEmbedder, default_embedder
from briefing.stages.stories import THRESHOLD, group_stories, pair_scores

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "daily"


def load(folders: list[Path]) -> tuple[list[Article], list[str]]:
    articles, labels = [], []
    for folder in folders:
        for path in sorted(folder.glob("*.md")):
            post = frontmatter.load(path)
            articles.append(
                Article(str(path), post["title"], post["language"], post.content, post["outlet"])
            )
            labels.append(post["story"])
    return articles, labels


def main() -> None:
    folders = [Path(p) for p in sys.argv[1:]] or [FIXTURES / "articles", FIXTURES / "later"]
    articles, labels = load(folders)
    for name, embedder in (("e5", default_embedder()), ("lexical", LexicalEmbedder())):
        scores = pair_scores(articles, embedder)
        same, other = [], []
        for i in range(len(articles)):
            for j in range(i + 1, len(articles)):
                (same if labels[i] == labels[j] else other).append((scores[i, j], i, j))
        lo, hi = min(same), max(other)
        stories = group_stories(articles, embedder)
        right = all(
            len({labels[articles.index(a)] for a in s.articles}) == 1 for s in stories
        ) and len(stories) == len(set(labels))
        print(
            f"{name}: {len(same)} same-story pairs, lowest {lo[0]:.3f} "
            f"({Path(articles[lo[1]].source).stem} ~ {Path(articles[lo[2]].source).stem}); "
            f"{len(other)} cross-story pairs, highest {hi[0]:.3f} "
            f"({Path(articles[hi[1]].source).stem} ~ {Path(articles[hi[2]].source).stem}); "
            f"margin {lo[0] - hi[0]:+.3f}; THRESHOLD {THRESHOLD}: "
            f"{len(stories)} stories, {'all right' if right else 'WRONG'}"
        )
    subsets(articles, labels)


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
