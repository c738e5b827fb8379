"""Two outlets' quotes alike in form are one fact only when code reads one speaker."""

from __future__ import annotations

from helpers import article

from briefing.stages.align import Link
from briefing.stages.reading import read
from briefing.stages.speakers import one_speaker, who

UNION = (
    "Hrafnhildur Sæmundsdóttir, formaður félagsins, sagði að félagsmenn hefðu samþykkt "
    "samninginn. „Við viljum ekki að farþegar gjaldi fyrir þessa deilu,“ sagði hún. "
    "Fundurinn stóð í nítján klukkustundir."
)
MINISTER = (
    "Elín Rós Hjaltadóttir innviðaráðherra sagði að ríkisstjórnin myndi ekki setja lög. "
    "„Við treystum aðilum til að klára þetta,“ sagði ráðherrann. "
    "Hrafnhildur Sæmundsdóttir sagði að félagsmenn hefðu samþykkt samninginn."
)


def test_a_link_between_two_speakers_quotes_is_cut_and_one_speakers_kept() -> None:
    reading = read([article("A1", "is", UNION), article("A2", "is", MINISTER)])
    assert who("A1.S2", reading) == "Hrafnhildur Sæmundsdóttir"
    assert who("A2.S2", reading) == "Elín Rós Hjaltadóttir"

    apart, together = Link("A1.S2", "A2.S2", 0.87), Link("A1.S1", "A2.S3", 0.93)
    unheld = Link("A1.S3", "A2.S1", 0.81)  # no one holds A1.S3: code cannot tell them apart
    assert who("A1.S3", reading) is None
    assert one_speaker([apart, together, unheld], reading) == [together, unheld]
