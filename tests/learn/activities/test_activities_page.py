"""Lesson 1's exercises, built from the seed article and its answer key (and a tiny article)."""

from __future__ import annotations

import pytest
from activity_helpers import edited_key, right_answer

import medialit as ml
from medialit.learn.activities import common, page
from medialit.learn.exercises import ExerciseError, MultipleChoice
from medialit.learn.keys import AnswerKey

BUILDERS = [page.sort_page_blocks, page.who_added_what, page.where_story_ends,
            page.question_headline]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda f: f.__name__)
def test_right_answer_scores_one_with_no_false_alarms(seed, key, build):
    ex = build(seed, key)
    result = ex.evaluate(right_answer(ex))
    assert (result.score, result.misses, result.false_alarms) == (1.0, 0, 0)
    assert str(result).startswith("Right:")


@pytest.mark.parametrize(
    ("build", "exercise_id"),
    [
        (page.sort_page_blocks, "01-sort-blocks"),
        (page.who_added_what, "01-who-added"),
        (page.where_story_ends, "01-story-ends"),
        (page.question_headline, "01-question-headline"),
    ],
)
def test_ids_belong_to_lesson_one_and_can_be_changed_for_reuse(seed, key, build, exercise_id):
    assert build(seed, key).id == exercise_id
    reused = build(seed, key, exercise_id="06-" + exercise_id[3:])
    assert (reused.id, reused.lesson) == ("06-" + exercise_id[3:], "06")


# --------------------------------------------------------------------------- sort_page_blocks


def test_sort_blocks_holds_the_look_alikes_with_their_true_kind(seed, key):
    ex = page.sort_page_blocks(seed, key)
    truth = {i.text: i.category for i in ex.items}
    assert truth["Top ISIS Commander Killed"] == "promotion or link box"
    assert truth["Copyright 2016 U.S. News & World Report"] == "copyright line"
    assert truth["Iraq's oldest cemetery growing quickly due to ISIS war:"] == "gallery title"
    assert truth["Read Full Story"] == "page button"
    after_gallery = next(t for t in truth if t.startswith("U.S. officials say that they"))
    assert truth[after_gallery] == "story"
    assert ex.alarm_categories == page.CLUTTER_CATEGORIES


def test_sort_blocks_items_are_in_page_order_and_never_repeat(seed, key):
    ex = page.sort_page_blocks(seed, key)
    starts = [seed.text.find(i.text.rstrip("…")) for i in ex.items]
    assert all(s >= 0 for s in starts)
    assert starts == sorted(starts)
    assert len({i.text.casefold() for i in ex.items}) == len(ex.items)


def test_sort_blocks_story_line_called_clutter_is_a_false_alarm(seed, key):
    ex = page.sort_page_blocks(seed, key)
    answer = right_answer(ex)
    after_gallery = next(t for t in answer if t.startswith("U.S. officials say that they"))
    answer[after_gallery] = "page button"
    result = ex.evaluate(answer)
    assert (result.false_alarms, result.misses) == (1, 0)
    assert any(line.startswith("False alarm:") for line in result.feedback_lines)


def test_sort_blocks_teaser_called_story_is_a_miss_not_a_false_alarm(seed, key):
    ex = page.sort_page_blocks(seed, key)
    answer = {**right_answer(ex), "Top ISIS Commander Killed": "story"}
    result = ex.evaluate(answer)
    assert (result.false_alarms, result.misses) == (0, 1)


def test_sort_blocks_needs_story_and_clutter(seed, key):
    only_story = [b for b in key.raw["blocks"] if b["kind"] in ("story", "headline")]
    with pytest.raises(ExerciseError, match="only one of the two"):
        page.sort_page_blocks(seed, edited_key(key, blocks=only_story, distractors=[]))


def test_sort_blocks_without_blocks_names_the_missing_list(seed, key):
    with pytest.raises(ExerciseError, match="'blocks'"):
        page.sort_page_blocks(seed, edited_key(key, blocks=[]))


# --------------------------------------------------------------------------- who_added_what


def test_who_added_names_writer_and_website_from_the_chain(seed, key):
    ex = page.who_added_what(seed, key)
    assert isinstance(ex, MultipleChoice)
    assert "U.S. News & World Report wrote the story" in ex.question
    assert "did AOL add" in ex.question
    wrong = [c.text for c in ex.choices if not c.correct]
    assert [w.split(",")[0] for w in wrong] == ["the story paragraphs", "the copyright line"]
    right = [c.text for c in ex.choices if c.correct]
    assert 'the page buttons, such as "Read Full Story"' in right
    assert any("Sign up for Breaking News by AOL" in r for r in right)  # names the website


def test_who_added_picking_the_copyright_line_is_a_false_alarm(seed, key):
    ex = page.who_added_what(seed, key)
    copyright_choice = next(c.text for c in ex.choices if c.text.startswith("the copyright"))
    result = ex.evaluate([*right_answer(ex), copyright_choice])
    assert result.false_alarms == 1
    assert "Written by U.S. News & World Report" in str(result)


def test_who_added_without_a_republisher_says_what_is_missing(seed, key):
    chain = [s for s in key.raw["source_chain"] if s["role"] != "republished by"]
    with pytest.raises(ExerciseError, match="republished by"):
        page.who_added_what(seed, edited_key(key, source_chain=chain))


# --------------------------------------------------------------------------- where_story_ends


def test_story_ends_at_the_copyright_line_not_at_read_full_story(seed, key):
    ex = page.where_story_ends(seed, key)
    assert right_answer(ex) == "Copyright 2016 U.S. News & World Report"
    texts = [c.text for c in ex.choices]
    assert "Read Full Story" in texts
    assert texts[0] != right_answer(ex)  # the answer is not handed out first
    result = ex.evaluate("Read Full Story")
    assert (result.hits, result.false_alarms) == (0, 1)


def test_story_ends_needs_a_copyright_line(seed, key):
    blocks = [b for b in key.raw["blocks"] if b["kind"] != "copyright"]
    with pytest.raises(ExerciseError, match="no copyright line"):
        page.where_story_ends(seed, edited_key(key, blocks=blocks))


# --------------------------------------------------------------------------- question_headline


def test_question_headline_explains_with_the_keys_headline_entry(seed, key):
    ex = page.question_headline(seed, key)
    assert "ISIS fighters calling in sick?" in ex.question
    right = next(c for c in ex.choices if c.correct)
    assert right.explanation == key.hedges.explanation.iloc[0]
    assert ex.choices[0] is not right
    result = ex.evaluate("It means that the claim is false.")
    assert result.false_alarms == 1 and result.score == 0.0


def test_question_headline_refuses_a_statement_headline(seed, key):
    blocks = key.raw["blocks"]
    blocks[0] = {**blocks[0], "text": "ISIS fighters call in sick"}
    with pytest.raises(ExerciseError, match="not a question"):
        page.question_headline(seed, edited_key(key, blocks=blocks))


# --------------------------------------------------------------------------- any article + key


TINY = (
    "Frogs fell on Springfield?\n\n"
    "Residents reportedly saw frogs fall from the sky on Monday, officials say.\n\n"
    "Copyright 2024 Example News\n\n"
    "Read Full Story\n\n"
    "Sign up for the Example Site newsletter\n"
)


def _span(text: str) -> dict:
    start = TINY.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def _tiny_key(article: ml.Article) -> AnswerKey:
    """A small hand-made key for TINY, checked like any key."""
    kinds = {"Read Full Story": "page_chrome", "Sign up for the Example Site newsletter": "promo"}
    blocks = [
        {"start": b.start, "end": b.end, "text": b.text,
         "kind": kinds.get(b.text, b.kind), "explanation": f"The line {b.text!r}."}
        for b in article.block_records
    ]
    raw = {
        "article": "tiny", "format_version": 1, "checked_against": ["this test"],
        "blocks": blocks, "hedges": [], "distractors": [], "attributions": [], "outlets": [],
        "claims": [], "galleries": [],
        "source_chain": [
            {"who": "Example News", "role": "retold by", "outlet": None,
             "evidence": [_span("Copyright 2024 Example News")],
             "state_affiliated": False, "stake": False, "explanation": "Wrote it."},
            {"who": "Example Site", "role": "republished by", "outlet": None,
             "evidence": [_span("Example Site")],
             "state_affiliated": False, "stake": False, "explanation": "Put it online."},
        ],
    }
    key = AnswerKey(_raw=raw, where="Tiny key")
    key.validate(article)
    return key


def test_builders_work_on_another_article_and_key():
    article = ml.Article.from_text(TINY, name="tiny")
    key = _tiny_key(article)
    for build in BUILDERS:
        ex = build(article, key)
        assert ex.evaluate(right_answer(ex)).score == 1.0
    ex = page.who_added_what(article, key)
    assert ex.question == (
        "Example News wrote the story. Which parts of this page did Example Site add?"
    )
    assert right_answer(page.where_story_ends(article, key)) == "Copyright 2024 Example News"


def test_key_for_another_article_is_refused(seed):
    article = ml.Article.from_text(TINY, name="tiny")
    with pytest.raises(ExerciseError, match="is for the article 'tiny'"):
        page.sort_page_blocks(seed, _tiny_key(article))


def test_an_article_that_is_not_an_article_is_named(key):
    with pytest.raises(ExerciseError, match="must be a medialit Article"):
        page.sort_page_blocks("some text", key)


def test_a_key_that_is_not_a_key_is_named(seed):
    with pytest.raises(ExerciseError, match="must be an answer key"):
        page.sort_page_blocks(seed, {"blocks": []})


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("short", 10, "short"),
    ("one two three four", 10, "one two…"),
    ("a  b\nc", 10, "a b c"),
    ("words, more words", 8, "words…"),
])
def test_shorten(text, width, expected):
    assert common.shorten(text, width) == expected
    assert len(common.shorten(text, width)) <= width


@pytest.mark.parametrize(("text", "start", "end", "taken", "expected"), [
    ("others saw it; others left", 0, 6, [], "others"),
    ("others saw it; others left", 15, 21, ["others"], "others left"),
    ("the U.S. announcement said", 4, 8, [], "U.S. announcement"),
    ("U.S.", 0, 4, [], "U.S."),  # nothing follows: the short label stays
])
def test_label_for_tells_repeated_and_short_spans_apart(text, start, end, taken, expected):
    assert common.label_for(text, start, end, taken=taken) == expected
