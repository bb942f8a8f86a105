"""Drive a notebook in JupyterLab 4 the way a learner does: menus, buttons and clicks.

Selectors are JupyterLab 4's CSS classes and ARIA roles (``menuitem`` "Run",
"Run All Cells"); the app object is not reachable from the page, so nothing
here calls JupyterLab's JavaScript API. Every wait has a timeout and a failure
message that says what did not happen.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lab_expectations import CHECK_LABEL

if TYPE_CHECKING:  # playwright is imported only when a browser is there (see conftest.py)
    from lab_server import LabServer
    from playwright.sync_api import Locator, Page

CELLS = ".jp-Notebook .jp-Cell"
PROMPT = ".jp-InputPrompt"
OUTPUT = ".jp-OutputArea-output"
STDERR = "application/vnd.jupyter.stderr"

OPEN_TIMEOUT_MS = 60_000
"""Loading JupyterLab and the notebook (first load compiles nothing, but fetches ~10 MB)."""

RUN_TIMEOUT_S = 240.0
"""Running every cell of one lesson, kernel start included."""

STALL_S = 10.0
"""Seconds with nothing queued, running or run after Run All before it is clicked again."""

ACTION_TIMEOUT_MS = 15_000
"""One click, its reply from the kernel, or a widget appearing."""

_PROBLEM = re.compile(r"Traceback|\w+Error\b|\w+Exception\b|\w*Warning\b")
"""What makes a stderr block in a cell a problem: a traceback, an error or a warning."""


@dataclass(frozen=True)
class CellProblem:
    """Something wrong with one cell after Run All: an error, a warning, or it never ran."""

    index: int
    what: str

    def __str__(self) -> str:
        return f"cell {self.index}: {self.what}"


def open_notebook(page: Page, server: LabServer, name: str) -> None:
    """Open ``name`` in JupyterLab, in a fresh workspace, and wait for its cells."""
    workspace = re.sub(r"[^A-Za-z0-9-]", "-", Path(name).stem)
    page.goto(server.lab_url(name, workspace=workspace), timeout=OPEN_TIMEOUT_MS)
    try:
        page.locator(CELLS).first.wait_for(state="attached", timeout=OPEN_TIMEOUT_MS)
    except Exception as exc:
        raise AssertionError(
            f"JupyterLab did not show the cells of {name} within {OPEN_TIMEOUT_MS // 1000} s "
            f"(page title {page.title()!r}).\nServer log:\n{server.log_tail()}"
        ) from exc
    dismiss_dialogs(page)


def wait_for_cells(page: Page, count: int, *, timeout: float = OPEN_TIMEOUT_MS / 1000) -> None:
    """Wait until JupyterLab has put all ``count`` cells on the page (it adds them in batches)."""
    deadline = time.monotonic() + timeout
    while (shown := page.locator(CELLS).count()) != count:
        if time.monotonic() > deadline:
            raise AssertionError(f"JupyterLab shows {shown} cells, the notebook has {count}")
        page.wait_for_timeout(100)


def dismiss_dialogs(page: Page) -> list[str]:
    """Accept every open JupyterLab dialog (e.g. "Select Kernel") and close toasts.

    Returns the dialogs' texts, so a test can show what it clicked away.
    """
    texts: list[str] = []
    dialogs = page.locator(".jp-Dialog")
    for _ in range(5):  # one dialog may open the next; never loop for ever
        if not dialogs.count():
            break
        dialog = dialogs.first
        texts.append(dialog.inner_text())
        dialog.locator(".jp-Dialog-button.jp-mod-accept").first.click(timeout=ACTION_TIMEOUT_MS)
        dialog.wait_for(state="detached", timeout=ACTION_TIMEOUT_MS)
    # Only the "x" of a toast: its other buttons answer questions (such as "Yes, fetch news").
    for close in page.locator(".jp-Notification-Toast-Close, .Toastify__close-button").all():
        if close.is_visible():
            close.click()
    return texts


def wait_for_kernel_idle(page: Page, *, timeout_ms: int = OPEN_TIMEOUT_MS) -> None:
    """Wait until the notebook's kernel indicator says "idle", accepting dialogs on the way.

    Run All clicked while the kernel is still connecting does nothing at all
    (JupyterLab 4 does not queue it), so every run waits for this first. Under
    load JupyterLab sometimes asks "Select Kernel" although the notebook names
    one; the dialog's default (the notebook's kernel) is accepted, as a learner would.
    """
    idle = page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')
    deadline = time.monotonic() + timeout_ms / 1000
    while not idle.count():
        for text in dismiss_dialogs(page):
            print("dismissed a dialog:", " ".join(text.split()))
        if time.monotonic() > deadline:
            states = page.eval_on_selector_all(
                ".jp-Notebook-ExecutionIndicator", "els => els.map(e => e.dataset.status)"
            )
            raise AssertionError(
                f"The kernel did not become idle within {timeout_ms // 1000} s (status: {states})"
            )
        page.wait_for_timeout(100)


def click_menu(page: Page, *labels: str, timeout_ms: int = ACTION_TIMEOUT_MS) -> None:
    """Click through the menu bar (``click_menu(page, "Run", "Run All Cells")``).

    A dialog that opens meanwhile (JupyterLab asks "Select Kernel" late, under
    load) would swallow the clicks: it is accepted and the menu clicked again.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        for text in dismiss_dialogs(page):
            print("dismissed a dialog:", " ".join(text.split()))
        try:
            for label in labels:
                page.get_by_role("menuitem", name=label, exact=True).click(timeout=2_000)
            return
        except Exception:  # playwright's TimeoutError; playwright is not imported here
            if time.monotonic() > deadline:
                raise
            page.keyboard.press("Escape")  # close a half-open menu before trying again


def run_all_cells(page: Page) -> None:
    """Run → Run All Cells, through the menu bar like a learner, once the kernel is ready.

    Returns when the first code cell has started (its prompt is no longer ``[ ]:``).
    """
    for _attempt in range(3):
        wait_for_kernel_idle(page)
        click_menu(page, "Run", "Run All Cells")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            shown = prompts(page)
            if shown and shown[0] != "[ ]:":
                return
            page.wait_for_timeout(100)
    raise AssertionError(f"Run → Run All Cells started no cell (prompts: {prompts(page)})")


def prompts(page: Page) -> list[str]:
    """The code cells' prompts: ``[3]:`` ran, ``[*]:`` runs or waits, ``[ ]:`` not run."""
    return page.eval_on_selector_all(
        f".jp-Notebook .jp-CodeCell {PROMPT}", "els => els.map(e => e.textContent.trim())"
    )


def wait_until_done(page: Page, server: LabServer, *, timeout: float = RUN_TIMEOUT_S) -> None:
    """Wait until no cell is queued or running and the kernel is idle.

    Done means: the first code cell has an execution count, no prompt shows
    ``[*]`` and the server reports every kernel ``idle``. A cell that fails
    stops Run All, so later cells may stay ``[ ]``; :func:`cell_problems` says so.

    When JupyterLab drops the queued cells (it does so when it asks "Select
    Kernel" late and the answer re-attaches the kernel) nothing is running and
    nothing ran; after :data:`STALL_S` seconds of that, Run All is clicked
    again, at most twice, as a learner would.
    """
    deadline = time.monotonic() + timeout
    stalled_since: float | None = None
    reruns = 0
    while True:
        for text in dismiss_dialogs(page):
            print("dismissed a dialog:", " ".join(text.split()))
        shown = prompts(page)
        kernels = server.api("/api/kernels")
        busy = [k.get("execution_state") for k in kernels if k.get("execution_state") != "idle"]
        started = bool(shown) and re.search(r"\d", shown[0]) is not None
        queued = any("*" in p for p in shown)
        if started and not queued and kernels and not busy:
            return
        if started or queued or busy:
            stalled_since = None
        elif stalled_since is None:
            stalled_since = time.monotonic()
        elif time.monotonic() - stalled_since > STALL_S and reruns < 2:
            reruns += 1
            print(f"nothing ran after Run All (prompts {shown}); clicking Run All again")
            run_all_cells(page)
            stalled_since = None
        if time.monotonic() > deadline:
            raise AssertionError(
                f"The notebook did not finish within {timeout:.0f} s. Prompts: {shown}; "
                f"kernels: {[k.get('execution_state') for k in kernels]}.\n"
                f"Server log:\n{server.log_tail()}"
            )
        page.wait_for_timeout(250)


def cell_problems(page: Page) -> list[CellProblem]:
    """Errors, warnings and cells that never ran, as a learner sees them on the page."""
    found: list[CellProblem] = []
    cells = page.locator(CELLS)
    for index in range(cells.count()):
        cell = cells.nth(index)
        if "jp-CodeCell" not in (cell.get_attribute("class") or ""):
            continue
        prompt = cell.locator(PROMPT).first.text_content() or ""
        if not re.search(r"\d", prompt):
            found.append(CellProblem(index, f"did not run (prompt {prompt.strip()!r})"))
        for block in cell.locator(f'{OUTPUT}[data-mime-type="{STDERR}"]').all():
            text = block.text_content() or ""
            if _PROBLEM.search(text):
                found.append(CellProblem(index, "shows:\n" + text.strip()[-1500:]))
    return found


def save_notebook(page: Page, path: Path) -> dict:
    """Click the toolbar's save button and return the notebook as written to disk."""
    before = path.stat().st_mtime_ns
    page.get_by_role("button", name=re.compile(r"^Save and create checkpoint")).first.click(
        timeout=ACTION_TIMEOUT_MS
    )
    deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise AssertionError(f"Saving did not write {path.name} within the time limit")
        time.sleep(0.1)
    # JupyterLab writes the file in one request; read it once it parses.
    while True:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def saved_problems(nb: dict) -> list[CellProblem]:
    """Error outputs and unrun code cells in a saved notebook (the kernel's own record)."""
    found: list[CellProblem] = []
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("execution_count") is None:
            found.append(CellProblem(index, "has no execution count in the saved file"))
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(
                    CellProblem(index, f"raised {output.get('ename')}: {output.get('evalue')}")
                )
    return found


def cell(page: Page, index: int) -> Locator:
    """The ``index``-th cell of the notebook (markdown cells count too)."""
    return page.locator(CELLS).nth(index)


def broken_images(page: Page) -> list[str]:
    """Images in outputs that did not load (``naturalWidth`` 0), by their alt text or source."""
    return page.eval_on_selector_all(
        f"{OUTPUT} img",
        "imgs => imgs.filter(i => !(i.complete && i.naturalWidth > 0))"
        ".map(i => i.alt || i.src.slice(0, 80))",
    )


def collapse_left_sidebar(page: Page) -> None:
    """Close the file browser panel, so screenshots show the notebook wide."""
    current = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if current.count():
        current.first.click()


def screenshot_notebook(page: Page, path: Path, *, max_height: int = 24_000) -> None:
    """A screenshot of the whole notebook, not only the part in the window.

    The notebook scrolls inside JupyterLab, so a "full page" screenshot would
    stop at the window's edge: the window is made as tall as the notebook for
    the picture, then put back.
    """
    size = page.viewport_size or {"width": 1280, "height": 900}
    # How far the notebook's last cell reaches below the visible part (JupyterLab
    # adds empty room after the last cell, which is left out of the picture).
    hidden = page.evaluate(
        """() => {
            const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
            const cells = document.querySelectorAll('.jp-NotebookPanel .jp-Cell');
            if (!outer || !cells.length) return 0;
            outer.scrollTop = 0;
            const box = outer.getBoundingClientRect();
            return cells[cells.length - 1].getBoundingClientRect().bottom - box.bottom + 16;
        }"""
    )
    height = min(size["height"] + max(int(hidden), 0), max_height)
    page.set_viewport_size({"width": size["width"], "height": height})
    try:
        page.evaluate(
            "() => { const o = document.querySelector"
            "('.jp-NotebookPanel .jp-WindowedPanel-outer'); if (o) o.scrollTop = 0; }"
        )
        page.wait_for_timeout(500)  # let JupyterLab lay out the taller window
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)


def try_screenshot(page: Page, path: Path) -> None:
    """:func:`screenshot_notebook`, for ``finally:`` blocks: a failure is printed, not raised.

    A screenshot that fails (the page crashed) must not hide the test's own error.
    """
    try:
        screenshot_notebook(page, path)
    except Exception as exc:
        print(f"no screenshot {path.name}: {exc}")


def check_buttons(page: Page) -> Locator:
    """Every exercise answer button ("Check ...") inside widget outputs."""
    return page.locator(f"{OUTPUT} .jupyter-widgets").get_by_role("button", name=CHECK_LABEL)


def choose_an_answer(widget: Locator) -> list[str]:
    """Pick an answer in every kind of input the exercise widget has; returns what was done.

    Any complete answer will do: the test checks that feedback appears and is
    saved, not that the answer is right. Drop-downs get different options
    (the k-th gets option k+1), so an ordering exercise never has two lines
    in the same place, and the first "(choose)" option is never left standing.
    """
    done: list[str] = []
    radios = widget.locator("input[type=radio]")
    if radios.count():
        radios.first.check(timeout=ACTION_TIMEOUT_MS)
        done.append("radio")
    boxes = widget.locator("input[type=checkbox]")
    if boxes.count():
        boxes.first.check(timeout=ACTION_TIMEOUT_MS)
        done.append("checkbox")
    for k, select in enumerate(widget.locator("select").all()):
        values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        if values:
            select.select_option(values[min(k + 1, len(values) - 1)], timeout=ACTION_TIMEOUT_MS)
            done.append("select")
    toggles = widget.locator(".widget-toggle-button")
    if toggles.count():
        toggles.first.click(timeout=ACTION_TIMEOUT_MS)
        done.append("toggle")
    for field in widget.locator("input[type=text], textarea").all():
        if field.is_editable():
            field.fill("reportedly")
            done.append("text")
    return done


@dataclass(frozen=True)
class Answer:
    """What answering one exercise in the browser did."""

    exercise_id: str | None
    inputs: tuple[str, ...]
    feedback: str


_EXERCISE_ID = re.compile(r"\bexercise ([\w.-]+)\)")
"""A medialit exercise names itself after its question: "(pick one, exercise 02-hedges-find)"."""


def exercise_widget(button: Locator) -> Locator:
    """The widget output (the whole exercise) that ``button`` belongs to."""
    return button.locator("xpath=ancestor::*[contains(@class, 'jp-OutputArea-output')][1]")


def exercise_id(button: Locator) -> str | None:
    """The id medialit shows under an exercise's question, or None for other widgets.

    The widget is scrolled into view first: JupyterLab skips rendering cells far
    outside the window, and their text then reads as empty.
    """
    widget = exercise_widget(button)
    widget.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
    found = _EXERCISE_ID.search(widget.text_content() or "")
    return found.group(1) if found else None


def answer_exercise(button: Locator) -> Answer:
    """Answer the exercise that ``button`` belongs to, click it, and return the new feedback.

    Feedback is the text that the click adds to the exercise.
    """
    widget = exercise_widget(button)
    widget.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
    inputs = choose_an_answer(widget)
    before = widget.inner_text()
    found = _EXERCISE_ID.search(before)
    button.click(timeout=ACTION_TIMEOUT_MS)
    deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
    while True:
        after = widget.inner_text()
        if after != before and after.strip():
            return Answer(found.group(1) if found else None, tuple(inputs), _added(before, after))
        if time.monotonic() > deadline:
            raise AssertionError(
                f"Clicking {button.inner_text()!r} showed no feedback within "
                f"{ACTION_TIMEOUT_MS // 1000} s (answered with: {inputs}). "
                f"The exercise shows:\n{after}"
            )
        time.sleep(0.1)


def _added(before: str, after: str) -> str:
    """The lines of ``after`` that ``before`` did not have (the feedback)."""
    old = set(before.splitlines())
    return "\n".join(line for line in after.splitlines() if line not in old).strip() or after
