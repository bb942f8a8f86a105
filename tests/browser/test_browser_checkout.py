"""The browser suite works on copies: afterwards the checkout is exactly as before.

Lessons autosave, learners' answers are written, screenshots are taken: none of
it may land in a tracked file (``browser-screenshots/`` is git-ignored). This
test runs after every other test of the session (see ``conftest.py``).
"""

from __future__ import annotations

import pytest
from conftest import git_status


def test_the_suite_changed_no_tracked_file(git_status_before: str | None) -> None:
    after = git_status()
    if git_status_before is None or after is None:
        pytest.skip("not a git checkout (or git is missing): nothing to compare")
    assert after == git_status_before, (
        "the test run changed the checkout; `git status --porcelain` went from\n"
        f"{git_status_before or '(clean)'}\nto\n{after or '(clean)'}"
    )
