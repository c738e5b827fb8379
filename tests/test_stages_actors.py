"""`stages.actors`: one person, one label, and never two people under one."""

from __future__ import annotations

from helpers import source

from briefing.lang.names import transliterated
from briefing.stages.actors import one_label
from briefing.stages.found import Found
from briefing.stages.reading import Reading


def _reading(*sentences: str) -> Reading:
    return Reading(sources=[source("A1", "en", list(sentences))])


def _found(*actors: str | None) -> list[Found]:
    return [
        Found("positions", f"Statement {n}.", [f"A1.S{n}"], "A1", a)
        for n, a in enumerate(actors, 1)
    ]


def test_a_surname_takes_the_full_name_of_a_statement_or_an_article() -> None:
    reading = _reading("Donald Trump met Vladimir Putin.", "Trump-Putin talks ended.")
    labels = [f.actor for f in one_label(_found("Trump", "Donald Trump", "Pútín", None), reading)]

    assert labels == ["Donald Trump", "Donald Trump", "Vladimir Putin", None]


def test_accents_aside_the_names_are_the_same_person() -> None:
    labels = [f.actor for f in one_label(_found("Putin", "Vladimir Pútín"), _reading("Hi."))]

    assert labels == ["Vladimir Pútín", "Vladimir Pútín"]


def test_two_full_labels_alike_but_for_accents_are_one_spelt_with_them() -> None:
    """jardhitavirkjun: Reuters' "Bryndis Lara Hakonardottir" and RÚV's "Bryndís Lára
    Hákonardóttir" were two actors, her Icelandic-only line listed apart from her others;
    "Bryndís Lára Jónsdóttir" is someone else."""
    found = _found(
        "Bryndis Lara Hakonardottir", "Bryndís Lára Hákonardóttir", "Bryndís Lára Jónsdóttir"
    )
    labels = [f.actor for f in one_label(found, _reading("Hi."))]

    assert labels == [
        "Bryndís Lára Hákonardóttir", "Bryndís Lára Hákonardóttir", "Bryndís Lára Jónsdóttir"
    ]  # fmt: skip


def test_a_surname_two_people_share_keeps_its_label() -> None:
    reading = _reading("Donald Trump spoke.", "Melania Trump spoke too.")
    labels = [f.actor for f in one_label(_found("Trump", "Donald Trump"), reading)]

    assert labels == ["Trump", "Donald Trump"]


def test_two_fuller_labels_that_differ_leave_the_surname_alone() -> None:
    labels = [
        f.actor for f in one_label(_found("Olsen", "Kari Olsen", "Per Olsen"), _reading("Hi."))
    ]

    assert labels == ["Olsen", "Kari Olsen", "Per Olsen"]


def test_a_title_before_a_name_is_the_same_person() -> None:
    reading = _reading("President Donald Trump spoke.")
    labels = [f.actor for f in one_label(_found("Trump", "Donald Trump"), reading)]

    assert labels == ["Donald Trump", "Donald Trump"]  # the shortest, not the title too


def test_a_name_read_with_the_place_before_it_is_the_name_it_ends_with() -> None:
    reading = _reading("President of the United States Donald Trump spoke.")
    found = _found("United States Donald Trump", "Donald Trump", "Donald Trump Jr.")
    labels = [f.actor for f in one_label(found, reading)]

    assert labels == ["Donald Trump", "Donald Trump", "Donald Trump Jr."]


def test_a_name_no_article_and_no_statement_gives_more_fully_stays() -> None:
    labels = [f.actor for f in one_label(_found("Norway", "Helgadóttir"), _reading("Hi."))]

    assert labels == ["Norway", "Helgadóttir"]


def test_a_one_word_label_takes_the_fuller_name_its_own_article_gives_in_any_language() -> None:
    """rannsokn: „…,“ sagði Logi was held by "Logi"; RÚV names him "Logi Einarsson" a
    sentence before, and no English article does."""
    reading = Reading(
        sources=[
            source("A1", "fr", ["La ministre Claire Dubois a signé le texte."]),
            source("A2", "is", [
                "Logi Einarsson, ráðherra háskóla, segir samninginn marka tímamót.",
                "„Þetta opnar dyr fyrir íslenska vísindamenn,“ sagði Logi.",
            ]),
        ]
    )  # fmt: skip
    found = [Found("positions", "Statement.", ["A2.S2"], "A2", "Logi")]
    assert [f.actor for f in one_label(found, reading)] == ["Logi Einarsson"]


def test_a_company_is_not_widened_to_its_chief_executives_label() -> None:
    """jardhitavirkjun (a story of my own): "…, according to KazGeoTherm" was listed
    under "KazGeoTherm Chief Executive Daulet Iskakov", the article's only fuller name
    holding "KazGeoTherm"."""
    reading = _reading(
        "KazGeoTherm Chief Executive Daulet Iskakov said the plant would supply homes.",
        "A test well found hot water, according to KazGeoTherm.",
    )
    labels = [f.actor for f in one_label(_found("KazGeoTherm", "Iskakov"), reading)]
    assert labels == ["KazGeoTherm", "Daulet Iskakov"]


def test_first_names_take_the_surname_their_own_article_gives() -> None:
    """snjoflod (a story of my own): „…,“ segir Sólveig Ása was held by "Sólveig Ása";
    Vísir names her "Sólveig Ása Hermannsdóttir" a sentence before. A name with words
    before it is no fuller form of one that opens it ("United States Donald Trump")."""
    reading = Reading(
        sources=[
            source("A1", "is", [
                "Sólveig Ása Hermannsdóttir, íbúi í Hnífsdal, gistir nú hjá systur sinni.",
                "„Maður vaknar við símann um miðja nótt,“ segir Sólveig Ása.",
            ]),
        ]
    )  # fmt: skip
    found = [Found("positions", "Statement.", ["A1.S2"], "A1", "Sólveig Ása")]
    assert [f.actor for f in one_label(found, reading)] == ["Sólveig Ása Hermannsdóttir"]


def test_first_names_take_the_one_fuller_label_of_the_briefing_that_opens_with_them() -> None:
    """vegagerd: mbl.is names the engineer "Haraldur Ingi" (its fuller form is in the
    genitive there), RÚV "Haraldur Ingi Benediktsson": one person, one label; beside two
    fuller labels that open with them, first names stay as they are."""
    one = _found("Haraldur Ingi", "Haraldur Ingi Benediktsson")
    assert [f.actor for f in one_label(one, _reading("Hi."))] == ["Haraldur Ingi Benediktsson"] * 2
    two = _found("Anna Sif", "Anna Sif Jónsdóttir", "Anna Sif Pálsdóttir")
    assert one_label(two, _reading("Hi."))[0].actor == "Anna Sif"


def test_a_cyrillic_name_is_the_latin_name_another_outlet_spells_alike() -> None:
    """nordurljos: TASS's "Элен Гарнье" was "Elen Garnye (Элен Гарнье)" beside Le Monde's
    "Hélène Garnier", one minister under two labels; gas: "Кремль" beside Reuters'
    "Kremlin"; jardhitavirkjun: Interfax's "Даулет Искаков" is the "KazGeoTherm Chief
    Executive Daulet Iskakov" of Reuters, no label of the briefing."""
    reading = Reading(
        sources=[
            source("A1", "en", ["KazGeoTherm Chief Executive Daulet Iskakov said so."]),
            source("A2", "ru", ["Андрей Соколов подписал документ."]),
        ]
    )
    found = _found("Элен Гарнье", "Hélène Garnier", "Кремль", "Kremlin", "Даулет Искаков")
    found += _found("Андрей Соколов", "Иван Петров", "Ivan Petrovich Smith")
    assert [f.actor for f in one_label(found, reading)] == [
        "Hélène Garnier", "Hélène Garnier", "Kremlin", "Kremlin", "Daulet Iskakov",
        "Андрей Соколов", "Иван Петров", "Ivan Petrovich Smith",
    ]  # fmt: skip


def test_transliterated_names_are_spelt_alike_word_by_word() -> None:
    assert transliterated("Элен Гарнье", "Hélène Garnier")
    assert transliterated("Кремль", "Kremlin")
    assert not transliterated("Иван Петров", "Ivan Pavlov")
    assert not transliterated("Сергей Лавров", "Lavrov")  # as many words, or none
