"""load_key and save_key on hostile input: every case a clear AnswerKeyError."""

from __future__ import annotations

import copy
import json

import pytest
from hostile_inputs import DEVICE, SURROGATE, WRONG_TYPES, deep_json

from medialit.errors import AnswerKeyError
from medialit.learn.keys import load_key, save_key


@pytest.fixture(scope="module")
def raw(key) -> dict:
    return key.raw


def _write(tmp_path, text: str, name: str = "key.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "not valid JSON"),
        (deep_json(), "nested far too deeply"),
        ('{"article": ' + "9" * 5000 + "}", "cannot be read as an answer key"),
        ("[]", "JSON list"),
    ],
    ids=["empty", "deep nesting", "huge integer", "a list"],
)
def test_broken_files_are_named(tmp_path, content, message):
    with pytest.raises(AnswerKeyError, match=message):
        load_key(_write(tmp_path, content))


def test_special_files_and_folders_are_named(tmp_path, fifo):
    with pytest.raises(AnswerKeyError, match="pipe"):
        load_key(fifo)
    with pytest.raises(AnswerKeyError, match="folder"):
        load_key(tmp_path)
    with pytest.raises(AnswerKeyError, match="empty"):
        load_key("")


@pytest.mark.parametrize("value", [v for v in WRONG_TYPES if v is not None])
def test_wrong_types_are_named(value):
    with pytest.raises(AnswerKeyError, match=type(value).__name__):
        load_key(value)


@pytest.mark.parametrize("article", [str(DEVICE), "/etc/passwd", "../x.txt", ["x"]])
def test_the_key_article_field_never_reads_a_path(tmp_path, raw, article):
    """Issue 14: a key whose "article" was /dev/zero exhausted the memory."""
    data = {**raw, "article": article}
    with pytest.raises(AnswerKeyError, match="article"):
        load_key(_write(tmp_path, json.dumps(data)))


def _changed(raw, change) -> dict:
    data = copy.deepcopy(raw)
    change(data)
    return data


SAVE_CASES = {
    "huge integer": (lambda d: d["hedges"][0].update(start=10**5000), "JSON cannot store"),
    "NaN": (lambda d: d["hedges"][0].update(start=float("nan")), "JSON cannot store"),
    "a set": (lambda d: d["hedges"][0].update(text={"x"}), "JSON cannot store"),
    "unhashable evidence": (
        lambda d: d["source_chain"][0].update(evidence=[{"metadata": ["x"]}]),
        "name of a metadata field",
    ),
    "unhashable category": (lambda d: d["hedges"][0].update(category=["x"]), "use one of"),
    "big integer in a span": (lambda d: d["hedges"][0].update(end=10**40), "outside"),
    "surrogate": (lambda d: d["hedges"][0].update(explanation=SURROGATE), "UTF-8"),
}


@pytest.mark.parametrize("case", SAVE_CASES, ids=SAVE_CASES.keys())
def test_save_key_names_the_problem_and_writes_nothing(tmp_path, seed, raw, case):
    change, message = SAVE_CASES[case]
    with pytest.raises(AnswerKeyError, match=message):
        save_key(_changed(raw, change), tmp_path / "k.json", article=seed)
    assert list(tmp_path.iterdir()) == []


def test_save_key_refuses_a_folder_and_wrong_types(tmp_path, seed, raw):
    with pytest.raises(AnswerKeyError, match="folder"):
        save_key(raw, tmp_path, article=seed)
    with pytest.raises(AnswerKeyError, match="dict"):
        save_key(["not", "a", "key"], tmp_path / "k.json", article=seed)
    with pytest.raises(AnswerKeyError, match="Article"):
        save_key(raw, tmp_path / "k.json", article="the text")


def test_a_deeply_nested_key_is_named(tmp_path, seed, raw):
    nested: list = []
    for _ in range(5000):
        nested = [nested]
    with pytest.raises(AnswerKeyError, match=r"deeply|wrong type|problem"):
        save_key({**raw, "hedges": nested}, tmp_path / "k.json", article=seed)
