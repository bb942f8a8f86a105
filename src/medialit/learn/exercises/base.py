"""The Exercise base class: checking, saving every answer, hints, "Show answer" after a
try, worked examples after a try, and the widget every kind shares."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from ...errors import ExerciseError
from ...show.render import Rendered
from .. import progress as _progress
from .feedback import (
    _CHECK_FAILED_TEXT,
    _ID,
    _NOT_SAVED_TEXT,
    HINT,
    LESSON,
    NOT_SAVED,
    NOT_YET,
    SAVED,
    WORKED,
    CheckResult,
    ExerciseControls,
    FeedbackLine,
    _Inputs,
    _q,
    _text,
    feedback_html,
)
from .settings import answers_enabled

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
