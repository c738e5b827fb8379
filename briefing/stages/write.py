"""Icelandic written for a fact no Icelandic source states, published only through the gate.

A published item whose evidence has no Icelandic sentence would show the English statement,
marked `[en]`, in the Icelandic column. The backend is asked once for an Icelandic
sentence that says the same (`prompts/write.*.j2`); the line is published as Icelandic only
when the deterministic gate passes (`check.icelandic_gate`: known words, GreynirCorrect,
the parse, values, names, negation) and the support checker accepts it against the
item's cited sentences. Otherwise the marked fallback stays and the attempt goes to
`dropped` with its reasons: the small embedded model writes Icelandic badly, and a line
that is not verified as Icelandic is never passed off as it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefing.check.icelandic_gate import gate
from briefing.core.jsontext import loads
from briefing.llm.base import LLM, Request
from briefing.llm.structured import Recorder
from briefing.prompts import PromptSet
from briefing.stages.found import Found
from briefing.stages.reading import Reading

WRITTEN = frozenset({"is"})  # the languages a deterministic gate can verify
Support = Callable[[str, str, list[str]], bool]  # statement, its language, evidence ids


def write(
    found: list[Found],
    reading: Reading,
    languages: list[str],
    llm: LLM,
    prompts: PromptSet,
    supported: Support | None,
    record: Recorder | None = None,
) -> tuple[list[Found], list[dict[str, str]]]:
    """`found` with a verified Icelandic line on each item that lacks one and gets it, and
    the attempts that failed, with their reasons."""
    names = reading.names
    out: list[Found] = []
    failed: list[dict[str, str]] = []
    for item in found:
        for lang in [x for x in languages if x in WRITTEN]:
            if not item.verified or any(reading.language[e] == lang for e in item.evidence):
                continue
            text = _ask(item, lang, llm, prompts, record)
            verdict = gate(text, item.text, names) if text else None
            reasons = verdict.reasons if verdict is not None else ["no answer"]
            if not reasons and supported is not None and not supported(text, lang, item.evidence):
                reasons = ["the checker does not find it in the cited sentences"]
            if reasons or supported is None:
                failed.append(
                    {"evidence": " ".join(item.evidence), "text": text, "language": lang,
                     "reason": "; ".join(reasons) or "no checker to verify it"}
                )  # fmt: skip
                continue
            item = replace(item, written={**item.written, lang: text})
        out.append(item)
    return out, failed


def _ask(item: Found, lang: str, llm: LLM, prompts: PromptSet, record: Recorder | None) -> str:
    """One Icelandic sentence for the statement, at most about twice its tokens."""
    messages = [
        {"role": "system", "content": prompts.render("write.system")},
        {"role": "user", "content": prompts.render("write.user", statement=item.text)},
    ]
    request = Request(
        messages=messages,
        schema={"type": "string", "maxLength": 3 * len(item.text) + 20},
        max_tokens=2 * len(item.text.split()) + 24,
        stage="write",
        label=f"write {lang} {item.evidence[0]}",
    )
    response = llm.complete(request)
    if record is not None:
        record("write", response)
    if response.finish_reason == "length":
        return ""
    try:
        text = str(loads(response.text))
    except ValueError:
        text = response.text
    return " ".join(text.strip().strip('"').split())
