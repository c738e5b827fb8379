"""Build `briefing/lang/lexicon/de-nouns.tsv.gz`: which capitalised German words are common
nouns and which are names, from the Wiktionary noun table of the `german-nouns` wheel
(CC BY-SA 4.0; see briefing/lang/lexicon/SOURCES.md).

German capitalises every noun, so capitalisation alone reads "Passagiere" and "Verbindungen"
as names, and a determiner before a word ("Die Lufthansa") read as a common noun loses a
name. A form every entry of which is a plain noun is written `c`; one every entry of which
is a name (Eigenname, Toponym, Vorname, Nachname, Straßenname) is written `n`; a noun
declined as an adjective ("Deutsche", "Angestellte") is written `a`; a form of two of these
("Mark") is left out, for the article's own evidence to decide.

    python -m pip download german-nouns==1.2.5 --no-deps -d /tmp/gn
    python scripts/de_nouns.py /tmp/gn/german_nouns-1.2.5-py3-none-any.whl
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "briefing/lang/lexicon/de-nouns.tsv.gz"
NAMES = {"Eigenname", "Toponym", "Vorname", "Nachname", "Straßenname"}
ADJECTIVAL = "adjektivische Deklination"
SKIP = {"lemma", "pos"}


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("german_nouns/nouns.csv").decode("utf-8")
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(io.StringIO(text)):
        tags = set(row["pos"].split(","))
        kind = "n" if tags & NAMES else "a" if ADJECTIVAL in tags else "c"
        forms = {row["lemma"]} | {
            v for k, v in row.items() if k not in SKIP and not k.startswith("genus") and v
        }
        for form in forms:
            if form[:1].isupper() and " " not in form and form.isprintable():
                kinds[form].add(kind)
    lines = sorted(f"{form}\t{k.pop()}" for form, k in kinds.items() if len(k) == 1)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # the same bytes each build
    print(f"{OUT}: {len(lines)} forms")


if __name__ == "__main__":
    main(sys.argv[1])
