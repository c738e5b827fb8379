"""Run settings resolved in one place: flag > environment > config file > default.

The config file is `briefing.toml` in the working directory, else the one in the
platform's user config dir (or `$BRIEFING_CONFIG`). It holds defaults a team shares
(backend, server, model, prompt folder, layout, languages, prices); relative paths in it are read
from the file's folder. The API key is never read from it, so a checked-in file cannot
leak one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from briefing.core.errors import InputError
from briefing.core.languages import normalise_languages
from briefing.core.paths import cache_root

if TYPE_CHECKING:
    from briefing.core.models import Usage

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAME = "briefing.toml"
STRUCTURED = ("auto", "json_schema", "json_object", "json")


def _positive_float(text: str) -> float:
    value = float(text)
    if value < 0:
        raise ValueError("must not be negative")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError("must not be negative")
    return value


def _boolean(text: str) -> bool:
    lowered = str(text).strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError("use true or false")


def _languages(value: str | list[str]) -> tuple[str, ...]:
    """A list (flag, config file) or a comma-separated string (environment)."""
    codes = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    return tuple(normalise_languages(codes))


def _path(text: str) -> Path:
    return Path(text).expanduser()


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(f"choose from {', '.join(options)}")
        return text

    return parse


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, its config-file key and its parser."""

    env: str | None
    key: str | None
    parse: Callable[[str], Any]


SETTINGS: dict[str, Setting] = {
    "backend": Setting("BRIEFING_BACKEND", "backend", str),  # names: briefing.llm.registry
    "model": Setting("BRIEFING_MODEL", "model", str),
    "base_url": Setting("OPENAI_BASE_URL", "base_url", str),
    "api_key": Setting("OPENAI_API_KEY", None, str),  # never from the config file
    "structured": Setting("BRIEFING_STRUCTURED", "structured", _choice(STRUCTURED)),
    "timeout": Setting("BRIEFING_TIMEOUT", "timeout", _positive_float),
    "retries": Setting("BRIEFING_RETRIES", "retries", _positive_int),
    "backoff": Setting("BRIEFING_RETRY_BACKOFF", "backoff", _positive_float),
    "concurrency": Setting("BRIEFING_CONCURRENCY", "concurrency", _positive_int),
    "cache": Setting("BRIEFING_CACHE", "cache", _boolean),
    "cache_dir": Setting("BRIEFING_ANSWER_CACHE", "cache_dir", _path),
    "model_file": Setting("BRIEFING_MODEL_FILE", "model_file", _path),
    "prompts": Setting("BRIEFING_PROMPTS", "prompts", _path),
    "layout": Setting("BRIEFING_LAYOUT", "layout", str),
    "lang": Setting("BRIEFING_LANG", "lang", _languages),
    # the languages the model reads well enough to phrase (`llm.base.reads`)
    "model_reads": Setting("BRIEFING_MODEL_READS", "model_reads", _languages),
    "log": Setting("BRIEFING_LOG", "log", _boolean),
    "log_db": Setting("BRIEFING_LOG_DB", "log_db", _path),
    "price_prompt": Setting("BRIEFING_PRICE_PROMPT", "price.prompt", _positive_float),
    "price_completion": Setting("BRIEFING_PRICE_COMPLETION", "price.completion", _positive_float),
    "max_articles": Setting("BRIEFING_MAX_ARTICLES", "max_articles", _positive_int),
    "max_article_bytes": Setting("BRIEFING_MAX_ARTICLE_BYTES", "max_article_bytes", _positive_int),
    # what `daily` may fetch (briefing.ingest.fetch, briefing.ingest.collect)
    "fetch_timeout": Setting("BRIEFING_FETCH_TIMEOUT", "fetch_timeout", _positive_float),
    "max_feed_items": Setting("BRIEFING_MAX_FEED_ITEMS", "max_feed_items", _positive_int),
    "max_total_bytes": Setting("BRIEFING_MAX_TOTAL_BYTES", "max_total_bytes", _positive_int),
    "allow_private": Setting("BRIEFING_ALLOW_PRIVATE", "allow_private", _boolean),
    "max_sentences": Setting("BRIEFING_MAX_SENTENCES", "max_sentences", _positive_int),
    "max_article_sentences": Setting(
        "BRIEFING_MAX_ARTICLE_SENTENCES", "max_article_sentences", _positive_int
    ),
}


@dataclass
class Settings:
    """Everything a run needs to pick and drive its backend. `api_key` stays out of repr."""

    backend: str = "embedded"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    structured: str = "auto"
    timeout: float = 120.0
    retries: int = 4
    backoff: float = 1.0
    concurrency: int = 1
    cache: bool = True
    cache_dir: Path | None = None
    model_file: Path | None = None
    prompts: Path | None = None
    layout: str = "stacked"
    lang: tuple[str, ...] = ("en", "is")
    model_reads: tuple[str, ...] | None = None  # None: what the backend declares
    log: bool = True  # record every model call (`briefing.llm.calllog`)
    log_db: Path | None = None
    price_prompt: float | None = None
    price_completion: float | None = None
    max_articles: int | None = None  # None: the default in briefing.ingest.read
    max_article_bytes: int | None = None
    fetch_timeout: float = 20.0  # seconds for one page or feed, all of it
    max_feed_items: int = 50
    max_total_bytes: int = 50_000_000
    allow_private: bool = False  # fetch private, loopback and link-local addresses too
    max_sentences: int | None = None  # None: the default in briefing.stages.pipeline
    max_article_sentences: int | None = None
    sources: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def answer_cache(self) -> Path:
        """Where answers are cached: the setting, else `<cache root>/answers`."""
        return self.cache_dir or cache_root() / "answers"

    @property
    def log_path(self) -> Path:
        """The call log: the setting, else `logs.db` in the user's data dir."""
        return self.log_db or Path(platformdirs.user_data_dir("briefing")) / "logs.db"

    def price(self, usage: Usage) -> float | None:
        """Cost in the configured currency, if both prices per 1M tokens are set."""
        if self.price_prompt is None and self.price_completion is None:
            return None
        return round(
            (
                usage.prompt_tokens * (self.price_prompt or 0.0)
                + usage.completion_tokens * (self.price_completion or 0.0)
            )
            / 1_000_000,
            6,
        )


def config_path(env: Mapping[str, str] | None = None) -> Path | None:
    """`$BRIEFING_CONFIG`, else ./briefing.toml, else the user config dir's; None if absent."""
    env = os.environ if env is None else env
    if env.get("BRIEFING_CONFIG"):
        path = Path(env["BRIEFING_CONFIG"])
        if not path.is_file():
            raise InputError(f"BRIEFING_CONFIG points to {path}, which does not exist")
        return path
    for candidate in (
        Path.cwd() / CONFIG_NAME,
        Path(platformdirs.user_config_dir("briefing")) / CONFIG_NAME,
    ):
        if candidate.is_file():
            return candidate
    return None


def read_config(path: Path) -> dict[str, Any]:
    """The file's settings flattened to dotted keys (`price.prompt`); unknown keys fail."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}") from err
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path} is not valid TOML: {err}") from err
    except RecursionError:
        raise InputError(f"{path} is not valid TOML: nested too deeply") from None
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{sub}": v for sub, v in value.items()})
        else:
            flat[key] = value
    if "api_key" in flat:
        raise InputError(f"{path}: do not put api_key in a config file; set OPENAI_API_KEY")
    known = {s.key for s in SETTINGS.values() if s.key}
    unknown = sorted(set(flat) - known)
    if unknown:
        raise InputError(
            f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    return flat


def resolve(
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    config: Path | bool | None = True,
) -> Settings:
    """Settings from flags (None means not given), then env, then the config file.

    `config=True` looks for the file; a path reads that file; False/None reads none.
    """
    flags = flags or {}
    env = os.environ if env is None else env
    path = config_path(env) if config is True else (config or None)
    file_values = read_config(path) if path else {}
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for name, setting in SETTINGS.items():
        candidates = [
            (flags.get(name), f"--{name.replace('_', '-')}", False),
            (env.get(setting.env) if setting.env else None, setting.env, False),
            (file_values.get(setting.key) if setting.key else None, f"{path}: {setting.key}", True),
        ]
        for raw, where, in_file in candidates:
            if raw is None or raw == "":
                continue
            try:
                values[name] = setting.parse(raw if isinstance(raw, list) else str(raw))
            except ValueError as err:
                shown = "(hidden)" if name == "api_key" else repr(raw)
                raise InputError(f"{where}: bad value {shown}: {err}") from None
            if in_file and path and isinstance(values[name], Path):
                values[name] = path.parent / values[name]  # a team's file names its own folder
            sources[name] = str(where)
            break
    return Settings(**values, sources=sources)
