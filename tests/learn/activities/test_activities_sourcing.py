"""Lesson 3's exercises, built from the seed article and its answer key."""

from __future__ import annotations

import pytest
from activity_helpers import edited_key, right_answer

from medialit.learn.activities import sourcing
from medialit.learn.exercises import (
    ExerciseError,
    MultipleChoice,
    SelectPhrases,
)

BUILDERS = [sourcing.select_sources, sourcing.sort_sources, sourcing.who_has_a_stake,
            sourcing.order_source_chain]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda f: f.__name__)
def test_right_answer_scores_one_with_no_false_alarms(seed, key, build):
    ex = build(seed, key)
    assert ex.id.startswith("03-")
    result = ex.evaluate(right_answer(ex))
    assert (result.score, result.misses, result.false_alarms) == (1.0, 0, 0)


@pytest.mark.parametrize("build", BUILDERS, ids=lambda f: f.__name__)
def test_id_can_be_changed_for_reuse(seed, key, build):
    assert build(seed, key, exercise_id="06-x").lesson == "06"


# --------------------------------------------------------------------------- select_sources


def test_select_sources_right_and_look_alikes(seed, key):
    ex = sourcing.select_sources(seed, key)
    assert isinstance(ex, SelectPhrases)
    right = [c.text for c in ex.choices if c.correct]
    wrong = [c.text for c in ex.choices if not c.correct]
    assert right == [
        "Shiite militias fighting there, also known as the Popular Mobilization Units or PMUs",
        "the militia members",
        "Iranian news service Fars",
        "others",
    ]
    # Reporting words with no one behind them, and "others" who only might desert.
    assert wrong == ["reports have surfaced", "reportedly", "others considering"]
    for choice, (start, end) in zip(ex.choices, ex.spans, strict=True):
        assert ex.passage[start:end] == choice.text


def test_select_sources_reportedly_is_a_false_alarm(seed, key):
    ex = sourcing.select_sources(seed, key)
    result = ex.evaluate(["the militia members", "reportedly"])
    assert (result.hits, result.misses, result.false_alarms) == (1, 3, 1)


def test_select_sources_without_sources_in_reach(seed, key):
    with pytest.raises(ExerciseError, match="no sources in the first 1"):
        sourcing.select_sources(seed, key, paragraphs=1)


# --------------------------------------------------------------------------- sort_sources


def test_sort_sources_truth_matches_the_lesson(seed, key):
    ex = sourcing.sort_sources(seed, key)
    truth = {i.text: i.category for i in ex.items}
    assert truth["Air Force Col. John Thomas"] == "named person"
    assert truth["Central Command chief Army Gen. Joseph Votel"] == "named person"
    assert truth["U.S. Central Command"] == "named organisation"
    assert truth["Iranian news service Fars"] == "media outlet"
    for unnamed in ("U.S. officials", "the militia members", "others", "Multiple columnists"):
        assert truth[unnamed] == "unnamed"
    assert truth["others considering"] == truth["Reuters"] == "not a source"
    # One item per named person, by the mention that carries the name.
    assert "Thomas" not in truth
    assert "The U.S. general who oversees all operations in the Middle East" not in truth


def test_sort_sources_calling_a_photo_credit_a_source_is_a_false_alarm(seed, key):
    ex = sourcing.sort_sources(seed, key)
    result = ex.evaluate({**right_answer(ex), "Reuters": "media outlet",
                          "U.S. officials": "named organisation"})
    assert (result.false_alarms, result.misses) == (1, 1)


def test_sort_sources_needs_attributions(seed, key):
    with pytest.raises(ExerciseError, match="no attributions with a source"):
        sourcing.sort_sources(seed, edited_key(key, attributions=[]))


@pytest.mark.parametrize(("kind", "label"), [
    ("named_person", "named person"),
    ("named_organization", "named organisation"),
    ("media_outlet", "media outlet"),
    ("unnamed", "unnamed"),
])
def test_source_label(kind, label):
    assert sourcing.source_label(kind) == label


# --------------------------------------------------------------------------- who_has_a_stake


def test_stake_sides_and_tied_outlet_areright_answer(seed, key):
    ex = sourcing.who_has_a_stake(seed, key)
    assert isinstance(ex, MultipleChoice)
    right = {c.text for c in ex.choices if c.correct}
    wrong = {c.text for c in ex.choices if not c.correct}
    assert {"Popular Mobilization Units (PMUs)", "U.S. Central Command",
            "Fars News Agency (Iran)"} <= right
    assert {"U.S. News & World Report", "AOL", "Reuters", "Multiple columnists"} <= wrong
    assert not ex.choices[0].correct


def test_stake_picking_the_photo_agency_is_a_false_alarm(seed, key):
    ex = sourcing.who_has_a_stake(seed, key)
    result = ex.evaluate([*right_answer(ex), "Reuters"])
    assert result.false_alarms == 1
    assert "took this photo" in str(result)


def test_stake_needs_both_kinds(seed, key):
    attributions = [{**a, "stake": True} for a in key.raw["attributions"]]
    chain = [{**s, "stake": True} for s in key.raw["source_chain"]]
    no_outlets = [o for o in key.raw["outlets"] if o["scope"] == "story"]
    broken = edited_key(key, attributions=attributions, source_chain=chain, outlets=no_outlets)
    with pytest.raises(ExerciseError, match="'stake' field"):
        sourcing.who_has_a_stake(seed, broken)


# --------------------------------------------------------------------------- order_source_chain


def test_chain_order_and_distractors(seed, key):
    ex = sourcing.order_source_chain(seed, key)
    assert [s.text for s in ex.steps] == [
        "Members of the Popular Mobilization Units (PMUs)",
        "Fars News Agency",
        "U.S. News & World Report",
        "AOL",
    ]
    assert [d.text for d in ex.distractors] == [
        "Reuters", "Agence France-Presse", "Getty Images", "Col. John Thomas",
    ]
    assert [s.text for s in ex.shown[:4]] != [s.text for s in ex.steps]


def test_chain_putting_reuters_in_is_a_false_alarm_and_swaps_are_misses(seed, key):
    ex = sourcing.order_source_chain(seed, key)
    answer = ["Fars News Agency", "Members of the Popular Mobilization Units (PMUs)",
              "Reuters", "U.S. News & World Report", "AOL"]
    result = ex.evaluate(answer)
    assert (result.hits, result.misses, result.false_alarms) == (2, 2, 1)


def test_chain_needs_two_steps(seed, key):
    with pytest.raises(ExerciseError, match="source_chain of at least two steps"):
        sourcing.order_source_chain(seed, edited_key(key, source_chain=key.raw["source_chain"][:1]))
