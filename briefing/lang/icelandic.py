"""Icelandic word knowledge from BÍN (the `islenska` package): lemmas, known words, compounds.

Code compares names and words through lemmas ("Moskvu" and "Moskva" are one city), rejects
invented words, and splits unknown compounds so the gloss can translate them part by part.
Foreign names (Pútín, Trumps) are not in BÍN; `name_stems` gives them a careful fallback.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from briefing.lang import lexicon

if TYPE_CHECKING:
    from icegrams import Ngrams
    from islenska import Bin
    from islenska.basics import BinMeaning

__all__ = [
    "case_variant",
    "case_variants",
    "compound_parts",
    "genitive_compound",
    "is_known_word",
    "lemmas",
    "meanings",
    "name_stems",
    "names_match",
    "ngrams",
    "noun_case",
    "unigram_count",
]

# Case endings stripped from names BÍN does not know, longest first. Icelandic inflects
# foreign names with these (Trumps, Pútíns, Bidens; Merkel -> Merkels; Obama -> Obamu);
# only endings that leave a stem of at least three letters are stripped, so short names
# ("Ali", "Hu") stay whole.
_NAME_ENDINGS = ("anna", "inum", "unum", "ana", "ins", "ar", "um", "s", "i", "a", "u")
_MIN_STEM = 3


@cache
def _bin() -> Bin:
    """One BÍN handle per process: loading the compressed database takes a moment."""
    from islenska import Bin

    return Bin()


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Every BÍN lemma `word` can be a form of (Moskvu -> {Moskva}); empty if unknown.

    Compounds that BÍN lacks are analysed by `islenska`'s compound algorithm, their lemma
    given without the hyphen it marks the joint with ("kvótadeilunni" -> {"kvótadeila"}).
    """
    _, meanings = _bin().lookup(word, at_sentence_start=word[:1].isupper())
    return frozenset(m.ord.replace("-", "") if m.bin_id == 0 else m.ord for m in meanings)


def listed_common_word(word: str) -> bool:
    """BÍN lists `word` itself, as a form of common words only: not a name, and not a
    compound its algorithm guessed ("Hrafnaskarð" may be a place, "Leiðtogafundi" is not)."""
    _, meanings = _bin().lookup(word, at_sentence_start=word[:1].isupper())
    return bool(meanings) and all(m.bin_id != 0 and m.ord[:1].islower() for m in meanings)


def is_known_word(word: str) -> bool:
    """Whether `word` is a real Icelandic word form (in BÍN or a regular compound of it)."""
    return bool(word) and bool(lemmas(word))


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a compound, the last one inflected as in `word` (kvóta, deilunni).

    Uses the splitter inside `islenska` (libbin's `compound_split`), which also splits
    compounds that BÍN lists whole ("rannsóknargögnum" -> rannsóknar, gögnum): those are
    exactly the words a gloss dictionary lacks. Returns `(word,)` when there is no split.
    """
    split = getattr(_bin()._bc, "compound_split", None)  # islenska's splitter, no public alias
    parts = split(word.lower()) if split is not None else None
    if not parts or len(parts) < 2:
        parts = _split_in_two(word.lower())
    if not parts:
        return (word,)
    if word[:1].isupper():
        parts = [parts[0].capitalize(), *parts[1:]]
    return tuple(parts)


def _split_in_two(word: str) -> list[str] | None:
    """The most balanced split into two real word forms of three letters or more.

    For compounds BÍN lists whole, where libbin does not split: "rannsóknargögnum" is
    "rannsóknar" (genitive of rannsókn) + "gögnum". Balanced beats longest-tail because
    short heads are often chance word forms ("rann" + "sóknargögnum").
    """
    cuts = range(_MIN_STEM, len(word) - _MIN_STEM + 1)
    for cut in sorted(cuts, key=lambda c: -min(c, len(word) - c)):
        head, tail = word[:cut], word[cut:]
        if is_known_word(tail) and is_known_word(head):
            return [head, tail]
    return None


_MIN_TAIL = 4  # letters of a compound's last part: "lyfja" + "vöruverslanir"


@lru_cache(maxsize=65536)
def genitive_compound(word: str, depth: int = 2) -> bool:
    """`word` is a compound BÍN's algorithm does not read whose first part is a noun in
    the genitive that BÍN lists ("lyfja", "vöru") and the rest a known word or such a
    compound again ("lyfjavöruverslanir"). The genitive is how Icelandic joins nouns, so
    "aktvæðagreiðslu" ("akt" is no genitive) stays unknown."""
    lowered = word.lower()
    for cut in range(_MIN_STEM, len(lowered) - _MIN_TAIL + 1):
        head, tail = lowered[:cut], lowered[cut:]
        if not _genitive_noun(head):
            continue
        if is_known_word(tail) or (depth > 1 and genitive_compound(tail, depth - 1)):
            return True
    return False


def genitive_tail(word: str) -> bool:
    """`word`, which BÍN lacks, ends on a noun in the genitive that BÍN lists: a compound
    inflects on its last part ("Atlantsgagna", of "gögn")."""
    lowered = word.lower()
    cuts = range(_MIN_STEM, len(lowered) - _MIN_TAIL + 1)
    return any(_genitive_noun(lowered[cut:]) for cut in cuts)


def _genitive_noun(word: str) -> bool:
    """A genitive noun form that BÍN lists itself (not one its compound algorithm made)."""
    return any(m.bin_id != 0 and m.ofl in NOUNS and m.mark.startswith("EF") for m in meanings(word))


def name_stems(name: str) -> frozenset[str]:
    """Lowercased stems a name may have: BÍN lemmas where it knows the name, else endings cut.

    The fallback is deliberately loose in one direction only: it yields the name itself and
    each stem left by cutting one ending from `_NAME_ENDINGS`, and two names match when their
    stem sets meet (see `names_match`). So "Trumps" ~ "Trump" and "Pútíns" ~ "Pútín", while
    unrelated short names rarely collide because stems under three letters are not made.
    """
    known = lemmas(name)
    if known:
        return frozenset(lemma.lower() for lemma in known) | {name.lower()}
    lowered = name.lower()
    stems = {lowered}
    for ending in _NAME_ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= _MIN_STEM:
            stems.add(lowered[: -len(ending)])
    return frozenset(stems)


def names_match(a: str, b: str) -> bool:
    """Whether two name forms can be the same name (Noregs ~ Noregur, Trumps ~ Trump)."""
    return bool(name_stems(a) & name_stems(b))


def meanings(word: str, at_sentence_start: bool = False) -> list[BinMeaning]:
    """BÍN's meanings of `word`: lemma (`ord`), word class (`ofl`), domain (`hluti`: "ism"
    a first name, "lönd" a country) and inflection (`mark`); empty if BÍN lacks it."""
    return _bin().lookup(word, at_sentence_start=at_sentence_start)[1]


_CASES = ("NF", "ÞF", "ÞGF", "EF")
CASE_NAMES = {"NF": "nominative", "ÞF": "accusative", "ÞGF": "dative", "EF": "genitive"}
# The case a noun form is moved to: one a reader notices ("í búðina" -> "í búðinni").
_OTHER_CASE = {"NF": "ÞGF", "ÞF": "ÞGF", "ÞGF": "ÞF", "EF": "NF"}
NOUNS = ("kk", "kvk", "hk")  # BÍN word classes of nouns


def case_variant(word: str) -> str | None:
    """The same noun in another case, same number and article ("búðina" -> "búðinni"), for
    a word BÍN reads as a noun in one case only; None otherwise. Makes wrong-case
    Icelandic on purpose, to test that the Icelandic gate rejects it."""
    case = noun_case(word)
    return case_variants(word).get(_OTHER_CASE[case]) if case else None


def noun_case(word: str) -> str | None:
    """The case ("NF", "ÞF", "ÞGF", "EF") of a word BÍN reads as a noun of one case,
    number and article only ("búðina": "ÞF"); None for other words ("viðræðurnar" may
    be nominative or accusative, "fara" is a verb)."""
    _, meanings = _bin().lookup(word)
    marks = {m.mark for m in meanings}
    if not meanings or len(marks) != 1 or any(m.ofl not in NOUNS for m in meanings):
        return None
    mark = marks.pop()
    return next((c for c in sorted(_CASES, key=len, reverse=True) if mark.startswith(c)), None)


@lru_cache(maxsize=16384)
def case_variants(word: str) -> dict[str, str]:
    """The other cases of a noun BÍN reads in one case only (`noun_case`), same number and
    article, by case: "búðina" -> {"NF": "búðin", "ÞGF": "búðinni", "EF": "búðarinnar"}."""
    case = noun_case(word)
    if case is None:
        return {}
    _, meanings = _bin().lookup(word)
    rest = meanings[0].mark[len(case) :]
    out: dict[str, str] = {}
    for other in _CASES:
        if other == case:
            continue
        for variant in _bin().lookup_variants(word, meanings[0].ofl, other):
            if variant.mark == other + rest and variant.bmynd != word:
                out[other] = variant.bmynd
                break
    return out


def definite_noun(word: str) -> bool:
    """BÍN reads `word` as a noun with the suffixed article ("bankans", "félagið"): in
    Icelandic that, not a word before it, makes a noun stand for one named before."""
    return any(m.ofl in NOUNS and m.mark.endswith("gr") for m in meanings(word))


def genitive(word: str, adjective: bool = True) -> bool:
    """BÍN reads `word` as a noun (or, with `adjective`, an adjective) in the genitive
    ("atvinnulífsins", "íslenskra"): what follows a body's noun in its name ("Samtök
    atvinnulífsins")."""
    classes = (*NOUNS, "lo") if adjective else NOUNS
    return any(m.ofl in classes and "EF" in m.mark for m in meanings(word))


def nominative(word: str) -> bool:
    """BÍN reads `word` as a noun in the nominative ("Samtök", "Félag"; not "Félags")."""
    return any(m.ofl in NOUNS and m.mark.startswith("NF") for m in meanings(word))


def plural_noun(word: str, lang: str = "is") -> bool:
    """BÍN reads `word` as a plural noun only ("Sveitarfélögin"); False for any other
    language, where no morphology is at hand."""
    found = [m for m in meanings(word) if m.ofl in NOUNS] if lang == "is" else []
    return bool(found) and all("FT" in m.mark for m in found)


def given_names(name: str) -> bool:
    """Every word of `name` is a given name BÍN lists (`bin.given_domains`): "Haraldur
    Ingi", which Icelandic writes for "Haraldur Ingi Benediktsson" named before; not
    "Donald Trump"."""
    given = lexicon.wordset("bin.given_domains", "is")
    words = name.split()
    return bool(words) and all(any(m.hluti in given for m in meanings(w)) for w in words)


@cache
def ngrams() -> Ngrams:
    """The n-gram counts GreynirCorrect ships (`icegrams` 1.x, from Icelandic texts of about
    a billion words, in the wheel: no download); opened once, memory-mapped."""
    from icegrams import Ngrams

    return Ngrams()


def unigram_count(word: str) -> int:
    """How often Icelandic text writes `word` as written (`ngrams`)."""
    return int(ngrams().freq(word))
