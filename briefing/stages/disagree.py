"""Where the sources disagree, in code: linked sentences that give one value differently,
and one party's claim that a deal was reached against another source's "no deal".

Two published statements citing linked sentences whose numbers or dates differ are the
two sides of a disagreement, each with its own source's value. Often only one side has
a statement: the other outlet's sentence was phrased badly or not at all (a rough gloss,
a quote without its speaker). Then that side is its value alone, as the stated side
words it ("six hours" against "five hours"): the number is the other sentence's typed
value and the word after it must be in that sentence's English, so code has checked all
of it; its quote in the other languages is the sentence itself. No side is written by
the model, and a disagreement needs a published statement on one side at least.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefing.core.languages import PIVOT
from briefing.lang import lexicon
from briefing.lang.calendar import month_names
from briefing.lang.fold import fold
from briefing.lang.names import place_named
from briefing.lang.values import (
    Value,
    english_number,
    is_year,
    located,
    loosely_about,
    qualifiers,
    values,
)
from briefing.stages.align import SAME, Link, differing, differing_by_words
from briefing.stages.found import Found
from briefing.stages.kinds import deal_reached, no_deal
from briefing.stages.reading import Reading
from briefing.stages.verify import content_words, unread


@dataclass
class Conflict:
    """Two sides, from different sources, that give one value differently."""

    first: Found
    second: Found
    # A claim against a denial (`contrary_claims`): the denial stays in its section too,
    # often the day's main news, and only the claim is shown as a side alone.
    claim: bool = False

    def sides(self) -> frozenset[tuple[str, ...]]:
        """The two sides' evidence, in either order: what makes two conflicts one."""
        return frozenset({tuple(self.first.evidence), tuple(self.second.evidence)})

    def hidden(self) -> set[str]:
        """The sentences this disagreement shows, so no section repeats a statement citing
        only them: both sides' (the claim's alone where the denial stays in its section)."""
        sides = (self.first,) if self.claim else (self.first, self.second)
        return {e for side in sides for e in side.evidence}


def own_evidence(item: Found, reading: Reading) -> list[str]:
    """The sentences an item cites from its own source: what that source's side says."""
    return [e for e in item.evidence if reading.source_of(e) == item.source_id]


def disagreements(
    merged: list[Found], reading: Reading, near: list[Link], quoted: Sequence[Found] = ()
) -> list[Conflict]:
    """One conflict per linked pair of sentences whose values differ and that a published
    statement cites on one side at least, or that two published items cite, one each.
    A side with no statement is its value as the stated side words it ("five hours"),
    else the item kept as its sentence (`quoted`, `stages.originals`) as it stands: a
    French "40 nouvelles licences" has no English word code could check, and two
    Icelandic reports of one story ("22 prósenta", "24 prósenta") have no English
    statement on either side. A quote is never worded as a value. Where one side has no
    English (no gloss: Russian, French), the link must be as close as a merge link
    (`align.SAME`): "the bodies of 500 fallen soldiers" and a Russian "a list of 300 more
    people for the next exchange" linked at 0.85 are two facts; and the two must not be
    told one as background, the other as today's news (`_told_apart`). A link that
    carries the values it gives apart (`Link.values`, `align.read_apart`: read through
    the model's English of such a sentence) is read."""
    conflicts: list[Conflict] = []
    for link in near:
        pair = (
            link.values
            or differing(reading.values[link.a], reading.values[link.b])
            or differing_by_words(reading, link.a, link.b)
        )
        blind = link.values is None and (unread([link.a], reading) or unread([link.b], reading))
        if pair is None or (blind and (link.score < SAME or _told_apart(link, merged, quoted))):
            continue  # words code cannot read: only the embedding says it is one fact
        if _placed_apart(pair, link, reading):
            continue
        left = _stating(merged, link.a, link.b)
        right = _stating(merged, link.b, link.a)
        if left and right:
            conflict = Conflict(left, right) if left.source_id != right.source_id else None
        elif left:
            conflict = _with_value_side(left, pair, link.b, reading) or _beside(
                left, _stating(quoted, link.b, link.a)
            )
        elif right:
            conflict = _with_value_side(right, pair[::-1], link.a, reading) or _beside(
                right, _stating(quoted, link.a, link.b)
            )
        else:
            conflict = _beside(_stating(quoted, link.a, link.b), _stating(quoted, link.b, link.a))
        if conflict is not None and conflict.sides() not in {c.sides() for c in conflicts}:
            conflicts.append(conflict)  # once, though a third outlet links the same two
    return _joined(conflicts, reading)


def _placed_apart(pair: tuple[Value, Value], link: Link, reading: Reading) -> bool:
    """Each sentence puts its value in a place (a preposition of place and a name next to
    the number, `names.places_after`) and the two name no place in common: "Frostið fór
    niður í 15 stig í Reykjavík" and "… í 17 stig á Hólmsheiði" measure two places, not
    one fact told two ways (hitaveita), nor do "98 millimetrar á Dalatanga" and
    "Úrkoman í Borgarfirði mældist 120 millimetrar" (vegagerd); "Á Ísafirði og í Hnífsdal
    hafa 42 hús verið rýmd" and "45 húsa á Ísafirði og í Hnífsdal" count one thing
    (snjoflod), and "150 Russian servicemen … flown to Moscow" and "147 …, сообщили в
    Министерстве обороны" put neither number anywhere (fangar)."""
    sentences = (link.a, link.b)
    if not all(_places(sid, reading, v) for v, sid in zip(pair, sentences, strict=True)):
        return False
    a, b = (_places(sid, reading) for sid in sentences)
    return not any(_same_place(x, y) for x in a for y in b)


def _same_place(a: str, b: str) -> bool:
    return a[:4] == b[:4] or (place_named(a) is not None and place_named(a) == place_named(b))


PLACE_REACH = 4  # words next to a number within which a preposition of place places it


def _places(sentence: str, reading: Reading, near: Value | None = None) -> set[str]:
    """The folded names that a preposition of place (`names.places_after`) puts places
    in ("í Reykjavík", "á Hólmsheiði"): anywhere in the sentence, or, given a value, within
    `PLACE_REACH` words after its number or before it."""
    text, lang = reading.sentences[sentence].text, reading.language[sentence]
    words = r"[^\W\d_][\w'-]*"
    spans = [re.findall(words, text)]
    if near is not None:
        if near.number is None:
            return set()
        number = f"{near.number:g}"
        written = (
            rf"(?<![\d.,]){re.escape(number)}|(?<![\d.,]){re.escape(number.replace('.', ','))}"
        )
        found = re.search(rf"(?:{written})(?![\d])", text)
        if found is None:
            return set()
        after = re.findall(words, text[found.end() :])[: PLACE_REACH + 1]
        spans = [after, re.findall(words, text[: found.start()])[-PLACE_REACH:]]
    prepositions = lexicon.wordset("names.places_after", lang)
    return {
        fold(following)
        for span in spans
        for word, following in itertools.pairwise(span)
        if word.lower() in prepositions and following[:1].isupper()
    }


def _joined(conflicts: list[Conflict], reading: Reading) -> list[Conflict]:
    """Conflicts with one side in common (its sentences) whose other sides, of two other
    sources, agree (no value of theirs differs) as one disagreement, those two one side
    citing both: "Reuters, Handelsblatt: 55 megawatts — whereas RÚV, mbl.is: 50", not
    RÚV's 50 twice, once against each. The side shown is the one in the pivot language,
    else the verified one."""
    out: list[Conflict] = []
    for conflict in conflicts:
        for n, kept in enumerate(out):
            joined = _join(kept, conflict, reading)
            if joined is not None:
                out[n] = joined
                break
        else:
            out.append(conflict)
    return out


def _join(a: Conflict, b: Conflict, reading: Reading) -> Conflict | None:
    if a.claim or b.claim:
        return None
    for shared, mine in ((a.first, a.second), (a.second, a.first)):
        for theirs in (b.second, b.first):
            common = b.first if theirs is b.second else b.second
            if common.evidence != shared.evidence or mine.source_id == theirs.source_id:
                continue
            if differing(_values(mine, reading), _values(theirs, reading)) is not None:
                continue
            shown, other = sorted((mine, theirs), key=lambda f: _readable(f, reading))[::-1]
            side = replace(shown, evidence=list(dict.fromkeys(shown.evidence + other.evidence)))
            return Conflict(shared, side) if shared is a.first else Conflict(side, shared)
    return None


def _readable(item: Found, reading: Reading) -> tuple[bool, bool]:
    """How widely a side reads: a statement in the pivot language, then a verified one."""
    return reading.language[item.evidence[0]] == PIVOT, item.verified


def _values(item: Found, reading: Reading) -> frozenset[Value]:
    """What an item's own sentences give."""
    return frozenset().union(*(reading.values[e] for e in own_evidence(item, reading)))


def _beside(first: Found | None, second: Found | None) -> Conflict | None:
    """Two items of different sources as the two sides, where both are there."""
    if first is None or second is None or first.source_id == second.source_id:
        return None
    return Conflict(first, second)


def contrary_claims(merged: list[Found], reading: Reading) -> list[Conflict]:
    """A party saying a deal or an understanding was reached (`kinds.deal_reached`: Putin's
    "náð samkomulagi") against another source's item saying there is none (`kinds.no_deal`:
    "there is no agreement"): each such claim with the first denial of another source and
    holder, both sides as the items stand (verified statements or quoted originals)."""

    def says(item: Found, cue: Callable[[str, str], bool]) -> bool:
        own = own_evidence(item, reading)
        return any(cue(reading.sentences[e].text, reading.language[e]) for e in own)

    denials = [f for f in merged if says(f, no_deal)]
    conflicts = []
    for claim in (f for f in merged if f.actor and says(f, deal_reached)):
        denial = next(
            (
                d
                for d in denials
                if d.source_id != claim.source_id
                and d.actor != claim.actor
                and not set(d.evidence) & set(claim.evidence)
            ),
            None,
        )
        if denial is not None:
            own = own_evidence(denial, reading)
            conflicts.append(Conflict(claim, replace(denial, evidence=own), claim=True))
    return conflicts


def _told_apart(link: Link, merged: list[Found], quoted: Sequence[Found]) -> bool:
    """One side's item is background code is sure of and the other's today's news:
    "About 190 cruise ships called at Ísafjörður last year" (0.95 background) is not
    AFP's "Les 1 200 passagers ont été évacués", linked at 0.87; dpa's "… legen seit
    Montag rund 10.000 Hafenarbeiter die Arbeit nieder" (0.69, a guess) is Reuters'
    "Some 12,000 dock workers … stayed off the job", linked at 0.87."""
    items = [
        _stating(merged, x, y) or _stating(quoted, x, y)
        for x, y in ((link.a, link.b), (link.b, link.a))
    ]
    told = [i for i in items if i is not None and not (i.section == "background" and i.guessed)]
    return len({i.section == "background" for i in told}) == 2


def _stating(merged: list[Found], mine: str, other: str) -> Found | None:
    """The first statement citing `mine` and not the sentence it is linked to."""
    return next((f for f in merged if mine in f.evidence and other not in f.evidence), None)


def _with_value_side(
    stated: Found, pair: tuple[Value, Value], other: str, reading: Reading
) -> Conflict | None:
    side = value_side(stated.text, *pair, other, reading)
    if side is None:
        return None
    return Conflict(stated, Found(stated.section, side, [other], reading.source_of(other)))


def value_side(
    statement: str, mine: Value, theirs: Value, other: str, reading: Reading
) -> str | None:
    """`theirs` worded as `statement` words `mine` ("five hours" for "six hours"), where
    the statement states `mine` once, as a number or percentage, the word after it is in
    the other sentence's English, and the words give the other sentence's value; None
    otherwise. A month named alone ("in March") is worded as the statement words it,
    with the other month ("in April")."""
    spans = [(a, b) for value, a, b in located(statement) if value == mine]
    if len(spans) != 1:
        return None
    start, end = spans[0]
    surface = statement[start:end]
    if mine.kind == "date" and mine.date and theirs.date:
        side = _month_side(surface, mine.date, theirs.date)
        return side if side and values(side, "en") <= reading.values[other] else None
    if mine.kind not in ("number", "percent") or theirs.number is None:
        return None
    if is_year(mine) and is_year(theirs):
        side = str(int(theirs.number))
        return side if values(side, "en") <= reading.values[other] else None
    number = english_number(theirs.number, as_word=surface[:1].isalpha())
    if number.isdigit() and len(number) >= 4:
        number = f"{int(number):,}"  # "1,150", as English writes it
    bound = _bound(theirs, other, reading)
    if bound and not qualifiers(statement, "en").get(mine.number or 0.0):
        number = f"{bound} {number}"  # "um 1.150 farþega": about 1,150, not 1,150
    if mine.kind == "percent":
        side = f"{number} percent"
    else:
        after = re.match(r"\s+([a-z]+)(?:\s+([a-z]+)\b)?", statement[end:])
        if after is None or not re.fullmatch(r"[\d.,]+|[a-z-]+", surface.lower()):
            return None  # "12 billion", "$5": the scale or currency would need wording too
        noun = after.group(1)
        if not _has_noun(noun, other, reading):
            return None
        # the next word too where the other's English has it: "3,000 farmed salmon", not
        # "3,000 farmed"
        following = after.group(2)
        if following and _has_noun(following, other, reading):
            noun = f"{noun} {following}"
        side = f"{number} {noun}"
    return side if values(side, "en") and values(side, "en") <= reading.values[other] else None


def _bound(value: Value, sentence: str, reading: Reading) -> str | None:
    """The English words for the bound the sentence gives its value ("um" -> "about",
    "allt að" -> "at most": `numbers.wording`); None for an exact number."""
    text, lang = reading.sentences[sentence].text, reading.language[sentence]
    bound = qualifiers(text, lang).get(value.number or 0.0)
    if bound is None and value.number in loosely_about(text, lang):
        bound = "about"  # "um 1.150 farþega"
    wording: dict[str, str] = lexicon.table("numbers.wording", "en")
    return wording.get(bound) if bound else None


def _month_side(
    surface: str, mine: tuple[int, int, int], theirs: tuple[int, int, int]
) -> str | None:
    """ "in March" worded for the other date's month ("in April"), where both name a month
    alone, of the same year or none."""
    if mine[2] or theirs[2] or not (mine[1] and theirs[1]) or mine[0] != theirs[0]:
        return None
    months = month_names("en")
    name = next((m for m in months[mine[1] - 1] if m in surface), None)
    return surface.replace(name, months[theirs[1] - 1][0]) if name else None


def _has_noun(noun: str, other: str, reading: Reading) -> bool:
    """The other sentence's English has the noun, in either number ("day", "days")."""
    forms = {noun, noun[:-1] if noun.endswith("s") else noun + "s"}
    return bool(forms & content_words(reading.english(other)))
