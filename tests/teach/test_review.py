"""Reviewing an article's findings and saving them as an answer key, in code and by widget."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import medialit as ml
from medialit.learn.keys import AnswerKeyError, load_key
from medialit.teach.review import (
    TABLE_COLUMNS,
    Review,
    ReviewError,
    category_choices,
    draft_key,
    occurrences,
)

SHORT = (
    "Minister quits?\n\n"
    "The minister will reportedly resign, officials say. \"I am tired,\" said Jane Doe, a "
    "spokeswoman. Reuters first reported the news. Sources close to the palace say more. "
    "Insiders hint at a deal. "
    "The minister may not stay. The minister might go.\n\n"
    "Copyright 2024 Example News"
)


@pytest.fixture
def short() -> ml.Article:
    return ml.Article.from_text(SHORT, name="minister-quits")


@pytest.fixture(scope="module")
def seed_review_items():
    """Running the detectors on the seed once; each test gets fresh copies of the items."""
    return Review(ml.load_article()).items


@pytest.fixture
def seed_review(seed, seed_review_items) -> Review:
    import copy

    return Review(seed, items=copy.deepcopy(seed_review_items))


def numbers(review: Review, kind: str, text: str | None = None) -> list[int]:
    t = review.table
    mask = t.kind == kind if text is None else (t.kind == kind) & (t.text == text)
    return t.loc[mask, "number"].tolist()


def roundtrip(review: Review, tmp_path, name: str = "key.json"):
    path = review.save(tmp_path / name)
    return load_key(path, article=review.article), json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the draft


def test_the_table_has_fixed_columns(short):
    table = Review(short).table
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert dict(table.dtypes.astype(str)) == TABLE_COLUMNS
    assert table.number.tolist() == list(range(len(table)))
    for row in table[table.start >= 0].itertuples():
        assert short.text[row.start:row.end] == row.text


def test_the_draft_holds_what_the_detectors_found(seed, seed_review, tmp_path):
    findings = ml.analyze(seed)
    key, raw = roundtrip(seed_review, tmp_path)
    hedges = findings[findings.kind == "hedge"]
    assert key.hedges.text.tolist() == hedges.text.tolist()
    cues = findings[findings.kind == "cue"]
    assert key.attributions.cue_text.tolist() == cues.text.tolist()
    outlets = ml.find_outlets(seed, scope="page")
    assert key.outlets.text.tolist() == outlets.text.tolist()
    assert key.outlets.outlet.tolist() == outlets.outlet_id.tolist()
    assert key.blocks.kind.tolist() == seed.blocks.kind.tolist()
    assert len(key.source_chain) == len(ml.source_chain(seed))
    # Whether a source gains from the claim is the teacher's call: unknown in a draft.
    assert {a["stake"] for a in raw["attributions"]} == {None}
    assert raw["distractors"] == raw["claims"] == raw["galleries"] == []


def test_draft_key_is_a_valid_key_for_any_article(short, tmp_path):
    key = draft_key(short)
    assert key["article"] == "minister-quits"
    path = ml.keys.save_key(key, tmp_path / "k.json", article=short)
    loaded = load_key(path, article=short)
    assert loaded.hedges.category.tolist()[0] == "epistemic"  # the question headline
    quoted = loaded.attributions.set_index("cue_text").loc["said"]
    assert quoted.source_text == "Jane Doe, a spokeswoman"
    assert quoted.content_text == '"I am tired,"' and bool(quoted.direct_quote)
    reuters = loaded.outlets.iloc[0]
    assert (reuters.outlet, bool(reuters.state_affiliated), reuters.scope) == (
        "reuters", False, "story")


def test_an_article_without_a_name_gets_one_from_its_title(tmp_path):
    article = ml.Article.from_text(SHORT)
    review = Review(article)
    assert review.to_key()["article"] == "minister-quits"
    key, _ = roundtrip(review, tmp_path)
    assert key.article_name == "minister-quits"


# --------------------------------------------------------------------------- decisions


def test_reject_and_accept(short, tmp_path):
    review = Review(short)
    (reportedly,) = numbers(review, "hedge", "reportedly")
    review.reject(reportedly)
    assert review.table.status[reportedly] == "rejected"
    key, _ = roundtrip(review, tmp_path)
    assert "reportedly" not in key.hedges.text.tolist()
    review.accept(reportedly)
    key, _ = roundtrip(review, tmp_path)
    assert "reportedly" in key.hedges.text.tolist()


@pytest.mark.parametrize("bad", [-1, 999, "3", True, None])
def test_bad_item_numbers(short, bad):
    with pytest.raises(ReviewError, match=r"number|no item"):
        Review(short).reject(bad)


# --------------------------------------------------------------------------- adding


def test_add_a_missed_hedge_with_the_lexicon_reason(short, tmp_path):
    review = Review(short)
    assert "Insiders" not in " ".join(review.table.text), "the detectors found it already"
    n = review.add("Insiders", "hedge", "vague_source",
                   explanation="Who are these sources? The text never says.")
    item = review.items[n]
    assert (item.origin, item.start) == ("added", SHORT.index("Insiders"))
    key, _ = roundtrip(review, tmp_path)
    row = key.hedges.set_index("text").loc["Insiders"]
    assert row.category == "vague_source"
    assert row.explanation == "Who are these sources? The text never says."


def test_an_added_hedge_without_a_reason_gets_one(short):
    review = Review(short)
    (n,) = numbers(review, "hedge", "reportedly")
    review.reject(n)
    item = review.items[review.add("reportedly", "hedge", "reportive")]
    lexicon = ml.load_hedge_lexicon()
    assert item.explanation in set(lexicon.explanation)
    other = review.items[review.add("stay", "hedge", "epistemic")]
    assert "not sure" in other.explanation


def test_which_occurrence(short):
    review = Review(short)
    starts = occurrences(SHORT, "The minister")
    assert len(starts) == 3 and [s for s, _ in review.find("The minister")] == starts
    n = review.add("The minister", "distractor", "story", occurrence=2)
    assert review.items[n].start == starts[1]
    assert "[The minister]" in review.find("The minister")[1][1]


@pytest.mark.parametrize(
    ("phrase", "occurrence", "message"),
    [
        ("resigns", 1, "'resigns' does not occur in the article. Copy the words"),
        ("REPORTEDLY", 1, "Did you mean 'reportedly' (with different capitals)?"),
        ("The minister", 4, "occurs 3 times in the article, so occurrence must be a number "
                            "from 1 to 3"),
        ("Jane Doe", 2, "occurs once in the article, so occurrence must be 1"),
        ("Jane Doe", 0, "must be 1, not 0"),
        (" Jane", 1, "starts or ends with a space"),
        ("", 1, "Type the phrase"),
    ],
)
def test_phrases_that_cannot_be_added(short, phrase, occurrence, message):
    review = Review(short)
    before = len(review.items)
    with pytest.raises(ReviewError, match=re.escape(message)):
        review.add(phrase, "distractor", "story", occurrence=occurrence)
    assert len(review.items) == before


@pytest.mark.parametrize(
    ("kind", "category", "message"),
    [
        ("claim", "x", "kind must be one of hedge, distractor, attribution, outlet"),
        ("hedge", "doubt", "category must be reportive, epistemic, vague_source"),
        ("outlet", "no-such-outlet", "an id from outlet_choices()"),
    ],
)
def test_unknown_kinds_and_categories(short, kind, category, message):
    with pytest.raises(ReviewError, match=re.escape(message)):
        Review(short).add("Jane Doe", kind, category)


def test_the_same_words_twice_are_refused_until_the_first_is_rejected(short):
    review = Review(short)
    (n,) = numbers(review, "hedge", "reportedly")
    with pytest.raises(ReviewError, match=rf"overlaps the hedge 'reportedly' \(item {n}\)"):
        review.add("will reportedly", "hedge", "reportive")
    with pytest.raises(ReviewError, match="both a hedge and a look-alike"):
        review.add("reportedly", "distractor", "hedge")
    review.reject(n)
    review.add("will reportedly", "hedge", "reportive")
    # A look-alike of *story text* may overlap a hedge: only hedge look-alikes clash.
    review.add("will reportedly resign", "distractor", "story")
    review.add("Insiders hint", "distractor", "vague_source")
    with pytest.raises(ReviewError, match="both a hedge and a look-alike"):
        review.add("Insiders", "hedge", "vague_source")


def test_add_an_attribution_with_its_source(short, tmp_path):
    review = Review(short)
    for n in numbers(review, "attribution"):
        review.reject(n)
    review.add("say", "attribution", "unnamed", occurrence=2)
    with pytest.raises(ReviewError, match="needs its words"):
        review.add("said", "attribution", "named_person")
    with pytest.raises(ReviewError, match="not in the same line"):
        review.add("said", "attribution", "named_person", source="Example News")
    review.add("said", "attribution", "named_person", source="Jane Doe")
    key, _ = roundtrip(review, tmp_path)
    rows = key.attributions.set_index("cue_text")
    assert rows.loc["said"].source_text == "Jane Doe"
    assert rows.loc["said"].source_kind == "named_person"
    assert rows.loc["say"].source_kind == "unnamed" and pd.isna(rows.loc["say"].source_text)


def test_add_an_outlet_by_its_id(short, tmp_path):
    review = Review(short)
    for n in numbers(review, "outlet"):
        review.reject(n)
    choices = dict((v, k) for k, v in category_choices("outlet"))
    assert "fars-news-agency" in choices
    review.add("Reuters", "outlet", "reuters")
    key, _ = roundtrip(review, tmp_path)
    row = key.outlets.iloc[0]
    assert (row.outlet, bool(row.state_affiliated)) == ("reuters", False)
    assert "Reuters" in row.explanation


# --------------------------------------------------------------------------- lines and saving


def test_block_kinds_change_the_key_and_outlet_scopes(short, tmp_path):
    review = Review(short)
    story = short.blocks.kind.tolist().index("story")
    review.set_block_kind(story, "promo")
    key, raw = roundtrip(review, tmp_path)
    assert key.blocks.kind[story] == "promo"
    assert "a teacher checked this line by hand" in raw["blocks"][story]["explanation"]
    assert set(key.outlets.scope) == {"page"}  # Reuters now sits outside the story
    with pytest.raises(ReviewError, match="kind is one of headline, story"):
        review.set_block_kind(story, "advert")
    with pytest.raises(ReviewError, match="There is no line 99"):
        review.set_block_kind(99, "story")


def test_a_key_that_does_not_fit_is_not_written(short, tmp_path):
    review = Review(short)
    # A later attribution with the same cue cannot be accepted twice: validation says so.
    dup = review.items[numbers(review, "hedge", "reportedly")[0]]
    review.items.append(type(dup)(**{**dup.__dict__, "origin": "added"}))
    target = tmp_path / "k.json"
    target.write_text("old key")
    with pytest.raises(AnswerKeyError, match=r"repeats the span|overlaps"):
        review.save(target)
    assert target.read_text() == "old key"
    assert [p.name for p in tmp_path.iterdir()] == ["k.json"], "no temporary file left"
    with pytest.raises(ReviewError, match=r"\.json file"):
        review.save(tmp_path / "k.txt")


def test_review_needs_an_article():
    with pytest.raises(ReviewError, match="needs a medialit Article"):
        Review("some text")


# --------------------------------------------------------------------------- the widget


def test_widget_drives_the_review(short, tmp_path):
    review = Review(short)
    review.widget()
    c = review.controls
    assert len(c.decisions) == len(review.items)
    (n,) = numbers(review, "hedge", "reportedly")
    c.decisions[n].value = "reject"
    assert review.table.status[n] == "rejected"
    c.decisions[n].value = "accept"
    assert review.table.status[n] == "accepted"

    # A phrase that is not there: a message in words, nothing added.
    c.phrase.value = "resigns"
    assert c.occurrence.options[0][0] == "(not in the article)"
    c.add_button.click()
    assert "Not added:" in c.message.value and "does not occur" in c.message.value

    # Pick the second "The minister" and add it as a look-alike of story text.
    c.phrase.value = "The minister"
    assert len(c.occurrence.options) == 3
    c.occurrence.value = 2
    c.kind.value = "distractor"
    assert ("looks like part of the story", "story") in list(c.category.options)
    c.category.value = "story"
    c.add_button.click()
    assert "Added:" in c.message.value
    assert review.items[-1].start == occurrences(SHORT, "The minister")[1]
    assert len(c.decisions) == len(review.items) and len(c.added.children) == 1
    c.decisions[-1].value = "reject"
    assert not review.items[-1].accepted
    c.decisions[-1].value = "accept"

    # Change a line's kind.
    c.block_kinds[0].value = "promo"
    assert review.block_kinds[0] == "promo"
    c.block_kinds[0].value = "headline"

    # Save, and read the key back.
    c.path.value = str(tmp_path / "minister.json")
    c.save_button.click()
    assert "Saved:" in c.status.value
    key = load_key(tmp_path / "minister.json", article=short)
    assert key.distractors.text.tolist() == ["The minister"]

    c.path.value = str(tmp_path / "minister.txt")
    c.save_button.click()
    assert "Not saved:" in c.status.value


def test_widget_shows_a_failed_save_in_words(short, tmp_path):
    review = Review(short)
    review.widget()
    dup = review.items[numbers(review, "hedge", "reportedly")[0]]
    review.items.append(type(dup)(**dup.__dict__))
    review.controls.path.value = str(tmp_path / "k.json")
    review.controls.save_button.click()
    assert "Not saved:" in review.controls.status.value
    assert not (tmp_path / "k.json").exists()
