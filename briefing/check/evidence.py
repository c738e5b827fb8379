"""Evidence as the judge and the code checks see it: sentences with their English gloss.

`Sentence` pairs an original sentence with its language and gloss (the text itself for
English, Apertium's gloss for Icelandic, None where no translator helps, e.g. German: the
model reads German better than a gloss would render it). `select` picks the few sentences
most like the claim, which is what a briefing cites (1-3 sentences) and keeps a judge
call short.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.check import details
from briefing.lang import gloss as glossing


@dataclass(frozen=True)
class Sentence:
    text: str
    lang: str
    gloss: str | None = None

    @property
    def english(self) -> str:
        """The English reading: the gloss where there is one, else the text."""
        return self.gloss or self.text

    @property
    def shown_gloss(self) -> str | None:
        """The gloss to print beside the text (none for English or a useless gloss)."""
        if self.lang == "en" or not self.gloss or self.gloss == self.text:
            return None
        return self.gloss


def glossed(texts: Sequence[str], lang: str) -> list[Sentence]:
    """Sentences of one language with their glosses, one batched gloss call."""
    if not texts:
        return []
    glosses = glossing.gloss(list(texts), lang)
    return [Sentence(t, lang, g) for t, g in zip(texts, glosses, strict=True)]


def content_words(text: str) -> set[str]:
    return {w for w in details.words(text) if w not in details.STOPWORDS and len(w) > 2}


def overlap(claim_words: set[str], text: str) -> float:
    """Share of the claim's content words that the text contains (up to inflection)."""
    if not claim_words:
        return 1.0
    have = set(details.words(text))
    return sum(any(details.word_matches(k, h) for h in have) for k in claim_words) / len(
        claim_words
    )


def select(
    parts: Sequence[str], sentences: Sequence[Sentence], per_part: int = 2, cap: int = 5
) -> list[int]:
    """Indexes (document order) of the sentences that best match any part of the claim:
    the top `per_part` per part by lexical overlap with text and gloss, at most `cap`."""
    if len(sentences) <= per_part:
        return list(range(len(sentences)))
    chosen: list[int] = []
    for part in parts:
        key = content_words(part)
        ranked = sorted(
            range(len(sentences)),
            key=lambda i: (
                -max(overlap(key, sentences[i].text), overlap(key, sentences[i].english)),
                i,
            ),
        )
        for i in ranked[:per_part]:
            if i not in chosen:
                chosen.append(i)
    return sorted(chosen[:cap])
