"""Reduce stage, in code: one item per fact across sources and languages.

A statement gains the sentences of other sources that code linked to its own (and
that give the same numbers and dates): the Icelandic report of an English statement
becomes its evidence too. Statements drawn from one sentence, or where one cites the
other outlet's sentence the other was drawn from (not merely a common sentence of one
article, such as one naming a speaker), or that say the same in the same words, fold
into one with the union of their evidence; facts kept as their own sentences fold across
outlets where one cites the other's sentence (`fold_quoted`), and where one tells on from
the other (`fold_lines`: the next line of one speaker, a line pointing back at it, or two
reports citing each other's sentence, one held by no one), shown as one line. Where linked
sentences give different numbers or dates, `stages.disagree` finds the disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefing.core.ids import sentence_number, source_of
from briefing.core.languages import PIVOT
from briefing.lang.fold import fold
from briefing.lang.lexicon import opens_on_pronoun
from briefing.lang.names import names_in, place_named, same_person
from briefing.lang.values import Value, gives, qualifiers, values
from briefing.stages.align import MIN_SHARED, Link, Told, differing
from briefing.stages.found import Found
from briefing.stages.quoted import points_back
from briefing.stages.reading import Reading
from briefing.stages.speakers import said_by_another
from briefing.stages.verify import content_words
from briefing.stages.voice import in_own_voice

SAME_WORDS = 0.6  # Jaccard of content words above which two statements say the same
# Two outlets' sentences in one language, one giving all the other's numbers, restate one
# fact above this cosine ("Fundurinn stóð í nærri nítján klukkustundir" in the longer
# "Fundurinn hófst klukkan tíu ... og stóð í tæpar nítján klukkustundir": 0.86); two
# facts sharing a number lie lower, and a different holder keeps them apart anyway.
RESTATES = 0.85
MAX_LINES = 3  # sentences one item kept as its sentences shows at most (`fold_lines`)


def merge(found: list[Found], reading: Reading, same: list[Link]) -> list[Found]:
    """Deduplicated statements, pivot-language ones first, then news before background:
    the first of a group decides its section, and a fact one outlet reports as news is
    not filed as another's background (arctic-rescue: Vísir's "Miðstöðin verður í Bodø
    og kostar um 40 milljónir evra" went under the German costs sentence, then out with
    it as background a news item states)."""
    ordered = sorted(
        found,
        key=lambda f: (reading.language[f.evidence[0]] != PIVOT, f.section == "background"),
    )
    return _fold([_corroborate(item, reading, same) for item in ordered])


def _corroborate(item: Found, reading: Reading, links: list[Link]) -> Found:
    """Add each sentence linked to the one the statement was drawn from (the first it
    cites; others only name its speaker or were confirmed already) that gives the
    statement's numbers and no others; where none is in the pivot language, the
    pivot-language sentences so linked to another outlet's sentence it gained, so an
    English reader gets the fact as an English outlet tells it."""
    evidence = list(item.evidence)
    # a fact kept as its own sentence states that sentence's values, not its gloss's
    # ("9 percentage" is no percent)
    stated = values(item.text, "en") if item.verified else reading.values[item.evidence[0]]
    for cited in item.evidence[:1]:
        evidence += [
            e
            for e in _linked(cited, evidence, stated, reading, links, item.actor)
            if not _theirs_not(e, item.actor, reading)
        ]
    if not any(reading.language[e] == PIVOT for e in evidence):
        # the pivot-language report of the fact, linked to its other report only (eldgos:
        # tagesschau's "…sei noch unklar" links RÚV's "ekki væri vitað hvenær…", which links
        # Reuters' "We do not yet know when full operations can resume")
        drawn = reading.source_of(item.evidence[0])
        for cited in [e for e in evidence[1:] if reading.source_of(e) != drawn]:
            evidence += [
                e
                for e in _linked(cited, evidence, stated, reading, links, item.actor)
                if reading.language[e] == PIVOT
            ]
    return replace(item, evidence=evidence)


def _theirs_not(sentence_id: str, actor: str | None, reading: Reading) -> bool:
    """Code reads another person or body saying the sentence than the one whose position
    the item is (`speakers.said_by_another`): vegagerd's minister, meeting Múlaþing on
    Friday, cited the mayor's "Hún segir að sveitarfélagið muni leggja fram kröfu um
    göngin á fundinum með ráðherra á föstudag", linked through RÚV's report of the
    meeting. An actor of two words or more: "Iceland" holds what its minister says."""
    return (
        actor is not None
        and len(actor.split()) > 1
        and said_by_another(sentence_id, [actor], reading)
    )


def _linked(
    cited: str,
    evidence: list[str],
    stated: frozenset[Value],
    reading: Reading,
    links: list[Link],
    actor: str | None,
) -> list[str]:
    """The sentences linked to `cited` that give the statement's numbers (but a sum it
    converts into a currency they do not write, `_unconverted`) or none at all, no value
    of `cited` differently, and are not cited already: dpa's lead „Islands Oberstes
    Gericht hat den Staat zur Zahlung von Schadenersatz … verurteilt“ reports Reuters'
    "…ordered the state to pay … 1.2 billion Icelandic crowns…" without the sum, and is
    one more outlet telling it; not where it is also linked to a report giving a value of
    `cited` differently (cruise-grounding: Le Monde's „Un paquebot … s'est échoué jeudi“
    links both the 1,200 passengers and the 1,150: it takes no side), nor where someone
    other than `actor` says it (jardhitavirkjun: the minister's „Þetta sýnir að íslensk
    jarðhitaþekking er eftirsótt útflutningsvara…“ is her view of Reuters' background
    "Iceland … has sought to export its expertise", not a report of it), nor in the
    same language (`_reports_without_values`)."""
    out = []
    for link in links:
        if cited not in (link.a, link.b):
            continue
        other = link.other(cited)
        if other in evidence or other in out:
            continue
        given = reading.values[other]
        told = differing(reading.values[cited], given) is None and (
            _unconverted(stated, given) <= given
        )
        if told or (not given and _reports_without_values(cited, other, actor, reading, links)):
            out.append(other)
    return out


def _reports_without_values(
    cited: str, other: str, actor: str | None, reading: Reading, links: list[Link]
) -> bool:
    """`other`, giving no value, reports what `cited` does: in another language (two
    sentences of one language may be drawn together by the words they share, "Ríkissátta-
    semjari hafði sett fjölmiðlabann…" and "Ríkissáttasemjari segir að það hafi ráðið
    úrslitum…"), said by no one but `actor`, and linked to no sentence giving a value of
    `cited` differently."""
    between = any(
        differing(reading.values[cited], reading.values[link.other(other)]) is not None
        for link in links
        if other in (link.a, link.b)
    )
    return (
        reading.language[other] != reading.language[cited]
        and not between
        and not said_by_another(other, [actor] if actor else [], reading)
    )


def _unconverted(stated: frozenset[Value], given: frozenset[Value]) -> frozenset[Value]:
    """The values of `stated` but its amounts in a currency no amount of `given` is in,
    with the number each states: a conversion each outlet makes for its own readers
    ("for 1.9 billion Norwegian crowns ($170 million)" and "…, eða sem nemur um 23
    milljörðum íslenskra króna" report one purchase)."""
    units = {v.unit for v in given if v.kind == "amount"}
    converted = {v for v in stated if v.kind == "amount" and v.unit not in units}
    numbers = {v.number for v in converted}
    return frozenset(
        v for v in stated if v not in converted and not (v.kind == "number" and v.number in numbers)
    )


def _same(a: Found, b: Found, words: tuple[set[str], set[str]]) -> bool:
    """Whether two statements (of one section and actor) say the same; `words` are their
    content words."""
    if a.evidence[0] == b.evidence[0] or _cites_other(a, b):
        return True
    return like(*words)


def _cites_other(a: Found, b: Found) -> bool:
    """One cites the other outlet's sentence the other was drawn from (not merely a
    common sentence of one article, such as one naming a speaker)."""
    drawn = a.evidence[0], b.evidence[0]
    return source_of(drawn[0]) != source_of(drawn[1]) and (
        drawn[0] in b.evidence or drawn[1] in a.evidence
    )


def like(wa: set[str], wb: set[str]) -> bool:
    """Two sets of content words mostly shared (Jaccard at least `SAME_WORDS`)."""
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= SAME_WORDS


def same_words(a: str, b: str) -> bool:
    """Two texts say it in the same words: their content words are `like`."""
    return like(content_words(a), content_words(b))


def _fold(found: list[Found]) -> list[Found]:
    """The first of each group of same statements, with the group's evidence. Statements
    of one section and actor are the same where `_same` says so; across sections, where
    one cites the other outlet's sentence the other was drawn from with the same values
    and holder (`_one_fact`: two outlets' reports of one fact the model labelled apart,
    "ended with a 4 percent rise" and "agreed on a 4 percent rise"), and the first kept
    decides the section. Each is compared with those candidates alone, its words and
    values read once: a long article's 2,000 statements took 20 s."""
    merged: list[Found] = []
    read: list[tuple[set[str], frozenset[Value]]] = []  # words and values of each kept
    by_holder: dict[tuple[str, str], list[int]] = {}
    citing: dict[str, list[int]] = {}  # sentence id -> the kept statements citing it
    for item in found:
        mine = content_words(item.text), values(item.text, "en")
        holder = by_holder.setdefault((item.section, (item.actor or "").casefold()), [])
        reported = dict.fromkeys(i for e in item.evidence for i in citing.get(e, []))
        host = next(
            (
                i
                for i in [*holder, *reported]
                if read[i][1] == mine[1]
                and (
                    _same(merged[i], item, (read[i][0], mine[0]))
                    if i in holder
                    else _one_fact(merged[i], item)
                )
            ),
            None,
        )
        if host is None:
            host = len(merged)
            holder.append(host)
            merged.append(item)
            read.append(mine)
            added = item.evidence
        else:
            kept = merged[host]
            added = [e for e in item.evidence if e not in kept.evidence]
            merged[host] = replace(kept, evidence=[*kept.evidence, *added])
        for e in added:
            citing.setdefault(e, []).append(host)
    return merged


def fold_quoted(found: list[Found], reading: Reading) -> list[Found]:
    """Facts kept as their own sentences (`stages.originals`), folded across outlets: an item
    whose sentence another outlet's item already cites (`_corroborate` linked it, with
    the same numbers), or that another outlet's sentence restates in its language with
    all its numbers (`_restates`), is the same fact in other words, whatever section the
    model labelled each; its sentences join the first's, whose section and holder stand,
    but for background another outlet tells as news: the fact is the day's news
    ("Samkvæmt samkomulaginu hækka greiðslur…", the deal's terms, beside mbl.is's
    "Greiðslur borgarinnar … hækka…" read as background). The quote is the first's,
    unless it gives no number or date and the other's sentence, in its language, does
    (`_fuller`): RÚV's "Ný heilsugæslustöð verður opnuð … haustið 2027 samkvæmt
    samkomulagi…" leads, not mbl.is's report of the deal without the date it opens. Only
    where both are held by the same person, or neither by anyone: two speakers' words
    are two positions. Folded again until nothing joins: an item may come to cite
    another's sentence only once a third joined it (laeknar: the vote's 78 percent,
    quoted alone beside the item leading with it)."""
    folded = _fold_quoted(found, reading)
    while len(folded) < len(found):
        found, folded = folded, _fold_quoted(folded, reading)
    return [_plain_first(item, reading) for item in folded]


def _plain_first(item: Found, reading: Reading) -> Found:
    """The item quoted by another outlet's sentence of it, in the same language, where the
    first says a loaded word in its own voice and that one none (verkfall-flugvirkja:
    Vísir's "Tveggja daga ringulreið á Keflavíkurflugvelli er lokið…" led the briefing,
    mbl.is's "Samninganefndir … skrifuðu undir nýjan kjarasamning…" beside it): the
    briefing does not adopt an outlet's word of judgement."""
    first = item.evidence[0]
    lang = reading.language[first]
    if item.continued or not in_own_voice(reading.sentences[first].text, lang):
        return item
    plain = next(
        (
            e
            for e in item.evidence[1:]
            if reading.language[e] == lang
            and source_of(e) != source_of(first)
            and not in_own_voice(reading.sentences[e].text, lang)
        ),
        None,
    )
    if plain is None:
        return item
    return replace(item, evidence=[plain, *(e for e in item.evidence if e != plain)])


NEWS = ("developments", "agreements", "open_issues")


def _fold_quoted(found: list[Found], reading: Reading) -> list[Found]:
    kept: list[Found] = []
    for item in found:
        host = next(
            (n for n, k in enumerate(kept) if _one_fact(k, item) or _restates(k, item, reading)),
            None,
        )
        if host is None:
            kept.append(item)
            continue
        joined = _with_evidence(kept[host], item)
        if joined.section == "background" and item.section in NEWS:
            joined = replace(joined, section=item.section)
        if _fuller(item.evidence[0], joined.evidence[0], reading):
            lead = item.evidence[0]
            joined = replace(joined, evidence=[lead, *(e for e in joined.evidence if e != lead)])
        kept[host] = joined
    return kept


def _fuller(x: str, y: str, reading: Reading) -> bool:
    """Sentence `x` gives numbers or dates where `y`, in the same language, gives none:
    the fuller report of one fact. Not one with more numbers than another that gives some
    ("Verkfalli … sem staðið hefur í þrjár vikur, er þar með aflýst" is no fuller report
    of the teachers' deal than "Kennarar í tólf grunnskólum snúa aftur…")."""
    return (
        reading.language[x] == reading.language[y]
        and not reading.values.get(y)
        and bool(reading.values.get(x))
    )


def _with_evidence(host: Found, item: Found) -> Found:
    """`host` citing `item`'s sentences too, after its own."""
    return replace(
        host, evidence=[*host.evidence, *(e for e in item.evidence if e not in host.evidence)]
    )


def _a_side(item: Found, sides: Sequence[set[str]]) -> bool:
    """A disagreement shows the item as one of its `sides` (`Conflict.hidden`): all its
    sentences are that side's."""
    return any(set(item.evidence) <= side for side in sides)


def fold_into(
    published: list[Found], own: list[Found], sides: Sequence[set[str]] = ()
) -> tuple[list[Found], list[Found]]:
    """Facts kept as their own sentences that a published statement states: an item of one
    sentence that cites the sentence a statement was drawn from (`_corroborate` linked
    them, its numbers all given there), held by the same person or by no one, joins the
    statement's evidence, where its language's column quotes it. Zelensky's words as
    RÚV reports them are not a second item beside Reuters' fuller report of them; nor is
    RÚV's „Landsvirkjun hækkar heildsöluverð á raforku um 12 prósent…“, held by no one,
    beside Landsvirkjun's position "…Landsvirkjun said … it would raise its wholesale
    electricity price by 12 percent…" (`_done_by`): the act it announced. So does
    one of that section citing a third outlet's sentence the statement cites too
    (`_told_alike`). Not a
    statement or an item a disagreement shows as a side (`sides`, as in `fold_lines`)."""

    published, kept = list(published), []
    for item in own:
        host = next(
            (
                n
                for n, p in enumerate(published)
                if p.verified
                and not item.continued
                and not _a_side(p, sides)
                and not _a_side(item, sides)
                and item.evidence[0] not in p.evidence
                and (
                    (p.evidence[0] in item.evidence and _done_by(p, item))
                    or (
                        (p.evidence[0] in item.evidence or _told_alike(p, item))
                        and _same_holder(p, item)
                    )
                )
            ),
            None,
        )
        if host is None:
            kept.append(item)
            continue
        published[host] = _with_evidence(published[host], item)
    return published, kept


def unshared(
    own: list[Found], published: list[Found], reading: Reading, sides: Sequence[set[str]] = ()
) -> list[Found]:
    """Facts kept as their own sentences, without a sentence a published statement was
    drawn from (its first), but one naming the kept fact's holder: one sentence is one
    item's. A sentence linked to a kept fact that no statement took in (`fold_into`:
    another holder) would be shown twice (a story of my own, vetni: Reuters' "Germany
    expects to import between 50 and 70 percent of the hydrogen it needs by 2030",
    Germany's position, was also the English line of Le Monde's "les premières
    livraisons sont prévues en 2030", linked to it by the year). Only the first: a
    statement may cite more than it states (eldgos: Isavia's chief on the ash plume also
    cites his "We do not yet know when full operations can resume", the English line of
    the open question tagesschau and RÚV report). A statement a disagreement shows as a
    side (`sides`) is no item: arctic-rescue's Icelandic "Miðstöðin verður í Bodø og
    kostar um 40 milljónir evra" keeps the wire's sentence giving 2028 against the German
    2029 as its English line."""
    taken = {item.evidence[0] for item in published if not _a_side(item, sides)}

    def kept(item: Found, sid: str) -> bool:
        return sid not in taken or (item.actor is not None and _names(item.actor, sid, reading))

    return [
        replace(item, evidence=[item.evidence[0], *(e for e in item.evidence[1:] if kept(item, e))])
        for item in own
    ]


def _names(actor: str, sentence_id: str, reading: Reading) -> bool:
    """The sentence names the actor, in any form of the name (`same_person`), by more
    than a place in it: "Islands Oberstes Gericht" does not name "Dýraverndarsamband
    Íslands"."""
    own = " ".join(p for p in actor.split() if not place_named(fold(p))) or actor
    return any(same_person(own, n) for n in names_in([reading.sentences[sentence_id].text]))


def join_skipped(
    items: list[Found],
    behind: Mapping[str, list[str]],
    reading: Reading,
    sides: Sequence[set[str]] = (),
) -> list[Found]:
    """Each sentence the model was not asked about because another outlet's sentence
    read for it tells it (`build.covered`, `behind`: the skipped sentence and the ones
    read that tell it), cited where no item cites it already, by the
    first item citing one read for it: not a side a disagreement shows, nor a position
    of someone the sentence does not name (hvalur: dpa's "Islands Oberstes Gericht hat
    den Staat … verurteilt", linked to mbl.is's "Dýraverndarsamband Íslands segir dóminn
    vonbrigði" by the verdict, is no report of the group's disappointment)."""
    items = list(items)
    cited = {e for item in items for e in item.evidence}

    def hosts(item: Found, sid: str) -> bool:
        if _a_side(item, sides):
            return False
        return not item.actor or _names(item.actor, sid, reading)

    for sid, readers in behind.items():
        if sid in cited:
            continue
        host = next(
            (
                n
                for n, item in enumerate(items)
                if set(readers) & set(item.evidence) and hosts(item, sid)
            ),
            None,
        )
        if host is not None:
            items[host] = replace(items[host], evidence=[*items[host].evidence, sid])
            cited.add(sid)
    return items


def _told_alike(published: Found, item: Found) -> bool:
    """Both give one more outlet's sentence as their fact told again (`_corroborate`
    linked it to each), in one section: "It was not clear whether the agreement would
    need the approval of the Danish parliament" and AFP's "Copenhague n'a toutefois pas
    précisé si le Parlement danois devrait se prononcer" both citing RÚV's "Ekki liggur
    fyrir hvort danska þingið þurfi að samþykkja samninginn", quoted twice in Icelandic.
    Not a sentence of either's own outlet: Trump's two statements both cite RÚV's
    sentence naming him."""
    drawn = {source_of(published.evidence[0]), source_of(item.evidence[0])}
    shared = set(published.evidence[1:]) & set(item.evidence[1:])
    return published.section == item.section and any(source_of(e) not in drawn for e in shared)


def _restates(a: Found, b: Found, reading: Reading) -> bool:
    """Two outlets' sentences in one language, with one holder (or none), where one gives
    every number of the other (some at least; a bounded number gives what its bound
    admits, `values.gives`) and they mean nearly the same (`RESTATES`)."""
    x, y = a.evidence[0], b.evidence[0]
    if source_of(x) == source_of(y) or reading.language[x] != reading.language[y]:
        return False
    if not _same_holder(a, b):
        return False
    vx, vy = reading.values[x], reading.values[y]
    if not (vx and vy and (vx <= vy or vy <= vx or _bounded_alike(x, y, reading))):
        return False
    return bool(reading.vector.get(x) and reading.vector.get(y)) and (
        reading.similarity(x, y) >= RESTATES
    )


def _bounded_alike(x: str, y: str, reading: Reading) -> bool:
    """One sentence's numbers given by the other's once their bounds are read: "rúmlega
    200 flugferðum" gives "214 flugferðum", not "150". Read only where the numbers alone
    differ, since folding compares statements pairwise."""
    vx, vy = reading.values[x], reading.values[y]
    bx, by = (qualifiers(reading.sentences[i].text, reading.language[i]) for i in (x, y))
    return gives(vx, bx, vy, by) or gives(vy, by, vx, bx)


def _one_fact(a: Found, b: Found) -> bool:
    return _cites_other(a, b) and _same_holder(a, b)


def _done_by(statement: Found, item: Found) -> bool:
    """An item no one holds whose line names the statement's holder: linked to the
    sentence the statement was drawn from and giving a value of it, it tells the act
    the holder announced. Not one sharing no value, nor through a third outlet's
    sentence both cite: hafis' „Míkhaíl Dorokhov … tók í fyrsta sinn þátt í viðræðum…“
    and his "Moscow was ready to share its data…" both cite Le Monde's sentence on his
    delegation, and tell two things."""
    if item.actor is not None or statement.actor is None:
        return False
    if not values(item.text, "en") & values(statement.text, "en"):
        return False  # an act announced gives its figure: "12 percent", "12 prósent"
    # a sentence's first word is no name to `names_in` unless seen inside one
    written = re.search(rf"(?<!\w){re.escape(fold(statement.actor))}(?!\w)", fold(item.text))
    return written is not None or any(
        same_person(statement.actor, n) for n in names_in([item.text])
    )


def _same_holder(a: Found, b: Found) -> bool:
    if a.actor is None or b.actor is None:
        return a.actor is None and b.actor is None
    return same_person(a.actor, b.actor)


def fold_lines(found: list[Found], reading: Reading, sides: Sequence[set[str]] = ()) -> list[Found]:
    """Facts kept as their own sentences (`stages.originals`, after `fold_quoted`), one
    item where one sentence tells on from another's item (`_continues`): the next line of
    one speaker ("„X.“ / „Y,“ sagði Pútín", "Hann sagði..."), a line that points back
    at the sentence before ("Flestar þeirra voru..."), or two outlets' sentences citing
    each other where one is held by no one (the agreement, and a party's words that
    restate it). Two items for one fact are a reader's time spent twice; the item cites
    every sentence of both and shows each line it states (`Found.continued`), so no
    fact is lost and every word shown is quoted by id; so it shows another outlet's
    sentence it cites that tells what its lines do not (`_told_apart`). An item a
    disagreement shows as a side (its sentences all in one of `sides`, `Conflict.hidden`)
    stays apart: joined, a side would hide the lines it gained, or show itself twice."""
    kept = list(found)
    apart = {id(f) for f in found if _a_side(f, sides)}
    told = Told(reading, unframed=True)
    joined = True
    while joined:  # lines may chain in any order: S10, S12, then S11 joining both
        joined = False
        for n, first in enumerate(kept):
            for m in range(n + 1, len(kept)):
                if id(first) in apart or id(kept[m]) in apart:
                    continue
                whole = _join(first, kept[m], reading, told)
                if whole is not None:
                    kept[n] = whole
                    del kept[m]
                    joined = True
                    break
            if joined:
                break
    shown = {line for item in kept for line in _lines(item)}
    return [item if id(item) in apart else _told_apart(item, reading, told, shown) for item in kept]


def _told_apart(item: Found, reading: Reading, told: Told, shown: set[str]) -> Found:
    """`item` showing, up to `MAX_LINES`, the sentences in its language of the other
    outlets it cites (linked to it, folded into it) that tell what none of its lines
    tells (`Told.alike` below `MIN_SHARED`, the speaker's name and title left out):
    Vísir's "Þórdís … segir að leitað verði til reyndra heimilislækna…" was only cited
    beside RÚV's "Þórdís … fagnar samkomulaginu", a fact no column showed. Not one that
    points back at a sentence before it ("Hún segir að enn liggi ekki fyrir…"): shown
    away from that sentence, it names no one; nor one another item already shows as its
    line (`shown`): a fact is shown once."""
    if item.verified:
        return item
    lines = _lines(item)
    lang, outlet = reading.language[lines[0]], source_of(lines[0])
    apart = [
        e
        for e in item.evidence
        if e not in lines
        and reading.language[e] == lang
        and source_of(e) != outlet
        and _apart(e, lines, told)
        and not opens_on_pronoun(reading.sentences[e].text, reading.language[e])
        and e not in shown
    ]
    room = MAX_LINES - len(lines)
    return replace(item, continued=[*item.continued, *apart[:room]]) if apart and room > 0 else item


def _lines(item: Found) -> list[str]:
    return [item.evidence[0], *item.continued]


def _join(a: Found, b: Found, reading: Reading, told: Told) -> Found | None:
    """The one item `a` and `b` make where one tells on from the other, else None. The
    host (whose section and holder stand) is the one continued, or in a mutual citation
    the one held by no one: a party's words about a fact do not make it their position.
    A line that tells on from a sentence the host only cites shows that sentence too,
    where it tells what the host's lines do not (`_bridge`): „Við viljum…,“ sagði hún is
    no line without the one it follows."""
    if a.verified or b.verified or len(_lines(a)) + len(_lines(b)) > MAX_LINES:
        return None
    if reading.language[a.evidence[0]] != reading.language[b.evidence[0]]:
        return None
    if _continues(a, b, reading):
        host, other = a, b
    elif _continues(b, a, reading):
        host, other = b, a
    elif _mutual(a, b, told):
        host, other = (a, b) if a.actor is None else (b, a)
    elif _restated_through(a, b, reading):
        return _with_evidence(a, b)
    else:
        return None
    bridge = _bridge(host, other, told)
    if len(_lines(a)) + len(_lines(b)) + len(bridge) > MAX_LINES:
        return None
    order = {sid: n for n, sid in enumerate(reading.sentences)}
    first = source_of(host.evidence[0])
    lines = sorted(
        dict.fromkeys([*_lines(host), *bridge, *_lines(other)]),
        key=lambda sid: (source_of(sid) != first, order[sid]),
    )
    evidence = list(dict.fromkeys([*lines, *host.evidence, *other.evidence]))
    english = [_english_of(x, reading) for x in (host, other)]
    texts = english if any(english) else [host.text, other.text]
    return replace(
        host,
        text=" ".join(dict.fromkeys(t or "[…]" for t in texts)),
        evidence=evidence,
        continued=lines[1:],
    )


def _restated_through(a: Found, b: Found, reading: Reading) -> bool:
    """Two outlets' lines of one section and one named holder that both cite a third
    outlet's sentence (`_told_alike`) and give a number alike: one fact told twice, cited
    under the first and shown once. atc-dispute: mbl.is's „Félagið krefst 9 prósenta
    launahækkunar á ári…“ and Norðri's „Félag íslenskra flugumferðarstjóra fer fram á 9
    prósenta hækkun á ári…“, both citing Straumur's „…krefst 9 prósenta hækkunar…“. Not
    two lines sharing no number: the mediator's two lines both citing a third outlet's
    sentence on the deal tell two things."""
    x, y = a.evidence[0], b.evidence[0]
    if source_of(x) == source_of(y) or a.actor is None or not _same_holder(a, b):
        return False
    return _told_alike(a, b) and bool(reading.values[x] & reading.values[y])


def _bridge(host: Found, other: Found, told: Told) -> list[str]:
    """The sentence `host` cites, not among its lines, that `other`'s line directly
    follows in its article (`_continues`), where it tells what none of those lines tells
    (`_apart`), as a list of none or one."""
    line, lines = other.evidence[0], _lines(host)
    return [
        c for c in host.evidence if c not in lines and _next(c, line) and _apart(c, lines, told)
    ][:1]


def _apart(sentence: str, lines: list[str], told: Told) -> bool:
    """`sentence` tells what none of `lines` tells (`Told.alike` below `MIN_SHARED`)."""
    return all(told.alike(sentence, line) < MIN_SHARED for line in lines)


def _english_of(item: Found, reading: Reading) -> str | None:
    """The English an item kept as its sentences has (a gloss, the model's English), None
    where its text is its original: joined to another's English it would be shown as
    part of a gloss ("Reinholz sprach von einem „wichtigen Signal…“. She said that…")."""
    original = " ".join(" ".join(reading.sentences[s].text.split()) for s in _lines(item))
    return None if " ".join(item.text.split()) == original else item.text


def _continues(a: Found, b: Found, reading: Reading) -> bool:
    """`b`'s sentence tells on from `a`: it directly follows a sentence `a` cites in its
    article, or directly comes before `a`'s own and `a` cites it (the line naming the
    speaker), and it is the same person's line, or held by no one and pointing back
    (`quoted.points_back`: its English names no one of its own, "Most of them...", or
    its sentence opens on a subject pronoun: "Hann hefur óskað eftir fundi…" after the
    minister's words, alone a line about no one). Two
    lines apart are two things said, even where one cites the other's sentence."""
    line = b.evidence[0]
    if line in _lines(a):
        return False
    after = any(_next(cited, line) for cited in a.evidence)
    before = line in a.evidence and any(_next(line, own) for own in _lines(a))
    if not (after or before):
        return False
    if a.actor is not None and b.actor is not None:
        return same_person(a.actor, b.actor)
    return b.actor is None and (
        points_back(reading.english(line))
        or opens_on_pronoun(reading.sentences[line].text, reading.language[line])
    )


def _next(before: str, after: str) -> bool:
    """`after` is the sentence directly after `before` in one article."""
    n, m = sentence_number(before), sentence_number(after)
    return source_of(before) == source_of(after) and n is not None and m == n + 1


RESTATED = 2  # content words two outlets' lines share where one restates the other


def _mutual(a: Found, b: Found, told: Told) -> bool:
    """Each cites the other outlet's sentence the other was drawn from, one of them is
    held by no one (two people's words are two positions), and the two share
    `RESTATED` content words: one word in common is a topic, not the same fact ("Óljóst
    er hvort ríkið taki þátt í auknum kostnaði" and the chair's "Hún segir að bærinn muni
    óska eftir viðræðum við ríkið": an open question and her position)."""
    x, y = a.evidence[0], b.evidence[0]
    return (
        source_of(x) != source_of(y)
        and x in b.evidence
        and y in a.evidence
        and (a.actor is None or b.actor is None)
        and len(told.words[x] & told.words[y]) >= RESTATED
    )
