"""`stages.disagree.contrary_claims`: one party's "a deal was reached" against another
source's "no deal" is a disagreement, both sides as their items stand."""

from __future__ import annotations

from dataclasses import replace

from helpers import article

from briefing.lang.values import values
from briefing.stages.disagree import contrary_claims
from briefing.stages.found import Found
from briefing.stages.reading import Reading, read

ENGLISH = (
    "Trump and Putin met in Anchorage on Friday. "
    "There is no agreement on the war, the two leaders said."
)
ICELANDIC = (
    "Leiðtogarnir hittust í Anchorage á föstudag. "
    "Pútín fullyrti að þeir hefðu náð samkomulagi og sagði tímabært að lagfæra sambandið."
)


def _items(reading: Reading) -> tuple[Found, Found]:
    english, icelandic = (s.sentences[1].id for s in reading.sources)
    denial = Found("open_issues", "There is no agreement on the war.", [english], "E")
    claim = Found("positions", "gloss", [icelandic], "I", "Vladimir Putin", verified=False)
    return denial, claim


def test_a_claimed_deal_against_another_sources_no_deal_is_a_disagreement() -> None:
    reading = read([article("E", "en", ENGLISH), article("I", "is", ICELANDIC)])
    denial, claim = _items(reading)

    [conflict] = contrary_claims([denial, claim], reading)

    assert (conflict.first, conflict.second) == (claim, denial)


def test_no_disagreement_within_one_source_one_holder_or_a_negated_claim() -> None:
    reading = read([article("E", "en", ENGLISH), article("I", "is", ICELANDIC)])
    denial, claim = _items(reading)

    assert contrary_claims([replace(denial, actor="Vladimir Putin"), claim], reading) == []
    assert contrary_claims([replace(denial, source_id="I"), claim], reading) == []
    assert contrary_claims([denial, replace(claim, actor=None)], reading) == []
    negated = ICELANDIC.replace("hefðu náð", "hefðu ekki náð")
    reading = read([article("E", "en", ENGLISH), article("I", "is", negated)])
    assert contrary_claims(list(_items(reading)), reading) == []


def test_a_side_that_stands_on_its_quote_is_shown_as_its_marked_original() -> None:
    """The claim's English is a rough gloss: the side shows the Icelandic sentence marked
    [is] with the gloss beside it, never the gloss as a statement."""
    from briefing.stages.build import assemble

    reading = read([article("E", "en", ENGLISH), article("I", "is", ICELANDIC)])
    denial, claim = _items(reading)
    [conflict] = contrary_claims([denial, claim], reading)

    briefing = assemble(reading, [denial, claim], [conflict], ["en", "is"], [])

    [shown] = briefing.disagreements
    first = shown.sides[0]
    assert first.origin == {
        "en": f"original:is:{claim.evidence[0]}",
        "is": f"quote:{claim.evidence[0]}",
    }
    assert first.gloss["en"] == reading.gloss[claim.evidence[0]]
    assert briefing.positions == []  # shown once, as its side
    assert [i.evidence for i in briefing.open_issues] == [denial.evidence]


def test_two_outlets_naming_other_months_disagree_and_the_side_is_worded_as_stated() -> None:
    """mackerel-talks: the English report puts the next round in March, the Icelandic in
    April; only the English sentence has a statement, so the Icelandic side is its month
    worded as the statement words it. "in March" and "3 March" do not disagree."""
    from briefing.stages.align import differing
    from briefing.stages.disagree import value_side

    english = "Solheim said the next round of talks would be held in Bergen in March."
    icelandic = "Næsta lota viðræðnanna verður í Björgvin í apríl."
    reading = read([article("E", "en", english), article("I", "is", icelandic)])
    e, i = (s.sentences[0].id for s in reading.sources)
    pair = differing(reading.values[e], reading.values[i])

    assert pair is not None
    assert value_side(english, *pair, i, reading) == "in April"
    assert differing(reading.values[e], frozenset(values("It ends on 3 March.", "en"))) is None


def test_a_sentence_a_hidden_side_cites_that_no_side_shows_is_still_published() -> None:
    """snjoflod (a story of my own): RÚV's "Veðurstofa Íslands lýsti í nótt yfir
    hættustigi…", folded into mbl.is's "42 hús … rýmd eftir að Veðurstofan lýsti yfir
    hættustigi…", went with it into the disagreement over 42 and 45 houses, and no
    column showed it; a sentence of that item giving no value is its own item."""
    from briefing.stages.build import assemble
    from briefing.stages.disagree import Conflict

    mbl = article("A", "is", (
        "Á Ísafirði og í Hnífsdal hafa 42 hús verið rýmd eftir að Veðurstofan lýsti yfir "
        "hættustigi í nótt."
    ))  # fmt: skip
    ruv = article("B", "is", "Veðurstofa Íslands lýsti í nótt yfir hættustigi á Ísafirði.")
    visir = article("C", "is", "Skömmu síðar voru íbúar 45 húsa á Ísafirði vaktir.")
    reading = read([mbl, ruv, visir])
    folded = Found("developments", "gloss", ["A.S1", "B.S1"], "A", verified=False)
    other = Found("developments", "gloss", ["C.S1"], "C", verified=False)

    briefing = assemble(reading, [folded, other], [Conflict(folded, other)], ["en", "is"], [])

    assert [i.evidence for i in briefing.developments] == [["B.S1"]]
    assert briefing.developments[0].origin["is"] == "quote:B.S1"
    assert [side.evidence for side in briefing.disagreements[0].sides] == [["A.S1"], ["C.S1"]]
