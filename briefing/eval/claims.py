"""The checker on its own: (document, claim) pairs -> label and score, as fact-checking
benchmarks want them (one JSON object per line in and out).

A claim here cites no sentence, so the code checks read the whole document and the
judge reads the sentences that share the most words with the claim (the whole document
when it is short), keeping the judge's prompt, and so its cost, small.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import py3langid

from briefing.check import details as checks
from briefing.check.judge import UNSCORED, Judge
from briefing.core.errors import InputError
from briefing.ingest.segment import segment

SHORT_DOCUMENT_WORDS = 250
TOP_SENTENCES = 5


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not {"source", "claim"} <= set(row):
                raise ValueError("needs 'source' and 'claim'")
        except ValueError as err:
            raise InputError(f"{path}:{n}: {err}") from None
        row.setdefault("id", str(n))
        yield row


def evidence_for(claim: str, sentences: list[str], top: int = TOP_SENTENCES) -> list[int]:
    """Indexes of the sentences to show the judge, in document order."""
    if sum(len(s.split()) for s in sentences) <= SHORT_DOCUMENT_WORDS:
        return list(range(len(sentences)))
    key = {w for w in checks.words(claim) if w not in checks.STOPWORDS and len(w) > 2}

    def overlap(i: int) -> int:
        have = set(checks.words(sentences[i]))
        return sum(any(checks.word_matches(k, h) for h in have) for k in key)

    ranked = sorted(range(len(sentences)), key=lambda i: (-overlap(i), i))
    return sorted(ranked[:top])


def check_claim(row: dict[str, Any], judge: Judge | None) -> dict[str, Any]:
    """One benchmark row -> {"id", "label", "score", "reason"} (label 1 = supported)."""
    source, claim = str(row["source"]), str(row["claim"])
    language = str(py3langid.classify(source)[0])
    sentences = [s.text for s in segment(source, "A1", language)] or [source]
    claim_language = str(py3langid.classify(claim)[0])
    problems = checks.detail_problems(
        claim,
        sentences,
        translated=claim_language != language,
        known=checks.known_names(sentences),
    )
    out: dict[str, Any] = {"id": row["id"]}
    if problems:
        return {**out, "label": 0, "score": 0.0, "reason": "; ".join(problems)}
    if judge is None:
        return {**out, "label": 1, "score": 1.0, "reason": "passed the code checks"}
    shown = [(f"S{i + 1}", sentences[i]) for i in evidence_for(claim, sentences)]
    verdict = judge.support(claim, shown, str(row["id"]))
    if verdict.label == UNSCORED:
        return {**out, "label": 0, "score": 0.5, "reason": verdict.reason, "unscored": True}
    score = sum(v == "supported" for v in verdict.votes) / len(verdict.votes)
    return {
        **out,
        "label": int(verdict.label == "supported"),
        "score": round(score, 3),
        "reason": verdict.reason,
    }
