"""The background section: the context the news stands in, kept short.

A sentence the kind classifier reads as background ("The reservoir is at 38 percent of
its capacity, the lowest level since 2011.", "Þetta er í fyrsta sinn í tæp tíu ár sem
Pútín kemur til Bandaríkjanna") used to be dropped, and with it a fact a reader needs to
weigh the news. Such sentences are now items of their own section, as their outlets
wrote them (`extract`: an English one that stands on its own; another language's quoted
by `originals`), and code keeps the few a reader most needs:

- not an outlet's note on its own article ("This article was updated on Thursday…",
  `lexicon.outlet_note`);
- not one a news item already states: another outlet's report of it, with its numbers,
  meaning nearly the same (`merge.RESTATES`): the labels of two reports of one fact can
  differ ("Samið var um að hlutur Íslands yrði 16,5 prósent" beside the agreement). Only
  a sentence the item shows in a column counts, not one it only cites: "Stefnt er að því
  að stöðin taki til starfa haustið 2027" is no restatement of an item quoting another
  outlet's lead without the date, though that item cites RÚV's lead with it;
- a quoted original only where it gives a number or a date, or two outlets report it,
  or its English gloss has no pronoun: out of its article a bare sentence often points
  outside itself ("Norðmenn hafa hingað til hafnað því.": "...reject it"), which no code
  check of an unverified line can see;
- at most `MAX_BACKGROUND`: those the most outlets report, then those a column can read,
  then those giving a number or a date, then those told earliest.

The rest go to `dropped`, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.core.ids import outlets, told_at
from briefing.core.languages import PIVOT
from briefing.lang.lexicon import outlet_note, subject_pronouns
from briefing.stages.found import Found
from briefing.stages.merge import RESTATES
from briefing.stages.reading import Reading

MAX_BACKGROUND = 3
_POINTER = re.compile(rf"\b(?:{subject_pronouns(PIVOT, demonstrative=True)})\b", re.IGNORECASE)
STATED = "background a news item already states"
NOTE = "the outlet's note on its own article, no fact of the story"
BARE = "background quoted alone, with no number or date to anchor it"
SURPLUS = f"background beyond the {MAX_BACKGROUND} a reader most needs"


def context(
    items: list[Found],
    reading: Reading,
    languages: Sequence[str] = (PIVOT,),
    most: int = MAX_BACKGROUND,
) -> tuple[list[Found], list[dict[str, str]]]:
    """`items` with the background a reader needs (in their order), and the dropped;
    `languages`: the briefing's columns, whose shown lines count as stating a fact."""
    news = [item for item in items if item.section != "background"]
    reasons: dict[int, str] = {}
    for item in items:
        if item.section != "background":
            continue
        first = item.evidence[0]
        if outlet_note(reading.sentences[first].text, reading.language[first]):
            reasons[id(item)] = NOTE
        elif any(_restates(item, other, reading, languages) for other in news):
            reasons[id(item)] = STATED
        elif (
            not item.verified
            and not _valued(item, reading)
            and outlets(item.evidence) < 2
            and _points_away(item, reading)
        ):
            reasons[id(item)] = BARE
    left = [i for i in items if i.section == "background" and id(i) not in reasons]
    for item in sorted(left, key=lambda item: _need(item, reading, languages))[most:]:
        reasons[id(item)] = SURPLUS
    dropped = [
        {"evidence": item.evidence[0], "text": item.text, "reason": reasons[id(item)]}
        for item in items
        if id(item) in reasons
    ]
    return [item for item in items if id(item) not in reasons], dropped


def _restates(item: Found, news: Found, reading: Reading, languages: Sequence[str]) -> bool:
    """A sentence `news` shows gives every number and date of one `item` shows and means
    nearly the same. Not one it only cites: a link joined "Ríkissáttasemjari segir að það
    hafi ráðið úrslitum…" (a position shown) to "Ríkissáttasemjari hafði sett
    fjölmiðlabann…" (the media ban, background), which was dropped as restated."""
    return any(
        reading.values.get(x)
        and reading.values[x] <= reading.values.get(y, frozenset())
        and x in reading.vector
        and y in reading.vector
        and reading.similarity(x, y) >= RESTATES
        for x in _shown(item, reading, languages)
        for y in _shown(news, reading, languages)
    )


def _shown(item: Found, reading: Reading, languages: Sequence[str]) -> set[str]:
    """The sentences whose words a reader sees in some column (`localize.lines`): the
    first cited and those it continues with, and each column's first cited sentence of
    its own language; the rest of the evidence is only cited."""
    shown = {item.evidence[0], *item.continued}
    for lang in languages:
        shown.update(next(([e] for e in item.evidence if reading.language[e] == lang), []))
    return shown


def _points_away(item: Found, reading: Reading) -> bool:
    """The quoted sentence may point outside itself: its English gloss has a pronoun
    ("Norðmenn hafa hingað til hafnað því": "...reject it"), or it has no gloss code could
    read (German, French, Russian). "Á meðan verður bókabíll á ferðinni um bæinn tvisvar í
    viku" (a book bus twice a week) says what it says."""
    english = reading.gloss.get(item.evidence[0])
    return english is None or bool(_POINTER.search(english))


def _valued(item: Found, reading: Reading) -> bool:
    return any(reading.values.get(e) for e in item.evidence)


def _need(item: Found, reading: Reading, languages: Sequence[str]) -> tuple[int, ...]:
    """How much a reader needs an item, as a sort key: reported by more outlets, readable
    in a column (a verified line, or a sentence of a column's language or with a gloss:
    RÚV's "Vegna íssins þurfti að stytta haustleiðangur…" before Interfax's Russian with
    no English beside it), giving a number or a date, told earlier in its articles."""
    first = item.evidence[0]
    readable = item.verified or reading.language[first] in languages or first in reading.gloss
    return (
        -outlets(item.evidence),
        -int(readable),
        -int(_valued(item, reading)),
        told_at(item.evidence),
    )
