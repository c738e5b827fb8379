"""`briefing generate` end to end on the real embedded model (slow: about a minute)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.models import SECTIONS, Briefing

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.embedded
def test_generate_examples_on_the_embedded_model(
    tmp_path: Path, require_llama_cpp: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(tmp_path / "answers"))
    md, js = tmp_path / "briefing.md", tmp_path / "briefing.json"
    result = CliRunner().invoke(
        app, ["generate", str(EXAMPLES), "-o", str(md), "--json", str(js), "-q"]
    )

    assert result.exit_code == 0, result.output
    briefing = Briefing.model_validate(json.loads(js.read_text()))
    items = [item for section in SECTIONS for item in getattr(briefing, section)]
    assert items, "the model found nothing to report"
    sentences = briefing.sentence_index()
    for item in items:
        # A disagreement's words are its sides'; every other item speaks for itself.
        for said in item.sides or [item]:
            assert set(said.text) == {"en", "is"} and all(said.text.values())
        assert item.evidence and all(e in sentences for e in item.evidence)
    assert briefing.run is not None and briefing.run.backend == "embedded"
    # one call: the German sentences' English; code reads every kind and holder
    assert briefing.run.model_sha256 and briefing.run.usage["translate"].calls >= 1
    text = md.read_text()
    assert "## English" in text and "## Íslenska" in text
    first = items[0].evidence[0]
    quote = " ".join(sentences[first].text.split())
    assert f"[^{first}]: “{quote}”" in text
    assert "generated tokens" in result.stderr
