"""Who holds a position, by code, in any language: the named person or body the
sentence means, with "he", "the minister" or "the dictator" resolved to the person the
sentences before it name.

The first name a sentence gives is, in news prose, its subject or its source ("Putin
said", "according to the ministry"); a sentence naming no one continues the last one
that named someone, unless it opens with a subject of its own that is no one named
before: a group ("French fishermen", "Foreldrar") or many bodies ("Sveitarfélögin").
The name is given in the article's fullest form of it ("Putin" -> "Vladimir Putin"),
matched across inflection by stem ("Pútíns" ~ "Pútín", "Путина" ~ "Путин"). For
Icelandic the parse (`stages.speakers`) knows more; this is what every language gets.

The names an article gives are read in `stages.article_names`; a description standing for
someone named before ("der 61-Jährige", "La fédération") is read in `stages.descriptions`.
"""

from __future__ import annotations

import functools
import re

from briefing.core.languages import PIVOT
from briefing.lang import lexicon
from briefing.lang.fold import fold
from briefing.lang.icelandic import compound_parts, definite_noun, lemmas
from briefing.lang.parse_is_reading import deed
from briefing.stages.article_names import (
    BEFORE,
    SET_OFF,
    WORD,
    _Article,
    _article,
    _body,
    _cue,
    _fullest,
    _in_place,
    _inverted_name,
    _kind_of,
    _minor,
    _names_at,
    _saying,
    _titles,
    opening_body,
    people_word,
    same_name,
)
from briefing.stages.descriptions import (
    _described,
    _meant,
    _noun_subject,
    _state_body,
    modifiers,
)

__all__ = [
    "group_body",
    "holder_in",
    "named_before",
    "placed",
    "portfolio",
    "referred_in",
    "said_in",
    "same_name",
    "saying_in",
]


def holder_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of sentence `at` of an article, in the article's fullest form of the
    name; None where no sentence up to `BEFORE` back names anyone. Words inside quotation
    marks are what is said, not who says it ("„Das ist wichtig“, sagte Lenz")."""
    article = _article(tuple(sentences), lang)
    if _told(article.plain[at], lang):
        return None  # "Hauliers were told to divert": they heard it, no one here says it
    for back in range(0, BEFORE + 1):
        if at - back < 0:
            break
        here = at - back
        text = article.plain[here]
        if back == 0 and _pronoun_holds(text, article):
            continue  # "She said Oslo would...", "sagte er": named before
        opening = (
            opening_body(text, article)
            or _opening(text, article)
            or (_institution(text, article) if back == 0 else None)
        )
        if opening is not None:
            return opening  # "Le Comité international de la Croix-Rouge (CICR) a salué"
        described = _described(text, article)
        if described is not None:
            noun, kind = described
            if kind == "name":
                return noun  # "selon le ministère de la Santé"
            body = _spokesman_of(noun, article.lang) if back == 0 else None
            meant_body = _meant(body, "body", article, here) if body else None
            # "ein Verbandssprecher": the Bundesverband's; no guess ("Cuxhaven")
            if meant_body is not None and body in fold(meant_body):
                return _state(_body_nominative(_fullest(meant_body, article), body), article)
            if back == 0 and _indefinite(text, noun, article.lang):
                return None  # "…, sagte ein Sprecher": someone not named
            meant = _meant(noun, kind, article, here, modifiers(text, noun, article.lang))
            if meant is not None:
                return _state(_fullest(meant, article), article)
            if back == 0 and article.lang == PIVOT and _state_body(noun, article):
                return _as_written(text, noun)  # "The government said…": no one named
            return None  # described, and no one named before is the one it means
        if back == 0 and _title_holds(text, article):
            continue  # "Die Ministerin kündigte an": named before
        group = (_group(text, article) or _placed_group(text, article)) if back == 0 else None
        if group is not None:
            return group  # "French fishermen had demanded": not France, nor whoever before
        if back == 0 and _plural_opening(text, article):
            return None  # "Employers have offered … and say": not a name after or before
        named = _saying(text, article) or _first_name(text, article, places=back == 0)
        if named is not None:
            return _state(_fullest(named, article), article)
        if back == 0 and _noun_subject(text, article.lang):
            return _spoken_for(sentences, at, lang)  # "Foreldrar hafa gagnrýnt..."
    return None


def _plural_opening(text: str, article: _Article) -> str | None:
    """The plural common noun an English sentence opens with as its subject, in lower
    case, its singular an English word of the dictionary table ("Employers have offered 4.5
    percent and say…", "Residents said…", "The companies are…"; not "Airbus said"): many
    unnamed people, not a name the sentence gives later nor one named before; None
    otherwise."""
    if article.lang != "en":
        return None
    words = text.split()
    if words and words[0].lower() in lexicon.wordset("names.determiners", "en"):
        # "The companies are in talks with the EBRD": not the EBRD's; "The ports
        # minister, Alan Reid," and "The pilots' union BALPA" are theirs
        words = words[1:]
        if len(words) < 2 or not (words[1] in _AUXILIARIES or words[1].endswith("ed")):
            return None
    if len(words) < 3 or not words[1][:1].islower():
        return None
    first = words[0].strip("\"'“‘(").lower()
    singular = first[:-3] + "y" if first.endswith("ies") else first[:-1]
    plural = first.endswith("s") and not first.endswith("ss") and lexicon.english_noun(singular)
    return first if plural else None


def group_body(sentences: list[str], at: int, lang: str) -> tuple[str, int] | None:
    """The body that speaks for the many unnamed people an English sentence opens with
    ("Employers have offered … and say…", `_plural_opening`), and the sentence naming it:
    the one the article gives as theirs, its noun after their possessive ("a spokeswoman
    for the employers' association Havenwerkgevers Rotterdam"); None where it names none."""
    article = _article(tuple(sentences), lang)
    owner = _plural_opening(article.plain[at], article)
    if owner is None:
        return None
    bodies = lexicon.alternation("names.bodies", lang)
    possessive = re.compile(rf"(?<!\w)(?i:{re.escape(owner)})['’]s?\s+(?:{bodies})\s+(?=[A-Z])")
    for here, text in enumerate(article.plain):
        for found in possessive.finditer(text):
            named = [n for start, n in _names_at(text, article) if start == found.end()]
            if named:
                return _fullest(named[0], article), here
    return None


def _spokesman_of(noun: str, lang: str) -> str | None:
    """The body's noun a spokesperson's compound opens with ("Verbandssprecher" ->
    "verband"): who speaks for the body named before, if the article names one."""
    low = noun.lower()
    tail = next((t for t in lexicon.words("names.spokespeople", lang) if low.endswith(t)), None)
    if tail is None or len(low) == len(tail):
        return None
    head = low[: -len(tail)].rstrip("-")
    stems = (head, head[:-1]) if head.endswith("s") else (head,)  # "Verbands-": linking s
    return next((s for s in stems if s in lexicon.wordset("names.bodies", lang)), None)


def _body_nominative(name: str, body: str) -> str:
    """A one-word body's name ending in its noun's genitive as its nominative
    ("Bundesverbands" -> "Bundesverband")."""
    if " " not in name and name.lower().endswith(body + "s"):
        return name[:-1]
    return name


def _indefinite(text: str, noun: str, lang: str) -> bool:
    """The description is opened by an indefinite article (lexicon `words.indefinite`),
    a lower-case word at most between: someone the article does not name, not one it named
    before ("Ein Sprecher des Ministeriums" speaks for the ministry named before)."""
    articles = lexicon.alternation("words.indefinite", lang)
    lower = r"(?=[^\W\d_])(?![A-ZÀ-ÞА-ЯЁ])\w+\s+"  # an adjective: "ein neuer Sprecher"
    pattern = rf"(?<!\w)(?i:{articles})\s+(?:{lower})?{re.escape(noun)}(?!\w)"
    return bool(articles) and re.search(pattern, text) is not None


def _institution(text: str, article: _Article) -> str | None:
    """An Icelandic institution named by its definite noun, opening the sentence right
    before its verb of saying ("Veðurstofan segir", "Landhelgisgæslan sagði", "Lögreglan
    segir"): it holds the sentence, named so. A compound noun or one the lexicon lists
    (`names.institutions`); not a title or a person's noun ("Bæjarstjórinn segir",
    "Sjálfstæðismaðurinn segir": the one named before) nor a plain body noun ("Félagið
    segir": the union named before)."""
    if article.lang != "is":
        return None
    words = list(WORD.finditer(text))
    if len(words) < 2 or not _cue(article.lang).match(text, words[1].start()):
        return None
    word = words[0].group()
    low = word.lower()
    if not word[:1].isupper() or not definite_noun(word):
        return None
    people = _titles(article.lang) | lexicon.wordset("names.person_nouns", article.lang)
    if (lemmas(low) | lemmas(compound_parts(low)[-1])) & people:
        return None  # a title or a person's noun: whom it means is named before
    listed = low in lexicon.wordset("names.institutions", article.lang)
    # a compound by its lemma: "rétturinn" splits as "rétt" + "urinn", its lemma "réttur"
    # does not; the court named before ("Hæstiréttur") is whom it means
    compound = any(len(compound_parts(lemma)) > 1 for lemma in lemmas(low))
    return word if listed or compound else None


def _group(text: str, article: _Article) -> str | None:
    """The group a sentence opens with, a people's word before it ("French fishermen had
    demanded", `names.demonyms`): it holds what the sentence says, not the country its
    word names; None otherwise."""
    words = [m.group() for m in WORD.finditer(text)]
    while words and _minor(words[0], article.lang):
        words.pop(0)
    if len(words) < 2 or words[0].lower() not in lexicon.wordset("names.demonyms", article.lang):
        return None
    noun = words[1]
    if not noun.islower() or _minor(noun, article.lang) or _cue(article.lang).fullmatch(noun):
        return None
    cue = _cue(article.lang).search(text)
    if cue is not None and _names_at(text[: cue.start()], article):
        return None  # "Polish state firm Orlen, which will buy the gas, said": Orlen says it
    return f"{words[0]} {noun}"


def _as_written(text: str, noun: str) -> str | None:
    """A state's body a pivot-language sentence opens with, as it writes it up to its
    noun ("The government"), where that is at most `STATE_WORDS` words. Not in another
    language, where a phrase of attribution may open it ("Selon le gouvernement")."""
    found = re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", text)
    if found is None:
        return None
    phrase = text[: found.end()].strip(" \"'“„«")
    return phrase if 0 < len(phrase.split()) <= STATE_WORDS else None


STATE_WORDS = 3


def _placed_group(text: str, article: _Article) -> str | None:
    """The group of people a pivot-language sentence opens with as the subject of its
    verb of saying, named by a plural noun and at most a place ("Opposition lawmakers in
    Nuuk have said…"): they hold it, not the place; None where any other name or no such
    noun stands before the verb."""
    cue = _cue(article.lang).search(text)
    if article.lang != PIVOT or cue is None:
        return None
    before = text[: cue.start()]
    named = _names_at(before, article)
    if any(not _in_place(before, at, article.lang) for at, _ in named):
        return None
    words = WORD.findall(before)
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    nouns = [w for w in words if w.islower() and _plural(w)]
    if not (nouns and 1 < len(words) <= BODY_WORDS) or _minor(words[0], article.lang):
        return None
    return " ".join(words)


_AUXILIARIES = frozenset(
    lexicon.words("grammar.modals", PIVOT) + lexicon.words("grammar.copulas", PIVOT)
)


def _plural(word: str) -> bool:
    """An English plural noun by its ending ("lawmakers"; not "press", "status")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def placed(name: str, text: str, lang: str) -> bool:
    """`text` gives `name` only after a preposition of place ("lawmakers in Nuuk"): a
    place there, no one who speaks."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return bool(found) and all(_in_place(text, at, lang) for at in found)


def portfolio(name: str, text: str, lang: str) -> bool:
    """`text` gives `name` only as a title's portfolio ("La ministre française de la
    Recherche, Claire Dubois, …": no "Recherche" who holds a position): after a title
    (`words.titles`), up to two words and the words linking a name (`names.links`)."""
    before = _portfolio_before(lang)
    if before is None:
        return False
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return bool(found) and all(before.search(text[:at]) for at in found)


@functools.cache
def _portfolio_before(lang: str) -> re.Pattern[str] | None:
    """A title, up to two words and the words linking a name, ending where a name starts."""
    titles, links = lexicon.alternation("words.titles", lang), lexicon.words("names.links", lang)
    if not titles or not links:
        return None
    link = "|".join(re.escape(w) for w in links)
    return re.compile(rf"(?i:\b(?:{titles}))(?:\s+[\w'’-]+){{0,2}}?(?:\s+(?:{link})['’]?)+\s*$")


def _spoken_for(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of a sentence whose subject is a group named by a common noun
    ("Flugumferðarstjórar segja"): the holder of the nearest sentence before that names
    the group by the same lemma ("formaður Félags íslenskra flugumferðarstjóra"), who
    speaks for them; None where none does: parents are not the teachers' union."""
    article = _article(tuple(sentences), lang)
    words = [w for w in WORD.findall(article.plain[at]) if not _minor(w, lang)]
    group = lemmas(words[0]) if words else frozenset()
    for here in range(at - 1, max(-1, at - 1 - BEFORE), -1):
        if group and any(lemmas(w) & group for w in WORD.findall(article.plain[here])):
            return holder_in(sentences, here, lang)
    return None


def said_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of a verb of saying that sentence `at` names itself ("Trump noted
    that..."), in the article's fullest form; None where it has no such verb, or its
    subject is a pronoun or a name of another sentence."""
    article = _article(tuple(sentences), lang)
    text = article.plain[at]
    if _pronoun_holds(text, article) or _title_holds(text, article) or _told(text, lang):
        return None
    cue = _cue(lang).search(text)
    if cue is None:
        return None
    opening = opening_body(text, article) or _opening(text, article) or _institution(text, article)
    if opening is not None:
        return opening  # "Londres exige", "Veðurstofan segir", "В Кремле заявили"
    described = _described(text, article)
    if described is not None:  # not "the minister", unless the sentence names her after it
        return described[0] if described[1] == "name" else _inverted_name(text, cue, article)
    named = _group(text, article) or _saying(article.plain[at], article)
    return _state(_fullest(named, article), article) if named else None


def _told(text: str, lang: str) -> bool:
    """The sentence's verb of saying is in the passive (lexicon `speech.passive`): its
    subject was told, asked or warned; or its particle makes it a deed (`parse_is.deed`,
    Icelandic: "sagði samningnum … upp", gave notice)."""
    return bool(lexicon.phrases("speech.passive", lang).search(text)) or (
        lang == "is" and deed(text)
    )


def saying_in(sentences: list[str], at: int, lang: str) -> str | None:
    """Who says sentence `at` by its own verb of saying or holding: the subject it names
    (`said_in`), else the person or body its pronoun, title or description subject means
    (`referred_in`: "The union is asking for 7.5 percent" after "The rail union GSV")."""
    return said_in(sentences, at, lang) or referred_in(sentences, at, lang)


def named_before(sentences: list[str], at: int, name: str, lang: str) -> int | None:
    """The nearest sentence before `at` that names `name` (a holder code resolved a
    pronoun, title or description of sentence `at` to), or None if `at` names it itself
    or none before does: the sentence to cite for who holds it."""
    article = _article(tuple(sentences), lang)

    def names(i: int) -> bool:
        return any(
            _forms_of(_fullest(n, article), name) for _, n in _names_at(article.plain[i], article)
        )

    if names(at):
        return None
    return next((i for i in range(at - 1, -1, -1) if names(i)), None)


def _forms_of(written: str, name: str) -> bool:
    """Two forms of one name, word by word ("Росрыболовстве", the name as a sentence
    writes it, and "Росрыболовство", as `opening_body` gives it in the nominative)."""
    words = written.split(), name.split()
    return len(words[0]) == len(words[1]) and all(
        same_name(a, b) for a, b in zip(*words, strict=True)
    )


def referred_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of a verb of saying that sentence `at` gives a pronoun, a title or a
    description for subject ("Sie warf der Gewerkschaft vor", "„…“, sagte der
    61-Jährige"): the person or body named before it means (`holder_in`); None where the
    sentence has no such verb or names its subject itself (`said_in`)."""
    article = _article(tuple(sentences), lang)
    text = article.plain[at]
    cue = _cue(lang).search(text)
    if cue is None:
        return None
    before = text[: cue.start()]
    named = any(not _in_place(before, at, lang) for at, _ in _names_at(before, article))
    if named and not _inverted(text, cue, article):
        return None  # a name before the verb ("Zelenskyy ... was invited"), but not one
        # inside what a pronoun after it says ("Verdi werde …, sagte sie")
    if not (
        _pronoun_holds(text, article) or _title_holds(text, article) or _described(text, article)
    ):
        return None
    return holder_in(sentences, at, lang)


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


def _inverted(text: str, cue: re.Match[str], article: _Article) -> bool:
    """A pronoun right after the verb of saying, the verb set off by a comma or a closing
    quotation mark before it ("…, sagte er", "…», — заявил он"): the pronoun is its
    subject. Not "Natarajan said she would": no comma before the verb."""
    rest, before = text[cue.end() :], text[: cue.start()]
    if not rest[:1].isspace() or not _pronoun(article.lang).match(rest.lstrip()):
        return False
    near = " ".join(before.split()[-3:])
    if any(
        _kind_of(n, article) == "person" and not _in_place(near, at, article.lang)
        for at, n in _names_at(near, article)
    ):
        return False  # "The ports minister, Alan Reid, said he welcomed": the name says it
    head = before.split(",")[0]
    opening = _names_at(head, article)
    if opening and not head[: opening[0][0]].strip(" \"'“„«") and len(head.split()) <= 4:
        return False  # "Whitaker, a 52-year-old developer, said he wanted": it opens with him
    return before.rstrip().endswith(SET_OFF)


def _opening(text: str, article: _Article) -> str | None:
    """The holder the sentence opens with where code reads it whole: a body's name with
    its abbreviation after it ("Le Comité international de la Croix-Rouge (CICR) a salué",
    "Российский союз промышленников и предпринимателей (РСПП) призвал"), or a capital
    standing for its state where the article names the state ("Londres exige" ->
    "Royaume-Uni", `names.capitals`)."""
    lang = article.lang
    words = list(WORD.finditer(text))
    while words and (_minor(words[0].group(), lang) or words[0].group().isdigit()):
        words.pop(0)
    if not words or not re.split(r"['’]", words[0].group())[-1][:1].isupper():
        return None
    start = words[0].start()
    if "'" in words[0].group() or "’" in words[0].group():
        start += len(re.split(r"['’]", words[0].group())[0]) + 1  # "L'Académie"
    abbreviated = re.match(r"([^,;:()«»„“\"]{3,90}?)\s*\((\w{2,8})\)", text[start:])
    if abbreviated and abbreviated.group(2).isupper() and len(abbreviated.group(1).split()) > 1:
        return abbreviated.group(1)
    body = _body_phrase(text[start:], words[0].group(), article)
    if body is not None:
        return body
    state = _state(words[0].group(), article)
    return state if state != words[0].group() else None


BODY_WORDS = 5  # the most words a body's name before its verb may have, unnamed otherwise


def _body_phrase(text: str, first: str, article: _Article) -> str | None:
    """A body named by its own common noun and what follows it up to its verb of saying
    ("Ассоциация перевозчиков края раскритиковала", "La Fédération des pêcheurs a
    dénoncé"), where no capitalised name says it: a body's name that capitalisation
    alone does not find."""
    cue = _cue(article.lang).search(text)
    if cue is None or not _body(first, article.lang):
        return None
    words = text[: cue.start()].strip(" ,").split()
    auxiliaries = lexicon.wordset("grammar.auxiliaries", article.lang)
    while words and words[-1].lower() in auxiliaries:
        words.pop()  # "Mannréttindasamtök hafa gagnrýnt": the auxiliary is the verb's
    phrase = " ".join(words)
    if not 1 < len(phrase.split()) <= BODY_WORDS or re.search(r"[,;:()«»„“\"]", phrase):
        return None
    return phrase


def _state(name: str, article: _Article) -> str:
    """A capital standing for its state, as the article names the state ("Londres exige"
    -> "Royaume-Uni"); any other name as it is."""
    folded = fold(name)
    for state, capitals in lexicon.table("names.capitals", article.lang).items():
        if folded in {fold(c) for c in capitals}:
            named = [k for k in article.known if fold(k) == fold(state)]
            return named[0] if named else name
    return name


def _pronoun_holds(text: str, article: _Article) -> bool:
    """A pronoun is the subject of the verb of saying ("She warned", "sagði hann") where
    it stands before the verb or right after it and no name comes before the verb (not
    "Natarajan said she", not "Trump noted that he")."""
    lang = article.lang
    cue = _cue(lang).search(text)
    if _pronoun(lang).match(text.lstrip(" \"'“„«")):
        # "Er verwies darauf", "Hún hvetur": the sentence's subject; but a possessive
        # before a name that says it is not ("Её председатель Олег Савин заявил")
        return cue is None or not _names_at(text[: cue.start()], article)
    if cue is None:
        return False
    if _inverted(text, cue, article):
        return True  # "„…“, sagte er", "…, sagði hann": the pronoun after the verb says it
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
def _pronoun(lang: str) -> re.Pattern[str]:
    listed = lexicon.alternation("pronouns.person", lang) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{listed})(?!\w)", re.IGNORECASE)


def _first_name(text: str, article: _Article, places: bool = True) -> str | None:
    """The known name the text gives first, in any inflection; a name of a person or
    body (two words or more) before a one-word one, which is as often a place. Without
    `places`, none after a preposition of place: a sentence before, read for who goes on
    speaking, names places ("a new pier in Grimsey"); the sentence's own "В Министерстве
    финансов назвали", "Í tilkynningu frá Jökulflugi" name who speaks."""
    found = [
        (at, n)
        for at, n in _names_at(text, article)
        if (places or not _in_place(text, at, article.lang))
        and not people_word(n, article.lang)  # "the Dutch economy"
    ]
    return min(found, key=lambda f: (len(f[1].split()) < 2, f[0]))[1] if found else None
