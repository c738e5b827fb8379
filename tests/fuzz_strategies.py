"""Hypothesis strategies for hostile text: the Unicode a scraped web page can carry."""

from __future__ import annotations

from hypothesis import strategies as st

# Right-to-left text and marks, zero-width characters, combining marks, NUL and other
# controls, line and paragraph separators, quotes and terminal punctuation of every kind.
NASTY = (
    "שלום עולם مرحبا بالعالم \u200f\u200e\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u0301\u0308\u0327\u20dd\u0489"
    "\x00\x01\x07\x0b\x0c\x1b\x1e\x7f\x85\u2028\u2029"
    "\r\n\t   \u00a0\u202f\u3000"
    "\"'„“”‚‘’«»‹›()[]{}.!?…‽;:,-–—#*>|"
    "abcXYZ ÁÐÉÍÓÚÝÞÆÖáðéíóúýþæö 0123456789 ß ﬁ Å Ⅻ 𝔘𝔫𝔦 😀👍🏽"
)

nasty_text = st.text(alphabet=st.sampled_from(NASTY), max_size=400) | st.text(max_size=400)
long_line = st.builds(
    lambda word, n: (word + " ") * n, st.text(min_size=1, max_size=8), st.integers(200, 4000)
)
any_text = nasty_text | long_line | st.builds("".join, st.lists(nasty_text | long_line, max_size=4))


def _front(meta: str) -> str:
    return f"---\n{meta}\n---\n"


front_matter = st.sampled_from(
    [
        "",
        _front("title: A title"),
        _front("- a\n- list"),
        _front("just a string"),
        _front("42"),
        _front("title: [1, 2"),
        _front("title: {a: b}\ndate: 2025-13-45"),
        _front("title: null\noutlet: ~"),
        _front("? complex\n: key"),
        "---\ntitle: never closed\n",
        _front("!!python/object:os.system echo"),
        _front("&a [*a]"),
    ]
)

# Bytes as a file on disk may hold them: UTF-8 (with or without a BOM), lone surrogates
# written with `surrogatepass`, Latin-1, or anything at all.
article_bytes = st.one_of(
    st.builds(lambda fm, t: (fm + t).encode("utf-8"), front_matter, any_text),
    st.builds(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), any_text),
    st.builds(
        lambda t, s: (t + s).encode("utf-8", "surrogatepass"),
        nasty_text,
        st.text(
            alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
            min_size=1,
            max_size=3,
        ),
    ),
    st.builds(lambda t: t.encode("latin-1", "replace"), nasty_text),
    st.binary(max_size=600),
)
