"""read → link → chunk → extract → verify → voice → cross-cite → one label per actor →
merge → disagree → originals → write → context → localize → lead → Briefing: the work itself.

`briefing.stages.pipeline.generate` is the entry point every caller uses; it imports this
module only when a run has to be built (the run memo may already hold the briefing), since
the stages below pull in the checker, the embeddings and the token counter.
"""

from __future__ import annotations

__all__ = ["STAGES", "assemble", "build", "covered"]

import functools
import logging
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.check.checker import Checker as SupportChecker
from briefing.core.languages import PIVOT
from briefing.core.meter import Meter
from briefing.core.models import Briefing, Item, RunInfo, Side, Source
from briefing.lang.names import names_in
from briefing.lang.values import Value
from briefing.llm.base import LLM, llm_info, reads, sampling
from briefing.stages.actors import one_label, spellings
from briefing.stages.align import NEAR, SAME, Link, differing, links, read_apart
from briefing.stages.chunk import chunk_sources
from briefing.stages.context import context
from briefing.stages.crosscite import cross_cite
from briefing.stages.disagree import Conflict, contrary_claims, disagreements, own_evidence
from briefing.stages.extract import ChunkResult, ExtractSettings, extract_chunk
from briefing.stages.found import Found
from briefing.stages.kinds import kinds_of
from briefing.stages.lead import lead
from briefing.stages.localize import lines
from briefing.stages.merge import (
    NEWS,
    fold_into,
    fold_lines,
    fold_quoted,
    join_skipped,
    merge,
    same_words,
    unshared,
)
from briefing.stages.originals import originals
from briefing.stages.quoted import quotes
from briefing.stages.reading import Reading, read, read_through
from briefing.stages.speakers import one_speaker, said_by_another, unnamed, who
from briefing.stages.translate import translate
from briefing.stages.verify import Checker, Verdict, claimed, translations, verify
from briefing.stages.voice import voice
from briefing.stages.write import Support, write

log = logging.getLogger("briefing.stages")

if TYPE_CHECKING:
    from briefing.stages.options import Options
    from briefing.stages.progress import Bars, Quiet

STAGES = ("extract", "check")  # model stages, in the run's usage even without a call


def build(
    sources: list[Source], llm: LLM, options: Options, progress: Quiet | Bars, meter: Meter
) -> Briefing:
    """Build the briefing for `sources` with `llm`, counting every answer in `meter`."""
    meter.expect(STAGES)
    with meter.timed("read"):
        reading = read(sources, timed=meter.timed)
    with meter.timed("link"):
        same = one_speaker(links(reading, SAME), reading)
        near = one_speaker(links(reading, NEAR, counts=True), reading)
        skip = covered(reading, same, options.languages)
        settings = ExtractSettings(
            max_attempts=options.max_attempts,
            reading=reading,
            skip=skip,
            echoes=echoed(reading, same, skip),
            quotes=quotes(reading, same),
            columns=frozenset(options.languages),
            reads=reads(llm),
            kinds=functools.partial(kinds_of, glosses=reading.gloss),
        )
    results = _extract_all(sources, llm, options, progress, meter, settings)
    found = [f for r in results for f in r.found]
    unstated = [f for r in results for f in r.unstated]
    dropped = [d for r in results for d in r.dropped]
    with progress.stage("check", 1), meter.timed("verify"):
        checker = options.checker or (SupportChecker(llm) if options.check else None)
        checking = _checking(checker, reading, meter)
        judge_reads = reads(llm) if checking is not None else frozenset()
        readable, translated, untranslated = translations(found, reading, judge_reads)
        kept, rejected = verify(readable, reading, same, checking, judge_reads)
        kept, unvoiced = voice(kept, reading)
        kept = claimed(kept, reading)
        kept = cross_cite(kept, reading, checking, reads(llm))
        progress.advance("check")
    with meter.timed("merge"):
        merged = merge(one_label(kept, reading), reading, same)
        own = originals(found + unstated, merged, reading, options.languages, translated)
        english, untranslatable = translate(
            own, reading, translated, llm, options.prompts, meter.record
        )
        if english:
            translated = {**translated, **english}
            own = originals(found + unstated, merged, reading, options.languages, translated)
        own = one_label(own, reading)
        own = fold_quoted(merge(own, reading, same), reading)
        conflicts = disagreements(merged, reading, _read_near(reading, near, translated), own)
        conflicts += contrary_claims(merged + own, reading)
        sides = [conflict.hidden() for conflict in conflicts]
        merged, own = fold_into(merged, own, sides)
        own = unshared(own, merged, reading, sides)
        merged += fold_lines(own, reading, sides)
        merged = join_skipped(merged, skipped_behind(reading, same, skip), reading, sides)
    unwritten: list[dict[str, str]] = []
    if options.write:
        with progress.stage("write", 1), meter.timed("write"):
            merged, unwritten = write(
                merged, reading, options.languages, llm, options.prompts,
                _supports(checker, reading), meter.record,
            )  # fmt: skip
            progress.advance("write")
    merged, surplus = context(merged, reading, options.languages)
    refused = dropped + untranslated + untranslatable + rejected + unvoiced + unwritten + surplus
    with meter.timed("merge"):
        briefing = assemble(reading, merged, conflicts, options.languages, refused)
        briefing.lead = lead(briefing)
        name_speakers(briefing, reading)
    for item in refused:  # the decisions `--verbose` shows
        where = item.get("evidence") or item.get("chunk", "")
        log.info("dropped [%s] %s: %s", where, item.get("text", ""), item.get("reason", ""))
    briefing.run = RunInfo(
        **llm_info(llm),
        languages=list(options.languages),
        sampling=sampling(),
        prompts=options.prompts.provenance(),
        usage={**meter.stages, "total": meter.total()},
        log_id=options.log_id,
    )
    return briefing


def _read_near(reading: Reading, near: list[Link], english: dict[str, str]) -> list[Link]:
    """The disagreement links, with those a sentence the model translated gives read
    through its English (`align.read_apart`) in place of e5's reading of its language."""
    if not english:
        return near
    through = read_through(reading, english)
    linked = one_speaker(links(through, NEAR, counts=True), through)
    apart = read_apart(through, linked, list(english))
    pairs = {frozenset((x.a, x.b)) for x in apart}
    return [x for x in near if frozenset((x.a, x.b)) not in pairs] + apart


def _checking(checker: SupportChecker | None, reading: Reading, meter: Meter) -> Checker | None:
    """The support checker as `verify` calls it: statement and evidence ids in, verdict out;
    its judge calls counted under the stage "check"."""
    if checker is None:
        return None
    checker.record, checker.timed = meter.record, meter.timed

    def check(statement: str, evidence: list[str]) -> Verdict:
        cited = [(reading.sentences[i].text, reading.language[i]) for i in evidence]
        verdict = checker.check(statement, PIVOT, cited, label=" ".join(evidence))
        return Verdict(verdict.score, verdict.supported, verdict.reason)

    return check


def _supports(checker: SupportChecker | None, reading: Reading) -> Support | None:
    """The support checker as `stages.write` asks it: a line in any language against the
    item's cited sentences."""
    if checker is None:
        return None

    def supported(statement: str, language: str, evidence: list[str]) -> bool:
        cited = [(reading.sentences[i].text, reading.language[i]) for i in evidence]
        return checker.check(statement, language, cited, label=" ".join(evidence)).supported

    return supported


def _restating(reading: Reading, same: list[Link]) -> list[Link]:
    """The links whose two sentences give the same numbers and dates."""
    return [k for k in same if differing(reading.values[k.a], reading.values[k.b]) is None]


def echoed(
    reading: Reading, same: list[Link], skip: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Sentences linked to one of another source that gives the same numbers and dates:
    each restates the other (`ExtractSettings.echoes`), unless the other is skipped
    behind it (`skip`, `covered`): then it is the one read for both, and over a budget
    both would be lost (kampfjet: Le Monde's "Marchal et Reinholz ont paraphé le texte",
    read for Der Spiegel's "… unterzeichneten die Vereinbarung", went over the budget).
    Where a skipped one has several read, another tells it. The skipped one, never
    asked, stays in: the story is told by more than one outlet. A sentence giving a
    value no other outlet gives tells more than its link, and is no echo (svartolia: Le
    Figaro's lead, the only one with "23 États", went over the budget behind RIA's "с
    2027 года"); AFP's "Les 1 200 passagers ont été évacués" is, Reuters giving 1,200."""
    restating = _restating(reading, same)
    readers: dict[str, set[str]] = {}
    for k in restating:
        for s, o in ((k.a, k.b), (k.b, k.a)):
            if s in skip and o not in skip:
                readers.setdefault(s, set()).add(o)
    read_for = {o for read in readers.values() if len(read) == 1 for o in read}
    by_source: dict[str, set[Value]] = {}
    for sid, given in reading.values.items():
        by_source.setdefault(reading.source_of(sid), set()).update(given)

    def elsewhere(sid: str) -> set[Value]:
        """The values the other outlets' sentences give."""
        own = reading.source_of(sid)
        return set().union(*(v for src, v in by_source.items() if src != own))

    told = {sid for k in restating for sid in (k.a, k.b) if reading.values[sid] <= elsewhere(sid)}
    return frozenset(told) - read_for


def covered(reading: Reading, same: list[Link], languages: Collection[str] = ()) -> frozenset[str]:
    """Sentences the model need not read: each linked to one it does read, of another
    source, with the same numbers and dates; the merge adds it to that statement's
    evidence. Of an English and a non-English sentence the model reads the English one
    (the other reaches it only as a rough gloss); of two others, the one giving more
    numbers and dates (one giving fewer is skipped behind it only where it gives them
    all: nordurljos' RÚV "Samningurinn gildir til fimm ára", read first, left Le Monde's
    five years and 2028 behind it and TASS's same sentence an item of its own), then the
    one in an output language (`languages`), which its column can quote where no English
    statement cites it (a story of my own, vetni: RÚV's "Ísland og Þýskaland undirrituðu í
    dag samkomulag í Berlín…" was skipped behind dpa's, which went over the budget of a
    source no column quotes, and Reuters' line, giving tonnes and a year, could cite
    neither: the signing was in no Icelandic line). Two in one language must also say it
    in the same words (`merge.same_words`), since a link alone joins sentences that only
    share a subject ("a leak was repaired" and "it loses a quarter through leaks"); of
    those the model reads the earlier article's, so a fact several outlets report in
    like words is asked about once. A sentence is skipped only where the one read gives
    no value it lacks, since the merge cites it only then (`merge._corroborate`): "Ásgeir
    Erlendsson … sagði að aðstæður hefðu verið mjög erfiðar" vanished from the Icelandic
    column behind AFP's "Les conditions étaient très difficiles, avec des vagues de six
    mètres"."""

    def told(read_one: str, sid: str) -> bool:
        return reading.values[read_one] <= reading.values[sid] and not _another_says(
            sid, read_one, reading
        )

    order = {s.id: n for n, s in enumerate(s for src in reading.sources for s in src.sentences)}
    linked: dict[str, list[str]] = {}
    for link in _restating(reading, same):
        a, b = link.a, link.b
        if reading.language[a] == reading.language[b] and not same_words(
            reading.english(a), reading.english(b)
        ):
            continue
        linked.setdefault(a, []).append(b)
        linked.setdefault(b, []).append(a)
    read: set[str] = set()
    skip = set()

    def first_read(sid: str) -> tuple[bool, int, bool, int]:
        language = reading.language[sid]
        given = len(reading.values[sid])
        return language != PIVOT, -given, language not in languages, order[sid]

    for sid in sorted(linked, key=first_read):
        if any(other in read and told(other, sid) for other in linked[sid]):
            skip.add(sid)
        else:
            read.add(sid)
    return frozenset(skip)


def skipped_behind(
    reading: Reading, same: list[Link], skip: frozenset[str]
) -> dict[str, list[str]]:
    """Each sentence `covered` skips, with the sentences read that tell it (linked, read,
    giving no value it lacks): where one of them is cited, so is it (`merge.join_skipped`)."""
    out: dict[str, list[str]] = {}
    for link in _restating(reading, same):
        for sid, other in ((link.a, link.b), (link.b, link.a)):
            if sid in skip and other not in skip and reading.values[other] <= reading.values[sid]:
                out.setdefault(sid, []).append(other)
    return out


def _another_says(sid: str, read_one: str, reading: Reading) -> bool:
    """Code reads someone saying `sid` whom the sentence read never names (laxeldi-sala:
    "Landssamband veiðifélaga gagnrýnir söluna…" behind Reuters' "The Icelandic Wildlife
    Fund criticised the sale"): its own fact, which the merge will not cite under the
    other's statement (`merge._theirs_not`), so it is read."""
    theirs = who(read_one, reading)  # "…," he told Reuters: the one "he" means
    named = [theirs] if theirs else names_in([reading.sentences[read_one].text])
    return said_by_another(sid, named, reading)


def _extract_all(
    sources: list[Source],
    llm: LLM,
    options: Options,
    progress: Quiet | Bars,
    meter: Meter,
    settings: ExtractSettings,
) -> list[ChunkResult]:
    """Every chunk of every source, in parallel where the backend allows."""
    by_id = {s.id: s for s in sources}
    chunks = chunk_sources(sources, options.chunk_tokens, options.overlap_tokens)

    def run(chunk_index: int) -> ChunkResult:
        chunk = chunks[chunk_index]
        result = extract_chunk(
            chunk, by_id[chunk.source_id], llm, options.prompts, settings, meter.record, meter.timed
        )
        progress.advance("extract")
        return result

    workers = max(1, min(options.concurrency, llm.max_concurrency, len(chunks)))
    with progress.stage("extract", len(chunks)):
        if workers == 1:
            return [run(i) for i in range(len(chunks))]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(run, range(len(chunks))))


def _left_over(item: Found, shown: set[str], reading: Reading) -> Found | None:
    """What a quoted original a disagreement hides still tells: the sentences it cites
    that give no value and that neither side nor any published item shows, as an item of
    its own. RÚV's "Veðurstofa Íslands lýsti í nótt yfir hættustigi…", linked to
    mbl.is's "…42 hús verið rýmd eftir að Veðurstofan lýsti yfir hættustigi…", went
    with that side into the disagreement over 42 and 45 houses, and no column showed
    it. None where nothing is left, or the item is a verified statement (its own
    sentences are the side)."""
    if item.verified:
        return None
    rest = [e for e in item.evidence if e not in shown and not reading.values[e]]
    if not rest:
        return None
    return replace(item, text=reading.english(rest[0]), evidence=rest, continued=[], actor=None)


def _same_side(stated: Found, own: list[str], reading: Reading) -> list[str]:
    """The sentences of other outlets a side's statement cites that give a value its own
    first sentence gives and none it gives otherwise (`merge._corroborate` and
    `disagree._joined` added them): those outlets are on its side ("24 crew" in
    Morgunblaðið and TASS against AFP's 23; "55 Megawatt ab Montag" beside Reuters' 55
    megawatts from Monday, reported on Thursday)."""
    given = reading.values[own[0]]
    return [
        e
        for e in stated.evidence
        if reading.source_of(e) != stated.source_id
        and given & reading.values[e]
        and differing(given, reading.values[e]) is None
    ]


def name_speakers(briefing: Briefing, reading: Reading) -> None:
    """Name the speaker a line outside the positions gives by a pronoun or title alone
    (`speakers.unnamed`), citing the sentences that name them: after the lead is chosen,
    which weighs where an item's own sentences stand, not those cited for a name."""
    for key in (*NEWS, "background"):
        for item in getattr(briefing, key):
            shown = [
                sid
                for origin in item.origin.values()
                if origin.startswith(("quote:", "original:"))
                for sid in origin.rsplit(":", 1)[1].split("+")
            ]
            found = unnamed(shown, reading) if item.actor is None else None
            if found is not None:
                item.actor = found[0]
                item.evidence += [e for e in found[1] if e not in item.evidence]


def assemble(
    reading: Reading,
    merged: list[Found],
    conflicts: list[Conflict],
    languages: list[str],
    dropped: list[dict[str, str]],
) -> Briefing:
    """Place each statement in its section; a disagreement keeps each side with its source,
    the side more outlets give first (hafnarverkfall led with dpa's "rund 10.000
    Hafenarbeiter" before Reuters' and RÚV's 12,000), a claim before its denial,
    and a statement citing only sentences a disagreement shows is not repeated in a
    section (nor the quoted original of a side), but for the denial a claim is set
    against (`disagree.contrary_claims`)."""
    briefing = Briefing(languages=list(languages), sources=reading.sources, dropped=dropped)
    for conflict in conflicts:
        sides = []
        for stated in (conflict.first, conflict.second):
            own = own_evidence(stated, reading)
            others = _same_side(stated, own, reading)
            # another outlet on its side quotes it in that outlet's language: RÚV's "…
            # verði 400.000 tonn" beside Reuters' "400,000 tonnes", not the English again
            text, origin, gloss = lines(
                stated.text, own + others, reading, languages, stated.verified
            )
            also = list(dict.fromkeys(reading.source_of(e) for e in others))
            sides.append(
                Side(
                    source=stated.source_id, also=also, text=text, origin=origin, gloss=gloss,
                    evidence=own + others,
                )
            )  # fmt: skip
        if not conflict.claim and len(sides[1].also) > len(sides[0].also):
            sides.reverse()  # the side more outlets give first: "Reuters, RÚV: 12,000"
        evidence = [e for side in sides for e in side.evidence]
        briefing.disagreements.append(Item(evidence=evidence, sides=sides))
    shown = [conflict.hidden() for conflict in conflicts]
    published = {
        e
        for item in merged
        if not any(set(item.evidence) <= c for c in shown)
        for e in item.evidence
    }
    sided = {e for item in briefing.disagreements for e in item.evidence}
    for item in merged:
        if any(set(item.evidence) <= cited for cited in shown):
            rest = _left_over(item, sided | published, reading)
            if rest is None:
                continue
            item = rest
        text, origin, gloss = lines(
            item.text, item.evidence, reading, languages, item.verified, item.written,
            item.continued, item.actor if item.section == "positions" else None,
        )  # fmt: skip
        getattr(briefing, item.section).append(
            Item(
                text=text,
                origin=origin,
                gloss=gloss,
                evidence=item.evidence,
                actor=item.actor,
                score=item.score,
                edits=item.edits,
            )
        )
    briefing.positions = _by_actor(briefing.positions)
    return briefing


def _by_actor(positions: list[Item]) -> list[Item]:
    """The positions with each actor's together, where that actor's first one stands: a
    reader takes one person's statements in one place (snjoflod's mayor said three things
    in three outlets, shown between others'), under one spelling of the name: the
    statements and the facts kept as their own sentences are labelled apart
    (`actors.one_label`), and hrafnaskard's minister was "Sigrun Hallgrimsdottir" in one,
    "Sigrún Hallgrímsdóttir" in the other."""
    spelt = spellings([item.actor for item in positions if item.actor])
    positions = [
        item.model_copy(update={"actor": spelt[item.actor]}) if item.actor else item
        for item in positions
    ]
    first: dict[str | None, int] = {}
    for n, item in enumerate(positions):
        first.setdefault(item.actor, n)
    return sorted(positions, key=lambda item: first[item.actor])
