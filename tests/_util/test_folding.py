"""The folded text finds every place a case-insensitive pattern can match."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit._util.folding import SAME_LETTER, folded, folded_same_length


def _re_extra_cases() -> dict[int, tuple[int, ...]]:
    """The letters CPython's re takes as equal under IGNORECASE beyond str.lower()."""
    if sys.version_info >= (3, 11):
        from re import _casefix

        return _casefix._EXTRA_CASES
    import sre_compile  # Python 3.10 keeps the table here

    fixes: dict[int, tuple[int, ...]] = {}
    for group in sre_compile._equivalences:
        for c in group:
            fixes[c] = tuple(o for o in group if o != c)
    return fixes


def test_every_pair_re_treats_as_one_letter_folds_to_one_spelling():
    extra = _re_extra_cases()
    assert extra, "the re module's table of extra case pairs was not found"
    for char, others in extra.items():
        for other in others:
            assert folded(chr(char)) == folded(chr(other)), (chr(char), chr(other))


@pytest.mark.parametrize("letter", sorted(SAME_LETTER))
def test_each_folded_letter_is_one_letter_to_re(letter):
    assert re.fullmatch(re.escape(SAME_LETTER[letter]), letter, re.IGNORECASE)


def test_folding_keeps_offsets_or_says_it_cannot():
    assert folded_same_length("Anadolu AJANSI") == "anadolu ajansi"
    assert folded_same_length("Anadolu Ajansı") == "anadolu ajansi"
    assert folded_same_length("İstanbul") is None  # "İ" lower-cases to two characters


_LETTERS = st.sampled_from(sorted({*SAME_LETTER, *SAME_LETTER.values(), "I", "S", "K", "\u212a"}))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LETTERS, st.sampled_from("aiksz ")), min_size=1, max_size=6),
       st.lists(st.one_of(_LETTERS, st.sampled_from("aiksz .-")), max_size=12))
def test_a_case_insensitive_match_is_also_a_folded_match(word, text):
    """Wherever ``(?i)word`` matches ``text``, ``folded(word)`` is found in the folded text."""
    word_s, text_s = "".join(word), "".join(text)
    low = folded_same_length(text_s)
    if low is None:
        return
    for m in re.finditer(re.escape(word_s), text_s, re.IGNORECASE):
        assert low.startswith(folded(word_s), m.start()) or len(folded(word_s)) != len(word_s)
