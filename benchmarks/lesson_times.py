"""How long each lesson's "Run All" takes, cell by cell (target: under 3 s per lesson).

Runs every notebook in ``notebooks/`` (or the names given) in a fresh kernel with nbclient
and times each cell from the moment it is sent to the kernel until its last output, the
way "Run All" feels to a learner. Kernel start-up is not counted: it is the same for
every lesson and happens once when the notebook opens. Progress goes to a temporary
folder, never to the user's own file. Usage::

    python benchmarks/lesson_times.py                 # every lesson
    python benchmarks/lesson_times.py 06_your_own_article --cells 5
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TARGET_SECONDS = 3.0


def time_lesson(path: Path) -> list[tuple[float, int, str]]:
    """(seconds, cell index, first source line) for every code cell of one run."""
    nb = nbformat.read(path, as_version=4)
    started: dict[int, float] = {}
    timings: list[tuple[float, int, str]] = []

    def before(cell: nbformat.NotebookNode, cell_index: int, **_: object) -> None:
        started[cell_index] = time.perf_counter()

    def after(cell: nbformat.NotebookNode, cell_index: int, **_: object) -> None:
        first = cell.source.splitlines()[0] if cell.source else ""
        timings.append((time.perf_counter() - started[cell_index], cell_index, first[:60]))

    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}},
                            on_cell_execute=before, on_cell_executed=after)
    client.execute()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="lesson names (default: every notebook)")
    parser.add_argument("--cells", type=int, default=3, help="slowest cells to list")
    args = parser.parse_args()
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ["MEDIALIT_HOME"] = tempfile.mkdtemp(prefix="medialit-times-")
    names = args.names or sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
    slow = 0
    for name in names:
        timings = time_lesson(NOTEBOOKS / f"{name}.ipynb")
        total = sum(t for t, _, _ in timings)
        verdict = "ok" if total < TARGET_SECONDS else f"OVER {TARGET_SECONDS:.0f} s"
        slow += total >= TARGET_SECONDS
        print(f"{name:<28} {total:5.2f} s  {verdict}")
        for seconds, index, first in sorted(timings, reverse=True)[: args.cells]:
            print(f"    cell {index:>2}  {seconds:5.2f} s  {first}")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
