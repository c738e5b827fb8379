"""Where the shipped prompts, templates and schemas live, installed or in a checkout.

The wheel carries them inside the package (`briefing/prompts`, `briefing/schemas`);
a source checkout keeps them at the top level, beside the package.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_dir(name: str) -> Path:
    """The directory of shipped data files called `name` (`prompts` or `schemas`)."""
    packaged = Path(str(files("briefing"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
