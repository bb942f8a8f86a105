"""SortItems: put each item into its category (story or clutter, kind of hedge, ...)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ...errors import ExerciseError
from .. import progress as _progress
from .base import Exercise
from .feedback import (
    ANSWER,
    FALSE_ALARM,
    NOT_QUITE,
    RIGHT,
    CheckResult,
    FeedbackLine,
    Item,
    _alarms,
    _discernment,
    _Inputs,
    _key,
    _q,
    _score_line,
    _text,
    _with_reason,
)

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
