"""Language knowledge lives in `briefing/lang` (its lexicon files): no other layer holds a
word list of its own.

Each module of `stages`, `check`, `eval` and `ingest` is parsed with `ast`; a set, list,
tuple or dict literal of four or more lower-case words, a string of four or more such words
that is `.split()`, or a regular expression alternating four or more of them, fails. The
few literals that are not language knowledge are allowed below, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
LAYERS = ("stages", "check", "eval", "ingest")
MIN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]{2,}")
# A regex alternative reduced to its letters: "agree\w*", "(?:said", "ma[iy]" -> words.
_REGEX_DECOR = re.compile(r"\\[bwWsSdD][*+?]?|\(\?[:!=<]*|[()^$?*+]|\[[^\]]*\]")

# Modules left alone, with the reason.
ALLOWED_MODULES = {
    # The prompt-injection guard's patterns (issue 22) match attack phrasings, not
    # language knowledge the stages share; they stay with the guard.
    "ingest/guard": "injection patterns",
}
# (module, the literal's first three words) -> why it is not language knowledge.
ALLOWED: dict[tuple[str, str], str] = {
    ("check/judge", "supported contradicted same"): "the judge's verdict labels",
    ("check/icelandic_gate", "grammar parse values"): "the names of the gate's checks",
    ("eval/checker_eval", "number date name"): "the kinds of error a labelled pair has",
    ("stages/align", "percent amount date"): "the kinds of typed value (lang.values)",
    ("stages/run_memo", "islenska numpy reynir"): "package names whose versions key a memo",
    ("stages/daily", "frontpage index archive"): "file names a story slug may not take",
    ("stages/answers", "development agreement position"): "the kinds of news, as labels",
    ("stages/kinds", "development agreement position"): "the kinds of news, as labels",
    ("stages/extract", "development agreement position"): "the kinds of news and their sections",
    ("stages/kinds", "agreement open saying"): "the lexicon's cue groups (kinds.*)",
}


def _lower_word(text: object) -> bool:
    return isinstance(text, str) and bool(_WORD.fullmatch(text)) and text == text.lower()


def _language_words(words: list[str]) -> bool:
    """Four or more words, not all two-letter language codes ("en", "is", "de", "fr")."""
    return len(words) >= MIN_WORDS and any(len(w) > 2 for w in words)


def _alternatives(pattern: str) -> list[str]:
    """The plain lower-case words a regex alternates ("said|says|told" -> three)."""
    if "|" not in pattern:
        return []
    parts = [_REGEX_DECOR.sub("", p).strip() for p in pattern.split("|")]
    return [p for p in parts if _lower_word(p)]


def _table_value(node: ast.AST) -> bool:
    """A word table maps words to constants ({"two": 2}); a record's values are computed
    ({"text": claim.text}), and its keys are field names, not words."""
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return all(_table_value(e) for e in node.elts)
    return isinstance(node, ast.Constant)


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    return []


def word_lists(source: str) -> list[tuple[int, str]]:
    """(line, first words) of every language word list literal in a module's source."""
    tree = ast.parse(source)
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        words: list[str] = []
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            words = [s for e in node.elts for s in _strings(e) if _lower_word(s)]
        elif isinstance(node, ast.Dict) and all(_table_value(v) for v in node.values):
            words = [s for k in node.keys if k is not None for s in _strings(k) if _lower_word(s)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and not node.args
        ):
            words = [w for s in _strings(node.func.value) for w in s.split() if _lower_word(w)]
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            words = _alternatives(node.value)
        if _language_words(words):
            found.append((getattr(node, "lineno", 0), " ".join(words[:3])))
    return found


def _modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_language_word_lists_outside_the_text_layer(path: Path) -> None:
    module = f"{path.parent.name}/{path.stem}"
    if module in ALLOWED_MODULES:
        return
    found = [
        f"{module}:{line}: {head} ..."
        for line, head in word_lists(path.read_text(encoding="utf-8"))
        if (module, head) not in ALLOWED
    ]
    assert not found, "language words belong in briefing/lang/lexicon:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('X = {"said", "says", "told", "added"}', True),
        ('X = ("said", "says", "told")', False),
        ('X = """said says told added""".split()', True),
        ('import re\nX = re.compile(r"\\b(said|says|told|warn\\w*)\\b")', True),
        ('X = {"two": 2, "three": 3, "four": 4, "five": 5}', True),
        ('X = {"en": 1, "is": 2, "de": 3, "fr": 4}', False),
        ('X = {"text": a.text, "actor": a.actor, "code": c, "label": b}', False),
        ('X = ["Said", "Says", "Told", "Added"]', False),
        ('def f():\n    """said|says|told|added"""', False),
        ('X = "the number is not in the cited sentences"', False),
    ],
)
def test_the_scan_finds_word_lists(source: str, caught: bool) -> None:
    assert bool(word_lists(source)) is caught


def test_every_allowance_is_still_needed() -> None:
    present = {
        (f"{p.parent.name}/{p.stem}", head)
        for p in _modules()
        for _, head in word_lists(p.read_text(encoding="utf-8"))
    }
    assert set(ALLOWED) <= present, set(ALLOWED) - present
