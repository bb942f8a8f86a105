"""Lesson 4's exercises, built from the seed article and its answer key."""

from __future__ import annotations

import pytest
from activity_helpers import edited_key

import medialit as ml
from medialit.learn.activities import state_media as sm
from medialit.learn.exercises import ExerciseError, MultipleChoice, SingleChoice, SortItems
from medialit.learn.keys import AnswerKey


def _outlet_names() -> dict[str, str]:
    table = ml.load_outlets()
    return dict(zip(table["id"], table["name"], strict=True))


# --------------------------------------------------------------------------- outlet_sort


def test_outlet_sort_has_one_item_per_outlet_then_the_extras(seed, key):
    ex = sm.outlet_sort(seed, key)
    assert isinstance(ex, SortItems)
    assert ex.id == "04-sort-outlets"
    assert ex.categories == (sm.STATE, sm.NOT_STATE)
    names = [i.text for i in ex.items]
    assert names == [
        "Fars News Agency",
        "Reuters",
        "Agence France-Presse (AFP)",
        "Getty Images",
        "U.S. News & World Report",
        "AOL",
        "Associated Press",
        "BBC",
        "Press TV",
    ]


def test_outlet_sort_right_answer_from_key_and_table_scores_one(seed, key):
    ex = sm.outlet_sort(seed, key)
    names = _outlet_names()
    table = ml.load_outlets().set_index("id")
    truth = {}
    for row in key.outlets.drop_duplicates("outlet").itertuples():
        shown = names[row.outlet]
        if row.text.casefold() not in shown.casefold():
            shown = f"{shown} ({row.text})"
        truth[shown] = sm.STATE if row.state_affiliated else sm.NOT_STATE
    for outlet_id in sm.DEFAULT_EXTRA_OUTLETS:
        state = table.loc[outlet_id, "state_affiliated"]
        truth[names[outlet_id]] = sm.STATE if state else sm.NOT_STATE
    result = ex.check(truth)
    assert (result.score, result.false_alarms, result.misses) == (1.0, 0, 0)
    assert result.hits == len(truth) == 9


@pytest.mark.parametrize("lookalike", ["Reuters", "BBC", "Agence France-Presse (AFP)"])
def test_outlet_sort_calling_a_lookalike_state_media_is_a_false_alarm(seed, key, lookalike):
    ex = sm.outlet_sort(seed, key)
    answer = {i.text: i.category for i in ex.items}
    answer[lookalike] = sm.STATE
    result = ex.check(answer)
    assert (result.false_alarms, result.misses) == (1, 0)
    assert any(line.startswith(f'False alarm: "{lookalike}"') for line in result.feedback_lines)


def test_outlet_sort_missing_fars_is_a_miss_not_a_false_alarm(seed, key):
    ex = sm.outlet_sort(seed, key)
    answer = {i.text: i.category for i in ex.items}
    answer["Fars News Agency"] = sm.NOT_STATE
    result = ex.check(answer)
    assert (result.misses, result.false_alarms) == (1, 0)


def test_outlet_sort_explanations_come_from_the_key(seed, key):
    ex = sm.outlet_sort(seed, key)
    by_name = {i.text: i.explanation for i in ex.items}
    fars = key.outlets.query("outlet == 'fars-news-agency'").iloc[0]
    assert by_name["Fars News Agency"] == fars.explanation
    # Reuters has a "looks like state media" distractor in the key: that text wins.
    lookalike = key.distractors.query("looks_like == 'state_media' and text == 'REUTERS'")
    assert by_name["Reuters"] == lookalike.iloc[0].explanation
    # The BBC is not on the page: its explanation comes from the outlet table.
    assert "Public money alone" in by_name["BBC"]
    assert "independent public media (IP)" in by_name["BBC"]


def test_outlet_sort_skips_extras_the_page_already_names(seed, key):
    ex = sm.outlet_sort(seed, key, extra=("reuters", "xinhua"))
    names = [i.text for i in ex.items]
    assert names.count("Reuters") == 1
    assert names[-1] == "Xinhua News Agency"
    assert dict((i.text, i.category) for i in ex.items)["Xinhua News Agency"] == sm.STATE


def test_outlet_sort_unknown_extra_is_a_clear_error(seed, key):
    with pytest.raises(ExerciseError, match="'not-an-outlet' is not the id of an outlet"):
        sm.outlet_sort(seed, key, extra=("not-an-outlet",))


def test_outlet_sort_needs_outlets_in_the_key(seed, key):
    with pytest.raises(ExerciseError, match=r"Test key has no outlets.*04-sort-outlets"):
        sm.outlet_sort(seed, edited_key(key, outlets=[]))


def test_outlet_sort_without_any_non_state_outlet_is_refused(seed, key):
    fars_only = [o for o in key.raw["outlets"] if o["outlet"] == "fars-news-agency"]
    only_state = edited_key(key, outlets=fars_only, distractors=[])
    with pytest.raises(ExerciseError, match="every outlet here is state-affiliated"):
        sm.outlet_sort(seed, only_state, extra=("press-tv",))
    # The default extras bring outlets from the other side, so the exercise can be built.
    assert sm.outlet_sort(seed, only_state).items[0].text == "Fars News Agency"


@pytest.mark.parametrize("builder", [sm.outlet_sort, sm.outlet_typology, sm.conflict_of_interest])
def test_builders_want_an_article_and_a_key(seed, key, builder):
    with pytest.raises(ExerciseError, match="article must be a medialit Article"):
        builder(seed.text, key)
    with pytest.raises(ExerciseError, match="key must be an answer key"):
        builder(seed, key.raw)
    other = AnswerKey(_raw={**key.raw, "article": "another-article"}, where="Other key")
    with pytest.raises(ExerciseError, match="is for the article 'another-article'"):
        builder(seed, other)


# --------------------------------------------------------------------------- typology


def test_outlet_typology_asks_about_fars_and_sc_isright_answer(seed, key):
    ex = sm.outlet_typology(seed, key)
    assert isinstance(ex, SingleChoice)
    assert "Fars News Agency" in ex.question
    assert [c.text for c in ex.choices if c.correct] == ["state-controlled media (SC)"]
    assert not ex.choices[0].correct  # the order never gives the answer away
    assert len(ex.choices) == len(ml.outlets.typology_codes())
    right = ex.check("state-controlled media (SC)")
    assert (right.score, right.false_alarms) == (1.0, 0)
    assert "IRGC" in str(right)  # the right choice explains who is behind Fars


@pytest.mark.parametrize(
    "wrong", ["independent public media (IP)", "captured public media (CaPu)",
              "not state media (privately or independently owned)"],
)
def test_outlet_typology_wrong_class_is_a_false_alarm(seed, key, wrong):
    result = sm.outlet_typology(seed, key).check(wrong)
    assert (result.hits, result.false_alarms) == (0, 1)
    assert "not how the table classes Fars News Agency" in str(result)


def test_outlet_typology_for_another_outlet_and_fewer_codes(seed, key):
    ex = sm.outlet_typology(seed, key, outlet="reuters", codes=["SC", "IP"])
    texts = {c.text for c in ex.choices}
    # The right code is added when the chosen codes leave it out.
    assert texts == {"state-controlled media (SC)", "independent public media (IP)",
                     "not state media (privately or independently owned)"}
    assert ex.check("not state media (privately or independently owned)").correct


def test_outlet_typology_errors_name_the_problem(seed, key):
    with pytest.raises(ExerciseError, match="names no outlet 'bbc'"):
        sm.outlet_typology(seed, key, outlet="bbc")
    with pytest.raises(ExerciseError, match="not typology codes"):
        sm.outlet_typology(seed, key, codes=["SC", "XX"])
    unknown = [{**key.raw["outlets"][0], "outlet": "my-local-paper"}]
    with pytest.raises(ExerciseError, match="'my-local-paper' is not in medialit's outlet table"):
        sm.outlet_typology(seed, edited_key(key, outlets=unknown))


# --------------------------------------------------------------------------- conflict of interest

PMUS = ("Members of the Popular Mobilization Units (PMUs), Shiite militias fighting ISIS "
        "near al-Shirqat")


def test_conflict_of_interest_true_statements_come_from_the_chain(seed, key):
    ex = sm.conflict_of_interest(seed, key)
    assert isinstance(ex, MultipleChoice)
    chain = key.raw["source_chain"]
    right = [f"{s['who']}: state-affiliated media" for s in chain if s["state_affiliated"]]
    right += [f"{s['who']}: gains if readers believe the claim" for s in chain if s["stake"]]
    assert sorted(right) == sorted([
        "Fars News Agency: state-affiliated media",
        f"{PMUS}: gains if readers believe the claim",
        "Fars News Agency: gains if readers believe the claim",
    ])
    # The PMUs are not an outlet: the key leaves state_affiliated unknown, so no statement.
    assert f"{PMUS}: state-affiliated media" not in {c.text for c in ex.choices}
    assert len(ex.choices) == 7
    result = ex.check(right)
    assert (result.score, result.false_alarms, result.misses) == (1.0, 0, 0)


def test_conflict_of_interest_retellers_are_false_alarms(seed, key):
    ex = sm.conflict_of_interest(seed, key)
    result = ex.check(["Fars News Agency: state-affiliated media",
                       "AOL: gains if readers believe the claim",
                       "U.S. News & World Report: state-affiliated media"])
    assert (result.hits, result.misses, result.false_alarms) == (1, 2, 2)


def test_conflict_of_interest_explains_outlets_with_the_table(seed, key):
    ex = sm.conflict_of_interest(seed, key)
    why = {c.text: c.explanation for c in ex.choices}
    assert "Mortimer Zuckerman" in why["U.S. News & World Report: state-affiliated media"]
    fars_step = next(s for s in key.raw["source_chain"] if s["outlet"] == "fars-news-agency")
    assert why["Fars News Agency: gains if readers believe the claim"] == fars_step["explanation"]


@pytest.mark.parametrize("value", [True, False, None])
def test_conflict_of_interest_needs_true_and_false_statements(seed, key, value):
    chain = [{**s, "stake": value, "state_affiliated": value} for s in key.raw["source_chain"]]
    with pytest.raises(ExerciseError, match="at least one true and one false statement"):
        sm.conflict_of_interest(seed, edited_key(key, source_chain=chain))


def test_conflict_of_interest_needs_a_chain(seed, key):
    with pytest.raises(ExerciseError, match="has no source_chain"):
        sm.conflict_of_interest(seed, edited_key(key, source_chain=[]))


def test_custom_ids_for_lesson_six(seed, key):
    assert sm.outlet_sort(seed, key, exercise_id="06-sort-outlets").lesson == "06"
    assert sm.outlet_typology(seed, key, exercise_id="06-outlet-class").lesson == "06"
    assert sm.conflict_of_interest(seed, key, exercise_id="06-stake").lesson == "06"


def test_outlet_sort_shows_an_unknown_outlet_by_its_fullest_name(seed, key):
    local = [
        {**key.raw["outlets"][0], "text": "Ledger", "outlet": "my-local-paper",
         "state_affiliated": False},
    ]
    ledger = {**local[0], "start": 0, "end": 6, "text": "Ledger Daily"}
    ex = sm.outlet_sort(seed, edited_key(key, outlets=[ledger, *local], distractors=[]))
    assert ex.items[0].text == "Ledger Daily"
    assert ex.items[0].category == sm.NOT_STATE
