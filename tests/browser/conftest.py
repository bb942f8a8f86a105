"""Fixtures for the browser tests: a real JupyterLab server and headless Chromium.

The whole folder is skipped, with the reason, when Chromium or Playwright is
missing; with ``MEDIALIT_REQUIRE_BROWSER=1`` (CI) a missing browser fails the
tests instead, so a broken CI image cannot pass by skipping. Screenshots go to
``MEDIALIT_SCREENSHOTS`` (default ``browser-screenshots/`` at the repository
root); the folder is printed at the end of the run. ``MEDIALIT_CHROMIUM`` names
another Chromium or Chrome binary (the default is Debian's ``/usr/bin/chromium``).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lab_axe import axe_problem, ensure_axe
from lab_expectations import LEARNER_EDITION, NOTEBOOKS, REPO
from lab_server import LabServer, learner_copies, start_lab, stop_lab

HERE = Path(__file__).resolve().parent

CHROMIUM_CANDIDATES: tuple[str, ...] = ("/usr/bin/chromium", "chromium", "chromium-browser")
"""Where Debian/Ubuntu put Chromium; Playwright's own browser download is not used."""

CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these three, Chromium keeps calling Google services in the background.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

VIEWPORT = {"width": 1280, "height": 900}

LAST_TEST = "test_the_suite_changed_no_tracked_file"
"""Runs after every other test of the session (see ``pytest_collection_modifyitems``)."""

_SCREENSHOTS = pytest.StashKey[list]()
_AXE_COUNTS = pytest.StashKey[dict]()


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def find_chromium() -> str | None:
    """The path of the system's Chromium (or of ``MEDIALIT_CHROMIUM`` when set), or None."""
    chosen = os.environ.get("MEDIALIT_CHROMIUM")
    for candidate in (chosen,) if chosen else CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def browser_problem() -> str | None:
    """Why the browser tests cannot run here, in one line, or None when they can."""
    if find_chromium() is None:
        where = os.environ.get("MEDIALIT_CHROMIUM") or "/usr/bin/chromium or on PATH"
        return f"Chromium not found ({where}): apt-get install chromium"
    for module, package in (("playwright", "playwright"), ("jupyterlab", "jupyterlab")):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed in this Python: pip install {package}"
    return None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives JupyterLab in headless Chromium (tests/browser)"
    )
    config.stash[_SCREENSHOTS] = []
    config.stash[_AXE_COUNTS] = {}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark this folder's tests ``browser`` (so ``-m "not browser"`` leaves them out),
    and run the check that the suite left the checkout unchanged last of all."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
    last = [item for item in items if item.name == LAST_TEST]
    items[:] = [item for item in items if item.name != LAST_TEST] + last


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Say where the screenshots are, so a person can look at what the browser showed."""
    shots: list[Path] = config.stash.get(_SCREENSHOTS, [])
    if shots:
        folder = shots[0].parent
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"{len(shots)} screenshots in {folder}")
    found: dict[str, dict[str, int]] = config.stash.get(_AXE_COUNTS, {})
    if found:
        terminalreporter.write_sep("-", "axe-core violations (elements) per page")
        for page, by_impact in sorted(found.items()):
            line = ", ".join(f"{impact} {n}" for impact, n in by_impact.items())
            terminalreporter.write_line(f"{page}: {line}")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium to drive; skips (or, when required, fails) when it is missing."""
    problem = browser_problem()
    if problem is not None:
        if _env_flag("MEDIALIT_REQUIRE_BROWSER"):
            pytest.fail(f"MEDIALIT_REQUIRE_BROWSER is set but {problem}", pytrace=False)
        pytest.skip(problem)
    return find_chromium()  # type: ignore[return-value]


@pytest.fixture(scope="session")
def lab(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab on copies of the lessons; stopped (kernels too) at the end.

    The root holds the learner's copies of the lessons (or, without
    ``LEARNER_EDITION``, ``notebooks/`` with its outputs stripped) and, in
    ``first-sight/``, the stored lessons with their outputs (never trusted).
    """
    base = tmp_path_factory.mktemp("jupyterlab")
    lessons = learner_copies(NOTEBOOKS, base / "learner-copies") if LEARNER_EDITION else NOTEBOOKS
    server = start_lab(lessons, base, first_sight=NOTEBOOKS)
    try:
        specs = server.api("/api/kernelspecs")
        assert "python3" in specs["kernelspecs"], (  # type: ignore[index]
            f"JupyterLab found no python3 kernel: {specs}"
        )
        yield server
    finally:
        stop_lab(server)


@pytest.fixture(scope="session")
def browser_context(chromium_path: str) -> Iterator[object]:
    """Headless Chromium with a fresh, empty profile; closed at the end of the session."""
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="medialit-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=chromium_path,
            args=list(CHROMIUM_ARGS),
            headless=True,
            viewport=VIEWPORT,
        )
        context.set_default_timeout(30_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def lab_page(browser_context, lab: LabServer) -> Iterator[object]:
    """A new browser tab; afterwards it is closed and every kernel shut down."""
    page = browser_context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on(
        "console",
        lambda message: (
            page.console_errors.append(message.text)  # type: ignore[attr-defined]
            if message.type == "error"
            else None
        ),
    )
    try:
        yield page
    finally:
        page.close()
        lab.shut_down_sessions()


@pytest.fixture(scope="session")
def screenshot_dir(request: pytest.FixtureRequest) -> Path:
    """Where screenshots go: ``MEDIALIT_SCREENSHOTS`` or ``browser-screenshots/``."""
    folder = Path(os.environ.get("MEDIALIT_SCREENSHOTS") or REPO / "browser-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


@pytest.fixture
def save_screenshot(request: pytest.FixtureRequest, screenshot_dir: Path):
    """``save_screenshot(name)`` returns the path for ``name.png`` and lists it for the summary."""

    def path_for(name: str) -> Path:
        path = screenshot_dir / f"{name}.png"
        request.config.stash[_SCREENSHOTS].append(path)
        return path

    return path_for


@pytest.fixture(scope="session")
def axe_source(chromium_path: str) -> str:
    """axe-core's script, installed from npm into a cache folder when missing."""
    problem = axe_problem()
    if problem is not None:
        if _env_flag("MEDIALIT_REQUIRE_BROWSER"):
            pytest.fail(f"MEDIALIT_REQUIRE_BROWSER is set but {problem}", pytrace=False)
        pytest.skip(problem)
    return ensure_axe()


def git_status() -> str | None:
    """``git status --porcelain`` of the repository, or None when it is not a git checkout."""
    import subprocess

    if shutil.which("git") is None or not (REPO / ".git").exists():
        return None
    done = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout if done.returncode == 0 else None


@pytest.fixture(scope="session", autouse=True)
def git_status_before() -> str | None:
    """``git status`` when the first browser test started (None outside a git checkout).

    Session-scoped and autouse, so it is taken before any browser test runs; a
    ``pytest_sessionstart`` hook here would never run (this conftest is not the root one).
    """
    return git_status()


@pytest.fixture
def record_axe(request: pytest.FixtureRequest):
    """``record_axe(page_name, violations)`` keeps the counts for the summary at the end."""
    from lab_axe import counts

    def record(name: str, violations: list) -> None:
        request.config.stash[_AXE_COUNTS][name] = counts(violations)

    return record
