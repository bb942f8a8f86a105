"""Every lesson as it looks the moment it opens: untrusted, before anything runs.

A lesson opened for the first time is not trusted by JupyterLab, which shows its
stored outputs through a sanitizer that drops ``<style>`` blocks. The highlights,
legend, labels and the blue story bar must still look as the lesson describes
them, checked on the browser's computed styles (see ``lab_look.py``); each
highlight's reason must be reachable by keyboard (tag link -> reason -> back);
axe-core must find no serious or critical problem in the lesson's text and
outputs. A screenshot of each lesson is taken before Run All.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_axe import LESSON_CONTENT, run_axe, severe
from lab_expectations import NOTEBOOKS, cell_expectations, count_cells, lesson_notebooks
from lab_look import follow_reason_links, look_problems
from lab_page import (
    ACTION_TIMEOUT_MS,
    cell,
    collapse_left_sidebar,
    open_notebook,
    try_screenshot,
    wait_for_cells,
)
from lab_server import FIRST_SIGHT

LESSONS = lesson_notebooks()


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_looks_right_before_run_all(
    name: str, lab, lab_page, save_screenshot, axe_source, record_axe
) -> None:
    page = lab_page
    stored = NOTEBOOKS / name
    views = [want for want in cell_expectations(stored) if want.html_classes]
    open_notebook(page, lab, f"{FIRST_SIGHT}/{name}")
    wait_for_cells(page, count_cells(stored))
    collapse_left_sidebar(page)
    try:
        problems: list[str] = []
        highlighted = None
        for want in views:
            here = cell(page, want.index)
            first = here.locator("." + sorted(want.html_classes)[0]).first
            first.scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
            first.wait_for(state="visible", timeout=ACTION_TIMEOUT_MS)
            found, seen = look_problems(here)
            print(f"cell {want.index}: {seen}")
            assert seen["styleBlocks"] == 0, (
                f"cell {want.index} kept its <style> block: the notebook is trusted, so this "
                "test would not see what a learner sees on first opening it"
            )
            if "ml-hl-root" in want.html_classes:
                assert seen["legends"] == seen["views"] > 0 and seen["marks"] > 0, seen
                highlighted = highlighted or here
            if "ml-page" in want.html_classes:
                assert seen["story"] > 0, f"cell {want.index} shows no story line: {seen}"
            problems += [f"cell {want.index}: {p}" for p in found]
        assert not problems, f"{name} before Run All:\n" + "\n".join(problems)
        if highlighted is not None:
            links = follow_reason_links(page, highlighted.locator(".ml-hl-root").first)
            assert not links, f"{name}: " + "; ".join(links)
        violations = run_axe(page, axe_source, include=LESSON_CONTENT)
        record_axe(f"{Path(name).stem} (before Run All)", violations)
        for v in violations:
            print("axe:", v)
        assert not severe(violations), f"{name}: axe-core found:\n" + "\n".join(
            map(str, severe(violations))
        )
    finally:
        try_screenshot(page, save_screenshot(f"{Path(name).stem}-before-run-all"))
