"""Code checks of a claim against the sentences it cites: no LLM, fast, no dependencies.

A claim may only state numbers, dates, names and quoted words that its cited sentences
contain. Matching is cross-language and inflection-tolerant: text is folded (lower case,
no diacritics, ð->d, þ->th, æ->ae), a name matches a word sharing a long enough prefix
(Pútín ~ Pútíns ~ Putin, Trump ~ Trumps), and a small table maps English names of
countries, peoples and months to their Icelandic stems. The messages are written for
people and models alike, so the extraction validators can feed them back as re-asks.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.lang import lexicon
from briefing.lang.calendar import month_names, weekday_names, weekdays
from briefing.lang.fold import fold
from briefing.lang.names import place_named

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0\u202f]\d{3}(?!\d)|[.,]\d+)*(?:\s?%)?")
_QUOTE = re.compile(r"[\"“”„«»‚‘]([^\"“”„«»‘’]{3,}?)[\"“”«»‘’]")
_SENTENCE_START = re.compile(r"(^|[.!?:;]\s+|[\"“„«(]\s*)$")

# Sentence-initial or generic capitalised words that are not names (en + is), titles,
# institution words and English calendar words, so "Prime Minister Erna Solberg" is
# checked as "Erna Solberg". Compared folded, as listed (Icelandic ones with their letters).
_LANGS = ("en", "is")
STOPWORDS = lexicon.words_under("words", *_LANGS) | frozenset(
    name.lower() for names in (*weekday_names("en"), *month_names("en")) for name in names
)

# month -> (English forms, capitalised in text; Icelandic forms, lower case in text), folded
MONTHS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    n: (tuple(fold(f) for f in en), tuple(fold(f) for f in is_))
    for n, (en, is_) in enumerate(
        zip(
            month_names("en", abbreviations=True),
            month_names("is", variants=True),
            strict=True,
        ),
        1,
    )
}
# Number words, scale words and fractions a cited sentence may state a number with.
NUMBER_WORDS: dict[str, float] = {
    fold(word): value
    for key in ("numbers.words", "numbers.scale", "numbers.fractions")
    for word, value in lexicon.table(key, *_LANGS).items()
}
_SCALES = {fold(word): value for word, value in lexicon.table("numbers.scale", *_LANGS).items()}


def words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def place(word: str) -> str | None:
    """The canonical place a folded word or name names, in English or Icelandic
    ("bandarikjanna", "united states" -> "america"), or None (`names.place_named`)."""
    return place_named(word, *_LANGS)


def word_matches(a: str, b: str) -> bool:
    """Same word up to inflection: the folded common prefix is long enough."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3:
        return False
    common = 0
    for x, y in zip(short, long_, strict=False):
        if x != y:
            break
        common += 1
    if common >= max(4, len(short) - 2):
        return True
    stem = place(a)
    return stem is not None and stem == place(b)


def _contains_word(word: str, vocabulary: Iterable[str]) -> bool:
    return any(word_matches(word, v) for v in vocabulary)


@dataclass(frozen=True)
class Name:
    """A run of capitalised words; `key` holds the folded words that identify it."""

    text: str
    key: tuple[str, ...]


def names(text: str, known: set[str] | None = None) -> list[Name]:
    """Capitalised word runs, minus function words, titles and months.

    A lone capitalised word at a sentence start is usually an ordinary word ("Talks
    ended"), so it counts as a name only when `known` (folded words written capitalised
    mid-sentence somewhere in the sources) holds it.
    """
    found: list[Name] = []
    run: list[tuple[str, bool]] = []  # (word, sentence-initial)

    def flush() -> None:
        key = tuple(
            fold(w)
            for w, initial in run
            if fold(w) not in STOPWORDS and not (initial and _common(w))
        )
        if len(run) == 1 and run[0][1]:
            lone = fold(run[0][0])
            if not known or not _contains_word(lone, known):
                key = ()
        if key:
            found.append(Name(" ".join(w for w, _ in run), key))
        run.clear()

    last_end = 0
    for m in _WORD.finditer(text):
        w = m.group()
        if _META.match(text, m.end()):
            continue  # "the English source": about the sources, not a name in them
        gap = text[last_end : m.start()]
        if run and gap.strip() not in ("", "-"):
            flush()
        if (w[0].isupper() and not w.isupper()) or (w.isupper() and len(w) >= 2):
            initial = bool(_SENTENCE_START.search(text[: m.start()]))
            run.append((w, initial))
        elif run:
            flush()
        last_end = m.end()
    if run:
        flush()
    return found


_COMMON_INITIAL = lexicon.wordset("names.common_initial", *_LANGS)
_META = re.compile(rf"\s+(?:{lexicon.alternation('names.about_sources', 'en')})\b")


def _common(word: str) -> bool:
    """A sentence-initial capitalised word that is an ordinary word, not a name."""
    return fold(word) in STOPWORDS or word.lower() in _COMMON_INITIAL


def numbers(text: str) -> list[tuple[str, set[float]]]:
    """Numbers written in digits, each with every value it can mean ('1,500' -> 1500 or 1.5)."""
    found = []
    for m in _NUMBER.finditer(text):
        raw = m.group().rstrip("%").strip()
        values = _values(raw)
        after = words(text[m.end() : m.end() + 14])
        scale = next((_SCALES[w] for w in after[:1] if w in _SCALES), None)
        if scale:
            values |= {v * scale for v in values}
        found.append((m.group().strip(), values))
    return found


def _values(raw: str) -> set[float]:
    compact = re.sub(r"[ \u00a0\u202f]", "", raw)
    out: set[float] = set()
    for thousands, decimal in ((",", "."), (".", ",")):
        groups = compact.split(decimal)[0].split(thousands)
        if any(len(g) != 3 for g in groups[1:]):
            continue
        t = compact.replace(thousands, "")
        if t.count(decimal) <= 1:
            with contextlib.suppress(ValueError):
                out.add(float(t.replace(decimal, ".")))
    return out


def _number_vocabulary(cited: str) -> set[float]:
    vocab = {v for _, vals in numbers(cited) for v in vals}
    for w in words(cited):
        if w in NUMBER_WORDS:
            vocab.add(NUMBER_WORDS[w])
    return vocab


def months(text: str) -> set[int]:
    """Months named in the text; English names count only capitalised ("may" is a verb)."""
    out = set()
    for raw in _WORD.findall(text):
        w = fold(raw)
        for n, (en, is_) in MONTHS.items():
            if w in is_ or (w in en and raw[0].isupper()):
                out.add(n)
    return out


def quotes(text: str) -> list[str]:
    return [q.strip() for q in _QUOTE.findall(text) if len(q.split()) >= 1]


def known_names(texts: Iterable[str]) -> set[str]:
    """Folded words written capitalised mid-sentence in `texts`: the sources' names."""
    return {n for t in texts for name in names(t) for n in name.key}


def detail_problems(
    claim: str, cited: list[str], *, translated: bool = False, known: set[str] | None = None
) -> list[str]:
    """What the claim states that its cited sentences do not contain; empty when all found.

    `translated` says the claim is in another language than some cited sentence: quoted
    words are then translations and are not checked word for word. `known` is
    `known_names(all source texts)`, which lets a name at the start of the claim count.
    """
    text = " ".join(cited)
    problems: list[str] = []
    vocab = _number_vocabulary(text)
    for raw, values in numbers(claim):
        if not values & vocab:
            problems.append(f"the number {raw} does not appear in the cited sentences")
    missing_months = months(claim) - months(text)
    for n in sorted(missing_months):
        problems.append(
            f"the month '{MONTHS[n][0][0].capitalize()}' does not appear in the cited sentences"
        )
    if weekdays(claim) - weekdays(text):
        problems.append("a weekday the cited sentences do not name")
    cited_words = set(words(text))
    for name in names(claim, known):
        if not _name_found(name, cited_words):
            problems.append(f"the name '{name.text}' does not appear in the cited sentences")
    if not translated:
        folded = " ".join(words(text))
        for q in quotes(claim):
            if " ".join(words(q)) not in folded:
                problems.append(f'the quoted words "{q}" do not appear in the cited sentences')
    return problems


def _name_found(name: Name, cited_words: set[str]) -> bool:
    """A name is found when its last identifying word is (a surname, a place's head word)."""
    return _contains_word(name.key[-1], cited_words)


def actor_mentioned(actor: str, cited: list[str]) -> bool:
    """Is the actor named in the cited sentences (any identifying word, inflected or not)?"""
    key = [w for w in words(actor) if w not in STOPWORDS and len(w) >= 3]
    if not key:
        return False
    cited_words = set(words(" ".join(cited)))
    return any(_contains_word(w, cited_words) for w in key)


_PRONOUNS = "|".join(
    w for k in ("person", "plural") for w in lexicon.words(f"pronouns.{k}", *_LANGS)
)
_SAYING = lexicon.alternation("speech.holder", *_LANGS)
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:{_PRONOUNS})\b[^.]{{0,40}}\b(?:{_SAYING})\b|\b(?:{_SAYING})\b\s+(?:{_PRONOUNS})\b",
    re.IGNORECASE,
)


def attribution(actor: str, cited: list[str]) -> str:
    """'named' (actor in the cited text), 'pronoun' (a he/she said: ask a judge) or 'absent'."""
    if actor_mentioned(actor, cited):
        return "named"
    if any(_PRONOUN_SPEAKER.search(s) for s in cited):
        return "pronoun"
    return "absent"


def citation_problems(evidence: list[str], known: set[str]) -> list[str]:
    """Cited ids that are not sentences of the sources."""
    if not evidence:
        return ["the claim cites no sentence"]
    return [f"the cited sentence {e} is not in the sources" for e in evidence if e not in known]


def number_mismatch(a: str, b: str) -> list[str]:
    """Numbers stated in one version of an item and absent from the other."""
    va, vb = _number_vocabulary(a), _number_vocabulary(b)
    out = [raw for raw, vals in numbers(a) if not vals & vb]
    out += [raw for raw, vals in numbers(b) if not vals & va]
    return out
