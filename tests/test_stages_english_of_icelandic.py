"""English for a fact only an Icelandic outlet reports, from a backend that reads Icelandic.

The model is shown the original beside its rough gloss; its English is checked by code
against the gloss, the dictionary's senses of the original's words and the parse, so a
good translation is published as the English line and a wrong one is dropped, even
where the support checker's judge says yes to everything (as `helpers.scripted` does).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import article, point, scripted
from typer.testing import CliRunner

from briefing.cli.eval import eval_app
from briefing.core.models import Briefing
from briefing.lang.senses import senses
from briefing.lang.values import magnitudes
from briefing.llm.fake import FakeLLM
from briefing.stages.pipeline import Options, generate

CASES = Path(__file__).parent.parent / "evals" / "cases"
runner = CliRunner()
TEXT = (
    "Pútín sagði að Úkraína og bandamenn hennar í Evrópu ættu ekki að skapa „hindranir“ "
    "fyrir friði. "
    "Trump sagði á blaðamannafundi að báðir vildu þeir koma í veg fyrir að þúsundir myndu "
    "deyja í hverri viku."
)
OBSTACLES = 'Putin said Ukraine and its allies in Europe should not create "obstacles" to peace.'
THOUSANDS = "Trump said both of them wanted to prevent thousands of people dying every week."


def _briefing(first: str, second: str) -> tuple[Briefing, FakeLLM]:
    extracts = {
        "A1.C1 sentence A1.S1": point("position", "none", first),
        "A1.C1 sentence A1.S2": point("position", "none", second),
    }
    llm = FakeLLM(scripted(extracts))
    briefing = generate([article("A1", "is", TEXT)], llm, Options(languages=["en", "is"]))
    return briefing, llm


def test_a_good_translation_is_the_english_line_and_the_original_the_icelandic() -> None:
    briefing, llm = _briefing(OBSTACLES, THOUSANDS)

    asked = [r.messages[-1]["content"] for r in llm.requests if r.stage == "extract"]
    assert any("original of sentence [1], which the rough" in a and "friði" in a for a in asked)
    lines = {i.evidence[0]: i for i in briefing.positions}
    assert lines["A1.S1"].text["en"] == OBSTACLES  # "peace" is a sense of "friði"
    assert lines["A1.S1"].origin == {"en": "statement", "is": "quote:A1.S1"}
    assert lines["A1.S2"].text["en"] == THOUSANDS
    assert lines["A1.S2"].origin["en"] == "statement"


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        (OBSTACLES.replace("should not", "should"), THOUSANDS, "negates otherwise"),
        # one "not" more than the sentence's one "ekki": a negation added, not the one read
        (OBSTACLES.replace("Europe should", "Europe did not say they should"), THOUSANDS,
         "negates otherwise"),
        (OBSTACLES, THOUSANDS.replace("thousands", "hundreds"), "the size 'hundreds'"),
        (OBSTACLES.replace("Ukraine", "Zelensky"), THOUSANDS, "the name 'Zelensky'"),
        (OBSTACLES.replace('"obstacles" to peace', '"no more war in Europe"'), THOUSANDS,
         "the quote 'no more war in Europe'"),
    ],
)  # fmt: skip
def test_a_wrong_translation_is_dropped_by_code_and_the_original_stays(
    first: str, second: str, reason: str
) -> None:
    briefing, _ = _briefing(first, second)

    wrong = first if first != OBSTACLES else second
    assert all(wrong != i.text.get("en") for i in briefing.positions)
    assert any(d["text"] == wrong and reason in d["reason"] for d in briefing.dropped)
    shown = [
        i for i in briefing.positions if i.evidence[0] == ("A1.S1" if first == wrong else "A1.S2")
    ]
    assert shown and shown[0].origin["en"].startswith("original:is:")


def test_the_dictionary_gives_every_sense_of_every_reading() -> None:
    found = senses("ættu ekki að skapa hindranir fyrir friði", "is")
    assert {"peace", "create", "not"} <= found  # the gloss reads "friði" as "pacifies"
    assert senses("Frieden schaffen", "de") == frozenset()  # no Apertium pair: nothing


def test_magnitudes_are_plural_scale_words_without_a_number() -> None:
    assert magnitudes("Thousands died; dozens fled; two hundred stayed.") == {
        1000.0: "Thousands",
        12.0: "dozens",
    }


def test_eval_glossed_measures_the_cases_english_and_its_corruptions(tmp_path: Path) -> None:
    """`briefing eval glossed`: the case's English over Icelandic sentences passes, a
    corrupted copy's rate is reported, and a floor above what is measured fails."""
    shutil.copytree(CASES / "grimsey-ferry", tmp_path / "grimsey-ferry")
    report = tmp_path / "glossed.json"

    done = runner.invoke(eval_app, ["glossed", str(tmp_path), "--report-json", str(report)])
    assert done.exit_code == 0, done.output
    summary = json.loads(report.read_text())["summary"]
    assert summary["untouched"] == {"n": 1, "accepted": 1, "acceptance": 1.0}
    assert summary["changed_number"]["accepted"] == 0 < summary["changed_number"]["n"]

    failed = runner.invoke(eval_app, ["glossed", str(tmp_path), "--max-corrupted", "-1"])
    assert failed.exit_code == 1


def test_a_conditions_negation_is_kept_but_not_doubled() -> None:
    """atc-dispute: "If no agreement is reached…" for „Ef ekki semst…“ keeps the
    condition's one negation (Greynir's parse reads main clauses only); "If no agreement
    is not reached…" says it twice, more than the cited sentence has."""
    from helpers import source

    from briefing.stages.reading import read
    from briefing.stages.verify import _negation_turned

    reading = read([
        source("A1", "is", [
            "Ef ekki semst fyrir 1. desember hefur félagið boðað að það muni greiða atkvæði"
            " um verkfall.",
        ]),
    ])  # fmt: skip
    said = "If no agreement is reached before 1 December, the union will hold a vote on a strike."
    assert not _negation_turned(said, ["A1.S1"], reading)
    assert _negation_turned(said.replace("is reached", "is not reached"), ["A1.S1"], reading)
