"""Which sentences the model is not asked about: one per fact across the articles."""

from __future__ import annotations

from helpers import source

from briefing.lang.values import values
from briefing.stages.align import Link
from briefing.stages.build import covered, echoed
from briefing.stages.reading import Reading


def _reading(*sources_) -> Reading:
    reading = Reading(sources=list(sources_))
    for src in sources_:
        for s in src.sentences:
            reading.sentences[s.id] = s
            reading.language[s.id] = src.language
            reading.values[s.id] = frozenset(values(s.text, src.language))
    return reading


def test_a_fact_three_outlets_report_in_like_words_is_asked_once() -> None:
    reading = _reading(
        source("A1", "en", ["In all 214 flights were cancelled at Keflavik.", "Talks went on."]),
        source("A2", "en", ["In all 214 flights were cancelled at Keflavik airport."]),
        source("A3", "en", ["Overall 214 flights were cancelled at Keflavik."]),
    )
    same = [Link("A1.S1", "A2.S1", 0.9), Link("A1.S1", "A3.S1", 0.9), Link("A2.S1", "A3.S1", 0.9)]

    assert covered(reading, same) == {"A2.S1", "A3.S1"}


def test_two_sentences_of_one_language_that_only_share_a_subject_are_both_asked() -> None:
    reading = _reading(
        source("A1", "en", ["The water company said a leak in the main pipeline was repaired."]),
        source("A2", "en", ["Ashby said the water company loses a quarter of its water to leaks."]),
    )

    assert covered(reading, [Link("A1.S1", "A2.S1", 0.91)]) == frozenset()


def test_the_english_sentence_is_read_and_a_different_number_is_asked_again() -> None:
    reading = _reading(
        source("A1", "is", ["Kostnaðurinn er 45 milljónir.", "Alls var 214 flugferðum aflýst."]),
        source("A2", "en", ["The cost is 40 million.", "In all 214 flights were cancelled."]),
        source("A3", "en", ["Some 214 flights were cancelled in all."]),
    )
    same = [
        Link("A1.S1", "A2.S1", 0.9),  # 45 against 40: each side is asked
        Link("A1.S2", "A2.S2", 0.9),
        Link("A2.S2", "A3.S1", 0.9),
    ]

    assert covered(reading, same) == {"A1.S2", "A3.S1"}


def test_a_sentence_is_skipped_only_where_the_one_read_gives_no_value_it_lacks() -> None:
    """togari: AFP's "Les conditions étaient très difficiles, avec des vagues de six
    mètres" was read and Morgunblaðið's "… sagði að aðstæður hefðu verið mjög erfiðar"
    skipped; the merge cites a linked sentence only where it gives the read one's values,
    so the Icelandic sentence reached no column."""
    reading = _reading(
        source("A1", "en", ["Conditions were very hard, with waves of six metres."]),
        source("A2", "is", ["Aðstæður voru mjög erfiðar."]),
        source("A3", "en", ["Conditions were very hard, with six-metre waves and 6 ships."]),
    )
    same = [Link("A1.S1", "A2.S1", 0.94), Link("A1.S1", "A3.S1", 0.9)]
    assert reading.values["A1.S1"] and not reading.values["A2.S1"]
    assert "A2.S1" not in covered(reading, same)


def test_the_sentence_read_for_one_skipped_is_no_echo_a_budget_may_cut() -> None:
    """kampfjet: Le Monde's signing sentence was read for Der Spiegel's, skipped behind
    it, then left over the budget as an echo: the fact was in neither column. The one
    read for both is asked as this outlet's own."""
    reading = _reading(
        source("A1", "fr", ["Les ministres ont signé le texte jeudi.", "Autre chose."]),
        source("A2", "de", ["Die Minister unterzeichneten den Text am Donnerstag."]),
    )
    same = [Link("A1.S1", "A2.S1", 0.9)]
    skip = covered(reading, same)

    assert skip == {"A2.S1"}
    assert echoed(reading, same, skip) == {"A2.S1"}  # never asked: the story is shared
    assert echoed(reading, same) == {"A1.S1", "A2.S1"}


def test_a_sentence_skipped_behind_two_read_ones_leaves_both_echoes() -> None:
    """cruise-grounding: RÚV's passengers sentence is skipped behind Reuters' and AFP's;
    Reuters states it, so AFP's stays an echo a budget may cut."""
    reading = _reading(
        source("A1", "fr", ["Les passagers ont été évacués."]),
        source("A2", "en", ["The passengers were evacuated."]),
        source("A3", "is", ["Farþegarnir voru fluttir í land."]),
    )
    same = [Link("A2.S1", "A3.S1", 0.9), Link("A1.S1", "A3.S1", 0.9)]
    skip = covered(reading, same)

    assert skip == {"A3.S1"}
    assert echoed(reading, same, skip) == {"A1.S1", "A2.S1", "A3.S1"}


def test_a_sentence_giving_a_value_its_partner_lacks_is_no_echo() -> None:
    """svartolia (a story of my own): Le Figaro's lead, the only sentence with "23 États"
    and the day of the meeting, was an echo of RIA's "с 2027 года" and went over the
    budget; the disagreement with mbl.is's 21 states was lost with it. The sentence that
    gives no more than the other is the echo."""
    reading = _reading(
        source(
            "A1", "fr", ["Réunis mercredi 9 décembre, 23 États se sont engagés à agir dès 2027."]
        ),
        source("A2", "ru", ["Россия не стала подписывать декларацию с 2027 года."]),
    )
    same = [Link("A1.S1", "A2.S1", 0.88)]

    assert echoed(reading, same) == {"A2.S1"}


def test_a_sentence_another_body_says_is_read_not_covered_by_the_one_read() -> None:
    """laxeldi-sala (a story of my own): "Landssamband veiðifélaga gagnrýnir söluna…" was
    not read, behind Reuters' "The Icelandic Wildlife Fund criticised the sale", and once
    the merge no longer cited it under the Fund it was lost: it is read, as its own fact.
    A pronoun's speaker resolved is the one read ("…," he told Reuters)."""
    from briefing.stages.reading import read

    reading = read([
        source("A1", "en", ["The Icelandic Wildlife Fund criticised the sale of the farm."]),
        source("A2", "is", ["Landssamband veiðifélaga gagnrýnir söluna á fyrirtækinu."]),
    ])  # fmt: skip
    assert covered(reading, [Link("A1.S1", "A2.S1", 0.9)]) == frozenset()
    fund = read([
        source("A1", "en", ["The Icelandic Wildlife Fund criticised the sale of the farm."]),
        source("A2", "is", ["Íslenski náttúruverndarsjóðurinn gagnrýnir söluna á fyrirtækinu."]),
    ])  # fmt: skip
    assert covered(fund, [Link("A1.S1", "A2.S1", 0.9)]) == {"A2.S1"}


def test_of_two_other_languages_the_output_language_s_sentence_is_read() -> None:
    """vetni (a story of my own): RÚV's signing sentence was skipped behind dpa's, which
    went over the budget of a source no column quotes, while Reuters' line, giving tonnes
    and a year, could cite neither: the signing was in no Icelandic line. The Icelandic
    one is read; the German one is skipped behind it."""
    reading = _reading(
        source("A1", "de", ["Deutschland und Island haben ein Abkommen unterzeichnet."]),
        source("A2", "en", ["Germany and Iceland signed a deal to ship 100,000 tonnes."]),
        source("A3", "is", ["Ísland og Þýskaland undirrituðu samkomulag."]),
    )
    same = [Link("A1.S1", "A2.S1", 0.9), Link("A1.S1", "A3.S1", 0.94), Link("A2.S1", "A3.S1", 0.97)]

    assert covered(reading, same, ["en", "is"]) == {"A1.S1"}
    assert covered(reading, same) == {"A3.S1"}  # no output language given: the earlier article's


def test_of_two_other_languages_the_one_giving_more_values_is_read_first() -> None:
    """nordurljos: RÚV's "Samningurinn gildir til fimm ára", read first as the output
    language's, left Le Monde's five years and 2028 skipped behind it and TASS's same
    sentence, linked to Le Monde's only, an item of its own: one fact in two items."""
    reading = _reading(
        source("A1", "fr", ["L'accord est conclu pour cinq ans et ouvrira en 2028."]),
        source("A2", "is", ["Samningurinn gildir til fimm ára."]),
        source("A3", "ru", ["Соглашение заключено на пять лет, работа начнётся в 2028 году."]),
    )
    same = [Link("A1.S1", "A2.S1", 0.9), Link("A1.S1", "A3.S1", 0.93)]
    assert len(reading.values["A1.S1"]) > len(reading.values["A2.S1"])

    assert covered(reading, same, ["en", "is"]) == {"A3.S1"}
