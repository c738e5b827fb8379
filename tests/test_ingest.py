"""Loading articles: files and directories, front matter, language, and every bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.errors import InputError
from briefing.ingest.read import load_sources

# Short paragraphs about a fictional event, written for these tests.
EN_TEXT = """\
Fishing talks end without a deal

Talks between Iceland, Norway and the Faroe Islands on sharing the mackerel quota ended \
on Tuesday without an agreement. "There is no deal until everything is settled," said the \
head of the Icelandic delegation.
"""

IS_TEXT = """\
Viðræðum um makríl lauk án samkomulags

Viðræðum Íslands, Noregs og Færeyja um skiptingu makrílkvóta lauk í gær án samkomulags. \
„Það er enginn samningur fyrr en allt er frágengið,“ sagði formaður íslensku \
samninganefndarinnar.
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def input_error(paths: list[Path]) -> str:
    with pytest.raises(InputError) as caught:
        load_sources(paths)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_plain_text_files(tmp_path: Path) -> None:
    en = write(tmp_path / "talks.txt", EN_TEXT)
    is_ = write(tmp_path / "frett.txt", IS_TEXT)
    first, second = load_sources([en, is_])
    assert (first.id, first.path, first.language) == ("A1", str(en), "en")
    assert (second.id, second.path, second.language) == ("A2", str(is_), "is")
    assert first.title == "Fishing talks end without a deal"
    assert second.title == "Viðræðum um makríl lauk án samkomulags"
    assert first.outlet is first.url is first.date is None
    assert first.text == EN_TEXT.strip()
    assert [s.text for s in second.sentences] == [
        "Viðræðum um makríl lauk án samkomulags",
        "Viðræðum Íslands, Noregs og Færeyja um skiptingu makrílkvóta lauk í gær án samkomulags.",
        "„Það er enginn samningur fyrr en allt er frágengið,“ sagði formaður íslensku "
        "samninganefndarinnar.",
    ]
    assert [s.id for s in second.sentences] == ["A2.S1", "A2.S2", "A2.S3"]
    for source in (first, second):
        for s in source.sentences:
            assert source.text[s.start : s.end] == s.text


def test_language_comes_from_the_text_not_the_file_name(tmp_path: Path) -> None:
    misnamed = write(tmp_path / "en.txt", IS_TEXT)
    assert load_sources([misnamed])[0].language == "is"
    short = write(tmp_path / "is.md", "The meeting lasted six hours and ended without a deal.")
    assert load_sources([short])[0].language == "en"


def test_markdown_title_loses_its_hashes(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "## Fishing talks end without a deal\n\n" + EN_TEXT)
    source = load_sources([path])[0]
    assert source.title == "Fishing talks end without a deal"
    assert source.text.startswith("## Fishing talks")
    assert source.sentences[0].text == "## Fishing talks end without a deal"


def test_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        "---\n"
        "title: Makrílviðræður án niðurstöðu\n"
        "outlet: Fréttablaðið\n"
        "url: https://example.is/frett/1\n"
        "date: 2025-08-15\n"
        "author: ignored\n"
        "---\n\n" + IS_TEXT,
    )
    source = load_sources([path])[0]
    assert source.title == "Makrílviðræður án niðurstöðu"
    assert source.outlet == "Fréttablaðið"
    assert source.url == "https://example.is/frett/1"
    assert source.date == "2025-08-15"
    assert source.language == "is"
    assert source.text == IS_TEXT.strip()
    assert source.sentences[0].text == "Viðræðum um makríl lauk án samkomulags"


def test_front_matter_language_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\nlanguage: IS\ndate: 15 August 2025\n---\n" + EN_TEXT)
    source = load_sources([path])[0]
    assert source.language == "is"
    assert source.date == "15 August 2025"
    assert source.title == "Fishing talks end without a deal"  # no title key: first line


def test_empty_front_matter_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\n---\n" + EN_TEXT)
    assert load_sources([path])[0].title == "Fishing talks end without a deal"


def test_directory_is_read_recursively_in_path_order(tmp_path: Path) -> None:
    write(tmp_path / "news" / "b.txt", IS_TEXT)
    write(tmp_path / "news" / "a.md", EN_TEXT)
    write(tmp_path / "news" / "sub" / "c.txt", EN_TEXT)
    write(tmp_path / "news" / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "news" / "image.png", b"\x89PNG\0")
    write(tmp_path / "news" / ".hidden.txt", EN_TEXT)
    sources = load_sources([tmp_path / "news"])
    assert [Path(s.path).relative_to(tmp_path).as_posix() for s in sources] == [
        "news/a.md",
        "news/b.txt",
        "news/sub/c.txt",
    ]
    assert [s.id for s in sources] == ["A1", "A2", "A3"]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    a = write(tmp_path / "news" / "a.txt", EN_TEXT)
    b = write(tmp_path / "b.txt", IS_TEXT)
    sources = load_sources([a, b, tmp_path / "news" / ".." / "news" / "a.txt", tmp_path / "news"])
    assert [(s.id, s.path) for s in sources] == [("A1", str(a)), ("A2", str(b))]


def test_byte_order_marks_and_windows_newlines(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ("\ufeff" + EN_TEXT + "\ufeff").replace("\n", "\r\n").encode())
    source = load_sources([path])[0]
    assert source.text == EN_TEXT.strip()
    assert source.title == "Fishing talks end without a deal"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert input_error([path]) == f"article not found: {path}"


@pytest.mark.parametrize("content", ["", "   \n\t\n", "\ufeff\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "a.txt", content)
    assert input_error([path]) == f"{path} is empty"


@pytest.mark.parametrize(
    "content",
    [b"Hello\0world", "Fréttir".encode("latin-1"), "Fréttir".encode("utf-16")],
)
def test_binary_or_non_utf8_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "a.txt", content)
    assert input_error([path]) == f"{path} is not UTF-8 text"


@pytest.mark.parametrize(("name", "shown"), [("a.pdf", "'.pdf'"), ("README", "(no extension)")])
def test_unsupported_extension(tmp_path: Path, name: str, shown: str) -> None:
    path = write(tmp_path / name, EN_TEXT)
    assert input_error([path]) == f"{path}: unsupported file type {shown} (use .txt or .md)"


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert (
        input_error([tmp_path / "empty"])
        == f"{tmp_path / 'empty'}: directory has no .txt or .md files"
    )
    write(tmp_path / "pdfs" / "a.pdf", b"%PDF")
    assert str(tmp_path / "pdfs") in input_error([tmp_path / "pdfs"])


def test_no_paths() -> None:
    assert input_error([]) == "no articles given"


@pytest.mark.parametrize(
    "content",
    [
        "---\ntitle: [unclosed\n---\nBody text.",
        "---\ntitle: a: b: c\n  - x\n---\nBody text.",
        "---\ntitle: Talks\nBody text without a closing line.",
        "---\n- a list\n- not a mapping\n---\nBody text.",
    ],
)
def test_malformed_front_matter(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "a.md", content)
    message = input_error([path])
    assert message.startswith(f"{path}: ") and "front matter" in message


def test_front_matter_without_body(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Talks\n---\n\n")
    assert "no article text" in input_error([path])


def test_first_bad_file_stops_loading(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", EN_TEXT)
    bad = write(tmp_path / "b.txt", "")
    assert str(bad) in input_error([good, bad])


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Ministers agree on data sharing but not\non the mackerel quota\n\nThe talks ended.",
            "Ministers agree on data sharing but not on the mackerel quota",
        ),
        (
            "Harbour strike ends\nDock workers in Nordvik went back to work on Monday.",
            "Harbour strike ends",
        ),
        (
            '"No deal yet". Why the harbour talks stalled\n\nBody.',
            '"No deal yet". Why the harbour talks stalled',
        ),
        (
            "Dock workers in Nordvik went back to work on Monday after a\nweek-long strike. "
            "The port authority said\nships were moving again and that the backlog of container "
            "traffic would be cleared\nwithin the week, though unions disagreed.",
            "Dock workers in Nordvik went back to work on Monday after a week-long strike.",
        ),
    ],
)
def test_a_title_without_front_matter_is_the_headline_not_half_a_line(
    tmp_path: Path, text: str, title: str
) -> None:
    assert load_sources([write(tmp_path / "a.txt", text)])[0].title == title
