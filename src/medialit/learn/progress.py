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
import html
import json
import math
import os
import warnings
from collections.abc import Callable, Mapping
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
from ..errors import FileRefusedError, ProgressError
from ..show.render import Rendered

FORMAT = "medialit-progress"
EXPORT_FORMAT = "medialit-progress-export"
VERSION = 1
FILE_NAME = "progress.json"
HOME_ENV = "MEDIALIT_HOME"
FILE_ENV = "MEDIALIT_PROGRESS"
LOCK_TIMEOUT_SECONDS = 10.0
"""How long a save waits for another kernel's save (saves take milliseconds); after
that the answers stay in memory and are written at the next save."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""A progress file larger than this is not one medialit wrote for a class (it is set aside)."""
MAX_ANSWER_DEPTH = 20
"""Answers are lists and small mappings of text; deeper nesting is damage, not an answer."""

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


class _Corrupt(Exception):
    """The progress file is not what medialit writes; the message says why."""


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


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "lessons": {}}


# --------------------------------------------------------------------------- file shape


MAX_COUNT = 100_000
"""No exercise has this many items: a larger count is damage (and would overflow a table)."""


def is_count(value: object) -> bool:
    """A whole number of items, 0 to :data:`MAX_COUNT` (True/False are not counts)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def is_score(value: object) -> bool:
    """A discernment score: a finite number from 0 to 1."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= 1
    )


_ATTEMPT_FIELDS: dict[str, Callable[[object], bool]] = {
    "time": lambda v: isinstance(v, str) and len(v) < 100,
    "hits": is_count,
    "misses": is_count,
    "false_alarms": is_count,
    "score": is_score,
    "correct": lambda v: isinstance(v, bool),
}


def _check_shape(data: object) -> dict[str, Any]:
    """Return ``data`` if it has the shape medialit writes, else raise :class:`_Corrupt`."""
    if not isinstance(data, dict):
        raise _Corrupt(f"the file holds a {type(data).__name__}, not a JSON object")
    if data.get("format") != FORMAT:
        raise _Corrupt(f"'format' is {data.get('format')!r}, not {FORMAT!r}")
    if data.get("version") != VERSION:
        raise _Corrupt(f"'version' is {data.get('version')!r}, not {VERSION}")
    lessons = data.get("lessons")
    if not isinstance(lessons, dict):
        raise _Corrupt("'lessons' is missing or not an object")
    for lesson, exercises in lessons.items():
        if not isinstance(exercises, dict):
            raise _Corrupt(f"lesson {lesson!r} is not an object")
        for ex_id, entry in exercises.items():
            where = f"exercise {lesson}/{ex_id}"
            if not isinstance(entry, dict):
                raise _Corrupt(f"{where} is not an object")
            attempts = entry.get("attempts")
            if not isinstance(attempts, list):
                raise _Corrupt(f"{where} has no list of attempts")
            if not isinstance(entry.get("answer_shown", False), bool):
                raise _Corrupt(f"{where}: 'answer_shown' is not true/false")
            for name in ("kind", "question"):
                if not isinstance(entry.get(name), (str, type(None))):
                    raise _Corrupt(f"{where}: {name!r} is not text")
            if _depth(entry.get("answer")) > MAX_ANSWER_DEPTH:
                raise _Corrupt(f"{where}: the answer is nested too deeply")
            for attempt in attempts:
                _check_attempt(attempt, where)
    return data


def _depth(value: object) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, level)
            if level <= MAX_ANSWER_DEPTH:
                children = item.values() if isinstance(item, dict) else item
                todo.extend((v, level + 1) for v in children)
    return deepest


def _check_attempt(attempt: object, where: str) -> None:
    if not isinstance(attempt, dict):
        raise _Corrupt(f"{where} has an attempt that is not an object")
    if _depth(attempt.get("answer")) > MAX_ANSWER_DEPTH:
        raise _Corrupt(f"{where} has an attempt whose answer is nested too deeply")
    for name, fits in _ATTEMPT_FIELDS.items():
        value = attempt.get(name)
        if not fits(value):
            raise _Corrupt(f"{where} has an attempt whose {name!r} is {_short(value)}")


def _short(value: object) -> str:
    """A value for a message: never a million characters, never a 4,300-digit error."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**12:
        return "a number far too large"
    shown = repr(value) if not isinstance(value, (list, dict)) else type(value).__name__
    return shown if len(shown) <= 60 else shown[:56] + "...'"


# --------------------------------------------------------------------------- file I/O


def _set_aside(path: Path, reason: str) -> Path:
    """Move a broken progress file out of the way, keeping it for a teacher to look at.

    Raises ``OSError`` if it cannot be moved: then nothing may be written over it.
    """
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    warnings.warn(
        f"medialit: the progress file {path} could not be read ({reason}). It was kept "
        f"as {target.name} and a fresh progress file was started.",
        stacklevel=2,
    )
    return target


def read_progress_file(path: Path) -> dict[str, Any]:
    """Read a progress file; a missing file is empty, a broken one is moved aside.

    Any damage counts as broken: not a regular file, too large, not UTF-8 or not
    JSON, nested too deep (``RecursionError``), the wrong shape or types. Raises
    ``OSError`` when the file exists but cannot be read, or is broken and cannot be
    moved aside.
    """
    try:
        raw = read_bytes_checked(path, limit=MAX_FILE_BYTES, what="progress file")
    except FileNotFoundError:
        return _empty()
    except FileRefusedError as exc:
        _set_aside(path, str(exc))
        return _empty()
    try:
        return _check_shape(json.loads(raw.decode("utf-8")))
    except _Corrupt as exc:
        _set_aside(path, str(exc))
    except RecursionError:
        _set_aside(path, "it is nested too deeply to be a progress file")
    except Exception as exc:  # any damage: bad JSON or UTF-8, a 5,000-digit number ...
        _set_aside(path, f"not valid JSON: {exc}")
    return _empty()


def _dump(data: Mapping[str, Any]) -> bytes:
    """The file's bytes: readable UTF-8, or ASCII escapes for text UTF-8 cannot hold."""
    try:
        return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: "\\ud800" in JSON reads back the same
        return (json.dumps(data, indent=1) + "\n").encode("ascii")


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


_HEADERS = ("exercise", "tries", "hits", "misses", "false alarms", "score", "done")


def _cells(record: Mapping[str, Any]) -> tuple[str, ...]:
    tried = record["attempts"] > 0

    def count(name: str) -> str:
        return str(record[name]) if tried else "-"

    done = "yes" if record["done"] else ("not yet" if tried else "not tried")
    if record["answer_shown"]:
        done += " (answer shown)"
    return (
        record["id"],
        str(record["attempts"]),
        count("hits"),
        count("misses"),
        count("false_alarms"),
        f"{record['score']:.2f}" if tried else "-",
        done,
    )


LEAN_TOO_MUCH = (
    "You lean towards flagging too much: {counts}. Before you flag something, find the "
    "words that make it a problem; a careful story is not a suspicious one."
)
LEAN_TOO_LITTLE = (
    "You lean towards flagging too little: {counts}. Read again with the lesson's question "
    "in mind, and flag what fits it even when you are not sure."
)
LEAN_BALANCED = (
    "You flag too much about as often as too little: {counts}. Keep telling the two apart."
)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def lean(records: list[Mapping[str, Any]]) -> str | None:
    """Which way a learner's last answers lean, with one sentence of advice; None before a try.

    Training that teaches people to spot false news can make them reject true news as
    well, which looks like progress in "spotting" (Modirrousta-Galian and Higham 2023;
    Pfänder and Altay 2025). Comparing false alarms (flagging too much) with misses
    (flagging too little) makes that shift visible to the learner.
    """
    tried = [r for r in records if r["attempts"]]
    if not tried:
        return None
    fa = sum(r["false_alarms"] or 0 for r in tried)
    mi = sum(r["misses"] or 0 for r in tried)
    if fa == mi == 0:
        return "No misses and no false alarms in your last answers: well judged."
    template = LEAN_TOO_MUCH if fa > mi else LEAN_TOO_LITTLE if mi > fa else LEAN_BALANCED
    counts = f"{_count(fa, 'false alarm', 'false alarms')}, {_count(mi, 'miss', 'misses')}"
    return template.format(counts=counts)


def _summary_title(records: list[dict[str, Any]], where: str) -> str:
    """The table's caption; before any try it says how to fill the table, not "0 done"."""
    tried = sum(r["attempts"] > 0 for r in records)
    if not tried:
        return (f"Your progress{where}: {len(records)} exercises, none tried yet. Answer "
                "them above, then run this cell again to see how you did.")
    done = sum(r["done"] for r in records)
    return (f"Your progress{where}: {tried} of {len(records)} exercises tried, {done} fully "
            "right. Run this cell again after more answers.")


def render_summary(records: list[dict[str, Any]], *, lesson: str | None = None) -> Rendered:
    """A deterministic text table and the same table in HTML (no times, no paths)."""
    where = f" in lesson {lesson}" if lesson is not None else ""
    if not records:
        message = f"No exercises{where} yet: answer one and it is saved here."
        return Rendered(f"<p>{html.escape(message)}</p>", message)
    title = _summary_title(records, where)
    leaning = lean(records)
    rows = [_HEADERS, *(_cells(r) for r in records)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    lines = [title]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in _HEADERS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(r)) + "</tr>" for r in records
    )
    table = (
        f'<table class="ml-progress"><caption>{html.escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    if leaning is not None:
        lines.append(leaning)
        table += f'<p class="ml-lean">{html.escape(leaning)}</p>'
    return Rendered(table, "\n".join(lines))


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
