"""`briefing logs`: the model calls the call log recorded, newest last, filtered.

Why: a statement that was dropped or reads wrong is explained by what the model was
shown and what it said; `--sentence A2.S7` finds every call about that sentence.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from briefing.core.errors import InputError

Stage = Annotated[str | None, typer.Option(help="Only calls of this stage (extract, judge...).")]
Sentence = Annotated[
    str | None, typer.Option(help="Only calls about this sentence id, e.g. A2.S7.")
]
Run = Annotated[
    str | None,
    typer.Option(help="Only this run (a briefing's run.log_id); 'last': the last run logged."),
]
AsJson = Annotated[bool, typer.Option("--json", help="The rows as a JSON array on stdout.")]
Count = Annotated[int, typer.Option("-n", "--count", min=1, help="At most this many, newest.")]

JSON_COLUMNS = ("messages", "schema", "choices", "parsed", "choice_probs")


def logs(
    stage: Stage = None,
    sentence: Sentence = None,
    run: Run = None,
    as_json: AsJson = False,
    count: Count = 20,
) -> None:
    """Show the logged model calls: messages, answer, parsed object, usage and seconds."""
    from briefing.core.config import resolve
    from briefing.llm.calllog import SENTENCE_ID, connect

    if sentence is not None and not SENTENCE_ID.fullmatch(sentence):
        raise InputError(f"--sentence {sentence!r} is not a sentence id such as A2.S7")
    path = resolve().log_path
    if not path.is_file():
        typer.echo(f"no calls logged yet ({path})", err=True)
        if as_json:
            typer.echo("[]")
        return
    db = connect(path)
    where, params = [], []
    if run == "last":
        where.append("run_id = (SELECT run_id FROM calls ORDER BY id DESC LIMIT 1)")
    elif run is not None:
        where.append("run_id = ?")
        params.append(run)
    if stage is not None:
        where.append("stage = ?")
        params.append(stage)
    if sentence is not None:
        where.append("sentences LIKE ?")
        params.append(f"% {sentence} %")
    query = "SELECT * FROM calls" + (" WHERE " + " AND ".join(where) if where else "")
    rows = db.execute(f"{query} ORDER BY id DESC LIMIT ?", [*params, count]).fetchall()
    calls = [_call(dict(row)) for row in reversed(rows)]
    if as_json:
        typer.echo(json.dumps(calls, indent=2, ensure_ascii=False))
    else:
        for call in calls:
            typer.echo(_text(call))
    if not calls:
        typer.echo("no logged call matches", err=True)


def _call(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its JSON columns parsed and `sentences` as a list."""
    for column in JSON_COLUMNS:
        if row.get(column) is not None:
            row[column] = json.loads(row[column])
    row["sentences"] = row["sentences"].split()
    row["cached"] = bool(row["cached"])
    return row


def _text(call: dict[str, Any]) -> str:
    """One call as a reader wants it: a header line, the messages, the answer."""
    flags = " · cached" if call["cached"] else ""
    head = (
        f"#{call['id']} {call['time']} run {call['run_id']} · {call['stage']} {call['label']} · "
        f"{call['backend']}/{call['model']} · {call['prompt_tokens']}+"
        f"{call['completion_tokens']} tokens · {call['seconds']:.2f} s{flags}"
    )
    lines = [head]
    for message in call["messages"]:
        lines.append(f"  [{message.get('role', '?')}] " + _indent(message.get("content", "")))
    if call["choices"]:
        lines.append("  [choices] " + " | ".join(call["choices"]))
    if call["error"]:
        lines.append(f"  [error] {call['error']}")
    else:
        probs = call["choice_probs"]
        answer = json.dumps(probs, ensure_ascii=False) if probs else call["prefix"] + call["answer"]
        lines.append("  [answer] " + _indent(answer or ""))
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")
