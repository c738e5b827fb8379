"""What the briefing opens with, chosen by code from its own items: the news the most
outlets open their articles with, then the most outlets report, among what happened, what
was agreed and what is still open (ties to the news the outlets tell earlier, as news is
written top down, then to the earlier section), then the most reported item of the other
kind (a development after an outcome, an outcome after a development) where two or more
outlets report it or the briefing has one outlet, and it reads in one of the briefing's
languages where the first does (not Le Monde's sentence, marked, after an English lead).
Where the outlets open with a position instead, as many of them reporting it (an
announcement: "HS Orka said on Monday that it will expand its plant"), it leads, and that
news follows where two outlets report it. The lead repeats items, each in every language
by the items' own rules (quoted, verified, or marked), so it says nothing the items do
not. Where the outlets open with one piece of news and give it different values, that
disagreement leads (`_opening_conflict`)."""

from __future__ import annotations

from briefing.core.ids import opened_by, outlets, told_at
from briefing.core.models import Briefing, Item

HAPPENED = ("developments",)
OUTCOMES = ("agreements", "open_issues")
SAID = ("positions",)


def lead(briefing: Briefing) -> list[str]:
    """Keys (`agreements[1]`: 1-based, as the eval's claim ids) of the lead's items."""
    first = _best(briefing, HAPPENED + OUTCOMES)
    said = _opening_position(briefing)
    opening = _opening_conflict(briefing)
    if opening is not None and all(
        told_at(opening[1].evidence) <= told_at(other[1].evidence)
        for other in (first, said)
        if other is not None
    ):
        return [opening[0]] + ([first[0]] if first is not None else [])
    if first is None:
        return []
    if said is not None and _before(said[1], first[1]):
        return [said[0], first[0]] if outlets(first[1].evidence) >= 2 else [said[0]]
    other = _best(briefing, OUTCOMES if first[0].startswith(HAPPENED) else HAPPENED)
    one_outlet = len(briefing.sources) == 1
    if other is None or (outlets(other[1].evidence) < 2 and not one_outlet):
        return [first[0]]
    if not _readable(other[1]) and _readable(first[1]):
        return [first[0]]  # a marked original in no column's language adds no lead
    return [first[0], other[0]]


def _opening_conflict(briefing: Briefing) -> tuple[str, Item] | None:
    """The disagreement every outlet of which tells it among its opening sentences
    (`core.ids.opened_by`), the earliest told of such: the news the outlets open with,
    told with a different value ("45 new fishing licences" against "40 nouvelles
    licences"; Reuters' and Handelsblatt's 55 megawatts, in the first and the second
    sentence, against RÚV's and mbl.is's 50). It leads where the outlets tell no news
    item and no position earlier (svartsengi's 30 against 35 megawatts, told third, does
    not lead HS Orka's announcement, told second), both sides worded as they stand, since
    the sections show it nowhere else."""
    opening = [
        (f"disagreements[{n}]", item)
        for n, item in enumerate(briefing.disagreements, start=1)
        if outlets(item.evidence) >= 2 and opened_by(item.evidence) == outlets(item.evidence)
    ]
    return min(opening, key=lambda k: told_at(k[1].evidence)) if opening else None


def _opening_position(briefing: Briefing) -> tuple[str, Item] | None:
    """The position two or more outlets report that they tell earliest: the one an
    opening announcement would be ("A volcanic eruption … forced the cancellation of 40
    flights, airport operator Isavia said", the first sentence of two reports), not a
    later statement more outlets repeat (the airport chief's words on the ash plume, told
    second to fifth); with none so shared, the most reported."""
    shared = [
        (f"positions[{n}]", item)
        for n, item in enumerate(briefing.positions, start=1)
        if outlets(item.evidence) >= 2
    ]
    if not shared:
        return _best(briefing, SAID)
    return min(shared, key=lambda k: (told_at(k[1].evidence), -outlets(k[1].evidence)))


def _before(said: Item, news: Item) -> bool:
    """A position leads where its outlets tell it before the news and as many report it,
    or more outlets open with it: their opening is an announcement ("HS Orka said on
    Monday that it will expand its plant"; eldgos' eruption that cancelled 40 flights,
    "Isavia said", the opening of two reports, beside what is still open, which all
    three tell further down), and what happened or is open then is told further down."""
    shared = outlets(said.evidence) >= outlets(news.evidence)
    return (shared or _opened(said) > _opened(news)) and (
        told_at(said.evidence) < told_at(news.evidence)
    )


def _readable(item: Item) -> int:
    """In how many languages the item's line is that language: a verified statement or a
    quote, not an original marked with its language ("[ru] Переговоры ...")."""
    return sum(1 for origin in item.origin.values() if origin.startswith(("statement", "quote")))


def _opened(item: Item) -> int:
    """How many outlets open with the item, where two or more do: one outlet's opening
    is that outlet's choice, not the story's news."""
    opening = opened_by(item.evidence)
    return opening if opening >= 2 else 0


def _best(briefing: Briefing, sections: tuple[str, ...]) -> tuple[str, Item] | None:
    """The key and item of `sections` the most outlets open with (`_opened`: "Norway and
    Poland have signed a ten-year agreement", not "The price was not disclosed", which
    three outlets tell further down), then the most outlets report, of those the one
    readable in the most of the briefing's languages (no Russian quote opens an English
    and Icelandic briefing where an English statement tells as much), then the one the
    outlets tell earliest (max keeps the first)."""
    keyed = [
        (f"{section}[{n}]", item)
        for section in sections
        for n, item in enumerate(getattr(briefing, section), start=1)
    ]
    if not keyed:
        return None
    return max(
        keyed,
        key=lambda k: (
            _opened(k[1]),
            outlets(k[1].evidence),
            _readable(k[1]),
            -told_at(k[1].evidence),
        ),
    )
