"""What kind of news each sentence is, by code: a development, an agreement, an open
issue, a position or background.

The embedded model reads Icelandic badly and labels a rough gloss; this reads every
language the same way and costs no model call. One-against-the-rest logistic
regressions over the sentence's multilingual embedding (e5, one space for every
language), counts of the text layer's cue words (`kinds.*` in `lang/lexicon`) and the
sentence's place in its article (`place_features`: a lead tells the news, an article
ends on background), fitted on the labelled articles in `evals/sections` by
`evals/sections/fit.py`; the weights and
how they were measured ship in `kinds.json`. Each kind's probability is its regression's
score over the sum of the five, so a caller knows how sure the label is: below the
fitted `sure` threshold a served model's label decides (`stages.extract`; the
embedded model labels worse than this where it is unsure, so there code decides all).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.check.calibration import Calibration
from briefing.core.models import Sentence, Source
from briefing.lang import lexicon
from briefing.lang.embed import Embedder, default_embedder, remembered_vectors
from briefing.lang.quotation import MARKS, unquoted

__all__ = [
    "KINDS",
    "UNHELD",
    "Kind",
    "Kinds",
    "agreed_with",
    "calls_for",
    "court_ruled",
    "cue_features",
    "deal_reached",
    "deal_terms",
    "features",
    "jointly_agreed",
    "kinds_of",
    "left_open",
    "load",
    "no_deal",
    "opposed_demands",
    "place_features",
    "protest_held",
    "settled",
]

KINDS = ("development", "agreement", "open_issue", "position", "background")
UNHELD = ("development", "agreement", "open_issue")  # where a position no one holds goes
WEIGHTS_FILE = Path(__file__).with_name("kinds.json")
CUES = ("agreement", "open", "saying", "background", "earlier", "today", "terms")
EMBEDDED_CHARS = 240
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_NUMBER = re.compile(r"\d")
_EMBEDDING = threading.Lock()  # chunks extracted in parallel share one embedder


@dataclass(frozen=True)
class Kind:
    """A sentence's likeliest kind, how sure the classifier is, and every kind's share."""

    kind: str
    probability: float
    sure: bool
    shares: dict[str, float]

    def ranked(self) -> list[str]:
        return sorted(self.shares, key=lambda k: -self.shares[k])


@functools.cache
def _cue(group: str, lang: str) -> re.Pattern[str] | None:
    listed = lexicon.alternation(f"kinds.{group}", lang)
    return re.compile(rf"(?<!\w)(?:{listed})(?!\w)", re.IGNORECASE) if listed else None


@functools.cache
def _negation(lang: str) -> re.Pattern[str] | None:
    listed = lexicon.alternation("negations.words", lang)
    return re.compile(rf"(?<!\w)(?:{listed})(?!\w)", re.IGNORECASE) if listed else None


def cues_sha256() -> str:
    """A hash of the cue words of every language: weights fitted on other cues are stale
    (`tests/test_stages_kinds.py` holds the shipped weights to the lexicon's words)."""
    listed = [
        f"{lang}:{group}:{lexicon.alternation(key, lang)}"
        for lang in lexicon.LANGUAGES
        for group, key in (*((g, f"kinds.{g}") for g in CUES), ("negation", "negations.words"))
    ]
    return hashlib.sha256("\n".join(listed).encode()).hexdigest()[:16]


def no_deal(text: str, lang: str) -> bool:
    """The sentence says no deal was reached ("ended with no agreement", "ekkert
    samkomulag náðist"): news of what is still open, however else it reads."""
    pattern = _cue("no_deal", lang)
    return bool(pattern and pattern.search(text))


def deal_reached(text: str, lang: str) -> bool:
    """The sentence says a deal or an understanding was reached ("Putin claimed they had
    „náð samkomulagi“"), with no negation anywhere in it ("had not reached an
    agreement" says the opposite)."""
    pattern, negation = _cue("reached", lang), _negation(lang)
    return bool(pattern and pattern.search(text)) and not (negation and negation.search(text))


def agreed_with(text: str, lang: str) -> bool:
    """The sentence says, in its own voice and not negated, that one party agreed with
    another ("Putin agreed with Trump that..."): an agreement, not one side's position."""
    own = unquoted(text)
    pattern, negation = _cue("agreed_with", lang), _negation(lang)
    return bool(pattern and pattern.search(own)) and not (negation and negation.search(own))


def opposed_demands(text: str, lang: str) -> bool:
    """Two parties each want something else, joined by a contrast ("Norway wants
    12 percent, while Iceland insists on at least 16", "Профсоюз требует ..., а руководство
    готово ..."): what is still open between them, no one side's position."""
    contrast, demand = _cue("opposed", lang), _cue("demands", lang)
    if contrast is None or demand is None:
        return False
    for cut in contrast.finditer(text):
        left, right = text[: cut.start()], text[cut.end() :]
        if all(_demand_with_subject(side, demand) for side in (left, right)):
            return True
    return False


def _demand_with_subject(side: str, demand: re.Pattern[str]) -> bool:
    """A demand word with words before it in this side of the contrast: a party asks (the
    subject, named or not: "le ministère propose", "ríkið býður"), not a bare verb."""
    return any(re.search(r"\w", side[: m.start()]) for m in demand.finditer(side))


def calls_for(text: str, lang: str) -> bool:
    """The sentence, in its own voice, has someone want or call for something ("Так
    называемые экологи призывают полностью запретить промысел", "Environmental groups
    called for a ban"), and no two parties agreeing: a demand, never an agreement."""
    own = unquoted(text)
    pattern = _cue("demands", lang)
    return bool(pattern and pattern.search(own)) and not jointly_agreed(text, lang)


def jointly_agreed(text: str, lang: str) -> bool:
    """The sentence says in its own voice, not negated, that two or more parties agreed
    ("einigten sich", "komu sér saman um", "договорились"): an agreement where the
    classifier read a development or an open issue (`evals/sections` guideline 5)."""
    own = unquoted(text)
    pattern, negation = _cue("joint", lang), _negation(lang)
    return bool(pattern and pattern.search(own)) and not (negation and negation.search(own))


def deal_terms(text: str, lang: str) -> bool:
    """The sentence opens on the terms of a deal ("Under the deal, ...", "Samkvæmt
    samningnum ...", "Aux termes de l'accord, ..."): an agreement, whatever its verb tells
    (`evals/sections` guideline 5)."""
    pattern = _cue("deal_terms", lang)
    return bool(pattern and pattern.match(text.lstrip(" \"'„“«»([")))


RULING_WORDS = 12  # the most words before a court's verb of ruling: its subject and a date


def court_ruled(text: str, lang: str) -> bool:
    """A court rules in the sentence's own voice ("The court ruled that…", "Hæstiréttur
    dæmdi í dag…", "Le tribunal a condamné…", "The ruling overturns…"): the court, or its
    ruling, before a verb of ruling, with no negation and nothing told as before it
    ("Héraðsdómur hafði áður staðfest" is background). A development, even where the
    sentence reads as background or a position (`evals/sections` guideline 10: the
    ruling is news, the judge's assessment in words of saying a position)."""
    court, rules = _cue("court", lang), _cue("rulings", lang)
    if court is None or rules is None:
        return False
    own = unquoted(text)
    verb = rules.search(own)
    if verb is None:
        return False
    before = own[: verb.start()]
    negation, earlier = _negation(lang), _cue("earlier", lang)
    return (
        len(before.split()) <= RULING_WORDS
        and bool(court.search(before))
        and not (negation and negation.search(own))
        and not (earlier and earlier.search(before))
    )


def protest_held(text: str, lang: str) -> bool:
    """The sentence says in its own words that people protested ("Environmental groups
    protested outside the government building", „Um hundrað manns mótmæltu samningnum
    fyrir utan Hörpu“): the day's news, where the classifier reads an article's closing
    sentence as background; all six labelled sentences it finds are developments ("Vor
    dem Rathaus demonstrierten…", "…se sont rassemblés devant…", `evals/sections`)."""
    pattern = _cue("protests", lang)
    return bool(pattern and pattern.search(unquoted(text)))


def left_open(text: str, lang: str) -> bool:
    """The sentence says a point is still open ("too early to say whether", "did not say
    whether", "n'était pas tranchée"): an open issue even where someone says it
    (`evals/sections` guidelines 1 and 8)."""
    pattern = _cue("unsettled", lang)
    return bool(pattern and pattern.search(text))


def settled(kind: str, text: str, lang: str, said: str | None) -> str:
    """What code reads better than a label: an outlet's note on its article is background
    (`lexicon.outlet_note`); a position saying in its own voice that one
    side agreed with the other is an agreement (`agreed_with`); a development saying no
    deal was reached is an open issue (`no_deal`); a development or background whose own
    verb of saying has a subject code names (`said`: "Trump noted that...", "Putin again
    repeated...", "The union is asking...", `stages.holders.saying_in`) is that holder's
    position: of the labelled sentences with such a verb none is background
    (`evals/sections`); two parties' opposing demands are an open issue
    (`opposed_demands`), and so is any but an agreement saying a point is still open
    (`left_open`: of the 35 labelled fit sentences with such words, all are open issues);
    a sentence opening on a deal's terms is an agreement (`deal_terms`), and so is a
    development or open issue saying two parties agreed (`jointly_agreed`; background
    keeps an agreement of before the news day); a court's ruling read as background, a
    position or an agreement (one court orders, no two parties agree) is a development
    (`court_ruled`), and so is background no one is found saying that tells of a protest
    held (`protest_held`)."""
    if lexicon.outlet_note(text, lang):
        return "background"
    if kind == "position" and agreed_with(text, lang):
        return "agreement"
    if kind != "agreement" and left_open(text, lang):
        return "open_issue"
    if deal_terms(text, lang) or (
        kind in ("development", "open_issue") and jointly_agreed(text, lang)
    ):
        return "agreement"
    if kind != "agreement" and opposed_demands(text, lang):
        return "open_issue"
    if kind in ("background", "position", "agreement") and court_ruled(text, lang):
        return "development"
    if kind == "background":
        return "position" if said else "development" if protest_held(text, lang) else kind
    if kind != "development":
        return kind
    if no_deal(text, lang):
        return "open_issue"
    return "position" if said else kind


def cue_features(text: str, lang: str) -> dict[str, float]:
    """The text layer's signals of a sentence's kind, in its own language."""
    out: dict[str, float] = {}
    for group in CUES:
        pattern = _cue(group, lang)
        out[f"cue_{group}"] = float(len(pattern.findall(text))) if pattern else 0.0
    negation = _negation(lang)
    out["negation"] = float(bool(negation and negation.search(text)))
    out["quote"] = float(bool(MARKS.search(text)))
    out["year"] = float(bool(_YEAR.search(text)))
    out["number"] = float(bool(_NUMBER.search(text)))
    return out


SHORTEST = 11  # sentences of the shortest labelled article (`evals/sections`)


def place_features(at: int, count: int) -> dict[str, float]:
    """Where sentence `at` (0-based) of an article of `count` sentences stands. Of the 48
    labelled fit articles every lead is a development or an agreement, and 35 end on
    background (a standing fact, a byline); the place moved the left-out accuracy on the
    fit articles from 83 % to 85 % (`evals/sections/README.md`). An article shorter than
    any labelled one (`SHORTEST`) is read as the opening of one that long, not as a whole
    one squeezed: no labelled article tells what a six-sentence report ends on, and
    library-closure's "Á meðan verður bókabíll á ferðinni…" (a book bus meanwhile) and
    "Viðgerðirnar kosta 250 milljónir króna." were background as the last of six."""
    return {
        "place": at / max(1, max(count, SHORTEST) - 1),
        "place_first": float(at == 0),
        "place_second": float(at == 1),
        "place_last": float(at == count - 1 and count >= SHORTEST),
    }


def features(
    texts: Sequence[tuple[str, str]],
    embedder: Embedder,
    places: Sequence[tuple[int, int]],
    glosses: Sequence[str | None] | None = None,
) -> list[dict[str, float]]:
    """Each (text, language)'s cue counts, place (`places`: its 0-based index in its
    article and the article's sentence count) and embedding dimensions (`e0`, `e1`, ...);
    a text is embedded by its first `EMBEDDED_CHARS` characters (what kind of news a
    sentence is shows early, and a 100 KB "sentence" would take minutes), with its English
    gloss where `glosses` gives one (`_vectors`)."""
    vectors = _vectors([t for t, _ in texts], glosses, embedder)
    return [
        {
            **cue_features(text, lang),
            **place_features(*place),
            **{f"e{n}": v for n, v in enumerate(vector)},
        }
        for (text, lang), place, vector in zip(texts, places, vectors, strict=True)
    ]


def _vectors(
    texts: Sequence[str], glosses: Sequence[str | None] | None, embedder: Embedder
) -> list[list[float]]:
    """Each text's embedding, or, where it has an English gloss, the mean direction of
    the two: e5 reads English better than Icelandic, and the gloss's own errors average
    out against the original (left one fit article out, after settling: 89.5 % to 90.3 %,
    Icelandic 88.4 % to 90.2 %; the gloss alone, 88.9 %)."""
    own = remembered_vectors([t[:EMBEDDED_CHARS] for t in texts], embedder, "kinds")
    glossed = [
        (n, g[:EMBEDDED_CHARS])
        for n, (t, g) in enumerate(zip(texts, glosses or [None] * len(texts), strict=True))
        if g and g != t
    ]
    if not glossed:
        return own
    # under the reading stage's own kind: a gloss it embedded to link is not embedded again
    found = remembered_vectors([g for _, g in glossed], embedder)
    for (n, _), vector in zip(glossed, found, strict=True):
        mean = [a + b for a, b in zip(own[n], vector, strict=True)]
        norm = sum(x * x for x in mean) ** 0.5 or 1.0
        own[n] = [x / norm for x in mean]
    return own


class Kinds:
    """The fitted classifier: one regression per kind and the `sure` threshold."""

    def __init__(self, per_kind: dict[str, Calibration], sure: float, meta: dict[str, Any]):
        self.per_kind, self.sure, self.meta = per_kind, sure, meta

    def classify(self, row: dict[str, float]) -> Kind:
        scores = {k: self.per_kind[k].score(row) for k in KINDS}
        total = sum(scores.values()) or 1.0
        shares = {k: s / total for k, s in scores.items()}
        best = max(KINDS, key=lambda k: shares[k])
        return Kind(best, shares[best], shares[best] >= self.sure, shares)

    def to_json(self) -> dict[str, Any]:
        return {
            "sure": round(self.sure, 4),
            "kinds": {k: c.to_json() for k, c in self.per_kind.items()},
            "meta": self.meta,
        }

    def save(self, path: Path = WEIGHTS_FILE) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")


@functools.cache
def load(path: Path = WEIGHTS_FILE) -> Kinds | None:
    """The shipped classifier; None before one has been fitted."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    per_kind = {k: Calibration.from_json(v) for k, v in data["kinds"].items()}
    return Kinds(per_kind, float(data["sure"]), dict(data.get("meta", {})))


def kinds_of(
    sentences: Sequence[Sentence],
    source: Source,
    embedder: Embedder | None = None,
    glosses: Mapping[str, str] | None = None,
) -> dict[str, Kind]:
    """The kind of each of `sentences` (of `source`, read at their place in it) by id,
    asked for only the sentences extract considers (embedding is the cost), each read
    with its English gloss where `glosses` has one (`stages.reading.Reading.gloss`); none
    where no classifier is fitted or the embeddings are not the ones it was fitted on (the
    lexical fallback)."""
    kinds, embedder = load(), embedder or default_embedder()
    if kinds is None or not sentences:
        return {}
    index = {s.id: n for n, s in enumerate(source.sentences)}
    count = len(source.sentences)
    texts = [(" ".join(s.text.split()), source.language) for s in sentences]
    places = [(index[s.id], count) for s in sentences]
    glossed = [(glosses or {}).get(s.id) for s in sentences]
    with _EMBEDDING:
        rows = features(texts, embedder, places, glossed)
    if embedder.name != kinds.meta.get("embedder"):
        return {}
    return {s.id: kinds.classify(row) for s, row in zip(sentences, rows, strict=True)}
