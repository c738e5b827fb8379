"""Settings resolution: flag > environment > config file > default, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.config import Settings, config_path, resolve
from briefing.core.errors import InputError
from briefing.core.models import Usage
from briefing.llm.registry import build_llm


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    user = tmp_path / "user-config"
    monkeypatch.setattr("platformdirs.user_config_dir", lambda *a, **k: str(user))
    monkeypatch.chdir(tmp_path)
    return user


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_anything(tmp_path: Path) -> None:
    settings = resolve(env={})
    assert settings.backend == "embedded" and settings.structured == "auto"
    assert settings.cache is True and settings.concurrency == 1
    assert settings.answer_cache.name == "answers"


def test_flag_beats_env_beats_file_beats_default(tmp_path: Path) -> None:
    write(
        tmp_path / "briefing.toml",
        'model = "from-file"\nbase_url = "http://file/v1"\ntimeout = 30\nconcurrency = 2\n',
    )
    env = {"BRIEFING_MODEL": "from-env", "BRIEFING_CONCURRENCY": "3"}
    settings = resolve({"model": "from-flag", "backend": "openai"}, env=env)
    assert settings.model == "from-flag"
    assert settings.concurrency == 3
    assert settings.base_url == "http://file/v1" and settings.timeout == 30.0
    assert settings.retries == 4
    assert settings.sources["model"] == "--model"
    assert settings.sources["concurrency"] == "BRIEFING_CONCURRENCY"
    assert settings.sources["timeout"].endswith("briefing.toml: timeout")


def test_the_usual_openai_variables(tmp_path: Path) -> None:
    env = {"OPENAI_API_KEY": "sk-x", "OPENAI_BASE_URL": "http://localhost:8000/v1"}
    settings = resolve({"backend": "openai", "model": "m"}, env=env)
    assert settings.api_key == "sk-x" and settings.base_url == "http://localhost:8000/v1"
    assert "sk-x" not in repr(settings)


def test_none_and_empty_flags_fall_through(tmp_path: Path) -> None:
    settings = resolve(
        {"model": None, "cache": None}, env={"BRIEFING_MODEL": "", "BRIEFING_CACHE": "0"}
    )
    assert settings.model is None and settings.cache is False
    assert resolve({"cache": False}, env={}).cache is False


def test_file_search_order(tmp_path: Path, isolated: Path) -> None:
    assert config_path({}) is None
    user = write(isolated / "briefing.toml", 'backend = "openai"\n')
    assert config_path({}) == user
    local = write(tmp_path / "briefing.toml", 'backend = "fake"\n')
    assert config_path({}) == local
    assert resolve(env={}).backend == "fake"
    chosen = write(tmp_path / "elsewhere.toml", 'model = "x"\n')
    assert config_path({"BRIEFING_CONFIG": str(chosen)}) == chosen
    with pytest.raises(InputError, match="BRIEFING_CONFIG"):
        config_path({"BRIEFING_CONFIG": str(tmp_path / "missing.toml")})


def test_prices_and_cost(tmp_path: Path) -> None:
    write(tmp_path / "briefing.toml", "[price]\nprompt = 0.5\ncompletion = 2\n")
    settings = resolve(env={})
    assert (settings.price_prompt, settings.price_completion) == (0.5, 2.0)
    usage = Usage(prompt_tokens=1_000_000, completion_tokens=500_000)
    assert settings.price(usage) == 1.5
    assert Settings().price(usage) is None
    total = Usage(cost=1.0)
    total.add(Usage(cost=0.25))
    total.add(Usage())
    assert total.cost == 1.25


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('colour = "red"\n', "unknown setting 'colour'"),
        ('api_key = "sk-oops"\n', "set OPENAI_API_KEY"),
        ("timeout = -1\n", "must not be negative"),
        ("backend = \n", "not valid TOML"),
    ],
)
def test_bad_config_files_say_what_and_where(tmp_path: Path, text: str, fragment: str) -> None:
    write(tmp_path / "briefing.toml", text)
    with pytest.raises(InputError, match=fragment) as err:
        resolve(env={})
    assert "briefing.toml" in str(err.value)
    assert "sk-oops" not in str(err.value)


def test_bad_values_name_their_source() -> None:
    with pytest.raises(InputError, match="BRIEFING_TIMEOUT: bad value 'soon'"):
        resolve(env={"BRIEFING_TIMEOUT": "soon"}, config=False)
    with pytest.raises(InputError, match="--structured: bad value 'xml'"):
        resolve({"structured": "xml"}, env={}, config=False)


def test_answer_cache_location(tmp_path: Path) -> None:
    assert (
        resolve(env={"BRIEFING_ANSWER_CACHE": str(tmp_path / "a")}).answer_cache == tmp_path / "a"
    )
    write(tmp_path / "briefing.toml", 'cache_dir = "~/answers"\n')
    assert resolve(env={}).answer_cache == Path("~/answers").expanduser()


def test_a_team_file_names_its_prompt_folder_relative_to_itself(tmp_path: Path) -> None:
    path = write(tmp_path / "team" / "briefing.toml", 'prompts = "house"\nlayout = "paired"\n')
    settings = resolve(env={"BRIEFING_CONFIG": str(path)})
    assert settings.prompts == tmp_path / "team" / "house"
    assert settings.layout == "paired"
    flagged = resolve({"prompts": Path("mine")}, env={"BRIEFING_CONFIG": str(path)})
    assert flagged.prompts == Path("mine")


def test_an_unknown_backend_names_the_known_ones(tmp_path: Path) -> None:
    write(tmp_path / "briefing.toml", 'backend = "nonsense"\n')
    with pytest.raises(InputError, match="choose from embedded, openai, fake"):
        build_llm(resolve(config=tmp_path / "briefing.toml", env={}))


def test_the_languages_a_model_reads_come_from_the_backend_or_the_settings(
    tmp_path: Path,
) -> None:
    """A server model reads every language unless `model_reads` says otherwise; the
    setting reaches the built backend (through the answer cache and the call log)."""
    from briefing.llm.base import reads

    env = {"OPENAI_API_KEY": "sk-x", "BRIEFING_CACHE": "0", "BRIEFING_LOG": "0"}
    server = resolve({"backend": "openai", "model": "m"}, env=env)
    assert reads(build_llm(server)) is None
    write(tmp_path / "briefing.toml", 'model_reads = ["en"]\n')
    small = resolve({"backend": "openai", "model": "m"}, env={**env, "BRIEFING_CACHE": "1"})
    assert small.model_reads == ("en",) and reads(build_llm(small)) == frozenset({"en"})
    assert resolve(env={"BRIEFING_MODEL_READS": "en,is"}).model_reads == ("en", "is")
