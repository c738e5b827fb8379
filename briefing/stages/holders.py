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
from dataclasses import dataclass

from briefing.lang import lexicon
from briefing.lang.fold import fold
from briefing.lang.names import names_in
from briefing.lang.quotation import unquoted

__all__ = ["holder_in", "said_in", "same_name"]

BEFORE = 4  # sentences back a pronoun, title or epithet is resolved against
STEM = 4  # letters two forms of one name share at least
WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True)
class _Article:
    """An article read once for its holders: sentences with quotations blanked, its
    names longest first, and each name under the first letters of each of its parts, so
    a word is compared with the few names it could be a form of (a 600-sentence article
    is read in linear time)."""

    plain: tuple[str, ...]
    known: tuple[str, ...]
    index: dict[str, tuple[str, ...]]
    lang: str


@functools.lru_cache(maxsize=32)
def _article(sentences: tuple[str, ...], lang: str) -> _Article:
    plain = tuple(unquoted(s) for s in sentences)
    named = (_untitled(n, lang) for n in names_in(list(plain)) if not _not_holder(n, lang))
    known = sorted({n for n in named if n}, key=len, reverse=True)
    index: dict[str, list[str]] = {}
    for name in known:
        for part in _parts(name, lang):
            index.setdefault(_key(part), []).append(name)
    return _Article(plain, tuple(known), {k: tuple(v) for k, v in index.items()}, lang)


def holder_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of sentence `at` of an article, in the article's fullest form of the
    name; None where no sentence up to `BEFORE` back names anyone. Words inside quotation
    marks are what is said, not who says it ("„Das ist wichtig“, sagte Lenz")."""
    article = _article(tuple(sentences), lang)
    for back in range(0, BEFORE + 1):
        if at - back < 0:
            break
        text = article.plain[at - back]
        if back == 0 and (_pronoun_holds(text, lang) or _title_holds(text, article)):
            continue  # "She said Oslo would...", "Die Ministerin kündigte an": named before
        named = _saying(text, article) or _first_name(text, article)
        if named is not None:
            return _fullest(named, article)
    return None


def said_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of a verb of saying that sentence `at` names itself ("Trump noted
    that..."), in the article's fullest form; None where it has no such verb, or its
    subject is a pronoun or a name of another sentence."""
    article = _article(tuple(sentences), lang)
    if _pronoun_holds(article.plain[at], lang) or _title_holds(article.plain[at], article):
        return None
    named = _saying(article.plain[at], article)
    return _fullest(named, article) if named else None


def _title_holds(text: str, article: _Article) -> bool:
    """The sentence opens with a title or role and names no one before its verb of
    saying ("Die Ministerin kündigte an", "La présidente a promis"): the title stands for
    someone named before."""
    words = [m.group() for m in WORD.finditer(text)]
    while words and _minor(words[0], article.lang):
        words.pop(0)
    if not words or words[0].lower() not in _titles(article.lang):
        return False
    cue = _cue(article.lang).search(text)
    return cue is not None and not _names_at(text[: cue.start()], article)


def _untitled(name: str, lang: str) -> str:
    """The name without the article and titles a sentence opens with ("Die Ministerin",
    "Framkvæmdastjóri Hlíðarfisks" -> "Hlíðarfisks", "Ректор Череповецкого" ->
    "Череповецкого"): empty where nothing else is left."""
    words = name.split()
    while words and (_minor(words[0], lang) or words[0].lower() in _titles(lang)):
        words.pop(0)
    return " ".join(words)


@functools.cache
def _titles(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("words.titles", lang))


def _saying(text: str, article: _Article) -> str | None:
    """Who the text's first verb of saying belongs to: the name the sentence opens with,
    set off by a comma ("Ásgeir Þórðarson, bæjarstjóri Grindavíkur, segir"), else the
    name of two words or more nearest before the verb, else the nearest one ("The
    director of the Fram Centre, Kari Lindqvist, called"; a place is one word), else the
    first after it ("said Trump"). A name after a preposition of place is not the one
    saying it ("Útgerðarmenn á Íslandi sögðu")."""
    lang = article.lang
    cue = _cue(lang).search(text)
    if cue is None:
        return None
    before = [
        (at, name)
        for at, name in _names_at(text[: cue.start()], article)
        if not _in_place(text[:at], lang)
    ]
    if before:
        first_at, first = before[0]
        if not text[:first_at].strip() and text[first_at:].split(",")[0].strip() == first:
            return first  # the sentence opens "Name, title of Body, said"
        people = [name for _, name in before if len(_parts(name, lang)) > 1]
        return (people or [name for _, name in before])[-1]
    # after the verb, only a person's name ("said Trump"): a noun there is what is said
    after = [n for _, n in _names_at(text[cue.end() :], article) if _person(n, article)]
    return after[0] if after else None


def _in_place(before: str, lang: str) -> bool:
    """The words before a name end with a preposition of place (`names.places_after`)."""
    last = before.split()[-1:]
    return bool(last) and last[0].lower() in lexicon.wordset("names.places_after", lang)


def _person(name: str, article: _Article) -> bool:
    """A name whose fullest form has two words or more (a first name and a surname)."""
    return len(_parts(_fullest(name, article), article.lang)) > 1


def _pronoun_holds(text: str, lang: str) -> bool:
    """A pronoun is the subject of the verb of saying ("She warned", "sagði hann") where
    it stands before the verb or right after it and no name comes before the verb (not
    "Natarajan said she", not "Trump noted that he")."""
    if _pronoun(lang).match(text.lstrip(" \"'“„«")):
        return True  # "Er verwies darauf", "Hún hvetur": the sentence's subject
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


def _names_at(text: str, article: _Article) -> list[tuple[int, str]]:
    """(offset, known name) of every capitalised word of the text that is a name's form."""
    out: list[tuple[int, str]] = []
    for match in WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper() or _minor(word, article.lang):
            continue
        name = next(
            (
                n
                for n in article.index.get(_key(word), ())
                if any(same_name(word, part) for part in _parts(n, article.lang))
            ),
            None,
        )
        if name is not None and (not out or out[-1][1] != name):
            out.append((match.start(), name))
    return out


def _key(word: str) -> str:
    """Where a name part is filed: forms of one name share their first `STEM` letters."""
    return fold(word)[:STEM]


def _first_name(text: str, article: _Article) -> str | None:
    """The known name the text gives first, in any inflection; a name of a person or
    body (two words or more) before a one-word one, which is as often a place."""
    found = _names_at(text, article)
    return min(found, key=lambda f: (len(f[1].split()) < 2, f[0]))[1] if found else None


def _fullest(name: str, article: _Article) -> str:
    """The longest known name holding every part of `name`, without an opening article
    ("Die Gewerkschaft Schiene": the article is no part of the name)."""
    lang = article.lang
    parts = _parts(name, lang)
    candidates = dict.fromkeys(n for p in parts for n in article.index.get(_key(p), ()))
    wider = [
        k for k in candidates if all(any(same_name(p, q) for q in _parts(k, lang)) for p in parts)
    ]
    fullest = max(wider, key=lambda k: (len(k.split()), len(k)), default=name)
    words = fullest.split()
    while len(words) > 1 and _minor(words[0], lang):
        words.pop(0)
    return " ".join(words)


def _parts(name: str, lang: str) -> list[str]:
    """The words of a name that tell it apart: not "Le", "Die" or "de"."""
    return [p for p in name.split() if not _minor(p, lang)] or name.split()


def _minor(word: str, lang: str) -> bool:
    return len(word) < 3 or word.lower() in _minor_words(lang)


@functools.cache
def _minor_words(lang: str) -> frozenset[str]:
    """Common words and name openers ("Le", "Die"): never the part that names someone."""
    listed = lexicon.words("names.not_names", lang)
    return lexicon.wordset("words.common", lang) | {w.lower() for w in listed}


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
