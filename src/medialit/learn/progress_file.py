"""The progress file: its shape, the checks a file must pass, and reading and writing it.

A progress file is JSON that medialit writes. Anything else found at its place (a file
from another program, a damaged or hostile one) is set aside with a warning, whatever
the kind of damage, so the learner's next answer is saved in a fresh file.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .._util.io import read_bytes_checked
from ..errors import FileRefusedError

FORMAT = "medialit-progress"
VERSION = 1

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A progress file larger than this is not one medialit wrote for a class (it is set aside)."""
MAX_ANSWER_DEPTH = 20
"""Answers are lists and small mappings of text; deeper nesting is damage, not an answer."""


class _Corrupt(Exception):
    """The progress file is not what medialit writes; the message says why."""


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
