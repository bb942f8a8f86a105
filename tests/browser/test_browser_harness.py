"""The browser helpers themselves: they must see a failing cell and work real widgets.

Throwaway notebooks are written into the server's temporary folder (never into
``notebooks/``): a bare ipywidgets exercise that saves a JSON file when
answered; one medialit exercise of every kind; and a notebook with a warning,
an error and a cell that Run All never reaches. If the helpers missed any of
these, the lesson tests could pass a broken lesson.
"""

from __future__ import annotations

import json
from pathlib import Path

from lab_page import (
    Answer,
    answer_exercise,
    cell_problems,
    check_buttons,
    collapse_left_sidebar,
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

EXERCISE_CELL = """\
import json, os, pathlib
import ipywidgets as w

choice = w.RadioButtons(options=["hedge", "fact"], value=None, description="Which?")
check = w.Button(description="Check")
feedback = w.HTML()

def on_check(_):
    feedback.value = f"<b>Feedback:</b> you chose {choice.value}."
    path = pathlib.Path(os.environ["MEDIALIT_HOME"]) / "probe-progress.json"
    path.write_text(json.dumps({"probe": choice.value}))

check.on_click(on_check)
w.VBox([choice, check, feedback])"""

MEDIALIT_EXERCISES = (
    "from medialit.learn.exercises import (Choice, Item, MultipleChoice, OrderSteps, Phrase,\n"
    "    SelectPhrases, SingleChoice, SortItems, Step)",
    "SingleChoice('99-one', 'Which word is a hedge?', [\n"
    "    Choice('reportedly', True, 'It passes a claim on.'),\n"
    "    Choice('killed', False, 'A plain verb.')], hint='Look for a report.')",
    "MultipleChoice('99-many', 'Which are sources?', [\n"
    "    Choice('U.S. officials', True, 'They said it.'),\n"
    "    Choice('the ground', False, 'A place.')], hint='Who speaks?')",
    "SelectPhrases('99-phrases', 'Pick the hedges.', 'Fighters reportedly may be ill.', [\n"
    "    Phrase('reportedly', True, 'Passed on.'), Phrase('ill', False, 'A fact word.')],\n"
    "    hint='Words of doubt.')",
    "SortItems('99-sort', 'Sort the lines.', ['story', 'clutter'], [\n"
    "    Item('Fighters call in sick.', 'story', 'News text.'),\n"
    "    Item('See Gallery', 'clutter', 'A button.')], hint='Is it news?',\n"
    "    alarm_categories=['clutter'])",
    "OrderSteps('99-order', 'Who told whom?', [\n"
    "    Step('Shiite militias', 'They saw it.'), Step('Fars', 'It reported them.')],\n"
    "    hint='Start at the source.', distractors=[Step('AOL gallery', 'Not a step.')])",
)

BROKEN_CELLS = (
    "import warnings\nwarnings.warn('a warning a learner should never see')",
    "1 / 0",
    "print('never reached')",
)


def write_notebook(path: Path, sources: tuple[str, ...]) -> str:
    """Write a notebook of code cells (Python 3 kernel) and return its file name."""
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": f"c{i}",
                "metadata": {},
                "outputs": [],
                "source": source,
            }
            for i, source in enumerate(sources)
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path.name


def test_an_ipywidgets_exercise_is_answered_by_clicking(lab, lab_page, save_screenshot) -> None:
    page = lab_page
    name = write_notebook(lab.root_dir / "zz_probe_exercise.ipynb", (EXERCISE_CELL,))
    open_notebook(page, lab, name)
    wait_for_cells(page, 1)
    run_all_cells(page)
    wait_until_done(page, lab)
    assert cell_problems(page) == []
    buttons = check_buttons(page)
    buttons.first.wait_for(state="visible", timeout=15_000)
    assert buttons.count() == 1
    before = snapshot(lab.home)
    answer = answer_exercise(buttons.first)
    assert answer == Answer(None, ("radio",), "Feedback: you chose hedge.")
    saved = wait_for_saved_json(lab.home, before)
    assert saved == {lab.home / "probe-progress.json": {"probe": "hedge"}}
    page.screenshot(path=save_screenshot("harness_exercise"))


def test_every_kind_of_medialit_exercise_is_answered_and_saved(
    lab, lab_page, save_screenshot
) -> None:
    page = lab_page
    name = write_notebook(lab.root_dir / "zz_probe_medialit.ipynb", MEDIALIT_EXERCISES)
    open_notebook(page, lab, name)
    wait_for_cells(page, len(MEDIALIT_EXERCISES))
    collapse_left_sidebar(page)
    try:
        run_all_cells(page)
        wait_until_done(page, lab)
        assert cell_problems(page) == []
        buttons = check_buttons(page)
        buttons.nth(4).wait_for(state="visible", timeout=15_000)
        assert buttons.count() == 5
        ids = []
        for index in range(5):
            button = buttons.nth(index)
            known = exercise_id(button)
            before = attempts(lab.home, known)
            answer = answer_exercise(button)
            assert answer.exercise_id == known
            assert answer.feedback and not answer.feedback.startswith("Not yet"), answer
            assert wait_for_attempt(lab.home, known, before) == before + 1
            ids.append((known, answer.inputs))
        assert ids == [
            ("99-one", ("radio",)),
            ("99-many", ("checkbox",)),
            ("99-phrases", ("toggle",)),
            ("99-sort", ("select", "select")),
            ("99-order", ("select", "select", "select")),
        ]
    finally:
        try_screenshot(page, save_screenshot("harness_medialit_exercises"))


def test_errors_warnings_and_unrun_cells_are_reported(lab, lab_page) -> None:
    page = lab_page
    name = write_notebook(lab.root_dir / "zz_probe_broken.ipynb", BROKEN_CELLS)
    open_notebook(page, lab, name)
    wait_for_cells(page, len(BROKEN_CELLS))
    run_all_cells(page)
    wait_until_done(page, lab)
    seen = {(p.index, p.what.split("\n")[0]) for p in cell_problems(page)}
    assert (2, "did not run (prompt '[ ]:')") in seen
    assert {index for index, _ in seen} == {0, 1, 2}
    shown = {p.index: p.what for p in cell_problems(page)}
    assert "UserWarning" in shown[0]
    assert "ZeroDivisionError" in shown[1]
    saved = saved_problems(save_notebook(page, lab.root_dir / name))
    assert [str(p) for p in saved] == [
        "cell 1: raised ZeroDivisionError: division by zero",
        "cell 2: has no execution count in the saved file",
    ]
