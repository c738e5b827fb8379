"""Backends by name: the one place that knows which backends exist and how to build them.

`build_llm(settings)` constructs the named backend, and puts it behind the answer cache
when its answers may be replayed (a scripted fake's may not: they belong to one test),
and behind the call log (`calllog`) unless logging is off.
The judge is built by the same function. Tests add their own fakes with `register`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.errors import InputError
from briefing.llm.base import LLM

if TYPE_CHECKING:
    from briefing.core.config import Settings


@dataclass(frozen=True)
class Backend:
    """How to build one backend, and what its answers may be used for."""

    build: Callable[[Settings], LLM]
    cacheable: bool = True
    """Its answers may be cached and replayed into later runs."""
    judges: bool = True
    """It can judge claims (a canned fake cannot)."""


def _embedded(settings: Settings) -> LLM:
    from briefing.llm.embedded import EmbeddedLLM

    llm = EmbeddedLLM(model_path=settings.model_file)
    if settings.model_reads is not None:  # another GGUF may read more than the default
        llm.reads = settings.model_reads
    return llm


def _openai(settings: Settings) -> LLM:
    from briefing.llm.openai_backend import OpenAILLM

    return OpenAILLM(
        model=settings.model,
        base_url=settings.base_url,
        api_key=settings.api_key,
        structured=settings.structured,
        timeout=settings.timeout,
        retries=settings.retries,
        backoff=settings.backoff,
        reads=settings.model_reads,
    )


def _fake(settings: Settings) -> LLM:
    from briefing.llm.fake import FakeLLM, echo_answer

    return FakeLLM(echo_answer)


_BACKENDS: dict[str, Backend] = {
    "embedded": Backend(_embedded),
    "openai": Backend(_openai),
    "fake": Backend(_fake, cacheable=False, judges=False),
}


def register(
    name: str, build: Callable[[Settings], LLM], *, cacheable: bool = True, judges: bool = True
) -> Backend | None:
    """Add (or replace) backend `name`; returns what it replaced, so a test can restore it."""
    previous = _BACKENDS.get(name)
    _BACKENDS[name] = Backend(build, cacheable=cacheable, judges=judges)
    return previous


def restore(name: str, previous: Backend | None) -> None:
    """Undo a `register`: put back the backend it replaced, or remove the name."""
    if previous is None:
        _BACKENDS.pop(name, None)
    else:
        _BACKENDS[name] = previous


def names() -> tuple[str, ...]:
    return tuple(_BACKENDS)


def backend(name: str) -> Backend:
    try:
        return _BACKENDS[name]
    except KeyError:
        raise InputError(f"unknown backend {name!r} (choose from {', '.join(names())})") from None


def build_llm(settings: Settings, *, judge: bool = False) -> LLM:
    """The configured backend, behind the answer cache unless the cache is off or the
    backend's answers must not be replayed. `judge=True` refuses backends that cannot judge."""
    kind = backend(settings.backend)
    if judge and not kind.judges:
        raise InputError(
            f"the {settings.backend} backend cannot judge; pass --judge-backend or --no-judge"
        )
    llm = kind.build(settings)
    if settings.cache and kind.cacheable:
        from briefing.llm.cache import CachedLLM

        llm = CachedLLM(llm, settings.answer_cache)
    return logged(llm, settings)


def logged(llm: LLM, settings: Settings) -> LLM:
    """`llm` with every call, cached answers too, written to the call log unless it is off."""
    if not settings.log:
        return llm
    from briefing.llm.calllog import CallLog, LoggedLLM, run_id
    from briefing.llm.redact import Redactor

    return LoggedLLM(llm, CallLog(settings.log_path, run_id(), Redactor(settings.api_key or "")))
