"""The kind classifier and the holder resolver measured on the labelled articles.

`evals/sections/labels.jsonl` holds every sentence of the labelled articles with its kind
and, for a position, who holds it; the `test` articles are never fitted on
(`evals/sections/fit.py`). Accuracy is reported per kind and per language, with the
share the classifier is sure of and its accuracy there, and the holders code names for
the positions.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.core.errors import InputError
from briefing.core.languages import PIVOT
from briefing.lang.embed import Embedder
from briefing.lang.gloss import gloss
from briefing.stages.holders import holder_in, same_name, saying_in
from briefing.stages.kinds import KINDS, UNHELD, Kind, Kinds, features, settled

__all__ = ["Row", "measure", "read_rows", "settle"]


@dataclass(frozen=True)
class Row:
    article: str
    lang: str
    n: int
    text: str
    kind: str
    actor: str | None
    split: str


def read_rows(path: Path, split: str | None = None) -> list[Row]:
    """The labelled sentences (of one split), checked: a bad line is an input error."""
    if not path.exists():
        raise InputError(f"{path} not found: pass --data with the labelled sentences")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            row = Row(**{k: raw[k] for k in Row.__dataclass_fields__})
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{number}: not a labelled sentence ({err})") from None
        if row.kind not in KINDS:
            raise InputError(f"{path}:{number}: unknown kind {row.kind!r}")
        if split is None or row.split == split:
            rows.append(row)
    return rows


def places(rows: Sequence[Row], everything: Sequence[Row]) -> list[tuple[int, int]]:
    """Each row's 0-based place in its article and the article's sentence count, as the
    pipeline gives `kinds.features` a source's sentences."""
    count = Counter(r.article for r in everything)
    return [(_at(r, everything), count[r.article]) for r in rows]


def predict(
    rows: Sequence[Row], kinds: Kinds, embedder: Embedder, everything: Sequence[Row]
) -> list[Kind]:
    """The classifier's kind of each row, read at its place in its article, with its
    English gloss as the pipeline reads it."""
    texts = [(r.text, r.lang) for r in rows]
    found = features(texts, embedder, places(rows, everything), glosses(rows))
    return [kinds.classify(f) for f in found]


def glosses(rows: Sequence[Row]) -> list[str | None]:
    """Each row's English gloss, None where its language has no translator (or is
    English): what `stages.reading` gives the pipeline's `kinds_of`."""
    out: list[str | None] = [None] * len(rows)
    for lang in sorted({r.lang for r in rows} - {PIVOT}):
        at = [n for n, r in enumerate(rows) if r.lang == lang]
        for n, english in zip(at, gloss([rows[n].text for n in at], lang), strict=True):
            out[n] = english
    return out


def _articles(everything: Sequence[Row]) -> dict[str, list[str]]:
    articles: dict[str, list[Row]] = defaultdict(list)
    for row in everything:
        articles[row.article].append(row)
    return {a: [r.text for r in sorted(rs, key=lambda r: r.n)] for a, rs in articles.items()}


def _at(row: Row, everything: Sequence[Row]) -> int:
    return sorted(r.n for r in everything if r.article == row.article).index(row.n)


def holders(rows: Sequence[Row], everything: Sequence[Row]) -> list[str | None]:
    """Code's holder of each row, read against its whole article."""
    articles = _articles(everything)
    return [holder_in(articles[r.article], _at(r, everything), r.lang) for r in rows]


def settle(rows: Sequence[Row], predicted: Sequence[Kind], everything: Sequence[Row]) -> list[str]:
    """The kind extract gives by code a sentence of a language the model does not read:
    the classifier's after `kinds.settled`, and a position no one is found holding filed
    as the likeliest other news kind."""
    articles, out = _articles(everything), []
    for row, kind in zip(rows, predicted, strict=True):
        texts, at = articles[row.article], _at(row, everything)
        said = saying_in(texts, at, row.lang)
        name = settled(kind.kind, row.text, row.lang, said)
        if name == "position" and said is None and holder_in(texts, at, row.lang) is None:
            name = next(k for k in kind.ranked() if k in UNHELD)
        out.append(name)
    return out


def right_holder(got: str | None, want: str) -> bool:
    """The same person or body: every part of the shorter name in the longer, inflection
    aside ("Putin" ~ "Vladimir Putin", not "Donald Trump")."""
    if got is None:
        return False
    a, b = sorted((got.split(), want.split()), key=len)
    return all(any(same_name(p, q) for q in b) for p in a)


def measure(
    rows: Sequence[Row],
    predicted: Sequence[Kind],
    held: Sequence[str | None],
    settled_kinds: Sequence[str],
) -> dict[str, Any]:
    """Accuracy overall, per kind (recall and precision) and per language, of the
    classifier and of the kind code settles (`settle`); the sure share; holder accuracy
    over the labelled positions."""
    pairs = list(zip(rows, predicted, strict=True))
    as_settled = [r.kind == k for r, k in zip(rows, settled_kinds, strict=True)]
    right = [r.kind == p.kind for r, p in pairs]
    per_kind = {}
    for kind in KINDS:
        gold = [ok for (r, _), ok in zip(pairs, right, strict=True) if r.kind == kind]
        said = [ok for (_, p), ok in zip(pairs, right, strict=True) if p.kind == kind]
        per_kind[kind] = {
            "n": len(gold),
            "recall": _share(gold),
            "precision": _share(said),
        }
    per_lang = {}
    for lang in sorted({r.lang for r in rows}):
        oks = [ok for (r, _), ok in zip(pairs, right, strict=True) if r.lang == lang]
        positions = [
            right_holder(h, r.actor)
            for r, h in zip(rows, held, strict=True)
            if r.lang == lang and r.kind == "position" and r.actor
        ]
        settled_oks = [ok for r, ok in zip(rows, as_settled, strict=True) if r.lang == lang]
        per_lang[lang] = {
            "n": len(oks),
            "accuracy": _share(oks),
            "settled": _share(settled_oks),
            "actors": _share(positions),
        }
    sure = [ok for (_, p), ok in zip(pairs, right, strict=True) if p.sure]
    positions = [
        right_holder(h, r.actor)
        for r, h in zip(rows, held, strict=True)
        if r.kind == "position" and r.actor
    ]
    confusion = Counter(f"{r.kind}->{p.kind}" for r, p in pairs if r.kind != p.kind)
    return {
        "n": len(rows),
        "accuracy": _share(right),
        "settled": _share(as_settled),
        "sure_share": round(len(sure) / len(rows), 4) if rows else None,
        "sure_accuracy": _share(sure),
        "actors": _share(positions),
        "actors_n": len(positions),
        "per_kind": per_kind,
        "per_language": per_lang,
        "confusions": dict(confusion.most_common(8)),
    }


def _share(oks: Sequence[bool]) -> float | None:
    return round(sum(oks) / len(oks), 4) if oks else None
