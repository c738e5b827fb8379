"""What code knows of every sentence before the model sees any of it.

Each sentence gets its English gloss (Apertium for Icelandic; the text itself for
English; none where no translator exists), a multilingual embedding of that gloss (or
of the text), the embeddings of what it quotes (a line of a quotation is often
reported inside another outlet's sentence that also names its speaker, and the whole
sentence's embedding hides the match), and its numbers and dates as typed values.
Later stages read sentences
through this, so the small model never has to read Icelandic and code can compare
facts across languages. Glosses and embeddings are remembered per article, so a re-run
served by the answer cache does not recompute them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from briefing.core.memo import MAYBE_TEXTS, SEPARATOR, remembered
from briefing.core.meter import Timer, untimed
from briefing.core.models import Sentence, Source
from briefing.lang import lexicon
from briefing.lang.embed import Embedder, cosine, default_embedder, remembered_vectors
from briefing.lang.gloss import VERSION as GLOSS_VERSION
from briefing.lang.gloss import gloss
from briefing.lang.names import names_in
from briefing.lang.quotation import quoted_spans
from briefing.lang.values import Value, values

QUOTE_WORDS = 4  # shorter quoted words ("hoax", "very soon") match too much to link by


@dataclass
class Reading:
    """Sentences by id, with their language, English gloss, embedding and values."""

    sources: list[Source]
    sentences: dict[str, Sentence] = field(default_factory=dict)
    language: dict[str, str] = field(default_factory=dict)
    gloss: dict[str, str] = field(default_factory=dict)
    vector: dict[str, list[float]] = field(default_factory=dict)
    values: dict[str, frozenset[Value]] = field(default_factory=dict)
    quoted: dict[str, list[list[float]]] = field(default_factory=dict)  # part of it, quoted

    def english(self, sentence_id: str) -> str:
        """The sentence in English: itself, or its gloss, or (no translator) itself."""
        return self.gloss.get(sentence_id) or self.sentences[sentence_id].text

    def similarity(self, a: str, b: str) -> float:
        return cosine(self.vector[a], self.vector[b])

    def match(self, a: str, b: str) -> float:
        """How well two sentences report the same words: as wholes, or what one quotes
        against the other or what it quotes."""
        sides_a = [self.vector[a], *self.quoted.get(a, [])]
        sides_b = [self.vector[b], *self.quoted.get(b, [])]
        return max(cosine(x, y) for x in sides_a for y in sides_b)

    def matches(self, left: list[str], right: list[str]) -> np.ndarray:
        """`match` of every sentence in `left` with every one in `right`, as one matrix:
        one product of all their sides, not a Python cosine per pair of sides."""
        (a, starts_a), (b, starts_b) = self._sides(left), self._sides(right)
        best = np.maximum.reduceat(a @ b.T, starts_a, axis=0)
        return np.maximum.reduceat(best, starts_b, axis=1)

    def _sides(self, ids: list[str]) -> tuple[np.ndarray, list[int]]:
        """The unit vectors of each sentence and of what it quotes, and where each
        sentence's rows start."""
        rows, starts = [], []
        for sid in ids:
            starts.append(len(rows))
            rows += [self.vector[sid], *self.quoted.get(sid, [])]
        matrix = np.array(rows, dtype=float)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0), starts

    def source_of(self, sentence_id: str) -> str:
        return self.sentences[sentence_id].source_id

    def source(self, sentence_id: str) -> Source:
        """The article the sentence is of."""
        return next(s for s in self.sources if s.id == self.source_of(sentence_id))

    def article_of(self, sentence_id: str) -> tuple[list[str], int, str]:
        """The sentence's article as its sentences' texts, the sentence's place in it and
        its language: what the holder finders (`stages.holders`) read."""
        source = self.source(sentence_id)
        ids = [s.id for s in source.sentences]
        return [s.text for s in source.sentences], ids.index(sentence_id), source.language

    @cached_property
    def names(self) -> list[str]:
        """Every name the articles give (in English), first seen first: read once, after
        `read` has filled the sentences, since every statement's check consults it."""
        return names_in([self.english(sid) for sid in self.sentences])


def read(
    sources: list[Source], embedder: Embedder | None = None, timed: Timer | None = None
) -> Reading:
    """Gloss, embed and read the values of every sentence. Embeddings only link sentences
    of different sources, so a lone article is not embedded: embedding is most of the
    non-model work (a minute for a 50 KB article). `timed` (a `Meter`'s) takes the
    seconds of glossing and embedding apart from the rest."""
    embedder = embedder or default_embedder()
    timed = timed or untimed
    reading = Reading(sources=sources)
    linkable = sum(1 for s in sources if s.sentences) > 1
    for source in sources:
        texts = [" ".join(s.text.split()) for s in source.sentences]
        with timed("gloss"):
            glosses = _glosses(texts, source.language)
        english = [g or t for g, t in zip(glosses, texts, strict=True)]
        with timed("embed"):
            vectors = remembered_vectors(english, embedder) if linkable else [[] for _ in english]
        for sentence, text, glossed, vector in zip(
            source.sentences, texts, glosses, vectors, strict=True
        ):
            reading.sentences[sentence.id] = sentence
            reading.language[sentence.id] = source.language
            if glossed is not None and source.language != "en":
                reading.gloss[sentence.id] = glossed
            reading.vector[sentence.id] = vector
            reading.values[sentence.id] = frozenset(values(text, source.language))
        if linkable:
            reading.quoted.update(_quoted(source, embedder, timed))
    return reading


def read_through(
    reading: Reading, english: dict[str, str], embedder: Embedder | None = None
) -> Reading:
    """`reading` with each sentence of `english` (the model's translation that passed
    verify's code checks, by sentence id) read through that English as through a gloss:
    e5-small scores a German sentence against English ones worse than its English, which
    puts tagesschau's "42 Flüge gestrichen" nearest Reuters' "40 flights" (0.85) where the
    German itself is nearest "Travellers faced chaos" (0.85 against 0.82). Its values stay
    the source's own."""
    english = {i: t for i, t in english.items() if i in reading.sentences}
    if not english or not any(reading.vector.values()):
        return reading
    ids = list(english)
    vectors = remembered_vectors([english[i] for i in ids], embedder or default_embedder())
    return replace(
        reading,
        gloss={**reading.gloss, **english},
        vector={**reading.vector, **dict(zip(ids, vectors, strict=True))},
        quoted={i: q for i, q in reading.quoted.items() if i not in english},
    )


def _quoted(source: Source, embedder: Embedder, timed: Timer) -> dict[str, list[list[float]]]:
    """Embeddings of the quoted parts of each sentence that quotes more than its own
    whole: the parts glossed into English first, like the sentences."""
    parts: list[tuple[str, str]] = []
    for sentence in source.sentences:
        whole = " ".join(sentence.text.split()).strip(_MARKS_AND_STOPS)
        for a, b in quoted_spans(source.text, sentence.start, sentence.end):
            part = " ".join(source.text[a:b].split()).strip(_MARKS_AND_STOPS)
            if len(part.split()) >= QUOTE_WORDS and part != whole:
                parts.append((sentence.id, part))
    if not parts:
        return {}
    texts = [p for _, p in parts]
    with timed("gloss"):
        glosses = _glosses(texts, source.language)
    with timed("embed"):
        vectors = remembered_vectors(
            [g or t for g, t in zip(glosses, texts, strict=True)], embedder
        )
    found: dict[str, list[list[float]]] = {}
    for (sid, _), vector in zip(parts, vectors, strict=True):
        found.setdefault(sid, []).append(vector)
    return found


_MARKS_AND_STOPS = ' "“”„«»,.;:!?'


def _glosses(texts: list[str], language: str) -> list[str | None]:
    if language == "en" or not texts:
        return list(texts)
    kind = f"gloss-{language}-v{GLOSS_VERSION}"
    key = SEPARATOR.join([lexicon.digest(language), *texts])  # the glossary's words too
    found = remembered(kind, key, lambda _: gloss(texts, language), MAYBE_TEXTS, len(texts))
    return list(found)
