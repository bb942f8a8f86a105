"""Skip regex searches that cannot match, with the same answers, for many patterns per line.

The page patterns (``data/lexicons/page_patterns.csv``) are tried on every line of a
page; most lines are story paragraphs that match none of them. Two cheap tests say
"none can match" without running the patterns one by one:

- the patterns that must match at the start of the line (``^...``) are joined into
  one regex tried once at the line's start (``re.match``), instead of one search each;
- every other pattern carries the strings one of which each of its matches must
  contain, read from the pattern itself (:func:`required_literals`): a line holding
  none of them is not searched. The strings of the patterns that read the same text
  (the line or its lower-cased copy, whole or only its tail) are found in one pass,
  a letter tree of them all; those of patterns that need a character as common as
  "." in the whole line are tested with ``str``'s ``in``, and only on lines short
  enough for such a pattern.

Only when a line passes these tests is it worth asking which pattern matches first.
Both tests are exact: they never hide a match (tests/_util/test_prefilter.py checks
this on every page pattern).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

from .regex import trie_regex

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


def _fails_fast_at_start(parsed: object) -> bool:
    """Does the pattern start with ``^`` and then a letter (or one of a few letters)?

    Such a pattern is decided at the line's first character on almost every line, so
    it costs next to nothing inside one joined regex. A pattern that starts by
    scanning (``^.*``, ``^[^.]*``, ``^(?=.{0,200}$)``) is better left to its own
    literal prefilter.
    """
    items = list(parsed)  # type: ignore[call-overload]
    if parsed.state.flags & re.MULTILINE or len(items) < 2:  # type: ignore[attr-defined]
        return False
    op, av = items[0]
    return str(op) == "AT" and str(av) == "AT_BEGINNING" and _starts_with_letter(items[1:])


def _starts_with_letter(items: list) -> bool:
    """Does a match of these regex items start with a given letter (or digit, or one of a
    few), so that most lines fail at their first character?"""
    if not items:
        return False
    op, av = str(items[0][0]), items[0][1]
    if op == "LITERAL":
        return True
    if op == "IN":  # letters, ranges and digits; a negated class matches most letters
        return all(
            str(o) in ("LITERAL", "RANGE") or (str(o) == "CATEGORY" and str(a) == "CATEGORY_DIGIT")
            for o, a in av
        )
    if op == "SUBPATTERN":
        return _starts_with_letter(list(av[3]))
    if op == "BRANCH":
        return all(_starts_with_letter(list(branch)) for branch in av[1])
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return av[0] >= 1 and _starts_with_letter(list(av[2]))
    return False


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
        others: list[Searched] = []
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
                and _fails_fast_at_start(parsed)
            ):
                starts.setdefault((pattern.case_sensitive, pattern.tail_chars), []).append(pattern)
            else:
                others.append(pattern)
        self._starts: list[_StartGroup] = []
        for key, members in starts.items():
            group = _StartGroup(key, members)
            if group.joinable():
                self._starts.append(group)
            else:
                others.extend(members)
        # Patterns searched in the whole line that need a character as common as "." or
        # ":" have their strings looked for one by one ("in" is fast; a letter tree would
        # find such a character again and again). All the others are grouped by the text
        # they read (the line or the lower-cased line, whole or its tail): the strings
        # of a group make one letter tree, so a tail of 120 characters is read once for
        # all the patterns of the page's end, however short their strings ("..", "ap").
        self._direct: list[tuple[Searched, tuple[str, ...] | None]] = []
        scanned: dict[tuple[bool, int | None], list[tuple[Searched, tuple[str, ...] | None]]] = {}
        for pattern in others:
            found = required_literals(pattern.regex.pattern)
            if pattern.tail_chars is None and found and min(map(len, found)) < 3:
                self._direct.append((pattern, found))
            else:
                key = (pattern.case_sensitive, pattern.tail_chars)
                scanned.setdefault(key, []).append((pattern, found))
        self._scans = [_LiteralScan(key, members) for key, members in sorted(
            scanned.items(), key=lambda item: (item[0][0], item[0][1] or 0)
        )]
        # The longest line a direct pattern can match: a longer one (most story
        # paragraphs) skips them all with one comparison. None: no such limit.
        limits = [pattern.max_chars for pattern, _ in self._direct]
        self._direct_reach = None if None in limits else max(limits, default=-1)

    def may_match(self, line: str, lower: str) -> bool:
        for group in self._starts:
            subject = line if group.case_sensitive else lower
            if group.tail_chars is not None:
                subject = subject[-group.tail_chars :]
            if group.regex_for(len(subject)).match(subject):
                return True
        for scan in self._scans:
            subject = line if scan.case_sensitive else lower
            if scan.tail_chars is not None:
                subject = subject[-scan.tail_chars :]
            if scan.any_search(subject):
                return True
        reach = self._direct_reach
        if reach is not None and len(line) > reach and len(lower) > reach:
            return False  # too long for every pattern left (most story paragraphs)
        for pattern, strings in self._direct:
            subject = line if pattern.case_sensitive else lower
            if pattern.max_chars is not None and len(subject) > pattern.max_chars:
                continue
            if strings is not None and not any(map(subject.__contains__, strings)):
                continue
            if pattern.regex.search(subject):
                return True
        return False


_FEW_STRINGS = 8
"""Up to this many strings, a scan tests each with ``in`` instead of one letter tree."""


class _LiteralScan:
    """Patterns searched in the same text: one pass finds those whose strings it holds.

    The text is the line or the lower-cased line, whole or its last ``tail_chars``
    characters. The strings of all its patterns make one letter-tree regex, searched
    again from the character after each match, so strings that overlap are all seen: at
    each position it finds the longest string starting there, and every shorter string
    starting there is a beginning of it (the ``owners`` of a string include the owners
    of its beginnings). Patterns limited to short lines are left out of the regex used
    on longer lines (one band of lengths at a time). A pattern with no required string
    is always searched.
    """

    def __init__(
        self,
        key: tuple[bool, int | None],
        members: Sequence[tuple[Searched, tuple[str, ...] | None]],
    ) -> None:
        self.case_sensitive, self.tail_chars = key
        self._members = members
        self._limits = sorted({p.max_chars for p, _ in members if p.max_chars is not None})
        self._bands: dict[int, _Band] = {}

    def any_search(self, subject: str) -> bool:
        """Does any of the patterns match ``subject`` (searched only if it may)?"""
        band = self._band(len(subject))
        candidates: Collection[int] = band.always
        search = band.search
        if band.few:
            found = set(band.always)
            for string, ids in band.few:
                if string in subject:
                    found |= ids
            candidates = found
        elif search is not None:
            match = search(subject)
            if match is not None:
                found = set(band.always)
                owners = band.owners
                while match is not None:
                    found |= owners[match.group()]
                    match = search(subject, match.start() + 1)
                candidates = found
        if not candidates:
            return False  # most lines: no string found, nothing to search
        regexes = band.regexes
        return any(regexes[i].search(subject) for i in candidates)

    def _band(self, length: int) -> _Band:
        """What to search in a text of ``length`` characters: only the patterns that can
        match a text so long (texts between two limits share a band, built once)."""
        band = bisect.bisect_left(self._limits, length)
        found = self._bands.get(band)
        if found is None:
            fitting = [
                (pattern, strings) for pattern, strings in self._members
                if pattern.max_chars is None or pattern.max_chars >= length
            ]
            table: dict[str, set[int]] = {}
            for i, (_, strings) in enumerate(fitting):
                for string in strings or ():
                    table.setdefault(string, set()).add(i)
            owners = {
                string: frozenset().union(
                    *(ids for other, ids in table.items() if string.startswith(other))
                )
                for string in table
            }
            # A handful of strings ("AP PHOTO", "REUTERS") are each looked for with "in",
            # which skips through the text in C; a letter tree pays for every position.
            few = len(table) <= _FEW_STRINGS
            found = self._bands[band] = _Band(
                re.compile(trie_regex(sorted(table))).search if table and not few else None,
                tuple((string, frozenset(ids)) for string, ids in sorted(table.items()))
                if few
                else (),
                owners,
                tuple(i for i, (_, strings) in enumerate(fitting) if strings is None),
                [pattern.regex for pattern, _ in fitting],
            )
        return found


class _Band(NamedTuple):
    """The patterns of a :class:`_LiteralScan` that can match texts of some lengths."""

    search: Callable[..., re.Match[str] | None] | None  # the letter tree's; None: no strings
    few: tuple[tuple[str, frozenset[int]], ...]  # or a few strings, each with its patterns
    owners: dict[str, frozenset[int]]  # which patterns (by index) hold each string
    always: tuple[int, ...]  # the patterns with no required string: always searched
    regexes: list[re.Pattern[str]]  # the patterns, by index


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
