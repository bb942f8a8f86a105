"""Saved web pages (.html): the main text becomes the story, the rest stays as clutter."""

from __future__ import annotations

from pathlib import Path

import pytest

import medialit as ml
from medialit.text.webpage import visible_lines

PAGE = Path(__file__).parent / "pages" / "news_page.html"


@pytest.fixture(scope="module")
def page() -> ml.Article:
    return ml.load_article(PAGE)


def test_story_is_the_main_text(page):
    story = list(page.blocks.query("kind == 'story'").text)
    assert len(story) == 5
    assert story[0].startswith("RIVERSIDE — The town opened")
    assert story[-1].startswith("The old library building")


def test_title_and_publisher_come_from_the_page_metadata(page):
    assert page.title == "Town opens new library"
    assert page.metadata["publisher"] == "The Riverside Gazette"
    assert page.metadata["date"] == "2024-03-05"
    headline = page.blocks.query("kind == 'headline'")
    assert list(headline.text) == ["Town opens new library"]


def test_the_rest_of_the_page_is_kept_as_clutter(page):
    kinds = dict(zip(page.blocks.text, page.blocks.kind, strict=True))
    assert kinds["Home"] == "page_chrome"
    assert kinds["Share"] == "page_chrome"
    assert kinds["Most read"] == "promo"
    assert kinds["Road works on Main Street will last until June, council says"] != "story"
    assert kinds["© 2024 The Riverside Gazette. All rights reserved."] == "copyright"
    assert (
        kinds[
            "Sign up for our morning newsletter and get the news delivered straight to your inbox."
        ]
        == "promo"
    )


def test_scripts_and_styles_are_not_text():
    lines = visible_lines(PAGE.read_text(encoding="utf-8"))
    assert not any("tracking" in line or "color: red" in line for line in lines)


def test_offsets_index_the_article_text(page):
    for row in page.blocks.itertuples():
        assert page.text[row.start : row.end] == row.text


def test_a_page_without_article_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(ml.ArticleError, match="No article text"):
        ml.load_article(path)
