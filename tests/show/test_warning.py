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
        (
            # Japanese has no spaces between words: told by its letters, not its words.
            "町の図書館が新しく開館しました\n\n"
            + "新しい図書館は二年間の工事を終えて月曜日の朝に開館し、多くの子どもたちが訪れました。"
            * 8,
            "does not look like English",
        ),
    ],
    ids=["short", "captions-and-lists", "not-english", "not-english-no-spaces"],
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


def test_short_subheadings_between_long_paragraphs_are_no_list():
    paragraph = (
        "The council voted on Tuesday to keep the town's only swimming pool open for three "
        "more years, after more than two thousand people signed a letter asking it to."
    )
    parts = ["Town pool saved"]
    for n in range(1, 6):
        parts += [f"QUESTION {n}: WHO PAYS?", paragraph.replace("three", f"{n + 2}"), "___"]
    assert ml.Article.from_text("\n\n".join(parts)).warning is None
