"""axe-core, the accessibility checker, run inside the page the learner sees.

axe-core comes from the npm registry: :func:`ensure_axe` installs the pinned
version with ``npm install`` into a cache folder the first time (a fresh CI
machine has none) and reuses it afterwards. Nothing is written into the
repository. ``MEDIALIT_AXE_DIR`` names another cache folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE_VERSION = "4.10.3"
"""The axe-core release the suite runs (pinned, so a new rule never fails CI by surprise)."""

SEVERE = ("serious", "critical")
"""Impacts that fail a test; "minor" and "moderate" findings are printed only."""

LESSON_CONTENT = (".jp-MarkdownOutput", ".jp-OutputArea-output")
"""What a lesson's author controls: its text cells and its outputs, not JupyterLab's own UI."""


def axe_dir() -> Path:
    """Where axe-core goes: ``MEDIALIT_AXE_DIR``, or ``~/.cache/medialit/axe-core-VERSION``."""
    chosen = os.environ.get("MEDIALIT_AXE_DIR")
    if chosen:
        return Path(chosen)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "medialit" / f"axe-core-{AXE_VERSION}"


def axe_problem() -> str | None:
    """Why axe-core cannot be installed here (no npm), or None."""
    script = axe_dir() / "node_modules" / "axe-core" / "axe.min.js"
    if script.is_file() or shutil.which("npm"):
        return None
    return "npm not found (apt-get install npm), so axe-core cannot be installed"


def ensure_axe() -> str:
    """The source of ``axe.min.js``, installed from the npm registry when it is missing."""
    folder = axe_dir()
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
                str(folder),
                f"axe-core@{AXE_VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0 or not script.is_file():
            raise RuntimeError(
                f"npm install axe-core@{AXE_VERSION} into {folder} failed:\n"
                f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
            )
    return script.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Violation:
    """One axe rule broken on the page, with where."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        where = "; ".join(self.targets[:4]) + (" ..." if len(self.targets) > 4 else "")
        return f"[{self.impact}] {self.rule}: {self.help} ({len(self.targets)}x: {where})"


def run_axe(page: Page, source: str, *, include: tuple[str, ...] | None = None) -> list[Violation]:
    """Every axe violation on ``page`` (WCAG 2.x A and AA rules and best practices).

    ``include`` limits the check to elements matching those selectors (all of
    them, wherever they are); by default the whole document is checked.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    context = "document" if include is None else json.dumps({"include": [[s] for s in include]})
    raw = page.evaluate(
        f"""async () => {{
            const ctx = {context};
            const none = ctx !== document
                && !ctx.include.some(([s]) => document.querySelector(s));
            if (none) return [];
            const result = await window.axe.run(ctx, {{resultTypes: ['violations']}});
            return result.violations.map(v => [v.id, v.impact || 'minor', v.help,
                v.nodes.map(n => n.target.join(' '))]);
        }}"""
    )
    return [Violation(rule, impact, help_, tuple(targets)) for rule, impact, help_, targets in raw]


def severe(violations: list[Violation]) -> list[Violation]:
    """The violations that fail a test: serious or critical."""
    return [v for v in violations if v.impact in SEVERE]


def counts(violations: list[Violation]) -> dict[str, int]:
    """How many elements break a rule, per impact (``{"critical": 0, "serious": 2, ...}``)."""
    out = dict.fromkeys(("critical", "serious", "moderate", "minor"), 0)
    for v in violations:
        out[v.impact] = out.get(v.impact, 0) + len(v.targets)
    return out
