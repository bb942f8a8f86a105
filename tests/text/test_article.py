"""Loading articles: the seed, bundled names, files, strings, and every kind of bad input."""

from __future__ import annotations

import dataclasses

import pytest

import medialit as ml

SEED_NAME = "isis-fighters-calling-in-sick"


def test_default_is_the_seed_with_its_metadata(seed):
    assert seed.name == SEED_NAME
    assert seed.title == "ISIS fighters calling in sick?"
    assert seed.metadata["publisher"] == "U.S. News & World Report"
    assert seed.metadata["republished_by"] == "AOL"
    assert seed.metadata["date"] == "2016-09-02"
    assert seed.metadata["language"] == "en"
    assert "licence" in seed.metadata


def test_seed_text_is_the_bundled_file_byte_for_byte(seed):
    from medialit._util.resources import data_path

    raw = data_path("articles", f"{SEED_NAME}.txt").read_bytes()
    assert seed.text.encode("utf-8") == raw


def test_bundled_name_and_path_load_the_same_text(seed):
    from medialit._util.resources import data_path

    assert ml.load_article(SEED_NAME).text == seed.text
    by_path = ml.load_article(data_path("articles", f"{SEED_NAME}.txt"))
    assert by_path.text == seed.text
    assert SEED_NAME in ml.bundled_articles()


def test_article_is_immutable(seed):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed.text = "changed"
    with pytest.raises(TypeError):
        seed.metadata["publisher"] = "someone else"
    blocks = seed.blocks
    blocks.loc[0, "kind"] = "story"
    assert seed.blocks.loc[0, "kind"] == "headline"


def test_from_text_keeps_the_text_exactly():
    text = "  A title\n\nOne paragraph here.  \n"
    article = ml.Article.from_text(text, title="A title", metadata={"publisher": "Me"})
    assert article.text == text
    assert article.title == "A title"
    assert article.metadata["publisher"] == "Me"
    assert list(article.blocks.kind) == ["headline", "story"]


def test_spans_by_scope(seed):
    story = seed.spans("story")
    page = seed.spans("page")
    assert len(story) == 12  # headline + eleven paragraphs
    assert len(page) == len(seed.block_records)
    with pytest.raises(ValueError, match="scope"):
        seed.spans("everything")


def test_windows_line_endings_and_bom_keep_offsets_true():
    text = "\ufeffA headline\r\n\r\nFirst story line. It goes on.\r\nSecond line here.\r\n"
    article = ml.Article.from_text(text)
    assert list(article.blocks.kind) == ["headline", "story", "story"]
    for row in article.blocks.itertuples():
        assert article.text[row.start : row.end] == row.text
        assert "\r" not in row.text and "\ufeff" not in row.text
    for row in article.sentences.itertuples():
        assert article.text[row.start : row.end] == row.text


def test_file_with_bom_and_crlf(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("\ufeffHeadline\r\n\r\nThe story. It is short.\r\n".encode())
    article = ml.load_article(path)
    assert article.text.startswith("Headline")
    assert list(article.blocks.kind) == ["headline", "story"]
    assert article.name == "page"


def test_non_utf8_file_is_read_by_detection_or_with_the_encoding_argument(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Caf\xe9 owners protest\n\nThe caf\xe9 on the corner closed after forty years. "
        "Its owners said the rent had tripled.\n".encode("latin-1")
    )
    assert "café on the corner" in ml.load_article(path).text
    assert "café" in ml.load_article(path, encoding="latin-1").text


def test_a_wrong_encoding_argument_names_the_problem(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("Caf\xe9 closed.\n".encode("latin-1"))
    with pytest.raises(ml.ArticleError, match=r"cannot be read with encoding='utf-8'"):
        ml.load_article(path, encoding="utf-8")


# A saved Chinese news page that declares its encoding, as older sites do. The text is
# written for this test: "The city library reopens" and two short paragraphs.
_CHINESE_STORY = (
    "市图书馆重新开放",
    "经过两年的装修，市图书馆于星期一重新开放。新馆有更多的座位和一个儿童阅读区。",
    "馆长说，每天有上千名读者来借书。许多家长带着孩子来参加周末的故事会。",
)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="gb2312">',
        '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">',
    ],
    ids=["html5-charset", "http-equiv"],
)
def test_saved_page_in_its_declared_encoding(tmp_path, meta):
    title, *paragraphs = _CHINESE_STORY
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    markup = (
        f"<html><head>{meta}<title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(markup.encode("gb2312"))
    article = ml.load_article(path)
    story = [b.text for b in article.block_records if b.kind == "story"]
    assert story == list(paragraphs)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_byte_order_marks_decide_the_encoding(tmp_path, encoding, bom):
    path = tmp_path / "page.txt"
    path.write_bytes(bom + "Zoë wins the race\n\nZoë ran fastest of all.\n".encode(encoding))
    article = ml.load_article(path)
    assert article.text.startswith("Zoë wins the race")


def test_binary_without_a_known_signature_is_still_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 64)
    with pytest.raises(ml.ArticleError, match="binary"):
        ml.load_article(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: "", "empty"),
        (lambda tmp: "   \n\t  \n", "empty"),
        (lambda tmp: tmp / "missing.txt", "no file"),
        (lambda tmp: tmp, "folder"),
        (lambda tmp: "no-such-article", "no bundled article.*isis-fighters-calling-in-sick"),
    ],
    ids=["empty", "whitespace", "missing", "directory", "unknown-name"],
)
def test_bad_input_names_the_problem(tmp_path, make, message):
    source = make(tmp_path)
    with pytest.raises(ml.ArticleError, match=message):
        if isinstance(source, str) and (not source.strip() or source.isspace()):
            ml.Article.from_text(source)
        else:
            ml.load_article(source)


@pytest.mark.parametrize(
    "payload",
    [b"%PDF-1.4 binary", b"\x89PNG\r\n\x1a\n....", b"text\x00with\x00nuls"],
    ids=["pdf", "png", "nul-bytes"],
)
def test_binary_file_is_refused(tmp_path, payload):
    path = tmp_path / "thing.txt"
    path.write_bytes(payload)
    with pytest.raises(ml.ArticleError, match="binary"):
        ml.load_article(path)


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(ml.ArticleError, match="empty"):
        ml.load_article(path)


def test_article_error_is_a_value_error():
    assert issubclass(ml.ArticleError, ValueError)


def test_from_text_refuses_non_strings():
    with pytest.raises(ml.ArticleError, match="string"):
        ml.Article.from_text(b"bytes")  # type: ignore[arg-type]
