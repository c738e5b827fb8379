"""Each statement in every output language, none of them written by the model.

The pivot language (English) line is the verified statement. In another language the
line is the item's own cited sentence in that language, quoted from its source, when
it has one; else a line written in it that passed its checks (`stages.write`); otherwise
the English statement, marked as English. An item that stands on
its quote alone (`stages.originals`: no verified statement) shows, where no sentence of
a column's language is cited, the original sentence marked with its language and a
rough gloss, never as that language. A translation that code cannot verify is never
published as if it were that language.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from briefing.core.ids import sentence_number, source_of
from briefing.core.languages import PIVOT
from briefing.lang.icelandic import names_match
from briefing.lang.names import same_person
from briefing.stages.holders import holder_in, saying_in
from briefing.stages.reading import Reading
from briefing.stages.speakers import who
from briefing.stages.verify import other_script, transliterated


class Lines(NamedTuple):
    """Per language: the line, where it comes from (see `core.models.ORIGIN`), and the
    rough gloss that goes with an original."""

    text: dict[str, str]
    origin: dict[str, str]
    gloss: dict[str, str]


def lines(
    statement: str,
    evidence: list[str],
    reading: Reading,
    languages: list[str],
    verified: bool = True,
    written: dict[str, str] | None = None,
    continued: list[str] | None = None,
    actor: str | None = None,
) -> Lines:
    """The lines of a statement (`verified`: checked against its evidence) or, not
    verified, of the fact its first cited sentence states, with the sentences it
    `continued` with (`merge.fold_lines`), quoted together; `written` holds lines written
    in another language that passed its checks (`stages.write`). A position's quote in
    another language is never a sentence code finds another person saying (`actor`: its
    holder): "Logi Einarsson … segir samninginn marka tímamót" is no line of Claire
    Dubois's, though a link made it her statement's evidence."""
    out = Lines({}, {}, {})
    shown = [evidence[0], *(continued or [])] if not verified else []
    for lang in languages:
        quoted = next(
            (
                e
                for e in evidence
                if reading.language[e] == lang
                and (e in shown or not _not_theirs(e, actor, reading, verified))
            ),
            None,
        )
        if shown and quoted == shown[0]:
            out.text[lang] = _joined(shown, reading)
            out.origin[lang] = f"quote:{'+'.join(shown)}"
        elif lang == PIVOT and verified:
            out.text[lang], out.origin[lang] = statement, "statement"
        elif written and lang in written and quoted is None:
            out.text[lang], out.origin[lang] = written[lang], "statement"
        elif quoted is not None:
            out.text[lang] = " ".join(reading.sentences[quoted].text.split())
            out.origin[lang] = f"quote:{quoted}"
        elif verified:
            out.text[lang], out.origin[lang] = statement, "fallback"
        else:
            mine = shown
            if lang == PIVOT and statement == _joined(shown, reading):
                mine = _glossed(evidence, reading) or shown
            first = mine[0]
            original = _joined(mine, reading)
            out.text[lang] = original
            out.origin[lang] = f"original:{reading.language[first]}:{'+'.join(mine)}"
            if lang == PIVOT and all(e in reading.gloss for e in mine):
                out.gloss[lang] = " ".join(reading.gloss[e] for e in mine)
            elif (
                first not in reading.gloss
                and statement != original
                and english(statement, original)
            ):
                # no gloss: the model's English of it (`verify.translations`), to every
                # column, as no column reads the original's language
                out.gloss[lang] = statement
    return out


def _not_theirs(
    sentence_id: str, actor: str | None, reading: Reading, verified: bool = True
) -> bool:
    """The sentence is no line of `actor`'s: code finds another person saying it
    (`speakers.who`, else the subject of its own verb of saying, `holders.saying_in`), a
    name of two capitalised words or more that is not `actor`'s. A body's name is left
    be: one language's "Vinstrihreyfingin – grænt framboð" is another's "Left-Green
    Movement", which code cannot tell. Under a fact no statement was `verified` against,
    a sentence no one is found saying is no one's line either: only a link joined it to
    the quote ("Iceland, which generates about 30 % of its electricity…" in Reuters is no
    line of the minister RÚV quotes), nor one opening on another named subject
    (`_held_by_other`)."""
    if actor is None:
        return False
    name = who(sentence_id, reading) or saying_in(*reading.article_of(sentence_id))
    if name is None:
        return not verified or _held_by_other(sentence_id, actor, reading)
    person = len(name.split()) > 1 and name.istitle()
    if not person or same_person(name, actor):
        return False
    return not _speaks_for(sentence_id, name, actor, reading)


def _held_by_other(sentence_id: str, actor: str, reading: Reading) -> bool:
    """A person's line that no one is found saying is no line of theirs where it opens on
    another named subject: RÚV's „Samskip og Eimskip hafa beint hluta skipa sinna til
    annarra hafna…“ is no line of Pieter Hoekstra's "several shipping lines had begun
    diverting vessels…", though a link (0.86) made it his statement's evidence."""
    person = len(actor.split()) > 1 and actor.istitle()
    text = reading.sentences[sentence_id].text
    name = holder_in([text], 0, reading.language[sentence_id])  # its own subject, not before
    if not person or name is None or same_person(name, actor):
        return False
    return not any(names_match(part, w) for part in actor.split() for w in text.split())


def _speaks_for(sentence_id: str, name: str, actor: str, reading: Reading) -> bool:
    """The person's title, set off by commas right after their name, names the actor:
    „Auður Lilja Sigurðardóttir, formaður Landverndar, gagnrýnir samkomulagið…“ is
    Landvernd's line (its chair speaking), as Reuters' "Landvernd criticised…" is."""
    text = " ".join(reading.sentences[sentence_id].text.split())
    title = re.search(re.escape(name) + r",\s*([^,]{1,80}),", text)
    if title is None:
        return False
    words = title.group(1).split()
    return any(names_match(w.strip(".„“\"'"), part) for w in words for part in actor.split())


def english(statement: str, original: str) -> bool:
    """The model's English of a sentence no glosser reads is English in Latin letters, not
    the sentence copied or spelled out in them ("Evraziyskiy bank razvitiya
    rassmatrivayet…"): only then is it shown as its gloss."""
    return not other_script(statement) and not transliterated(statement, [original])


def _glossed(evidence: list[str], reading: Reading) -> list[str]:
    """The first cited sentence with a gloss, where the first has neither a gloss nor the
    model's English: an English reader gets the Icelandic sentence with its rough gloss
    rather than a German one with nothing (eldgos: "Wann der Flughafen Keflavík wieder
    voll geöffnet werde, sei noch unklar." beside RÚV's "… ekki væri vitað hvenær
    flugvöllurinn yrði opnaður að fullu")."""
    return next(([e] for e in evidence if e in reading.gloss), [])


def _joined(ids: list[str], reading: Reading) -> str:
    """Sentences quoted as one line, as their articles write them: one directly after
    the other joined by a space, a gap (another article, a sentence left out) by " … "."""
    out = " ".join(reading.sentences[ids[0]].text.split())
    for before, sid in pairwise(ids):
        n = sentence_number(before)
        next_one = source_of(before) == source_of(sid) and n is not None
        gap = " " if next_one and sentence_number(sid) == n + 1 else " … "
        out += gap + " ".join(reading.sentences[sid].text.split())
    return out
