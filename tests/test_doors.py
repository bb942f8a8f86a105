"""Two doors: `make lab` for learners (their own copies), `make teach` for teachers.

Neither door writes into a tracked file: the copies live in git-ignored folders, and the
learners' environment has no test tools and no nbgrader.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def dry_run(target: str) -> str:
    """The commands `make TARGET` would run (make -n runs none of them)."""
    if shutil.which("make") is None:
        pytest.fail("make is needed for the two doors (apt-get install make)")
    done = subprocess.run(["make", "--no-print-directory", "-n", "-B", target], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return done.stdout


def test_make_lab_builds_learner_copies_and_opens_lesson_00_there():
    commands = dry_run("lab")
    assert '-e ".[lab]"' in commands, "learners get medialit and JupyterLab only"
    assert "test]" not in commands and "nbgrader" not in commands
    assert "medialit release --out my-lessons --keep-edited" in commands
    assert "cd my-lessons && " in commands and "jupyter lab" in commands
    assert commands.rstrip().endswith("00_start_here.ipynb")


def test_make_teach_opens_copies_of_the_teacher_versions():
    commands = dry_run("teach")
    assert "notebooks/*.ipynb" in commands and "teacher-lessons" in commands
    assert "test -e teacher-lessons/" in commands, "a teacher's edited copy is kept"
    assert "cd teacher-lessons && " in commands


@pytest.mark.parametrize(
    "path", ["my-lessons/00_start_here.ipynb", "teacher-lessons/02_hedges.ipynb",
             ".venv-lab/bin/python"],
)
def test_the_working_folders_are_git_ignored(path):
    done = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False)
    assert done.returncode == 0, f"{path} would show up in git status"


def test_notebooks_are_not_ignored():
    done = subprocess.run(["git", "check-ignore", "-q", "notebooks/00_start_here.ipynb"],
                          cwd=ROOT, check=False)
    assert done.returncode == 1


def test_printed_text_fits_without_wrapping():
    # Regression (issue 11): JupyterLab broke long printed lines mid-word ("bu / t").
    long_lines = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "stream":
                    text = "".join(output["text"])
                    long_lines += [f"{path.stem}: {line[:40]}" for line in text.splitlines()
                                   if len(line) > 88]
    assert long_lines == []
