"""`stages.build.assemble`: each item in its section, as a reader takes them."""

from __future__ import annotations

from helpers import article

from briefing.stages.build import assemble
from briefing.stages.found import Found
from briefing.stages.reading import read


def test_one_actors_positions_stand_together_where_the_first_of_them_stands() -> None:
    """snjoflod (a story of my own): the mayor's three statements, one per outlet, were
    shown between the Met Office's and the police's."""
    reading = read([
        article("A", "is", (
            "Þórdís Hrund segir að bærinn hafi gert allt. Kristín segir að flóð geti fallið."
        )),
        article("B", "is", "Þórdís Hrund sagði að rýmingin væri varúðarráðstöfun."),
    ])  # fmt: skip

    def said(sid: str, actor: str) -> Found:
        return Found("positions", "gloss", [sid], sid[0], actor, verified=False)

    found = [said("A.S1", "Þórdís Hrund"), said("A.S2", "Kristín"), said("B.S1", "Thordis Hrund")]
    briefing = assemble(reading, found, [], ["en", "is"], [])

    assert [i.evidence[0] for i in briefing.positions] == ["A.S1", "B.S1", "A.S2"]
    # hrafnaskard: one spelling of her name, though one label came without accents
    assert [i.actor for i in briefing.positions] == ["Þórdís Hrund", "Þórdís Hrund", "Kristín"]
