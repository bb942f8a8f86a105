"""Skip regex searches that cannot match, with the same answers, for many patterns per line.

The page patterns (``data/lexicons/page_patterns.csv``) are tried on every line of a
page; most lines are story paragraphs that match none of them. Two cheap tests say
"none can match" without running the patterns one by one:

- the patterns that must match at the start of the line (``^...``) are joined into
  one regex tried once at the line's start (``re.match``), instead of one search each;
- every other pattern carries the strings one of which each of its matches must
  contain, read from the pattern itself (:func:`required_literals`): a line holding
  none of them is not searched (``str``'s ``in`` is much faster than a search).

Only when a line passes these tests is it worth asking which pattern matches first.
Both tests are exact: they never hide a match (tests/_util/test_prefilter.py checks
this on every page pattern).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

try:  # the parser of the re module itself (Python 3.11+; sre_parse before)
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None.

    A cheap test before a regex search: when none of these strings is in a line
    (``str``'s ``in``, much faster than a search), the pattern cannot match it, so
    the search is skipped with the same answer. The strings are read from the
    pattern's own parse tree: the literal letters it must match, through groups,
    alternatives (one string per alternative), optional letters and repeats of at
    least one. None when the pattern has no such string (``\\d+``), uses a
    construct this reader does not follow, or ignores case: then the pattern is
    always searched.
    """
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # a pattern re rejects is reported by re itself
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found, _ = _sequence(list(parsed))
    if not found or "" in found:
        return None
    # A string that holds another one adds nothing: keep the shorter.
    kept = sorted(set(found), key=len)
    kept = [s for i, s in enumerate(kept) if not any(t in s for t in kept[:i])]
    return tuple(kept)


# What the reader returns for a piece of a regex: (strings, whole). ``strings`` is None
# when nothing is known. With ``whole`` False, every match contains one of the strings;
# with ``whole`` True, every match IS one of them (so pieces side by side can be joined:
# "(" then "ap" or "afp" then ")" gives "(ap)" and "(afp)").
_Info = tuple[frozenset[str] | None, bool]
_NOTHING: _Info = (None, False)
_EMPTY: _Info = (frozenset({""}), True)  # an anchor or a look-around matches no letters
_MAX_JOINED = 64  # side-by-side pieces are joined while there are at most this many strings


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most telling requirement: its shortest string longest, then the fewest strings."""
    useful = [c for c in candidates if "" not in c]
    return max(useful, key=lambda c: (min(map(len, c)), -len(c))) if useful else None


def _sequence(items: list) -> _Info:
    """What a run of regex items (one after the other) must match."""
    candidates: list[frozenset[str]] = []
    joined: frozenset[str] = frozenset({""})
    whole = True
    for op, av in items:
        strings, item_whole = _item(str(op), av)
        if item_whole and strings is not None and len(joined) * len(strings) <= _MAX_JOINED:
            joined = frozenset(a + b for a in joined for b in strings)
            continue
        whole = False
        candidates.append(joined)
        if strings is not None:
            candidates.append(strings)
        joined = strings if item_whole and strings is not None else frozenset({""})
    if whole:
        return joined, True
    candidates.append(joined)
    return _best(candidates), False


def _item(op: str, av) -> _Info:  # av: what sre_parse gives for op
    """What one regex item must match."""
    if op == "LITERAL":
        return frozenset({chr(av)}), True
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return _EMPTY
    if op == "IN" and av and all(str(o) == "LITERAL" for o, _ in av):
        return frozenset(chr(c) for _, c in av), True
    if op == "SUBPATTERN":
        _group, add_flags, _del_flags, body = av
        return _NOTHING if add_flags & re.IGNORECASE else _sequence(list(body))
    if op == "ATOMIC_GROUP":
        return _sequence(list(av))
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = av
        strings, whole = _sequence(list(body))
        if strings is None:
            return _NOTHING
        if whole and high == 1:  # "s?" matches "" or "s"
            return (strings | {""} if low == 0 else strings), True
        return (strings, False) if low >= 1 else _NOTHING
    if op == "BRANCH":
        union: set[str] = set()
        whole = True
        for branch in av[1]:
            strings, branch_whole = _sequence(list(branch))
            if strings is None:
                return _NOTHING
            union |= strings
            whole = whole and branch_whole
        return frozenset(union), whole
    return _NOTHING


def _anchored_at_start(parsed: object) -> bool:
    """Does every match of the parsed pattern start at the start of the text (``^...``)?"""
    items = list(parsed)  # type: ignore[call-overload]
    if parsed.state.flags & re.MULTILINE or not items:  # type: ignore[attr-defined]
        return False
    op, av = items[0]
    return str(op) == "AT" and str(av) == "AT_BEGINNING"


# A back-reference would point at another pattern's group once patterns are joined.
_BACKREF_RE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


class Searched(NamedTuple):
    """One pattern as the caller searches it: on which text, and up to what length."""

    regex: re.Pattern[str]
    case_sensitive: bool  # searched in the line as it is, else in the lower-cased line
    tail_chars: int | None  # only the last N characters are searched
    max_chars: int | None  # a longer text cannot match (the caller skips the search)


class AnyMatch:
    """Says quickly, and exactly, whether any of several patterns can match a line.

    ``may_match(line, lower)`` is True when at least one pattern's search (in
    ``line``, or in ``lower`` for the patterns that ignore case, cut to its tail when
    asked) would find a match, and False when none would.
    """

    def __init__(self, patterns: Sequence[Searched]) -> None:
        starts: dict[tuple[bool, int | None], list[Searched]] = {}
        self._others: list[tuple[Searched, tuple[str, ...] | None]] = []
        for pattern in patterns:
            source = pattern.regex.pattern
            try:
                parsed = _sre_parse.parse(source, pattern.regex.flags)
            except Exception:  # searched one by one, as before
                parsed = None
            if (
                parsed is not None
                and (pattern.regex.flags & ~re.UNICODE) == 0
                and not _BACKREF_RE.search(source)
                and _anchored_at_start(parsed)
            ):
                starts.setdefault((pattern.case_sensitive, pattern.tail_chars), []).append(pattern)
            else:
                self._others.append((pattern, required_literals(source)))
        self._starts: list[_StartGroup] = []
        for key, members in starts.items():
            group = _StartGroup(key, members)
            if group.joinable():
                self._starts.append(group)
            else:
                self._others.extend((p, required_literals(p.regex.pattern)) for p in members)

    def may_match(self, line: str, lower: str) -> bool:
        for group in self._starts:
            subject = line if group.case_sensitive else lower
            if group.tail_chars is not None:
                subject = subject[-group.tail_chars :]
            if group.regex_for(len(subject)).match(subject):
                return True
        for pattern, literals in self._others:
            subject = line if pattern.case_sensitive else lower
            if pattern.tail_chars is not None:
                subject = subject[-pattern.tail_chars :]
            if pattern.max_chars is not None and len(subject) > pattern.max_chars:
                continue
            if literals is not None and not any(map(subject.__contains__, literals)):
                continue
            if pattern.regex.search(subject):
                return True
        return False


class _StartGroup:
    """Patterns anchored at the line's start, searched in the same text: one joined regex.

    A pattern limited to short lines (``max_chars``) is left out of the regex used on
    longer lines, so a long paragraph never runs its look-ahead; there is one joined
    regex per length band, compiled when first needed.
    """

    def __init__(self, key: tuple[bool, int | None], patterns: list[Searched]) -> None:
        self.case_sensitive, self.tail_chars = key
        self.patterns = patterns
        self._limits = sorted({p.max_chars for p in patterns if p.max_chars is not None})
        self._compiled: dict[int, re.Pattern[str]] = {}

    def joinable(self) -> bool:
        """Can these patterns be joined into one regex (no clashing group names, flags)?"""
        try:
            self.regex_for(0)
        except re.error:
            return False
        return True

    def regex_for(self, length: int) -> re.Pattern[str]:
        """The joined regex of the patterns that can match a text of ``length`` characters."""
        band = bisect.bisect_left(self._limits, length)
        regex = self._compiled.get(band)
        if regex is None:
            sources = [
                f"(?:{p.regex.pattern})"
                for p in self.patterns
                if p.max_chars is None or p.max_chars >= length
            ]
            regex = re.compile("|".join(sources) or "(?!)")
            self._compiled[band] = regex
        return regex
