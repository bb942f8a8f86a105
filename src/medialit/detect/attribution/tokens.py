"""Sentences as token lists, and what a single token looks like (a name, a possessive)."""

from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from .lexicon import _Words


@cache
def _token_regex() -> re.Pattern[str]:
    """Words (with inner hyphens and apostrophes), short abbreviations with their period
    ("Col.", "Gen.", "D."), dotted acronyms ("U.S."), numbers with their thousands
    separators and decimals ("40,000", "3.5"), and punctuation marks.

    The whole token is one group, so that ``split`` returns the tokens between the
    white space (see :func:`_sentence`). The first two branches are shortcuts for the
    commonest tokens, a plain word of letters and a punctuation mark: each gives exactly
    what the full branches after them would (a word that the full branches might read
    otherwise, "U.S.", "Col.", "Trump's", "al-Baghdadi", "teachers'", is left to them),
    and trying them first makes tokenising about a third faster.
    """
    return re.compile(
        r"(?=\S)("  # skip white space at once, not alternative by alternative
        r"[A-Za-z]+(?![\w.'’&-])"  # shortcut: a plain word, no "." or joiner after it
        r"|[^\w\s@-]"  # shortcut: a punctuation mark that starts no longer token
        r"|(?:[A-Za-z]\.){2,}"  # U.S., a.m., D.C.
        r"|[A-Z][a-z]{0,4}\.(?=\s)"  # Col., Gen., Sen., an initial D.
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+\.\d+(?!\.?\d)"  # 40,000 and 3.5
        # words (al-Baghdadi, Trump's) and a plural's owner with its apostrophe (the
        # teachers' union); one branch, so a word is not read twice to look for "s'"
        r"|\w+(?:[-'’&]\w+)*(?:(?<=\ws)['’](?=\s+[a-z]))?"
        r"|@\w+"  # a social media handle: @nycsouthpaw
        r"|--|[^\w\s])"  # punctuation, one mark at a time
    )


class _Sent(NamedTuple):
    """A sentence and its tokens: their texts, and their offsets into the article."""

    start: int
    end: int
    toks: list[str]
    starts: list[int]
    ends: list[int]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum() or (tok[:1] == "@" and len(tok) > 1)


def _is_possessive(tok: str) -> bool:
    return tok.endswith(("'s", "’s", "s'", "s’")) and len(tok) > 2


def _is_name_tok(tok: str, w: _Words) -> bool:
    """A capitalised word that can be part of a name (not "The", "But", "He" ...), or a
    social media handle ("@nycsouthpaw")."""
    if tok[:1] == "@":
        return len(tok) > 1
    if not _is_cap(tok) and tok not in w.name_particle:
        return False
    low = tok.lower()
    if tok in w.title:
        return True
    return not (low in w.breaker or low in w.determiner or low in w.time_word)


_CONTRACTION_RE = re.compile(r"(\w+)['’](?:s|re|ve|d|ll|m)")


def _is_contracted_pronoun(low: str, w: _Words) -> bool:
    """A pronoun with a helper verb written onto it: "he’s", "they've", "I'd"."""
    if "'" not in low and "’" not in low:
        return False  # no apostrophe, no contraction: skip the pattern (most words)
    m = _CONTRACTION_RE.fullmatch(low)
    return m is not None and (m.group(1) in w.subject_pronoun or m.group(1) == "it")


def _sentence(text: str, start: int, end: int) -> _Sent:
    """Tokenise one sentence (parallel lists are much cheaper to build than token objects).

    ``split`` on the token pattern's one group gives white space and tokens in turn;
    the running sum of their lengths gives every token's offsets. This is about a third
    faster than a match object per token. Its one blind spot: it reads the sentence on
    its own, so the look-behind of a plural's owner ("teachers' union") cannot see a
    letter just before the sentence; a sentence that does not start after white space
    (or at the text start) is read in place instead.
    """
    if start > 0 and not text[start - 1].isspace():
        found = list(_token_regex().finditer(text, start, end))
        return _Sent(
            start,
            end,
            list(map(re.Match.group, found)),
            list(map(re.Match.start, found)),
            list(map(re.Match.end, found)),
        )
    parts = _token_regex().split(text[start:end])  # space, token, space, ..., token, space
    edges = list(accumulate(map(len, parts), initial=start))
    return _Sent(start, end, parts[1::2], edges[1:-1:2], edges[2::2])


def _tok_index(sent: _Sent, pos: int) -> int:
    """Index of the first token that starts at or after ``pos``."""
    return bisect.bisect_left(sent.starts, pos)


_QUOTE_TOKENS = frozenset({'"', "“", "'", "‘", "''", "``"})
_CLOSING = frozenset({"”", '"', "'", "’"})
