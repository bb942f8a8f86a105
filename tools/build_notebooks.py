"""Build the lesson notebooks from their sources in ``lessons/`` and run them.

Each lesson is a plain Python file in jupytext's "percent" format, easy to review in a diff:

    # %% [markdown]
    # # A heading
    # Some teaching text.

    # %% tags=["nbval-ignore-output"]
    article = ml.load_article()

Cell metadata follows the cell marker as ``key=JSON`` pairs, e.g. the nbgrader metadata
``# %% nbgrader={"grade_id":"hedges-count","solution":true,"grade":false,"schema_version":3}``.
jupytext reads the format (https://jupytext.readthedocs.io/en/latest/formats-scripts.html);
this script adds what a lesson notebook needs on top: the kernel, stable cell ids
(``cell-00``, ``cell-01`` ...) so that a rebuild is a small diff, and fresh outputs from
running it with nbclient (nbval compares them). Usage::

    python tools/build_notebooks.py            # every lesson
    python tools/build_notebooks.py 00_start_here
    python tools/build_notebooks.py --no-execute 02_hedges   # structure only, no outputs
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def parse(source: str) -> nbformat.NotebookNode:
    """Turn a percent-format script into a lesson notebook (no outputs yet)."""
    nb = jupytext.reads(source, fmt="py:percent")
    # jupytext records how the script was paired; a lesson notebook is not paired, and
    # the kernel is fixed so that every machine runs (and stores) the same thing.
    nb.metadata = nbformat.NotebookNode(
        kernelspec=dict(KERNELSPEC), language_info={"name": "python"}
    )
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index:02d}"
    return nb


def build(name: str, *, execute: bool = True) -> Path:
    """Write ``notebooks/NAME.ipynb`` from ``lessons/NAME.py``; run it unless told not to."""
    nb = parse((LESSONS / f"{name}.py").read_text(encoding="utf-8"))
    if execute:
        os.environ.setdefault("MPLBACKEND", "Agg")
        # Building must not write into the author's own progress file.
        os.environ["MEDIALIT_HOME"] = tempfile.mkdtemp(prefix="medialit-build-")
        NotebookClient(
            nb,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(NOTEBOOKS)}},
            record_timing=False,  # timestamps would make every rebuild a diff
        ).execute()
    out = NOTEBOOKS / f"{name}.ipynb"
    nbformat.write(nb, out)
    return out


def main(argv: list[str]) -> int:
    execute = "--no-execute" not in argv
    names = [a for a in argv if not a.startswith("--")]
    names = names or sorted(p.stem for p in LESSONS.glob("*.py"))
    for name in names:
        print("built", build(name, execute=execute).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
