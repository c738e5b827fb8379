"""Errors the CLI turns into one friendly line and an exit status.

Anything raised as a `BriefingError` is the user's to fix (bad input, missing
model, unreachable server); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class BriefingError(Exception):
    """A failure the user can act on; `str(err)` is the one line they see."""

    exit_code = 1


class InputError(BriefingError):
    """Bad input: a missing, empty, binary or unsupported file, or a bad output path."""

    exit_code = 2


class LLMError(BriefingError):
    """The model or server failed in a way retries could not fix."""

    exit_code = 3


class ValidationFailed(LLMError):
    """The model kept answering with output that fails validation."""


class TruncatedAnswer(LLMError):
    """The model hit its token limit (finish reason `length`) before finishing."""
