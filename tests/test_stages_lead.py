"""`stages.lead`: the briefing opens with what happened and the main agreement or dispute
most outlets report, rendered in every language by the items' own rules."""

from __future__ import annotations

import pytest
from helpers import briefing, item
from pydantic import ValidationError

from briefing.core.models import Briefing
from briefing.render.markdown import render_markdown
from briefing.stages.lead import lead


def test_the_lead_is_the_most_reported_agreement_and_open_issue() -> None:
    b = briefing(
        agreements=[
            item("Talks on fishing ended in Akureyri.", None, ["A1.S1"]),
            item("Iceland gets 16.5 percent.", "Ísland fær 16,5 prósent.", ["A1.S2", "A2.S2"]),
        ],
        open_issues=[item("Access is not settled.", None, ["A2.S2"])],
        positions=[item("Einar Solheim called the deal fair.", None, ["A1.S3", "A2.S3"])],
    )
    assert lead(b) == ["agreements[2]", "open_issues[1]"]
    assert lead(briefing(positions=b.positions)) == []


def test_the_lead_opens_with_what_happened_then_the_main_agreement_or_dispute() -> None:
    happened = [
        item("The ferry sailed at noon.", None, ["A1.S1"]),
        item("The port opened on Friday.", None, ["A1.S2", "A2.S2"]),
    ]
    b = briefing(
        developments=happened,
        agreements=[item("Both sides agreed to meet.", None, ["A1.S3"])],
        open_issues=[item("Fees are not settled.", None, ["A1.S4", "A2.S4"])],
    )
    assert lead(b) == ["developments[2]", "open_issues[1]"]
    assert lead(briefing(developments=happened)) == ["developments[2]"]


def test_the_lead_is_rendered_first_in_each_language() -> None:
    b = briefing(agreements=[item("Talks ended.", "Viðræðum lauk á Akureyri.", ["A1.S1", "A2.S1"])])
    b.lead = lead(b)
    text = render_markdown(b)

    assert "**In brief:** Talks ended.[^A1.S1][^A2.S1]" in text
    assert "**Í stuttu máli:** Viðræðum lauk á Akureyri.[^A1.S1][^A2.S1]" in text
    assert text.index("In brief") < text.index("### Agreements")


def test_a_lead_naming_no_item_is_refused_when_a_briefing_is_read() -> None:
    data = briefing(agreements=[item("Talks ended.", None, ["A1.S1"])]).model_dump()
    for key in ("agreements[2]", "agreements[0]", "sources[1]"):
        with pytest.raises(ValidationError, match="lead names no item"):
            Briefing.model_validate({**data, "lead": [key]})
    assert Briefing.model_validate({**data, "lead": ["agreements[1]"]}).lead == ["agreements[1]"]
