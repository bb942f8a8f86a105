"""highlight, page_view, the plots and the handout on hostile input (issue 14)."""

from __future__ import annotations

import pytest
from hostile_inputs import INJECTIONS, SURROGATE, WRONG_TYPES, assert_no_live_markup

import medialit as ml
from medialit.errors import OutputError
from medialit.show import handout, plots, render

TEXT = "A headline\n\nThe minister reportedly told RT that the plan was finished, Reuters said."
HOSTILE = (
    f"{INJECTIONS[0]} headline\n\n"
    + " ".join(f'"{p}," the minister told RT, reportedly.' for p in INJECTIONS)
    + "\n\n(AP Photo/<b>x</b>)"
)

TAKES_AN_ARTICLE = (
    render.highlight,
    render.page_view,
    plots.page_composition_data,
    plots.hedge_data,
    plots.source_data,
    plots.plot_page_composition,
    plots.plot_hedges,
    plots.plot_sources,
    plots.plot_source_chain,
    handout.handout_html,
)


@pytest.mark.parametrize("func", TAKES_AN_ARTICLE, ids=lambda f: f.__name__)
def test_a_string_works_and_other_types_say_they_want_an_article(func):
    """Issue 14: these raised raw errors when given a string."""
    func(TEXT)
    with pytest.raises(ml.ArticleError, match=f"{func.__name__}.. needs an Article"):
        func(WRONG_TYPES[1])


@pytest.mark.parametrize("scope", ["story", "page"])
def test_injections_never_come_out_live(scope):
    view = render.highlight(HOSTILE, scope=scope, numbered=True)
    assert_no_live_markup(view.html)
    assert_no_live_markup(render.page_view(HOSTILE).html)
    page = handout.handout_html(HOSTILE, scope=scope, title=INJECTIONS[1], charts=False)
    assert_no_live_markup(page)


def test_surrogates_are_drawn_as_text():
    view = render.highlight(f"Head\n\nOfficials said {SURROGATE} reportedly.")
    assert "surrogate" in view.text


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "art.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_the_handout_is_never_written_over_its_article(article_file):
    """Issue 14: 'medialit handout art.txt -o art.txt' replaced the article with HTML."""
    before = article_file.read_bytes()
    with pytest.raises(OutputError, match="the article itself"):
        handout.write_handout(ml.load_article(article_file), article_file, charts=False)
    link = article_file.with_name("link.txt")
    link.symlink_to(article_file)
    with pytest.raises(OutputError, match="the article itself"):
        handout.write_handout(ml.load_article(article_file), link, charts=False)
    assert article_file.read_bytes() == before


def test_a_title_that_cannot_be_encoded_keeps_the_old_handout(tmp_path):
    """Issue 14: the failure left the previous output at 0 bytes with a traceback."""
    out = tmp_path / "h.html"
    handout.write_handout(TEXT, out, charts=False)
    before = out.read_bytes()
    with pytest.raises(OutputError, match="title"):
        handout.write_handout(TEXT, out, charts=False, title=SURROGATE)
    with pytest.raises(OutputError, match="UTF-8"):
        handout.write_handout(f"Head\n\nHe said {SURROGATE}.", out, charts=False)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.html"]


def test_a_folder_as_output_is_named(tmp_path):
    with pytest.raises(OutputError, match="folder"):
        handout.write_handout(TEXT, tmp_path, charts=False)


def test_the_handout_is_readable_by_others(tmp_path):
    out = handout.write_handout(TEXT, tmp_path / "h.html", charts=False)
    assert out.stat().st_mode & 0o044  # group/others may read it (umask permitting)
