"""Descriptions standing for someone named before, by code, in any language: an epithet
or a title ("der 61-Jährige", "the Lib Dem leader", "Ein Sprecher des Ministeriums"), or
a body's own noun ("La fédération", "des Verbands", "The group"), and the known name each
one means.

News prose names a person or a body once and then describes them. Where a sentence's
subject is such a description, its holder is the name the description means, found in
the sentences before it. These rules (titles, epithets, bodies' nouns, determiners and
the links of a body's name, all from the lexicon) are one job of their own, apart from
the pronoun and verb-of-saying rules of `stages.holders`, which asks them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from briefing.lang import lexicon
from briefing.lang.fold import fold
from briefing.lang.icelandic import definite_noun, nominative, plural_noun
from briefing.lang.names import determiners, name_parts
from briefing.stages.article_names import (
    BEFORE,
    STEM,
    WORD,
    _Article,
    _bodies,
    _cue,
    _forms,
    _fullest,
    _in_place,
    _kind_of,
    _minor,
    _names_at,
    _saying,
    _stems,
    closing_subject,
    opening_body,
    people_word,
)

RECALL = 20  # sentences back a description's noun is matched with a name ("die Ministerin")


def _head(word: str, lang: str) -> str | None:
    """What a noun of a description stands for: "person" for a title or an epithet, or a
    compound ending in one ("Die Gewerkschafterin", "der 61-Jährige", "the veteran
    councillor"); "body" for a body's own noun ("der Verband", "des Ministeriums", "la
    fédération", "the group"); else None."""
    folded = re.split(r"['’]", fold(word))[-1]  # "l'éleveur"
    tail = folded.split("-")[-1]
    people = _people_nouns(lang)
    if _generic(word, lang):
        return "body"  # before titles: "правительство", "ministry" are listed as both
    if tail in people or folded in people or folded.endswith(_long(people)):
        return "person"
    if lang == "is" and any(f in people for f in _forms(word, lang)):
        return "person"  # "Bæjarstjórinn": the title with its article, by its BÍN lemma
    return None


@functools.cache
def _people_nouns(lang: str) -> frozenset[str]:
    listed = (*lexicon.words("words.titles", lang), *lexicon.words("names.epithets", lang))
    return frozenset(fold(w) for w in listed)


def _long(nouns: frozenset[str]) -> tuple[str, ...]:
    """The nouns a compound may end in: four letters or more ("Klinikmanager",
    "Verwaltungschef")."""
    return tuple(n for n in nouns if len(n) >= 4 and " " not in n)


def _generic(word: str, lang: str) -> bool:
    """A body's own noun, inflected, with no name in it ("Verbands", "fédération")."""
    return any(s in _bodies(lang) for s in _forms(word, lang))


def _described(text: str, article: _Article) -> tuple[str, str] | None:
    """(noun, "person" or "body") where the sentence's subject is a description of
    someone named before, not a name: the sentence opens with it ("Der 64-Jährige
    erklärte", "The Danish executive rejected", "La fédération réclame", "Nach Angaben des
    Verbands"), or it follows the verb of saying ("sagte der 61-Jährige", "a ajouté la
    ministre"). Not where a name of the right kind is given with it ("The Unite union",
    "Le préfet du Rhône, Antoine Keller,"): that name holds it. An opening connective is
    no part of the subject ("At the same time, the US president added")."""
    lang = article.lang
    opener = lexicon.connective(text, lang)
    if opener is not None:
        text = " " * (len(text) - len(text.lstrip()) + len(opener)) + text.lstrip()[len(opener) :]
    cue = _cue(lang).search(text)
    leads = [(text[: cue.start()] if cue else text, cue is not None)]
    if cue is not None and "," in text[: cue.start()] and not text[cue.end() :].strip(" .!?\"'”»“"):
        # "…, the Norwegian company said.": a description set off before a closing verb
        leads.append((text[: cue.start()].rsplit(",", 1)[1], True))
    if cue is not None and (
        closing_subject(text, cue)
        or (not _names_at(leads[0][0], article) and not _noun_subject(leads[0][0], lang))
    ):
        after = " ".join(text[cue.end() :].split()[:8])  # "sagte der 61-Jährige", "selon le"
        leads.append((" " + after, False))
    for lead, subject in leads:
        found = _description(lead, subject, article)
        if found is not None:
            return found if found[1] else None
    return None


def _noun_subject(lead: str, lang: str) -> bool:
    """The words before the verb open with a common noun in the nominative that is no
    title: plural ("Foreldrar hafa gagnrýnt sveitarfélögin", "Sveitarfélögin neita"), or
    singular without the suffixed article and no description. A new subject, not one
    named before ("Framsóknarmaðurinn sagði" is), and a body's noun after the verb is its
    object, not who speaks. Icelandic only, where BÍN reads the case."""
    if lang != "is":
        return False
    words = [w for w in WORD.findall(lead) if not _minor(w, lang)]
    if not words or not nominative(words[0]):
        return False
    head = _head(words[0], lang)
    if head == "person":
        return False
    if plural_noun(words[0], lang):
        return True  # "Sveitarfélögin neita": many, never the one person named before
    return head is None and not definite_noun(words[0])


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
        speaks_for = _named_after(lead, match, article)
        if speaks_for is not None:
            return speaks_for, "name"  # "Синоптики Уральского управления Росгидромета"
        kind = _head(match.group(), lang)
        if kind == "body" and (compound := _compound_named(lead, match, article)):
            return compound, "name"  # "The port authority": "Port of Rotterdam Authority"
        if kind == "body" and not _determined(lead, match, lang, subject):
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
            if (at != match.start() or _named_on(lead, match, article))
            and not _in_place(lead, at, lang)
            and not _generic(n, lang)
            and not _modifies(lead, at, match, lang)
            and not people_word(n, lang)  # "the Dutch economy"
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
    listed = determiners(lang)
    return (
        at < head.start()
        and bool(before)
        and before[0].lower() in listed
        and not re.search(r"[,;:()]", lead[at : head.start()])
        and len(lead[at : head.start()].split()) <= 3
    )


def _named_on(lead: str, match: re.Match[str], article: _Article) -> bool:
    """A name follows the noun right after it ("Warnow-Energie-Chefin Kerstin Malchow"):
    the noun alone read as a name is none ("Bæjarstjórinn" is no "Bæjarstjórn Akureyrar")."""
    after = _names_at(lead[match.end() :], article)
    return bool(after) and not lead[match.end() : match.end() + after[0][0]].strip()


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


def _determined(lead: str, match: re.Match[str], lang: str, subject: bool = False) -> bool:
    """The noun follows a determiner ("des Verbands", "La fédération", "the group"), or
    bears an Icelandic suffixed article ("Að mati bankans"), or, in a language with no
    determiners, is a noun in lower case right before the verb and after no preposition
    of place ("Свои требования профсоюзы объясняют": the unions named before; "В
    ведомстве отметили": the agency, "в" a preposition of attribution, `speech.said_in`;
    a name's first word is upper case, "Профсоюз работников …"; not "Ряд судоходных
    компаний …, сообщили"). `subject`: `lead` ends at the verb."""
    if lang == "is" and match.group().islower() and definite_noun(match.group()):
        return True
    listed = determiners(lang)
    last = WORD.findall(lead[: match.start()])[-1:]
    if subject and not listed and lang != "is" and match.group().islower():
        places = lexicon.wordset("names.places_after", lang) - lexicon.wordset(
            "speech.said_in", lang
        )
        after_preposition = bool(last) and last[0].lower() in places
        return not lead[match.end() :].strip() and not after_preposition
    elided = re.split(r"['’]", match.group())
    if len(elided) > 1 and elided[0].lower() in listed:
        return True  # "L'Académie", "l'association"
    return bool(last) and last[0].lower() in listed


def _compound_named(lead: str, match: re.Match[str], article: _Article) -> str | None:
    """The article's name holding both words of a determined two-word compound ("The
    port authority estimates…" -> "Port of Rotterdam Authority"), in a language writing
    compounds open; None where no name has both: "the port authority" the article never
    names is not the union named beside it."""
    lang = article.lang
    before = WORD.findall(lead[: match.start()])[-2:]
    listed = lexicon.wordset("names.determiners", lang)
    if not (
        lexicon.flag("grammar.open_compounds", lang)
        and len(before) == 2
        and before[1].islower()
        and before[0].lower() in listed
    ):
        return None
    words = {fold(before[1]), fold(match.group())}
    return next((n for n in article.known if words <= name_parts(n)), None)


def _named_after(lead: str, match: re.Match[str], article: _Article) -> str | None:
    """The body named right after the noun of those who speak for one ("Синоптики
    Уральского управления Росгидромета", "Experts at the Met Office"): it holds what
    they say, in its fullest form: the last name within five words, which the words
    before it only describe ("Analysts at the Danish bank Carnegie"); None where no
    body's name follows."""
    lang = article.lang
    if fold(match.group()) not in {fold(w) for w in lexicon.words("names.speak_for", lang)}:
        return None
    rest = lead[match.end() :]
    window = rest[: len(rest) - len(rest.lstrip()) + len(" ".join(rest.split()[:5]))]
    named = [name for _, name in _names_at(window, article)]
    if named and _kind_of(named[-1], article) == "body":
        return _fullest(named[-1], article)
    return None


def _generic_after(match: re.Match[str], words: list[re.Match[str]], lang: str) -> str | None:
    """A body's noun right after the noun of one who speaks for it, a determiner between
    ("Ein Sprecher des Ministeriums"): the body holds what its spokesperson says."""
    if fold(match.group()) not in {fold(w) for w in lexicon.words("names.spokespeople", lang)}:
        return None
    later = [w.group() for w in words if w.start() > match.start()][:2]
    return next((w for w in later if _generic(w, lang)), None)


STATE_BODY_ENDING = 4  # letters of inflection and article a state body's noun may add


def _state_body(noun: str, article: _Article) -> bool:
    """A state's own body ("the government", "ríkisstjórnin", `names.state_bodies`): not
    the company or union named last, whatever else is."""
    folded = fold(noun)
    return any(
        folded.startswith(body := fold(b)) and len(folded) - len(body) <= STATE_BODY_ENDING
        for b in lexicon.words("names.state_bodies", article.lang)
    )


def _meant(
    noun: str, kind: str, article: _Article, at: int, modifiers: Sequence[str] = ()
) -> str | None:
    """The known name a description means, nearest before sentence `at` (up to `RECALL`
    back, so a long article is still read in linear time): one with a part
    ending in its noun ("die Ministerin" -> "Digitalministerin Karin Albrecht", "des
    Verbands" -> "Digitalverband Bitkom", "La fédération" -> "Fédération"), or given with
    the noun beside it ("the environmental group Bellona", "The business and trade
    minister, Daniel Okoro"); else the nearest name of the right kind in the `BEFORE`
    sentences before (a person for "der 61-Jährige", a body for "des Dachverbands"),
    never for a state's own body ("the government" is not Hvalur hf. named before).
    Where one sentence gives the noun to two names ("Foreign Minister Svala Bjork
    Jonsdottir and Greenland's minister for infrastructure, Malik Heilmann"), the one
    whose title has the description's `modifiers` ("The foreign minister"), else the one
    named since (`_nearest`: "The minister said" after Heilmann's quote)."""
    stems = [s for s in _stems(noun) if len(s) >= STEM]
    # many bodies are no one body: "Sveitarfélögin" (the municipalities) is not the
    # "Kennarasambandsins" named before, though it may be "Samband íslenskra sveitarfélaga"
    fallback: str | None = None
    guess = not (kind == "body" and (plural_noun(noun, article.lang) or _state_body(noun, article)))

    def ends(word: str) -> bool:
        return any(fold(word).endswith(s) for s in stems)

    for back in range(1, min(at, RECALL) + 1):
        text = article.plain[at - back]
        if back == 1 and _business(noun, article.lang):
            said = _saying(text, article)
            if said is not None and _kind_of(said, article) == "body":
                return said  # "Alcoa, …, said …. However, the company said"
        found = [(i, n) for i, n in _names_at(text, article) if _kind_of(n, article) == kind]
        titled = _titled(text, found, article, ends)
        if len(titled) > 1:
            return _nearest(titled, text, modifiers, article, at - back, at)
        if titled:
            return titled[0][1]
        if kind == "body":  # "Le ministère de l'Enseignement supérieur doit encore"
            for word in WORD.finditer(text):
                if ends(word.group()) and (phrase := _body_phrase(text, word, article.lang)):
                    return phrase
        # a name in a place ("autour des Écréhou") is no one who speaks
        speakers = [(i, n) for i, n in found if not _in_place(text, i, article.lang)]
        if guess and fallback is None and back <= BEFORE:
            opened = opening_body(text, article) if kind == "body" else None
            if opened is not None:
                fallback = opened  # "В Росрыболовстве сообщили ТАСС": not ТАСС, told it
            elif speakers:
                said = _saying(text, article)
                fallback = said if said in {n for _, n in speakers} else speakers[0][1]
    return fallback


def _business(noun: str, lang: str) -> bool:
    """A noun any business goes by ("the company", "des Unternehmens", `names.businesses`):
    it means the body the sentence before has saying something, not one given that noun
    further back."""
    listed = tuple(fold(w) for w in lexicon.words("names.businesses", lang))
    return any(form.startswith(b) for form in _forms(noun, lang) for b in listed)


def _titled(
    text: str, found: list[tuple[int, str]], article: _Article, ends: Callable[[str], bool]
) -> list[tuple[int, str]]:
    """The names of `found` (offset, name) that `text` gives the noun `ends` reads, in the
    order of the ways it may: a part of the name ending in it, the noun right before the
    name, right after it or its comma, or before a comma right before it."""
    out: dict[str, int] = {}
    for offset, name in found:
        if any(ends(p) for p in re.split(r"[\s-]+", _fullest(name, article))):
            out.setdefault(name, offset)
    for offset, name in found:  # "the group Bellona", "minister, Daniel Okoro"
        if any(ends(w) for w in WORD.findall(text[:offset])[-1:]):
            out.setdefault(name, offset)
    for offset, name in found:  # "Gunnar Már Sigurðsson, formaður Félags"
        head, *tail = text[offset:].split(",", 1)
        # the name's own comma: not one after other words ("4 billion Icelandic crowns a
        # year to … its industrial customers, the company said" gives "Icelandic" no title)
        set_off = tail and all(_capital(w) for w in WORD.findall(head))
        # the word after the name as written ("Nordvik's chief" is no "Nordvik Line chief")
        after = list(itertools.dropwhile(_capital, WORD.findall(text[offset:])))[:1]
        if (set_off and any(ends(w) for w in WORD.findall(tail[0])[:2])) or any(
            ends(w) for w in after
        ):
            out.setdefault(name, offset)  # also "Sigrún Hallgrímsdóttir samgönguráðherra segir"
    for offset, name in found:  # "La ministre de la Santé, Hélène Duval,"
        head, comma, gap = text[:offset].rpartition(",")
        if comma and not gap.strip() and any(ends(w) for w in WORD.findall(head)[-6:]):
            out.setdefault(name, offset)
    return [(offset, name) for name, offset in out.items()]


TITLE_WORDS = 6  # words before a name read as its title ("Greenland's minister for …,")
MODIFIER_LETTERS = 3  # "s" of "Greenland's" is no modifier
MODIFIERS = 2  # words before a description's noun that say which one ("The foreign minister")


def modifiers(text: str, noun: str, lang: str) -> list[str]:
    """The words right before a description's noun in `text` that tell which one it
    means ("foreign" in "The foreign minister said"), articles and the like left out."""
    found = re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", text)
    if found is None:
        return []
    clause = re.split(r"[,;:]", text[: found.start()])[-1]  # not "At the same time,"
    before = WORD.findall(clause)[-MODIFIERS:]
    skip = lexicon.wordset("words.common", lang) | lexicon.wordset("words.stopwords", lang)
    return [w for w in before if len(w) >= MODIFIER_LETTERS and w.lower() not in skip]


def _nearest(
    titled: list[tuple[int, str]],
    text: str,
    modifiers: Sequence[str],
    article: _Article,
    here: int,
    at: int,
) -> str:
    """Of two or more names one sentence titles alike, the one whose title words (the
    `TITLE_WORDS` before it, or up to its next comma after it) hold every one of the
    description's `modifiers`, else the one named last between that sentence and `at`,
    else the first."""
    wanted = [fold(m) for m in modifiers]
    if wanted:
        fitting = []
        for n, (offset, name) in enumerate(titled):
            start = titled[n - 1][0] + len(titled[n - 1][1]) if n else 0
            until = titled[n + 1][0] if n + 1 < len(titled) else len(text)
            after = text[offset + len(name) : until].split(",", 1)[0]
            title = WORD.findall(text[start:offset])[-TITLE_WORDS:] + WORD.findall(after)
            folded = [fold(w) for w in title]
            if all(any(f.startswith(m[:STEM]) for f in folded) for m in wanted):
                fitting.append(name)
        if len(fitting) == 1:
            return fitting[0]
    fullest = {_fullest(name, article): name for _, name in titled}
    for later in range(at - 1, here, -1):
        named = [_fullest(n, article) for _, n in _names_at(article.plain[later], article)]
        named = [n for n in named if n in fullest]
        if named:
            return fullest[named[-1]]
    return titled[0][1]


def _capital(word: str) -> bool:
    return word[:1].isupper()
