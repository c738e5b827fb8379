"""Who holds a position, by code, in any language: the named person or body the
sentence means, with "he", "the minister" or "the dictator" resolved to the person the
sentences before it name.

The first name a sentence gives is, in news prose, its subject or its source ("Putin
said", "according to the ministry"); a sentence naming no one continues the last one
that named someone. The name is given in the article's fullest form of it ("Putin" ->
"Vladimir Putin"), matched across inflection by stem ("Pútíns" ~ "Pútín", "Путина" ~
"Путин"). For Icelandic the parse (`stages.speakers`) knows more; this is what every
language gets.
"""

from __future__ import annotations

import functools
import re

from briefing.lang import lexicon
from briefing.lang.fold import fold
from briefing.lang.names import names_in
from briefing.lang.quotation import quoted_spans

__all__ = ["holder_in", "said_in", "same_name"]

BEFORE = 4  # sentences back a pronoun, title or epithet is resolved against
STEM = 4  # letters two forms of one name share at least
WORD = re.compile(r"\w[\w'’-]*")


def holder_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of sentence `at` of an article, in the article's fullest form of the
    name; None where no sentence up to `BEFORE` back names anyone. Words inside quotation
    marks are what is said, not who says it ("„Das ist wichtig“, sagte Lenz")."""
    plain = [_unquoted(s) for s in sentences]
    known = [n for n in names_in(plain) if not _not_holder(n, lang)]
    for back in range(0, BEFORE + 1):
        if at - back < 0:
            break
        text = plain[at - back]
        if back == 0 and _pronoun_holds(text, lang):
            continue  # "She said Oslo would...": she is someone named before
        named = _saying(text, known, lang) or _first_name(text, known, lang)
        if named is not None:
            return _fullest(named, known, lang)
    return None


def said_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of a verb of saying that sentence `at` names itself ("Trump noted
    that..."), in the article's fullest form; None where it has no such verb, or its
    subject is a pronoun or a name of another sentence."""
    plain = [_unquoted(s) for s in sentences]
    if _pronoun_holds(plain[at], lang):
        return None
    known = [n for n in names_in(plain) if not _not_holder(n, lang)]
    named = _saying(plain[at], known, lang)
    return _fullest(named, known, lang) if named else None


def _saying(text: str, known: list[str], lang: str) -> str | None:
    """Who the text's first verb of saying belongs to: the name the sentence opens with,
    set off by a comma ("Ásgeir Þórðarson, bæjarstjóri Grindavíkur, segir"), else the
    name of two words or more nearest before the verb, else the nearest one ("The
    director of the Fram Centre, Kari Lindqvist, called"; a place is one word), else the
    first after it ("said Trump")."""
    cue = _cue(lang).search(text)
    if cue is None:
        return None
    before = _names_at(text[: cue.start()], known, lang)
    if before:
        first_at, first = before[0]
        if not text[:first_at].strip() and text[first_at:].split(",")[0].strip() == first:
            return first  # the sentence opens "Name, title of Body, said"
        people = [name for _, name in before if len(_parts(name, lang)) > 1]
        return (people or [name for _, name in before])[-1]
    after = _names_at(text[cue.end() :], known, lang)
    return after[0][1] if after else None


def _pronoun_holds(text: str, lang: str) -> bool:
    """A pronoun is the subject of the verb of saying ("She warned", "sagði hann") where
    it stands before the verb or right after it and no name comes before the verb (not
    "Natarajan said she", not "Trump noted that he")."""
    cue = _cue(lang).search(text)
    if cue is None:
        return False
    near = [
        m
        for m in _pronoun(lang).finditer(text)
        if cue.start() - 24 <= m.start() < cue.start() or not text[cue.end() : m.start()].strip()
    ]
    if not near:
        return False
    before = [
        m.group() for m in WORD.finditer(text, 0, cue.start()) if m.start() != near[0].start()
    ]
    return not any(w[:1].isupper() and not _minor(w, lang) for w in before)


@functools.cache
def _cue(lang: str) -> re.Pattern[str]:
    listed = "|".join(
        a for a in (lexicon.alternation(k, lang) for k in ("kinds.saying", "speech.holder")) if a
    )
    return re.compile(rf"(?<!\w)(?:{listed or '(?!)'})(?!\w)", re.IGNORECASE)


@functools.cache
def _pronoun(lang: str) -> re.Pattern[str]:
    listed = lexicon.alternation("pronouns.person", lang) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{listed})(?!\w)", re.IGNORECASE)


def _names_at(text: str, known: list[str], lang: str) -> list[tuple[int, str]]:
    """(offset, known name) of every capitalised word of the text that is a name's form."""
    out = []
    for match in WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper() or _minor(word, lang):
            continue
        for name in sorted(known, key=len, reverse=True):
            if any(same_name(word, part) for part in _parts(name, lang)):
                if not out or out[-1][1] != name:
                    out.append((match.start(), name))
                break
    return out


def _unquoted(text: str) -> str:
    """The text with what its quotation marks enclose blanked out."""
    for start, end in reversed(quoted_spans(text, 0, len(text))):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _first_name(text: str, known: list[str], lang: str) -> str | None:
    """The known name the text gives first, in any inflection; a name of a person or
    body (two words or more) before a one-word one, which is as often a place."""
    found = _names_at(text, known, lang)
    return min(found, key=lambda f: (len(f[1].split()) < 2, f[0]))[1] if found else None


def _fullest(name: str, known: list[str], lang: str) -> str:
    """The longest known name holding every part of `name`."""
    parts = _parts(name, lang)
    wider = [k for k in known if all(any(same_name(p, q) for q in _parts(k, lang)) for p in parts)]
    fullest = max(wider, key=lambda k: (len(k.split()), len(k)), default=name)
    words = fullest.split()
    while len(words) > 1 and _minor(words[0], lang):
        words.pop(0)  # "Die Gewerkschaft Schiene": the article is no part of the name
    return " ".join(words)


def _parts(name: str, lang: str) -> list[str]:
    """The words of a name that tell it apart: not "Le", "Die" or "de"."""
    return [p for p in name.split() if not _minor(p, lang)] or name.split()


def _minor(word: str, lang: str) -> bool:
    return len(word) < 3 or word.lower() in lexicon.wordset("words.common", lang) | {
        w.lower() for w in lexicon.words("names.not_names", lang)
    }


def same_name(a: str, b: str) -> bool:
    """Two forms of one name, inflection aside: equal folded, or sharing a stem of at
    least `STEM` letters with at most three letters of ending each, one more letter of
    stem where both have an ending ("Pútíns" ~ "Pútín", "Hrafnhildar" ~ "Hrafnhildur",
    "Путина" ~ "Путин"; not "Trump" ~ "Truman")."""
    x, y = fold(a), fold(b)
    if x == y:
        return True
    common = len(_prefix(x, y))
    endings = (len(x) - common, len(y) - common)
    stem = STEM + (min(endings) > 0)
    return common >= stem and max(endings) <= 3


def _prefix(x: str, y: str) -> str:
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return x[:n]


def _not_holder(name: str, lang: str) -> bool:
    """Months, weekdays and the like are capitalised but hold nothing."""
    return name.lower() in lexicon.wordset("words.common", lang) | lexicon.wordset(
        "words.days", lang
    )
