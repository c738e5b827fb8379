"""Facts no verified statement states, kept as their source sentence in its own language.

The small model writes English from a rough gloss, so the English statement of a fact
that only an Icelandic outlet reports often fails verification, and the fact used to
vanish from both columns. But the sentence itself is what its outlet reports: quoted
verbatim in its own language it is a verified line by construction. So a sentence
labelled news or background (context, which `stages.context` keeps short), whose
statements were all rejected, and that no
published item cites, becomes an item of its own: its language's column quotes it, and
another column shows the original, marked with its language, beside an unverified
rough gloss, never passed off as that language. Publishing needs one verified line, so
this applies where the sentence's language is an output language (English too, where
the model's statement ran past the length limit: a long sentence it cannot shorten, such
as a position listing demands, is quoted rather than lost; or where it opens with a
quotation whose speaker code names, a line that stands as written), and where it is one
code has no English beside (no gloss: German in an English and Icelandic briefing): no
column can quote it then, and every column shows it marked with its language, beside
the model's English where code found nothing wrong with it (`verify.translations`).

A position code finds no holder of is filed where the model's next likeliest news kind
says (agreement or open issue): "Breytingin tekur gildi 1. febrúar." is the agreement's,
not anyone's position; a call or demand (`kinds.calls_for`) is never an agreement. Whose
it is comes from code: the speaker `stages.quoted` reads off a quotation's attribution,
else the sentence's parsed speaker (for Icelandic, Greynir's subject of a verb of
saying, a pronoun resolved to the person the sentence before names), else the model's
pick where the sentence names it. A line of a quotation whose speaker code cannot find
is not published: out of its quotation it would read as the outlet's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from briefing.core.languages import PIVOT
from briefing.lang import lexicon
from briefing.lang.icelandic import names_match
from briefing.lang.names import coordinated, same_person
from briefing.lang.parse_is import ACTS
from briefing.lang.quotation import MARKS
from briefing.stages.found import Found
from briefing.stages.holders import named_before, referred_in, said_in, same_name
from briefing.stages.kinds import calls_for
from briefing.stages.quoted import speaker_of
from briefing.stages.reading import Reading
from briefing.stages.select import in_quotation
from briefing.stages.speakers import holder, joint, parsed, who
from briefing.stages.verify import missing_names, unread


def originals(
    found: list[Found],
    published: list[Found],
    reading: Reading,
    languages: list[str],
    translated: Mapping[str, str] | None = None,
) -> list[Found]:
    """One item per sentence drawn on by `found` but cited by no `published` item, in an
    output language other than the pivot or one with no English beside it, with its
    speaker where code finds one; the `text` is the sentence's English (its `translated`
    English, else its gloss; for merging, ordering and beside the original, never
    published as a verified line), `verified` False."""
    translated = translated or {}
    cited = {e for item in published for e in item.evidence}
    sources = {s.id: s for s in reading.sources}
    kept: dict[str, Found] = {}
    for item in found:
        sid = item.evidence[0]
        lang = reading.language[sid]
        if sid in cited or sid in kept:
            continue
        if lang == PIVOT and not (item.cut or _quoted_by_name(sid, reading)):
            continue
        if lang not in languages and not unread([sid], reading):
            continue
        sentence = reading.sentences[sid]
        actor, evidence, said = _holder(item, sid, reading)
        if actor is None and in_quotation(sentence, sources[sentence.source_id]):
            continue
        section = "positions" if said else item.section
        if section == "positions" and actor is None and not said:
            section = item.unheld or section  # no one holds it: no position
            if section == "agreements" and calls_for(sentence.text, lang):
                section = "open_issues"  # a call no one named makes: still open
        kept[sid] = replace(
            item,
            section=section,
            text=translated.get(sid) or reading.english(sid),
            evidence=evidence if section == "positions" else [sid],  # who holds it, if held
            actor=actor if section == "positions" else None,
            score=None,
            edits=[],
            verified=False,
        )
    return list(kept.values())


def _holder(item: Found, sid: str, reading: Reading) -> tuple[str | None, list[str], bool]:
    """Who holds the sentence's statement, and the evidence naming them: the speaker the
    attribution of its quotation names, else the holder its parse gives (`stages.speakers`:
    a pronoun or title resolved to a name before), each with the sentence naming them,
    else no one where the parse finds a joint subject (no one side's position), else the
    named subject of the sentence's own verb of saying (`holders.said_in`: "Putin again
    repeated" is Vladimir Putin's, in the article's fullest form), else whom a pronoun or
    description saying it means (`holders.referred_in`), with the sentence naming them,
    else the model's actor where the sentence names that person as written (no exonym:
    "North" read off the gloss of "heimildum Norðra" is not a holder) and not as one of two
    joined as its subject (`_one_of_two`), else no one. The
    flag: code found them saying it, so it is their position whatever the model
    labelled."""
    speaker = speaker_of(sid, reading)
    if speaker is not None:
        return speaker[0], list(dict.fromkeys([sid, speaker[1]])), True
    parsed = holder(sid, reading)
    if parsed is not None:
        return parsed.name, list(parsed.evidence), True
    if joint(sid, reading):  # "Icelandair og Play hafa bæði sagt": neither one's alone,
        return None, [sid], False  # so no position: filed as its likeliest news kind
    named = _said(sid, reading)
    if named is not None:
        return named, [sid], True
    referred = _referred(sid, reading)
    if referred is not None:
        return referred
    opening = _named_opening(sid, reading)
    if opening is not None:
        return opening, [sid], True
    if (
        item.actor
        and not missing_names([item.actor], [sid], reading, False, exonyms=False)
        and not _one_of_two(item.actor, sid, reading)
        and not _attributed_elsewhere(item.actor, sid, reading)
    ):
        return item.actor, [sid], False
    return None, [sid], False


def _quoted_by_name(sentence_id: str, reading: Reading) -> bool:
    """The sentence opens with a quotation and names who says it (`speakers.who`):
    '"This was never about money, it was about the rule of law," Loftsson told
    reporters…' is a line code can publish as it stands, quoted and attributed, where the
    model's statement of it failed its checks; else the fact was lost."""
    text = reading.sentences[sentence_id].text.lstrip()
    return bool(MARKS.match(text)) and who(sentence_id, reading) is not None


SAYING_ACTS = ACTS[:-1]  # the acts that claim something: all but "other" (boða, vona)


def _named_opening(sid: str, reading: Reading) -> str | None:
    """The one capitalised word an Icelandic sentence opens on, as subject of the act of
    saying the parse finds with no speaker, where the story's articles give it as a name
    elsewhere ("Efling hefur gagnrýnt … og segir…", "trúnaðarmaður Eflingar" in another
    outlet): BÍN knows "efling" as a word too, so the parse reads no one."""
    found = parsed(sid, reading)
    if found is None or found.act not in SAYING_ACTS or found.speakers:
        return None  # not "Strætó hefur boðað til íbúafundar": a deed, no claim
    first = reading.sentences[sid].text.lstrip(" \"'„“«").split(" ", 1)[0]
    if not (first.isalpha() and first[:1].isupper()):
        return None
    named = [n for n in reading.names if " " not in n and n[:1].isupper()]
    return first if any(names_match(n.lower(), first.lower()) for n in named) else None


def _one_of_two(actor: str, sid: str, reading: Reading) -> bool:
    """The sentence joins the actor with another as one subject (`names.coordinated`:
    "von Bundeskanzlerin Angela Merkel und Präsident Emmanuel Macron angestoßen"): a
    statement of both, neither one's position."""
    joined = coordinated(reading.sentences[sid].text, reading.language[sid])
    return any(actor in name or same_person(actor, name) for name in joined)


def _attributed_elsewhere(actor: str, sid: str, reading: Reading) -> bool:
    """The sentence opens on a phrase of attribution (`acts.according_to`) that does not
    give the actor: "Selon le gouvernement groenlandais, le trafic à l'aéroport de Nuuk a
    progressé" is the government's figure, not the model's pick of Nuuk, a place in it."""
    lang = reading.language[sid]
    according = lexicon.alternation("acts.according_to", lang)
    text = reading.sentences[sid].text
    opening = re.match(rf"\s*(?i:{according})\s+([^,]+),", text) if according else None
    if opening is None:
        return False
    words = opening.group(1).split()  # "Að sögn Haraldar Inga" gives Haraldur Ingi
    return not all(any(same_name(a, w) for w in words) for a in actor.split())


def _referred(sid: str, reading: Reading) -> tuple[str, list[str], bool] | None:
    """Whom a pronoun or description saying the sentence means ("Sie warf ... vor",
    "sagte der 61-Jährige": `holders.referred_in`), citing the sentence before that names
    them; None where code resolves it to no one a sentence before names. It holds the
    sentence where it is a position; a pronoun does not make it one ("Ob die Gewerkschaft
    ... fortsetzt, will sie ... entscheiden" stays an open issue)."""
    source = reading.source(sid)
    texts, at = [s.text for s in source.sentences], [s.id for s in source.sentences].index(sid)
    name = referred_in(texts, at, source.language)
    before = named_before(texts, at, name, source.language) if name else None
    if name and before is None:  # a description code reads as the name ("des Gerichts")
        before = next((n for n in range(at - 1, -1, -1) if name in texts[n]), None)
    return (name, [sid, source.sentences[before].id], False) if before is not None else None


def _said(sid: str, reading: Reading) -> str | None:
    """Who the sentence names as saying it, in its article's fullest form of the name."""
    return said_in(*reading.article_of(sid))
