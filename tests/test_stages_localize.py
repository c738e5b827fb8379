"""`stages.localize`: every line in every language, none of them written by the model."""

from __future__ import annotations

import pytest
from stage_sources import ICELANDIC, meeting

from briefing.core.models import Source
from briefing.stages.align import Link
from briefing.stages.build import assemble
from briefing.stages.found import Found
from briefing.stages.localize import lines
from briefing.stages.reading import Reading

SHARE = "They agreed to share research data on the mackerel stock."


@pytest.fixture(scope="module")
def read_meeting() -> tuple[Reading, list[Link], list[Link]]:
    return meeting()


def test_the_icelandic_evidence_sentence_is_quoted_verbatim(read_meeting) -> None:
    reading, _, _ = read_meeting
    text, origin, _ = lines(SHARE, ["E.S2", "I.S2"], reading, ["en", "is"])

    assert text == {"en": SHARE, "is": ICELANDIC.sentences[1].text}
    assert origin == {"en": "statement", "is": "quote:I.S2"}


def test_without_icelandic_evidence_the_english_line_is_a_marked_fallback(read_meeting) -> None:
    reading, _, _ = read_meeting
    statement = "Norway wants a larger share of the catch."
    text, origin, _ = lines(statement, ["E.S3"], reading, ["en", "is", "de"])

    assert text == {"en": statement, "is": statement, "de": statement}
    assert origin == {"en": "statement", "is": "fallback", "de": "fallback"}


def test_an_unverified_fact_is_quoted_in_its_language_and_shown_as_original_elsewhere(
    read_meeting,
) -> None:
    """No verified English statement: the Icelandic column quotes the sentence, the
    English one shows the original marked with its language and the rough gloss apart,
    never the gloss as the English line."""
    reading, _, _ = read_meeting
    gloss = reading.gloss["I.S2"]
    text, origin, glosses = lines(gloss, ["I.S2"], reading, ["en", "is"], verified=False)

    assert text == {"en": ICELANDIC.sentences[1].text, "is": ICELANDIC.sentences[1].text}
    assert origin == {"en": "original:is:I.S2", "is": "quote:I.S2"}
    assert glosses == {"en": gloss}


def test_the_models_english_of_a_sentence_no_glosser_reads_is_shown_only_if_english() -> None:
    """jardhitavirkjun (a story of my own): the model "translated" Interfax's sentence by
    spelling it in Latin letters, and the English column showed that as its gloss."""
    from helpers import source

    from briefing.stages.reading import read

    russian = (
        "Евразийский банк развития рассматривает возможность участия в финансировании "
        "проекта, сообщили «Интерфаксу» в пресс-службе банка."
    )
    reading = read([source("R", "ru", [russian])])
    spelled = (
        "Evraziyskiy bank razvitiya rassmatrivayet vozmozhnost uchastiya v finansirovanii "
        "proyekta, soobshchili «Interfaksu» v press-sluzhbe banka."
    )
    said = "The Eurasian Development Bank is considering helping to finance the project."
    _, _, glosses = lines(spelled, ["R.S1"], reading, ["en", "is"], verified=False)
    assert glosses == {}
    _, _, glosses = lines(said, ["R.S1"], reading, ["en", "is"], verified=False)
    assert glosses == {"en": said, "is": said}


def test_the_first_cited_sentence_of_the_language_is_quoted(read_meeting) -> None:
    reading, _, _ = read_meeting
    _, origin, _ = lines("x", ["E.S1", "I.S4", "I.S1"], reading, ["is"])
    assert origin == {"is": "quote:I.S4"}


def test_a_quote_collapses_the_source_whitespace() -> None:
    from helpers import source

    from briefing.stages.reading import read

    spaced = source("W", "is", ["Ráðherrarnir  funduðu\n í Bergen."])
    reading = read([spaced])
    text, _, _ = lines("The ministers met in Bergen.", ["W.S1"], reading, ["is"])
    assert text == {"is": "Ráðherrarnir funduðu í Bergen."}


def test_assembled_items_carry_text_and_origin_per_language(read_meeting) -> None:
    reading, _, _ = read_meeting
    merged = [
        Found("agreements", SHARE, ["E.S2", "I.S2"], "E"),
        Found("positions", "Norway wants a larger share of the catch.", ["E.S3"], "E", "Norway"),
    ]
    briefing = assemble(reading, merged, [], ["en", "is"], [])

    [agreement], [position] = briefing.agreements, briefing.positions
    assert agreement.origin == {"en": "statement", "is": "quote:I.S2"}
    assert position.origin["is"] == "fallback" and position.actor == "Norway"
    assert all(isinstance(s, Source) for s in briefing.sources)


def test_an_english_reader_gets_the_cited_sentence_with_a_gloss_over_one_with_none() -> None:
    """eldgos: "[de] Wann der Flughafen Keflavík wieder voll geöffnet werde, sei noch
    unklar." stood in the English column with nothing beside it, though the item cites
    RÚV's sentence, which has a rough gloss; the German one stays where it has the
    model's English."""
    from helpers import article

    from briefing.stages.reading import read

    german = article("D", "de", "Wann der Flughafen wieder voll geöffnet werde, sei noch unklar.")
    icelandic = article("I", "is", "Ekki er vitað hvenær flugvöllurinn verður opnaður að fullu.")
    reading = read([german, icelandic])
    unclear = german.sentences[0].text
    _, origin, glosses = lines(unclear, ["D.S1", "I.S1"], reading, ["en", "is"], False)
    assert origin == {"en": "original:is:I.S1", "is": "quote:I.S1"}
    assert glosses == {"en": reading.gloss["I.S1"]}
    translated = "When the airport will fully reopen is still unclear."
    _, origin, glosses = lines(translated, ["D.S1", "I.S1"], reading, ["en", "is"], False)
    assert origin["en"] == "original:de:D.S1" and glosses["en"] == translated


def test_a_positions_quote_is_never_another_persons_sentence() -> None:
    """rannsokn (a story of my own, AFP and RÚV): Claire Dubois's statement was quoted in
    Icelandic as "Logi Einarsson … segir samninginn marka tímamót", his words, linked to
    the French sentence naming them both; the Icelandic column shows her French original
    marked instead. A sentence no one is found saying serves a statement verified against
    it, not a fact only a link joined it to (jardhitavirkjun: Reuters' "Iceland, which
    generates about 30 %…" was the English line of the Icelandic minister's quote)."""
    from helpers import article

    from briefing.stages.reading import read

    french = article("F", "fr", (
        "La ministre Claire Dubois et son homologue Logi Einarsson ont paraphé le texte."
    ))  # fmt: skip
    icelandic = article("I", "is", (
        "Logi Einarsson, ráðherra háskóla, segir samninginn marka tímamót. "
        "Samningurinn gildir til fimm ára. "
        "Háskóli Íslands og Sorbonne-háskóli munu skiptast á nemendum."
    ))  # fmt: skip
    reading = read([french, icelandic])
    text = french.sentences[0].text
    _, origin, _ = lines(
        text, ["F.S1", "I.S1"], reading, ["en", "is"], False, actor="Claire Dubois"
    )
    assert origin["is"] == "original:fr:F.S1"
    _, origin, _ = lines(
        text, ["F.S1", "I.S1"], reading, ["en", "is"], False, actor="Logi Einarsson"
    )
    assert origin["is"] == "quote:I.S1"
    _, origin, _ = lines(
        text, ["F.S1", "I.S2"], reading, ["en", "is"], False, actor="Claire Dubois"
    )
    assert origin["is"] == "original:fr:F.S1"
    _, origin, _ = lines(
        "Claire Dubois said the deal runs for five years.", ["F.S1", "I.S2"], reading,
        ["en", "is"], True, actor="Claire Dubois",
    )  # fmt: skip
    assert origin["is"] == "quote:I.S2"
    # hafnarverkfall: „Samskip og Eimskip hafa beint hluta skipa sinna…“ under Pieter
    # Hoekstra's verified statement: a sentence opening on another named subject
    _, origin, _ = lines(
        "Claire Dubois said students would be exchanged.", ["F.S1", "I.S3"], reading,
        ["en", "is"], True, actor="Claire Dubois",
    )  # fmt: skip
    assert origin["is"] == "fallback"


def test_a_bodys_position_is_quoted_by_its_chair_named_for_it() -> None:
    """vetni (a story of my own): Reuters' "Environmental group Landvernd criticised the
    agreement…" cited RÚV's „Auður Lilja Sigurðardóttir, formaður Landverndar,
    gagnrýnir samkomulagið…“, but the Icelandic column showed the English: she is another
    person than "Landvernd". Her title names the body: she speaks for it. A person whose
    title names another body does not."""
    from helpers import article

    from briefing.stages.reading import read

    reuters = article("E", "en", "Environmental group Landvernd criticised the agreement.")
    ruv = article("I", "is", (
        "Auður Lilja Sigurðardóttir, formaður Landverndar, gagnrýnir samkomulagið. "
        "Gunnar Örn Friðriksson, forstjóri Orkeyjar, gagnrýnir samkomulagið."
    ))  # fmt: skip
    reading = read([reuters, ruv])
    statement = "Environmental group Landvernd criticised the agreement."
    _, origin, _ = lines(statement, ["E.S1", "I.S1"], reading, ["en", "is"], actor="Landvernd")
    assert origin["is"] == "quote:I.S1"
    _, origin, _ = lines(statement, ["E.S1", "I.S2"], reading, ["en", "is"], actor="Landvernd")
    assert origin["is"] == "fallback"
