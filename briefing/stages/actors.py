"""One label per actor: "Trump" and "Donald Trump" in one briefing are one person.

The model and the quotation reader name an actor as the sentence at hand does, so one
briefing can list the same person's positions under two labels, and merging (which
folds only statements of the same actor) keeps them apart. A one-word label that is
part of a fuller label or of a name the pivot-language articles give becomes the shortest
such name, where every fuller name is that person's ("Donald Trump", "President Donald
Trump"); beside "Donald Trump" and "Melania Trump", "Trump" stays as it is. A name read
with the words before it ("United States Donald Trump", from "President of the United
States Donald Trump") is the name it ends with, and one after its titles is the name
("GSV-Chef Holger Brandt": `lang.names.untitled`); given names alone are the one fuller
label that opens with them ("Haraldur Ingi": "Haraldur Ingi Benediktsson"). A one-word
label left so becomes the fuller name its own article gives, in any language, but not a
person's label that holds it as their body ("KazGeoTherm Chief Executive Daulet Iskakov"
is no fuller "KazGeoTherm"). A name in Cyrillic letters is the Latin name another
outlet gives that person or body, where one is spelt alike ("Элен Гарнье" is Le Monde's
"Hélène Garnier", "Кремль" Reuters' "Kremlin"): one label in both columns. Names are
compared accents aside, and labels alike but for accents are one, spelt with them.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.check.details import fold
from briefing.core.ids import source_of
from briefing.core.languages import PIVOT
from briefing.lang.fold import latin
from briefing.lang.icelandic import given_names
from briefing.lang.names import names_in, titled_other, transliterated, untitled
from briefing.stages.found import Found
from briefing.stages.reading import Reading


def one_label(found: list[Found], reading: Reading) -> list[Found]:
    """`found` with each actor under the shortest fuller name the briefing or the
    pivot-language articles give that actor, where all fuller names are one person's."""
    found = [replace(f, actor=untitled(f.actor)) if f.actor else f for f in found]
    labels = sorted({f.actor for f in found if f.actor})
    pivot = names_in(
        [s.text for src in reading.sources if src.language == PIVOT for s in src.sentences]
    )
    fuller = {label: _fuller(label, labels, pivot) for label in labels}
    found = [_own_fuller(replace(f, actor=fuller.get(f.actor, f.actor)), reading) for f in found]
    return _one_spelling(_in_latin(found, reading))


def _one_spelling(found: list[Found]) -> list[Found]:
    spelt = spellings([f.actor for f in found if f.actor])
    return [replace(f, actor=spelt[f.actor]) if f.actor else f for f in found]


def spellings(labels: list[str]) -> dict[str, str]:
    """Each label as the one of `labels` alike but for accents that is spelt with them:
    Reuters' "Bryndis Lara Hakonardottir" is RÚV's "Bryndís Lára Hákonardóttir"
    (jardhitavirkjun listed her Icelandic-only line apart from her others). Each column
    shows the name as its own sources write it (`render.labels.actor_names`)."""
    out: dict[str, str] = {}
    for label in labels:
        alike = [o for o in labels if fold(o) == fold(label)]
        out[label] = max(alike, key=lambda o: (sum(not c.isascii() for c in o), o))
    return out


def _in_latin(found: list[Found], reading: Reading) -> list[Found]:
    """Each Cyrillic label as the Latin name spelt alike (`names.transliterated`): one of
    the briefing's labels, else one the pivot-language articles give. Another outlet's
    own transliteration ("Andreï Sokolov" in Le Monde) is no better than the label's."""
    labels = sorted({f.actor for f in found if f.actor})
    if all(latin(label) == label for label in labels):
        return found
    pivot = [s.text for src in reading.sources if src.language == PIVOT for s in src.sentences]
    pools = [
        [label for label in labels if latin(label) == label],
        [untitled(name) for name in names_in(pivot)],
    ]
    spelt: dict[str, str] = {}
    for label in (label for label in labels if latin(label) != label):
        for pool in pools:
            alike = [name for name in pool if transliterated(label, name)]
            if alike:
                spelt[label] = min(alike, key=len)
                break
    return [replace(f, actor=spelt.get(f.actor, f.actor)) if f.actor else f for f in found]


def _own_fuller(item: Found, reading: Reading) -> Found:
    """A label made the fuller name its own article gives that person, in any language
    ("Logi" of „…,“ sagði Logi is "Logi Einarsson" of RÚV's sentence before; Icelandic
    names a person again by first names, "segir Sólveig Ása", after "Sólveig Ása
    Hermannsdóttir, íbúi í Hnífsdal, …")."""
    if not item.actor:
        return item
    source = source_of(item.evidence[0])
    own = names_in([s.text for src in reading.sources if src.id == source for s in src.sentences])
    if len(_parts(item.actor)) > 1:  # first names, then the surname: not "United States…"
        own = [o for o in own if fold(o).startswith(fold(item.actor) + " ")]
    return replace(item, actor=_wider(item.actor, [], own))


def _fuller(label: str, labels: list[str], names: list[str]) -> str:
    if len(_parts(label)) != 1:
        # a name already; one ending in another name of two words or more is that name
        ends = [o for o in labels + names if len(_parts(o)) > 1 and _ends_with(label, o)]
        if ends:
            return min(ends, key=len)
        # first names of one fuller label: "Haraldur Ingi" is "Haraldur Ingi Benediktsson"
        starts = {o for o in labels if fold(o).startswith(fold(label) + " ")}
        return starts.pop() if len(starts) == 1 and given_names(label) else label
    return _wider(label, labels, names)


def _wider(label: str, labels: list[str], names: list[str]) -> str:
    """The shortest of the labels and names holding every part of `label` and more, where
    all of them are one person's; else `label`."""
    parts = _parts(label)
    wider = sorted(
        (o for o in labels + names if parts < _parts(o) and not titled_other(o, label)),
        key=lambda o: len(_parts(o)),
    )
    if not wider:
        return label
    chosen = _parts(wider[0])
    # Another person where a fuller form neither holds nor is held by the chosen one.
    one = all(chosen <= _parts(o) or _parts(o) <= chosen for o in wider)
    return untitled(wider[0]) if one else label


def _ends_with(name: str, other: str) -> bool:
    return fold(name).endswith(" " + fold(other))


def _parts(name: str) -> set[str]:
    """Accent-folded words of a name; "Trump-Putin" is one word, not Trump."""
    return set(fold(name).split())
