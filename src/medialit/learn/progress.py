"""Saved answers: every check is written to a JSON file at once, so no answer is lost.

Where the file lives (first that is set wins):

1. ``MEDIALIT_PROGRESS``: the path of the progress file itself;
2. ``MEDIALIT_HOME``: a folder; the file is ``progress.json`` inside it;
3. ``~/.medialit/progress.json``.

Tests and ``make test`` set ``MEDIALIT_HOME`` to a temporary folder, so they never
touch a learner's real answers.

The file holds, for each lesson and exercise, the latest answer, every attempt
(time, answer, hits, misses, false alarms, score) and whether the answer was shown::

    {"format": "medialit-progress", "version": 1,
     "lessons": {"02": {"02-hedges-find": {"kind": ..., "question": ..., "answer": ...,
                                           "answer_shown": false, "attempts": [...]}}}}

Why it cannot lose answers:

* **Atomic writes.** The new file is written to a temporary file in the same folder,
  flushed and fsync-ed, then moved over the old one with ``os.replace``
  (:func:`medialit._util.io.atomic_write_text`). A crash or a full disk half-way
  leaves the old file whole; temporary files left by a killed kernel are removed at
  the next save.
* **Two kernels, one file.** Every save holds an operating-system lock on
  ``progress.json.lock`` (:func:`medialit._util.io.file_lock`), re-reads the file,
  adds this kernel's new answers and writes it back, so answers given in two
  notebooks at once are both kept. The system releases the lock when a kernel dies,
  so a crash leaves nothing to take over and the next save does not wait. A lock
  still busy after :data:`LOCK_TIMEOUT_SECONDS` is never taken away: the answers
  stay in memory (with a warning) and are written at the next save.
* **A broken file**, whatever the damage (not JSON, nested too deep, the wrong
  shape or types, too large, not a regular file), is moved aside to
  ``progress.json.corrupt-<time>`` with a warning, and a fresh file is started: the
  lesson goes on, and a teacher can still open the old file.
* **Any answer can be written**: text that UTF-8 cannot hold (a lone surrogate
  pasted into an answer) is written with JSON escapes, so it never blocks a save.
* **A folder that cannot be written** gives one warning; answers are kept in memory
  and written as soon as a save succeeds again.
"""

from __future__ import annotations

import contextlib
import json
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .._util.io import (
    atomic_write_bytes,
    atomic_write_text,
    file_lock,
    read_bytes_checked,
    remove_stale_temp_files,
)
from .._util.lazy import pd
from ..errors import ProgressError
from ..show.render import Rendered
from .progress_file import FORMAT as FORMAT
from .progress_file import MAX_ANSWER_DEPTH as MAX_ANSWER_DEPTH
from .progress_file import MAX_FILE_BYTES as MAX_FILE_BYTES
from .progress_file import VERSION as VERSION
from .progress_file import (
    _dump,
    _empty,
    read_progress_file,
)
from .progress_view import render_summary

EXPORT_FORMAT = "medialit-progress-export"
FILE_NAME = "progress.json"
HOME_ENV = "MEDIALIT_HOME"
FILE_ENV = "MEDIALIT_PROGRESS"
LOCK_TIMEOUT_SECONDS = 10.0
"""How long a save waits for another kernel's save (saves take milliseconds); after
that the answers stay in memory and are written at the next save."""
SUMMARY_COLUMNS: dict[str, str] = {
    "lesson": "object",
    "id": "object",
    "kind": "object",
    "attempts": "int64",
    "hits": "Int64",
    "misses": "Int64",
    "false_alarms": "Int64",
    "score": "Float64",
    "done": "bool",
    "answer_shown": "bool",
}
"""Columns of :func:`summary` and their dtypes (counts are ``<NA>`` before a first try)."""


# --------------------------------------------------------------------------- paths


def progress_path() -> Path:
    """The progress file for this process, from the environment (see the module doc)."""
    explicit = os.environ.get(FILE_ENV, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get(HOME_ENV, "").strip()
    folder = Path(home).expanduser() if home else Path.home() / ".medialit"
    return folder / FILE_NAME


def _now() -> str:
    """The time of an attempt: UTC, to the second, ISO 8601 (sorts as text)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- changes


def _entry(data: dict[str, Any], lesson: str, exercise_id: str) -> dict[str, Any]:
    lesson_map = data["lessons"].setdefault(lesson, {})
    return lesson_map.setdefault(
        exercise_id,
        {"kind": None, "question": None, "answer": None, "answer_shown": False, "attempts": []},
    )


def _apply(data: dict[str, Any], change: Mapping[str, Any]) -> None:
    """Apply one saved change (an attempt, or "answer shown") to the file's data."""
    entry = _entry(data, change["lesson"], change["id"])
    if change.get("kind"):
        entry["kind"] = change["kind"]
    if change.get("question"):
        entry["question"] = change["question"]
    if change["change"] == "attempt":
        attempt = dict(change["attempt"])
        entry["attempts"].append(attempt)
        entry["answer"] = attempt["answer"]
    elif change["change"] == "answer_shown":
        entry["answer_shown"] = True
        entry.setdefault("answer_shown_at", change["time"])


@dataclass(frozen=True)
class ExerciseInfo:
    """What a lesson said about an exercise when it was made (kept in memory only)."""

    lesson: str
    id: str
    kind: str
    question: str


# --------------------------------------------------------------------------- the store


class ProgressStore:
    """The answers in one progress file, with every change saved as it happens.

    Make one with ``ProgressStore(path)``, or use :func:`store` for the file this
    process should use. Two stores on the same file (two kernels) keep each other's
    answers: every save re-reads the file under a lock and adds to it.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else progress_path()
        self._pending: list[dict[str, Any]] = []
        self._warned = False
        self._stamp = _stamp(self.path)
        try:
            self._data = read_progress_file(self.path)
        except OSError as exc:
            self._warn_unsaved(exc, reading=True)
            self._data = _empty()

    # ---------------------------------------------------------------- reading

    @property
    def in_memory_only(self) -> bool:
        """True while some answers could not be written to the file yet."""
        return bool(self._pending)

    def reload(self) -> None:
        """Read the file again (answers given in another kernel appear), keeping unsaved ones."""
        stamp = _stamp(self.path)
        try:
            data = read_progress_file(self.path)
        except OSError as exc:
            self._warn_unsaved(exc, reading=True)
            return
        for change in self._pending:
            _apply(data, change)
        self._data = data
        self._stamp = stamp

    def refresh(self) -> None:
        """Reload only if the file changed since this store last read or wrote it (one stat)."""
        if _stamp(self.path) != self._stamp:
            self.reload()

    def entry(self, lesson: str, exercise_id: str) -> dict[str, Any] | None:
        """The saved record of one exercise (a copy), or None if it was never tried."""
        found = self._data["lessons"].get(lesson, {}).get(exercise_id)
        return json.loads(json.dumps(found)) if found is not None else None

    def latest_answer(self, lesson: str, exercise_id: str) -> Any:
        """The learner's last answer to an exercise, or None."""
        found = self._data["lessons"].get(lesson, {}).get(exercise_id)
        return None if found is None else json.loads(json.dumps(found.get("answer")))

    def attempt_count(self, lesson: str, exercise_id: str) -> int:
        found = self._data["lessons"].get(lesson, {}).get(exercise_id)
        return 0 if found is None else len(found["attempts"])

    def answer_shown(self, lesson: str, exercise_id: str) -> bool:
        found = self._data["lessons"].get(lesson, {}).get(exercise_id)
        return bool(found and found.get("answer_shown"))

    def data(self) -> dict[str, Any]:
        """A copy of everything in the file (plus answers not yet written)."""
        return json.loads(json.dumps(self._data))

    # ---------------------------------------------------------------- writing

    def record_attempt(
        self,
        lesson: str,
        exercise_id: str,
        *,
        answer: Any,
        hits: int,
        misses: int,
        false_alarms: int,
        score: float,
        correct: bool,
        kind: str | None = None,
        question: str | None = None,
    ) -> None:
        """Save one attempt now: the answer (JSON-able), its counts and its score."""
        attempt = {
            "time": _now(),
            "answer": answer,
            "hits": int(hits),
            "misses": int(misses),
            "false_alarms": int(false_alarms),
            "score": float(score),
            "correct": bool(correct),
            "answer_shown": self.answer_shown(lesson, exercise_id),
        }
        json.dumps(attempt, allow_nan=False)  # fail here, in the caller's cell, if not JSON
        self._save(
            {
                "change": "attempt",
                "lesson": lesson,
                "id": exercise_id,
                "kind": kind,
                "question": question,
                "attempt": attempt,
            }
        )

    def record_answer_shown(
        self,
        lesson: str,
        exercise_id: str,
        *,
        kind: str | None = None,
        question: str | None = None,
    ) -> None:
        """Save that the learner asked to see the answer."""
        self._save(
            {
                "change": "answer_shown",
                "lesson": lesson,
                "id": exercise_id,
                "kind": kind,
                "question": question,
                "time": _now(),
            }
        )

    def _save(self, change: dict[str, Any]) -> None:
        """Write ``change`` (and any earlier unsaved ones) to the file; never raise OSError."""
        self._pending.append(change)
        try:
            with file_lock(self.path, timeout=LOCK_TIMEOUT_SECONDS):
                remove_stale_temp_files(self.path, older_than=0)  # left by a killed kernel
                data = read_progress_file(self.path)
                for pending in self._pending:
                    _apply(data, pending)
                atomic_write_bytes(self.path, _dump(data), make_folder=True)
                self._stamp = _stamp(self.path)
        except OSError as exc:
            _apply(self._data, change)
            self._warn_unsaved(exc, reading=False)
            return
        except Exception:
            # Not the disk: this change itself cannot be written. Take it off the queue,
            # so one bad answer never blocks every later save; the caller shows the error.
            self._pending.remove(change)
            with contextlib.suppress(Exception):
                _apply(self._data, change)  # kept in memory while the kernel runs
            raise
        self._pending.clear()
        self._data = data
        self._warned = False

    def _warn_unsaved(self, exc: OSError, *, reading: bool) -> None:
        # One warning per run of failures: a lesson should not drown in them.
        if self._warned:
            return
        self._warned = True
        what = "read" if reading else "save answers to"
        warnings.warn(
            f"medialit: cannot {what} the progress file {self.path} "
            f"({exc.strerror or exc}). Answers are kept in memory while this kernel runs "
            f"and saved as soon as the file can be written. To save them elsewhere, set "
            f"{HOME_ENV} to a folder you can write to and restart the kernel.",
            stacklevel=4,
        )

    # ---------------------------------------------------------------- reports

    def summary(self, lesson: str | None = None) -> pd.DataFrame:
        """One row per exercise: lesson, id, kind, attempts, hits, misses, false_alarms,
        score, done, answer_shown (counts and score from the latest attempt).

        Exercises made in this kernel but not tried yet are listed with 0 attempts.
        Rows come in lesson order, and within a lesson in the order the exercises
        were made (then the order they were first saved).
        """
        return summary_frame(_summary_records(self._data, lesson))

    def summary_view(self, lesson: str | None = None) -> Rendered:
        """The summary as a table a notebook shows (HTML) and a terminal prints (text)."""
        return render_summary(_summary_records(self._data, lesson), lesson=lesson)

    def export(
        self,
        path: str | os.PathLike[str],
        *,
        learner: str | None = None,
        overwrite: bool = False,
    ) -> Path:
        """Write a file a learner can hand in; return where it was written.

        Overwriting: an earlier medialit export at ``path`` is replaced (so exporting
        again after more work just updates it); any other existing file is refused
        unless ``overwrite=True``, because a typo should not destroy a notebook or an
        essay. A folder as ``path`` gets ``medialit-progress.json`` inside it.
        """
        target = Path(path).expanduser()
        if target.is_dir():
            target = target / "medialit-progress.json"
        if target.resolve() == self.path.resolve():
            raise ProgressError(
                f"{str(target)!r} is the progress file itself. Export to another file, "
                "for example 'my-answers.json'."
            )
        if target.exists() and not overwrite and not _is_export(target):
            raise ProgressError(
                f"{str(target)!r} already exists and is not a medialit export. Choose "
                "another file name, or pass overwrite=True to replace it."
            )
        payload = export_payload(self._data, learner=learner)
        atomic_write_bytes(target, _dump(payload), make_folder=True)
        return target


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells a changed file from the one last seen: modification time and size."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def _is_export(path: Path) -> bool:
    try:
        data = json.loads(read_bytes_checked(path, limit=MAX_FILE_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # FileRefusedError is a ValueError
        return False
    return isinstance(data, dict) and data.get("format") == EXPORT_FORMAT


# --------------------------------------------------------------------------- summary


_REGISTERED: dict[tuple[str, str], ExerciseInfo] = {}


def register_exercise(info: ExerciseInfo) -> None:
    """Remember that a lesson made this exercise, so the summary lists it before a try.

    A cell run again keeps the exercise's first place, so the summary stays in lesson order.
    """
    _REGISTERED[(info.lesson, info.id)] = info


def _summary_records(data: Mapping[str, Any], lesson: str | None) -> list[dict[str, Any]]:
    lessons = data["lessons"]
    keys: list[tuple[str, str]] = list(_REGISTERED)
    known = set(keys)
    for les, exercises in lessons.items():
        for ex_id in exercises:
            if (les, ex_id) not in known:
                keys.append((les, ex_id))
    lesson_order = {les: i for i, les in enumerate(dict.fromkeys(les for les, _ in keys))}
    keys.sort(key=lambda key: lesson_order[key[0]])  # stable: keeps order within a lesson
    records = []
    for les, ex_id in keys:
        if lesson is not None and les != lesson:
            continue
        entry = lessons.get(les, {}).get(ex_id)
        info = _REGISTERED.get((les, ex_id))
        kind = info.kind if info else (entry or {}).get("kind")
        attempts = entry["attempts"] if entry else []
        last = attempts[-1] if attempts else None
        records.append(
            {
                "lesson": les,
                "id": ex_id,
                "kind": kind,
                "attempts": len(attempts),
                "hits": last["hits"] if last else None,
                "misses": last["misses"] if last else None,
                "false_alarms": last["false_alarms"] if last else None,
                "score": last["score"] if last else None,
                "done": bool(last and last["correct"]),
                "answer_shown": bool(entry and entry.get("answer_shown")),
            }
        )
    return records


def summary_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """Summary records as a DataFrame with fixed columns and dtypes, even when empty."""
    frame = pd.DataFrame.from_records(records, columns=list(SUMMARY_COLUMNS))
    return frame.astype(SUMMARY_COLUMNS)


def export_payload(data: Mapping[str, Any], *, learner: str | None = None) -> dict[str, Any]:
    """What :meth:`ProgressStore.export` writes: every exercise with its attempts."""
    exercises = []
    for lesson, entries in data["lessons"].items():
        for ex_id, entry in entries.items():
            attempts = entry["attempts"]
            last = attempts[-1] if attempts else {}
            exercises.append(
                {
                    "lesson": lesson,
                    "id": ex_id,
                    "kind": entry.get("kind"),
                    "question": entry.get("question"),
                    "answer": entry.get("answer"),
                    "attempts": attempts,
                    "answer_shown": bool(entry.get("answer_shown")),
                    "hits": last.get("hits"),
                    "misses": last.get("misses"),
                    "false_alarms": last.get("false_alarms"),
                    "score": last.get("score"),
                    "done": bool(last.get("correct")),
                }
            )
    from .._version import __version__

    return {
        "format": EXPORT_FORMAT,
        "version": VERSION,
        "medialit_version": __version__,
        "learner": learner,
        "exported_at": _now(),
        "exercises": exercises,
        "totals": {
            "exercises": len(exercises),
            "done": sum(e["done"] for e in exercises),
            "attempts": sum(len(e["attempts"]) for e in exercises),
        },
    }


# --------------------------------------------------------------------------- module API


_STORES: dict[Path, ProgressStore] = {}


def store() -> ProgressStore:
    """The progress store for the file this process uses now (one per file, reused)."""
    path = progress_path()
    key = path.expanduser().absolute()
    found = _STORES.get(key)
    if found is None:
        found = _STORES[key] = ProgressStore(path)
    else:
        found.refresh()  # another kernel may have saved answers since
    return found


def summary(lesson: str | None = None) -> pd.DataFrame:
    """One row per exercise (see :meth:`ProgressStore.summary`); ``lesson`` keeps one lesson."""
    return store().summary(lesson)


def summary_view(lesson: str | None = None) -> Rendered:
    """The progress summary cell of a lesson: a table in a notebook, text in a terminal."""
    return store().summary_view(lesson)


def export(
    path: str | os.PathLike[str], *, learner: str | None = None, overwrite: bool = False
) -> Path:
    """Write a file to hand in (see :meth:`ProgressStore.export`); return its path."""
    return store().export(path, learner=learner, overwrite=overwrite)


__all__ = [
    "ExerciseInfo",
    "ProgressError",
    "ProgressStore",
    "atomic_write_text",
    "export",
    "file_lock",
    "progress_path",
    "read_progress_file",
    "register_exercise",
    "store",
    "summary",
    "summary_view",
]
