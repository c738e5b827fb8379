"""Typed values: equal facts in Icelandic and English give equal values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.lang.values import Value, values


@pytest.mark.parametrize(
    ("icelandic", "english"),
    [
        ("Hlutfallið hækkaði um 12 prósent.", "The share rose 12 percent."),
        ("Hlutfallið hækkaði um 12%.", "The share rose 12%."),
        ("Fundurinn stóð í sex klukkustundir.", "The meeting lasted six hours."),
        ("Næsti fundur verður 17. júní.", "The next meeting is on June 17."),
        ("Hann fæddist 3. mars 1950.", "He was born on 3 March 1950."),
        ("Kostnaðurinn var 1,5 milljarðar króna.", "The cost was 1.5 billion kronur."),
        ("Alls mættu 1.500 manns.", "In all 1,500 people came."),
        ("Tólf prósent sögðu nei.", "Twelve per cent said no."),
        ("Ferðin kostar 1.200 krónur.", "The trip costs 1,200 kronur."),
        ("Viðgerðirnar kosta 250 milljónir króna.", "The repairs cost 250 million kronur."),
        # a record or a score, one token of Miðeind's tokenizer (a serial number)
        ("Hann er nú með 13-21-3 í keppninni.", "He now has a 13-21-3 record."),
    ],
)
def test_same_fact_same_values(icelandic: str, english: str) -> None:
    assert values(icelandic, "is") == values(english, "en") != set()


def test_kinds_are_distinct() -> None:
    assert values("12%", "en") == {Value("percent", 12.0)}
    assert values("12 boats", "en") == {Value("number", 12.0)}
    assert values("$3.5 million", "en") == {
        Value("amount", 3.5e6, unit="USD"),
        Value("number", 3.5e6),
    }
    # an amount states its number too: "45 million" says what "45 milljónir króna" does
    assert values("Hann fékk 3.000 kr.", "is") == {
        Value("amount", 3000.0, unit="ISK"),
        Value("number", 3000.0),
    }
    assert values("Aug. 15", "en") == {Value("date", date=(0, 8, 15))}


def test_different_numbers_differ() -> None:
    assert values("sex klukkustundir", "is") != values("five hours", "en")
    assert values("12 prósent", "is") != values("16 percent", "en")


def test_no_values_in_plain_text() -> None:
    assert values("Enginn samningur náðist.", "is") == set()
    assert values("No deal was reached.", "en") == set()


def test_a_number_word_pointing_back_is_no_fact() -> None:
    # "the two governments" names things already met; "two governments" counts them
    assert values("The two governments failed to agree.", "en") == set()
    assert values("All three sides met again.", "en") == set()
    assert values("Two governments failed to agree.", "en") == {Value("number", 2.0)}
    assert values("The 12 boats stayed in port.", "en") == {Value("number", 12.0)}


@pytest.mark.parametrize(
    ("lang", "text", "english"),
    [
        ("de", "Die Bahn bot eine Lohnerhöhung von 4,5 Prozent an.", "The offer was 4.5 percent."),
        ("fr", "La SNCF a proposé 4,5 %.", "The offer was 4.5%."),
        ("fr", "Il y avait 12 000 manifestants.", "There were 12,000 protesters."),
        ("de", "Es kamen 1.200 Menschen.", "1,200 people came."),
        ("de", "Der Bau kostet 2,5 Milliarden Euro.", "The work costs €2.5 billion."),
        ("de", "Die Minister trafen sich am 3. Mai.", "The ministers met on May 3."),
        ("es", "Llegaron el 3 de mayo de 2024.", "They arrived on 3 May 2024."),
        ("de", "Das Treffen endet am 3.5.2026.", "The meeting ends on May 3, 2026."),
        ("ru", "Потери составили 12 процентов.", "Losses were 12 percent."),
        ("ru", "Последний обмен состоялся 19 октября.", "The last one was on October 19."),
        ("fr", "Les ministres se retrouveront en mars.", "The ministers meet again in March."),
        ("de", "Die Minister treffen sich im März wieder.", "They meet again in March."),
        ("ru", "Министры встретятся в марте.", "The ministers will meet in March."),
        ("ru", "Переговоры продлятся до апреля 2027 года.", "Talks last until April 2027."),
    ],
)  # fmt: skip
def test_a_decimal_comma_language_gives_the_values_english_does(
    lang: str, text: str, english: str
) -> None:
    assert values(text, lang) == values(english, "en") != set()


def test_a_decimal_comma_is_not_read_as_the_end_of_a_number() -> None:
    # read as English, "4,5" would be 4: a statement of 4 percent would seem supported
    assert Value("percent", 4.0) not in values("Die Bahn bot 4,5 Prozent an.", "de")


@given(
    st.text(alphabet="0123456789 .,%€\u00a0\u202fMaiJuniProzentMilliardenмлрд de mayo", max_size=40)
)
def test_decimal_comma_values_are_typed_or_left_out(text: str) -> None:
    for value in values(text, "de") | values(text, "fr"):
        assert value.kind in {"number", "percent", "amount", "date"}
        assert value.number is None or math.isfinite(value.number)
        assert value.date is None or 1 <= value.date[2] <= 31


@pytest.mark.parametrize(
    ("text", "lang", "bounds"),
    [
        ("Þetta er í fyrsta sinn í tæp tíu ár sem Pútín kemur.", "is", {10.0: "nearly"}),
        ("first time in less than ten years", "en", {10.0: "under"}),
        ("rúmlega 200 flugferðum hafi verið aflýst", "is", {200.0: "over"}),
        ("laun hefðu hækkað um 22 prósent", "is", {}),  # "um" here is "by", not "about"
        ("about 40 percent of over 3 million people", "en", {40.0: "about", 3e6: "over"}),
    ],
)
def test_qualifiers_read_the_bound_before_each_number(text, lang, bounds) -> None:
    from briefing.lang.values import qualifiers

    assert qualifiers(text, lang) == bounds


def test_a_month_named_alone_in_english_is_a_date_as_icelandic_reads_it() -> None:
    """mackerel-talks: "in Bergen in March" against "í Björgvin í apríl": Icelandic read a
    month, English read nothing, and the two were cited as one fact."""
    month = lambda m, y=0: {Value("date", date=(y, m, 0))}  # noqa: E731
    assert values("Talks resume in Bergen in March.", "en") == month(3)
    assert values("Næsta lota viðræðnanna verður í Björgvin í apríl.", "is") == month(4)
    assert values("The plant opens in early March 2027.", "en") == month(3, 2027)
    assert values("It may rain in may.", "en") == set()  # the verb, not the month
    assert values("They met on March 3.", "en") == {Value("date", date=(0, 3, 3))}


def test_a_date_stated_less_precisely_is_within_the_one_given() -> None:
    from briefing.lang.values import within

    march, third = Value("date", date=(0, 3, 0)), Value("date", date=(2026, 3, 3))
    assert within(march, third) and not within(third, march)
    assert not within(march, Value("date", date=(0, 4, 0)))
    assert within(Value("number", 3.0), Value("number", 3.0))


def test_a_bounded_number_gives_what_its_bound_admits() -> None:
    from briefing.lang.values import gives, qualifiers

    over = "Isavia segir að rúmlega 200 flugferðum hafi verið aflýst."
    exact = "Að sögn Isavia var 214 flugferðum aflýst á meðan bannið stóð."
    far = "Að sögn Isavia var 300 flugferðum aflýst á meðan bannið stóð."
    vo, ve, vf = (values(t, "is") for t in (over, exact, far))
    qo, qe, qf = (qualifiers(t, "is") for t in (over, exact, far))
    assert gives(ve, qe, vo, qo) and gives(vo, qo, ve, qe)
    assert not gives(vf, qf, vo, qo)  # 300 is more than "rúmlega 200"
    plain = "Isavia segir að 200 flugferðum hafi verið aflýst."
    assert not gives(ve, qe, values(plain, "is"), qualifiers(plain, "is"))  # no bound


def test_two_bounded_numbers_that_differ_are_two_claims_not_one() -> None:
    from briefing.lang.values import gives, qualifiers

    first, second = (
        "Veiða má allt að 161 langreyði á ári.",
        "Leyfið heimilar allt að 128 langreyðum.",
    )
    vf, qf, vs, qs = (
        values(first, "is"),
        qualifiers(first, "is"),
        values(second, "is"),
        qualifiers(second, "is"),
    )
    assert qf and qs  # both are bounded: "up to" each
    assert not gives(vf, qf, vs, qs) and not gives(vs, qs, vf, qf)
    assert gives(vf, qf, vf, qf)


def test_over_a_period_says_over_what_time_not_how_much() -> None:
    """teachers-deal: "a pay rise of 22 percent over four years" bounds nothing; "for
    over four years" and "over 200 people" do."""
    from briefing.lang.values import qualifiers

    assert qualifiers("A pay rise of 22 percent over four years.", "en") == {}
    assert qualifiers("The plant has run for over four years.", "en") == {4.0: "over"}
    assert qualifiers("Over 200 people came.", "en") == {200.0: "over"}


def test_um_before_a_number_is_about_unless_a_verb_of_change_comes_before() -> None:
    """cruise-grounding: "með um 1.150 farþega" is about 1,150; "hækkað um 22 prósent" is
    by 22 percent, and no bound."""
    from briefing.lang.values import loosely_about

    assert loosely_about("Skipið var með um 1.150 farþega.", "is") == {1150.0}
    assert loosely_about("Um 150 manns störfuðu þar.", "is") == {150.0}
    assert loosely_about("Launin hafa hækkað um 22 prósent.", "is") == frozenset()
    assert loosely_about("About 200 people came.", "en") == frozenset()  # a bound there


def test_a_french_first_of_the_month_is_a_date() -> None:
    """svartolia: "à partir du 1er juillet 2027" read as the numbers 1 and 2027, so Le
    Figaro's lead and mbl.is's "frá og með 1. júlí 2027" differed by a date."""
    assert values("à partir du 1er juillet 2027", "fr") == values("frá og með 1. júlí 2027", "is")
    assert values("le 1er juillet", "fr") == {Value("date", date=(0, 7, 1))}


def test_a_month_german_names_for_a_plan_is_a_date_as_english_reads_it() -> None:
    """examples/ (the README's briefing): the Nordsee-Kurier's "kündigte für April eigene
    Gespräche an" had its English ("talks … in April") refused as a date it did not give."""
    assert (
        values("Sie kündigte für April Gespräche an.", "de")
        == values("She announced talks in April.", "en")
        != set()
    )


def test_a_number_word_before_a_word_of_percent_is_a_percentage() -> None:
    """raforkuverd: dpa's „um zwölf Prozent“ read as the number 12, so dpa's lead gave
    none of Reuters' "by 12 percent" and stood as an item of its own."""
    assert values("um zwölf Prozent", "de") == {Value("percent", 12.0)}
    assert values("une hausse de douze pour cent", "fr") == {Value("percent", 12.0)}
    assert values("in zwei Stufen", "de") == {Value("number", 2.0)}
