"""Helpers the tests share: scripted answers per pipeline stage, hand-built briefings,
and `serve`, which registers a test double as a backend by name."""

from __future__ import annotations

import json
import re
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


def fact(kind: str, actor: str, text: str, *ids: int) -> dict[str, Any]:
    return {"kind": kind, "actor": actor, "text": text, "ids": list(ids)}


# What a good model would say about the harbour fixture, chunk by chunk.
HARBOUR_EXTRACTS: dict[str, dict[str, Any]] = {
    "chunk A1.C1": {
        "facts": [
            fact(
                "agreement", "Akureyri and Nordlys", "Two night sailings will be added from May.", 1
            ),
            fact(
                "position",
                "Anna Jónsdóttir",
                "The deal costs the town 40 million krónur a year.",
                2,
            ),
            fact("open_issue", "Akureyri and Nordlys", "The harbour fee is not settled yet.", 3),
            fact("position", "Pétur Berg", "Nordlys wants the fee cut by half.", 4),
        ]
    },
    "chunk A2.C1": {
        "facts": [
            fact(
                "agreement",
                "Akureyri and Nordlys",
                "They agreed on two new night sailings from May.",
                1,
            ),
            fact(
                "position",
                "Anna Jónsdóttir",
                "The deal costs the town 45 million krónur a year.",
                2,
            ),
            fact(
                "open_issue", "Akureyri and Nordlys", "There is no agreement on the harbour fee.", 3
            ),
        ]
    },
}
# Points 1..7 in extraction order: 1,5 and 3,7 are duplicates; 2 and 6 contradict.
HARBOUR_MERGE = {"same": [[1, 5], [3, 7]], "conflicts": [[2, 6]]}


def translate_all(request: Request) -> dict[str, Any]:
    lines = re.findall(r"^\d+\. (.*)$", request.messages[-1]["content"], re.MULTILINE)
    return {"t": [f"IS: {line}" for line in lines]}


def scripted(
    extracts: dict[str, Any] | None = None,
    merge: dict[str, Any] | None = None,
    overrides: dict[str, list[Any]] | None = None,
) -> Callable[[Request], Any]:
    """A responder answering by stage and label; `overrides[label]` answers come first."""
    extracts = HARBOUR_EXTRACTS if extracts is None else extracts
    merge = HARBOUR_MERGE if merge is None else merge
    queued = {k: list(v) for k, v in (overrides or {}).items()}

    def respond(request: Request) -> Any:
        if queued.get(request.label):
            return queued[request.label].pop(0)
        if request.stage == "extract":
            return extracts[request.label]
        if request.stage == "merge":
            return merge
        if request.stage == "translate":
            return translate_all(request)
        raise AssertionError(f"unexpected request {request.stage} {request.label}")

    return respond


def truncated(text: str = '{"facts": [') -> Response:
    return Response(text=text, finish_reason="length", completion_tokens=10)


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


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
