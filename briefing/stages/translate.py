"""English for the facts kept as sentences of a language with no glosser, shown without any.

A fact only a French, German or Russian outlet reports is kept as its sentence
(`stages.originals`), with the model's statement beside it as its English where code found
nothing wrong with it (`verify.translations`). Where the statement was refused (cut off,
a subject lost, a name misspelt) or never asked (over `select`'s budget), the English
column showed the sentence alone: nothing an English reader can use. Those sentences are
asked again, a few to a call, for a plain translation, and each answer goes through the
same code checks (`verify.untrue_translation`). One that passes is shown beside its
sentence, marked as machine English and unverified, never as a verified line; one that
fails goes to `dropped` with its reasons, and the sentence stays alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.core.languages import language_name
from briefing.llm.base import LLM, Request
from briefing.llm.structured import Recorder
from briefing.prompts import PromptSet
from briefing.stages.found import Found
from briefing.stages.reading import Reading
from briefing.stages.verify import spelt, unread, untrue_translation

BATCH = 6  # sentences a call: one prompt's overhead for several, short enough to answer in order
TOKENS_PER_WORD = 2.5  # English tokens per source word, with room for the numbers
NUMBERED = re.compile(r"(?m)^\s*(\d+)[.)]\s*(\S.*?)\s*$")
SHARED = 5  # words in a row two translations of different sentences hardly share
_WORD = re.compile(r"\w+")


def translate(
    own: list[Found],
    reading: Reading,
    translated: dict[str, str],
    llm: LLM,
    prompts: PromptSet,
    record: Recorder | None = None,
) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The English of each item of `own` shown as one sentence no gloss or `translated`
    English reads, by sentence id, and the answers code refused, with their reasons."""
    wanted = [
        item
        for item in own
        if not item.continued and unread(item.evidence[:1], reading)
        and item.evidence[0] not in translated
    ]  # fmt: skip
    wanted = list({item.evidence[0]: item for item in wanted}.values())
    english: dict[str, str] = {}
    refused: list[dict[str, str]] = []
    by_language: dict[str, list[Found]] = {}
    for item in wanted:
        by_language.setdefault(reading.language[item.evidence[0]], []).append(item)
    for language, items in by_language.items():
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            texts = [reading.sentences[i.evidence[0]].text for i in batch]
            answers = _ask(texts, language, llm, prompts, record)
            borrowed = _borrowed(answers, texts)
            for n, (item, answer) in enumerate(zip(batch, answers, strict=True)):
                done = spelt(replace(item, text=answer), reading)
                wrong = untrue_translation(done, reading, plain=True) if answer else ["no answer"]
                if n in borrowed:
                    wrong.append(f"it also tells sentence {borrowed[n] + 1} of its call")
                if wrong:
                    refused.append(
                        {"evidence": item.evidence[0], "text": answer,
                         "reason": "translation: " + "; ".join(wrong)}
                    )  # fmt: skip
                else:
                    english[item.evidence[0]] = done.text
    return english, refused


def _borrowed(answers: list[str], sentences: list[str]) -> dict[int, int]:
    """The answers that carry another answer's words, each with that answer's index:
    asked for TASS's "Пока неясно, сколько времени потребуется порту…" beside "В ведомстве
    отметили, что задержки не повлияют…", the model ended the first with "…, it is known
    that delays do not affect the internal market supply", the second sentence's news. Of
    two answers sharing a run of `SHARED` words in lower case, the one longer for its
    sentence took it; a name two sentences both give is no such run ("the French Polar
    Institute Paul-Émile Victor")."""
    words = [_WORD.findall(a) for a in answers]
    runs = [_lower_runs(w) for w in words]
    ratio = [len(w) / max(1, len(s.split())) for w, s in zip(words, sentences, strict=True)]
    out: dict[int, int] = {}
    for i, j in ((i, j) for i in range(len(answers)) for j in range(len(answers)) if i != j):
        if i not in out and runs[i] & runs[j] and ratio[i] > ratio[j]:
            out[i] = j
    return out


def _lower_runs(words: list[str]) -> set[tuple[str, ...]]:
    """Every run of `SHARED` words in a row, all in lower case."""
    runs = (tuple(words[k : k + SHARED]) for k in range(len(words) - SHARED + 1))
    return {run for run in runs if all(w.islower() for w in run)}


def _ask(
    sentences: list[str], language: str, llm: LLM, prompts: PromptSet, record: Recorder | None
) -> list[str]:
    """One English sentence per sentence, in order, as numbered lines: the small model
    asked for a JSON list copied German sentences as they were, and wrote numbered
    English lines when the language was named. An empty string where no line has the
    sentence's number, or the answer was cut off."""
    words = sum(len(s.split()) for s in sentences)
    name = language_name(language)
    messages = [
        {"role": "system", "content": prompts.render("translate.system", language_name=name)},
        {"role": "user", "content": prompts.render(
            "translate.user", sentences=sentences, language_name=name
        )},
    ]  # fmt: skip
    request = Request(
        messages=messages,
        max_tokens=round(TOKENS_PER_WORD * words) + 8 * len(sentences) + 8,
        stage="translate",
        label=f"translate {language} {len(sentences)}",
    )
    response = llm.complete(request)
    if record is not None:
        record("translate", response)
    if response.finish_reason == "length":
        return [""] * len(sentences)
    lines = dict(NUMBERED.findall(response.text))
    return [" ".join(lines.get(str(n), "").split()) for n in range(1, len(sentences) + 1)]
