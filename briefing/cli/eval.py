"""`briefing eval`: check a briefing (default command), run the eval cases, check claims.

`briefing eval B.json` and `briefing eval check B.json` are the same: an unknown first
word is taken as the argument of `check`, so the common case needs no subcommand.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer

from briefing.check.judge import Judge
from briefing.cli import eval_checker
from briefing.cli.injection import injection
from briefing.cli.judging import _backend, make_checker, make_judge
from briefing.cli.options import (
    Cases,
    GenBackend,
    Group,
    JudgeBackend,
    JudgeModel,
    JudgePrompts,
    Junit,
    ModelFile,
    NoJudge,
    OnlyCases,
    PromptsDir,
    ReportJson,
    Votes,
    group,
)
from briefing.core.errors import InputError
from briefing.eval import report as rep
from briefing.eval.metrics import CHECK_METRICS, JUDGED, check_of
from briefing.prompts import PromptSet

if TYPE_CHECKING:
    from briefing.eval.runner import CaseResult


class DefaultGroup(Group):
    """A group whose unknown first token is the argument of its `check` command."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


eval_app = group(cls=DefaultGroup, help="Check briefings against their sources.")


@eval_app.command("check")
def check(
    briefing_path: Annotated[Path, typer.Argument(metavar="BRIEFING.json")],
    judge_backend: JudgeBackend = None,
    judge_model: JudgeModel = None,
    judge_votes: Votes = 1,
    judge_prompts: JudgePrompts = None,
    no_judge: NoJudge = False,
    report_json: ReportJson = None,
    junit: Junit = None,
    fail_under: Annotated[
        list[str] | None,
        typer.Option(help="METRIC=FLOOR, repeatable (default: every claim must pass)."),
    ] = None,
) -> None:
    """Check every claim of a briefing against the sentences it cites."""
    from briefing.eval.runner import check_briefing, load_briefing, provenance_lines

    thresholds = rep.parse_thresholds(fail_under or [], CHECK_METRICS)
    judged = [m for m in thresholds if m in JUDGED]
    if no_judge and judged:
        raise InputError(f"--fail-under {judged[0]} needs the judge: drop it or --no-judge")
    briefing = load_briefing(briefing_path)
    judge = None
    if not no_judge:
        run = briefing.run
        backend = judge_backend or (run.backend if run else None)
        model = judge_model or (run.model if run and judge_backend is None else None)
        if backend == "embedded" and judge_model is None:
            model = None  # the run records a model name, not a file to load
        judge = make_judge(backend, model, judge_votes, judge_prompts)
    result = check_briefing(briefing, judge, str(briefing_path))
    floors = thresholds or dict.fromkeys(CHECK_METRICS, 1.0)
    failed = rep.below(result.metrics, floors)
    result.thresholds, result.failed = floors, failed
    out = rep.console()
    out.print(rep.claim_table(result.scores, f"Claims of {briefing_path}"))
    out.print(rep.metrics_table({str(briefing_path): result.metrics}, floors))
    for line in provenance_lines(result.run, result.judge):
        out.print(line, highlight=False)
    _write_reports(
        report_json,
        result.report(),
        junit,
        {"briefing": _suite(result.scores, failed, result.metrics, floors)},
    )
    if failed:
        _fail(failed, result.metrics, floors, result.scores)


@eval_app.command("run")
def run(
    cases_dir: Cases = None,
    case: OnlyCases = None,
    backend: GenBackend = None,
    model_file: ModelFile = None,
    judge_backend: JudgeBackend = None,
    judge_model: JudgeModel = None,
    judge_votes: Votes = 1,
    judge_prompts: JudgePrompts = None,
    no_judge: NoJudge = False,
    report_json: ReportJson = None,
    junit: Junit = None,
    report_html: Annotated[
        Path | None,
        typer.Option("--report-html", help="Write an HTML report: claims, citations, verdicts."),
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option(help="Keep each generated briefing JSON here.")
    ] = None,
    prompts_dir: PromptsDir = None,
) -> None:
    """Generate a briefing per eval case and score it against the case's thresholds."""
    from briefing.eval.cases import find_cases, shipped_cases
    from briefing.eval.runner import run_case

    cases = find_cases(cases_dir or shipped_cases(), case)
    llm, prompts_dir = _backend(backend, model_file, prompts_dir)
    prompt_set = PromptSet(prompts_dir)
    judge = None
    if not no_judge:
        judge = (
            Judge(llm, votes=judge_votes, prompts=PromptSet(judge_prompts))
            if judge_backend is None and judge_model is None
            else make_judge(judge_backend or llm.name, judge_model, judge_votes, judge_prompts)
        )
    results = []
    for c in cases:
        typer.echo(f"case {c.name}: generating and checking...", err=True)
        results.append(run_case(c, llm, judge, out_dir, prompt_set))
    _report_cases(results, llm, prompt_set, judge, (report_json, junit, report_html))
    bad = [r for r in results if r.failed]
    for r in bad:
        _explain(r)
    if bad:
        raise typer.Exit(1)


def _report_cases(
    results: list[CaseResult],
    llm: Any,
    prompt_set: PromptSet,
    judge: Judge | None,
    paths: tuple[Path | None, Path | None, Path | None],
) -> None:
    """The tables and provenance on stdout, then the JSON, JUnit and HTML reports."""
    report_json, junit, report_html = paths
    from briefing.eval.runner import generator_info, judge_info, provenance_lines

    out = rep.console()
    for r in results:
        out.print(rep.claim_table(r.scores, f"Case {r.case.name}"))
    out.print(
        rep.metrics_table(
            {r.case.name: r.metrics for r in results},
            {r.case.name: r.case.thresholds for r in results},
        )
    )
    provenance = {"generator": generator_info(llm, prompt_set), "judge": judge_info(judge)}
    lines = provenance_lines(provenance["generator"], provenance["judge"])
    for line in lines:
        out.print(line, highlight=False)
    report = {
        "provenance": provenance,
        "cases": [r.report() for r in results],
        "failed": [r.case.name for r in results if r.failed],
    }
    suites = {
        r.case.name: _suite(r.scores, r.failed, r.metrics, r.case.thresholds) for r in results
    }
    _write_reports(report_json, report, junit, suites)
    if report_html is not None:
        from briefing.eval.html import html_report

        rep.write_atomic(report_html, html_report(results, lines))


def _explain(r: CaseResult) -> None:
    """Why case `r` failed: metrics below floor, failing claims, forbidden, missed points."""
    typer.echo(f"case {r.case.name} failed:", err=True)
    for line in _messages(r.failed, r.metrics, r.case.thresholds):
        typer.echo(f"  {line}", err=True)
    check_names = {check_of(m) for m in r.failed}
    failing = [s for s in r.scores if s.check in check_names]
    for line in rep.failure_lines(failing, limit=5):
        typer.echo(f"  {line}", err=True)
    if "must_not" in r.failed:
        for claim, forbidden in r.must_not_hits:
            typer.echo(f"    {claim} states a forbidden claim: {forbidden!r}", err=True)
    if "coverage" in r.failed:
        for point in r.missed_points[:5]:
            typer.echo(f"    missed: {point}", err=True)


def _suite(scores: list, failed: list[str], values: dict, floors: dict) -> rep.Suite:
    """The JUnit suite from what decides the exit status, so the two always agree."""
    return scores, _messages(failed, values, floors), {check_of(m) for m in failed}


def _messages(failed: list[str], values: dict, floors: dict) -> list[str]:
    return [f"{m} {rep.fmt(values.get(m))} < {floors[m]:.2f}" for m in failed]


def _write_reports(
    json_path: Path | None, report: dict, junit_path: Path | None, suites: dict
) -> None:
    if json_path is not None:
        rep.write_json(json_path, report)
    if junit_path is not None:
        rep.write_atomic(junit_path, rep.junit(suites))


def _fail(failed: list[str], values: dict, floors: dict, scores: list) -> None:
    typer.echo("eval failed: " + "; ".join(_messages(failed, values, floors)), err=True)
    check_names = {check_of(m) for m in failed}
    for line in rep.failure_lines([s for s in scores if s.check in check_names]):
        typer.echo(line, err=True)
    raise typer.Exit(1)


@eval_app.command("compare")
def compare(
    cases_dir: Cases = None,
    prompts: Annotated[
        list[str],
        typer.Option("--prompts", help="Prompt folder, or 'shipped'; give exactly two: A then B."),
    ] = ["shipped"],  # noqa: B006 - Typer reads the default
    case: OnlyCases = None,
    backend: GenBackend = None,
    model_file: ModelFile = None,
    no_judge: NoJudge = False,
    report_json: ReportJson = None,
) -> None:
    """Run the eval cases under prompt sets A and B; exit 1 if B is worse on a threshold."""
    from briefing.eval.cases import find_cases, shipped_cases
    from briefing.eval.compare import change_lines, run_side, summary, table
    from briefing.eval.runner import generator_info, judge_info, provenance_lines
    from briefing.render.provenance import prompts_digest

    if len(prompts) != 2:
        raise InputError("give --prompts twice: the baseline A, then the candidate B")
    sets = [PromptSet(None if p == "shipped" else Path(p)) for p in prompts]
    cases = find_cases(cases_dir or shipped_cases(), case)
    llm, _ = _backend(backend, model_file)
    judge = None if no_judge else Judge(llm)
    sides = []
    for label, prompt_set in zip(prompts, sets, strict=True):
        typer.echo(f"prompts {label}: running {len(cases)} cases...", err=True)
        sides.append(run_side(label, prompt_set, cases, llm, judge))
    result = summary(*sides)
    result.provenance = {"generator": generator_info(llm, None), "judge": judge_info(judge)}
    out = rep.console()
    out.print(table(result))
    for line in provenance_lines(**result.provenance):
        out.print(line, highlight=False)
    for name, side in (("A", result.a), ("B", result.b)):
        out.print(f"{name} = {side.label}: {prompts_digest(side.prompts)}", highlight=False)
    for line in change_lines(result):
        out.print(line, highlight=False, markup=False)
    if report_json is not None:
        rep.write_json(report_json, result.model_dump())
    if result.regressions:
        for line in result.regressions:
            typer.echo(f"B is worse: {line}", err=True)
        raise typer.Exit(1)
    typer.echo("B is no worse than A on every threshold", err=True)


@eval_app.command("perturb")
def perturb(
    cases_dir: Annotated[Path, typer.Argument(help="Folder of eval cases.")] = Path("evals/cases"),
    judge_backend: Annotated[
        str | None, typer.Option(help="Judge with this backend (default: code checks only).")
    ] = None,
    judge_model: JudgeModel = None,
    judge_votes: Votes = 1,
    judge_prompts: JudgePrompts = None,
    language: Annotated[list[str] | None, typer.Option(help="Only this language.")] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write every variant and verdict here.")
    ] = None,
    use_checker: Annotated[
        bool,
        typer.Option(
            "--checker", help="Measure the calibrated checker (judge: --judge-backend or embedded)."
        ),
    ] = False,
) -> None:
    """Measure the checker: perturb the cases' expected points and count what it catches."""
    import time

    from briefing.eval.cases import find_cases
    from briefing.eval.perturb import measure
    from briefing.eval.runner import judge_info

    judge = None
    checker = None
    if use_checker:
        checker = make_checker(judge_backend or "embedded", judge_model)
    elif judge_backend:
        judge = make_judge(judge_backend, judge_model, judge_votes, judge_prompts)
    started = time.perf_counter()
    result = measure(
        find_cases(cases_dir),
        judge,
        language,
        lambda line: typer.echo(line, err=True) if judge or checker else None,
        checker,
    )
    result["judge"] = checker.provenance() if checker else judge_info(judge)
    result["seconds"] = round(time.perf_counter() - started, 1)
    mode = "code checks + judge" if judge else "code checks only"
    if checker is not None:
        mode = f"calibrated checker, threshold {checker.threshold:.3f}"
    typer.echo(f"checker measured on perturbed expected points ({mode})")
    typer.echo(f"{'kind':20} {'n':>4} {'caught':>7} {'unscored':>9}")
    for kind, s in result["summary"].items():
        rate = s.get("caught", s.get("false_alarm_rate"))
        label = "untouched (false alarms)" if kind == "untouched" else kind
        shown = "n/a" if rate is None else f"{rate:.0%}"
        typer.echo(f"{label:20} {s['n']:>4} {shown:>7} {s['unscored']:>9}")
    if json_path:
        rep.write_json(json_path, result)


@eval_app.command("init")
def init(
    articles: Annotated[Path, typer.Argument(help="Folder of the case's articles.")],
    case_dir: Annotated[
        Path | None,
        typer.Option(help="The new case folder (default: evals/cases/<name of ARTICLES>)."),
    ] = None,
) -> None:
    """Scaffold an eval case from a folder of articles, listing its sentence ids."""
    from briefing.eval.cases import scaffold

    target = case_dir or Path("evals") / "cases" / articles.resolve().name
    case, listed = scaffold(articles, target)
    for sid, text in listed:
        typer.echo(f"{sid}\t{text}")
    typer.echo(
        f"wrote {case.path / 'case.json'}: add the expected points, citing these ids",
        err=True,
    )


@eval_app.command("gate")
def gate_cmd(
    data: Annotated[
        Path, typer.Option(help="English-Icelandic pairs (JSONL; evals/gate/build_data.py).")
    ] = Path("evals/gate/data/ntrex-en-is.jsonl"),
    split: Annotated[
        str | None, typer.Option(help="Only this half of the pairs: fit or test.")
    ] = None,
    min_human: Annotated[
        float, typer.Option(help="Fail when fewer human translations pass than this share.")
    ] = 0.90,
    max_corrupted: Annotated[
        float, typer.Option(help="Fail when more corrupted ones pass than this share.")
    ] = 0.05,
    report_json: ReportJson = None,
) -> None:
    """Measure the Icelandic gate: human translations must pass, corrupted ones must not."""
    from briefing.eval.gate import load_pairs, measure

    if split not in (None, "fit", "test"):
        raise InputError(f"--split must be fit or test, not {split!r}")
    pairs = load_pairs(data, split)
    if not pairs:
        raise InputError(f"{data} has no pairs" + (f" in the {split} half" if split else ""))
    typer.echo(f"gating {len(pairs)} pairs and their corruptions...", err=True)
    result = measure(pairs)
    summary = result["summary"]
    typer.echo(f"Icelandic gate on {data}" + (f" ({split} half)" if split else ""))
    typer.echo(f"{'kind':16} {'n':>5} {'accepted':>9} {'share':>7}   of pairs whose human passed")
    for kind, row in summary.items():
        shares = [row["acceptance"], row["acceptance_of_passed"]]
        shown = ["n/a" if v is None else f"{v:.1%}" for v in shares]
        typer.echo(
            f"{kind:16} {row['n']:>5} {row['accepted']:>9} {shown[0]:>7}   "
            f"{row['accepted_of_passed']}/{row['n_of_passed']} = {shown[1]}"
        )
    rejected = ", ".join(f"{k} {n}" for k, n in result["rejected_human_by_check"].items())
    typer.echo(f"human translations rejected by: {rejected or 'none'}")
    speed = result["seconds_per_sentence"]
    typer.echo(f"seconds per sentence: gate {speed['gate']}, gloss {speed['gloss']}")
    result["floors"] = {"human_min": min_human, "corrupted_max": max_corrupted}
    if report_json is not None:
        rep.write_json(report_json, result)
    _hold("gate", ("human", summary["human"]["acceptance"], min_human),
          (summary["corrupted"]["acceptance"], max_corrupted))  # fmt: skip


def _hold(
    what: str, kept: tuple[str, float | None, float], leaked: tuple[float | None, float]
) -> None:
    """Exit 1, saying why, when the true pairs' acceptance is under its floor or the
    corrupted ones' over its ceiling (a share that could not be measured is no failure)."""
    (name, share, floor), (corrupted, ceiling) = kept, leaked
    failed = []
    if share is not None and share < floor:
        failed.append(f"{name} acceptance {share:.3f} < {floor:.2f}")
    if corrupted is not None and corrupted > ceiling:
        failed.append(f"corrupted acceptance {corrupted:.3f} > {ceiling:.2f}")
    if failed:
        typer.echo(f"{what} eval failed: " + "; ".join(failed), err=True)
        raise typer.Exit(1)


@eval_app.command("glossed")
def glossed_cmd(
    cases_dir: Annotated[Path, typer.Argument(help="Folder of eval cases.")] = Path("evals/cases"),
    min_true: Annotated[
        float, typer.Option(help="Fail when fewer of the cases' own English pass than this.")
    ] = 0.0,
    max_corrupted: Annotated[
        float, typer.Option(help="Fail when more corrupted copies pass than this share.")
    ] = 1.0,
    report_json: ReportJson = None,
) -> None:
    """Measure verify on English over Icelandic sentences: the cases' English must pass,
    corrupted copies must not."""
    from briefing.eval.cases import find_cases
    from briefing.eval.glossed import measure

    result = measure(find_cases(cases_dir), lambda line: typer.echo(line, err=True))
    summary = result["summary"]
    typer.echo(f"verify on English over Icelandic sentences ({cases_dir})")
    typer.echo(f"{'kind':20} {'n':>5} {'accepted':>9} {'share':>7}")
    for kind, row in summary.items():
        share = "n/a" if row["acceptance"] is None else f"{row['acceptance']:.1%}"
        typer.echo(f"{kind:20} {row['n']:>5} {row['accepted']:>9} {share:>7}")
    result["floors"] = {"true_min": min_true, "corrupted_max": max_corrupted}
    if report_json is not None:
        rep.write_json(report_json, result)
    _hold("glossed", ("true English", summary["untouched"]["acceptance"], min_true),
          (summary["corrupted"]["acceptance"], max_corrupted))  # fmt: skip


@eval_app.command("kinds")
def kinds_cmd(
    data: Annotated[
        Path, typer.Option(help="Labelled sentences (JSONL; evals/sections/README.md).")
    ] = Path("evals/sections/labels.jsonl"),
    split: Annotated[str, typer.Option(help="Which articles: test (held out) or fit.")] = "test",
    min_accuracy: Annotated[
        float, typer.Option(help="Fail when fewer sentences get their kind right.")
    ] = 0.0,
    min_actors: Annotated[
        float, typer.Option(help="Fail when fewer positions get their holder right.")
    ] = 0.0,
    report_json: ReportJson = None,
) -> None:
    """Measure the kind classifier and the holder resolver on the labelled articles."""
    from briefing.eval.kinds_eval import holders, measure, predict, read_rows, settle
    from briefing.lang.embed import default_embedder
    from briefing.stages.kinds import load

    if split not in ("fit", "test"):
        raise InputError(f"--split must be fit or test, not {split!r}")
    kinds = load()
    if kinds is None:
        raise InputError("no kind classifier fitted: run python evals/sections/fit.py")
    everything = read_rows(data)
    rows = [r for r in everything if r.split == split]
    if not rows:
        raise InputError(f"{data} has no sentences in the {split} articles")
    predicted = predict(rows, kinds, default_embedder(), everything)
    result = measure(
        rows, predicted, holders(rows, everything), settle(rows, predicted, everything)
    )
    result["classifier"] = kinds.meta
    typer.echo(f"kinds on {data} ({split} articles): {result['n']} sentences")
    typer.echo(f"{'':12} {'n':>4} {'kind right':>10} {'settled':>8} {'holder right':>12}")
    for lang, row in [*result["per_language"].items(), ("all", result)]:
        typer.echo(
            f"{lang:12} {row['n']:>4} {_pct(row['accuracy']):>10} {_pct(row['settled']):>8} "
            f"{_pct(row['actors']):>12}"
        )
    typer.echo(f"{'kind':12} {'n':>4} {'recall':>10} {'precision':>12}")
    for kind, row in result["per_kind"].items():
        typer.echo(
            f"{kind:12} {row['n']:>4} {_pct(row['recall']):>10} {_pct(row['precision']):>12}"
        )
    typer.echo(
        f"sure of {_pct(result['sure_share'])} of sentences, "
        f"right on {_pct(result['sure_accuracy'])}"
    )
    result["floors"] = {"accuracy": min_accuracy, "actors": min_actors}
    if report_json is not None:
        rep.write_json(report_json, result)
    failed = [
        f"{name} {result[name]:.3f} < {floor:.2f}"
        for name, floor in (("accuracy", min_accuracy), ("actors", min_actors))
        if (result[name] or 0.0) < floor
    ]
    if failed:
        typer.echo("kinds eval failed: " + "; ".join(failed), err=True)
        raise typer.Exit(1)


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.1%}"


eval_app.command("claims")(eval_checker.claims)
eval_app.command("checker")(eval_checker.checker_cmd)
eval_app.command("injection")(injection)
