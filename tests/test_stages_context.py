"""`stages.context`: the background section keeps the context a reader needs, not what a
news item states already, not a bare quoted sentence, and not more than a few."""

from __future__ import annotations

from helpers import source

from briefing.lang.values import Value
from briefing.stages.context import BARE, MAX_BACKGROUND, NOTE, STATED, SURPLUS, context
from briefing.stages.found import Found
from briefing.stages.reading import Reading

PERCENT = frozenset({Value(kind="percent", number=16.5)})
YEAR = frozenset({Value(kind="date", date=(2011, 0, 0))})


def reading_of(vectors: dict[str, list[float]], values: dict[str, frozenset[Value]]) -> Reading:
    """Sentences E.S1.. and I.S1.. with the given embeddings and typed values."""
    english = source("E", "en", [f"English sentence {n}." for n in range(1, 9)])
    icelandic = source("I", "is", [f"Íslensk setning {n}." for n in range(1, 9)])
    sources = [english, icelandic]
    return Reading(
        sources=sources,
        sentences={s.id: s for src in sources for s in src.sentences},
        language={s.id: src.language for src in sources for s in src.sentences},
        vector=vectors,
        values=values,
    )


def test_background_a_news_item_states_with_its_numbers_is_dropped() -> None:
    reading = reading_of(
        {"E.S2": [1.0, 0.1], "I.S3": [1.0, 0.0]}, {"E.S2": PERCENT, "I.S3": PERCENT}
    )
    news = Found("agreements", "Iceland gets 16.5 percent.", ["E.S2"], "E")
    restated = Found("background", "16,5 prósent", ["I.S3"], "I", verified=False)

    kept, dropped = context([news, restated], reading)

    assert kept == [news]
    assert [(d["evidence"], d["reason"]) for d in dropped] == [("I.S3", STATED)]


def test_background_a_news_item_only_cites_stays() -> None:
    """heilsugaesla: the lead quotes mbl.is's and Vísir's sentences, neither with the
    opening date; it cites RÚV's lead, which has it. mbl.is' "Stefnt er að því að
    stöðin taki til starfa haustið 2027" is no fact a reader was told already."""
    reading = reading_of({"I.S2": [1.0, 0.0], "I.S4": [1.0, 0.1]}, {"I.S2": YEAR, "I.S4": YEAR})
    news = Found(
        "agreements", "Samkomulag.", ["I.S1", "I.S5", "I.S2"], "I", verified=False,
        continued=["I.S5"],
    )  # fmt: skip
    opening = Found("background", "Opnuð 2011.", ["I.S4"], "I", verified=False)

    kept, dropped = context([news, opening], reading, ("en", "is"))

    assert kept == [news, opening] and dropped == []
    shown = Found("agreements", "Samkomulag.", ["I.S2", "I.S1"], "I", verified=False)
    assert context([shown, opening], reading, ("en", "is"))[0] == [shown]


def test_background_restated_only_by_a_sentence_it_cites_stays() -> None:
    """verkfall-flugvirkja (a story of my own): mbl.is's media ban ("Ríkissáttasemjari
    hafði sett fjölmiðlabann…", no number) was linked to Vísir's quote of the mediator,
    which a position shows; the ban was dropped as restated by its own cited link."""
    reading = reading_of({"I.S2": [1.0, 0.0], "I.S4": [1.0, 0.1]}, {"I.S2": YEAR, "I.S4": YEAR})
    position = Found("positions", "Hún segir.", ["I.S2"], "I", verified=False)
    ban = Found("background", "Fjölmiðlabann.", ["I.S3", "I.S4"], "I", verified=False)

    kept, dropped = context([position, ban], reading, ("en", "is"))

    assert kept == [position, ban] and dropped == []


def test_background_sharing_a_number_but_not_the_meaning_stays() -> None:
    reading = reading_of(
        {"E.S2": [1.0, 0.0], "I.S3": [0.0, 1.0]}, {"E.S2": PERCENT, "I.S3": PERCENT}
    )
    news = Found("agreements", "Iceland gets 16.5 percent.", ["E.S2"], "E")
    other = Found("background", "16,5 prósent í fyrra", ["I.S3"], "I", verified=False)

    kept, dropped = context([news, other], reading)

    assert kept == [news, other] and dropped == []


def test_a_quoted_original_needs_a_number_or_a_second_outlet() -> None:
    reading = reading_of({}, {"I.S2": YEAR})
    bare = Found("background", "Norðmenn hafa hafnað því.", ["I.S1"], "I", verified=False)
    dated = Found("background", "Lægsta staða frá 2011.", ["I.S2"], "I", verified=False)
    reported = Found("background", "Bilið er breitt.", ["I.S4", "E.S4"], "I", verified=False)
    stated = Found("background", "Work is expected to take four years.", ["E.S5"], "E")

    kept, dropped = context([bare, dated, reported, stated], reading)

    assert kept == [dated, reported, stated]
    assert [(d["evidence"], d["reason"]) for d in dropped] == [("I.S1", BARE)]


def test_a_bare_quoted_original_whose_gloss_points_at_nothing_stays() -> None:
    """library-closure: "Á meðan verður bókabíll á ferðinni um bæinn tvisvar í viku." (a
    book bus twice a week) has no number and one outlet, but says what it says; "Norðmenn
    hafa hafnað því." ("...rejected it") points outside itself."""
    reading = reading_of({}, {})
    reading.gloss = {
        "I.S1": "Norwegians have rejected it.",
        "I.S2": "While becomes books car on the trip about the town twice in week.",
    }
    rejected = Found("background", "Norðmenn hafa hafnað því.", ["I.S1"], "I", verified=False)
    bus = Found("background", "Á meðan verður bókabíll á ferðinni.", ["I.S2"], "I", verified=False)

    kept, dropped = context([rejected, bus], reading)

    assert kept == [bus]
    assert [(d["evidence"], d["reason"]) for d in dropped] == [("I.S1", BARE)]


def test_at_most_a_few_background_items_the_most_reported_then_valued_then_earliest() -> None:
    reading = reading_of({}, {"E.S6": YEAR})
    items = [Found("background", f"Fact {n}.", [f"E.S{n}"], "E") for n in range(1, 7)] + [
        Found("background", "Reported twice.", ["E.S7", "I.S7"], "E")
    ]
    news = Found("developments", "The council voted.", ["E.S8"], "E")

    kept, dropped = context([news, *items], reading)

    assert MAX_BACKGROUND == 3
    # in their own order: the twice-reported, the one giving a year, the earliest other
    assert [k.text for k in kept] == ["The council voted.", "Fact 1.", "Fact 6.", "Reported twice."]
    assert {d["reason"] for d in dropped} == {SURPLUS} and len(dropped) == 4


def test_of_background_as_widely_reported_the_one_a_column_reads_is_kept() -> None:
    """hafis: Interfax's Russian background, no English beside it, was kept over RÚV's
    "Vegna íssins þurfti að stytta haustleiðangur…", which the Icelandic column quotes."""
    russian = source("R", "ru", [f"Русское предложение {n}." for n in range(1, 5)])
    icelandic = source("I", "is", [f"Íslensk setning {n}." for n in range(1, 5)])
    reading = Reading(
        sources=[russian, icelandic],
        sentences={s.id: s for src in (russian, icelandic) for s in src.sentences},
        language={s.id: src.language for src in (russian, icelandic) for s in src.sentences},
        values={s.id: YEAR for src in (russian, icelandic) for s in src.sentences},
    )  # each gives a year: none is a bare quoted sentence
    unread = [Found("background", f"Fact {n}.", [f"R.S{n}"], "R", verified=False) for n in (1, 2)]
    quoted = [Found("background", f"Staðreynd {n}.", [f"I.S{n}"], "I", verified=False)
              for n in (3, 4)]  # fmt: skip

    kept, _ = context([*unread, *quoted], reading, ["en", "is"], most=2)

    assert [k.evidence for k in kept] == [["I.S3"], ["I.S4"]]


def test_an_outlets_note_on_its_own_article_is_no_background() -> None:
    english = source("E", "en", ["This article was updated on Thursday with comments.", "Fact."])
    reading = Reading(
        sources=[english],
        sentences={s.id: s for s in english.sentences},
        language={s.id: "en" for s in english.sentences},
    )
    note = Found("background", english.sentences[0].text, ["E.S1"], "E")
    fact = Found("background", "Fact.", ["E.S2"], "E")

    kept, dropped = context([note, fact], reading)

    assert kept == [fact] and [(d["evidence"], d["reason"]) for d in dropped] == [("E.S1", NOTE)]
