"""What a run is asked to do, apart from its articles and backend: `Options`.

In a module of its own so that the entry (`stages.pipeline`), the stages (`stages.build`)
and the run memo (`stages.run_memo`) all read it without importing one another: the memo
keys a run by `Options.shaping()`, not by the class.
"""

from __future__ import annotations

__all__ = ["MAX_ARTICLE_SENTENCES", "MAX_SENTENCES", "Options"]

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing.prompts import PromptSet

if TYPE_CHECKING:
    from briefing.check.checker import Checker as SupportChecker
    from briefing.stages.run_memo import RunMemo

# Work limits: model calls (and most other work) grow with sentences, so bytes alone do
# not bound a run; a 200 KB article of short sentences asked for 2,500 calls. A long
# feature (10,000 words) has ~500 sentences, a news report 20-60. `generate
# --max-article-sentences/--max-sentences` change them.
MAX_ARTICLE_SENTENCES = 600
MAX_SENTENCES = 3_000


@dataclass
class Options:
    """Everything about a run that is not the articles or the backend."""

    languages: list[str] = field(default_factory=lambda: ["en", "is"])
    chunk_tokens: int = 900
    overlap_tokens: int = 0
    max_attempts: int = 3
    concurrency: int = 1
    prompts: PromptSet = field(default_factory=PromptSet)
    check: bool = True  # a statement must pass the support checker to be published
    # Write an Icelandic line for an item no Icelandic sentence states, published only
    # where the gate and the checker pass (`stages.write`). Asked for (--write-icelandic):
    # the embedded model's Icelandic passed the gate 0 times in 50 (evals/gate/README.md),
    # and each attempt costs generated tokens.
    write: bool = False

    checker: SupportChecker | None = None  # default: the checker judging with the same LLM
    # Finished briefings of earlier runs. Only for backends whose answers may be replayed
    # (the CLI passes one unless --no-cache); ignored with a custom `checker`, whose
    # identity the key cannot see.
    memo: RunMemo | None = None
    max_article_sentences: int = MAX_ARTICLE_SENTENCES
    max_sentences: int = MAX_SENTENCES  # in all the articles of a run
    # The call log's run id (`briefing.llm.calllog`), recorded in `RunInfo.log_id`.
    log_id: str | None = None

    def shaping(self) -> dict[str, Any]:
        """The options that shape a briefing's content, as the run memo keys them
        (concurrency, the checker object and the memo itself do not)."""
        return {
            "languages": list(self.languages),
            "chunking": [self.chunk_tokens, self.overlap_tokens],
            "max_attempts": self.max_attempts,
            "prompts": self.prompts.provenance(),
            "check": self.check,
            "write": self.write,
        }
