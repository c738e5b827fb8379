"""The faithfulness eval: code checks and an LLM judge over every claim of a briefing.

`briefing.cli.eval.eval_app` is the `briefing eval` command group; the functions below
are the library API the CLI, the perturbation tool and the tests share.
"""

from briefing.check.judge import Judge, Judgement
from briefing.eval.metrics import REGISTRY, metrics
from briefing.eval.scorers import SCORERS, Claim, Context, Sample, Score, evaluate

__all__ = [
    "REGISTRY",
    "SCORERS",
    "Claim",
    "Context",
    "Judge",
    "Judgement",
    "Sample",
    "Score",
    "evaluate",
    "metrics",
]
