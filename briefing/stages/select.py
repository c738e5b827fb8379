"""Which sentences get a statement: chosen by code, so the small model only phrases.

A 1.5B model asked for "the main points" stops after two or three and favours the
first sentences; asked to phrase given sentences, it does each. So code scores every
sentence (numbers and dates, names, words of agreeing, disputing and saying, its place
in the article) and keeps the best within a budget of generated tokens: about one
statement per `TOKENS_PER_STATEMENT` source tokens, the rest of the article staying in
the prompt as context.
"""

from __future__ import annotations

import math
import re

from briefing.core.models import Chunk, Sentence
from briefing.lang.names import names_in
from briefing.stages.reading import Reading

SHARE = 0.8  # of the informative sentences, the best get a statement
TOKENS_PER_STATEMENT = 45  # and at most one per this many tokens shown: generated tokens
MIN_WORDS = 5  # stay near a third of the source tokens; shorter lines say little
CUES = re.compile(
    r"\b(agree\w*|deal|decid\w*|approv\w*|accept\w*|reject\w*|refus\w*|want\w*|demand\w*|"
    r"insist\w*|call\w*|invit\w*|plan\w*|will|would|must|promis\w*|warn\w*|criticis\w*|"
    r"protest\w*|unresolved|settled?|fail\w*|disput\w*|disagree\w*|not|no|never|pay\w*|"
    r"cost\w*|said|says|told)\b",
    re.IGNORECASE,
)


FIRST_PERSON = re.compile(r"\b(I|we|We|our|Our|my|My|me|us)\b")


def salience(text: str, n_values: int, position: int) -> float:
    """How much a sentence likely carries for a briefing (higher first)."""
    words = len(text.split())
    if words < MIN_WORDS or not text.rstrip("\"'”’»)] ").endswith((".", "!", "?")):
        return -math.inf  # headlines, bylines and photo captions
    cues = len(CUES.findall(text))
    names = len(names_in([text]))
    quoted = FIRST_PERSON.search(text) is not None  # a line of a quote, its speaker elsewhere
    return (
        2.0 * min(n_values, 2)
        + min(cues, 3)
        + 0.75 * min(names, 3)
        - 2.0 * quoted
        - (words < 8)
        - 0.05 * position
    )


def budget(informative: int, tokens: int) -> int:
    return min(math.ceil(SHARE * informative), max(2, round(tokens / TOKENS_PER_STATEMENT)))


def select(shown: list[Sentence], chunk: Chunk, reading: Reading | None) -> list[Sentence]:
    """The sentences to phrase, in article order."""

    def english(s: Sentence) -> str:
        return reading.english(s.id) if reading else s.text

    def values(s: Sentence) -> int:
        return len(reading.values[s.id]) if reading else 0

    scored = [(salience(english(s), values(s), i), i) for i, s in enumerate(shown)]
    ranked = sorted((x for x in scored if x[0] > -math.inf), reverse=True)
    tokens = round(chunk.tokens * len(shown) / max(1, len(chunk.sentences)))
    keep = sorted(i for _, i in ranked[: budget(len(ranked), tokens)])
    return [shown[i] for i in keep]
