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


OLD_PAGE = """<html><head><title>Pool saved | The Valley Courier</title></head><body>
<table><tr><td><a href="/">Home</a></td><td><a href="/news">News</a></td></tr></table>
<table><tr><td>
<b>Town pool saved for three more years</b><br>
By Sam Okafor<br><br>
The council voted on Tuesday to keep the town's only swimming pool open for another three
years, after more than two thousand people signed a letter asking it to.<br><br>
Repairs to the roof and the boiler will cost about half a million pounds, the council's
own figures show, and will be paid from the money set aside for new roads.<br><br>
Swimming clubs said they were relieved. Parents said the nearest other pool is forty
minutes away by bus, too far for lessons after school.
</td></tr></table>
<p>© 2025 The Valley Courier</p>
</body></html>"""


def test_a_page_the_extractor_misses_is_read_with_the_copied_text_rules(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    path = tmp_path / "old.html"
    path.write_text(OLD_PAGE, encoding="utf-8")
    article = ml.load_article(path)
    story = list(article.blocks.query("kind == 'story'").text)
    assert len(story) == 3 and story[0].startswith("The council voted")
    assert "Home" not in story and "© 2025 The Valley Courier" not in story
    headline = article.blocks.query("kind == 'headline'")
    assert list(headline.text) == ["Town pool saved for three more years"]


def test_the_extractors_recall_mode_is_tried_when_its_precise_mode_finds_nothing(
    tmp_path, monkeypatch
):
    import trafilatura

    real_extract = trafilatura.extract
    modes: list[bool] = []

    def extract(markup, **kwargs):
        modes.append(kwargs.get("favor_precision", False))
        return None if kwargs.get("favor_precision") else real_extract(markup, **kwargs)

    monkeypatch.setattr(trafilatura, "extract", extract)
    path = tmp_path / "old.html"
    path.write_text(OLD_PAGE, encoding="utf-8")
    story = list(ml.load_article(path).blocks.query("kind == 'story'").text)
    assert modes == [True, False]
    assert any(line.startswith("Repairs to the roof") for line in story)
