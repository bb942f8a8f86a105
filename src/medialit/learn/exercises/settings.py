"""Who may see answers: "Show answer" is off in a student copy."""

from __future__ import annotations

import os

from ...errors import ExerciseError

STUDENT_ENV = "MEDIALIT_STUDENT"
"""Set to 1 (or true/yes/on) in a student release: "Show answer" is switched off."""

_SETTINGS: dict[str, bool] = {"show_answers": True}


def configure(*, show_answers: bool | None = None) -> None:
    """Set options for every exercise in this kernel.

    ``show_answers=False`` removes the "Show answer" button and makes
    ``show_answer()`` refuse, for a student release. The environment variable
    ``MEDIALIT_STUDENT=1`` does the same and cannot be switched back on from a cell.
    """
    if show_answers is not None:
        if not isinstance(show_answers, bool):
            raise ExerciseError(f"show_answers must be True or False, not {show_answers!r}.")
        _SETTINGS["show_answers"] = show_answers


def answers_enabled() -> bool:
    """True when "Show answer" is offered (see :func:`configure`)."""
    student = os.environ.get(STUDENT_ENV, "").strip().lower() in {"1", "true", "yes", "on"}
    return _SETTINGS["show_answers"] and not student
