"""Lesson exercises: widgets in JupyterLab, plain ``check()`` calls everywhere else.

Five kinds, each built from plain arguments (a lesson builds them from its answer key):

* :class:`SingleChoice`: pick one;
* :class:`MultipleChoice`: pick several;
* :class:`SelectPhrases`: pick the phrases in a passage (e.g. the hedges);
* :class:`SortItems`: put each item in a category;
* :class:`OrderSteps`: put steps in order (e.g. the source chain), leaving out
  the lines that are not steps.

Every exercise has an id (unique in its lesson, e.g. ``"02-hedges-find"``; the
lesson is the part before the first ``-`` unless given), a question, a hint, an
explanation for every choice, and instant feedback in words ("Right:",
"Not quite:", "False alarm:", "Missed:"), never colour alone.

**Discernment, not suspicion.** Research on "prebunking" games found that
learners can get better at flagging bad items while also flagging more good
ones (Modirrousta-Galian & Higham 2023); what counts is telling them apart
(Guess et al. 2020). So every exercise mixes in distractors, and every check
counts three things:

* **hits**: right decisions that matter (a hedge picked; an item in its category;
  a step in its place);
* **misses**: right answers not given (a hedge not picked; an item in a wrong
  category; a step out of place or left out);
* **false alarms**: distractors flagged (a non-hedge picked; an item that is *not*
  in an "alarm" category, such as "hedge", "state media" or "clutter", put into
  one; a line that is not a step put into the chain).

In :class:`SortItems` every item is exactly one of the three (a distractor put
into an alarm category is a false alarm, not also a miss). The **discernment
score** is ``hits / (hits + misses + false_alarms)``: 1 only when every right
answer is found and nothing wrong is flagged; picking everything scores no better
than picking well, and picking nothing scores 0.

Every check (widget button or ``ex.check(...)``) is saved at once by
:mod:`medialit.learn.progress`; a re-run lesson shows the learner's last answer again.
"Show answer" works only after a first try, and not at all in a student release
(``configure(show_answers=False)`` or the environment variable ``MEDIALIT_STUDENT=1``).

ipywidgets is imported only when a widget is drawn, and version 8 or newer is
required: ipywidgets 7 renders a checkbox's description as HTML, and choice texts
come from articles and answer keys (a ``<img onerror=...>`` in an article would run).
Under ipywidgets 7 the exercise shows its text form instead.
"""

from __future__ import annotations

import html
import os
import random
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import ExerciseError
from ..show.render import Rendered
from ..show.templates import OKABE_ITO
from . import progress as _progress

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


# --------------------------------------------------------------------------- base class


class Exercise:
    """What every exercise shares: id, question, hint, checking, saving and the widget.

    Subclasses say how an answer is read (``_normalize``), scored (``_evaluate``),
    shown in full (``_answer_lines``) and entered in a widget (``_inputs``).
    """

    kind: ClassVar[str] = "exercise"
    kind_label: ClassVar[str] = "exercise"
    example: ClassVar[str] = "..."
    """What an answer looks like in code, for messages and the text form."""

    @property
    def how_to_answer(self) -> str:
        return f"exercise.check({self.example})"

    def __init__(
        self,
        id: str,
        question: str,
        *,
        hint: str,
        lesson: str | None = None,
        store: _progress.ProgressStore | None = None,
    ) -> None:
        if not isinstance(id, str) or not _ID.fullmatch(id):
            raise ExerciseError(
                f"An exercise id is a short name such as '02-hedges-find' (letters, digits, "
                f"'-', '_', '.'), not {id!r}."
            )
        self.id = id
        self.question = _text(question, "The question")
        self.hint = _text(hint, "The hint")
        if lesson is None:
            lesson = id.split("-", 1)[0] if "-" in id else ""
        elif not isinstance(lesson, str):
            raise ExerciseError(f"lesson must be a string such as '02', not {lesson!r}.")
        self.lesson = lesson
        self._store = store
        self._widget: Any = None
        self.controls: ExerciseControls | None = None

    def _register(self) -> None:
        _progress.register_exercise(
            _progress.ExerciseInfo(self.lesson, self.id, self.kind, self.question)
        )

    @property
    def store(self) -> _progress.ProgressStore:
        """Where answers are saved: the store given, else the file this process uses now."""
        return self._store if self._store is not None else _progress.store()

    # ---------------------------------------------------------------- subclass hooks

    def _normalize(self, answer: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _evaluate(self, answer: Any) -> CheckResult:  # pragma: no cover - abstract
        raise NotImplementedError

    def _answer_lines(self) -> list[FeedbackLine]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _choices_text(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _inputs(self, widgets: Any) -> _Inputs:  # pragma: no cover - abstract
        """(box to show, input widgets, read the answer from them, fill them with an answer)."""
        raise NotImplementedError

    @staticmethod
    def _to_json(answer: Any) -> Any:
        return list(answer) if isinstance(answer, tuple) else answer

    # ---------------------------------------------------------------- checking

    def evaluate(self, answer: Any) -> CheckResult:
        """Score an answer without saving it (``check`` is what a learner calls)."""
        return self._evaluate(self._normalize(answer))

    def check(self, answer: Any) -> CheckResult:
        """Check an answer, save it to the progress file, and return the feedback.

        Raises :class:`ExerciseError`, naming the problem, for an answer that
        cannot be read (unknown option, wrong type); such an answer is not saved.
        """
        result = self.evaluate(answer)
        self.store.record_attempt(
            self.lesson,
            self.id,
            answer=self._to_json(result.answer),
            hits=result.hits,
            misses=result.misses,
            false_alarms=result.false_alarms,
            score=result.score,
            correct=result.correct,
            kind=self.kind,
            question=self.question,
        )
        return result

    @property
    def attempts(self) -> int:
        """How many times this exercise was checked (saved, across kernels)."""
        return self.store.attempt_count(self.lesson, self.id)

    def saved_answer(self) -> Any:
        """The learner's last saved answer if it still fits this exercise, else None."""
        saved = self.store.latest_answer(self.lesson, self.id)
        if saved is None:
            return None
        try:
            return self._normalize(saved)
        except ExerciseError:  # the exercise changed since: start afresh
            return None

    def show_answer(self) -> Rendered:
        """The full answer with every explanation; saved as "answer shown".

        Available after a first try, and not in a student release.
        """
        if not answers_enabled():
            raise ExerciseError(
                "Answers are switched off in this copy of the lessons. Use the hint, "
                "or ask your teacher."
            )
        if self.attempts == 0:
            raise ExerciseError(
                "Try the exercise once first (the Check button, or .check(...)); "
                "then the answer can be shown."
            )
        self.store.record_answer_shown(self.lesson, self.id, kind=self.kind, question=self.question)
        return self._answer_view()

    def worked_example(self, answer: Any, *, who: str, lesson: str) -> Rendered:
        """Another learner's answer, its feedback and what it teaches, after your own try.

        Try first, then learn: before this exercise has been checked once, the cell says
        so and shows nothing that could give an answer away (run it again after a try).
        ``who`` names the made-up learner; ``lesson`` is the sentence the example teaches.
        The example's answer is scored but never saved.
        """
        if self.attempts == 0:
            text = (f"try the exercise above yourself first. Then run this cell again to see "
                    f"{who}'s answer and what it teaches.")
            return Rendered(feedback_html([FeedbackLine(NOT_YET, text)]), f"{NOT_YET} {text}")
        result = self.evaluate(answer)
        if isinstance(answer, str):
            shown = _q(answer)
        elif isinstance(answer, Mapping):
            shown = "; ".join(f"{_q(k)} → {_q(v)}" for k, v in answer.items())
        else:
            shown = ", ".join(_q(a) for a in answer)
        lines = [FeedbackLine(WORKED, f"{who} answered: {shown}"), *result.lines,
                 FeedbackLine(LESSON, _text(lesson, "The lesson of a worked example"))]
        return Rendered(feedback_html(lines), "\n".join(str(line) for line in lines))

    def _answer_view(self) -> Rendered:
        lines = self._answer_lines()
        return Rendered(feedback_html(lines), "\n".join(str(line) for line in lines))

    # ---------------------------------------------------------------- text form

    def __repr__(self) -> str:
        lines = [
            f"Exercise {self.id} ({self.kind_label})",
            self.question,
            *self._choices_text(),
            f"Answer with the widget, or in code: {self.how_to_answer}",
        ]
        return "\n".join(lines)

    # ---------------------------------------------------------------- widget

    def widget(self) -> Any:
        """The exercise as ipywidgets (built once, then reused), with saved answers restored."""
        if self._widget is None:
            self._widget = self._build_widget()
        return self._widget

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **kwargs: Any) -> dict:
        bundle: dict[str, Any] = {"text/plain": repr(self)}
        try:
            box = self.widget()
        except ImportError:  # no ipywidgets: the text form still works
            return bundle
        # Protocol version 2 is what ipywidgets 8 writes.
        bundle["application/vnd.jupyter.widget-view+json"] = {
            "version_major": 2,
            "version_minor": 0,
            "model_id": box.model_id,
        }
        return bundle

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)

    def _restore_saved(self, set_answer: Callable[[Any], None], feedback: Any) -> None:
        """Fill in the learner's last saved answer, with its feedback, in a new widget."""
        saved = self.saved_answer()
        if saved is not None:
            set_answer(saved)
            note = FeedbackLine(SAVED, "your last answer is filled in again; its feedback:")
            feedback.value = feedback_html([note, *self._evaluate(saved).lines])

    def _build_widget(self) -> Any:
        widgets = _ipywidgets()

        question = widgets.HTML(
            f'<div class="ml-question"><strong>{html.escape(self.question)}</strong> '
            f'<span style="color:#555555;font-size:.85em">({html.escape(self.kind_label)}, '
            f"exercise {html.escape(self.id)})</span></div>"
        )
        inputs_box, inputs, get_answer, set_answer = self._inputs(widgets)
        check_button = widgets.Button(description="Check", button_style="primary")
        hint_button = widgets.Button(description="Show hint")
        answer_button = None
        if answers_enabled():
            answer_button = widgets.Button(description="Show answer", disabled=self.attempts == 0)
        feedback = widgets.HTML("")
        hint = widgets.HTML("")
        answer = widgets.HTML("")
        buttons = [b for b in (check_button, hint_button, answer_button) if b is not None]

        def on_check(_button: Any) -> None:
            # A button's callback has no cell to show an error in: every failure becomes
            # a message here, and the answer stays in the inputs to check again.
            try:
                result = self.check(get_answer())
            except ExerciseError as exc:
                feedback.value = feedback_html([FeedbackLine(NOT_YET, str(exc))])
                return
            except Exception as exc:  # a bug or a broken file must not look like nothing
                why = f"{_CHECK_FAILED_TEXT} ({type(exc).__name__}: {exc})."
                feedback.value = feedback_html([FeedbackLine(NOT_SAVED, why)])
                return
            lines = list(result.lines)
            if self.store.in_memory_only:
                # A warning from a button goes to the log, not the cell: say it here too.
                lines.append(FeedbackLine(NOT_SAVED, _NOT_SAVED_TEXT))
            feedback.value = feedback_html(lines)
            if answer_button is not None:
                answer_button.disabled = False

        def on_hint(_button: Any) -> None:
            hint.value = feedback_html([FeedbackLine(HINT, self.hint)])

        def on_answer(_button: Any) -> None:
            try:
                answer.value = self.show_answer().html
            except ExerciseError as exc:
                answer.value = feedback_html([FeedbackLine(NOT_YET, str(exc))])
            except Exception as exc:  # shown, not lost in the widget log
                why = f"{type(exc).__name__}: {exc}"
                answer.value = feedback_html([FeedbackLine(NOT_YET, why)])

        def on_change(change: Any) -> None:
            # Feedback about an answer the learner has since changed would mislead.
            if change.get("new") != change.get("old"):
                feedback.value = ""

        check_button.on_click(on_check)
        hint_button.on_click(on_hint)
        if answer_button is not None:
            answer_button.on_click(on_answer)

        self._restore_saved(set_answer, feedback)
        for control in inputs:  # after the saved answer is filled in, which is no change
            control.observe(on_change, names="value")
        if answer_button is not None and self.store.answer_shown(self.lesson, self.id):
            answer.value = self._answer_view().html

        box = widgets.VBox([question, inputs_box, widgets.HBox(buttons), feedback, hint, answer])
        self.controls = ExerciseControls(
            box=box,
            inputs=inputs,
            check_button=check_button,
            hint_button=hint_button,
            answer_button=answer_button,
            feedback=feedback,
            hint=hint,
            answer=answer,
        )
        return box


def _ipywidgets() -> Any:
    """ipywidgets 8 or newer; ipywidgets 7 shows a checkbox's description as HTML."""
    import ipywidgets as widgets

    if int(str(widgets.__version__).split(".", 1)[0]) < 8:
        raise ImportError(
            f"medialit's exercise widgets need ipywidgets 8 or newer (this is "
            f"{widgets.__version__}, which shows choice texts as HTML). Answer in code, "
            "or update: pip install -U 'ipywidgets>=8'."
        )
    return widgets


# --------------------------------------------------------------------------- pick exercises


class _PickExercise(Exercise):
    """Pick from a fixed set of choices (options or phrases); shared checking and scoring."""

    noun: ClassVar[str] = "choice"

    def _set_choices(self, choices: Sequence[Any], cls: type) -> None:
        if isinstance(choices, (str, bytes)) or not isinstance(choices, Sequence):
            raise ExerciseError(
                f"Give the {self.noun}s as a list of {cls.__name__}(...), not {choices!r}."
            )
        seen: dict[str, str] = {}
        for choice in choices:
            if not isinstance(choice, cls):
                raise ExerciseError(
                    f"Each {self.noun} must be a {cls.__name__}(text, correct, explanation), "
                    f"not {choice!r}."
                )
            _text(choice.text, f"The text of a {self.noun}")
            _text(choice.explanation, f"The explanation of {_q(choice.text)}")
            if not isinstance(choice.correct, bool):
                raise ExerciseError(
                    f"{_q(choice.text)}: correct must be True or False, not {choice.correct!r}."
                )
            key = _key(choice.text)
            if key in seen:
                raise ExerciseError(
                    f"Two {self.noun}s read the same: {_q(seen[key])} and {_q(choice.text)}. "
                    "Make each one different (a longer phrase tells repeated words apart)."
                )
            seen[key] = choice.text
        self.choices: tuple[Any, ...] = tuple(choices)
        self._lookup = {_key(c.text): c for c in self.choices}
        n_right = sum(c.correct for c in self.choices)
        if n_right == 0:
            raise ExerciseError(f"Exercise {self.id}: no {self.noun} is marked correct.")
        if n_right == len(self.choices):
            # Discernment needs something to tell apart: a list of only right answers
            # rewards picking everything.
            raise ExerciseError(
                f"Exercise {self.id} has no distractors: add at least one {self.noun} that "
                "is not right, so learners practise telling right from wrong."
            )

    def _find(self, text: str) -> Any:
        found = self._lookup.get(_key(text))
        if found is None:
            known = ", ".join(_q(c.text) for c in self.choices)
            raise ExerciseError(f"{_q(text)} is not one of the {self.noun}s. Choose from: {known}.")
        return found

    def _pick_lines(self, chosen: tuple[str, ...]) -> tuple[int, int, int, list[FeedbackLine]]:
        picked = {_key(t) for t in chosen}
        hits = misses = false_alarms = 0
        lines: list[FeedbackLine] = []
        for choice in self.choices:
            is_picked = _key(choice.text) in picked
            if is_picked and choice.correct:
                hits += 1
                lines.append(FeedbackLine(RIGHT, _with_reason(_q(choice.text), choice.explanation)))
            elif is_picked:
                false_alarms += 1
                lines.append(
                    FeedbackLine(FALSE_ALARM, _with_reason(_q(choice.text), choice.explanation))
                )
            elif choice.correct:
                misses += 1
        return hits, misses, false_alarms, lines

    def _normalize(self, answer: Any) -> tuple[str, ...]:
        if answer is None:
            raise ExerciseError(f"No answer given: pick the {self.noun}s you think are right.")
        texts = _list_of_strings(answer, self.noun, self.example)
        picked = {_key(self._find(t).text) for t in texts}
        return tuple(c.text for c in self.choices if _key(c.text) in picked)

    def _evaluate(self, answer: tuple[str, ...]) -> CheckResult:
        hits, misses, false_alarms, lines = self._pick_lines(answer)
        total = hits + misses
        label = RIGHT if misses == 0 and false_alarms == 0 else NOT_QUITE
        if misses:
            found = f"{hits} of {total} found"
        else:
            found = f"all {total} found" if total > 1 else f"you found the right {self.noun}"
        body = [FeedbackLine(label, f"{found}, {_alarms(false_alarms)}."), *lines]
        if misses:
            # Which ones are missing is the answer key: give the hint, not the list.
            body.append(FeedbackLine(MISSED, f"{misses} more to find. {HINT} {self.hint}"))
        score = _discernment(hits, misses, false_alarms)
        body.append(_score_line(hits, misses, false_alarms, score))
        return CheckResult(self.id, answer, hits, misses, false_alarms, score, tuple(body))

    def _answer_lines(self) -> list[FeedbackLine]:
        right = ", ".join(_q(c.text) for c in self.choices if c.correct)
        lines = [FeedbackLine(ANSWER, f"the right {self.noun}s are {right}.")]
        for c in self.choices:
            lines.append(
                FeedbackLine(YES if c.correct else NO, _with_reason(_q(c.text), c.explanation))
            )
        return lines

    def _choices_text(self) -> list[str]:
        return [f"  [ ] {c.text}" for c in self.choices]

    def _toggle_inputs(
        self, widgets: Any, make: Callable[[Any], Any]
    ) -> tuple[tuple[Any, ...], Callable[[], Any], Callable[[Any], None]]:
        inputs = tuple(make(c) for c in self.choices)

        def get_answer() -> list[str]:
            return [c.text for c, w in zip(self.choices, inputs, strict=True) if w.value]

        def set_answer(answer: tuple[str, ...]) -> None:
            picked = {_key(t) for t in answer}
            for c, w in zip(self.choices, inputs, strict=True):
                w.value = _key(c.text) in picked

        return inputs, get_answer, set_answer


class SingleChoice(_PickExercise):
    """Pick one: exactly one choice is right, at least one is a distractor.

    >>> ex = SingleChoice("01-who", "Who first reported the claim?",
    ...     [Choice("Fars", True, "..."), Choice("AOL", False, "...")], hint="Read the end.")
    """

    kind = "single_choice"
    kind_label = "pick one"
    noun = "option"
    example = '"the option you pick"'

    def __init__(
        self,
        id: str,
        question: str,
        choices: Sequence[Choice],
        *,
        hint: str,
        lesson: str | None = None,
        store: _progress.ProgressStore | None = None,
    ) -> None:
        super().__init__(id, question, hint=hint, lesson=lesson, store=store)
        self._set_choices(choices, Choice)
        if sum(c.correct for c in self.choices) != 1:
            raise ExerciseError(
                f"Exercise {self.id} is pick-one but marks "
                f"{sum(c.correct for c in self.choices)} options correct; use MultipleChoice."
            )
        self._register()

    def _normalize(self, answer: Any) -> str:
        if isinstance(answer, (list, tuple)) and len(answer) == 1:
            answer = answer[0]
        if answer is None:
            raise ExerciseError("No answer given: pick one of the options.")
        if not isinstance(answer, str):
            raise ExerciseError(
                f"Give one option as a text, like {self.how_to_answer}; got {answer!r}."
            )
        return self._find(answer).text

    def _evaluate(self, answer: str) -> CheckResult:
        choice = self._find(answer)
        if choice.correct:
            hits, misses, false_alarms = 1, 0, 0
            line = FeedbackLine(RIGHT, _with_reason(_q(choice.text), choice.explanation))
        else:
            hits, misses, false_alarms = 0, 1, 1
            line = FeedbackLine(NOT_QUITE, _with_reason(_q(choice.text), choice.explanation))
        score = _discernment(hits, misses, false_alarms)
        lines = [line]
        if not choice.correct:
            lines.append(FeedbackLine(MISSED, "the right option is another one. Try again."))
        lines.append(_score_line(hits, misses, false_alarms, score))
        return CheckResult(self.id, choice.text, hits, misses, false_alarms, score, tuple(lines))

    def _answer_lines(self) -> list[FeedbackLine]:
        right = next(c for c in self.choices if c.correct)
        lines = [FeedbackLine(ANSWER, _with_reason(_q(right.text), right.explanation))]
        for c in self.choices:
            if not c.correct:
                lines.append(FeedbackLine(NO, _with_reason(_q(c.text), c.explanation)))
        return lines

    def _choices_text(self) -> list[str]:
        return [f"  ( ) {c.text}" for c in self.choices]

    def _inputs(self, widgets: Any) -> _Inputs:
        # index=None: nothing is picked until the learner picks.
        radio = widgets.RadioButtons(
            options=[c.text for c in self.choices],
            index=None,
            layout=widgets.Layout(width="auto"),
        )

        def set_answer(answer: str) -> None:
            radio.value = answer

        return radio, (radio,), lambda: radio.value, set_answer


class MultipleChoice(_PickExercise):
    """Pick several: at least one choice is right and at least one is a distractor."""

    kind = "multiple_choice"
    kind_label = "pick all that apply"
    noun = "option"
    example = '["an option", "another option"]'

    def __init__(
        self,
        id: str,
        question: str,
        choices: Sequence[Choice],
        *,
        hint: str,
        lesson: str | None = None,
        store: _progress.ProgressStore | None = None,
    ) -> None:
        super().__init__(id, question, hint=hint, lesson=lesson, store=store)
        self._set_choices(choices, Choice)
        self._register()

    def _inputs(self, widgets: Any) -> _Inputs:
        inputs, get_answer, set_answer = self._toggle_inputs(
            widgets,
            lambda c: widgets.Checkbox(
                value=False, description=c.text, indent=False, layout=widgets.Layout(width="auto")
            ),
        )
        return widgets.VBox(list(inputs)), inputs, get_answer, set_answer


class SelectPhrases(_PickExercise):
    """Pick the phrases in a passage that are right (e.g. hedges); the rest are distractors.

    The passage is shown with every candidate phrase underlined and numbered, and a
    button per candidate to select it.
    """

    kind = "select_phrases"
    kind_label = "select the phrases"
    noun = "phrase"
    example = '["a phrase", "another phrase"]'

    def __init__(
        self,
        id: str,
        question: str,
        passage: str,
        phrases: Sequence[Phrase],
        *,
        hint: str,
        lesson: str | None = None,
        store: _progress.ProgressStore | None = None,
    ) -> None:
        super().__init__(id, question, hint=hint, lesson=lesson, store=store)
        self.passage = _text(passage, "The passage")
        self._set_choices(phrases, Phrase)
        located = _locate_phrases(self.passage, self.choices)
        order = sorted(range(len(located)), key=lambda i: located[i][0])
        self.choices = tuple(self.choices[i] for i in order)  # in reading order
        self.spans: tuple[tuple[int, int], ...] = tuple(located[i] for i in order)
        self._register()

    def _marked(self, mark: Callable[[int, str], str], plain: Callable[[str], str]) -> str:
        parts, pos = [], 0
        for number, (start, end) in enumerate(self.spans, 1):
            parts.append(plain(self.passage[pos:start]))
            parts.append(mark(number, self.passage[start:end]))
            pos = end
        parts.append(plain(self.passage[pos:]))
        return "".join(parts)

    def _choices_text(self) -> list[str]:
        passage = self._marked(lambda n, t: f"[{t}]({n})", lambda t: t)
        return [passage, *(f"  [ ] ({n}) {c.text}" for n, c in enumerate(self.choices, 1))]

    def _inputs(self, widgets: Any) -> _Inputs:
        passage = self._marked(lambda n, t: f"<u>{html.escape(t)}</u><sup>{n}</sup>", html.escape)
        shown = widgets.HTML(
            f'<div style="font-family:Georgia,serif;line-height:1.6;max-width:46em">{passage}</div>'
        )
        numbers = {c.text: n for n, c in enumerate(self.choices, 1)}
        inputs, get_answer, set_answer = self._toggle_inputs(
            widgets,
            lambda c: widgets.ToggleButton(
                value=False,
                description=f"{numbers[c.text]}. {c.text}",
                layout=widgets.Layout(width="auto"),
            ),
        )
        row = widgets.HBox(list(inputs), layout=widgets.Layout(flex_flow="row wrap"))
        return widgets.VBox([shown, row]), inputs, get_answer, set_answer


def _locate_phrases(passage: str, phrases: Sequence[Phrase]) -> list[tuple[int, int]]:
    """(start, end) of each phrase in the passage: its ``start``, else the first free
    whole-word match. Candidates may not overlap: a learner clicks one or the other."""
    spans: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in spans)

    for phrase in phrases:
        if phrase.start is not None:
            start = phrase.start
            found = passage[start : start + len(phrase.text)] if isinstance(start, int) else None
            if found != phrase.text:
                raise ExerciseError(
                    f"{_q(phrase.text)} is not at position {start!r} of the passage."
                )
            span = (start, start + len(phrase.text))
            if not free(*span):
                raise ExerciseError(f"{_q(phrase.text)} overlaps another phrase.")
        else:
            pattern = re.compile(r"(?<!\w)" + re.escape(phrase.text) + r"(?!\w)")
            span = next((m.span() for m in pattern.finditer(passage) if free(*m.span())), None)
            if span is None:
                raise ExerciseError(
                    f"{_q(phrase.text)} is not in the passage as whole words (or only where "
                    "another phrase already is). Copy it from the passage exactly."
                )
        spans.append(span)
    return spans


# --------------------------------------------------------------------------- sorting


class SortItems(Exercise):
    """Put every item in a category.

    ``alarm_categories`` are the categories a learner "flags" things with (for
    example "hedge", "state media", "clutter"). A distractor, an item that belongs
    in another category, put into one of them is a false alarm; any other wrong
    placement is a miss; a right placement is a hit. If alarm categories are given,
    at least one item must belong outside them, so there is something to tell apart.
    """

    kind = "sort_items"
    kind_label = "sort the items"
    example = '{"an item": "a category", ...}'

    def __init__(
        self,
        id: str,
        question: str,
        categories: Sequence[str],
        items: Sequence[Item],
        *,
        hint: str,
        alarm_categories: Iterable[str] = (),
        lesson: str | None = None,
        store: _progress.ProgressStore | None = None,
    ) -> None:
        super().__init__(id, question, hint=hint, lesson=lesson, store=store)
        if isinstance(categories, str) or len(categories) < 2:
            raise ExerciseError(f"Exercise {self.id} needs a list of at least two categories.")
        self.categories = tuple(_text(c, "A category") for c in categories)
        self._category = {_key(c): c for c in self.categories}
        if len(self._category) != len(self.categories):
            raise ExerciseError(f"Exercise {self.id} lists a category twice.")
        self.alarm_categories = tuple(self._known_category(c) for c in alarm_categories)
        if isinstance(items, str) or not items:
            raise ExerciseError(f"Exercise {self.id} needs a list of Item(...) to sort.")
        self._item: dict[str, Item] = {}
        for item in items:
            if not isinstance(item, Item):
                raise ExerciseError(
                    f"Each item must be an Item(text, category, explanation), not {item!r}."
                )
            _text(item.text, "The text of an item")
            _text(item.explanation, f"The explanation of {_q(item.text)}")
            self._known_category(item.category)
            if _key(item.text) in self._item:
                raise ExerciseError(f"Exercise {self.id} lists the item {_q(item.text)} twice.")
            self._item[_key(item.text)] = item
        self.items = tuple(items)
        used = {_key(i.category) for i in self.items}
        if len(used) < 2:
            raise ExerciseError(
                f"Exercise {self.id}: every item is in one category, so there is nothing to "
                "tell apart. Add items from another category."
            )
        alarms = {_key(c) for c in self.alarm_categories}
        if alarms and used <= alarms:
            raise ExerciseError(
                f"Exercise {self.id} has no distractors: add an item that belongs outside "
                f"{', '.join(_q(c) for c in self.alarm_categories)}."
            )
        self._register()

    def _known_category(self, category: object) -> str:
        if isinstance(category, str) and _key(category) in self._category:
            return self._category[_key(category)]
        known = ", ".join(_q(c) for c in self.categories)
        raise ExerciseError(f"{category!r} is not one of the categories. Choose from: {known}.")

    def _normalize(self, answer: Any) -> dict[str, str]:
        if answer is None:
            raise ExerciseError("No answer given: choose a category for every item.")
        if not isinstance(answer, Mapping):
            raise ExerciseError(
                f"Give the answer as a dict of item -> category, like {self.how_to_answer}; "
                f"got {type(answer).__name__}."
            )
        placed: dict[str, str] = {}
        for text, category in answer.items():
            if not isinstance(text, str):
                raise ExerciseError(f"Each item must be a text, not {text!r}.")
            item = self._item.get(_key(text))
            if item is None:
                known = ", ".join(_q(i.text) for i in self.items)
                raise ExerciseError(f"{_q(text)} is not one of the items. The items are: {known}.")
            placed[_key(item.text)] = self._known_category(category)
        missing = [i.text for i in self.items if _key(i.text) not in placed]
        if missing:
            raise ExerciseError(
                f"Choose a category for every item; still open: "
                f"{', '.join(_q(t) for t in missing)}."
            )
        return {i.text: placed[_key(i.text)] for i in self.items}

    def _evaluate(self, answer: dict[str, str]) -> CheckResult:
        alarms = set(self.alarm_categories)
        hits = misses = false_alarms = 0
        lines: list[FeedbackLine] = []
        for item in self.items:
            given = answer[item.text]
            truth = self._known_category(item.category)
            if given == truth:
                hits += 1
                head = f"{_q(item.text)} goes under {_q(truth)}"
                lines.append(FeedbackLine(RIGHT, _with_reason(head, item.explanation)))
            elif given in alarms and truth not in alarms:
                false_alarms += 1
                head = f"{_q(item.text)} does not go under {_q(given)}"
                lines.append(FeedbackLine(FALSE_ALARM, _with_reason(head, item.explanation)))
            else:
                misses += 1
                head = f"{_q(item.text)} does not go under {_q(given)}"
                lines.append(FeedbackLine(NOT_QUITE, _with_reason(head, item.explanation)))
        n = len(self.items)
        if hits == n:
            summary = FeedbackLine(RIGHT, f"all {n} in the right place.")
        else:
            summary = FeedbackLine(
                NOT_QUITE,
                f"{hits} of {n} in the right place, {_alarms(false_alarms)}.",
            )
        score = _discernment(hits, misses, false_alarms)
        body = (summary, *lines, _score_line(hits, misses, false_alarms, score))
        return CheckResult(self.id, answer, hits, misses, false_alarms, score, body)

    def _answer_lines(self) -> list[FeedbackLine]:
        lines = []
        for item in self.items:
            head = f"{_q(item.text)} goes under {_q(self._known_category(item.category))}"
            lines.append(FeedbackLine(ANSWER, _with_reason(head, item.explanation)))
        return lines

    def _choices_text(self) -> list[str]:
        return [
            f"Categories: {', '.join(self.categories)}",
            *(f"  [ ? ] {i.text}" for i in self.items),
        ]

    def _inputs(self, widgets: Any) -> _Inputs:
        options = [("(choose)", ""), *((c, c) for c in self.categories)]
        # Each drop-down is named by its item (a label of zero width): a screen reader says
        # what it sorts, and axe-core's select-name rule (critical) is met.
        dropdowns = tuple(
            widgets.Dropdown(
                options=options,
                value="",
                description=i.text,
                style={"description_width": "0px"},
                layout=widgets.Layout(width="14em"),
            )
            for i in self.items
        )
        rows = [
            widgets.HBox([d, widgets.HTML(html.escape(i.text))])
            for d, i in zip(dropdowns, self.items, strict=True)
        ]

        def get_answer() -> dict[str, str]:
            return {i.text: d.value for i, d in zip(self.items, dropdowns, strict=True) if d.value}

        def set_answer(answer: dict[str, str]) -> None:
            for i, d in zip(self.items, dropdowns, strict=True):
                d.value = answer.get(i.text, "")

        return widgets.VBox(rows), dropdowns, get_answer, set_answer


# --------------------------------------------------------------------------- ordering


class OrderSteps(Exercise):
    """Put the steps in order and leave out the lines that are not steps.

    ``steps`` are given in the right order; ``distractors`` are lines that look like
    steps but are not. They are shown mixed, in an order fixed by the exercise id
    (the same on every run, so a notebook's output does not change).

    Scoring: the learner's steps, with distractors taken out, are compared place by
    place with the right order: a step in its place is a hit; a step in another
    place, or left out, is a miss; a distractor put in the order is a false alarm.
    In code, the answer is the list of step texts in order; lines not listed are
    left out.
    """

    kind = "order_steps"
    kind_label = "put in order"
    example = '["first step", "second step", ...]'
    LEAVE_OUT = -1

    def __init__(
        self,
        id: str,
        question: str,
        steps: Sequence[Step],
        *,
        hint: str,
        distractors: Sequence[Step] = (),
        leave_out_label: str = "not a step",
        lesson: str | None = None,
        store: _progress.ProgressStore | None = None,
    ) -> None:
        super().__init__(id, question, hint=hint, lesson=lesson, store=store)
        self.leave_out_label = _text(leave_out_label, "leave_out_label")
        if isinstance(steps, str) or len(steps) < 2:
            raise ExerciseError(f"Exercise {self.id} needs at least two Step(...) to order.")
        self.steps = tuple(steps)
        self.distractors = tuple(distractors)
        self._line: dict[str, Step] = {}
        for step in (*self.steps, *self.distractors):
            if not isinstance(step, Step):
                raise ExerciseError(f"Each step must be a Step(text, explanation), not {step!r}.")
            _text(step.text, "The text of a step")
            _text(step.explanation, f"The explanation of {_q(step.text)}")
            if _key(step.text) in self._line:
                raise ExerciseError(f"Exercise {self.id} lists {_q(step.text)} twice.")
            self._line[_key(step.text)] = step
        if not self.distractors:
            warnings.warn(
                f"Exercise {self.id} has no distractors: add a line that is not a step, "
                "so learners also practise leaving things out.",
                stacklevel=2,
            )
        self.shown = _shuffled(self.id, (*self.steps, *self.distractors), self.steps)
        self._register()

    def _normalize(self, answer: Any) -> tuple[str, ...]:
        if answer is None:
            raise ExerciseError("No answer given: list the steps in order.")
        texts = _list_of_strings(answer, "step", self.example)
        ordered: list[str] = []
        for text in texts:
            step = self._line.get(_key(text))
            if step is None:
                known = ", ".join(_q(s.text) for s in self.shown)
                raise ExerciseError(f"{_q(text)} is not one of the lines. The lines are: {known}.")
            if step.text in ordered:
                raise ExerciseError(f"{_q(step.text)} is listed twice; give each step one place.")
            ordered.append(step.text)
        return tuple(ordered)

    def _evaluate(self, answer: tuple[str, ...]) -> CheckResult:
        real = [s.text for s in self.steps]
        chosen_real = [t for t in answer if t in real]
        hits = sum(a == b for a, b in zip(chosen_real, real, strict=False))
        false_alarms = len(answer) - len(chosen_real)
        misses = len(real) - hits
        lines: list[FeedbackLine] = []
        rank = 0
        for text in answer:
            step = self._line[_key(text)]
            if text not in real:
                head = f"{_q(text)} is not a step"
                lines.append(FeedbackLine(FALSE_ALARM, _with_reason(head, step.explanation)))
                continue
            rank += 1
            if real[rank - 1] == text:
                head = f"step {rank} is {_q(text)}"
                lines.append(FeedbackLine(RIGHT, _with_reason(head, step.explanation)))
            else:
                head = f"{_q(text)} is not step {rank}"
                lines.append(FeedbackLine(NOT_QUITE, _with_reason(head, step.explanation)))
        left_out = [t for t in real if t not in answer]
        if left_out:
            # Naming the missing steps, or praising the lines left out, would hand an
            # empty or partial answer the key: it gets the hint instead.
            lines.append(FeedbackLine(
                MISSED, f"{_plural(len(left_out), 'step')} not in your order yet. "
                f"{HINT} {self.hint}"))
        else:
            for step in self.distractors:
                if step.text not in answer:
                    head = f"you left out {_q(step.text)}"
                    lines.append(FeedbackLine(RIGHT, _with_reason(head, step.explanation)))
        n = len(real)
        if misses == 0 and false_alarms == 0:
            summary = FeedbackLine(RIGHT, f"all {n} steps in order, nothing extra.")
        else:
            summary = FeedbackLine(
                NOT_QUITE,
                f"{hits} of {n} steps in the right place, {_alarms(false_alarms)}.",
            )
        score = _discernment(hits, misses, false_alarms)
        body = (summary, *lines, _score_line(hits, misses, false_alarms, score))
        return CheckResult(self.id, answer, hits, misses, false_alarms, score, body)

    def _answer_lines(self) -> list[FeedbackLine]:
        lines = []
        for n, step in enumerate(self.steps, 1):
            head = f"step {n} is {_q(step.text)}"
            lines.append(FeedbackLine(ANSWER, _with_reason(head, step.explanation)))
        for step in self.distractors:
            head = f"{_q(step.text)} is not a step"
            lines.append(FeedbackLine(NO, _with_reason(head, step.explanation)))
        return lines

    def _choices_text(self) -> list[str]:
        return [f"  [ ? ] {s.text}" for s in self.shown]

    def _inputs(self, widgets: Any) -> _Inputs:
        n = len(self.shown)
        options = [
            ("(choose)", 0),
            *((f"step {i}", i) for i in range(1, n + 1)),
            (self.leave_out_label, self.LEAVE_OUT),
        ]
        dropdowns = tuple(  # named by their line, as in SortItems
            widgets.Dropdown(
                options=options,
                value=0,
                description=s.text,
                style={"description_width": "0px"},
                layout=widgets.Layout(width="12em"),
            )
            for s in self.shown
        )
        rows = [
            widgets.HBox([d, widgets.HTML(html.escape(s.text))])
            for d, s in zip(dropdowns, self.shown, strict=True)
        ]

        def get_answer() -> list[str]:
            open_ = [s.text for s, d in zip(self.shown, dropdowns, strict=True) if d.value == 0]
            if open_:
                raise ExerciseError(
                    f"Choose a step number or {_q(self.leave_out_label)} for every line; "
                    f"still open: {', '.join(_q(t) for t in open_)}."
                )
            placed: dict[int, str] = {}
            for s, d in zip(self.shown, dropdowns, strict=True):
                if d.value == self.LEAVE_OUT:
                    continue
                if d.value in placed:
                    raise ExerciseError(
                        f"{_q(placed[d.value])} and {_q(s.text)} are both step {d.value}. "
                        "Give each step its own number."
                    )
                placed[d.value] = s.text
            return [placed[k] for k in sorted(placed)]

        def set_answer(answer: tuple[str, ...]) -> None:
            where = {text: i for i, text in enumerate(answer, 1)}
            for s, d in zip(self.shown, dropdowns, strict=True):
                d.value = where.get(s.text, self.LEAVE_OUT)

        return widgets.VBox(rows), dropdowns, get_answer, set_answer


def _shuffled(seed: str, lines: Sequence[Step], right: Sequence[Step]) -> tuple[Step, ...]:
    """The lines in an order fixed by ``seed`` that does not start with the right order."""
    order = list(lines)
    random.Random(seed).shuffle(order)
    if tuple(order[: len(right)]) == tuple(right):  # never hand out the answer
        order = order[1:] + order[:1]
    return tuple(order)


__all__ = [
    "CheckResult",
    "Choice",
    "Exercise",
    "ExerciseControls",
    "ExerciseError",
    "FeedbackLine",
    "Item",
    "MultipleChoice",
    "OrderSteps",
    "Phrase",
    "SelectPhrases",
    "SingleChoice",
    "SortItems",
    "Step",
    "answers_enabled",
    "configure",
    "feedback_html",
]
