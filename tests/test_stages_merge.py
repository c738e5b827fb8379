"""`stages.merge`, in code: duplicates fold, linked sentences corroborate, and linked
sentences that give different numbers are a disagreement."""

from __future__ import annotations

import pytest
from stage_sources import meeting

from briefing.stages.align import Link
from briefing.stages.extract import Found
from briefing.stages.merge import merge
from briefing.stages.reading import Reading


@pytest.fixture(scope="module")
def read_meeting() -> tuple[Reading, list[Link], list[Link]]:
    return meeting()


SHARE = "They agreed to share research data on the mackerel stock."


def test_a_linked_icelandic_sentence_corroborates_the_statement(read_meeting) -> None:
    reading, same, near = read_meeting
    [item], conflicts = merge([Found("agreements", SHARE, ["E.S2"], "E")], reading, same, near)

    assert item.evidence == ["E.S2", "I.S2"] and conflicts == []


def test_only_the_sentence_a_statement_states_brings_its_links(read_meeting) -> None:
    reading, same, near = read_meeting
    # E.S3 comes second, as a sentence naming a speaker would: its link is not evidence
    found = Found("positions", "Norway wants a larger share of the catch.", ["E.S3", "E.S2"], "E")
    [item], _ = merge([found], reading, same, near)

    assert "I.S2" not in item.evidence


def test_a_linked_sentence_with_a_different_number_does_not_corroborate(read_meeting) -> None:
    reading, same, near = read_meeting
    six = Found("agreements", "The ministers met for six hours in Bergen.", ["E.S1"], "E")
    [item], _ = merge([six], reading, same, near)

    assert item.evidence == ["E.S1"]


def test_duplicates_fold_into_one_item_with_all_their_evidence(read_meeting) -> None:
    reading, same, near = read_meeting
    found = [
        Found("agreements", "They agreed to share the mackerel research data.", ["I.S2"], "I"),
        Found("agreements", SHARE, ["E.S2"], "E"),
        Found("positions", "Norway wants a larger share of the catch.", ["E.S3"], "E", "Norway"),
        Found("positions", "Norway wants a larger share of the catch.", ["E.S3"], "E", "Norway"),
    ]
    merged, conflicts = merge(found, reading, same, near)

    # English statements come first; the Icelandic one folds into the English one
    assert [(m.text, m.evidence) for m in merged] == [
        (SHARE, ["E.S2", "I.S2"]),
        ("Norway wants a larger share of the catch.", ["E.S3"]),
    ]
    assert conflicts == []


def test_different_sections_or_actors_do_not_fold(read_meeting) -> None:
    reading, same, near = read_meeting
    found = [
        Found("positions", "Norway wants a larger share of the catch.", ["E.S3"], "E", "Norway"),
        Found("open_issues", "Norway wants a larger share of the catch.", ["E.S3"], "E"),
    ]
    merged, _ = merge(found, reading, same, near)
    assert len(merged) == 2


def test_a_disagreement_between_the_outlets_is_found(read_meeting) -> None:
    reading, same, near = read_meeting
    found = [
        Found("agreements", "The ministers met for five hours in Bergen.", ["I.S1"], "I"),
        Found("agreements", "The ministers met for six hours in Bergen.", ["E.S1"], "E"),
    ]
    merged, [conflict] = merge(found, reading, same, near)

    assert [m.evidence for m in merged] == [["E.S1"], ["I.S1"]]  # same words, other numbers
    assert (merged[conflict.first].source_id, merged[conflict.second].source_id) == ("E", "I")


def test_no_disagreement_without_a_statement_from_each_side(read_meeting) -> None:
    reading, same, near = read_meeting
    found = [Found("agreements", "The ministers met for six hours in Bergen.", ["E.S1"], "E")]
    assert merge(found, reading, same, near)[1] == []
