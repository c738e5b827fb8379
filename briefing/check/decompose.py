"""Split a statement into the facts it states, by code: sentences, then clauses.

A statement "A agreed to X, and 300 jobs will be created" is two facts; each is checked on
its own and the weakest decides. Splitting is conservative: a clause is cut off only where
both sides keep at least `MIN_WORDS` words, so "Smith and Jones met" stays whole.
"""

from __future__ import annotations

import re

from briefing.lang import lexicon

MIN_WORDS = 4
MAX_PARTS = 4
# A clause boundary: a comma or semicolon followed by a coordinating word (en, is, de).
_CLAUSE = re.compile(
    rf"\s*(?:;\s*|,\s*(?=(?:{lexicon.alternation('grammar.clause_openers', 'en', 'is', 'de')})\b))",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“„'A-ZÁÉÍÓÚÝÞÆÖÐa-z0-9])")


def sentences(text: str) -> list[str]:
    """Sentences of a statement; lower-cased text splits after '. ' too."""
    out = [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]
    merged: list[str] = []
    for s in out:  # "u.s. adults" or "no. 3": a piece under three words joins the last one
        if merged and (len(s.split()) < 3 or len(merged[-1].split()) < 3):
            merged[-1] = f"{merged[-1]} {s}"
        else:
            merged.append(s)
    return merged


def clauses(sentence: str) -> list[str]:
    """A sentence cut at clause boundaries where both sides are long enough."""
    pieces: list[str] = []
    rest = sentence
    while True:
        cut = next(
            (
                m
                for m in _CLAUSE.finditer(rest)
                if len(rest[: m.start()].split()) >= MIN_WORDS
                and len(rest[m.end() :].split()) >= MIN_WORDS
            ),
            None,
        )
        if cut is None:
            pieces.append(rest.strip())
            return [p for p in pieces if p]
        pieces.append(rest[: cut.start()].strip())
        rest = _strip_conjunction(rest[cut.end() :])


def _strip_conjunction(text: str) -> str:
    return re.sub(r"^(?:and|og|und)\s+", "", text.strip(), flags=re.IGNORECASE)


def decompose(statement: str) -> list[str]:
    """The facts of a statement, at most `MAX_PARTS` (the tail joins the last part)."""
    parts = [c for s in sentences(statement) for c in clauses(s)] or [statement.strip()]
    if len(parts) > MAX_PARTS:
        parts = [*parts[: MAX_PARTS - 1], " ".join(parts[MAX_PARTS - 1 :])]
    return parts
