"""Map stage: one LLM call per chunk turns numbered sentences into cited statements.

The model writes short statements and sentence numbers; code maps the numbers back to
sentence ids and drops any statement whose numbers or names its cited sentences lack.
A truncated answer splits the chunk rather than asking the same question again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.check.details import detail_problems, words
from briefing.core.errors import LLMError, TruncatedAnswer
from briefing.core.languages import PIVOT, language_name
from briefing.core.models import Chunk, Section, Source
from briefing.llm.base import LLM
from briefing.llm.structured import AskOptions, Recorder, ask
from briefing.prompts import PromptSet
from briefing.stages.answers import Extraction, constrained_schema
from briefing.stages.chunk import split_chunk


@dataclass
class Found:
    """One statement extracted from one chunk, in the pivot language, with sentence ids."""

    section: Section
    text: str
    evidence: list[str]
    source_id: str
    actor: str | None = None


@dataclass
class ChunkResult:
    found: list[Found] = field(default_factory=list)
    dropped: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractSettings:
    max_words: int = 12
    max_attempts: int = 3


SECTION_OF: dict[str, Section] = {
    "agreement": "agreements",
    "open_issue": "open_issues",
    "position": "positions",
}


def items_for(chunk: Chunk) -> int:
    """How many facts a chunk may yield: more text, more to say, within bounds."""
    return max(3, min(6, chunk.tokens // 100))


def answer_budget(max_items: int, max_words: int) -> int:
    """Tokens a full answer may need: per fact, its words (with room for long names and
    numbers), the actor, the ids and the JSON syntax."""
    per_item = 2 * max_words + 40
    return max_items * per_item + 16


def audit(
    text: str, cited: list[str], actor: str | None, language: str, example: str = ""
) -> list[str]:
    """Details of `text` its cited sentences lack. The actor's own name counts as given
    (attribution is the eval's job), and across languages only numbers and dates are
    compared: names change form in translation (Moscow, Moskvu). A statement that
    repeats the prompt's worked example, as a lost small model does, is rejected too."""
    translated = language != PIVOT
    problems = detail_problems(text, [*cited, actor or ""], translated=translated)
    if translated:
        problems = [p for p in problems if not p.startswith("the name")]
    if example and _borrowed(text, example, cited):
        problems.append("the statement repeats the prompt's example, not the article")
    return problems


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


def _extract_once(
    chunk: Chunk,
    source: Source,
    llm: LLM,
    prompts: PromptSet,
    settings: ExtractSettings,
    record: Recorder | None,
) -> ChunkResult:
    numbered = list(enumerate(chunk.sentences, start=1))
    max_items = items_for(chunk)
    system = prompts.render("extract.system", max_items=max_items, max_words=settings.max_words)
    messages = [
        {"role": "system", "content": system},
        *example_turns(prompts),
        {
            "role": "user",
            "content": prompts.render(
                "extract.user",
                source=source,
                language_name=language_name(chunk.language),
                sentences=[(n, " ".join(s.text.split())) for n, s in numbered],
            ),
        },
    ]
    ids = [n for n, _ in numbered]
    answer = ask(
        llm,
        messages,
        Extraction,
        AskOptions(
            schema=constrained_schema(Extraction, ids=ids, max_items=max_items),
            context={"ids": set(ids)},
            max_tokens=answer_budget(max_items, settings.max_words),
            stage="extract",
            label=f"chunk {chunk.id}",
            max_attempts=settings.max_attempts,
            reask=lambda errors: prompts.render("reask", errors=errors),
            record=record,
        ),
    )
    by_number = {n: s for n, s in numbered}
    result = ChunkResult()
    for fact in answer.facts:
        cited = [by_number[n] for n in fact.ids]
        actor = fact.actor.strip() if fact.kind == "position" else None
        example = prompts.render("extract.example_answer")
        problems = audit(fact.text, [s.text for s in cited], actor, chunk.language, example)
        if problems:
            result.dropped.append(
                {"chunk": chunk.id, "text": fact.text, "reason": "; ".join(problems)}
            )
            continue
        evidence = [s.id for s in cited]
        result.found.append(
            Found(SECTION_OF[fact.kind], fact.text.strip(), evidence, chunk.source_id, actor)
        )
    return result
