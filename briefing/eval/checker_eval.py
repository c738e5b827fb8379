"""The checker measured on labelled claims: `briefing eval checker`.

Each labelled line (`evals/checker/README.md`) is checked with `Checker.check_source`; the
report gives balanced accuracy, precision and recall (of "not supported": the checker's
job is to catch errors) with bootstrap 95 % intervals, per file, per language pair and per
error kind. Human-labelled English and code-built cross-lingual sets are reported apart.
Rows are computed once per (file, id) and kept in a JSONL cache of features, so the
calibration can be refitted without running the model again. A malformed labelled line
is one error naming it; a malformed line of the features cache is computed again.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from briefing.check.calibration import Calibration
from briefing.check.checker import Checker
from briefing.core.errors import InputError
from briefing.core.jsontext import loads

HUMAN = ("test.jsonl", "mqm-test.jsonl")
BUILT = ("xling-test.jsonl",)
KINDS = ("number", "date", "name", "negation", "addition", "attribution", "other")


class Row(BaseModel):
    """A labelled line: what the checker reads; other fields (languages, kind) ride along."""

    model_config = ConfigDict(extra="allow", strict=True)

    id: str
    source: str
    claim: str
    label: Literal[0, 1]


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The labelled lines of `path`; the first malformed one is an InputError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {getattr(err, 'strerror', None) or err}") from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line:
            continue
        try:
            rows.append(Row.model_validate_json(line).model_dump())
        except ValidationError as err:
            raise InputError(f"{path}:{n}: {err.errors()[0]['msg']}") from None
    return rows


def read_features(cache: Path) -> dict[str, dict[str, Any]]:
    """The rows kept in a features cache, by id; a line that is not one is skipped."""
    done = {}
    for line in cache.read_text(encoding="utf-8").splitlines():
        try:
            row = loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and isinstance(row.get("id"), str) and "features" in row:
            done[row["id"]] = row
    return done


def stratified_slice(rows: list[dict[str, Any]], n: int, seed: int = 11) -> list[dict[str, Any]]:
    """A fixed subset of `n` rows, proportional per (language pair, label, kind)."""
    if n >= len(rows):
        return rows
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        key = (r.get("lang_source"), r.get("lang_claim"), r["label"], r.get("error_kind"))
        groups.setdefault(key, []).append(r)
    rng = random.Random(seed)
    keys = sorted(groups, key=str)
    exact = {k: n * len(groups[k]) / len(rows) for k in keys}
    take = {k: int(exact[k]) for k in keys}
    for k in sorted(keys, key=lambda k: -(exact[k] - take[k]))[: n - sum(take.values())]:
        take[k] += 1  # largest remainders, so the slice has exactly n rows
    out = []
    for key in keys:
        members = sorted(groups[key], key=lambda r: r["id"])
        out += rng.sample(members, min(take[key], len(members)))
    return sorted(out, key=lambda r: r["id"])


def run_rows(
    checker: Checker,
    rows: list[dict[str, Any]],
    cache: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> list[dict[str, Any]]:
    """Check every row; keep (and reuse) per-row features and judge probabilities in `cache`."""
    done: dict[str, dict[str, Any]] = {}
    if cache is not None and cache.exists():
        done = read_features(cache)
    out = []
    for i, row in enumerate(rows, 1):
        if row["id"] not in done:
            start = time.perf_counter()
            v = checker.check_source(
                row["source"], row["claim"], row.get("lang_source", "en"),
                row.get("lang_claim", "en"), label=row["id"],
            )  # fmt: skip
            done[row["id"]] = {
                "id": row["id"],
                "features": v.features,
                "part_judge_p": [p.judge_p for p in v.parts],
                "reason": v.reason,
                "seconds": round(time.perf_counter() - start, 2),
            }
            if cache is not None:
                cache.parent.mkdir(parents=True, exist_ok=True)
                with cache.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(done[row["id"]], ensure_ascii=False) + "\n")
            progress(f"{i}/{len(rows)} {row['id']} {done[row['id']]['seconds']} s")
        out.append({**_meta(row), **done[row["id"]]})
    return out


def _meta(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "label", "error_kind", "lang_source", "lang_claim", "dataset")
    return {k: row.get(k) for k in keys}


def score_rows(rows: list[dict[str, Any]], calibration: Calibration) -> list[dict[str, Any]]:
    return [{**r, "score": calibration.score(r["features"])} for r in rows]


def confusion(rows: Iterable[dict[str, Any]], threshold: float) -> dict[str, float | None]:
    """Balanced accuracy; precision and recall of flagging "not supported"."""
    rows = list(rows)
    pos = [r for r in rows if r["label"] == 1]
    neg = [r for r in rows if r["label"] == 0]
    tpr = sum(r["score"] >= threshold for r in pos) / len(pos) if pos else None
    caught = sum(r["score"] < threshold for r in neg)
    flagged = sum(r["score"] < threshold for r in rows)
    recall = caught / len(neg) if neg else None
    precision = caught / flagged if flagged else None
    bacc = (tpr + recall) / 2 if tpr is not None and recall is not None else None
    return {"n": len(rows), "bacc": bacc, "precision": precision, "recall": recall, "tpr": tpr}


def bootstrap(
    rows: list[dict[str, Any]], threshold: float, metric: str, n: int = 1000, seed: int = 0
) -> tuple[float, float] | None:
    """95 % percentile interval of `metric`, resampling rows."""
    rng = random.Random(seed)
    values = []
    for _ in range(n):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        v = confusion(sample, threshold)[metric]
        if v is not None:
            values.append(v)
    if len(values) < n / 2:
        return None
    values.sort()
    return values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]


def summarise(rows: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    """Metrics with intervals: all rows, per language pair, per dataset, per error kind.

    Per error kind, the negatives of that kind are measured against all supported rows of
    the same file (recall is that kind's catch rate)."""
    out: dict[str, Any] = {"all": _with_ci(rows, threshold)}
    pairs = sorted({(r["lang_source"], r["lang_claim"]) for r in rows}, key=str)
    out["pairs"] = {
        f"{a}->{b}": _with_ci(
            [r for r in rows if (r["lang_source"], r["lang_claim"]) == (a, b)], threshold
        )
        for a, b in pairs
    }
    datasets = sorted({str(r.get("dataset")) for r in rows})
    out["datasets"] = {
        d: _with_ci([r for r in rows if str(r.get("dataset")) == d], threshold) for d in datasets
    }
    positives = [r for r in rows if r["label"] == 1]
    out["kinds"] = {}
    for kind in KINDS:
        neg = [r for r in rows if r["label"] == 0 and r.get("error_kind") == kind]
        if neg:
            out["kinds"][kind] = _with_ci(positives + neg, threshold)
    return out


def _with_ci(rows: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    m: dict[str, Any] = confusion(rows, threshold)
    for key in ("bacc", "precision", "recall"):
        m[f"{key}_ci"] = bootstrap(rows, threshold, key) if rows else None
    m["tpr_ci"] = bootstrap(rows, threshold, "tpr") if rows else None  # accepts
    return m


def table(name: str, summary: dict[str, Any]) -> list[str]:
    """Plain-text lines of one file's summary; `accepts` is the share of supported claims
    (true translations) the checker accepts, `recall` the share of unsupported ones it flags."""

    def fmt(m: dict[str, Any], key: str) -> str:
        v, ci = m.get(key), m.get(f"{key}_ci")
        if v is None:
            return "n/a".rjust(17)
        return f"{v:.3f} [{ci[0]:.2f},{ci[1]:.2f}]" if ci else f"{v:.3f}".ljust(17)

    lines = [f"== {name}", f"{'slice':28} {'n':>4}  {'bal.acc [95% CI]':17}  "
             f"{'precision':17}  {'recall':17}  {'accepts':17}"]  # fmt: skip
    groups = [("all", summary["all"])]
    groups += [(f"pair {k}", v) for k, v in summary["pairs"].items()]
    groups += [(f"dataset {k}", v) for k, v in summary["datasets"].items()]
    groups += [(f"kind {k}", v) for k, v in summary["kinds"].items()]
    for label, m in groups:
        lines.append(
            f"{label[:28]:28} {m['n']:>4}  {fmt(m, 'bacc')}  {fmt(m, 'precision')}  "
            f"{fmt(m, 'recall')}  {fmt(m, 'tpr')}"
        )
    return lines
