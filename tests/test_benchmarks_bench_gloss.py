"""The gloss benchmark the README names: what it counts as left in Icelandic."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_gloss.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_gloss", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_name_in_the_nominative_is_no_word_left_in_icelandic() -> None:
    """The gloss gives "Guðbjargar Lilju" as "Guðbjörg Lilja": names, not Icelandic words
    a reader cannot read; an Icelandic common word copied is one."""
    left = _bench().left_in_icelandic
    sentence = "Að sögn Guðbjargar Lilju er skriðan gegnsósa."
    assert left(sentence, "According to Guðbjörg Lilja the landslide is soaked.") == []
    assert left(sentence, "According to Guðbjörg Lilja the landslide is gegnsósa.") == ["gegnsósa"]
