"""Exercises where the learner picks: one choice, several choices, or phrases in a passage."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

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
    YES,
    CheckResult,
    Choice,
    FeedbackLine,
    Phrase,
    _alarms,
    _discernment,
    _Inputs,
    _key,
    _list_of_strings,
    _q,
    _score_line,
    _text,
    _with_reason,
)

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
