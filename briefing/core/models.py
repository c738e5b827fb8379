"""The data that flows through the pipeline: sources, sentences, chunks and the briefing.

These are the public shapes (the briefing JSON is `Briefing.model_dump_json()`); the
compact shapes the model itself writes live in `briefing.stages.answers`.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from briefing.core import ids

Section = Literal[
    "developments", "agreements", "open_issues", "positions", "disagreements", "background"
]
# In reading order: what happened first, then what was agreed, what is open, who holds
# what, where the sources differ, and last the context the news stands in.
SECTIONS: tuple[Section, ...] = (
    "developments", "agreements", "open_issues", "positions", "disagreements", "background",
)  # fmt: skip


class Sentence(BaseModel):
    """One source sentence; `start`/`end` are character offsets into the source text."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable id such as A2.S7: article 2, sentence 7.")
    source_id: str = Field(description="Id of the source the sentence belongs to: A2.")
    text: str
    start: int
    end: int

    @model_validator(mode="before")
    @classmethod
    def _older_json(cls, data: Any) -> Any:
        """Briefings written before `source_id` existed still load."""
        if isinstance(data, dict) and "source_id" not in data and "id" in data:
            return {**data, "source_id": ids.source_of(str(data["id"]))}
        return data


class SuspectSentence(Sentence):
    """A sentence that addresses the model or the reader ("ignore previous instructions",
    a fake `System:` line, an advert): kept for audit, never offered to the model, never
    citable. Found by code at ingest (`briefing.ingest.guard`)."""

    reason: str = Field(description="Why the sentence reads as an instruction, not news.")


class SuspectLabel(BaseModel):
    """A title or outlet name that reads as an instruction: replaced in the source (outlet
    by the URL's host, title by the first sentence), kept here for audit."""

    model_config = ConfigDict(extra="forbid")

    field: Literal["title", "outlet"]
    text: str = Field(description="The label as read, normalised.")
    reason: str = Field(description="Why it reads as an instruction, not a name.")


class Source(BaseModel):
    """One article as read from disk, segmented into sentences."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="A1, A2, ... in input order.")
    path: str
    title: str
    language: str = Field(description="ISO 639-1 code detected from the text.")
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    text: str = Field(description="The article body the sentence offsets point into.")
    sentences: list[Sentence]
    suspect_sentences: list[SuspectSentence] = Field(
        default_factory=list,
        description="Sentences set apart as instructions to the model or reader: not evidence.",
    )
    suspect_labels: list[SuspectLabel] = Field(
        default_factory=list,
        description="Its title or outlet name, set apart as an instruction and replaced.",
    )


class Chunk(BaseModel):
    """A run of consecutive sentences from one source, sized in tokens for one LLM call."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="A1.C1, A1.C2, ...")
    source_id: str
    language: str
    sentences: list[Sentence]
    tokens: int


ORIGIN = (
    "Language code -> where that line comes from: 'statement' (the verified statement), "
    "'quote:<sentence id>' (the cited source sentence in that language, verbatim) or "
    "'fallback' (no verified line in that language: the English statement) or "
    "'original:<its language>:<sentence id>' (no verified line in that language: the cited "
    "sentence verbatim in its own language, with an unverified rough gloss in `gloss`). "
    "An item whose lines tell on from each other (one speaker's next line, a sentence "
    "pointing back) quotes each: '<id>+<id>', in that order, joined by a space, or by "
    "' … ' where text lies between."
)

GLOSS = (
    "Language code -> a rough machine gloss into that language of the line shown there "
    "as 'original:…': unverified, for orientation only."
)


class Side(BaseModel):
    """What one source says in a disagreement: its own statement and evidence."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="Id of the source that says this: A1, A2, ...")
    also: list[str] = Field(
        default_factory=list,
        description="Ids of other sources that give this side's value too, cited in `evidence`.",
    )
    text: dict[str, str] = Field(description="Language code -> this side in that language.")
    origin: dict[str, str] = Field(default_factory=dict, description=ORIGIN)
    gloss: dict[str, str] = Field(default_factory=dict, description=GLOSS)
    evidence: list[str] = Field(min_length=1, description="Ids of the sentences cited.")


class Item(BaseModel):
    """One statement of the briefing, in every output language, with its evidence.

    A disagreement has no text of its own: its `sides` say what each source states,
    and the renderer composes them ("X — whereas Y").
    """

    model_config = ConfigDict(extra="forbid")

    text: dict[str, str] = Field(
        default_factory=dict,
        description="Language code -> the statement in that language (empty with sides).",
    )
    evidence: list[str] = Field(min_length=1, description="Ids of the source sentences cited.")
    origin: dict[str, str] = Field(default_factory=dict, description=ORIGIN)
    gloss: dict[str, str] = Field(default_factory=dict, description=GLOSS)
    actor: str | None = Field(
        default=None,
        description=(
            "Who holds the position; in another section, the speaker its line gives by a "
            "pronoun or title alone."
        ),
    )
    score: float | None = Field(
        default=None, description="The checker's support score, where a checker ran."
    )
    sides: list[Side] = Field(
        default_factory=list, description="Disagreements only: what each source says."
    )
    edits: list[str] = Field(
        default_factory=list,
        description=(
            "What code changed in the statement for the briefing's own voice (a dangling "
            "opener removed, a person named, an outlet's word dropped), with the sentences "
            "that name them: the cited sentence with these edits."
        ),
    )


class Usage(BaseModel):
    """What the LLM answers behind one stage or a whole briefing cost.

    An answer served from the answer cache counts at what it cost when it was generated,
    so a re-run from the cache describes the same content with the same figures. (The
    seconds of stages without model calls are a process figure: `generate --stats`.)
    """

    model_config = ConfigDict(extra="forbid")

    calls: int = Field(default=0, description="Answers used, fresh or from the cache.")
    prompt_tokens: int = Field(default=0, description="Prompt tokens sent.")
    prompt_tokens_evaluated: int = Field(
        default=0,
        description="Prompt tokens the model evaluated: those sent less the prefix it reused.",
    )
    completion_tokens: int = 0
    seconds: float = Field(default=0.0, description="LLM seconds, cached answers at first cost.")
    cost: float | None = Field(
        default=None, description="Price of the tokens, when prices per 1M tokens are set."
    )

    def add(self, other: Usage) -> None:
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.prompt_tokens_evaluated += other.prompt_tokens_evaluated
        self.completion_tokens += other.completion_tokens
        self.seconds = round(self.seconds + other.seconds, 3)
        if other.cost is not None:
            self.cost = round((self.cost or 0.0) + other.cost, 6)


class PromptInfo(BaseModel):
    """One prompt as used: its content hash and whether it came from an override folder."""

    model_config = ConfigDict(extra="forbid")

    sha256: str
    origin: Literal["shipped", "override"] = "shipped"


class RunInfo(BaseModel):
    """How the briefing was made: enough to reproduce it and to compare runs.

    Only what describes the content: a re-run from the answer cache writes the same
    record. What describes one process (calls made now, cache hits, wall time) goes to
    stderr and, when asked, to a `--stats` file.
    """

    model_config = ConfigDict(extra="forbid")

    backend: str
    model: str
    model_sha256: str | None = None
    languages: list[str]
    sampling: dict[str, float | int | None] = Field(default_factory=dict)
    prompts: dict[str, PromptInfo] = Field(default_factory=dict, description="Prompt name -> hash.")
    usage: dict[str, Usage] = Field(default_factory=dict, description="Stage -> usage.")
    log_id: str | None = Field(
        default=None,
        description="The call-log run whose calls made these answers (`briefing logs --run`).",
    )


LEAD_KEY = re.compile(rf"({'|'.join(SECTIONS)})\[(\d{{1,6}})\]")


class Briefing(BaseModel):
    """The whole output: sources with their sentences, its sections, and run info."""

    model_config = ConfigDict(extra="forbid")

    languages: list[str]
    sources: list[Source]
    developments: list[Item] = Field(
        default_factory=list,
        description="What happened: events, actions and figures the sources report as fact.",
    )
    agreements: list[Item] = Field(default_factory=list)
    open_issues: list[Item] = Field(default_factory=list)
    positions: list[Item] = Field(default_factory=list)
    disagreements: list[Item] = Field(default_factory=list)
    background: list[Item] = Field(
        default_factory=list,
        description="Context the news stands in, as the sources state it: standing facts, "
        "earlier steps, figures that frame today (`stages.context`); the few the most "
        "outlets report.",
    )
    lead: list[str] = Field(
        default_factory=list,
        description="The items the briefing opens with, as keys such as `agreements[1]` "
        "(1-based): what happened and the main agreement or dispute, as the most outlets "
        "report them (`stages.lead`).",
    )
    dropped: list[dict[str, str]] = Field(
        default_factory=list,
        description="Statements the code checks rejected, with the reason: kept for audit.",
    )
    run: RunInfo | None = None

    @model_validator(mode="after")
    def _lead_names_items(self) -> Briefing:
        """A lead key names an item the briefing has: a JSON file read back is input."""
        for key in self.lead:
            found = LEAD_KEY.fullmatch(key)
            if not found or not 1 <= int(found[2]) <= len(getattr(self, found[1])):
                raise ValueError(f"lead names no item of the briefing: {key!r}")
        return self

    def item(self, key: str) -> Item:
        """The item a key such as `agreements[1]` names (1-based)."""
        found = LEAD_KEY.fullmatch(key)
        if found is None:
            raise KeyError(key)
        return getattr(self, found[1])[int(found[2]) - 1]  # type: ignore[no-any-return]

    def speaker(self, key: str) -> str | None:
        """Whom the lead names before the item a key names: a speaker its line gives by a
        pronoun or title alone, where the item is no position (a position's line names its
        holder: "…, airport operator Isavia said")."""
        return None if key.startswith("positions") else self.item(key).actor

    def sentence_index(self) -> dict[str, Sentence]:
        return {s.id: s for src in self.sources for s in src.sentences}

    def source_of(self, sentence_id: str) -> Source:
        source_id = self.sentence_index()[sentence_id].source_id
        return next(s for s in self.sources if s.id == source_id)
