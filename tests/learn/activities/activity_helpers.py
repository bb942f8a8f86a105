"""Shared helpers for the tests of ``medialit.learn.activities`` (one place, not five copies)."""

from __future__ import annotations

from medialit.learn.exercises import OrderSteps, SingleChoice, SortItems
from medialit.learn.keys import AnswerKey


def edited_key(key: AnswerKey, **fields) -> AnswerKey:
    """A copy of the key with some lists replaced (not validated: a broken key on purpose)."""
    return AnswerKey(_raw={**key.raw, **fields}, where="Test key")


def right_answer(ex):
    """The right answer of any exercise, read from its own choices, items or steps."""
    if isinstance(ex, SortItems):
        return {i.text: i.category for i in ex.items}
    if isinstance(ex, OrderSteps):
        return [s.text for s in ex.steps]
    if isinstance(ex, SingleChoice):
        return next(c.text for c in ex.choices if c.correct)
    return [c.text for c in ex.choices if c.correct]
