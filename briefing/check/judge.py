"""The LLM judge: one short, schema-constrained verdict per question, majority of N votes.

Generated tokens are the cost on the embedded model, so the answer is a label and a
reason of at most 20 words. An answer that fails validation after the re-asks is
*unscored*, not wrong. Every verdict keeps the prompt and the raw answers for the report.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from briefing.core.errors import TruncatedAnswer, ValidationFailed
from briefing.core.meter import Meter
from briefing.llm.base import LLM, Message, Request, Response, llm_info, sampling
from briefing.llm.structured import AskOptions, ask
from briefing.prompts import PromptSet

UNSCORED = "unscored"


class _Verdict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(max_length=160, description="Why, in at most 20 words.")


class SupportVerdict(_Verdict):
    """Does the evidence state the claim?"""

    label: Literal["supported", "not_supported", "contradicted"]


class ConsistencyVerdict(_Verdict):
    """Do the language versions state the same facts?"""

    label: Literal["same", "different"]


class AttributionVerdict(_Verdict):
    """Do the sentences attribute the position to this actor?"""

    label: Literal["yes", "no", "unclear"]


# Ties go to the more severe label: a judge that cannot decide has not shown support.
SEVERITY = {
    "supported": 0,
    "not_supported": 1,
    "contradicted": 2,
    "same": 0,
    "different": 1,
    "yes": 0,
    "unclear": 1,
    "no": 2,
}


@dataclass
class Judgement:
    """The majority label (or `unscored`), its reason, and the record of how it was reached."""

    label: str
    reason: str
    votes: list[str] = field(default_factory=list)
    prompt: list[Message] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class _Sampled:
    """The same backend at another temperature and seed, so N votes are N opinions."""

    def __init__(self, llm: LLM, temperature: float, seed: int) -> None:
        self._llm, self._temperature, self._seed = llm, temperature, seed
        self.name, self.model = llm.name, llm.model
        self.max_concurrency = llm.max_concurrency

    def complete(self, request: Request) -> Response:
        return self._llm.complete(
            dataclasses.replace(request, temperature=self._temperature, seed=self._seed)
        )


@dataclass
class Judge:
    """Asks `llm` the three questions of the faithfulness eval."""

    llm: LLM
    votes: int = 1
    max_tokens: int = 80
    vote_temperature: float = 0.7
    prompts: PromptSet = field(default_factory=PromptSet)
    meter: Meter = field(default_factory=Meter)

    def provenance(self) -> dict[str, Any]:
        """Backend, weights, sampling, votes and the judge prompts' hashes, for the report."""
        return {
            **llm_info(self.llm),
            "sampling": sampling(self.max_tokens),
            "votes": self.votes,
            "vote_temperature": self.vote_temperature,
            "prompts": self.prompts.provenance("judge"),
        }

    def support(self, claim: str, sentences: list[tuple[str, str]], label: str) -> Judgement:
        user = self.prompts.render("judge.user", sentences=sentences, claim=claim)
        return self._ask("judge", user, SupportVerdict, label)

    def consistency(self, versions: list[tuple[str, str]], label: str) -> Judgement:
        user = self.prompts.render("judge_consistency.user", versions=versions)
        return self._ask("judge_consistency", user, ConsistencyVerdict, label)

    def attribution(
        self, actor: str, claim: str, sentences: list[tuple[str, str]], label: str
    ) -> Judgement:
        user = self.prompts.render(
            "judge_attribution.user", sentences=sentences, actor=actor, claim=claim
        )
        return self._ask("judge_attribution", user, AttributionVerdict, label)

    def _ask(self, name: str, user: str, verdict: type[_Verdict], label: str) -> Judgement:
        messages = [
            {"role": "system", "content": self.prompts.render(f"{name}.system")},
            {"role": "user", "content": user},
        ]
        answers: list[str] = []
        votes: list[tuple[str, str]] = []

        def record(stage: str, response: Response) -> None:
            answers.append(response.text)
            self.meter.record(stage, response)

        for n in range(max(1, self.votes)):
            llm = self.llm if n == 0 else _Sampled(self.llm, self.vote_temperature, n)
            try:
                answer = ask(
                    llm,
                    messages,
                    verdict,
                    AskOptions(
                        max_tokens=self.max_tokens,
                        stage="judge",
                        label=f"judge {label}",
                        record=record,
                        max_attempts=2,
                    ),
                )
            except (ValidationFailed, TruncatedAnswer):
                continue
            votes.append((answer.label, answer.reason))  # type: ignore[attr-defined]
        if not votes:
            return Judgement(
                UNSCORED, "the judge's answer could not be parsed", [], messages, answers
            )
        label_out = majority([v for v, _ in votes])
        reason = next(r for v, r in votes if v == label_out)
        return Judgement(label_out, reason, [v for v, _ in votes], messages, answers)


def majority(labels: list[str]) -> str:
    """The most common label; a tie goes to the more severe one."""
    counts = Counter(labels)
    return max(counts, key=lambda lab: (counts[lab], SEVERITY.get(lab, 0)))
