"""analyze() on hostile input: a string works like an Article, anything else is named."""

from __future__ import annotations

import pytest
from hostile_inputs import INJECTIONS, SURROGATE, WRONG_TYPES

import medialit as ml

TEXT = "A headline\n\nThe minister reportedly told RT that the plan was finished, Reuters said."


def test_a_string_is_read_as_the_article_text():
    """Issue 14: analyze() given a string raised a raw AttributeError."""
    from_string = ml.analyze(TEXT)
    from_article = ml.analyze(ml.Article.from_text(TEXT))
    assert from_string.equals(from_article) and len(from_string) > 0


@pytest.mark.parametrize("value", WRONG_TYPES)
def test_anything_else_says_it_wants_an_article(value):
    with pytest.raises(ml.ArticleError, match=r"analyze\(\) needs an Article"):
        ml.analyze(value)


def test_bad_scope_is_named():
    with pytest.raises(ValueError, match="scope"):
        ml.analyze(TEXT, scope="<script>")


@pytest.mark.parametrize("payload", [*INJECTIONS, SURROGATE])
def test_payloads_are_findings_text_only(payload):
    text = f"{payload}\n\nOfficials said {payload} was reportedly seen, AP reported."
    table = ml.analyze(text, scope="page")
    assert all(text[s:e] == t for s, e, t in zip(table.start, table.end, table.text, strict=True))
