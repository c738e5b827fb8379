"""The call log: every model call with its messages and answer, found by stage, sentence
and run; a briefing's JSON names its run; cached answers logged as such; off on request."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from helpers import scripted, serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.llm.calllog import MIGRATIONS, connect
from briefing.llm.fake import FakeLLM

runner = CliRunner()


def generate(paths: list[Path], *args: str | Path) -> object:
    return runner.invoke(app, ["generate", *map(str, paths), "-q", *map(str, args)])


def logs(*args: str) -> object:
    return runner.invoke(app, ["logs", *args])


def test_logs_show_the_messages_behind_a_dropped_statement(
    harbour_paths: list[Path], tmp_path: Path
) -> None:
    js = tmp_path / "b.json"
    assert generate(harbour_paths, "--backend", "fake", "--json", js).exit_code == 0
    briefing = json.loads(js.read_text())
    dropped = briefing["dropped"][0]  # the fake's echo copies the machine gloss of A2.S2
    assert dropped["evidence"] == "A2.S2"
    result = logs("--sentence", "A2.S2", "--stage", "extract")
    assert result.exit_code == 0, result.stderr
    assert "extract A2.C1 sentence A2.S2" in result.stdout
    assert "Report sentence [1]: Anna Jónsdóttir mayor said" in result.stdout  # the prompt
    assert dropped["text"] in result.stdout  # the answer behind the dropped statement
    rows = json.loads(logs("--sentence", "A2.S2", "--json").stdout)
    assert rows and all("A2.S2" in row["sentences"] for row in rows)
    assert {row["run_id"] for row in rows} == {briefing["run"]["log_id"]}
    assert rows[0]["messages"][0]["role"] == "system" and rows[0]["backend"] == "fake"
    assert {"answer", "parsed", "prompt_tokens", "completion_tokens", "seconds"} <= set(rows[0])


def test_filters_by_run_and_count(harbour_paths: list[Path], tmp_path: Path) -> None:
    ids = []
    for n in range(2):
        js = tmp_path / f"{n}.json"
        assert generate(harbour_paths, "--backend", "fake", "--json", js).exit_code == 0
        ids.append(json.loads(js.read_text())["run"]["log_id"])
    assert ids[0] != ids[1]
    first = json.loads(logs("--run", ids[0], "--json", "-n", "1000").stdout)
    last = json.loads(logs("--run", "last", "--json", "-n", "1000").stdout)
    assert {r["run_id"] for r in first} == {ids[0]} and {r["run_id"] for r in last} == {ids[1]}
    assert len(first) == len(last) == 7  # 6 extract, 1 judge
    assert len(json.loads(logs("--json", "-n", "3").stdout)) == 3
    judged = json.loads(logs("--stage", "judge", "--json", "-n", "1000").stdout)
    assert len(judged) == 2 and judged[0]["choices"] and judged[0]["choice_probs"]


def test_cached_answers_are_logged_and_a_memo_run_keeps_its_log_id(
    harbour_paths: list[Path], tmp_path: Path
) -> None:
    inner = FakeLLM(scripted())
    inner.name = "openai"
    serve(inner)
    args = ("--backend", "openai", "--model", "m")
    ids = []
    for run, extra in (("fresh", ()), ("memo", ()), ("replayed", ("--no-check",))):
        js = tmp_path / f"{run}.json"
        assert generate(harbour_paths, *args, *extra, "--json", js).exit_code == 0
        ids.append(json.loads(js.read_text())["run"]["log_id"])
    fresh, memo, replayed = ids
    assert memo == fresh  # served whole from the run memo: no call, the first run's log
    rows = json.loads(logs("--json", "-n", "1000").stdout)
    assert {r["run_id"] for r in rows} == {fresh, replayed}
    assert not any(r["cached"] for r in rows if r["run_id"] == fresh)
    assert all(r["cached"] for r in rows if r["run_id"] == replayed)


def test_no_log_writes_nothing(harbour_paths: list[Path], tmp_path: Path) -> None:
    js = tmp_path / "b.json"
    assert generate(harbour_paths, "--backend", "fake", "--no-log", "--json", js).exit_code == 0
    assert json.loads(js.read_text())["run"]["log_id"] is None
    assert not Path(os.environ["BRIEFING_LOG_DB"]).exists()
    result = logs()
    assert result.exit_code == 0 and result.stdout == "" and "no calls logged" in result.stderr


def test_a_bad_sentence_id_is_one_line() -> None:
    result = logs("--sentence", "S7")
    assert result.exit_code == 2 and "not a sentence id" in result.stderr


def test_the_schema_is_migrated_by_number(tmp_path: Path) -> None:
    path = tmp_path / "logs.db"
    connect(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    result = runner.invoke(app, ["logs"], env={"BRIEFING_LOG_DB": str(path)})
    assert result.exit_code == 1 and "newer briefing" in result.stderr


def test_runs_that_open_a_new_log_at_once_all_get_it(tmp_path: Path) -> None:
    """Two generate runs to one output share one log; the first to open it must not
    make the other fail on a half-made schema."""
    import threading

    for attempt in range(10):
        path = tmp_path / f"{attempt}" / "logs.db"
        start = threading.Barrier(6)
        errors: list[Exception] = []

        def open_it(
            path: Path = path, start: threading.Barrier = start, errors: list = errors
        ) -> None:
            start.wait()
            try:
                connect(path).close()
            except Exception as err:
                errors.append(err)

        threads = [threading.Thread(target=open_it) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert connect(path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
