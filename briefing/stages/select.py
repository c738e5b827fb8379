"""Which sentences get a statement: chosen by code, so the small model only phrases.

A 1.5B model asked for "the main points" stops after two or three and favours the
first sentences; asked to phrase given sentences, it does each. A sentence of the pivot
language that already reads as a statement on its own (`stands`) is published as
written: the model only labels it, no word is generated, so every such sentence is
asked. The others need phrasing (a rough gloss, a long sentence, a pronoun for a
subject); code scores them (numbers and dates, names, words of agreeing, disputing and
saying, their place in the article) and keeps the best within a budget of generated
tokens: about one statement per `TOKENS_PER_STATEMENT` source tokens.
"""

from __future__ import annotations

import math
import re

from briefing.core.ids import sentence_number
from briefing.core.languages import PIVOT
from briefing.core.models import Chunk, Sentence, Source
from briefing.lang import lexicon
from briefing.lang.lexicon import as_written_or_capitalised, no_fact, subject_pronouns
from briefing.lang.names import names_in
from briefing.lang.quotation import CLOSING
from briefing.lang.quotation import MARKS as QUOTE_MARKS
from briefing.stages.reading import Reading

SHARE = 0.8  # of the informative sentences, the best get a statement
TOKENS_PER_STATEMENT = 45  # and at most one per this many tokens shown: generated tokens
LEAD = 4.0  # an article's first sentence tells its news: within the budget before the rest
# (fr/greve-dockers-fos: "Les dockers ... ont reconduit mercredi leur grève" was left over it)
MIN_WORDS = 5  # stay near a third of the source tokens; shorter lines say little
# The fewest words of a sentence of another language than English with news in it, which
# a column quotes as written at no generated token: "Engan sakaði." (no one was hurt),
# "Цена поставок не раскрывается." (the price is not disclosed); one word ending in a full
# stop is a caption or a credit. Bylines and notes on the article are none (`outlet_note`).
MIN_QUOTED_WORDS = 2
MAX_STANDING_WORDS = 32  # longer sentences are phrased shorter
CUES = re.compile(rf"\b({lexicon.alternation('cues.salience', PIVOT)})\b", re.IGNORECASE)
FIRST_PERSON = re.compile(rf"\b({as_written_or_capitalised('pronouns.first_person', PIVOT)})\b")


def salience(text: str, n_values: int, position: int, shortest: int = MIN_WORDS) -> float:
    """How much a sentence likely carries for a briefing (higher first); none under
    `shortest` words."""
    words = len(text.split())
    if words < shortest or not ends_as_sentence(text):
        return -math.inf  # headlines, bylines and photo captions
    cues = len(CUES.findall(text))
    names = len(names_in([text]))
    quoted = FIRST_PERSON.search(text) is not None  # a line of a quote, its speaker elsewhere
    return (
        2.0 * min(n_values, 2)
        + min(cues, 3)
        + 0.75 * min(names, 3)
        - 2.0 * quoted
        - (words < 8)
        - 0.05 * position
    )


def ends_as_sentence(text: str) -> bool:
    """Terminal punctuation, closing quotes and brackets aside: not a headline, not a
    line cut at a comma. Any closing mark counts: Icelandic closes a quotation with “."""
    return text.rstrip(CLOSING + ")] ").endswith((".", "!", "?"))


def budget(informative: int, tokens: int) -> int:
    return min(math.ceil(SHARE * informative), max(2, round(tokens / TOKENS_PER_STATEMENT)))


def select(
    shown: list[Sentence],
    chunk: Chunk,
    reading: Reading | None,
    standing: frozenset[str] = frozenset(),
    source: Source | None = None,
    echoes: frozenset[str] = frozenset(),
) -> list[Sentence]:
    """The sentences to ask about, in article order: every informative one in `standing`
    (no generated token), and the best of the rest within the budget, `echoes` (what
    another source restates) after all others: a line only this outlet has is news the
    budget should not cost, so where a source has echoes (it is in no output language and
    other outlets tell the story), all its own lines are asked (eldgos: "Die Lufthansa
    teilte mit, betroffene Passagiere könnten kostenlos umbuchen", told by no other
    outlet, was left over a budget of two; togari: "Судовладелец … заявил, что причины
    аварии пока неизвестны" behind the trawler's year of build). A line wholly
    inside a quotation of `source` is not asked unless it stands (its speaker found by
    code, `stages.quoted`): the model cannot tell whose words they are, and a name in
    them is someone mentioned, not the speaker."""

    def english(s: Sentence) -> str:
        return reading.english(s.id) if reading else s.text

    def values(s: Sentence) -> int:
        return len(reading.values[s.id]) if reading else 0

    def unsaid(s: Sentence) -> bool:
        return source is not None and inside_quotation(s, source) and s.id not in standing

    scored = [
        (salience(english(s), values(s), i) + LEAD * (sentence_number(s.id) == 1), i)
        for i, s in enumerate(shown)
    ]
    informative = [
        x
        for x in scored
        if x[0] > -math.inf
        and not unsaid(shown[x[1]])
        and not no_fact(shown[x[1]].text, source.language if source else chunk.language)
    ]
    free = {i for _, i in informative if shown[i].id in standing}
    ranked = sorted(
        (x for x in informative if x[1] not in free),
        key=lambda x: (shown[x[1]].id not in echoes, x),
        reverse=True,
    )
    tokens = round(chunk.tokens * len(shown) / max(1, len(chunk.sentences)))
    limit = budget(len(ranked), tokens)
    if echoes:  # the lines of a source no column quotes that no other outlet tells
        limit = max(limit, sum(shown[i].id not in echoes for _, i in ranked))
    phrased = {i for _, i in ranked[:limit]}
    return [shown[i] for i in sorted(free | phrased)]


def unphrased(
    shown: list[Sentence], asked: list[Sentence], reading: Reading, source: Source
) -> list[Sentence]:
    """The informative sentences of a non-pivot source that `select` left to no statement
    (over the budget, lines of a quotation, or short: `MIN_QUOTED_WORDS`): each is
    labelled only, one prompt evaluation and no generated token, so that a fact only this
    outlet reports is kept as its own sentence (`stages.originals`) rather than lost."""
    if source.language == PIVOT:
        return []
    taken = {s.id for s in asked}
    return [
        s
        for i, s in enumerate(shown)
        if s.id not in taken
        and salience(reading.english(s.id), len(reading.values[s.id]), i, MIN_QUOTED_WORDS)
        > -math.inf
        and not no_fact(s.text, source.language)
    ]


# A subject the reader cannot place out of the article: a pronoun or a demonstrative.
UNNAMED_SUBJECT = re.compile(rf"({subject_pronouns(PIVOT, demonstrative=True)})\b")
EXPLETIVE = re.compile(
    rf"It (?:{lexicon.alternation('pronouns.expletive', PIVOT)})\b(?:\W+\w+){{0,4}}?\W+"
    rf"(?:{lexicon.alternation('pronouns.expletive_then', PIVOT)})\b"
)


def expletive(statement: str) -> bool:
    """An "It" that points at nothing ("It is not yet settled whether ..."): no one to
    name, so no pronoun code must resolve."""
    return EXPLETIVE.match(statement) is not None


def lost_subject(statement: str, sentence: str) -> bool:
    """A statement of an English sentence that opens with a pronoun its sentence nowhere
    uses has lost who does it ("They agreed to send research vessels…" for "Iceland,
    Norway and Russia agreed…", an article's lede): no sentence before says whom it
    means. "He said…" for '"…," he said.' keeps its subject."""
    opened = UNNAMED_SUBJECT.match(statement.strip())
    if opened is None or expletive(statement.strip()):
        return False
    return opened.group(1).lower() not in re.findall(r"\w+", sentence.lower())


def stands(sentence: Sentence, source: Source, reading: Reading | None) -> bool:
    """Whether a sentence reads as a statement on its own, as written: in the pivot
    language (not a gloss), a whole sentence of a sensible length, naming its subject
    (no opening pronoun), not a line of someone's quote (no first person, not inside a
    quotation that opens in an earlier sentence of its paragraph)."""
    if source.language != PIVOT or (reading is not None and sentence.id in reading.gloss):
        return False
    text = " ".join(sentence.text.split())
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_STANDING_WORDS or not text[:1].isupper():
        return False
    if not ends_as_sentence(text):
        return False
    if UNNAMED_SUBJECT.match(text) or FIRST_PERSON.search(text):
        return False
    return not in_quotation(sentence, source) and len(QUOTE_MARKS.findall(text)) % 2 == 0


def quotation_start(sentence: Sentence, source: Source) -> int | None:
    """Where the quotation holding the sentence's first words starts in it: its start,
    where a quotation of its paragraph is open there, or just after its own opening mark;
    None where it does not open inside a quotation."""
    text = source.text
    paragraph = text.rfind("\n\n", 0, sentence.start) + 1
    if len(QUOTE_MARKS.findall(text[paragraph : sentence.start])) % 2 == 1:
        return sentence.start
    lead = re.match(r"\s*[\"“„«]", text[sentence.start : sentence.end])
    return sentence.start + lead.end() if lead else None


def inside_quotation(sentence: Sentence, source: Source) -> bool:
    """All of the sentence is inside a quotation: it opens inside one (or with its opening
    mark), and nothing but punctuation follows where the quotation closes in it, if it
    does: no attribution is in it."""
    start = quotation_start(sentence, source)
    if start is None:
        return False
    text = source.text
    closing = QUOTE_MARKS.search(text, start, sentence.end)
    return closing is None or not re.search(r"\w", text[closing.end() : sentence.end])


def in_quotation(sentence: Sentence, source: Source) -> bool:
    """A line of a quotation that runs over several sentences of its paragraph (open where
    the sentence starts or where it ends): someone's words, their speaker named in
    another sentence, if at all."""
    paragraph = source.text.rfind("\n\n", 0, sentence.start) + 1
    marks = [
        len(QUOTE_MARKS.findall(source.text[paragraph:at])) for at in (sentence.start, sentence.end)
    ]
    return any(n % 2 == 1 for n in marks)
