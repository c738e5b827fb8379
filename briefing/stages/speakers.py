"""Whose a sentence of another language is, read from its parse, with the evidence for it.

For an Icelandic sentence `lang.parse_is` gives the holder of its act of saying, agreeing
or refusing, named in the nominative, a pronoun or title ("Hann sagði", "ráðherrann")
resolved by code against the sentences before. Here that holder is tied to the sentences
that name them: the sentence itself where it names them, else the nearest sentence before
it that does, which joins the evidence (as verify's "He said..." does for English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.core.languages import PIVOT
from briefing.core.models import Sentence
from briefing.lang import quotation
from briefing.lang.fold import fold, latin
from briefing.lang.icelandic import names_match
from briefing.lang.names import names_in, same_person
from briefing.lang.parse_is import SentenceFacts, facts, title_holder
from briefing.lang.quotation import quoted_spans
from briefing.stages.align import Link, Told, worded_apart
from briefing.stages.holders import named_before, saying_in
from briefing.stages.quoted import speaker_of
from briefing.stages.reading import Reading

BEFORE = 5  # sentences of context a pronoun or title is resolved against


@dataclass(frozen=True)
class Holder:
    """A sentence's parsed holder and the sentence ids that state and name them."""

    name: str
    evidence: tuple[str, ...]
    facts: SentenceFacts


def parsed(sentence_id: str, reading: Reading) -> SentenceFacts | None:
    """The parsed facts of an Icelandic sentence, read against the sentences before it in
    its article; None for another language (no parser)."""
    if reading.language[sentence_id] != "is":
        return None
    sentences = _article(sentence_id, reading)
    at = next(n for n, s in enumerate(sentences) if s.id == sentence_id)
    before = [s.text for s in sentences[max(0, at - BEFORE) : at]]
    return facts(reading.sentences[sentence_id].text, before)


def holder(sentence_id: str, reading: Reading) -> Holder | None:
    """The one holder the parse finds (a joint subject, "Icelandair og Play", is no one's
    alone), with the sentence naming them; None where it finds none."""
    found = parsed(sentence_id, reading)
    if found is not None and not found.speakers and found.act == "say":
        return _titled_elsewhere(sentence_id, found, reading)
    if found is None or len(found.speakers) != 1:
        return None
    name = found.speakers[0]
    sentences = _article(sentence_id, reading)
    at = next(n for n, s in enumerate(sentences) if s.id == sentence_id)
    for candidate in reversed(sentences[max(0, at - BEFORE) : at + 1]):
        if _names(candidate.text, name):
            fuller = _fuller(name, sentences[: at + 1])
            if fuller is not None:  # "Katla Rún" is "Katla Rún Ingvarsdóttir" named before
                name, candidate = fuller
            ids = tuple(dict.fromkeys([sentence_id, candidate.id]))
            return Holder(name, ids, replace(found, speakers=(name,)))
    return None


def _fuller(name: str, sentences: list[Sentence]) -> tuple[str, Sentence] | None:
    """The longest name the article gives before that opens with `name` as written (the
    article's fullest form of a person's name, not an inflected one; "Stjórn Strætó" is
    not "Strætó"), the first sentence giving it; None where none is longer."""
    parts = name.split()
    given = [
        (other, sentence)
        for sentence in sentences
        for other in names_in([sentence.text])
        if len(other.split()) > len(parts) and other.split()[: len(parts)] == parts
    ]
    return max(given, key=lambda g: len(g[0].split()), default=None)


def _titled_elsewhere(sentence_id: str, found: SentenceFacts, reading: Reading) -> Holder | None:
    """The sayer named by a title alone whom no sentence of their own article names
    ("Borgarstjóri sagði…"): the one person another Icelandic article gives that title,
    citing the sentence naming them (`parse_is.title_holder`). Not another act ("Ríkis-
    sáttasemjari hefur boðað aðila til fundar" is what the mediator did, not said)."""
    own = reading.source_of(sentence_id)
    elsewhere = [
        s
        for src in reading.sources
        if src.id != own and src.language == "is"
        for s in src.sentences
    ]
    named = title_holder(reading.sentences[sentence_id].text, [s.text for s in elsewhere])
    if named is None or any(_names(s.text, named[0]) for s in _article(sentence_id, reading)):
        return None  # its own article names them: too far back for the parse to reach
    name, at = named
    return Holder(name, (sentence_id, elsewhere[at].id), replace(found, speakers=(name,)))


def joint(sentence_id: str, reading: Reading) -> bool:
    """The parse finds more than one holder: a statement no one of them holds alone."""
    found = parsed(sentence_id, reading)
    return found is not None and len(found.speakers) > 1


def _article(sentence_id: str, reading: Reading) -> list:
    source = reading.source_of(sentence_id)
    return next(s.sentences for s in reading.sources if s.id == source)


def _names(text: str, name: str) -> bool:
    """The text gives every part of the name, inflected or not ("Hrafnhildar" gives
    Hrafnhildur), accents aside."""
    words = [w.strip('.,;:!?„“”"()').lower() for w in text.split()]
    return all(
        any(fold(w) == fold(part) or names_match(part.lower(), w) for w in words if w)
        for part in re.split(r"[\s-]+", name)
        if part
    )


def who(sentence_id: str, reading: Reading) -> str | None:
    """Whose words the sentence reports, as code reads it: the attribution of its
    quotation (`quoted.speaker_of`), else the one holder the parse finds, else, where it
    quotes someone, whom it names or gives by a pronoun as saying it in any language
    (`holders.saying_in`: "« C'est une étape décisive … », a déclaré M. Marchal" is not
    Reinholz's „wichtigen Signal …“, linked at 0.86; '"Our ships need a safe harbour…,"
    she said.' after Vollmer is not the Icelandic minister's „Þetta tryggir örugga
    höfn…,“ segir hann, 0.92)."""
    quoted = speaker_of(sentence_id, reading)
    if quoted is not None:
        return quoted[0]
    found = holder(sentence_id, reading)
    if found is not None:
        return found.name
    text = reading.sentences[sentence_id].text
    if not quoted_spans(text, 0, len(text)):
        return None
    return saying_in(*reading.article_of(sentence_id))


def said_by_another(sentence_id: str, names: list[str], reading: Reading) -> bool:
    """Code reads someone named in two words or more saying the sentence (`who`, or in
    English the subject of its verb of saying where it quotes no one: `holders.saying_in`,
    which reads other languages' subjects less surely: "Элины Бьёрг Сайварсдоттир" in
    the genitive is no other person than Elin Bjorg Saevarsdottir), none of
    `names`: laxeldi-sala's "Landssamband veiðifélaga gagnrýnir söluna…" is not the
    Icelandic Wildlife Fund's, though linked to its statement ("The Icelandic Wildlife
    Fund criticised the sale, saying…", cited under the federation's position). A
    one-word name is left be: "SFS" is "Samtök fyrirtækja í sjávarútvegi", which no name
    test of code tells."""
    speaker = who(sentence_id, reading)
    if speaker is None and reading.language[sentence_id] == PIVOT:
        speaker = saying_in(*reading.article_of(sentence_id))
    return (
        speaker is not None
        and len(speaker.split()) > 1
        and not any(same_person(speaker, n) for n in names)
    )


def unnamed(sentence_ids: list[str], reading: Reading) -> tuple[str, list[str]] | None:
    """The one speaker the sentences give by a pronoun or title alone, with the sentences
    before that name them ('"We do not yet know when full operations can resume," he
    told Reuters.', "Hann sagði að ekki væri vitað…"): a line in any section showing such
    a sentence names its speaker and cites who, as a position names its holder. None
    where a sentence names its speaker, where two are read, or where code resolves none."""
    named: list[str] = []
    first: str | None = None
    for sid in sentence_ids:
        sentences, at, lang = reading.article_of(sid)
        speaker = saying_in(sentences, at, lang)
        before = named_before(sentences, at, speaker, lang) if speaker else None
        if speaker is None or before is None or not (first is None or same_person(first, speaker)):
            return None
        first = first or speaker
        named.append(_id_at(sid, before, reading))
    if first is None or len(names_in([first])) != 1:
        return None
    return first, named


def _id_at(sentence_id: str, at: int, reading: Reading) -> str:
    """The id of the sentence at place `at` of `sentence_id`'s article as the holder
    finders read it: ids skip the sentences the guard held back, so a place is no number."""
    return _article(sentence_id, reading)[at].id


def one_speaker(found: list[Link], reading: Reading) -> list[Link]:
    """The links whose two sentences are not held by two different people: two outlets'
    quotes alike in form are not one fact when code reads two speakers ("„Við viljum
    ekki að farþegar gjaldi…“ sagði hún [Hrafnhildur]" and "„Við treystum aðilum…“
    sagði ráðherrann [Elín Rós]", 0.87); nor two reports of what one person said, in one
    language, that share no word but who says them (`align.Told`, `unsaid`): Kristján
    Ari's "costs rose after sorting into four" and "the agreement secures the company",
    0.90. Where one quotes the words themselves (`_quotes`), the embedding decides. A
    sentence quoting no one is read by its subject's verb of saying (`_speaker`): vetni's
    "Bundeswirtschaftsministerin Katrin Lehmann (SPD) sprach von einem wichtigen
    Baustein…" is not the Icelandic minister's "…segir að samkomulagið sé stórt skref
    fyrir Ísland", 0.86 once the gloss read "for Iceland"."""
    kept = []
    told: Told | None = None
    for link in found:
        a = _speaker(link.a, reading)
        b = _speaker(link.b, reading) if a is not None else None  # no parse where none is needed
        if a is None or b is None:
            kept.append(link)
        elif _one_person(a, link.a, b, link.b, reading):
            told = told or Told(reading, unsaid=True)
            if _quotes(link, reading) or not worded_apart(reading, told, link.a, link.b):
                kept.append(link)
    return kept


def _speaker(sentence_id: str, reading: Reading) -> str | None:
    """`who` says the sentence, else the subject of its verb of saying where the sentence
    opens on it, in Latin letters and two words or more (`holders.saying_in`): other
    languages' subjects are read less surely there ("Jan Mayen" for hafis' "Norska
    samninganefndin krefst þess…"), a Cyrillic name is no match for its Latin spelling
    by `same_person`, and a one-word subject may be a body's short name."""
    found = who(sentence_id, reading)
    if found is not None:
        return found
    said = saying_in(*reading.article_of(sentence_id))
    text = reading.sentences[sentence_id].text.lstrip(quotation.CLOSING + " ([")
    if said is None or len(said.split()) < 2 or latin(said) != said:
        return None
    return said if text.startswith(said) else None


def _quotes(link: Link, reading: Reading) -> bool:
    """One of the two sentences quotes the words themselves: a quote may word what the
    other reports otherwise ("„Þetta er góður dagur fyrir börnin í landinu,“ sagði
    Magnús" and "Magnús … sagðist sáttur við niðurstöðuna"), where two reports of one
    statement share its words."""
    return any(
        quoted_spans(text := reading.sentences[sid].text, 0, len(text)) for sid in (link.a, link.b)
    )


def _one_person(a: str, a_id: str, b: str, b_id: str, reading: Reading) -> bool:
    """Two speakers as two articles name them are one person: the names share a part, or
    the fuller names their articles give them do ("Sigrún" in RÚV's line and
    "Helgadóttir" in the wire's are both Sigrún Helgadóttir)."""
    if same_person(a, b):
        return True
    fuller = [
        [n for n in _article_names(reading.source_of(sid), reading) if same_person(n, name)]
        for name, sid in ((a, a_id), (b, b_id))
    ]
    return any(same_person(x, y) for x in fuller[0] for y in fuller[1])


def _article_names(source_id: str, reading: Reading) -> list[str]:
    source = next(s for s in reading.sources if s.id == source_id)
    return [n for n in names_in([s.text for s in source.sentences]) if len(n.split()) > 1]
