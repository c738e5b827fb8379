"""Greedy decoding under a grammar that checks one token first, not the whole vocabulary.

llama-cpp-python applies the grammar to all ~151k candidate tokens at every step, about
25 ms a token here: a third of the generation time. At temperature 0 only the best
token matters, so, as llama.cpp's own common sampler does, we test the best token
alone and fall back to masking the whole vocabulary only when the grammar rejects it.
The chosen token is the same either way; only the work differs.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

import numpy as np


class GrammarFirstChoice:
    """A llama.cpp sampler (for a chain, before `greedy`) that grammar-checks lazily."""

    def __init__(self, llama_cpp: Any, vocab: Any, gbnf: str, root: str = "root") -> None:
        self._lib = llama_cpp
        self._grammar = llama_cpp.llama_sampler_init_grammar(
            vocab, gbnf.encode("utf-8"), root.encode("utf-8")
        )
        self._single = llama_cpp.llama_token_data_array()
        self._cell = (llama_cpp.llama_token_data * 1)()
        self.full_checks = 0
        self.steps = 0

        def apply(_: Any, cur_p: Any) -> None:
            self._apply(cur_p)

        def accept(_: Any, token: int) -> None:
            llama_cpp.llama_sampler_accept(self._grammar, token)

        def reset(_: Any) -> None:
            llama_cpp.llama_sampler_reset(self._grammar)

        iface = llama_cpp.llama_sampler_i()
        self._callbacks = (
            llama_cpp.llama_sampler_i_apply(apply),
            llama_cpp.llama_sampler_i_accept(accept),
            llama_cpp.llama_sampler_i_reset(reset),
        )
        iface.apply, iface.accept, iface.reset = self._callbacks
        iface.name = llama_cpp.llama_sampler_i_name(0)
        iface.clone = llama_cpp.llama_sampler_i_clone(0)
        iface.free = llama_cpp.llama_sampler_i_free(0)
        self._iface = iface
        self.sampler = llama_cpp.llama_sampler()
        self.sampler.iface = ctypes.pointer(iface)
        self.sampler.ctx = None

    def _apply(self, cur_p: Any) -> None:
        self.steps += 1
        array = cur_p.contents
        data = np.ctypeslib.as_array(array.data, shape=(array.size,))
        best = int(np.argmax(data["logit"]))
        self._cell[0].id = int(data["id"][best])
        self._cell[0].logit = float(data["logit"][best])
        self._cell[0].p = 0.0
        self._single.data = self._cell
        self._single.size = 1
        self._single.selected = -1
        self._single.sorted = False
        self._lib.llama_sampler_apply(self._grammar, ctypes.byref(self._single))
        if math.isinf(self._cell[0].logit):
            self.full_checks += 1
            self._lib.llama_sampler_apply(self._grammar, cur_p)

    def pointer(self) -> Any:
        return ctypes.pointer(self.sampler)

    def __del__(self) -> None:
        if getattr(self, "_grammar", None) is not None:
            self._lib.llama_sampler_free(self._grammar)
            self._grammar = None
