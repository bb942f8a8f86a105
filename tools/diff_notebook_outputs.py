"""Compare the stored outputs of the lesson notebooks with those of another git revision.

A rebuild gives every widget a new random model id and stores the widget state in
another order, so a plain ``git diff`` of a rebuilt notebook is thousands of lines even
when nothing a learner sees has changed. This script compares what matters: each cell's
type, source, metadata and outputs, and the notebook's widget state as a multiset, with
model ids replaced by their order of first appearance. Usage::

    python tools/diff_notebook_outputs.py            # notebooks/ against HEAD
    python tools/diff_notebook_outputs.py main 02_hedges

Exit status 0 when every notebook matches, 1 when one differs (each difference printed).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_MODEL_ID = re.compile(r"[0-9a-f]{32}")


def _canonical(nb: dict) -> tuple[list[str], list[str]]:
    """Cells and widget models as JSON strings, model ids numbered by first appearance."""
    ids: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        return ids.setdefault(match.group(0), f"model-{len(ids)}")

    cells = [
        _MODEL_ID.sub(rename, json.dumps({k: c.get(k) for k in
                                          ("cell_type", "source", "metadata", "outputs")},
                                         sort_keys=True))
        for c in nb["cells"]
    ]
    state = nb.get("metadata", {}).get("widgets", {})
    models = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    # Widgets not reached from an output (layouts, styles) keep arbitrary ids: compare
    # them without ids at all.
    widgets = sorted(_MODEL_ID.sub("id", json.dumps(m, sort_keys=True)) for m in models.values())
    return cells, widgets


def compare(name: str, rev: str) -> list[str]:
    """Differences between notebooks/NAME.ipynb on disk and at ``rev``."""
    old_text = subprocess.run(
        ["git", "show", f"{rev}:notebooks/{name}.ipynb"], cwd=ROOT, capture_output=True,
        text=True, check=True,
    ).stdout
    new = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    (old_cells, old_widgets), (new_cells, new_widgets) = _canonical(json.loads(old_text)), \
        _canonical(new)
    problems = []
    if len(old_cells) != len(new_cells):
        problems.append(f"{name}: {len(old_cells)} cells at {rev}, {len(new_cells)} now")
    for index, (a, b) in enumerate(zip(old_cells, new_cells, strict=False)):
        if a != b:
            problems.append(f"{name}: cell {index} differs")
    if old_widgets != new_widgets:
        problems.append(f"{name}: the stored widget state differs")
    return problems


def main(argv: list[str]) -> int:
    rev = argv[0] if argv else "HEAD"
    names = argv[1:] or sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    problems = [p for name in names for p in compare(name, rev)]
    print("\n".join(problems) or f"{len(names)} notebook(s): same outputs as {rev}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
