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
    """Delete every cached answer and remembered run (the model file stays).

    What cannot be removed (a folder where an entry should be, an unreadable shard) is
    left, the rest still cleared, and named in one error line: exit 1."""
    from briefing.core.errors import BriefingError
    from briefing.stages.run_memo import RunMemo

    cache = _cache()
    runs = RunMemo(cache.directory).clear()
    answers = cache.clear()
    typer.echo(
        f"removed {answers.removed} answers and {runs.removed} remembered runs "
        f"from {cache.directory}"
    )
    failed = runs.failed + answers.failed
    if failed:
        more = f" and {len(failed) - 1} more" if len(failed) > 1 else ""
        raise BriefingError(f"could not remove {failed[0]}{more}")
