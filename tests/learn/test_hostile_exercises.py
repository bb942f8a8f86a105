"""Exercise widgets on hostile input: payloads stay text, every failure is shown."""

from __future__ import annotations

import ipywidgets
import pytest
from hostile_inputs import INJECTIONS, SURROGATE

from medialit.learn import exercises, progress
from medialit.learn.exercises import Choice, MultipleChoice


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch):
    monkeypatch.setattr(progress, "_REGISTERED", {})


def _exercise(texts=INJECTIONS[:3], ex_id="02-hostile") -> MultipleChoice:
    return MultipleChoice(
        ex_id,
        f"Which are hedges? {INJECTIONS[0]}",
        [Choice(t, i == 0, f"because {INJECTIONS[1]}") for i, t in enumerate(texts)],
        hint=INJECTIONS[2],
    )


def test_choice_texts_are_never_rendered_as_html():
    """Issue 14: ipywidgets 7 renders checkbox descriptions as HTML; 8 is required."""
    box = _exercise().widget()
    checkboxes = [w for w in _walk(box) if isinstance(w, ipywidgets.Checkbox)]
    assert sorted(c.description for c in checkboxes) == sorted(INJECTIONS[:3])
    assert not any(getattr(c, "description_allow_html", False) for c in checkboxes)
    html_parts = " ".join(w.value for w in _walk(box) if isinstance(w, ipywidgets.HTML))
    assert "<script>" not in html_parts and "&lt;script&gt;" in html_parts


def test_ipywidgets_7_gets_the_text_form_not_raw_html(monkeypatch):
    monkeypatch.setattr(ipywidgets, "__version__", "7.8.1")
    exercise = _exercise(ex_id="02-old-widgets")
    with pytest.raises(ImportError, match="ipywidgets 8"):
        exercise.widget()
    bundle = exercise._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}


def test_any_failure_in_check_is_shown_and_the_answer_kept(monkeypatch):
    """Issue 14: the Check handler caught only ExerciseError; the learner saw nothing."""
    exercise = _exercise(ex_id="02-broken-save")
    exercise.widget()
    ui = exercise.controls
    ui.inputs[0].value = True

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    with monkeypatch.context() as patch:  # undo only this patch, not the test's home folder
        patch.setattr(exercise.store, "record_attempt", broken)
        ui.check_button.click()
    assert "could not be checked or saved" in ui.feedback.value
    assert "RecursionError" in ui.feedback.value
    assert ui.inputs[0].value is True  # still filled in
    ui.check_button.click()
    assert exercise.attempts == 1


def test_a_surrogate_answer_is_saved_and_checked():
    exercise = _exercise(texts=(SURROGATE, "plain", "other"), ex_id="02-surrogate")
    exercise.widget()
    exercise.controls.inputs[0].value = True
    exercise.controls.check_button.click()
    assert "Not saved" not in exercise.controls.feedback.value
    assert progress.store().latest_answer("02", "02-surrogate") == [SURROGATE]


def _walk(widget):
    todo = [widget]
    while todo:
        item = todo.pop()
        yield item
        todo.extend(getattr(item, "children", ()))


def test_module_says_ipywidgets_8():
    assert "version 8 or newer" in (exercises.__doc__ or "")
