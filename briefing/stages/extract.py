"""Map stage: one LLM call per chunk turns numbered sentences into cited statements.

The model reads English: a non-English sentence reaches it as its English gloss (see
`stages.reading`), and sentences code has already linked to another source's sentence
are left out. It picks the actor from the names code found, writes a short statement
and cites sentence numbers; code maps the numbers back to ids, and `stages.verify`
checks every statement. A truncated answer splits the chunk rather than asking again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.check.details import words
from briefing.core.errors import LLMError, TruncatedAnswer
from briefing.core.languages import language_name
from briefing.core.models import Chunk, Section, Sentence, Source
from briefing.lang.names import names_in
from briefing.llm.base import LLM
from briefing.llm.structured import AskOptions, Recorder, ask
from briefing.prompts import PromptSet
from briefing.stages.answers import Point, point_schema
from briefing.stages.chunk import split_chunk
from briefing.stages.reading import Reading
from briefing.stages.select import select


@dataclass
class Found:
    """One statement extracted from one chunk, in the pivot language, with sentence ids."""

    section: Section
    text: str
    evidence: list[str]
    source_id: str
    actor: str | None = None
    score: float | None = None  # the checker's support score, once checked


@dataclass
class ChunkResult:
    found: list[Found] = field(default_factory=list)
    dropped: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractSettings:
    max_words: int = 16
    max_attempts: int = 3
    reading: Reading | None = None
    skip: frozenset[str] = frozenset()  # sentence ids another source already covers


MAX_CHARS_PER_WORD = 12  # the schema's cap: room for long words; the prompt asks for fewer

SECTION_OF: dict[str, Section] = {
    "agreement": "agreements",
    "open_issue": "open_issues",
    "position": "positions",
}


def answer_budget(max_items: int, max_words: int) -> int:
    """Tokens a full answer may need: per point, its words (with room for long names and
    numbers), the kind, the actor and the JSON syntax."""
    per_item = 2 * max_words + 30
    return max_items * per_item + 16


def _content_words(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 3}


def _borrowed(text: str, example: str, cited: list[str]) -> bool:
    """Three quarters or more of the statement's content words come from the example
    and not from the cited sentences."""
    mine = _content_words(text)
    borrowed = mine & _content_words(example) - _content_words(" ".join(cited))
    return len(borrowed) >= 3 and 4 * len(borrowed) >= 3 * len(mine)


def example_turns(prompts: PromptSet) -> list[dict[str, str]]:
    """A worked example as a prior exchange: small models copy the shape of an answer
    they have seen far better than one described. Empty templates drop the example."""
    question, answer = prompts.render("extract.example"), prompts.render("extract.example_answer")
    if not question or not answer:
        return []
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def extract_chunk(
    chunk: Chunk,
    source: Source,
    llm: LLM,
    prompts: PromptSet,
    settings: ExtractSettings,
    record: Recorder | None = None,
) -> ChunkResult:
    """Extract one chunk; on truncation, extract its halves instead."""
    try:
        return _extract_once(chunk, source, llm, prompts, settings, record)
    except TruncatedAnswer as err:
        halves = split_chunk(chunk)
        if len(halves) == 1:
            raise LLMError(f"chunk {chunk.id}: {err} and cannot be split further") from None
        result = ChunkResult()
        for half in halves:
            part = extract_chunk(half, source, llm, prompts, settings, record)
            result.found += part.found
            result.dropped += part.dropped
        return result


def _english(sentence: Sentence, reading: Reading | None) -> str:
    return reading.english(sentence.id) if reading else " ".join(sentence.text.split())


def _ask_point(
    llm: LLM,
    messages: list[dict[str, str]],
    actors: list[str],
    label: str,
    prompts: PromptSet,
    settings: ExtractSettings,
    record: Recorder | None,
) -> Point:
    """One sentence's point, its actor and length bounded by the schema."""
    return ask(
        llm,
        messages,
        Point,
        AskOptions(
            schema=point_schema(actors, max_chars=MAX_CHARS_PER_WORD * settings.max_words),
            context={"actors": actors},
            max_tokens=answer_budget(1, settings.max_words),
            stage="extract",
            label=label,
            max_attempts=settings.max_attempts,
            reask=lambda errors: prompts.render("reask", errors=errors),
            record=record,
        ),
    )


def _extract_once(
    chunk: Chunk,
    source: Source,
    llm: LLM,
    prompts: PromptSet,
    settings: ExtractSettings,
    record: Recorder | None,
) -> ChunkResult:
    reading = settings.reading
    shown = [s for s in chunk.sentences if s.id not in settings.skip]
    asked = select(shown, chunk, reading)
    if not asked:
        return ChunkResult()
    numbered = list(enumerate(shown, start=1))
    number = {s.id: n for n, s in numbered}
    texts = [(n, _english(s, reading)) for n, s in numbered]
    actors = [*names_in([t for _, t in texts]), "none"]
    glossed = reading is not None and any(s.id in reading.gloss for s in shown)
    system = prompts.render("extract.system", max_words=settings.max_words)
    points = []
    for sentence in asked:
        user = prompts.render(
            "extract.user",
            source=source,
            language_name=language_name(chunk.language),
            glossed=glossed,
            actors=actors,
            sentences=texts,
            asked=(number[sentence.id], _english(sentence, reading)),
        )
        messages = [
            {"role": "system", "content": system},
            *example_turns(prompts),
            {"role": "user", "content": user},
        ]
        label = f"{chunk.id} sentence {sentence.id}"
        points.append(_ask_point(llm, messages, actors, label, prompts, settings, record))
    example = prompts.render("extract.example_answer")
    result = ChunkResult()
    for sentence, point in zip(asked, points, strict=True):
        if point.kind == "background":
            continue
        actor = point.actor.strip() if point.kind == "position" and point.actor != "none" else None
        if len(point.text) >= MAX_CHARS_PER_WORD * settings.max_words - 1:
            reason = "cut off at the length limit"
            result.dropped.append({"chunk": chunk.id, "text": point.text, "reason": reason})
            continue
        if example and _borrowed(point.text, example, [_english(sentence, reading)]):
            reason = "the statement repeats the prompt's example, not the article"
            result.dropped.append({"chunk": chunk.id, "text": point.text, "reason": reason})
            continue
        result.found.append(
            Found(SECTION_OF[point.kind], point.text.strip(), [sentence.id], chunk.source_id, actor)
        )
    return result
