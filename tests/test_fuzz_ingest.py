"""Fuzzing ingest and segmentation: hostile bytes and text never crash, every id and
offset is valid, and what is refused is refused in one line with exit status 2."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from fuzz_strategies import any_text, article_bytes
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.errors import InputError
from briefing.core.models import Source
from briefing.ingest.read import load_sources
from briefing.ingest.segment import _capped, _rule_spans, segment
from briefing.lang.segment_is import SegmentationError, split_sentences

_ID = re.compile(r"A\d+\.S\d+")


def check_source(source: Source) -> None:
    """Ids unique and well formed, offsets exact, sentences in order and not overlapping."""
    every = sorted([*source.sentences, *source.suspect_sentences], key=lambda s: s.start)
    assert len({s.id for s in every}) == len(every)
    last = 0
    for s in every:
        assert _ID.fullmatch(s.id) and s.id.startswith(f"{source.id}.")
        assert 0 <= last <= s.start < s.end <= len(source.text)
        assert source.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        last = s.end
    numbers = [int(s.id.rsplit("S", 1)[1]) for s in every]
    assert numbers == list(range(1, len(every) + 1))


@given(data=article_bytes, suffix=st.sampled_from([".md", ".txt"]))
def test_any_file_is_read_or_refused_in_one_line(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        try:
            [source] = load_sources([path])
        except InputError as err:
            message = str(err)
            assert message and "\n" not in message and str(path) in message
            return
        check_source(source)
        assert source.title and "\n" not in source.title


@given(text=any_text, language=st.sampled_from(["en", "is", "ar", "he"]))
def test_segment_offsets_are_exact(text: str, language: str) -> None:
    sentences = segment(text, "A1", language)
    check_source(
        Source(id="A1", path="x", title="x", language=language, text=text, sentences=sentences)
    )


@given(text=any_text, most=st.integers(min_value=1, max_value=40))
def test_long_sentences_are_cut_into_exact_pieces_that_lose_no_text(text: str, most: int) -> None:
    for start, end in _rule_spans(text, "en"):
        pieces = _capped(text, [(start, end)], most)
        last = start
        for a, b in pieces:
            assert last <= a < b <= end and b - a <= most
            assert text[a:b] == text[a:b].strip()
            last = b
        kept = "".join(text[a:b] for a, b in pieces)
        assert re.sub(r"\s", "", kept) == re.sub(r"\s", "", text[start:end])


@given(text=any_text)
def test_icelandic_tokenizer_offsets_are_exact_or_refused(text: str) -> None:
    try:
        spans = split_sentences(text)
    except SegmentationError as err:
        assert "\n" not in str(err)
        return
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last = end


@pytest.mark.parametrize(
    "meta",
    ["- a\n- list", "just a string", "42", "[1, 2]", "title: [1, 2", "!!binary AAAA"],
)
def test_front_matter_that_is_not_a_mapping_is_refused_in_one_line(
    tmp_path: Path, meta: str
) -> None:
    article = tmp_path / "a.md"
    article.write_text(f"---\n{meta}\n---\nThe council met on Monday.\n")
    result = CliRunner().invoke(app, ["generate", str(article), "--backend", "fake", "-q"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(article) in lines[0]


def test_bytes_the_cli_refuses_get_one_line_and_exit_2(tmp_path: Path) -> None:
    cases = {
        "nul.md": b"Title\n\nText with a NUL \x00 inside.",
        "surrogate.md": "Title\n\nA lone \ud800 surrogate.".encode("utf-8", "surrogatepass"),
        "latin1.txt": "Fréttir á íslensku.".encode("latin-1"),
        "empty.md": b"\xef\xbb\xbf  \n\t\n",
        "only-front-matter.md": b"---\ntitle: x\n---\n",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = CliRunner().invoke(app, ["generate", str(path), "--backend", "fake", "-q"])
        assert result.exit_code == 2, (name, result.output)
        assert len(result.stderr.strip().splitlines()) == 1, name


def test_one_huge_line_with_no_line_break(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("word " * 39_000)  # 195,000 bytes: just under the size cap
    [source] = load_sources([article])
    check_source(source)


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    article = tmp_path / "big.md"
    article.write_bytes(b"x" * 200_001)
    result = CliRunner().invoke(app, ["generate", str(article), "--backend", "fake", "-q"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: {article} is 200,001 bytes, over the limit of 200,000 per article "
        "(--max-article-bytes)"
    )


def test_a_folder_of_thousands_of_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3000):
        (folder / f"{n:05}.md").write_text(f"Item {n}\n\nThe council met on day {n}.\n")
    result = CliRunner().invoke(app, ["generate", str(folder), "--backend", "fake", "-q"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: 3000 articles given, more than the limit of 50 per run (--max-articles)"
    )
    sources = load_sources([folder], max_articles=3000)
    assert [s.id for s in sources[:2]] == ["A1", "A2"] and len(sources) == 3000
    for source in sources[:50]:
        check_source(source)
