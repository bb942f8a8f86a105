"""Watch the learner's progress folder (``MEDIALIT_HOME``) for what an answer saved."""

from __future__ import annotations

import json
import time
from pathlib import Path

Snapshot = dict[Path, bytes]


def snapshot(home: Path) -> Snapshot:
    """The content of every file under ``home`` right now."""
    files: Snapshot = {}
    for path in home.rglob("*"):
        try:
            files[path] = path.read_bytes()
        except (IsADirectoryError, FileNotFoundError):
            continue  # a folder, or a temporary file renamed away while we looked
    return files


def wait_for_saved_json(
    home: Path, before: Snapshot, *, timeout: float = 10.0
) -> dict[Path, object]:
    """Wait until a JSON file under ``home`` is new or changed, and return the changed ones parsed.

    Raises AssertionError when nothing changed within ``timeout`` seconds, or when
    a changed ``.json`` file is still not valid JSON then (a broken progress file
    would lose a learner's answers).
    """
    deadline = time.monotonic() + timeout
    while True:
        now = snapshot(home)
        changed = {
            path: data
            for path, data in now.items()
            if path.suffix == ".json" and before.get(path) != data
        }
        parsed: dict[Path, object] = {}
        for path, data in changed.items():
            try:
                parsed[path] = json.loads(data)
            except json.JSONDecodeError as exc:
                # Perhaps caught mid-write: look again, and fail only at the deadline.
                if time.monotonic() > deadline:
                    raise AssertionError(
                        f"{path} is not valid JSON after an answer: {exc}"
                    ) from exc
                parsed = {}
                break
        if parsed:
            return parsed
        if time.monotonic() > deadline:
            listing = sorted(str(p.relative_to(home)) for p in now) or ["(empty)"]
            raise AssertionError(
                f"No progress file under {home} changed within {timeout:.0f} s of answering. "
                f"Files there: {', '.join(listing)}"
            )
        time.sleep(0.1)


PROGRESS_FILE = "progress.json"
"""The file medialit's lessons save answers in, inside ``MEDIALIT_HOME`` (see
medialit.learn.progress)."""


def attempts(home: Path, exercise_id: str) -> int:
    """How many checks of ``exercise_id`` the progress file records (0 when none or no file).

    The file looks like ``{"lessons": {"02": {"02-hedges-find": {"attempts": [...]}}}}``.
    """
    path = home / PROGRESS_FILE
    if not path.exists():
        return 0
    data = json.loads(path.read_text(encoding="utf-8"))
    lessons = data.get("lessons")
    if not isinstance(lessons, dict):
        raise AssertionError(f"{path} has no 'lessons' mapping: {str(data)[:500]}")
    for exercises in lessons.values():
        entry = exercises.get(exercise_id) if isinstance(exercises, dict) else None
        if entry is not None:
            return len(entry.get("attempts", []))
    return 0


def wait_for_attempt(home: Path, exercise_id: str, before: int, *, timeout: float = 10.0) -> int:
    """Wait until the progress file records one more check of ``exercise_id``; return the count."""
    deadline = time.monotonic() + timeout
    while (now := attempts(home, exercise_id)) <= before:
        if time.monotonic() > deadline:
            path = home / PROGRESS_FILE
            content = path.read_text(encoding="utf-8")[:800] if path.exists() else "(no file)"
            raise AssertionError(
                f"{path} did not record the answer to {exercise_id} within {timeout:.0f} s "
                f"(still {now} attempts). It holds: {content}"
            )
        time.sleep(0.1)
    return now


def last_attempt(home: Path, exercise_id: str) -> dict | None:
    """The latest check of ``exercise_id`` in the progress file (``correct``, ``score`` ...)."""
    path = home / PROGRESS_FILE
    if not path.exists():
        return None
    lessons = json.loads(path.read_text(encoding="utf-8")).get("lessons", {})
    for exercises in lessons.values():
        entry = exercises.get(exercise_id) if isinstance(exercises, dict) else None
        if entry and entry.get("attempts"):
            return entry["attempts"][-1]
    return None
