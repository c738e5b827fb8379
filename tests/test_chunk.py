"""Token counting and chunking: budgets, overlap, progress, ids and halving."""

from __future__ import annotations

import itertools

import pytest

from briefing.core.models import Chunk, Source
from briefing.ingest.segment import segment
from briefing.stages.chunk import _encoding, chunk_source, chunk_sources, count_tokens

SENTENCES = [
    "Viðræðum um makrílkvóta lauk í Þórshöfn í gær án samkomulags.",
    "Fundurinn stóð yfir í sex klukkustundir.",
    "„Það er enginn samningur fyrr en allt er frágengið,“ sagði formaður samninganefndarinnar.",
    "Norski ráðherrann var bjartsýnni en aðrir fundarmenn.",
    "Hann sagðist telja líklegt að ríkin næðu saman fyrir haustið.",
    "Færeyingar vildu ekki tjá sig um niðurstöðuna.",
    "Næsti fundur verður haldinn í Reykjavík í september.",
    "Þar verður einnig rætt um veiðar á síld og kolmunna.",
    "Útgerðarmenn segja óvissuna dýra fyrir greinina.",
    "Ráðuneytið mun birta yfirlýsingu á morgun.",
]


def make_source(sentences: list[str] = SENTENCES, source_id: str = "A2") -> Source:
    text = " ".join(sentences)
    segmented = segment(text, source_id, "is")
    assert [s.text for s in segmented] == sentences
    return Source(
        id=source_id, path="x.txt", title="t", language="is", text=text, sentences=segmented
    )


def cost(chunk: Chunk) -> int:
    return sum(count_tokens(s.text) + 1 for s in chunk.sentences)


def test_count_tokens() -> None:
    assert count_tokens("") == 0
    assert count_tokens("hello world") == 2
    assert count_tokens("Þórshöfn") > count_tokens("Tórshavn") > 0
    assert count_tokens("<|endoftext|>") > 1  # plain text, not a special token, no error
    assert _encoding() is _encoding()


BUDGETS = [(m, o) for m in (1, 15, 30, 45, 80, 200, 10_000) for o in (0, 10, 25) if o < m]


@pytest.mark.parametrize(("max_tokens", "overlap"), BUDGETS)
def test_chunks_respect_budget_and_cover_all_sentences(max_tokens: int, overlap: int) -> None:
    source = make_source()
    chunks = chunk_source(source, max_tokens, overlap)
    positions = {s.id: i for i, s in enumerate(source.sentences)}
    seen: list[str] = []
    for chunk in chunks:
        assert chunk.source_id == "A2" and chunk.language == "is"
        assert chunk.tokens == cost(chunk)
        assert chunk.tokens <= max_tokens or len(chunk.sentences) == 1
        assert count_tokens(" ".join(s.text for s in chunk.sentences)) <= chunk.tokens
        index = [positions[s.id] for s in chunk.sentences]
        assert index == list(range(index[0], index[0] + len(index)))  # consecutive
        seen += [s.id for s in chunk.sentences if s.id not in seen]
    assert seen == [s.id for s in source.sentences]
    assert [c.id for c in chunks] == [f"A2.C{n}" for n in range(1, len(chunks) + 1)]


def test_without_overlap_chunks_partition_the_source() -> None:
    source = make_source()
    chunks = chunk_source(source, max_tokens=40)
    assert len(chunks) > 2
    assert [s for c in chunks for s in c.sentences] == source.sentences


def test_packing_is_greedy() -> None:
    source = make_source()
    chunks = chunk_source(source, max_tokens=40)
    for chunk, following in itertools.pairwise(chunks):
        assert chunk.tokens + count_tokens(following.sentences[0].text) + 1 > 40


def test_one_chunk_when_everything_fits() -> None:
    source = make_source()
    (chunk,) = chunk_source(source)
    assert chunk.id == "A2.C1"
    assert chunk.sentences == source.sentences


def test_overlap_repeats_trailing_sentences_within_budget() -> None:
    source = make_source()
    chunks = chunk_source(source, max_tokens=80, overlap_tokens=30)
    assert len(chunks) > 2
    overlapped = 0
    for previous, chunk in itertools.pairwise(chunks):
        shared = [s for s in chunk.sentences if s in previous.sentences]
        assert shared == previous.sentences[len(previous.sentences) - len(shared) :]
        assert len(shared) < len(previous.sentences)  # never the whole previous chunk
        assert sum(count_tokens(s.text) + 1 for s in shared) <= 30
        assert chunk.sentences[len(shared)] not in previous.sentences  # progress
        overlapped += bool(shared)
    assert overlapped > 0


def test_overlong_sentence_is_its_own_chunk() -> None:
    long = "Fundurinn var langur og " + "mjög " * 120 + "þreytandi."
    source = make_source([SENTENCES[0], long, SENTENCES[1]])
    chunks = chunk_source(source, max_tokens=60, overlap_tokens=30)
    assert [[s.text for s in c.sentences] for c in chunks] == [
        [SENTENCES[0]],
        [long],  # no room to overlap the first sentence, nor to repeat it later
        [SENTENCES[1]],
    ]
    assert chunks[1].tokens > 60


def test_overlap_never_stalls_on_large_sentences() -> None:
    sentences = [f"Setning númer {n} er " + "frekar " * 10 + "löng." for n in range(12)]
    source = make_source(sentences)
    chunks = chunk_source(source, max_tokens=30, overlap_tokens=29)
    assert len(chunks) <= len(sentences)
    assert chunks[-1].sentences[-1] == source.sentences[-1]


def test_source_without_sentences_has_no_chunks() -> None:
    source = Source(id="A1", path="x", title="t", language="en", text="", sentences=[])
    assert chunk_source(source) == []


@pytest.mark.parametrize(("max_tokens", "overlap"), [(0, 0), (-5, 0), (100, -1), (100, 100)])
def test_invalid_arguments(max_tokens: int, overlap: int) -> None:
    with pytest.raises(ValueError):
        chunk_source(make_source(), max_tokens, overlap)


def test_chunk_sources_keeps_source_order() -> None:
    first, second = make_source(source_id="A1"), make_source(SENTENCES[:3], source_id="A2")
    chunks = chunk_sources([first, second], max_tokens=60)
    assert [c.source_id for c in chunks] == sorted(c.source_id for c in chunks)
    assert chunks[0].id == "A1.C1" and chunks[-1].id.startswith("A2.C")
    assert chunks == chunk_source(first, 60) + chunk_source(second, 60)
