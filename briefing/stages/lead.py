"""What the briefing opens with, chosen by code from its own items: the agreement and the
open issue the most outlets report (ties to the earlier). The lead repeats items, each
in every language by the items' own rules (quoted, verified, or marked), so it says
nothing the items do not."""

from __future__ import annotations

from briefing.core.ids import source_of
from briefing.core.models import Briefing, Item

SECTIONS = ("agreements", "open_issues")


def lead(briefing: Briefing) -> list[str]:
    """Keys (`agreements[1]`: 1-based, as the eval's claim ids) of the lead's items."""
    keys = []
    for section in SECTIONS:
        items: list[Item] = getattr(briefing, section)
        if items:  # max() keeps the first of equally reported items
            best = max(range(len(items)), key=lambda n: _outlets(items[n]))
            keys.append(f"{section}[{best + 1}]")
    return keys


def _outlets(item: Item) -> int:
    return len({source_of(e) for e in item.evidence})
