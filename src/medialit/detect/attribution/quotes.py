"""Quotation marks: pair them into quotation spans and answer "is this quoted?"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..._util.regex import matches_in_order

# Quotation marks: '' and `` (doubled), " “ ”, a ‘ that does not follow a letter and a ’
# that no letter follows. One pattern per mark, each starting with its fixed character:
# the engine searches for a fixed first character several times faster than for a
# class of them ("[`'\"“”‘’]"), so seven quick passes beat one slow one.
_QUOTE_MARK_RES = tuple(
    re.compile(pattern) for pattern in ("''", "``", '"', "“", "”", r"‘(?<!\w‘)", r"’(?!\w)")
)


def _quote_marks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The quotation marks in ``text[start:end]``, in text order. (No two overlap: each
    pattern reads one kind of mark, and a doubled mark ("''") is read left to right.)"""
    return matches_in_order(_QUOTE_MARK_RES, text, start, end)


def _all_quotation_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`quotation_spans` of every span, with one search over the whole text."""
    out: list[tuple[int, int]] = []
    if not spans:
        return out
    starts = [s for s, _ in spans]
    marks: list[re.Match[str]] = []
    current = -1
    for match in _quote_marks(text, spans[0][0], spans[-1][1]):
        k = bisect.bisect_right(starts, match.start()) - 1
        if k < 0 or match.end() > spans[k][1]:
            continue
        if k != current:
            if marks:
                out.extend(_pair_quotes(text, marks, *spans[current]))
            marks, current = [], k
        marks.append(match)
    if marks:
        out.extend(_pair_quotes(text, marks, *spans[current]))
    return out


def quotation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the quotations in one paragraph, quotation marks included.

    Curly quotes pair “ with ”; straight ``"`` and doubled ``''`` (used by some
    newspapers) open and close in turn. A quotation still open at the end of the
    paragraph runs to its end: news style leaves the closing mark off when a quote
    goes on in the next paragraph. Single curly quotes (‘...’, common in headlines)
    count outside double quotes; a ’ inside or at the end of a word ("Trump’s") is an
    apostrophe unless a ‘ is open. A ” at the start of the paragraph or after a space,
    right before a word, opens a quotation (”Fear. I am afraid.” -- a slip some sites
    make).
    """
    return _pair_quotes(text, _quote_marks(text, start, end), start, end)


def _pair_quotes(
    text: str, marks: Sequence[re.Match[str]], start: int, end: int
) -> list[tuple[int, int]]:
    """Pair the quotation marks of one paragraph (see :func:`quotation_spans`)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single_at: int | None = None
    for match in marks:
        mark = match.group()
        if mark == "‘":
            if open_at is None and single_at is None:
                single_at = match.start()
        elif mark == "’":
            if single_at is not None and open_at is None:
                spans.append((single_at, match.end()))
                single_at = None
        elif mark == "“" or mark == "``":
            if open_at is None:
                open_at = match.start()
        elif mark == "”":
            if open_at is not None:
                spans.append((open_at, match.end()))
                open_at = None
            elif _opens_word(text, match.start(), start, end):
                open_at = match.start()  # ”Fear. I am afraid.” -- a ” typed for a “
        elif open_at is None:
            open_at = match.start()
        else:
            spans.append((open_at, match.end()))
            open_at = None
    if open_at is not None and end - open_at > 1:
        spans.append((open_at, end))
    return spans


def _opens_word(text: str, pos: int, start: int, end: int) -> bool:
    """Does the mark at ``pos`` stand before a word, after a space or the paragraph start?"""
    before_ok = pos == start or text[pos - 1].isspace()
    return before_ok and pos + 1 < end and text[pos + 1].isalnum()


class _Quotes:
    """Sorted quotation spans with fast "is this offset inside a quotation?" look-ups."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] < pos < self.spans[i][1] - 1:
            return self.spans[i]
        return None

    def ending_before(self, pos: int, floor: int) -> tuple[int, int] | None:
        """The last quotation that ends at or before ``pos`` and after ``floor``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0:
            s, e = self.spans[i]
            if e <= pos:
                return (s, e) if e > floor else None
            i -= 1
        return None

    def starting_after(self, pos: int, limit: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.spans) and self.spans[i][0] < limit:
            return self.spans[i]
        return None


def _mostly_quoted(quotes: _Quotes, start: int, end: int) -> bool:
    """Is at least half of ``[start, end)`` inside quotation marks? (Scare quotes are not.)"""
    inside = 0
    i = bisect.bisect_left(quotes.starts, start)
    if i > 0 and quotes.spans[i - 1][1] > start:
        i -= 1
    while i < len(quotes.spans) and quotes.spans[i][0] < end:
        s, e = quotes.spans[i]
        inside += max(0, min(e, end) - max(s, start))
        i += 1
    return inside * 2 >= end - start
