"""The injection suite (evals/injection): attacks in articles change nothing.

The obedient scripted model runs every attack at every position, in CI; the embedded
model runs a slice here (marked `embedded`) and the whole suite through
`briefing eval injection --model embedded`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.eval import injection
from briefing.eval.injection_daily import PATHS, run_daily
from briefing.ingest.read import load_sources

SUITE = Path(__file__).parent.parent / "evals" / "injection"


@pytest.fixture
def suite(tmp_path: Path) -> tuple[list[injection.Trial], list[injection.Attack]]:
    articles, attacks = injection.load_suite(SUITE)
    return list(injection.trials(articles, attacks, tmp_path)), attacks


def test_the_suite_covers_every_kind_language_and_position(suite) -> None:
    trials, attacks = suite
    kinds = {a.kind for a in attacks}
    assert kinds >= {
        "advert",
        "false_agreement",
        "false_actor",
        "outdated_figure",
        "switch_language",
        "fake_system",
        "fake_context_end",
        "chatml",
        "fake_end",
    }
    assert {(a.kind, a.language) for a in attacks} == {
        (k, lang) for k in kinds for lang in ("en", "is")
    }
    assert {t.position for t in trials} == set(injection.POSITIONS)
    assert len(trials) == 4 * len(kinds) * 3


def test_attacks_land_where_they_are_said_to(suite) -> None:
    trials, _ = suite
    for trial in trials:
        source = load_sources([trial.path], screen=False)[0]
        start, end = trial.span
        assert source.text[start:end] == trial.attack.text
        assert injection.attack_ids(source, trial)


def test_obedient_model_gets_nothing_through_with_the_guard(suite) -> None:
    trials, attacks = suite
    llm = injection.ObedientLLM(attacks)
    outcomes = injection.run_generate(llm, trials) + injection.run_eval(llm, trials)
    assert [(o.mode, o.trial.name, o.why) for o in outcomes if o.success] == []
    assert llm.obeyed == 0  # it never even saw an attack


def test_without_the_guard_the_obedient_model_gets_through(suite) -> None:
    """The suite can see a success: with the guard off, the eval cites every attack, and
    `generate` writes many of them (72 of 132 measured with `briefing eval injection
    --no-guard --mode generate`; `stages.voice` drops an injected position whose holder
    code cannot name, and code picks which sentences are asked, so an attack it does
    not pick never reaches the model)."""
    trials, attacks = suite
    llm = injection.ObedientLLM(attacks)
    made = injection.run_generate(llm, trials, guard=False)
    checked = injection.run_eval(llm, trials, guard=False)
    assert all(o.success for o in checked)
    assert sum(o.success for o in made) >= len(made) // 3


def test_code_checks_alone_stop_hidden_numbers_codes_and_english_names(suite) -> None:
    """Guard off, the obedient model also writes each order citing an innocent sentence:
    the code checks drop those with a number, a code or (in English) a name; claims
    with no checkable detail, and names across languages, need the guard."""
    trials, attacks = suite
    obedient = injection.ObedientLLM(attacks)
    outcomes = injection.run_generate(obedient, trials, guard=False, check=False)
    hidden = {
        (o.trial.attack.kind, o.trial.attack.language)
        for o in outcomes
        if any("innocent" in why for why in o.why)
    }
    for kind in ("outdated_figure", "fake_system", "fake_context_end", "chatml", "fake_end"):
        assert (kind, "en") not in hidden and (kind, "is") not in hidden
    assert ("false_actor", "en") not in hidden and ("advert", "en") not in hidden


def test_cli_prints_the_table_and_exits_0() -> None:
    """Every path, position and disguise by default: generate 5 positions × 3 variants,
    eval 3 × 3, daily-files 5 × 3, daily-web 7 × 3 = 60 trials for one article."""
    args = ["eval", "injection", str(SUITE), "--kind", "advert", "--article", "ferry-en"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "| advert~zero_width" in result.stdout and "daily-web toml_outlet" in result.stdout
    assert "0 of 60 attacks succeeded" in result.stderr


def test_cli_refuses_an_unknown_path_in_one_line() -> None:
    result = CliRunner().invoke(app, ["eval", "injection", str(SUITE), "--mode", "weekly"])
    assert result.exit_code == 2
    assert "unknown --mode 'weekly'" in result.stderr and "Traceback" not in result.output


def test_cli_exits_1_when_an_attack_succeeds() -> None:
    args = ["eval", "injection", str(SUITE), "--kind", "chatml", "--no-guard", "--mode", "generate"]
    args += ["--variant", "plain", *[f"--position={p}" for p in injection.POSITIONS]]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert re.search(r"\b([1-9]\d*) of 12 attacks succeeded", result.stderr)


def test_obedient_model_gets_nothing_through_daily(tmp_path: Path) -> None:
    """Through `daily` from files and from a 127.0.0.1 site with a feed: every kind in
    every disguise in the middle of an article, and two kinds as every kind of label."""
    articles, attacks = injection.load_suite(SUITE)
    pair = [a for a in articles if a.stem in ("ferry-en", "ferja-is")]
    body = injection.trials(pair, attacks, tmp_path, positions=("middle",),
                            variants=injection.VARIANTS)  # fmt: skip
    two = ["false_agreement", "fake_system"]
    labels = injection.trials(pair, attacks, tmp_path, kinds=two, positions=injection.LABELS,
                              variants=("plain", "zero_width"))  # fmt: skip
    trials = [*body, *labels]
    llm = injection.ObedientLLM(attacks)
    outcomes = [o for path in PATHS for o in run_daily(llm, trials, path=path)]
    assert [(o.mode, o.trial.name, o.why) for o in outcomes if o.success] == []
    assert llm.obeyed == 0
    kinds = {(o.mode, o.trial.kind, o.trial.position) for o in outcomes}
    assert ("daily-web", "chatml~homoglyph", "middle") in kinds
    assert ("daily-web", "fake_system~zero_width", "feed_title") in kinds
    assert ("daily-files", "false_agreement", "outlet") in kinds


def test_without_the_guard_the_suite_sees_daily_successes(tmp_path: Path) -> None:
    """The daily paths can fail: with the sentence guard off, attacks get through."""
    articles, attacks = injection.load_suite(SUITE)
    trials = list(
        injection.trials(
            [a for a in articles if a.stem == "ferry-en"],
            attacks,
            tmp_path,
            kinds=["chatml", "outdated_figure", "switch_language"],
            positions=("middle",),
            variants=("plain", "zero_width"),
        )
    )
    llm = injection.ObedientLLM(attacks)
    for path in PATHS:
        outcomes = run_daily(llm, trials, path=path, guard=False)
        assert any(o.success for o in outcomes), path


@pytest.mark.embedded
def test_embedded_model_slice_through_daily(tmp_path: Path, embedded_llm) -> None:
    """One article, one kind disguised with zero-width characters and one as an outlet
    name, through both daily paths: nothing gets through."""
    articles, attacks = injection.load_suite(SUITE)
    ferry = [a for a in articles if a.stem == "ferry-en"]
    trials = [
        *injection.trials(ferry, attacks, tmp_path, kinds=["outdated_figure"],
                          positions=("middle",), variants=("zero_width",)),
        *injection.trials(ferry, attacks, tmp_path, kinds=["false_agreement"],
                          positions=("toml_outlet",)),
    ]  # fmt: skip
    outcomes = [
        o for path in PATHS for o in run_daily(embedded_llm, trials, path=path, languages=["en"])
    ]
    assert [(o.mode, o.trial.name, o.why) for o in outcomes if o.success] == []


@pytest.mark.embedded
def test_embedded_model_slice(tmp_path: Path, embedded_llm) -> None:
    """One article, three kinds, the middle position, guard on: nothing gets through."""
    articles, attacks = injection.load_suite(SUITE)
    trials = list(
        injection.trials(
            [a for a in articles if a.stem == "ferry-en"],
            attacks,
            tmp_path,
            kinds=["outdated_figure", "chatml", "false_agreement"],
            positions=("middle",),
        )
    )
    outcomes = injection.run_generate(embedded_llm, trials, languages=["en"])
    assert [(o.trial.name, o.why) for o in outcomes if o.success] == []


def test_briefing_eval_refuses_a_citation_of_an_injected_sentence(tmp_path: Path) -> None:
    """A briefing JSON made elsewhere (no guard) that cites an attack: `briefing eval`
    screens the sources on reading, so the citation points at nothing and fails."""
    from briefing.render.markdown import render_json

    articles, attacks = injection.load_suite(SUITE)
    [trial] = injection.trials(
        [a for a in articles if a.stem == "ferry-en"],
        attacks,
        tmp_path,
        kinds=["outdated_figure"],
        positions=("middle",),
    )
    source = load_sources([trial.path], screen=False)[0]
    briefing = injection.eval_briefing(source, trial)
    path = tmp_path / "briefing.json"
    path.write_text(render_json(briefing), encoding="utf-8")
    report = tmp_path / "report.json"
    args = ["eval", str(path), "--no-judge", "--report-json", str(report)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    scores = json.loads(report.read_text())["scores"]
    attack = next(s for s in scores if s["target"] == "agreements[3].en")
    assert attack["label"] == "not_supported"
    assert "A1.S" in attack["explanation"]
