"""The detectors on hostile input: strings work, other types are named, nothing hangs."""

from __future__ import annotations

import pytest
from hostile_inputs import INJECTIONS, SURROGATE

import medialit as ml

DETECTORS = (ml.find_hedges, ml.find_attributions, ml.find_outlets, ml.source_chain)


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", [42, None, b"bytes", ["list"]])
def test_wrong_types_are_named(detector, value):
    with pytest.raises((TypeError, ml.ArticleError), match=type(value).__name__):
        detector(value)


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda f: f.__name__)
def test_surrogates_and_injections_are_plain_text(detector):
    text = "Headline\n\n" + " ".join(f"Xinhua said {p} reportedly." for p in INJECTIONS)
    text += " " + SURROGATE + " said the BBC."
    table = detector(text)
    for column in ("text", "source", "cue"):
        if column in table.columns and "start" in table.columns:
            assert all(isinstance(v, str) for v in table[column])


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda f: f.__name__)
def test_an_empty_text_is_a_clear_error(detector):
    with pytest.raises(ml.ArticleError, match="empty"):
        detector("   ")
