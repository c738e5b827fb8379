"""An article read once for the names it gives, as the holder rules ask about them: which
known name a stretch of a sentence gives, and where; its fullest form in the article
("Putin" -> "Vladimir Putin"), matched across inflection by stem ("Pútíns" ~ "Pútín",
"Путина" ~ "Путин"); whether it names a person or a body; and whose the sentence's verb
of saying is.

Both `stages.holders` (who holds a sentence) and `stages.descriptions` (whom "der
61-Jährige" or "La fédération" means) read names through this, so it stands below both
and neither has to import the other. Its underscored names are theirs alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from briefing.lang import lexicon, russian
from briefing.lang.calendar import calendar_words
from briefing.lang.fold import fold
from briefing.lang.icelandic import case_variants, definite_noun, genitive, lemmas, nominative
from briefing.lang.names import (
    UPPER,
    determiners,
    linked,
    names_in,
    place_named,
    titled_other,
    untitled,
)
from briefing.lang.parse_is import name_nominative
from briefing.lang.quotation import unquoted

BEFORE = 4  # sentences back a pronoun, title or epithet is resolved against
STEM = 4  # letters two forms of one name share at least
WORD = re.compile(r"\w[\w'’-]*")
# What sets a verb of saying off from the words said before it ("…, sagte er", "«…», — заявил")
SET_OFF = tuple(',“”"»«—–')


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
    fullest: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    kinds: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@functools.lru_cache(maxsize=32)
def _article(sentences: tuple[str, ...], lang: str) -> _Article:
    plain = tuple(unquoted(s) for s in sentences)
    found = [*names_in(list(plain)), *_apposed(plain, lang), *_genitive_names(plain, lang)]
    named = (_named_as(_untitled(n, lang), lang) for n in found if not _not_holder(n, lang))
    nouns = _common_nouns(plain, lang)
    # longest first, ties by the name: a set's order changes with the process's hash seed
    known = sorted(
        {n for n in named if n and not _noun(n, nouns, lang)}, key=lambda n: (-len(n), n)
    )
    index: dict[str, list[str]] = {}
    for name in known:
        for part in _parts(name, lang):
            if part[:1].isupper():  # not "flugumferðarstjóra" of "Félag íslenskra …"
                index.setdefault(_key(part), []).append(name)
    return _Article(plain, tuple(known), {k: tuple(v) for k, v in index.items()}, lang)


def _named_as(name: str, lang: str) -> str:
    """A person's name as an actor is named: a Russian one in the nominative ("По словам
    посла Михаила Носкова" -> "Михаил Носков", `lang.russian`); others as written."""
    return russian.nominative(name) if lang == "ru" else name


def _apposed(plain: tuple[str, ...], lang: str) -> list[str]:
    """A capitalised word opening a sentence with a body's noun in apposition after it
    ("Kjölur, stéttarfélag starfsmanna í almannaþjónustu, gagnrýndi"): a body's name,
    though one opening word alone is read as no name (`names_in`)."""
    out = []
    for text in plain:
        words = list(WORD.finditer(text))
        if len(words) < 2 or not words[0].group()[:1].isupper() or words[0].start() > 1:
            continue
        if text[words[0].end() : words[1].start()].strip() != ",":
            continue
        rest = [w.group() for w in words[1:3]]
        noun = rest[1] if _minor(rest[0], lang) and len(rest) > 1 else rest[0]
        if noun[:1].islower() and _body(noun, lang):
            out.append(words[0].group())
    return out


def _genitive_names(plain: tuple[str, ...], lang: str) -> list[str]:
    """Icelandic bodies named by a capitalised body's noun and lower-case genitives
    ("Samtök atvinnulífsins", "Félag íslenskra flugumferðarstjóra"), by BÍN: the
    capital is on the first word only, so the name finder stops there."""
    if lang != "is":
        return []
    out = []
    for text in plain:
        words = list(WORD.finditer(text))
        for i, word in enumerate(words):
            head = word.group()
            if not head[:1].isupper() or definite_noun(head) or not _body(head, lang):
                continue
            if not nominative(head):  # "formaður Félags …": a holder is named in the nominative
                continue
            tail = []
            for after in words[i + 1 : i + 4]:
                between = text[words[i + len(tail)].end() : after.start()]
                form = after.group()
                if between.strip() or not form[:1].islower() or not genitive(form):
                    break
                if form in lexicon.wordset("grammar.auxiliaries", lang):
                    break  # "Mannréttindasamtök hafa gagnrýnt": a verb, not "of the seas"
                tail.append(form)
            while tail and not genitive(tail[-1], adjective=False):
                tail.pop()  # "Samtök flugrekenda undirrituðu": the name ends in a noun
            if tail:
                out.append(" ".join([head, *tail]))
    return out


def _untitled(name: str, lang: str) -> str:
    """The name without the article and titles a sentence opens with ("Die Ministerin",
    "Isavia-Chef Sveinbjörn Indriðason",
    "Framkvæmdastjóri Hlíðarfisks" -> "Hlíðarfisks", "Ректор Череповецкого" ->
    "Череповецкого"), without the genitive of a place that ends the title before it
    ("России Виктор Зайцев" -> "Виктор Зайцев"), and without a common noun in apposition
    before a name ("des Flughafenbetreibers Isavia" -> "Isavia", `_apposed_noun`):
    empty where nothing else is left."""
    words = name.split()
    genitives = lexicon.wordset("names.place_genitives", lang)
    while words and (
        _minor(words[0], lang)
        or words[0].lower() in _titles(lang)
        or ((words[0].lower() in genitives or russian.place_genitive(words[0])) and len(words) > 2)
        or _apposed_noun(words, lang)
    ):
        words.pop(0)
    return untitled(" ".join(words))


def _apposed_noun(words: list[str], lang: str) -> bool:
    """The first word is a common noun (`lexicon.noun_kind`), no acronym, no body's noun
    and not declined as an adjective, and the words after it are neither common nouns nor
    names the table knows, or a person's two names end them: "Halbinsel Reykjanes",
    "Flughafenbetreibers Isavia", but not
    "Deutsche Bahn", "Deutsche Umwelthilfe", "Autobahn GmbH", "AOK Niedersachsen",
    "Staatsanwaltschaft Hannover" (a body named by its place)."""
    first = words[0]
    if len(words) < 2 or first.isupper() or _body(first, lang):
        return False
    if lexicon.noun_kind(first, lang) != "common":
        return False
    if len(words) > 2 and all(lexicon.noun_kind(w, lang) is None for w in words[-2:]):
        return True  # "Hamburger Verdi-Fachbereichsleiterin Maren Schütt": her role's nouns
    return all(lexicon.noun_kind(w, lang) is None for w in words[1:])


def _common_nouns(plain: tuple[str, ...], lang: str) -> frozenset[str]:
    """Folded capitalised words the article writes after a determiner or a number,
    lower-case words between allowed ("die politische Verantwortung", "8,60 Metern"): in
    a language that capitalises every noun (`names.common_after`), common nouns; but no
    word its noun table (`lexicon.noun_kind`) knows only as a name ("Die Lufthansa")."""
    after = lexicon.wordset("names.common_after", lang)
    if not after:
        return frozenset()
    found: set[str] = set()
    for text in plain:
        words = [m.group() for m in WORD.finditer(text)]
        for i, word in enumerate(words):
            if word.lower() not in after and not word[:1].isdigit():
                continue  # a number counts a noun too: "8,60 Metern"
            j = i + 1
            while j < len(words) and j - i <= 3 and not words[j][:1].isupper():
                j += 1
            if j < len(words) and words[j][:1].isupper() and not _name_word(words[j], lang):
                found.add(fold(words[j]))
    return frozenset(found)


def _name_word(word: str, lang: str) -> bool:
    return lexicon.noun_kind(word, lang) == "name"


def _noun(name: str, nouns: frozenset[str], lang: str) -> bool:
    """A name that is a common noun of `_common_nouns`: its last part was seen after a
    determiner ("Verantwortung", "Ähnliche Altersgrenzen"), and it names no body
    ("der Kinderschutzbund") and is no acronym ("die GSV"); or one word the noun table
    knows only as a common noun ("betroffene Passagiere", `lexicon.noun_kind`), where a
    name of two ("Deutsche Bahn") may be common words."""
    parts = _parts(name, lang)
    last = parts[-1]
    if len(name.split()) == 1 and lexicon.noun_kind(name, lang) in ("common", "adjectival"):
        # a body's own noun ("der Airline") stands for the body named before; a compound
        # ending in one ("Bundesregierung") is the body's name
        return not _body(name, lang) or any(s in _bodies(lang) for s in _forms(name, lang))
    if last.isupper() or any(_body(p, lang) for p in parts):
        return False
    return any(same_name(last, noun) for noun in nouns if noun[:STEM] == fold(last)[:STEM])


@functools.cache
def _titles(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("words.titles", lang))


def people_word(name: str, lang: str) -> bool:
    """A people's word (`names.demonyms`: "Norwegian", "Dutch"): it holds nothing."""
    return name.lower() in lexicon.wordset("names.demonyms", lang)


@functools.cache
def _bodies(lang: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in lexicon.words("names.bodies", lang))


def _stems(word: str) -> tuple[str, ...]:
    """The word and the word without an ending of one or two letters ("Verbands" ->
    "verband"), folded."""
    low = re.split(r"['’]", word.lower())[-1]  # cut as written: "Ассоциация" -> "ассоциац"
    return tuple(fold(s) for s in (low, *(low[:-k] for k in (1, 2) if len(low) - k >= 3)))


def _forms(word: str, lang: str) -> tuple[str, ...]:
    """`_stems`, and for Icelandic, whose definite and case endings run longer, the
    word's BÍN lemmas ("bankans" -> "banki", "Landhelgisgæslunni" -> "landhelgisgæsla")."""
    if lang != "is":
        return _stems(word)
    return (*_stems(word), *(fold(lemma) for lemma in lemmas(word)))


def _body(word: str, lang: str) -> bool:
    """A word naming a body: a body's noun or a compound ending in one
    ("Bundesinnenministerium", "Bobsport-Union")."""
    return any(s.endswith(b) for s in _forms(word, lang) for b in _bodies(lang))


def _kind_of(name: str, article: _Article) -> str:
    """What a name names: a "person" where it has two words or more, no body's noun in
    it ("Klaus-Dieter Rammler") and none right before it anywhere in the article
    ("профсоюза FNV Havens": the union, `_after_body`), else a "body" ("Deutschen
    Bobsport-Union", "Bellona")."""
    full = _fullest(name, article)
    if full not in article.kinds:
        parts = re.split(r"[\s-]+", full)
        person = len(_parts(full, article.lang)) > 1 and not any(
            _body(p, article.lang) for p in parts
        )
        article.kinds[full] = "person" if person and not _after_body(full, article) else "body"
    return article.kinds[full]


def _after_body(name: str, article: _Article) -> bool:
    """Some sentence of the article gives `name` right after a body's noun in lower case,
    or one opening the sentence ("Профсоюзы FNV Havens и CNV Vakmensen требуют"), and
    no title or spokesperson's noun before that noun: "Председатель комитета Рустем
    Валиев" is the committee's chairman."""
    right_before = re.compile(rf"(?:([^\W\d_]+)\s+)?([^\W\d_]+)\s+{re.escape(name)}(?!\w)")
    people = _titles(article.lang) | set(lexicon.words("names.spokespeople", article.lang))
    return any(
        (found.group(2).islower() or not text[: found.start(2)].strip())
        and _body(found.group(2), article.lang)
        and not (found.group(1) and any(found.group(1).lower().startswith(t) for t in people))
        for text in article.plain
        for found in right_before.finditer(text)
    )


def _saying(text: str, article: _Article) -> str | None:
    """Who the text's first verb of saying belongs to: the name the sentence opens with
    (after an article, "Le"), set off by a comma ("Ásgeir Þórðarson, bæjarstjóri
    Grindavíkur, segir"; not "Groenland" in "Le Danemark, qui reste compétent pour … du
    Groenland, a indiqué"), else the
    name of two words or more nearest before the verb, else the nearest one ("The
    director of the Fram Centre, Kari Lindqvist, called"; a place is one word), else the
    first after it ("said Trump"). A name after a preposition of place is not the one
    saying it ("Útgerðarmenn á Íslandi sögðu")."""
    lang = article.lang
    cue = _cue(lang).search(text)
    if cue is None:
        return None
    according = _according(text, cue, article)
    if according is not None:
        return according  # "…160 degrees Celsius…, according to KazGeoTherm": not Celsius
    inverted = _inverted_name(text, cue, article) or _inverted_body(text, cue, article)
    if inverted is not None:
        return inverted  # "…, sagte Albrecht": not a name of what he said ("Fehler")
    if _described_before(text[: cue.start()], article):
        return None  # "…in southeastern Kazakhstan, the companies said": not Kazakhstan
    after = _subject_after(text, cue, article)
    if after is not None:
        return after  # "Об этом ТАСС сообщил Андрей Соколов": not the outlet he told
    before = [
        (at, name)
        for at, name in _names_at(text[: cue.start()], article)
        if not _in_place(text, at, lang) and not people_word(name, lang)  # not "Norwegian"
    ]
    clause = _relative_clause(lang).search(text[: cue.start()])
    if clause is not None and any(at < clause.start() for at, _ in before):
        # "Aluminium maker Alcoa, which runs the Fjardaal smelter in east Iceland, said":
        # the clause tells of the subject before it, no name in it says anything
        before = [(at, name) for at, name in before if at < clause.start()]
    if before:
        first_at, first = before[0]
        articles = lexicon.wordset("names.determiners", lang)
        led = WORD.findall(text[:first_at])
        opener = all(w.lower() in articles for w in led)
        if led and len(before) > 1:  # "Le PDG de Dassault Aviation, Éric Trappier, a salué"
            opener = opener and before[1][0] > first_at + len(first) + 2
        if opener and text[first_at:].split(",")[0].strip() == first:
            return first  # "Name, title of Body, said"; "Le Danemark, qui …, a indiqué"
        last_at, last = before[-1]
        owned = _possessed_body(text[last_at + len(last) : cue.start()], lang)
        if owned is not None:
            return last + owned  # "Iceland's fisheries ministry said": not Iceland
        people = [name for _, name in before if len(_parts(name, lang)) > 1]
        return (people or [name for _, name in before])[-1]
    # after the verb, only a person's name ("said Trump"): a noun there is what is said
    after = [n for _, n in _names_at(text[cue.end() :], article) if _person(n, article)]
    return after[0] if after else None


# words between "according to" and its name: "the Met Office", not "son représentant chez Aéralis"
ACCORDING_WORDS = 1


def _according(text: str, cue: re.Match[str], article: _Article) -> str | None:
    """The name right after a verb of saying that is a preposition of attribution (lexicon
    `acts.according_to`: "according to KazGeoTherm", "selon Météo-France", "по данным
    Росстата"): the holder, wherever the phrase stands and whatever names come before it."""
    if not lexicon.phrases("acts.according_to", article.lang).fullmatch(cue.group()):
        return None
    rest = text[cue.end() :]
    named = _names_at(rest, article)
    if not named or len(WORD.findall(rest[: named[0][0]])) > ACCORDING_WORDS:
        return None
    return named[0][1]


DESCRIBED_WORDS = 4  # the longest description set off before its verb ("the two companies")


def _described_before(before: str, article: _Article) -> bool:
    """The words set off by a comma right before the verb of saying are a description
    with no name ("…, the companies said", "…, its owners said"): they are its subject,
    so no name said earlier in the sentence holds it."""
    parts = re.split(r"[,;:—–]", before)
    words = WORD.findall(parts[-1])
    articles = lexicon.wordset("names.determiners", article.lang)
    return (
        len(parts) > 1
        and 1 < len(words) <= DESCRIBED_WORDS
        and words[0].lower() in articles
        and all(w.islower() for w in words[1:])
    )


_POSSESSED = re.compile(r"['’]s((?:\s+[a-z][\w-]*){1,3})\s*")


def _possessed_body(between: str, lang: str) -> str | None:
    """What follows a name up to its verb of saying where that is the name's own body
    ("'s fisheries ministry" in "Iceland's fisheries ministry said"): the body, not the
    country or company the name gives, is the one saying it."""
    found = _POSSESSED.fullmatch(between)
    if found is None or not _body(found.group(1).split()[-1], lang):
        return None
    return between.rstrip()


def _inverted_name(text: str, cue: re.Match[str], article: _Article) -> str | None:
    """A person's name right after a verb of saying that a comma, a dash or a closing
    quotation mark sets off from what is said ("…, sagte Albrecht.", "…», — заявил
    Петров"), at most a title between ("sagte Ministerin Lenz"): the verb's subject."""
    if not text[: cue.start()].rstrip().endswith(SET_OFF):
        return None
    clause = _relative_clause(article.lang).search(text[: cue.start()])
    if clause is not None and _names_at(text[: clause.start()], article):
        return None  # "Bellona, which has campaigned for a ban, said Norway's position…"
    near = " ".join(text[: cue.start()].split()[-3:])
    if any(_person(n, article) for _, n in _names_at(near, article)):
        return None  # "The group's founder, Kerry Oduya, said": the name before says it
    rest = text[cue.end() :]
    found = _names_at(rest, article)
    between = rest[: found[0][0]].split() if found else []
    titles = _titles(article.lang)
    closing = (
        _closing_apposition(rest, found, titles)
        or _closing_person(rest, found, article)
        or _closing_body(text, cue, found, article)
    )
    if closing is not None:
        return closing  # "a déclaré la ministre de la Recherche, Hélène Garnier."
    if not found or len(between) > 2 or any(w.lower() not in titles for w in between):
        return None
    at, name = found[0]
    if len(found) > 1 and re.match(r"['’]s\s", rest[at + len(name) :]):
        name = found[1][1]  # "said Greenpeace Poland's Anna Ogniewska": she said it
    return name if _person(name, article) else None


def _subject_after(text: str, cue: re.Match[str], article: _Article) -> str | None:
    """In a language that puts the subject after the verb (lexicon
    `grammar.subject_after_verb`: Russian), a person's name in the nominative right after
    the verb of saying; None elsewhere or where a name in another case follows ("сообщил
    Соколову": he told Sokolov)."""
    if not lexicon.flag("grammar.subject_after_verb", article.lang):
        return None
    found = _names_at(text[cue.end() :], article)
    if not found or text[cue.end() : cue.end() + found[0][0]].strip():
        return None
    written = text[cue.end() + found[0][0] :].split(",")[0].split()
    name = found[0][1]
    as_written = " ".join(written[: len(name.split())])
    if not _person(name, article) or russian.nominative(as_written) != as_written:
        return None
    return name


def _closing_apposition(
    rest: str, found: list[tuple[int, str]], titles: frozenset[str]
) -> str | None:
    """The name that closes the sentence after a comma, where the words after the verb
    open with a title ("…», a déclaré la ministre de l'Enseignement supérieur et de la
    Recherche, Hélène Garnier."): the title's holder, however long its description."""
    if not found:
        return None
    at, name = found[-1]
    head = rest[:at].rstrip()
    if not head.endswith(",") or rest[at + len(name) :].strip(" .!?\"'”»“") != "":
        return None
    opening = [w.lower() for w in head.split()[:2]]
    return name if any(w in titles for w in opening) else None


CLOSING_WORDS = 12  # the most words a set-off verb's subject may run to the sentence's end


def closing_subject(text: str, cue: re.Match[str]) -> bool:
    """The verb of saying is set off from what is said before it (a comma, a dash, a
    closing quotation mark) and its subject runs to the sentence's end within
    `CLOSING_WORDS` ("…, sagte ein Verbandssprecher."): who says it is after the verb,
    never a name inside what is said."""
    rest = text[cue.end() :]
    return text[: cue.start()].rstrip().endswith(SET_OFF) and 0 < len(rest.split()) <= CLOSING_WORDS


def _closing_person(rest: str, found: list[tuple[int, str]], article: _Article) -> str | None:
    """The person whose name ends the sentence a few words after a set-off verb of saying,
    their role before it ("…, сообщил ТАСС президент Всероссийской ассоциации
    рыбопромышленников (ВАРПЭ) Олег Кравцов.", "…“, sagte die Hamburger
    Verdi-Fachbereichsleiterin Maren Schütt."): the subject, not the outlet told nor a
    name inside the role."""
    if not found or len(rest.split()) > CLOSING_WORDS:
        return None
    at, name = found[-1]
    if rest[at + len(name) :].strip(" .!?\"'”»“") != "" or not _person(name, article):
        return None
    return name


def _closing_body(
    text: str, cue: re.Match[str], found: list[tuple[int, str]], article: _Article
) -> str | None:
    """A body's name right after a set-off verb of saying, a determiner at most before it
    ("…, teilte die Hamburger Hafen und Logistik AG (HHLA) am Mittwoch mit."): the
    verb's subject, by the abbreviation it is given with where it has one; not a name
    inside what is said ("Hamburg")."""
    if not found or not closing_subject(text, cue):
        return None
    rest = text[cue.end() :]
    at, name = found[0]
    between = rest[:at].split()
    if len(between) > 1 or any(w.lower() not in determiners(article.lang) for w in between):
        return None
    short = re.search(r"\(([A-ZÄÖÜÀ-ÞА-ЯЁ]{2,8})\)", rest[at:])
    return short.group(1) if short else name


def _inverted_body(text: str, cue: re.Match[str], article: _Article) -> str | None:
    """A body named where it said what comes before, its verb set off by a comma ("…,
    сообщили в Министерстве обороны РФ": the ministry said it), the name up to the
    sentence's end, in the nominative."""
    if not text[: cue.start()].rstrip().endswith(SET_OFF):
        return None
    places = lexicon.alternation("speech.said_in", article.lang)
    if not places:
        return None
    found = re.match(rf"\s+(?:{places})\s+([^,;:()«»„“\"]+?)[.!?]*\s*$", text[cue.end() :])
    if found is None or not found.group(1)[:1].isupper() or len(found.group(1).split()) > 5:
        return None  # five words at most: a body's name, not a clause
    name = found.group(1)
    return russian.body_nominative(name) if article.lang == "ru" else name


def opening_body(text: str, article: _Article) -> str | None:
    """A body named where it says what follows, opening the sentence right before its
    verb ("В Кремле заявили, что…": the Kremlin said it), in the nominative."""
    places = lexicon.alternation("speech.said_in", article.lang)
    cue = _cue(article.lang).search(text)
    if not places or cue is None:
        return None
    found = re.fullmatch(rf"\s*(?:{places})\s+([^,;:()«»„“\"]+?)\s*", text[: cue.start()], re.I)
    if found is None or not found.group(1)[:1].isupper() or len(found.group(1).split()) > 5:
        return None
    name = found.group(1)
    return russian.body_nominative(name) if article.lang == "ru" else name


def _in_place(text: str, at: int, lang: str) -> bool:
    """The words before the name at `at` end with a preposition of place
    (`names.places_after`), of one word or two ("près de", "autour des"), not of
    attribution ("according to": `acts.according_to`), the names listed with it between
    ("в Антверпен, Гамбург и Бремерхафен": Hamburg and Bremerhaven are places as Antwerp
    is; not "…built in Kazakhstan, Bryndis Lara said", where no list goes on)."""
    before = text[:at]
    places = lexicon.wordset("names.places_after", lang)
    if _attribution_ends(lang).search(before):
        return False
    joined, commas, goes_on = _listed(lang)
    unlisted = joined.sub("", before)
    if unlisted == before and goes_on.match(text[at:]):
        unlisted = commas.sub("", before)
    words = unlisted.lower().split()
    if len(words) > 1 and words[-2].strip(",") in _speakers(lang):
        return False  # "Ein Sprecher von Rio Tinto": whom he speaks for, no place
    return bool(words) and (words[-1] in places or " ".join(words[-2:]) in places)


@functools.cache
def _speakers(lang: str) -> frozenset[str]:
    """Nouns of people who speak for a body ("Sprecher", "experts", titles)."""
    nouns = ("names.spokespeople", "names.speak_for")
    return _titles(lang) | {w.lower() for key in nouns for w in lexicon.words(key, lang)}


@functools.cache
def _listed(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Names listed before a name: those a coordinator joins it to, with their commas
    ("Антверпен, Гамбург и "); those a comma sets before it; and a list going on after it
    (", Y" or " и Y"), without which a comma ends a clause, no list."""
    joins = lexicon.alternation("grammar.coordinators", lang) or "(?!)"
    name = rf"[{UPPER}][\w'’-]*"
    return (
        re.compile(rf"(?:\s*{name}\s*,)*\s*{name}\s+(?:{joins})\s*$"),
        re.compile(rf"(?:\s*{name}\s*,)+\s*$"),
        re.compile(rf"[\w'’-]+\s*(?:,\s*|\s+(?:{joins})\s+){name}"),
    )


@functools.cache
def _attribution_ends(lang: str) -> re.Pattern[str]:
    """A preposition of attribution at the end of a text (`acts.according_to`)."""
    listed = lexicon.alternation("acts.according_to", lang) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{listed})\s*$", re.IGNORECASE)


def _person(name: str, article: _Article) -> bool:
    """A name whose fullest form has two words or more (a first name and a surname)."""
    return len(_parts(_fullest(name, article), article.lang)) > 1


@functools.cache
def _relative_clause(lang: str) -> re.Pattern[str]:
    """A relative clause set off by commas at the end of a text (`grammar.relatives`):
    what stands between a subject and its verb of saying."""
    listed = lexicon.alternation("grammar.relatives", lang)
    return re.compile(rf",\s*(?:{listed or '(?!)'})(?!\w)[^,]*,\s*$", re.IGNORECASE)


@functools.cache
def _cue(lang: str) -> re.Pattern[str]:
    listed = "|".join(
        a for a in (lexicon.alternation(k, lang) for k in ("kinds.saying", "speech.holder")) if a
    )
    agent = lexicon.alternation("speech.agent", lang)
    participle = rf"(?!\s+(?:{agent})(?!\w))" if agent else ""
    return re.compile(rf"(?<!\w)(?:{listed or '(?!)'})(?!\w){participle}", re.IGNORECASE)


def _names_at(text: str, article: _Article) -> list[tuple[int, str]]:
    """(offset, known name) of every capitalised word of the text that is a name's form."""
    out: list[tuple[int, str]] = []
    for match in WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper() or _minor(word, article.lang):
            continue
        forms = [
            n
            for n in article.index.get(_key(word), ())
            if any(same_name(word, part) for part in _parts(n, article.lang))
        ]
        name = max(forms, key=lambda n: _told_on(n, text[match.start() :]), default=None)
        if out and _continues(text, out[-1], match, article):
            continue  # "Alþýðusamband Íslands": "Íslands" is no name of its own here
        if name is not None and (not out or out[-1][1] != name):
            out.append((match.start(), name))
    return out


def _told_on(name: str, text: str) -> int:
    """How many of the name's words the text goes on with, from its first ("Samtök
    flugrekenda" for "Samtök flugrekenda undirrituðu", not "Samtök atvinnulífsins"); the
    names longest first break ties (`max` keeps the first)."""
    words = text.split()
    told = 0
    for mine, theirs in zip(name.split(), words, strict=False):
        if not same_name(mine, theirs.strip(",.;:")):
            break
        told += 1
    return told


def _continues(text: str, last: tuple[int, str], word: re.Match[str], article: _Article) -> bool:
    """The word goes on the name just found, as one of its parts, with only a space
    between ("Alþýðusamband Íslands", not a second name "Peningastefnunefnd Seðlabanka
    Íslands")."""
    at, name = last
    between = text[at : word.start()]
    return (
        len(between.split()) <= len(name.split())
        and not re.search(r"[^\w\s'’-]", between)
        and any(same_name(word.group(), p) for p in _parts(name, article.lang))
    )


def _key(word: str) -> str:
    """Where a name part is filed: forms of one name share their first `STEM` letters."""
    return fold(word)[:STEM]


def _fullest(name: str, article: _Article) -> str:
    """The longest known name holding every part of `name`, without an opening article
    ("Die Gewerkschaft Schiene": the article is no part of the name); found once per
    name and article."""
    if name not in article.fullest:
        article.fullest[name] = _widest(name, article)
    return article.fullest[name]


def _widest(name: str, article: _Article) -> str:
    lang = article.lang
    parts = _parts(name, lang)
    if len(parts) == 1 and place_named(fold(name), lang, "en"):
        return name  # "Poland" is no "Greenpeace Poland", though that name holds it
    candidates = dict.fromkeys(n for p in parts for n in article.index.get(_key(p), ()))
    wider = [
        k
        for k in candidates
        if all(any(same_name(p, q) for q in _parts(k, lang)) for p in parts)
        and not titled_other(k, name)
        and not (len(parts) == 1 and linked(name, k))  # "Rotterdam": no "Port of Rotterdam …"
    ]
    # the name as given where no known one is longer ("Росрыболовство", the nominative
    # `opening_body` gives, not the "Росрыболовстве" the sentence writes)
    fullest = max([name, *wider], key=lambda k: (len(k.split()), len(k)))
    words = fullest.split()
    while len(words) > 1 and _minor(words[0], lang):
        words.pop(0)
    return _in_nominative(" ".join(words), lang)


def _in_nominative(name: str, lang: str) -> str:
    """An Icelandic name in the nominative: of one word, as BÍN reads it as a noun in
    another case ("Næring" holds a line, not "Næringar": the article named it only in
    "framkvæmdastjóri Næringar"); of several, as Greynir reads it (`name_nominative`:
    "Hrafnhildur Sif Gunnarsdóttir", not "Hrafnhildar Sifjar Gunnarsdóttur" of "að sögn
    …"). A name neither knows stays as written."""
    if lang != "is":
        return name
    if " " in name:
        return name_nominative(name)
    found = case_variants(name).get("NF")
    return found[:1].upper() + found[1:] if found else name


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
    """Months, weekdays and the like are capitalised but hold nothing ("ab Januar": the
    month CLDR names, `lang.calendar`)."""
    if len(name.split()) == 1 and calendar_words(name, lang):
        return True
    return name.lower() in lexicon.wordset("words.common", lang) | lexicon.wordset(
        "words.days", lang
    )
