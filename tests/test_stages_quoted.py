"""`stages.quoted`: a line of a quotation is published as its speaker's words only where
code finds the speaker, in the line's own article or in a linked report of the same words."""

from __future__ import annotations

import pytest
from helpers import article
from stage_sources import pass_reports

from briefing.stages.align import SAME, Link, links
from briefing.stages.found import Found
from briefing.stages.merge import merge
from briefing.stages.quoted import Quote, quotes, said
from briefing.stages.reading import Reading, read
from briefing.stages.verify import Verdict, verify

CLOSED = (
    "Harbour talks in Tromsø ended late on Tuesday.\n\n"
    '"The port will stay open all winter. We will hire forty new crane drivers by March. '
    'Most of them will come from the north," Einar Solheim said.\n\n'
    'Solheim told reporters: "The ferry to Bodø runs twice a day from April. '
    'Nobody at the port will lose a job."\n\n'
    '"Nothing has been decided about the night shifts at the container terminal," '
    "said the harbour master."
)
# The Icelandic report names the speaker the English one leaves unnamed.
ICELANDIC = (
    "Hafnarviðræðum í Tromsø lauk seint á þriðjudag.\n\n"
    "„Ekkert hefur verið ákveðið um næturvaktirnar á gámahöfninni,“ sagði Kari Berg "
    "hafnarstjóri."
)


@pytest.fixture(scope="module")
def harbour() -> Reading:
    return read([article("E", "en", CLOSED), article("I", "is", ICELANDIC)])


def by_text(reading: Reading, found: dict[str, Quote]) -> dict[str, Quote]:
    return {reading.sentences[sid].text.strip(): q for sid, q in found.items()}


def test_a_line_gets_the_speaker_named_where_its_quotation_closes_or_opens(harbour) -> None:
    found = by_text(harbour, quotes(harbour, []))

    crane = found["We will hire forty new crane drivers by March."]
    assert crane.speaker == "Einar Solheim"  # as the attribution names him
    assert crane.statement == 'Einar Solheim said: "We will hire forty new crane drivers by March."'
    assert crane.evidence == ("E.S3", "E.S4")  # the line, then the sentence naming him
    # the sentence that opens the quotation holds its attribution: the model phrases it
    assert not [t for t in found if "ferry" in t]
    jobs = found['Nobody at the port will lose a job."']
    assert (jobs.speaker, jobs.evidence) == ("Solheim", ("E.S6", "E.S5"))  # as named there


def test_a_line_that_points_outside_itself_or_names_no_one_is_not_published(harbour) -> None:
    found = by_text(harbour, quotes(harbour, []))
    texts = " ".join(found)
    assert "Most of them" not in texts  # "them" points back at the line before
    assert "The port will stay open" in texts


def test_a_plural_pronoun_whose_noun_the_line_gives_points_nowhere() -> None:
    """fiskeldi: '"Wild salmon are part of our natural heritage, and we cannot allow them
    to be put at risk again," she said.' was left to the model, whose "She said that…
    our…" was dropped; "them" is the salmon. "The final decision is up to them." still
    points away."""
    from briefing.stages.quoted import _points_away

    assert not _points_away(
        "Wild salmon are part of our natural heritage, and we cannot allow them to be put "
        "at risk again."
    )
    assert _points_away("The final decision is up to them.")
    assert _points_away("Most of them were morning flights.")
    assert _points_away("Prices are high and it will rise.")  # "it": not a plural's


def test_a_sentence_closing_a_quotation_is_said_by_whom_its_attribution_names_or_describes(
    harbour,
) -> None:
    found = quotes(harbour, [])
    # '..., said the harbour master.': no name, so no actor, but who said it is written
    master = found["E.S7"]
    assert master.statement == (
        'The harbour master said: "Nothing has been decided about the night shifts at the '
        'container terminal."'
    )
    assert (master.speaker, master.evidence) == (None, ("E.S7",))
    # '..., Einar Solheim said.' after a line that points back ("Most of them"): not said
    assert "E.S4" not in found


def test_a_linked_report_that_names_the_speaker_names_the_line(harbour) -> None:
    english = next(s.id for s in harbour.sources[0].sentences if "night shifts" in s.text)
    icelandic = next(s.id for s in harbour.sources[1].sentences if "Kari Berg" in s.text)
    # the report that names the harbour master names her in the closing sentence too
    named = quotes(harbour, [Link(english, icelandic, 0.9)])[english]
    assert (named.speaker, named.evidence) == ("Kari Berg", (english, icelandic))

    text = (
        '"Nothing has been decided about the night shifts at the container terminal. '
        'The talks go on next week," said the harbour master.'
    )
    reading = read([article("E", "en", text), article("I", "is", ICELANDIC)])
    found = quotes(reading, [Link("E.S1", "I.S2", 0.9)])
    assert found["E.S1"].speaker == "Kari Berg"
    assert found["E.S1"].evidence == ("E.S1", "I.S2")
    # one quotation is one speaker's: its other line, only described ("said the harbour
    # master"), is hers too, cited with the sentence naming her (grimsey-ferry)
    other = found["E.S2"]
    assert (other.speaker, other.evidence) == ("Kari Berg", ("E.S2", "I.S2"))
    assert other.statement == 'Kari Berg said: "The talks go on next week."'
    alone = quotes(reading, [])  # without the link the line names no one
    assert "E.S1" not in alone and alone["E.S2"].statement.startswith("The harbour master")


def test_a_quote_statement_needs_no_checker_and_a_speakerless_line_still_fails(harbour) -> None:
    line = harbour.sentences["E.S3"].text
    statement = said("Einar Solheim", line)
    asked: list[str] = []

    def checker(text: str, evidence: list[str]) -> Verdict:
        asked.append(text)
        return Verdict(0.0, False, "no")

    quote = Found("positions", statement, ["E.S3", "E.S4"], "E", "Einar Solheim")
    [kept], dropped = verify([quote], harbour, [], checker)
    assert (kept.text, asked, dropped) == (statement, [], [])
    # the same words said by someone the cited sentences do not name: checked, and dropped
    other = Found("positions", said("Kari Berg", line), ["E.S3", "E.S4"], "E", "Kari Berg")
    kept, [gone] = verify([other], harbour, [], checker)
    assert kept == [] and "Kari Berg" in gone["reason"]
    bare = Found("positions", " ".join(line.split()), ["E.S3"], "E", None)
    kept, [gone] = verify([bare], harbour, [], checker)
    assert kept == [] and "without its speaker" in gone["reason"]
    # who said it described in the cited sentence: published without an actor
    master = harbour.sentences["E.S7"].text.split(",")[0]
    described = said("the harbour master", master + '."')
    [kept], _ = verify([Found("positions", described, ["E.S7"], "E", None)], harbour, [], checker)
    assert (kept.text, kept.actor, asked) == (described, None, [])
    other = said("the port director", master + '."')
    kept, [gone] = verify([Found("positions", other, ["E.S7"], "E", None)], harbour, [], checker)
    assert kept == []


def test_two_lines_sharing_only_their_speakers_sentence_stay_two(harbour) -> None:
    port, crane = (
        Found("positions", said("Einar Solheim", harbour.sentences[sid].text),
              [sid, "E.S4"], "E", "Einar Solheim")
        for sid in ("E.S2", "E.S3")
    )  # fmt: skip
    merged = merge([port, crane], harbour, [])
    assert [m.evidence for m in merged] == [["E.S2", "E.S4"], ["E.S3", "E.S4"]]


@pytest.mark.parametrize(
    ("attribution", "who"),
    [
        ("the head of the union said on Monday.", "The head of the union"),
        ("said a spokesman for the port.", "A spokesman for the port"),
        ("said the statement released on Friday.", None),  # no one: a clause goes on
        ("he said.", None),  # a pronoun names no one
    ],
)
def test_who_a_closing_attribution_describes(attribution: str, who: str | None) -> None:
    text = f'"The port will stay open all winter for every ship," {attribution}'
    reading = read([article("E", "en", text)])
    found = quotes(reading, [])
    said_by = found["E.S1"].statement.split(" said: ")[0] if "E.S1" in found else None
    assert said_by == who


@pytest.mark.parametrize(
    ("opening", "who"),
    [
        ("Einar Solheim told reporters:", "Einar Solheim"),
        ("Einar Solheim said Kari Berg had told him:", None),  # Berg's words
        ("Solheim's spokesman said:", None),  # the spokesman's, not Solheim's
    ],
)
def test_who_a_quotation_opening_names(opening: str, who: str | None) -> None:
    text = (
        f'Einar Solheim met Kari Berg on Monday. {opening} "The port will stay open. '
        'We will hire forty new crane drivers by March."'
    )
    reading = read([article("E", "en", text)])
    found = quotes(reading, [])
    line = next(sid for sid, s in reading.sentences.items() if "crane" in s.text)
    assert (found[line].speaker if line in found else None) == who


def test_only_the_quote_code_derived_skips_the_checker() -> None:
    text = (
        "Einar Solheim met Kari Berg on Monday. "
        '"The port will stay open all winter. We will hire forty drivers by March," '
        "Einar Solheim said."
    )
    reading = read([article("E", "en", text)])
    asked: list[str] = []

    def checker(statement: str, evidence: list[str]) -> Verdict:
        asked.append(statement)
        return Verdict(0.0, False, "no")

    line = 'said: "The port will stay open all winter."'
    right = Found("positions", f"Einar Solheim {line}", ["E.S2", "E.S3"], "E", "Einar Solheim")
    [kept], _ = verify([right], reading, [], checker)
    assert asked == []
    # the same words given to someone else the cited sentences name: the checker decides
    wrong = Found("positions", f"Kari Berg {line}", ["E.S2", "E.S1"], "E", "Kari Berg")
    kept, [gone] = verify([wrong], reading, [], checker)
    assert kept == [] and asked == [wrong.text] and "checker" in gone["reason"]


def test_a_line_reported_inside_another_outlets_attribution_is_the_speakers() -> None:
    reading = pass_reports()
    found = quotes(reading, links(reading, SAME))

    line = found["E.S3"]
    assert line.speaker == "Svandís Þórsdóttir" and line.evidence == ("E.S3", "I.S2")
    assert line.statement == (
        'Svandís Þórsdóttir said: "We will open the pass again before the first snow falls."'
    )


MAYOR_EN = (
    "The mayor of Holmavik, Olafur Brynjarsson, welcomed the decision. "
    '"This road is closed for 40 days every winter," he said.'
)
MAYOR_IS = "„Vegurinn er lokaður í 45 daga á hverjum vetri,“ sagði Ólafur."


@pytest.mark.parametrize(
    ("english", "linked", "speaker"),
    [
        (MAYOR_EN, True, "Olafur Brynjarsson"),
        (MAYOR_EN, False, None),  # no other report says whose words they are
        (MAYOR_EN.replace("the decision", "Anna Jonsdottir's decision"), True, None),  # two
        (MAYOR_EN.replace("This road is", "This is"), True, None),  # "this" points away
    ],
)
def test_he_said_is_the_full_name_before_where_a_linked_report_agrees(
    english: str, linked: bool, speaker: str | None
) -> None:
    reading = read([article("E", "en", english), article("I", "is", MAYOR_IS)])
    found = quotes(reading, [Link("E.S2", "I.S1", 0.95)] if linked else [])
    line = found.get("E.S2")
    assert (line.speaker if line else None) == speaker
    if line is not None:
        # the linked report gives 45 days, not 40: it names the speaker, it is not cited
        assert line.evidence == ("E.S2", "E.S1")
        assert line.statement == (
            'Olafur Brynjarsson said: "This road is closed for 40 days every winter."'
        )


CARVER = (
    "The energy secretary, Helen Carver, signed the deal in Reykjavík. "
    "Carver said the link would supply power for 1.5 million British homes. "
    '"Iceland will help our country leave gas behind for good," she said. '
    '"Hydro and geothermal power are the future of our energy supply."'
)


def test_she_said_is_whom_the_sentence_before_opens_with_saying_and_the_next_line_too() -> None:
    """saestrengur (a story of my own): Carver's two lines after "Carver said…" were
    dropped as quotes without a speaker. A sentence before that opens with someone
    who does not say it ("Carver met…") names no speaker."""
    reading = read([article("E", "en", CARVER)])
    found = quotes(reading, [])
    assert {k: (q.speaker, q.evidence) for k, q in found.items()} == {
        "E.S3": ("Carver", ("E.S3", "E.S2")),
        "E.S4": ("Carver", ("E.S4", "E.S2")),
    }
    assert found["E.S4"].statement == (
        'Carver said: "Hydro and geothermal power are the future of our energy supply."'
    )
    met = read([article("E", "en", CARVER.replace("Carver said the link would", "Carver met "
                                                  "Jóhannsson, and the link will"))])  # fmt: skip
    assert quotes(met, []) == {}
