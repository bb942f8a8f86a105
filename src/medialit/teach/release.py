"""Learner copies of the lesson notebooks, made with nbconvert's preprocessors.

The notebooks in ``notebooks/`` are the *teacher* versions: written and coded answers
sit in nbgrader solution cells, the model answer between ``### BEGIN SOLUTION`` and
``### END SOLUTION``. :func:`release_notebooks` writes a learner copy of each::

    medialit release                                 # notebooks/ -> release/
    medialit release --out my-lessons --keep-edited  # what `make lab` and Binder run

A learner copy differs in this, each step one preprocessor:

* **teacher-only cells dropped** (tag ``teacher-only``; nbconvert's ``TagRemovePreprocessor``);
* **model answers removed** by nbgrader's rules (:class:`ClearSolutions`): a code region
  goes and the stub line before it (``x = None  # YOUR ANSWER HERE``) stays, so the cell
  still runs; an indented region becomes ``pass  # YOUR CODE HERE``; a markdown answer
  becomes :data:`TEXT_STUB`; a solution cell without markers is replaced whole; hidden
  tests go too. The nbgrader metadata goes as well, so JupyterLab shows no nbgrader tools;
* **outputs cleared** (nbconvert's ``ClearOutputPreprocessor``): stored outputs and saved
  widget state show checked answers;
* **"Show answer" off and marked** (:class:`LearnerEdition`): a first code cell calls
  ``configure(show_answers=False)``; notebook metadata ``"medialit": {"edition": "student"}``.

Schools that use nbgrader can run ``nbgrader generate_assignment`` on ``notebooks/``
instead; nbgrader itself is a teacher's tool and is never needed for a learner copy.
nbconvert comes with JupyterLab (``pip install "medialit[lab]"``) and is imported only
when copies are made.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .._util.io import atomic_write_text
from ..errors import ReleaseError
from ._edition import (
    CODE_STUB,
    EDITION,
    SETTINGS_CELL_ID,
    SETTINGS_SOURCE,
    TEACHER_ONLY_TAG,
    TEXT_STUB,
)

DEFAULT_SOURCE, DEFAULT_OUT = Path("notebooks"), Path("release")


def student_notebook(notebook: Mapping[str, Any], *, name: str = "the notebook") -> Any:
    """The learner copy of one notebook (nbformat-4 data in, a new ``NotebookNode`` out)."""
    import nbformat

    if not isinstance(notebook, Mapping) or not isinstance(notebook.get("cells"), list):
        raise ReleaseError(f"{name} is not a Jupyter notebook: it has no list of cells.")
    if notebook.get("nbformat") != 4:
        raise ReleaseError(
            f"{name} is a version {notebook.get('nbformat')!r} notebook; medialit reads "
            "version 4 (open and save it in JupyterLab to upgrade it)."
        )
    try:  # imported here: nbconvert takes a second and a half to load
        from . import _preprocessors
    except ImportError as exc:  # pragma: no cover - nbconvert comes with JupyterLab
        raise ReleaseError(
            'Making learner copies needs nbconvert: pip install "medialit[lab]".'
        ) from exc
    # Through JSON: a copy, and the multi-line strings that nbformat's reader joins.
    nb = nbformat.reads(json.dumps(notebook), as_version=nbformat.NO_CONVERT)
    resources: dict[str, Any] = {"name": name}
    for step in _preprocessors.learner_steps():
        nb, resources = step.preprocess(nb, resources)
    return nb


def is_student_edition(notebook: Mapping[str, Any]) -> bool:
    """True for a notebook written by :func:`student_notebook`."""
    return notebook.get("metadata", {}).get("medialit", {}).get("edition") == "student"


def _notebooks_in(src: Path) -> list[Path]:
    if not src.is_dir():
        what = "is a file, not a folder" if src.exists() else "does not exist"
        raise ReleaseError(
            f"The lesson folder {str(src)!r} {what}. Run this in the medialit folder "
            "(the one with notebooks/ in it), or pass --from FOLDER."
        )
    found = sorted(p for p in src.glob("*.ipynb") if p.is_file())
    if not found:
        raise ReleaseError(f"There are no notebooks (.ipynb files) in {str(src)!r}.")
    return found


def _read(path: Path) -> Any:
    import nbformat

    try:
        return nbformat.reads(path.read_text(encoding="utf-8"), as_version=nbformat.NO_CONVERT)
    except OSError as exc:
        raise ReleaseError(f"{str(path)!r} cannot be read: {exc.strerror or exc}.") from exc
    except Exception as exc:  # nbformat raises several kinds for a file that is not JSON
        raise ReleaseError(f"{str(path)!r} is not a notebook ({exc}).") from exc


def release_notebooks(
    src_dir: str | Path = DEFAULT_SOURCE,
    out_dir: str | Path = DEFAULT_OUT,
    *,
    keep_edited: bool = False,
) -> list[Path]:
    """Write the learner copy of every ``src_dir/*.ipynb`` into ``out_dir``; return the paths.

    Every copy is made before anything is written, so a broken notebook stops the
    release with no half-made set; each file is written atomically. With
    ``keep_edited`` a notebook already in ``out_dir`` is kept as it is (it may hold a
    learner's answers) and only missing lessons are written. ``out_dir`` may not be
    ``src_dir``: that would overwrite the teacher versions.
    """
    import nbformat

    src, out = Path(src_dir).expanduser(), Path(out_dir).expanduser()
    notebooks = _notebooks_in(src)
    if out.resolve() == src.resolve():
        raise ReleaseError(
            f"The learner copies would overwrite the teacher versions in {str(src)!r}. "
            "Choose another folder with --out."
        )
    if out.exists() and not out.is_dir():
        raise ReleaseError(f"{str(out)!r} is a file; give a folder for the learner copies.")
    planned: list[tuple[Path, str]] = []
    for path in notebooks:
        teacher = _read(path)
        if is_student_edition(teacher):
            raise ReleaseError(
                f"{str(path)!r} is already a learner copy; release from the teacher "
                "notebooks (the notebooks/ folder)."
            )
        text = nbformat.writes(student_notebook(teacher, name=path.name)) + "\n"
        planned.append((out / path.name, text))
    written = []
    for target, text in planned:
        if keep_edited and target.exists():
            continue
        atomic_write_text(target, text, make_folder=True)
        written.append(target)
    return written


DESCRIPTION = """\
Write a learner copy of every lesson notebook: model answers removed, outputs
cleared, "Show answer" switched off, teacher-only cells and nbgrader metadata left
out. Hand out the folder it writes; keep notebooks/ (the teacher versions) for
yourself. Schools that use nbgrader can run 'nbgrader generate_assignment' on
notebooks/ instead (see docs/teacher_guide.md).
"""

EXAMPLES = """\
examples:
  medialit release
  medialit release --out class-9b
  medialit release --out my-lessons --keep-edited   # never replaces a learner's copy
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``medialit release``."""
    parser.add_argument("--from", dest="src", metavar="FOLDER", default=str(DEFAULT_SOURCE),
                        help="the folder with the teacher notebooks (default: notebooks)")
    parser.add_argument("-o", "--out", metavar="FOLDER", default=str(DEFAULT_OUT),
                        help="where to write the learner copies (default: release); "
                        "notebooks already there with the same names are replaced")
    parser.add_argument("--keep-edited", action="store_true",
                        help="keep every notebook already in the folder (a learner's own "
                        "copy, maybe with answers) and write only the missing lessons")


def run(args: argparse.Namespace) -> int:
    """Run ``medialit release``; bad input raises :class:`ReleaseError` (the CLI prints it)."""
    keep = getattr(args, "keep_edited", False)
    try:
        written = release_notebooks(args.src, args.out, keep_edited=keep)
    except OSError as exc:
        raise ReleaseError(
            f"cannot write to {args.out!r}: {exc.strerror or exc}. Check that you may "
            "write there."
        ) from exc
    print(f"Wrote {len(written)} learner notebook(s) to {args.out}:")
    for path in written:
        print(f"  {path.name}")
    if keep:
        print("Copies already there were kept; delete one to get a fresh copy of that lesson.")
    return 0


def main(argv: Iterable[str] | None = None) -> int:
    """``python -m medialit.teach.release [--from DIR] [--out DIR] [--keep-edited]``."""
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
    "CODE_STUB",
    "EDITION",
    "SETTINGS_CELL_ID",
    "SETTINGS_SOURCE",
    "TEACHER_ONLY_TAG",
    "TEXT_STUB",
    "ReleaseError",
    "is_student_edition",
    "release_notebooks",
    "student_notebook",
]
