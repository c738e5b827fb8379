"""The embedded backend. Tests marked `embedded` run the real model (~8 tokens/s on
two cores), so their answers are kept to a few dozen tokens."""

from __future__ import annotations

import json
import sys
from typing import Literal

import pytest
from pydantic import BaseModel, Field

from briefing.core.errors import BriefingError, LLMError
from briefing.llm.base import LLM, Request
from briefing.llm.embedded import EmbeddedLLM, schema_grammar
from briefing.llm.model_file import ModelMissing


class Item(BaseModel):
    label: str = Field(max_length=12)
    ids: list[Literal[2, 5, 9]] = Field(min_length=1, max_length=2)


class Answer(BaseModel):
    items: list[Item] = Field(min_length=1, max_length=2)


SYSTEM = "You are a careful assistant. Answer in JSON only."


def ask(user: str, **kwargs: object) -> Request:
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
    return Request(messages=messages, **kwargs)  # type: ignore[arg-type]


def test_is_an_llm_and_names_the_model_without_loading_it():
    llm = EmbeddedLLM()
    assert isinstance(llm, LLM)
    assert (llm.name, llm.max_concurrency) == ("embedded", 1)
    assert llm.model == "qwen2.5-coder-1.5b-instruct-q4_k_m"


def test_missing_model_file_is_a_briefing_error(tmp_path):
    with pytest.raises(ModelMissing, match="not found"):
        EmbeddedLLM(model_path=tmp_path / "absent.gguf")


def test_missing_llama_cpp_says_how_to_install(tmp_path, monkeypatch):
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # makes `import llama_cpp` fail
    with pytest.raises(BriefingError) as err:
        EmbeddedLLM(model_path=model).load()
    assert "pip install 'cited-briefing[embedded]'" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.embedded
def test_grammar_keeps_control_characters_out_of_strings(require_llama_cpp):
    grammar = schema_grammar(Answer.model_json_schema())
    assert r'char ::= [^"\\\x7F\x00-\x1F]' in grammar._grammar


@pytest.mark.embedded
def test_schema_constrains_the_answer(embedded_llm):
    prompt = (
        "Give two items. The first has label 'a very long label indeed' and ids 1, 3 and 4; "
        "the second has label 'another overly long label' and ids 7 and 8."
    )
    request = ask(prompt, schema=Answer.model_json_schema(), max_tokens=80)
    response = embedded_llm.complete(request)
    assert response.finish_reason == "stop", response.text
    answer = Answer.model_validate_json(response.text)  # enum, maxItems, maxLength all hold
    assert all(set(item.ids) <= {2, 5, 9} for item in answer.items)
    assert response.prompt_tokens > 0
    assert response.completion_tokens > 0
    assert response.engine_seconds is not None and 0 < response.engine_seconds <= response.seconds


@pytest.mark.embedded
def test_token_limit_reports_length(embedded_llm):
    response = embedded_llm.complete(ask("Count from one to fifty.", max_tokens=3))
    assert response.finish_reason == "length"
    assert response.completion_tokens == 3
    assert response.text


@pytest.mark.embedded
def test_shared_prefix_is_evaluated_once(embedded_llm):
    first = embedded_llm.complete(ask("Say yes.", max_tokens=2))
    second = embedded_llm.complete(ask("Say no, please.", max_tokens=2))
    assert first.extra["prompt_eval_tokens"] <= first.prompt_tokens
    # Only the user turn differs, so far fewer tokens than the whole prompt are evaluated.
    assert 0 < second.extra["prompt_eval_tokens"] < second.prompt_tokens - 10


@pytest.mark.embedded
def test_model_hash_matches_the_shipped_file(embedded_llm):
    from briefing.llm.model_file import MODEL_SHA256

    assert embedded_llm.sha256 == MODEL_SHA256


@pytest.mark.embedded
def test_prompt_longer_than_the_context_is_one_line_error(require_llama_cpp, embedded_llm):
    small = EmbeddedLLM(model_path=embedded_llm.path, n_ctx=200)
    assert small.n_ctx == 256  # what llama.cpp would round it to anyway
    with pytest.raises(LLMError, match="context window") as err:
        small.complete(ask("word " * 300, max_tokens=4))
    assert "\n" not in str(err.value)


def test_the_answer_schema_caps_the_text_in_the_grammar(require_llama_cpp: None) -> None:
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    from briefing.stages.answers import point_schema

    schema = point_schema(["Anna", "none"], max_chars=7)
    grammar = json_schema_to_gbnf(json.dumps(schema))
    assert "Anna" in grammar  # the actor enum
    assert grammar.count("char") >= 7  # one rule per allowed character
    schema_grammar(schema)  # and llama.cpp accepts it


@pytest.mark.embedded
def test_a_cloze_continues_the_answer_and_tells_rivals_by_their_whole_spelling(embedded_llm):
    user = "The talks ended. Donald Trump said: 'There is no deal until there is a deal.'"
    prefix = '{"speaker": "'
    rivals = ('Donald Trump"', 'Donald Duck"', 'none"')  # the first two share "Donald"
    probs = embedded_llm.complete(ask(user, choices=rivals, prefix=prefix)).choice_probs
    assert probs['Donald Trump"'] > probs['Donald Duck"']
    # a choice's whole spelling is never likelier than its first token alone
    first = embedded_llm.complete(ask(user, choices=("Donald", "none"), prefix=prefix))
    assert probs['Donald Trump"'] <= first.choice_probs["Donald"] + 1e-6
    said = embedded_llm.complete(
        ask(
            user,
            prefix='{"speaker": "Donald Trump", "said": ',
            schema={"type": "string", "maxLength": 60},
            max_tokens=30,
        )
    )
    assert isinstance(json.loads(said.text), str) and "deal" in json.loads(said.text)
