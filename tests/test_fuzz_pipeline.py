"""Fuzzing chunking and rendering over hostile text: no crash, chunks cover every
sentence in order within their budget, and the Markdown quotes exactly the cited text."""

from __future__ import annotations

import json
import re

from fuzz_strategies import any_text, nasty_text
from hypothesis import assume, given
from hypothesis import strategies as st

from briefing.core.inline import one_line
from briefing.core.models import Briefing, Item, Side, Source
from briefing.ingest.guard import quarantine
from briefing.ingest.segment import segment
from briefing.prompts import PromptSet
from briefing.render.markdown import render_json, render_markdown
from briefing.stages.chunk import chunk_source, count_tokens

_PROMPTS = PromptSet()


def _source(text: str, sid: str = "A1", language: str = "en") -> Source:
    source = Source(
        id=sid,
        path=f"{sid}.md",
        title=text[:40] or "untitled",
        language=language,
        text=text,
        sentences=segment(text, sid, language),
    )
    return quarantine(source)


@given(
    text=any_text,
    budget=st.integers(1, 400),
    overlap=st.integers(0, 399),
)
def test_chunks_cover_every_sentence_in_order(text: str, budget: int, overlap: int) -> None:
    assume(overlap < budget)
    source = _source(text)
    chunks = chunk_source(source, budget, overlap)
    fresh: list[str] = []
    for n, chunk in enumerate(chunks, 1):
        assert chunk.id == f"A1.C{n}" and chunk.sentences
        assert chunk.tokens == sum(count_tokens(s.text) + 1 for s in chunk.sentences)
        assert chunk.tokens <= budget or len(chunk.sentences) == 1 or n > 1
        fresh += [s.id for s in chunk.sentences if s.id not in fresh]
    assert fresh == [s.id for s in source.sentences]


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    texts = draw(st.lists(any_text, min_size=1, max_size=3))
    sources = [
        _source(t, f"A{n}", draw(st.sampled_from(["en", "is"]))) for n, t in enumerate(texts, 1)
    ]
    ids = [s.id for src in sources for s in src.sentences]
    assume(ids)
    langs = draw(st.lists(st.sampled_from(["en", "is"]), min_size=1, max_size=2, unique=True))

    def item(with_actor: bool) -> Item:
        evidence = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        text = {lang: draw(nasty_text) for lang in langs}
        actor = draw(st.none() | nasty_text) if with_actor else None
        return Item(text=text, evidence=evidence, actor=actor)

    def side() -> Side:
        evidence = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
        source = evidence[0].split(".")[0]
        return Side(
            source=source, text={lang: draw(nasty_text) for lang in langs}, evidence=evidence
        )

    disagreements = [
        Item(evidence=[e for s in sides for e in s.evidence], sides=sides)
        for sides in [[side(), side()] for _ in range(draw(st.integers(0, 2)))]
    ]
    return Briefing(
        languages=langs,
        sources=sources,
        agreements=[item(False) for _ in range(draw(st.integers(0, 3)))],
        open_issues=[item(False) for _ in range(draw(st.integers(0, 2)))],
        positions=[item(True) for _ in range(draw(st.integers(0, 2)))],
        disagreements=disagreements,
        dropped=[{"text": draw(nasty_text), "reason": draw(nasty_text)}],
    )


@given(briefing=briefings(), layout=st.sampled_from(["stacked", "paired"]))
def test_render_never_crashes_and_quotes_the_cited_sentences(
    briefing: Briefing, layout: str
) -> None:
    markdown = render_markdown(briefing, _PROMPTS, layout)
    index = briefing.sentence_index()
    for section in ("agreements", "open_issues", "positions", "disagreements"):
        for item in getattr(briefing, section):
            for e in item.evidence:
                assert f"[^{e}]: “{one_line(' '.join(index[e].text.split()))}”" in markdown
    # no value printed breaks a line or carries a control or bidi character
    assert not re.search(
        "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2028\u2029\u2066-\u2069]", markdown
    )
    again = Briefing.model_validate_json(render_json(briefing))
    assert again == briefing
    json.loads(render_json(briefing))


def test_a_sentence_carrying_the_chunk_separator_is_counted_alone() -> None:
    """Found by fuzzing: the token memo joined sentences with \\x1e, which hostile text
    may contain, and shifted every later sentence's count."""
    source = _source("Zero \x1e one two. Three four five.")
    [chunk] = chunk_source(source, 900)
    assert chunk.tokens == sum(count_tokens(s.text) + 1 for s in source.sentences)
