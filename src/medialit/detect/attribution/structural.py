"""Cues made of punctuation: "Pence: ...", a transcript's "WALLACE: ...", "..." ― Name,
and Name: "..."."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from ..._util.regex import matches_in_order
from ...text.segmentation import split_sentences
from .lexicon import _cue_rules, _Words
from .phrases import _is_byline, _name_kind, _np_back
from .quotes import _Quotes
from .records import _Found
from .tokens import _sentence, _tok_index

# Structural cues (rule 4). A line that opens with a short name and a colon: a
# headline ("Pence: ...") or a transcript turn ('"WALLACE: ...'). The name is
# checked against the word lists after the match.
_COLON_CUE_RE = re.compile(
    r"^[\"“']?(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0][A-Z][\w'’.-]*){0,2})(?P<cue>:)[ \u00a0]+\S",
    re.MULTILINE,
)
# A dash right after a closing quotation mark, then a name: “...” ― Sonya Herridge.
# One pattern per quotation mark: a pattern that starts with one fixed character is
# searched for several times faster than one that starts with a class ("[”\"]").
_DASH_CUE_RES = tuple(
    re.compile(
        re.escape(mark) + r"[ \u00a0]*(?P<cue>[―—–])[ \u00a0]*"
        r"(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,4})"
    )
    for mark in ("”", '"')
)


def _dash_cue_matches(text: str) -> list[re.Match[str]]:
    """Every match of the ``_DASH_CUE_RES`` in ``text``, in text order. (No two overlap:
    a match holds one quotation mark, its first character.)"""
    return matches_in_order(_DASH_CUE_RES, text)


# A colon right after a word and right before a quotation: "Loretta Lynch: 'Be ...'"
_COLON_QUOTE_RE = re.compile(r":(?=[ \u00a0]*(?:[\"“‘]|''))")


def _colon_cue(text: str, m: re.Match[str], line_end: int, w: _Words) -> _Found | None:
    """ "Pence: Gennifer Flowers won't be at debate" or a transcript's "WALLACE: Let's start"."""
    name = m.group("name")
    words = name.replace("\u00a0", " ").split()
    if any(x.rstrip(".’'s") in w.not_speaker or x in w.not_speaker for x in words):
        return None
    if any(x.lower() in w.breaker or x.lower() in w.determiner for x in words):
        return None  # "Stealth Over Health:" is a title, not a speaker
    if words[-1].lower() in w.head_kind and w.head_kind[words[-1].lower()] == "document":
        kind = "document"  # "Poll: Clinton and Trump in dead heat"
    else:
        kind = _name_kind(words, w)
    rule = _cue_rules()[":"]
    c0 = m.end("cue")
    while c0 < line_end and text[c0] in " \u00a0":
        c0 += 1
    transcript = name.isupper() and len(name) > 1
    return _Found(
        m.start("cue"),
        m.end("cue"),
        rule,
        m.start("name"),
        m.end("name"),
        kind,
        name,
        "",
        c0,
        line_end,
        transcript,
    )


def _colon_quote_cue(
    text: str,
    colon: int,
    quotes: _Quotes,
    span: tuple[int, int],
    w: _Words,
) -> _Found | None:
    """ "A lesson from Loretta Lynch: 'Be the voice ...'": a name, a colon, a quotation."""
    if quotes.containing(colon) is not None:
        return None
    sent = next(
        (_sentence(text, a, b) for a, b in split_sentences(text, *span) if a <= colon < b), None
    )
    if sent is None:
        return None
    i = _tok_index(sent, colon)
    np = _np_back(sent.toks, i, 0, w)
    if (
        np is None
        or np.kind
        not in (
            "named_person",
            "named_organization",
            "media_outlet",
            "document",
        )
        or _is_byline(sent.toks, np.start)
    ):
        return None
    quote = quotes.starting_after(colon, span[1])
    if quote is None:
        return None
    return _Found(
        colon,
        colon + 1,
        _cue_rules()[":"],
        sent.starts[np.start],
        sent.ends[np.end - 1],
        np.kind,
        " ".join(sent.toks[np.start : np.end]),
        "",
        quote[0],
        quote[1],
        True,
    )


def _dash_cue(text: str, m: re.Match[str], quotes: _Quotes, floor: int, w: _Words) -> _Found | None:
    """“...” ― Sonya Herridge: a name after a dash that follows a quotation."""
    name = m.group("name").rstrip(".")
    words = name.split()
    if any(x.lower() in w.breaker for x in words):
        return None
    quote = quotes.ending_before(m.start("cue"), floor)
    if quote is None:
        return None
    rule = _cue_rules()[m.group("cue")]
    start = m.start("name")
    return _Found(
        m.start("cue"),
        m.end("cue"),
        rule,
        start,
        start + len(name),
        _name_kind(words, w),
        name,
        "",
        quote[0],
        quote[1],
        True,
    )


def _structural_cues(
    text: str,
    spans: Sequence[tuple[int, int]],
    quotes: _Quotes,
    found: Sequence[_Found],
    w: _Words,
) -> list[_Found]:
    """Cues made of punctuation (rule 4): "Pence: ...", "..." ― Name, Name: "...".

    The patterns that can occur anywhere are searched once over the whole text (much
    faster than once per paragraph); a match counts when it lies inside one of ``spans``.
    """
    starts = [s for s, _ in spans]

    def span_at(pos: int, end: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and end <= spans[i][1]:
            return spans[i]
        return None

    out: list[_Found] = []
    for start, end in spans:  # a line that opens with "Name:" (checked at line starts only)
        m = _COLON_CUE_RE.match(text, start, end)
        if m is not None:
            result = _colon_cue(text, m, end, w)
            if result is not None:
                out.append(result)
    for m in _dash_cue_matches(text):
        span = span_at(m.start(), m.end())
        if span is not None:
            result = _dash_cue(text, m, quotes, span[0] - 1, w)
            if result is not None:
                out.append(result)
    cue_ends = {f.cue_end for f in found}
    for m in _COLON_QUOTE_RE.finditer(text):
        colon = m.start()
        span = span_at(colon, colon + 1)
        if span is None or not text[colon - 1 : colon].isalnum():
            continue
        if any(colon - k in cue_ends for k in range(17)):
            continue  # "he said: ..." is already one attribution
        result = _colon_quote_cue(text, colon, quotes, span, w)
        if result is not None:
            out.append(result)
    return out


STRUCTURAL_HANDLERS: dict[str, tuple[Callable[..., _Found | None], ...]] = {
    "headline_colon": (_colon_cue, _colon_quote_cue),
    "quote_dash": (_dash_cue,),
}
"""The meaning of the punctuation rules of ``reporting_verbs.csv``: ``headline_colon``
("Pence: ...", a transcript's "WALLACE: ...", Name: "...") and ``quote_dash`` ("..." ―
Name). :func:`_structural_cues` runs them; the word rules are in ``cues.RULE_HANDLERS``."""
