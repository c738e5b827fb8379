"""What the briefing opens with, chosen by code from its own items: what happened (the
development the most outlets report) and the main agreement or dispute (the agreement
or open issue the most outlets report), at most two items, ties to the earlier; with no
development, the main agreement and the main open issue. The lead repeats items, each in
every language by the items' own rules (quoted, verified, or marked), so it says nothing
the items do not."""

from __future__ import annotations

from briefing.core.ids import source_of
from briefing.core.models import Briefing, Item

OUTCOMES = ("agreements", "open_issues")


def lead(briefing: Briefing) -> list[str]:
    """Keys (`agreements[1]`: 1-based, as the eval's claim ids) of the lead's items."""
    happened = _best(briefing, ("developments",))
    if happened is None:
        return [key for section in OUTCOMES if (key := _best(briefing, (section,)))]
    outcome = _best(briefing, OUTCOMES)
    return [happened] + ([outcome] if outcome else [])


def _best(briefing: Briefing, sections: tuple[str, ...]) -> str | None:
    """The key of the item of `sections` the most outlets report (max keeps the first)."""
    keys = [
        (f"{section}[{n}]", item)
        for section in sections
        for n, item in enumerate(getattr(briefing, section), start=1)
    ]
    return max(keys, key=lambda k: _outlets(k[1]))[0] if keys else None


def _outlets(item: Item) -> int:
    return len({source_of(e) for e in item.evidence})
