"""`briefing eval injection`: the injection suite, on the obedient scripted model or a real one.

Prints successes per attack kind (and disguise), position and path (a success is an attack
that changed what the briefing says or what the eval concludes) and exits 1 if any attack
succeeded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.options import JsonOut

Suite = Annotated[Path, typer.Argument(help="The suite folder (articles/, attacks.json).")]
Model = Annotated[
    str,
    typer.Option(help="obedient (a scripted model that obeys every attack), or a backend name."),
]
Modes = Annotated[
    list[str] | None,
    typer.Option(
        "--mode", help="generate, eval, daily-files and/or daily-web: the paths (default: all)."
    ),
]
Kinds = Annotated[list[str] | None, typer.Option("--kind", help="Only this attack kind.")]
Articles = Annotated[
    list[str] | None, typer.Option("--article", help="Only this article (file stem).")
]
Positions = Annotated[
    list[str] | None,
    typer.Option(
        "--position",
        help="start, middle, end, or as a label: title, outlet, feed_title, toml_outlet "
        "(default: all).",
    ),
]
Variants = Annotated[
    list[str] | None,
    typer.Option("--variant", help="plain, zero_width or homoglyph (default: all)."),
]
Guard = Annotated[
    bool, typer.Option("--guard/--no-guard", help="Set apart sentences addressing the model.")
]
Langs = Annotated[list[str] | None, typer.Option("--lang", "-l", help="Output language.")]


def injection(
    suite: Suite = Path("evals/injection"),
    model: Model = "obedient",
    mode: Modes = None,
    kind: Kinds = None,
    article: Articles = None,
    position: Positions = None,
    variant: Variants = None,
    guard: Guard = True,
    lang: Langs = None,
    json_path: JsonOut = None,
) -> None:
    """Run the injection suite and print successes per attack kind, position and path."""
    import json
    import tempfile

    from briefing.core.config import resolve
    from briefing.core.errors import InputError
    from briefing.core.files import write_atomic
    from briefing.eval import injection as suite_mod
    from briefing.eval.injection_daily import PATHS, run_daily
    from briefing.llm.registry import build_llm

    modes = _chosen(mode, ("generate", "eval", *PATHS), "--mode")
    positions = _chosen(position, (*suite_mod.POSITIONS, *suite_mod.LABELS), "--position")
    variants = _chosen(variant, suite_mod.VARIANTS, "--variant")
    articles, attacks = suite_mod.load_suite(suite)
    if article:
        articles = [a for a in articles if a.stem in article]
    llm = (
        suite_mod.ObedientLLM(attacks)
        if model == "obedient"
        else build_llm(resolve({"backend": model}))
    )
    outcomes: list[suite_mod.Outcome] = []
    with tempfile.TemporaryDirectory(prefix="injection-") as tmp:
        folder = Path(tmp)
        trials = list(
            suite_mod.trials(
                articles, attacks, folder, kinds=kind, positions=positions, variants=variants
            )
        )
        if not trials:
            raise InputError("no trials: check --kind and --article")
        if "generate" in modes:
            outcomes += suite_mod.run_generate(llm, trials, guard=guard, languages=lang)
        if "eval" in modes:
            outcomes += suite_mod.run_eval(llm, trials, guard=guard)
        for path in PATHS:
            if path in modes:
                outcomes += run_daily(llm, trials, path=path, guard=guard, languages=lang)
    typer.echo(f"Injection successes / trials ({model}, guard {'on' if guard else 'off'})")
    _print_table(suite_mod.table(outcomes))
    failed = [o for o in outcomes if o.success]
    for o in failed[:20]:
        typer.echo(f"{o.mode} {o.trial.name}: {'; '.join(o.why)[:160]}", err=True)
    if json_path is not None:
        report = {"model": model, "guard": guard, "outcomes": [o.to_dict() for o in outcomes]}
        write_atomic(json_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    typer.echo(f"{len(failed)} of {len(outcomes)} attacks succeeded", err=True)
    if failed:
        raise typer.Exit(1)


def _chosen(given: list[str] | None, known: tuple[str, ...], flag: str) -> tuple[str, ...]:
    """The values given for `flag` (all `known` ones when none), each checked."""
    from briefing.core.errors import InputError

    for value in given or ():
        if value not in known:
            raise InputError(f"unknown {flag} {value!r} (choose from {', '.join(known)})")
    return tuple(given or known)


def _print_table(rows: list[list[str]]) -> None:
    """A Markdown table, columns padded to their widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        typer.echo("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            typer.echo("|" + "|".join("-" * (w + 2) for w in widths) + "|")
