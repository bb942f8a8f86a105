"""Every lesson, run in JupyterLab by headless Chromium, the way a learner runs it.

For each ``notebooks/NN_*.ipynb`` (new lessons are picked up by their name):
open it, Run → Run All Cells, wait for the kernel, then check that no cell
shows an error or a warning, that every medialit view and widget the stored
notebook has is shown again, that no picture is broken, and - when the lesson
has exercises - that answering one shows feedback and is saved in the progress file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_expectations import (
    NOTEBOOKS,
    CellExpectation,
    cell_expectations,
    count_cells,
    lesson_notebooks,
)
from lab_page import (
    ACTION_TIMEOUT_MS,
    Answer,
    answer_exercise,
    broken_images,
    cell,
    cell_problems,
    check_buttons,
    collapse_left_sidebar,
    dismiss_dialogs,
    exercise_id,
    open_notebook,
    run_all_cells,
    save_notebook,
    saved_problems,
    try_screenshot,
    wait_for_cells,
    wait_until_done,
)
from lab_progress import attempts, snapshot, wait_for_attempt, wait_for_saved_json

LESSONS = lesson_notebooks()


def assert_views_shown(page, expected: list[CellExpectation]) -> None:
    """Each cell shows again the medialit views and widgets its stored output has."""
    for want in expected:
        here = cell(page, want.index)
        for name in sorted(want.html_classes):
            view = here.locator(f".{name}").first
            try:
                view.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
                view.wait_for(state="visible", timeout=ACTION_TIMEOUT_MS)
            except Exception as exc:
                raise AssertionError(
                    f"cell {want.index} should show '.{name}' (the stored notebook does), "
                    f"but the browser shows no visible one"
                ) from exc
        if "ml-hl-root" in want.html_classes:
            marks = here.locator(".ml-hl-root mark.ml-hl").count()
            assert marks > 0, f"cell {want.index}: the highlighted article has no highlights"
        if want.widgets:
            widget = here.locator(".jp-OutputArea-output .jupyter-widgets").first
            try:
                widget.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
                widget.wait_for(state="visible", timeout=ACTION_TIMEOUT_MS)
            except Exception as exc:
                raise AssertionError(
                    f"cell {want.index} should show a widget, but it was not drawn; "
                    f"the cell shows: {here.inner_text()[-500:]!r}"
                ) from exc


def answer_every_exercise(page, home: Path) -> list[Answer]:
    """Answer each exercise by clicking; each must show feedback and be saved."""
    answers: list[Answer] = []
    buttons = check_buttons(page)
    for index in range(buttons.count()):
        button = buttons.nth(index)
        known = exercise_id(button)
        if known is None:  # not a medialit exercise: any saved JSON will do
            before = snapshot(home)
            answers.append(answer_exercise(button))
            wait_for_saved_json(home, before)
            continue
        count = attempts(home, known)
        answer = answer_exercise(button)
        answers.append(answer)
        try:
            wait_for_attempt(home, known, count)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nThe exercise said: {answer.feedback}") from exc
    return answers


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_in_the_browser(name: str, lab, lab_page, save_screenshot) -> None:
    page = lab_page
    stored = NOTEBOOKS / name
    expected = cell_expectations(stored)
    open_notebook(page, lab, name)
    wait_for_cells(page, count_cells(stored))
    collapse_left_sidebar(page)
    try:
        run_all_cells(page)
        wait_until_done(page, lab)
        print("dialogs dismissed:", dismiss_dialogs(page))
        problems = cell_problems(page)
        seen = {problem.index for problem in problems}
        saved = saved_problems(save_notebook(page, lab.root_dir / name))
        problems += [problem for problem in saved if problem.index not in seen]
        assert not problems, f"{name} after Run All Cells:\n" + "\n".join(map(str, problems))
        assert_views_shown(page, expected)
        assert not broken_images(page), f"{name}: pictures that did not load: {broken_images(page)}"
        exercises = sum(want.check_button for want in expected)
        found = check_buttons(page).count()
        assert found >= exercises, (
            f"{name} has {exercises} exercises (stored widget outputs with a 'Check' button) "
            f"but the browser shows {found} 'Check' buttons"
        )
        if found:
            for answer in answer_every_exercise(page, lab.home):
                print(f"answered {answer.exercise_id} with {answer.inputs}: {answer.feedback}")
        else:
            print(f"{name}: no exercise to answer")
    finally:
        try_screenshot(page, save_screenshot(Path(name).stem))
        print("browser console errors:", *page.console_errors, sep="\n  ")
