"""The checker on its own: (document, claim) pairs -> label and score, as fact-checking
benchmarks want them (one JSON object per line in and out).

A claim here cites no sentence, so the checker takes the document's sentences as the
candidate evidence and shows the judge the few most like the claim (`Checker.check_source`).
Languages are detected per field unless the line gives `lang_source` / `lang_claim`.

Bad lines do not lose the file: every good line is still checked and written, in input
order; each bad line gets one error naming its line number (`IN.jsonl:7: ...`) and the
command exits 2 after writing the good ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import py3langid

from briefing.check.checker import Checker
from briefing.core.errors import InputError
from briefing.core.jsontext import loads


@dataclass
class Lines:
    """The good rows of a JSONL file and one message per bad line."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_jsonl(path: Path) -> Lines:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {getattr(err, 'strerror', None) or err}") from None
    out = Lines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = loads(line)
            if not isinstance(row, dict):
                raise ValueError("a line must be a JSON object")
            missing = [k for k in ("source", "claim") if not isinstance(row.get(k), str)]
            if missing:
                raise ValueError(f"needs a string {' and '.join(repr(k) for k in missing)}")
        except ValueError as err:
            out.errors.append(f"{path}:{n}: {str(err).splitlines()[0]}")
            continue
        row.setdefault("id", str(n))
        out.rows.append(row)
    return out


def language(text: str) -> str:
    return str(py3langid.classify(text)[0])


def check_claim(row: dict[str, Any], checker: Checker) -> dict[str, Any]:
    """One benchmark row -> {"id", "label", "score", "reason"} (label 1 = supported)."""
    source, claim = str(row["source"]), str(row["claim"])
    source_lang = str(row.get("lang_source") or language(source))
    claim_lang = str(row.get("lang_claim") or language(claim))
    verdict = checker.check_source(source, claim, source_lang, claim_lang, label=str(row["id"]))
    return {
        "id": row["id"],
        "label": int(verdict.supported),
        "score": verdict.score,
        "reason": verdict.reason,
    }
