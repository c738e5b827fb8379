"""The install is locked to what the code reaches into.

A module the package imports must come from a distribution pyproject.toml declares
(not one that happens to arrive with another package), and the pinned llama-cpp-python
must still offer the internals `embedded.py` and `greedy_grammar.py` use.
"""

from __future__ import annotations

import ast
import ctypes
import importlib.util
import re
import sys
from importlib.metadata import distributions, packages_distributions, version
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = PYPROJECT["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    return {normalise(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in specs}


def imported_modules() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "briefing").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"briefing", "__future__"}


def owners() -> dict[str, set[str]]:
    """Top-level module -> distributions, inferred from installed files too: Python 3.10's
    packages_distributions() reads only top_level.txt, which most wheels no longer ship."""
    found: dict[str, set[str]] = {m: set(d) for m, d in packages_distributions().items()}
    for dist in distributions():
        for file in dist.files or []:
            top = file.parts[0] if file.parts else ""
            if len(file.parts) == 1 and top.endswith(".py"):
                top = top[:-3]
            elif len(file.parts) == 1 or top == ".." or top.endswith((".dist-info", ".data")):
                continue
            found.setdefault(top, set()).add(dist.metadata["Name"])
    return found


def test_every_imported_module_is_a_declared_dependency() -> None:
    owned = owners()
    undeclared = {}
    for module in sorted(imported_modules()):
        if module == "tomli":  # declared with a marker, absent on 3.11+
            continue
        if module not in owned and importlib.util.find_spec(module) is None:
            continue  # an extra not installed here (llama_cpp without `embedded`)
        dists = {normalise(d) for d in owned.get(module, [])}
        if not dists & declared():
            undeclared[module] = sorted(dists) or ["not installed"]
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def pinned(name: str) -> str:
    for spec in PYPROJECT["project"]["optional-dependencies"]["embedded"]:
        if normalise(spec.split("=")[0]) == name:
            return spec.split("==")[1]
    raise AssertionError(f"{name} is not pinned with == in the embedded extra")


def test_the_installed_engine_is_the_pinned_one() -> None:
    pytest.importorskip("llama_cpp")
    want = pinned("llama-cpp-python")
    got = version("llama-cpp-python")
    assert got == want, (
        f"llama-cpp-python {got} is installed but briefing is tested with {want}: "
        f"embedded.py overrides its private Llama._init_sampler; run `make install`"
    )


def test_the_engine_offers_the_internals_we_use() -> None:
    """Fails with the version named when an upgrade removes what we reach into."""
    llama_cpp = pytest.importorskip("llama_cpp")
    from llama_cpp import _internals

    needed = {
        llama_cpp.Llama: ["_init_sampler", "eval", "create_chat_completion", "reset"],
        _internals.LlamaSampler: ["add_greedy"],
    }
    lib = [
        "llama_sampler_init_grammar", "llama_sampler_apply", "llama_sampler_accept",
        "llama_sampler_reset", "llama_sampler_free", "llama_sampler_chain_add",
        "llama_sampler_chain_n", "llama_sampler_i", "llama_sampler_i_apply",
        "llama_sampler_i_accept", "llama_sampler_i_reset", "llama_sampler_i_name",
        "llama_sampler_i_clone", "llama_sampler_i_free", "llama_sampler",
        "llama_token_data", "llama_token_data_array", "llama_perf_context",
        "llama_perf_context_reset", "llama_print_system_info",
    ]  # fmt: skip
    missing = [f"{cls.__name__}.{a}" for cls, attrs in needed.items() for a in attrs
               if not hasattr(cls, a)]  # fmt: skip
    missing += [name for name in lib if not hasattr(llama_cpp, name)]
    assert not missing, (
        f"llama-cpp-python {llama_cpp.__version__} lacks {', '.join(missing)}, "
        f"which briefing.llm.embedded / greedy_grammar use; install {pinned('llama-cpp-python')}"
    )


@pytest.fixture(scope="module")
def vocab_only():
    """The embedded model's tokenizer alone (no weights computed): quick to load."""
    llama_cpp = pytest.importorskip("llama_cpp")
    from briefing.llm.model_file import default_model_path

    return llama_cpp.Llama(model_path=str(default_model_path()), vocab_only=True, verbose=False)


def test_grammar_first_choice_masks_a_rejected_best_token(vocab_only):
    """The lazy sampler, on the installed engine: a best token the grammar rejects sends
    it to the full check, which leaves only grammar-legal candidates."""
    import llama_cpp

    from briefing.llm.greedy_grammar import GrammarFirstChoice

    yes, no = (vocab_only.tokenize(w.encode(), add_bos=False)[0] for w in ("yes", "no"))
    lazy = GrammarFirstChoice(llama_cpp, vocab_only._model.vocab, 'root ::= "yes"')
    cells = (llama_cpp.llama_token_data * 2)()
    cells[0].id, cells[0].logit = no, 5.0  # the best token, which the grammar rejects
    cells[1].id, cells[1].logit = yes, 1.0
    array = llama_cpp.llama_token_data_array(data=cells, size=2, selected=-1, sorted=False)
    lazy._apply(ctypes.pointer(array))
    assert lazy.full_checks == 1
    assert cells[0].logit == float("-inf") and cells[1].logit == 1.0

    cells[0].id, cells[0].logit = yes, 5.0  # now the best token is legal: no full check
    cells[1].id, cells[1].logit = no, 1.0
    lazy._apply(ctypes.pointer(array))
    assert lazy.full_checks == 1 and lazy.steps == 2
