"""`stages.write`: Icelandic written for an English-only fact, published only through the gate."""

from __future__ import annotations

import pytest
from stage_sources import meeting

from briefing.llm.fake import FakeLLM
from briefing.prompts import PromptSet
from briefing.stages.found import Found
from briefing.stages.localize import lines
from briefing.stages.reading import Reading
from briefing.stages.write import write

NORWAY = "Norway wants a larger share of the catch."


@pytest.fixture(scope="module")
def reading() -> Reading:
    return meeting()[0]


def written(reading: Reading, answer: str, supported: bool = True) -> tuple[list[Found], list]:
    item = Found("positions", NORWAY, ["E.S3"], "E", "Norway")
    llm = FakeLLM(lambda request: f'"{answer}"')
    return write([item], reading, ["en", "is"], llm, PromptSet(), lambda *_: supported)


def test_icelandic_that_passes_the_gate_and_the_checker_is_published_as_icelandic(
    reading: Reading,
) -> None:
    found, failed = written(reading, "Noregur vill stærri hlut af aflanum.")
    assert failed == [] and found[0].written == {"is": "Noregur vill stærri hlut af aflanum."}
    text, origin, _ = lines(NORWAY, ["E.S3"], reading, ["en", "is"], True, found[0].written)
    assert (text["is"], origin["is"]) == ("Noregur vill stærri hlut af aflanum.", "statement")


@pytest.mark.parametrize(
    ("answer", "supported", "reason"),
    [
        ("Noregur vill stærri hlutt af aflanum.", True, "unknown_word: 'hlutt'"),
        ("Noregur vill ekki stærri hlut af aflanum.", True, "negation"),
        ("Noregur vill stærri hlut af aflanum.", False, "the checker does not find it"),
    ],
)
def test_icelandic_that_fails_keeps_the_marked_fallback_and_says_why(
    reading: Reading, answer: str, supported: bool, reason: str
) -> None:
    found, failed = written(reading, answer, supported)
    assert found[0].written == {}
    assert failed[0]["text"] == answer and reason in failed[0]["reason"]
    _, origin, _ = lines(NORWAY, ["E.S3"], reading, ["en", "is"], True, found[0].written)
    assert origin["is"] == "fallback"


def test_an_item_with_an_icelandic_quote_or_no_verified_statement_is_not_written(
    reading: Reading,
) -> None:
    quoted = Found("agreements", "They agreed to share data.", ["E.S2", "I.S2"], "E")
    original = Found("positions", "gloss", ["I.S4"], "I", verified=False)
    llm = FakeLLM(lambda request: pytest.fail("no Icelandic should be asked for"))
    found, failed = write([quoted, original], reading, ["en", "is"], llm, PromptSet(), None)
    assert found == [quoted, original] and failed == []
