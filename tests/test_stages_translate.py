"""`stages.translate`: English beside a kept sentence of a language with no glosser, checked
by code, where the model's statement was refused or never asked."""

from __future__ import annotations

from helpers import article

from briefing.core.models import Source
from briefing.llm.fake import FakeLLM
from briefing.prompts import PromptSet
from briefing.stages.found import Found
from briefing.stages.reading import read
from briefing.stages.translate import translate

FRENCH = (
    "Les signataires ont également convenu de créer un fonds commun de 40 millions d'euros. "
    "La France est observatrice au Conseil de l'Arctique depuis 2000. "
    "La prochaine réunion se tiendra à Reykjavik."
)


def _kept(sid: str) -> Found:
    return Found("developments", "gloss", [sid], sid.split(".")[0], verified=False)


def test_a_kept_sentence_with_no_english_gets_a_checked_translation() -> None:
    """svartolia (a story of my own): twelve of the English column's 34 lines were French
    or Russian sentences alone, their statements refused ("They agreed…" for "Les
    signataires ont convenu…") or never asked. Each gets the model's plain translation,
    a few to a call, where code finds nothing wrong with it: here one adds a year, one
    a name the sentence does not give, and only the third is shown."""
    reading = read([article("F", "fr", FRENCH), article("E", "en", "The fund was set up.")])
    answer = [
        "The signatories also agreed to create a joint fund of 40 million euros in 2026.",
        "France has been an observer at the Arctic Council since 2000.",
        "The next meeting will be held in Reykjavik, Minister Jean Dupont said.",
    ]
    llm = FakeLLM(["\n".join(f"{n}. {a}" for n, a in enumerate(answer, 1))])
    own = [_kept("F.S1"), _kept("F.S2"), _kept("F.S3")]

    english, refused = translate(own, reading, {}, llm, PromptSet())

    assert english == {"F.S2": answer[1]}
    assert [r["evidence"] for r in refused] == ["F.S1", "F.S3"]
    asked = llm.requests[0].messages[1]["content"]
    assert len(llm.requests) == 1 and asked.startswith("French:\n1. Les signataires")


def test_a_sentence_with_english_already_or_a_gloss_is_not_asked() -> None:
    """The model's accepted statement stands, and an Icelandic sentence has its gloss: no
    call; an answer that is no list refuses them all."""
    reading = read([article("F", "fr", FRENCH), article("I", "is", "Fundurinn var í gær.")])
    llm = FakeLLM(["France is an observer."])
    own = [_kept("F.S1"), _kept("F.S2"), Found("developments", "g", ["I.S1"], "I", verified=False)]

    english, refused = translate(
        own, reading, {"F.S1": "The signatories agreed."}, llm, PromptSet()
    )

    assert english == {} and [r["reason"] for r in refused] == ["translation: no answer"]
    assert (
        len(llm.requests) == 1 and "Les signataires" not in llm.requests[0].messages[1]["content"]
    )


def test_a_plain_translation_may_translate_quotes_names_of_bodies_and_an_expletive_it() -> None:
    """svartolia, kampfjet: the checks for a statement refused plain translations for
    what a translation must do: a quote translated ("«Nous…»" as "We…"), a body's name
    in English ("International Maritime Organization" for "Международной морской
    организацией"), an expletive "It remains unclear which…". A name the sentence does
    not give ("Suez Canal" for "Севморпути") is still refused."""
    russian = (
        "«Мы не против защиты Арктики», — заявил Березин. "
        "Россия будет соблюдать сроки, установленные Международной морской организацией. "
        "Ни одна авария на Севморпути не была связана с мазутом. "
        "Пока неясно, какая компания возглавит проект."
    )
    reading = read([article("R", "ru", russian), article("E", "en", "The deal was signed.")])
    answer = [
        '"We are not against protecting the Arctic," Berezin said.',
        "Russia will respect the deadlines set by the International Maritime Organization.",
        "No accident on the Suez Canal was linked to fuel oil.",
        "It remains unclear which company will lead the project.",
    ]
    llm = FakeLLM(["\n".join(f"{n}. {a}" for n, a in enumerate(answer, 1))])
    own = [_kept(f"R.S{n}") for n in range(1, 5)]

    english, refused = translate(own, reading, {}, llm, PromptSet())

    assert english == {"R.S1": answer[0], "R.S2": answer[1], "R.S4": answer[3]}
    assert [r["evidence"] for r in refused] == ["R.S3"] and "Suez" in refused[0]["reason"]


def test_a_translation_opening_on_since_and_a_weekday_names_no_one() -> None:
    """hafnarverkfall: "Since Monday, Hamburg has registered 14 additional ships" for dpa's
    "Seit Montag seien in Hamburg 14 zusätzliche Schiffe angemeldet worden" was refused as
    naming "Since Monday", a name its sentence did not give."""
    from briefing.stages.verify import untrue_translation

    reading = read(
        [
            article(
                "A1", "de", "Seit Montag seien in Hamburg 14 zusätzliche Schiffe angemeldet worden."
            )
        ]
    )
    item = Found(
        "developments",
        "Since Monday, 14 additional ships have been registered in Hamburg.",
        ["A1.S1"],
        "A1",
    )
    assert untrue_translation(item, reading, plain=True) == []


def test_a_russian_g_for_h_and_the_netherlands_are_names_the_sentence_gives() -> None:
    """hafnarverkfall: TASS's "…направляет суда в Антверпен, Гамбург и Бремерхафен" and "…
    Россия поставила в Нидерланды…" were refused as translations naming "Hamburg" and
    "the Netherlands", names their sentences give in Russian."""
    from briefing.stages.verify import untrue_translation

    reading = read(
        [
            article(
                "R",
                "ru",
                "Ряд компаний направляет суда в Антверпен, Гамбург и Бремерхафен. "
                "В прошлом году Россия поставила в Нидерланды около 60 тыс. тонн рыбы.",
            )
        ]
    )
    ships = Found(
        "developments",
        "Several companies are sending ships to Antwerp, Hamburg and Bremerhaven.",
        ["R.S1"],
        "R",
    )
    fish = Found(
        "developments",
        "Last year Russia supplied about 60,000 tonnes of fish to the Netherlands.",
        ["R.S2"],
        "R",
    )
    assert not any("named" in w for w in untrue_translation(ships, reading, plain=True))
    assert not any("named" in w for w in untrue_translation(fish, reading, plain=True))


def test_a_translation_that_also_tells_another_sentence_of_its_call_is_refused() -> None:
    """hafnarverkfall: asked for TASS's "Пока неясно, сколько времени…" beside "В ведомстве
    отметили, что задержки не повлияют…", the model ended the first with the second's news
    ("…, it is known that delays do not affect the internal market supply"), shown as the
    first sentence's English. The answer that took another's words is refused; the other
    stands."""
    russian = (
        "Пока неясно, сколько времени потребуется порту, чтобы обработать скопившиеся грузы. "
        "В ведомстве отметили, что задержки не повлияют на снабжение внутреннего рынка."
    )
    answer = [
        "While the time the port needs to process the accumulated cargo is not yet clear, "
        "it is known that delays do not affect the internal market supply.",
        "The ministry noted that delays do not affect the internal market supply.",
    ]

    english, refused = _two_translated(article("R", "ru", russian), answer)

    assert english == {"R.S2": answer[1]}
    assert [r["evidence"] for r in refused] == ["R.S1"]
    assert "also tells sentence 2" in refused[0]["reason"]


def test_two_translations_giving_one_name_both_stand() -> None:
    """nordurljos: "According to the French Polar Institute Paul-Émile Victor, the project
    will cost 12 million euros." was refused as telling another sentence of its call,
    which names the institute too: a name is no one answer's own."""
    french = (
        "Selon l'Institut polaire français Paul-Émile Victor, le projet coûtera 12 millions. "
        "La coordination sera confiée à l'Institut polaire français Paul-Émile Victor."
    )
    answer = [
        "According to the French Polar Institute Paul-Émile Victor, the project will cost"
        " 12 million.",
        "Coordination will be entrusted to the French Polar Institute Paul-Émile Victor.",
    ]

    english, refused = _two_translated(article("F", "fr", french), answer)

    assert english == {"F.S1": answer[0], "F.S2": answer[1]} and refused == []


def _two_translated(source: Source, answer: list[str]) -> tuple[dict[str, str], list[dict]]:
    """`translate` of the source's two sentences, the model answering `answer`."""
    reading = read([source, article("E", "en", "The deal was signed.")])
    llm = FakeLLM(["\n".join(f"{n}. {a}" for n, a in enumerate(answer, 1))])
    own = [_kept(f"{source.id}.S1"), _kept(f"{source.id}.S2")]
    return translate(own, reading, {}, llm, PromptSet())
