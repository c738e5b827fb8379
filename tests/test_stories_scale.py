"""Story grouping as matrices: the same scores and clusters as the pair-by-pair loops it
replaced, and thousands of articles grouped without hanging."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
from daily_site import fixtures

from briefing.ingest.article import Article
from briefing.lang.embed import LexicalEmbedder
from briefing.stages.stories import (
    MAX_SHARED,
    NAME_BONUS,
    VALUE_BONUS,
    _average_link,
    _features,
    bars,
    pair_scores,
)

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def day(n: int, seed: int = 1) -> list[Article]:
    """Short reports in stories of 1-3 that share a name and a figure; every one names
    Reykjavík and 2025, so some items link most pairs (the matrix-product path)."""
    rng = random.Random(seed)
    found: list[Article] = []
    while len(found) < n:
        person = rng.choice(["Jónsdóttir", "Berg", "Okonkwo", "Larsen", "Sigurðsson", "Ólafs"])
        figure = rng.randint(13, 99)
        for _ in range(rng.randint(1, 3)):
            text = (
                f"In Reykjavík, {person} said {figure} boats stayed in port. "
                f"The count for 2025 was {rng.randint(13, 40)} percent lower, Reuters said."
            )
            found.append(Article(f"a{len(found)}", f"{person} on {figure} boats", "en", text))
    return found[:n]


def shared_bonus(articles: list[Article]) -> np.ndarray:
    """Names and values bonus of every pair, counted pair by pair."""
    feats = [_features(a) for a in articles]
    bonus = np.zeros((len(feats), len(feats)))
    for i, a in enumerate(feats):
        for j, b in enumerate(feats):
            if i != j:
                names = min(
                    sum(1 for n in a.names if n & b.stems), sum(1 for n in b.names if n & a.stems)
                )
                facts = len(a.values & b.values)
                bonus[i, j] = NAME_BONUS * min(names, MAX_SHARED) + VALUE_BONUS * min(
                    facts, MAX_SHARED
                )
    return bonus


class Zero:
    """No meaning at all: pair scores are the names and values bonus less the bar."""

    name = "zero"

    def embed(self, texts: list[str]) -> list[list[float]]:
        return [[0.0, 0.0] for _ in texts]


def test_shared_names_and_values_match_the_pair_loop() -> None:
    found = fixtures("articles", "later")
    fixture_day = [Article(f.stem, f.title, f.language, f.text, f.outlet) for f in found]
    for articles in (fixture_day, day(60)):
        scores = pair_scores(articles, Zero()) + bars([a.language for a in articles])
        off = ~np.eye(len(articles), dtype=bool)
        assert np.allclose(scores[off], shared_bonus(articles)[off], atol=1e-12)
        assert scores.max() > 0


def test_scores_are_exactly_symmetric() -> None:
    scores = pair_scores(day(40), LexicalEmbedder())
    assert np.array_equal(scores, scores.T)


def plain_average_link(scores: np.ndarray, threshold: float) -> list[list[int]]:
    """Average link by a rescan of every pair of clusters, ties to the last pair."""
    clusters = [[i] for i in range(len(scores))]
    while len(clusters) > 1:
        best, pair = threshold, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                total = sum(scores[i, j] for i in clusters[x] for j in clusters[y])
                mean = total / (len(clusters[x]) * len(clusters[y]))
                if mean >= best:
                    best, pair = mean, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] = sorted(clusters[x] + clusters[y])
        del clusters[y]
    return clusters


def test_average_link_breaks_ties_like_a_rescan() -> None:
    """Scores in steps of 1/8 (exact sums, many ties): each merge is the last best pair."""
    rng = np.random.default_rng(21)
    for n in (3, 8, 20, 45):
        raw = rng.integers(-4, 5, (n, n)) / 8
        scores = np.triu(raw, 1) + np.triu(raw, 1).T
        for threshold in (-0.25, 0.0, 0.25):
            assert _average_link(scores, threshold) == plain_average_link(scores, threshold)


def test_two_thousand_articles_are_grouped_without_hanging() -> None:
    """A pair loop in Python took minutes here (`benchmarks/bench_grouping.py` times it)."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from bench_grouping import synthetic;"
        "from briefing.stages.stories import group_stories;"
        "from briefing.lang.embed import LexicalEmbedder;"
        "stories = group_stories(synthetic(2000)[0], LexicalEmbedder());"
        "print(sum(len(s.articles) for s in stories))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(BENCHMARKS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2000"
