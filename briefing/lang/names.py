"""Proper names in a sentence, found by capitalisation: the actors a statement may name.

A capitalised word inside a sentence starts a name ("Lars Øvrebø", "Nordic Wire"); a
sentence's first word only counts when it is followed by another capitalised word or
is seen capitalised inside a sentence elsewhere. Good enough to offer the model a list
of actors to choose from, and to ask whether a statement's names occur in its evidence.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from briefing.lang import lexicon
from briefing.lang.calendar import month_names, weekday_names
from briefing.lang.fold import fold, latin, loose_fold

UPPER = "A-ZÁÉÍÓÚÝÞÆÖÐÄÅØÜÑÇÈÊÀÂÎÔÛŒА-ЯЁ"
WORD = rf"[{UPPER}][\w'’.-]*\w|[{UPPER}]"
PARTICLES = lexicon.alternation("names.particles", "en")
LINKING = lexicon.alternation("names.linking", "en")
# a possessive ends a name: "Greenpeace Poland's Anna Ogniewska" names two; lower-case
# particles join capitalised words: "Ursula von der Leyen", "Port of Rotterdam Authority"
NAME = re.compile(
    rf"(?<![\w'’-])(?:{WORD})"
    rf"(?:(?<!['’]s)[ \t]+(?:(?:{PARTICLES}|{LINKING})[ \t]+)*(?:{WORD}))*"
)
NOT_NAMES = (
    lexicon.wordset("names.not_names", "en", "is", "de", "ru")
    # a weekday or month in any language: "Seit Montag …" names no one
    | frozenset(
        name[:1].upper() + name[1:]
        for lang in lexicon.LANGUAGES
        for names in (*weekday_names(lang), *month_names(lang))
        for name in names
    )
    # an ordinary word opening a sentence: "Since Monday, …" names no one
    | frozenset(w.capitalize() for w in lexicon.words("names.common_initial", "en"))
)


CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})


def in_script_of(name: str, lang: str) -> str:
    """A name as a reader of `lang` finds it: a Cyrillic name, for a reader of a language
    written in Latin letters, in those letters with the original beside it ("Oleg Savin
    (Олег Савин)"); any other name as it is."""
    written = latin(name)
    if written == name or lang.split("-")[0] in CYRILLIC_LANGUAGES:
        return name
    return f"{written} ({name})"


def as_written_in(name: str, texts: Iterable[str]) -> str:
    """The name as `texts` write it where they write it with other letters only, accents
    and Icelandic letters aside ("Sveinbjörn Indriðason" for "Sveinbjorn Indridason", as
    an Icelandic report writes the name an English one spelt without them); else as it is.
    An inflected form ("Sveinbjörns") folds otherwise and is not taken. The endings
    transliteration varies ("Zelenskiy", "Zelenskyy", "Zelensky") count as one."""
    size, folded = len(name.split()), _spelling(name)
    for text in texts:
        words = re.findall(r"[\w'’-]+", text)
        for i in range(len(words) - size + 1):
            written = " ".join(words[i : i + size])
            if written != name and _spelling(written) == folded and _cased_as(written, name):
                return written
    return name


@functools.cache
def determiners(lang: str) -> frozenset[str]:
    """Words opening a noun phrase: determiners, and the articles a language capitalising
    every noun writes before one (`names.common_after`)."""
    keys = ("names.determiners", "names.common_after")
    return frozenset(w.lower() for key in keys for w in lexicon.words(key, lang))


_WORDS = re.compile(r"[\w'’-]+")


def translated_name(name: str, original: str, english: str, lang: str) -> str | None:
    """The name as an English translation of its own sentence gives it, where the
    sentence (of `lang`) opens with the name after its determiners and the translation
    opens, after "The", with as many capitalised words, none written in the original,
    and no more: "Die Europäische Kommission begrüßte…" and "The European Commission
    welcomed…" give "European Commission". None otherwise: a person's name the
    translation keeps, "Hamburg's port", "Several environmental NGOs"."""
    words = _WORDS.findall(original)
    while words and words[0].lower() in determiners(lang):
        words = words[1:]
    size = len(name.split())
    if " ".join(words[:size]) != name:
        return None
    told = _WORDS.findall(english)
    if told and told[0].lower() in determiners("en"):
        told = told[1:]
    run, after = told[:size], told[size : size + 1]
    if len(run) < size or not all(w[:1].isupper() for w in run):
        return None
    if after and after[0][:1].isupper():
        return None  # the name runs on
    if {fold(w) for w in run} & {fold(w) for w in words}:
        return None  # written as the original writes it: no translation of it
    return " ".join(run)


def _cased_as(written: str, name: str) -> bool:
    """Each word opens in the case the name's does: "sveitarstjórn Múlaþings" after "með"
    is the council's name as a sentence writes it inside, no label of it."""
    return all(
        a[:1].isupper() == b[:1].isupper()
        for a, b in zip(written.split(), name.split(), strict=True)
    )


def _spelling(name: str) -> str:
    """`name` folded, with the ending of a transliterated Slavic name as one ("-skiy",
    "-skyy", "-sky" -> "-sky")."""
    return re.sub(r"(?:iy|yy|ij|ii|yi)\b", "y", fold(name))


@functools.cache
def _places(langs: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = lexicon.table("exonyms", *langs)
    return tuple((canon, tuple(fold(s) for s in stems)) for canon, stems in table.items())


def place_in(name: str, lang: str) -> str:
    """A label that is a place, as a reader of `lang` names it (`place_names`): AFP's "Le
    Danemark" is "Denmark" in English and "Danmörk" in Icelandic, Reuters' "Iceland" is
    "Ísland"; any other name, or a place `lang` has no name listed for, as it is. The
    place is the whole label but its determiners, as some language's name or exonym."""
    words = name.split()
    while len(words) > 1 and fold(words[0]) in lexicon.wordset("names.determiners"):
        words = words[1:]
    canon = _place_of(fold(" ".join(words)))
    return lexicon.table("place_names", lang).get(canon, name) if canon else name


@functools.cache
def _place_of(folded: str) -> str | None:
    for canon, stems in _places(lexicon.LANGUAGES):
        if folded in stems:
            return canon
    for lang in lexicon.LANGUAGES:
        for canon, written in lexicon.table("place_names", lang).items():
            if fold(written) == folded:
                return canon
    return None


def place_named(word: str, *langs: str) -> str | None:
    """The canonical place a folded word names by the `exonyms` of `langs` ("bandarikjanna",
    "united states" -> "america"; "rossiyu" -> "russia"), or None: a stem of four letters
    or more, or one ending in a hyphen ("us-"), opens the word; a shorter one is all of it."""
    for canon, stems in _places(langs):
        if any(word.startswith(s) if len(s) >= 4 or s.endswith("-") else word == s for s in stems):
            return canon
    return None


def name_parts(name: str, shortest: int = 1) -> set[str]:
    """The folded parts of a name ("Jean-Luc Pútín" -> {"jean", "luc", "putin"}), those
    shorter than `shortest` letters as written left out; brackets and quotation marks are
    no part ("Oleg Kravtsov (Олег Кравцов)", "Hamburger Hafen und Logistik AG (HHLA)")."""
    parts = (p.strip("()[]\"'«»„“”,.") for p in re.split(r"[\s-]+", name))
    return {fold(p) for p in parts if p and len(p) >= max(1, shortest)}


def same_person(a: str, b: str) -> bool:
    """The one test of "the same person" across outlets and languages: the names share a
    part of three letters or more, accents aside ("Donald Trump" ~ "Trump", "Pútín" ~
    "Putin", "Þórður" ~ "Thordur")."""
    return bool(name_parts(a, 3) & name_parts(b, 3))


# How alike each word of a Cyrillic name in Latin letters and a Latin name must be spelt
# (difflib's ratio, spelt as `loose_fold` spells) to be one name: transliteration drops
# letters the other language writes ("Элен Гарнье" is "Elen Garnye", 0.80 and 0.92 of
# "Hélène Garnier"; "Кремль" "Kreml", 0.83 of "Kremlin"), while two surnames of one
# family differ by an ending ("Ivanov", "Ivanova": 0.92) and stay one name too.
TRANSLITERATED_ALIKE = 0.8


def transliterated(cyrillic: str, name: str) -> bool:
    """`name`, written in Latin letters, is the Cyrillic name as another outlet spells it:
    as many words, each spelt alike (`TRANSLITERATED_ALIKE`)."""
    ours, theirs = loose_fold(latin(cyrillic)).split(), loose_fold(name).split()
    return len(ours) == len(theirs) and all(
        SequenceMatcher(None, a, b).ratio() >= TRANSLITERATED_ALIKE
        for a, b in zip(ours, theirs, strict=True)
    )


_PARTICLE_WORDS = frozenset(lexicon.words("names.particles", "en"))
_LINKING_WORDS = frozenset(lexicon.words("names.linking", "en"))
_ELIDED = re.compile(r"^\w['’]\w")  # French "L'avocat", "D'après": an article's elision


def _clean(name: str) -> str:
    words = [re.sub(r"['’]s$", "", w).strip(".'’-") for w in name.split()]
    for i in range(len(words) - 1, 0, -1):
        before = words[i - 1]
        if words[i] in _LINKING_WORDS and _title(before):
            words = words[i + 1 :]  # "Mayor of Reykjavík …": the office, then the name
            break
        if words[i] in _PARTICLE_WORDS and (
            lexicon.noun_kind(before, "de") == "common" or _ELIDED.match(before)
        ):
            # "Regierung von Kanzler Merz", "L'avocat de Rhône Bâtir", "D'après la
            # Direction": a noun's or a preposition's "von", "de", "la", no name's
            words = words[i + 1 :]
            break
    while words and (words[0] in NOT_NAMES or words[0] in _PARTICLE_WORDS | _LINKING_WORDS):
        words.pop(0)
    return " ".join(w for w in words if w)


def linked(part: str, name: str) -> bool:
    """`part` is in `name` only after a linking word, as the place or field a body is of
    ("Rotterdam" in "Port of Rotterdam Authority"): no form of the body's name."""
    words = name.split()
    at = [i for i, w in enumerate(words) if w == part]
    return bool(at) and all(i > 0 and words[i - 1] in _LINKING_WORDS for i in at)


TITLES = frozenset(w.lower() for w in lexicon.words("words.titles"))  # every language's
MIN_TITLE_TAIL = 5  # letters of a title a compound may end in ("Verkehrsministerin")
_TAILS = tuple(t for t in TITLES if len(t) >= MIN_TITLE_TAIL and " " not in t)


def untitled(name: str) -> str:
    """The person a label names after the titles and roles it opens with: the words after
    its last title ("Niedersachsens Verkehrsministerin Petra Wulf" -> "Petra Wulf",
    "GSV-Chef Holger Brandt" -> "Holger Brandt"), where two or more capitalised words
    follow it; else the label as it is ("President of the United States Donald Trump")."""
    words = name.split()
    last = max((i for i, w in enumerate(words) if _title(w)), default=None)
    rest = words[last + 1 :] if last is not None else []
    return " ".join(rest) if len(rest) >= 2 and all(w[:1].isupper() for w in rest) else name


def titled_other(label: str, name: str) -> bool:
    """`label` names a person after their titles, and `name` is none of that person
    ("KazGeoTherm Chief Executive Daulet Iskakov" for "KazGeoTherm"): no fuller form of
    `name`, though it holds it."""
    person = untitled(label)
    return person != label and not same_person(name, person)


def _title(word: str) -> bool:
    """A title, or a compound ending in one ("Verkehrsministerin", "GSV-Chef")."""
    tail = word.lower().split("-")[-1]
    return tail in TITLES or tail.endswith(_TAILS)


def names_in(sentences: list[str]) -> list[str]:
    """Names in `sentences`, first seen first, each once."""
    inner: set[str] = set()
    found: list[tuple[int, str]] = []
    for text in sentences:
        for match in NAME.finditer(text):
            at_start = not text[: match.start()].strip(" \"'“„‘«([")
            name = _clean(match.group())
            if not name:
                continue
            if at_start and not match.group().startswith(name.split()[0]):
                at_start = False  # "The Unite union": the word after "The" is a name
            for n, part in enumerate(p for run in _by_script(name) for p in _of_place(run)):
                first = at_start and n == 0
                if not first:
                    inner.update(part.split())
                found.append((int(first and len(part.split()) == 1), part))
    names: dict[str, None] = {}
    for initial, name in found:
        if not initial or name in inner:
            names.setdefault(name)
    return list(names)


def _of_place(name: str) -> list[str]:
    """A person's name and the place set off after it ("Lars Øvrebø of Norway",
    "Sigrún Helgadóttir of Iceland"): two names, the person's and the place's. A body's
    name keeps its place ("Bank of England", "University of Iceland", "Port of
    Rotterdam Authority"): a common noun or a title opens it, or it is one word."""
    words = name.split()
    at = next((i for i, w in enumerate(words) if w in _LINKING_WORDS), None)
    if at is None or at < 2 or at == len(words) - 1:
        return [name]
    before, after = words[:at], " ".join(words[at + 1 :])
    if place_named(fold(after)) is None or any(
        lexicon.english_noun(w.lower()) or _title(w) for w in before
    ):
        return [name]
    return [" ".join(before), after]


def _by_script(name: str) -> list[str]:
    """A run of capitalised words split where the script changes: no name is written in
    two ("представитель профсоюза FNV Havens Йост Бринкман" gives the union and the man,
    "Профсоюзы FNV Havens" the word "unions" and the union)."""
    runs = itertools.groupby(name.split(), key=lambda word: latin(word) == word)
    return [" ".join(words) for _, words in runs]


COORDINATED_WORDS = 6  # the most words between two names joined as one subject


def coordinated(text: str, lang: str) -> list[str]:
    """The names of two or more words that `text` joins by a coordinator of its language
    (`grammar.coordinators`), a title or apposition between them allowed ("von
    Bundeskanzlerin Angela Merkel und Präsident Emmanuel Macron", "Claire Dubois, et son
    homologue islandais, Logi Einarsson"): subjects of one statement, neither its alone."""
    words = lexicon.wordset("grammar.coordinators", lang)
    found = [(m.start(), m.end(), m.group()) for m in NAME.finditer(text)]
    people = [f for f in found if len(_clean(f[2]).split()) > 1]
    out: list[str] = []
    for (_, end, first), (start, _, second) in itertools.pairwise(people):
        between = re.findall(r"[^\W\d_]+", text[end:start])
        if len(between) <= COORDINATED_WORDS and any(w.lower() in words for w in between):
            out += [_clean(first), _clean(second)]
    return list(dict.fromkeys(n for n in out if n))
