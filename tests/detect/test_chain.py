"""source_chain(): only steps that an attribution or the metadata supports (issue 13)."""

from __future__ import annotations

import medialit as ml
from medialit.detect.chain import source_chain


def _chain(text: str, **metadata: str) -> list[tuple[str, str]]:
    table = source_chain(ml.Article.from_text(text, metadata=metadata or None))
    return list(zip(table.who, table.role, strict=True))


def test_an_outlet_that_reported_something_else_is_no_step() -> None:
    text = (
        "Border clash\n\nNATO officials said 40 soldiers were hurt in the clash.\n\n"
        "Later, CNN reported that 12 soldiers had died in a separate attack."
    )
    assert _chain(text) == [("NATO officials", "original source")]


def test_an_outlet_in_the_same_sentence_passes_the_claim_on() -> None:
    text = "Missile test\n\nMilitary officials said the missile flew 800 km, according to KCNA."
    assert _chain(text) == [
        ("Military officials", "original source"),
        ("Korean Central News Agency", "reported it"),
    ]


def test_an_outlet_that_first_reported_the_news_is_a_step_anywhere() -> None:
    text = (
        "Storm\n\nFarmers said the storm flattened their crops.\n\n"
        "The damage was first reported by Xinhua."
    )
    assert _chain(text) == [
        ("Farmers", "original source"),
        ("Xinhua News Agency", "first reported it"),
    ]


def test_the_original_source_is_never_a_pointer_word() -> None:
    text = (
        "Deal\n\nThe union, which sees the deal as a victory, met on Monday. "
        "Anna Berg, a union leader, said the vote was close."
    )
    chain = _chain(text)
    assert chain[0][1] == "original source"
    assert chain[0][0].lower() not in {"which", "who", "he", "she", "they"}
    assert chain[0][0] == "Anna Berg, a union leader"


def test_state_media_is_the_outlet_named_nearby() -> None:
    text = (
        "Missile test\n\nThe test was a success, state media reported.\n\n"
        "It was the third test this year, KCNA said."
    )
    chain = _chain(text)
    assert chain == [("Korean Central News Agency", "reported it")]


def test_metadata_steps_need_no_attribution() -> None:
    text = "Storm\n\nFarmers said the storm flattened their crops."
    assert _chain(text, publisher="The Coastal Times") == [
        ("Farmers", "original source"),
        ("The Coastal Times", "wrote this story"),
    ]
