"""`briefing prompts`: list, show and export the shipped prompts and layouts for editing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.options import PromptsDir, group
from briefing.core.errors import InputError
from briefing.prompts import PromptSet

prompts_app = group(help="List, show and export prompt templates.")


def _prompt_set(prompts_dir: Path | None) -> PromptSet:
    """The flag's folder, else the one the config file or BRIEFING_PROMPTS names."""
    from briefing.core.config import resolve

    return PromptSet(resolve({"prompts": prompts_dir}).prompts)


@prompts_app.command("list")
def list_prompts(prompts_dir: PromptsDir = None) -> None:
    """Each template with its content hash and where it comes from."""
    prompts = _prompt_set(prompts_dir)
    for name in prompts.names():
        origin = "override" if prompts.overridden(name) else "shipped"
        typer.echo(f"{name:<26} {prompts.sha256(name)[:12]}  {origin}")


@prompts_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="Template name, e.g. extract.system.")],
    prompts_dir: PromptsDir = None,
) -> None:
    """Print one template's source."""
    prompts = _prompt_set(prompts_dir)
    if name.removesuffix(".j2") not in prompts.names():
        raise InputError(f"no prompt named {name!r} (see `briefing prompts list`)")
    typer.echo(prompts.source(name.removesuffix(".j2")))


@prompts_app.command("check")
def check(
    directory: Annotated[Path, typer.Argument(help="Folder of overrides to check.")],
) -> None:
    """Check a folder of overrides as a run would, without calling any LLM."""
    prompts = PromptSet(directory)
    overridden = [n for n in prompts.names() if prompts.overridden(n)]
    typer.echo(
        f"{directory}: {len(prompts.names())} templates parse and fit their stages; "
        f"overridden: {', '.join(overridden) or 'none'}"
    )


@prompts_app.command("export")
def export(
    directory: Annotated[Path, typer.Argument(help="Folder to write the .j2 files into.")],
    force: Annotated[bool, typer.Option(help="Overwrite files that exist.")] = False,
) -> None:
    """Write the shipped templates as editable files; use them with --prompts DIR."""
    prompts = PromptSet()
    directory.mkdir(parents=True, exist_ok=True)
    clashes = [n for n in prompts.names() if (directory / f"{n}.j2").exists()]
    if clashes and not force:
        raise InputError(f"{directory / (clashes[0] + '.j2')} exists; pass --force to overwrite")
    for name in prompts.names():
        (directory / f"{name}.j2").write_text(prompts.source(name), encoding="utf-8")
    typer.echo(f"wrote {len(prompts.names())} templates to {directory}", err=True)
