"""`stages.voice`: the briefing names whom it means and never speaks in an outlet's voice."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import article, point, scripted

from briefing.ingest.read import load_sources
from briefing.lang import lexicon
from briefing.llm.fake import FakeLLM
from briefing.stages.found import Found
from briefing.stages.pipeline import Options, generate
from briefing.stages.reading import Reading, read
from briefing.stages.voice import dangling, in_own_voice, voice

SUMMIT = """Summit ends without a deal

President of the United States Donald Trump and a dictator Vladimir Putin met in Anchorage.

"We had a very productive meeting. We didn't get there, but we have a very good chance," said Trump.

At the same time, the US president added: "But we have a very good chance of reaching this."

He also praised Russian business representatives and called for more trade.

In response, the dictator invited the US president to visit Moscow.

The dictator and the head of the United States did not answer questions from journalists.

Both leaders did not provide any other details.

The occupiers usually mean the demands for disarmament.

At the same time, the dictator said that Moscow was supposedly ready to work on this.

Moscow was supposedly ready to talk.

The president Zelenskyy and the president Macron were not invited.

Trump ruled out regime change in Moscow.

Both leaders agreed to meet again in Moscow.
"""


DOUBTS = """Vladimir Putin met Donald Trump in Alaska.

Putin again repeated the theses about the alleged "fundamental threats" to Russia's security.

Putin said the alleged spy had been released.
"""


@pytest.fixture(scope="module")
def summit() -> Reading:
    return read([article("A1", "en", SUMMIT)])


def sid(reading: Reading, opening: str) -> str:
    return next(s.id for s in reading.sources[0].sentences if s.text.startswith(opening))


def found(reading: Reading, opening: str, section: str = "positions", actor: str | None = None):
    sentence = reading.sentences[sid(reading, opening)]
    return Found(section, " ".join(sentence.text.split()), [sentence.id], "A1", actor)  # type: ignore[arg-type]


def test_a_dangling_opener_goes_and_the_dictator_is_named(summit: Reading) -> None:
    [kept], dropped = voice([found(summit, "In response")], summit)

    assert dropped == []
    assert kept.text == "Vladimir Putin invited Trump to visit Moscow."
    named = sid(summit, "President of the United States")
    assert kept.evidence == [sid(summit, "In response"), named]  # the sentence naming them
    assert kept.actor == "Vladimir Putin"
    assert kept.edits == [
        "removed the opening 'In response,'",
        f"named 'the US president' as 'Trump' ({named})",
        f"named 'The dictator' as 'Vladimir Putin' ({named})",
    ]


def test_the_outlets_doubt_about_reported_words_is_dropped(summit: Reading) -> None:
    [kept], _ = voice([found(summit, "At the same time, the dictator")], summit)

    assert kept.text == "Vladimir Putin said that Moscow was ready to work on this."
    assert "dropped the outlet's 'supposedly' from words it attributes" in kept.edits


def test_a_doubt_on_the_quoted_words_after_it_is_dropped_and_a_legal_term_kept() -> None:
    """ "the alleged \"threats\"" is the outlet's doubt about Putin's words; "the alleged
    spy" is the term a court case uses, and dropping it would change the fact."""
    doubts = read([article("A1", "en", DOUBTS)])
    kept, _ = voice(
        [found(doubts, "Putin again repeated"), found(doubts, "Putin said the alleged")], doubts
    )

    assert [k.text for k in kept] == [
        'Putin again repeated the theses about the "fundamental threats" to Russia\'s security.',
        "Putin said the alleged spy had been released.",
    ]
    assert "dropped the outlet's 'alleged' from words it attributes" in kept[0].edits


def test_a_doubt_in_the_briefings_own_voice_drops_the_statement(summit: Reading) -> None:
    kept, [dropped] = voice([found(summit, "Moscow was supposedly", "agreements")], summit)

    assert kept == []
    assert "'supposedly' in the briefing's own voice" in dropped["reason"]


def test_a_pronoun_is_whom_the_sentence_before_is_about(summit: Reading) -> None:
    """The line of a quotation before it is skipped; the sentence that introduces the
    quotation describes its speaker, and the articles name the description."""
    statement = found(summit, "He also praised")
    [kept], _ = voice([statement], summit)

    assert kept.text.startswith("Trump also praised Russian business representatives")
    assert sid(summit, "At the same time, the US") in kept.evidence
    assert kept.actor == "Trump"


def test_a_leaders_title_is_named_by_its_place_and_two_sides_hold_no_position(
    summit: Reading,
) -> None:
    statement = found(summit, "The dictator and the head", "open_issues")
    [kept], _ = voice([statement], summit)
    assert kept.text == "Vladimir Putin and Trump did not answer questions from journalists."

    [refiled], _ = voice([found(summit, "The dictator and the head")], summit)  # an act
    assert (refiled.section, refiled.actor) == ("developments", None)
    assert refiled.edits[-1].startswith("filed under developments")

    [withheld], _ = voice([found(summit, "Both leaders did not")], summit)  # left open
    assert (withheld.section, withheld.actor) == ("open_issues", None)

    [unheld], dropped = voice([found(summit, "Summit ends")], summit)  # a fact kept, no holder
    assert (unheld.section, unheld.actor, dropped) == ("positions", None, [])

    [agreed], _ = voice([found(summit, "Both leaders agreed")], summit)
    assert agreed.section == "agreements"


def test_a_loaded_word_code_cannot_resolve_drops_the_statement(summit: Reading) -> None:
    kept, [dropped] = voice([found(summit, "The occupiers", "agreements")], summit)

    assert kept == []
    assert "'occupiers' in the briefing's own voice" in dropped["reason"]


def test_an_epithet_before_the_name_it_is_given_is_dropped(summit: Reading) -> None:
    [kept], _ = voice([found(summit, "President of the United States", "agreements")], summit)

    assert kept.text == (
        "President of the United States Donald Trump and Vladimir Putin met in Anchorage."
    )
    assert kept.edits == ["dropped 'a dictator' before the name (A1.S2)"]


def test_what_must_not_change(summit: Reading) -> None:
    """A loaded word inside a quotation is its speaker's; "regime change" is a topic, not
    an epithet; a title two people hold names no one; "Instead of" opens its own phrase."""
    quoted = Found(
        "positions",
        'Trump said: "The dictator wants a deal, and I will call him."',
        [sid(summit, "In response")],
        "A1",
        "Donald Trump",
    )
    topic = found(summit, "Trump ruled out regime change", "positions", "Donald Trump")
    two = found(summit, "The president Zelenskyy", "open_issues")
    kept, dropped = voice([quoted, topic, two], summit)

    assert dropped == []
    assert kept == [quoted, topic, two]
    assert in_own_voice(quoted.text) == []
    assert lexicon.loaded_words("Trump ruled out regime change.", "en") == []
    assert dangling("Instead of a deal, they agreed to meet again.") is None
    assert dangling("Then the talks ended.") == "Then"


def test_an_edited_statement_is_checked_again_by_code(summit: Reading) -> None:
    """Removing the opener is not enough: the edited statement still needs its cited
    sentence to give its names, numbers and words."""
    invented = Found(
        "agreements", "In response, Oslo hosted 40 delegates.", [sid(summit, "In response")], "A1"
    )
    kept, [dropped] = voice([invented], summit)

    assert kept == []
    assert dropped["reason"].startswith("edited (removed the opening 'In response,')")
    assert "is not in the cited sentences" in dropped["reason"]


def test_the_briefing_says_it_in_its_own_voice_with_the_edits_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "summit"
    folder.mkdir()
    (folder / "summit-en.txt").write_text(SUMMIT, encoding="utf-8")
    sources = load_sources([folder])
    ids = {s.text.split()[0] + s.text.split()[1]: s.id for s in sources[0].sentences}
    extracts = {
        ids["Inresponse,"]: point("position", "none", "Putin invited Trump to Moscow."),
        ids["Theoccupiers"]: point("agreement", "none", "The occupiers mean disarmament."),
    }
    briefing = generate(sources, FakeLLM(scripted(extracts)), Options(chunk_tokens=30))

    # Trump's quoted lines are his positions whatever their label (stages.extract)
    [position] = [p for p in briefing.positions if "Putin" in (p.actor or "")]
    assert position.text["en"] == "Vladimir Putin invited Trump to visit Moscow."
    assert position.actor == "Vladimir Putin"
    assert position.edits[0] == "removed the opening 'In response,'"
    reasons = [d["reason"] for d in briefing.dropped]
    assert any("'occupiers' in the briefing's own voice" in r for r in reasons)


def test_a_speakers_words_said_as_the_briefings_own_are_quoted_as_theirs() -> None:
    """'"This is a fair outcome for both sides," Gorst said.' stated as "This is a fair
    outcome for both sides." would be the briefing's judgement."""
    reading = read(
        [
            article(
                "J",
                "en",
                "Jersey's minister, Ian Gorst, announced the deal. "
                '"This is a fair outcome for both sides," Gorst said.',
            )
        ]
    )
    said = Found("positions", "This is a fair outcome for both sides.", ["J.S2"], "J")
    [kept], _ = voice([said], reading)
    assert kept.text == 'Gorst said: "This is a fair outcome for both sides."'
    assert kept.edits == ["quoted as Gorst's words"]
    reported = Found("positions", "Gorst called the outcome fair.", ["J.S2"], "J", "Ian Gorst")
    assert voice([reported], reading)[0] == [reported]  # his words reported, not repeated


def test_words_the_statement_gives_to_a_pronoun_alone_are_named_as_whose() -> None:
    """fangar: '"I come here every time. Maybe next time," she said.' was stated "Maybe
    next time, she said." under Oksana Hrytsenko: her words as the briefing's, given to a
    "she" no line names. Her words are quoted as hers; a report of them is named."""
    reading = read(
        [
            article(
                "R",
                "en",
                "Oksana Hrytsenko, whose son was captured in 2022, said she had not heard "
                'from him. "I come here every time. Maybe next time," she said.',
            )
        ]
    )
    line = Found(
        "positions", "Maybe next time, she said.", ["R.S3", "R.S1"], "R", "Oksana Hrytsenko"
    )
    reported = Found(
        "positions", "Next time maybe, she said.", ["R.S3", "R.S1"], "R", "Oksana Hrytsenko"
    )
    [quoted, named], _ = voice([line, reported], reading)
    assert quoted.text == 'Oksana Hrytsenko said: "Maybe next time."'
    assert named.text.endswith(", Oksana Hrytsenko said.") and "named 'she said'" in named.edits[-1]
    inverted = Found(
        "positions", "Next time maybe, said she.", ["R.S3", "R.S1"], "R", "Oksana Hrytsenko"
    )
    assert voice([inverted], reading)[0][0].text == "Next time maybe, said Oksana Hrytsenko."
    nobody = Found("positions", "Maybe next time, she said.", ["R.S3"], "R")
    assert voice([nobody], reading)[0] == []


def test_a_loaded_word_the_statement_attributes_is_not_its_own_voice() -> None:
    """ "what it called the Kyiv regime" gives the word as the ministry's; said plainly it
    is the briefing's."""
    attributed = (
        "Russia's Defence Ministry said 150 servicemen had been returned from territory "
        "controlled by what it called the Kyiv regime."
    )
    assert in_own_voice(attributed) == []
    assert in_own_voice("The servicemen were returned by the Kyiv regime.") == ["regime"]
    assert in_own_voice("It said what it called the talks would go on under the regime.") == [
        "regime"
    ]
    assert in_own_voice("Moscow dubbed it a regime.") == []


def test_a_conjunction_opening_a_statement_dangles_before_any_word() -> None:
    """The model's "But maybe next time, she said." for "Maybe next time," she said."""
    assert dangling("But maybe next time, she said.") == "But"
    assert dangling("And, of course, he left.") == "And,"
    assert dangling("Butler said no.") is None
    assert dangling("Andrew Smith said no.") is None


def test_the_outlets_judgement_of_a_scene_is_quoted_as_its_word() -> None:
    """eldgos: Reuters' "Travellers faced chaos at the terminal" was published as the
    briefing's own; the word is put in quotation marks, the line otherwise as written."""
    scene = read([article("A1", "en", "Travellers faced chaos at the terminal on Thursday.")])
    [kept], dropped = voice([found(scene, "Travellers faced")], scene)

    assert dropped == []
    assert kept.text == 'Travellers faced "chaos" at the terminal on Thursday.'
    assert "quoted the outlet's 'chaos' as its word" in kept.edits


def test_the_outlets_word_for_a_measure_is_quoted_as_its_word() -> None:
    """flugvollur: Reuters' "The controversial deal puts the airspace…" was published in
    the briefing's own voice; the outlet's judgement of the deal is its word."""
    deal = read([article("A1", "en", "The controversial deal puts the airspace in other hands.")])
    [kept], dropped = voice([found(deal, "The controversial")], deal)

    assert dropped == []
    assert kept.text == 'The "controversial" deal puts the airspace in other hands.'
    # fiskeldi: Reuters' "The embattled industry, largely owned by Norwegian groups…"
    farms = read([article("A1", "en", "The embattled industry has grown rapidly.")])
    [kept], _ = voice([found(farms, "The embattled")], farms)
    assert kept.text == 'The "embattled" industry has grown rapidly.'
    # brimbrjotur: Reuters' "The costly project is the largest harbour investment…"
    port = read([article("A1", "en", "The costly project is the largest investment.")])
    [kept], _ = voice([found(port, "The costly")], port)
    assert kept.text == 'The "costly" project is the largest investment.'


def test_a_title_two_people_hold_is_named_as_the_holder_code_found() -> None:
    """flugvollur: "The minister said…" was named as the foreign minister, the one
    minister the appositive pattern saw; the infrastructure minister's title is set off by
    a comma. Two fit: the holder code found (`stages.holders`) decides, and without one
    the title is left as written."""
    text = (
        "Iceland's Foreign Minister Svala Bjork Jonsdottir and Greenland's minister for"
        " infrastructure, Malik Heilmann, signed the agreement.\n\n"
        '"This gives Greenland a reliable service," Heilmann told reporters.\n\n'
        "The minister said Greenland aimed to run the service itself."
    )
    deal = read([article("A1", "en", text)])
    [kept], _ = voice([found(deal, "The minister", actor="Malik Heilmann")], deal)
    assert kept.text == "Heilmann said Greenland aimed to run the service itself."
    [unheld], _ = voice([found(deal, "The minister")], deal)
    assert unheld.text.startswith("The minister said")


def test_a_title_set_off_before_its_name_is_named_already() -> None:
    """saestrengur: "The energy secretary, Helen Carver, and …" became "Carver, Helen
    Carver, and …" once a title set off by a comma read as an appositive."""
    text = (
        "The energy secretary, Helen Carver, and Iceland's minister of energy, Jóhann Páll"
        " Jóhannsson, signed the deal in Reykjavík."
    )
    deal = read([article("A1", "en", text)])
    [kept], _ = voice([found(deal, "The energy secretary")], deal)
    assert kept.text == " ".join(text.split())
