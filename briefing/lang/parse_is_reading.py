"""What one Icelandic sentence says without its context: the pieces `parse_is` reads.

A reading is built from a Greynir tree (`parse_is_tree`) or, where there is none, from the
sentence's tokens (`parse_is_tokens`); both give `Tok`s, and this module reads the act, its
holder and negation from tokens. The verbs of each act are data (`acts` in lexicon/is.toml).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.lang import lexicon
from briefing.lang.icelandic import lemmas

__all__ = [
    "ACTS",
    "QUOTES",
    "Holder",
    "Mention",
    "Reading",
    "Tok",
    "according_to",
    "act_at",
    "after_quote",
    "deed",
    "from_tokens",
    "is_negation",
    "is_role",
    "same_head",
]

ACTS = ("say", "agree", "refuse", "demand", "other")
QUOTES = frozenset("“”\"»«'")


@dataclass(frozen=True)
class Mention:
    """A person or organisation a sentence names: a candidate for a later "hann"."""

    name: str
    person: bool
    gender: str | None = None  # BÍN gender of a person: "kk", "kvk"
    title: str | None = None  # lemma of the role noun beside a person's name ("forstjóri")
    head: frozenset[str] = frozenset()  # lemmas of an organisation's head noun ("félag")


@dataclass(frozen=True)
class Holder:
    """The subject of the act verb as the sentence gives it: names, a pronoun or a noun."""

    how: str  # "name", "pronoun" or "noun"
    names: tuple[Mention, ...] = ()
    lemmas: frozenset[str] = frozenset()
    gender: str | None = None
    definite: bool = False


@dataclass(frozen=True)
class Tok:
    """One word of a sentence, from the tree or the tokenizer, with what BÍN says of it."""

    text: str
    lemmas: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()  # lemmas it has as a verb
    noun: bool = False
    pronoun: bool = False
    gender: str | None = None
    definite: bool = False
    mention: Mention | None = None
    place: str | None = None


@dataclass(frozen=True)
class Reading:
    """What a sentence says without its context; cached per sentence text."""

    parsed: bool
    verb: str | None
    act: str | None
    negated: bool
    holder: Holder | None
    mentions: tuple[Mention, ...]
    places: tuple[str, ...]


DEED = "deeds"  # a verb of saying its particle makes a deed: "skrifuðu undir" (signed)


@functools.cache
def _acts() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each act phrase as words ("fara", "fram", "á") with its act, longest phrase first;
    a deed ("skrifa undir") with `DEED`."""
    found = {
        tuple(p.split()): act for act in (*ACTS, DEED) for p in lexicon.words(f"acts.{act}", "is")
    }
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


def act_at(verbs: Iterable[str], following: Sequence[str]) -> tuple[str, str] | None:
    """(phrase, act) of the act a verb with lemmas `verbs` starts, given the lower-case words
    after it; a particle may come one word later ("heldur því fram"), a deed's up to three
    ("skrifuðu í dag undir"). None for a deed."""
    found = _phrase_at(verbs, following)
    return None if found is None or found[1] == DEED else (" ".join(found[0]), found[1])


def _phrase_at(
    verbs: Iterable[str], following: Sequence[str]
) -> tuple[tuple[str, ...], str] | None:
    """The act phrase (its words, its act) a verb with lemmas `verbs` starts, deeds too."""
    known = set(verbs)
    for words, act in _acts():
        rest = words[1:]
        skips = range(4) if act == DEED else range(2)
        if words[0] in known and any(
            tuple(following[skip : skip + len(rest)]) == rest for skip in skips
        ):
            return words, act
    return None


def deed(text: str) -> bool:
    """The sentence's first verb of saying (by BÍN lemma) is one its particle makes a deed
    ("Næring sagði samningnum við bæinn upp": gave notice), no claim anyone makes."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    for i, word in enumerate(words):
        found = _phrase_at(lemmas(word), words[i + 1 :])
        if found is not None:
            return found[1] == DEED
    return False


def is_negation(word: str, lemmas: Iterable[str] = ()) -> bool:
    negations = lexicon.wordset("negations.words", "is")
    return word.lower() in negations or any(lemma in negations for lemma in lemmas)


def same_head(known: str, lemmas: Iterable[str]) -> bool:
    """A noun names what `known` names: the same lemma, or the last part of a compound
    ("ráðherrann" is the "innviðaráðherra", "sambandið" the "Kennarasamband Íslands")."""
    known = known.lower()
    return any(known == x or (len(x) >= 4 and known.endswith(x)) for x in map(str.lower, lemmas))


def is_role(lemmas: Iterable[str]) -> bool:
    """A noun that names a person by role ("formaður", "framkvæmdastjóri"), not a body."""
    endings = lexicon.words("roles.endings", "is")
    return any(lemma.lower().endswith(endings) for lemma in lemmas)


def from_tokens(toks: list[Tok], parsed: bool) -> Reading:
    verb = act = holder = None
    not_after = lexicon.wordset("negations.not_after", "is")
    lowered = [t.text.lower() for t in toks]
    for i, tok in enumerate(toks):
        found = act_at(tok.verbs, lowered[i + 1 :]) if tok.verbs else None
        if found is not None:
            (verb, act), holder = found, _token_holder(toks, i)
            break
    if verb is None:
        holder, act = according_to(toks)
    negated = any(
        is_negation(t.text) and not (i and lowered[i - 1] in not_after) for i, t in enumerate(toks)
    )
    mentions = tuple(t.mention for t in toks if t.mention is not None)
    return Reading(
        parsed=parsed,
        verb=verb,
        act=act,
        negated=negated,
        holder=holder,
        mentions=mentions,
        places=tuple(dict.fromkeys(t.place for t in toks if t.place)),
    )


def after_quote(words: list[str]) -> bool:
    """Whether the words before a verb end a quotation ("…,“ sagði", "…“, sagði")."""
    while words and words[-1] == ",":
        words = words[:-1]
    return bool(words) and words[-1] in QUOTES


def _token_holder(toks: list[Tok], at: int) -> Holder | None:
    """The subject of the verb at `at`: after it where a quotation ends before it ("“ sagði
    Pútín"); else the nearest name before it in its clause (an apposition between them
    passed over), or the pronoun or noun right before it (auxiliaries aside: "Félagið
    hefur sagt")."""
    if after_quote([t.text for t in toks[:at]]):
        return _tok_holder(toks[at + 1]) if at + 1 < len(toks) else None
    end = at
    if at and toks[at - 1].text == ",":  # an apposition: "Gunnar, forstjóri Isavia, sagði"
        end = next((i for i in range(at - 2, -1, -1) if toks[i].text == ","), at)
    for tok in reversed(toks[:end]):
        if tok.text in QUOTES or tok.text == ":":
            break
        if tok.mention is not None:
            return Holder("name", names=(tok.mention,))
    for tok in reversed(toks[:at]):
        if not tok.verbs or tok.noun or tok.pronoun:
            return _tok_holder(tok)
    return None


def _tok_holder(tok: Tok) -> Holder | None:
    if tok.mention is not None:
        return Holder("name", names=(tok.mention,))
    if tok.pronoun:
        return Holder("pronoun", lemmas=tok.lemmas, gender=tok.gender)
    if tok.noun:
        return Holder("noun", lemmas=tok.lemmas, definite=tok.definite)
    return None


def according_to(toks: list[Tok]) -> tuple[Holder | None, str | None]:
    """ "Að sögn Isavia", "samkvæmt tölum Isavia": a source named right after a phrase of
    attribution, or after one noun more, holds what the sentence says: an act of saying.
    A pronoun inside the phrase ("Að hans sögn") holds it too, to be resolved to whom it
    means."""
    lowered = [t.text.lower() for t in toks]
    said = _pronoun_phrase([w for t in lowered for w in t.split()])
    if said is not None:
        return said, "say"
    for phrase in lexicon.words("acts.according_to", "is"):
        words = phrase.split()
        for i in range(len(toks) - len(words)):
            if lowered[i : i + len(words)] != words:
                continue
            after = toks[i + len(words) : i + len(words) + 2]
            named = [t.mention for t in after[:1]] + [t.mention for t in after[1:] if after[0].noun]
            source = next((m for m in named if m is not None), None)
            if source is not None:
                return Holder("name", names=(source,)), "say"
    return None, None


def _pronoun_phrase(words: list[str]) -> Holder | None:
    """The person's pronoun inside a two-word phrase of attribution ("Að hans sögn", one
    adverb to Greynir) or right after it ("Að sögn hennar"): the person it means holds
    what the sentence says."""
    genders = lexicon.table("pronouns.gender", "is")
    for phrase in lexicon.words("acts.according_to", "is"):
        first, *rest = phrase.split()
        if len(rest) != 1:
            continue
        for i in range(len(words) - 2):
            if words[i] != first:
                continue
            if words[i + 2] == rest[0]:
                pronoun = words[i + 1]  # "Að hans sögn"
            elif words[i + 1] == rest[0]:
                pronoun = words[i + 2]  # "Að sögn hennar"
            else:
                continue
            gender = next((genders[m] for m in lemmas(pronoun) if m in genders), None)
            if gender is not None:
                return Holder("pronoun", lemmas=frozenset({pronoun}), gender=gender)
    return None
