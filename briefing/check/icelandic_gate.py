"""The gate an Icelandic line written for an English statement passes before it is published
as Icelandic: deterministic checks only, each failure a named reason.

1. `unknown_word`: every word is an Icelandic word form (BÍN, or a regular compound of
   one), a name from the sources or the English statement (inflected: "Pútíns" is
   "Pútín") or a word a translation adds beside such a name ("Plaid Cymru" for "A Plaid
   AM"), or a number, date or other typed token of Miðeind's `tokenizer`; no compound is
   split by a hyphen ("fóta-vandamál");
2. `grammar`: GreynirCorrect (`reynir_correct`) finds no error of the kinds that mean
   misspelt or ungrammatical Icelandic (`ERROR_CODES`); its style advice does not count;
   no noun right after a preposition of one case stands in another ("vegna
   tímasetningin"), which GreynirCorrect misses where Greynir reads the preposition
   as another word; and no noun stands in a case the line reads worse in than in another
   (Greynir's parse score of the line with the noun in each other case: "Nýja stefnunni
   kemur" reads better as "stefnan"); no sentence ends with a word that joins what
   follows it ("og", "sem": words out of order);
3. `parse`: the Greynir parser (through GreynirCorrect's grammar) parses every sentence
   (a year labelling the line, "2005: ...", left out);
4. `values`: the numbers, percentages, amounts and dates are the English statement's, in
   both directions (`lang.values`, compared as the checker compares them);
5. `names`: every name of the English statement is in the Icelandic (through lemmas and
   folding, or as an exonym of `lang/lexicon`: "Peking", "úrvalsdeildin"), and the
   Icelandic names no one the English does not; `negation`: the two say "not" as often
   (the negation words of `lang/lexicon`), or as often when words that say it in their
   meaning count too ("not happy": "óánægður"; "ended in failure": "tókst ekki").

The cross-lingual support checker is not part of the gate: the caller runs it as well.
Measured by `briefing eval gate` (evals/gate/).
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.check import details
from briefing.check.features import _matches, _value_text
from briefing.lang import gloss as glossing
from briefing.lang import icelandic as bin_words
from briefing.lang import lexicon, parse_is
from briefing.lang.calendar import calendar_words, english_name
from briefing.lang.fold import fold, loose_fold
from briefing.lang.names import same_person
from briefing.lang.values import Value, values

if TYPE_CHECKING:
    from reynir_correct.checker import AnnotatedSentence

__all__ = ["ERROR_CODES", "REASONS", "GateResult", "gate"]

REASONS = ("unknown_word", "grammar", "parse", "values", "names", "negation")

# GreynirCorrect's annotation codes that mean the Icelandic is wrong (doc/errorcodes.rst of
# GreynirCorrect): common and less common misspellings and malformed words (S001-S003), a
# duplicated word, a wrongly split compound or a wrong compound part (C001, C003, C006),
# a sentence that is probably not Icelandic (E004), and the phrase-level errors of case,
# agreement and government (P_NT_..., P_WRONG_...: "Mér langar"). Not counted: its
# prescriptive advice (P_wrong_word: "beggja megin" for "báðum megin", P_DOUBLE_DEFINITE,
# P_MOOD_...), which it gives correct translations too. Warnings ("/w") never count.
# `_IGNORED` are codes GreynirCorrect may not even apply, since applying them rewrites the
# sentence before it is parsed: the unknown-word and rare-word guesses (U001, S004, S005,
# W00x; `unknown_word` decides on words), capitals (Z00x: it capitalises "demókrata"), the
# compounds it splits by its own norm ("minniháttar", C002), and style: abbreviations,
# quotation marks, tone, taboo words.
ERROR_CODES = re.compile(r"(?:S00[1-3]|C00[136]|E004|P_(?:NT|WRONG)_\w+)$")
_IGNORED = frozenset({
    "U001", "S004", "S005", "W001", "W002", "Z001", "Z002", "Z003", "Z004", "Z005", "Z006",
    "C002", "C004/w", "C005/w", "A001", "A002", "N001", "N002/w", "N003/w", "T001", "T001/w",
    "Y001", "Y001/w", "V001", "V001/w", "I001",
})  # fmt: skip

_APOSTROPHE = re.compile(r"['‘’]")


@dataclass(frozen=True)
class GateResult:
    """Whether the Icelandic may be published as Icelandic; `reasons` are "kind: detail"."""

    passed: bool
    reasons: list[str]

    @property
    def kinds(self) -> set[str]:
        """The named checks that failed ("unknown_word", "values", ...)."""
        return {reason.split(":", 1)[0] for reason in self.reasons}


def gate(
    icelandic: str, english: str, names: Iterable[str] = (), *, gloss: str | None = None
) -> GateResult:
    """Run every check of the gate on `icelandic`, written for the statement `english`;
    `names` are the names of the sources (any form), which the Icelandic may use. `gloss`
    is the Icelandic's English gloss (Apertium's, made here when not given): it finds the
    English name of a place or body the Icelandic writes its own way ("Spánn", "ESB")."""
    if gloss is None:
        gloss = glossing.gloss([icelandic], "is")[0] or ""
    names = list(names)
    reasons = unknown_words(icelandic, [*names, *_capitalised(english)], english)
    reasons += greynir_problems(icelandic) + government_problems(icelandic)
    reasons += order_problems(icelandic) + usage_problems(icelandic)
    reasons += value_problems(icelandic, english)
    reasons += name_problems(icelandic, english, gloss, names)
    reasons += negation_problems(icelandic, english)
    if not reasons:  # the costliest check last, on lines that pass every other
        reasons += case_problems(icelandic)
    return GateResult(passed=not reasons, reasons=reasons)


def _capitalised(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text) if w[:1].isupper()]


def _is_name(word: str, pool: Iterable[str]) -> bool:
    """A capitalised word that is a form of one of the names (Pútíns ~ Pútín ~ Putin)."""
    if not word[:1].isupper():
        return False
    stems = _folded_stems(word)
    return any(stems & _folded_stems(n) or same_person(word, n) for n in pool)


@functools.lru_cache(maxsize=4096)
def _folded_stems(name: str) -> frozenset[str]:
    """A name's stems (`names_match`'s), folded: "Pútíns" -> {"putins", "putin"}."""
    stems = bin_words.name_stems(name)
    return frozenset(fold(stem) for stem in stems) | {loose_fold(stem) for stem in stems}


def unknown_words(icelandic: str, pool: Iterable[str], english: str = "") -> list[str]:
    """Words that are neither Icelandic word forms nor names of `pool`, nor a word the
    translation adds to a name of the `english` ("Plaid Cymru": `_extends_name`); and
    compounds split by a hyphen (`_split_compound`)."""
    from tokenizer import TOK, tokenize

    pool = list(pool)
    joined = _joined_words(icelandic)
    unknown: list[str] = []
    split: list[str] = []
    for token in tokenize(icelandic):
        if token.kind == TOK.UNKNOWN:
            unknown.append(token.txt)
        if token.kind != TOK.WORD or token.val:  # typed tokens, known abbreviations
            continue
        if _split_compound(token.txt):
            split.append(token.txt)
            continue
        for part in _parts(token.txt):
            if _known(part) or _is_name(part, pool):
                continue
            if not _extends_name(part, joined, english) and not _in_name(part, icelandic, english):
                unknown.append(part)
    return [f"unknown_word: '{w}' is not an Icelandic word form or a name" for w in unknown] + [
        f"unknown_word: '{w}' is one word, written without its hyphen" for w in split
    ]


def _split_compound(word: str) -> bool:
    """A compound joined by a genitive written with a hyphen between lower-case parts
    ("fóta-vandamál", "snyrtivöru-hillur"): Icelandic writes it as one word, which BÍN
    reads; a hyphen after a loan word ("vegan-vænn") or a name ("Chequers-áætlun") stays."""
    parts = word.split("-")
    if len(parts) != 2 or not all(p[:1].islower() for p in parts):
        return False
    head, _ = parts
    return bin_words.genitive(head, adjective=False) and bin_words.is_known_word("".join(parts))


def _joined_words(text: str) -> dict[str, set[tuple[str, int]]]:
    """For each capitalised word, the capitalised words right next to it, joined by a space
    or a hyphen only, each with its side: +1 when the word follows it, -1 when it precedes."""
    words = list(re.finditer(r"[^\W\d_]+", text))
    out: dict[str, set[tuple[str, int]]] = {}
    for a, b in itertools.pairwise(words):
        x, y = a.group(), b.group()
        if x[:1].isupper() and y[:1].isupper() and text[a.end() : b.start()] in (" ", "-"):
            out.setdefault(y, set()).add((x, 1))
            out.setdefault(x, set()).add((y, -1))
    return out


def _extends_name(word: str, joined: dict[str, set[tuple[str, int]]], english: str) -> bool:
    """`word` stands right next to a foreign name of the English, as one name of several
    words ("Plaid Cymru" for "A Plaid AM"), where the English has no other name's word on
    that side of it (an acronym aside): a word the translation adds to a name, not one it
    swaps for the English one ("Monday Night Live" for "Saturday Night Live")."""
    english_joined = _joined_words(english)
    for mate, side in joined.get(word, ()):
        if _known(mate):
            continue
        for other in [w for w in _capitalised(english) if _is_name(w, [mate])]:
            beside = [w for w, s in english_joined.get(other, ()) if s == -side]
            if all(_acronym(w) for w in beside):
                return True
    return False


def _in_name(word: str, icelandic: str, english: str) -> bool:
    """A lower-case word the Icelandic copies from the English with the name beside it, as
    the English writes them ("í boði the Consumer Energy Alliance", "Bank of America"):
    part of a foreign name, not a word of the Icelandic."""
    if not word[:1].islower():
        return False
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", icelandic):
        before = re.search(r"([^\W\d_]+) $", icelandic[: m.start()])
        after = re.match(r" ([^\W\d_]+)", icelandic[m.end() :])
        pairs = [f"{before.group(1)} {word}"] if before and before.group(1)[:1].isupper() else []
        pairs += [f"{word} {after.group(1)}"] if after and after.group(1)[:1].isupper() else []
        if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", english) for p in pairs):
            return True
    return False


def _known(word: str) -> bool:
    """A word form of BÍN (or a compound BÍN's own algorithm reads), or a letter named
    ("stafurinn w"), or a compound whose first part is a noun's genitive ("lyfja" +
    "vöruverslanir"). Any split into two known words is not enough: "aktvæðagreiðslu"
    splits into "akt" and "væðagreiðslu"."""
    return len(word) == 1 or bin_words.is_known_word(word) or bin_words.genitive_compound(word)


def _parts(word: str) -> list[str]:
    """The parts to look up: hyphenated words part by part ("Boutique-snyrtivörur"), a
    possessive ending after an apostrophe left out ("Sainsbury‘s")."""
    head = _APOSTROPHE.split(word)[0]
    return [p for p in head.split("-") if p]


@functools.cache
def _corrector() -> Any:
    """One GreynirCorrect per process: loading its grammar takes seconds."""
    from reynir_correct.checker import GreynirCorrect
    from reynir_correct.errtokenizer import CorrectionPipeline, settings_or_default

    settings = settings_or_default()
    return GreynirCorrect(settings, CorrectionPipeline("", settings, ignore_rules=_IGNORED))


_LOCK = threading.Lock()


def _sentences(icelandic: str) -> list[AnnotatedSentence]:
    """GreynirCorrect's sentences; one at a time, since it hands the text to its shared
    tokenizer pipeline by an attribute."""
    from reynir_correct.checker import check

    with _LOCK:
        return [s for paragraph in check(icelandic, _corrector()) for s in paragraph]


def greynir_problems(icelandic: str) -> list[str]:
    """GreynirCorrect's errors (`grammar`) and sentences Greynir cannot parse (`parse`)."""
    sentences = _sentences(_LABEL.sub("", icelandic, count=1))
    if not sentences:
        return ["parse: there is no sentence to parse"]
    out = _repeats(icelandic)
    for sentence in sentences:
        for a in sentence.annotations:
            words = [t.txt for t in sentence.tokens[a.start : a.end + 1]]
            if ERROR_CODES.match(a.code) and not _all_names(words):
                out.append(f"grammar: {a.code} at '{' '.join(words)}': {a.text}")
        if sentence.tree is None:
            out.append(f"parse: Greynir cannot parse '{sentence.tidy_text}'")
    return out


# A year or number opening a line as its label ("2005: Röð sterkra skjálfta..."): Greynir
# parses no sentence that opens so; the values check still reads it.
_LABEL = re.compile(r"^\s*\d{1,4}\s*:\s+(?=\S)")


def government_problems(icelandic: str) -> list[str]:
    """A noun right after a preposition of one case that cannot be in that case ("vegna
    tímasetningin", "til mark um"): GreynirCorrect flags it only where the parse keeps
    the preposition, and Greynir parses many such lines by reading the preposition as
    another word. Only words BÍN reads as nouns alone count (`lexicon` grammar.governs)."""
    governs = lexicon.table("grammar.governs", "is")
    words = re.findall(r"[^\W\d_]+", icelandic)
    out = []
    for before, word in itertools.pairwise(words):
        case = governs.get(before.lower())
        if case is None or word[:1].isupper():
            continue
        found = bin_words.meanings(word)
        nouns = bool(found) and all(m.ofl in bin_words.NOUNS for m in found)
        if nouns and not any(m.mark.startswith(case) for m in found):
            out.append(f"grammar: '{before} {word}': '{before}' governs the {case}")
    return out


def order_problems(icelandic: str) -> list[str]:
    """A sentence that ends with a word that joins what follows it ("og", "sem":
    `grammar.never_last`): words out of order, which Greynir may still parse."""
    never = lexicon.wordset("grammar.never_last", "is")
    ends = re.findall(r"([^\W\d_]+)[\"“”„'’»«)]*\s*(?:[.?!]+|$)", icelandic.rstrip())
    return [f"grammar: a sentence ends with '{w}'" for w in ends if w.lower() in never]


# How much more often Icelandic writes a noun's other case between the same two words, and
# at least how often, before the noun counts as in a wrong case (`usage_problems`): on the
# fit half a wrong case put right is written 16 to 400 times more often ("í vandræði með"
# 58, "í vandræðum með" 2,759; "í erfiðleika ," 0, "í erfiðleikum ," 102), while no noun
# of the human lines has another case written there 50 times and 10 times more often, and
# one in 405 other lines of the fit half's articles ("2 milljarða dali í", "dala" 114).
_USAGE_RATIO = 10
_USAGE_MIN = 50


def usage_problems(icelandic: str) -> list[str]:
    """A noun in a case Icelandic hardly writes between the two words around it while it
    writes the noun's other case there often (`_USAGE_RATIO`, `_USAGE_MIN`): "í vandræði
    með" for "í vandræðum með", "tækju þætti í" for "tækju þátt í"; or after the two words
    before it ("spenna í loftið" for "loftinu"), for a noun of one number and article (a
    noun read as singular and plural, "greinar", would be put in the wrong number). This
    catches what Greynir parses by another reading, and nouns of several cases or word
    classes that `case_problems` leaves out. Counts of the trigram model, no parse."""
    from tokenizer import tokenize

    words = [t.txt for t in tokenize(_LABEL.sub("", icelandic, count=1)) if t.txt]
    model = bin_words.ngrams()
    for i, word in enumerate(words):
        variants = _other_cases(word) if i and word.isalpha() else {}
        if not variants:
            continue
        windows = [(words[i - 1 : i + 2], 1)] if i + 1 < len(words) else []
        if i >= 2 and _one_number(word):
            windows.append((words[i - 2 : i + 1], 2))
        for window, at in windows:
            written = max(model.freq(*window), 1)
            for form, case in variants.items():
                n = model.freq(*window[:at], form, *window[at + 1 :])
                if n >= _USAGE_MIN and n >= _USAGE_RATIO * written:
                    name = bin_words.CASE_NAMES[case]
                    said = " ".join(window)
                    return [f"grammar: '{said}' is written with '{form}', the {name}"]
    return []


def _one_number(word: str) -> bool:
    """BÍN reads `word` as nouns of one number and article only ("loftið", not "greinar":
    a singular genitive and a plural)."""
    nouns = [m.mark for m in bin_words.meanings(word) if m.ofl in bin_words.NOUNS]
    return len({re.sub(r"^(?:ÞGF|NF|ÞF|EF)", "", mark) for mark in nouns}) == 1


_CASE_MARKS = ("ÞGF", "NF", "ÞF", "EF")  # the longest prefix first


@functools.lru_cache(maxsize=16384)
def _other_cases(word: str) -> dict[str, str]:
    """Each noun reading of `word` put in each case it is not read in, same lemma, number
    and article, by form: "vandræði" (nominative or accusative plural) -> {"vandræðum":
    "ÞGF", "vandræða": "EF"}; "þætti" -> {"þáttur": "NF", "þátt": "ÞF", "þáttar": "EF"}."""
    meanings = [m for m in bin_words.meanings(word) if m.ofl in bin_words.NOUNS]
    own = {(m.ord, m.mark) for m in meanings}
    out: dict[str, str] = {}
    for m in meanings:
        case = next((c for c in _CASE_MARKS if m.mark.startswith(c)), None)
        if case is None:
            continue
        rest = m.mark[len(case) :]
        for other in _CASE_MARKS:
            if (m.ord, other + rest) in own:
                continue
            for variant in bin_words._bin().lookup_variants(word, m.ofl, other):
                if variant.mark == other + rest and variant.ord == m.ord and variant.bmynd != word:
                    out.setdefault(variant.bmynd, other)
    return out


# Greynir's score a line must gain when one noun takes another case before the line counts
# as written in a wrong case: on the fit half a noun put right gains 40 to 1,000 ("Nýja
# stefnunni kemur" -> "stefnan"), while a human line's nouns moved gain more than 40 once
# in 117 lines ("aukin tilhneiging" -> "tilhneigingu", a reading of Greynir's own).
_CASE_MARGIN = 40


def case_problems(icelandic: str) -> list[str]:
    """A noun in a case the line reads worse in: the line as written should be the best
    formed of its case variants. For each common noun BÍN reads in one case only, the line
    is parsed again with the noun in each other case (same number and article); a variant
    Greynir scores `_CASE_MARGIN` higher means the noun stands in the wrong case ("Nýja
    stefnunni kemur", "tilraun verslunin til"), which Greynir alone parses by another
    reading and GreynirCorrect does not flag. A line Greynir cannot parse is left to the
    `parse` check. Costs a parse per variant (about four a line)."""
    text = _LABEL.sub("", icelandic, count=1)
    base = parse_is.parse_score(text)
    if base is None:
        return []
    for match in re.finditer(r"[^\W\d_]+", text):
        word = match.group()
        if word[:1].isupper():
            continue
        for case, form in bin_words.case_variants(word).items():
            if "-" in form:  # a compound BÍN's algorithm read, written with its joint
                continue
            score = parse_is.parse_score(text[: match.start()] + form + text[match.end() :])
            if score is None or score - base <= _CASE_MARGIN:
                continue
            if not _written_as_is(text, match, form):
                name = bin_words.CASE_NAMES[case]
                return [f"grammar: '{word}' reads better in the {name}, '{form}'"]
    return []


def _written_as_is(text: str, match: re.Match[str], form: str) -> bool:
    """Icelandic writes the noun as it stands after the word before it, which mostly
    governs its case, and never the variant there (`bin_words.ngrams`): the parse prefers a
    reading of its own ("aukin tilhneiging", 3 against none for "aukin tilhneigingu"),
    and the line stands."""
    before = re.findall(r"[^\W_]+|[^\w\s]", text[: match.start()])[-1:]
    if not before:
        return False
    model = bin_words.ngrams()
    return model.freq(before[0], match.group()) > 0 and model.freq(before[0], form) == 0


def _all_names(words: list[str]) -> bool:
    """Capitalised words that are no common words: a foreign name GreynirCorrect reads as
    an Icelandic word ("Bat Conservation Trust": "Bat" is no noun in the wrong case)."""
    return all(w[:1].isupper() for w in words) and not all(
        bin_words.listed_common_word(w.lower()) for w in words
    )


def _repeats(icelandic: str) -> list[str]:
    """Three words said over and over ("að verða að verða að verða..."): a model's loop,
    which Greynir parses as nested clauses and GreynirCorrect, past 30 words, leaves be."""
    words = re.findall(r"[^\W\d_]+", icelandic.lower())
    counts = Counter(zip(words, words[1:], words[2:], strict=False))
    return [
        f"grammar: the words '{' '.join(three)}' repeat {n} times"
        for three, n in counts.items()
        if n >= _MAX_REPEATS
    ]


_MAX_REPEATS = 4  # "CBS var með 3,1 milljón, NBC var með 2,94 milljónir, ..." says one thrice


def value_problems(icelandic: str, english: str) -> list[str]:
    """Numbers and dates the one states and the other does not, and weekdays and months
    the Icelandic names and the English does not."""
    ours, theirs = _values(icelandic, "is"), _values(english, "en")
    lost = sorted({_text(v) for v in theirs if not _matches(v, ours)})
    said = _number_words(english)
    added = sorted({_text(v) for v in ours if not _matches(v, theirs) and v not in said})
    # Weekdays and months only one way: an English "May" may be Theresa May.
    cal_is, cal_en = calendar_words(icelandic, "is"), calendar_words(english, "en")
    added += sorted(english_name(v) for v in cal_is - cal_en)
    return [f"values: the English states {v}, the Icelandic does not" for v in lost] + [
        f"values: the Icelandic states {v}, the English does not" for v in added
    ]


def _number_words(english: str) -> set[Value]:
    """The counts the English says in words (`numbers.words`: "ten"), wherever they stand:
    `lang.values` leaves out a number word that refers back ("the only unbeaten side of
    the ten"), which the Icelandic states as a number ("af tíu") all the same."""
    table: dict[str, int] = lexicon.table("numbers.words", "en")
    words = re.findall(r"[^\W\d_]+", english.lower())
    return {Value("number", float(table[w])) for w in words if w in table}


def _text(value: Value) -> str:
    if value.kind == "time" and value.number is not None:
        return f"the time {int(value.number) // 60}:{int(value.number) % 60:02d}"
    return _value_text(value)


def name_problems(
    icelandic: str, english: str, gloss: str = "", names: Iterable[str] = ()
) -> list[str]:
    """Names of the English that the Icelandic lacks, and foreign names the Icelandic adds.

    A name is there when its last word is (a surname, a place's head word), or most of
    its words are, inflected or folded ("Pútíns" is "Putin"), as a lemma ("Kóreu" is
    "Kórea", "Korea"), or in the gloss ("Spánn" glosses "Spain"). Acronyms are left out:
    Icelandic writes its own (ESB for EU, Nató). `names` (the sources') make a lone
    capitalised word opening the English a name ("Putin said")."""
    have = _vocabulary(icelandic) | _vocabulary(gloss)
    known = details.known_names([english]) | {fold(n) for n in names}
    lost = [
        name.text
        for name in details.names(english, known)
        if not _found(name, have) and not _labelled(name.text, english, icelandic)
    ]
    english_words = _vocabulary(english)
    joined = _joined_words(icelandic)
    added = [
        word
        for word in _foreign_names(icelandic)
        if not _in_english(word, english_words) and not _extends_name(word, joined, english)
    ]
    return [f"names: '{n}' of the English is not in the Icelandic" for n in lost] + [
        f"names: '{n}' is in the Icelandic, not in the English" for n in added
    ]


def _labelled(name: str, english: str, icelandic: str) -> bool:
    """A capitalised common word before a label, a capital letter or a Roman numeral
    ("Class A misdemeanours", "Phase II"), which the Icelandic translates as a word ("í
    flokki A"): a category, no name, when the label is there. Not before a number: "Boeing
    737" is a name."""
    if " " in name:
        return False
    after = re.search(rf"(?<!\w){re.escape(name)}\s+([A-Z]|[IVX]+)(?!\w)", english)
    return after is not None and re.search(rf"(?<!\w){after.group(1)}(?!\w)", icelandic) is not None


def _in_english(word: str, english_words: set[str]) -> bool:
    """A word of the Icelandic that the English has, inflected or folded."""
    return details._contains_word(fold(word), english_words) or bool(
        _folded_stems(word) & english_words
    )


_PLACE_WORDS = 3  # the most words of a place's name: "United Arab Emirates"


def _found(name: details.Name, have: set[str]) -> bool:
    """The name's last identifying word (a surname, a place's head word) is there, or
    most of its words are, or the first of two ("Etihad Stadium": "Etihad leikvanginum")."""
    words = _identifying(name)
    if not words:
        return True
    # a place's name, not a run a place opens ("North Korean Foreign Minister Ri Yong Ho")
    canon = details.place(fold(name.text)) if len(words) <= _PLACE_WORDS else None
    if canon is not None and any(details.place(word) == canon for word in have):
        return True  # an exonym or a name translated: "Peking", "úrvalsdeildin"
    found = [any(details._contains_word(v, have) for v in (w, loose_fold(w))) for w in words]
    return found[-1] or sum(found) * 2 > len(found) or (len(found) == 2 and found[0])


def _identifying(name: details.Name) -> list[str]:
    """The folded words that identify a name, less a possessive "'s": two letters or more
    ("Ri Yong Ho"), and no acronym ("EU", "AMs": capitals half its letters or more, so
    "Ednan-Laperouse" is a name)."""
    acronyms = {fold(w) for w in name.text.split() if _acronym(w)}
    stems = [_APOSTROPHE.split(word)[0] for word in name.key if word not in acronyms]
    return [stem for stem in stems if len(stem) >= 2]


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def _vocabulary(text: str) -> set[str]:
    """Folded words of `text`, their hyphenated parts and their BÍN lemmas and stems."""
    out: set[str] = set()
    for word in re.findall(r"[^\W\d_]+(?:[-'’‘][^\W\d_]+)*", text):
        for part in [word, *re.split(r"[-'’‘]", word)]:
            out |= {fold(part), loose_fold(part)} | _folded_stems(part)
    return out


def _foreign_names(icelandic: str) -> list[str]:
    """Capitalised words that BÍN does not know: foreign names (a common word opening the
    sentence is known)."""
    words = re.findall(r"[^\W\d_]+", icelandic)
    return [w for w in words if w[:1].isupper() and not w.isupper() and not _known(w)]


def _values(text: str, lang: str) -> set[Value]:
    """The typed values, less a month alone (a date of month only): months are compared
    as calendar words, which read them in both languages."""
    return {v for v in values(text, lang) if not (v.date and v.date[::2] == (0, 0))}


@functools.cache
def _negation(lang: str) -> re.Pattern[str]:
    words = lexicon.alternation("negations.words", lang)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)|n't\b", re.IGNORECASE)


def negation_problems(icelandic: str, english: str) -> list[str]:
    """The two do not say "not" equally often (a dropped or an added negation), counted
    by negation words, nor when words that say "not" in their meaning count too: "not
    happy" is "óánægður", "ended in failure" is "tókst ekki" (`negations.meaning`)."""
    n_is = len(_negation("is").findall(icelandic))
    n_en = len(_negation("en").findall(english))
    m_en = len(lexicon.phrases("negations.meaning", "en").findall(english))
    m_is = len(lexicon.phrases("negations.meaning", "is").findall(icelandic))
    # A prefix stands for a "not" before an adjective only, as many as the English has.
    plain = len(lexicon.phrases("negations.before_adjective", "en").findall(english))
    plain += len(re.findall(r"n't\b", english, re.IGNORECASE))
    m_is += min(_prefixed(icelandic), plain)
    # A word rendering an English meaning word word for word ("miss": "missa af") may
    # stand for it, up to as many as the English has.
    literal = len(lexicon.phrases("negations.literal", "is").findall(icelandic))
    for m in (m_is, m_is + min(literal, max(m_en - m_is, 0))):
        if (n_is, m) == (n_en, m_en) or n_is + m == n_en + m_en:
            return []
    return [f"negation: the English has {n_en} negation words, the Icelandic {n_is}"]


def _prefixed(icelandic: str) -> int:
    """Icelandic words a negating prefix opens before a word BÍN knows alone, the whole
    the prefixed lemma ("óánægður" of "ánægður")."""
    words = re.findall(r"[^\W\d_]+", icelandic.lower())
    return sum(any(_negated_word(w, prefix) for prefix in _PREFIXES) for w in words)


_PREFIXES = lexicon.words("negations.prefixes", "is")
_MIN_NEGATED = 4  # letters after the prefix: "ódýr" is "not dear", "óð" is no "ð"


def _negated_word(word: str, prefix: str) -> bool:
    rest = word[len(prefix) :]
    if not word.startswith(prefix) or len(rest) < _MIN_NEGATED:
        return False
    return bool({prefix + lemma for lemma in bin_words.lemmas(rest)} & bin_words.lemmas(word))
