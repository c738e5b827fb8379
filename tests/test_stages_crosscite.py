"""`stages.crosscite`: a verified statement gains the other language's sentence that states
it, only when the support checker confirms it."""

from __future__ import annotations

import pytest
from stage_sources import meeting

from briefing.stages.crosscite import candidates, cross_cite
from briefing.stages.found import Found
from briefing.stages.verify import Verdict


@pytest.fixture(scope="module")
def reading():
    return meeting()[0]


def invited() -> Found:
    return Found("positions", "Putin invited Trump to visit Moscow.", ["E.S5"], "E", "Putin")


def test_a_confirmed_icelandic_sentence_joins_the_evidence(reading) -> None:
    asked: list[tuple[str, list[str]]] = []

    def check(statement: str, evidence: list[str]) -> Verdict:
        asked.append((statement, evidence))
        return Verdict(0.9, True)

    [item] = cross_cite([invited()], reading, check, None)
    assert item.evidence == ["E.S5", "I.S4"]
    assert asked == [("Putin invited Trump to visit Moscow.", ["I.S4"])]


def test_nothing_is_added_when_the_checker_says_no_or_there_is_none(reading) -> None:
    assert cross_cite([invited()], reading, lambda s, e: Verdict(0.2, False), None) == [invited()]
    assert cross_cite([invited()], reading, None, None) == [invited()]


def test_a_sentence_with_a_different_number_is_never_a_candidate(reading) -> None:
    six = Found("agreements", "The ministers met for six hours in Bergen.", ["E.S1"], "E")
    assert "I.S1" not in candidates(six, reading, {"en"})


def test_a_statement_cited_in_two_languages_is_left_alone(reading) -> None:
    both = Found("agreements", "They agreed to share research data.", ["E.S2", "I.S2"], "E")
    assert cross_cite([both], reading, lambda s, e: pytest.fail("no check needed"), None) == [both]


def test_a_model_that_reads_no_icelandic_is_not_asked_of_an_icelandic_sentence(reading) -> None:
    never = lambda s, e: pytest.fail("asked of a language it does not read")  # noqa: E731
    assert cross_cite([invited()], reading, never, frozenset({"en"})) == [invited()]
    [item] = cross_cite(
        [invited()], reading, lambda s, e: Verdict(0.9, True), frozenset({"en", "is"})
    )
    assert item.evidence == ["E.S5", "I.S4"]
