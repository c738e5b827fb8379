"""Measure the Icelandic gate: does it let human Icelandic through and stop broken Icelandic?

The data are English sentences with their human Icelandic translations (evals/gate/, from
NTREX-128). Each pair is gated as it is (its acceptance should be high), and again after
one corruption of the Icelandic made by code (its acceptance should be near zero):

- `changed_number`, `changed_date`: a number or a date moved (`eval.perturb`);
- `swapped_name`: a name of the English replaced by another name of the same article;
- `negation`: a negation added or removed (`eval.perturb.negate`);
- `non_word`: a word with two letters swapped, so that it is no Icelandic word;
- `wrong_case`: a noun moved to another case ("í búðina" -> "í búðinni", through BÍN);
- `scrambled`: the word order shuffled.

    briefing eval gate                        # evals/gate/data/ntrex-en-is.jsonl
    briefing eval gate --split test --json reports/gate.json
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing.check import details
from briefing.check.icelandic_gate import GateResult, gate
from briefing.core.errors import InputError
from briefing.eval.perturb import change_date, change_number, negate
from briefing.lang import gloss as glossing
from briefing.lang import icelandic as bin_words
from briefing.lang.fold import fold

KINDS = (
    "changed_number",
    "changed_date",
    "swapped_name",
    "negation",
    "non_word",
    "wrong_case",
    "scrambled",
)
DATA = Path("evals") / "gate" / "data" / "ntrex-en-is.jsonl"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Pair:
    """An English sentence and its Icelandic translation; `names` are those of its article."""

    id: str
    doc: str
    split: str
    en: str
    is_: str
    names: tuple[str, ...] = ()


def load_pairs(path: Path, split: str | None = None) -> list[Pair]:
    """The pairs of a JSONL file ({"id", "doc", "split", "en", "is", "names"} a line)."""
    if not path.is_file():
        raise InputError(f"{path} not found: build it with evals/gate/build_data.py")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            names = tuple(row.get("names", ()))
            rows.append(Pair(row["id"], row["doc"], row["split"], row["en"], row["is"], names))
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"{path}:{n}: not a pair ({e})") from None
    return [p for p in rows if split is None or p.split == split]


def swap_name(pair: Pair, others: list[str]) -> str | None:
    """The Icelandic with a name of the English replaced, every word of it, by another
    name: of the same article where it has one, else of another article."""
    for name in details.names(pair.en, {fold(n) for n in pair.names}):
        spans = [
            m.span()
            for m in _WORD.finditer(pair.is_)
            if m.group()[:1].isupper() and any(_names(m.group(), w) for w in name.text.split())
        ]
        if not spans:
            continue
        other = next((o for o in [*pair.names, *others] if _other_name(o, pair.en)), None)
        if other is None:
            return None
        text = pair.is_
        for n, (start, end) in reversed(list(enumerate(spans))):
            text = text[:start] + (other if n == 0 else "") + text[end:]
        return re.sub(r" {2,}", " ", text)
    return None


def _other_name(candidate: str, english: str) -> bool:
    """A foreign name (BÍN does not know it) that names no one of `english`."""
    return (
        len(candidate) >= 3
        and candidate.isalpha()
        and candidate[1:].islower()
        and not bin_words.is_known_word(candidate)
        and not any(_names(w, candidate) for w in _WORD.findall(english))
    )


def _names(word: str, name: str) -> bool:
    """`word` is a form of `name` or of one of its words (Pútíns ~ Vladimír Pútín's)."""
    stems = {fold(s) for s in bin_words.name_stems(word)}
    parts = [re.split(r"['’]", part)[0] for part in name.split()]
    return any(stems & {fold(s) for s in bin_words.name_stems(part)} for part in parts if part)


def non_word(text: str) -> str | None:
    """The longest lower-case word of five letters or more, two inner letters swapped so
    that BÍN knows it no more ("búðina" -> "búiðna")."""
    words = sorted(
        {m.group() for m in _WORD.finditer(text) if m.group().islower() and len(m.group()) >= 5},
        key=lambda w: (-len(w), w),
    )
    for word in words:
        for i in range(1, len(word) - 2):
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if new != word and not bin_words.is_known_word(new):
                return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", new, text, count=1)
    return None


def wrong_case(text: str) -> str | None:
    """A noun after the first word moved to another case ("búðina" -> "búðinni")."""
    for match in list(_WORD.finditer(text))[1:]:
        variant = bin_words.case_variant(match.group())
        if variant:
            return text[: match.start()] + variant + text[match.end() :]
    return None


def scramble(text: str, seed: str) -> str | None:
    """The words in a shuffled order (a fixed shuffle per pair), the final stop kept and
    the capital moved to the new first word, so that only the order is wrong."""
    body = text.rstrip()
    end = body[-1] if body[-1:] in ".?!" else ""
    words = body[: len(body) - len(end)].split()
    if len(words) < 4:
        return None
    rng = random.Random(seed)
    shuffled = words[:]
    while shuffled == words:
        rng.shuffle(shuffled)
    if bin_words.listed_common_word(words[0].lower()):  # a name keeps its capital
        shuffled = [words[0].lower() if w == words[0] else w for w in shuffled]
    return " ".join([shuffled[0][:1].upper() + shuffled[0][1:], *shuffled[1:]]) + end


def corruptions(pair: Pair, others: list[str]) -> dict[str, str]:
    """Each kind of corruption that applies to the pair's Icelandic, by kind."""
    made = {
        "changed_number": change_number(pair.is_, "is"),
        "changed_date": change_date(pair.is_, "is"),
        "swapped_name": swap_name(pair, others),
        "negation": negate(pair.is_, "is"),
        "non_word": non_word(pair.is_),
        "wrong_case": wrong_case(pair.is_),
        "scrambled": scramble(pair.is_, pair.id),
    }
    return {kind: text for kind, text in made.items() if text and text != pair.is_}


def measure(pairs: list[Pair], progress: Callable[[str], None] = lambda _: None) -> dict:
    """Gate every pair as translated and as corrupted: the acceptance shares, the checks
    that rejected human translations, and the seconds per sentence (the gate, and the
    Apertium gloss it reads, made for all sentences in one batch as the pipeline does)."""
    gate("Þetta er setning.", "This is a sentence.")  # load BÍN and the parser first
    cases = []
    for pair in pairs:
        others = [n for p in pairs if p.doc != pair.doc for n in p.names]
        cases += [(pair, "human", pair.is_)]
        cases += [(pair, kind, text) for kind, text in corruptions(pair, others).items()]
    started = time.perf_counter()
    glosses = glossing.gloss([text for _, _, text in cases], "is")
    gloss_seconds = time.perf_counter() - started
    rows = []
    started = time.perf_counter()
    for (pair, kind, text), gloss in zip(cases, glosses, strict=True):
        result = gate(text, pair.en, pair.names, gloss=gloss or "")
        rows.append(_row(pair, kind, text, result))
        if kind == "human":
            progress(f"{pair.id}: {'pass' if result.passed else 'reject'} {result.reasons[:1]}")
    gate_seconds = time.perf_counter() - started
    n = len(cases) or 1
    return {
        "summary": summary(rows),
        "rejected_human_by_check": dict(_reason_counts(r for r in rows if r["kind"] == "human")),
        "seconds_per_sentence": {
            "gate": round(gate_seconds / n, 3),
            "gloss": round(gloss_seconds / n, 3),
        },
        "rows": rows,
    }


def _row(pair: Pair, kind: str, text: str, result: GateResult) -> dict:
    return {
        "id": pair.id,
        "split": pair.split,
        "kind": kind,
        "en": pair.en,
        "is": text,
        "passed": result.passed,
        "reasons": result.reasons,
    }


def summary(rows: list[dict]) -> dict[str, dict]:
    """Per kind ("human", each corruption, all corruptions): n and acceptance, and the same
    over the pairs whose human translation passed (`*_of_passed`): a corruption of a pair
    the gate rejects anyway tells little about what it catches."""
    passed = {r["id"] for r in rows if r["kind"] == "human" and r["passed"]}
    out: dict[str, dict] = {}
    groups = {k: [r for r in rows if r["kind"] == k] for k in ("human", *KINDS)}
    groups["corrupted"] = [r for r in rows if r["kind"] != "human"]
    for kind, sel in groups.items():
        of_passed = [r for r in sel if r["id"] in passed]
        out[kind] = {**_share(sel), **{f"{k}_of_passed": v for k, v in _share(of_passed).items()}}
    return out


def _share(rows: list[dict]) -> dict:
    accepted = sum(r["passed"] for r in rows)
    share = round(accepted / len(rows), 4) if rows else None
    return {"n": len(rows), "accepted": accepted, "acceptance": share}


def _reason_counts(rows: Iterable[dict]) -> Counter[str]:
    """How many rejected rows each named check failed (a row counts once per check)."""
    counts: Counter[str] = Counter()
    for r in rows:
        if not r["passed"]:
            counts.update({reason.split(":", 1)[0] for reason in r["reasons"]})
    return counts
