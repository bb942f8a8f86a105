"""Exercises: scoring (hits, misses, false alarms), feedback text, saving, widgets."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import textwrap
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.learn import exercises as ex_mod
from medialit.learn import progress
from medialit.learn.exercises import (
    Choice,
    ExerciseError,
    Item,
    MultipleChoice,
    OrderSteps,
    Phrase,
    SelectPhrases,
    SingleChoice,
    SortItems,
    Step,
)
from medialit.learn.exercises import settings as ex_settings


@pytest.fixture(autouse=True)
def _clean_settings(monkeypatch):
    monkeypatch.setattr(ex_settings, "_SETTINGS", {"show_answers": True})
    monkeypatch.delenv(ex_mod.STUDENT_ENV, raising=False)
    monkeypatch.delenv(progress.FILE_ENV, raising=False)  # would win over MEDIALIT_HOME
    monkeypatch.setattr(progress, "_REGISTERED", {})


PASSAGE = (
    "ISIS fighters have reportedly filed sick notes, according to reports from "
    "Shiite militias. U.S. officials say they have tracked desertions."
)


def hedges(ex_id: str = "02-hedges-find") -> SelectPhrases:
    return SelectPhrases(
        ex_id,
        "Which phrases are hedges?",
        PASSAGE,
        [
            Phrase("U.S. officials say", False, "Names who speaks: attribution, not a hedge."),
            Phrase("reportedly", True, "Says it was reported, not by whom."),
            Phrase("according to reports", True, "Points to reports without naming them."),
            Phrase("tracked", False, "A plain verb: it does not weaken the claim."),
        ],
        hint="Look for words that make the claim sound less sure.",
    )


def who(ex_id: str = "02-who") -> SingleChoice:
    return SingleChoice(
        ex_id,
        "Who first reported the sick notes?",
        [
            Choice("Fars", True, "The article says Fars reported it first."),
            Choice("AOL", False, "AOL republished the story; it did not report it."),
            Choice("U.S. News", False, "U.S. News retold the Fars report."),
        ],
        hint="Read the paragraph that says 'first reported'.",
    )


def cues(ex_id: str = "02-cues") -> MultipleChoice:
    return MultipleChoice(
        ex_id,
        "Which words weaken a claim?",
        [
            Choice("reportedly", True, "A hedge."),
            Choice("allegedly", True, "A hedge."),
            Choice("said", False, "A plain reporting verb."),
        ],
        hint="Two of them.",
    )


def sorter(ex_id: str = "02-sort") -> SortItems:
    return SortItems(
        ex_id,
        "Sort each phrase.",
        ["hedge", "vague source", "not a hedge"],
        [
            Item("reportedly", "hedge", "Reported, not by whom."),
            Item("others", "vague source", "Who are the others? Not named."),
            Item("Col. John Thomas said", "not a hedge", "A named source."),
            Item("the Pentagon", "not a hedge", "A named organisation."),
        ],
        hint="A hedge makes a claim less sure; a named source makes it checkable.",
        alarm_categories=["hedge", "vague source"],
    )


def chain(ex_id: str = "03-chain") -> OrderSteps:
    return OrderSteps(
        ex_id,
        "Put the source chain in order, from first to last.",
        [
            Step("Shiite militias", "They made the claim: a party to the fight."),
            Step("Fars", "An Iranian state outlet carried it first."),
            Step("U.S. News", "Retold the Fars report."),
            Step("AOL", "Republished U.S. News."),
        ],
        distractors=[Step("Col. John Thomas", "Quoted on morale, not on sick notes.")],
        hint="Start with who said it, end with the page you read.",
    )


# --------------------------------------------------------------------------- construction


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: SingleChoice("1-a", "Q?", [Choice("x", True, "e")], hint="h"),
            "no distractors",
        ),
        (
            lambda: MultipleChoice(
                "1-a", "Q?", [Choice("x", True, "e"), Choice("y", True, "e")], hint="h"
            ),
            "no distractors",
        ),
        (
            lambda: SelectPhrases("1-a", "Q?", "a b", [Phrase("a", True, "e")], hint="h"),
            "no distractors",
        ),
        (
            lambda: SortItems(
                "1-a",
                "Q?",
                ["hedge", "not"],
                [Item("x", "hedge", "e")],
                hint="h",
                alarm_categories=["hedge"],
            ),
            "nothing to tell apart",
        ),
        (
            lambda: SortItems(
                "1-a",
                "Q?",
                ["hedge", "vague", "not"],
                [Item("x", "hedge", "e"), Item("y", "vague", "e")],
                hint="h",
                alarm_categories=["hedge", "vague"],
            ),
            "no distractors",
        ),
        (
            lambda: SingleChoice(
                "1-a",
                "Q?",
                [Choice("x", True, "e"), Choice("y", True, "e"), Choice("z", False, "e")],
                hint="h",
            ),
            "marks 2 options correct",
        ),
        (
            lambda: MultipleChoice("1-a", "Q?", [Choice("x", False, "e")], hint="h"),
            "no option is marked correct",
        ),
        (
            lambda: MultipleChoice(
                "1-a", "Q?", [Choice("Said", True, "e"), Choice(" said ", False, "e")], hint="h"
            ),
            "Two options read the same",
        ),
        (lambda: who("has space"), "short name"),
        (lambda: SingleChoice("1-a", "", [], hint="h"), "question must be a non-empty"),
        (
            lambda: SingleChoice(
                "1-a", "Q?", [Choice("x", True, ""), Choice("y", False, "e")], hint="h"
            ),
            'explanation of "x"',
        ),
        (
            lambda: SingleChoice(
                "1-a", "Q?", [Choice("x", "yes", "e"), Choice("y", False, "e")], hint="h"
            ),
            "correct must be True or False",
        ),
        (lambda: SingleChoice("1-a", "Q?", [("x", True, "e")], hint="h"), "must be a Choice"),
        (
            lambda: SelectPhrases(
                "1-a",
                "Q?",
                "an essay",
                [Phrase("say", True, "e"), Phrase("an", False, "e")],
                hint="h",
            ),
            '"say" is not in the passage as whole words',
        ),
        (
            lambda: SelectPhrases(
                "1-a",
                "Q?",
                "they say so",
                [Phrase("they say", True, "e"), Phrase("say so", False, "e")],
                hint="h",
            ),
            '"say so" is not in the passage',
        ),
        (
            lambda: SelectPhrases(
                "1-a",
                "Q?",
                "they say so",
                [Phrase("say", True, "e", start=0), Phrase("so", False, "e")],
                hint="h",
            ),
            "not at position 0",
        ),
        (
            lambda: SortItems("1-a", "Q?", ["a", "b"], [Item("x", "c", "e")], hint="h"),
            "'c' is not one of the categories",
        ),
        (
            lambda: OrderSteps(
                "1-a",
                "Q?",
                [Step("a", "e"), Step("a", "e")],
                hint="h",
                distractors=[Step("z", "e")],
            ),
            'lists "a" twice',
        ),
    ],
)
def test_bad_exercises_are_refused_with_a_reason(build, message):
    with pytest.raises(ExerciseError, match=re.escape(message)):
        build()


def test_order_steps_without_distractors_warns():
    with pytest.warns(UserWarning, match="no distractors"):
        OrderSteps("1-a", "Q?", [Step("a", "e"), Step("b", "e")], hint="h")


def test_lesson_comes_from_the_id_unless_given():
    assert who("02-who").lesson == "02"
    assert who("quiz").lesson == ""
    assert (
        SingleChoice(
            "x-1", "Q?", [Choice("a", True, "e"), Choice("b", False, "e")], hint="h", lesson="05"
        ).lesson
        == "05"
    )


def test_repeated_words_are_told_apart_by_start():
    ex = SelectPhrases(
        "1-a",
        "Q?",
        "say it, then they say more",
        [Phrase("say", False, "e"), Phrase("they say", True, "e")],
        hint="h",
    )
    assert ex.spans == ((0, 3), (13, 21))
    ex2 = SelectPhrases(
        "1-a",
        "Q?",
        "they say it, then say more",
        [Phrase("say", False, "e", start=18), Phrase("they say", True, "e")],
        hint="h",
    )
    assert [c.text for c in ex2.choices] == ["they say", "say"]  # reading order
    assert ex2.spans == ((0, 8), (18, 21))


def test_order_is_shown_mixed_the_same_way_every_run():
    shown = [s.text for s in chain().shown]
    assert shown == [s.text for s in chain().shown]
    assert shown[:4] != ["Shiite militias", "Fars", "U.S. News", "AOL"]
    assert sorted(shown) == sorted(
        ["Shiite militias", "Fars", "U.S. News", "AOL", "Col. John Thomas"]
    )


# --------------------------------------------------------------------------- scoring


@pytest.mark.parametrize(
    ("answer", "counts", "score"),
    [
        (["reportedly", "according to reports"], (2, 0, 0), 1.0),
        (["reportedly"], (1, 1, 0), 0.5),
        (["reportedly", "U.S. officials say"], (1, 1, 1), 1 / 3),
        (["reportedly", "according to reports", "tracked"], (2, 0, 1), 2 / 3),
        ([], (0, 2, 0), 0.0),
        (["U.S. officials say", "tracked", "reportedly", "according to reports"], (2, 0, 2), 0.5),
        (("REPORTEDLY", " according  to reports "), (2, 0, 0), 1.0),
    ],
)
def test_select_phrases_counts_hits_misses_and_false_alarms(answer, counts, score):
    result = hedges().check(answer)
    assert (result.hits, result.misses, result.false_alarms) == counts
    assert result.score == pytest.approx(score)
    assert result.correct is (counts[1:] == (0, 0))


@pytest.mark.parametrize(
    ("answer", "counts", "correct"),
    [("Fars", (1, 0, 0), True), (["fars"], (1, 0, 0), True), ("AOL", (0, 1, 1), False)],
)
def test_single_choice_scores(answer, counts, correct):
    result = who().check(answer)
    assert (result.hits, result.misses, result.false_alarms) == counts
    assert result.correct is correct
    assert result.score == (1.0 if correct else 0.0)


@pytest.mark.parametrize(
    ("answer", "counts"),
    [
        # all right
        (
            {
                "reportedly": "hedge",
                "others": "vague source",
                "Col. John Thomas said": "not a hedge",
                "the Pentagon": "not a hedge",
            },
            (4, 0, 0),
        ),
        # a named source flagged as a hedge: a false alarm, not also a miss
        (
            {
                "reportedly": "hedge",
                "others": "vague source",
                "Col. John Thomas said": "hedge",
                "the Pentagon": "not a hedge",
            },
            (3, 0, 1),
        ),
        # a hedge filed as "not a hedge": a miss
        (
            {
                "reportedly": "not a hedge",
                "others": "vague source",
                "Col. John Thomas said": "not a hedge",
                "the Pentagon": "not a hedge",
            },
            (3, 1, 0),
        ),
        # a hedge in the wrong alarm category: a miss, not a false alarm
        (
            {
                "reportedly": "vague source",
                "others": "hedge",
                "Col. John Thomas said": "not a hedge",
                "the Pentagon": "vague source",
            },
            (1, 2, 1),
        ),
    ],
)
def test_sort_items_counts_each_item_once(answer, counts):
    result = sorter().check(answer)
    assert (result.hits, result.misses, result.false_alarms) == counts
    assert sum(counts) == 4
    assert result.score == pytest.approx(counts[0] / 4)


@pytest.mark.parametrize(
    ("answer", "counts"),
    [
        (["Shiite militias", "Fars", "U.S. News", "AOL"], (4, 0, 0)),
        # a distractor in the chain: a false alarm; the steps around it still count
        (["Shiite militias", "Col. John Thomas", "Fars", "U.S. News", "AOL"], (4, 0, 1)),
        (["Fars", "Shiite militias", "U.S. News", "AOL"], (2, 2, 0)),
        (["Shiite militias", "Fars", "AOL"], (2, 2, 0)),  # U.S. News left out
        ([], (0, 4, 0)),
    ],
)
def test_order_steps_compares_place_by_place(answer, counts):
    result = chain().check(answer)
    assert (result.hits, result.misses, result.false_alarms) == counts


@given(
    picked=st.sets(
        st.sampled_from(["U.S. officials say", "reportedly", "according to reports", "tracked"])
    )
)
def test_pick_counts_always_add_up(picked):
    result = hedges().evaluate(sorted(picked))
    assert result.hits + result.misses == 2
    assert result.hits + result.false_alarms == len(picked)
    assert 0.0 <= result.score <= 1.0
    assert result.correct is (picked == {"reportedly", "according to reports"})
    assert (result.score == 1.0) is result.correct


# --------------------------------------------------------------------------- feedback text

SCORE_0_33 = ("Score: 0.33 of 1.00. Hits (right answers you found): 1. Misses (right answers "
              "you left out): 1. False alarms (wrong ones you flagged): 1.")
SCORE_0_50 = ("Score: 0.50 of 1.00. Hits (right answers you found): 2. Misses (right answers "
              "you left out): 0. False alarms (wrong ones you flagged): 2.")


def test_select_feedback_text():
    result = hedges().check(["reportedly", "U.S. officials say"])
    assert str(result) == textwrap.dedent(
        """\
        Not quite: 1 of 2 found, 1 false alarm.
        Right: "reportedly" — Says it was reported, not by whom.
        False alarm: "U.S. officials say" — Names who speaks: attribution, not a hedge.
        Missed: 1 more to find. Hint: Look for words that make the claim sound less sure.
        """
    ) + SCORE_0_33
    assert repr(result) == str(result)
    assert result.feedback_lines == tuple(str(result).splitlines())


def test_right_answer_feedback_text():
    assert str(who().check("fars")) == (
        'Right: "Fars" — The article says Fars reported it first.\n'
        "Score: 1.00 of 1.00. Hits (right answers you found): 1. Misses (right answers you "
        "left out): 0. False alarms (wrong ones you flagged): 0."
    )
    assert str(who().check("AOL")).splitlines() == [
        'Not quite: "AOL" — AOL republished the story; it did not report it.',
        "Missed: the right option is another one. Try again.",
        "Score: 0.00 of 1.00. Hits (right answers you found): 0. Misses (right answers you "
        "left out): 1. False alarms (wrong ones you flagged): 1.",
    ]
    assert str(cues().check(["reportedly", "allegedly"])).splitlines()[0] == (
        "Right: all 2 found, no false alarms."
    )


def test_one_right_answer_reads_as_english():
    # Regression: "Right: all 1 found" (issue 11).
    only_one = MultipleChoice("02-one", "Which is a hedge?", [
        Choice("reportedly", True, "A hedge."), Choice("said", False, "A cue.")],
        hint="Look for doubt.")
    assert str(only_one.check(["reportedly"])).splitlines()[0] == (
        "Right: you found the right option, no false alarms.")


def test_sort_feedback_text():
    result = sorter().check(
        {
            "reportedly": "hedge",
            "others": "vague source",
            "Col. John Thomas said": "hedge",
            "the Pentagon": "vague source",
        }
    )
    assert str(result) == textwrap.dedent(
        """\
        Not quite: 2 of 4 in the right place, 2 false alarms.
        Right: "reportedly" goes under "hedge" — Reported, not by whom.
        Right: "others" goes under "vague source" — Who are the others? Not named.
        False alarm: "Col. John Thomas said" does not go under "hedge" — A named source.
        False alarm: "the Pentagon" does not go under "vague source" — A named organisation.
        """
    ) + SCORE_0_50


def test_order_feedback_text():
    result = chain().check(["Fars", "Col. John Thomas", "Shiite militias", "AOL"])
    lines = str(result).splitlines()
    assert lines[0] == "Not quite: 0 of 4 steps in the right place, 1 false alarm."
    assert lines[1:4] == [
        'Not quite: "Fars" is not step 1 — An Iranian state outlet carried it first.',
        'False alarm: "Col. John Thomas" is not a step — Quoted on morale, not on sick notes.',
        'Not quite: "Shiite militias" is not step 2 — They made the claim: a party to the fight.',
    ]
    assert lines[-2].startswith("Missed: 1 step not in your order yet. Hint: ")
    assert lines[-1].startswith("Score: 0.00 of 1.00. Hits (right answers you found): 0. "
                                "Misses (right answers you left out): 4. False alarms")


@pytest.mark.parametrize("answer", [[], ["Shiite militias"], ["Shiite militias", "Fars"]])
def test_an_empty_or_partial_order_gets_the_hint_not_the_key(answer):
    # Regression (issue 11): an empty answer to 03-source-chain listed every step and role.
    exercise = chain()
    text = str(exercise.check(answer))
    assert f"Hint: {exercise.hint}" in text
    hidden = [s for s in (*exercise.steps, *exercise.distractors) if s.text not in answer]
    for step in hidden:
        assert step.text not in text and step.explanation not in text, step.text


def test_text_form_of_an_exercise():
    assert repr(who()) == textwrap.dedent(
        """\
        Exercise 02-who (pick one)
        Who first reported the sick notes?
          ( ) Fars
          ( ) AOL
          ( ) U.S. News
        Answer with the widget, or in code: exercise.check("the option you pick")"""
    )
    assert repr(hedges()).splitlines()[2] == (
        "ISIS fighters have [reportedly](1) filed sick notes, [according to reports](2) from "
        "Shiite militias. [U.S. officials say](3) they have [tracked](4) desertions."
    )


# --------------------------------------------------------------------------- bad answers


@pytest.mark.parametrize(
    ("make", "answer", "message"),
    [
        (hedges, "reportedly", "as a list, even if there is one"),
        (hedges, ["sayz"], '"sayz" is not one of the phrases. Choose from: "reportedly", "acc'),
        (hedges, [1], "must be a text"),
        (hedges, {"reportedly"}, "got set"),
        (hedges, None, "No answer given"),
        (who, ["Fars", "AOL"], "Give one option as a text"),
        (who, 3, "Give one option as a text"),
        (who, "Reuters", '"Reuters" is not one of the options'),
        (sorter, ["reportedly"], "as a dict of item -> category"),
        (sorter, {"reportedly": "hedge"}, 'still open: "others", "Col. John Thomas said"'),
        (sorter, {"reportedly": "maybe"}, "'maybe' is not one of the categories"),
        (sorter, {"nobody": "hedge"}, '"nobody" is not one of the items'),
        (chain, ["Fars", "Fars"], '"Fars" is listed twice'),
        (chain, ["Tass"], '"Tass" is not one of the lines'),
        (chain, ("Fars", 2), "must be a text"),
    ],
)
def test_bad_answers_name_the_problem_and_are_not_saved(make, answer, message):
    exercise = make()
    with pytest.raises(ExerciseError, match=re.escape(message)):
        exercise.check(answer)
    assert exercise.attempts == 0
    assert not progress.progress_path().exists()


# --------------------------------------------------------------------------- saving


def test_check_saves_the_answer_and_its_counts():
    exercise = hedges()
    exercise.check(["tracked"])
    exercise.check(["according to reports", "reportedly"])
    data = json.loads(progress.progress_path().read_text(encoding="utf-8"))
    entry = data["lessons"]["02"]["02-hedges-find"]
    assert entry["answer"] == ["reportedly", "according to reports"]  # reading order
    counts = [(a["hits"], a["misses"], a["false_alarms"], a["correct"]) for a in entry["attempts"]]
    assert counts == [
        (0, 2, 1, False),
        (2, 0, 0, True),
    ]
    assert exercise.attempts == 2
    assert exercise.saved_answer() == ("reportedly", "according to reports")


def test_sort_and_order_answers_round_trip_through_the_file():
    sorter().check(
        {
            "others": "vague source",
            "reportedly": "hedge",
            "the Pentagon": "not a hedge",
            "Col. John Thomas said": "hedge",
        }
    )
    chain().check(["Shiite militias", "Fars"])
    assert sorter().saved_answer() == {
        "reportedly": "hedge",
        "others": "vague source",
        "Col. John Thomas said": "hedge",
        "the Pentagon": "not a hedge",
    }
    assert chain().saved_answer() == ("Shiite militias", "Fars")


def test_a_saved_answer_that_no_longer_fits_is_ignored():
    who().check("AOL")
    changed = SingleChoice(
        "02-who", "Who?", [Choice("Fars", True, "e"), Choice("Tass", False, "e")], hint="h"
    )
    assert changed.saved_answer() is None
    changed.widget()
    assert changed.controls.inputs[0].value is None


def test_a_new_process_restores_the_answer_into_the_widget(tmp_path):
    """Kernel restart: the lesson re-runs in a new process and shows the last answer."""
    hedges().check(["reportedly", "tracked"])
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[1])
        from test_exercises import hedges
        ex = hedges()
        ex.widget()
        print([w.value for w in ex.controls.inputs])
        print(ex.attempts)
        print("Saved answer:" in ex.controls.feedback.value)
        """
    )
    tests_dir = str(__import__("pathlib").Path(__file__).parent)
    out = subprocess.run(
        [sys.executable, "-c", script, tests_dir], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert out == ["[True, False, False, True]", "1", "True"]


# --------------------------------------------------------------------------- show answer


def test_show_answer_needs_a_try_first_and_is_saved():
    exercise = chain()
    with pytest.raises(ExerciseError, match="Try the exercise once first"):
        exercise.show_answer()
    exercise.check(["Fars"])
    answer = exercise.show_answer()
    assert str(answer).splitlines()[0] == (
        'Answer: step 1 is "Shiite militias" — They made the claim: a party to the fight.'
    )
    assert str(answer).splitlines()[-1] == (
        'No: "Col. John Thomas" is not a step — Quoted on morale, not on sick notes.'
    )
    assert progress.store().answer_shown("03", "03-chain")


@pytest.mark.parametrize("switch", ["configure", "env"])
def test_student_release_has_no_answers(monkeypatch, switch):
    if switch == "configure":
        ex_mod.configure(show_answers=False)
    else:
        monkeypatch.setenv(ex_mod.STUDENT_ENV, "1")
    assert not ex_mod.answers_enabled()
    exercise = who()
    exercise.check("AOL")
    with pytest.raises(ExerciseError, match="switched off"):
        exercise.show_answer()
    exercise.widget()
    assert exercise.controls.answer_button is None
    assert "Show answer" not in [b.description for b in exercise.controls.box.children[2].children]


def test_env_switch_cannot_be_undone_from_a_cell(monkeypatch):
    monkeypatch.setenv(ex_mod.STUDENT_ENV, "yes")
    ex_mod.configure(show_answers=True)
    assert not ex_mod.answers_enabled()
    with pytest.raises(ExerciseError, match="True or False"):
        ex_mod.configure(show_answers="no")


# --------------------------------------------------------------------------- widgets


def feedback_text(value: str) -> str:
    """The words of a feedback HTML widget, as a learner reads them."""
    rows = re.findall(r"<div style=[^>]*><strong>(.*?)</strong> (.*?)</div>", value)
    return "\n".join(html.unescape(f"{label} {text}") for label, text in rows)


def test_select_widget_checks_saves_and_shows_the_same_feedback():
    exercise = hedges()
    exercise.widget()
    ui = exercise.controls
    assert [b.description for b in ui.inputs] == [
        "1. reportedly",
        "2. according to reports",
        "3. U.S. officials say",
        "4. tracked",
    ]
    assert ui.answer_button.disabled  # no try yet
    ui.inputs[0].value = True
    ui.inputs[2].value = True
    ui.check_button.click()
    expected = hedges("other-id").evaluate(["U.S. officials say", "reportedly"])
    assert feedback_text(ui.feedback.value) == str(expected)
    assert not ui.answer_button.disabled
    assert progress.store().latest_answer("02", "02-hedges-find") == [
        "reportedly",
        "U.S. officials say",
    ]
    ui.hint_button.click()
    assert feedback_text(ui.hint.value) == (
        "Hint: Look for words that make the claim sound less sure."
    )
    ui.answer_button.click()
    assert feedback_text(ui.answer.value) == str(exercise._answer_view())
    assert progress.store().answer_shown("02", "02-hedges-find")


def test_single_choice_widget_starts_empty_and_asks_for_a_pick():
    exercise = who()
    exercise.widget()
    radio = exercise.controls.inputs[0]
    assert radio.value is None
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value) == (
        "Not yet: No answer given: pick one of the options."
    )
    assert exercise.attempts == 0
    radio.value = "Fars"
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value).startswith('Right: "Fars"')
    assert exercise.attempts == 1


def test_changing_the_answer_clears_the_old_feedback():
    # Regression (issue 11): "Right" stayed under an answer the learner had changed.
    exercise = who()
    exercise.widget()
    radio = exercise.controls.inputs[0]
    radio.value = "Fars"
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value).startswith('Right: "Fars"')
    radio.value = "AOL"
    assert exercise.controls.feedback.value == ""
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value).startswith('Not quite: "AOL"')
    # A restored answer keeps its feedback: filling it in is no change by the learner.
    again = who()
    again.widget()
    assert again.controls.inputs[0].value == "AOL"
    assert "Saved answer:" in feedback_text(again.controls.feedback.value)


def test_multiple_choice_widget_uses_labelled_checkboxes():
    exercise = cues()
    exercise.widget()
    boxes = exercise.controls.inputs
    assert [b.description for b in boxes] == ["reportedly", "allegedly", "said"]
    boxes[2].value = True
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value).splitlines()[0] == (
        "Not quite: 0 of 2 found, 1 false alarm."
    )


def test_sort_widget_needs_every_item_then_saves():
    exercise = sorter()
    exercise.widget()
    dropdowns = exercise.controls.inputs
    dropdowns[0].value = "hedge"
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value).startswith(
        'Not yet: Choose a category for every item; still open: "others"'
    )
    assert exercise.attempts == 0
    for dropdown, value in zip(
        dropdowns, ["hedge", "vague source", "hedge", "not a hedge"], strict=True
    ):
        dropdown.value = value
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value).splitlines()[0] == (
        "Not quite: 3 of 4 in the right place, 1 false alarm."
    )
    assert exercise.attempts == 1


def test_order_widget_reads_numbers_and_rejects_clashes():
    exercise = chain()
    exercise.widget()
    by_text = dict(zip((s.text for s in exercise.shown), exercise.controls.inputs, strict=True))
    exercise.controls.check_button.click()
    assert "Not yet: Choose a step number or" in feedback_text(exercise.controls.feedback.value)
    for text, place in [
        ("Shiite militias", 1),
        ("Fars", 1),
        ("U.S. News", 3),
        ("AOL", 4),
        ("Col. John Thomas", OrderSteps.LEAVE_OUT),
    ]:
        by_text[text].value = place
    exercise.controls.check_button.click()
    assert "are both step 1" in feedback_text(exercise.controls.feedback.value)
    assert exercise.attempts == 0
    by_text["Fars"].value = 2
    exercise.controls.check_button.click()
    assert feedback_text(exercise.controls.feedback.value).splitlines()[0] == (
        "Right: all 4 steps in order, nothing extra."
    )
    assert exercise.saved_answer() == ("Shiite militias", "Fars", "U.S. News", "AOL")

    again = chain()
    again.widget()
    restored = {s.text: d.value for s, d in zip(again.shown, again.controls.inputs, strict=True)}
    assert restored == {
        "Shiite militias": 1,
        "Fars": 2,
        "U.S. News": 3,
        "AOL": 4,
        "Col. John Thomas": OrderSteps.LEAVE_OUT,
    }


def test_rerun_restores_answer_feedback_and_shown_answer():
    first = sorter()
    answer = {
        "reportedly": "hedge",
        "others": "hedge",
        "Col. John Thomas said": "not a hedge",
        "the Pentagon": "not a hedge",
    }
    first.check(answer)
    first.show_answer()
    rerun = sorter()
    rerun.widget()
    assert [d.value for d in rerun.controls.inputs] == list(answer.values())
    text = feedback_text(rerun.controls.feedback.value)
    assert text.startswith("Saved answer: your last answer is filled in again")
    assert str(sorter("x-1").evaluate(answer)) in text
    assert not rerun.controls.answer_button.disabled
    assert feedback_text(rerun.controls.answer.value) == str(rerun._answer_view())


def test_every_text_is_escaped_in_html():
    exercise = MultipleChoice(
        "9-x",
        "Is <b>this</b> bold?",
        [Choice("<script>alert(1)</script>", True, "A & B <i>"), Choice("plain", False, "e")],
        hint="<hint>",
    )
    exercise.widget()
    result = exercise.check(["<script>alert(1)</script>"])
    assert "<script>" not in result.html and "&lt;script&gt;" in result.html
    assert "A &amp; B &lt;i&gt;" in result.html
    question = exercise.controls.box.children[0].value
    assert "&lt;b&gt;this&lt;/b&gt;" in question
    exercise.controls.hint_button.click()
    assert "&lt;hint&gt;" in exercise.controls.hint.value


def test_buttons_have_text_labels():
    exercise = who()
    exercise.widget()
    ui = exercise.controls
    assert [
        ui.check_button.description,
        ui.hint_button.description,
        ui.answer_button.description,
    ] == ["Check", "Show hint", "Show answer"]


def test_widget_is_built_once_and_shown_by_mimebundle():
    exercise = who()
    box = exercise.widget()
    assert exercise.widget() is box
    bundle = exercise._repr_mimebundle_()
    assert bundle["text/plain"] == repr(exercise)
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert view == {"version_major": 2, "version_minor": 0, "model_id": box.model_id}


def test_widgets_use_only_core_ipywidgets_features():
    """No Stack, TagsInput, GridBox or tooltips: a small set that renders the same everywhere."""
    allowed = {
        "VBox",
        "HBox",
        "HTML",
        "Label",
        "Button",
        "ToggleButton",
        "Checkbox",
        "Dropdown",
        "RadioButtons",
        "Output",
    }
    for make in (who, cues, hedges, sorter, chain):
        exercise = make()
        seen = set()
        todo = [exercise.widget()]
        while todo:
            widget = todo.pop()
            seen.add(type(widget).__name__)
            todo.extend(getattr(widget, "children", ()))
            assert not getattr(widget, "tooltip", None)
        assert seen <= allowed, seen - allowed


def test_importing_exercises_and_progress_stays_light():
    code = (
        "import sys, medialit.learn.exercises, medialit.learn.progress; "
        "print(sorted(m for m in ('pandas', 'ipywidgets', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_check_result_has_the_documented_attributes():
    result = cues().check(["said"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert (result.hits, result.misses, result.false_alarms, result.correct) == (0, 2, 1, False)
    assert result.exercise_id == "02-cues"
    assert result._repr_html_() == result.html


def test_widget_says_when_an_answer_could_not_be_saved(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(progress.HOME_ENV, str(blocker))
    exercise = who()
    with pytest.warns(UserWarning, match="kept in memory"):  # one warning, when first read
        exercise.widget()
    exercise.controls.inputs[0].value = "Fars"
    exercise.controls.check_button.click()
    lines = feedback_text(exercise.controls.feedback.value).splitlines()
    assert lines[0].startswith('Right: "Fars"')
    assert lines[-1].startswith("Not saved: the progress file cannot be written")
    assert exercise.attempts == 1  # kept in memory
    assert not exercise.controls.answer_button.disabled


def test_summary_keeps_lesson_order_when_a_cell_is_run_again():
    who("02-a")
    cues("02-b")
    who("02-a")
    assert list(progress.summary("02")["id"]) == ["02-a", "02-b"]


def test_a_worked_example_waits_for_the_learners_own_try():
    exercise = hedges()
    before = str(exercise.worked_example(["reportedly", "U.S. officials say"], who="Omar",
                                         lesson="Sounding unsure is not enough."))
    assert before.startswith("Not yet: try the exercise above yourself first.")
    assert "reportedly" not in before and "Sounding unsure" not in before
    exercise.check(["reportedly"])
    after = str(exercise.worked_example(["reportedly", "U.S. officials say"], who="Omar",
                                        lesson="Sounding unsure is not enough.")).splitlines()
    assert after[0] == 'Worked example: Omar answered: "reportedly", "U.S. officials say"'
    assert after[1] == "Not quite: 1 of 2 found, 1 false alarm."
    assert after[-1] == "What it teaches: Sounding unsure is not enough."
    assert exercise.attempts == 1, "the example is not saved as the learner's answer"
