"""Answer medialit exercises in JupyterLab with the keyboard only: Space, Enter, arrows, Tab.

Which answer is right comes from the exercises themselves: :func:`answer_book`
runs each stored lesson's code in this process (progress going to a temporary
folder) and keeps every :class:`~medialit.learn.exercises.Exercise` it built, by
id. :func:`plan` turns one into the inputs to set for a wrong and for a right
answer, in the order the widget shows them; :func:`enter_answer` sets them by
keyboard, checks that Tab from the last input reaches "Check", and presses Enter.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

ACTION_TIMEOUT_MS = 15_000


def answer_book(notebooks: list[Path]) -> dict[str, Any]:
    """Every exercise the lessons build, by id, from running their code cells here.

    A cell that fails (none should) is skipped; the lesson's later exercises are
    still found. Answers are never saved: progress goes to a throwaway folder.
    """
    from medialit.learn.exercises import Exercise

    book: dict[str, Any] = {}
    saved = {k: os.environ.get(k) for k in ("MEDIALIT_HOME", "MPLBACKEND", "MEDIALIT_PROGRESS")}
    with tempfile.TemporaryDirectory(prefix="medialit-answer-book-") as home:
        os.environ["MEDIALIT_HOME"] = home
        os.environ["MPLBACKEND"] = "Agg"
        os.environ.pop("MEDIALIT_PROGRESS", None)
        try:
            for notebook in notebooks:
                cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
                namespace: dict[str, Any] = {"__name__": "__lesson__"}
                cwd = os.getcwd()
                os.chdir(notebook.parent)
                try:
                    for c in cells:
                        if c["cell_type"] != "code":
                            continue
                        source = "".join(c["source"])
                        with (
                            contextlib.suppress(Exception),
                            contextlib.redirect_stdout(io.StringIO()),
                        ):
                            exec(compile(source, str(notebook), "exec"), namespace)
                finally:
                    os.chdir(cwd)
                for value in namespace.values():
                    if isinstance(value, Exercise):
                        book[value.id] = value
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return book


@dataclass(frozen=True)
class Plan:
    """The inputs of one exercise for one answer, in the widget's order.

    ``kind`` says which inputs: ``radio`` (``choice`` is the index to pick),
    ``checkbox`` or ``toggle`` (``picked`` are the indices to switch on), or
    ``select`` (``options`` is the option index for each drop-down in turn).
    """

    kind: str
    choice: int = -1
    picked: frozenset[int] = frozenset()
    options: tuple[int, ...] = ()


def plan(exercise: Any, *, right: bool) -> Plan:
    """The inputs that give ``exercise`` a wrong (``right=False``) or a right answer."""
    kind = type(exercise).__name__
    if kind == "SingleChoice":
        good = [i for i, c in enumerate(exercise.choices) if c.correct]
        bad = [i for i, c in enumerate(exercise.choices) if not c.correct]
        return Plan("radio", choice=(good if right else bad)[0])
    if kind in {"MultipleChoice", "SelectPhrases"}:
        good = frozenset(i for i, c in enumerate(exercise.choices) if c.correct)
        bad = [i for i, c in enumerate(exercise.choices) if not c.correct]
        picked = good if right else frozenset(bad[:1])
        return Plan("checkbox" if kind == "MultipleChoice" else "toggle", picked=picked)
    if kind == "SortItems":
        cats = list(exercise.categories)
        where = [cats.index(item.category) for item in exercise.items]
        if not right:
            where = [(w + 1) % len(cats) for w in where]
        return Plan("select", options=tuple(w + 1 for w in where))  # option 0 is "(choose)"
    if kind == "OrderSteps":
        steps = [s.text for s in exercise.steps]
        leave_out = len(exercise.shown) + 1
        where = [steps.index(s.text) + 1 if s.text in steps else leave_out for s in exercise.shown]
        if not right:
            ones = [i for i, w in enumerate(where) if w in (1, 2)]
            if len(ones) == 2:  # swap steps 1 and 2: complete, but in the wrong order
                a, b = ones
                where[a], where[b] = where[b], where[a]
            else:
                where[ones[0]] = leave_out
        return Plan("select", options=tuple(where))
    raise AssertionError(f"the suite does not know how to answer a {kind} by keyboard")


def _focus(control: Locator) -> None:
    control.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
    control.focus()
    if not control.evaluate("el => el === document.activeElement"):
        raise AssertionError(f"{control} cannot take keyboard focus")


def _set_select(page: Page, select: Locator, index: int) -> None:
    """Choose option ``index`` of a drop-down by keyboard: Space opens its list, Home,
    ArrowDown to the option, Enter.

    In a notebook, arrow keys pressed on a *closed* drop-down are taken by
    JupyterLab (they move between cells in command mode), so a keyboard user
    opens the list first, as here.
    """
    _focus(select)
    page.keyboard.press("Space")
    page.keyboard.press("Home")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    now = select.evaluate("el => el.selectedIndex")
    if now != index:
        raise AssertionError(f"the keyboard chose option {now} of a drop-down, not {index}")


def _set_inputs(page: Page, widget: Locator, want: Plan) -> Locator:
    """Set the exercise's inputs by keyboard; returns the last input touched."""
    if want.kind == "radio":
        radio = widget.locator("input[type=radio]").nth(want.choice)
        _focus(radio)
        page.keyboard.press("Space")
        if not radio.is_checked():
            raise AssertionError("Space did not pick the focused option")
        return radio
    if want.kind in {"checkbox", "toggle"}:
        selector = "input[type=checkbox]" if want.kind == "checkbox" else ".widget-toggle-button"
        controls = widget.locator(selector)
        last = controls.last
        for i in range(controls.count()):
            control = controls.nth(i)
            on = (
                control.is_checked()
                if want.kind == "checkbox"
                else "mod-active" in (control.get_attribute("class") or "")
            )
            if on != (i in want.picked):
                _focus(control)
                page.keyboard.press("Space")
                last = control
        return last
    selects = widget.locator("select")
    for i, index in enumerate(want.options):
        _set_select(page, selects.nth(i), index)
    return selects.nth(len(want.options) - 1)


def state(widget: Locator, kind: str) -> Plan:
    """What the exercise's inputs show now, in the same terms as a :class:`Plan`."""
    if kind == "radio":
        checked = widget.locator("input[type=radio]").evaluate_all(
            "els => els.findIndex(e => e.checked)"
        )
        return Plan("radio", choice=checked)
    if kind == "checkbox":
        on = widget.locator("input[type=checkbox]").evaluate_all(
            "els => els.map((e, i) => e.checked ? i : -1).filter(i => i >= 0)"
        )
        return Plan("checkbox", picked=frozenset(on))
    if kind == "toggle":
        on = widget.locator(".widget-toggle-button").evaluate_all(
            "els => els.map((e, i) => e.classList.contains('mod-active') ? i : -1)"
            ".filter(i => i >= 0)"
        )
        return Plan("toggle", picked=frozenset(on))
    return Plan(
        "select",
        options=tuple(
            widget.locator("select").evaluate_all("els => els.map(e => e.selectedIndex)")
        ),
    )


def enter_answer(page: Page, widget: Locator, button: Locator, want: Plan) -> str:
    """Set ``want`` by keyboard, Tab to "Check", press Enter; return the feedback text.

    Raises AssertionError when a control cannot be focused or changed by keys,
    when Tab from the last input does not reach "Check", or when no new
    feedback appears.
    """
    widget.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
    _set_inputs(page, widget, want)
    got = state(widget, want.kind)
    if got != want:
        raise AssertionError(f"after the keys the exercise shows {got}, not {want}")
    # From the widget's last input, Tab must reach "Check" (a radio group is one stop).
    _focus(widget.locator("input, select, .widget-toggle-button").last)
    for _ in range(4):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Tab from the last input does not reach the Check button")
    before = widget.text_content() or ""
    page.keyboard.press("Enter")
    deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
    while True:
        after = widget.text_content() or ""
        if after != before and after.strip():
            return after
        if time.monotonic() > deadline:
            raise AssertionError(
                f"Enter on Check showed no new feedback; the exercise shows:\n{after}"
            )
        time.sleep(0.1)
