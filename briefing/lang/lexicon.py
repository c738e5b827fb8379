"""The words code reads, per language, loaded from the data files in `lang/lexicon/`.

One home for language knowledge: verbs of saying, pronouns, titles, negations, numbers,
exonyms, connectives, loaded words. Adding a verb of saying or a language is an edit of
one TOML file; every stage, check and eval reads the words through these functions. A key
is a dotted path into a file ("speech.attribute"); a language without the key gives
nothing, so a caller may ask every language at once.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import sys
from collections.abc import Iterable
from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "LANGUAGES",
    "alternation",
    "as_written_or_capitalised",
    "connective",
    "flag",
    "loaded_matches",
    "loaded_words",
    "noun_kind",
    "subject_pronouns",
    "table",
    "words",
    "words_under",
    "wordset",
]

LANGUAGES = ("en", "is", "de", "fr", "ru")


@functools.cache
def _text(lang: str) -> str:
    if lang not in LANGUAGES:
        return ""
    return files("briefing.lang").joinpath("lexicon", f"{lang}.toml").read_text("utf-8")


@functools.cache
def _data(lang: str) -> dict[str, Any]:
    return tomllib.loads(_text(lang))


@functools.cache
def digest(lang: str) -> str:
    """A hash of one language's words and its dictionary: what is remembered from them (a
    gloss through the glossary) is stale once they change."""
    resource = _table_file(lang, "en")
    table = resource.read_bytes() if resource is not None else b""
    return hashlib.sha256(_text(lang).encode() + table).hexdigest()[:16]


def _table_file(lang: str, name: str) -> Traversable | None:
    """The language's data table `lexicon/<lang>-<name>.tsv.gz`, where it has one."""
    resource = files("briefing.lang").joinpath("lexicon", f"{lang}-{name}.tsv.gz")
    return resource if lang in LANGUAGES and resource.is_file() else None


@functools.cache
def _dictionary(lang: str) -> dict[tuple[str, str], str]:
    resource = _table_file(lang, "en")
    if resource is None:
        return {}
    with gzip.open(resource.open("rb"), "rt", encoding="utf-8") as table:
        rows = (line.rstrip("\n").split("\t") for line in table)
        return {(row[0], row[1]): row[2] for row in rows if len(row) == 3}


@functools.cache
def _dictionary_words(lang: str) -> frozenset[str]:
    return frozenset(_dictionary(lang).values())


def english_noun(word: str) -> bool:
    """`word` (lower case, singular) is an English word the Icelandic dictionary table
    gives for some Icelandic word: a common noun such as "employer", never a company's
    name ("Airbus", "Siemens")."""
    return word in _dictionary_words("is")


def dictionary_english(lemma: str, pos: str, lang: str) -> str | None:
    """An English word for a lemma of `lang` and its part of speech (n, v, a, d), from
    the language's dictionary table (Icelandic: `lexicon/is-en.tsv.gz`, the public-domain
    ensk.is dictionary read backwards, `scripts/is_en_glossary.py`); None where it has none."""
    return _dictionary(lang).get((lemma, pos))


@functools.cache
def _noun_kinds(lang: str) -> dict[str, str]:
    resource = _table_file(lang, "nouns")
    if resource is None:
        return {}
    with gzip.open(resource.open("rb"), "rt", encoding="utf-8") as table:
        return dict(line.rstrip("\n").split("\t") for line in table if "\t" in line)


def noun_kind(word: str, lang: str) -> str | None:
    """For a language that capitalises every noun (German: `lexicon/de-nouns.tsv.gz`, from
    Wiktionary, `scripts/de_nouns.py`): "common" for a capitalised form that is only ever a
    common noun ("Passagiere", "Flughafenbetreibers"), "adjectival" for one declined as an
    adjective ("Deutsche", "Angestellte"), "name" for one only ever a name ("Lufthansa",
    "Frankfurt"); None for more than one, none, or a language with no table."""
    table = _noun_kinds(lang)
    kind = table.get(word)
    if kind is None and table:
        kind = "c" if any(table.get(head) == "c" for head in _heads(word)) else None
    return {"c": "common", "a": "adjectival", "n": "name"}.get(kind or "")


COMPOUND_HEAD = 6  # the fewest letters of a compound's last noun read alone ("Beginn")


def _heads(word: str) -> list[str]:
    """The last nouns a compound the table lacks may end in, longest first: its last
    hyphened part ("Verdi-Fachbereichsleiterin": "Fachbereichsleiterin"), then each
    ending of `COMPOUND_HEAD` letters or more, capitalised ("Leiterin"); a name of its own
    ("Bremerhaven", "Volkswagen") ends in no head that long."""
    last = word.rsplit("-", 1)[-1]
    found = [last] if last != word else []
    found += [last[i].upper() + last[i + 1 :] for i in range(1, len(last) - COMPOUND_HEAD + 1)]
    return found


def _get(lang: str, key: str) -> Any:
    node: Any = _data(lang)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _langs(langs: Iterable[str]) -> tuple[str, ...]:
    return tuple(langs) or LANGUAGES


def flag(key: str, lang: str) -> bool:
    """A yes/no fact about a language (`grammar.nouns_capitalised`); absent is no."""
    return _get(lang, key) is True


@functools.cache
def words(key: str, *langs: str) -> tuple[str, ...]:
    """The list at `key` in each language's file (all languages if none given), in order,
    each once."""
    found: list[str] = []
    for lang in _langs(langs):
        found += _get(lang, key) or []
    return tuple(dict.fromkeys(found))


@functools.cache
def wordset(key: str, *langs: str) -> frozenset[str]:
    return frozenset(words(key, *langs))


@functools.cache
def words_under(key: str, *langs: str) -> frozenset[str]:
    """Every word of every list in the table at `key` ("words": common, titles, ...)."""
    found: set[str] = set()
    for lang in _langs(langs):
        for value in (_get(lang, key) or {}).values():
            found.update(value if isinstance(value, list) else [])
    return frozenset(found)


@functools.cache
def table(key: str, *langs: str) -> dict[str, Any]:
    """The table at `key`, merged over languages: a word's value ({"two": 2}), or a
    canonical name's list of forms, concatenated ({"iceland": ["iceland", "ísland"]})."""
    merged: dict[str, Any] = {}
    for lang in _langs(langs):
        for name, value in (_get(lang, key) or {}).items():
            if isinstance(value, list):
                merged[name] = [*merged.get(name, []), *value]
            else:
                merged[name] = value
    return merged


GAP_WORDS = 12  # the most words a " * " stands for: a German verb's bracket round its objects


def _pattern(word: str, capitalised: bool) -> str:
    head = word[:1].upper() + word[1:] if capitalised else word
    gap = rf"\s+(?:\S+\s+){{0,{GAP_WORDS}}}?"
    return gap.join(_part(part) for part in head.split(" * "))


def _part(text: str) -> str:
    escaped = re.escape(text.rstrip("*")).replace(r"\ ", r"\s+")
    return escaped + (r"\w*" if text.endswith("*") else "")


@functools.cache
def alternation(key: str, *langs: str, capitalised: bool = False) -> str:
    """The words at `key` as a regex alternation, longest first, without a group: a
    trailing "*" runs on over word letters, a space matches any run of spaces, and a
    " * " between words any few words ("haben sich * geeinigt": "haben sich auf den Bau
    … geeinigt").
    `capitalised` gives each word a capital first letter ("He|She")."""
    listed = words(key, *langs)
    return "|".join(_pattern(w, capitalised) for w in sorted(listed, key=len, reverse=True))


@functools.cache
def as_written_or_capitalised(key: str, *langs: str) -> str:
    """The words at `key` as a case-sensitive alternation, each as listed and capitalised
    ("we|We"): a capital starts a sentence, but "US" is not "us"."""
    listed = words(key, *langs)
    both = dict.fromkeys(form for w in listed for form in (w, w[:1].upper() + w[1:]))
    return "|".join(_pattern(w, False) for w in sorted(both, key=len, reverse=True))


@functools.cache
def subject_pronouns(lang: str, demonstrative: bool = False) -> str:
    """Capitalised pronouns that open a sentence naming no one ("He|She|They|It|His"...),
    with `demonstrative` also "This|These|Those": an alternation without a group."""
    groups = ["person", "plural", "neuter", "possessive"]
    groups += ["demonstrative"] if demonstrative else []
    listed = [w for g in groups for w in words(f"pronouns.{g}", lang)]
    return "|".join(_pattern(w, True) for w in sorted(listed, key=len, reverse=True))


def opens_on_pronoun(text: str, lang: str) -> bool:
    """The text opens on a subject pronoun of its language, quotation marks aside ("Hún
    segir…", "Il a assuré…"): its subject is named in a sentence before, if anywhere."""
    pronouns = subject_pronouns(lang)
    return bool(pronouns and re.match(rf"(?:{pronouns})\b", text.lstrip(" \"'“„«")))


@functools.cache
def phrases(key: str, lang: str) -> re.Pattern[str]:
    """The words and phrases listed under `key` in `lang` as one pattern of whole words,
    any case; one that matches nothing where the language lists none."""
    listed = alternation(key, lang)
    return re.compile(rf"(?<!\w)(?:{listed})(?!\w)" if listed else r"(?!)", re.IGNORECASE)


def outlet_note(text: str, lang: str) -> bool:
    """The sentence opens as an outlet's note on its own article or a byline ("Fréttin
    verður uppfærð.", "Reporting by Hannah Oakes."): no fact of the story, and background
    by `evals/sections`' definition (`kinds.outlet_note`)."""
    return phrases("kinds.outlet_note", lang).match(text.lstrip(" \"'“„«‚(")) is not None


def reported_only(text: str, lang: str) -> bool:
    """A sentence that only says who reported the one before it ("Об этом в пятницу
    сообщил … Михаил Дорохов."): no fact of its own. Alone in an item it reads as "This
    was reported by …" about nothing; linked, its name draws it to that person's other
    sentences (`speech.reported_only`)."""
    return phrases("speech.reported_only", lang).match(text.strip()) is not None


def no_fact(text: str, lang: str) -> bool:
    """Only who reported the sentence before, or the outlet's note on its article."""
    return reported_only(text, lang) or outlet_note(text, lang)


def loaded_matches(text: str, lang: str) -> list[re.Match[str]]:
    """Where `text` uses an outlet's epithets and evaluative words, outside the neutral
    terms that hold one ("regime change", `voice.terms`)."""
    if not words("voice.loaded", lang):
        return []
    terms = [m.span() for m in phrases("voice.terms", lang).finditer(text)]
    if not words("voice.terms", lang):
        terms = []
    return [
        m
        for m in phrases("voice.loaded", lang).finditer(text)
        if not any(a <= m.start() and m.end() <= b for a, b in terms)
    ]


def loaded_words(text: str, lang: str) -> list[str]:
    """An outlet's epithets and evaluative words in `text` ("the dictator", "supposedly"),
    as written, in order: words a briefing must not say in its own voice. A neutral term
    that holds one ("regime change") is none."""
    return [m.group() for m in loaded_matches(text, lang)]


def connective(text: str, lang: str) -> str | None:
    """The connective `text` opens with that points outside it ("In response,",
    "At the same time", "Hins vegar"), as written; None where it opens with none."""
    if not words("voice.connectives", lang):
        return None
    match = phrases("voice.connectives", lang).match(text.lstrip())
    return match.group() if match else None
