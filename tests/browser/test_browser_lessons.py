"""Every lesson, run in JupyterLab by headless Chromium, the way a learner runs it.

For each lesson (``lab_expectations.LEARNER_LESSONS``; new lessons are picked up
by their name): open it, Run → Run All Cells, wait for the kernel, then check
that no cell shows an error or a warning, that every medialit view and widget
the stored notebook has is shown again, that no picture is broken, and that a
focused highlight tag shows its reason. Every exercise is then answered by
keyboard only, first wrongly, then rightly, each answer saved in the progress
file as such; axe-core checks the lesson with its answered widgets; and after
Kernel → Restart Kernel and Run All Cells every exercise shows the right answer
again.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lab_axe import LESSON_CONTENT, run_axe, severe
from lab_expectations import (
    NOTEBOOKS,
    CellExpectation,
    cell_expectations,
    count_cells,
    in_copy,
    lesson_notebooks,
)
from lab_keyboard import Plan, answer_book, enter_answer, plan, state
from lab_look import reason_shown_on_focus
from lab_page import (
    ACTION_TIMEOUT_MS,
    broken_images,
    cell,
    cell_problems,
    check_buttons,
    click_menu,
    collapse_left_sidebar,
    dismiss_dialogs,
    exercise_id,
    exercise_widget,
    open_notebook,
    prompts,
    run_all_cells,
    save_notebook,
    saved_problems,
    try_screenshot,
    wait_for_cells,
    wait_until_done,
)
from lab_progress import attempts, last_attempt, wait_for_attempt

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


@pytest.fixture(scope="session")
def exercises_by_id() -> dict:
    """Every exercise of the stored lessons, by id, to know its right answer."""
    return answer_book([NOTEBOOKS / name for name in LESSONS])


def answer_wrong_then_right(page, home: Path, book: dict) -> list[tuple[str, Plan]]:
    """Answer each exercise by keyboard, wrongly then rightly; each must be saved as such.

    Returns ``(exercise id, the right answer's inputs)`` per exercise, in page order.
    """
    done: list[tuple[str, Plan]] = []
    buttons = check_buttons(page)
    for index in range(buttons.count()):
        button = buttons.nth(index)
        known = exercise_id(button)
        assert known in book, (
            f"exercise {known!r} (Check button {index}) is on the page but not in any stored "
            f"lesson; it shows:\n{exercise_widget(button).text_content()[:600]}"
        )
        widget = exercise_widget(button)
        for right in (False, True):
            want = plan(book[known], right=right)
            count = attempts(home, known)
            shown = enter_answer(page, widget, button, want)
            try:
                wait_for_attempt(home, known, count)
            except AssertionError as exc:
                raise AssertionError(f"{exc}\nThe exercise shows: {shown}") from exc
            saved = last_attempt(home, known)
            assert saved is not None and saved["correct"] is right, (
                f"{known}: a {'right' if right else 'wrong'} answer by keyboard ({want}) was "
                f"saved as {saved}; the exercise shows:\n{shown}"
            )
            print(f"{known}: {'right' if right else 'wrong'} answer {want} -> saved {saved}")
        done.append((known, want))
    return done


def restart_and_run_all(page, lab) -> None:
    """Kernel → Restart Kernel and Run All Cells…, accept, and wait until it has run."""
    click_menu(page, "Kernel", "Restart Kernel and Run All Cells…")
    dismiss_dialogs(page)
    deadline = time.monotonic() + 20
    while not any("*" in p for p in prompts(page)) and time.monotonic() < deadline:
        dismiss_dialogs(page)
        page.wait_for_timeout(100)
    wait_until_done(page, lab)


def assert_answers_restored(page, answered: list[tuple[str, Plan]]) -> None:
    """After a restart each exercise shows the saved right answer and says so."""
    buttons = check_buttons(page)
    deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
    while buttons.count() < len(answered) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert buttons.count() == len(answered), (
        f"after the restart the lesson shows {buttons.count()} exercises, not {len(answered)}"
    )
    for index, (known, want) in enumerate(answered):
        widget = exercise_widget(buttons.nth(index))
        widget.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
        assert exercise_id(buttons.nth(index)) == known
        text = widget.text_content() or ""
        assert "filled in again" in text, f"{known} after the restart shows:\n{text}"
        assert state(widget, want.kind) == want, (
            f"{known} after the restart shows {state(widget, want.kind)}, not the saved {want}"
        )


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_in_the_browser(
    name: str, lab, lab_page, save_screenshot, axe_source, record_axe, exercises_by_id
) -> None:
    page = lab_page
    stored = NOTEBOOKS / name
    opened = lab.root_dir / name
    expected = in_copy(cell_expectations(stored), opened)
    open_notebook(page, lab, name)
    wait_for_cells(page, count_cells(opened))
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
        highlighted = [want for want in expected if "ml-hl-root" in want.html_classes]
        if highlighted:
            root = cell(page, highlighted[0].index).locator(".ml-hl-root").first
            reason = reason_shown_on_focus(page, root)
            assert reason, f"{name}: a focused highlight tag shows no reason next to it"
            print("reason shown on focus:", reason)
        exercises = sum(want.check_button for want in expected)
        found = check_buttons(page).count()
        assert found >= exercises, (
            f"{name} has {exercises} exercises (stored widget outputs with a 'Check' button) "
            f"but the browser shows {found} 'Check' buttons"
        )
        answered = answer_wrong_then_right(page, lab.home, exercises_by_id) if found else []
        violations = run_axe(page, axe_source, include=LESSON_CONTENT)
        record_axe(f"{Path(name).stem} (after Run All, answered)", violations)
        for v in violations:
            print("axe:", v)
        assert not severe(violations), f"{name}: axe-core found:\n" + "\n".join(
            map(str, severe(violations))
        )
        if answered:
            restart_and_run_all(page, lab)
            assert_answers_restored(page, answered)
    finally:
        try_screenshot(page, save_screenshot(f"{Path(name).stem}-after-run-all"))
        print("browser console errors:", *page.console_errors, sep="\n  ")
