"""The in-flight statement: what every stage after extraction hands on.

`stages.extract` makes a `Found`; verify, voice, cross-cite, actors, merge, disagree,
originals, write and the assembly read and replace it. It lives apart from the step that
makes it so that a later step depends on the statement, not on extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.core.models import Section

__all__ = ["Found"]


@dataclass
class Found:
    """One statement extracted from one chunk, in the pivot language, with sentence ids."""

    section: Section
    text: str
    evidence: list[str]
    source_id: str
    actor: str | None = None
    score: float | None = None  # the checker's support score, once checked
    edits: list[str] = field(default_factory=list)  # what stages.voice changed, for audit
    verified: bool = True  # False: `text` is a rough gloss, the item stands on its quote
    written: dict[str, str] = field(default_factory=dict)  # verified lines written per language
    # The model's statement ran past the length limit: the sentence is too long to state
    # in a short line, so it is kept as its quote (`stages.originals`).
    cut: bool = False
    # Where a position is filed when code finds no one holding it (the model's likeliest
    # other news kind): an item no one holds is no position (`stages.originals`).
    unheld: Section | None = None
    # Further sentences an item kept as its sentences states, after its first: the next
    # lines of one speaker, or a line pointing back at it (`merge.fold_lines`), shown
    # joined with the first (`localize.lines`), never only cited.
    continued: list[str] = field(default_factory=list)
    # Background only as code's unsure guess (`kinds.Kind.sure` False): dpa's "In
    # Rotterdam legen seit Montag rund 10.000 Hafenarbeiter die Arbeit nieder" (0.69),
    # which may still be the day's news another outlet gives differently.
    guessed: bool = False
