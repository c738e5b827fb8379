"""The user guide: links that resolve, every environment variable the code reads, the
distribution's own name in install commands, and no development history."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.llm.model_file import MODEL_SHA256

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_relative_links_resolve() -> None:
    broken = []
    for doc in DOCS:
        for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:|#", target):
                continue
            if not (doc.parent / target.split("#")[0]).exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert not broken


def test_every_environment_variable_the_code_reads_is_documented() -> None:
    read = set()
    for path in (ROOT / "briefing").rglob("*.py"):
        read |= set(re.findall(r"\bBRIEFING_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    section = README.split("### Environment variables", 1)[1].split("\n## ", 1)[0]
    missing = sorted(name for name in read if f"`{name}" not in section)
    assert read and not missing


def test_install_commands_name_the_distribution_not_the_unrelated_briefing() -> None:
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"install\s+'?briefing\[", text), doc.name
    assert "pipx install '.[embedded]'" in README and "uv tool install" in README
    assert "cited-briefing" in README


def test_the_readme_keeps_its_two_commands_and_no_history() -> None:
    assert "make briefing   #" in README and "make test       #" in README
    assert not re.search(r"\bstop \d+\b", README)  # measured history is in docs/figures.md
    commit = r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b"
    assert not re.search(commit, README.replace(MODEL_SHA256, ""))


def test_the_readme_config_example_is_a_valid_config(tmp_path: Path) -> None:
    from briefing.core.config import read_config

    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```toml\n(.*?)```", section, re.S)
    assert example
    path = tmp_path / "briefing.toml"
    path.write_text(example.group(1), encoding="utf-8")
    assert read_config(path)["lang"] == ["en", "is"]  # unknown keys would raise
