"""An English gloss of non-English sentences, sentence by sentence, ids unchanged.

A 1.5B model cannot read Icelandic; a rough rule-based gloss beside each sentence lets it
(and the checker) see what the sentence says. Icelandic goes through Debian's
`apertium-isl-eng`, called once per batch; words Apertium does not know are retried
through BÍN (lemma, then compound parts) in one more batched call. Languages with no
translator gloss to None and the caller shows the original.
"""

from __future__ import annotations

import functools
import hashlib
import re
import shutil
import subprocess
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from briefing.core.errors import BriefingError
from briefing.lang import gloss_reading, icelandic, lexicon, parse_is, quotation
from briefing.lang.values import bounded, qualifiers

if TYPE_CHECKING:
    from islenska.basics import BinMeaning

__all__ = ["ApertiumGlosser", "GlossToolMissing", "Glosser", "gloss", "glosser_for"]

# Apertium keeps blank lines, so one call can carry a whole batch.
_SEPARATOR = "\n\n"
_LEAKED = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # an Apertium rule's tag, no English word
# Apertium marks: *unknown word, #unfinished generation, @untranslated lemma.
_UNKNOWN = re.compile(r"\*([^\W\d_][\w-]*)")
_LOWER_BEFORE = re.compile(r"(?<![\w-])[^\W\d_A-ZÁÉÍÓÚÝÞÆÖÐ]")  # a lower-case word
_MARKS = re.compile(r"(?<!\w)[*#@](?=\w)|(?<=\w)#(?!\w)")  # "will keep# up"
_INITIAL_UNKNOWN = re.compile(r"^(\W*)\*([^\W\d_][\w-]*)")
# Apertium adds an article to a lone noun ("stofninn" -> "The stem"); inside a phrase it
# would be noise.
_ARTICLE = re.compile(r"(?i)\b(?:the|a|an) ")
_PART = 3  # the fewest letters of a compound part read alone
_INSTALL_HINT = "apt-get install -y apertium-isl-eng (or: make install)"
VERSION = 35  # of what a gloss says: remembered glosses of another version are not reused
# Apertium copies numbers as written: Icelandic "1.200" (1,200) and "16,5" (16.5) would
# read as 1.2 and as two numbers to an English reader and to `lang.values`.
_ICELANDIC_NUMBER = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)(?![\d]|[.,]\d)"
)


class GlossToolMissing(BriefingError):
    """The translator a gloss needs is not installed; the message names the fix."""

    exit_code = 2


class Glosser(Protocol):
    """Glosses sentences of one language into English; one output per input, same order."""

    language: str

    def gloss(self, sentences: Sequence[str]) -> list[str | None]: ...


class ApertiumGlosser:
    """Rule-based gloss through an Apertium pair, with BÍN help for unknown words.

    `improve_unknown` retries each word Apertium marks unknown as its BÍN lemma, then as its
    compound parts, and keeps the first gloss Apertium knows; other unknown words (mostly
    foreign names) are kept as written, their mark removed.
    """

    def __init__(
        self, language: str = "is", pair: str = "isl-eng", improve_unknown: bool = True
    ) -> None:
        self.language = language
        self.pair = pair
        self.improve_unknown = improve_unknown
        self._cache: dict[str, str] = {}

    def gloss(self, sentences: Sequence[str]) -> list[str | None]:
        """Gloss every sentence (cached by hash); empty sentences gloss to ""."""
        keys = [self._key(s) for s in sentences]
        fresh = (s for s, k in zip(sentences, keys, strict=True) if k not in self._cache)
        todo = [s for s in dict.fromkeys(fresh) if s.strip()]
        if todo:
            named = inside_names(todo)
            first = [_masked(t, self.language, named) for t in todo]
            genitives = _of_names(todo, first, self.language, self.pair)
            kept = [
                _masked(t, self.language, named, at) if at else masked
                for t, masked, at in zip(todo, first, genitives, strict=True)
            ]
            masked = [t for t, _ in kept]
            opener = _opener(todo, self.language)
            english = self._translate(
                [f"{o[0]} {t}" if o else t for t, o in zip(masked, opener, strict=True)],
                originals=todo,
            )
            english = [_unopened(g, o) for g, o in zip(english, opener, strict=True)]
            raw = [_unstarted(t, g) for t, g in zip(masked, english, strict=True)]
            if self.improve_unknown:
                raw = self._improve(raw)
            for sentence, text, (_, names) in zip(todo, raw, kept, strict=True):
                for mark, name in names.items():
                    text = text.replace(mark, name)
                text = _that(sentence, english_numbers(_MARKS.sub("", text)))
                text = _senses(sentence, text, self.language)
                text = _prepositions(sentence, text, self.language)
                text = _case_senses(sentence, text, self.language)
                text = _durations(sentence, text, self.language)
                text = rebound(sentence, text, self.language)
                self._cache[self._key(sentence)] = text
        return [self._cache.get(k, "") for k in keys]

    def _key(self, sentence: str) -> str:
        flags = f"{self.pair}|{self.improve_unknown}|"
        return hashlib.sha256((flags + sentence).encode()).hexdigest()

    def _translate(self, texts: Sequence[str], originals: Sequence[str] | None = None) -> list[str]:
        """Apertium output, one per text, marks kept: one call, per-text calls if split
        fails. Where `originals` (the sentences the texts were masked from) are given, the
        words Greynir's parse of each reads otherwise are read its way (`gloss_reading`)."""
        flat = [" ".join(t.split()) for t in texts]  # no blank line inside a text
        given = list(originals) if originals is not None else [None] * len(flat)
        out = self._run(_SEPARATOR.join(flat), given).strip("\n").split(_SEPARATOR)
        if len(out) != len(flat):
            return [self._run(t, [o]).strip() for t, o in zip(flat, given, strict=True)]
        # a text whose rules leaked a tag in the batch ("would auxcj_adv_inf higher" for
        # "gæti ekki farið hærra", after some sentences and not others) is run alone
        return [
            self._run(t, [g]).strip() if _LEAKED.search(o) else o.strip()
            for t, o, g in zip(flat, out, given, strict=True)
        ]

    def _run(self, text: str, originals: Sequence[str | None]) -> str:
        if shutil.which("apertium") is None:
            raise GlossToolMissing(f"Apertium is not installed: {_INSTALL_HINT}")
        halves = gloss_reading.halves(self.pair) if any(originals) else None
        if halves is None:
            return self._shell(["apertium", self.pair], text)
        tagged = self._shell(["bash", "-c", halves[0]], text)
        reread = gloss_reading.reread(tagged, originals, self.pair)
        stream, subjects = gloss_reading.subjects(reread)
        english = self._shell(["bash", "-c", halves[1]], stream)
        for form in subjects:  # unknown still, for `_improve` and the name finders
            english = re.sub(rf"(?<!\w)@{re.escape(form)}(?!\w)", "*" + form, english)
        return english

    def _shell(self, command: list[str], text: str) -> str:
        done = subprocess.run(command, input=text, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            detail = done.stderr.strip().splitlines()[-1:] or ["no message"]
            raise GlossToolMissing(f"Apertium {self.pair} failed ({detail[0]}): {_INSTALL_HINT}")
        return done.stdout

    def _improve(self, glosses: list[str]) -> list[str]:
        """Replace *unknown words by the gloss of a BÍN lemma or of compound parts; a
        capitalised first word that BÍN knows only as a common word ("Samningaviðræður")
        is glossed as that word, not kept as a name."""
        unknown = {m.group(1) for g in glosses for m in _UNKNOWN.finditer(g)}
        initial = [_INITIAL_UNKNOWN.match(g) for g in glosses]
        common = {m.group(2) for m in initial if m and _common(m.group(2))}
        better: dict[str, str] = {}
        for word in unknown:
            listed = glossary_english(word, self.language, at_start=word in common)
            if listed is not None:
                better[word] = listed[:1].upper() + listed[1:] if word[:1].isupper() else listed
        options = {word: _alternatives(word) for word in unknown - common - set(better)}
        options |= {word: _alternatives(word.lower()) for word in common - set(better)}
        splits = {w: _splits(w) for w in options if not w[:1].isupper() or w in common}
        parts = {q for s in splits.values() for one in s for p in one for q in (p, *_lemma(p))}
        tries = sorted({alt for alts in options.values() for alt in alts} | parts)
        glossed = dict(zip(tries, self._translate(tries), strict=True)) if tries else {}
        for word, alts in options.items():
            # A lemma of the whole word that Apertium knows ("mótmæla": protest), else
            # compound parts each with English (`_by_parts`), else the dictionary table's
            # English of a lower-case word ("skriða": landslide), else the alternative with
            # the fewest words still unknown, if any is known: compound parts would read
            # "mót" + "mæltu" as "meeting speak".
            whole = [a for a in alts if " " not in a and "*" not in glossed[a]]
            scored = [(glossed[a].count("*") - len(a.split()), i, a) for i, a in enumerate(alts)]
            by_parts = None if whole else _by_parts(splits.get(word, []), glossed, self.language)
            listed = (
                None
                if whole or by_parts or not word.islower()
                else dictionary_of(word, self.language)
            )
            best = (-1, 0, whole[0]) if whole else min(scored, default=None)
            if listed is not None:
                better[word] = listed
            elif by_parts is not None:
                better[word] = by_parts[:1].upper() + by_parts[1:] if word in common else by_parts
            elif best is not None and best[0] < 0:
                text = _bare(_MARKS.sub("", glossed[best[2]]))
                better[word] = text if word[:1].isupper() else text[:1].lower() + text[1:]

        def replace(match: re.Match[str]) -> str:
            return better.get(match.group(1), match.group(0))

        out = []
        for gloss_text, start in zip(glosses, initial, strict=True):
            if start and start.group(2) in common and start.group(2) in better:
                rest = _UNKNOWN.sub(replace, gloss_text[start.end() :])
                gloss_text = start.group(1) + better[start.group(2)] + rest
            out.append(_UNKNOWN.sub(replace, gloss_text))
        return out


_NAME_MARK = "Qzx{}qz"  # no word of any language: Apertium keeps it as written, unknown


def _marked(marks: dict[str, str], english: str) -> str:
    """A new mark in `marks` standing for `english`, returned to be put in the sentence."""
    n = len(marks)
    key = _NAME_MARK.format(chr(ord("a") + n % 26) * (1 + n // 26))
    marks[key] = english
    return key


@functools.cache
def _phrase_pattern(language: str) -> re.Pattern[str] | None:
    """The lexicon's `gloss_phrases` as one pattern, longest first, whole words only."""
    table = lexicon.table("gloss_phrases", language)
    if not table:
        return None
    keys = sorted(table, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def _phrases_kept(
    sentence: str, language: str, marks: dict[str, str] | None = None
) -> tuple[str, dict[str, str]]:
    """`sentence` with each set phrase of the lexicon's `gloss_phrases` swapped for a
    mark Apertium keeps, and the marks with the phrase's English. Apertium reads such a
    phrase word by word: "hægt að" (possible to) as "slowed to", "til baka" (back) as "to
    bake", "í hverri viku" (every week) as "in what yielded", "um leið og" (as soon as)
    as "for at the same time as". A phrase written with a capital gets one."""
    pattern = _phrase_pattern(language)
    marks = dict(marks or {})
    if pattern is None:
        return sentence, marks
    table = lexicon.table("gloss_phrases", language)

    def mark(match: re.Match[str]) -> str:
        english = table[" ".join(match.group().lower().split())]
        if match.group()[:1].isupper():
            english = english[:1].upper() + english[1:]
        return _marked(marks, english)

    return pattern.sub(mark, sentence), marks


def _masked(
    sentence: str, language: str, named: frozenset[str], genitives: Sequence[int] = ()
) -> tuple[str, dict[str, str]]:
    """`sentence` as Apertium is given it, and its marks: the genitive's English before
    each offset of `genitives` (`_of_names`), set phrases, persons' nominatives and names
    that are common words kept as marks."""
    marks: dict[str, str] = {}
    english = lexicon.table("gloss_genitive", language).get("english")
    for at in sorted(genitives, reverse=True) if english else ():
        sentence = f"{sentence[:at]}{_marked(marks, english)} {sentence[at:]}"
    text, marks = _bodies_kept(*_phrases_kept(sentence, language, marks), language)
    return _names_kept(*_persons_kept(text, marks), named)


def _bodies_kept(sentence: str, marks: dict[str, str], language: str) -> tuple[str, dict[str, str]]:
    """`sentence` with each capitalised body noun of the lexicon's `gloss_bodies` that has
    no article and stands before a lower-case word in the genitive (BÍN) swapped for a
    mark of its English: "Félag grunnskólakennara" is "Association of elementary school
    teacher", not "Company elementary school teacher"."""
    table = lexicon.table("gloss_bodies", language)
    if not table:
        return sentence, marks
    marks = dict(marks)

    def mark(match: re.Match[str]) -> str:
        word, after = match.group(1), match.group(2)
        readings = [m for m in icelandic.meanings(word) if m.ord in table]
        if not readings or any("gr" in m.mark for m in readings):
            return match.group()
        if not icelandic.genitive(after):
            return match.group()
        return _marked(marks, table[readings[0].ord]) + match.group()[len(word) :]

    return re.sub(
        r"(?<![\w-])([A-ZÁÉÍÓÚÝÞÆÖÐ][^\W\d_]+) ([^\W\d_A-ZÁÉÍÓÚÝÞÆÖÐ][^\W\d_]*)", mark, sentence
    ), marks


def _genitive_names(sentence: str, language: str) -> list[tuple[int, str]]:
    """The offset and text of each name that takes "of" after the word before it
    (`_takes_of`), outside a set phrase ("Að sögn Hafsteins" Apertium reads as
    "According to", `acts.according_to`)."""
    table = lexicon.table("gloss_genitive", language)
    words = parse_is.words(sentence) if table and _CAPITALISED.search(sentence) else None
    if not words:
        return []
    according = lexicon.phrases("acts.according_to", language)
    phrases = _phrase_spans(sentence, language) + [m.span() for m in according.finditer(sentence)]
    offsets = _offsets(sentence, words)
    found: list[tuple[int, str]] = []
    for n in range(1, len(words)):
        at, before = offsets[n], offsets[n - 1]
        if (
            at > 0
            and before >= 0
            and not any(start <= before < end for start, end in phrases)
            and (  # a common noun, not a name Greynir reads as one ("sagði Kari Berg")
                words[n - 1].text[:1].islower()
                or not sentence[:before].strip(quotation.CLOSING + " ")
                or any(earlier == before for earlier, _ in found)
            )
            and _takes_of(words[n - 1], words[n], table, language)
        ):
            found.append((at, words[n].text))
    return found


def _takes_of(
    noun: parse_is.Word, name: parse_is.Word, table: dict[str, str], language: str
) -> bool:
    """`name` is a genitive of `noun`: a noun with no article (with it, it stands beside a
    name: "stjarnan Eden Hazard", the star) before a name in the genitive (Greynir's parse
    and `_genitive_form`), or a title ("forstjóri Isavia", `roles.endings`) before a name
    Greynir gives no case: one word, or a genitive's ("framkvæmdastjóri Næringar ehf.";
    not "Prófessor Jay Berzofsky")."""
    if noun.category != "no" or "gr" in noun.variants or not name.text[:1].isupper():
        return False
    if name.variants:
        return table["case"] in name.variants and _genitive_form(name.text, table)
    titles = tuple(lexicon.words("roles.endings", language))
    return noun.lemma.lower().endswith(titles) and (
        " " not in name.text or _genitive_form(name.text, table)
    )


def _offsets(sentence: str, words: Sequence[parse_is.Word]) -> list[int]:
    """Where each of Greynir's `words` stands in `sentence`, in order; -1 where its text
    is not found as written."""
    offsets, at = [], 0
    for word in words:
        found = sentence.find(word.text, at)
        offsets.append(found)
        at = found + len(word.text) if found >= 0 else at
    return offsets


def _phrase_spans(sentence: str, language: str) -> list[tuple[int, int]]:
    """Where `sentence` has a set phrase of the lexicon's `gloss_phrases`."""
    pattern = _phrase_pattern(language)
    return [m.span() for m in pattern.finditer(sentence)] if pattern else []


def _genitive_form(name: str, table: dict[str, str]) -> bool:
    """`name`'s first word is a genitive form: in BÍN, or, a name BÍN lacks, on a genitive
    noun BÍN lists ("Atlantsgagna") or with the genitive ending Icelandic gives a foreign
    name ("Trumps"; Greynir also reads "Czeisler" and "Cromwell" as genitives)."""
    first = name.split()[0]
    if icelandic.meanings(first):
        return icelandic.genitive(first, adjective=False)
    return first.endswith(table["foreign_ending"]) or icelandic.genitive_tail(first)


def _of_names(
    sentences: Sequence[str], masked: Sequence[tuple[str, dict[str, str]]], language: str, pair: str
) -> list[list[int]]:
    """For each sentence, the offsets of its genitive names (`_genitive_names`) that take
    the lexicon's "of" (`gloss_genitive`) before them: those Apertium does not read, which
    it keeps with no "of" ("formaður Kennarasambandsins" was "chairman Kennarasambandið"),
    and those the gloss keeps as marks ("ríkisstjórn Kristrúnar": government of Kristrún).
    Not a name Apertium reads: an unknown word before it breaks its phrase ("Bæjarstjórn
    Hafnarfjarðar fjallar um" read "Town council of Hafnarfjörður the agreement
    discusses")."""
    names = [_genitive_names(s, language) for s in sentences]
    unread = gloss_reading.unknown(pair, sorted({w.split()[0] for n in names for _, w in n}))
    out = []
    for found, (text, _) in zip(names, masked, strict=True):
        left = set(re.findall(r"[^\W\d_]+", text))
        out.append([at for at, w in found if w.split()[0] in unread or w.split()[0] not in left])
    return out


def _opens_on_phrase(sentence: str, language: str) -> bool:
    """Whether `sentence` opens on a set phrase of the lexicon's `gloss_phrases`."""
    pattern = _phrase_pattern(language)
    start = re.match(r"\W*", sentence)
    return pattern is not None and pattern.match(sentence, start.end() if start else 0) is not None


def _opener(sentences: Sequence[str], language: str) -> list[tuple[str, str] | None]:
    """For each sentence that opens on a set phrase, the lexicon's `gloss_opener` word and
    its English, else None: Apertium capitalises the first word it knows wherever its
    rules move it ("After it both parties Said that…" for "Að honum loknum sögðu báðir
    aðilar að…"), so such a text is given to it after that word."""
    table = lexicon.table("gloss_opener", language)
    word = (table["source"], table["english"]) if table else None
    return [word if word and _opens_on_phrase(s, language) else None for s in sentences]


def _unopened(english: str, opener: tuple[str, str] | None) -> str:
    """`english` without the opener put before its text (its English, or the word itself
    where Apertium kept it)."""
    if opener is None:
        return english
    words = "|".join(map(re.escape, opener[::-1]))
    return re.sub(rf"^(\W*)(?:{words})\s+", r"\1", english, count=1)


_NAME_RUN = re.compile(r"(?<![\w-])[A-ZÁÉÍÓÚÝÞÆÖÐ][^\W\d_]+(?: [A-ZÁÉÍÓÚÝÞÆÖÐ][^\W\d_]+)*")


def _persons_kept(sentence: str, marks: dict[str, str]) -> tuple[str, dict[str, str]]:
    """`sentence` with each person's name that is not in the nominative swapped for a
    mark standing for its nominative (`parse_is.name_nominative`): an English reader
    reads "according to Haraldur Ingi Benediktsson", not "Haraldar Inga
    Benediktssonar", and "beside Donald Trump", not "Donalds Trump". Each word is one
    BÍN lists as a person's name; never a sentence's first word, which may be a common
    word (`_names_kept` reads it). A name of two words or more inside the sentence is
    kept whole though it is in the nominative: after a comma "Oddur Steinarsson" was
    glossed "Point Steinarsson".
    Where BÍN gives a form two names of one gender ("Haraldar": Harald or Haraldur), the
    one Icelandic writes more often (`icegrams` unigram counts)."""
    persons = lexicon.wordset("bin.person_domains", "is")
    marks = dict(marks)

    def named(word: str) -> list[BinMeaning]:
        return [m for m in icelandic.meanings(word) if m.hluti in persons]

    def nominative(match: re.Match[str]) -> str:
        words = match.group().split()
        start = 0 if match.start() else 1  # a first word alone may be a common word
        while start < len(words) and not named(words[start]):
            start += 1
        end = start
        while end < len(words) and named(words[end]):
            end += 1
        run = words[start:end]
        if not run:
            return match.group()
        found = parse_is.name_nominative(" ".join(run)).split()
        chosen = [_commonest(f, named(w)) for w, f in zip(run, found, strict=True)]
        if chosen == run and (len(run) < 2 or match.start() == 0):
            return match.group()  # a name inside the sentence's opening run of capitals
        return " ".join([*words[:start], _marked(marks, " ".join(chosen)), *words[end:]])

    return _NAME_RUN.sub(nominative, sentence), marks


def _commonest(found: str, meanings: list[BinMeaning]) -> str:
    """Of the names of `found`'s gender among a word's `meanings`, the one Icelandic
    writes most often; `found` where it is none of them (Greynir read it otherwise)."""
    genders = {m.ofl for m in meanings if m.ord == found}
    same = {m.ord for m in meanings if m.ofl in genders}
    if len(same) < 2:
        return found
    return max(sorted(same), key=icelandic.unigram_count)


_CAPITALISED = re.compile(r"(?<=[^\W\d_] )([A-ZÁÉÍÓÚÝÞÆÖÐ][^\W\d_]+)")
_OPENING_NAME = re.compile(r"(?<=^)([A-ZÁÉÍÓÚÝÞÆÖÐ][^\W\d_]+)(?= [A-ZÁÉÍÓÚÝÞÆÖÐ])")
_FIRST_WORD = re.compile(r"^([A-ZÁÉÍÓÚÝÞÆÖÐ][^\W\d_]+)(?=[\s,])")


@functools.cache
def _other_names() -> frozenset[str]:
    """BÍN's domains of the place and body names kept as written: not countries, which
    Apertium knows ("Íslands": Iceland)."""
    places = lexicon.wordset("bin.place_domains", "is") - lexicon.wordset("bin.countries", "is")
    return places | lexicon.wordset("bin.body_domains", "is")


def _names_kept(
    sentence: str, phrases: dict[str, str] | None = None, named: frozenset[str] = frozenset()
) -> tuple[str, dict[str, str]]:
    """`sentence` with each name inside it that is also a common word swapped for a mark
    Apertium keeps, and the marks with what each stands for. A person's name (a
    capitalised word after another word that BÍN lists as a first name or a surname and,
    lower-cased, as a common word, not one its compound guesser makes of "Pálsson"):
    "sagði Logi" was glossed "said Burns" (logi: a flame); a sentence's first word only
    where a capitalised word follows it, the rest of the name ("Ómar Freyr Bjarnason" was
    glossed "Distant sounds Freyr Bjarnason"): alone and unknown there, Apertium
    capitalises the next word it knows ("Ceo"). After a lower-case word, also a name BÍN
    lists only as a name ("Að sögn Heiðars Freys" was "According to Bright Freys"). A
    place's or a body's name (`bin.place_domains` but countries, `bin.body_domains`)
    whose lower-cased form is a common noun, given in the nominative: "Veitur" was
    glossed "Grant", "á Reykjum" "on Smokes"; as the first word only where `named` (the
    lemmas of names the batch capitalises inside a sentence) has it, since "Veitur" may
    open a sentence as the plural of "veita"."""
    persons = lexicon.wordset("bin.person_domains", "is")
    others = _other_names()
    names: dict[str, str] = dict(phrases or {})

    def mark(word: str) -> str:
        return _marked(names, word)

    def keep(match: re.Match[str], opening: bool = False, person: bool = True) -> str:
        word = match.group(1)
        common = [
            m for m in icelandic.meanings(word.lower()) if m.ord[:1].islower() and m.bin_id != 0
        ]
        readings = icelandic.meanings(word)
        if person and any(m.hluti in persons for m in readings):
            only = all(m.hluti in persons for m in readings)
            if common or (only and _LOWER_BEFORE.search(match.string[: match.start()])):
                return mark(word)  # "Að sögn Heiðars Freys" was "According to Bright Freys"
        place = {m.ord for m in readings if m.hluti in others}
        if len(place) == 1 and any(m.ofl in icelandic.NOUNS for m in common):
            (lemma,) = place
            if not opening or lemma in named:
                return mark(lemma)
        return word

    person = _OPENING_NAME.match(sentence) is not None  # a capitalised word follows it
    text = _FIRST_WORD.sub(lambda m: keep(m, opening=True, person=person), sentence, count=1)
    return _CAPITALISED.sub(keep, text), names


def inside_names(sentences: Sequence[str]) -> frozenset[str]:
    """The lemmas of place and body names that `sentences` capitalise after another word:
    what a sentence's first word may be (`_names_kept`)."""
    others = _other_names()
    return frozenset(
        m.ord
        for sentence in sentences
        for word in _CAPITALISED.findall(sentence)
        for m in icelandic.meanings(word)
        if m.hluti in others
    )


# Words Apertium did not know at the start of a sentence, then the first word it did.
_LEADING_UNKNOWN = re.compile(r"^(\W*(?:\*[^\W\d_][\w-]*[,;:]?\s+)+)([#@]?[A-Z][a-z]+)\b")


def _unstarted(sentence: str, raw: str) -> str:
    """Apertium capitalises the first word it knows as if it began the sentence, after
    unknown words ("*Pútín Said to Ukraine"): a name to every name finder ("Pútín Said").
    Lower-cased where the word it glosses, the one after as many source words, is."""
    match = _LEADING_UNKNOWN.match(raw)
    if match is None:
        return raw
    unknown = len(match.group(1).split())
    source = sentence.split()
    if len(source) <= unknown or not source[unknown].lstrip(",;:")[:1].islower():
        return raw
    return match.group(1) + match.group(2).lower() + raw[match.end() :]


# "sagði að Úkraína..." is "said that Ukraine...": Apertium takes "að" for "to".
_SAID_TO = re.compile(rf"\b({lexicon.as_written_or_capitalised('speech.that_clause', 'en')}) to\b")


def _that(sentence: str, gloss_text: str) -> str:
    """ "said to" where the sentence says "sagði að" (said that), not "sagði við" (to)."""
    if not re.search(r"\bað\b", sentence):
        return gloss_text
    return _SAID_TO.sub(r"\1 that", gloss_text)


def _senses(sentence: str, gloss_text: str, language: str) -> str:
    """Apertium's first sense replaced by the one news means, where a word of the sentence
    has the lemma the lexicon lists it for (`gloss_senses`): "compose" for the relative
    "sem" is "that", "lifted" for "hófust" "began". A key of several words is a phrase
    the sentence has as written ("ekki liggur fyrir hver": "Not lies each" is "Not known
    who")."""
    table = lexicon.table("gloss_senses", language)
    wrong_forms = {w for forms in table.values() for w in forms}
    if not any(re.search(rf"(?i)\b{re.escape(w)}\b", gloss_text) for w in wrong_forms):
        return gloss_text  # most glosses: no sentence word is looked up in BÍN
    words = {w for w in re.findall(r"[^\W\d_]+", sentence)}
    present = {lemma for w in words for lemma in (icelandic.lemmas(w.lower()) | {w.lower()})}
    said = " ".join(re.findall(r"[^\W\d_]+", sentence.lower()))
    done: list[str] = []  # phrases applied: a shorter one inside is no second match
    for lemma, forms in table.items():
        phrase = " " in lemma
        if phrase and (
            not re.search(rf"\b{re.escape(lemma)}\b", said) or any(lemma in d for d in done)
        ):
            continue
        if not phrase and lemma not in present:
            continue
        done += [lemma] if phrase else []
        for wrong, right in forms.items():
            gloss_text = _swapped(gloss_text, wrong, right)
    return gloss_text


def _swapped(gloss_text: str, wrong: str, right: str) -> str:
    """Each whole word or phrase `wrong` of the gloss (any case) as `right`, capitalised
    where it was."""
    return re.sub(
        rf"\b{re.escape(wrong)}\b",
        lambda m: right[:1].upper() + right[1:] if m.group()[:1].isupper() else right,
        gloss_text,
        flags=re.IGNORECASE,
    )


def _prepositions(sentence: str, gloss_text: str, language: str) -> str:
    """A verb's English Apertium wrote for a preposition of the sentence (`gloss_preposition`)
    put back as the preposition's: "owns Egilsstöðum" for "á Egilsstöðum" is "on
    Egilsstöðum". Only where no other word of the sentence is a form of that verb and the
    preposition is never followed by "að", which makes it the verb ("á að": is to)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", sentence)]
    for word, entry in lexicon.table("gloss_preposition", language).items():
        at = [i for i, w in enumerate(words) if w == word]
        if not at or any(words[i + 1 : i + 2] == ["að"] for i in at):
            continue
        others = {lemma for w in words if w != word for lemma in icelandic.lemmas(w)}
        for english, verb in entry["verbs"].items():
            if verb not in others:
                gloss_text = _swapped(gloss_text, english, entry["english"])
    return gloss_text


def _case_senses(sentence: str, gloss_text: str, language: str) -> str:
    """A preposition's English by the case Greynir reads it governing (`gloss_case_sense`):
    "fyrir" with the accusative is "for" ("stórt skref fyrir Ísland" was "big step before
    Iceland"), not before a time or after a verb of coming before. Each of the sentence's
    such prepositions outside a set phrase is matched in order to the gloss's English for
    it, only where the two count as many."""
    table = lexicon.table("gloss_case_sense", language)
    lowered = sentence.lower()
    present = [w for w in table if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lowered)]
    words = parse_is.words(sentence) if present else None
    if not words:
        return gloss_text
    phrases = _phrase_spans(sentence, language)
    offsets = _offsets(sentence, words)
    for source in present:
        entry = table[source]
        wanted = [
            entry["meant"] if _case_meant(words, n, entry) else entry["english"]
            for n, word in enumerate(words)
            if word.text.lower() == source
            and not any(start <= offsets[n] < end for start, end in phrases)
        ]
        glossed = list(re.finditer(rf"\b{re.escape(entry['english'])}\b", gloss_text, re.I))
        if len(glossed) != len(wanted):
            continue
        for match, english in zip(reversed(glossed), reversed(wanted), strict=True):
            if english != entry["english"]:
                if match.group()[:1].isupper():
                    english = english[:1].upper() + english[1:]
                gloss_text = gloss_text[: match.start()] + english + gloss_text[match.end() :]
    return gloss_text


def _case_meant(words: Sequence[parse_is.Word], n: int, entry: dict) -> bool:
    """Word `n` governs a case of `entry`'s and stands before no time (a counted time noun
    is how long) and after no verb of its `verbs` (the verb nearest before it, within
    three words)."""
    if not set(words[n].variants) & set(entry["cases"]):
        return False
    ahead = words[n + 1 : n + 4]
    if not ahead or ahead[0].category in entry["time_tokens"]:
        return False
    noun = next((w for w in ahead if w.category == "no"), None)
    counted = ahead[0].category in entry["numbers"]  # "fyrir átta tíma vistun": for
    if noun is not None and noun.lemma.lower() in entry["times"] and not counted:
        return False
    verb = next((w for w in reversed(words[max(0, n - 3) : n]) if w.category == "so"), None)
    return verb is None or verb.lemma not in entry["verbs"]


@functools.cache
def _duration_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The sentence's "í" before a number of units, the word before it caught, and the
    gloss's "in" before a number of English units (`gloss_duration`)."""
    table = lexicon.table("gloss_duration", language)
    if not table:
        return None
    number = rf"(?:\d[\d.,]*|{lexicon.alternation('numbers.words', language)})"
    qualifier = lexicon.alternation("numbers.qualifiers.nearly", language)
    qualifier += "|" + lexicon.alternation("numbers.qualifiers.over", language)
    units = "|".join(map(re.escape, table["units"]))
    said = re.compile(
        rf"(?i)(\w*)\s+{re.escape(table['preposition'])}\s+(?:(?:{qualifier})\s+)?"
        rf"{number}\s+(?:{units})\b"
    )
    english_number = rf"(?:\d[\d.,]*|{lexicon.alternation('numbers.words', 'en')})"
    english_units = "|".join(map(re.escape, table["english_units"]))
    glossed = re.compile(
        rf"\b{re.escape(table['english'])}(?=\s+(?:[a-z]+\s+){{0,2}}?{english_number}\s+"
        rf"(?:{english_units})\b)"
    )
    return said, glossed


def _durations(sentence: str, gloss_text: str, language: str) -> str:
    """ "for three weeks" where the sentence says "í þrjár vikur" (how long), which Apertium
    glosses "in three weeks"; "to" after a verb of change ("styttar í tíu klukkustundir":
    shortened to ten hours); "in" after "the first time" (`kept_after`). The gloss's such
    phrases are taken in the sentence's order and only where both have as many."""
    patterns = _duration_patterns(language)
    if patterns is None:
        return gloss_text
    table = lexicon.table("gloss_duration", language)
    changes = tuple(lexicon.words("numbers.loose_about.changes", language))
    kept = {w.casefold() for w in table.get("kept_after", [])}
    wanted = [
        table["english"]
        if m.group(1).casefold() in kept
        else table["change"]
        if m.group(1).lower().startswith(changes)
        else table["length"]
        for m in patterns[0].finditer(sentence)
    ]
    glossed = list(patterns[1].finditer(gloss_text))
    if not wanted or len(glossed) != len(wanted):
        return gloss_text
    for match, english in zip(reversed(glossed), reversed(wanted), strict=True):
        gloss_text = gloss_text[: match.start()] + english + gloss_text[match.end() :]
    return gloss_text


def rebound(sentence: str, gloss_text: str, language: str) -> str:
    """The gloss bounds each number as the sentence does: Apertium reads "tæp tíu ár"
    (nearly ten years) as "less than ten years", a claim the sentence does not make. Where
    the two bound a number otherwise, the gloss's qualifier becomes the lexicon's English
    for the sentence's (`numbers.qualifiers`)."""
    theirs = qualifiers(sentence, language)
    for start, end, number, bound in reversed(bounded(gloss_text, "en")):
        if theirs.get(number, bound) != bound:
            english = lexicon.words(f"numbers.qualifiers.{theirs[number]}", "en")[0]
            gloss_text = gloss_text[:start] + english + gloss_text[end:]
    return gloss_text


def english_numbers(text: str) -> str:
    """Icelandic number notation in a gloss written the English way: 1.200 -> 1,200,
    16,5 -> 16.5, 1.500,75 -> 1,500.75."""

    def swap(match: re.Match[str]) -> str:
        return match.group().translate(str.maketrans({".": ",", ",": "."}))

    return _ICELANDIC_NUMBER.sub(swap, text)


def _common(word: str) -> bool:
    return word[:1].isupper() and icelandic.listed_common_word(word)


def glossary_english(word: str, language: str, at_start: bool = False) -> str | None:
    """The text layer's English (`glossary` in the lexicon) for a word Apertium lacks,
    by its BÍN lemma (compound parts joined): a plural noun form glossed plural; None
    where the word's lemmas are not listed. `at_start`: the word opens its sentence and
    BÍN knows it as a common word, capitalised."""
    listed = lexicon.table("glossary", language)
    if not listed:
        return None
    form = word.lower() if at_start else word
    meanings = [m for m in icelandic.meanings(form) if m.ord.replace("-", "") in listed]
    if not meanings:
        return None
    english = listed[meanings[0].ord.replace("-", "")]
    plural = all(m.ofl in icelandic.NOUNS and "FT" in m.mark for m in meanings)
    return _plural(english) if plural else english


def _plural(english: str) -> str:
    """The English plural of a gloss's last word ("overtime ban" -> "overtime bans"); a
    phrase with a preposition stays ("turn of the month": its head is not last), and so
    does a word in -s ("premises")."""
    if " of " in english or " to " in english or english.endswith("s"):
        return english  # "premises", "talks": plural already
    if english.endswith(("x", "ch", "sh")):
        return english + "es"
    if english.endswith("man"):
        return english[:-3] + "men"  # "workman": "hafnarverkamenn" was "reject workmans"
    if english.endswith("y") and english[-2:-1] not in "aeiou":
        return english[:-1] + "ies"
    return english + "s"


def _alternatives(word: str) -> list[str]:
    """What to retry an unknown word as, best first: its lemmas, then its compound parts.

    Capitalised words are names: split, "Bergen" would become "Carries gen".
    """
    alts = _lemma(word)
    parts = icelandic.compound_parts(word)
    if len(parts) > 1 and not word[:1].isupper() and not _particle(parts[0]):
        alts.append(" ".join(parts))
        lemma_parts = [min(icelandic.lemmas(p), default=p) for p in parts]
        alts.append(" ".join(lemma_parts))
    return alts


def _splits(word: str) -> list[tuple[str, ...]]:
    """Ways to read a word Apertium lacks as a compound, fewest parts first: `islenska`'s
    split, and every cut into two real word forms ("leik" + "skólagjöld" and "leikskóla"
    + "gjöld"), the longer head first."""
    low = word.lower()
    found = [tuple(p.lower() for p in icelandic.compound_parts(low))]
    for cut in range(len(low) - _PART, _PART - 1, -1):
        head, tail = low[:cut], low[cut:]
        if icelandic.is_known_word(head) and icelandic.is_known_word(tail):
            found.append((head, tail))
    return sorted((s for s in dict.fromkeys(found) if len(s) > 1 and not _particle(s[0])), key=len)


_PARTICLES = ("fs", "ao")  # BÍN's prepositions and adverbs


def _particle(part: str) -> bool:
    """A compound opening on a preposition or adverb ("við" + "gerð": a repair, "upp" +
    "sögn": a dismissal) means what neither part does: read part by part it is "wood
    dones" for "viðgerðirnar", so it is left as written unless the glossary lists it."""
    return any(m.ofl in _PARTICLES for m in icelandic.meanings(part))


def _lemma(word: str) -> list[str]:
    """The word's other BÍN lemmas, in order."""
    return sorted(icelandic.lemmas(word) - {word})


def _bare(english: str) -> str:
    """Apertium's English of a word alone, without the article it adds to a lone noun
    or the full stop."""
    return _ARTICLE.sub("", english).strip().rstrip(".")


def _part_english(part: str, last: bool, glossed: dict[str, str], language: str) -> str | None:
    """A compound part's English: the glossary's, else Apertium's of its noun lemma (a
    compound's parts are nouns: "gjalda" is a fee's genitive plural, not "pay"; the last
    part plural where its form is), else of the part or another lemma; None where
    neither knows it."""
    listed = glossary_english(part, language)
    if listed is not None:
        return listed
    nouns = [m for m in icelandic.meanings(part) if m.ofl in icelandic.NOUNS]
    forms = [m.ord.replace("-", "") for m in nouns] or [part, *_lemma(part)]
    plural = last and nouns and all("FT" in m.mark for m in nouns)
    for form in dict.fromkeys(forms):
        text = glossed.get(form, "*")
        if "*" not in text and "#" not in text:
            english = _bare(text).lower()
            return _plural(english) if plural else english
    listed = dictionary_of(part, language, nouns_only=True)
    return listed if listed is None or not plural else _plural(listed)


_POS = {"kk": "n", "kvk": "n", "hk": "n", "so": "v", "lo": "a", "ao": "d"}  # BÍN's to the table's


def dictionary_of(word: str, language: str, nouns_only: bool = False) -> str | None:
    """The dictionary table's English (`lexicon.dictionary_english`) for a word neither
    the glossary nor Apertium knows, by its BÍN lemma and word class, a plural noun form
    glossed plural: "skriða" is "landslide", "jarðgöng" "tunnel", "sturtu" "shower" (they
    were left in Icelandic); `nouns_only` for a compound's part, read as a noun."""
    found = [
        (m, english)
        for m in icelandic.meanings(word)  # a lower-case word or a compound's part
        if m.ofl in (icelandic.NOUNS if nouns_only else _POS)
        and (english := lexicon.dictionary_english(m.ord.replace("-", ""), _POS[m.ofl], language))
    ]
    if not found:
        return None
    english = found[0][1]
    nouns = [m for m, _ in found if m.ofl in icelandic.NOUNS]
    plural = nouns and len(nouns) == len(found) and all("FT" in m.mark for m in nouns)
    return _plural(english) if plural and not nouns_only else english


def _by_parts(splits: list[tuple[str, ...]], glossed: dict[str, str], language: str) -> str | None:
    """The English of the first split whose every part has English, the parts in order
    ("leikskóla" + "gjöld": "kindergarten fees", where "leik" + "skólagjöld" leaves
    "skólagjöld" unknown); None where no split has."""
    for split in splits:
        last = len(split) - 1
        english = [_part_english(p, n == last, glossed, language) for n, p in enumerate(split)]
        if all(english):
            return " ".join(e for e in english if e)
    return None


_GLOSSERS: dict[str, Glosser] = {}


def glosser_for(language: str) -> Glosser | None:
    """The glosser for a language code ("is"), or None where there is no translator."""
    if language not in _GLOSSERS and language == "is":
        _GLOSSERS[language] = ApertiumGlosser()
    return _GLOSSERS.get(language)


def gloss(sentences: Sequence[str], language: str) -> list[str | None]:
    """English glosses of `sentences`; English passes through, unknown languages give None."""
    if language == "en":
        return list(sentences)
    glosser = glosser_for(language)
    if glosser is None:
        return [None] * len(sentences)
    return glosser.gloss(sentences)
