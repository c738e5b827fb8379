"""The pipeline over a scripted fake LLM: extraction, merge, translation, assembly."""

from __future__ import annotations

import json
import re

import pytest
from helpers import HARBOUR_EXTRACTS, fact, scripted, truncated

from briefing.core.errors import LLMError, ValidationFailed
from briefing.core.models import Source
from briefing.eval.scorers import evaluate
from briefing.llm.fake import FakeLLM
from briefing.render.markdown import render_markdown
from briefing.stages.pipeline import Options, generate
from briefing.stages.translate import degenerate


def test_merges_duplicates_across_languages_and_sources(harbour: list[Source]) -> None:
    briefing = generate(harbour, FakeLLM(scripted()))

    assert [i.evidence for i in briefing.agreements] == [["A1.S1", "A2.S1"]]
    assert [i.evidence for i in briefing.open_issues] == [["A1.S3", "A2.S3"]]
    assert briefing.agreements[0].text == {
        "en": "Two night sailings will be added from May.",
        "is": "IS: Two night sailings will be added from May.",
    }
    actors = [i.actor for i in briefing.positions]
    assert actors == ["Anna Jónsdóttir", "Pétur Berg", "Anna Jónsdóttir"]


def test_contradiction_becomes_a_disagreement_citing_both_sides(harbour: list[Source]) -> None:
    briefing = generate(harbour, FakeLLM(scripted()))

    [disagreement] = briefing.disagreements
    assert disagreement.evidence == ["A1.S2", "A2.S2"]
    assert disagreement.text == {}  # no composed string: the renderer writes "X — whereas Y"
    first, second = disagreement.sides
    assert (first.source, first.evidence) == ("A1", ["A1.S2"])
    assert (second.source, second.evidence) == ("A2", ["A2.S2"])
    assert first.text["en"] == "The deal costs the town 40 million krónur a year."
    assert second.text["is"] == "IS: The deal costs the town 45 million krónur a year."


def test_a_true_disagreement_passes_the_support_and_detail_checks(harbour: list[Source]) -> None:
    """Each side is scored as its own claim against its own evidence: outlet names are
    the renderer's, so they can no longer fail the name check."""
    briefing = generate(harbour, FakeLLM(scripted()))
    scores = [s for s in evaluate(briefing, None) if s.target.startswith("disagreements")]

    support = [s for s in scores if s.check == "support"]
    assert {s.target for s in support} == {
        "disagreements[1].A1.en",
        "disagreements[1].A1.is",
        "disagreements[1].A2.en",
        "disagreements[1].A2.is",
    }
    assert all(not s.metadata["detail_problems"] for s in support), support
    assert all(s.value != 0 for s in support), support


def test_the_renderer_composes_a_disagreement_from_its_sides(harbour: list[Source]) -> None:
    markdown = render_markdown(generate(harbour, FakeLLM(scripted())))

    assert (
        "Coastal Times: The deal costs the town 40 million krónur a year. — whereas "
        "Vikublaðið: The deal costs the town 45 million krónur a year.[^A1.S2][^A2.S2]"
    ) in markdown
    assert "Coastal Times: IS: The deal costs the town 40 million krónur a year. — en" in markdown


def test_usage_is_counted_per_stage(harbour: list[Source]) -> None:
    llm = FakeLLM(scripted())
    briefing = generate(harbour, llm)

    assert briefing.run is not None
    usage = briefing.run.usage
    assert (usage["extract"].calls, usage["merge"].calls, usage["translate"].calls) == (2, 1, 1)
    assert usage["total"].calls == len(llm.requests) == 4
    assert usage["total"].completion_tokens > 0
    assert briefing.run.backend == "fake"


def test_a_number_missing_from_the_cited_sentence_is_dropped(harbour: list[Source]) -> None:
    extracts = dict(HARBOUR_EXTRACTS)
    extracts["chunk A1.C1"] = {
        "facts": [fact("position", "Anna Jónsdóttir", "The deal costs 90 million krónur.", 2)]
    }
    briefing = generate(harbour, FakeLLM(scripted(extracts, {"same": [], "conflicts": []})))

    assert all("90" not in i.text["en"] for i in briefing.positions)
    [dropped] = briefing.dropped
    assert dropped["chunk"] == "A1.C1" and "90" in dropped["reason"]


def test_invalid_answer_is_reasked_with_the_error(harbour: list[Source]) -> None:
    bad = {"facts": [fact("agreement", "Akureyri", "Sailings agreed.", 9)]}
    llm = FakeLLM(scripted(overrides={"chunk A1.C1": [bad]}))
    briefing = generate(harbour, llm)

    _, second = [r for r in llm.requests if r.label == "chunk A1.C1"]
    assert "[9] is not in this excerpt" in second.messages[-1]["content"]
    assert second.messages[-2]["content"] == json.dumps(bad)
    assert briefing.agreements


def test_validation_failing_every_attempt_names_the_chunk(harbour: list[Source]) -> None:
    bad = "not json"
    llm = FakeLLM(scripted(overrides={"chunk A2.C1": [bad, bad, bad]}))
    with pytest.raises(ValidationFailed, match=r"chunk A2\.C1.*3 times"):
        generate(harbour, llm)


def test_truncated_answer_splits_the_chunk(harbour: list[Source]) -> None:
    halves = {
        "chunk A1.C1a": {"facts": [fact("agreement", "Akureyri", "Night sailings from May.", 1)]},
        "chunk A1.C1b": {"facts": [fact("open_issue", "Akureyri", "The harbour fee is open.", 1)]},
    }
    extracts = {**HARBOUR_EXTRACTS, **halves}
    no_merge = {"same": [], "conflicts": []}
    llm = FakeLLM(scripted(extracts, no_merge, overrides={"chunk A1.C1": [truncated()]}))
    briefing = generate(harbour, llm)

    labels = [r.label for r in llm.requests if r.stage == "extract"]
    assert labels == ["chunk A1.C1", "chunk A1.C1a", "chunk A1.C1b", "chunk A2.C1"]
    assert ["A1.S3"] in [i.evidence[:1] for i in briefing.open_issues]


def test_a_truncated_one_sentence_chunk_fails_clearly(harbour: list[Source]) -> None:
    options = Options(chunk_tokens=60)
    llm = FakeLLM(lambda request: truncated())
    with pytest.raises(LLMError, match=r"chunk A1\.C1.*cannot be split"):
        generate(harbour, llm, options)


def test_languages_follow_the_options(harbour: list[Source]) -> None:
    llm = FakeLLM(scripted())
    briefing = generate(harbour, llm, Options(languages=["is", "de"]))

    assert briefing.languages == ["is", "de"]
    assert set(briefing.agreements[0].text) == {"is", "de"}
    assert [r.label for r in llm.requests if r.stage == "translate"] == [
        "translation into Icelandic",
        "translation into German",
    ]


def test_concurrent_extraction_gives_the_same_briefing(harbour: list[Source]) -> None:
    class Parallel(FakeLLM):
        max_concurrency = 4

    serial = generate(harbour, FakeLLM(scripted()))
    parallel = generate(harbour, Parallel(scripted()), Options(concurrency=4))
    assert serial.model_dump(exclude={"run"}) == parallel.model_dump(exclude={"run"})


def test_a_statement_parroting_the_prompt_example_is_dropped(harbour: list[Source]) -> None:
    extracts = dict(HARBOUR_EXTRACTS)
    extracts["chunk A2.C1"] = {
        "facts": [fact("open_issue", "the council", "Night shift length is still unresolved.", 3)]
    }
    briefing = generate(harbour, FakeLLM(scripted(extracts, {"same": [], "conflicts": []})))

    assert [d["text"] for d in briefing.dropped] == ["Night shift length is still unresolved."]
    assert "example" in briefing.dropped[0]["reason"]


def test_a_looping_translation_falls_back_to_the_marked_pivot(harbour: list[Source]) -> None:
    def looping(request):
        answer = scripted()(request)
        if request.stage == "translate":
            answer["t"][0] = "Ríkið stundum stundum stundum stundum stundum"
        return answer

    briefing = generate(harbour, FakeLLM(looping))
    assert briefing.agreements[0].text["is"] == "[en] Two night sailings will be added from May."
    assert briefing.open_issues[0].text["is"].startswith("IS: ")


def test_each_translation_is_capped_near_its_source_length(harbour: list[Source]) -> None:
    llm = FakeLLM(scripted())
    generate(harbour, llm)
    request = next(r for r in llm.requests if r.stage == "translate")
    caps = [s["maxLength"] for s in request.schema["properties"]["t"]["prefixItems"]]
    english = re.findall(r"^\d+\. (.+)$", request.messages[1]["content"], re.MULTILINE)
    assert len(caps) == len(english) > 1
    assert caps == [int(len(text) * 1.4) + 10 for text in english]
    assert request.max_tokens == sum(int(cap * 0.55) + 8 for cap in caps) + 16


def test_cached_answers_count_at_their_first_cost_but_are_not_fresh_calls() -> None:
    from briefing.llm.base import Response
    from briefing.stages.pipeline import Meter

    meter = Meter()
    meter.record("extract", Response(text="{}", prompt_tokens=50, completion_tokens=20))
    meter.record("extract", Response(text="{}", completion_tokens=30, cached=True))
    total = meter.total()
    assert (total.calls, total.completion_tokens) == (2, 50)
    assert (meter.fresh_calls, meter.cache_hits) == (1, 1)


@pytest.mark.parametrize(
    ("text", "looping"),
    [
        ("Ríkið stundum stundum stundum stundum", True),
        ("Deuruminni áskaltið að skála á skála á skála á skála", True),
        ("verkfallinu lauk og verkfallinu lauk og verkfallinu lauk og", True),
        ("Hafnarstjórn segir að 30 skip hafi tafist, en stéttarfélagið segir 45.", False),
        ("Hún sagði já, já, já við öllu.", False),
        ("Samið var um að deila gögnum og að hittast aftur í maí.", False),
    ],
)
def test_a_translation_loop_is_told_from_a_sentence(text: str, looping: bool) -> None:
    assert degenerate(text) is looping
