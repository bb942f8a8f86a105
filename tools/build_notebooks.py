"""Build the lesson notebooks from their sources in ``lessons/`` and run them.

Each lesson is a plain Python file in "percent" format, easy to review in a diff:

    # %% [markdown]
    # # A heading
    # Some teaching text.

    # %% tags=["nbval-ignore-output"]
    article = ml.load_article()

Cell metadata is written as ``key=JSON`` pairs without spaces inside the JSON, e.g.
``# %% nbgrader={"grade_id":"hedges-count","solution":true,"grade":false,"schema_version":3}``.

This script turns ``lessons/NAME.py`` into ``notebooks/NAME.ipynb`` and executes it
(so the stored outputs that nbval compares are fresh). Usage::

    python tools/build_notebooks.py            # every lesson
    python tools/build_notebooks.py 00_start_here
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
NOTEBOOKS = ROOT / "notebooks"
_CELL_RE = re.compile(r"^# %%(?P<md> \[markdown\])?(?P<meta>(?: \w+=\S+)*)\s*$")
_META_RE = re.compile(r" (\w+)=(\S+)")


def parse(source: str) -> nbformat.NotebookNode:
    """Turn a percent-format script into a notebook (no outputs yet)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    cells: list[tuple[bool, dict, list[str]]] = []
    for line in source.splitlines():
        match = _CELL_RE.match(line)
        if match:
            meta = {k: json.loads(v) for k, v in _META_RE.findall(match.group("meta"))}
            cells.append((bool(match.group("md")), meta, []))
        elif cells:
            cells[-1][2].append(line)
    for is_md, meta, body in cells:
        while body and not body[-1].strip():
            body.pop()
        if is_md:
            text = "\n".join(re.sub(r"^# ?", "", ln) for ln in body)
            cell = nbformat.v4.new_markdown_cell(text)
        else:
            cell = nbformat.v4.new_code_cell("\n".join(body))
        cell.metadata.update(meta)
        nb.cells.append(cell)
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index:02d}"
    return nb


def build(name: str, *, execute: bool = True) -> Path:
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
    names = argv or sorted(p.stem for p in LESSONS.glob("*.py"))
    for name in names:
        print("built", build(name).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
