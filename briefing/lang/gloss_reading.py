"""Greynir's reading of each word handed to Apertium before it translates a sentence.

Apertium's tagger picks a word's reading from a small dictionary and the words beside it:
"hætta á frekari skriðuföllum" (a danger of further landslides) was glossed "quit on more
demanding…" (the verb), "vegna skriðu" (because of a landslide) "because of crawled",
"ríkið" (the state) "rule!". Greynir parses the whole sentence. Where its parse puts a word
in another class (noun, verb, adjective) than the tagger did, the word's reading in
Apertium's stream becomes Greynir's, in Apertium's tags (`apertium_tags` in the lexicon),
and Apertium's own transfer and generation write its English. Only where Apertium's
bilingual dictionary translates that lemma in that class: a word it cannot translate keeps
the tagger's reading. A participle read as an adjective, an adjective as an adverb, keep
theirs too: the same sense either way.

The pair's mode file is run in two halves, split after the tagger (`halves`); with no
change the two give Apertium's output byte for byte.
"""

from __future__ import annotations

import functools
import itertools
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.lang import lexicon, parse_is
from briefing.lang.parse_is import Word

__all__ = ["halves", "lt_proc", "pair_files", "reread", "subjects", "unknown"]

MODES = Path("/usr/share/apertium/modes")
_SPLIT_AT = "| cg-proc -n -w"  # the lexical selection that follows the tagger
_UNIT = re.compile(r"(?<!\\)\^((?:\\.|[^\\$^])*)\$")
_FILE = re.compile(r"'([^']+\.(?:automorf|autobil)\.bin)'")
_TAG = re.compile(r"<([^>]+)>")
_LOOKAHEAD = 4  # Greynir's words searched for a stream word's form, past ones it joined
_TIMEOUT = 60.0
_CONTENT = ("no", "so", "lo")  # the classes swapped: a preposition or adverb stays Apertium's


@functools.cache
def halves(pair: str) -> tuple[str, str] | None:
    """The pair's pipeline as two shell commands: text to tagged stream, stream to text;
    None where the mode has no step to split at (or Apertium is not installed)."""
    mode = MODES / f"{pair}.mode"
    if shutil.which("apertium-destxt") is None or not mode.exists():
        return None
    text = mode.read_text().strip().replace("$1", "-g").replace("$2", "")
    if _SPLIT_AT not in text:
        return None
    cut = text.index(_SPLIT_AT)
    return f"apertium-destxt | {text[:cut]}", f"{text[cut + 1 :]} | apertium-retxt"


@functools.cache
def pair_files(pair: str) -> tuple[str, str] | None:
    """The pair's analyser and bilingual transducer, as its mode file names them; None
    where `lt-proc` or the pair is not installed."""
    mode = MODES / f"{pair}.mode"
    if shutil.which("lt-proc") is None or not mode.exists():
        return None
    found = {Path(f).name.split(".")[-2]: f for f in _FILE.findall(mode.read_text())}
    if "automorf" not in found:
        return None
    bilingual = found.get("autobil", found["automorf"].replace(".automorf.", ".autobil."))
    return (found["automorf"], bilingual) if Path(bilingual).exists() else None


def lt_proc(binary: str, text: str, *flags: str) -> str:
    """`lt-proc` over one of the pair's transducers; "" where it fails."""
    done = subprocess.run(
        ["lt-proc", *flags, binary], input=text, capture_output=True, text=True,
        timeout=_TIMEOUT, check=False,
    )  # fmt: skip
    return done.stdout if done.returncode == 0 else ""


def unknown(pair: str, forms: Sequence[str]) -> frozenset[str]:
    """The `forms` the pair's analyser has no reading of, in one call: words Apertium
    keeps as written, with none of the case endings its rules translate."""
    files = pair_files(pair)
    if files is None or not forms:
        return frozenset()
    analysed = [u.split("/") for u in _UNIT.findall(lt_proc(files[0], "\n".join(forms), "-w"))]
    return frozenset(form for form, *found in analysed if found[:1] == ["*" + form])


def _tags(word: Word) -> str | None:
    """Greynir's reading of `word` in Apertium's tags; None for what it cannot write (a
    present participle, an imperative)."""

    def one(name: str) -> str | None:
        table = lexicon.table(f"apertium_tags.{name}", "is")
        return next((table[v] for v in word.variants if v in table), None)

    inflected = [one("gender"), one("number"), one("case")]
    if word.category == "no":
        parts = [*inflected, "def" if "gr" in word.variants else "ind"]
    elif word.category == "lo":
        degree = one("degree") or "pst"
        weak = "vei" if degree == "comp" else "sta"  # a comparative declines weak only
        parts = [degree, *inflected, one("declension") or weak]
    elif word.category == "so":
        parts = ["midv" if "mm" in word.variants else "actv", *_verb_tags(word, one, inflected)]
    else:
        return None
    head = lexicon.table("apertium_tags.class", "is")[word.category]
    return None if None in parts else "".join(f"<{p}>" for p in (head, *parts))


def _verb_tags(
    word: Word, one: Callable[[str], str | None], inflected: list[str | None]
) -> list[str | None]:
    """A verb form's tags after its voice: infinitive, supine, past participle (declined
    as an adjective), or tense, person and number in the indicative or subjunctive."""
    if "nh" in word.variants:
        return ["inf"]
    if "sagnb" in word.variants:
        return ["supn"]
    if "lhþt" in word.variants:
        return ["pp", *inflected, one("declension") or "sta"]
    mood = (
        "indicative" if "fh" in word.variants else "subjunctive" if "vh" in word.variants else None
    )
    return [one(mood) if mood else None, one("person"), one("number")]


def _family(tags: Sequence[str]) -> str:
    """A reading's class as Greynir names it: "so" for every Apertium verb class."""
    first = tags[0] if tags else ""
    if first in lexicon.words("apertium_tags.verbs", "is"):
        return "so"
    return _greynir_class().get(first, first)


@functools.cache
def _greynir_class() -> dict[str, str]:
    return {v: k for k, v in lexicon.table("apertium_tags.class", "is").items()}


def _fits(word: Word, tags: Sequence[str]) -> bool:
    """An Apertium reading with `tags` is of the class Greynir gives `word`."""
    function = lexicon.table("apertium_tags.function", "is")
    if word.category in function:
        return bool(tags) and tags[0] in function[word.category]
    return _family(tags) == word.category


def _likeness(word: Word, reading: str, own: str | None) -> tuple[int, int]:
    """How well an analyser's reading fits Greynir's: a function word's class in the
    lexicon's order ("sem" a relative before a conjunction, "that" not "as"), then the
    tags it shares with the ones `_tags` writes."""
    tags = _TAG.findall(reading)
    order = lexicon.table("apertium_tags.function", "is").get(word.category, [])
    rank = -order.index(tags[0]) if tags and tags[0] in order else 0
    return rank, len(set(tags) & set(_TAG.findall(own or "")))


def _same_sense(word: Word, tags: Sequence[str]) -> bool:
    """The tagger's class differs from Greynir's without another sense: a participle as
    an adjective or the reverse, an adjective's neuter as an adverb."""
    family = _family(tags)
    participle = "pp" in tags or "supn" in tags
    if word.category == "so" and family == "lo":
        return bool({"lhþt", "sagnb"} & set(word.variants))
    return word.category == "lo" and (family == "adv" or (family == "so" and participle))


def _other_class(word: Word, tags: Sequence[str], family: str) -> bool:
    """The tagger read the word in another content class than Greynir, not in the same
    sense; or as an adverb where Greynir reads a verb ("hver eigi strenginn", who owns
    the cable, was "each not the string")."""
    if family == "adv":
        return word.category == "so"
    return family in _CONTENT and family != word.category and not _same_sense(word, tags)


def _changes(units: list[str], words: Sequence[Word]) -> dict[int, Word]:
    """The units (by index) whose tagged class Greynir reads otherwise, and the words
    Apertium's analyser lacks that Greynir reads as a common word the lexicon's glossary
    does not list (the glossary's English comes first, `gloss.glossary_english`). An
    adjective it lacks after a capitalised word is the name's: "Borgarfjörður eystri" is
    no "Borgarfjörður more easterly"."""
    out, at = {}, 0
    glossary = lexicon.table("glossary", "is")
    function = lexicon.table("apertium_tags.function", "is")
    for n, unit in enumerate(units):
        form, _, reading = unit.partition("/")
        if n and form[:1].isupper():
            continue  # a name inside the sentence ("Kari Berg" is no "kar", a tub)
        window = range(at, min(at + _LOOKAHEAD, len(words)))
        ahead = [k for k in window if words[k].text.lower() == form.lower()]
        if not ahead:
            continue
        at = ahead[0] + 1
        word = words[ahead[0]]
        tags = _TAG.findall(reading)
        family = _family(tags)
        if word.category in function:
            if family in _CONTENT:  # "sem" read as the verb "semja"
                out[n] = word
            continue
        if word.category not in _CONTENT:
            continue
        if reading.startswith("*"):
            after_name = n > 0 and units[n - 1][:1].isupper()
            if (
                not (word.category == "lo" and after_name)  # "Borgarfjörður eystri"
                and word.lemma[:1].islower()
                and word.lemma.replace("-", "") not in glossary
            ):
                out[n] = word  # a word the analyser lacks, no name, not in the glossary
        elif _other_class(word, tags, family):
            out[n] = word
    return out


def _readings(pair: str, wanted: set[tuple[str, Word]]) -> dict[tuple[str, Word], str]:
    """For each form and Greynir's word, its reading in Apertium's tags, where Apertium's
    bilingual dictionary translates it: the analyser's own reading of that lemma and class
    where it has one (its tags are the ones transfer expects), else the tags `_tags`
    writes (a content word only)."""
    files = pair_files(pair)
    if files is None or not wanted:
        return {}
    analyser, bilingual = files
    forms = sorted({form for form, _ in wanted})
    analysed = _UNIT.findall(lt_proc(analyser, "\n".join(forms), "-w"))
    readings: dict[str, list[str]] = {}
    for unit in analysed:
        form, *found = unit.split("/")
        readings.setdefault(form, found)
    chosen: dict[tuple[str, Word], str] = {}
    for form, word in sorted(wanted, key=repr):
        own = _tags(word)
        fits = [
            r for r in readings.get(form, [])
            if r.split("<")[0].lower() == word.lemma.lower() and _fits(word, _TAG.findall(r))
        ]  # fmt: skip
        if fits:
            chosen[form, word] = max(fits, key=lambda r: _likeness(word, r, own))
        elif own is not None:
            chosen[form, word] = word.lemma + own
    if not chosen:
        return {}
    asked = list(chosen.items())
    answered = _UNIT.findall(lt_proc(bilingual, " ".join(f"^{r}$" for _, r in asked), "-b"))
    if len(answered) != len(asked):
        return {}
    return {
        key: reading
        for (key, reading), unit in zip(asked, answered, strict=True)
        if unit.split("/")[1:2] and not unit.split("/")[1].startswith("@")
    }


def reread(stream: str, originals: Sequence[str | None], pair: str) -> str:
    """The tagged `stream` of one batch (the texts joined by blank lines, as the glosser
    sends them) with each word Greynir's parse of its original reads in another class put
    in Greynir's reading. A text whose original is None, or that Greynir does not parse,
    is left as tagged; so is a batch whose stream does not split into its texts."""
    pieces = stream.split("\n\n")
    if len(pieces) != len(originals):
        return stream
    units = [_UNIT.findall(piece) for piece in pieces]
    planned: list[dict[int, Word]] = []
    for found, original in zip(units, originals, strict=True):
        words = parse_is.words(original) if original else None
        planned.append(_changes(found, words) if words else {})
    wanted = {
        (found[n].split("/")[0], word)
        for found, plan in zip(units, planned, strict=True)
        for n, word in plan.items()
    }
    readings = _readings(pair, wanted)
    if not readings:
        return stream
    out = []
    for piece, plan in zip(pieces, planned, strict=True):
        count = itertools.count()

        def swap(match: re.Match[str], plan: dict[int, Word] = plan, count=count) -> str:
            n = next(count)
            form, _, reading = match.group(1).partition("/")
            if n not in plan or (form, plan[n]) not in readings:
                return match.group()
            syntax = "".join(f"<{t}>" for t in _TAG.findall(reading) if t.startswith("@"))
            return f"^{form}/{readings[form, plan[n]]}{syntax}$"

        out.append(_UNIT.sub(swap, piece))
    return "\n\n".join(out)


def subjects(stream: str) -> tuple[str, frozenset[str]]:
    """The tagged `stream` with each word that opens a text, or a clause within it, right
    before its finite verb read as that verb's subject (`_as_subject`), and the words made
    proper nouns. Unread, the word is no subject to Apertium's transfer, which moves the
    verb to the end and, at a text's start, writes it as if it began a sentence:
    "Kjörsókn var 71 prósent" was "Turnout 71 percent Was", "Isavia hefur boðið 4,5
    prósent" "Isavia 4.5 percent Has offered", "…, en Isavia býður 4,5 prósent" "but
    Isavia 4.5 percent offers"."""
    found: set[str] = set()
    out = []
    for piece in stream.split("\n\n"):
        units = list(_UNIT.finditer(piece))
        swaps: dict[int, str] = {}
        for k, unit in enumerate(units):
            if k and not _opens_clause(units[k - 1].group(1)):
                continue
            after = (u for u in units[k + 1 :] if not u.group(1).partition("/")[2].startswith("*"))
            verb = next(after, None)
            subject = _as_subject(unit.group(1), verb.group(1), inside=k > 0) if verb else None
            if subject is not None:
                swaps[k] = subject
                form, _, reading = unit.group(1).partition("/")
                if reading == "*" + form:
                    found.add(form)
        for k in sorted(swaps, reverse=True):
            piece = piece[: units[k].start()] + swaps[k] + piece[units[k].end() :]
        out.append(piece)
    return "\n\n".join(out), frozenset(found)


def _opens_clause(unit: str) -> bool:
    """A clause may open after this unit (`apertium_tags.clause`): a comma, "að", "en"."""
    form, _, reading = unit.partition("/")
    clause = lexicon.table("apertium_tags.clause", "is")
    tags = _TAG.findall(reading)
    return bool(tags[:1] and tags[0] in clause["tags"]) or form.lower() in clause["words"]


def _as_subject(first: str, verb: str, inside: bool = False) -> str | None:
    """`first` (a unit's text) as the subject of `verb`, a finite verb (in a person): a
    capitalised word the analyser lacks (a name it does not know, or one of the glosser's
    marks) as a proper noun in the verb's number, which comes out as an untranslated lemma
    ("@Isavia"); opening the text, also a noun in the nominative or a name with no function
    (`reread` gives none; "Hvalur hf. er eina fyrirtækið" read "Hvalur Ltd. the only
    company is") given the subject's mark. `inside` a text, only a word the analyser
    lacks, and only before a verb in the indicative: a subjunctive's subject made one reads
    "will" ("segir að Veitur beri" became "says that Veitur will carry"). None for any
    other."""
    form, _, reading = first.partition("/")
    tags, own = _TAG.findall(verb), _TAG.findall(reading)
    persons = set(lexicon.table("apertium_tags.person", "is").values())
    finite = bool(tags) and tags[0] in lexicon.words("apertium_tags.verbs", "is")
    if not (form[:1].isupper() and finite and persons & set(tags)):
        return None
    if inside and not set(lexicon.table("apertium_tags.indicative", "is").values()) & set(tags):
        return None
    if reading == "*" + form:
        number = "pl" if "pl" in tags else "sg"
        return f"^{form}/{form}<np><ant><m><{number}><nom><@SUBJ→>$"
    roles = [t for t in own if t.startswith("@")]
    named = own[:1] == ["np"] and roles in ([], ["@X"])
    if not inside and ((own[:1] == ["n"] and "nom" in own and not roles) or named):
        head = "".join(f"<{t}>" for t in own if not t.startswith("@"))
        return f"^{form}/{reading.partition('<')[0]}{head}<@SUBJ→>$"
    return None
