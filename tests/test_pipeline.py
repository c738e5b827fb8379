"""The pipeline over a scripted fake LLM: extraction, verification, merge, localization."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import BACKGROUND, HARBOUR_EXTRACTS, point, scripted

from briefing.core.errors import ValidationFailed
from briefing.core.models import SECTIONS, Source
from briefing.eval.scorers import evaluate
from briefing.ingest.read import load_sources
from briefing.llm.fake import FakeLLM
from briefing.render.markdown import render_markdown
from briefing.stages.pipeline import Options, generate

# One sentence per chunk: the per-chunk budget then asks every informative sentence.
ONE = Options(chunk_tokens=30)

# Every English sentence of the harbour fixture stands on its own (`stages.select.stands`)
# and is published as written, the scripted text unused. Reworded to open with a pronoun,
# the last one does not: the model phrases it, and the scripted "A1.S4" text is its
# statement.
S4 = "Nordlys chief executive Pétur Berg said the company wants the fee cut by half."
PHRASED_S4 = "His company Nordlys wants the fee cut by half, chief executive Pétur Berg said."


@pytest.fixture
def phrased(harbour_paths: list[Path], tmp_path: Path) -> list[Source]:
    """The harbour fixture with A1.S4 reworded as `PHRASED_S4`."""
    folder = shutil.copytree(harbour_paths[0], tmp_path / "harbour")
    english = folder / "coastal-times-en.md"
    text = english.read_text(encoding="utf-8")
    assert S4 in text
    english.write_text(text.replace(S4, PHRASED_S4), encoding="utf-8")
    return load_sources([folder])


def test_merges_duplicates_across_languages_and_sources(harbour: list[Source]) -> None:
    briefing = generate(harbour, FakeLLM(scripted()), ONE)

    assert [i.evidence for i in briefing.agreements] == [["A1.S1", "A2.S1"]]
    assert [i.evidence for i in briefing.open_issues] == [["A1.S3", "A2.S3"]]
    assert briefing.agreements[0].text == {  # the English sentence as written
        "en": "The town of Akureyri and the ferry operator Nordlys agreed on Tuesday to add "
        "two night sailings from May.",
        "is": "Akureyrarbær og ferjufélagið Nordlys sömdu í gær um tvær nýjar "
        "næturferðir frá og með maí.",
    }
    assert briefing.agreements[0].origin == {"en": "statement", "is": "quote:A2.S1"}
    # Anna Jónsdóttir's two figures are the disagreement's sides, shown there only
    assert [i.actor for i in briefing.positions] == ["Pétur Berg"]
    assert briefing.dropped == []


def test_the_model_reads_english_and_skips_linked_icelandic(harbour: list[Source]) -> None:
    llm = FakeLLM(scripted())
    generate(harbour, llm)  # one chunk per article

    asked = [r for r in llm.requests if r.stage == "extract"]
    english, icelandic = asked[0].messages[-1]["content"], asked[-1].messages[-1]["content"]
    assert "Actors: Akureyri, Nordlys, Anna Jónsdóttir, Pétur Berg, none" in english
    # A2.S1 and A2.S3 are linked to English sentences: only A2.S2 is shown, as its gloss
    assert "machine-translated from Icelandic" in icelandic
    assert "[1] Anna Jónsdóttir mayor said" in icelandic and "[2]" not in icelandic
    assert "næturferðir" not in icelandic and "hafnargjaldið" not in icelandic
    assert "Actors: Anna Jónsdóttir, none" in icelandic
    lines = [line for line in icelandic.splitlines() if line]
    assert lines[-3].startswith("Report sentence [1]: Anna Jónsdóttir mayor")
    # the original beside its gloss: a model that reads Icelandic states it from that
    assert lines[-2] == (
        "The Icelandic original of sentence [1], which the rough translation only "
        "approximates: Anna Jónsdóttir bæjarstjóri sagði að samningurinn kostaði bæinn "
        "45 milljónir króna á ári."
    )
    # and what Greynir read of the Icelandic original: who says it, and no negation
    assert lines[-1] == (
        "A parser read the Icelandic original of sentence [1]: speaker Anna Jónsdóttir; "
        "negated: no."
    )
    # every position names who says it, so code gives the actor: no call asks for one
    assert not [r for r in asked if r.prefix.endswith('"actor": "')]


def test_contradiction_becomes_a_disagreement_citing_both_sides(harbour: list[Source]) -> None:
    briefing = generate(harbour, FakeLLM(scripted()), ONE)

    [disagreement] = briefing.disagreements
    assert disagreement.evidence == ["A1.S2", "A2.S2"]
    assert disagreement.text == {}  # no composed string: the renderer writes "X — whereas Y"
    first, second = disagreement.sides
    assert (first.source, first.evidence) == ("A1", ["A1.S2"])
    assert (second.source, second.evidence) == ("A2", ["A2.S2"])
    assert first.text["en"] == (  # as written: it stands on its own
        "Mayor Anna Jónsdóttir said the deal would cost the town 40 million krónur a year."
    )
    assert first.origin == {"en": "statement", "is": "fallback"}
    assert second.text["is"].startswith("Anna Jónsdóttir bæjarstjóri sagði")
    assert second.origin == {"en": "statement", "is": "quote:A2.S2"}
    # each side is shown once, in the disagreement, not again as a position
    shown = [s for s in SECTIONS if s != "disagreements"]
    cited = [e for s in shown for item in getattr(briefing, s) for e in item.evidence]
    assert "A1.S2" not in cited and "A2.S2" not in cited


def test_a_true_disagreement_passes_the_support_and_detail_checks(harbour: list[Source]) -> None:
    """Each side is scored as its own claim against its own evidence: outlet names are
    the renderer's, so they can no longer fail the name check."""
    briefing = generate(harbour, FakeLLM(scripted()), ONE)
    scores = [s for s in evaluate(briefing, None) if s.target.startswith("disagreements")]

    support = [s for s in scores if s.check == "support"]
    assert {s.target for s in support} >= {"disagreements[1].A1.en", "disagreements[1].A2.en"}
    assert all(not s.metadata["detail_problems"] for s in support), support
    assert all(s.value != 0 for s in support), support


def test_the_renderer_composes_a_disagreement_from_its_sides(harbour: list[Source]) -> None:
    markdown = render_markdown(generate(harbour, FakeLLM(scripted()), ONE))

    said = "Mayor Anna Jónsdóttir said the deal would cost the town 40 million krónur a year."
    assert (
        f"Coastal Times: {said} — whereas "
        "Vikublaðið: Anna Jónsdóttir put the town's cost at 45 million a year.[^A1.S2][^A2.S2]"
    ) in markdown
    assert f"Coastal Times: [en] {said}" in markdown

    # without outlets the sides are named by web site, else by id, never by headline
    unnamed = [s.model_copy(update={"outlet": None}) for s in harbour]
    unnamed[0] = unnamed[0].model_copy(update={"url": "https://www.coastal.example/deal"})
    plain = render_markdown(generate(unnamed, FakeLLM(scripted()), ONE))
    assert f"coastal.example: {said} — whereas A2: Anna Jónsdóttir put" in plain


def test_usage_is_counted_per_stage(harbour: list[Source]) -> None:
    llm = FakeLLM(scripted())
    briefing = generate(harbour, llm, ONE)

    assert briefing.run is not None
    usage = briefing.run.usage
    assert set(usage) == {"extract", "check", "total"}
    # five sentences asked: the four English ones stand, so only their kind is asked (the
    # positions A1.S2 and A1.S4 name their speaker, whom code gives: 4 calls), and the
    # glossed A2.S2 its kind and text (its speaker named too: 2 calls); the support
    # checker judges only A2.S2 (the others are their sentence as written), and
    # cross-citing judges A1.S3 against A2.S3, the one English statement with an
    # Icelandic candidate that passes code
    assert (usage["extract"].calls, usage["check"].calls) == (6, 2)
    assert usage["total"].calls == len(llm.requests) == 8
    assert usage["total"].completion_tokens > 0
    assert briefing.run.backend == "fake"


def test_a_number_missing_from_the_cited_sentence_is_dropped(harbour: list[Source]) -> None:
    extracts = dict(HARBOUR_EXTRACTS)  # a glossed sentence: the model phrases it
    extracts["A2.C1 sentence A2.S2"] = point(
        "position", "Anna Jónsdóttir", "Anna Jónsdóttir put the town's cost at 90 million a year."
    )
    briefing = generate(harbour, FakeLLM(scripted(extracts)), ONE)

    assert all("90" not in i.text["en"] for i in briefing.positions)
    [dropped] = briefing.dropped
    assert dropped["evidence"] == "A2.S2"
    assert dropped["reason"].startswith("the number ")
    assert "is not in the cited sentences" in dropped["reason"]


def test_a_miscited_statement_is_recited_to_its_neighbour(phrased: list[Source]) -> None:
    extracts = dict(HARBOUR_EXTRACTS)
    extracts["A1.C3 sentence A1.S3"] = BACKGROUND
    extracts["A1.C4 sentence A1.S4"] = point(
        "open_issue", "none", "The harbour fee was not settled."
    )
    briefing = generate(phrased, FakeLLM(scripted(extracts)), ONE)

    assert [(i.evidence, i.text["en"]) for i in briefing.open_issues] == [
        (["A1.S3", "A2.S3"], "The harbour fee was not settled.")
    ]
    assert briefing.dropped == []


def test_validation_failing_every_attempt_names_the_chunk(harbour: list[Source]) -> None:
    """A backend with no label probabilities is asked a one-field schema instead; three
    invalid answers to it fail the run, naming the sentence."""
    bad = "not json"
    llm = FakeLLM(scripted(overrides={"A2.C2 sentence A2.S2": [bad] * 4}))
    with pytest.raises(ValidationFailed, match=r"A2\.C2 sentence A2\.S2.*3 times"):
        generate(harbour, llm, ONE)


def test_languages_follow_the_options_without_a_translation_call(harbour: list[Source]) -> None:
    llm = FakeLLM(scripted())
    briefing = generate(harbour, llm, Options(languages=["is", "de"], chunk_tokens=30))

    assert briefing.languages == ["is", "de"]
    [agreement] = briefing.agreements
    assert set(agreement.text) == {"is", "de"}
    assert agreement.origin == {"is": "quote:A2.S1", "de": "fallback"}
    assert agreement.text["de"] == (  # the English sentence as written
        "The town of Akureyri and the ferry operator Nordlys agreed on Tuesday to add two "
        "night sailings from May."
    )
    assert {r.stage for r in llm.requests} == {"extract", "judge"}  # no translation call


def test_concurrent_extraction_gives_the_same_briefing(harbour: list[Source]) -> None:
    class Parallel(FakeLLM):
        max_concurrency = 4

    serial = generate(harbour, FakeLLM(scripted()), ONE)
    parallel = generate(harbour, Parallel(scripted()), Options(concurrency=4, chunk_tokens=30))
    assert serial.model_dump(exclude={"run"}) == parallel.model_dump(exclude={"run"})


def test_the_shipped_prompt_has_no_worked_example(harbour: list[Source]) -> None:
    """A call is the system prompt and the asked sentence (and the start of its own
    answer), nothing a small model could parrot."""
    llm = FakeLLM(scripted())
    briefing = generate(harbour, llm, ONE)

    extract = [r for r in llm.requests if r.stage == "extract"]
    assert all([m["role"] for m in r.messages] == ["system", "user"] for r in extract)
    assert briefing.dropped == []


def test_a_checker_that_rejects_drops_and_one_that_passes_scores(phrased: list[Source]) -> None:
    from briefing.check.checker import Verdict

    class Picky:
        record = None

        def check(self, claim: str, lang: str, evidence: object, label: str = "") -> Verdict:
            if "harbour" in claim:
                return Verdict(0.2, False, 0.5, "unsupported")
            return Verdict(0.9, True, 0.5, "")

    options = Options(checker=Picky(), chunk_tokens=30)  # type: ignore[arg-type]
    briefing = generate(phrased, FakeLLM(scripted()), options)

    # the phrased A1.S4 is judged and rejected, the glossed A2.S2 judged and scored
    assert [(d["text"], d["evidence"]) for d in briefing.dropped] == [
        ("Nordlys wants the harbour fee cut by half.", "A1.S4")
    ]
    assert "scored it 0.20: unsupported" in briefing.dropped[0]["reason"]
    # the glossed A2.S2 passed the checker: a side of the disagreement with A1.S2
    [disagreement] = briefing.disagreements
    assert [side.evidence for side in disagreement.sides] == [["A1.S2"], ["A2.S2"]]
    assert briefing.positions == []
    # a statement that is its sentence as written is not judged: A1.S3 stays, unscored
    [issue] = briefing.open_issues
    assert (issue.text["en"], issue.score) == (
        "The harbour fee was not settled and will be discussed again next week.",
        None,
    )


def test_cached_answers_count_at_their_first_cost_but_are_not_fresh_calls() -> None:
    from briefing.llm.base import Response
    from briefing.stages.pipeline import Meter

    meter = Meter()
    meter.record("extract", Response(text="{}", prompt_tokens=50, completion_tokens=20))
    meter.record("extract", Response(text="{}", completion_tokens=30, cached=True))
    total = meter.total()
    assert (total.calls, total.completion_tokens) == (2, 50)
    assert (meter.fresh_calls, meter.cache_hits) == (1, 1)


def test_a_side_names_every_outlet_that_gives_its_value() -> None:
    """togari: AFP's 23 crew against Morgunblaðið's 24; TASS also gave 24 and was cited
    nowhere. The side is "Morgunblaðið, ТАСС", citing both, and it comes first: the side
    more outlets give (hafnarverkfall opened on dpa's 10,000 before Reuters' and RÚV's
    12,000)."""
    from helpers import source

    from briefing.stages.build import assemble
    from briefing.stages.disagree import Conflict
    from briefing.stages.found import Found
    from briefing.stages.reading import read

    afp = source("A1", "en", ["The coast guard rescued 23 sailors on Thursday."])
    mbl = source("A2", "en", ["The coast guard rescued 24 sailors last night."])
    tass = source("A3", "en", ["Iceland's coast guard saved 24 crew members overnight."])
    reading = read([afp, mbl, tass])
    first = Found("developments", afp.sentences[0].text, ["A1.S1"], "A1")
    # the merge's corroboration (`merge._corroborate`) cited TASS's linked sentence
    second = Found("developments", mbl.sentences[0].text, ["A2.S1", "A3.S1"], "A2")
    b = assemble(reading, [first, second], [Conflict(first, second)], ["en", "is"], [])
    [shown] = b.disagreements
    assert [(s.source, s.also, s.evidence) for s in shown.sides] == [
        ("A2", ["A3"], ["A2.S1", "A3.S1"]),
        ("A1", [], ["A1.S1"]),
    ]
    assert shown.evidence == ["A2.S1", "A3.S1", "A1.S1"]
    b = b.model_copy(
        update={
            "sources": [
                s.model_copy(update={"outlet": o})
                for s, o in zip(b.sources, ["AFP", "Morgunblaðið", "ТАСС"], strict=True)
            ]
        }
    )
    text = render_markdown(b)
    # an outlet in Cyrillic is written in Latin letters for a Latin column, as actors are
    assert "Morgunblaðið, TASS (ТАСС): The coast guard rescued 24" in text
    assert "— whereas AFP: The coast guard rescued 23" in text
    from briefing.render.site import BriefingView

    assert BriefingView(b).names.side("A3", "en") == "TASS (ТАСС)"


def test_a_side_is_quoted_in_a_columns_language_by_another_outlet_on_it() -> None:
    """hafis, orka: "Reuters, Interfax, RÚV: [en] … 400,000 tonnes" showed the Icelandic
    reader Reuters' English though RÚV, on that side, gives the 400.000 tonn in
    Icelandic; the side's Icelandic line is RÚV's sentence, quoted."""
    from helpers import source

    from briefing.stages.build import assemble
    from briefing.stages.disagree import Conflict
    from briefing.stages.found import Found
    from briefing.stages.reading import read

    reuters = source("A1", "en", ["Scientists advised a catch of 400,000 tonnes for the season."])
    monde = source("A2", "fr", ["Les captures devraient atteindre 410 000 tonnes cette saison."])
    ruv = source("A3", "is", ["Lagt er til að heildaraflinn verði 400.000 tonn á vertíðinni."])
    reading = read([reuters, monde, ruv])
    first = Found("developments", reuters.sentences[0].text, ["A1.S1", "A3.S1"], "A1")
    second = Found("developments", "The catch should reach 410,000 tonnes.", ["A2.S1"], "A2")
    b = assemble(reading, [first, second], [Conflict(first, second)], ["en", "is"], [])
    [shown] = b.disagreements
    assert shown.sides[0].origin == {"en": "statement", "is": "quote:A3.S1"}
    assert shown.sides[0].text["is"] == ruv.sentences[0].text
