"""Sentence segmentation for news text, with stable ids and exact offsets.

Sentences are the unit the briefing cites, so ids and offsets must be stable and exact.
Icelandic goes through Miðeind's `tokenizer`, which knows its abbreviations ("u.þ.b."),
ordinals ("15. ágúst") and „…“ quotes; its cuts are then joined where the rules below
see a sentence going on. Every other language (and Icelandic the tokenizer cannot map
back onto its text) goes through a small hand-written scanner: pure string work,
deterministic, linear in the text.

Two passes. Lines are first grouped into blocks (`lang.segment_is.blocks`, shared by both
splitters): a blank line always ends a block, and so does a single newline after a
headline-like line (a Markdown heading, or a short line with no terminal punctuation).
Inside a block newlines are plain whitespace, so hard-wrapped lines join up again, and a
block is split after terminal punctuation (plus any closing quotes or brackets) unless
the context says the sentence goes on.
"""

from __future__ import annotations

import functools
import re

from briefing.core.ids import sentence_id
from briefing.core.models import Sentence
from briefing.lang import lexicon
from briefing.lang.calendar import month_names
from briefing.lang.segment_is import blocks

__all__ = ["segment"]

TERMINAL = ".!?…‽"
# Closing quotes of every style (Icelandic „…“ and ‚…‘ close with “ and ‘; »…« too).
CLOSERS = "\"'”“’‘»«›‹)]}"
OPENERS = "\"'„“”‚‘’«»‹›([{"
DASHES = "-–—"
# A "sentence" longer than this (a page without punctuation, a table run together) is cut:
# each sentence is embedded, glossed and shown to the model whole, and one of 100 KB took
# minutes to embed. News sentences rarely pass 300 characters.
MAX_SENTENCE = 1_000

# Abbreviations whose period never ends a sentence in an Icelandic article (English and
# Icelandic together, since articles quote across languages; the rule splitter adds the
# article's own language's, `_abbreviations`), and the verbs that name who asked a quoted
# question.
ABBREVIATIONS = lexicon.wordset("abbreviations.never_end", "en", "is")
SPEECH_VERBS = lexicon.alternation("speech.after_question", "en", "is")
# After a quoted question or exclamation, `"Why?" Smith asked.` still goes on.
_ATTRIBUTION = re.compile(rf"(?:[A-ZÀ-ÞÐ][\w'’.-]*\s+){{1,3}}(?:{SPEECH_VERBS})\b")
_CANDIDATE = re.compile(rf"([{re.escape(TERMINAL)}]+)([{re.escape(CLOSERS)}]*)")
_CLAUSE_END = re.compile(rf"[,;:{re.escape(DASHES)}][{re.escape(CLOSERS)}]*(?=\s)")


def segment(text: str, source_id: str, language: str) -> list[Sentence]:
    """Split `text` into sentences with ids `{source_id}.S1`, ... and exact offsets.

    Icelandic text is split by Miðeind's `tokenizer` (`lang.segment_is`), which knows its
    abbreviations and ordinals; where its output cannot be mapped back onto the text, and
    for every other language, the rules below split it.
    """
    spans = _icelandic(text) if language == "is" else None
    spans = _capped(text, spans if spans is not None else _rule_spans(text, language))
    return [
        Sentence(
            id=sentence_id(source_id, n),
            source_id=source_id,
            text=text[start:end],
            start=start,
            end=end,
        )
        for n, (start, end) in enumerate(spans, 1)
    ]


def _capped(
    text: str, spans: list[tuple[int, int]], most: int = MAX_SENTENCE
) -> list[tuple[int, int]]:
    """Every span cut into pieces of at most `most` characters: after the last clause
    punctuation in the second half of the allowance, else at the last space, else hard.
    Each cut looks at one allowance of text, so this is linear in the text."""
    capped: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > most:
            limit = start + most
            clauses = [m.end() for m in _CLAUSE_END.finditer(text, start + most // 2, limit)]
            spaces = (i for i in range(limit, start, -1) if text[i].isspace())
            cut = clauses[-1] if clauses else next(spaces, limit)
            piece_end = cut
            while text[piece_end - 1].isspace():
                piece_end -= 1
            capped.append((start, piece_end))
            start = cut
            while text[start].isspace():
                start += 1
        capped.append((start, end))
    return capped


def _icelandic(text: str) -> list[tuple[int, int]] | None:
    """The tokenizer's sentences, or None where it could not give exact offsets."""
    from briefing.lang.segment_is import SegmentationError, split_sentences

    try:
        spans = split_sentences(text)
    except SegmentationError:
        return None
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        closer = re.match(rf"[{re.escape(CLOSERS)}]+(?=\s|$)", text[start:end])
        if joined and closer:  # „Já!“ cut as „Já! and “ Nei.: the quote closes the first
            joined[-1] = (joined[-1][0], start + closer.end())
            start += closer.end()
            while start < end and text[start].isspace():
                start += 1
            if start == end:
                continue
        if joined and _goes_on(text, joined[-1], start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _goes_on(text: str, before: tuple[int, int], start: int) -> bool:
    """The tokenizer ended a sentence where the rules see it going on: the next one opens
    in lower case (‚Hvað nú?‘ sagði hann), follows an abbreviation the rules list, or
    names the speaker of a quoted question."""
    if "\n\n" in text[before[1] : start].replace("\r", ""):
        return False
    word = start
    while word < len(text) and (text[word] in OPENERS or text[word] in DASHES):
        word += 1
    if word < len(text) and text[word].islower():
        return True
    last = text[before[0] : before[1]].split()[-1].lstrip(OPENERS).lower()
    if last in ABBREVIATIONS:
        return True  # "og fr. Anna": an abbreviation the rules list, before a name
    ending = text[before[0] : before[1]].rstrip(CLOSERS)
    quoted = ending != text[before[0] : before[1]] and ending.endswith(("?", "!", "…", "‽"))
    return quoted and _ATTRIBUTION.match(text, start) is not None


def _rule_spans(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence by the punctuation rules, whitespace stripped."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in blocks(text):
        for start, end in _split_block(text, block_start, block_end, language):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.append((start, end))
    return spans


def _split_block(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Cut text[start:end] after every terminal punctuation run that ends a sentence."""
    spans, sentence_start = [], start
    for match in _CANDIDATE.finditer(text, start, end):
        after = match.end()
        if after >= end or not text[after].isspace():
            continue  # 3.5, U.S.A, e.g., "Hvað?“, sagði" or the block's own end
        nxt = after
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end and _ends_sentence(text, match, sentence_start, nxt, end, language):
            spans.append((sentence_start, after))
            sentence_start = nxt
    spans.append((sentence_start, end))
    return spans


def _ends_sentence(
    text: str, match: re.Match[str], sentence_start: int, nxt: int, end: int, language: str
) -> bool:
    """Decide one candidate: `match` is punctuation + closers, `nxt` the next non-space."""
    if text[nxt] in ",;:)]}":
        return False
    word = nxt
    while word < end and (text[word] in OPENERS or text[word] in DASHES or text[word].isspace()):
        word += 1  # past « » and dashes set off by spaces: "« Pourquoi ? » a demandé"
    if word < end and (text[word].islower() or text[word] in ",;:"):
        return False  # "15. ágúst", „Hvað?“ sagði hann, «Хватит!» — заявил, « Et ? », a dit
    punct, closers = match.group(1), match.group(2)
    if match.start() > sentence_start and text[match.start() - 1] in "[(":
        return False  # an elision mark: [...] or (…)
    quoted_question = not punct.strip("?!‽") and closers.strip(")]}") != ""
    if quoted_question and _ATTRIBUTION.match(text, nxt, end):
        return False  # "Is it over?" Trump asked.
    if punct != ".":
        return True
    token_start = match.start()
    while token_start > sentence_start and not text[token_start - 1].isspace():
        token_start -= 1
    while token_start < match.start() and text[token_start] in OPENERS:
        token_start += 1
    token = text[token_start : match.start()]
    if (token + ".").lower() in _abbreviations(language) or _is_initials(token):
        return False
    if (token + ".").lower() in lexicon.wordset("abbreviations.after_a_word", language):
        before = text[sentence_start:token_start].split()[-1:]
        if before and not before[0].strip("(").isdigit():
            return False  # "в г. Новосибирске", not "в 2019 г."
    if word < end and text[word].isdigit() and _short_lower(token):
        return False  # "whaling company Hvalur hf. 1.2 billion crowns": an abbreviation
    if _day(token) and _month_opens(text[word:end], language):
        return False  # "am 15. Januar": a day written as an ordinal, its month capitalised
    # "1. Item" opening a sentence is a list number, not a sentence of its own.
    return not (token.isdigit() and text[sentence_start:token_start].strip() == "")


def _abbreviations(language: str) -> frozenset[str]:
    return lexicon.wordset("abbreviations.never_end", "en", "is", language)


def _day(token: str) -> bool:
    return token.isdigit() and 1 <= int(token) <= LAST_DAY


def _month_opens(rest: str, language: str) -> bool:
    """`rest` opens with a month name (CLDR's, `lang.calendar`) in a language that writes
    a day as an ordinal with a period (lexicon `calendar.ordinal_days`): German."""
    word = re.match(r"[^\W\d_]+", rest)
    if word is None or not lexicon.flag("calendar.ordinal_days", language):
        return False
    return word.group().lower() in _months(language)


@functools.cache
def _months(language: str) -> frozenset[str]:
    return frozenset(f.lower() for forms in month_names(language, variants=True) for f in forms)


LAST_DAY = 31
SHORT_ABBREVIATION = 3  # letters of a lower-case abbreviation a number may follow


def _short_lower(token: str) -> bool:
    """A short lower-case word ("hf", "ehf", "pct"): before a number, an abbreviation; a
    sentence seldom ends on one and the next opens with a figure."""
    return token.isalpha() and token.islower() and len(token) <= SHORT_ABBREVIATION


def _is_initials(token: str) -> bool:
    """J (of "J. R. Smith"), U.S, J.R: single capitals separated by periods."""
    return all(len(part) == 1 and part.isupper() for part in token.split("."))
