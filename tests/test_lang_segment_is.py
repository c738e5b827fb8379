"""Icelandic segmentation by `tokenizer`: the Icelandic cases of test_segment, and offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_segment import IS_ARTICLE, IS_EXPECTED, QUOTES

from briefing.lang.segment_is import split_sentences


def texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_icelandic_article() -> None:
    assert texts(IS_ARTICLE) == IS_EXPECTED


@pytest.mark.parametrize(("open_", "close"), QUOTES)
def test_quote_ending_in_comma_stays_with_attribution(open_: str, close: str) -> None:
    text = f"{open_}Það er enginn samningur,{close} sagði Trump. Síðan fór hann."
    assert texts(text) == [
        f"{open_}Það er enginn samningur,{close} sagði Trump.",
        "Síðan fór hann.",
    ]


@pytest.mark.parametrize(("open_", "close"), QUOTES)
@pytest.mark.parametrize("mark", ["?", "!", "…"])
def test_quoted_question_continues_in_lowercase(open_: str, close: str, mark: str) -> None:
    if open_ in "‚‘'" and mark in "?!":
        pytest.xfail("tokenizer ends the sentence after ?/! inside single quotes")
    text = f"{open_}Hvað gerist nú{mark}{close} sagði hann. Enginn svaraði."
    assert texts(text) == [f"{open_}Hvað gerist nú{mark}{close} sagði hann.", "Enginn svaraði."]


@pytest.mark.xfail(strict=True, reason="tokenizer splits before a capitalised attribution")
def test_quote_with_capitalised_attribution_continues() -> None:
    assert texts("„Er þessu lokið?“ Sigríður spurði. Enginn vissi það.") == [
        "„Er þessu lokið?“ Sigríður spurði.",
        "Enginn vissi það.",
    ]


def test_sentences_inside_a_long_quote_are_split() -> None:
    assert texts("„Við áttum góðan fund. Það eru fá atriði eftir,“ sagði hún.") == [
        "„Við áttum góðan fund.",
        "Það eru fá atriði eftir,“ sagði hún.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fundinn sátu m.a. Norðmenn og Færeyingar.",
        "Rætt var um t.d. Síldarsmuguna og Jan Mayen.",
        "Aflinn var u.þ.b. 120 þúsund tonn.",
        "Fundurinn hófst kl. 9 í morgun.",
        "Hann vísaði í lið nr. 3 í samningnum.",
        "Sjá nánar sbr. Reglugerð um veiðar.",
        "Þar voru hr. Jón Jónsson og fr. Anna Sigurðardóttir.",
        "Ræðuna flutti dr. Ole Berg ráðherra.",
        "Þar var rætt um kvóta, þ.e. Hlutdeild hvers ríkis.",
        "Ríkin veiða síld, makríl o.fl. í sameiningu.",
        "Rætt var um kvóta, veiðisvæði o.s.frv. á fundinum.",
    ],
)
def test_non_final_periods(sentence: str) -> None:
    if " fr. " in sentence:
        pytest.xfail("tokenizer ends a sentence at 'fr.' (frú) before a capital")
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fundurinn verður 15. ágúst. Hann verður í Reykjavík.", 2),
        ("Hann fæddist 3. mars 1950 og lést 20. desember 2020. Hann var sjómaður.", 2),
        ("Þetta gerðist árið 2016. Þá var kosið.", 2),
        ("Ríkin veiða síld, makríl o.fl. Fundurinn var lokaður.", 2),
        ("Er þetta búið? Já.", 2),
    ],
)
def test_sentence_counts(text: str, expected: int) -> None:
    assert len(texts(text)) == expected


def test_hard_wrapped_long_line_continues() -> None:
    text = (
        "Leiðtogafundinum lauk í gær með óljósri niðurstöðu, en fulltrúar beggja ríkja sögðu að\n"
        "Norðmenn og Íslendingar myndu hittast aftur í haust.\n"
        "Það var síðasti fundurinn.\n"
    )
    assert texts(text) == [
        "Leiðtogafundinum lauk í gær með óljósri niðurstöðu, en fulltrúar beggja ríkja sögðu að\n"
        "Norðmenn og Íslendingar myndu hittast aftur í haust.",
        "Það var síðasti fundurinn.",
    ]


def test_quoted_question_across_a_line_break() -> None:
    assert texts("„Fer hann?“\nsagði hún.") == ["„Fer hann?“\nsagði hún."]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t\n") == []


ALPHABET = [*"aáBÞð .,!?…;:-\n\n\t„“”«»\"'‚‘’()[]3", "Mr.", "t.d.", "15. ", "U.S.", "kl. 9"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join))
def test_spans_are_exact_ordered_and_disjoint(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        sentence = text[start:end]
        assert sentence and sentence == sentence.strip()
        assert start >= previous_end
        previous_end = end
