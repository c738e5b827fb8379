"""`briefing cache info|clear`: inspect or empty the cache of LLM answers, and the
finished runs remembered beside it (`stages.run_memo`), which are only as good as it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from briefing.cli.options import group

if TYPE_CHECKING:
    from briefing.llm.cache import AnswerCache

cache_app = group(help="Inspect or clear the cache of LLM answers.")


def _cache() -> AnswerCache:
    """The answer cache the settings point at (BRIEFING_ANSWER_CACHE, config, default)."""
    from briefing.core.config import resolve
    from briefing.llm.cache import AnswerCache

    return AnswerCache(resolve().answer_cache)


@cache_app.command("info")
def info() -> None:
    """Where the answer cache is, and how many answers it holds."""
    found = _cache().info()
    typer.echo(f"{found.directory}: {found.answers} answers, {found.bytes / 1e6:.1f} MB")


@cache_app.command("clear")
def clear() -> None:
    """Delete every cached answer and remembered run (the model file stays)."""
    from briefing.stages.run_memo import RunMemo

    cache = _cache()
    runs = RunMemo(cache.directory).clear()
    removed = cache.clear()
    typer.echo(f"removed {removed} answers and {runs} remembered runs from {cache.directory}")
