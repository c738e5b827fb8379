"""The distribution: its name, its extras, and the lock it installs from.

The name `briefing` on PyPI is an unrelated project, so the distribution has its own
name; the user's install holds no dev tools; uv.lock matches pyproject.toml and
constraints.txt is exported from it (`make lock`), so pip-only installs get the lock.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from briefing import DISTRIBUTION
from briefing.cli import doctor

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCK = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
DEV_TOOLS = {"pytest", "ruff", "hypothesis", "import-linter", "uv", "hatchling", "pillow"}


def test_the_distribution_is_named_as_the_code_says() -> None:
    assert PROJECT["name"] == DISTRIBUTION == "cited-briefing"
    assert PROJECT["scripts"] == {"briefing": "briefing.cli:main"}  # the command stays


def test_the_doctor_reads_the_engine_pin_from_the_distribution(monkeypatch) -> None:
    asked = []

    def requires(name: str) -> list[str]:
        asked.append(name)
        return ["numpy>=1.24", "llama-cpp-python==0.3.36; extra == 'embedded'"]

    monkeypatch.setattr(doctor, "requires", requires)
    assert doctor.pinned_engine() == "0.3.36"
    assert asked == [DISTRIBUTION]


def test_user_extras_hold_no_dev_tools() -> None:
    extras = PROJECT["optional-dependencies"]
    for extra in ("embedded", "server"):
        names = {canonicalize_name(Requirement(spec).name) for spec in extras[extra]}
        assert not names & DEV_TOOLS, extra
    dev = {canonicalize_name(Requirement(spec).name) for spec in extras["dev"]}
    assert {"pytest", "ruff", "hypothesis", "import-linter"} <= dev


def test_make_briefing_installs_the_embedded_extra_only() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^briefing: (\S+)", makefile, re.M)
    assert target and target.group(1) == "$(STAMP)"
    rule = re.search(r"^\$\(STAMP\):.*?(?=^\S)", makefile, re.M | re.S)
    assert rule and "-c constraints.txt -e '.[embedded]'" in rule.group(0)
    assert re.search(r"^test: \$\(DEV_STAMP\)", makefile, re.M)


def _locked_project() -> dict:
    return next(p for p in LOCK["package"] if p["name"] == DISTRIBUTION)


def test_the_lock_is_of_this_pyproject() -> None:
    """A dependency changed without `make lock` fails here, not on a user's machine."""

    def key(name: str, specifier: str, extra: str | None) -> tuple:
        return canonicalize_name(name), str(Requirement(f"x{specifier}").specifier), extra

    wanted = {
        key(r.name, str(r.specifier), None) for r in map(Requirement, PROJECT["dependencies"])
    }
    for extra, specs in PROJECT["optional-dependencies"].items():
        wanted |= {key(r.name, str(r.specifier), extra) for r in map(Requirement, specs)}
    locked = set()
    for dep in _locked_project()["metadata"]["requires-dist"]:
        extra = re.search(r"extra == '([\w-]+)'", dep.get("marker", ""))
        locked.add(key(dep["name"], dep.get("specifier", ""), extra and extra.group(1)))
    assert locked == wanted
    assert LOCK["requires-python"] == PROJECT["requires-python"]


def test_the_lock_covers_python_3_10_to_3_13_on_x86_64_linux() -> None:
    markers = " ".join(LOCK["supported-markers"])
    assert "python_full_version < '3.14'" in markers
    assert "platform_machine == 'x86_64'" in markers and "sys_platform == 'linux'" in markers
    assert PROJECT["requires-python"] == ">=3.10"


def test_constraints_are_the_lock_exported() -> None:
    """constraints.txt pins exactly the versions uv.lock holds, each under its marker."""
    pinned = set()
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            requirement = Requirement(line)
            (version,) = [s.version for s in requirement.specifier if s.operator == "=="]
            pinned.add((canonicalize_name(requirement.name), version))
    locked = {
        (canonicalize_name(p["name"]), p["version"])
        for p in LOCK["package"]
        if p["name"] != DISTRIBUTION
    }
    assert pinned == locked
