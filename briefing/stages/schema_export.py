"""Export the Pydantic models as JSON Schema files: `python -m briefing.stages.schema_export`.

`schemas/` is checked in so that consumers of the briefing JSON can validate it without
Python; a test fails when a file there drifts from its model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from briefing.core.models import Briefing
from briefing.core.resources import data_dir
from briefing.stages.answers import Point

MODELS: dict[str, type[BaseModel]] = {
    "briefing": Briefing,
    "point": Point,
}


def schema_text(model: type[BaseModel]) -> str:
    return json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def export(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in MODELS.items():
        path = directory / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir("schemas")
    for path in export(target):
        print(path)
