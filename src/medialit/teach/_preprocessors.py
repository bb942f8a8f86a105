"""The nbconvert preprocessors that turn a teacher notebook into a learner copy.

Kept apart from :mod:`medialit.teach.release` because nbconvert takes about a second and a
half to import: ``medialit handout`` and the lessons never pay for it.
"""

from __future__ import annotations

import re
from typing import Any

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor, Preprocessor, TagRemovePreprocessor

from ..errors import ReleaseError
from ._edition import (
    CODE_STUB,
    EDITION,
    SETTINGS_CELL_ID,
    SETTINGS_SOURCE,
    TEACHER_ONLY_TAG,
    TEXT_STUB,
)

BEGIN_SOLUTION, END_SOLUTION = "BEGIN SOLUTION", "END SOLUTION"
BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
"""nbgrader's delimiters: a line that contains one of them starts or ends a region."""
_INDENT = re.compile(r"^\s*")


def remove_region(
    lines: list[str], begin: str, end: str, stub: str | None, where: str
) -> tuple[list[str], bool]:
    """Drop every ``begin`` ... ``end`` region (both lines included); say if one was found.

    ``stub`` takes the region's place, indented like the BEGIN line; with ``None`` an
    indented region leaves ``pass`` so that a function body stays valid Python.
    ``where`` names the notebook and cell in the error for a broken region.
    """
    out: list[str] = []
    inside = found = False
    for line in lines:
        if begin in line:
            if inside:
                raise ReleaseError(f"{where}: {begin!r} appears twice before {end!r}.")
            inside = found = True
            indent = _INDENT.match(line).group(0)  # type: ignore[union-attr]
            if stub is not None or indent:
                out.append(f"{indent}{stub if stub is not None else 'pass  ' + CODE_STUB}\n")
        elif end in line:
            if not inside:
                raise ReleaseError(f"{where}: {end!r} comes without a {begin!r} before it.")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ReleaseError(f"{where}: {begin!r} has no {end!r} after it.")
    return out, found


class ClearSolutions(Preprocessor):
    """nbgrader's ClearSolutions and ClearHiddenTests rules, without nbgrader.

    The nbgrader metadata goes too: without it JupyterLab's nbgrader tools show nothing.
    """

    def preprocess_cell(self, cell: Any, resources: dict, index: int) -> tuple[Any, dict]:
        if cell.cell_type not in ("code", "markdown"):
            return cell, resources
        where = f"{resources.get('name', 'the notebook')}, cell {index + 1}"
        stub = TEXT_STUB if cell.cell_type == "markdown" else None
        lines = cell.source.splitlines(keepends=True)
        lines, found = remove_region(lines, BEGIN_SOLUTION, END_SOLUTION, stub, where)
        lines, _ = remove_region(lines, BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS, None, where)
        if cell.metadata.pop("nbgrader", {}).get("solution") and not found:
            lines = [stub or CODE_STUB]  # nbgrader replaces a cell without markers whole
        cell.source = "".join(lines).rstrip("\n")
        return cell, resources


class LearnerEdition(Preprocessor):
    """Switch "Show answer" off in a first code cell, drop saved widget state, mark it."""

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        cell = nbformat.v4.new_code_cell(SETTINGS_SOURCE, id=SETTINGS_CELL_ID)
        cell.metadata["tags"] = [SETTINGS_CELL_ID]
        if nb.get("nbformat_minor", 0) < 5:  # cell ids came with nbformat 4.5
            del cell["id"]
        first = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
        nb.cells.insert(first, cell)
        nb.metadata.pop("widgets", None)  # saved widget state can hold checked answers
        nb.metadata["medialit"] = dict(EDITION)
        return nb, resources


def learner_steps() -> tuple[Preprocessor, ...]:
    """The preprocessors in the order they run (each one's ``preprocess(nb, resources)``)."""
    return (
        TagRemovePreprocessor(remove_cell_tags={TEACHER_ONLY_TAG}),
        ClearSolutions(),
        ClearOutputPreprocessor(remove_metadata_fields={"collapsed", "scrolled", "execution"}),
        LearnerEdition(),
    )
