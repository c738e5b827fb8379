"""Group a day's articles into stories, across languages.

Two reports of one event share meaning (multilingual e5 embeddings of the title and
first sentence, which place "Eldgos hafið norðan við Grindavík" next to "Eruption
begins near Grindavík") and concrete facts: names (matched through Icelandic inflection,
Grindavíkur ~ Grindavík) and numbers (16,5 prósent ~ 16.5 percent). The pair score is
the cosine plus a bonus per shared name and value; stories are clusters by average
link above `THRESHOLD`, a figure measured on the fixtures by `benchmarks/bench_stories.py`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from briefing.ingest.article import Article
from briefing.lang.calendar import month_names, weekday_names
from briefing.lang.embed import Embedder, default_embedder
from briefing.lang.icelandic import name_stems
from briefing.lang.values import Value, values

__all__ = ["THRESHOLD", "Story", "group_stories", "pair_scores"]

THRESHOLD = 0.26  # midpoint of 0.398 (lowest same-story) and 0.120 (highest cross)
NAME_BONUS = 0.05
VALUE_BONUS = 0.05
MAX_SHARED = 3
LEAD_WORDS = 40
MIN_TO_CENTRE = 3
# English weekdays and months; not "May", also a surname.
_NOT_NAMES = frozenset(
    n.lower() for names in (*weekday_names("en"), *month_names("en")) for n in names
) - {"may"}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class Story:
    """Articles about one event; `key` changes when, and only when, its article set does."""

    articles: tuple[Article, ...]
    key: str = field(init=False)

    def __post_init__(self) -> None:
        joined = "\n".join(sorted(a.key for a in self.articles))
        object.__setattr__(self, "key", hashlib.sha256(joined.encode()).hexdigest())

    @property
    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles if a.outlet})

    @property
    def languages(self) -> list[str]:
        return sorted({a.language for a in self.articles})


@dataclass(frozen=True)
class _Features:
    names: tuple[frozenset[str], ...]
    stems: frozenset[str]
    values: frozenset[Value]


def lead(article: Article, words: int = LEAD_WORDS) -> str:
    """The title and the first sentence (the lede), where a news report says what happened.

    Embedding time grows with tokens and is most of `daily --plan`, so grouping embeds as
    little as tells stories apart. Measured on the fixtures (`bench_stories.py`): title +
    1 sentence gives a margin of +0.278 between the lowest same-story and the highest
    cross-story score, title + 3 sentences +0.212 at twice the tokens, title + 2 +0.053,
    the title alone -0.307. Names and values still come from the whole text. Ledes here
    run 8-24 words; `words` caps one that does not end (a page fragment, a run-on list).
    """
    first = _SENTENCE_END.split(article.text.strip(), maxsplit=1)[0]
    return f"{article.title}. {' '.join(first.split()[:words])}"


def _names(text: str) -> list[str]:
    """Capitalised words that do not open a sentence: names, places, organisations."""
    found = []
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence)
        found += [
            w for w in words[1:] if w[0].isupper() and len(w) >= 3 and w.lower() not in _NOT_NAMES
        ]
    return found


def _facts(value: Value) -> bool:
    """Values that identify an event: not the small counts every story has ("three days")."""
    if value.kind != "number" or value.number is None:
        return True
    return value.number >= 13 or value.number != int(value.number)


def _features(article: Article) -> _Features:
    text = f"{article.title}. {article.text}"
    names = tuple(dict.fromkeys(name_stems(n) for n in _names(text)))
    stems = frozenset(s for group in names for s in group)
    facts = frozenset(v for v in values(text, article.language) if _facts(v))
    return _Features(names, stems, facts)


def _shared(a: _Features, b: _Features) -> tuple[int, int]:
    names = min(sum(1 for n in a.names if n & b.stems), sum(1 for n in b.names if n & a.stems))
    return min(names, MAX_SHARED), min(len(a.values & b.values), MAX_SHARED)


def _centre(vectors: np.ndarray, languages: list[str]) -> np.ndarray:
    """Each vector minus its language's mean, so language stops counting as shared meaning.

    e5 rates two Icelandic articles on different events closer than an English and an
    Icelandic report of one event; removing the per-language mean fixes that (measured on
    the fixtures, title + first sentence: the margin between the lowest same-story and the
    highest cross-story cosine goes from -0.083 to +0.078; +0.278 with names and values).
    A language with fewer than MIN_TO_CENTRE articles has no reliable mean, so it is
    centred on the mean of all articles instead, when there are enough of them.
    """
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
    if len(vectors) < MIN_TO_CENTRE:
        return vectors
    langs = np.array(languages)
    centred = vectors - vectors.mean(axis=0)
    for language in set(languages):
        rows = langs == language
        if rows.sum() >= MIN_TO_CENTRE:
            centred[rows] = vectors[rows] - vectors[rows].mean(axis=0)
    return centred


def pair_scores(articles: Sequence[Article], embedder: Embedder | None = None) -> np.ndarray:
    """The symmetric matrix of pair scores: cosine of leads plus shared names and values."""
    embedder = embedder or default_embedder()
    vectors = np.asarray(embedder.embed([lead(a) for a in articles]), dtype=float)
    if len(articles) == 0:
        return np.zeros((0, 0))
    vectors = _centre(vectors, [a.language for a in articles])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
    scores = vectors @ vectors.T
    feats = [_features(a) for a in articles]
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            names, facts = _shared(feats[i], feats[j])
            scores[i, j] = scores[j, i] = scores[i, j] + NAME_BONUS * names + VALUE_BONUS * facts
    return scores


def group_stories(
    articles: Sequence[Article], embedder: Embedder | None = None, threshold: float = THRESHOLD
) -> list[Story]:
    """Average-link clusters of `articles` whose mean pair score stays above `threshold`.

    Average link, not single link: one article that mentions two events must not chain
    them into one story. Stories come out in the order of their first article.
    """
    if not articles:
        return []
    clusters = _average_link(pair_scores(articles, embedder), threshold)
    return [Story(tuple(articles[i] for i in c)) for c in clusters]


def _average_link(scores: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge the two clusters with the highest mean pair score until none reaches `threshold`.

    Each step is one array operation: `sums` holds the score sum between every two
    clusters (row i is the cluster whose first article is i), so a merge adds two rows
    and two columns. Looping over cluster pairs in Python instead grows as n^3 calls and
    took most of the non-embedding time at 50 articles. Ties go to the last pair in
    (first, second) order. Clusters come out in the order of their first article.
    """
    n = len(scores)
    sums = np.array(scores, dtype=float)
    sizes = np.ones(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    while len(members) > 1:
        live = np.zeros(n, dtype=bool)
        live[list(members)] = True
        means = np.where(upper & np.outer(live, live), sums / np.outer(sizes, sizes), -np.inf)
        best = means.max()
        if best < threshold:
            break
        x, y = divmod(int(np.flatnonzero(means == best)[-1]), n)
        sums[x] += sums[y]
        sums[:, x] += sums[:, y]
        sizes[x] += sizes[y]
        members[x] = sorted(members[x] + members.pop(y))
    return [members[i] for i in sorted(members)]
