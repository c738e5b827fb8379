"""The labelled set of news sentences (evals/sections): every row is a sentence the
pipeline segments, with a valid kind and actor, and the set is large enough to measure."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "evals" / "sections"
spec = importlib.util.spec_from_file_location("sections_build", DATA / "build.py")
assert spec is not None and spec.loader is not None
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return build.check()


def test_every_row_is_a_sentence_of_its_article_as_segmented(rows) -> None:
    assert len(rows) >= 700
    assert len({r["article"] for r in rows}) >= 36


def test_kinds_and_actors_are_valid(rows) -> None:
    assert {r["kind"] for r in rows} == set(build.KINDS)
    for row in rows:
        if row["kind"] == "position":
            assert isinstance(row["actor"], str) and row["actor"].strip(), row
        else:
            assert row["actor"] is None, row


def test_each_language_has_140_rows_and_every_kind_held_out(rows) -> None:
    per_language = Counter(r["lang"] for r in rows)
    assert set(per_language) == {"en", "is", "de", "fr", "ru"}
    assert min(per_language.values()) >= 140
    for lang in per_language:
        held_out = {r["kind"] for r in rows if r["lang"] == lang and r["split"] == "test"}
        assert held_out == set(build.KINDS), lang
    kinds = Counter(r["kind"] for r in rows)
    assert kinds["agreement"] >= 80 and kinds["open_issue"] >= 90
    assert kinds["background"] >= 120


def test_four_listed_articles_per_language_are_held_out(rows) -> None:
    test = sorted({r["article"] for r in rows if r["split"] == "test"})
    assert test == sorted(build.TEST)
    assert [a.split("/")[0] for a in test] == [
        lang for lang in ("de", "en", "fr", "is", "ru") for _ in range(4)
    ]


def test_the_readme_shows_the_current_counts(rows) -> None:
    assert build.table(rows) in (DATA / "README.md").read_text(encoding="utf-8")


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    shutil.copytree(DATA / "articles", articles)
    labels = tmp_path / "labels.jsonl"
    shutil.copy(DATA / "labels.jsonl", labels)
    return labels, articles


def _edit_row(labels: Path, article: str, number: int, fields: dict[str, object]) -> None:
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        if row["article"] == article and row["n"] == number:
            row.update(fields)
    labels.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("article", "is/sameining-skola n=2: text differs from the segmentation"),
        ({"kind": "decision"}, "is/sameining-skola n=2: kind 'decision' is not one of"),
        ({"actor": "Hildur Eiríksdóttir"}, "n=2: a development has no actor"),
        ({"kind": "position"}, "n=2: a position needs its actor's name, got None"),
        ({"kind": "position", "actor": "Sigrún"}, "n=2: actor 'Sigrún': the article never"),
        ({"split": "fit"}, "n=2: split must be test"),
        ({"n": "2"}, "n an integer, actor a string or null"),
    ],
)
def test_a_label_that_drifts_from_its_article_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: dict | str, message: str
) -> None:
    labels, articles = _copy(tmp_path)
    if edit == "article":
        article = articles / "is" / "sameining-skola.md"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("sjö atkvæðum", "átta atkvæðum"), encoding="utf-8")
    else:
        _edit_row(labels, "is/sameining-skola", 2, edit)
    assert build.main(["--labels", str(labels), "--articles", str(articles)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_an_unlabelled_or_missing_article_is_refused(tmp_path: Path) -> None:
    labels, articles = _copy(tmp_path)
    (articles / "en" / "extra.md").write_text("A new article.\n", encoding="utf-8")
    with pytest.raises(build.LabelError, match="differ on: en/extra"):
        build.check(labels, articles)


def test_a_fit_article_labelled_test_is_refused(tmp_path: Path) -> None:
    labels, articles = _copy(tmp_path)
    _edit_row(labels, "is/styrivextir", 2, {"split": "test"})
    with pytest.raises(build.LabelError, match="is/styrivextir n=2: split must be fit"):
        build.check(labels, articles)


def test_a_held_out_article_taken_out_is_refused_not_dropped_from_the_test_split(
    tmp_path: Path,
) -> None:
    labels, articles = _copy(tmp_path)
    (articles / "ru" / "torgovyj-spor.md").unlink()
    kept = [
        line
        for line in labels.read_text(encoding="utf-8").splitlines(keepends=True)
        if '"article": "ru/torgovyj-spor"' not in line
    ]
    labels.write_text("".join(kept), encoding="utf-8")
    with pytest.raises(build.LabelError, match="held-out articles not labelled: ru/torgovyj-spor"):
        build.check(labels, articles)
