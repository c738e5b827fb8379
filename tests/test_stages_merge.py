"""`stages.merge` and `stages.disagree`, in code: duplicates fold, linked sentences
corroborate, and linked sentences that give different numbers are a disagreement."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import source
from stage_sources import meeting

from briefing.lang.values import Value
from briefing.stages.align import Link
from briefing.stages.disagree import disagreements, value_side
from briefing.stages.found import Found
from briefing.stages.merge import fold_into, join_skipped, merge, unshared
from briefing.stages.reading import Reading, read


@pytest.fixture(scope="module")
def read_meeting() -> tuple[Reading, list[Link], list[Link]]:
    return meeting()


SHARE = "They agreed to share research data on the mackerel stock."


def test_a_linked_icelandic_sentence_corroborates_the_statement(read_meeting) -> None:
    reading, same, near = read_meeting
    merged = merge([Found("agreements", SHARE, ["E.S2"], "E")], reading, same)

    assert [item.evidence for item in merged] == [["E.S2", "I.S2"]]
    assert disagreements(merged, reading, near) == []


def test_only_the_sentence_a_statement_states_brings_its_links(read_meeting) -> None:
    reading, same, _ = read_meeting
    # E.S3 comes second, as a sentence naming a speaker would: its link is not evidence
    found = Found("positions", "Norway wants a larger share of the catch.", ["E.S3", "E.S2"], "E")
    [item] = merge([found], reading, same)

    assert "I.S2" not in item.evidence


def test_a_fact_with_no_english_report_gains_the_english_one_its_other_report_links() -> None:
    """eldgos: tagesschau's open question, linked to RÚV's report of it, showed the
    English reader RÚV's sentence and its rough gloss, while Reuters' own sentence on it,
    linked to RÚV's, went unshown. A sentence of the item's own article (one naming a
    speaker) brings no such link."""
    reading = read(
        [
            source("A1", "en", ["The eruption began overnight.",
                                '"We do not yet know when full operations can resume," he said.']),
            source("A2", "is", ["Eldgos hófst í nótt.",
                                "Hann sagði að ekki væri vitað hvenær völlurinn opnar."]),
            source("A3", "de", ["Der Ausbruch begann in der Nacht.",
                                "Wann der Flughafen wieder geöffnet werde, sei noch unklar."]),
        ]
    )  # fmt: skip
    same = [Link("A3.S2", "A2.S2", 0.86), Link("A2.S2", "A1.S2", 0.87)]
    german = Found("open_issues", "Wann der Flughafen…", ["A3.S2"], "A3", verified=False)
    [item] = merge([german], reading, same)
    assert item.evidence == ["A3.S2", "A2.S2", "A1.S2"]
    naming = Found("positions", "Er sagte…", ["A3.S2", "A3.S1"], "A3", verified=False)
    [held] = merge([naming], reading, [*same, Link("A3.S1", "A1.S1", 0.9)])
    assert held.evidence == ["A3.S2", "A3.S1", "A2.S2", "A1.S2"]


def test_a_linked_sentence_with_a_different_number_does_not_corroborate(read_meeting) -> None:
    reading, same, _ = read_meeting
    six = Found("agreements", "The ministers met for six hours in Bergen.", ["E.S1"], "E")
    [item] = merge([six], reading, same)

    assert item.evidence == ["E.S1"]


def test_duplicates_fold_into_one_item_with_all_their_evidence(read_meeting) -> None:
    reading, same, near = read_meeting
    found = [
        Found("agreements", "They agreed to share the mackerel research data.", ["I.S2"], "I"),
        Found("agreements", SHARE, ["E.S2"], "E"),
        Found("positions", "Norway wants a larger share of the catch.", ["E.S3"], "E", "Norway"),
        Found("positions", "Norway wants a larger share of the catch.", ["E.S3"], "E", "Norway"),
    ]
    merged = merge(found, reading, same)

    # English statements come first; the Icelandic one folds into the English one
    assert [(m.text, m.evidence) for m in merged] == [
        (SHARE, ["E.S2", "I.S2"]),
        ("Norway wants a larger share of the catch.", ["E.S3"]),
    ]
    assert disagreements(merged, reading, near) == []


def test_two_lines_of_one_speaker_do_not_fold_over_the_sentence_naming_him(
    read_meeting,
) -> None:
    reading, same, _ = read_meeting
    # the second cites E.S4 only as the sentence before, naming Trump
    found = [
        Found("positions", "Trump said there would be no deal.", ["E.S4"], "E"),
        Found("positions", "Putin invited Trump to visit Moscow.", ["E.S5", "E.S4"], "E"),
    ]
    assert len(merge(found, reading, same)) == 2


def test_different_sections_or_actors_do_not_fold(read_meeting) -> None:
    reading, same, _ = read_meeting
    found = [
        Found("positions", "Norway wants a larger share of the catch.", ["E.S3"], "E", "Norway"),
        Found("open_issues", "Norway wants a larger share of the catch.", ["E.S3"], "E"),
    ]
    assert len(merge(found, reading, same)) == 2


def test_two_outlets_reports_of_one_fact_fold_whatever_section_each_was_labelled(
    read_meeting,
) -> None:
    reading, same, _ = read_meeting
    found = [
        Found("developments", "The mackerel research data will be shared.", ["I.S2"], "I"),
        Found("agreements", SHARE, ["E.S2"], "E"),
    ]
    # the English one comes first and decides; the Icelandic report is its evidence
    assert [(m.section, m.evidence) for m in merge(found, reading, same)] == [
        ("agreements", ["E.S2", "I.S2"])
    ]


def test_a_disagreement_between_the_outlets_is_found(read_meeting) -> None:
    reading, same, near = read_meeting
    found = [
        Found("agreements", "The ministers met for five hours in Bergen.", ["I.S1"], "I"),
        Found("agreements", "The ministers met for six hours in Bergen.", ["E.S1"], "E"),
    ]
    merged = merge(found, reading, same)
    [conflict] = disagreements(merged, reading, near)

    assert [m.evidence for m in merged] == [["E.S1"], ["I.S1"]]  # same words, other numbers
    assert (conflict.first, conflict.second) == (merged[0], merged[1])


def test_a_side_without_a_statement_is_its_value_as_the_other_side_words_it(
    read_meeting,
) -> None:
    reading, same, near = read_meeting
    six = Found("agreements", "The ministers met for six hours in Bergen.", ["E.S1"], "E")
    [conflict] = disagreements(merge([six], reading, same), reading, near)

    # I.S1 gives 5 where E.S1 gives 6, and its gloss says "hours"
    assert conflict.first == six
    assert (conflict.second.text, conflict.second.evidence) == ("five hours", ["I.S1"])
    # the value worded by code is shorter and checked: it beats the quoted sentence
    five = Found("developments", "Ráðherrarnir funduðu ...", ["I.S1"], "I", verified=False)
    [conflict] = disagreements(merge([six], reading, same), reading, near, [five])
    assert conflict.second.text == "five hours"


@pytest.mark.parametrize(
    ("statement", "side"),
    [
        ("The ministers met for 6 hours in Bergen.", "5 hours"),
        ("The ministers met for six hours in Bergen.", "five hours"),
        ("Six ministers met for six hours in Bergen.", None),  # which six?
        ("The ministers met for six days in Bergen.", None),  # no "days" in I.S1's gloss
        ("The ministers met for 6 hours and 6 minutes.", None),
    ],
)
def test_a_value_side_is_worded_only_where_code_checks_every_word(
    read_meeting, statement: str, side: str | None
) -> None:
    reading, _, _ = read_meeting
    six, five = Value("number", 6.0), Value("number", 5.0)
    assert value_side(statement, six, five, "I.S1", reading) == side


def test_a_value_side_takes_the_next_word_its_sentence_gives_too() -> None:
    """fiskeldi: RÚV's side of the escaped salmon read "3,000 farmed"; its gloss has
    "farmed salmon", so the side is "3,000 farmed salmon"."""
    reading = read([source("I", "is", ["Um 3.000 eldislaxar sluppu úr sjókví í ágúst."])])
    statement = "The law follows the escape of some 3,500 farmed salmon from a sea pen."
    side = value_side(statement, Value("number", 3500.0), Value("number", 3000.0), "I.S1", reading)
    assert side == "3,000 farmed salmon"


def test_no_disagreement_without_a_statement_on_either_side(read_meeting) -> None:
    reading, same, near = read_meeting
    found = [Found("agreements", SHARE, ["E.S2"], "E")]
    assert disagreements(merge(found, reading, same), reading, near) == []


@pytest.mark.parametrize(
    ("statement", "side"),
    [
        ("Iceland wants 16 percent of the catch.", "12 percent"),
        ("Iceland wants 16% of the catch.", "12 percent"),
        ("Iceland wants sixteen percent of the catch.", "twelve percent"),
    ],
)
def test_a_percentage_side_is_the_other_percentage(statement: str, side: str) -> None:
    reading = read([source("I", "is", ["Ísland vill 12 prósent af aflanum."])])
    sixteen, twelve = Value("percent", 16.0), Value("percent", 12.0)
    assert value_side(statement, sixteen, twelve, "I.S1", reading) == side


def test_facts_kept_as_sentences_fold_across_outlets_where_one_cites_the_other() -> None:
    """`stages.originals` keeps each outlet's sentence; where merging linked one outlet's
    sentence to the other's item, the reader gets one item citing both, whatever section
    the model labelled each, unless two different people hold them."""
    from briefing.stages.merge import fold_quoted

    def kept(section: str, evidence: list[str], actor: str | None = None) -> Found:
        return Found(section, "gloss", evidence, evidence[0].split(".")[0], actor, verified=False)

    def lines(n: int, k: int) -> list[str]:  # distinct numbers: no two restate each other
        return [f"Setning {k * 100 + i} er hér." for i in range(1, n + 1)]

    reading = read([source(f"A{k}", "is", lines(16, k)) for k in (1, 2, 3)])
    first = kept("positions", ["A1.S9", "A3.S15"], "Isavia")
    same = kept("open_issues", ["A3.S15"], "Isavia")
    other = kept("positions", ["A2.S4"], "Isavia")
    assert fold_quoted([first, same, other], reading) == [first, other]

    one_article = [kept("positions", ["A1.S11", "A1.S10"], None), kept("positions", ["A1.S10"])]
    assert len(fold_quoted(one_article, reading)) == 2  # a naming sentence is no shared fact
    two_people = [kept("positions", ["A1.S5", "A2.S3"], "Ástráður"), kept("positions", ["A2.S3"])]
    assert len(fold_quoted(two_people, reading)) == 2


def test_background_another_outlet_tells_as_news_is_filed_as_that_news() -> None:
    """sorphirda: mbl.is's "Greiðslur borgarinnar … hækka um 85 milljónir króna á ári",
    read as background, folded RÚV's "Samkvæmt samkomulaginu hækka greiðslur…" and
    Vísir's, both the deal's terms, and the deal's price was filed as background."""
    from briefing.stages.merge import fold_quoted

    reading = read([
        source("A1", "is", ["Greiðslur borgarinnar hækka um 85 milljónir króna á ári."]),
        source("A2", "is", ["Samkvæmt samkomulaginu hækka greiðslur um 85 milljónir á ári."]),
    ])  # fmt: skip
    standing = Found("background", "gloss", ["A1.S1"], "A1", verified=False)
    terms = Found("agreements", "gloss", ["A2.S1", "A1.S1"], "A2", verified=False)
    [one] = fold_quoted([standing, terms], reading)
    assert (one.section, one.evidence) == ("agreements", ["A1.S1", "A2.S1"])


def test_two_outlets_restating_one_fact_with_its_numbers_in_one_language_fold() -> None:
    from briefing.stages.merge import fold_quoted

    reading = read([
        source("A1", "is", [
            "Fundurinn hófst klukkan tíu í gærmorgun og stóð í tæpar nítján klukkustundir.",
            "Félagið krefst 9 prósenta launahækkunar á ári.",
        ]),
        source("A2", "is", [
            "Fundurinn stóð í nærri nítján klukkustundir.",
            "Isavia hefur boðið 4,5 prósent á ári.",
        ]),
    ])  # fmt: skip

    def kept(evidence: str, actor: str | None = None) -> Found:
        return Found("developments", "gloss", [evidence], evidence[:2], actor, verified=False)

    folded = fold_quoted([kept("A1.S1"), kept("A2.S1")], reading)
    assert [f.evidence for f in folded] == [["A1.S1", "A2.S1"]]
    demands = [kept("A1.S2", "Félagið"), kept("A2.S2", "Isavia")]
    assert fold_quoted(demands, reading) == demands  # two holders, two numbers: two facts

    # a bounded number restates what its bound admits: "rúmlega 200" and 214 flights
    cancelled = read([
        source("A1", "is", ["Isavia segir að rúmlega 200 flugferðum hafi verið aflýst."]),
        source("A2", "is", ["Að sögn Isavia var 214 flugferðum aflýst á meðan bannið stóð."]),
        source("A3", "is", ["Að sögn Isavia var 300 flugferðum aflýst á meðan bannið stóð."]),
    ])  # fmt: skip
    isavia = [kept("A1.S1", "Isavia"), kept("A2.S1", "Isavia")]
    assert [f.evidence for f in fold_quoted(isavia, cancelled)] == [["A1.S1", "A2.S1"]]
    beyond = [kept("A1.S1", "Isavia"), kept("A3.S1", "Isavia")]
    assert fold_quoted(beyond, cancelled) == beyond  # 300 is more than "rúmlega 200"


def test_the_report_giving_the_date_leads_one_without_any() -> None:
    """heilsugaesla: mbl.is's "…hafa náð samkomulagi um að opna nýja heilsugæslustöð"
    led the item and RÚV's report with "haustið 2027" was only cited; the date the clinic
    opens was in no line. A report with numbers does not displace one with fewer."""
    from briefing.stages.merge import fold_quoted

    reading = read([
        source("A1", "is", [
            "Ráðuneytið hefur náð samkomulagi um nýja heilsugæslustöð.",
            "Kennarar í tólf skólum snúa aftur til starfa á mánudag.",
        ]),
        source("A2", "is", [
            "Ný heilsugæslustöð verður opnuð haustið 2027 samkvæmt samkomulagi ráðuneytisins.",
            "Verkfalli í tólf skólum, sem staðið hefur í þrjár vikur, er aflýst.",
        ]),
    ])  # fmt: skip

    def kept(evidence: list[str]) -> Found:
        return Found("agreements", "gloss", evidence, evidence[0][:2], verified=False)

    folded = fold_quoted([kept(["A1.S1", "A2.S1"]), kept(["A2.S1"])], reading)
    assert [f.evidence for f in folded] == [["A2.S1", "A1.S1"]]
    folded = fold_quoted([kept(["A1.S2", "A2.S2"]), kept(["A2.S2"])], reading)
    assert [f.evidence for f in folded] == [["A1.S2", "A2.S2"]]


def test_an_item_a_later_fold_comes_to_cite_joins_it() -> None:
    """laeknar: "Alls greiddu 78 prósent…" stayed an item of its own beside the one that
    came to lead with "Læknar samþykktu … með 78 prósentum greiddra atkvæða" and to cite
    it, once a third outlet's item joined that one."""
    from briefing.stages.merge import fold_quoted

    reading = read([
        source("A1", "is", ["Samningurinn var samþykktur í dag.", "Alls greiddu 78 prósent með."]),
        source("A2", "is", ["Læknar samþykktu samninginn með 78 prósentum atkvæða."]),
    ])  # fmt: skip

    def kept(evidence: list[str]) -> Found:
        return Found("developments", "gloss", evidence, evidence[0][:2], verified=False)

    items = [kept(["A1.S1", "A2.S1"]), kept(["A1.S2"]), kept(["A2.S1", "A1.S2"])]
    assert [f.evidence for f in fold_quoted(items, reading)] == [["A2.S1", "A1.S1", "A1.S2"]]


def test_a_fact_kept_as_its_sentence_is_corroborated_by_its_sentences_values() -> None:
    """The gloss writes "9 prósenta" as "9 percentage", no percent: an unverified item
    (its text the gloss) is matched on its sentence's own values, so the other outlet's
    sentence with the same 9 and 4.5 percent joins it."""
    from helpers import article

    from briefing.stages.align import links

    first = article("A", "is", (
        "Félag íslenskra flugumferðarstjóra fer fram á 9 prósenta hækkun á ári en Isavia "
        "hefur ekki viljað fara yfir 4,5 prósent."
    ))  # fmt: skip
    second = article("B", "is", (
        "Félag íslenskra flugumferðarstjóra krefst 9 prósenta hækkunar á ári í þrjú ár, en "
        "Isavia býður 4,5 prósent."
    ))  # fmt: skip
    reading = read([first, second])
    kept = Found("positions", reading.gloss["A.S1"], ["A.S1"], "A", verified=False)

    [merged] = merge([kept], reading, links(reading))
    assert merged.evidence == ["A.S1", "B.S1"]


def test_one_speakers_next_lines_are_one_item_showing_every_line() -> None:
    """Issue 24, item 4: „X.“ and „Y,“ sagði Pútín, or Hrafnhildur's sentence and the
    „...,“ sagði hún after it, were two items of one speaker's words: now one, citing
    both and quoting both, in the articles' order."""
    from briefing.stages.localize import lines
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "is", [
            "Fundinum lauk í gær.",
            "„Samningaviðræður okkar fóru fram í uppbyggilegu andrúmslofti.",
            "Þær voru mjög ítarlegar og gagnlegar,“ sagði Pútín við blaðamenn.",
            "Hrafnhildur Sæmundsdóttir sagði að félagsmenn hefðu samþykkt tillöguna.",
            "„Við viljum ekki að farþegar gjaldi fyrir deiluna,“ sagði hún.",
            "Jón Jónsson sagði að hann væri ósáttur við niðurstöðuna.",
        ]),
    ])  # fmt: skip

    def kept(evidence: list[str], actor: str | None) -> Found:
        return Found("positions", "gloss", evidence, "A1", actor, verified=False)

    putin = [kept(["A1.S2", "A1.S3"], "Vladimir Putin"), kept(["A1.S3"], "Vladimir Putin")]
    [one] = fold_lines(putin, reading)
    assert (one.evidence, one.continued) == (["A1.S2", "A1.S3"], ["A1.S3"])
    shown = lines(one.text, one.evidence, reading, ["en", "is"], False, None, one.continued)
    assert shown.text["is"] == (
        "„Samningaviðræður okkar fóru fram í uppbyggilegu andrúmslofti. Þær voru mjög "
        "ítarlegar og gagnlegar,“ sagði Pútín við blaðamenn."
    )
    assert shown.origin == {"en": "original:is:A1.S2+A1.S3", "is": "quote:A1.S2+A1.S3"}

    # the line after, its speaker read off the sentence before, comes first in any order
    hers = [kept(["A1.S5", "A1.S4"], "Hrafnhildur"), kept(["A1.S4"], "Hrafnhildur")]
    [one] = fold_lines(hers, reading)
    assert (one.evidence[:2], one.continued) == (["A1.S4", "A1.S5"], ["A1.S5"])

    # the next sentence is someone else's words, or too far: two items
    two = [kept(["A1.S5", "A1.S4"], "Hrafnhildur"), kept(["A1.S6"], "Jón Jónsson")]
    assert fold_lines(two, reading) == two
    apart = [kept(["A1.S2"], "Vladimir Putin"), kept(["A1.S4"], "Vladimir Putin")]
    assert fold_lines(apart, reading) == apart
    # citing a line two sentences back as the one naming the speaker joins nothing
    cited = [kept(["A1.S4"], "Hrafnhildur"), kept(["A1.S6", "A1.S4"], "Hrafnhildur")]
    assert fold_lines(cited, reading) == cited


def test_another_outlets_sentence_telling_more_is_shown_not_only_cited() -> None:
    """heilsugaesla: a link of the director's two sentences in two outlets, which share
    only her name and title, made Vísir's "Þórdís … segir að leitað verði til reyndra
    heimilislækna…" evidence of RÚV's "Þórdís … fagnar samkomulaginu": cited, in no
    column. Vísir's „Við viljum…,“ sagði hún, the line after it, was shown without it. A
    sentence that restates the item's line stays cited only."""
    from briefing.stages.merge import fold_lines

    frame = "Þórdís Lind Arnardóttir, forstjóri Heilsugæslunnar,"
    reading = read([
        source("A1", "is", [
            "Heilsugæslustöð verður opnuð í Úlfarsárdal.",
            f"{frame} fagnar samkomulaginu um stöðina.",
            "Um 20.000 íbúar eru án heimilislæknis.",
        ]),
        source("A2", "is", [
            f"{frame} segir að leitað verði til reyndra heimilislækna á öðrum stöðvum.",
            "„Við viljum að stöðin verði fullmönnuð frá fyrsta degi,“ sagði hún.",
            "Um 20.000 íbúar höfuðborgarsvæðisins eru enn án heimilislæknis.",
        ]),
    ])  # fmt: skip

    def kept(evidence: list[str], actor: str | None = None) -> Found:
        return Found("positions", "gloss", evidence, evidence[0][:2], actor, verified=False)

    welcomes = kept(["A1.S2", "A2.S1"], "Þórdís Lind Arnardóttir")
    [one] = fold_lines([welcomes], reading)
    assert one.continued == ["A2.S1"]
    # her next line joins with the sentence it follows
    wants = kept(["A2.S2", "A2.S1"], "Þórdís Lind Arnardóttir")
    [one] = fold_lines([welcomes, wants], reading)
    assert [one.evidence[0], *one.continued] == ["A1.S2", "A2.S1", "A2.S2"]
    # a restatement is cited, not shown twice
    restated = Found("background", "gloss", ["A1.S3", "A2.S3"], "A1", verified=False)
    assert fold_lines([restated], reading)[0].continued == []


def test_another_outlets_line_opening_on_a_pronoun_is_cited_not_shown() -> None:
    """heilsugaesla: Vísir's "Hún segir að enn liggi ekki fyrir hve margir læknar muni
    starfa á stöðinni." was shown under mbl.is's open question with no one named: away
    from the sentence naming her, "Hún" is no one."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "is", ["Óvíst er hvort takist að fullmanna stöðina fyrir opnun."]),
        source("A2", "is", [
            "Þórdís Lind Arnardóttir, forstjóri Heilsugæslunnar, fagnar samkomulaginu.",
            "Hún segir að enn liggi ekki fyrir hve margir læknar muni starfa á stöðinni.",
        ]),
    ])  # fmt: skip
    unsure = Found("open_issues", "gloss", ["A1.S1", "A2.S2"], "A1", verified=False)
    assert fold_lines([unsure], reading)[0].continued == []


def test_a_sentence_pointing_back_joins_the_item_of_the_one_before() -> None:
    """A line opening "Flestar þeirra voru..." said nothing alone: it joins the item citing
    the sentence it points at; a next sentence that stands alone stays its own item, one
    with a pronoun further on too ("...boðað að það muni greiða atkvæði")."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "is", [
            "Að sögn Isavia var 214 flugferðum aflýst á meðan bannið stóð.",
            "Flestar þeirra voru morgunferðir til Evrópu.",
            "Erlendir ferðamenn lýstu óánægju með upplýsingagjöf.",
            "Ef ekki semst fyrir 1. desember hefur félagið boðað að það muni greiða atkvæði.",
        ]),
    ])  # fmt: skip
    isavia = Found("positions", "gloss", ["A1.S1"], "A1", "Isavia", verified=False)
    most = Found("developments", "gloss", ["A1.S2"], "A1", verified=False)
    tourists = Found("developments", "gloss", ["A1.S3"], "A1", verified=False)

    vote = Found("open_issues", "gloss", ["A1.S4"], "A1", verified=False)
    [one, *others] = fold_lines([isavia, most, tourists, vote], reading)
    assert (one.section, one.actor, one.evidence) == ("positions", "Isavia", ["A1.S1", "A1.S2"])
    assert others == [tourists, vote]


def test_a_party_restating_an_agreement_joins_the_agreement() -> None:
    """Two outlets' sentences citing each other, one a party's words about the deal and
    one the deal held by no one, are one item, filed as the deal; two people's words
    citing each other stay two positions."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "is", ["„Það er komið samkomulag um vinnutíma,“ sagði Ástráður."]),
        source("A2", "is", ["Samkomulagið sem náðist í nótt snýr að vinnutíma."]),
    ])  # fmt: skip
    his = Found("positions", "gloss", ["A1.S1", "A2.S1"], "A1", "Ástráður", verified=False)
    deal = Found("agreements", "gloss", ["A2.S1", "A1.S1"], "A2", verified=False)

    [one] = fold_lines([his, deal], reading)
    assert (one.section, one.actor) == ("agreements", None)
    assert (one.evidence, one.continued) == (["A2.S1", "A1.S1"], ["A1.S1"])
    theirs = [his, Found("positions", "gloss", ["A2.S1", "A1.S1"], "A2", "Anna", verified=False)]
    assert fold_lines(theirs, reading) == theirs


def test_a_party_s_words_on_the_topic_of_an_open_question_stay_their_position() -> None:
    """skolamaltid (a story of my own): mbl.is's open question and RÚV's chair naming
    the state once more cite each other, but share one word: her line is no restatement of
    the question and stays her position, not shown under it."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "is", [
            "Óljóst er hvort ríkið taki þátt í auknum kostnaði á næsta ári eða hvort bærinn"
            " beri hann einn.",
        ]),
        source("A2", "is", [
            "Hrafnhildur Eva Karlsdóttir er formaður menntaráðs.",
            "Hún segir að bærinn muni óska eftir viðræðum við ríkið um hlut þess í hækkuninni.",
        ]),
    ])  # fmt: skip
    question = Found("open_issues", "gloss", ["A1.S1", "A2.S2"], "A1", verified=False)
    hers = Found(
        "positions", "gloss", ["A2.S2", "A2.S1", "A1.S1"], "A2", "Hrafnhildur Eva Karlsdóttir",
        verified=False,
    )  # fmt: skip
    assert fold_lines([question, hers], reading) == [question, hers]


def test_a_line_a_disagreement_shows_as_a_side_joins_no_other() -> None:
    """Pútín's „náð samkomulagi“ is a side against "there is no agreement": joined with
    his line before it, the side would hide that line; it stays apart."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A2", "is", [
            "Pútín sagði að Úkraína ætti ekki að skapa hindranir fyrir friði.",
            "Pútín fullyrti að þeir hefðu „náð samkomulagi“ í viðræðunum.",
        ]),
    ])  # fmt: skip
    lines = [
        Found("positions", "gloss", ["A2.S1"], "A2", "Vladimir Putin", verified=False),
        Found("positions", "gloss", ["A2.S2"], "A2", "Vladimir Putin", verified=False),
    ]
    assert len(fold_lines(lines, reading)) == 1
    assert fold_lines(lines, reading, [{"A2.S2", "A1.S4"}]) == lines


def test_two_outlets_kept_as_their_sentences_disagree_as_they_stand(read_meeting) -> None:
    """An all-Icelandic story has no English statement on either side ("22 prósenta"
    against "24 prósenta"): the two quoted items are the sides."""
    reading, _, near = read_meeting
    five = Found("developments", "Ráðherrarnir funduðu ...", ["I.S1"], "I", verified=False)
    six = Found("developments", "The ministers met ...", ["E.S1"], "E", verified=False)

    [conflict] = disagreements([], reading, near, [five, six])
    assert {conflict.first.source_id, conflict.second.source_id} == {"E", "I"}
    assert conflict.hidden() == {"E.S1", "I.S1"}
    # one side alone is not worded as a value: a quote is no statement to word it in
    assert disagreements([], reading, near, [five]) == []


def test_a_year_side_is_the_other_sentences_year() -> None:
    reading = Reading(sources=[], values={"D.S2": frozenset({Value("number", 2029.0)})})
    statement = "The centre will open in Bodø in 2028 and cost about 40 million euros."
    mine, theirs = Value("number", 2028.0), Value("number", 2029.0)

    assert value_side(statement, mine, theirs, "D.S2", reading) == "2029"
    elsewhere = Reading(sources=[], values={"D.S2": frozenset({Value("number", 2030.0)})})
    assert value_side(statement, mine, theirs, "D.S2", elsewhere) is None


def test_two_items_disagree_once_though_two_links_join_them() -> None:
    """jersey: the English item cites the English and the Russian report (45 licences),
    the French gives 40, linked to both: one disagreement, not one per link."""
    reading = read(
        [
            source("A1", "en", ["Jersey and France agreed to issue 45 new licences."]),
            source("A2", "fr", ["Jersey et la France ont conclu un accord sur 40 licences."]),
            source("A3", "ru", ["Джерси и Франция договорились о 45 лицензиях."]),
        ]
    )
    english = Found(
        "agreements", "Jersey and France agreed to issue 45 new licences.", ["A1.S1", "A3.S1"], "A1"
    )
    french = Found("agreements", reading.sentences["A2.S1"].text, ["A2.S1"], "A2", verified=False)
    near = [Link("A1.S1", "A2.S1", 0.9), Link("A2.S1", "A3.S1", 0.9)]

    [conflict] = disagreements([english], reading, near, [french])
    assert conflict.sides() == {("A1.S1", "A3.S1"), ("A2.S1",)}


def _power_cut(reuters: str) -> tuple[Reading, Found, list[Found]]:
    """orka in brief: Handelsblatt's and Reuters' 55 megawatts, RÚV's 50; Reuters' sentence
    a published statement, the other two kept as their sentences."""
    reading = read(
        [
            source("A1", "de", ["Ab Montag sollen die Großkunden 55 Megawatt weniger erhalten."]),
            source("A2", "is", ["Skerðingin nemur 50 megavöttum."]),
            source("A3", "en", [reuters]),
        ]
    )
    kept = [
        Found("developments", reading.sentences[f"{s}.S1"].text, [f"{s}.S1"], s, verified=False)
        for s in ("A1", "A2")
    ]
    return reading, Found("developments", reuters, ["A3.S1"], "A3"), kept


def test_two_outlets_giving_one_value_against_a_third_are_one_side_of_one_disagreement() -> None:
    """orka: Reuters' and Handelsblatt's 55 megawatts are not linked to each other, each
    to RÚV's 50: one disagreement, "Reuters, Handelsblatt: 55 — whereas RÚV: 50", not
    RÚV's 50 twice. Reuters' English statement is the side shown."""
    reading, english, kept = _power_cut(
        "Landsvirkjun will cut deliveries by 55 megawatts from Monday."
    )
    near = [Link("A1.S1", "A2.S1", 0.9), Link("A2.S1", "A3.S1", 0.9)]

    [conflict] = disagreements([english], reading, near, kept)
    assert conflict.sides() == {("A3.S1", "A1.S1"), ("A2.S1",)}
    assert english.text in (conflict.first.text, conflict.second.text)


@pytest.mark.parametrize(
    ("other", "side"),
    [
        ("Skipið var með 1.150 farþega um borð.", "1,150 passengers"),  # as English writes it
        ("Skipið var með rúmlega 1.150 farþega um borð.", "at least 1,150 passengers"),
        ("Skipið var með um 1.150 farþega um borð.", "about 1,150 passengers"),  # "um": about
        ("Skipið var með allt að 1.150 farþega um borð.", "at most 1,150 passengers"),
    ],
)
def test_a_value_side_writes_the_number_as_english_does_with_its_bound(
    other: str, side: str
) -> None:
    """cruise-grounding: "1150 passengers" beside "1,200 passengers"; a bound the other
    sentence gives its number ("rúmlega", over) is worded too, or the side claims more."""
    reading = read([source("I", "is", [other])])
    mine, theirs = Value("number", 1200.0), Value("number", 1150.0)
    statement = "The ship carried 1,200 passengers."
    assert value_side(statement, mine, theirs, "I.S1", reading) == side


def test_a_sentence_code_cannot_read_disagrees_only_over_a_link_as_close_as_a_merge() -> None:
    """fangar: "the bodies of 500 fallen soldiers" and TASS's "a list of 300 more people
    for the next exchange", linked at 0.85, are two facts; at a merge link's score the
    Russian count is the other side."""
    reading = read(
        [
            source("A1", "en", ["Lubinets said the bodies of 500 soldiers would be returned."]),
            source("A3", "ru", ["Россия передала список еще 300 человек для обмена."]),
        ]
    )
    english = Found(
        "positions", reading.sentences["A1.S1"].text, ["A1.S1"], "A1", "Dmytro Lubinets"
    )
    russian = Found("positions", reading.sentences["A3.S1"].text, ["A3.S1"], "A3", verified=False)

    assert disagreements([english], reading, [Link("A1.S1", "A3.S1", 0.85)], [russian]) == []
    [conflict] = disagreements([english], reading, [Link("A1.S1", "A3.S1", 0.9)], [russian])
    assert conflict.sides() == {("A1.S1",), ("A3.S1",)}


def test_a_fact_kept_as_its_sentence_that_a_statement_states_joins_the_statement() -> None:
    """fangar: RÚV's sentence on Zelensky's words, linked to Reuters' fuller one that a
    published statement states, is that statement's Icelandic quote, not a second item;
    another holder's sentence, or one the statement does not state, stays apart."""
    stated = Found("positions", "Zelenskiy said the freed included defenders of Mariupol.",
                   ["A1.S2"], "A1", "Volodymyr Zelenskiy")  # fmt: skip
    icelandic = Found("positions", "Zelensky said those home included Mariupol's defenders.",
                      ["A2.S2", "A1.S2"], "A2", "Volodymyr Zelensky", verified=False)  # fmt: skip
    other = replace(icelandic, actor="Dmitry Peskov")
    apart = replace(icelandic, evidence=["A2.S3"])

    published, own = fold_into([stated], [icelandic, other, apart])
    assert [p.evidence for p in published] == [["A1.S2", "A2.S2"]]
    assert own == [other, apart]


def test_a_fact_no_one_holds_joins_the_position_announcing_it_by_the_one_it_names() -> None:
    """raforkuverd (a story of my own): RÚV's „Landsvirkjun hækkar heildsöluverð á raforku
    um 12 prósent…“ (no holder) and Landsvirkjun's position "…Landsvirkjun said … it
    would raise its wholesale electricity price by 12 percent…" were two items, the
    English lead RÚV's rough gloss. One naming someone else stays apart."""
    said = Found("positions", "Landsvirkjun said it would raise its price by 12 percent.",
                 ["A2.S1"], "A2", "Landsvirkjun")  # fmt: skip
    done = Found("developments", "Landsvirkjun rises price about 12 percentage.",
                 ["A3.S1", "A2.S1"], "A3", verified=False)  # fmt: skip
    other = replace(done, text="Alcoa rises price about 12 percentage.")

    assert fold_into([said], [done]) == ([replace(said, evidence=["A2.S1", "A3.S1"])], [])
    assert fold_into([said], [other]) == ([said], [other])
    # hafis: his taking part for the first time, linked to his words on data: no figure
    took = replace(done, text="Landsvirkjun took part in the talks for the first time.")
    assert fold_into([said], [took]) == ([said], [took])


def test_a_kept_fact_citing_a_third_outlets_sentence_the_statement_cites_joins_it() -> None:
    """flugvollur: Reuters' open question on the Danish parliament and AFP's, each linked
    to RÚV's one sentence on it, were two items quoting that sentence twice in Icelandic.
    A sentence of the item's own outlet naming the speaker both cite is no such link:
    Trump's two statements in alaska-summit both cite RÚV's sentence naming him."""
    stated = Found("open_issues", "It was not clear whether parliament must approve it.",
                   ["A2.S10", "A1.S6", "A3.S11"], "A2")  # fmt: skip
    french = Found("open_issues", "Copenhague n'a pas précisé si le Parlement…",
                   ["A1.S7", "A3.S11"], "A1", verified=False)  # fmt: skip
    published, own = fold_into([stated], [french])
    assert ([p.evidence for p in published], own) == ([["A2.S10", "A1.S6", "A3.S11", "A1.S7"]], [])
    said = Found("positions", "Trump said the meeting was productive.",
                 ["A1.S6", "A2.S5", "A2.S6"], "A1", "Donald Trump")  # fmt: skip
    other = Found("positions", "Hann sagði…", ["A2.S7", "A2.S6"], "A2", "Donald Trump",
                  verified=False)  # fmt: skip
    assert fold_into([said], [other]) == ([said], [other])
    elsewhere = replace(french, section="positions")
    assert fold_into([stated], [elsewhere]) == ([stated], [elsewhere])


def test_a_statement_shown_as_a_disagreements_side_takes_in_no_fact_kept_as_its_sentence() -> None:
    """arctic-rescue: the statement on the centre (2029) is a side against 2028; the item
    that quotes the Icelandic and the German report stays, or the Icelandic is lost."""
    side = Found("developments", "The centre will open in 2029.", ["A3.S2"], "A3")
    kept = Found(
        "developments", "Miðstöðin verður í Bodø.", ["A2.S2", "A3.S2"], "A2", verified=False
    )

    published, own = fold_into([side], [kept], [{"A3.S2", "A1.S2"}])
    assert (published, own) == ([side], [kept])


def test_a_position_does_not_cite_a_linked_sentence_another_person_says() -> None:
    """vegagerd (a story of my own): the minister's item (his Friday meeting) cited the
    mayor's "Hún segir að sveitarfélagið muni leggja fram kröfu um göngin á fundinum með
    ráðherra á föstudag", linked at 0.92: her words, not his."""
    from briefing.stages.reading import read

    reading = read([
        source("M", "is", ["Arnar Freyr Gíslason innviðaráðherra segir að hann hitti"
                           " fulltrúa Múlaþings á fundi á föstudag."]),
        source("V", "is", [
            "Sigrún Harpa Jóhannsdóttir er sveitarstjóri Múlaþings.",
            "Hún segir að sveitarfélagið muni leggja fram kröfu um göngin á fundinum með"
            " ráðherra á föstudag.",
        ]),
    ])  # fmt: skip
    links = [Link("M.S1", "V.S2", 0.92)]
    minister = Found("positions", "x", ["M.S1"], "M", "Arnar Freyr Gíslason")
    [item] = merge([minister], reading, links)
    assert item.evidence == ["M.S1"]
    [unheld] = merge([replace(minister, section="developments", actor=None)], reading, links)
    assert unheld.evidence == ["M.S1", "V.S2"]


def test_a_position_does_not_cite_a_linked_report_of_another_body_saying_it() -> None:
    """laxeldi-sala (a story of my own): Landssamband veiðifélaga's position cited
    Reuters' "The Icelandic Wildlife Fund criticised the sale, saying …", linked at 0.90:
    a report of what another body says, though it quotes no one."""
    from briefing.stages.reading import read

    reading = read([
        source("V", "is", ["Landssamband veiðifélaga gagnrýnir söluna og segir að enn einn"
                           " fjörðurinn fari undir yfirráð norskra eldisrisa."]),
        source("R", "en", ["The Icelandic Wildlife Fund criticised the sale, saying it would"
                           " put another Icelandic fjord under Norwegian control."]),
    ])  # fmt: skip
    links = [Link("V.S1", "R.S1", 0.90)]
    federation = Found("positions", "x", ["V.S1"], "V", "Landssamband veiðifélaga")
    [item] = merge([federation], reading, links)
    assert item.evidence == ["V.S1"]
    fund = replace(federation, actor="Icelandic Wildlife Fund")
    [same] = merge([fund], reading, links)
    assert same.evidence == ["V.S1", "R.S1"]


def test_a_value_told_as_background_does_not_disagree_with_an_unread_sentence_of_today() -> None:
    """cruise-grounding: "About 190 cruise ships called at Ísafjörður last year." and
    AFP's "Les 1 200 passagers ont été évacués", linked at 0.87, were two sides."""
    reading = read(
        [
            source("A1", "fr", ["Les 1 200 passagers ont été évacués sans blessé."]),
            source("A2", "en", ["About 190 cruise ships called at Ísafjörður last year."]),
        ]
    )
    last_year = Found("background", reading.sentences["A2.S1"].text, ["A2.S1"], "A2")
    today = Found("developments", reading.sentences["A1.S1"].text, ["A1.S1"], "A1", verified=False)
    near = [Link("A1.S1", "A2.S1", 0.87)]

    assert disagreements([last_year], reading, near, [today]) == []
    assert disagreements([replace(last_year, section="developments")], reading, near, [today])


def test_a_value_code_only_guessed_is_background_still_disagrees_with_todays_news() -> None:
    """hafnarverkfall (a story of my own): dpa's "In Rotterdam legen seit Montag rund
    10.000 Hafenarbeiter die Arbeit nieder" (background at 0.69, below the classifier's
    sure threshold) against Reuters' "Some 12,000 dock workers … stayed off the job",
    linked at 0.87, was no disagreement: the guess told them apart."""
    reading = read(
        [
            source("A1", "de", ["Seit Montag legen rund 10.000 Hafenarbeiter die Arbeit nieder."]),
            source("A2", "en", ["Some 12,000 dock workers stayed off the job for a third day."]),
        ]
    )  # fmt: skip
    today = Found("developments", reading.sentences["A2.S1"].text, ["A2.S1"], "A2")
    seit = Found("background", "x", ["A1.S1"], "A1", verified=False, guessed=True)
    near = [Link("A1.S1", "A2.S1", 0.87)]

    [conflict] = disagreements([today], reading, near, [seit])
    assert conflict.sides() == {("A2.S1",), ("A1.S1",)}
    assert disagreements([today], reading, near, [replace(seit, guessed=False)]) == []


def test_a_line_with_no_english_is_a_gap_in_the_gloss_of_the_lines_joined() -> None:
    """kampfjet: Reinholz's two lines, the first with no English the model wrote, were
    glossed "Reinholz sprach von einem „wichtigen Signal…“. She said that…": German
    shown as part of the English gloss. Where neither line has English, no gloss."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "de", [
            "Reinholz sprach von einem „wichtigen Signal für Europa“.",
            "Sie sagte, Deutschland werde keine Abstriche hinnehmen.",
        ]),
    ])  # fmt: skip
    first = Found("positions", reading.sentences["A1.S1"].text, ["A1.S1"], "A1", "Jana Reinholz",
                  verified=False)  # fmt: skip
    second = Found("positions", "She said Germany would accept no cuts.", ["A1.S2", "A1.S1"],
                   "A1", "Jana Reinholz", verified=False)  # fmt: skip

    [one] = fold_lines([first, second], reading)
    assert one.text == "[…] She said Germany would accept no cuts."
    untranslated = replace(second, text=reading.sentences["A1.S2"].text)
    [one] = fold_lines([first, untranslated], reading)
    assert "[…]" not in one.text


def test_an_outlet_giving_a_sides_value_and_none_otherwise_is_on_that_side() -> None:
    """orka: Handelsblatt's "55 Megawatt ab Montag" is on Reuters' side, though Reuters'
    sentence gives a year too: the side reads "Reuters, Handelsblatt", not Reuters alone."""
    from briefing.stages.build import assemble

    reading, english, kept = _power_cut(
        "Landsvirkjun will cut 55 megawatts, its first cut since 2023."
    )
    near = [Link("A1.S1", "A2.S1", 0.9), Link("A2.S1", "A3.S1", 0.9)]
    conflicts = disagreements([english], reading, near, kept)

    briefing = assemble(reading, [english], conflicts, ["en", "is"], [])

    [shown] = briefing.disagreements
    side = next(s for s in shown.sides if s.source == "A3")
    assert side.also == ["A1"]


def test_a_fact_is_quoted_from_the_outlet_that_tells_it_without_a_loaded_word() -> None:
    """verkfall-flugvirkja (a story of my own): Vísir's "Tveggja daga ringulreið …"
    (chaos) led the briefing beside mbl.is's plain report of the signing."""
    from briefing.stages.merge import fold_quoted

    visir = source(
        "V", "is", ["Tveggja daga ringulreið á flugvellinum er lokið eftir samning í nótt."]
    )
    mbl = source("M", "is", ["Samninganefndirnar skrifuðu undir nýjan samning í nótt."])
    reading = read([visir, mbl])
    item = Found("developments", "x", ["V.S1", "M.S1"], "V", verified=False)
    assert fold_quoted([item], reading)[0].evidence == ["M.S1", "V.S1"]
    plain = Found("developments", "x", ["M.S1", "V.S1"], "M", verified=False)
    assert fold_quoted([plain], reading)[0].evidence == ["M.S1", "V.S1"]
    alone = Found("developments", "x", ["V.S1"], "V", verified=False)
    assert fold_quoted([alone], reading)[0].evidence == ["V.S1"]  # no other report: as written


def test_a_sum_converted_into_another_currency_does_not_keep_a_report_of_the_fact_out() -> None:
    """laxeldi-sala (a story of my own): Reuters' "for 1.9 billion Norwegian crowns ($170
    million)" and Viðskiptablaðið's "fyrir 1,9 milljarða norskra króna, eða sem nemur um
    23 milljörðum íslenskra króna" report one purchase, each converting the price for its
    readers; the Icelandic lead was cited by nothing, and the Icelandic column showed
    the English. A sum the other gives differently is still no report of the fact."""
    reading = read([
        source("A1", "en", [
            "Skarvoy Laks has agreed to buy a 45% stake in Berulax for 1.9 billion "
            "Norwegian crowns ($170 million)."
        ]),
        source("A2", "is", [
            "Skarvøy Laks hefur samið um kaup á 45 prósenta hlut í Berulaxi fyrir 1,9 "
            "milljarða norskra króna, eða sem nemur um 23 milljörðum íslenskra króna.",
            "Skarvøy Laks hefur samið um kaup á 45 prósenta hlut í Berulaxi fyrir 2,1 "
            "milljarð norskra króna.",
        ]),
    ])  # fmt: skip
    statement = reading.sentences["A1.S1"].text
    item = Found("agreements", statement, ["A1.S1"], "A1")
    one_report = [Link("A1.S1", "A2.S1", 0.95)]
    other_sum = [Link("A1.S1", "A2.S2", 0.95)]

    assert merge([item], reading, one_report)[0].evidence == ["A1.S1", "A2.S1"]
    assert merge([item], reading, other_sum)[0].evidence == ["A1.S1"]


def test_a_linked_report_giving_no_number_still_corroborates_the_fact() -> None:
    """hvalur: dpa's lead „Islands Oberstes Gericht hat den Staat zur Zahlung von
    Schadenersatz … verurteilt“ tells Reuters' "…ordered the state to pay … 1.2 billion
    Icelandic crowns…" without the sum and was cited by no item of it, so the lead was
    the second sentence three outlets cite. A report giving another number still is
    none (`test_a_linked_sentence_with_a_different_number_does_not_corroborate`), nor
    one linked to both sides of a disagreement."""
    reading = read([
        source("A1", "en", [
            "Iceland's Supreme Court ordered the state to pay whaling company Hvalur hf. "
            "1.2 billion Icelandic crowns in compensation."
        ]),
        source("A2", "de", [
            "Islands Oberstes Gericht hat den Staat zur Zahlung von Schadenersatz an das "
            "Walfangunternehmen Hvalur verurteilt.",
            "Islands Oberstes Gericht hat den Staat zur Zahlung von 1,5 Milliarden Kronen "
            "Schadenersatz verurteilt.",
        ]),
    ])  # fmt: skip
    item = Found("developments", reading.sentences["A1.S1"].text, ["A1.S1"], "A1")

    assert merge([item], reading, [Link("A1.S1", "A2.S1", 0.9)])[0].evidence == ["A1.S1", "A2.S1"]
    assert merge([item], reading, [Link("A1.S1", "A2.S2", 0.9)])[0].evidence == ["A1.S1"]
    # linked to both sides of a disagreement (cruise-grounding's 1,200 and 1,150
    # passengers), a report giving no number takes neither
    sides = [Link("A1.S1", "A2.S1", 0.9), Link("A2.S1", "A2.S2", 0.9)]
    assert merge([item], reading, sides)[0].evidence == ["A1.S1"]
    # in one language, shared words may draw two facts together: no such corroboration
    english = read([*reading.sources, source("A3", "en", [
        "Iceland's Supreme Court ordered the state to pay compensation to whaling company Hvalur."
    ])])  # fmt: skip
    assert merge([item], english, [Link("A1.S1", "A3.S1", 0.9)])[0].evidence == ["A1.S1"]


def test_a_line_held_by_no_one_that_opens_on_a_pronoun_joins_the_item_before_it() -> None:
    """hitaveita (a story of my own): Vísir's "Hann hefur óskað eftir fundi…", after
    the minister's words, was a line of its own about no one; svartolia's "Hún lagði
    til…" (the Russian delegation) likewise. It joins the item citing the sentence it
    follows; a line naming its own subject stays apart."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "is", [
            "Baldvin Örn Friðriksson ráðherra sagði á Alþingi að hitaveitan væri grunnstoð.",
            "Hann hefur óskað eftir fundi með stjórn Orkuveitunnar í vikunni.",
            "Sundfélög hafa fellt niður æfingar út vikuna.",
        ]),
    ])  # fmt: skip

    def kept(evidence: list[str], actor: str | None, section: str = "positions") -> Found:
        return Found(section, "gloss", evidence, "A1", actor, verified=False)

    minister = kept(["A1.S1"], "Baldvin Örn Friðriksson")
    [one] = fold_lines([minister, kept(["A1.S2"], None, "developments")], reading)
    assert (one.actor, one.evidence, one.continued) == (
        minister.actor,
        ["A1.S1", "A1.S2"],
        ["A1.S2"],
    )

    apart = [kept(["A1.S2"], "Baldvin Örn Friðriksson"), kept(["A1.S3"], None, "developments")]
    assert fold_lines(apart, reading) == apart


def test_two_values_placed_in_two_places_are_no_disagreement() -> None:
    """hitaveita: mbl.is's "15 stig í Reykjavík" and Vísir's "17 stig á Hólmsheiði" are
    two stations' frost, not one figure told two ways; 42 and 45 houses "á Ísafirði"
    in both stay a disagreement."""
    reading = read([
        source("A1", "is", ["Frostið fór niður í 15 stig í Reykjavík í nótt.",
                            "Alls voru 42 hús rýmd á Ísafirði í nótt."]),
        source("A2", "is", ["Frostið fór niður í 17 stig á Hólmsheiði í nótt.",
                            "Alls voru 45 hús rýmd á Ísafirði í nótt."]),
    ])  # fmt: skip
    stated = [
        Found("developments", "gloss", ["A1.S1"], "A1", verified=False),
        Found("developments", "gloss", ["A2.S1"], "A2", verified=False),
        Found("developments", "gloss", ["A1.S2"], "A1", verified=False),
        Found("developments", "gloss", ["A2.S2"], "A2", verified=False),
    ]
    near = [Link("A1.S1", "A2.S1", 0.93), Link("A1.S2", "A2.S2", 0.93)]

    found = disagreements(stated, reading, near)
    assert [c.sides() for c in found] == [frozenset({("A1.S2",), ("A2.S2",)})]


def test_two_values_placed_in_places_the_other_sentence_never_names_are_no_disagreement() -> None:
    """vegagerd: RÚV's "98 millimetrar á Dalatanga" and Vísir's "Úrkoman í Borgarfirði
    mældist 120 millimetrar" measure two places; snjoflod's "Á Ísafirði og í Hnífsdal
    hafa 42 hús verið rýmd" and "45 húsa á Ísafirði og í Hnífsdal" count one thing, the
    places once before the number and once after it; two counts no place is put next to
    stay a disagreement, whatever places the sentences name elsewhere."""
    reading = read([
        source("A1", "is", ["Úrkoman mældist 98 millimetrar á Dalatanga á tveimur sólarhringum.",
                            "Á Ísafirði og í Hnífsdal hafa 42 hús verið rýmd.",
                            "Alls voru 150 hermenn sendir heim og fluttir til Moskvu."]),
        source("A2", "is", ["Úrkoman í Borgarfirði mældist 120 millimetrar frá sunnudegi.",
                            "Íbúar 45 húsa á Ísafirði og í Hnífsdal voru vaktir.",
                            "Rússar fengu 147 hermenn heim, sagði talsmaður í Kreml."]),
    ])  # fmt: skip
    stated = [
        Found("developments", "gloss", [f"A{a}.S{n}"], f"A{a}", verified=False)
        for n in (1, 2, 3)
        for a in (1, 2)
    ]
    near = [Link(f"A1.S{n}", f"A2.S{n}", 0.93) for n in (1, 2, 3)]

    found = disagreements(stated, reading, near)
    assert {c.sides() for c in found} == {
        frozenset({("A1.S2",), ("A2.S2",)}),
        frozenset({("A1.S3",), ("A2.S3",)}),  # neither number is placed: fangar's 150 and 147
    }


def test_a_fact_code_files_as_news_is_not_folded_under_another_outlets_background() -> None:
    """arctic-rescue: the German "Die Kosten von rund 40 Millionen Euro teilen sich die
    drei Länder", labelled background by code, came first and took Vísir's development
    "Miðstöðin verður í Bodø og kostar um 40 milljónir evra" into its item; the context
    step then dropped the item as background a news item states, and the Icelandic
    sentence reached no column. The news item hosts the two."""
    reading = read([
        source("D", "de", ["Die Kosten von rund 40 Millionen Euro teilen sich die drei Länder."]),
        source("I", "is", ["Miðstöðin verður í Bodø og kostar um 40 milljónir evra."]),
    ])  # fmt: skip
    german = Found("background", "The costs of 40 million euros are shared.", ["D.S1"], "D",
                   verified=False)  # fmt: skip
    icelandic = Found("developments", "The centre costs 40 million euros.", ["I.S1"], "I",
                      verified=False)  # fmt: skip
    same = [Link("D.S1", "I.S1", 0.9)]

    [one] = merge([german, icelandic], reading, same)
    assert one.section == "developments" and one.evidence[0] == "I.S1"
    assert "D.S1" in one.evidence


def test_a_kept_fact_leaves_out_a_sentence_a_statement_cites_but_one_naming_its_holder() -> None:
    """vetni (a story of my own): Le Monde's "les premières livraisons sont prévues en
    2030", linked by the year to Reuters' "Germany expects to import … by 2030", showed
    that sentence as its English line while Germany's position stated it too. A sentence
    naming the kept fact's holder stays: it says who "hún" is."""
    english = ["Germany expects to import half its hydrogen by 2030.", "Elin said no plants."]
    icelandic = ["Elín Hauksdóttir, ráðherra, segir þetta stórt skref.", "Hún segir það."]
    reading = Reading(
        sources=[
            source("A1", "fr", ["Les premières livraisons sont prévues en 2030."]),
            source("A2", "en", english),
            source("A3", "is", icelandic),
        ]
    )
    for src in reading.sources:
        reading.sentences.update({s.id: s for s in src.sentences})
    published = [
        Found("positions", english[0], ["A2.S1"], "A2", "Germany"),
        Found("positions", english[1], ["A2.S2", "A3.S1"], "A2", "Elin Hauksdottir"),
    ]
    french = Found("developments", "2030.", ["A1.S1", "A2.S1"], "A1", verified=False)
    quote = Found("positions", "She says it.", ["A3.S2", "A3.S1"], "A3", "Elín Hauksdóttir")

    kept = unshared([french, quote], published, reading)
    assert [i.evidence for i in kept] == [["A1.S1"], ["A3.S2", "A3.S1"]]
    # arctic-rescue: a statement a disagreement shows as a side is no item
    assert unshared([french], published, reading, [{"A2.S1", "A1.S2"}]) == [french]


GROUP = "Dýraverndarsamband Íslands segir dóminn vonbrigði."


def test_a_skipped_sentence_is_cited_by_the_item_citing_the_one_read_for_it() -> None:
    """vetni: dpa's and Le Monde's signing sentences, skipped behind RÚV's, are cited where
    RÚV's is; hvalur: dpa's court order, linked to mbl.is's "Dýraverndarsamband Íslands
    segir dóminn vonbrigði", is no citation of that group's position."""
    reading = Reading(
        sources=[
            source("A1", "de", ["Deutschland und Island haben ein Abkommen unterzeichnet."]),
            source("A2", "is", ["Ísland og Þýskaland undirrituðu samkomulag.", GROUP]),
        ]
    )
    for src in reading.sources:
        reading.sentences.update({s.id: s for s in src.sentences})
    signed = Found("agreements", "Signed.", ["A3.S1", "A2.S1"], "A3")
    group = Found("positions", GROUP, ["A2.S2"], "A2", "Dýraverndarsamband Íslands")

    assert join_skipped([signed, group], {"A1.S1": ["A2.S1"]}, reading)[0].evidence == [
        "A3.S1", "A2.S1", "A1.S1",
    ]  # fmt: skip
    assert join_skipped([group], {"A1.S1": ["A2.S2"]}, reading) == [group]
    assert join_skipped([signed], {"A1.S1": ["A2.S1"]}, reading, [{"A3.S1", "A2.S1"}]) == [signed]
    # a place the sentence names ("Islands", Iceland's) does not name the group
    court = source("A4", "de", ["Islands Oberstes Gericht hat den Staat verurteilt."])
    reading.sources.append(court)
    reading.sentences.update({s.id: s for s in court.sentences})
    assert join_skipped([group], {"A4.S1": ["A2.S2"]}, reading) == [group]


def test_a_sentence_read_through_its_translation_disagrees_on_a_weaker_link() -> None:
    """eldgos: a German sentence has no gloss, so a link of it needs a merge link's score
    to disagree (e5 alone says it is one fact); linked through the model's English of it,
    which code checked, what it counts apart from the other's English (`Link.values`) is a
    disagreement."""
    from helpers import article

    reading = read([
        article("A", "en", "Isavia said 40 flights were cancelled on Thursday."),
        article("B", "de", "Nach Angaben von Isavia wurden 42 Flüge gestrichen."),
    ])  # fmt: skip
    forty, fortytwo = Value(kind="number", number=40.0), Value(kind="number", number=42.0)
    link = Link("B.S1", "A.S1", 0.82, (fortytwo, forty))
    stated = Found("developments", "Isavia said 40 flights were cancelled.", ["A.S1"], "A")
    german = Found("developments", "Nach Angaben…", ["B.S1"], "B", verified=False)

    [conflict] = disagreements([stated], reading, [link], [german])
    assert (conflict.first, conflict.second) == (stated, german)
    # the same link as e5 gives it, with no values read apart, is too weak
    assert disagreements([stated], reading, [Link("B.S1", "A.S1", 0.82)], [german]) == []


def test_two_outlets_restating_a_third_outlets_fact_with_its_number_are_one_item() -> None:
    """atc-dispute: mbl.is's and Norðri's lines on the union's 9 percent demand, each
    citing Straumur's line on it, were two items of one holder; one now, citing both and
    showing the first. The mediator's two lines citing Straumur's sentence on the deal
    share no number and stay two."""
    from briefing.stages.merge import fold_lines

    reading = read([
        source("A1", "is", [
            "Félagið krefst 9 prósenta launahækkunar á ári næstu þrjú árin.",
            "Ástráður sagði að aðilar hefðu nálgast hvor annan verulega.",
        ]),
        source("A2", "is", [
            "Félag íslenskra flugumferðarstjóra fer fram á 9 prósenta hækkun á ári en Isavia"
            " hefur ekki viljað fara yfir 4,5 prósent.",
            "Ástráður sagðist bjartsýnn á að samningar næðust fyrir þann tíma.",
        ]),
        source("A3", "is", [
            "Félag íslenskra flugumferðarstjóra krefst 9 prósenta hækkunar á ári í þrjú ár,"
            " en Isavia býður 4,5 prósent.",
            "Samkomulagið sem náðist í nótt snýr að vinnutíma.",
        ]),
    ])  # fmt: skip
    union = "Félag íslenskra flugumferðarstjóra"
    mbl = Found("positions", "gloss", ["A1.S1", "A3.S1"], "A1", union, verified=False)
    nordri = Found("positions", "gloss", ["A2.S1", "A3.S1"], "A2", union, verified=False)

    [one] = fold_lines([mbl, nordri], reading)
    assert (one.evidence, one.continued) == (["A1.S1", "A3.S1", "A2.S1"], [])
    his = [
        Found("positions", "gloss", ["A1.S2", "A3.S2"], "A1", "Ástráður", verified=False),
        Found("positions", "gloss", ["A2.S2", "A3.S2"], "A2", "Ástráður", verified=False),
    ]
    assert [f.evidence for f in fold_lines(his, reading)] == [f.evidence for f in his]
