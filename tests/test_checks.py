"""The code checks: details of a claim must be in its cited sentences, across languages."""

from __future__ import annotations

import pytest

from briefing.check import details as checks


def test_fold_removes_diacritics_and_icelandic_letters() -> None:
    assert checks.fold("Þórður Pútín Ægir Guðrún") == "thordur putin aegir gudrun"


@pytest.mark.parametrize(
    ("claim_name", "cited"),
    [
        ("Putin", "Leiðtogafundi Vladimirs Pútíns lauk."),
        ("Trumps", "Donald Trump spoke."),
        ("Pútín", "Vladimir Putin met reporters."),
        ("Oslo", "Fundurinn var í Osló."),
        ("Bergen", "Næsta lota verður í Björgvin."),
        ("Iceland", "Hlutur Íslands verður stærri."),
        ("Hrafnaskard", "Göng um Hrafnaskarð verða gerð."),
    ],
)
def test_names_match_across_inflection_diacritics_and_exonyms(claim_name: str, cited: str) -> None:
    assert checks.detail_problems(f"Talks with {claim_name} ended.", [cited]) == []


def test_a_name_not_in_the_cited_sentences_is_a_problem() -> None:
    problems = checks.detail_problems("Talks with Erik Larsen ended.", ["Talks with Trump ended."])
    assert problems == ["the name 'Erik Larsen' does not appear in the cited sentences"]


def test_titles_and_sentence_initial_words_are_not_names() -> None:
    names = checks.names("Talks ended. Prime Minister Erna Solberg met NATO in Oslo on Friday.")
    assert [n.key for n in names] == [("erna", "solberg"), ("nato",), ("oslo",)]


def test_a_lone_name_at_sentence_start_counts_when_the_sources_know_it() -> None:
    cited = ["Solheim said the talks would go on."]
    known = checks.known_names(["The minister met Larsen and Solheim."])
    assert checks.detail_problems("Larsen said the talks would go on.", cited) == []
    assert checks.detail_problems("Larsen said the talks would go on.", cited, known=known) == [
        "the name 'Larsen' does not appear in the cited sentences"
    ]


@pytest.mark.parametrize(
    ("claim", "cited"),
    [
        ("Iceland gets 16.5 percent.", "Hlutur Íslands verður 16,5 prósent."),
        ("About 1,500 boats.", "Um 1.500 bátar."),
        ("About 1 000 boats.", "About 1000 boats."),
        ("It rose 40%.", "It rose by 40 percent."),
        ("It costs 12 billion kronur.", "Það kostar tólf milljarða, eða 12 milljarða króna."),
        ("It lasted 40 days.", "It lasted forty days."),
        ("It lasted 4 days.", "Það stóð í fjóra daga og fjórir menn."),
        ("Half a 1.5 million budget.", "Fjárhagsáætlun upp á 1,5 milljónir."),
    ],
)
def test_numbers_match_in_any_notation(claim: str, cited: str) -> None:
    assert checks.detail_problems(claim, [cited]) == []


def test_a_changed_number_is_a_problem() -> None:
    problems = checks.detail_problems(
        "The union says 54 ships were delayed.", ["The union says 45 ships were delayed."]
    )
    assert problems == ["the number 54 does not appear in the cited sentences"]


def test_a_changed_month_is_a_problem_but_may_the_verb_is_not_a_month() -> None:
    cited = ["Framkvæmdir hefjast í maí 2027 og skip mega veiða."]
    assert checks.detail_problems("Work begins in May 2027; boats may fish.", cited) == []
    assert checks.detail_problems("Work begins in July 2027.", cited) == [
        "the month 'July' does not appear in the cited sentences"
    ]


def test_quotes_are_checked_word_for_word_unless_translated() -> None:
    cited = ['He called it "a fair compromise".']
    assert checks.detail_problems('He called it "a fair compromise".', cited) == []
    bad = checks.detail_problems('He called it "a great victory".', cited)
    assert bad == ['the quoted words "a great victory" do not appear in the cited sentences']
    assert checks.detail_problems('He called it "a great victory".', cited, translated=True) == []


def test_meta_references_to_sources_are_not_names() -> None:
    cited = ["It is closed for 40 days.", "Hann segir 45 daga."]
    claim = "The English source says 40 days; the Icelandic source says 45."
    assert checks.detail_problems(claim, cited) == []


def test_actor_mentioned_handles_inflection_and_titles() -> None:
    cited = ["Hildi Baldursdóttur var boðið."]
    assert checks.actor_mentioned("Minister Hildur Baldursdóttir", cited)
    assert checks.actor_mentioned("Vladimir Putin", ["Fundur Pútíns og Trumps."])
    assert not checks.actor_mentioned("Einar Solheim", ["Hildur Baldursdóttir segir nei."])


def test_attribution_asks_for_a_judge_only_when_a_pronoun_speaks() -> None:
    assert checks.attribution("Tom Ashby", ["Ashby said the pipes leak."]) == "named"
    assert checks.attribution("Tom Ashby", ["He said the pipes leak."]) == "pronoun"
    assert checks.attribution("Tom Ashby", ["„Nei,“ sagði hún."]) == "pronoun"
    assert checks.attribution("Tom Ashby", ["The pipes leak."]) == "absent"


def test_citation_problems_names_unknown_ids() -> None:
    assert checks.citation_problems(["A1.S1", "A9.S1"], {"A1.S1"}) == [
        "the cited sentence A9.S1 is not in the sources"
    ]
    assert checks.citation_problems([], {"A1.S1"}) == ["the claim cites no sentence"]


def test_number_mismatch_between_language_versions() -> None:
    assert checks.number_mismatch("Iceland gets 16.5 percent.", "Ísland fær 16,5 prósent.") == []
    assert checks.number_mismatch("Iceland gets 16.5 percent.", "Ísland fær 15 prósent.") == [
        "16.5",
        "15",
    ]


def test_a_weekday_the_cited_sentences_do_not_name_is_a_problem_in_any_language() -> None:
    cited = ["Kennsla hefst aftur á mánudag."]
    assert checks.detail_problems("Teaching resumes on Monday.", cited, translated=True) == []
    assert checks.detail_problems("Teaching resumes on Wednesday.", cited, translated=True) == [
        "a weekday the cited sentences do not name"
    ]
