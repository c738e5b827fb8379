"""The one registry of metric names: what each measures, which scorer explains it.

Every other module (the CLI's thresholds, the case files' thresholds, the comparison,
the report's column order) reads its names from `REGISTRY`. Metrics are tiny functions
over scores; the case metrics (coverage, citation precision, must_not) need the case's
annotations too and are computed in `briefing.eval.cases`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefing.eval.scorers import Score

MetricFn = Callable[[list[Score]], float | None]


def mean(scores: list[Score], check: str) -> float | None:
    values = [s.value for s in scores if s.check == check and s.value is not None]
    return sum(values) / len(values) if values else None


def share(scores: list[Score], check: str, key: str) -> float | None:
    """Share of `check` scores whose metadata list `key` is empty (e.g. no bad citation)."""
    rows = [s for s in scores if s.check == check]
    return sum(not s.metadata.get(key) for s in rows) / len(rows) if rows else None


def faithfulness(scores: list[Score]) -> float | None:
    """Share of claims supported; n/a while any claim that passed the code checks went
    unjudged, since the mean of the failures alone would read as 0."""
    if any(s.check == "support" and s.label == "unjudged" for s in scores):
        return None
    return mean(scores, "support")


@dataclass(frozen=True)
class Metric:
    """One metric: its name, the scorer (`Score.check`) whose failures explain a low value,
    the function over scores (None for a case metric) and whether `compare` shows it."""

    name: str
    check: str | None = None
    of_scores: MetricFn | None = None
    compared: bool = False


REGISTRY: tuple[Metric, ...] = (
    Metric("faithfulness", "support", faithfulness, compared=True),
    Metric("coverage", compared=True),
    # Coverage counting only lines verified in the column's language, over all points and
    # over the points only an Icelandic outlet reports; and sections filed right.
    Metric("coverage_en", compared=True),
    Metric("coverage_is", compared=True),
    Metric("is_only_en", compared=True),
    Metric("is_only_is", compared=True),
    Metric("sections", compared=True),
    # Positions held by the right person; facts given once, not repeated; facts several
    # outlets report given as one item citing them all (`eval.cases`).
    Metric("actors", compared=True),
    Metric("single_items", compared=True),
    Metric("merged_outlets", compared=True),
    # The share of written statements that are not one cited sentence copied whole, and
    # the mean number of outlets an item cites (not a share: reported, never a floor).
    Metric("own_words", compared=True),
    Metric("outlets_per_item", compared=True),
    Metric("citation_precision", compared=True),
    Metric("must_not"),
    Metric("citations", "support", lambda s: share(s, "support", "citation_problems")),
    Metric("details", "support", lambda s: share(s, "support", "detail_problems")),
    Metric("consistency", "consistency", lambda s: mean(s, "consistency")),
    Metric("attribution", "attribution", lambda s: mean(s, "attribution")),
    # Shares of the statements the tool wrote with no outlet's loaded word in their own
    # voice, and with no dangling opener: floors of 1.0 mean none at all.
    Metric("own_voice", "voice", lambda s: share(s, "voice", "loaded")),
    Metric("no_dangling", "voice", lambda s: share(s, "voice", "dangling")),
    # Share of English statements resting on another language's sentences that are plain
    # English: no word left untranslated, not the rough gloss copied (`scorers.plain`).
    Metric("plain_english", "plain", lambda s: mean(s, "plain")),
)
BY_NAME = {m.name: m for m in REGISTRY}
CASE_METRICS = tuple(m.name for m in REGISTRY)
"""Every metric, in report order: what a case's thresholds may name."""
CHECK_METRICS = tuple(m.name for m in REGISTRY if m.of_scores is not None)
"""Metrics of one briefing's scores alone: what `eval check --fail-under` may name."""
COMPARED = tuple(m.name for m in REGISTRY if m.compared)
"""Metrics `eval compare` puts side by side."""


def check_of(name: str) -> str | None:
    """The scorer whose failing scores explain metric `name` (None for case metrics)."""
    metric = BY_NAME.get(name)
    return metric.check if metric else None


def metrics(scores: list[Score]) -> dict[str, float | None]:
    """Every score-level metric over `scores`."""
    return {m.name: m.of_scores(scores) for m in REGISTRY if m.of_scores is not None}


def order(name: str) -> tuple[int, str]:
    """Sort key putting metric names in registry order (unknown names last)."""
    return (CASE_METRICS.index(name) if name in BY_NAME else len(CASE_METRICS), name)


JUDGED = ("faithfulness", "attribution")
"""Metrics that need the judge: a floor on one with `--no-judge` could never be checked."""


def check_floor(value: float) -> float:
    """A floor is a share: 1.2 could never be met, -0.1 never missed."""
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{value:g} is outside [0, 1]")
    return value
