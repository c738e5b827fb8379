"""Helpers the tests share: scripted answers per pipeline stage, hand-built briefings,
and `serve`, which registers a test double as a backend by name."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from briefing.core.ids import sentence_id
from briefing.core.models import Briefing, Item, RunInfo, Sentence, Source
from briefing.llm import registry
from briefing.llm.base import LLM, Request, Response


def serve(llm: LLM, *names: str) -> LLM:
    """Make `llm` every backend named (default: all of them) until the test ends; its
    answers are cached unless it calls itself `fake`, as the built-in fake backend does."""
    for name in names or registry.names():
        registry.register(name, lambda _settings: llm, cacheable=llm.name != "fake")
    return llm


def point(kind: str, actor: str, text: str) -> dict[str, Any]:
    """The answer to one extract call: a `Point` about the sentence asked."""
    return {"kind": kind, "actor": actor, "text": text}


BACKGROUND = point("background", "none", "Nothing to report.")


# What a good model would say about each sentence of the harbour fixture, labelled
# "{chunk} sentence {sentence}": code picks the sentences (`stages.select`), the model
# only labels and phrases them. Each actor is one of the names code finds in the shown
# sentences (or "none"), and each statement reuses its sentence's words, numbers and
# names, so it passes `stages.verify`. Chunk A2.C1 shows only A2.S2: the Icelandic
# sentences linked to an English one with the same numbers are skipped. The four English
# sentences each stand on their own (`stages.select.stands`), so code asks them all and,
# on a backend that continues answers, publishes each as written: only the kind and actor
# scripted here are read; the English texts serve a sentence reworded not to stand.
HARBOUR_EXTRACTS: dict[str, dict[str, Any]] = {
    "A1.C1 sentence A1.S1": point(
        "agreement", "none", "Akureyri and Nordlys agreed to add two night sailings."
    ),
    "A1.C1 sentence A1.S2": point(
        "position", "Anna Jónsdóttir", "The deal would cost the town 40 million a year."
    ),
    "A1.C1 sentence A1.S3": point("open_issue", "none", "The harbour fee was not settled."),
    "A1.C1 sentence A1.S4": point(
        "position", "Pétur Berg", "Nordlys wants the harbour fee cut by half."
    ),
    "A2.C1 sentence A2.S2": point(
        "position", "Anna Jónsdóttir", "Anna Jónsdóttir put the town's cost at 45 million a year."
    ),
}


def scripted(
    extracts: dict[str, Any] | None = None,
    overrides: dict[str, list[Any]] | None = None,
) -> Callable[[Request], Any]:
    """A responder answering extract calls by label ("A1.C1 sentence A1.S2"); a label
    not scripted answers "background" (no statement). `overrides[label]` answers come
    first, one per call. The support checker's judge is told "yes"; a request to write
    Icelandic or to translate a sentence gets no answer."""
    extracts = HARBOUR_EXTRACTS if extracts is None else extracts
    queued = {k: list(v) for k, v in (overrides or {}).items()}

    def respond(request: Request) -> Any:
        if queued.get(request.label):
            return queued[request.label].pop(0)
        if request.stage == "extract":  # by label, else by the sentence asked (any chunk)
            if request.label in extracts:
                return extracts[request.label]
            asked = request.label.rsplit(" ", 1)[-1]
            same = [v for k, v in extracts.items() if k.rsplit(" ", 1)[-1] == asked]
            return same[0] if same else BACKGROUND
        if request.stage == "write":  # no Icelandic line: the [en] fallback stays
            return '""'
        if request.stage == "translate":  # no English: the sentence stays alone
            return ""
        if request.stage == "judge" and request.choices is not None:  # the support checker
            return {
                c: (0.9 if c.strip().lower().startswith("y") else 0.05) for c in request.choices
            }
        raise AssertionError(f"unexpected request {request.stage} {request.label}")

    return respond


def truncated(text: str = '{"kind": "position", "actor": "none", "text": "The') -> Response:
    return Response(text=text, finish_reason="length", completion_tokens=10)


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def article(sid: str, language: str, text: str) -> Source:
    """An article of running text, segmented as ingest does, with true offsets (which
    the quotation rules read)."""
    from briefing.ingest.segment import segment

    return Source(id=sid, path=f"{sid}.txt", title="t", language=language, text=text,
                  sentences=segment(text, sid, language))  # fmt: skip


def source(sid: str, language: str, sentences: list[str]) -> Source:
    text = " ".join(sentences)
    return Source(
        id=sid,
        path=f"{sid}.txt",
        title=sentences[0],
        language=language,
        text=text,
        sentences=[
            Sentence(id=sentence_id(sid, n), source_id=sid, text=t, start=0, end=len(t))
            for n, t in enumerate(sentences, 1)
        ],
    )


SOURCES = [
    source(
        "A1",
        "en",
        [
            "Talks on fishing ended in Akureyri.",
            "Iceland will receive 16.5 percent of the catch.",
            "Einar Solheim called the deal fair.",
        ],
    ),
    source(
        "A2",
        "is",
        [
            "Viðræðum lauk á Akureyri.",
            "Hildur Baldursdóttir segir að Ísland skrifi ekki undir án aðgangs.",
            "„Þetta er ekki nóg,“ sagði hún.",
        ],
    ),
]


def briefing(**sections: list[Item]) -> Briefing:
    return Briefing(
        languages=["en", "is"],
        sources=SOURCES,
        run=RunInfo(backend="fake", model="fake-1", languages=["en", "is"]),
        **sections,
    )


def item(en: str, is_: str | None, evidence: list[str], actor: str | None = None) -> Item:
    text = {"en": en} if is_ is None else {"en": en, "is": is_}
    return Item(text=text, evidence=evidence, actor=actor)


def verdict(label: str, reason: str = "because") -> dict[str, Any]:
    return {"reason": reason, "label": label}
