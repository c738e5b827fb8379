"""BÍN word tools on the real database (islenska)."""

from __future__ import annotations

import pytest

from briefing.lang.icelandic import compound_parts, is_known_word, lemmas, names_match


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("Moskvu", "Moskva"), ("Noregs", "Noregur"), ("Úkraínu", "Úkraína"), ("fundinum", "fundur")],
)
def test_lemmas(form: str, lemma: str) -> None:
    assert lemma in lemmas(form)


def test_known_words_reject_invented_ones() -> None:
    assert is_known_word("klukkustundir") and is_known_word("samningur")
    assert not is_known_word("Deiðnir") and not is_known_word("dealiðið")
    assert not is_known_word("")


def test_compound_parts() -> None:
    assert compound_parts("kvótadeilunni") == ("kvóta", "deilunni")
    assert compound_parts("rannsóknargögnum") == ("rannsóknar", "gögnum")
    assert compound_parts("hestur") == ("hestur",)


def test_foreign_names_fall_back_to_stems() -> None:
    assert lemmas("Pútíns") == frozenset()
    assert names_match("Trumps", "Trump") and names_match("Pútíns", "Pútín")
    assert names_match("Noregs", "Noregur")
    assert not names_match("Trump", "Pútín")
    assert not names_match("Alis", "Al")  # stems under three letters are never made
