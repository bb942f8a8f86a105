"""load_article and Article.from_text on hostile input: every case a clear ArticleError."""

from __future__ import annotations

import time

import pytest
from hostile_inputs import DEVICE, INJECTIONS, SURROGATE, WRONG_TYPES

import medialit as ml
from medialit.text import article as article_module


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\ufeff\u200b\u00a0"])
def test_empty_text_says_it_is_empty(text):
    with pytest.raises(ml.ArticleError, match="empty"):
        ml.Article.from_text(text)


def test_an_empty_name_says_so_not_that_dot_is_a_folder():
    """Issue 14: load_article("") said "'.' is a folder"."""
    with pytest.raises(ml.ArticleError, match="empty name") as caught:
        ml.load_article("")
    assert "folder" not in str(caught.value)


@pytest.mark.parametrize("value", [v for v in WRONG_TYPES if v is not None])
def test_wrong_types_are_named(value):
    with pytest.raises(ml.ArticleError, match=type(value).__name__):
        ml.load_article(value)
    with pytest.raises(ml.ArticleError, match=type(value).__name__):
        ml.Article.from_text(value)


def test_a_fifo_is_refused_at_once(fifo):
    """Issue 14: load_article on a FIFO hung."""
    started = time.monotonic()
    with pytest.raises(ml.ArticleError, match="pipe"):
        ml.load_article(fifo)
    assert time.monotonic() - started < 2.0


@pytest.mark.skipif(not DEVICE.exists(), reason="no /dev/zero here")
def test_a_device_is_refused():
    with pytest.raises(ml.ArticleError, match="device"):
        ml.load_article(str(DEVICE))


def test_a_huge_file_is_refused_by_its_size_before_reading(tmp_path, monkeypatch):
    """Issue 14: a 3 GB file was read whole before it was called binary."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(3 * 1024**3)  # sparse: costs no disk
    started = time.monotonic()
    with pytest.raises(ml.ArticleError, match="MB"):
        ml.load_article(big)
    assert time.monotonic() - started < 2.0


def test_the_size_limit_is_the_module_constant(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nA sentence that is long enough. " * 10, encoding="utf-8")
    monkeypatch.setattr(article_module, "MAX_FILE_BYTES", 100)
    with pytest.raises(ml.ArticleError, match="largest article"):
        ml.load_article(path)


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7 rest", b"\x89PNG\r\n", b"text\x00with nul", b"\xff\xfe\xff"]
)
def test_binary_files_are_refused(tmp_path, data):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ml.ArticleError):
        ml.load_article(path)


def test_a_folder_is_named(tmp_path):
    with pytest.raises(ml.ArticleError, match="folder"):
        ml.load_article(tmp_path)


def test_surrogates_and_injections_are_kept_as_text():
    text = "Headline\n\n" + " ".join(f"Officials said {p}." for p in INJECTIONS) + SURROGATE
    article = ml.Article.from_text(text)
    assert article.text == text
    assert all(s.text == text[s.start : s.end] for s in article.sentence_records)


def test_deep_brackets_are_only_text():
    text = "Headline\n\n" + "(" * 50_000 + " said the minister. " + ")" * 50_000
    assert ml.Article.from_text(text).text == text
