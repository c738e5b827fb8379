"""The dictionary table's builder: which English a backwards-read entry keeps."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "is_en_glossary.py"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("is_en_glossary", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_common_word_of_an_entry_s_first_translations_is_kept() -> None:
    lines = [
        "landslide n. skriða; jarðfall",
        "landslip n. skriða",
        "issue n. útgangur, afkvæmi, rennsli, útkoma, mál, deila, ágreiningsefni, hefti, tölublað",
        "flow s. renna; n. flóð, aðfall; straumur, rennsli",
        "fluxion n. rennsli",
        "procedure n. aðferð; [parliamentary ~] þingsköp",
        "proboscis n. (fíls)rani",
        "A1 n. fyrsta flokks",
    ]
    table = _builder().entries(lines)
    assert table[("skriða", "n")] == "landslide"  # one token, first listed
    assert table[("rennsli", "n")] == "flow"  # not the broad "issue" nor rare "fluxion"
    assert table[("renna", "v")] == "flow"
    assert ("þingsköp", "n") not in table  # a phrase's own translation
    assert table[("rani", "n")] == "proboscis"  # an aside left out
    assert not any(english == "A1" for english in table.values())
