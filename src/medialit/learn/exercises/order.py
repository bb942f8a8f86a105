"""OrderSteps: put the steps of a source chain in order, leaving out lines that are no step."""

from __future__ import annotations

import html
import random
import warnings
from collections.abc import Sequence
from typing import Any

from ...errors import ExerciseError
from .. import progress as _progress
from .base import Exercise
from .feedback import (
    ANSWER,
    FALSE_ALARM,
    HINT,
    MISSED,
    NO,
    NOT_QUITE,
    RIGHT,
    CheckResult,
    FeedbackLine,
    Step,
    _alarms,
    _discernment,
    _Inputs,
    _key,
    _list_of_strings,
    _plural,
    _q,
    _score_line,
    _text,
    _with_reason,
)

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
