"""The checker's code signals for one claim (or one part of it) against its evidence.

Every signal reads both the original text and its English gloss, so it works across
languages: numbers and dates as typed values (`lang.values`: "12 prósent" = "12%"), names
through lemmas (`lang.icelandic`: Moskvu ~ Moskva) and folded prefixes, negation as
counted negation words, content words as overlap. Comparison is case-insensitive where
it can be (the labelled English claims are lower-cased); names need capitals, so a
lower-cased claim has no names to check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.check import details
from briefing.check.evidence import Sentence, content_words, overlap
from briefing.lang import icelandic, lexicon
from briefing.lang.calendar import calendar_words, english_name
from briefing.lang.values import Value, values

# The negation words of the languages the checker's weights were fitted on.
_NEGATION_LANGS = ("en", "is", "de")
_NEGATION = re.compile(
    rf"\b({lexicon.alternation('negations.words', *_NEGATION_LANGS)})\b|n't\b", re.IGNORECASE
)
# A digit run, as written, for evidence whose number words the checker cannot read.
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass
class Signals:
    """Code signals; `problems` are the human-readable reasons behind the counts."""

    values_missing: int = 0
    names_missing: int = 0
    negation_mismatch: int = 0
    overlap: float = 1.0
    problems: list[str] = field(default_factory=list)


def _value_text(v: Value) -> str:
    if v.kind == "date" and v.date:
        return "-".join(str(x) for x in v.date if x)
    return f"{v.number:g}" + ("%" if v.kind == "percent" else "")


def _values_of(texts: Sequence[tuple[str, str]]) -> set[Value]:
    out: set[Value] = set()
    for text, lang in texts:
        out |= values(text, lang)
    return out


def _matches(v: Value, have: set[Value]) -> bool:
    """A claim value is found when the evidence has it as any numeric kind, or a date that
    agrees on every part both give (a year alone matches a full date of that year)."""
    if v.kind == "date" and v.date:
        for h in have:
            if (
                h.kind == "date"
                and h.date
                and all(a == b or 0 in (a, b) for a, b in zip(v.date, h.date, strict=True))
            ):
                return True
        # a day/month the evidence writes differently: accept the year as a number
        return bool(v.date[0]) and any(h.number == v.date[0] for h in have if h.number)
    return any(
        h.number is not None and abs(h.number - (v.number or 0)) < 1e-6 for h in have
    ) or any(h.date and v.number in h.date for h in have if h.kind == "date")


def unread(sentence: Sentence) -> bool:
    """Evidence in a language the lexicon has no words of, with no English gloss (Chinese
    today): its names, number words and negations cannot be read, so a claim's are not
    held against it; a true translation would otherwise look unsupported."""
    return sentence.gloss is None and sentence.lang not in lexicon.LANGUAGES


def missing_digits(claim: str, evidence: Sequence[Sentence]) -> list[str]:
    """Digit runs of the claim that no evidence text writes: the value check left for
    evidence whose number words are unread ("eight" for 八 cannot be compared; "40" can)."""
    have = {_plain(d) for s in evidence for d in _DIGITS.findall(s.text)}
    return sorted({d for d in _DIGITS.findall(claim) if _plain(d) not in have})


def _plain(digits: str) -> str:
    return digits.replace(",", "").replace(".", "")


def missing_values(claim: Sequence[tuple[str, str]], evidence: Sequence[Sentence]) -> list[str]:
    """Values the claim states (in its text or gloss) that no evidence text or gloss has."""
    if evidence and all(unread(s) for s in evidence):
        return missing_digits(claim[0][0], evidence) if claim else []
    have = _values_of([(s.text, s.lang) for s in evidence])
    have |= _values_of([(s.gloss, "en") for s in evidence if s.gloss])
    if not have and not claim:
        return []
    wanted = values(*claim[0]) if claim else set()
    # A month alone ("Mars" the planet, "may") is too ambiguous to hold against a claim.
    wanted = {v for v in wanted if not (v.kind == "date" and v.date and v.date[::2] == (0, 0))}
    lost = {_value_text(v) for v in wanted if not _matches(v, have)}
    return sorted(lost | missing_calendar(claim, evidence))


def missing_calendar(claim: Sequence[tuple[str, str]], evidence: Sequence[Sentence]) -> set[str]:
    """Weekdays and months the claim names that no evidence text or gloss names."""
    wanted = set().union(*(calendar_words(text, lang) for text, lang in claim))
    if not wanted:
        return set()
    have = set().union(*(calendar_words(s.text, s.lang) for s in evidence))
    have |= set().union(*(calendar_words(s.gloss, "en") for s in evidence if s.gloss))
    return {english_name(v) for v in wanted - have}


def _word_found(word: str, vocabulary: set[str], raw_vocab: set[str]) -> bool:
    if details._contains_word(word, vocabulary):
        return True
    return any(icelandic.names_match(word, r) for r in raw_vocab if r[:1].isupper())


def missing_names(claim_text: str, evidence: Sequence[Sentence]) -> list[str]:
    """Capitalised names in the claim whose head word the evidence (text or gloss) lacks."""
    texts = [s.text for s in evidence] + [s.gloss for s in evidence if s.gloss]
    known = details.known_names(texts)
    vocab = {w for t in texts for w in details.words(t)}
    raw = {w for t in texts for w in re.findall(r"[^\W\d_]+", t)}
    out = []
    for name in details.names(claim_text, known):
        found = [_word_found(w, vocab, raw) for w in name.key]
        # the head word (surname, place), or most words of a longer name with a title in it
        if not found[-1] and sum(found) * 2 <= len(found):
            out.append(name.text)
    return out


def negations(text: str) -> int:
    return len(_NEGATION.findall(text))


def signals(
    claim: str, claim_lang: str, claim_gloss: str | None, evidence: Sequence[Sentence],
    shown: Sequence[Sentence] | None = None,
) -> Signals:  # fmt: skip
    """Signals of one claim part against all `evidence`; negation against `shown`."""
    out = Signals()
    lost = missing_values([(claim, claim_lang)], evidence)
    if lost:
        out.values_missing = len(lost)
        out.problems.append("the value " + ", ".join(lost) + " is not in the evidence")
    # Names cannot be told from nouns in an unglossed claim of a language that capitalises
    # every noun, nor looked for in evidence of an unread script (a name transliterated).
    readable = not (claim_gloss is None and lexicon.flag("grammar.nouns_capitalised", claim_lang))
    readable = readable and not (evidence and all(unread(s) for s in evidence))
    names = missing_names(claim, evidence) if readable else []
    if names and claim_gloss:
        # "Bandaríkjanna" is not in an English source, its gloss "United States" is.
        in_gloss = missing_names(claim_gloss, evidence)
        names = names if len(names) <= len(in_gloss) else in_gloss
    if names:
        out.names_missing = len(names)
        out.problems.append("the name " + ", ".join(names) + " is not in the evidence")
    english = claim_gloss or claim
    near = [s for s in (shown or evidence) if s.gloss or s.lang in _NEGATION_LANGS]
    claim_neg = negations(english) if claim_lang != "en" else negations(claim)
    ev_neg = max((max(negations(s.text), negations(s.english)) for s in near), default=0)
    # Negations are compared only against evidence whose negation words are known.
    if claim_neg > ev_neg and near:
        out.negation_mismatch = 1
        out.problems.append("the claim negates what the evidence states")
    key = content_words(english) | content_words(claim)
    joined = " ".join([s.text for s in evidence] + [s.english for s in evidence])
    out.overlap = round(overlap(key, joined), 4)
    return out
