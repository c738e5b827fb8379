"""Facts of one Icelandic sentence read with Icelandic tools, not through the gloss.

Miðeind's Greynir parser (`reynir`) gives the parse tree: the main clause's verb as a lemma,
its subject, person names in the nominative ("Hrafnhildar" is "Hrafnhildur"), entities, and
whether the main or the reported clause is negated. A subject that names no one ("hann",
"ráðherrann", "félagið") is resolved by code to a name in the sentences before it. A sentence
the parser cannot read falls back to its tokens (`tokenizer`) and BÍN lemmas (`islenska`),
and never raises. Verbs and their acts are data (`acts` in lexicon/is.toml); values come from
`lang.values`. Nothing is fetched: reynir ships its grammar (and writes a binary copy of it
beside it in site-packages the first time it runs).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from briefing.lang import icelandic, lexicon
from briefing.lang.parse_is_reading import ACTS, Mention, Reading, from_tokens, same_head
from briefing.lang.parse_is_tokens import plain_toks, reynir_toks
from briefing.lang.parse_is_tree import from_tree
from briefing.lang.values import Value, values

__all__ = [
    "ACTS",
    "SentenceFacts",
    "Word",
    "english_attribution",
    "facts",
    "parse_score",
    "title_holder",
    "words",
]

_Context = list[tuple[tuple[Mention, ...], tuple[Mention, ...]]]


@dataclass(frozen=True)
class SentenceFacts:
    """Who says what in one Icelandic sentence.

    `speakers`: the named holders of the sentence's act, in the nominative, as the source
    writes them ("Icelandair", "Play"); `speaker` is the first. `resolved_from` says how a
    holder the sentence does not name in full was found in the sentences before: "pronoun"
    (hann, hún), "title" (ráðherrann, formaður félagsins), "noun" (félagið: an organisation
    named before), "name" (a part of a name completed: "Ástráður" -> "Ástráður Bergsson");
    None when the sentence names its holder in full. `verb` is the lemma (or phrase, "fara
    fram á") of the main clause's verb of saying, agreeing, refusing or demanding, `act` its
    kind (`ACTS`); both None when there is none. `parsed`: Greynir gave a tree.
    """

    text: str
    parsed: bool
    speakers: tuple[str, ...]
    resolved_from: str | None
    verb: str | None
    act: str | None
    negated: bool
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]
    values: frozenset[Value]

    @property
    def speaker(self) -> str | None:
        return self.speakers[0] if self.speakers else None


def facts(sentence: str, before: Sequence[str] = ()) -> SentenceFacts:
    """The facts of `sentence`, its holder resolved against the sentences `before` it (in
    text order, the nearest last). Memoised; never raises on text Greynir cannot parse."""
    return _facts(sentence, tuple(before))


def title_holder(sentence: str, elsewhere: Sequence[str]) -> tuple[str, int] | None:
    """The one person sentences `elsewhere` (the story's other Icelandic articles) give
    the title that alone names the holder of `sentence` ("Borgarstjóri sagði á fundinum…"
    in an article that never names the mayor, where another writes "Heiða Björg
    Hilmisdóttir borgarstjóri"), with the index of the first sentence naming them; None
    where the holder is named otherwise, or no one or more than one person has the title."""
    holder = _reading(sentence).holder
    if holder is None or holder.how != "noun":
        return None
    found: dict[str, int] = {}
    for n, text in enumerate(elsewhere):
        for m in _reading(text).mentions:
            if m.person and m.title and same_head(m.title, holder.lemmas):
                found.setdefault(m.name, n)
    return next(iter(found.items())) if len(found) == 1 else None


def english_attribution(found: SentenceFacts) -> str | None:
    """A short English frame from parsed facts only ("Gunnar Þór Einarsson rejected"), names
    as the source writes them; None without a named speaker or a verb of saying."""
    if not found.speakers or found.act is None:
        return None
    table = lexicon.table("acts.english", "is")
    verb = table.get(found.verb or "") or table.get(found.act)
    if not verb:
        return None
    return f"{' and '.join(found.speakers)} {verb}"


@functools.lru_cache(maxsize=4096)
def _facts(sentence: str, before: tuple[str, ...]) -> SentenceFacts:
    reading = _reading(sentence)
    speakers, how = _resolve(reading, _context(before))
    mentions = reading.mentions
    return SentenceFacts(
        text=sentence,
        parsed=reading.parsed,
        speakers=tuple(dict.fromkeys(m.name for m in speakers)),
        resolved_from=how,
        verb=reading.verb,
        act=reading.act,
        negated=reading.negated,
        people=tuple(dict.fromkeys(m.name for m in mentions if m.person)),
        organisations=tuple(dict.fromkeys(m.name for m in mentions if not m.person)),
        places=reading.places,
        values=frozenset(values(sentence, "is")),
    )


# --- the parser ---------------------------------------------------------------------------


@functools.cache
def _parser() -> Any:
    """One Greynir per process (it loads its grammar once); None if reynir will not load."""
    try:
        from reynir import Greynir

        return Greynir()
    except Exception:  # an install without reynir still reads sentences, by tokens
        return None


@functools.lru_cache(maxsize=8192)
def parse_score(text: str) -> int | None:
    """Greynir's score of the best parse of `text` (summed over its sentences): how well
    formed the parser finds it, comparable only between variants of one text; None when a
    sentence has no parse or reynir will not load."""
    parser = _parser()
    if parser is None:
        return None
    try:
        sentences = parser.parse(text)["sentences"]
    except Exception:  # Greynir's own failure is a text it cannot read
        return None
    if not sentences or any(s.tree is None for s in sentences):
        return None
    return sum(s.score for s in sentences)


@functools.lru_cache(maxsize=4096)
def name_nominative(name: str) -> str:
    """A name of several words in the nominative, by Greynir's noun-phrase reading: "að
    sögn Hrafnhildar Sifjar Gunnarsdóttur" names her in the genitive only, "Hrafnhildur
    Sif Gunnarsdóttir". As written where Greynir reads it otherwise (a foreign name it
    does not parse, a reading of another number of words) or reynir will not load."""
    try:
        from reynir import NounPhrase

        found = NounPhrase(name).nominative
    except Exception:  # Greynir's own failure is a phrase it cannot read
        return name
    return found if found and len(found.split()) == len(name.split()) else name


@dataclass(frozen=True)
class Word:
    """One word as Greynir's parse reads it: BÍN lemma, word class ("no", "so", "lo", …)
    and the forms' features ("et", "þgf", "kvk", "mm", "lhþt", …)."""

    text: str
    lemma: str
    category: str
    variants: tuple[str, ...]


def words(text: str) -> tuple[Word, ...] | None:
    """The words of `text` as the best parse reads them, each in its context ("hætta á
    frekari skriðuföllum": the noun, danger, not the verb, quit); None where Greynir
    gives no tree. From the one parse `facts` reads."""
    return _read(text)[1]


def _reading(text: str) -> Reading:
    return _read(text)[0]


@functools.lru_cache(maxsize=8192)
def _read(text: str) -> tuple[Reading, tuple[Word, ...] | None]:
    """One Greynir parse of a sentence, kept as what the callers read of it (the parse
    itself, a tree per sentence, is not kept): its reading and its words."""
    parser, sentence = _parser(), None
    if parser is not None:
        try:
            sentence = parser.parse_single(text)
        except Exception:  # Greynir's own failure is a sentence it cannot read
            sentence = None
    tree = getattr(sentence, "tree", None)
    if tree is None:
        return _from_tokens(sentence, text), None
    found = tuple(
        Word(t.text, t.lemma or "", t.category or "", tuple(t.variants)) for t in sentence.terminals
    )
    try:
        return from_tree(tree, [t.txt for t in sentence.tokens]), found
    except Exception:  # a tree of a shape not foreseen: read the tokens instead
        return _from_tokens(sentence, text), found


def _from_tokens(sentence: Any, text: str) -> Reading:
    tokens = getattr(sentence, "tokens", None)
    return from_tokens(reynir_toks(tokens) if tokens else plain_toks(text), parsed=False)


# --- resolving a holder against the sentences before --------------------------------------


def _context(before: tuple[str, ...]) -> _Context:
    """For each sentence before, in order: its resolved holders and the names it gives."""
    context: _Context = []
    for text in before:
        reading = _reading(text)
        context.append((_resolve(reading, context)[0], reading.mentions))
    return context


def _candidates(
    context: _Context,
) -> Iterator[Mention]:
    """Names a sentence can point back at, nearest first: each sentence's holder before the
    others it names, the last named first."""
    for holders, mentions in reversed(context):
        yield from holders
        yield from reversed(mentions)


def _resolve(reading: Reading, context: _Context) -> tuple[tuple[Mention, ...], str | None]:
    holder = reading.holder
    if holder is None:
        return (), None
    if holder.how == "name":
        completed = [_complete(m, reading.mentions, context) for m in holder.names]
        how = "name" if completed != list(holder.names) else None
        return tuple(completed), how
    if holder.how == "pronoun":
        if holder.gender not in ("kk", "kvk"):
            return (), None
        for m in _candidates(context):
            if m.person and m.gender == holder.gender:
                return (m,), "pronoun"
            if m.person and m.gender is None:  # "Tomasz Wójcik", whom BÍN gives no gender,
                return (), None  # stands nearer than any man named before "Hann segir"
        return (), None
    for m in _candidates(context):
        if m.person and m.title and same_head(m.title, holder.lemmas):
            return (m,), "title"
    if holder.definite:
        for m in _candidates(context):
            if not m.person and any(same_head(head, holder.lemmas) for head in m.head):
                return (m,), "noun"
    return (), None


def _complete(mention: Mention, own: tuple[Mention, ...], context: list[Any]) -> Mention:
    """A one-word name ("Ástráður", "Pútín") completed by the fuller name it is part of, in
    this sentence or the nearest one before ("Ástráður Bergsson", "Vladimir Pútín")."""
    if len(mention.name.split()) > 1:
        return mention
    for m in [*reversed(own), *_candidates(context)]:
        parts = m.name.split()
        if len(parts) < 2 or m.person != mention.person:
            continue
        matched = next((p for p in parts if icelandic.names_match(p, mention.name)), None)
        if matched is not None:
            return replace(m, name=_nominative(parts, matched, mention.name))
    return mention


def _nominative(parts: list[str], matched: str, nominative: str) -> str:
    """A fuller name put in the case of the one-word name that matched it: the ending that
    one's nominative lacks ("Pútíns" for "Pútín") is cut from each part BÍN does not know
    ("Vladimirs Pútíns" -> "Vladimir Pútín")."""
    ending = matched[len(nominative) :] if matched.startswith(nominative) else ""
    named = []
    for part in parts:
        if part == matched:
            part = nominative
        elif ending and part.endswith(ending) and not icelandic.lemmas(part):
            part = part[: -len(ending)]
        named.append(part)
    return " ".join(named)
