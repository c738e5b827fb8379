"""Inputs under the byte limits that used to take hours or gigabytes: a YAML alias bomb,
deep nesting, a 200 KB article of short sentences, a 100 KB line. Each is refused in one
line or done quickly; the subprocess deadlines only prove that nothing hangs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import article
from stage_sources import meeting
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.errors import InputError
from briefing.ingest.front_matter import MAX_DEPTH, MAX_FRONT_MATTER
from briefing.ingest.read import load_sources
from briefing.stages.pipeline import MAX_ARTICLE_SENTENCES, Options, generate
from briefing.stages.reading import read

FIXTURES = Path(__file__).parent / "fixtures"
HARBOUR_EN = FIXTURES / "harbour" / "coastal-times-en.md"

# Ten lists of ten aliases of the one before: 10^7 strings once expanded (393 bytes).
ALIAS_BOMB = """\
---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
title: *g
---
The council met on Monday.
"""


def briefing_cli(*args: str | Path, deadline: float = 120) -> subprocess.CompletedProcess[str]:
    """`briefing ...` in a child process, killed (and the test failed) at `deadline`."""
    return subprocess.run(
        [sys.executable, "-c", "from briefing.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=deadline,
    )


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_a_yaml_alias_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.md"
    bomb.write_text(ALIAS_BOMB)
    result = briefing_cli("generate", bomb, "--backend", "fake", "-q", deadline=60)
    assert result.returncode == 2
    assert (
        one_error_line(result.stderr) == f"error: {bomb}: front matter uses a YAML alias (line 3)"
    )


@pytest.mark.parametrize(
    ("meta", "says"),
    [
        ("title: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "nests deeper than"),
        ("title: " + "[" * 5_000, "nests deeper than"),  # a RecursionError, unguarded
        ("title: x\nnote: " + "y" * MAX_FRONT_MATTER, "over the limit of 20,000"),
        ("base: &b {title: x}\nother: *b", "uses a YAML alias"),
    ],
)
def test_front_matter_that_is_not_plain_metadata_is_refused(
    tmp_path: Path, meta: str, says: str
) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{meta}\n---\nThe council met on Monday.\n")
    with pytest.raises(InputError) as caught:
        load_sources([path])
    assert str(caught.value).startswith(f"{path}: front matter") and says in str(caught.value)


def test_a_front_matter_error_names_the_line_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\nbad: [a, b\n---\nThe council met.\n")
    with pytest.raises(InputError, match=r"malformed front matter \(line 4\)$"):
        load_sources([path])


def test_a_headline_with_a_colon_of_its_own_is_a_title_not_malformed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Islande : un paquebot s'échoue\noutlet: AFP\ndate: 2026-12-04\n---\n"
        "Un paquebot s'est échoué jeudi.\n"
    )
    [source] = load_sources([path])
    assert (source.title, source.outlet, source.date) == (
        "Islande : un paquebot s'échoue",
        "AFP",
        "2026-12-04",
    )


def test_plain_front_matter_with_an_anchor_but_no_alias_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: &t Talks end\ndate: 2025-08-15\n---\nThe council met.\n")
    [source] = load_sources([path])
    assert (source.title, source.date) == ("Talks end", "2025-08-15")


def long_article(path: Path, size: int = 199_999) -> Path:
    """Realistic paragraphs repeated with changing numbers, to just under `size` bytes."""
    meta, body = HARBOUR_EN.read_text().split("---\n", 2)[1:]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    parts, n = [f"---\n{meta}---\n"], 0
    while True:
        n += 1
        paragraph = re.sub(r"\d+", lambda m, n=n: str(int(m.group()) + n), paragraphs[n % 4])
        if len("".join(parts).encode()) + len(paragraph.encode()) + 2 > size:
            break
        parts.append(paragraph.strip() + "\n\n")
    path.write_text("".join(parts))
    return path


def test_a_199_999_byte_article_is_refused_by_its_sentence_count(tmp_path: Path) -> None:
    """It used to take 498 s and 2,544 calls on the fake backend."""
    big = long_article(tmp_path / "big.md")
    assert 190_000 < big.stat().st_size < 200_000
    result = briefing_cli("generate", big, "--backend", "fake", "-q", deadline=60)
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert line.startswith(f"error: {big} has ") and line.endswith(
        f"sentences, over the limit of {MAX_ARTICLE_SENTENCES} per article "
        "(--max-article-sentences)"
    )


def test_a_100_kb_line_is_briefed_without_hanging(tmp_path: Path) -> None:
    """One "sentence" of 100 KB took 144 s to embed; now it is cut, and a lone article
    is not embedded at all."""
    line = tmp_path / "line.txt"
    line.write_text(" ".join(["the fleet waits in port"] * 4_200)[:100_000] + "\n")
    out = tmp_path / "b.md"
    result = briefing_cli("generate", line, "--backend", "fake", "-q", "-o", out, deadline=60)
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("# ")


def run(*args: str | Path) -> object:
    return CliRunner().invoke(app, ["generate", *map(str, args), "--backend", "fake", "-q"])


def test_the_sentence_limits_are_flags_and_settings(
    harbour_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(*harbour_paths, "--max-article-sentences", "3")
    assert result.exit_code == 2
    assert re.fullmatch(
        r"error: \S+ has \d sentences, over the limit of 3 per article \(--max-article-sentences\)",
        result.stderr.strip(),
    )
    result = run(*harbour_paths, "--max-sentences", "5")
    assert result.exit_code == 2
    assert re.fullmatch(
        r"error: 2 articles have \d+ sentences, over the limit of 5 per run \(--max-sentences\)",
        result.stderr.strip(),
    )
    monkeypatch.setenv("BRIEFING_MAX_SENTENCES", "5")
    assert "over the limit of 5 per run" in run(*harbour_paths).stderr


def test_every_caller_of_the_pipeline_is_held_to_the_limits(harbour) -> None:
    """`daily` and the evals call the pipeline with their own `Options`."""
    with pytest.raises(InputError, match="per article"):
        generate(harbour, None, Options(max_article_sentences=1))  # type: ignore[arg-type]


class Counting:
    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        return [[1.0, float(len(t))] for t in texts]


def test_a_lone_article_is_not_embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Embeddings only link sentences of different sources (most of a long article's
    non-model time)."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))  # nothing remembered yet
    embedder = Counting()
    reading = read([article("A1", "en", "The council met. It agreed.")], embedder)
    assert embedder.calls == 0 and reading.sentences
    read(
        [article("A1", "en", "The council met."), article("A2", "en", "The mayor spoke.")],
        embedder,
    )
    assert embedder.calls == 2


def test_the_match_matrix_is_match_for_every_pair() -> None:
    reading, _, _ = meeting()
    left = [s.id for s in reading.sources[0].sentences]
    right = [s.id for s in reading.sources[1].sentences]
    matrix = reading.matches(left, right)
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            assert matrix[i, j] == pytest.approx(reading.match(a, b), abs=1e-9)


def test_daily_holds_each_story_to_the_sentence_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import serve

    from briefing.llm.fake import FakeLLM, echo_answer

    serve(FakeLLM(echo_answer))
    monkeypatch.setenv("BRIEFING_MAX_ARTICLE_SENTENCES", "2")
    out = tmp_path / "out"
    folder = FIXTURES / "daily" / "articles"
    result = CliRunner().invoke(
        app, ["daily", str(folder), "-o", str(out), "--date", "2026-11-24", "-q"]
    )
    assert result.exit_code == 1, result.output
    front = (out / "2026-11-24" / "frontpage.json").read_text()
    assert "over the limit of 2 per article (--max-article-sentences)" in front
