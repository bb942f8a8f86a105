"""Student versions: no model answer survives, the notebooks still run, "Show answer" is off.

Three layers:

* the rules on small hand-made notebooks (what happens to each kind of cell);
* the real lessons in ``notebooks/``: nbgrader's metadata rules (always), no
  answer-key or model-answer text in the student copies, and the copies run
  under nbval with "Show answer" switched off;
* nbgrader itself, when it is installed: ``nbgrader generate_assignment`` accepts
  the teacher notebooks unchanged.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medialit import cli
from medialit.teach import release
from medialit.teach.release import (
    SETTINGS_SOURCE,
    TEXT_STUB,
    ReleaseError,
    release_notebooks,
    student_notebook,
)

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
KEYS = ROOT / "data" / "answer_keys"
MIN_SECRET = 25  # shorter strings overlap by chance ("the militia members say")


# --------------------------------------------------------------------------- tiny notebooks


def code(source: str, **meta) -> dict:
    return {
        "cell_type": "code",
        "execution_count": 3,
        "id": f"c{abs(hash(source)) % 10**8}",
        "metadata": meta,
        "outputs": [{"output_type": "stream", "name": "stdout", "text": ["secret output\n"]}],
        "source": source.splitlines(keepends=True),
    }


def markdown(source: str, **meta) -> dict:
    return {
        "cell_type": "markdown",
        "id": f"m{abs(hash(source)) % 10**8}",
        "metadata": meta,
        "source": source.splitlines(keepends=True),
    }


def notebook(*cells: dict, **meta) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": meta, "cells": list(cells)}


def nbg(grade_id: str, *, grade: bool = False, points: int | None = None, **extra) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": False, "schema_version": 3,
            "solution": True, "task": False, **extra}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def text_of(cell: dict) -> str:
    return "".join(cell["source"])


CODE_SOLUTION = (
    "my_answer = None  # YOUR ANSWER HERE\n"
    "### BEGIN SOLUTION\n"
    "my_answer = ['reportedly', 'according to reports']\n"
    "### END SOLUTION\n"
    "print(my_answer)"
)
MD_SOLUTION = (
    "Why does the question mark matter?\n"
    "### BEGIN SOLUTION\n"
    "It lets the page raise a claim without asserting it.\n"
    "### END SOLUTION"
)


def only_cell(cell: dict) -> dict:
    """The learner copy of a notebook holding ``cell``, without the settings cell."""
    cells = student_notebook(notebook(cell))["cells"]
    return next(c for c in cells if "".join(c["source"]) != SETTINGS_SOURCE)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (code(CODE_SOLUTION, **nbg("02-code")),
         "my_answer = None  # YOUR ANSWER HERE\nprint(my_answer)"),
        (markdown(MD_SOLUTION, **nbg("02-md", grade=True, points=2)),
         "Why does the question mark matter?\nYOUR ANSWER HERE"),
        # Indented: the function body must stay valid Python.
        (code("def f():\n    x = 1\n    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION",
              **nbg("02-f")),
         "def f():\n    x = 1\n    pass  # YOUR CODE HERE"),
        # A solution cell without markers is replaced whole (nbgrader does the same).
        (code("answer = 'the militias'", **nbg("02-whole")), "# YOUR CODE HERE"),
        (markdown("The militias, via Fars.", **nbg("02-wmd", grade=True, points=1)),
         "YOUR ANSWER HERE"),
        # Hidden tests of an autograded test cell go too.
        (code("assert f() == 42\n### BEGIN HIDDEN TESTS\nassert f() != 41\n### END HIDDEN TESTS"),
         "assert f() == 42"),
        # An ordinary cell keeps its text.
        (code("import medialit as ml\narticle = ml.load_article()"),
         "import medialit as ml\narticle = ml.load_article()"),
    ],
)
def test_solution_regions_become_stubs(cell, expected):
    student = only_cell(cell)
    if cell["cell_type"] == "markdown":  # a written answer's stub says how to type in it
        expected = expected.replace("YOUR ANSWER HERE", TEXT_STUB)
    assert text_of(student) == expected
    assert "nbgrader" not in student["metadata"], "no nbgrader tools in a learner's lab"


def test_outputs_counts_and_timings_are_cleared():
    cell = code("1 + 1", execution={"iopub.status.idle": "2026-01-01T00:00:00Z"}, tags=["x"])
    student = only_cell(cell)
    assert student["outputs"] == []
    assert student["execution_count"] is None
    assert student["metadata"] == {"tags": ["x"]}
    assert cell["outputs"], "the teacher's cell is not changed"


def test_teacher_only_cells_are_dropped_and_the_notebook_is_marked():
    nb = notebook(
        markdown("# Lesson"),
        markdown("Answers for the teacher", tags=["teacher-only"]),
        code("import medialit as ml"),
        code("print('for the teacher')", tags=["teacher-only", "nbval-ignore-output"]),
        widgets={"application/vnd.jupyter.widget-state+json": {"state": {"x": "Right: ..."}}},
        kernelspec={"name": "python3"},
    )
    student = student_notebook(nb)
    texts = [text_of(c) for c in student["cells"]]
    assert texts == ["# Lesson", SETTINGS_SOURCE, "import medialit as ml"]
    assert dict(student["metadata"]["medialit"]) == {"edition": "student"}
    assert "widgets" not in student["metadata"], "saved widget state can hold answers"
    assert dict(student["metadata"]["kernelspec"]) == {"name": "python3"}
    assert release.is_student_edition(student) and not release.is_student_edition(nb)


def test_settings_cell_goes_last_when_there_is_no_code_cell():
    student = student_notebook(notebook(markdown("# Only words")))
    assert [c["cell_type"] for c in student["cells"]] == ["markdown", "code"]


def test_older_notebooks_get_no_cell_ids():
    nb = notebook(code("x = 1"))
    nb["nbformat_minor"] = 4
    assert "id" not in student_notebook(nb)["cells"][0]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x = None\n### BEGIN SOLUTION\nx = 1", "has no 'END SOLUTION' after it"),
        ("x = None\n### END SOLUTION", "comes without a 'BEGIN SOLUTION'"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "appears twice"),
    ],
)
def test_broken_regions_name_the_notebook_and_cell(source, message):
    nb = notebook(markdown("# L"), code(source, **nbg("02-x")))
    with pytest.raises(ReleaseError, match=re.escape(message)) as info:
        student_notebook(nb, name="02_hedges.ipynb")
    assert "02_hedges.ipynb, cell 2" in str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [({"cells": "no"}, "no list of cells"), ({"nbformat": 3, "cells": []}, "version 3")],
)
def test_not_a_notebook(data, message):
    with pytest.raises(ReleaseError, match=message):
        student_notebook(data, name="x.ipynb")


# --------------------------------------------------------------------------- folders


def write_nb(path: Path, nb: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_release_writes_every_notebook(tmp_path):
    src = tmp_path / "nb"
    write_nb(src / "01_a.ipynb", notebook(code(CODE_SOLUTION, **nbg("01-a"))))
    write_nb(src / "02_b.ipynb", notebook(markdown(MD_SOLUTION, **nbg("02-b", grade=True,
                                                                       points=2))))
    (src / "notes.txt").write_text("not a notebook")
    written = release_notebooks(src, tmp_path / "out")
    assert [p.name for p in written] == ["01_a.ipynb", "02_b.ipynb"]
    for path in written:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert release.is_student_edition(data)
        assert "BEGIN SOLUTION" not in path.read_text(encoding="utf-8")
    # Released again into the same folder: replaced, not refused.
    assert release_notebooks(src, tmp_path / "out") == written


def test_a_broken_notebook_stops_the_release_before_anything_is_written(tmp_path):
    src = tmp_path / "nb"
    write_nb(src / "01_good.ipynb", notebook(code("x = 1")))
    write_nb(src / "02_bad.ipynb", notebook(code("### BEGIN SOLUTION\nx = 2", **nbg("02-b"))))
    with pytest.raises(ReleaseError, match=re.escape("02_bad.ipynb, cell 1")):
        release_notebooks(src, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_release_refuses_to_overwrite_the_teacher_versions(tmp_path):
    src = write_nb(tmp_path / "nb" / "01.ipynb", notebook(code("x = 1"))).parent
    with pytest.raises(ReleaseError, match="overwrite the teacher versions"):
        release_notebooks(src, src)
    with pytest.raises(ReleaseError, match="already a learner copy"):
        release_notebooks(release_notebooks(src, tmp_path / "out")[0].parent, tmp_path / "again")


@pytest.mark.parametrize("setup", ["missing", "empty", "file", "not-json"])
def test_release_names_a_bad_source_folder(tmp_path, setup):
    src = tmp_path / "nb"
    if setup == "empty":
        src.mkdir()
    elif setup == "file":
        src.write_text("x")
    elif setup == "not-json":
        write_nb(src / "a.ipynb", {}).write_text("{not json")
    with pytest.raises(ReleaseError, match=re.escape(str(src))):
        release_notebooks(src, tmp_path / "out")


def test_command_line(tmp_path, capsys):
    src = write_nb(tmp_path / "nb" / "01_a.ipynb", notebook(code(CODE_SOLUTION, **nbg("01-a"))))
    out = tmp_path / "student"
    assert release.main(["--from", str(src.parent), "--out", str(out)]) == 0
    assert (out / "01_a.ipynb").is_file()
    assert "Wrote 1 learner notebook(s)" in capsys.readouterr().out
    assert release.main(["--from", str(tmp_path / "nowhere"), "--out", str(out)]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_medialit_release_subcommand(tmp_path, capsys):
    if not any(c.name == "release" for c in getattr(cli, "COMMANDS", ())):
        pytest.skip("the 'release' subcommand is not registered in medialit.cli yet")
    src = write_nb(tmp_path / "nb" / "01_a.ipynb", notebook(code("x = 1")))
    assert cli.main(["release", "--from", str(src.parent), "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "01_a.ipynb").is_file()
    assert cli.main(["release", "--from", str(tmp_path / "none")]) == 1
    assert "does not exist" in capsys.readouterr().err


# --------------------------------------------------------------------------- keep the edited


def test_keep_edited_never_replaces_a_learners_copy(tmp_path):
    src = tmp_path / "nb"
    write_nb(src / "01_a.ipynb", notebook(code(CODE_SOLUTION, **nbg("01-a"))))
    write_nb(src / "02_b.ipynb", notebook(code("x = 1")))
    out = tmp_path / "my-lessons"
    assert [p.name for p in release_notebooks(src, out, keep_edited=True)] == [
        "01_a.ipynb", "02_b.ipynb"]
    mine = out / "01_a.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("None", "['my answer']"))
    edited = mine.read_text(encoding="utf-8")
    (out / "02_b.ipynb").unlink()  # a learner deletes a copy to get a fresh one
    assert [p.name for p in release_notebooks(src, out, keep_edited=True)] == ["02_b.ipynb"]
    assert mine.read_text(encoding="utf-8") == edited
    # Without keep_edited a release replaces what is there (a teacher's release/ folder).
    release_notebooks(src, out)
    assert mine.read_text(encoding="utf-8") != edited


def teacher_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def solution_problems(cell: dict) -> list[str]:
    """medialit's own rule for a solution cell, on top of nbgrader's schema: one region,
    after the question (markdown) or a stub line that runs (code), with an answer in it."""
    lines = "".join(cell["source"]).splitlines()
    begins = [i for i, line in enumerate(lines) if "BEGIN SOLUTION" in line]
    ends = [i for i, line in enumerate(lines) if "END SOLUTION" in line]
    if len(begins) != 1 or len(ends) != 1 or ends[0] - begins[0] < 2:
        return ["needs one BEGIN SOLUTION ... END SOLUTION region with an answer in it"]
    if not any(line.strip() for line in lines[: begins[0]]):
        return ["needs the question or a stub line before BEGIN SOLUTION"]
    return []


@pytest.mark.parametrize("path", teacher_notebooks(), ids=lambda p: p.stem)
def test_lessons_follow_nbgrader_rules(path):
    nbgraderformat = pytest.importorskip("nbgrader.nbgraderformat")
    import nbformat

    nbgraderformat.MetadataValidator().validate_nb(nbformat.read(path, as_version=4))
    solutions = [c for c in load(path)["cells"]
                 if c["metadata"].get("nbgrader", {}).get("solution")]
    assert {i: p for i, c in enumerate(solutions) if (p := solution_problems(c))} == {}
    if not path.stem.startswith("00_"):  # the welcome notebook has no written answer
        assert solutions, f"{path.name} needs at least one written or coded answer (nbgrader)"


def test_the_nbgrader_check_can_fail():
    nbgraderformat = pytest.importorskip("nbgrader.nbgraderformat")
    import nbformat

    bad = nbformat.from_dict(notebook(code(CODE_SOLUTION, **nbg("02 code", grade=True))))
    with pytest.raises(nbgraderformat.ValidationError):
        nbgraderformat.MetadataValidator().validate_nb(bad)
    assert solution_problems(code("x = 1", **nbg("02-c"))) != []


# --------------------------------------------------------------------------- the real lessons


def _squash(text: str) -> str:
    """Compare text with runs of white space (line breaks in prose) as one space."""
    return " ".join(text.split())


def key_secrets() -> set[str]:
    """Every explanation, verdict and corroboration note of every bundled answer key."""
    found: set[str] = set()

    def walk(value: object, field: str | None = None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, field)
        elif isinstance(value, str) and field in {"explanation", "verdict", "how_far"}:
            found.add(_squash(value))

    for path in sorted(KEYS.glob("*.json")):
        walk(load(path))
    return {s for s in found if len(s) >= MIN_SECRET}


def solution_secrets(nb: dict) -> set[str]:
    """Model answers of a teacher notebook: each whole region and each long line in it.

    A line that the notebook also shows outside a solution (say, a quote from the
    article in the question) is not a secret.
    """
    inside: list[str] = []
    outside: list[str] = []
    for cell in nb["cells"]:
        region: list[str] | None = None
        for line in "".join(cell["source"]).splitlines():
            if "BEGIN SOLUTION" in line:
                region = []
            elif "END SOLUTION" in line and region is not None:
                inside.append("\n".join(region))
                inside.extend(region)
                region = None
            elif region is not None:
                region.append(line)
            else:
                outside.append(line)
    public = _squash("\n".join(outside))
    return {s for s in map(_squash, inside) if len(s) >= MIN_SECRET and s not in public}


def student_text(path: Path) -> str:
    """All a student copy holds: the raw JSON and the decoded cell sources."""
    nb = load(path)
    sources = "\n".join("".join(c["source"]) for c in nb["cells"])
    return _squash(path.read_text(encoding="utf-8")) + "\n" + _squash(sources)


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> list[Path]:
    return release_notebooks(NOTEBOOKS, tmp_path_factory.mktemp("release"))


def test_every_lesson_is_released(released):
    assert [p.name for p in released] == [p.name for p in teacher_notebooks()]


def test_the_leak_check_finds_real_secrets():
    # Guard against a check that cannot fail: there are secrets to look for.
    assert len(key_secrets()) > 50
    assert any("Fars" in s for s in key_secrets())


def test_no_answer_text_in_student_notebooks(released):
    secrets = key_secrets()
    for teacher in teacher_notebooks():
        secrets |= solution_secrets(load(teacher))
    leaks = [
        f"{path.name}: {secret[:70]!r}"
        for path in released
        for text in [student_text(path)]
        for secret in sorted(secrets)
        if secret in text
    ]
    assert leaks == []


def test_solution_text_of_teacher_notebooks_is_found_by_the_check(tmp_path):
    # The same check on an unreleased copy must find the model answer.
    nb = notebook(markdown(MD_SOLUTION.replace("It lets", "The question mark lets"),
                           **nbg("02-md", grade=True, points=2)))
    path = write_nb(tmp_path / "t.ipynb", nb)
    secrets = solution_secrets(nb)
    assert secrets and all(s in student_text(path) for s in secrets)
    (student,) = release_notebooks(tmp_path, tmp_path / "out")
    assert not any(s in student_text(student) for s in secrets)


def test_show_answer_is_off_in_every_student_notebook(released):
    for path in released:
        cells = load(path)["cells"]
        first_code = next(c for c in cells if c["cell_type"] == "code")
        assert "".join(first_code["source"]) == SETTINGS_SOURCE, path.name
    # Run that cell as a kernel would, then try to see an answer.
    probe = SETTINGS_SOURCE + (
        "\nfrom medialit import exercises as ex"
        "\nassert not ex.answers_enabled()"
        "\nq = ex.SingleChoice('02-probe', 'Pick one', [ex.Choice('a', True, 'yes'),"
        " ex.Choice('b', False, 'no')], hint='think')"
        "\nq.check('b')"
        "\ntry:\n    q.show_answer()\nexcept ex.ExerciseError as e:\n    print('refused:', e)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused: Answers are switched off")


def _nbval(paths: list[Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
               "--rootdir", str(cwd), "--nbval-lax", "--nbval-current-env",
               "--nbval-cell-timeout=120", *map(str, paths)]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900, check=False)


def test_student_notebooks_run_under_nbval(released):
    done = _nbval(released, released[0].parent)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    # nbval makes one test per code cell: every cell of every copy ran.
    cells = sum(c["cell_type"] == "code" for p in released for c in load(p)["cells"])
    assert f"{cells} passed" in done.stdout, done.stdout[-500:]


# --------------------------------------------------------------------------- nbgrader itself


NBGRADER_CONFIG = """\
c = get_config()  # noqa: F821
# medialit's code answers keep a stub line that runs; nbgrader's default stub
# ("raise NotImplementedError()") would stop "Run All" at the first exercise.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE"}
"""


def _generate_assignment(course: Path) -> subprocess.CompletedProcess[str]:
    source = course / "source" / "medialit"
    source.mkdir(parents=True, exist_ok=True)
    for path in teacher_notebooks():
        shutil.copy(path, source / path.name)
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "medialit", "--no-db",
         "--force", f"--CourseDirectory.root={course}"],
        cwd=course, capture_output=True, text=True, timeout=600, check=False,
    )


def test_nbgrader_generate_assignment_accepts_the_lessons(tmp_path):
    pytest.importorskip("nbgrader")
    done = _generate_assignment(tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    generated = sorted((tmp_path / "release" / "medialit").glob("*.ipynb"))
    assert [p.name for p in generated] == [p.name for p in teacher_notebooks()]
    secrets = key_secrets().union(*(solution_secrets(load(p)) for p in teacher_notebooks()))
    for path in generated:
        text = student_text(path)
        assert not [s for s in secrets if s in text], path.name


def test_nbgrader_student_versions_run_with_the_recommended_config(tmp_path):
    pytest.importorskip("nbgrader")
    (tmp_path / "nbgrader_config.py").write_text(NBGRADER_CONFIG)
    done = _generate_assignment(tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    generated = sorted((tmp_path / "release" / "medialit").glob("*.ipynb"))
    ran = _nbval(generated, generated[0].parent)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]


# --------------------------------------------------------------------------- the teacher's guide

GUIDE = ROOT / "docs" / "teacher_guide.md"
_EXERCISE_ID = re.compile(r"\b0[1-6]-[a-z][a-z-]*[a-z]\b")


def lesson_exercise_ids(nb: dict) -> set[str]:
    """Exercises a lesson really shows (ids in its stored outputs) and its nbgrader answers."""
    ids: set[str] = set()
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            ids |= set(_EXERCISE_ID.findall(json.dumps(output)))
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id:
            ids.add(grade_id)
    return ids


def test_the_teacher_guide_covers_every_exercise_and_no_other():
    in_lessons = set().union(*(lesson_exercise_ids(load(p)) for p in teacher_notebooks()))
    in_guide = set(_EXERCISE_ID.findall(GUIDE.read_text(encoding="utf-8")))
    assert sorted(in_lessons - in_guide) == [], "exercises the guide does not describe"
    assert sorted(in_guide - in_lessons) == [], "the guide describes exercises no lesson has"


def test_the_teacher_guide_gives_each_lessons_minutes():
    guide = GUIDE.read_text(encoding="utf-8")
    checked = 0
    for path in teacher_notebooks():
        first = "".join(load(path)["cells"][0]["source"])
        said = re.search(r"about (\d+) minutes", first)
        if said is None:  # the welcome notebook gives no time
            continue
        row = re.search(rf"^\| \d \| `{path.stem}` \| (\d+) \|", guide, flags=re.MULTILINE)
        assert row is not None, f"{path.stem} is missing from the guide's table"
        assert row.group(1) == said.group(1), path.stem
        checked += 1
    assert checked >= len(teacher_notebooks()) - 1
