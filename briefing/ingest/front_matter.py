"""YAML front matter without the parts of YAML a hostile file can turn into work.

A front matter is a few `key: value` lines, yet YAML allows anchors and aliases: ten
nested aliases of ten (a "billion laughs", 393 bytes) load as shared references and
explode when anything walks or prints them. Deep nesting (`[[[[...`) overflows the
stack. So aliases are refused, nesting and length are capped, and the loader is safe.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import Node

__all__ = ["MAX_DEPTH", "MAX_FRONT_MATTER", "UnsafeFrontMatter", "load_front_matter"]

MAX_FRONT_MATTER = 20_000  # characters: a title, a date, a URL and an outlet take ~300
MAX_DEPTH = 20  # nested lists and mappings; real front matter uses one or two


_COLON_IN_VALUE = "mapping values are not allowed here"  # PyYAML's words for "a: b: c"
_PLAIN_LINE = re.compile(r"([A-Za-z_][\w-]*):[ \t]*(.*)")


class UnsafeFrontMatter(yaml.YAMLError):
    """Front matter that uses aliases, nests too deep, or is too long to be metadata."""


class _Loader(yaml.SafeLoader):
    """`yaml.SafeLoader` that refuses aliases and deep nesting as it composes nodes."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            line = self.peek_event().start_mark.line + 1  # raw starts on the '---' line
            raise UnsafeFrontMatter(f"front matter uses a YAML alias (line {line})")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise UnsafeFrontMatter(f"front matter nests deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


def load_front_matter(raw: str) -> Any:
    """The YAML document in `raw`, refused (`UnsafeFrontMatter`) before any expansion."""
    if len(raw) > MAX_FRONT_MATTER:
        raise UnsafeFrontMatter(
            f"front matter is {len(raw):,} characters, over the limit of {MAX_FRONT_MATTER:,}"
        )
    loader = _Loader(raw)
    try:
        return loader.get_single_data()
    except UnsafeFrontMatter:
        raise
    except yaml.YAMLError as err:
        plain = _plain_lines(raw) if _COLON_IN_VALUE in str(err) else None
        if plain is None:
            raise
        return plain
    finally:
        loader.dispose()


def _plain_lines(raw: str) -> dict[str, str] | None:
    """`key: value` lines read as written, where YAML refuses them: a headline with a
    colon of its own ("Islande : un paquebot s'échoue", French typography) is a title,
    not malformed metadata. Only for YAML's complaint about such a colon (an unclosed
    bracket stays malformed); None unless every line is such a line."""
    meta: dict[str, str] = {}
    for line in raw.splitlines():
        if not line.strip() or line.strip() == "---" or line.lstrip().startswith("#"):
            continue
        match = _PLAIN_LINE.fullmatch(line.rstrip())
        if match is None:
            return None
        meta[match[1]] = match[2].strip()
    return meta
