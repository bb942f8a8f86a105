"""Does a medialit view *look* right in the page? Computed styles, not just elements.

JupyterLab shows an untrusted notebook's outputs through its sanitizer, which
drops ``<style>`` blocks: an element can be there and still look wrong (a wall
of yellow ``<mark>``s with every hidden explanation printed inline). These
checks read the browser's computed styles and boxes of each view in one cell,
and return what is wrong in words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from medialit.show import templates

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page


def rgb(hex_colour: str) -> str:
    """``#0072B2`` as the browser reports it: ``rgb(0, 114, 178)``."""
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (0, 2, 4)))


EXPECTED = {
    "marks": {
        key: {"bg": rgb(s.background), "line": rgb(s.line), "style": s.line_style}
        for key, s in templates.MARK_STYLES.items()
    },
    "bar": rgb(templates.STORY_BAR),
    "clutter": rgb(templates.CLUTTER_BACKGROUND),
}
"""What the computed styles must be, from the same constants the renderer uses."""

_LOOK_JS = (Path(__file__).with_name("look.js")).read_text(encoding="utf-8")
"""The checks themselves, in JavaScript run inside the page (``look.js``)."""


def look_problems(cell: Locator) -> tuple[list[str], dict[str, int]]:
    """What looks wrong in the medialit views of one cell, and how many of each part it saw."""
    result = cell.evaluate(_LOOK_JS, EXPECTED)
    return result["problems"], result["seen"]


_IN_VIEW_JS = """
(el) => {
  const box = el.getBoundingClientRect();
  const outer = el.closest('.jp-WindowedPanel-outer') || document.documentElement;
  const area = outer.getBoundingClientRect();
  return box.bottom > area.top && box.top < area.bottom && box.height > 0;
}
"""


def in_view(element: Locator) -> bool:
    """True when ``element`` is (at least partly) inside the notebook's visible area."""
    return bool(element.evaluate(_IN_VIEW_JS))


def follow_reason_links(page: Page, root: Locator) -> list[str]:
    """By keyboard: focus the last tag link of a view, press Enter, check its reason is
    in view; then Enter on the reason's own link must bring the highlight back.

    Returns what went wrong, in words (empty when both ways work).
    """
    problems: list[str] = []
    refs = root.locator("a.ml-ref")
    if not refs.count():
        return ["no tag link to follow"]
    ref = refs.last
    # JupyterLab's sanitizer renames ``id`` to ``data-jupyter-id``; its link handler finds both.
    ref_id = ref.get_attribute("id") or ref.get_attribute("data-jupyter-id")
    wanted = ref.get_attribute("href")[1:]
    target = root.locator(f"[id='{wanted}'], [data-jupyter-id='{wanted}']")
    root.locator(".ml-legend").first.scroll_into_view_if_needed()
    ref.focus()
    if not ref.evaluate("el => el === document.activeElement"):
        problems.append(f"tag link {ref_id} cannot take keyboard focus")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    if not in_view(target):
        problems.append(f"Enter on tag link {ref_id} did not bring its reason into view")
    back = target.locator("a.ml-back")
    root.locator(".ml-legend").first.scroll_into_view_if_needed()
    back.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    if not in_view(ref):
        problems.append(f"Enter on the reason's link did not bring {ref_id} back into view")
    return problems


def reason_shown_on_focus(page: Page, root: Locator) -> str | None:
    """Focus the first tag link (by keyboard: Tab from the element before it) and return
    the reason that is then *visible* next to it, or None when none shows."""
    ref = root.locator("a.ml-ref").first
    ref.scroll_into_view_if_needed()
    ref.focus()
    box = ref.locator(".ml-sr").first.bounding_box()
    if not box or box["width"] < 40 or box["height"] < 8:
        return None
    return ref.locator(".ml-sr").first.inner_text().strip()
