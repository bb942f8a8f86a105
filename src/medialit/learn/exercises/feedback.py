"""The parts of an exercise (choices, phrases, items, steps) and its feedback in words:
right, not quite, false alarm, missed, and the score that counts all three."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ...errors import ExerciseError
from ...show.templates import OKABE_ITO

# --------------------------------------------------------------------------- building blocks


@dataclass(frozen=True)
class Choice:
    """One option of a pick-one or pick-several exercise, with why it is right or wrong."""

    text: str
    correct: bool
    explanation: str


@dataclass(frozen=True)
class Phrase:
    """A candidate phrase in a passage. ``start`` (into the passage) tells repeated words apart;
    without it the first whole-word match that does not overlap another phrase is used."""

    text: str
    correct: bool
    explanation: str
    start: int | None = None


@dataclass(frozen=True)
class Item:
    """One thing to sort, the category it belongs in, and why."""

    text: str
    category: str
    explanation: str


@dataclass(frozen=True)
class Step:
    """One line of an ordering exercise and what it tells the learner."""

    text: str
    explanation: str


# Words that start each feedback line. Words, not colours, carry the verdict.
RIGHT = "Right:"
NOT_QUITE = "Not quite:"
FALSE_ALARM = "False alarm:"
MISSED = "Missed:"
SCORE = "Score:"
WORKED = "Worked example:"
LESSON = "What it teaches:"
HINT = "Hint:"
ANSWER = "Answer:"
NOT_YET = "Not yet:"
NOT_SAVED = "Not saved:"
_NOT_SAVED_TEXT = (
    "the progress file cannot be written, so this answer is kept only while the "
    "notebook runs. Tell your teacher."
)
_CHECK_FAILED_TEXT = (
    "this answer could not be checked or saved. It is still filled in: press Check "
    "again, and if this stays, tell your teacher what it says"
)
YES = "Yes:"
NO = "No:"
SAVED = "Saved answer:"

_LINE_STYLE: dict[str, str] = {
    RIGHT: OKABE_ITO["blue"],
    NOT_QUITE: OKABE_ITO["vermillion"],
    FALSE_ALARM: OKABE_ITO["vermillion"],
    MISSED: OKABE_ITO["orange"],
    YES: OKABE_ITO["blue"],
    NO: OKABE_ITO["vermillion"],
}
# Inline styles only: a <style> tag may be stripped where notebook output is sanitised.
_BOX_STYLE = "font-family:sans-serif;line-height:1.4;max-width:46em"
_LINE_CSS = "margin:.2em 0;padding:.1em .5em;color:#111111;border-left:4px solid {colour}"


@dataclass(frozen=True)
class FeedbackLine:
    """One line of feedback: a verdict word ("Right:") and the words after it."""

    label: str
    text: str

    def __str__(self) -> str:
        return f"{self.label} {self.text}"


def feedback_html(lines: Iterable[FeedbackLine]) -> str:
    """Feedback lines as HTML: every word escaped, the verdict in bold before a coloured bar."""
    rows = []
    for line in lines:
        style = _LINE_CSS.format(colour=_LINE_STYLE.get(line.label, "#bbbbbb"))
        rows.append(
            f'<div style="{style}"><strong>{html.escape(line.label)}</strong> '
            f"{html.escape(line.text)}</div>"
        )
    return f'<div class="ml-fb" role="status" style="{_BOX_STYLE}">{"".join(rows)}</div>'


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: counts, score and the feedback a learner reads.

    ``str(result)`` is the same text the widget shows, line for line.
    """

    exercise_id: str
    answer: Any
    hits: int
    misses: int
    false_alarms: int
    score: float
    lines: tuple[FeedbackLine, ...]

    @property
    def correct(self) -> bool:
        """True when nothing was missed and nothing wrong was flagged."""
        return self.misses == 0 and self.false_alarms == 0

    @property
    def feedback_lines(self) -> tuple[str, ...]:
        return tuple(str(line) for line in self.lines)

    @property
    def html(self) -> str:
        return feedback_html(self.lines)

    def __str__(self) -> str:
        return "\n".join(self.feedback_lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return self.html


@dataclass
class ExerciseControls:
    """The widgets of one drawn exercise, by name (tests and lessons drive them)."""

    box: Any
    inputs: tuple[Any, ...]
    check_button: Any
    hint_button: Any
    answer_button: Any | None
    feedback: Any
    hint: Any
    answer: Any


# --------------------------------------------------------------------------- helpers


_Inputs = tuple[Any, tuple[Any, ...], Callable[[], Any], Callable[[Any], None]]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _key(text: str) -> str:
    """How answers are matched: case, curly quotes and runs of spaces do not matter."""
    return " ".join(text.translate(_QUOTES).split()).casefold()


def _q(text: str) -> str:
    return f'"{text}"'


def _plural(n: int, word: str) -> str:
    """ "1 hit", "2 hits", "1 miss", "2 misses"."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}es" if word.endswith("s") else f"{n} {word}s"


def _alarms(n: int) -> str:
    return "no false alarms" if n == 0 else _plural(n, "false alarm")


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ExerciseError(f"{what} must be a non-empty string, not {value!r}.")
    return value


def _score_line(hits: int, misses: int, false_alarms: int, score: float) -> FeedbackLine:
    """The score with what each count means, in one line, wherever a score is shown.

    Learners meet "discernment" nowhere else, so the line names the three counts in plain
    words instead of the research term (see the module docstring).
    """
    return FeedbackLine(
        SCORE,
        f"{score:.2f} of 1.00. Hits (right answers you found): {hits}. Misses (right "
        f"answers you left out): {misses}. False alarms (wrong ones you flagged): "
        f"{false_alarms}.",
    )


def _discernment(hits: int, misses: int, false_alarms: int) -> float:
    total = hits + misses + false_alarms
    return hits / total if total else 0.0


def _with_reason(head: str, explanation: str) -> str:
    return f"{head} — {explanation}"


def _list_of_strings(answer: object, noun: str, example: str) -> list[str]:
    """Check that an answer is a list (or tuple) of strings; name what is wrong."""
    if isinstance(answer, str):
        raise ExerciseError(
            f"Give the {noun}s as a list, even if there is one: check({example}), "
            f"not the string {answer!r}."
        )
    if not isinstance(answer, (list, tuple)):
        raise ExerciseError(
            f"Give the {noun}s as a list of texts, like check({example}); "
            f"got {type(answer).__name__}."
        )
    for value in answer:
        if not isinstance(value, str):
            raise ExerciseError(f"Every {noun} must be a text (a string in quotes); got {value!r}.")
    return list(answer)
