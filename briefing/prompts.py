"""Prompt and layout templates: shipped Jinja2 files, optionally overridden from a folder.

Templates render with `StrictUndefined`, so a misspelt variable fails loudly instead of
vanishing from the prompt. User-supplied folders render in a sandbox, and each stage
declares the variables its templates may use and must use, checked before any LLM call.
Markdown templates (`*.md`: layouts, the front page) print every value on one line
(`core.inline`): a title's newline, NUL or bidi control cannot restructure the page.
Parsing every template costs more than the rest of a cached re-run's set-up, so a prompt
set found valid is remembered by the hash of its templates, contracts and checking code.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment

from briefing.core.errors import InputError
from briefing.core.fingerprint import code_fingerprint
from briefing.core.inline import inline
from briefing.core.memo import FLAG, remembered
from briefing.core.resources import data_dir

# template name -> (variables it must use, variables it may use)
CONTRACTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "extract.system": (frozenset(), frozenset({"max_words"})),
    "extract.user": (
        frozenset({"sentences"}),
        frozenset(
            {
                "source",
                "language_name",
                "glossed",
                "actors",
                "asked",
                "parsed",
                "labelled",
                "original",
            }
        ),
    ),
    "translate.system": (frozenset({"language_name"}), frozenset()),
    "translate.user": (frozenset({"sentences", "language_name"}), frozenset()),
    "write.system": (frozenset(), frozenset()),
    "write.user": (frozenset({"statement"}), frozenset()),
    "reask": (frozenset({"errors"}), frozenset()),
    "judge.system": (frozenset(), frozenset()),
    "judge.user": (frozenset({"sentences", "claim"}), frozenset()),
    "judge_attribution.system": (frozenset(), frozenset()),
    "judge_attribution.user": (frozenset({"sentences", "actor", "claim"}), frozenset()),
    "judge_consistency.system": (frozenset(), frozenset()),
    "judge_consistency.user": (frozenset({"versions"}), frozenset()),
    "frontpage.md": (frozenset({"stories"}), frozenset({"date", "languages", "failed"})),
    "score.system": (frozenset(), frozenset()),
    "score.user": (frozenset({"sentences", "claim"}), frozenset({"claim_gloss"})),
}
SITE_DIR = "site"
REPORT_DIR = "report"  # the HTML eval report's template (`briefing.eval.html`)
LAYOUT_VARS = frozenset(
    {
        "briefing", "languages", "labels", "footnotes", "sections", "run", "source_names",
        "lead", "actor_names",
    }
)  # fmt: skip


def _template_files(root: Path) -> dict[str, Path]:
    """The prompt and layout templates under `root`; `site/` and `report/` hold the HTML
    templates of `briefing.render.site` and `briefing.eval.html`, which are no prompts."""
    return {
        p.name.removesuffix(".j2"): p
        for p in sorted(root.rglob("*.j2"))
        if p.relative_to(root).parts[0] not in (SITE_DIR, REPORT_DIR)
    }


@dataclass
class PromptSet:
    """The shipped prompts, with any files in `override_dir` taking precedence by name."""

    override_dir: Path | None = None
    _sources: dict[str, tuple[str, bool]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for name, path in _template_files(data_dir("prompts")).items():
            self._sources[name] = (path.read_text(encoding="utf-8"), False)
        if self.override_dir is not None:
            if not self.override_dir.is_dir():
                raise InputError(f"prompts folder not found: {self.override_dir}")
            for name, path in _template_files(self.override_dir).items():
                text = path.read_text(encoding="utf-8")
                shipped = self._sources.get(name, ("", False))[0]
                self._sources[name] = (text, text != shipped)
        loader = jinja2.DictLoader({name: text for name, (text, _) in self._sources.items()})
        env_cls = SandboxedEnvironment if self.override_dir else jinja2.Environment
        options: dict[str, Any] = dict(
            loader=loader,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,
        )
        self._env = env_cls(**options)
        self._markdown_env = env_cls(**options, finalize=inline)
        self._check_once()

    def names(self) -> list[str]:
        return sorted(self._sources)

    def source(self, name: str) -> str:
        return self._sources[name][0]

    def overridden(self, name: str) -> bool:
        return self._sources[name][1]

    def sha256(self, name: str) -> str:
        return hashlib.sha256(self.source(name).encode("utf-8")).hexdigest()

    def provenance(self, prefix: str = "") -> dict[str, dict[str, str]]:
        """Name -> content hash and origin, for the templates whose name starts with `prefix`."""
        return {
            name: {
                "sha256": self.sha256(name),
                "origin": "override" if self.overridden(name) else "shipped",
            }
            for name in self.names()
            if name.startswith(prefix)
        }

    def _where(self, name: str) -> str:
        origin = self.override_dir if self.overridden(name) else data_dir("prompts")
        return f"{origin}/{name}.j2"

    def check(self) -> None:
        """Parse every template and check its variables against its stage's contract."""
        for name in self.names():
            try:
                ast = self._env.parse(self.source(name))
            except jinja2.TemplateSyntaxError as err:
                raise InputError(f"{self._where(name)}:{err.lineno}: {err.message}") from None
            if name.startswith("layout."):
                required, optional = frozenset(), LAYOUT_VARS
            elif name in CONTRACTS:
                required, optional = CONTRACTS[name]
            else:
                raise InputError(
                    f"{self._where(name)}:1: no stage uses a template called '{name}' "
                    f"(known: {', '.join(sorted(CONTRACTS))}, layout.NAME.md)"
                )
            used = meta.find_undeclared_variables(ast)
            unknown = sorted(used - required - optional)
            if unknown:
                line = _line_of(self.source(name), unknown[0])
                raise InputError(
                    f"{self._where(name)}:{line}: unknown variable '{unknown[0]}' "
                    f"(this template may use: {', '.join(sorted(required | optional))})"
                )
            missing = sorted(required - used)
            if missing:
                raise InputError(
                    f"{self._where(name)}:1: the template never uses '{missing[0]}', "
                    "which this stage needs"
                )
        for name in CONTRACTS:
            if name not in self._sources:
                raise InputError(f"prompt '{name}' is missing from the shipped prompts")

    def _check_once(self) -> None:
        """`check()`, unless this very prompt set passed it before; failures are not kept."""
        material = json.dumps(
            {
                "code": code_fingerprint(),
                "contracts": {n: [sorted(r), sorted(o)] for n, (r, o) in CONTRACTS.items()},
                "layout": sorted(LAYOUT_VARS),
                "jinja2": jinja2.__version__,
                "sandboxed": self.override_dir is not None,
                "templates": {name: text for name, (text, _) in sorted(self._sources.items())},
            },
            sort_keys=True,
        )
        remembered("prompt-checks", material, lambda _: self.check() or True, FLAG)

    def render(self, name: str, **variables: Any) -> str:
        env = self._markdown_env if name.endswith(".md") else self._env
        try:
            return env.get_template(name).render(**variables).strip()
        except jinja2.UndefinedError as err:
            raise InputError(f"{self._where(name)}: {err.message}") from None

    def layouts(self) -> list[str]:
        return [
            n.removeprefix("layout.").removesuffix(".md")
            for n in self.names()
            if n.startswith("layout.")
        ]


def _line_of(text: str, variable: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if variable in line:
            return number
    return 1
