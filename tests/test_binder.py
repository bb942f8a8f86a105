"""The Binder door: binder/environment.yml, binder/postBuild and the README's badge.

repo2docker installs ``binder/environment.yml`` *before* it copies the repository, so
that file must never refer to the repository (repo2docker issue #1265); ``postBuild``
runs afterwards, in the copied repository, and installs medialit and the learner copies.
The slow test here does what Binder does, in a fresh virtual environment: install the
environment's packages, copy the repository, run postBuild, then run the learner copies
under nbval.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
TEST_TOOLS = {"pytest", "nbval", "hypothesis", "ruff", "nbgrader", "playwright", "hatchling"}


def binder_dependencies() -> list[str]:
    """The package specs under ``dependencies:`` (a flat conda list; no ``pip:`` block)."""
    specs, inside = [], False
    for line in (BINDER / "environment.yml").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line:
            continue
        if not line.startswith(" "):
            inside = line.startswith("dependencies:")
        elif inside:
            item = line.strip()
            assert item.startswith("- "), f"not a flat list of packages: {line!r}"
            specs.append(item[2:].strip())
    return specs


def _name(spec: str) -> str:
    # Package names compare as pip and conda do: case, "_" and "-" do not matter.
    return re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0].lower().replace("_", "-")


def test_binder_environment_never_refers_to_the_repository():
    lines = (BINDER / "environment.yml").read_text(encoding="utf-8").splitlines()
    text = "\n".join(line.split("#", 1)[0] for line in lines)  # what conda reads
    specs = binder_dependencies()
    assert specs, "binder/environment.yml lists no packages"
    for spec in specs:
        assert not spec.endswith(":"), f"{spec!r}: a nested block (pip:) can point at the repo"
        assert not re.search(r"(^|\s)(-e|\.|\./\S*|file:|git\+)", spec), spec
    names = {_name(s) for s in specs}
    assert "medialit" not in names
    assert "-e ." not in text and "file:" not in text
    assert "jupyterlab" in names and "nbconvert" in names
    assert not names & TEST_TOOLS, "no test tools and no nbgrader in what a learner gets"


def test_binder_environment_has_every_runtime_dependency():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(s) for s in project["dependencies"] + project["optional-dependencies"]["lab"]}
    assert runtime <= {_name(s) for s in binder_dependencies()}


def test_readme_badge_opens_the_learners_lesson_00():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\(https://mybinder\.org/v2/gh/[^)]*\)\]\((https://mybinder[^)]+)\)",
                      readme) or re.search(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    assert badge, "README has no Binder badge"
    assert badge.group(1).endswith("urlpath=lab/tree/my-lessons/00_start_here.ipynb")
    postbuild = (BINDER / "postBuild").read_text(encoding="utf-8")
    assert "--out my-lessons" in postbuild
    assert os.access(BINDER / "postBuild", os.X_OK), "repo2docker runs postBuild as a program"


def _repository_copy(target: Path) -> Path:
    """The repository's files as Binder sees them: tracked and new, not ignored ones."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
        capture_output=True, text=True, check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_postbuild_in_a_fresh_environment_then_nbval_on_the_learner_copies(tmp_path):
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python, bin_dir = env_dir / "bin" / "python", env_dir / "bin"
    packages = [s for s in binder_dependencies() if _name(s) not in {"python", "pip"}]
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", *packages, "pytest", "nbval"],
        capture_output=True, text=True, timeout=1500, check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    repo = _repository_copy(tmp_path / "repo")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "MEDIALIT_HOME": str(tmp_path / "home"), "MPLBACKEND": "Agg"}
    env.pop("PYTHONPATH", None)
    built = subprocess.run(["bash", str(repo / "binder" / "postBuild")], cwd=repo, env=env,
                           capture_output=True, text=True, timeout=900, check=False)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-3000:]
    copies = sorted((repo / "my-lessons").glob("*.ipynb"))
    assert [p.name for p in copies] == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    # The installed medialit is the copy's, not this checkout's editable install.
    where = subprocess.run([str(python), "-c", "import medialit; print(medialit.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert str(env_dir) in where.stdout
    ran = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
         "--rootdir", str(repo / "my-lessons"), "--nbval-lax", "--nbval-current-env",
         "--nbval-cell-timeout=120", *map(str, copies)],
        cwd=repo / "my-lessons", env=env, capture_output=True, text=True, timeout=900,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
    assert re.search(r"\d+ passed", ran.stdout)
