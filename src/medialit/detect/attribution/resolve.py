"""Who a source stands for: pronouns to the last named person, "who"/"which" to the noun
before them, a bare surname to the full name used earlier, and "state media" or "the
news agency" to the news outlet the article names nearby."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..._util.regex import trie_regex
from .lexicon import _outlet_names
from .records import NO_SPAN, _Found

# How far from a source that only says "state media" an outlet's name may stand.
_OUTLET_BEFORE = 3000
_OUTLET_AFTER = 800
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that"})


def _resolve(text: str, found: Sequence[_Found]) -> list[tuple[str, str]]:
    """(resolved_source, source_kind) for each attribution, in order (rule 6)."""
    out: list[tuple[str, str]] = []
    latest_person = ""  # the full name of the last named person ("he" points to it)
    # surname -> the latest full name with it: a look-up, not a walk back through every
    # earlier name (that took time growing with the square of the names)
    by_surname: dict[str, str] = {}
    outlets: list[str] = []  # names of the news outlets named as sources, latest last
    for f in found:
        if f.source_start == NO_SPAN:
            out.append(("", ""))
            continue
        source = text[f.source_start : f.source_end]
        low = source.lower()
        if low in ("he", "she", "him", "her") and f.source_kind == "pronoun":
            if latest_person:
                out.append((latest_person, "named_person"))
            else:
                out.append(("", "pronoun"))
            continue
        if low == "who" or f.antecedent:
            out.append((f.antecedent, f.source_kind if f.antecedent else "pronoun"))
            continue
        resolved = f.core or source
        if f.source_kind == "named_person":
            earlier = by_surname.get(resolved.split()[-1])
            if earlier is not None and len(earlier) > len(resolved):
                resolved = earlier
            latest_person = resolved
            by_surname[resolved.split()[-1]] = resolved
        elif f.source_kind == "media_outlet":
            if _is_generic(resolved):
                resolved = _outlet_nearby(text, f.source_start, f.source_end, outlets) or resolved
            else:
                outlets.append(resolved)
        out.append((resolved, f.source_kind if f.source_kind != "pronoun" or resolved else ""))
    return out


def _is_generic(name: str) -> bool:
    """ "state media", "The North's state-run media", "the news agency": no word of the
    name is capitalised but a determiner or a place that owns it ("North's")."""
    for word in name.split():
        if (
            word[:1].isupper()
            and word.lower() not in _DETERMINERS
            and not word.endswith(("'s", "’s"))
        ):
            return False
    return True


def _outlet_nearby(text: str, start: int, end: int, named: Sequence[str]) -> str:
    """The news outlet a generic source ("state media") stands for: the nearest known
    outlet name in the text before it (else just after it), or the last outlet the
    article named as a source; ``""`` when there is none."""
    regex = _outlet_regex()
    if regex is None:
        return named[-1] if named else ""
    before = list(regex.finditer(text, max(0, start - _OUTLET_BEFORE), start))
    if before:
        return before[-1].group()
    if named:
        return named[-1]
    after = regex.search(text, end, end + _OUTLET_AFTER)
    return after.group() if after else ""


def _spaced_char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


@cache
def _outlet_regex() -> re.Pattern[str] | None:
    """Every multi-word outlet name (any case) and acronym (as written) in the outlet table."""
    multi, acronyms = _outlet_names()
    if not multi and not acronyms:
        return None
    parts = []
    if multi:
        spaced = trie_regex(
            sorted(multi), char_regex=lambda c: r"\s+" if c == " " else re.escape(c)
        )
        parts.append("(?i:" + spaced + ")")
    if acronyms:
        parts.append(trie_regex(sorted(acronyms)))
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w'’-])")
