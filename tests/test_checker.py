"""The scored, cross-lingual checker: choice probabilities through every backend layer,
the answer cache, decomposition, code signals across languages, calibration, metrics."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefing.check import calibration as cal
from briefing.check.checker import CHOICES, Checker, crossed
from briefing.check.decompose import decompose
from briefing.check.evidence import Sentence
from briefing.check.features import missing_names, missing_values, negations
from briefing.eval import checker_eval as ce
from briefing.lang.calendar import calendar_words
from briefing.lang.embed import LexicalEmbedder
from briefing.llm.base import Request, Response
from briefing.llm.cache import CachedLLM, cache_key
from briefing.llm.fake import FakeLLM
from briefing.llm.fake_server import FakeOpenAIServer
from briefing.llm.openai_backend import OpenAILLM

ASK = Request(messages=[{"role": "user", "content": "Supported?"}], choices=("yes", "no"))
FIXED = cal.Calibration(
    ["judge_logit", "values_missing", "names_missing", "negation_mismatch"],
    [1.0, -4.0, -4.0, -4.0],
    0.0,
    0.5,
)


def checker(answer: Any, calibration: cal.Calibration = FIXED) -> Checker:
    return Checker(FakeLLM(answer), calibration=calibration, embedder=LexicalEmbedder())


def test_the_fake_backend_scripts_choice_probabilities() -> None:
    response = FakeLLM([{"yes": 0.8, "no": 0.2}]).complete(ASK)
    assert response.choice_probs == {"yes": 0.8, "no": 0.2} and response.text == "yes"


def test_choices_are_in_the_cache_key_and_a_recheck_makes_no_call(tmp_path: Path) -> None:
    inner = FakeLLM([{"yes": 0.7, "no": 0.3}])
    plain = dataclasses.replace(ASK, choices=None)
    assert cache_key(inner, ASK) != cache_key(inner, plain)
    assert cache_key(inner, plain) == cache_key(inner, dataclasses.replace(plain))
    cached = CachedLLM(inner, tmp_path)
    first = cached.complete(ASK)
    again = cached.complete(ASK)  # the queue is empty: a second call would raise
    assert again.cached and again.choice_probs == first.choice_probs == {"yes": 0.7, "no": 0.3}
    assert len(inner.requests) == 1


def test_a_checker_recheck_from_the_cache_makes_no_call(tmp_path: Path) -> None:
    inner = FakeLLM(lambda r: {"yes": 0.9, "no": 0.1})
    evidence = [("Iceland and Norway agreed on Friday to share data.", "en")]
    first = Checker(CachedLLM(inner, tmp_path), calibration=FIXED, embedder=LexicalEmbedder())
    v1 = first.check("Iceland and Norway agreed to share data.", "en", evidence)
    calls = len(inner.requests)
    second = Checker(CachedLLM(inner, tmp_path), calibration=FIXED, embedder=LexicalEmbedder())
    v2 = second.check("Iceland and Norway agreed to share data.", "en", evidence)
    assert calls >= 1 and len(inner.requests) == calls
    assert second.usage.calls == 0 and second.usage.cached_calls == calls
    assert v1.score == v2.score


def test_openai_backend_reads_logprobs() -> None:
    probs = {"yes": 0.6, "Yes": 0.1, "no": 0.3}
    with FakeOpenAIServer(lambda r: Response("yes", choice_probs=probs), lifetime=30) as fake:
        llm = OpenAILLM("m", base_url=fake.base_url, retries=0)
        response = llm.complete(dataclasses.replace(ASK, choices=CHOICES))
        body = fake.requests[-1]
    assert body["logprobs"] is True and body["max_tokens"] == 1 and body["top_logprobs"] == 20
    assert response.choice_probs == pytest.approx({"yes": 0.6, "Yes": 0.1, "no": 0.3, "No": 0.0})


def test_without_logprobs_the_checker_falls_back_to_votes_and_says_so() -> None:
    with FakeOpenAIServer(lambda r: "yes", lifetime=30) as fake:
        llm = OpenAILLM("m", base_url=fake.base_url, retries=0)
        c = Checker(llm, calibration=FIXED, embedder=LexicalEmbedder())
        v = c.check("Talks ended.", "en", [("Talks ended on Friday.", "en")])
    assert v.judge_mode == "votes" and "no logprobs" in v.reason
    assert v.parts[0].judge_p == 1.0 and v.supported


def test_decompose_splits_facts_not_names() -> None:
    assert decompose("Smith and Jones met in Oslo on Friday.") == [
        "Smith and Jones met in Oslo on Friday."
    ]
    assert decompose("The talks ended on Friday, and 300 new jobs will be created.") == [
        "The talks ended on Friday",
        "300 new jobs will be created.",
    ]
    two = "the u.s. team won the match. it was their first win in ten years."
    assert decompose(two) == [
        "the u.s. team won the match.",
        "it was their first win in ten years.",
    ]


def test_the_weakest_part_decides_and_is_named() -> None:
    def judge(request: Request) -> dict[str, float]:
        statement = request.messages[1]["content"].split("STATEMENT")[1]
        return {"yes": 0.05, "no": 0.95} if "jobs" in statement else {"yes": 0.95, "no": 0.05}

    v = checker(judge).check(
        "The talks ended on Friday, and new jobs will be created.",
        "en",
        [("The talks ended on Friday in Oslo.", "en")],
    )
    assert not v.supported and len(v.parts) == 2
    assert v.reason.startswith("part 2 of 2 not supported ('new jobs will be created.')")


def test_values_compare_typed_across_languages_and_case() -> None:
    ev = [Sentence("Ísland fær 16,5 prósent frá 17. júní.", "is", None)]
    assert missing_values([("iceland gets 16.5% from june 17", "en")], ev) == []
    assert missing_values([("iceland gets 18.5 percent", "en")], ev) == ["18.5%"]


def test_weekdays_and_months_compare_across_languages() -> None:
    ev = [Sentence("Am Samstagabend spielten sie im April.", "de", None)]
    assert missing_values([("They played on Saturday evening in April.", "en")], ev) == []
    assert missing_values([("They played on Thursday in January.", "en")], ev) == [
        "January",
        "Thursday",
    ]
    ev_is = [Sentence("Þau hittust á laugardaginn.", "is", "They met on Saturday.")]
    assert missing_values([("Þau hittust á miðvikudaginn.", "is")], ev_is) == ["Wednesday"]


def test_an_icelandic_claim_names_a_country_as_its_gloss_does() -> None:
    from briefing.check.features import signals
    from briefing.lang.gloss import gloss

    ev = [Sentence("The meeting was held in the United States on Friday.", "en", None)]
    claim = "Fundurinn var haldinn í Bandaríkjunum á föstudag."
    assert signals(claim, "is", gloss([claim], "is")[0], ev).names_missing == 0
    swapped = "Fundurinn var haldinn í Noregi á föstudag."
    assert signals(swapped, "is", gloss([swapped], "is")[0], ev).names_missing == 1


def test_may_and_march_as_verbs_are_not_months() -> None:
    assert calendar_words("They may march on. You may go.", "en") == set()
    assert calendar_words("It opened on May 5, in March 2020.", "en") == {"month:5", "month:3"}
    assert calendar_words("Talks resumed in May after a pause.", "en") == {"month:5"}
    assert calendar_words("Steinar frá Mars eru til í mars.", "is") == {"month:3"}


def test_cross_lingual_signals_get_their_own_weights() -> None:
    same = crossed({"judge_logit": 2.0, "overlap": 0.4, "xling": 0.0})
    across = crossed({"judge_logit": 2.0, "overlap": 0.4, "xling": 1.0})
    assert same["x_judge_logit"] == 0.0 and same["x_overlap"] == 0.0
    assert across["x_judge_logit"] == 2.0 and across["x_overlap"] == 0.4


def test_an_added_clause_lowers_the_part_similarity() -> None:
    c = Checker(None, calibration=FIXED, embedder=LexicalEmbedder())
    ev = [("The harbour workers ended their strike on Friday after talks.", "en")]
    whole = c.check("The harbour workers ended their strike on Friday.", "en", ev)
    added = c.check(
        "The harbour workers ended their strike on Friday, and the costs will be shared equally.",
        "en",
        ev,
    )
    assert added.features["part_sim"] < whole.features["part_sim"]


def test_names_compare_through_lemmas_and_gloss() -> None:
    ev = [Sentence("Fundurinn var haldinn í Moskvu.", "is", "The meeting was held in Moskvu.")]
    assert missing_names("Fundurinn var í Moskva.", ev) == []
    assert missing_names("The meeting was held in Oslo.", ev) == ["Oslo"]


def test_a_german_claim_capitalises_nouns_not_names() -> None:
    from briefing.check.features import signals

    # Every German noun is capitalised: none of them is a name missing from the English.
    ev = [Sentence("Most of what we know about the universe comes to us from light.", "en")]
    claim = "Das meiste, was wir über das Universum wissen, kommt vom Licht."
    assert signals(claim, "de", None, ev).names_missing == 0


def test_unread_evidence_holds_no_names_negations_or_number_words_against_a_claim() -> None:
    from briefing.check.features import signals

    # Chinese evidence, no gloss: names and negations cannot be read there, digits can.
    ev = [Sentence("你没有办法告诉任何人你在隧道尽头看到了光明。", "zh")]
    sig = signals("There's no way you can tell anyone you saw the light.", "en", None, ev)
    assert (sig.names_missing, sig.negation_mismatch, sig.values_missing) == (0, 0, 0)
    ev = [Sentence("但监禁人数的变化范围是从40 到400。", "zh")]
    assert missing_values([("It ranges from 40 to 400.", "en")], ev) == []
    assert missing_values([("It ranges from 40 to 500.", "en")], ev) == ["500"]


def test_negation_is_counted_in_every_language() -> None:
    assert negations("He did n't go") == 1 and negations("Hann fór ekki") == 1
    assert negations("Er kam nicht") == 1 and negations("He went") == 0


def test_icelandic_evidence_reaches_the_judge_with_its_gloss() -> None:
    llm = FakeLLM(lambda r: {"yes": 0.9, "no": 0.1})
    c = Checker(llm, calibration=FIXED, embedder=LexicalEmbedder())
    c.check("Talks ended in Akureyri.", "en", [("Viðræðum lauk á Akureyri.", "is")])
    user = llm.requests[0].messages[1]["content"]
    assert "[S1] Viðræðum lauk á Akureyri." in user and "(English gloss:" in user


def test_logistic_fit_separates_and_picks_a_threshold() -> None:
    rng = np.random.default_rng(0)
    rows = [{"a": float(x), "b": float(rng.normal())} for x in rng.normal(size=200)]
    labels = [int(r["a"] + 0.3 * r["b"] > 0) for r in rows]
    fitted = cal.fit(rows, labels, ["a", "b"])
    assert fitted.weights[0] > 2 * abs(fitted.weights[1]) > 0
    assert 0.2 < fitted.threshold < 0.8
    again = cal.Calibration.from_json(fitted.to_json())
    assert again.score({"a": 1.0, "b": 0.0}) == pytest.approx(fitted.score({"a": 1.0, "b": 0.0}))


def test_the_shipped_weights_load_and_record_their_threshold() -> None:
    shipped = cal.load()
    assert 0.0 < shipped.threshold < 1.0 and len(shipped.weights) == len(shipped.features)
    assert Checker(None).provenance()["threshold"] == shipped.threshold


def test_metrics_and_bootstrap_intervals() -> None:
    rows = [{"label": 1, "score": 0.9}] * 8 + [{"label": 1, "score": 0.1}] * 2
    rows += [{"label": 0, "score": 0.1}] * 6 + [{"label": 0, "score": 0.9}] * 4
    m = ce.confusion(rows, 0.5)
    assert m["bacc"] == pytest.approx(0.7) and m["recall"] == pytest.approx(0.6)
    assert m["precision"] == pytest.approx(6 / 8) and m["tpr"] == pytest.approx(0.8)
    low, high = ce.bootstrap(rows, 0.5, "bacc", n=200)
    assert low < 0.7 < high


def test_the_slice_is_fixed_and_stratified() -> None:
    rows = [
        {"id": f"{k}{i}", "label": i % 2, "error_kind": k, "lang_source": "is", "lang_claim": "en"}
        for k in ("number", "name")
        for i in range(20)
    ]
    a, b = ce.stratified_slice(rows, 10), ce.stratified_slice(rows, 10)
    assert a == b and len(a) == 10
    assert {r["error_kind"] for r in a} == {"number", "name"} and {r["label"] for r in a} == {0, 1}


def test_the_checker_remembers_its_embedding_similarity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Embedding the claim and its evidence was most of a cached re-run's time."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    embedded: list[list[str]] = []

    class Counting(LexicalEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            embedded.append(list(texts))
            return super().embed(texts)

    evidence = [("Iceland and Norway agreed on Friday to share data.", "en")]
    claim = "Iceland and Norway agreed to share data."
    verdicts = [
        Checker(FakeLLM(lambda r: {"yes": 0.9, "no": 0.1}), embedder=Counting()).check(
            claim, "en", evidence
        )
        for _ in range(2)
    ]
    assert len(embedded) == 1 and verdicts[0] == verdicts[1]
    assert verdicts[0].features["embed_sim"] > 0
    Checker(None, embedder=Counting()).check("Talks failed.", "en", evidence)
    assert len(embedded) == 2  # another claim: embedded afresh
