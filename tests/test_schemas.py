"""The checked-in JSON Schemas match the Pydantic models they are exported from."""

from __future__ import annotations

import pytest

from briefing.core.resources import data_dir
from briefing.stages.schema_export import MODELS, schema_text


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_file_matches_its_model(name: str) -> None:
    path = data_dir("schemas") / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(MODELS[name]), (
        f"{path} is stale: run `python -m briefing.stages.schema_export`"
    )
