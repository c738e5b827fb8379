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
from dataclasses import dataclass, field

from briefing.lang import lexicon
from briefing.lang.fold import fold
from briefing.lang.names import names_in
from briefing.lang.quotation import unquoted

__all__ = ["holder_in", "said_in", "same_name"]

BEFORE = 4  # sentences back a pronoun, title or epithet is resolved against
RECALL = 20  # sentences back a description's noun is matched with a name ("die Ministerin")
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
    fullest: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@functools.lru_cache(maxsize=32)
def _article(sentences: tuple[str, ...], lang: str) -> _Article:
    plain = tuple(unquoted(s) for s in sentences)
    named = (_untitled(n, lang) for n in names_in(list(plain)) if not _not_holder(n, lang))
    nouns = _common_nouns(plain, lang)
    known = sorted({n for n in named if n and not _noun(n, nouns, lang)}, key=len, reverse=True)
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
        here = at - back
        text = article.plain[here]
        if back == 0 and _pronoun_holds(text, article):
            continue  # "She said Oslo would...", "sagte er": named before
        opening = _opening(text, article)
        if opening is not None:
            return opening  # "Le Comité international de la Croix-Rouge (CICR) a salué"
        described = _described(text, article)
        if described is not None:
            noun, kind = described
            if kind == "name":
                return noun  # "selon le ministère de la Santé"
            meant = _meant(noun, kind, article, here)
            if meant is not None:
                return _state(_fullest(meant, article), article)
            continue  # "Der 64-Jährige erklärte": someone named before
        if back == 0 and _title_holds(text, article):
            continue  # "Die Ministerin kündigte an": named before
        named = _saying(text, article) or _first_name(text, article)
        if named is not None:
            return _state(_fullest(named, article), article)
    return None


def said_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of a verb of saying that sentence `at` names itself ("Trump noted
    that..."), in the article's fullest form; None where it has no such verb, or its
    subject is a pronoun or a name of another sentence."""
    article = _article(tuple(sentences), lang)
    text = article.plain[at]
    if _pronoun_holds(text, article) or _title_holds(text, article):
        return None
    if _cue(lang).search(text) is None:
        return None
    opening = _opening(text, article)
    if opening is not None:
        return opening  # "Londres exige", "Le Comité ... (CICR) a salué"
    described = _described(text, article)
    if described is not None:
        return described[0] if described[1] == "name" else None  # not "the minister"
    named = _saying(article.plain[at], article)
    return _state(_fullest(named, article), article) if named else None


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
    "Череповецкого"), and without the genitive of a place that ends the title before it
    ("России Виктор Зайцев" -> "Виктор Зайцев"): empty where nothing else is left."""
    words = name.split()
    genitives = lexicon.wordset("names.place_genitives", lang)
    while words and (
        _minor(words[0], lang)
        or words[0].lower() in _titles(lang)
        or (words[0].lower() in genitives and len(words) > 2)
    ):
        words.pop(0)
    return " ".join(words)


def _inverted(text: str, cue: re.Match[str], article: _Article) -> bool:
    """A pronoun right after the verb of saying, the verb set off by a comma or a closing
    quotation mark before it ("…, sagte er", "…», — заявил он"): the pronoun is its
    subject. Not "Natarajan said she would": no comma before the verb."""
    rest, before = text[cue.end() :], text[: cue.start()]
    if not rest[:1].isspace() or not _pronoun(article.lang).match(rest.lstrip()):
        return False
    near = " ".join(before.split()[-3:])
    if any(_kind_of(n, article) == "person" for _, n in _names_at(near, article)):
        return False  # "The ports minister, Alan Reid, said he welcomed": the name says it
    return before.rstrip().endswith(tuple(',“”"»«—–'))


def _common_nouns(plain: tuple[str, ...], lang: str) -> frozenset[str]:
    """Folded capitalised words the article writes after a determiner, lower-case words
    between allowed ("die politische Verantwortung"): in a language that capitalises every
    noun (`names.common_after`), common nouns."""
    after = lexicon.wordset("names.common_after", lang)
    if not after:
        return frozenset()
    found: set[str] = set()
    for text in plain:
        words = [m.group() for m in WORD.finditer(text)]
        for i, word in enumerate(words):
            if word.lower() not in after:
                continue
            j = i + 1
            while j < len(words) and j - i <= 3 and not words[j][:1].isupper():
                j += 1
            if j < len(words) and words[j][:1].isupper():
                found.add(fold(words[j]))
    return frozenset(found)


def _noun(name: str, nouns: frozenset[str], lang: str) -> bool:
    """A name that is a common noun of `_common_nouns`: its last part was seen after a
    determiner ("Verantwortung", "Ähnliche Altersgrenzen"), and it names no body
    ("der Kinderschutzbund") and is no acronym ("die GSV")."""
    last = _parts(name, lang)[-1]
    if last.isupper() or any(_body(p, lang) for p in _parts(name, lang)):
        return False
    return any(same_name(last, noun) for noun in nouns if noun[:STEM] == fold(last)[:STEM])


@functools.cache
def _titles(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("words.titles", lang))


def _head(word: str, lang: str) -> str | None:
    """What a noun of a description stands for: "person" for a title or an epithet, or a
    compound ending in one ("Die Gewerkschafterin", "der 61-Jährige", "the veteran
    councillor"); "body" for a body's own noun ("der Verband", "des Ministeriums", "la
    fédération", "the group"); else None."""
    folded = fold(word)
    tail = folded.split("-")[-1]
    people = _people_nouns(lang)
    if _generic(word, lang):
        return "body"  # before titles: "правительство", "ministry" are listed as both
    if tail in people or folded in people or folded.endswith(_long(people)):
        return "person"
    return None


@functools.cache
def _people_nouns(lang: str) -> frozenset[str]:
    listed = (*lexicon.words("words.titles", lang), *lexicon.words("names.epithets", lang))
    return frozenset(fold(w) for w in listed)


def _long(nouns: frozenset[str]) -> tuple[str, ...]:
    """The nouns a compound may end in: five letters or more ("Klinikmanager")."""
    return tuple(n for n in nouns if len(n) >= 5 and " " not in n)


@functools.cache
def _bodies(lang: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in lexicon.words("names.bodies", lang))


def _stems(word: str) -> tuple[str, ...]:
    """The word and the word without an ending of one or two letters ("Verbands" ->
    "verband"), folded."""
    folded = re.split(r"['’]", fold(word))[-1]
    return (folded, *(folded[:-k] for k in (1, 2) if len(folded) - k >= 3))


def _generic(word: str, lang: str) -> bool:
    """A body's own noun, inflected, with no name in it ("Verbands", "fédération")."""
    return any(s in _bodies(lang) for s in _stems(word))


def _body(word: str, lang: str) -> bool:
    """A word naming a body: a body's noun or a compound ending in one
    ("Bundesinnenministerium", "Bobsport-Union")."""
    return any(s.endswith(b) for s in _stems(word) for b in _bodies(lang))


def _described(text: str, article: _Article) -> tuple[str, str] | None:
    """(noun, "person" or "body") where the sentence's subject is a description of
    someone named before, not a name: the sentence opens with it ("Der 64-Jährige
    erklärte", "The Danish executive rejected", "La fédération réclame", "Nach Angaben des
    Verbands"), or it follows the verb of saying ("sagte der 61-Jährige", "a ajouté la
    ministre"). Not where a name of the right kind is given with it ("The Unite union",
    "Le préfet du Rhône, Antoine Keller,"): that name holds it."""
    lang = article.lang
    cue = _cue(lang).search(text)
    leads = [(text[: cue.start()] if cue else text, cue is not None)]
    if cue is not None and not _names_at(leads[0][0], article):
        after = " ".join(text[cue.end() :].split()[:8])  # "sagte der 61-Jährige", "selon le"
        leads.append((" " + after, False))
    for lead, subject in leads:
        found = _description(lead, subject, article)
        if found is not None:
            return found if found[1] else None
    return None


def _description(lead: str, subject: bool, article: _Article) -> tuple[str, str] | None:
    """`_described` in one stretch of the sentence: (noun, kind), or (name, "name") for a
    body's name read whole, or ("", "") where a name of the right kind stands with the
    noun; None where no description is there. `subject`: the stretch ends at the verb."""
    lang = article.lang
    words = [m for m in WORD.finditer(lead)]
    while words and _head(words[0].group(), lang) is None:
        if not (_minor(words[0].group(), lang) or words[0].group().isdigit()):
            break
        words.pop(0)  # "14:50 Uhr: Der", "The": what opens the description
    for match in words[:4]:
        kind = _head(match.group(), lang)
        if kind == "body" and not _determined(lead, match, lang):
            kind = None  # "Профсоюз работников ...", "Verband und Athletenvertretung": a name
        if kind is None:
            if match.group().lower() in lexicon.wordset("names.places_after", lang):
                return None  # "Aus Brüssel hieß es": no description opens it
            continue
        phrase = _body_phrase(lead, match, lang, subject) if kind == "body" else None
        if phrase is not None:
            return phrase, "name"  # "selon le ministère de la Santé"
        named = [
            (at, n)
            for at, n in _names_at(lead, article)
            if not _in_place(lead[:at], lang)
            and not _generic(n, lang)
            and not _modifies(lead, at, match, lang)
        ]
        if kind == "person" and any(_kind_of(n, article) == "person" for _, n in named):
            return "", ""  # "Der Verhandlungsführer der Arbeitgeber, Frank Obermaier,"
        if kind == "body" and named:
            return "", ""  # "The Unite union said"
        if kind == "person" and _generic_after(match, words, lang):
            return _generic_after(match, words, lang), "body"  # "Ein Sprecher des Ministeriums"
        return match.group(), kind
    return None


def _modifies(lead: str, at: int, head: re.Match[str], lang: str) -> bool:
    """The name at `at` stands between a determiner and the description's noun, as a
    modifier of it ("the Lib Dem leader", "The Canadian minister"): no name of the one
    described (not "Sigríður Elva Magnúsdóttir seðlabankastjóri")."""
    before = WORD.findall(lead[:at])[-1:]
    listed = lexicon.wordset("names.determiners", lang) | lexicon.wordset(
        "names.common_after", lang
    )
    return (
        at < head.start()
        and bool(before)
        and before[0].lower() in listed
        and not re.search(r"[,;:()]", lead[at : head.start()])
        and len(lead[at : head.start()].split()) <= 3
    )


def _body_phrase(text: str, noun: re.Match[str], lang: str, subject: bool = False) -> str | None:
    """A body named by its noun and the lower-case words after it, joined by the
    language's links (`names.links`) to a name, or, where the text is the sentence's
    subject (`subject`), to its end ("ministère de la Santé", "Fédération de pêche du
    Rhône", "Académie nationale de médecine a appelé"): the body's name as the sentence
    gives it; None for the noun alone ("La fédération", "Le ministère a fait savoir")."""
    links = lexicon.wordset("names.links", lang)
    if not links:
        return None
    elision = re.split(r"['’]", noun.group())[:-1]
    start = noun.start() + (len(elision[0]) + 1 if elision else 0)  # "L'Académie": no "L'"
    tokens = list(WORD.finditer(text, noun.end()))
    linked, end = False, noun.end()
    for n, token in enumerate(tokens[:5]):
        if text[end : token.start()].strip():
            return None  # a comma or parenthesis ends the noun's phrase
        word = re.split(r"['’]", token.group())[-1]
        if word[:1].isupper():
            end = token.end()
            for more in tokens[n + 1 :]:
                if text[end : more.start()].strip() or not more.group()[:1].isupper():
                    break
                end = more.end()
            return text[start:end] if linked else None
        elided = re.split(r"['’]", token.group().lower())[0]
        linked = linked or token.group().lower() in links or elided in links
        if n == 0 and not linked and not (len(tokens) > 1 and tokens[1].group().lower() in links):
            return None  # "Le ministère a fait savoir": a verb, not the body's name
        end = token.end()
    whole = subject and linked and len(tokens) <= 5 and not text[end:].strip(" ,")
    return text[start:end] if whole else None


def _determined(lead: str, match: re.Match[str], lang: str) -> bool:
    """The noun follows a determiner ("des Verbands", "La fédération", "the group")."""
    listed = lexicon.wordset("names.determiners", lang) | lexicon.wordset(
        "names.common_after", lang
    )
    elided = re.split(r"['’]", match.group())
    if len(elided) > 1 and elided[0].lower() in listed:
        return True  # "L'Académie", "l'association"
    last = WORD.findall(lead[: match.start()])[-1:]
    return bool(last) and last[0].lower() in listed


def _generic_after(match: re.Match[str], words: list[re.Match[str]], lang: str) -> str | None:
    """A body's noun right after the noun of one who speaks for it, a determiner between
    ("Ein Sprecher des Ministeriums"): the body holds what its spokesperson says."""
    if fold(match.group()) not in {fold(w) for w in lexicon.words("names.spokespeople", lang)}:
        return None
    later = [w.group() for w in words if w.start() > match.start()][:2]
    return next((w for w in later if _generic(w, lang)), None)


def _meant(noun: str, kind: str, article: _Article, at: int) -> str | None:
    """The known name a description means, nearest before sentence `at` (up to `RECALL`
    back, so a long article is still read in linear time): one with a part
    ending in its noun ("die Ministerin" -> "Digitalministerin Karin Albrecht", "des
    Verbands" -> "Digitalverband Bitkom", "La fédération" -> "Fédération"), or given with
    the noun beside it ("the environmental group Bellona", "The business and trade
    minister, Daniel Okoro"); else the nearest name of the right kind in the `BEFORE`
    sentences before (a person for "der 61-Jährige", a body for "des Dachverbands")."""
    stems = [s for s in _stems(noun) if len(s) >= STEM]
    fallback: str | None = None

    def ends(word: str) -> bool:
        return any(fold(word).endswith(s) for s in stems)

    for back in range(1, min(at, RECALL) + 1):
        text = article.plain[at - back]
        found = [(i, n) for i, n in _names_at(text, article) if _kind_of(n, article) == kind]
        for _, name in found:
            if any(ends(p) for p in re.split(r"[\s-]+", _fullest(name, article))):
                return name
        for offset, name in found:  # "the group Bellona", "minister, Daniel Okoro"
            if any(ends(w) for w in WORD.findall(text[:offset])[-1:]):
                return name
        for offset, name in found:  # "Gunnar Már Sigurðsson, formaður Félags"
            tail = text[offset:].split(",", 1)[1:] or [""]
            if any(ends(w) for w in WORD.findall(tail[0])[:2]):
                return name
        for offset, name in found:  # "La ministre de la Santé, Hélène Duval,"
            head, comma, gap = text[:offset].rpartition(",")
            if comma and not gap.strip() and any(ends(w) for w in WORD.findall(head)[-6:]):
                return name
        if kind == "body":  # "Le ministère de l'Enseignement supérieur doit encore"
            for word in WORD.finditer(text):
                if ends(word.group()) and (phrase := _body_phrase(text, word, article.lang)):
                    return phrase
        if fallback is None and back <= BEFORE and found:
            said = _saying(text, article)
            fallback = said if said in {n for _, n in found} else found[0][1]
    return fallback


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
    state = _state(words[0].group(), article)
    return state if state != words[0].group() else None


def _kind_of(name: str, article: _Article) -> str:
    """What a name names: a "person" where it has two words or more and no body's noun
    in it ("Klaus-Dieter Rammler"), else a "body" ("Deutschen Bobsport-Union", "Bellona")."""
    full = _fullest(name, article)
    parts = re.split(r"[\s-]+", full)
    if len(_parts(full, article.lang)) > 1 and not any(_body(p, article.lang) for p in parts):
        return "person"
    return "body"


def _state(name: str, article: _Article) -> str:
    """A capital standing for its state, as the article names the state ("Londres exige"
    -> "Royaume-Uni"); any other name as it is."""
    folded = fold(name)
    for state, capitals in lexicon.table("names.capitals", article.lang).items():
        if folded in {fold(c) for c in capitals}:
            named = [k for k in article.known if fold(k) == fold(state)]
            return named[0] if named else name
    return name


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


def _pronoun_holds(text: str, article: _Article) -> bool:
    """A pronoun is the subject of the verb of saying ("She warned", "sagði hann") where
    it stands before the verb or right after it and no name comes before the verb (not
    "Natarajan said she", not "Trump noted that he")."""
    lang = article.lang
    if _pronoun(lang).match(text.lstrip(" \"'“„«")):
        return True  # "Er verwies darauf", "Hún hvetur": the sentence's subject
    cue = _cue(lang).search(text)
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
        if out and _continues(text, out[-1], match, article):
            continue  # "Alþýðusamband Íslands": "Íslands" is no name of its own here
        if name is not None and (not out or out[-1][1] != name):
            out.append((match.start(), name))
    return out


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


def _first_name(text: str, article: _Article) -> str | None:
    """The known name the text gives first, in any inflection; a name of a person or
    body (two words or more) before a one-word one, which is as often a place."""
    found = _names_at(text, article)
    return min(found, key=lambda f: (len(f[1].split()) < 2, f[0]))[1] if found else None


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
