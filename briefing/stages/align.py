"""Which sentences of two different sources report the same thing, by code.

Two sentences are linked when each is the other's most similar sentence in the other
source (embeddings of their English glosses, or of what they quote: `Reading.match`) and
the similarity clears a threshold measured on the eval cases (`benchmarks/bench_align.py`).
A link whose two sentences carry numbers or dates of the same kind that differ is where
the sources disagree.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from briefing.lang import lexicon
from briefing.lang.content import content_lemmas
from briefing.lang.embed import cosine, default_embedder, remembered_vectors
from briefing.lang.fold import fold
from briefing.lang.icelandic import lemmas, names_match
from briefing.lang.lexicon import no_fact
from briefing.lang.names import names_in, place_named, same_person
from briefing.lang.values import Value, counted, is_year, located, within
from briefing.stages.reading import Reading

SAME = 0.86  # links for merging evidence: precision first
NEAR = 0.80  # links for disagreements: they must differ on a value, which adds evidence


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    score: float
    values: tuple[Value, Value] | None = None  # what the two give apart (`read_apart`)

    def other(self, sentence_id: str) -> str:
        return self.b if sentence_id == self.a else self.a


def links(reading: Reading, threshold: float = SAME, counts: bool = False) -> list[Link]:
    """Mutual best matches between the sentences of every pair of sources, each pair's
    scores one matrix (`Reading.matches`). `counts`, for disagreements: two sentences
    worded apart still link where they count one thing differently (`_counted_apart`)."""
    found: list[Link] = []
    by_source = _with_facts(reading)
    told = Told(reading)
    for first, second in itertools.combinations(by_source, 2):
        left, right = by_source[first], by_source[second]
        if not left or not right:
            continue
        scores = reading.matches(left, right) + _anchored(reading, left, right)
        best_left, best_right = scores.argmax(axis=0), scores.argmax(axis=1)
        for i, j in enumerate(best_right):
            if best_left[j] == i and scores[i, j] >= threshold:
                i, j = _said_next(
                    reading, (left, right), scores, (best_right, best_left), (i, int(j)), threshold
                )
                a, b = left[i], right[j]
                apart = worded_apart(reading, told, a, b)
                if apart and counts and _counted_apart(reading, a, b):
                    apart = False
                if apart or _others_told(reading, a, b) or framed_apart(reading, a, b):
                    continue
                found.append(Link(a, b, round(float(scores[i, j]), 4)))
    return _by_third(reading, found, threshold, told)


def _with_facts(reading: Reading) -> dict[str, list[str]]:
    """Each source's sentences that tell a fact: not one that only says who reported the
    one before ("Об этом в пятницу сообщил … Михаил Дорохов"), whose name alone drew it
    to RÚV's „Míkhaíl Dorokhov … tók í fyrsta sinn þátt í viðræðum“ (`no_fact`)."""
    return {
        s.id: [x.id for x in s.sentences if not no_fact(x.text, s.language)]
        for s in reading.sources
    }


THIRD_MARGIN = 0.01  # how much lower a match a third outlet's links may choose over e5's


def _by_third(reading: Reading, found: list[Link], threshold: float, told: Told) -> list[Link]:
    """Each link re-pointed where a third outlet's links disagree with it and e5 hardly
    chose: dpa's lead (the court's order) is 0.870 to mbl.is's animal welfare group and
    0.864 to mbl.is's lead; Reuters' lead is linked to both leads, so dpa's goes to
    mbl.is's. Only to a sentence with no link to the first one's source yet, within
    `THIRD_MARGIN`, sharing no content word with the one it leaves (Vísir's "…náðu
    samningum…" and "Skrifað var undir nýjan kjarasamning…" both tell the signing), and
    where the link stands only by e5 (no third outlet links both)."""
    partner: dict[str, dict[str, str]] = {}
    for link in (x for x in found if x.score >= SAME):
        partner.setdefault(link.a, {})[reading.source_of(link.b)] = link.b
        partner.setdefault(link.b, {})[reading.source_of(link.a)] = link.a
    out: list[Link] = []
    for link in found:
        moved = _repointed(reading, link, partner, threshold, told)
        if moved is not None:  # the sentence it now links has this partner only
            for x, y in ((moved.a, moved.b), (moved.b, moved.a)):
                partner.setdefault(x, {})[reading.source_of(y)] = y
        out.append(moved or link)
    return out


def _repointed(
    reading: Reading,
    link: Link,
    partner: dict[str, dict[str, str]],
    threshold: float,
    told: Told,
) -> Link | None:
    """`link` with one end moved where `_by_third` says, else None."""
    for x, y in ((link.a, link.b), (link.b, link.a)):
        home, there = reading.source_of(x), reading.source_of(y)
        thirds = [c for src, c in partner.get(x, {}).items() if src != there]
        if any(partner.get(c, {}).get(there) == y for c in thirds):
            return None  # a third outlet links both ends: the link stands
        for c in thirds:
            other = partner.get(c, {}).get(there)
            if other is None or other == y or home in partner.get(other, {}):
                continue
            if told.alike(y, other) > 0:
                continue  # the two tell one thing: "…náðu samningum…", "Skrifað var undir…"
            score = float((reading.matches([x], [other]) + _anchored(reading, [x], [other]))[0, 0])
            if score >= max(threshold, link.score - THIRD_MARGIN) and not (
                worded_apart(reading, told, x, other) or _others_told(reading, x, other)
            ):
                return (
                    Link(x, other, round(score, 4))
                    if x == link.a
                    else Link(other, x, round(score, 4))
                )
    return None


NEXT_SAID = 2  # how far on the one speaker's next sentence may be ("X segir…", „…,“ segir
# hún., "Hún segir að…")
MORE_TOLD = 2  # how many more of what a sentence tells that next one must share with it


def _said_next(
    reading: Reading,
    sides: tuple[list[str], list[str]],
    scores: np.ndarray,
    best: tuple[np.ndarray, np.ndarray],
    pair: tuple[int, int],
    threshold: float,
) -> tuple[int, int]:
    """A link to the sentence naming a speaker, re-pointed to that speaker's next sentence
    opening on a pronoun where that one tells more of what the other side says: e5 is
    drawn to the name on both sides ("Iceland's energy minister, Elin Bjork Hauksdottir,
    said no new power plants would be built…" is 0.95 to RÚV's "Elín Björk Hauksdóttir
    … segir að samkomulagið sé stórt skref", 0.89 to "Hún segir að engar nýjar virkjanir
    verði reistar…" two sentences on). What is told is compared in English (`_unsaid`
    over the text or its gloss), so a language with no gloss is left as linked; a next
    sentence that is another's best match in turn is that one's. `best`: each left row's
    best column, each right column's best row."""
    i, j = pair
    left, right = sides
    for side, ids, at, other in ((1, right, j, left[i]), (0, left, i, right[j])):
        told = _unsaid(reading.english(other), "en")
        here = len(told & _unsaid(reading.english(ids[at]), "en"))
        for n in range(at + 1, min(at + 1 + NEXT_SAID, len(ids))):
            sid = ids[n]
            text = reading.sentences[sid].text
            if _opening_name(text):
                break  # another may speak from here on
            at_n = (i, n) if side else (n, j)
            its_best = best[side][n]  # the best match of n on the other side
            if (
                lexicon.opens_on_pronoun(text, reading.language[sid])
                and best[1 - side][its_best] != n  # no mutual best of another sentence
                and scores[at_n] >= threshold
                and len(told & _unsaid(reading.english(sid), "en")) >= here + MORE_TOLD
            ):
                return at_n
    return pair


ANCHOR = 0.02  # per word or value two sentences of two languages share, at most two:
# +2 right links on the eval cases, none wrong (`benchmarks/bench_align.py`, cruise-grounding's
# "cause" of "n'ont pas encore déterminé la cause" and "The cause ... is not yet known")
ANCHOR_LETTERS = 5


def _anchored(reading: Reading, left: list[str], right: list[str]) -> np.ndarray:
    """What sentences of two languages share as written (a name, an Icelandic one by its
    lemma, `_written_forms`; a cognate, a number) says more than e5-small's cross-language
    score can: a small bonus on it (+1 right link on the eval cases for the lemma, none
    wrong, `benchmarks/bench_align.py`). Not the name
    of a country or region the text layer's `exonyms` know: a story's sentences share it
    (dpa's "Islands Oberstes Gericht…" and RÚV's "Dýraverndarsamband Íslands segir…")."""
    langs = sorted({reading.language[i] for i in (*left, *right)})
    words = {
        i: {
            folded
            for w in re.findall(rf"[^\W\d_]{{{ANCHOR_LETTERS},}}", reading.sentences[i].text)
            for folded in _written_forms(w, reading.language[i])
            if not place_named(folded, *langs)
        }
        for i in (*left, *right)
    }
    bonus = np.zeros((len(left), len(right)))
    for n, a in enumerate(left):
        for m, b in enumerate(right):
            if reading.language[a] != reading.language[b]:
                shared = len(words[a] & words[b]) + len(reading.values[a] & reading.values[b])
                bonus[n, m] = ANCHOR * min(2, shared)
    return bonus


def _written_forms(word: str, lang: str) -> set[str]:
    """A word as an anchor: folded, and an Icelandic name also as its BÍN lemma, the form
    another language writes ("Reyðarfirði" is Reuters' "Reydarfjordur")."""
    forms = {fold(word)}
    if lang == "is" and word[:1].isupper():
        forms |= {fold(lemma) for lemma in lemmas(word) if lemma[:1].isupper()}
    return forms


MIN_SHARED = 0.08  # what two sentences of one language must tell alike: the weight of the
# words they share over the weight of the words either has (`_told_alike`). On the eval
# cases' same-language links it keeps 19 of 22 right ones and leaves 5 of 13 wrong ones
# (`benchmarks/bench_align.py`); plain word counts, the frame of attribution kept, left 11.


class Told:
    """What each sentence tells (`content_lemmas`), each word weighed by how few of the
    story's sentences use it: the story's own subject ("lækna" in a story about doctors)
    says little. `unframed`: without the name a sentence opens with and the title set off
    after it (`_unframed`), where what one person said is weighed, not who said it;
    `unsaid`: without any name, title or verb of saying (`_unsaid`)."""

    def __init__(self, reading: Reading, unframed: bool = False, unsaid: bool = False) -> None:
        told = _unframed if unframed else str
        self.words = {
            i: _unsaid(s.text, reading.language[i])
            if unsaid
            else content_lemmas(told(s.text), reading.language[i])
            for i, s in reading.sentences.items()
        }
        self.counts = Counter(w for words in self.words.values() for w in words)

    def alike(self, a: str, b: str) -> float:
        def weight(words: frozenset[str]) -> float:
            return sum(math.log((len(self.words) + 1) / self.counts[w]) for w in words)

        either = weight(self.words[a] | self.words[b])
        return weight(self.words[a] & self.words[b]) / either if either else 0.0


def _unsaid(text: str, lang: str) -> frozenset[str]:
    """What a sentence tells without who says it: its content lemmas less the names in it
    and the language's titles and verbs of saying (all of them, where that leaves none).
    One person's two statements share the name, the title and "segir" ("Kristján Ari
    Gunnarsson, framkvæmdastjóri Hreinsunar, segir samkomulagið tryggja…" and "…biðst
    afsökunar…", 0.90 by e5), not a fact."""
    words = content_lemmas(text, lang)
    said = _frame_words(lang).union(*(content_lemmas(n, lang) for n in names_in([text])))
    return words - said or words


@functools.cache
def _frame_words(lang: str) -> frozenset[str]:
    """The content lemmas of the language's titles and verbs of saying."""
    keys = ("words.titles", "acts.say", "speech.holder", "speech.attribute")
    return frozenset().union(
        *(content_lemmas(w, lang) for key in keys for w in lexicon.words(key, lang))
    )


FRAME_WORDS = 10  # the most words of a title set off by commas after the opening name


def _unframed(text: str) -> str:
    """The sentence without the name it opens with and the title set off after it
    ("Þórdís Lind Arnardóttir, forstjóri Heilsugæslu höfuðborgarsvæðisins, fagnar…"):
    two things one person said share that frame, not a fact."""
    name = _opening_name(text)
    if name is None:
        return text
    rest = text[text.index(name) + len(name) :]
    framed = re.match(r"\s*,([^,]+),\s", rest)
    if framed is None or len(framed.group(1).split()) > FRAME_WORDS:
        return text
    return rest[framed.end() :]


UNFRAMED = 0.82  # how alike two sentences opening on one person's name and title must be
# without them (e5 of their English): of the 30 stories' and 15 eval cases' links so
# framed, the 5 under it tell two things (the eval cases' one judged wrong is 0.842)


def framed_apart(reading: Reading, a: str, b: str) -> bool:
    """Two sentences, in any languages, opening on one person's name and the title set
    off after it (`_unframed`), whose English without that frame tells two things: e5
    finds the frame alike ("Mikhail Dorokhov, deputy head of Russia's Federal Agency for
    Fishery, said Moscow was ready to share its data…" and RÚV's "Míkhaíl Dorokhov,
    aðstoðarforstjóri Fiskveiðistofnunar Rússlands, tók í fyrsta sinn þátt…", 0.94;
    Næring's chief's "…hafi tapað á hverri máltíð…" and "…hafi ekki átt annarra kosta
    völ…", 0.92), not what they tell (0.81)."""
    english = [reading.english(x) for x in (a, b)]
    named = [_opening_name(e) for e in english]
    if not (named[0] and named[1] and same_person(named[0], named[1])):
        return False
    told = [_unframed(e) for e in english]
    if told == english:
        return False
    first, second = remembered_vectors(told, default_embedder())
    return cosine(first, second) < UNFRAMED


def worded_apart(reading: Reading, told: Told, a: str, b: str) -> bool:
    """Two sentences of one language that share almost no content word but the story's
    own: the embedding finds sentences about one people and place alike ("Icelandair og
    Play hafa bæði sagt…" and "Flestar þeirra voru morgunferðir til Evrópu…", 0.87; "Að
    hans sögn vantar enn um 60 lækna…" and "Hún sagði þó að vinnutími lækna…", 0.87), not
    one fact."""
    if reading.language[a] != reading.language[b]:
        return False  # across languages the words differ by nature
    return told.alike(a, b) < MIN_SHARED


def read_apart(reading: Reading, linked: list[Link], ids: list[str]) -> list[Link]:
    """The links of `linked` and `counted_links` touching a sentence of `ids` (read through
    the model's English of it, `reading.read_through`), each with the values its two
    sentences give apart (`Link.values`), where those say what they are of: what the two
    English count alike ("42 flights", "40 flights"), dates and years (Interfax's "в 2030
    году" against 2029), amounts in one currency (14 million euros against 12). Not bare
    counts or percentages: "a list of 300 people" against "the bodies of 500 fallen
    soldiers" (0.86 in English), a share price up 3.4 percent against an option on 60."""
    found: dict[frozenset[str], Link] = {}
    for link in linked:
        pair = differing(reading.values[link.a], reading.values[link.b])
        if {link.a, link.b} & set(ids) and pair and _dated(pair):
            found[frozenset((link.a, link.b))] = replace(link, values=pair)
    for link in counted_links(reading, ids):
        found.setdefault(frozenset((link.a, link.b)), link)
    return list(found.values())


def _dated(pair: tuple[Value, Value]) -> bool:
    """Two dates, years or amounts in one currency: values that say what they are of."""
    return {value.kind for value in pair} <= {"date", "amount"} or all(map(is_year, pair))


def counted_links(reading: Reading, ids: list[str], threshold: float = NEAR) -> list[Link]:
    """Each sentence of `ids` with its best match in every other source, where that clears
    `threshold` and the two count one thing differently in English (`counted`): one-sided,
    since the other's sentence may tell two facts ("An eruption … forced the cancellation
    of 40 flights") and be the best match of the one telling the first ("Ein
    Vulkanausbruch …"), not of the one giving the count ("… wurden 42 Flüge gestrichen",
    read through its English). For disagreements only."""
    found: list[Link] = []
    by_source = _with_facts(reading)
    for sid in ids:
        for source, others in by_source.items():
            if source == reading.source_of(sid) or not others:
                continue
            scores = (reading.matches([sid], others) + _anchored(reading, [sid], others))[0]
            best = int(scores.argmax())
            pair = _counted_pair(reading, sid, others[best])
            if scores[best] >= threshold and pair:
                found.append(Link(sid, others[best], round(float(scores[best]), 4), pair))
    return found


def _counted_pair(reading: Reading, a: str, b: str) -> tuple[Value, Value] | None:
    """The one pair of counts of like size (`LIKE_SIZE`) that the two sentences' English
    gives the same word, where they give no count of it alike: "42 flights were
    canceled, including six flights to Frankfurt" against "the cancellation of 40
    flights" is 42 against 40; a word in either number ("120 thousand tonne", "100,000
    tonnes": `content_lemmas`)."""
    what = [counted(reading.english(x), "en") for x in (a, b)]
    counts = [
        {
            v: content_lemmas(" ".join(what[n].get(v.number, ())), "en")
            for v in reading.values[x]
            if v.kind == "number"
        }
        for n, x in enumerate((a, b))
    ]
    pairs = [
        (x, y)
        for x, noun in counts[0].items()
        for y, other in counts[1].items()
        if noun and noun == other and _like_size(x, y)
    ]
    if len(pairs) != 1 or pairs[0][0].number == pairs[0][1].number:
        return None
    return pairs[0]


def _counted_apart(reading: Reading, a: str, b: str) -> bool:
    """Two sentences of one language whose one differing number (`differing`) counts the
    same thing: "Á Ísafirði og í Hnífsdal hafa 42 hús verið rýmd…" and "Skömmu síðar voru
    íbúar 45 húsa … vaktir" share little but the story's own words, yet give one count
    two ways."""
    pair = differing(reading.values[a], reading.values[b])
    if pair is None or pair[0].number is None or pair[1].number is None:
        return False
    what = [
        counted(reading.sentences[x].text, reading.language[x]).get(v.number, frozenset())
        for x, v in zip((a, b), pair, strict=True)
    ]
    return bool(what[0] & what[1])


def _others_told(reading: Reading, a: str, b: str) -> bool:
    """Two sentences of one language that open on two different named subjects: what one
    body did is not what another did ("Dýraverndarsamband Íslands hyggst kæra…" and
    "Náttúruverndarsamtök Íslands gagnrýndu…", 0.88). A shorter name of the same one
    ("Trump", "Donald Trump"), in any case ("Flugvirkjafélag Íslands" in "Samninganefndir
    Flugvirkjafélags Íslands", its negotiators), is no other."""
    if reading.language[a] != reading.language[b]:
        return False
    first = [_opening_name(reading.sentences[x].text) for x in (a, b)]
    if not all(first):
        return False
    shorter, longer = sorted((name.split() for name in first if name), key=len)
    if _one_owner(shorter, longer, reading.language[a]):
        return False
    return not all(any(names_match(p, q) for q in longer) for p in shorter)


def _one_owner(first: list[str], second: list[str], lang: str) -> bool:
    """Two subjects of one named owner, each a word and the owner's name after it: one
    body's news, not two bodies' ("Skrúfa Herjólfs skemmdist…" and "Siglingar Herjólfs
    liggja niðri…", 0.97; "Stjórn Strætó samþykkti…" and "Innanbæjarleiðum Strætó…
    fækkar"). A place owns no one body: "Dýraverndarsamband Íslands" and
    "Náttúruverndarsamtök Íslands" are two."""
    return (
        len(first) == len(second) == 2
        and first[1] == second[1]
        and first[0] != second[0]
        and place_named(fold(first[1]), lang) is None
    )


def _opening_name(text: str) -> str | None:
    """The name a sentence opens with, if it opens with one."""
    names = names_in([text])
    return next((n for n in names if text.lstrip(" \"'“„‘«([").startswith(n)), None)


def differing(first: frozenset[Value], second: frozenset[Value]) -> tuple[Value, Value] | None:
    """A value of one kind (and unit) that the two sentences give differently, if any:
    each gives one of that kind and they differ; or, beside values both give ("420
    metres"), each gives one more of that kind, of like size (12 against 14 billion); or
    one gives one amount or count and the other several, one of them alone of like size
    (`_one_like`)."""
    for kind in ("percent", "amount", "date", "number"):
        a = {v for v in first if v.kind == kind}
        b = {v for v in second if v.kind == kind}
        if len(a) == 1 and len(b) == 1 and a != b:
            (va,), (vb,) = a, b
            if (
                va.unit == vb.unit
                and not (within(va, vb) or within(vb, va))
                and (kind in ("date", "percent") or _like_size(va, vb, FAR_SIZE))
            ):
                return va, vb  # "in March" and "3 March" agree; "in March" and "April" not
        elif a & b and len(a - b) == 1 and len(b - a) == 1:
            (va,), (vb,) = a - b, b - a
            if va.unit == vb.unit and _like_size(va, vb):
                return va, vb
        elif kind in ("amount", "number") and min(len(a), len(b)) == 1 < max(len(a), len(b)):
            pair = _one_like(a, b) if len(a) == 1 else _one_like(b, a)
            if pair is not None:
                return pair if len(a) == 1 else (pair[1], pair[0])
    years = [{v for v in side if is_year(v)} for side in (first, second)]
    if all(len(y) == 1 for y in years) and years[0] != years[1]:
        (va,), (vb,) = years
        return va, vb  # "open in Bodø in 2028 and cost 40 million" against "2029 in Bodø"
    return None


AFTER_WORDS = 5  # the words after a value that say which of several it is


def differing_by_words(reading: Reading, a: str, b: str) -> tuple[Value, Value] | None:
    """Where one sentence gives one value of a kind and the other several of like size
    (`differing` leaves that undecided), the one of those whose next words in English
    share more with the single one's next words, and one word the others' do not: RÚV's
    "4,5 prósenta launahækkun á fyrsta ári" against mbl.is's "4,2 prósent á fyrsta ári og
    um 3,5 prósent á ári eftir það" is 4.5 against 4.2 (both through the gloss)."""
    after = [_after_values(reading.english(x)) for x in (a, b)]
    for n in (0, 1):
        single, several = after[n], after[1 - n]
        for kind in ("percent", "amount", "number"):
            mine = [v for v in single if v.kind == kind]
            theirs = [v for v in several if v.kind == kind]
            if len(mine) != 1 or len(theirs) < 2 or mine[0] in theirs:
                continue
            value = mine[0]
            like = [v for v in theirs if v.unit == value.unit and _like_size(value, v)]
            if len(like) < 2:
                continue  # one of its size: `differing` decides
            shared = {v: single[value] & several[v] for v in like}
            best = max(like, key=lambda v: len(shared[v]))
            rest = set().union(*(shared[v] for v in like if v != best))
            if all(len(shared[best]) > len(shared[v]) for v in like if v != best) and (
                shared[best] - rest
            ):
                pair = (value, best) if n == 0 else (best, value)
                if pair[0] in reading.values[a] and pair[1] in reading.values[b]:
                    return pair
    return None


def _after_values(english: str) -> dict[Value, frozenset[str]]:
    """Each value an English text states with the content stems of the words after it."""
    return {
        value: content_lemmas(" ".join(english[end:].split()[:AFTER_WORDS]), "en")
        for value, _, end in located(english)
    }


def _one_like(single: set[Value], several: set[Value]) -> tuple[Value, Value] | None:
    """The one value of `several` like `single`'s in size (and unit), where every other
    is far from it: "6 млрд кубометров" against "6.5 billion cubic metres … ten-year";
    none where two are alike ("4,5 prósenta" against 4,2 and 3,5 prósent)."""
    (value,) = single
    if value in several:
        return None
    like = [v for v in several if v.unit == value.unit and _like_size(value, v)]
    far = all(v in like or not _like_size(value, v, FAR_SIZE) for v in several)
    return (value, like[0]) if len(like) == 1 and far else None


LIKE_SIZE = 2.0  # the most one of two extra values may be the other's multiple
FAR_SIZE = 10.0  # the most one count may be the other's multiple: police and organisers may
# count a crowd fivefold apart, but "more than 8,000 in captivity" and "a list of 300 more"
# are two counts of two things


def _like_size(a: Value, b: Value, factor: float = LIKE_SIZE) -> bool:
    if a.number is None or b.number is None:
        return a.date is not None and b.date is not None
    low, high = sorted((abs(a.number), abs(b.number)))
    return low > 0 and high / low <= factor
