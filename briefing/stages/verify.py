"""Every statement is checked against its cited sentences before it may be published.

Code checks what code can: each number and date as a typed value, each name (through
Icelandic lemmas and case endings), and that most of the statement's content words, and
some of each clause's, are in the cited sentences, their English glosses or the
dictionary's senses of their words; over Icelandic sentences alone, negation as Greynir
parses it (`briefing eval glossed` measures these). A statement that fails with the
sentences the model cited is re-cited to a neighbouring or linked sentence that passes,
if one does; otherwise it goes to `dropped` with the reason. Then, where a checker is
given, its score must clear its threshold (a statement that is its cited sentence as
written needs none): say less rather than say wrong.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from briefing.check.details import place, words
from briefing.check.features import negations
from briefing.core.ids import sentence_id, sentence_number, source_of
from briefing.core.languages import PIVOT, language_name
from briefing.lang import lexicon
from briefing.lang.calendar import calendar_words
from briefing.lang.detect import language_of
from briefing.lang.embed import E5Embedder, cosine, default_embedder, similarity
from briefing.lang.fold import fold, latin, loose_fold
from briefing.lang.icelandic import lemmas, names_match
from briefing.lang.lexicon import opens_on_pronoun, subject_pronouns
from briefing.lang.names import CYRILLIC_LANGUAGES, names_in, place_named, same_person, untitled
from briefing.lang.quotation import CLOSING, MARKS
from briefing.lang.senses import senses
from briefing.lang.values import Value, magnitudes, qualifiers, values, within
from briefing.stages.align import Link
from briefing.stages.found import Found
from briefing.stages.holders import group_body, holder_in, named_before, placed
from briefing.stages.quoted import SAID, Quote, attributed, quotes
from briefing.stages.reading import Reading
from briefing.stages.select import FIRST_PERSON, ends_as_sentence, expletive, in_quotation
from briefing.stages.speakers import parsed

STOPWORDS = lexicon.wordset("content.stopwords", PIVOT)
MIN_OVERLAP = 0.5  # share of the statement's content words the evidence must contain


@dataclass(frozen=True)
class Verdict:
    """What the checker says of one statement against its evidence."""

    score: float
    supported: bool
    reason: str = ""


Checker = Callable[[str, list[str]], Verdict]  # statement, evidence ids -> verdict


def content_words(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {w for w in words if len(w) > 3 and w not in STOPWORDS}


def _stem(word: str) -> str:
    return word[:5]


def problems(
    statement: str,
    evidence: list[str],
    reading: Reading,
    overlap: bool = True,
    names: bool = True,
    quoting: bool = True,
) -> list[str]:
    """What of `statement` its evidence sentences do not give (empty: it passes).
    `overlap=False` skips the content-word overlap, for evidence whose only English is a
    rough gloss, where meaning is left to the support checker (as it is over evidence
    with no English at all, `unread`); `names=False` the names,
    for a translation shown beside its original (`translations`): "British" for
    "britannique", "Moscow" for "Москве" are right, and code cannot tell; `quoting=False`
    what a statement's quotes must be, for a plain translation of a sentence
    (`stages.translate`): its quotes are translated, and a quote's "we" is the speaker's."""
    found: list[str] = []
    stripped = statement.strip()
    opening = stripped if quoting else stripped.lstrip(CLOSING + "\"'“„«‘‚ ")
    if len(stripped.split()) < 4 or not (opening[:1].isupper() or opening[:1].isdigit()):
        found.append("not a whole sentence")
    elif not ends_as_sentence(stripped):  # "This road is closed...,": its speaker cut off
        found.append("not a whole sentence: it does not end as one")
    originals = [reading.sentences[i].text for i in evidence]
    english = [reading.english(i) for i in evidence]
    given = set().union(*(reading.values[i] for i in evidence))
    stated = values(statement, "en")
    for value in stated - given:
        if not any(within(value, g) for g in given):  # "in March" of "3 March" is there
            found.append(f"the {value.kind} {_show(value)} is not in the cited sentences")
    found += _bounds(statement, evidence, reading)
    days = {d for d in calendar_words(statement, PIVOT) if d.startswith("weekday")}
    named = set().union(
        *(calendar_words(reading.sentences[i].text, reading.language[i]) for i in evidence),
        *(calendar_words(reading.gloss[i], PIVOT) for i in evidence if i in reading.gloss),
    )
    if days - named:
        found.append("a weekday the cited sentences do not name")
    sizes, given_sizes = magnitudes(statement), magnitudes(" ".join(english))
    for size in sizes.keys() - given_sizes.keys():
        found.append(f"the size '{sizes[size]}' is not in the cited sentences")
    if given and not stated and all(i in reading.gloss for i in evidence):
        found.append("it gives none of the numbers or dates its rough-glossed sentences state")
    rough = all(i in reading.gloss for i in evidence)  # no sentence but a rough gloss
    if rough and _negation_turned(statement, evidence, reading):
        found.append("it negates otherwise than the parsed sentence it cites")
    for name in missing_names(names_in([statement]), evidence, reading, glossed=not rough):
        if names:
            found.append(f"the name {name!r} is not in the cited sentences")
    if rough and OPENS_WITH_PRONOUN.match(stripped) and not expletive(stripped):
        found.append("it opens with a pronoun over a rough gloss: code cannot tell whom it means")
    if quoting and FIRST_PERSON.search(SAID.sub(r"\g<speaker>", stripped)):
        found.append("a quote without its speaker (I, we, our...)")
    for quote in unquoted(statement, originals) if quoting else []:
        if not translated_quote(quote, evidence, reading):
            found.append(f"the quote {quote!r} is not in the cited sentences as written")
    glosses = [reading.gloss[i] for i in evidence if i in reading.gloss]
    if glosses and _copies(statement, " ".join(glosses)):
        found.append("it copies the rough machine gloss instead of saying what it means")
    foreign = untranslated(
        _without_quotes_as_written(statement, originals),
        originals,
        [reading.sentences[i].text for i in evidence if i in reading.gloss],
        glosses,
    )
    if foreign:
        found.append(f"{', '.join(foreign)}: not English (an untranslated gloss)")
    script = other_script(stripped)
    if script:
        found.append(f"{', '.join(script)}: not English (not in the Latin alphabet)")
    spelled = transliterated(stripped, originals)
    if spelled:
        found.append(f"{', '.join(spelled)}: not English (the sentence in Latin letters)")
    # over sentences of other languages only, the model may copy one instead of saying it
    theirs = {reading.language[i] for i in evidence}
    if PIVOT not in theirs and not script:
        written = language_of(stripped, [PIVOT, *theirs])
        if written != PIVOT:
            found.append(f"not English: it reads as {language_name(written)}")
    mine = content_words(statement) if overlap and not unread(evidence, reading) else set()
    if mine:
        stems = {_stem(w) for w in content_words(" ".join(originals + english))}
        stems |= {_stem(w) for i in evidence if i in reading.gloss for w in _senses(i, reading)}
        shared = sum(_stem(w) in stems for w in mine)
        if shared / len(mine) < MIN_OVERLAP:
            found.append(
                f"only {shared} of its {len(mine)} content words are in the cited sentences"
            )
        found += [
            f"the clause {clause.strip()!r} has no word of the cited sentences"
            for clause in CLAUSE.split(statement)
            if len(own := content_words(clause)) >= CLAUSE_WORDS
            and not any(_stem(w) in stems for w in own)
        ]
    return found


CLAUSE = re.compile(r"[,;:–—]")
CLAUSE_WORDS = 3  # a clause this long that shares no word with its sentences is added


def _negation_turned(statement: str, evidence: list[str], reading: Reading) -> bool:
    """Over glossed sentences only, the statement says "not" where the parse of the first
    finds the main or reported clause affirmed, or the reverse: a gloss loses and adds negations
    ("ættu ekki að skapa" read "had not to create"), so over one it is the parse that
    tells ("Putin said Ukraine should create obstacles" for "ættu ekki að skapa"), and no
    more words of negation than the cited sentences have. A
    "not" the parse does not read (in a condition: "If no agreement is reached", or in
    the next cited sentence) is added only where a cited sentence has a word of negation,
    and no more of them than one cited sentence has."""
    first = next((i for i in evidence if i in reading.gloss), None)
    facts = parsed(first, reading) if first is not None else None
    if facts is None:
        return False
    meant = lexicon.phrases("negations.meaning", PIVOT)
    said_not = negations(statement) > 0 or bool(meant.search(statement))
    if facts.negated:  # and a "not" more than the cited sentences' words of negation is
        # one added ("things had not moved …, but neither would predict" for "þokast hefði
        # …, en hvorugur vildi spá")
        most = sum(negations(reading.sentences[i].text) for i in evidence)
        return not said_not or negations(statement) > most
    # the parse reads main and reported clauses only: "not" may come from a condition, as
    # many as one cited sentence has ("If no agreement is not reached" for "Ef ekki semst")
    if not said_not:
        return False
    said = [
        max(
            negations(text := reading.sentences[i].text),
            int(bool(lexicon.phrases("negations.meaning", reading.language[i]).search(text))),
        )
        for i in evidence
    ]
    return not any(said) or negations(statement) > max(said)


def _senses(sentence_id: str, reading: Reading) -> frozenset[str]:
    """The dictionary's English words for a glossed sentence (`lang.senses`): a statement
    written from the original may use the right sense where the gloss took another
    ("peace" for "friði", glossed "pacifies")."""
    return senses(reading.sentences[sentence_id].text, reading.language[sentence_id])


def unread(evidence: list[str], reading: Reading) -> bool:
    """No cited sentence has English beside it: each is in another language than English,
    with no gloss (one that is no output language, say German in an English and
    Icelandic briefing). Code cannot compare a statement's words with them."""
    return all(reading.language[i] != PIVOT and i not in reading.gloss for i in evidence)


def judged(evidence: list[str], reading: Reading, reads: frozenset[str] | None) -> bool:
    """The support checker's judge reads every cited sentence's language (`reads`: the
    languages it reads, None for any)."""
    return reads is None or all(reading.language[i] in reads for i in evidence)


def translations(
    found: list[Found], reading: Reading, reads: frozenset[str] | None = frozenset()
) -> tuple[list[Found], dict[str, str], list[dict[str, str]]]:
    """The statements to verify; the English of those over sentences code cannot read
    (`unread`), by sentence id; and why code refused some of those. Such a statement is
    the model's translation, checked by code (numbers, dates, that it is English, no
    first person out of its quotation) but not for meaning unless the support checker's
    judge reads the language (`reads`: its languages, None for any; empty without a
    checker): then it is verified like any statement too. The small judge does not read
    them, and passes false ones ("decided to extend the strike until Friday evening" for
    "will decide on Friday evening whether to go on"). A translation no verified line
    replaces is shown beside its sentence, quoted and marked with its language
    (`stages.originals`), never as a verified line."""
    kept: list[Found] = []
    translated: dict[str, str] = {}
    refused: list[dict[str, str]] = []
    for item in found:
        if not unread(item.evidence, reading):
            kept.append(item)
            continue
        item = spelt(item, reading)
        if judged(item.evidence, reading, reads):
            kept.append(item)
        wrong = untrue_translation(item, reading)
        if wrong:
            refused.append(_dropped(item, "; ".join(wrong)))
        else:
            translated.setdefault(item.evidence[0], item.text)
    return kept, translated, refused


def spelt(item: Found, reading: Reading) -> Found:
    """`item` with a name copied in Cyrillic spelt as English does ("Dорохов said…"), and
    a number the model wrote apart or with its sentence's decimal comma written as
    English does, where that is the number its sentence gives (`_joined_numbers`)."""
    text = _joined_numbers(item.text, reading.values[item.evidence[0]])
    if reading.language[item.evidence[0]] in CYRILLIC_LANGUAGES:
        text = latin(text)
    return replace(item, text=text) if text != item.text else item


# "1, 500 tons", "3. 5 billion" (the small model's spacing of "1,5 тыс." and "3,5
# milliards"), "3,2 billion" (the German decimal comma kept)
_NUMBER_APART = re.compile(r"(?<![\d.,])(\d{1,3})(?:([,.]) (\d{1,3})|,(\d{1,2}))(?![\d,.]\d)")


def _joined_numbers(text: str, given: frozenset[Value]) -> str:
    """`text` with each number written apart joined where joined it is a number `given`
    holds and apart it is not: no "2019, 300 people" becomes 2,019,300."""

    def join(match: re.Match[str]) -> str:
        whole, mark, rest, decimals = match.groups()
        joined = f"{whole}{mark}{rest}" if rest else f"{whole}.{decimals}"
        after = text[match.end() : match.end() + 12]
        apart = values(match.group() + after, PIVOT)
        together = values(joined + after, PIVOT)
        gained = {v for v in together - apart if any(within(v, g) or v == g for g in given)}
        return joined if gained and not (apart & given) else match.group()

    return _NUMBER_APART.sub(join, text)


def untrue_translation(item: Found, reading: Reading, plain: bool = False) -> list[str]:
    """What code finds wrong with `item.text` as the English of its first sentence: the
    numbers, dates and quotes of `problems`, a subject or a name it loses or adds, another
    people, or (only where nothing else is wrong) a meaning far from the sentence's.
    `plain`: a translation of the whole sentence, its quotes translated too."""
    first = item.evidence[0]
    wrong = problems(
        item.text, item.evidence, reading, overlap=False, names=False, quoting=not plain
    )
    wrong += _lost_subject(item.text, first, reading)
    wrong += _added_names(item.text, first, reading, _named_holder(item, reading), plain)
    wrong += _other_people(item.text, first, reading)
    wrong += _misspelt(item.text, first, reading)
    return wrong + (_strayed(item.text, first, reading) if not wrong else [])


SPELT_SAME = 0.9  # difflib ratio of a translation's name to its article's spelling in Latin
# letters at or above which it is that name: "Dmitry" for "Дмитрий" (dmitriy) 0.92,
# "Kravtsov" for "Кравцова" 0.94; the model's "Krasov" for "Кравцов" 0.86


def _misspelt(statement: str, first: str, reading: Reading) -> list[str]:
    """A name of a translation from Cyrillic that opens as a person's name of its sentence
    does in Latin letters (a word its article writes in a run of two or more capitalised
    words: "Олег Кравцов") and is spelt as no name of the articles is ("Krasov" for
    "Кравцов"): another person, or the right one misnamed, shown as the sentence's
    English. Another outlet's spelling counts ("Garnier" for "Гарнье", Le Monde's), and
    "i" for "y" ("Andrei"); a place English names its own way does not ("Korea")."""
    if reading.language[first] not in CYRILLIC_LANGUAGES:
        return []
    source = next(s for s in reading.sources if s.id == source_of(first))
    runs = {loose_fold(w) for run in _NAME_RUN.findall(source.text) for w in run.split()}
    own = {loose_fold(w) for w in _CAPITALISED.findall(reading.sentences[first].text)}
    persons = runs & own
    spelt = {
        loose_fold(w) for x in reading.sentences.values() for w in _CAPITALISED.findall(x.text)
    }
    wrong = []
    for word in dict.fromkeys(_CAPITALISED.findall(statement)):
        mine = loose_fold(word)
        near = [p for p in persons if p[:3] == mine[:3]]
        if (
            near
            and not place_named(fold(word), PIVOT)
            and not any(
                v.startswith(mine) or SequenceMatcher(None, mine, v).ratio() >= SPELT_SAME
                for v in spelt
            )
        ):
            wrong.append(f"{word}: its sentence spells the name otherwise ({near[0]})")
    return wrong


_CAPITALISED = re.compile(r"\b[A-ZА-ЯЁ][^\W\d_]+")
_NAME_RUN = re.compile(r"\b[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)+")


STRAYED = 0.85  # e5 cosine of a translation and its sentence under which it says another thing:
# the model's two inventions on the fixture stories ("…, it is important to stay informed about
# the current status of the airport" for "man beobachte die Lage stündlich") 0.83, its eleven
# other translations of French and German sentences 0.87-0.94


def _strayed(statement: str, first: str, reading: Reading) -> list[str]:
    """A translation the multilingual embedding finds far from its sentence says something
    the sentence does not: shown as its gloss, it would pass an invention off as the
    sentence. Only e5 decides (`lang.embed`); the lexical fallback reads no meaning."""
    embedder = default_embedder()
    if embedder.name != E5Embedder.name:
        return []
    score = similarity(reading.sentences[first].text, statement, embedder)
    if score >= STRAYED:
        return []
    return [f"it strays from its sentence (e5 similarity {score:.2f} < {STRAYED})"]


def _lost_subject(statement: str, first: str, reading: Reading) -> list[str]:
    """A translation that opens with a pronoun where its sentence opens with none has
    lost who does it ("They criticized that ..." for "Umweltverbände kritisierten, dass
    ..."): shown beside the original, it would put the words in someone else's mouth."""
    lang = reading.language[first]
    pronouns = subject_pronouns(lang)
    if not pronouns or not OPENS_WITH_PRONOUN.match(statement.strip()) or expletive(statement):
        return []
    original = reading.sentences[first].text.strip().lstrip(CLOSING + " ")
    if re.match(rf"(?:{pronouns})\b", original, re.IGNORECASE):
        return []
    return ["it opens with a pronoun where its sentence names who"]


_DEMONYMS = lexicon.wordset("names.demonyms", PIVOT)


def _added_names(
    statement: str,
    first: str,
    reading: Reading,
    holder: str | None = None,
    plain: bool = False,
) -> list[str]:
    """A translation naming someone its sentence does not has put the words in another's
    mouth ("Ponant has declared…" for "Le capitaine du navire a déclaré…", the operator
    named elsewhere in the article): names are checked against the sentence as written,
    without their titles ("Chancellor Angela Merkel" for "Bundeskanzlerin Angela
    Merkel"), an exonym allowed ("Iceland" for "l'Islande", "Germany" for "Deutschland"
    by the language's `exonyms`). The position's `holder`, whom code found saying it,
    may name the "il" or "sie" of the sentence ("M. Marchal assured" for "Il a assuré")."""
    source = next(s for s in reading.sources if s.id == source_of(first))
    # a name opening the statement counts where its article names it inside a sentence,
    # in Latin letters as the statement writes it ("Dorokhov urges…", "заявил Дорохов")
    named = names_in([statement, *(latin(s.text) for s in source.sentences)])
    named += _misspelt_opening(statement, named)
    sentence = fold(reading.sentences[first].text)
    written = _folded_names(reading.sentences[first].text)  # "Barcelona" for "Barcelone"
    places = _named_places(first, reading)
    names = [
        n
        for n in named
        if n in statement
        and fold(untitled(n)) not in sentence
        and not all(w.lower() in _DEMONYMS for w in n.split())  # "French" for "française"
        and not all(_exonym(p, written) for p in re.split(r"[\s-]+", n) if p)
        and place(fold(n)) not in places
        and not (holder is not None and same_person(untitled(n), holder))
    ]
    added = missing_names(names, [first], reading, glossed=False)
    if plain:  # "International Maritime Organization" for "Международной морской организацией"
        added = [n for n in added if not _designated(n, statement, reading.sentences[first].text)]
    return [f"{name}: not named in its sentence" for name in added]


NAMED_ALIKE = 0.915  # e5 cosine of a name and the closest words of its sentence above which
# they name one thing in two languages: "International Maritime Organization" and
# "Международной морской организацией" 0.93, "Ministry of Defence" and "ministère des Armées"
# 0.93, "Chancellor" and "Kanzler" 0.92; the model's inventions "Svalbard Sea" and "Suez
# Canal" for "Севморпути" 0.90 and 0.89, "Ponant" for "Le capitaine du navire" 0.87
_JOINS = lexicon.alternation("names.designation_joins", PIVOT)
_DESIGNATION = rf"[A-Z][\w'-]*(?:\s+(?:(?:{_JOINS})\s+)?[A-Z][\w'-]*)*"


def _designated(name: str, statement: str, sentence: str) -> bool:
    """A plain translation's name that names, in English, what some words of its sentence
    name in theirs: the run of capitalised words it stands in ("Ministry of Defence" for
    "Defence") is as close to a run of the sentence's words as a translation is (e5,
    `NAMED_ALIKE`). The lexical fallback reads no meaning, and passes none."""
    embedder = default_embedder()
    if embedder.name != E5Embedder.name:
        return False
    span = next(
        (m.group() for m in re.finditer(_DESIGNATION, statement) if name in m.group()), name
    )
    words = re.findall(r"[\w'-]+", sentence)
    size = len(span.split())
    grams = [
        " ".join(words[i : i + n]) for n in range(1, size + 2) for i in range(len(words) - n + 1)
    ]
    if not grams:
        return False
    vectors = embedder.embed([span, *grams])
    return max(cosine(vectors[0], v) for v in vectors[1:]) >= NAMED_ALIKE


SPELT_ALIKE = 0.85  # difflib ratio of a word to a name it is a misspelling of: "Dorohov"
# for "Dorokhov" 0.93; "Norway" for "Norwegian" 0.8


def _misspelt_opening(statement: str, named: list[str]) -> list[str]:
    """The word a statement opens on where it spells a one-word name of the article
    otherwise ("Dorohov claims that Russia wants…" for "Российская сторона претендует…",
    the article's "Дорохов" read as "Dorokhov"): that name, as the statement writes it."""
    opening = re.match(r"[A-Z][a-z]+\b", statement.strip())
    if opening is None or any(n.split()[0] == opening.group() for n in named):
        return []  # a name it gives in full, or one opening on a title ("Mme Dubois")
    parts = {p for n in named for p in untitled(n).split()}
    alike = any(
        SequenceMatcher(None, opening.group().lower(), p.lower()).ratio() >= SPELT_ALIKE
        for p in parts
    )
    return [opening.group()] if alike else []


def _named_holder(item: Found, reading: Reading) -> str | None:
    """The position's holder where its sentence opens with a pronoun and a sentence it
    cites beside its own names them: code found them saying it ("Il a assuré…" after
    "…, a déclaré M. Marchal"). Not where the sentence says who in words of its own: "Le
    capitaine du navire a déclaré" is not Ponant's, whatever holder code gave it."""
    first = item.evidence[0]
    if item.actor is None or not opens_on_pronoun(
        reading.sentences[first].text, reading.language[first]
    ):
        return None
    others = fold(" ".join(reading.sentences[e].text for e in item.evidence[1:]))
    parts = [fold(p) for p in untitled(item.actor).split() if len(p) > 2]
    return item.actor if parts and any(p in others for p in parts) else None


def _named_places(first: str, reading: Reading) -> set[str]:
    """The places (canonical, as in `exonyms`) the sentence names in its language's words,
    an elided article aside ("l'Allemagne")."""
    lang = reading.language[first]
    said = [w.split("'")[-1] for w in words(reading.sentences[first].text)]
    return {canon for w in said if (canon := place_named(w, lang))}


def _other_people(statement: str, first: str, reading: Reading) -> list[str]:
    """A people's word a translation gives where its sentence names other peoples only
    ("The Norwegian coastguards" for "Les garde-côtes islandais"), by the sentence
    language's `exonyms`; a sentence naming none may be given one ("German roads around
    Hamburg"), and a language without that table passes."""
    table = lexicon.table("exonyms", reading.language[first])
    named = _named_places(first, reading)
    if not named:
        return []
    wrong = []
    for word in re.findall(r"[A-Z][a-z]+", statement):
        canon = place(fold(word)) if word.lower() in _DEMONYMS else None
        if canon is not None and canon in table and canon not in named:
            wrong.append(f"{word}: its sentence names no {canon}")
    return wrong


def _bounds(statement: str, evidence: list[str], reading: Reading) -> list[str]:
    """A number the statement bounds otherwise than its evidence does: "less than ten
    years" for "tæp tíu ár" (nearly ten), or "over 200" where the sentences say 200.
    "About 200" claims less than "200" does, and Icelandic "um 200" (about) is no bound
    code can read ("hækkað um 22 prósent" is "by 22 percent"): it passes where the
    sentences give the number with no bound."""
    cited: dict[float, set[str]] = {}
    for i in evidence:
        for number, bound in qualifiers(reading.sentences[i].text, reading.language[i]).items():
            cited.setdefault(number, set()).add(bound)
    return [
        f"it says {bound} {_show(Value('number', number))} where the cited sentences say "
        f"{' or '.join(sorted(cited.get(number, set()))) or 'no bound'}"
        for number, bound in qualifiers(statement, PIVOT).items()
        if bound not in cited.get(number, set()) and (bound != "about" or cited.get(number))
    ]


QUOTED = re.compile(r"(?:^|(?<=[\s(]))['\"“‘„«]([^'\"“”‘’„«»]{3,}?)['\"”’“»](?=[\s.,;:!?)]|$)")


def unquoted(statement: str, originals: list[str]) -> list[str]:
    """The statement's quotations that no cited sentence contains word for word. A quote
    from a sentence in another language is the glosser's English, not the speaker's
    words ("'Obtains in Moskvu'"), so only the sentences as written count. Unlike
    `check.details.quotes`, single quotes count too, where they open and close at words."""
    written = f" {' '.join(words(' '.join(originals)))} "
    return [q for q in QUOTED.findall(statement) if f" {' '.join(words(q))} " not in written]


TRANSLATED_QUOTE_WORDS = 4  # a longer quote in translation is the writer's, not theirs


def translated_quote(quote: str, evidence: list[str], reading: Reading) -> bool:
    """A short quote in English of words a cited sentence in another language quotes
    (Putin warned against "obstacles" for „hindranir“): a translated quote, as news
    writes one, where the gloss or the dictionary gives each of its words. A longer one,
    or one of a sentence that quotes nothing, is not the speaker's words."""
    said = [i for i in evidence if i in reading.gloss and MARKS.search(reading.sentences[i].text)]
    mine = re.findall(r"[^\W\d_]+", quote.lower())
    if not said or not mine or len(mine) > TRANSLATED_QUOTE_WORDS:
        return False
    given = {_stem(w) for i in said for w in re.findall(r"[^\W\d_]+", reading.gloss[i].lower())}
    given |= {_stem(w) for i in said for w in _senses(i, reading)}
    return all(_stem(w) in given for w in mine if w not in STOPWORDS)


def _without_quotes_as_written(statement: str, originals: list[str]) -> str:
    """The statement without the quotes its cited sentences contain as written: English
    quoted inside an Icelandic sentence ("„Next time in Moscow!“ sagði Pútín") is no
    word left untranslated."""
    for quote in set(QUOTED.findall(statement)) - set(unquoted(statement, originals)):
        statement = statement.replace(quote, " ")
    return statement


_HOLDER = lexicon.alternation("speech.holder", PIVOT)  # verbs that say whose a statement is
OPENS_WITH_PRONOUN = re.compile(rf"({subject_pronouns(PIVOT)})\b")
SPEAKER_PRONOUN = re.compile(
    rf"({lexicon.alternation('pronouns.person', PIVOT, capitalised=True)}) (?={_HOLDER})"
)
GLOSS_COPY = 0.9  # share of the statement's words that run in the gloss's own order


def copy_share(statement: str, gloss: str) -> float:
    """The share of the statement's words that run in the gloss's own order (punctuation
    aside): at `GLOSS_COPY` or more it is the rough gloss, not a statement."""
    from difflib import SequenceMatcher

    mine = re.findall(r"[^\W_]+", statement.lower())
    theirs = re.findall(r"[^\W_]+", gloss.lower())
    if not mine:
        return 0.0
    blocks = SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(mine)


def _copies(statement: str, gloss: str) -> bool:
    return copy_share(statement, gloss) >= GLOSS_COPY


ICELANDIC_LETTERS = re.compile(r"[þðæöáéíóúý]", re.IGNORECASE)


def untranslated(
    statement: str, originals: list[str], glossed: list[str], glosses: list[str]
) -> list[str]:
    """Words left over from a rough gloss, not English: words with Icelandic letters that
    the cited sentences do not contain as written nor as the nominative of a name there
    (names do: "makríl stem"), and lower-case
    words of a glossed sentence that its gloss kept as they were because the glosser did
    not know them ("had not created hindranir"); a word it translated may stay ("fund").
    Also a name in an Icelandic case form ("in Moskvu", "of Noregs"): BÍN knows it, but
    not as its own lemma, so it is an inflection English does not use; unless it is part
    of a longer name written as the sentence writes it ("Náttúruverndarsamtök Íslands")."""
    written = {w.lower() for w in re.findall(r"[^\W\d_]+", " ".join(originals))}
    source_words = set(re.findall(r"[^\W\d_]+", " ".join(glossed)))
    kept = source_words & set(re.findall(r"[^\W\d_]+", " ".join(glosses)))
    folded = {fold(w) for w in written}
    words = re.findall(r"[^\W\d_]+", statement)
    pairs = set(itertools.pairwise(re.findall(r"[^\W\d_]+", " ".join(glossed))))
    named = {w for pair in itertools.pairwise(words) if pair in pairs for w in pair}
    return [
        w
        for w in words
        if (
            ICELANDIC_LETTERS.search(w)
            and w.lower() not in written | LOANWORDS
            and fold(w) not in folded  # "Isafjörður" for "Ísafjörður": the name, one accent off
            and not _compound_head(w, written)
            and not _nominative_of(w, written)
        )
        or (w.islower() and len(w) > 3 and w in kept)
        or (w[:1].isupper() and w in source_words and w not in named and _case_form(w))
    ]


def _nominative_of(word: str, written: set[str]) -> bool:
    """A name as English writes an Icelandic one, in its nominative: "Hvalfjörður" for the
    sentence's "Hvalfirði" (BÍN's lemma of a word written there)."""
    if not word[:1].isupper():
        return False
    low = word.lower()
    return any(low == lemma.lower() for w in written if w[:3] == low[:3] for lemma in lemmas(w))


LOANWORDS = lexicon.wordset("content.loanwords", PIVOT)


def _compound_head(word: str, written: set[str]) -> bool:
    """A name that opens a word of the cited sentences: "Keflavík" of
    "Keflavíkurflugvelli", the place of its airport, as an English writer names it."""
    low = word.lower()
    return word[:1].isupper() and len(low) >= 5 and any(w.startswith(low) for w in written)


SPELLED_OUT = 0.8  # how near a word is to the Latin spelling of a word in another script


def transliterated(statement: str, originals: list[str]) -> list[str]:
    """Lower-case words that spell the cited sentences' words of another script in Latin
    letters ("rassmatrivayet vozmozhnost uchastiya" for "рассматривает возможность
    участия"), where they are at least three and half the statement's longer lower-case
    words: the sentence transliterated, not said in English. A word English shares
    ("bank", "press") or a name does not make one."""
    theirs = {fold(w) for w in other_script(" ".join(originals))}
    if not theirs:
        return []
    longer = [w for w in re.findall(r"[^\W\d_]+", statement) if w.islower() and len(w) > 3]
    spelled = [
        w
        for w, mine in ((w, fold(w)) for w in longer)
        if any(SequenceMatcher(None, mine, t).ratio() >= SPELLED_OUT for t in theirs)
    ]
    return spelled if len(spelled) >= 3 and 2 * len(spelled) >= len(longer) else []


def other_script(statement: str) -> list[str]:
    """Words with a letter outside the Latin alphabet ("Mост будет открыт"): a sentence
    of a Russian or Greek report copied, not said in English."""
    return [
        w
        for w in re.findall(r"[^\W\d_]+", statement)
        if any(not unicodedata.name(c, "").startswith("LATIN") for c in w)
    ]


def _case_form(word: str) -> bool:
    found = {lemma.lower() for lemma in lemmas(word)}
    return bool(found) and word.lower() not in found


def missing_names(
    names: list[str],
    evidence: list[str],
    reading: Reading,
    glossed: bool = True,
    exonyms: bool = True,
) -> list[str]:
    """The `names` that the evidence sentences (text, or with `glossed` also gloss) do not
    give. Without the gloss a name must be in the sentence as written, through lemmas,
    an exonym ("United States" for "Bandaríkjanna") or a like spelling: a gloss misreads
    names ("Asia" for "Isavia"), so where it is the only English it cannot vouch for one.
    Without `exonyms`, only through lemmas: a name shown over the sentence as written must
    be the sentence's own ("North" is not "Norðra")."""
    originals = [reading.sentences[i].text for i in evidence]
    english = [reading.english(i) for i in evidence] if glossed else []
    words = set(re.findall(r"[^\W_]+", " ".join(originals + english).lower()))
    foreign_texts = [reading.sentences[i].text for i in evidence if i in reading.gloss]
    foreign = _folded_names(" ".join(foreign_texts))
    places = {canon for w in words if (canon := place(fold(w)))}
    return [
        name
        for name in names
        if not (
            (exonyms and place(fold(name)) in places)
            or all(
                _name_given(part, words) or (exonyms and _exonym(part, foreign))
                for part in re.split(r"[\s-]+", name)
                if part
            )
        )
    ]


def _folded_names(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W\d_]+", text) if w[:1].isupper()}


def _exonym(part: str, names: set[str]) -> bool:
    """An English name that a capitalised word of a non-English sentence may write its own
    way (Moscow ~ Moskvu, Ukraine ~ Úkraínu, Putin ~ Pútín, Hamburg ~ Гамбург): same
    first three letters without accents and a length within three. Loose, so only the
    names of sentences in another language get it, and meaning is still left to the
    support checker."""
    mine = fold(part)
    return any(
        variant[:3] == mine[:3] and abs(len(variant) - len(mine)) <= 3
        for n in names
        for variant in (n, *_h_for(n))
    )


def _h_for(name: str) -> tuple[str, ...]:
    """A Russian name's Г or Х for a foreign H, as Latin letters fold them: "Гамбург"
    (gamburg) is Hamburg, "Хельсинки" (khelsinki) Helsinki."""
    if name.startswith("kh"):
        return ("h" + name[2:],)
    return ("h" + name[1:],) if name.startswith("g") else ()


def _name_given(part: str, words: set[str]) -> bool:
    low = part.lower()
    return (
        low in words
        or any(names_match(low, w) for w in words if w[:3] == low[:3])
        or _compound_head(part, words)
    )


def _show(value: object) -> str:
    number = getattr(value, "number", None)
    date = getattr(value, "date", None)
    if number is not None:
        return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"
    return "-".join(str(p) for p in date) if date else "?"


def _candidates(found: Found, reading: Reading, links: list[Link]) -> list[list[str]]:
    """Other sentences worth citing: neighbours of the cited ones and their links."""
    order = {s.id: (src.id, n) for src in reading.sources for n, s in enumerate(src.sentences)}
    by_place = {place: sid for sid, place in order.items()}
    seen = set(found.evidence)
    options: list[list[str]] = []
    for cited in found.evidence:
        source, n = order[cited]
        near = [by_place.get((source, n + d)) for d in (-1, 1, -2, 2)]
        near += [link.other(cited) for link in links if cited in (link.a, link.b)]
        for sid in near:
            if sid and sid not in seen:
                seen.add(sid)
                options.append([sid])
    return options


def verify(
    found: list[Found],
    reading: Reading,
    links: list[Link],
    checker: Checker | None = None,
    reads: frozenset[str] | None = frozenset(),
) -> tuple[list[Found], list[dict[str, str]]]:
    """The statements that pass, re-cited where that fixes them, and the dropped ones.
    A sentence code cannot read (`unread`) is cited only where the checker's judge reads
    its language (`reads`, as in `translations`)."""
    kept: list[Found] = []
    dropped: list[dict[str, str]] = []
    said = quotes(reading, links)  # the quotations code attributes, to recognise them
    for item in found:
        judge = reads if checker is not None else frozenset()
        checked = _recite(item, reading, links, said, judge)
        if isinstance(checked, str):
            dropped.append(_dropped(item, checked))
            continue
        if checker is not None and not _as_written(checked, reading, said):
            verdict = checker(checked.text, checked.evidence)
            if not verdict.supported:
                reason = f"the checker scored it {verdict.score:.2f}: {verdict.reason}".rstrip(": ")
                dropped.append(_dropped(checked, reason))
                continue
            checked = replace(checked, score=round(verdict.score, 3))
        kept.append(checked)
    return kept, dropped


def _as_written(item: Found, reading: Reading, said: Mapping[str, Quote]) -> bool:
    """The statement is its first cited sentence word for word (the others, if any, name
    who holds it), or the line of a quotation after who said it that code itself reads
    off the cited sentences (`stages.quoted`): it is its own evidence, so there is no
    support left to check."""
    own = " ".join(reading.sentences[item.evidence[0]].text.split())
    if item.text == own:
        return True
    return _said_by_code(item, said)


def _said_by_code(item: Found, said: Mapping[str, Quote]) -> bool:
    """`Who said: "line"` exactly as `stages.quoted` derives it from the cited sentences:
    the same words, the same speaker, the same sentences naming them."""
    quote = said.get(item.evidence[0])
    return (
        quote is not None
        and (item.text, item.actor) == (quote.statement, quote.speaker)
        and tuple(item.evidence[: len(quote.evidence)]) == quote.evidence
    )


def _recite(
    item: Found,
    reading: Reading,
    links: list[Link],
    said: Mapping[str, Quote],
    reads: frozenset[str] | None,
) -> Found | str:
    """`item` if its citations support it, else re-cited to one sentence that does,
    else the reason it fails. Over sentences code cannot read, their words are not
    compared (only the judge reads them), and only where the judge reads them."""

    def wrong(text: str, evidence: list[str]) -> list[str]:
        found = problems(text, evidence, reading)
        if unread(evidence, reading) and not judged(evidence, reading, reads):
            found.append("no English beside the cited sentences, and no judge that reads them")
        return found

    if item.section == "positions" and OPENS_WITH_PRONOUN.match(item.text.strip()):
        named = _named_speaker(item, reading)
        if named is None:
            return "a position that opens with a pronoun: out of its article it names no one"
        item = named
    first = wrong(item.text, item.evidence)
    if not first:
        return _unquoted_speaker(_own_actor(item, reading), reading, said)
    for option in _candidates(item, reading, links):
        if not wrong(item.text, option):
            moved = replace(item, evidence=option, source_id=reading.source_of(option[0]))
            return _unquoted_speaker(_own_actor(moved, reading), reading, said)
    head = main_clause(item.text)
    if head and not wrong(head, item.evidence):
        return _unquoted_speaker(_own_actor(replace(item, text=head), reading), reading, said)
    return "; ".join(first)


TAIL = re.compile(r",\s+(?:and\s|while\s|(?!according)[a-z]+ing\s)")
MIN_HEAD_WORDS = 6


def main_clause(statement: str) -> str | None:
    """The statement up to a tail that only adds to it (", and ...", ", while ...", ",
    lifting ..."), as a sentence of its own: what it asserts still holds without the
    tail, so where only the tail fails (a rough gloss's leftovers), the head may pass.
    No cut before "but", "if", "unless", "which" or "according to": those tails qualify
    the head or say whose it is. A statement that stops at the colon before a quotation
    ("... called for business with Russia:") says its head as a sentence too."""
    cut = TAIL.search(statement)
    introduces = statement.rstrip().endswith(":")
    if cut is None and not introduces:
        return None
    head = statement.rstrip()[:-1].rstrip() if introduces else statement[: cut.start()].rstrip()
    if (
        len(head.split()) < MIN_HEAD_WORDS
        or head.count('"') % 2
        or head.count("“") != head.count("”")
    ):
        return None
    return head + "."


def _unquoted_speaker(item: Found, reading: Reading, said: Mapping[str, Quote]) -> Found | str:
    """`item`, unless it rests only on lines of a quotation and names no speaker (an
    actor, or who said it in code's `Who said: "..."`): out of the quote, someone's words
    would read as the outlet's."""
    sources = {s.id: s for s in reading.sources}
    quoted = all(
        in_quotation(reading.sentences[e], sources[reading.source_of(e)]) for e in item.evidence
    )
    if (
        quoted
        and not (item.section == "positions" and item.actor)
        and not _said_by_code(item, said)
    ):
        return "a line of a quotation whose speaker its cited sentences do not name"
    return item


def _named_speaker(item: Found, reading: Reading) -> Found | None:
    """ "She said ..." as "<name> said ...", citing also the sentence before (after its
    own: it names the speaker, it does not state the statement): the name is the one the
    attribution of a quotation in the sentence before gives (`...,“ sagði Trump.`), else
    the model's actor where the sentence before names it. Else "He also praised ..." as
    the person code resolves the pronoun of its own sentence to (`holders.holder_in`:
    a title or a quotation between them, "the US president added: ..."), citing the
    nearest sentence before that names them. The pronoun resolved by code, with the
    evidence for it; None where it is not one person's or no sentence names them."""
    first = item.evidence[0]
    number = sentence_number(first)
    opening = OPENS_WITH_PRONOUN.match(item.text.strip())
    if not (opening and number and number > 1):
        return None
    speaker = SPEAKER_PRONOUN.match(item.text.strip())
    before = sentence_id(source_of(first), number - 1)
    name = attributed(before, reading) if speaker and before in reading.sentences else None
    if name is None and speaker and item.actor and before in reading.sentences:
        name = _given_ending(item.actor, before, reading)
    if name is None and opening.group(1).lower() in lexicon.wordset("pronouns.person", PIVOT):
        before, name = _resolved(first, reading)
    if name is None:
        return None
    text = name + item.text.strip()[opening.end(1) :]
    actor = item.actor if item.actor and same_person(item.actor, name) else name
    evidence = list(dict.fromkeys([*item.evidence, before]))  # it may cite it already
    return replace(item, text=text, evidence=evidence, actor=actor)


def _given_ending(name: str, sid: str, reading: Reading) -> str | None:
    """The longest ending of `name` sentence `sid` gives ("Transport Minister Sigrun
    Hallgrimsdottir" -> "Sigrun Hallgrimsdottir"; "United States Donald Trump" -> "Trump")."""
    written = {_stem(fold(w)) for w in re.findall(r"[^\W\d_]+", reading.sentences[sid].text)}
    words = name.split()
    endings = (words[k:] for k in range(len(words)))
    return next(
        (
            " ".join(e)
            for e in endings
            if all(_stem(fold(w)) in written for w in e)
            and not missing_names([" ".join(e)], [sid], reading)
        ),
        None,
    )


def _resolved(sid: str, reading: Reading) -> tuple[str, str | None]:
    """The nearest sentence before `sid` naming the person code resolves its pronoun to
    (`holders.holder_in`, `holders.named_before`: a title and a quotation may stand
    between, "He" after "the US president added: ..." after "Trump said"), and the name
    as that sentence gives it."""
    source = reading.source(sid)
    texts, at = [s.text for s in source.sentences], [s.id for s in source.sentences].index(sid)
    holder = holder_in(texts, at, source.language)
    before = named_before(texts, at, holder, source.language) if holder else None
    if before is None:
        return sid, None
    naming = source.sentences[before].id
    return naming, _given_ending(holder, naming, reading)


def _own_actor(item: Found, reading: Reading) -> Found:
    """A position is held by someone its cited sentences name. Where the statement says
    who said it ("Øvrebø said Norway would not..."), that speaker holds it, whatever the
    model picked; otherwise the model's pick stays where the sentences name it; otherwise
    the statement's speaker (its opening name, or a name right before "said", "warned"...);
    a speaker counts where the cited sentences give that name and the articles know it as
    a name ("Okonkwo said" in one, "Maria Okonkwo" in another). The model's pick named
    only in another sentence it cites must be whom code reads as holding the statement's
    own (`_owned`): "The law does not ban sea-cage farming, as some campaigners had
    demanded." is not the seafood association's, named two sentences before. Otherwise
    no one: code cannot see whose it is, and an actor the evidence does not name is not
    published. Nor is one actor for a subject of two ("Iceland and Norway agreed..."): no
    one's alone."""
    if item.actor is None:
        return item

    def given(name: str) -> bool:
        return _given(name, item, reading)

    joint = JOINT_SUBJECT.match(item.text)
    if joint and all(given(joint.group(k)) for k in (1, 2)):
        return replace(item, actor=None)  # "Trump and Putin did not...": not one's alone
    said = SAID_BY.search(item.text)
    if said and not same_person(said.group(1), item.actor) and given(said.group(1)):
        return replace(item, actor=said.group(1))
    held = holder_in(*reading.article_of(item.evidence[0]))
    if not _unnamed(item, reading) and _owned(item, held, reading):
        return item
    speaker = next((name for name in _speakers(item.text) if given(name)), None)
    if speaker is not None:
        return replace(item, actor=speaker)
    unheld = _unheld_by(item, reading)  # without the sentences naming the model's pick
    here = _held_here(item, held, reading)
    return replace(unheld, actor=here) if here else unheld


def _owned(item: Found, held: str | None, reading: Reading) -> bool:
    """The actor is named in the statement's own sentence, not only as a place
    ("Opposition lawmakers in Nuuk have said…" is not Nuuk's), or is `held`, whom code
    reads as holding it (`holders.holder_in`: "He said…" after the sentence naming him).
    A person given with their title and body is named by their own name: "KazGeoTherm
    Chief Executive Daulet Iskakov" does not hold "…, according to KazGeoTherm"."""
    first = item.evidence[0]
    actor = untitled(item.actor or "")
    text, lang = reading.sentences[first].text, reading.language[first]
    if not missing_names([actor], [first], reading) and not placed(actor, text, lang):
        return True
    return held is not None and same_person(held, actor) and not placed(actor, held, lang)


def _held_here(item: Found, held: str | None, reading: Reading) -> str | None:
    """`held`, whom code reads as holding the statement's sentence
    (`holders.holder_in`), where that sentence gives them as written: a group
    ("Opposition lawmakers in Nuuk") code reads, not the model's pick of a place in it."""
    first = item.evidence[0]
    text, lang = reading.sentences[first].text, reading.language[first]
    return held if held and held in text and not placed(held, text, lang) else None


def _unheld_by(item: Found, reading: Reading) -> Found:
    """The item held by no one, without the sentences it cited only to name the actor it
    loses ("Iceland's Supreme Court…" for "The government said…")."""
    first, *rest = item.evidence
    named = [e for e in rest if not missing_names([item.actor or ""], [e], reading)]
    return replace(item, actor=None, evidence=[first, *(e for e in rest if e not in named)])


def _given(name: str, item: Found, reading: Reading) -> bool:
    """The cited sentences give the name and the articles know it as a name."""
    return not missing_names([name], item.evidence, reading) and any(
        same_person(name, n) for n in reading.names
    )


def claimed(found: list[Found], reading: Reading) -> list[Found]:
    """Every position held by someone (`_claimed`). After `stages.voice`, which names the
    person an epithet stands for ("the dictator invited..." -> Vladimir Putin)."""
    return [_claimed(item, reading) for item in found]


def _claimed(item: Found, reading: Reading) -> Found:
    """A position the model gave to no one: held by the statement's own speaker where code
    finds one its sentences name ("Brynjarsson said...", or the group its sentence opens
    with, as written: `_held_here`; the body an article names as that of the many people
    it opens with, citing the sentence naming it: `holders.group_body`); a joint one
    ("Trump and Putin did not...") stays no one's, and so does one that says, criticises
    or demands (`kinds.saying`: "Critics attacked the deal" is no agreement); otherwise it
    is no position ("The tunnel will be 7.5 kilometres long.") and is filed where the
    model's next likeliest kind says."""
    if item.actor is not None or item.section != "positions" or JOINT_SUBJECT.match(item.text):
        return item
    speaker = next((name for name in _speakers(item.text) if _given(name, item, reading)), None)
    if speaker is None:  # "Animal welfare groups criticised…"
        speaker = _held_here(item, holder_in(*reading.article_of(item.evidence[0])), reading)
    if speaker is not None:
        return replace(item, actor=speaker)
    spoken_for = group_body(*reading.article_of(item.evidence[0]))
    if spoken_for is not None:  # "Employers … say": their association, cited for its name
        body, at = spoken_for
        cited = [*item.evidence, reading.source(item.evidence[0]).sentences[at].id]
        return replace(item, actor=body, evidence=list(dict.fromkeys(cited)))
    if SAYING.search(item.text.split(",")[0]):
        # "Critics attacked the deal": a view no name holds; not a fact with a clause
        # after it ("The law does not ban …, as some campaigners had demanded")
        return item
    return replace(item, section=item.unheld) if item.unheld else item


_CAPITAL = r"[A-ZÀ-Þ]"
_WORD = rf"{_CAPITAL}[^\W\d_]*"
_NAME = rf"{_CAPITAL}[^\W\d_]+(?:[ -]{_CAPITAL}[^\W\d_]+)*"  # "Maria Okonkwo", "Jean-Luc"
# "Trump and Putin", "President Donald Trump and a dictator Vladimir Putin": two names,
# titles and "of the" between capitals, at most two lower-case words before the second
JOINT_SUBJECT = re.compile(
    rf"(?:{_WORD} |(?:of|the) )*?({_WORD}) and (?:[a-z]+ ){{0,2}}({_WORD}(?: {_WORD})*)\b"
)


def _speakers(text: str) -> list[str]:
    """The names a statement gives its holder: the one it opens with, and any name right
    before a verb of saying ("..., Okonkwo said"); an opening article is no part of a
    name ("The GDL union" is held by "GDL")."""
    lead = OPENING_NAME.match(text)
    said = [m.group(1) for m in SAID_BY.finditer(text)]
    opening = ARTICLE.sub("", lead.group()) if lead else ""
    return ([opening] if opening else []) + said


ARTICLE = re.compile(r"^(?:The|A|An)(?: |$)")


def _unnamed(item: Found, reading: Reading) -> bool:
    """No part of the actor's name is in the cited sentences, a place in it aside: "Poland"
    in "locked Poland into fossil fuels" does not name "Greenpeace Poland"."""
    parts = [p for p in re.split(r"[\s-]+", item.actor or "") if len(p) > 2 and not place(fold(p))]
    return all(missing_names([p], item.evidence, reading) for p in parts)


OPENING_NAME = re.compile(_NAME)
SAYING = lexicon.phrases("kinds.saying", PIVOT)
SAID_BY = re.compile(rf"({_NAME}) (?:{_HOLDER})\b")


def _dropped(item: Found, reason: str) -> dict[str, str]:
    return {"text": item.text, "evidence": " ".join(item.evidence), "reason": reason}
