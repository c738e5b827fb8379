"""Translate stage: pivot-language statements into each other output language.

One call per language carries every statement, numbered; the schema fixes the count,
so an answer cannot skip or merge statements. Names and numbers are re-checked by code.
"""

from __future__ import annotations

from briefing.core.errors import LLMError, TruncatedAnswer
from briefing.core.languages import PIVOT, language_name
from briefing.llm.base import LLM
from briefing.llm.structured import AskOptions, Recorder, ask
from briefing.prompts import PromptSet
from briefing.stages.answers import Translation, constrained_schema

# Tokens per character written, with headroom for languages the tokenizer splits finely.
TOKENS_PER_CHAR = {"en": 0.3}
DEFAULT_TOKENS_PER_CHAR = 0.55


def translate(
    statements: list[str],
    language: str,
    llm: LLM,
    prompts: PromptSet,
    *,
    max_attempts: int = 3,
    record: Recorder | None = None,
) -> list[str]:
    """`statements` in `language`, in order and one for one; halves the list if truncated."""
    if not statements:
        return []
    try:
        return _translate_once(statements, language, llm, prompts, max_attempts, record)
    except TruncatedAnswer as err:
        if len(statements) == 1:
            raise LLMError(str(err)) from None
        half = len(statements) // 2
        return [
            *translate(
                statements[:half], language, llm, prompts, max_attempts=max_attempts, record=record
            ),
            *translate(
                statements[half:], language, llm, prompts, max_attempts=max_attempts, record=record
            ),
        ]


def _translate_once(
    statements: list[str],
    language: str,
    llm: LLM,
    prompts: PromptSet,
    max_attempts: int,
    record: Recorder | None,
) -> list[str]:
    name = language_name(language)
    messages = [
        {
            "role": "system",
            "content": prompts.render("translate.system", language_name=name, language=language),
        },
        {
            "role": "user",
            "content": prompts.render(
                "translate.user", statements=statements, language_name=name, language=language
            ),
        },
    ]
    # Each string is capped by the grammar at a little over its source's length, and the
    # budget covers every string at its cap, so a looping answer ends that string early
    # instead of truncating the call (or filling a short string with a long loop).
    caps = [int(len(s) * 1.4) + 10 for s in statements]
    per_char = TOKENS_PER_CHAR.get(language, DEFAULT_TOKENS_PER_CHAR)
    budget = sum(int(cap * per_char) + 8 for cap in caps) + 16
    answer = ask(
        llm,
        messages,
        Translation,
        AskOptions(
            schema=constrained_schema(Translation, exact_items=len(statements), max_chars=caps),
            context={"count": len(statements)},
            max_tokens=budget,
            stage="translate",
            label=f"translation into {name}",
            max_attempts=max_attempts,
            reask=lambda errors: prompts.render("reask", errors=errors),
            record=record,
        ),
    )
    return [
        f"[{PIVOT}] {source}" if degenerate(text) else " ".join(text.split())
        for source, text in zip(statements, answer.t, strict=True)
    ]


def degenerate(text: str) -> bool:
    """A small model under greedy decoding can loop ("stundum stundum stundum ...",
    "skála á skála á skála á"): such an answer is no translation, and the pivot text,
    marked, is more honest. A loop is a run of one to three words said three times over
    (a single word four times), or a long answer of few distinct words."""
    tokens = text.lower().split()
    for period in (1, 2, 3):
        run = 0
        for i in range(period, len(tokens)):
            run = run + 1 if tokens[i] == tokens[i - period] else 0
            if run >= max(3, 2 * period):
                return True
    return len(tokens) >= 12 and len(set(tokens)) < len(tokens) / 3
