"""The checked-in eval cases, the case metrics, `eval run`, and the checker's measured rates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import item, serve
from typer.testing import CliRunner

from briefing.check.judge import Judge
from briefing.cli.eval import eval_app
from briefing.core.models import Briefing, Item, RunInfo
from briefing.eval import perturb
from briefing.eval.cases import MustNot, case_metrics, find_cases, load_case, states
from briefing.eval.runner import check_briefing, run_case
from briefing.llm.fake import FakeLLM
from briefing.prompts import PromptSet

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "evals" / "cases"


@pytest.fixture(scope="module")
def cases() -> list:
    return find_cases(CASES)


def test_there_are_four_cases_two_of_them_bilingual_with_icelandic_sources(cases: list) -> None:
    assert len(cases) >= 4
    bilingual = [
        c
        for c in cases
        if {s.language for s in c.sources()} == {"en", "is"} and "is" in c.languages
    ]
    assert len(bilingual) >= 2


def test_every_cited_id_is_a_sentence_of_the_ingested_articles(cases: list) -> None:
    for case in cases:
        ids = {s.id for src in case.sources() for s in src.sentences}
        assert case.relevant <= ids, case.name
        assert case.thresholds, case.name


# Written for issue 23, these hold perturbations code cannot see: the Alaska sentences
# name both leaders ("sagði Trump ... með Pútín"), so a swapped leader is still named in
# the cited sentences (the judge's attribution check must catch it).
CODE_BLIND = ("alaska-summit", "atc-dispute")
# The German sentences here have no English beside them: code cannot compare their words
# (the pipeline never verifies a line on them alone), nor their weekdays.
UNREAD = ("rail-strike-de",)


def test_the_checker_catches_checkable_perturbations_and_spares_the_true_points(
    cases: list,
) -> None:
    checkable = [c for c in cases if c.name not in CODE_BLIND + UNREAD]
    summary = perturb.measure(checkable, judge=None)["summary"]
    assert summary["untouched"]["false_alarm_rate"] == 0.0
    for kind in ("swapped_actor", "changed_number", "changed_date"):
        assert summary[kind]["caught"] == 1.0, kind
    # the misses are claims with no number, date or name to check ("Orkustofnun á eftir
    # að samþykkja áformin", "The council has not decided whether to fine people ...")
    assert summary["unrelated_citation"]["caught"] >= 0.85
    # negation and wordless inventions are the judge's work
    assert summary["negation"]["caught"] < 0.2
    assert all(s["n"] > 0 for s in summary.values())


def test_the_issue_23_cases_state_only_what_their_evidence_says(cases: list) -> None:
    summary = perturb.measure([c for c in cases if c.name in CODE_BLIND], judge=None)["summary"]
    assert summary["untouched"]["false_alarm_rate"] == 0.0
    assert summary["changed_number"]["caught"] == 1.0
    # measured: 0.80 of swapped actors, 0.89 of changed dates, 0.87 of unrelated citations
    assert summary["swapped_actor"]["caught"] >= 0.75
    assert summary["changed_date"]["caught"] >= 0.85
    assert summary["unrelated_citation"]["caught"] >= 0.85


def test_over_sentences_code_cannot_read_it_still_checks_numbers_and_names(cases: list) -> None:
    summary = perturb.measure([c for c in cases if c.name in UNREAD], judge=None)["summary"]
    assert summary["untouched"]["false_alarm_rate"] == 0.0
    assert summary["changed_number"]["caught"] == 1.0
    assert summary["swapped_actor"]["caught"] == 1.0


def test_perturbations_change_the_claim_as_named() -> None:
    assert perturb.negate("The dispute has not been settled.", "en") == (
        "The dispute has been settled."
    )
    assert perturb.negate("Ríkið greiðir 12 milljarða.", "is") == "Ríkið greiðir ekki 12 milljarða."
    assert perturb.change_number("It costs 12 billion in 2027.", "en") == (
        "It costs 16 billion in 2027."
    )
    assert perturb.change_date("Work begins in May 2027.", "en") == "Work begins in July 2027."


def fake_briefing(case: Any, items: list[Item]) -> Briefing:
    return Briefing(
        languages=case.languages,
        sources=case.sources(),
        agreements=items,
        run=RunInfo(backend="fake", model="fake-1", languages=case.languages),
    )


def test_case_metrics_coverage_precision_and_must_not(cases: list) -> None:
    case = next(c for c in cases if c.name == "harbour-strike")
    items = [
        item("The union and the port authority agreed on a 4 percent wage rise.", None, ["A1.S3"]),
        item("The workers won a 5 percent wage rise.", None, ["A1.S3"]),  # number not cited
        item("Dock workers returned to work.", None, ["A1.S1"]),  # title: not relevant
    ]
    briefing = fake_briefing(case, [Item(text=i.text, evidence=i.evidence) for i in items])
    scores = check_briefing(briefing, None).scores
    m = case_metrics(case, briefing, scores)
    assert m.metrics["coverage"] == pytest.approx(1 / 6)  # only the 4 percent point
    assert m.metrics["citation_precision"] == pytest.approx(2 / 3)
    assert m.must_not_hits == [("agreements[2].en", "The workers won a 5 percent wage rise.")]
    assert m.metrics["must_not"] == pytest.approx(2 / 3)


def test_column_coverage_counts_only_lines_verified_in_that_language(tmp_path: Path) -> None:
    """A fact only the Icelandic outlet reports, published as its Icelandic quote with
    the original shown in English: covered in the Icelandic column, not the English one;
    filed in its expected section."""
    from helpers import article

    from briefing.eval.cases import Case, Point

    sources = [
        article("A1", "en", "The talks ended on Friday."),
        article("A2", "is", "Viðræðum lauk á föstudag. Verkfall hefst á mánudag."),
    ]
    quote = sources[1].sentences[1].text
    only_is = Item(
        text={"en": quote, "is": quote},
        origin={"en": "original:is:A2.S2", "is": "quote:A2.S2"},
        evidence=["A2.S2"],
    )
    both = Item(
        text={"en": "The talks ended on Friday.", "is": sources[1].sentences[0].text},
        origin={"en": "statement", "is": "quote:A2.S1"},
        evidence=["A1.S1", "A2.S1"],
    )
    case = Case(
        "c", tmp_path, ["en", "is"],
        [Point("Talks ended Friday.", ["A1.S1", "A2.S1"], section="open_issues"),
         Point("A strike starts Monday.", ["A2.S2"], section="agreements")],
        [], set(), {},
    )  # fmt: skip
    briefing = Briefing(
        languages=["en", "is"], sources=sources, open_issues=[both, only_is],
        run=RunInfo(backend="fake", model="fake-1", languages=["en", "is"]),
    )  # fmt: skip
    m = case_metrics(case, briefing, check_briefing(briefing, None).scores).metrics

    assert (m["coverage"], m["coverage_en"], m["coverage_is"]) == (1.0, 0.5, 1.0)
    assert (m["is_only_en"], m["is_only_is"]) == (0.0, 1.0)
    assert m["sections"] == 0.5  # the strike is filed under open issues, not agreements


def test_actor_single_item_and_merged_outlet_metrics(tmp_path: Path) -> None:
    """A position held by the wrong person, a fact given twice (once per outlet) and a
    fact two outlets report given in one item citing both, each counted as named."""
    from helpers import article

    from briefing.eval.cases import Case, Point

    sources = [
        article("A1", "is", "Ráðherra sagði að lög yrðu ekki sett. Fundi lauk á föstudag."),
        article("A2", "is", "Lög verða ekki sett, sagði ráðherra. Fundi lauk á föstudag."),
    ]

    def quoted(sid: str, actor: str | None = None) -> Item:
        text = next(s.text for src in sources for s in src.sentences if s.id == sid)
        return Item(text={"is": text}, origin={"is": f"quote:{sid}"}, evidence=[sid], actor=actor)

    ended = quoted("A1.S2")
    ended.evidence.append("A2.S2")
    case = Case(
        "c", tmp_path, ["is"],
        [Point("No law, said the minister.", ["A1.S1", "A2.S1"], "Elín Rós", section="positions"),
         Point("The meeting ended on Friday.", ["A1.S2", "A2.S2"], section="open_issues")],
        [], set(), {},
    )  # fmt: skip
    briefing = Briefing(
        languages=["is"], sources=sources, open_issues=[ended],
        positions=[quoted("A1.S1", "Gunnar"), quoted("A2.S1", "Elín Rós")],
        run=RunInfo(backend="fake", model="fake-1", languages=["is"]),
    )  # fmt: skip
    m = case_metrics(case, briefing, check_briefing(briefing, None).scores).metrics

    assert m["actors"] == 1.0  # one of the two items gives the minister her name
    assert m["single_items"] == 0.5  # the minister's point is given twice
    assert m["merged_outlets"] == 0.5  # the meeting's end cites both outlets, the law not

    briefing.positions = [quoted("A1.S1", "Gunnar")]
    m = case_metrics(case, briefing, check_briefing(briefing, None).scores).metrics
    assert (m["actors"], m["single_items"]) == (0.0, 1.0)

    # the meeting's end as a disagreement, a side per outlet: one item citing both
    from briefing.core.models import Side

    ended_sides = Item(
        evidence=["A1.S2", "A2.S2"],
        sides=[
            Side(source=s[:2], text={"is": t}, origin={"is": f"quote:{s}"}, evidence=[s])
            for s, t in (("A1.S2", "Fundi lauk á föstudag."), ("A2.S2", "Fundi lauk á föstudag."))
        ],
    )
    briefing.open_issues, briefing.disagreements = [], [ended_sides]
    m = case_metrics(case, briefing, check_briefing(briefing, None).scores).metrics
    assert (m["single_items"], m["merged_outlets"]) == (1.0, 0.5)


def test_must_not_without_patterns_respects_negation() -> None:
    forbidden = MustNot("The dispute over night shifts has been settled.")
    assert states("The night shifts dispute has been settled.", forbidden)
    assert not states("The dispute over night shifts has not been settled.", forbidden)


def eval_run(
    monkeypatch: pytest.MonkeyPatch, generate: Any, llm: FakeLLM, case: str, *args: str
) -> Any:
    """`briefing eval run` on one case, with `generate` in place of the pipeline and `llm`
    as every backend (generator and judge)."""
    monkeypatch.setattr("briefing.stages.pipeline.generate", generate)
    serve(llm)
    return CliRunner().invoke(eval_app, ["run", str(CASES), "--case", case, *args])


def test_eval_run_generates_checks_and_fails_a_case_under_threshold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cases: list
) -> None:
    def fake_generate(sources: list, llm: Any, options: Any) -> Briefing:
        good = Item(
            text={"en": "Rivermouth city council banned garden hoses until the end of August."},
            evidence=["A1.S2"],
        )
        bad = Item(
            text={"en": "The council decided to fine people who break the rules."},
            evidence=["A1.S6"],
        )
        return Briefing(languages=options.languages, sources=sources, agreements=[good, bad])

    judge = FakeLLM(
        lambda r: {
            "reason": "ok",
            "label": "contradicted"
            if "decided to fine" in r.messages[1]["content"]
            else "supported",
        }
    )
    result = eval_run(
        monkeypatch,
        fake_generate,
        judge,
        "rivermouth-drought",
        "--report-json",
        str(tmp_path / "r.json"),
        "--out-dir",
        str(tmp_path / "b"),
    )
    assert result.exit_code == 1
    assert "case rivermouth-drought failed" in result.stderr
    assert "must_not 0.67 < 1.00" in result.stderr
    assert "decided to fine" in result.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["failed"] == ["rivermouth-drought"]
    assert report["cases"][0]["metrics"]["faithfulness"] == 0.5
    assert (tmp_path / "b" / "rivermouth-drought.json").is_file()


def test_run_case_uses_the_case_languages(monkeypatch: pytest.MonkeyPatch, cases: list) -> None:
    seen: dict[str, Any] = {}

    def fake_generate(sources: list, llm: Any, options: Any) -> Briefing:
        seen["languages"] = options.languages
        return Briefing(languages=options.languages, sources=sources)

    monkeypatch.setattr("briefing.stages.pipeline.generate", fake_generate)
    case = next(c for c in cases if c.name == "mackerel-talks")
    result = run_case(case, FakeLLM([]), Judge(FakeLLM([])))
    assert seen["languages"] == ["en", "is"]
    assert result.metrics["coverage"] == 0.0


@pytest.mark.embedded
def test_embedded_judge_catches_an_invented_claim(
    request: pytest.FixtureRequest, cases: list
) -> None:
    try:
        embedded_llm = request.getfixturevalue("embedded_llm")
    except pytest.FixtureLookupError:
        pytest.skip("no embedded_llm fixture in tests/conftest.py")
    case = next(c for c in cases if c.name == "mackerel-talks")
    true = Item(text={"en": case.expected[0].text}, evidence=case.expected[0].evidence)
    invented = Item(
        text={"en": "Iceland and Norway agreed to build a joint fish factory."}, evidence=["A1.S3"]
    )
    scores = check_briefing(fake_briefing(case, [true, invented]), Judge(embedded_llm)).scores
    scores = [s for s in scores if s.check == "support"]  # not the code-only voice scores
    assert scores[0].label == "supported"
    assert scores[1].value == 0.0


def test_eval_run_records_what_generated_and_what_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fake_generate(sources: list, llm: Any, options: Any) -> Briefing:
        seen["prompts"] = options.prompts
        return Briefing(languages=options.languages, sources=sources)

    folder = tmp_path / "prompts"
    folder.mkdir()
    house = PromptSet().source("extract.system") + "\nBe brief."
    (folder / "extract.system.j2").write_text(house, encoding="utf-8")
    judge = FakeLLM([])
    result = eval_run(
        monkeypatch,
        fake_generate,
        judge,
        "harbour-strike",
        "--prompts",
        str(folder),
        "--report-json",
        str(tmp_path / "r.json"),
    )
    assert seen["prompts"].source("extract.system") == house
    provenance = json.loads((tmp_path / "r.json").read_text())["provenance"]
    generator, judged = provenance["generator"], provenance["judge"]
    assert (generator["backend"], generator["model"]) == ("fake", judge.model)
    assert generator["sampling"] == {"temperature": 0.0, "seed": 0}
    assert generator["prompts"]["extract.system"] == {
        "sha256": seen["prompts"].sha256("extract.system"),
        "origin": "override",
    }
    assert generator["prompts"]["extract.user"]["origin"] == "shipped"
    assert judged["sampling"] == {"temperature": 0.0, "seed": 0, "max_tokens": 80}
    assert judged["votes"] == 1 and set(judged["prompts"]) == {
        "judge.system",
        "judge.user",
        "judge_attribution.system",
        "judge_attribution.user",
        "judge_consistency.system",
        "judge_consistency.user",
    }
    assert "overridden: extract.system" in result.stdout
    assert f"judged by fake · {judge.model}" in result.stdout


def test_eval_run_judges_with_the_judge_prompt_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_generate(sources: list, llm: Any, options: Any) -> Briefing:
        good = Item(text={"en": "Dock workers ended their strike."}, evidence=["A1.S2"])
        return Briefing(languages=options.languages, sources=sources, agreements=[good])

    folder = tmp_path / "judge"
    folder.mkdir()
    system = "Judge strictly. Answer in JSON with reason and label."
    (folder / "judge.system.j2").write_text(system, encoding="utf-8")
    judge = FakeLLM(lambda r: {"reason": "ok", "label": "supported"})
    result = eval_run(
        monkeypatch,
        fake_generate,
        judge,
        "harbour-strike",
        "--judge-prompts",
        str(folder),
        "--report-json",
        str(tmp_path / "r.json"),
    )
    assert judge.requests and all(r.messages[0]["content"] == system for r in judge.requests)
    judged = json.loads((tmp_path / "r.json").read_text())["provenance"]["judge"]
    assert judged["prompts"]["judge.system"]["origin"] == "override"
    assert "overridden: judge.system" in result.stdout


def test_the_calibrated_checker_measures_the_perturbations() -> None:
    from briefing.check.checker import Checker
    from briefing.lang.embed import LexicalEmbedder
    from briefing.llm.fake import FakeLLM

    cases = find_cases(Path("evals/cases"), ["mackerel-talks"])
    llm = FakeLLM(lambda r: {"yes": 0.9, "no": 0.1})
    checker = Checker(llm, embedder=LexicalEmbedder())
    result = perturb.measure(cases, judge=None, checker=checker)
    summary = result["summary"]
    # measured 0.5 on this case (one of its two numbers, across languages): see the note
    assert summary["changed_number"]["caught"] >= 0.5
    assert all(r["why"][0].startswith("score ") for r in result["rows"] if r["flagged"])
    assert all(r.choices for r in llm.requests)


def test_eval_init_scaffolds_a_case_listing_its_sentence_ids(tmp_path: Path) -> None:
    harbour = Path(__file__).parent / "fixtures" / "harbour"
    target = tmp_path / "cases" / "harbour"
    (tmp_path / "cases").mkdir()
    runner = CliRunner()
    result = runner.invoke(eval_app, ["init", str(harbour), "--case-dir", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("A1.S1\t") and "\nA2.S1\t" in result.stdout
    assert "add the expected points" in result.stderr
    spec = json.loads((target / "case.json").read_text())
    assert spec["languages"] == ["en", "is"] and spec["expected"] == []
    assert list(spec["sentences"])[:2] == ["A1.S1", "A1.S2"]
    assert load_case(target).name == "harbour"  # it loads as written
    again = runner.invoke(eval_app, ["init", str(harbour), "--case-dir", str(target)])
    assert again.exit_code == 2 and "exists already" in again.stderr
    empty = runner.invoke(eval_app, ["init", str(tmp_path / "nope")])
    assert empty.exit_code == 2 and empty.stdout == ""


def test_eval_run_with_no_folder_uses_the_shipped_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a checkout too: the wheel carries evals/cases (hatch force-include)."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text())
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["evals/cases"] == "briefing/evals/cases"
    monkeypatch.chdir(tmp_path)  # no evals/ here
    report = tmp_path / "r.json"
    result = CliRunner().invoke(
        eval_app,
        ["run", "--case", "library-closure", "--backend", "fake", "--no-judge",
         "--report-json", str(report)],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    assert [c["case"] for c in json.loads(report.read_text())["cases"]] == ["library-closure"]


def test_own_words_counts_statements_that_are_no_cited_sentence_copied_whole() -> None:
    from helpers import briefing

    from briefing.eval.cases import outlets_per_item, own_words

    b = briefing(
        developments=[item("Talks on fishing ended in Akureyri.", None, ["A1.S1", "A2.S1"])],
        positions=[item("Einar Solheim said the deal was fair.", None, ["A1.S3"])],
    )
    assert own_words(b) == 0.5  # the first is sentence A1.S1 as written
    assert outlets_per_item(b) == 1.5
    assert own_words(briefing()) is None and outlets_per_item(briefing()) is None
