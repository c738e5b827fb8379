"""Lines of a quotation published as their speaker's words, the speaker found by code.

A quotation in the news often runs over several sentences and names its speaker once:
where it opens ("Trump said: “...") or where it closes ("...,” said Trump."), or only in
another outlet's report of the same words. Alone, a line names no one, so neither the
model nor a reader can tell whose words it is. Code reads the speaker from the
attribution around the line's quotation in its own article, else around the sentence
another source's report links to it (`stages.align`, SAME), and the statement is the
line as written, after its speaker's name: `Trump said: "..."`. No word of it is
generated. Attribution is read in English and Icelandic; the name must be one the
articles know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.languages import PIVOT
from briefing.core.models import Sentence, Source
from briefing.lang import lexicon
from briefing.lang.lexicon import subject_pronouns
from briefing.lang.names import name_parts, names_in
from briefing.stages.align import Link, differing
from briefing.stages.holders import said_in
from briefing.stages.reading import Reading
from briefing.stages.select import (
    MIN_WORDS,
    QUOTE_MARKS,
    ends_as_sentence,
    quotation_start,
)

NAME = r"[A-ZÀ-Þ][^\W\d_]+(?:[ -][A-ZÀ-Þ][^\W\d_]+){0,2}"
_SAYING = {lang: lexicon.alternation("speech.attribute", lang) for lang in ("en", "is")}
# A title before the name: ',” council leader Anna Jonsdottir said' / 'said union leader X';
# not a preposition, so 'said the minister to Trump' names no one.
_NOT_TITLE = "|".join(f"{w} " for w in lexicon.words("quotation.not_title", PIVOT))
_TITLE = rf"(?:(?!{_NOT_TITLE})[a-zþæðöáéíóúý]+\s+){{0,3}}"
# After the closing mark: ',” said Trump.' / ',” Trump said.' / ',“ sagði Trump á ...'.
# A name after the verb ends there: 'said the US chief of staff' names no one.
_NAME_ENDS = {
    "en": rf"(?=\s*[.,;:!?]|\s+(?:{lexicon.alternation('quotation.after_name', PIVOT)})\b|$)",
    "is": r"(?=\s*[.,;:!?]|\s+[a-zþæðöáéíóúý]|$)",
}
_AFTER = {
    lang: re.compile(
        rf"\s*(?:(?:{verbs})\s+{_TITLE}(?P<a>{NAME}){_NAME_ENDS[lang]}"
        rf"|{_TITLE}(?P<b>{NAME})\s+(?:{verbs})\b)"
    )
    for lang, verbs in _SAYING.items()
}
# Before the opening mark: 'Trump said: “' / 'Trump told reporters: “' / 'Pútín sagði: „';
# no other name on the way ('Trump said Putin had told him: “' is Putin's), and not a
# possessive ('Putin's spokesman said: “' is the spokesman's).
_BEFORE = {
    lang: re.compile(rf"\s*(?P<a>{NAME})(?![\w'’])(?:[^\"“”„«»A-ZÀ-Þ]*:|\s+(?:{verbs}),?)\s*$")
    for lang, verbs in _SAYING.items()
}


def _words(*groups: str) -> str:
    return "|".join(w for g in groups for w in lexicon.words(f"pronouns.{g}", PIVOT))


_COPULAS = lexicon.alternation("grammar.copulas", PIVOT)
_MODALS = "|".join(lexicon.alternation(k, PIVOT) for k in ("grammar.modals", "grammar.reporting"))
_PERSON = _words("person")
# A line that points outside itself ("Most of them", "It is", "criticism for this") says
# nothing on its own; "this road" names its road.
_POINTS_AWAY = re.compile(
    rf"\b({_words('plural', 'neuter')})\b"
    rf"|^({lexicon.alternation('grammar.quantifiers', PIVOT)})\s+({_COPULAS})\b"
    rf"|\b({_words('demonstrative')})\b(?=\s*[,.;:!?]|\s*$|\s+({_COPULAS}|{_MODALS})\b)",
    re.IGNORECASE,
)
# A plural pronoun's noun earlier in the line: a plural verb after a word ("Wild salmon
# are part of our natural heritage, and we cannot allow them…"); not "The final decision is
# up to them".
_PLURAL_BEFORE = re.compile(
    rf"\b[a-z]{{3,}}\s+(?:{lexicon.alternation('grammar.plural_verbs', PIVOT)})\b.*?"
    rf"\b(?:{_words('plural')})\b",
    re.IGNORECASE,
)
_PLURAL = frozenset(w.lower() for w in lexicon.words("pronouns.plural", PIVOT))
# A subject that names no one; "This road..." is left to `_POINTS_AWAY`.
_PRONOUN_SUBJECT = re.compile(rf"({subject_pronouns(PIVOT)})\b")
# '...," he said.': the speaker is the one person the sentence before names.
_PRONOUN_SAID = re.compile(
    rf"\s*(?:(?:{_PERSON})\s+(?:{_SAYING['en']})|(?:{_SAYING['en']})\s+(?:{_PERSON}))\s*[.!]?\s*"
)
# A statement whose words end on '…, she said.': someone's words given to a pronoun alone.
SAID_BY_PRONOUN = re.compile(rf",\s*{_PRONOUN_SAID.pattern}$")


# Who speaks, where no name does: 'said the transport minister.', '"...," a spokesman said';
# after the verb it must end the clause ('said the statement released on...' is no one).
_DESCRIBING = rf"(?!(?:{lexicon.alternation('quotation.not_description', PIVOT)})\b)[\w-]+"
_DESCRIPTION = rf"(?:the|a|an)\s+{_DESCRIBING}(?:\s+{_DESCRIBING}){{0,5}}?"
_DESCRIBED = re.compile(
    rf"\s*(?:(?:{_SAYING['en']})\s+(?P<a>{_DESCRIPTION})(?=\s*[.,;]|$)"
    rf"|(?P<b>{_DESCRIPTION})\s+(?:{_SAYING['en']})\b)"
)
# A whole attribution after the closing mark, to the end of the sentence (the pivot
# language only: a statement is written in it).
_ATTRIBUTED = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", rf"(?:{_AFTER['en'].pattern}|{_DESCRIBED.pattern})")
    + r"[^\"“”„«»]*"
)
SAID = re.compile(r'^(?P<speaker>.+?) said: "(?P<line>.+)"$')


@dataclass(frozen=True)
class Quote:
    """A line of a quotation with its speaker: the statement and what it rests on."""

    speaker: str | None  # the name; None where the article only describes them
    evidence: tuple[str, ...]  # the line, then the sentences that name its speaker
    statement: str


OPENING = 3  # words a sentence that points back opens with its pointer in


def points_back(english: str) -> bool:
    """The English of a sentence opens pointing at what a sentence before named ("Most
    of them were morning flights", "It was..."): out of its place it says nothing on its
    own. A pronoun further on ("...announced that it will vote") has its own noun."""
    return bool(_POINTS_AWAY.search(" ".join(english.split()[:OPENING])))


def said(speaker: str, line: str) -> str:
    """The statement of a quotation's line: who said it, then the line as written."""
    words = " ".join(line.split()).strip('"“”„«» ')
    return f'{speaker[:1].upper()}{speaker[1:]} said: "{words}"'


def quotes(reading: Reading, same: list[Link]) -> dict[str, Quote]:
    """Each pivot-language line of a quotation that stands as a line (a whole sentence,
    all of it inside the quotation, pointing at nothing outside it) and whose speaker
    code can name, by sentence id; also each sentence that closes a quotation with its
    attribution (`..., said the minister.`), its speaker named or described there."""
    sources = {s.id: s for s in reading.sources}
    known = names_in([reading.english(sid) for sid in reading.sentences])
    pivot_names = names_in(
        [s.text for src in reading.sources if src.language == PIVOT for s in src.sentences]
    )
    found: dict[str, Quote] = {}
    for source in reading.sources:
        if source.language != PIVOT:
            continue
        for sentence in source.sentences:
            words = _line(sentence, source)
            if words is None:
                continue
            linked, speaker = sentence.id, _speaker(sentence, source)
            for link in same if speaker is None else []:
                other_id = link.other(sentence.id)
                if sentence.id not in (link.a, link.b) or differing(
                    reading.values[sentence.id], reading.values[other_id]
                ):
                    continue  # a report that gives other numbers is not evidence of this
                other = reading.sentences[other_id]
                speaker = _speaker(other, sources[other.source_id], anywhere=True)
                if speaker is not None:
                    linked = other_id
                    break
            if speaker is None:
                speaker = _named_before(sentence, source, reading, same)
            if speaker is None:
                speaker = _quoted_on(sentence, source, reading, same)
            shown = _known_as(speaker[0], known, pivot_names) if speaker else None
            if speaker is not None and shown is not None:
                evidence = tuple(dict.fromkeys([sentence.id, linked, speaker[1]]))
                found[sentence.id] = Quote(shown, evidence, said(shown, words))
            elif (described := _described(sentence, source)) is not None:
                found[sentence.id] = Quote(None, (sentence.id,), said(described, words))
    return _one_speaker(found, reading)


def _one_speaker(found: dict[str, Quote], reading: Reading) -> dict[str, Quote]:
    """A quotation is one person's: a line its attribution only describes ("said the
    transport minister") is the speaker named for another line of the same quotation
    (through another outlet's report of that line), cited with the sentence naming them."""
    sources = {s.id: s for s in reading.sources}

    def closing(sentence_id: str) -> tuple[str, int] | None:
        """The quotation's closing mark, which all its lines share."""
        sentence = reading.sentences[sentence_id]
        span = _quotation(sentence, sources[sentence.source_id])
        return (sentence.source_id, span[1]) if span and span[1] is not None else None

    named: dict[tuple[str, int], set[tuple[str, str]]] = {}
    for sentence_id, quote in found.items():
        if quote.speaker is not None and (where := closing(sentence_id)) is not None:
            named.setdefault(where, set()).add((quote.speaker, quote.evidence[-1]))
    out = dict(found)
    for sentence_id, quote in found.items():
        speakers = named.get(closing(sentence_id) or ("", -1), set())
        if quote.speaker is not None or len({name for name, _ in speakers}) != 1:
            continue
        name = next(iter(speakers))[0]
        naming = sorted(naming_id for _, naming_id in speakers)
        sentence = reading.sentences[sentence_id]
        words = _line(sentence, sources[sentence.source_id])
        if words is not None:
            evidence = tuple(dict.fromkeys([sentence_id, *naming]))
            out[sentence_id] = Quote(name, evidence, said(name, words))
    return out


def attributed(sentence_id: str, reading: Reading) -> str | None:
    """The name this sentence's own attribution gives the quotation it closes or opens
    (`...,“ sagði Trump og bætti við`), as the pivot-language articles write it; None
    where it attributes none. "He said..." in the next sentence is most likely theirs."""
    found = speaker_of(sentence_id, reading)
    return found[0] if found is not None and found[1] == sentence_id else None


def speaker_of(sentence_id: str, reading: Reading) -> tuple[str, str] | None:
    """Who the attribution of the quotation in or around this sentence names, in any
    language code reads attribution in (`...,“ sagði Trump.` two sentences on), as the
    articles know the name, with the id of the sentence naming them; None otherwise."""
    sentence = reading.sentences[sentence_id]
    source = next(s for s in reading.sources if s.id == sentence.source_id)
    found = _speaker(sentence, source, anywhere=True)
    if found is None:
        return None
    known = names_in([reading.english(sid) for sid in reading.sentences])
    pivot_names = names_in(
        [s.text for src in reading.sources if src.language == PIVOT for s in src.sentences]
    )
    shown = _known_as(found[0], known, pivot_names)
    return (shown, found[1]) if shown else None


def _line(sentence: Sentence, source: Source) -> str | None:
    """The sentence's words, where all of it is inside one quotation (its own opening or
    closing mark aside) or it closes one with its attribution after the mark, and they
    read as a line someone said: long enough, ending as a sentence, not pointing at what
    the quotation said before. None otherwise."""
    span = _quotation(sentence, source)
    if span is None:
        return None
    start, close = span
    end = sentence.end if close is None else min(close, sentence.end)
    words = " ".join(source.text[start:end].split())
    if close is not None and source.text[close + 1 : sentence.end].strip():
        after = source.text[close + 1 : sentence.end]
        if source.language != "en" or not (
            _ATTRIBUTED.fullmatch(after) or _PRONOUN_SAID.fullmatch(after)
        ):
            return None  # something other than "said X." follows the quotation
        words = words[:-1] + "." if words.endswith(",") else words
    if len(words.split()) < MIN_WORDS or not ends_as_sentence(words):
        return None
    return None if _PRONOUN_SUBJECT.match(words) or _points_away(words) else words


def _points_away(words: str) -> bool:
    """The line points outside itself (`_POINTS_AWAY`), but for a plural pronoun whose
    noun it gives before it (`_PLURAL_BEFORE`)."""
    away = list(_POINTS_AWAY.finditer(words))
    if not away:
        return False
    return not (
        all(m.group(1) and m.group(1).lower() in _PLURAL for m in away)
        and _PLURAL_BEFORE.search(words)
    )


def _quotation(
    sentence: Sentence, source: Source, anywhere: bool = False
) -> tuple[int, int | None] | None:
    """Where the quotation holding the sentence's first words starts in it, and the
    offset of its closing mark (None: it runs on past the paragraph); None where the
    sentence does not open inside a quotation or with its opening mark (`anywhere`:
    where it holds no opening mark at all)."""
    text = source.text
    start = quotation_start(sentence, source)
    if (
        start is None
        and anywhere
        and (mark := QUOTE_MARKS.search(text, sentence.start, sentence.end))
    ):
        start = mark.end()
    if start is None:
        return None
    end = text.find("\n\n", start)
    closing = QUOTE_MARKS.search(text, start, end if end != -1 else len(text))
    return start, closing.start() if closing else None


def _speaker(sentence: Sentence, source: Source, anywhere: bool = False) -> tuple[str, str] | None:
    """The name the attribution of the sentence's quotation gives, and the id of the
    sentence where it does: after the closing mark, else before the opening one."""
    if source.language not in _AFTER:
        return None
    span = _quotation(sentence, source, anywhere)
    if span is None:
        return None
    start, close = span
    text = source.text
    if close is not None:
        holder = _holding(source, close)
        following = QUOTE_MARKS.search(text, close + 1, holder.end)
        after = text[close + 1 : following.start() if following else holder.end]
        match = _AFTER[source.language].match(after)
        if match:
            return match.group("a") or match.group("b"), holder.id
    opening = _last_mark(text, start)
    if opening is None:
        return None
    holder = _holding(source, opening)
    match = _BEFORE[source.language].match(text[holder.start : opening])
    return (match.group("a"), holder.id) if match else None


def _named_before(
    sentence: Sentence, source: Source, reading: Reading, same: list[Link]
) -> tuple[str, str] | None:
    """Whom '...," he said.' is: the one full name (two words or more) the sentence before
    gives, where another outlet's report of the line, linked to it, is attributed to the
    same person ("sagði Ólafur" for "Olafur Brynjarsson"); else the person the sentence
    before opens with as the subject of its own verb of saying ("Carver said the link
    would… / "This is a landmark day…," she said."); with the id of that sentence."""
    span = _quotation(sentence, source)
    if span is None or span[1] is None:
        return None
    if not _PRONOUN_SAID.fullmatch(source.text[span[1] + 1 : sentence.end]):
        return None
    index = next(i for i, s in enumerate(source.sentences) if s.id == sentence.id)
    if index == 0:
        return None
    before = source.sentences[index - 1]
    saying = said_in([s.text for s in source.sentences], index - 1, source.language)
    if (
        saying is not None
        and len(saying.split()) > 1
        and before.text.startswith(tuple(saying.split()))
        and not _quotation(before, source, True)
    ):  # the person it opens with says it, named as it names them ("Carver")
        written = [p for p in saying.split() if re.search(rf"\b{re.escape(p)}\b", before.text)]
        return " ".join(written), before.id
    full = [n for n in names_in([before.text]) if len(n.split()) > 1]
    if len(full) != 1:
        return None
    sources = {s.id: s for s in reading.sources}
    for link in same:
        if sentence.id in (link.a, link.b):
            other = reading.sentences[link.other(sentence.id)]
            theirs = _speaker(other, sources[other.source_id], anywhere=True)
            if theirs is not None and name_parts(theirs[0]) <= name_parts(full[0]):
                return full[0], before.id
    return None


def _quoted_on(
    sentence: Sentence, source: Source, reading: Reading, same: list[Link]
) -> tuple[str, str] | None:
    """Whose a quotation with no attribution of its own is, where it opens the next
    sentence of the paragraph after a quotation closed by one ('"…," she said. "Icelandic
    hydro … will help us leave gas behind."'): the same speaker's, named as that one is."""
    span = _quotation(sentence, source)
    if span is None or span[1] is None or source.text[span[1] + 1 : sentence.end].strip():
        return None
    index = next(i for i, s in enumerate(source.sentences) if s.id == sentence.id)
    before = source.sentences[index - 1] if index else None
    if before is None or "\n\n" in source.text[before.end : sentence.start]:
        return None
    return _speaker(before, source) or _named_before(before, source, reading, same)


def _described(sentence: Sentence, source: Source) -> str | None:
    """Who the attribution after the sentence's closing mark describes, where it gives
    no name: "the transport minister"."""
    span = _quotation(sentence, source)
    if span is None or span[1] is None or source.language != PIVOT:
        return None
    match = _DESCRIBED.match(source.text[span[1] + 1 : sentence.end])
    return (match.group("a") or match.group("b")) if match else None


def _last_mark(text: str, before: int) -> int | None:
    marks = [m.start() for m in QUOTE_MARKS.finditer(text, 0, before)]
    return marks[-1] if marks else None


def _holding(source: Source, offset: int) -> Sentence:
    return next((s for s in source.sentences if s.start <= offset < s.end), source.sentences[-1])


def _known_as(name: str, known: list[str], pivot_names: list[str]) -> str | None:
    """The name as the pivot-language articles write it ("Pútín" as "Putin": the same
    parts, accents aside), else as given; None where no article knows it as a name. Not
    a fuller form ("Donald Trump" for "Trump"): the cited sentences must give every part."""
    parts = name_parts(name)
    if not any(parts <= name_parts(n) for n in known):
        return None
    return next((n for n in pivot_names if name_parts(n) == parts), name)
