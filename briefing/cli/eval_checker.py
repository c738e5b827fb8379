"""`briefing eval claims` and `briefing eval checker`: the checker on labelled claims."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from briefing.cli.judging import make_checker
from briefing.cli.options import JudgeModel, NoJudge, ReportJson
from briefing.core.errors import InputError
from briefing.eval import report as rep


def claims(
    infile: Annotated[Path, typer.Argument(metavar="IN.jsonl")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Default: stdout.")] = None,
    judge_backend: Annotated[str, typer.Option(help="Judge backend.")] = "embedded",
    judge_model: JudgeModel = None,
    no_judge: NoJudge = False,
    threshold: Annotated[
        float | None,
        typer.Option(help="Label 1 from this score up (default: the one fitted, in checker.json)."),
    ] = None,
) -> None:
    """Label {"id","source","claim"} lines 1 (supported) or 0, with a score and reason."""
    from briefing.eval.claims import check_claim, read_jsonl

    read = read_jsonl(infile)
    checker = make_checker(None if no_judge else judge_backend, judge_model, threshold)
    lines = [json.dumps(check_claim(r, checker), ensure_ascii=False) for r in read.rows]
    text = "\n".join(lines) + ("\n" if lines else "")
    if output is None:
        sys.stdout.write(text)
    else:
        rep.write_atomic(output, text)
        supported = sum(json.loads(line)["label"] for line in lines)
        typer.echo(
            f"{len(lines)} claims, {supported} supported (threshold {checker.threshold:.3f})"
            f" -> {output}",
            err=True,
        )
    for error in read.errors:
        typer.echo(f"error: {error}", err=True)
    if read.errors:
        raise typer.Exit(2)


TITLES = {
    "test.jsonl": "English news claims, human-labelled (SummaC: FactCC, SummEval, XSumFaith)",
    "xling-test.jsonl": "Cross-lingual claims, built by perturbation (WMT21), no human labels",
    "mqm-test.jsonl": "Cross-lingual translations, human MQM-annotated (WMT21 TED, en-de, zh-en)",
}


def checker_cmd(
    data: Annotated[Path, typer.Option(help="Folder of labelled claims.")] = Path(
        "evals/checker/data"
    ),
    slice_n: Annotated[
        int, typer.Option("--slice", help="A fixed stratified subset of N rows per file (0: all).")
    ] = 0,
    judge_backend: Annotated[str, typer.Option(help="Judge backend.")] = "embedded",
    judge_model: JudgeModel = None,
    threshold: Annotated[float | None, typer.Option(help="Override the fitted threshold.")] = None,
    features_dir: Annotated[
        Path | None, typer.Option(help="Keep per-row features here and reuse them.")
    ] = None,
    report_json: ReportJson = None,
    files: Annotated[
        list[str] | None,
        typer.Option(
            "--file",
            help="A labelled file in --data to measure (repeatable; default: the "
            "three test files). A fit file measures the fit, not held-out data.",
        ),
    ] = None,
) -> None:
    """Measure the checker on the held-out labelled claims, with bootstrap 95 % intervals."""
    from briefing.eval import checker_eval as ce

    checker = make_checker(judge_backend, judge_model, threshold)
    report: dict[str, Any] = {"checker": checker.provenance(), "slice": slice_n or None}
    for name in files or list(TITLES):
        title = TITLES.get(name, "Labelled claims")
        path = data / name
        if not path.exists():
            raise InputError(f"{path} not found: pass --data with the checker's labelled files")
        rows = ce.read_rows(path)
        if slice_n:
            rows = ce.stratified_slice(rows, slice_n)
        cache = features_dir / name if features_dir else None
        done = ce.run_rows(checker, rows, cache, lambda m: typer.echo(m, err=True))
        scored = ce.score_rows(done, checker.calibration)
        summary = ce.summarise(scored, checker.threshold)
        report[name] = summary
        for line in ce.table(f"{title}: {path}", summary):
            typer.echo(line)
    u = checker.usage
    typer.echo(
        f"threshold {checker.threshold:.3f} (weights: briefing/check/checker.json); judge calls "
        f"{u.calls} (+{u.cached_calls} cached), {u.prompt_tokens} prompt tokens, "
        f"{u.seconds:.0f} s"
    )
    if report_json is not None:
        rep.write_json(report_json, report)
