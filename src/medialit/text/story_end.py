"""Where a copied story ends: a list that closes it, or a press release's last words.

:func:`~medialit.text.page_rules.story_region` finds the run of lines that holds the
story; the rules here move its end. A story can end with a list (tour dates, steps,
questions and answers), which is still the story; a press release ends with a few
words about the company that put it out, which are not the news.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .._util.data import read_table
from .page_rules import (
    Line,
    Pattern,
    pattern_from_row,
)


@cache
def closing_patterns() -> tuple[Pattern, ...]:
    """Shapes of the text a press release closes with, from ``closing_patterns.csv``.

    They are read only at the end of the story's run (see
    :func:`before_company_profile`): the same sentence inside a story is its news.
    """
    rows = read_table(
        "lexicons", "closing_patterns.csv",
        columns=("id", "kind", "pattern", "case_sensitive", "rule"),
    )
    return tuple(pattern_from_row(row) for row in rows)


def _closing_pattern(line: str) -> Pattern | None:
    for pattern in closing_patterns():
        if pattern.regex.search(line if pattern.case_sensitive else line.lower()):
            return pattern
    return None


_PROFILE_LINES = 3  # paragraphs a press release's closing words about the company take


def before_company_profile(
    lines: Sequence[Line], kinds: Sequence[str | None], first: int, last: int
) -> tuple[int, list[tuple[int, Pattern]]]:
    """Where the story ends when it closes with a few words about a company.

    A press release ends with a paragraph or two about the company that put it out
    ("Acme is a global provider of ...", "Acme is headquartered in ..."); news that
    copies it often keeps them. When the last paragraphs of the story's run all have
    that shape, and the first of them says what the company is, the story ends above
    them. Returns the story's new last line and the lines left out, with their pattern.
    """
    found: list[tuple[int, Pattern]] = []
    i = last
    while i > first and len(found) < _PROFILE_LINES and kinds[i] is None:
        pattern = _closing_pattern(lines[i].text)
        if pattern is None:
            break
        found.append((i, pattern))
        i -= 1
    while found and found[-1][1].id != "company_profile":
        found.pop()  # the block starts with what the company is
    if not found:
        return last, []
    return found[-1][0] - 1, found


_MONTHS = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
})
_BULLETS = "•·-–—*►▪●→✓"
_LIST_MIN = 3  # items, for a run of short lines to count as a list
_LIST_ITEM_WORDS = 25


def _item_shape(text: str) -> str:
    """How a list item starts: a bullet, a number, a month, Q:/A:, or its first word."""
    if text[0] in _BULLETS:
        return "bullet"
    if text[0].isdigit():
        return "number"
    word = text.split()[0].lower().rstrip(".,:")
    if word in _MONTHS:
        return "month"
    if word in {"q", "a"} and text[1:2] in {":", "."}:
        return "q/a"
    return "word:" + word


def list_after_story(
    lines: Sequence[Line], kinds: Sequence[str | None], last: int
) -> list[int]:
    """The items of a list that follows the story's last paragraph (often after a
    heading: "Tour dates", "Results:"), or [] when no list follows.

    A story can end with a list (tour dates, scores, questions and answers, steps).
    Its items are short lines that start the same way (a number, a date, "Q:"/"A:",
    a bullet or the same word), at least three of them one after another, each one
    different. A menu or a list of other stories rarely starts each line the same
    way, and a box of links may print the same link twice.
    """
    start = last + 1
    if start < len(lines) and kinds[start] is None and lines[start].title_like:
        start += 1  # the list's heading
    items: list[int] = []
    shapes: list[str] = []
    j = start
    while j < len(lines) and kinds[j] is None and lines[j].words <= _LIST_ITEM_WORDS:
        shape = _item_shape(lines[j].text)
        if len(shapes) >= 2 and shape not in shapes[-2:]:
            break
        shapes.append(shape)
        items.append(j)
        j += 1
    if len(items) < _LIST_MIN or len(set(shapes)) > 2:
        return []
    if len({lines[i].normal for i in items}) < len(items):
        return []  # a list of the story names each thing once; a box of links repeats
    return list(range(last + 1, items[-1] + 1))
