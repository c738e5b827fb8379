"""Which sentences the model is not asked about: one per fact across the articles."""

from __future__ import annotations

from helpers import source

from briefing.lang.values import values
from briefing.stages.align import Link
from briefing.stages.build import covered
from briefing.stages.reading import Reading


def _reading(*sources_) -> Reading:
    reading = Reading(sources=list(sources_))
    for src in sources_:
        for s in src.sentences:
            reading.sentences[s.id] = s
            reading.language[s.id] = src.language
            reading.values[s.id] = frozenset(values(s.text, src.language))
    return reading


def test_a_fact_three_icelandic_outlets_report_is_asked_once() -> None:
    reading = _reading(
        source("A1", "is", ["Alls var 214 flugferðum aflýst.", "Fundurinn stóð lengi."]),
        source("A2", "is", ["Isavia segir að 214 flugferðum hafi verið aflýst."]),
        source("A3", "is", ["Að sögn Isavia var 214 flugferðum aflýst."]),
    )
    same = [Link("A1.S1", "A2.S1", 0.9), Link("A1.S1", "A3.S1", 0.9), Link("A2.S1", "A3.S1", 0.9)]

    assert covered(reading, same) == {"A2.S1", "A3.S1"}


def test_the_english_sentence_is_read_and_a_different_number_is_asked_again() -> None:
    reading = _reading(
        source("A1", "is", ["Kostnaðurinn er 45 milljónir.", "Alls var 214 flugferðum aflýst."]),
        source("A2", "en", ["The cost is 40 million.", "In all 214 flights were cancelled."]),
        source("A3", "en", ["Some 214 flights were cancelled in all."]),
    )
    same = [
        Link("A1.S1", "A2.S1", 0.9),  # 45 against 40: each side is asked
        Link("A1.S2", "A2.S2", 0.9),
        Link("A2.S2", "A3.S1", 0.9),
    ]

    assert covered(reading, same) == {"A1.S2", "A3.S1"}
