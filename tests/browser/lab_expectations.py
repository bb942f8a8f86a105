"""What each lesson should show, read from the notebook stored in the repository.

``tools/build_notebooks.py`` executes every lesson before it is committed, so
the stored outputs record what each cell displays: the highlighted article
(``ml-hl-root`` with its ``ml-legend``), the page view (``ml-page``), widgets
and exercise buttons. The browser run starts from a copy *without* outputs and
must show the same things again, so a new lesson is checked without anyone
writing down its expectations by hand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
"""The lessons as stored in the repository: built, run, outputs kept (the teacher's copies)."""

LEARNER_EDITION = True
"""Run, answer and restart the learner's copies of the lessons (True: what ``make lab``
gives a learner, made by ``medialit release``) or the teacher's ``notebooks/`` (False)."""

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

CHECK_LABEL = re.compile(r"^\s*check\b", re.IGNORECASE)
"""An exercise's answer button: its label starts with "Check" ("Check", "Check my answer")."""

_EXERCISE_TEXT = re.compile(
    r"""^Exercise [\w.-]+ \(|description=(['"])\s*check\b""", re.IGNORECASE | re.MULTILINE
)
"""An exercise in a stored widget output's plain-text form: medialit's ``Exercise 02-x (pick
one)`` or a bare ipywidgets ``Button(description='Check', ...)``."""

HTML_CLASSES: tuple[str, ...] = ("ml-hl-root", "ml-legend", "ml-page")
"""Classes of medialit's views: when a stored output has one, the browser must show it too."""


@dataclass(frozen=True)
class CellExpectation:
    """What one cell of a lesson displays when it has run (``index`` counts every cell)."""

    index: int
    html_classes: frozenset[str]
    widgets: bool
    check_button: bool
    cell_id: str | None = None


def _output_texts(output: dict) -> tuple[str, str]:
    """``(html, plain)`` of one stored output; missing parts are empty strings."""
    data = output.get("data", {})

    def join(value: object) -> str:
        return "".join(value) if isinstance(value, list) else str(value or "")

    return join(data.get("text/html")), join(data.get("text/plain"))


def _has_class(html: str, name: str) -> bool:
    """True when an element in ``html`` has the class ``name`` (not just a longer one like it)."""
    token = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    return re.search(rf"""class=(["'])[^"']*{token}""", html) is not None


def lesson_notebooks() -> list[str]:
    """File names of the lessons, ``NN_name.ipynb``, in order (new lessons join by their name)."""
    return sorted(path.name for path in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def cell_expectations(notebook: Path) -> list[CellExpectation]:
    """One :class:`CellExpectation` per code cell that shows a medialit view or a widget."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found: list[CellExpectation] = []
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        classes: set[str] = set()
        widgets = check = False
        for output in cell.get("outputs", []):
            html, plain = _output_texts(output)
            classes.update(name for name in HTML_CLASSES if _has_class(html, name))
            if WIDGET_MIME in output.get("data", {}):
                widgets = True
                check = check or _EXERCISE_TEXT.search(plain) is not None
        if classes or widgets:
            found.append(
                CellExpectation(index, frozenset(classes), widgets, check, cell.get("id"))
            )
    return found


def in_copy(expected: list[CellExpectation], copy: Path) -> list[CellExpectation]:
    """The expectations moved to where each cell sits in ``copy`` (found by its cell id).

    A learner's copy drops teacher-only cells and adds a settings cell, so the
    stored notebook's cell numbers do not fit it; a cell the copy lacks is left out.
    """
    ids = [c.get("id") for c in json.loads(copy.read_text(encoding="utf-8")).get("cells", [])]
    moved = []
    for want in expected:
        if want.cell_id is None:
            raise AssertionError(f"{copy.name}: the stored lesson's cell {want.index} has no id")
        if want.cell_id in ids:
            moved.append(replace(want, index=ids.index(want.cell_id)))
    return moved


def count_cells(notebook: Path) -> int:
    """How many cells (code and markdown) the notebook has."""
    return len(json.loads(notebook.read_text(encoding="utf-8")).get("cells", []))
