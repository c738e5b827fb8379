"""`stages.lead`: the briefing opens with what happened and the main agreement or dispute
most outlets report, rendered in every language by the items' own rules."""

from __future__ import annotations

import pytest
from helpers import briefing, item
from pydantic import ValidationError

from briefing.core.models import Briefing
from briefing.render.markdown import render_markdown
from briefing.stages.lead import lead


def test_the_lead_is_the_most_reported_news_then_the_other_kind_if_shared() -> None:
    happened = [
        item("The ferry sailed at noon.", None, ["A1.S1"]),
        item("The port opened on Friday.", None, ["A1.S2", "A2.S2"]),
    ]
    agreed = [item("Iceland gets 16.5 percent.", None, ["A1.S2", "A2.S3"])]
    unsettled = [item("Fees are not settled.", None, ["A1.S4"])]
    b = briefing(developments=happened, agreements=agreed, open_issues=unsettled)
    assert lead(b) == ["developments[2]", "agreements[1]"]  # two outlets each: what happened first
    fees = [item("Fees are not settled.", None, ["A1.S4", "A2.S4"])]
    only = briefing(developments=happened[:1], open_issues=fees)
    assert lead(only) == ["open_issues[1]"]  # a development one outlet reports is no lead
    # as many outlets: the news the articles tell first ("agreed" is their first sentence)
    meet = [item("The parties meet again on Monday.", None, ["A1.S19", "A2.S18", "A3.S19"])]
    deal = [item("The controllers and Isavia agreed.", None, ["A1.S1", "A2.S1", "A3.S9", "A3.S1"])]
    assert lead(briefing(developments=meet, agreements=deal)) == [
        "agreements[1]",
        "developments[1]",
    ]
    positions = [item("Einar Solheim called the deal fair.", None, ["A1.S3", "A2.S3"])]
    assert lead(briefing(positions=positions)) == []


def test_of_news_as_widely_reported_the_one_readable_in_the_briefings_languages_leads() -> None:
    """A Russian sentence no column reads, quoted and marked, is no lead where an English
    statement tells news as early (the jersey story's "[ru] Переговоры в Гранвиле ...")."""
    russian = item("Переговоры в Гранвиле продолжались девять часов.", None, ["A3.S2"])
    russian.origin = {"en": "original:ru:A3.S2", "is": "original:ru:A3.S2"}
    english = item("The deal was announced after nine hours of talks.", None, ["A1.S2"])
    english.origin = {"en": "statement", "is": "fallback"}
    assert lead(briefing(developments=[russian], agreements=[english])) == ["agreements[1]"]


def test_news_of_the_other_kind_read_in_no_column_adds_no_lead() -> None:
    """vetni: after the signing (an English statement, RÚV's quote), Le Monde's "L'hydrogène
    sera transporté … jusqu'au port de Hambourg", marked with a rough gloss in both
    columns, was the lead's second sentence."""
    signed = item("Germany and Iceland signed a deal.", None, ["A3.S1", "A4.S1"])
    signed.origin = {"en": "statement", "is": "quote:A4.S1"}
    french = item(
        "L'hydrogène sera transporté jusqu'au port de Hambourg.", None, ["A2.S4", "A1.S5"]
    )
    french.origin = {"en": "original:fr:A2.S4", "is": "original:fr:A2.S4"}
    assert lead(briefing(developments=[french], agreements=[signed])) == ["agreements[1]"]
    french.origin = {"en": "statement", "is": "original:fr:A2.S4"}  # read in one: it adds
    assert lead(briefing(developments=[french], agreements=[signed])) == [
        "agreements[1]",
        "developments[1]",
    ]


def test_an_announcement_the_outlets_open_with_leads_before_later_news() -> None:
    """svartsengi-expansion: both outlets open with HS Orka's announcement (a position,
    "said"); what is open is told at their end."""
    said = [item("HS Orka said it will expand its plant.", None, ["A1.S2", "A2.S2"])]
    approve = [item("The authority must still approve the plans.", None, ["A1.S8", "A2.S6"])]
    assert lead(briefing(positions=said, open_issues=approve)) == [
        "positions[1]",
        "open_issues[1]",
    ]
    # told later, or by fewer outlets than the news: the news leads, as before
    later = [item("HS Orka said it will expand its plant.", None, ["A1.S9", "A2.S9"])]
    assert lead(briefing(positions=later, open_issues=approve)) == ["open_issues[1]"]
    one = [item("HS Orka said it will expand its plant.", None, ["A1.S2"])]
    assert lead(briefing(positions=one, open_issues=approve)) == ["open_issues[1]"]
    # a position alone is still no lead
    assert lead(briefing(positions=said)) == []


def test_the_position_the_outlets_open_with_leads_before_one_more_outlets_repeat_later() -> None:
    """eldgos (en, is, de): Reuters and RÚV open with the cancellations, "Isavia said";
    the airport chief's words on the ash plume, told second to fifth by all three, led."""
    opening = item(
        "The eruption forced the cancellation of 40 flights, Isavia said.", None, ["A1.S1", "A2.S1"]
    )
    plume = item(
        "Sveinbjorn Indridason said the ash plume was drifting northeast.",
        None,
        ["A1.S2", "A2.S3", "A3.S5"],
    )
    unclear = [item("When the airport reopens fully is unclear.", None, ["A3.S6", "A2.S4"])]
    b = briefing(positions=[plume, opening], open_issues=unclear)
    assert lead(b) == ["positions[2]", "open_issues[1]"]
    # Reuters' own sentence on it cited too: three outlets report what is open, two open
    # with the cancellations, which still lead
    unclear = [
        item("When the airport reopens fully is unclear.", None, ["A3.S6", "A2.S4", "A1.S3"])
    ]
    b = briefing(positions=[plume, opening], open_issues=unclear)
    assert lead(b) == ["positions[2]", "open_issues[1]"]


def test_the_lead_is_rendered_first_in_each_language() -> None:
    b = briefing(agreements=[item("Talks ended.", "Viðræðum lauk á Akureyri.", ["A1.S1", "A2.S1"])])
    b.lead = lead(b)
    text = render_markdown(b)

    assert "**In brief:** Talks ended.[^A1.S1][^A2.S1]" in text
    assert "**Í stuttu máli:** Viðræðum lauk á Akureyri.[^A1.S1][^A2.S1]" in text
    assert text.index("In brief") < text.index("### Agreements")


def test_a_lead_naming_no_item_is_refused_when_a_briefing_is_read() -> None:
    data = briefing(agreements=[item("Talks ended.", None, ["A1.S1"])]).model_dump()
    for key in ("agreements[2]", "agreements[0]", "sources[1]"):
        with pytest.raises(ValidationError, match="lead names no item"):
            Briefing.model_validate({**data, "lead": [key]})
    assert Briefing.model_validate({**data, "lead": ["agreements[1]"]}).lead == ["agreements[1]"]


def test_news_every_outlet_opens_with_but_tells_differently_leads_as_the_disagreement() -> None:
    """jersey: both outlets open with the deal, 45 against 40 licences; the sections show
    it only as a disagreement, and the lead was "The deal was announced by ... Gorst",
    which never says what the deal is. Both sides lead, then the news."""
    from briefing.core.models import Side

    sides = [
        Side(
            source="A1",
            evidence=["A1.S1"],
            text={"en": "They agreed on 45 licences.", "is": "45 leyfi."},
        ),
        Side(source="A2", evidence=["A2.S1"], text={"en": "40 licences", "is": "40 leyfi"}),
    ]
    conflict = item("", None, ["A1.S1", "A2.S1"]).model_copy(update={"text": {}, "sides": sides})
    announced = [item("The deal was announced by Ian Gorst.", "Ian Gorst kynnti.", ["A1.S2"])]
    b = briefing(developments=announced, disagreements=[conflict])
    assert lead(b) == ["disagreements[1]", "developments[1]"]
    b.lead = lead(b)
    text = render_markdown(b)
    assert "**In brief:** " in text and "They agreed on 45 licences." in text.split("###")[0]
    assert "40 licences.[^A1.S1]" in text  # the side alone ends the sentence
    # told further down by one outlet: a disagreement, not the lead
    later = conflict.model_copy(update={"evidence": ["A1.S4", "A2.S1"]})
    assert lead(briefing(developments=announced, disagreements=[later])) == ["developments[1]"]


def test_the_opening_news_told_with_two_values_leads_though_one_outlet_tells_it_second() -> None:
    """orka (a story of my own): Reuters and RÚV open with the power cut, Handelsblatt and
    mbl.is tell its size second; 55 megawatts against 50 was no lead, and "Arnarson said
    the company had no choice", told fourth, led. A disagreement one outlet tells further
    down still does not lead, nor one told after the news or the announcement."""
    from briefing.core.models import Side

    sides = [
        Side(source="A3", evidence=["A3.S1", "A1.S2"], text={"en": "55 megawatts"}),
        Side(source="A4", evidence=["A4.S1", "A2.S2"], text={"en": "50 megawatts"}),
    ]
    conflict = item("", None, ["A3.S1", "A1.S2", "A4.S1", "A2.S2"]).model_copy(
        update={"text": {}, "sides": sides}
    )
    said = [item("It was not clear how long the cut would last.", None, ["A3.S7", "A4.S6"])]
    assert lead(briefing(open_issues=said, disagreements=[conflict])) == [
        "disagreements[1]",
        "open_issues[1]",
    ]
    deep = conflict.model_copy(update={"evidence": ["A3.S1", "A1.S5"]})
    assert lead(briefing(open_issues=said, disagreements=[deep])) == ["open_issues[1]"]
    # svartsengi-expansion: the announcement both outlets tell second leads their 30
    # against 35 megawatts, told third
    announced = [item("HS Orka said it will expand.", None, ["A1.S2", "A2.S2"], "HS Orka")]
    later = conflict.model_copy(update={"evidence": ["A1.S3", "A2.S3"]})
    pending = [item("The authority must still approve it.", None, ["A1.S8", "A2.S6"])]
    b = briefing(positions=announced, open_issues=pending, disagreements=[later])
    assert lead(b) == ["positions[1]", "open_issues[1]"]


def test_news_two_outlets_open_with_leads_before_a_detail_three_tell_further_down() -> None:
    """gas (a story of my own): "The price was not disclosed." (three outlets, told fifth)
    led the briefing; the agreement the Guardian and Reuters open with is the news."""
    deal = [item("Norway and Poland signed a ten-year gas deal.", None, ["A1.S1", "A2.S1"])]
    price = [item("The price was not disclosed.", None, ["A1.S5", "A2.S4", "A3.S4"])]
    assert lead(briefing(agreements=deal, open_issues=price))[0] == "agreements[1]"


def test_the_lead_names_a_speaker_a_line_gives_by_a_pronoun_but_not_a_positions_holder() -> None:
    """eldgos: the lead's open issue read '"We do not yet know…," he told Reuters.' with no
    one named; a position's line names its holder itself ("…, Isavia said")."""
    unclear = item('"We do not know," he told Reuters.', "Hann sagði að ekki væri vitað.",
                   ["A1.S3", "A2.S3", "A1.S2"], actor="Sveinbjorn Indridason")  # fmt: skip
    said = item("Flights were cancelled, Isavia said.", "Flugi aflýst.", ["A1.S1"], actor="Isavia")
    b = briefing(open_issues=[unclear], positions=[said])
    b.lead = ["positions[1]", "open_issues[1]"]
    text = render_markdown(b)

    assert (
        "**In brief:** Flights were cancelled, Isavia said.[^A1.S1] "
        '**Sveinbjorn Indridason**: "We do not know," he told Reuters.' in text
    )
    assert "**Isavia**: Flights" not in text.split("###")[0]
