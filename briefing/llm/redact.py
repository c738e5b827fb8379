"""The API key taken out of whatever a server sends back, in every form cheap to detect.

Why: a server, a proxy or a model told to may echo the `Authorization` header inside an
answer or an error message. An answer is parsed, cached, remembered in the run memo and
may be published (a dropped statement's text); an error is printed. So the backend
passes both through a `Redactor` at its boundary, before anything else reads them.

Detected: the key, and any run of 8 or more of its characters (a prefix, a truncated
echo); its URL-encoded, JSON-escaped and hex forms; its base64 and URL-safe base64 at
each of the three byte alignments, which also catches "Bearer KEY" or "user:KEY"
encoded whole. Each becomes `***`. A key shorter than 4 characters is not redacted:
it would match ordinary words.
"""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import quote, quote_plus

__all__ = ["MASK", "Redactor"]

MASK = "***"
MIN_KEY = 4  # shorter keys are left alone: they would match ordinary text
RUN = 8  # a run of this many of a form's characters is redacted


class Redactor:
    """`redact(text)`: `text` with every detectable form of `secret` masked."""

    def __init__(self, secret: str) -> None:
        self._secret = secret if len(secret) >= MIN_KEY else ""
        forms = _forms(self._secret) if self._secret else set()
        self._windows = {f[i : i + RUN] for f in forms for i in range(len(f) - RUN + 1)}
        # Any RUN characters of a form hold one of its aligned half-runs whole: if the
        # text holds none of them (the usual case) it is searched no further.
        half = RUN // 2
        self._blocks = {f[i : i + half] for f in forms for i in range(0, len(f) - half + 1, half)}

    def __call__(self, text: str) -> str:
        if not self._secret or not text:
            return text
        if len(self._secret) < RUN:  # too short for runs: only the key itself
            return text.replace(self._secret, MASK)
        if not any(block in text for block in self._blocks):
            return text
        starts = [i for i in range(len(text) - RUN + 1) if text[i : i + RUN] in self._windows]
        if not starts:
            return text
        out, end = [], 0
        for start in starts:  # overlapping runs merge into one masked span
            if start > end:
                out.append(text[end:start] + MASK)
            elif not out:
                out.append(MASK)
            end = max(end, start + RUN)
        return "".join(out) + text[end:]


def _forms(secret: str) -> set[str]:
    """The key as a server might echo it."""
    raw = secret.encode("utf-8")
    forms = {
        secret,
        quote(secret, safe=""),
        quote_plus(secret),
        re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), quote(secret, safe="")),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        raw.hex(),
        raw.hex().upper(),
    }
    for shift in range(3):  # the characters that depend only on the key's own bytes
        encoded = base64.b64encode(b"\0" * shift + raw).decode("ascii")
        core = encoded[-(-8 * shift // 6) : 8 * (shift + len(raw)) // 6]
        forms |= {core, core.replace("+", "-").replace("/", "_")}
    return {form for form in forms if len(form) >= RUN}
