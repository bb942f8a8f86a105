"""Student versions of the lesson notebooks, for schools that do not use nbgrader.

The notebooks in ``notebooks/`` are the *teacher* versions: written and coded
answers sit in cells with nbgrader metadata, the model answer between
``### BEGIN SOLUTION`` and ``### END SOLUTION``. :func:`release_notebooks` writes
a student copy of every notebook::

    medialit release                      # notebooks/*.ipynb -> release/*.ipynb
    medialit release --out class-9b

What a student copy differs in, and why:

* **Model answers removed.** In a code cell the lines from ``### BEGIN SOLUTION``
  to ``### END SOLUTION`` go; the stub line before them
  (``my_answer = None  # YOUR ANSWER HERE``) stays, so the cell still runs. An
  indented solution (inside a function) becomes ``pass  # YOUR CODE HERE``, so
  the code stays valid. In a markdown cell the model answer becomes
  "YOUR ANSWER HERE" under the question. A solution cell without the markers is
  replaced whole, as nbgrader does: it is safer to lose a prompt than to leak an
  answer. Hidden tests (``### BEGIN HIDDEN TESTS``) go too.
* **Outputs cleared.** Stored outputs show checked answers, feedback and widget
  state; a student runs the cells and sees their own. Execution counts, timing
  metadata and the notebook's saved widget state are cleared for the same reason.
* **"Show answer" off.** A first code cell runs
  ``medialit.learn.exercises.configure(show_answers=False)``, so exercises offer hints
  but never the full answer.
* **Teacher-only cells dropped** (cells tagged ``teacher-only``).
* **Marked** with notebook metadata ``"medialit": {"edition": "student"}``.

The notebooks are read and written as plain JSON (nbformat 4), so releasing
needs nothing beyond the standard library. Each file is written atomically; a
notebook with a broken solution region (a BEGIN without an END) stops the
release with an error naming the notebook and cell, before anything is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._util.io import atomic_write_text
from ..errors import ReleaseError

BEGIN_SOLUTION = "BEGIN SOLUTION"
END_SOLUTION = "END SOLUTION"
BEGIN_HIDDEN_TESTS = "BEGIN HIDDEN TESTS"
END_HIDDEN_TESTS = "END HIDDEN TESTS"
"""nbgrader's delimiters: a line that contains one of them starts or ends a region."""

TEXT_STUB = "YOUR ANSWER HERE"
"""What replaces a model answer in a markdown cell (nbgrader's default text stub)."""
CODE_STUB = "# YOUR CODE HERE"
"""What replaces a code solution cell that has no markers."""
TEACHER_ONLY_TAG = "teacher-only"
EDITION = {"edition": "student"}
SETTINGS_CELL_ID = "medialit-student-edition"
SETTINGS_SOURCE = (
    "# Student copy: the exercises give hints, and your teacher has the answers.\n"
    "import medialit.learn.exercises\n"
    "\n"
    "medialit.learn.exercises.configure(show_answers=False)"
)
"""The first code cell of a student notebook: it switches "Show answer" off."""

DEFAULT_SOURCE = Path("notebooks")
DEFAULT_OUT = Path("release")

_INDENT = re.compile(r"^\s*")


# --------------------------------------------------------------------------- one cell


def _source_text(cell: Mapping[str, Any]) -> str:
    """A cell's source as one string (nbformat stores it as a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _split_source(text: str) -> list[str]:
    """Source as nbformat writes it: a list of lines, each but the last ending in a newline."""
    return text.splitlines(keepends=True)


def _nbgrader(cell: Mapping[str, Any]) -> Mapping[str, Any]:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, Mapping) else {}


def is_solution_cell(cell: Mapping[str, Any]) -> bool:
    """True for a cell nbgrader treats as holding a model answer."""
    return bool(_nbgrader(cell).get("solution"))


def _remove_region(
    lines: list[str], begin: str, end: str, *, stub: str | None, where: str
) -> tuple[list[str], bool]:
    """Drop every region from a ``begin`` line to an ``end`` line (both included).

    ``stub`` (if given) takes the region's place, indented like the BEGIN line;
    ``None`` puts nothing there except, in an indented region, ``pass`` so a
    function body stays valid Python. Returns the new lines and whether a region
    was found.
    """
    out: list[str] = []
    inside = found = False
    for line in lines:
        if begin in line:
            if inside:
                raise ReleaseError(f"{where}: {begin!r} appears twice before {end!r}.")
            inside = found = True
            indent = _INDENT.match(line).group(0)  # type: ignore[union-attr]
            if stub is not None:
                out.append(f"{indent}{stub}\n")
            elif indent:
                out.append(f"{indent}pass  {CODE_STUB}\n")
            continue
        if end in line:
            if not inside:
                raise ReleaseError(f"{where}: {end!r} comes without a {begin!r} before it.")
            inside = False
            continue
        if not inside:
            out.append(line)
    if inside:
        raise ReleaseError(f"{where}: {begin!r} has no {end!r} after it.")
    return out, found


def student_cell(cell: Mapping[str, Any], *, where: str = "a cell") -> dict[str, Any] | None:
    """The student version of one cell, or None when the cell is for teachers only.

    ``where`` names the cell in error messages (notebook and cell number).
    """
    tags = cell.get("metadata", {}).get("tags", [])
    if TEACHER_ONLY_TAG in tags:
        return None
    new = json.loads(json.dumps(cell))  # a deep copy that stays plain JSON
    kind = new.get("cell_type")
    if kind in ("code", "markdown"):
        lines = _split_source(_source_text(new))
        stub = TEXT_STUB if kind == "markdown" else None
        lines, found = _remove_region(lines, BEGIN_SOLUTION, END_SOLUTION, stub=stub, where=where)
        lines, _ = _remove_region(
            lines, BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS, stub=None, where=where
        )
        if is_solution_cell(new) and not found:
            # nbgrader replaces a solution cell without markers whole; so do we.
            lines = [TEXT_STUB if kind == "markdown" else CODE_STUB]
        text = "".join(lines).rstrip("\n")
        new["source"] = _split_source(text)
    if kind == "code":
        new["outputs"] = []
        new["execution_count"] = None
        new.get("metadata", {}).pop("execution", None)
    return new


# --------------------------------------------------------------------------- one notebook


def _settings_cell() -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": SETTINGS_CELL_ID,
        "metadata": {"tags": ["medialit-student-edition"]},
        "outputs": [],
        "source": _split_source(SETTINGS_SOURCE),
    }


def student_notebook(notebook: Mapping[str, Any], *, name: str = "the notebook") -> dict[str, Any]:
    """The student version of a notebook (plain nbformat-4 JSON data in, the same out).

    ``name`` is used in error messages.
    """
    if not isinstance(notebook, Mapping) or not isinstance(notebook.get("cells"), list):
        raise ReleaseError(f"{name} is not a Jupyter notebook: it has no list of cells.")
    if notebook.get("nbformat") != 4:
        raise ReleaseError(
            f"{name} is a version {notebook.get('nbformat')!r} notebook; medialit reads "
            "version 4 (open and save it in JupyterLab to upgrade it)."
        )
    cells: list[dict[str, Any]] = []
    for number, cell in enumerate(notebook["cells"], 1):
        new = student_cell(cell, where=f"{name}, cell {number}")
        if new is not None:
            cells.append(new)
    first_code = next((i for i, c in enumerate(cells) if c.get("cell_type") == "code"), len(cells))
    cells.insert(first_code, _settings_cell())
    if notebook.get("nbformat_minor", 0) < 5:
        # Cell ids arrived in nbformat 4.5; an older notebook must not get one.
        cells[first_code].pop("id")
    metadata = json.loads(json.dumps(notebook.get("metadata", {})))
    metadata.pop("widgets", None)  # saved widget state can hold checked answers
    metadata["medialit"] = dict(EDITION)
    return {**json.loads(json.dumps(dict(notebook))), "cells": cells, "metadata": metadata}


def is_student_edition(notebook: Mapping[str, Any]) -> bool:
    """True for a notebook written by :func:`student_notebook`."""
    return notebook.get("metadata", {}).get("medialit", {}).get("edition") == "student"


def _read_notebook(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReleaseError(f"{str(path)!r} cannot be read: {exc.strerror or exc}.") from exc
    except ValueError as exc:
        raise ReleaseError(f"{str(path)!r} is not a notebook (not valid JSON: {exc}).") from exc
    if not isinstance(data, dict):
        raise ReleaseError(f"{str(path)!r} is not a notebook (not a JSON object).")
    return data


def dumps_notebook(notebook: Mapping[str, Any]) -> str:
    """Notebook JSON laid out as Jupyter writes it (so a diff against a saved copy is small)."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- nbgrader's rules

# nbgrader's cell metadata schema, version 3 (nbgrader/nbgraderformat/v3.json and
# v3.py, nbgrader 0.9): the keys it allows, the ones it requires, and their types.
# This is the file format nbgrader reads, so it lives next to the check.
NBGRADER_SCHEMA_VERSION = 3
_NBGRADER_REQUIRED = ("schema_version", "grade", "locked", "solution")
_NBGRADER_TYPES: dict[str, tuple[type, ...]] = {
    "schema_version": (int,),
    "grade": (bool,),
    "locked": (bool,),
    "solution": (bool,),
    "task": (bool,),
    "grade_id": (str,),
    "points": (int, float),
    "checksum": (str,),
    "cell_type": (str,),
}
_GRADE_ID = re.compile(r"[A-Za-z0-9_\-]+")


def _type_problem(key: str, value: Any) -> str | None:
    types = _NBGRADER_TYPES[key]
    # JSON true/false are bools, and bool is an int in Python: keep them apart.
    if isinstance(value, bool) and bool not in types:
        return f"'{key}' is {value!r}, not a {types[0].__name__}"
    if not isinstance(value, types):
        return f"'{key}' is {value!r}, not a {' or '.join(t.__name__ for t in types)}"
    return None


def nbgrader_cell_problems(cell: Mapping[str, Any]) -> list[str]:
    """Why nbgrader (schema version 3) would refuse this cell's metadata; [] when fine.

    Also checks medialit's own rule for solution cells: the model answer sits
    between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, and a code cell keeps
    a stub line before it that still runs, so the student version runs too.
    """
    source = _source_text(cell)
    has_markers = BEGIN_SOLUTION in source or END_SOLUTION in source
    if "nbgrader" not in cell.get("metadata", {}):
        return ["it has solution markers but no nbgrader metadata"] if has_markers else []
    meta = cell["metadata"]["nbgrader"]
    if not isinstance(meta, Mapping):
        return ["its nbgrader metadata is not an object"]
    problems = [f"the nbgrader key {k!r} is missing" for k in _NBGRADER_REQUIRED if k not in meta]
    problems += [f"{k!r} is not an nbgrader key" for k in meta if k not in _NBGRADER_TYPES]
    problems += [p for k, v in meta.items() if k in _NBGRADER_TYPES and (p := _type_problem(k, v))]
    if problems:
        return problems
    if meta["schema_version"] != NBGRADER_SCHEMA_VERSION:
        problems.append(f"schema_version is {meta['schema_version']}, not 3")
    grade, solution, locked = meta["grade"], meta["solution"], meta["locked"]
    task, kind = meta.get("task", False), cell.get("cell_type")
    if (grade or solution or locked or task) and not _GRADE_ID.fullmatch(meta.get("grade_id", "")):
        problems.append(
            f"grade_id {meta.get('grade_id')!r} must be letters, digits, '-' or '_' (not empty)"
        )
    if grade and "points" not in meta:
        problems.append("a graded cell needs 'points'")
    if "points" in meta and meta["points"] < 0:
        problems.append("'points' must not be negative")
    if task and kind != "markdown":
        problems.append("a task cell must be markdown")
    if kind == "markdown" and not task and grade != solution:
        problems.append("a markdown answer cell must be both 'grade' and 'solution'")
    if solution:
        problems += _solution_problems(source, kind)
    elif has_markers:
        problems.append("it has solution markers but is not a solution cell")
    return problems


def _solution_problems(source: str, kind: object) -> list[str]:
    lines = source.splitlines()
    begins = [i for i, line in enumerate(lines) if BEGIN_SOLUTION in line]
    ends = [i for i, line in enumerate(lines) if END_SOLUTION in line]
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        return ["a solution cell needs one '### BEGIN SOLUTION' line and, after it, one "
                "'### END SOLUTION' line"]
    before = [line for line in lines[: begins[0]] if line.strip()]
    if not before:
        what = "a stub line that still runs" if kind == "code" else "the question"
        return [f"a solution cell needs {what} before '### BEGIN SOLUTION'"]
    if ends[0] - begins[0] < 2:
        return ["the model answer between the solution markers is empty"]
    return []


def nbgrader_problems(notebook: Mapping[str, Any], *, name: str = "the notebook") -> list[str]:
    """Every reason nbgrader would refuse this notebook, one message per problem.

    Cells are checked with :func:`nbgrader_cell_problems`; grade ids must also be
    unique in the notebook (nbgrader stores grades by notebook and grade id).
    """
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, cell in enumerate(notebook.get("cells", []), 1):
        where = f"{name}, cell {number}"
        problems += [f"{where}: {p}." for p in nbgrader_cell_problems(cell)]
        meta = cell.get("metadata", {}).get("nbgrader")
        if isinstance(meta, Mapping) and isinstance(meta.get("grade_id"), str):
            flagged = any(meta.get(k) for k in ("grade", "solution", "locked", "task"))
            if flagged and meta["grade_id"] in seen:
                problems.append(
                    f"{where}: grade_id {meta['grade_id']!r} is also used by cell "
                    f"{seen[meta['grade_id']]}."
                )
            seen.setdefault(meta["grade_id"], number)
    return problems


# --------------------------------------------------------------------------- many notebooks


@dataclass(frozen=True)
class _Planned:
    target: Path
    text: str


def _notebooks_in(src_dir: Path) -> list[Path]:
    if not src_dir.is_dir():
        what = "is a file, not a folder" if src_dir.exists() else "does not exist"
        raise ReleaseError(
            f"The lesson folder {str(src_dir)!r} {what}. Run this in the medialit folder "
            "(the one with notebooks/ in it), or pass --from FOLDER."
        )
    found = sorted(p for p in src_dir.glob("*.ipynb") if p.is_file())
    if not found:
        raise ReleaseError(f"There are no notebooks (.ipynb files) in {str(src_dir)!r}.")
    return found


def release_notebooks(
    src_dir: str | Path = DEFAULT_SOURCE, out_dir: str | Path = DEFAULT_OUT
) -> list[Path]:
    """Write the student version of every ``src_dir/*.ipynb`` to ``out_dir``; return the paths.

    Every notebook is converted before anything is written, so a broken one stops
    the release with no half-made set. Each file is written atomically. ``out_dir``
    may not be ``src_dir`` (that would overwrite the teacher versions).
    """
    src, out = Path(src_dir).expanduser(), Path(out_dir).expanduser()
    notebooks = _notebooks_in(src)
    if out.resolve() == src.resolve():
        raise ReleaseError(
            f"The student versions would overwrite the teacher versions in {str(src)!r}. "
            "Choose another folder with --out."
        )
    if out.exists() and not out.is_dir():
        raise ReleaseError(f"{str(out)!r} is a file; give a folder for the student versions.")
    planned: list[_Planned] = []
    for path in notebooks:
        teacher = _read_notebook(path)
        if is_student_edition(teacher):
            raise ReleaseError(
                f"{str(path)!r} is already a student version; release from the teacher "
                "notebooks (the notebooks/ folder)."
            )
        student = student_notebook(teacher, name=path.name)
        planned.append(_Planned(out / path.name, dumps_notebook(student)))
    for item in planned:
        atomic_write_text(item.target, item.text, make_folder=True)
    return [item.target for item in planned]


# --------------------------------------------------------------------------- command line

DESCRIPTION = """\
Write the student version of every lesson notebook: model answers removed,
outputs cleared, "Show answer" switched off, teacher-only cells left out.
Hand out the folder it writes; keep notebooks/ (the teacher versions) for
yourself. Schools that use nbgrader can run 'nbgrader generate_assignment'
on notebooks/ instead (see docs/teacher_guide.md).
"""

EXAMPLES = """\
examples:
  medialit release
  medialit release --out class-9b
  medialit release --from my-notebooks --out my-notebooks-student
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``medialit release``."""
    parser.add_argument(
        "--from",
        dest="src",
        metavar="FOLDER",
        default=str(DEFAULT_SOURCE),
        help="the folder with the teacher notebooks (default: notebooks)",
    )
    parser.add_argument(
        "-o",
        "--out",
        metavar="FOLDER",
        default=str(DEFAULT_OUT),
        help="where to write the student versions (default: release); "
        "notebooks already there with the same names are replaced",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``medialit release``; bad input raises :class:`ReleaseError` (the CLI prints it)."""
    try:
        written = release_notebooks(args.src, args.out)
    except OSError as exc:
        raise ReleaseError(
            f"cannot write to {args.out!r}: {exc.strerror or exc}. Check that you may "
            "write there."
        ) from exc
    print(f"Wrote {len(written)} student notebook(s) to {args.out}:")
    for path in written:
        print(f"  {path.name}")
    return 0


def main(argv: Iterable[str] | None = None) -> int:
    """``python -m medialit.teach.release [--from DIR] [--out DIR]``, for use without the CLI."""
    parser = argparse.ArgumentParser(prog="medialit release", description=DESCRIPTION)
    add_arguments(parser)
    args = parser.parse_args(None if argv is None else list(argv))
    try:
        return run(args)
    except ReleaseError as exc:
        print(f"medialit release: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


__all__ = [
    "ReleaseError",
    "dumps_notebook",
    "is_solution_cell",
    "is_student_edition",
    "nbgrader_cell_problems",
    "nbgrader_problems",
    "release_notebooks",
    "student_cell",
    "student_notebook",
]
