"""How to ask an OpenAI-compatible server for JSON that follows a schema: one class each.

Servers differ: OpenAI and vLLM take `json_schema` (nested `json_schema.schema`, `strict`);
the llama-cpp-python server takes `json_object` with a flat `schema`; anything else gets
plain JSON mode with the schema in the prompt. llama.cpp's own `llama-server` reads only
the nested shape and silently ignores a flat `schema` under `json_schema`, so each class
builds exactly one documented shape. Pydantic validation still checks every answer.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any, ClassVar

from briefing.core.jsontext import loads
from briefing.llm.base import Message, Request

# Keywords OpenAI's strict mode rejects; the validators still enforce them.
STRICT_UNSUPPORTED = frozenset(
    {
        "minLength",
        "maxLength",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "patternProperties",
        "propertyNames",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contains",
        "minContains",
        "maxContains",
        "default",
        "examples",
    }
)


def schema_name(schema: dict[str, Any]) -> str:
    """A `json_schema.name` OpenAI accepts (letters, digits, _ and -, at most 64)."""
    name = re.sub(r"[^A-Za-z0-9_-]", "_", str(schema.get("title") or "answer"))
    return name[:64] or "answer"


def _inline_refs(node: Any, defs: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """Replace `$ref`s by their definitions (siblings of `$ref` are not allowed in strict
    mode); a recursive reference stays a bare `$ref`."""
    if isinstance(node, list):
        return [_inline_refs(v, defs, seen) for v in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        if name in seen or name not in defs:
            return {"$ref": ref}
        merged = {**defs[name], **{k: v for k, v in node.items() if k != "$ref"}}
        return _inline_refs(merged, defs, (*seen, name))
    return {k: _inline_refs(v, defs, seen) for k, v in node.items() if k != "$defs"}


def strict_schema(schema: dict[str, Any]) -> tuple[dict[str, Any], frozenset[str]]:
    """`schema` as OpenAI's strict mode wants it, and the property names made nullable.

    Every object gets `additionalProperties: false` and lists all its properties as
    required; a property that was optional becomes nullable instead, and its nulls are
    dropped again when the answer is parsed.
    """
    defs = schema.get("$defs", {})
    out = _inline_refs(copy.deepcopy(schema), defs)
    if any(_has_ref(v) for v in defs.values()):  # recursive models keep their $defs
        out["$defs"] = {k: _inline_refs(v, defs, (k,)) for k, v in defs.items()}
    nullable: set[str] = set()

    def fix(node: Any) -> None:
        if isinstance(node, list):
            for v in node:
                fix(v)
            return
        if not isinstance(node, dict):
            return
        for key in STRICT_UNSUPPORTED & node.keys():
            node.pop(key)
        if "prefixItems" in node:  # strict mode has no tuples: one item schema for all
            node.setdefault("items", node.pop("prefixItems")[0])
        props = node.get("properties")
        if isinstance(props, dict):
            required = set(node.get("required", []))
            for name, prop in props.items():
                fix(prop)
                if name not in required:
                    if {"type": "null"} not in prop.get("anyOf", []):
                        props[name] = {"anyOf": [prop, {"type": "null"}]}
                    nullable.add(name)
            node["required"] = list(props)
            node["additionalProperties"] = False
        for key, value in node.items():
            if key == "$defs":
                for sub in value.values():
                    fix(sub)
            elif key not in ("properties", "enum", "const"):
                fix(value)

    fix(out)
    return out, frozenset(nullable)


def _has_ref(node: Any) -> bool:
    if isinstance(node, dict):
        return "$ref" in node or any(_has_ref(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_ref(v) for v in node)
    return False


def _drop_nulls(value: Any, names: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {
            k: _drop_nulls(v, names) for k, v in value.items() if not (v is None and k in names)
        }
    if isinstance(value, list):
        return [_drop_nulls(v, names) for v in value]
    return value


def extract_json(text: str) -> str:
    """The JSON object in a free-form answer: without code fences or chatter around it."""
    stripped = text.strip()
    fenced = re.match(r"^```(?:json)?\s*(.*?)\s*```$", stripped, re.DOTALL)
    if fenced:
        stripped = fenced.group(1)
    start, end = stripped.find("{"), stripped.rfind("}")
    return stripped[start : end + 1] if 0 <= start < end else stripped


class Strategy:
    """Prepares the request body for one structured-output convention and parses answers."""

    name: ClassVar[str] = ""

    def prepare(self, request: Request) -> dict[str, Any]:
        """`messages` and, when there is a schema, `response_format` for the request."""
        body: dict[str, Any] = {"messages": request.messages}
        if request.schema is not None:
            body["response_format"] = self.response_format(request.schema)
        return body

    def response_format(self, schema: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def parse(self, text: str, request: Request) -> str:
        """The answer text the validators should see."""
        return text


class JsonSchemaStrategy(Strategy):
    """`response_format: json_schema` with the schema nested and `strict` (OpenAI, vLLM,
    llama-server, Ollama)."""

    name = "json_schema"

    def __init__(self, strict: bool = True) -> None:
        self.strict = strict

    def response_format(self, schema: dict[str, Any]) -> dict[str, Any]:
        body = strict_schema(schema)[0] if self.strict else schema
        return {
            "type": "json_schema",
            "json_schema": {"name": schema_name(schema), "schema": body, "strict": self.strict},
        }

    def parse(self, text: str, request: Request) -> str:
        if not self.strict or request.schema is None:
            return text
        nullable = strict_schema(request.schema)[1]
        if not nullable:
            return text
        try:
            return json.dumps(_drop_nulls(loads(text), nullable), ensure_ascii=False)
        except ValueError:
            return text  # let validation report the bad JSON


class JsonObjectStrategy(Strategy):
    """`response_format: json_object` with a flat `schema` (the llama-cpp-python server,
    which turns it into a grammar)."""

    name = "json_object"

    def response_format(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {"type": "json_object", "schema": schema}


class JsonModeStrategy(Strategy):
    """Plain JSON mode, the schema given in the prompt: the last resort, unconstrained."""

    name = "json"

    def prepare(self, request: Request) -> dict[str, Any]:
        if request.schema is None:
            return {"messages": request.messages}
        hint = (
            "Answer with one JSON object, and nothing else, that follows this JSON Schema:\n"
            + json.dumps(request.schema, ensure_ascii=False)
        )
        return {
            "messages": _with_system_hint(request.messages, hint),
            "response_format": {"type": "json_object"},
        }

    def parse(self, text: str, request: Request) -> str:
        return extract_json(text) if request.schema is not None else text


def _with_system_hint(messages: list[Message], hint: str) -> list[Message]:
    if messages and messages[0]["role"] == "system":
        first = {**messages[0], "content": f"{messages[0]['content']}\n\n{hint}"}
        return [first, *messages[1:]]
    return [{"role": "system", "content": hint}, *messages]


STRATEGIES: dict[str, type[Strategy]] = {
    s.name: s for s in (JsonSchemaStrategy, JsonObjectStrategy, JsonModeStrategy)
}
AUTO_ORDER = ("json_schema", "json_object", "json")


def make_strategy(name: str) -> Strategy:
    return STRATEGIES[name]()
