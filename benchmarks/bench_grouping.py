"""Time story grouping of many small synthetic articles: does `daily` scale to thousands?

Stories of 1-4 short reports each (a title and two sentences, English or Icelandic) that
share a made-up place, person, topic and a figure; every article also names a common country and
year, as real days do. Prints the seconds for the features and pair scores, for the
clustering, and for embedding (lexical, or e5 with --e5). Run:
.venv/bin/python benchmarks/bench_grouping.py [N ...] [--e5]
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Sequence

import numpy as np

from briefing.ingest.article import Article
from briefing.lang.embed import Embedder, LexicalEmbedder, default_embedder
from briefing.stages.stories import THRESHOLD, _average_link, lead, pair_scores

LETTERS = "abcdefghijklmnoprstuvyáéíóúýðþæö"


def synthetic(n: int, seed: int = 7) -> tuple[list[Article], list[int]]:
    """`n` articles in stories of 1-4, with their story labels."""
    rng = random.Random(seed)
    articles: list[Article] = []
    labels: list[int] = []
    story = 0
    while len(articles) < n:
        place, person, *words = ("".join(rng.choices(LETTERS, k=7)) for _ in range(8))
        place, person, topic = place.title(), person.title(), " ".join(words)
        figure = rng.randint(13, 9_999)
        for _ in range(min(rng.randint(1, 4), n - len(articles))):
            if rng.random() < 0.5:
                title = f"{person} reports {figure} {topic} in {place}"
                text = (
                    f"Officials in {place} counted {figure} {topic} on Monday, {person} said. "
                    f"The ministry in Iceland will publish the 2025 figures next week."
                )
                language = "en"
            else:
                title = f"{person} segir {figure} {topic} í {place}"
                text = (
                    f"Yfirvöld í {place} töldu {figure} {topic} á mánudag, sagði {person}. "
                    f"Ráðuneytið á Íslandi birtir tölur ársins 2025 í næstu viku."
                )
                language = "is"
            articles.append(Article(f"s{story}-{len(articles)}", title, language, text))
            labels.append(story)
        story += 1
    return articles, labels


class Fixed:
    """Vectors computed beforehand: grouping timed without embedding."""

    name = "fixed"

    def __init__(self, vectors: list[list[float]]) -> None:
        self.vectors = vectors

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return self.vectors


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    embedder: Embedder = default_embedder() if "--e5" in sys.argv else LexicalEmbedder()
    for n in [int(a) for a in args] or [1_000, 5_000]:
        articles, labels = synthetic(n)
        started = time.perf_counter()
        vectors = embedder.embed([lead(a) for a in articles])
        embedded = time.perf_counter() - started
        started = time.perf_counter()
        scores = pair_scores(articles, Fixed(vectors))
        scored = time.perf_counter() - started
        started = time.perf_counter()
        clusters = _average_link(scores, THRESHOLD)
        clustered = time.perf_counter() - started
        right = sum(len({labels[i] for i in c}) == 1 for c in clusters)
        print(
            f"{n} articles, {len(set(labels))} stories: embedding ({embedder.name}) "
            f"{embedded:.1f} s, features + pair scores {scored:.1f} s, clustering "
            f"{clustered:.1f} s; {len(clusters)} groups, {right} of one story; "
            f"{np.count_nonzero(scores > THRESHOLD) // 2} pairs over the threshold"
        )


if __name__ == "__main__":
    main()
