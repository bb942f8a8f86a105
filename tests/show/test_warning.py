"""The plain-words warning when the story found looks wrong, and where learners see it."""

from __future__ import annotations

import pytest

import medialit as ml
from medialit.show.handout import handout_html


def test_the_seed_has_no_warning(seed):
    assert seed.warning is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Storm closes the school\n\nThe school is shut today.", "very short"),
        (
            # The same picture caption shown twice, once per gallery slide, and nothing else.
            "Harbour at dawn\n\n"
            + "\n\n".join(
                [
                    "A fisherman mends his net on the quay at dawn while gulls wait on the "
                    "harbour wall and the first boats come back in from a long night at sea."
                ]
                * 4
            ),
            "short lines or lines said twice",
        ),
        (
            "Le maire ouvre la bibliothèque\n\n"
            + "La nouvelle bibliothèque de la ville a ouvert ses portes lundi matin, "
            "après deux ans de travaux, et les enfants sont venus nombreux. " * 6,
            "does not look like English",
        ),
    ],
    ids=["short", "captions-and-lists", "not-english"],
)
def test_a_story_that_looks_wrong_says_so_in_plain_words(text, words):
    warning = ml.Article.from_text(text).warning
    assert warning is not None and words in warning


def test_highlight_and_handout_show_the_warning():
    article = ml.Article.from_text("Storm closes the school\n\nThe school is shut <today>.")
    view = ml.highlight(article)
    assert "Check this page:" in view.html and "very short" in view.html
    assert view.text.startswith("CHECK THIS PAGE: The story found here is very short")
    assert "<today>" not in view.html  # the warning and the text are escaped
    page = handout_html(article, charts=False)
    assert "Check this page:" in page and "very short" in page


def test_no_warning_no_note(seed):
    assert "Check this page:" not in ml.highlight(seed, kinds=["hedge"]).html
