"""Markdown rendering: quotes come verbatim from the sources, in both layouts."""

from __future__ import annotations

import pytest
from helpers import scripted

from briefing.core.models import Briefing, Item, Source
from briefing.llm.fake import FakeLLM
from briefing.render.markdown import footnotes, render_json, render_markdown
from briefing.stages.pipeline import Options, generate


@pytest.fixture
def briefing(harbour: list[Source]) -> Briefing:
    return generate(harbour, FakeLLM(scripted()), Options(chunk_tokens=30))  # every sentence


def test_footnotes_quote_the_source_not_the_model(harbour: list[Source]) -> None:
    item = Item(text={"en": "Invented words", "is": "x"}, evidence=["A2.S3", "A1.S1"])
    b = Briefing(languages=["en", "is"], sources=harbour, open_issues=[item])
    notes = footnotes(b)

    assert [n["id"] for n in notes] == ["A2.S3", "A1.S1"]
    assert notes[0]["quote"] == "Ekki náðist samkomulag um hafnargjaldið."
    assert notes[0]["source"] == "Vikublaðið" and notes[0]["language"] == "is"
    assert notes[1]["url"] == "https://example.org/coastal-times/akureyri-ferry"
    assert "Invented words" not in "".join(n["quote"] for n in notes)


def test_stacked_layout_has_one_section_per_language(briefing: Briefing) -> None:
    text = render_markdown(briefing)
    english, icelandic = text.index("## English"), text.index("## Íslenska")
    assert english < text.index("### Agreements") < icelandic < text.index("### Samkomulag")
    # an English sentence that stands on its own is published as written
    assert (
        "- The town of Akureyri and the ferry operator Nordlys agreed on Tuesday to add two "
        "night sailings from May.[^A1.S1][^A2.S1]"
    ) in text
    # the Icelandic line quotes the Icelandic evidence sentence verbatim
    assert "- „Akureyrarbær og ferjufélagið Nordlys sömdu í gær um tvær nýjar" in text
    assert "- „Ekki náðist samkomulag um hafnargjaldið.“[^A1.S3][^A2.S3]" in text
    berg = "Nordlys chief executive Pétur Berg said the company wants the fee cut by half."
    assert f"- **Pétur Berg**: {berg}[^A1.S4]" in text
    # with no Icelandic evidence the English statement is shown, marked
    assert f"- **Pétur Berg**: [en] {berg}[^A1.S4]" in text
    assert "[^A1.S4]: “Nordlys chief executive Pétur Berg said the company wants" in text
    assert text.count("[^A1.S1]:") == 1


def test_paired_layout_keeps_each_item_together(briefing: Briefing) -> None:
    text = render_markdown(briefing, layout="paired")
    assert (
        "- [en] The harbour fee was not settled and will be discussed again next week.\n"
        "  [is] „Ekki náðist samkomulag um hafnargjaldið.“[^A1.S3][^A2.S3]"
    ) in text
    berg = "Nordlys chief executive Pétur Berg said the company wants the fee cut by half."
    assert f"- [en] **Pétur Berg**: {berg}\n  [is] **Pétur Berg**: [en] {berg}[^A1.S4]" in text


def test_empty_sections_say_so_in_each_language(harbour: list[Source]) -> None:
    text = render_markdown(Briefing(languages=["en", "is"], sources=harbour))
    assert text.count("Nothing reported.") == 5 and text.count("Ekkert kom fram.") == 5


def test_footer_names_backend_model_and_prompts(briefing: Briefing) -> None:
    last = render_markdown(briefing).strip().splitlines()[-1]
    assert last.startswith("*briefing ") and "fake · fake-1" in last
    assert "8 LLM calls" in last and "(shipped)" in last


def test_json_round_trips(briefing: Briefing) -> None:
    assert Briefing.model_validate_json(render_json(briefing)) == briefing


@pytest.mark.parametrize("layout", ["stacked", "paired"])
def test_a_quoted_sentence_that_opens_with_its_own_mark_is_not_wrapped_again(
    harbour: list[Source], layout: str
) -> None:
    said = "„Við höldum áfram,“ sagði Anna Jónsdóttir."
    item = Item(
        text={"en": 'Anna Jónsdóttir said: "We go on."', "is": said},
        origin={"en": "statement", "is": "quote:A2.S2"},
        evidence=["A1.S2", "A2.S2"],
        actor="Anna Jónsdóttir",
    )
    plain = Item(
        text={"en": "The fee was not settled.", "is": "Ekki náðist samkomulag."},
        origin={"en": "statement", "is": "quote:A2.S3"},
        evidence=["A1.S3", "A2.S3"],
    )
    b = Briefing(languages=["en", "is"], sources=harbour, positions=[item], open_issues=[plain])
    text = render_markdown(b, layout=layout)
    assert f"**Anna Jónsdóttir**: {said}[^A1.S2]" in text and "„„" not in text
    assert "„Ekki náðist samkomulag.“" in text  # a plain sentence is still quoted


@pytest.mark.parametrize("layout", ["stacked", "paired"])
@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("„Við höldum áfram.", "„Við höldum áfram.“"),  # the quotation runs on past it
        ("Við höldum áfram,“ sagði Anna.", "„Við höldum áfram,“ sagði Anna."),  # opened before
        ("„Já,“ sagði Anna. „Nei.“", "„Já,“ sagði Anna. „Nei.“"),
    ],
)
def test_a_quoted_sentence_shows_whole_quotation_marks(
    harbour: list[Source], layout: str, sentence: str, shown: str
) -> None:
    item = Item(
        text={"en": 'Anna said: "We go on."', "is": sentence},
        origin={"en": "statement", "is": "quote:A2.S2"},
        evidence=["A1.S2", "A2.S2"],
        actor="Anna",
    )
    b = Briefing(languages=["en", "is"], sources=harbour, positions=[item])
    assert f"**Anna**: {shown}[^A1.S2]" in render_markdown(b, layout=layout)


@pytest.mark.parametrize("layout", ["stacked", "paired"])
def test_an_original_is_marked_with_its_language_and_its_gloss_set_apart(
    harbour: list[Source], layout: str
) -> None:
    """An Icelandic-only fact with no verified English line: the English column shows the
    Icelandic sentence marked [is] and the rough gloss labelled unverified."""
    quote = "Ekki náðist samkomulag um hafnargjaldið."
    item = Item(
        text={"en": quote, "is": quote},
        origin={"en": "original:is:A2.S3", "is": "quote:A2.S3"},
        gloss={"en": "Not reached agreement about the harbour fee."},
        evidence=["A2.S3"],
    )
    b = Briefing(languages=["en", "is"], sources=harbour, open_issues=[item])
    text = render_markdown(b, layout=layout)

    assert (  # each column sets a quotation in its own language's marks
        f"[is] “{quote}” (rough machine gloss, unverified: Not reached agreement about the "
        "harbour fee.)"
    ) in text
    assert f"„{quote}“[^A2.S3]" in text  # the Icelandic column: the quote, unmarked


@pytest.mark.parametrize("layout", ["stacked", "paired"])
def test_the_background_section_is_shown_only_when_it_has_items(
    harbour: list[Source], layout: str
) -> None:
    """Every other section says "Nothing reported." when empty; background is left out."""
    open_issue = Item(text={"en": "Fees are open.", "is": "x"}, evidence=["A2.S3"])
    bare = Briefing(languages=["en", "is"], sources=harbour, open_issues=[open_issue])
    text = render_markdown(bare, layout=layout)
    assert "Background" not in text and "Baksvið" not in text
    assert "Nothing reported." in text  # the empty developments section, say

    context = Item(text={"en": "The port opened in 1990.", "is": "y"}, evidence=["A1.S1"])
    shown = render_markdown(bare.model_copy(update={"background": [context]}), layout=layout)
    assert "Background" in shown and "Baksvið" in shown
    assert "The port opened in 1990." in shown


@pytest.mark.parametrize("layout", ["stacked", "paired"])
def test_a_cyrillic_actor_is_named_in_latin_letters_for_a_latin_column(
    harbour: list[Source], layout: str
) -> None:
    """ru/most-zakrytie: "**Олег Савин**" told an English reader nothing he could look up;
    the name is transliterated as English outlets write it, the original beside it."""
    item = Item(
        text={"en": "Oleg Savin said the detour raises fuel costs.", "is": "Олег Савин заявил."},
        origin={"en": "statement", "is": "original:ru:A2.S2"},
        evidence=["A1.S2", "A2.S2"],
        actor="Олег Савин",
    )
    b = Briefing(languages=["en", "is"], sources=harbour, positions=[item])
    text = render_markdown(b, layout=layout)
    assert "**Oleg Savin (Олег Савин)**: Oleg Savin said" in text
    assert "**Олег Савин**" not in text


def test_a_name_is_written_in_latin_letters_only_for_a_column_in_them() -> None:
    from briefing.lang.names import in_script_of

    assert in_script_of("Олег Савин", "is") == "Oleg Savin (Олег Савин)"
    assert in_script_of("Олег Савин", "ru") == "Олег Савин"
    assert in_script_of("Þórður Jónsson", "en") == "Þórður Jónsson"


@pytest.mark.parametrize("layout", ["stacked", "paired"])
def test_an_actor_is_spelt_as_each_columns_own_sources_write_the_name(layout: str) -> None:
    """eldgos (en, is, de): the Icelandic column headed the airport chief's position
    "**Sveinbjorn Indridason**", as Reuters spells him; RÚV writes "Sveinbjörn
    Indriðason". An inflected form ("Sveinbjörns") is not taken for the name."""
    from helpers import source

    from briefing.render.site import BriefingView

    english = source("A1", "en", ["Sveinbjorn Indridason said the plume drifted northeast."])
    icelandic = source("A2", "is", ["Sveinbjörn Indriðason sagði að mökkinn legði í norðaustur."])
    item = Item(
        text={"en": "Sveinbjorn Indridason said the plume drifted northeast.", "is": "x"},
        origin={"en": "statement", "is": "quote:A2.S1"},
        evidence=["A1.S1", "A2.S1"],
        actor="Sveinbjorn Indridason",
    )
    b = Briefing(languages=["en", "is"], sources=[english, icelandic], positions=[item])
    text = render_markdown(b, layout=layout)
    assert "**Sveinbjorn Indridason**: Sveinbjorn" in text
    assert "**Sveinbjörn Indriðason**:" in text
    assert BriefingView(b).names.actor("Sveinbjorn Indridason", "is") == "Sveinbjörn Indriðason"
    inflected = source("A2", "is", ["Orð Sveinbjörns Indriðasonar vöktu athygli."])
    other = b.model_copy(update={"sources": [english, inflected]})
    assert "**Sveinbjörn" not in render_markdown(other, layout=layout)


def test_a_place_holding_a_position_is_named_as_each_columns_reader_names_it() -> None:
    """flugvollur: AFP's "Le Danemark, qui reste compétent…" headed the position
    "**Le Danemark**" in both columns; a person's name is no place."""
    from helpers import source

    french = source("A1", "fr", ["Le Danemark a indiqué avoir été consulté."])
    items = [
        Item(
            text={"en": "x", "is": "y"},
            origin={"en": "original:fr:A1.S1", "is": "original:fr:A1.S1"},
            evidence=["A1.S1"],
            actor=actor,
        )
        for actor in ("Le Danemark", "Iceland", "Islands Reynir")
    ]
    b = Briefing(languages=["en", "is"], sources=[french], positions=items)
    text = render_markdown(b)
    assert "**Denmark**:" in text and "**Danmörk**:" in text
    assert "**Iceland**:" in text and "**Ísland**:" in text
    assert text.count("**Islands Reynir**:") == 2
    assert "Le Danemark**" not in text


def test_a_body_no_english_source_names_is_named_by_the_gloss_of_its_own_line() -> None:
    """examples/ (the README's briefing): the English column headed the Nordsee-Kurier's
    „Die Europäische Kommission begrüßte die Einigung…“ "**Europäische Kommission**",
    beside its gloss "The European Commission welcomed…". A person's name the gloss
    keeps, and a gloss whose name runs on or is not a name, change nothing; the
    Icelandic column, whose gloss is English, keeps the name as written."""
    from helpers import source

    german = source("A1", "de", [
        "Die Europäische Kommission begrüßte die Einigung.",
        "Der Hamburger Hafen will ein Terminal bauen.",
        "Katrin Lehmann begrüßte die Einigung.",
    ])  # fmt: skip
    glosses = {
        "Europäische Kommission": ("A1.S1", "The European Commission welcomed the agreement."),
        "Hamburger Hafen": ("A1.S2", "Hamburg's port wants to build a terminal."),
        "Katrin Lehmann": ("A1.S3", "Katrin Lehmann welcomed the agreement."),
    }
    items = [
        Item(
            text={"en": "x", "is": "y"},
            origin={"en": f"original:de:{sid}", "is": f"original:de:{sid}"},
            gloss={"en": english, "is": english},
            evidence=[sid],
            actor=actor,
        )
        for actor, (sid, english) in glosses.items()
    ]
    text = render_markdown(Briefing(languages=["en", "is"], sources=[german], positions=items))
    english, icelandic = text.split("## Íslenska")
    assert "**European Commission**:" in english and "**Europäische Kommission**:" in icelandic
    assert "**Hamburger Hafen**:" in english and "**Katrin Lehmann**:" in english


@pytest.mark.parametrize("layout", ["stacked", "paired"])
def test_the_icelandic_column_says_a_french_sentences_gloss_is_english(
    harbour: list[Source], layout: str
) -> None:
    """svartolia (a story of my own): a French fact in the Icelandic column stood beside
    "gróf vélþýðing" (rough machine translation) that was English; the label says so."""
    french = "La Russie a refusé de signer la déclaration."
    item = Item(
        text={"en": french, "is": french},
        origin={"en": "original:fr:A2.S3", "is": "original:fr:A2.S3"},
        gloss={"en": "Russia refused to sign the declaration.", "is": "Russia refused to sign."},
        evidence=["A2.S3"],
    )
    b = Briefing(languages=["en", "is"], sources=harbour, developments=[item])
    text = render_markdown(b, layout=layout)

    assert "(gróf vélþýðing á ensku, óstaðfest: Russia refused to sign.)" in text
