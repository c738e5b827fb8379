"""Code selects the sentences (`stages.select`); the model phrases one sentence per call."""

from __future__ import annotations

from helpers import point, source

from briefing.core.models import Chunk, Sentence
from briefing.llm.base import Request
from briefing.llm.fake import FakeLLM, echo_answer
from briefing.prompts import PromptSet
from briefing.stages.extract import MAX_CHARS_PER_WORD, ExtractSettings, extract_chunk
from briefing.stages.select import select

LINES = [
    "Fishing talks end in Akureyri",  # a headline: no final punctuation
    "Talks ended on Friday.",  # four words and a full stop
    "Iceland will receive 16.5 percent of the catch from 2027.",
    "The weather in the north was mild and calm all week long.",
    "Einar Solheim said Norway will pay 40 million krónur for the new port.",
]


def chunk_of(sentences: list[Sentence], tokens: int) -> Chunk:
    return Chunk(id="K.C1", source_id="K", language="en", sentences=sentences, tokens=tokens)


def test_select_never_asks_a_headline_or_a_four_word_line() -> None:
    src = source("K", "en", LINES)
    asked = select(src.sentences, chunk_of(src.sentences, 10_000), None)

    ids = [s.id for s in asked]
    assert "K.S1" not in ids and "K.S2" not in ids
    assert ids  # the long sentences are candidates


def test_select_asks_sentences_with_numbers_first_within_the_budget_in_article_order() -> None:
    from briefing.stages.reading import read

    src = source("K", "en", LINES)
    reading = read([src])
    shown = src.sentences
    two = select(shown, chunk_of(shown, 70), reading)  # the smallest budget: two statements
    assert [s.id for s in two] == ["K.S3", "K.S5"]  # both numbers first, in article order
    every = select(shown, chunk_of(shown, 10_000), reading)
    assert [s.id for s in every] == ["K.S3", "K.S4", "K.S5"]  # article order, no headline


def run(lines: list[str], answer: object, max_words: int = 16) -> tuple[FakeLLM, object]:
    src = source("K", "en", lines)
    llm = FakeLLM(lambda request: answer(request) if callable(answer) else answer)
    chunk = chunk_of(src.sentences, 10_000)
    settings = ExtractSettings(max_words=max_words)
    return llm, extract_chunk(chunk, src, llm, PromptSet(), settings)


def test_one_call_per_asked_sentence_labelled_with_chunk_and_sentence() -> None:
    llm, result = run(LINES, echo_answer)

    labels = [r.label for r in llm.requests]
    # three informative sentences and room for all: each asked once, in article order
    assert labels == ["K.C1 sentence K.S3", "K.C1 sentence K.S4", "K.C1 sentence K.S5"]
    assert {r.stage for r in llm.requests} == {"extract"}
    asked = llm.requests[0].messages[-1]["content"].splitlines()[-1]
    assert asked == f"Report sentence [3]: {LINES[2]}"
    assert [f.evidence for f in result.found] == [["K.S3"], ["K.S4"], ["K.S5"]]
    assert result.found[0].text == LINES[2]  # echo restates the asked sentence


def test_a_background_point_yields_no_statement() -> None:
    def answer(request: Request) -> dict[str, str]:
        if request.label.endswith("K.S5"):
            return point("background", "none", "Norway will pay for a port.")
        return echo_answer(request)

    _, result = run(LINES, answer)

    assert [f.evidence for f in result.found] == [["K.S3"], ["K.S4"]]
    assert result.dropped == []


def test_a_text_at_the_length_cap_is_dropped_as_cut_off() -> None:
    cap = MAX_CHARS_PER_WORD * 16
    cut = ("Einar Solheim said Norway will pay 40 million krónur " * 20)[: cap - 1]
    _, result = run(LINES[4:], point("position", "Einar Solheim", cut))

    assert result.found == []
    assert result.dropped == [
        {"chunk": "K.C1", "text": cut, "reason": "cut off at the length limit"}
    ]


def test_a_position_keeps_its_listed_actor_and_none_means_no_actor() -> None:
    said = "Norway will pay 40 million krónur for the new port."
    _, result = run(LINES[4:], point("position", "Einar Solheim", said))
    assert [(f.section, f.actor, f.evidence) for f in result.found] == [
        ("positions", "Einar Solheim", ["K.S1"])
    ]
    _, result = run(LINES[4:], point("agreement", "none", said))
    assert [(f.section, f.actor) for f in result.found] == [("agreements", None)]
