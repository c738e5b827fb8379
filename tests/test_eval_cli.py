"""`briefing eval` through Typer's CliRunner: exit codes, messages, reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import typer
from helpers import briefing, item, serve
from typer.testing import CliRunner

from briefing.cli.eval import eval_app
from briefing.llm.base import Request
from briefing.llm.fake import FakeLLM
from briefing.prompts import PromptSet

runner = CliRunner()


def judge_by_keyword(request: Request) -> dict[str, Any]:
    """Supported unless the statement mentions 'welcomed' (an invented addition)."""
    user = request.messages[1]["content"]
    if request.choices:  # the checker's scored judge: probabilities of yes / no
        return {"yes": 0.1, "no": 0.9} if "welcomed" in user else {"yes": 0.9, "no": 0.1}
    if "VERSION" in user:
        return {"reason": "same facts", "label": "same"}
    if "welcomed" in user:
        return {"reason": "nothing says anyone welcomed it", "label": "not_supported"}
    return {"reason": "stated in the sentence", "label": "supported"}


@pytest.fixture
def fake_judge(monkeypatch: pytest.MonkeyPatch) -> FakeLLM:
    llm = FakeLLM(judge_by_keyword)
    serve(llm)
    return llm


def write(tmp_path: Path, **sections: Any) -> Path:
    path = tmp_path / "b.json"
    path.write_text(briefing(**sections).model_dump_json(), encoding="utf-8")
    return path


GOOD = item(
    "Iceland will receive 16.5 percent of the catch.", "Ísland fær 16,5 prósent aflans.", ["A1.S2"]
)


def test_a_faithful_briefing_passes_and_writes_reports(tmp_path: Path, fake_judge: FakeLLM) -> None:
    path = write(tmp_path, agreements=[GOOD])
    result = runner.invoke(
        eval_app,
        [
            str(path),
            "--judge-backend",
            "openai",
            "--report-json",
            str(tmp_path / "r.json"),
            "--junit",
            str(tmp_path / "j.xml"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "agreements[1].is" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["metrics"]["faithfulness"] == 1.0
    assert report["failed"] == []
    assert report["judge"]["backend"] == "fake"
    assert report["judge"]["sampling"] == {"temperature": 0.0, "seed": 0, "max_tokens": 80}
    assert report["judge"]["prompts"]["judge.user"] == {
        "sha256": PromptSet().sha256("judge.user"),
        "origin": "shipped",
    }
    assert "judged by fake" in result.stdout
    assert report["scores"][0]["metadata"]["judge"]["prompt"][1]["content"].startswith(
        "SOURCE SENTENCES"
    )
    suite = ET.parse(tmp_path / "j.xml").getroot().find("testsuite")
    assert suite is not None and suite.get("failures") == "0" and suite.get("tests") == "6"


def test_an_invented_claim_fails_with_a_message_naming_it(
    tmp_path: Path, fake_judge: FakeLLM
) -> None:
    invented = item("The talks ended, a decision welcomed by all.", None, ["A1.S1"])
    path = write(tmp_path, agreements=[GOOD, invented])
    result = runner.invoke(
        eval_app,
        [
            str(path),
            "--judge-backend",
            "openai",
            "--fail-under",
            "faithfulness=0.8",
            "--junit",
            str(tmp_path / "j.xml"),
        ],
    )
    assert result.exit_code == 1
    assert "faithfulness 0.67 < 0.80" in result.stderr
    assert "agreements[2].en" in result.stderr
    assert "welcomed by all" in result.stderr
    failures = ET.parse(tmp_path / "j.xml").getroot().iter("failure")
    assert any("not_supported" in (f.get("message") or "") for f in failures)


def test_a_swapped_actor_fails_by_default(tmp_path: Path, fake_judge: FakeLLM) -> None:
    swapped = item(
        "Einar Solheim said Iceland will not sign without access.",
        None,
        ["A2.S2"],
        actor="Einar Solheim",
    )
    path = write(tmp_path, positions=[swapped])
    result = runner.invoke(eval_app, ["check", str(path), "--judge-backend", "openai"])
    assert result.exit_code == 1
    assert "positions[1]" in result.stderr
    assert "'Einar Solheim' is not named in the cited sentences" in result.stderr
    assert fake_judge.requests == []  # both failures were caught by code


def test_checking_again_takes_the_verdicts_from_the_answer_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server_judge = FakeLLM(judge_by_keyword)
    server_judge.name = "openai"  # a real backend's answers are cached; the fake's never are
    serve(server_judge)
    path = write(tmp_path, agreements=[GOOD])
    reports = [tmp_path / "first.json", tmp_path / "second.json"]
    for report in reports:
        args = [str(path), "--judge-backend", "openai", "--report-json", str(report)]
        assert runner.invoke(eval_app, args).exit_code == 0
    first, second = (json.loads(r.read_text())["judge"]["usage"] for r in reports)
    # cached verdicts count at their first cost; consistency needs no judge call now
    assert first["calls"] == len(server_judge.requests) == 2
    assert second == first and len(server_judge.requests) == 2


def test_a_judge_prompt_folder_is_used_and_recorded(tmp_path: Path, fake_judge: FakeLLM) -> None:
    folder = tmp_path / "judge-prompts"
    folder.mkdir()
    system = PromptSet().source("judge.system") + "\nBe strict."
    (folder / "judge.system.j2").write_text(system, encoding="utf-8")
    path = write(tmp_path, agreements=[GOOD])
    args = ["--judge-backend", "openai", "--judge-prompts", str(folder)]
    result = runner.invoke(eval_app, [str(path), *args, "--report-json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    support = [r for r in fake_judge.requests if "STATEMENT" in r.messages[1]["content"]]
    assert support and all(r.messages[0]["content"].endswith("Be strict.") for r in support)
    prompts = json.loads((tmp_path / "r.json").read_text())["judge"]["prompts"]
    assert prompts["judge.system"]["origin"] == "override"
    assert prompts["judge.user"]["origin"] == "shipped"


def test_no_judge_runs_the_code_checks_only(tmp_path: Path) -> None:
    path = write(tmp_path, agreements=[GOOD])
    result = runner.invoke(eval_app, [str(path), "--no-judge"])
    assert result.exit_code == 0, result.output
    assert "unjudged" in result.stdout
    assert "judge: none (code checks only)" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "briefing not found"),
        ("{not json", "is not a briefing JSON"),
        ('{"languages": ["en"]}', "is not a briefing JSON (sources: Field required)"),
    ],
)
def test_a_missing_or_invalid_briefing_is_one_line_and_exit_2(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content)
    result = runner.invoke(eval_app, [str(path), "--no-judge"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_threshold_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, agreements=[GOOD])
    result = runner.invoke(eval_app, [str(path), "--no-judge", "--fail-under", "faith=0.8"])
    assert result.exit_code == 2
    assert "bad threshold 'faith=0.8'" in result.stderr


def test_the_default_command_works_when_mounted_as_a_sub_app(tmp_path: Path) -> None:
    app = typer.Typer()
    app.callback()(lambda: None)
    app.add_typer(eval_app, name="eval")
    path = write(tmp_path, agreements=[GOOD])
    assert runner.invoke(app, ["eval", str(path), "--no-judge"]).exit_code == 0
    assert runner.invoke(app, ["eval", "check", str(path), "--no-judge"]).exit_code == 0


def test_claims_jsonl(tmp_path: Path, fake_judge: FakeLLM) -> None:
    rows = [
        {
            "id": "c1",
            "source": "Talks ended in Akureyri. Iceland gets 16.5 percent.",
            "claim": "Iceland gets 16.5 percent.",
        },
        {
            "id": "c2",
            "source": "Talks ended in Akureyri. Iceland gets 16.5 percent.",
            "claim": "Iceland gets 20 percent.",
        },
        {
            "id": "c3",
            "source": "Viðræðum lauk á Akureyri og Ísland fær 16,5 prósent.",
            "claim": "The talks were welcomed in Akureyri.",
        },
    ]
    infile = tmp_path / "in.jsonl"
    infile.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    result = runner.invoke(
        eval_app,
        ["claims", str(infile), "-o", str(tmp_path / "out.jsonl"), "--judge-backend", "openai"],
    )
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(o["id"], o["label"]) for o in out] == [("c1", 1), ("c2", 0), ("c3", 0)]  # fitted
    assert out[0]["score"] > out[1]["score"] and out[0]["score"] > out[2]["score"]
    assert "the value 20% is not in the evidence" in out[1]["reason"]
    assert "judge p(supported)=0.10" in out[2]["reason"]
    assert all(r.choices for r in fake_judge.requests)  # scored by logprobs, not labels


def test_claims_bad_lines_name_the_line_and_keep_the_good_ones(
    tmp_path: Path, fake_judge: FakeLLM
) -> None:
    good = {
        "id": "g",
        "source": "Iceland gets 16.5 percent.",
        "claim": "Iceland gets 16.5 percent.",
    }
    infile = tmp_path / "in.jsonl"
    infile.write_text(
        "\n".join([json.dumps(good), "{not json", json.dumps({"id": "x", "claim": "no source"}),
                    json.dumps({**good, "id": "g2"})]) + "\n"
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    result = runner.invoke(eval_app, ["claims", str(infile), "-o", str(out), "--no-judge"])
    assert result.exit_code == 2
    assert f"{infile}:2: " in result.stderr and f"{infile}:3: needs a string 'source'" in (
        result.stderr
    )
    assert len([x for x in result.stderr.splitlines() if x.startswith("error:")]) == 2
    # "not lost": every good line is checked and written, in input order
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["g", "g2"]


def test_claims_threshold_flag_is_recorded(tmp_path: Path, fake_judge: FakeLLM) -> None:
    row = {"id": "a", "source": "Iceland gets 16.5 percent.", "claim": "Iceland gets 16.5 percent."}
    infile = tmp_path / "in.jsonl"
    infile.write_text(json.dumps(row) + "\n")
    out = tmp_path / "out.jsonl"
    args = ["claims", str(infile), "-o", str(out), "--judge-backend", "openai"]
    result = runner.invoke(eval_app, [*args, "--threshold", "0.999"])
    assert result.exit_code == 0 and "threshold 0.999" in result.stderr
    assert json.loads(out.read_text())["label"] == 0


def _junit_failures(path: Path) -> int:
    return sum(int(s.get("failures") or 0) for s in ET.parse(path).getroot().iter("testsuite"))


@pytest.mark.parametrize("floor", ["0.5", "0.8"])
def test_the_exit_status_and_the_junit_file_agree(
    tmp_path: Path, fake_judge: FakeLLM, floor: str
) -> None:
    """A failing claim the floor tolerates is no JUnit failure; one it does not is both."""
    invented = item("The talks ended, a decision welcomed by all.", None, ["A1.S1"])
    path = write(tmp_path, agreements=[GOOD, invented])
    xml = tmp_path / "j.xml"
    args = [str(path), "--judge-backend", "openai", "--fail-under", f"faithfulness={floor}"]
    result = runner.invoke(eval_app, [*args, "--junit", str(xml)])
    assert result.exit_code in (0, 1), result.output
    assert (result.exit_code == 1) == (_junit_failures(xml) > 0)
    assert result.exit_code == (1 if floor == "0.8" else 0)  # faithfulness 0.67
    if floor == "0.5":
        outs = [o.text or "" for o in ET.parse(xml).getroot().iter("system-out")]
        assert any("not_supported" in o and "within the floors" in o for o in outs)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--fail-under", "faithfulness=1.2"], "1.2 is outside [0, 1]"),
        (["--fail-under", "details=-0.1"], "-0.1 is outside [0, 1]"),
        (["--no-judge", "--fail-under", "faithfulness=0.8"], "faithfulness needs the judge"),
    ],
)
def test_a_floor_that_cannot_be_checked_is_refused(
    tmp_path: Path, flags: list[str], message: str
) -> None:
    path = write(tmp_path, agreements=[GOOD])
    result = runner.invoke(eval_app, ["check", str(path), *flags])
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_a_case_file_floor_outside_0_1_is_refused(tmp_path: Path) -> None:
    case = tmp_path / "cases" / "bad"
    (case / "articles").mkdir(parents=True)
    (case / "case.json").write_text('{"expected": [], "thresholds": {"coverage": 80}}')
    result = runner.invoke(eval_app, ["run", str(tmp_path / "cases"), "--backend", "fake"])
    assert result.exit_code == 2 and "80 is outside [0, 1]" in result.stderr


def test_the_html_report_shows_claims_citations_and_the_judge(tmp_path: Path) -> None:
    """Per case: scores against floors, each claim's verdict, the sentences it cites and
    the judge's answer; article text is escaped, never markup."""
    judge = FakeLLM(judge_by_keyword)
    judge.name = "openai"
    serve(judge, "openai")
    case = tmp_path / "cases" / "council"
    (case / "articles").mkdir(parents=True)
    (case / "articles" / "a1.txt").write_text(
        "Library vote\n\nThe council voted to close the <b>old</b> library on Friday.\n"
        "The mayor said the building was too expensive to heat.\n"
    )
    (case / "case.json").write_text(
        '{"expected": [{"text": "The council voted to close the library.", "evidence": '
        '["A1.S2"]}], "thresholds": {"faithfulness": 0.5, "coverage": 0.9}}'
    )
    page = tmp_path / "report" / "eval.html"
    xml = tmp_path / "j.xml"
    result = runner.invoke(
        eval_app,
        ["run", str(tmp_path / "cases"), "--backend", "fake", "--judge-backend", "openai",
         "--report-html", str(page), "--junit", str(xml)],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    html = page.read_text()
    assert "Case council" in html and "faithfulness" in html and "0.50" in html
    assert "&lt;b&gt;old&lt;/b&gt;" in html and "<b>old</b>" not in html
    assert "A1.S2" in html and "supported" in html
    assert "stated in the sentence" in html  # the judge's answer
    assert (result.exit_code == 1) == (_junit_failures(xml) > 0)


SECTIONS_DATA = Path(__file__).resolve().parent.parent / "evals" / "sections" / "labels.jsonl"


def test_eval_kinds_reports_kinds_and_holders_per_language_and_fails_under_its_floors(
    tmp_path: Path,
) -> None:
    report = tmp_path / "kinds.json"
    ok = runner.invoke(
        eval_app, ["kinds", "--data", str(SECTIONS_DATA), "--report-json", str(report)]
    )
    assert ok.exit_code == 0, ok.output
    result = json.loads(report.read_text())
    assert set(result["per_language"]) == {"de", "en", "fr", "is", "ru"}
    assert result["n"] == sum(row["n"] for row in result["per_language"].values())
    assert 0.0 < result["accuracy"] <= 1.0 and result["actors_n"] > 0
    assert 0.0 < result["settled"] <= 1.0
    failed = runner.invoke(
        eval_app, ["kinds", "--data", str(SECTIONS_DATA), "--min-accuracy", "1.0"]
    )
    assert failed.exit_code == 1 and "kinds eval failed: accuracy" in failed.output


def test_eval_kinds_refuses_a_line_that_is_no_labelled_sentence_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "labels.jsonl"
    bad.write_text('{"article": "en/x", "lang": "en"}\n', encoding="utf-8")
    result = runner.invoke(eval_app, ["kinds", "--data", str(bad)])
    assert result.exit_code != 0 and "not a labelled sentence" in result.output
    assert "Traceback" not in result.output
