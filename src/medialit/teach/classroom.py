"""Class results: read the progress files learners hand in, and see what the class found hard.

Each learner runs ``ml.progress.export("sam.json", learner="Sam")`` and hands in
the file. The teacher collects them in a folder and runs::

    from medialit.teach.classroom import summarise
    result = summarise(["exports/"])       # a folder, or a list of files
    result.table                           # one row per learner and exercise
    result.by_exercise                     # one row per exercise, for the class
    result.figure                          # hits, misses and false alarms per exercise

How to read it (see also ``docs/teacher_guide.md``): every exercise mixes real
items with look-alikes, so a check counts **hits** (right items found),
**misses** (right items not found) and **false alarms** (look-alikes flagged).
Many misses mean the class takes too much on trust (credulity); many false
alarms mean it flags everything (over-suspicion), which is not skill either:
what matters is telling the two apart (Guess et al. 2020, PNAS;
Modirrousta-Galian & Higham 2023). The counts are those of each learner's
latest check.

matplotlib is imported only when the chart is drawn.
"""

from __future__ import annotations

import html
import json
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._util.io import read_bytes_checked
from .._util.lazy import pd
from ..errors import ProgressError
from ..learn.progress import EXPORT_FORMAT
from ..learn.progress_file import FORMAT, MAX_FILE_BYTES, VERSION, is_count, is_score

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TABLE_COLUMNS: dict[str, str] = {
    "learner": "object",
    "lesson": "object",
    "exercise": "object",
    "hits": "Int64",
    "misses": "Int64",
    "false_alarms": "Int64",
    "score": "Float64",
    "attempts": "int64",
    "done": "bool",
    "answer_shown": "bool",
    "file": "object",
}
"""Columns of :attr:`ClassSummary.table`: one row per learner and exercise.

Counts and score come from the learner's latest check; they are ``<NA>`` when
the learner opened the answer without checking first.
"""

BY_EXERCISE_COLUMNS: dict[str, str] = {
    "lesson": "object",
    "exercise": "object",
    "learners": "int64",
    "done": "int64",
    "hits": "int64",
    "misses": "int64",
    "false_alarms": "int64",
    "mean_score": "Float64",
    "misses_per_learner": "Float64",
    "false_alarms_per_learner": "Float64",
    "more_often": "object",
    "answer_shown": "int64",
}
"""Columns of :attr:`ClassSummary.by_exercise`: one row per exercise.

``learners`` counts those who checked the exercise at least once; ``done`` those
whose latest check was fully right; ``hits``, ``misses`` and ``false_alarms`` are
sums over them; ``more_often`` says which mistake the class made more:
``"misses"``, ``"false alarms"``, ``"even"`` or ``"none"``.
"""


@dataclass(frozen=True)
class ClassSummary:
    """The class's results: per learner and exercise, per exercise, and a chart."""

    table: pd.DataFrame
    by_exercise: pd.DataFrame
    learners: tuple[str, ...]
    files: tuple[Path, ...]
    figure: Figure | None = field(default=None, repr=False)

    def _repr_html_(self) -> str:
        title = (
            f"Class results: {len(self.learners)} learner(s), "
            f"{len(self.by_exercise)} exercise(s)."
        )
        return f"<p>{html.escape(title)}</p>" + self.by_exercise.to_html(index=False, na_rep="-")

    def __repr__(self) -> str:
        return (
            f"ClassSummary(learners={len(self.learners)}, exercises={len(self.by_exercise)}, "
            f"rows={len(self.table)})"
        )


# --------------------------------------------------------------------------- reading


def _expand(files: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to read: a folder stands for the ``.json`` files in it, sorted by name."""
    if isinstance(files, (str, os.PathLike)):
        files = [files]
    paths: list[Path] = []
    for item in files:
        path = Path(item).expanduser()
        if path.is_dir():
            inside = sorted(p for p in path.glob("*.json") if p.is_file())
            if not inside:
                raise ProgressError(f"The folder {str(path)!r} holds no .json files to read.")
            paths.extend(inside)
        else:
            paths.append(path)
    if not paths:
        raise ProgressError(
            "No files given. Pass a list of exported progress files, or a folder that holds them."
        )
    return paths


def read_export(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read one file written by ``medialit.learn.progress.export``; a clear error names the file."""
    path = Path(path)
    name = repr(str(path))
    try:
        raw = read_bytes_checked(
            path, limit=MAX_FILE_BYTES, what="exported progress file", error=ProgressError
        ).decode("utf-8")
    except FileNotFoundError as exc:
        raise ProgressError(f"There is no file at {name}. Check the name and the folder.") from exc
    except IsADirectoryError as exc:  # pragma: no cover - folders are expanded before
        raise ProgressError(f"{name} is a folder, not a file.") from exc
    except UnicodeDecodeError as exc:
        raise ProgressError(f"{name} is not a medialit export: it is not text.") from exc
    except OSError as exc:
        raise ProgressError(f"{name} cannot be read: {exc.strerror or exc}.") from exc
    try:
        data = json.loads(raw)
    except RecursionError as exc:
        raise ProgressError(
            f"{name} is not a medialit export: it is nested far too deeply."
        ) from exc
    except ValueError as exc:  # bad JSON, or a number with thousands of digits
        raise ProgressError(
            f"{name} is not a medialit export: it is not valid JSON ({exc})."
        ) from exc
    if isinstance(data, dict) and data.get("format") == FORMAT:
        raise ProgressError(
            f"{name} is a learner's own progress file, not an export. Ask the learner to run "
            "ml.progress.export('my-answers.json', learner='Their Name') and hand in that file."
        )
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ProgressError(
            f"{name} is not a medialit export (its format is {found!r}, not {EXPORT_FORMAT!r}). "
            "Learners make one with ml.progress.export('my-answers.json')."
        )
    if data.get("version") != VERSION:
        raise ProgressError(
            f"{name} is a version {data.get('version')!r} export; this medialit reads "
            f"version {VERSION}. Update medialit."
        )
    problem = _export_problem(data)
    if problem:
        raise ProgressError(f"{name} is a damaged medialit export: {problem}.")
    return data


MAX_EXERCISES = 10_000
"""More exercises than any course has: a larger export is damage, not a learner's work."""
_ID_RE = re.compile(r"[\w.:+ -]{1,80}")
"""Lesson and exercise ids: letters, digits and ``_ . : + -`` (no ``$`` or ``\\`` that a
chart would read as a formula, no markup, no control characters), at most 80."""


def _short(value: object) -> str:
    """A value for a message, never a 4,300-digit number or a megabyte of text."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**12:
        return "a number far too large"
    if isinstance(value, (list, dict)):
        return f"a {'list' if isinstance(value, list) else 'JSON object'}"
    shown = ascii(value)
    return shown if len(shown) <= 60 else shown[:56] + "...'"


def _field_problem(entry: Mapping[str, Any], where: str) -> str | None:
    """What is wrong with one exercise of an export (None when nothing is)."""
    for key in ("lesson", "id"):
        value = entry.get(key)
        if value is None or value == "":
            return f"{where} has no {key!r}"
        if not isinstance(value, str) or not _ID_RE.fullmatch(value):
            return (
                f"{where}.{key} is {_short(value)}, not an id (letters, digits and "
                "'_ . : + -', at most 80)"
            )
    attempts = entry.get("attempts")
    if not isinstance(attempts, list) or len(attempts) > 100_000:
        return f"{where}.attempts is {_short(attempts)}, not a list of attempts"
    for key in ("hits", "misses", "false_alarms"):
        value = entry.get(key)
        if value is not None and not is_count(value):
            return f"{where}.{key} is {_short(value)}, not a count from 0 to 100,000"
    score = entry.get("score")
    if score is not None and not is_score(score):
        return f"{where}.score is {_short(score)}, not a number from 0 to 1"
    for key in ("done", "answer_shown"):
        if not isinstance(entry.get(key, False), bool):
            return f"{where}.{key} is {_short(entry.get(key))}, not true or false"
    return None


def _export_problem(data: Mapping[str, Any]) -> str | None:
    """What is wrong with the fields of an export (None when nothing is): every field a
    summary reads is checked for its type and range, so nothing odd reaches a table."""
    exercises = data.get("exercises")
    if not isinstance(exercises, list):
        return "'exercises' is missing or not a list"
    if len(exercises) > MAX_EXERCISES:
        return f"it lists {len(exercises):,} exercises (at most {MAX_EXERCISES:,})"
    learner = data.get("learner")
    if learner is not None and (not isinstance(learner, str) or len(learner) > 200):
        return f"'learner' is {_short(learner)}, not a name"
    if learner is not None and not learner.isprintable():
        return f"'learner' is {_short(learner)}: a name has no control characters"
    if not isinstance(data.get("exported_at", ""), (str, type(None))):
        return f"'exported_at' is {_short(data.get('exported_at'))}, not a time"
    for i, entry in enumerate(exercises):
        where = f"exercises[{i}]"
        if not isinstance(entry, dict):
            return f"{where} is not an object"
        problem = _field_problem(entry, where)
        if problem:
            return problem
    return None


def _learner_name(data: Mapping[str, Any], path: Path) -> str:
    """The name the learner gave when exporting; else the file's name."""
    name = data.get("learner")
    return name.strip() if isinstance(name, str) and name.strip() else path.stem


def _rows(data: Mapping[str, Any], learner: str, path: Path) -> list[dict[str, Any]]:
    rows = []
    for entry in data["exercises"]:
        tried = bool(entry["attempts"])
        rows.append(
            {
                "learner": learner,
                "lesson": entry["lesson"],
                "exercise": entry["id"],
                "hits": entry.get("hits") if tried else None,
                "misses": entry.get("misses") if tried else None,
                "false_alarms": entry.get("false_alarms") if tried else None,
                "score": entry.get("score") if tried else None,
                "attempts": len(entry["attempts"]),
                "done": bool(entry.get("done")),
                "answer_shown": bool(entry.get("answer_shown")),
                "file": str(path),
            }
        )
    return rows


# --------------------------------------------------------------------------- tables


def _order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lessons in order; exercises in the order learners met them; learners by name."""
    first_seen: dict[tuple[str, str], int] = {}
    for row in rows:
        first_seen.setdefault((row["lesson"], row["exercise"]), len(first_seen))
    return sorted(
        rows, key=lambda r: (r["lesson"], first_seen[(r["lesson"], r["exercise"])], r["learner"])
    )


def class_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as the learner-by-exercise table, with fixed columns and dtypes even when empty."""
    frame = pd.DataFrame.from_records(_order(rows), columns=list(TABLE_COLUMNS))
    return frame.astype(TABLE_COLUMNS)


def _more_often(misses: int, false_alarms: int) -> str:
    if misses == false_alarms:
        return "none" if misses == 0 else "even"
    return "misses" if misses > false_alarms else "false alarms"


def by_exercise(table: pd.DataFrame) -> pd.DataFrame:
    """One row per exercise, summed over the learners who checked it (see BY_EXERCISE_COLUMNS)."""
    records = []
    for (lesson, exercise), group in table.groupby(["lesson", "exercise"], sort=False):
        tried = group[group["attempts"] > 0]
        n = len(tried)
        hits, misses, alarms = (int(tried[c].sum()) for c in ("hits", "misses", "false_alarms"))
        records.append(
            {
                "lesson": lesson,
                "exercise": exercise,
                "learners": n,
                "done": int(tried["done"].sum()),
                "hits": hits,
                "misses": misses,
                "false_alarms": alarms,
                "mean_score": float(tried["score"].mean()) if n else None,
                "misses_per_learner": misses / n if n else None,
                "false_alarms_per_learner": alarms / n if n else None,
                "more_often": _more_often(misses, alarms),
                "answer_shown": int(group["answer_shown"].sum()),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=list(BY_EXERCISE_COLUMNS))
    return frame.astype(BY_EXERCISE_COLUMNS)


# --------------------------------------------------------------------------- chart

_SERIES = (
    ("hits", "Hits (right items found)", "blue", ""),
    ("misses", "Misses (right items not found)", "orange", "//"),
    ("false_alarms", "False alarms (look-alikes flagged)", "vermillion", "xx"),
)
"""Bars of the chart: column, legend text, Okabe-Ito colour and a hatch (not colour alone)."""


MAX_CHART_EXERCISES = 20
"""The chart shows at most this many exercises (those with the most mistakes), so it stays
readable; the table :attr:`ClassSummary.by_exercise` keeps every one."""


def _chart_rows(summary: pd.DataFrame) -> pd.DataFrame:
    """All rows, or the :data:`MAX_CHART_EXERCISES` with the most misses and false alarms
    (in their original order)."""
    if len(summary) <= MAX_CHART_EXERCISES:
        return summary
    mistakes = summary["misses"] + summary["false_alarms"]
    keep = mistakes.sort_values(ascending=False, kind="stable").index[:MAX_CHART_EXERCISES]
    return summary.loc[sorted(keep)]


def plot_class_summary(summary: pd.DataFrame, *, learners: int | None = None) -> Figure:
    """Grouped bars: hits, misses and false alarms per exercise, summed over the class.

    Compare the orange and red bars of an exercise: a tall orange bar (misses)
    means the class let real items through; a tall red one (false alarms) means
    it flagged look-alikes.
    """
    from ..show.plots import LABEL_SIZE, NOTE_SIZE, TICK_SIZE, TITLE_SIZE, new_figure
    from ..show.templates import OKABE_ITO

    total = len(summary)
    summary = _chart_rows(summary)
    n = len(summary)
    fig = new_figure(max(8.0, 1.3 * n + 3), 6.0)
    ax = fig.add_subplot()
    width = 0.26
    for i, (column, label, colour, hatch) in enumerate(_SERIES):
        x = [j + (i - 1) * width for j in range(n)]
        ax.bar(x, summary[column].tolist(), width=width, color=OKABE_ITO[colour], hatch=hatch,
               edgecolor="#333333", label=label)
    ax.set_xticks(range(n), summary["exercise"].tolist(), rotation=30, ha="right")
    for tick in ax.get_xticklabels():
        tick.set_parse_math(False)  # an id is a name, never a formula
    if total > n:
        ax.text(0, 1.02, f"The {n} exercises with the most mistakes; {total - n} more are in "
                "by_exercise.", transform=ax.transAxes, fontsize=NOTE_SIZE)
    ax.yaxis.get_major_locator().set_params(integer=True)
    if n == 0:
        ax.text(0.5, 0.5, "No answers yet", transform=ax.transAxes, ha="center",
                fontsize=LABEL_SIZE)
        ax.set_xticks([])
    who = f" ({learners} learners)" if learners is not None else ""
    ax.set_title(f"Class results per exercise{who}", fontsize=TITLE_SIZE, loc="left")
    ax.set_xlabel("Exercise", fontsize=LABEL_SIZE)
    ax.set_ylabel("Count, summed over the class", fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=NOTE_SIZE, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


# --------------------------------------------------------------------------- summarise


def summarise(
    files: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, chart: bool = True
) -> ClassSummary:
    """Read the learners' exported progress files and sum up the class's results.

    ``files`` is a list of exported files (from ``ml.progress.export``), a folder
    holding them, or a mix. A file that is missing, not JSON or not a medialit
    export raises :class:`medialit.learn.progress.ProgressError` naming the file. If two
    files belong to the same learner, the one exported last is used (with a
    warning). ``chart=False`` skips drawing the figure (no matplotlib import).
    """
    chosen: dict[str, tuple[str, Path, dict[str, Any]]] = {}
    for path in _expand(files):
        data = read_export(path)
        learner = _learner_name(data, path)
        stamp = str(data.get("exported_at") or "")
        earlier = chosen.get(learner)
        if earlier is not None:
            keep_new = stamp >= earlier[0]
            dropped = earlier[1] if keep_new else path
            warnings.warn(
                f"medialit: {str(earlier[1])!r} and {str(path)!r} are both from {learner!r}; "
                f"using the later export and leaving out {str(dropped)!r}.",
                stacklevel=2,
            )
            if not keep_new:
                continue
        chosen[learner] = (stamp, path, data)
    rows = [
        row for learner, (_, path, data) in chosen.items() for row in _rows(data, learner, path)
    ]
    table = class_table(rows)
    per_exercise = by_exercise(table)
    learners = tuple(sorted(chosen))
    figure = plot_class_summary(per_exercise, learners=len(learners)) if chart else None
    return ClassSummary(
        table=table,
        by_exercise=per_exercise,
        learners=learners,
        files=tuple(path for _, path, _ in chosen.values()),
        figure=figure,
    )


__all__ = [
    "BY_EXERCISE_COLUMNS",
    "TABLE_COLUMNS",
    "ClassSummary",
    "by_exercise",
    "class_table",
    "plot_class_summary",
    "read_export",
    "summarise",
]
