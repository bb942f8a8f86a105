"""The package installs as a plain wheel, and environment.yml matches pyproject.toml."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """The package name, normalised as pip and conda-forge both read it (PEP 503):
    ``lxml_html_clean`` on PyPI is ``lxml-html-clean`` on conda-forge."""
    name = re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _conda_names(text: str) -> set[str]:
    names = set()
    deps = text.split("\ndependencies:", 1)[1]
    for line in deps.splitlines():
        match = re.match(r"^\s+-\s+([A-Za-z0-9_.\-]+)", line)
        if match and not line.strip().startswith("- -e"):
            names.add(_name(match.group(1)))
    return names - {"python", "pip"}


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert _conda_names(env) == wanted
    assert "-e ." in env


def test_wheel_carries_the_data_and_loads_the_seed_from_elsewhere(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(wheel_dir),
        ],
        check=True,
    )
    (wheel,) = wheel_dir.glob("medialit-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import medialit, pathlib; a = medialit.load_article(); "
        "print(pathlib.Path(medialit.__file__).parent); print(a.title); "
        "print((a.blocks.kind == 'story').sum())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert Path(out[0]) == target / "medialit"
    assert out[1:] == ["ISIS fighters calling in sick?", "11"]


# ------------------------------------------------------------------ a plain pip install

# What a teacher without our Makefile does: a fresh venv with the pip that Python's venv
# ships (never upgraded), then `pip install medialit-*.whl`, which brings only the runtime
# dependencies. This would have caught the missing lxml_html_clean (issue 12).
_PLAIN_CHECK = """
import medialit as ml
from medialit.detect.chain import source_chain
article = ml.load_article(PAGE)
assert any(b.kind == "story" for b in article.block_records), article.blocks
print("stories", sum(b.kind == "story" for b in article.block_records))
for finder in (ml.find_hedges, ml.find_attributions, ml.find_outlets):
    print(finder.__name__, len(finder(article)))
print("chain", len(source_chain(article)))
print("findings", len(ml.analyze(article)))
"""


def _pip_can_reach_an_index(python: Path, folder: Path) -> bool:
    """Can pip download here (PyPI or a configured mirror)? Asked once, quickly."""
    probe = subprocess.run(
        [str(python), "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(folder),
         "six"],
        capture_output=True, text=True, timeout=120,
    )
    return probe.returncode == 0


@pytest.mark.plain_install
def test_plain_pip_install_reads_a_saved_page_and_runs_a_lesson(tmp_path):
    """Wheel -> fresh venv (its own pip) -> saved page, every detector, handout, a lesson.

    Offline, set MEDIALIT_WHEELHOUSE to a folder of wheels (``pip download medialit-*.whl
    ipykernel -d FOLDER`` on a connected machine); pip then installs from it only.
    """
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
         "--no-build-isolation", "--quiet", "-w", str(wheel_dir)],
        check=True,
    )
    (wheel,) = wheel_dir.glob("medialit-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    source = ["--quiet", "--disable-pip-version-check"]
    wheelhouse = os.environ.get("MEDIALIT_WHEELHOUSE")
    if wheelhouse:
        source += ["--no-index", "--find-links", wheelhouse]
    elif not _pip_can_reach_an_index(python, tmp_path / "probe"):
        if os.environ.get("CI"):
            pytest.fail("pip cannot reach a package index; set MEDIALIT_WHEELHOUSE")
        pytest.skip("pip cannot reach a package index and MEDIALIT_WHEELHOUSE is not set")
    install = [str(python), "-m", "pip", "install", *source]
    subprocess.run([*install, str(wheel)], check=True, timeout=900)

    # A saved page, every detector and a handout, with nothing but the runtime deps.
    page = ROOT / "tests" / "text" / "pages" / "news_page.html"
    env = {**os.environ, "MEDIALIT_HOME": str(tmp_path / "home"), "MPLBACKEND": "Agg"}
    env.pop("PYTHONPATH", None)
    run = subprocess.run(
        [str(python), "-c", f"PAGE = {str(page)!r}\n{_PLAIN_CHECK}"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "stories 5" in run.stdout
    handout = tmp_path / "handout.html"
    run = subprocess.run(
        [str(venv / "bin" / "medialit"), "handout", str(page), "-o", str(handout)],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "Town opens new library" in handout.read_text(encoding="utf-8")

    # One lesson under nbval, in a kernel that runs in the plain venv (a kernel is the one
    # thing a notebook needs beyond medialit's own dependencies).
    subprocess.run([*install, "ipykernel"], check=True, timeout=900)
    kernels = tmp_path / "jupyter"
    subprocess.run(
        [str(python), "-m", "ipykernel", "install", "--prefix", str(kernels),
         "--name", "medialit-plain"],
        check=True, capture_output=True,
    )
    env["JUPYTER_PATH"] = str(kernels / "share" / "jupyter")
    lesson = tmp_path / "06_your_own_article.ipynb"
    shutil.copy(ROOT / "notebooks" / lesson.name, lesson)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
         "--nbval-kernel-name", "medialit-plain", "--nbval-cell-timeout=300",
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
         "--rootdir", str(tmp_path), str(lesson)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
