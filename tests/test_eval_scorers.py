"""Scorers on hand-built briefings, judged by a scripted FakeLLM (no model needed)."""

from __future__ import annotations

from typing import Any

from helpers import briefing, item, verdict

from briefing.check.judge import Judge, majority
from briefing.eval.metrics import metrics
from briefing.eval.scorers import evaluate
from briefing.llm.base import Request
from briefing.llm.fake import FakeLLM


def test_supported_claims_are_judged_against_their_cited_sentences_in_the_original() -> None:
    llm = FakeLLM([verdict("supported"), verdict("supported"), verdict("same")])
    b = briefing(
        agreements=[
            item(
                "Iceland gets 16.5 percent of the catch.",
                "Ísland fær 16,5 prósent aflans.",
                ["A1.S2"],
            )
        ]
    )
    scores = evaluate(b, Judge(llm))
    assert [(s.target, s.check, s.label) for s in scores] == [
        ("agreements[1].en", "support", "supported"),
        ("agreements[1].is", "support", "supported"),
        ("agreements[1]", "consistency", "same"),
        ("agreements[1].en", "voice", "own"),
        ("agreements[1].is", "voice", "own"),
    ]
    user = llm.requests[1].messages[1]["content"]
    assert "[A1.S2] Iceland will receive 16.5 percent of the catch." in user
    assert "<<<\nÍsland fær 16,5 prósent aflans.\n>>>" in user
    assert llm.requests[0].schema["properties"]["label"]["enum"] == [
        "supported",
        "not_supported",
        "contradicted",
    ]
    assert scores[0].metadata["judge"]["answers"] == ['{"reason": "because", "label": "supported"}']
    assert metrics(scores)["faithfulness"] == 1.0


def test_a_claim_failing_the_code_checks_is_unsupported_without_asking_the_judge() -> None:
    llm = FakeLLM([])  # any judge call would fail the test
    b = briefing(
        agreements=[
            item("Iceland gets 20 percent, said Erik Larsen.", None, ["A1.S2"]),
            item("Iceland gets 16.5 percent.", None, ["A7.S1"]),
        ]
    )
    scores = [s for s in evaluate(b, Judge(llm)) if s.check == "support"]
    assert [s.label for s in scores] == ["not_supported", "not_supported"]
    assert "the number 20 does not appear" in scores[0].explanation
    assert "Erik Larsen" in scores[0].explanation
    assert scores[1].explanation == "the cited sentence A7.S1 is not in the sources"
    assert llm.requests == []
    m = metrics(scores)
    assert (m["faithfulness"], m["citations"], m["details"]) == (0.0, 0.5, 0.5)


def test_an_unparseable_judge_answer_is_unscored_not_wrong() -> None:
    llm = FakeLLM(["not json", "still not json"])
    scores = evaluate(
        briefing(agreements=[item("Talks ended in Akureyri.", None, ["A1.S1"])]), Judge(llm)
    )
    assert (scores[0].label, scores[0].value) == ("unscored", None)
    assert scores[0].metadata["judge"]["answers"] == ["not json", "still not json"]
    assert metrics(scores)["faithfulness"] is None


def test_votes_take_the_majority_of_sampled_judgements() -> None:
    llm = FakeLLM(
        [
            verdict("supported"),
            verdict("contradicted", "says 15"),
            verdict("contradicted", "says 15"),
        ]
    )
    scores = evaluate(
        briefing(agreements=[item("Talks ended in Akureyri.", None, ["A1.S1"])]),
        Judge(llm, votes=3),
    )
    assert (scores[0].label, scores[0].explanation) == ("contradicted", "says 15")
    assert scores[0].metadata["judge"]["votes"] == ["supported", "contradicted", "contradicted"]
    assert [(r.temperature, r.seed) for r in llm.requests] == [(0.0, 0), (0.7, 1), (0.7, 2)]


def test_majority_ties_go_to_the_more_severe_label() -> None:
    assert majority(["supported", "not_supported"]) == "not_supported"
    assert majority(["supported", "supported", "contradicted"]) == "supported"


def test_language_versions_with_different_numbers_are_inconsistent_without_a_judge() -> None:
    llm = FakeLLM([verdict("supported")])  # the Icelandic claim fails its number check
    b = briefing(
        agreements=[item("Iceland gets 16.5 percent.", "Ísland fær 15 prósent.", ["A1.S2"])]
    )
    consistency = next(s for s in evaluate(b, Judge(llm)) if s.check == "consistency")
    assert (consistency.label, consistency.value) == ("different", 0.0)
    assert "the value 15% is not in the evidence" in consistency.explanation


def test_attribution_named_absent_and_pronoun() -> None:
    def answer(request: Request) -> dict[str, Any]:
        if "ACTOR:" in request.messages[1]["content"]:
            return verdict("yes", "hún is Hildur")
        return verdict("supported")

    llm = FakeLLM(answer)
    b = briefing(
        positions=[
            item("Einar Solheim called the deal fair.", None, ["A1.S3"], actor="Einar Solheim"),
            item("Iceland will receive 16.5 percent.", None, ["A1.S2"], actor="Einar Solheim"),
            item("This is not enough.", None, ["A2.S3"], actor="Hildur Baldursdóttir"),
        ]
    )
    att = [s for s in evaluate(b, Judge(llm)) if s.check == "attribution"]
    assert [(s.target, s.label) for s in att] == [
        ("positions[1]", "yes"),
        ("positions[2]", "no"),
        ("positions[3]", "yes"),
    ]
    assert "'Einar Solheim' is not named" in att[1].explanation
    assert att[1].metadata["text"] == "Iceland will receive 16.5 percent."  # the table shows it
    judged = [r for r in llm.requests if "ACTOR:" in r.messages[1]["content"]]
    assert len(judged) == 1
    # the judge sees the sentences before the cited one, to resolve "hún"
    assert "[A2.S2] Hildur Baldursdóttir" in judged[0].messages[1]["content"]


def test_without_a_judge_passing_claims_are_unjudged() -> None:
    scores = evaluate(
        briefing(agreements=[item("Talks ended in Akureyri.", None, ["A1.S1"])]), None
    )
    assert (scores[0].label, scores[0].value) == ("unjudged", None)


def test_without_a_judge_faithfulness_is_not_available_rather_than_zero() -> None:
    b = briefing(
        agreements=[
            item("Talks ended in Akureyri.", None, ["A1.S1"]),
            item("Iceland will receive 19 percent of the catch.", None, ["A1.S2"]),
        ]
    )
    m = metrics(evaluate(b, None))
    assert m["faithfulness"] is None
    assert m["details"] == 0.5  # the wrong number is still caught, by code


def test_the_voice_scorer_counts_loaded_words_and_dangling_openers() -> None:
    """Code only: an outlet's epithet in the statement's own voice or an opener that
    points outside it fails; the same word inside a quotation, or a topic, does not."""
    b = briefing(
        agreements=[
            item("In response, the dictator invited Trump.", None, ["A1.S1"]),
            item('Trump said: "The regime will fall."', None, ["A1.S1"]),
            item("Moscow was supposedly ready to talk.", None, ["A1.S1"]),
            item("Trump ruled out regime change.", None, ["A1.S1"]),
        ]
    )
    scores = [s for s in evaluate(b, None) if s.check == "voice"]
    assert [s.metadata["loaded"] for s in scores] == [["dictator"], [], ["supposedly"], []]
    assert [s.metadata["dangling"] for s in scores] == [["In response,"], [], [], []]
    m = metrics(scores)
    assert (m["own_voice"], m["no_dangling"]) == (0.5, 0.75)


def test_plain_english_fails_a_copied_gloss_and_an_untranslated_word() -> None:
    """An English line over an Icelandic sentence: the rough gloss copied, or a word the
    glosser left in Icelandic, is not English; a plain restatement is."""
    from helpers import article

    from briefing.core.models import Briefing
    from briefing.eval.scorers import Claim, Context, score_plain
    from briefing.lang.gloss import gloss

    source = article("I", "is", "Pútín sagði að Úkraína ætti ekki að vera fullmönnuð.")
    b = Briefing(languages=["en", "is"], sources=[source])
    ctx = Context.of(b)
    rough = gloss([source.sentences[0].text], "is")[0]

    def plain(text: str) -> float | None:
        return score_plain(Claim("positions[1].en", text, "en", ["I.S1"]), ctx).value

    assert plain(rough) == 0.0
    assert plain("Putin said Ukraine should not be fullmönnuð.") == 0.0
    assert plain("Putin said Ukraine should not be fully staffed.") == 1.0
    assert score_plain(Claim("x.is", "Pútín sagði.", "is", ["I.S1"]), ctx) is None


def test_plain_english_fails_a_sentence_spelled_in_latin_letters() -> None:
    from helpers import article

    from briefing.core.models import Briefing
    from briefing.eval.scorers import Claim, Context, score_plain

    source = article("R", "ru", "Правительство рассматривает возможность строительства станций.")
    ctx = Context.of(Briefing(languages=["en", "is"], sources=[source]))

    def plain(text: str) -> float | None:
        return score_plain(Claim("positions[1].en", text, "en", ["R.S1"]), ctx).value

    assert plain("Pravitelstvo rassmatrivayet vozmozhnost stroitelstva stantsiy.") == 0.0
    assert plain("The government is considering building stations.") == 1.0


def test_a_quote_a_cited_sentence_gives_word_for_word_is_supported_by_code() -> None:
    """`X said: "line"` with the line in a cited sentence of its language is decided by
    code, where the judge (here one that says "contradicted" to all) would be wrong; a
    quote no cited sentence gives word for word in its language fails the code checks."""
    llm = FakeLLM(lambda request: verdict("contradicted"))
    b = briefing(
        positions=[
            item('Einar Solheim said: "called the deal fair."', None, ["A1.S3"], "Einar Solheim"),
            item('Einar Solheim said: "the deal was fair."', None, ["A1.S3"], "Einar Solheim"),
            item('Hildur said: "This is not enough."', None, ["A2.S3"], "Hildur Baldursdóttir"),
        ]
    )
    scores = [s for s in evaluate(b, Judge(llm)) if s.check == "support"]
    assert [s.label for s in scores] == ["supported", "not_supported", "not_supported"]
    assert "word for word" in scores[0].explanation


def test_a_value_alone_is_decided_by_code_and_is_no_gloss_copy() -> None:
    """A disagreement side worded by code from a cited sentence's value ("35 megawatts"
    against "30 megawatts") is supported where its number and its words are that
    sentence's (the judge, here saying "not supported" to all, is not asked), and not
    counted as a copy of the gloss; another noun or number is the judge's or the
    details check's to refuse."""
    from helpers import article

    from briefing.core.models import Briefing
    from briefing.eval.scorers import Claim, Context, score_plain, score_support

    source = article("I", "is", "Nýja vélin á að bæta við 35 megavöttum af afli.")
    ctx = Context.of(Briefing(languages=["en", "is"], sources=[source]))
    judge = Judge(FakeLLM(lambda request: verdict("not_supported")))

    def support(text: str) -> str:
        return score_support(Claim("disagreements[1].I.en", text, "en", ["I.S1"]), ctx, judge).label

    assert support("35 megawatts") == "supported"
    assert score_plain(Claim("disagreements[1].I.en", "35 megawatts", "en", ["I.S1"]), ctx) is None
    assert support("35 gigawatts") == "not_supported"  # no such word: the judge decides
    assert support("36 megawatts") == "not_supported"  # the details check
    assert support("The unit adds 35 megawatts") == "not_supported"  # a sentence: judged
