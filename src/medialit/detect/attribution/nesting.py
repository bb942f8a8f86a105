"""One attribution per word, as PolNeAR gives: drop a cue nested in another's content or
source, keep clauses that stand on their own; a participle goes on with the speaker."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .cues import SPEAKER_FROM_SENTENCE
from .records import NO_SPAN, _Found
from .tokens import _Sent, _tok_index

_NEST_KEEP = frozenset({"any", "subject", "quote", "participle", "inference", "passive"})


def _first_in_sentence(found: Sequence[_Found], sent: _Sent) -> _Found | None:
    """The first attribution found so far in this sentence, if any.

    ``found`` is in cue order, so a binary search finds it: walking back through every
    earlier finding took time growing with the square of a sentence full of cues.
    """
    i = bisect.bisect_left(found, sent.start, key=lambda f: f.cue_start)
    return found[i] if i < len(found) else None


def _same_speaker(found: _Found, first: _Found | None, sent: _Sent) -> _Found:
    """'"...," the mayor said, adding that ...': a participle after a comma goes on with
    the speaker of the first attribution in the same sentence."""
    if (
        first is None
        or first.source_start == NO_SPAN
        or found.rule.rule not in SPEAKER_FROM_SENTENCE
        or first.rule.rule in ("noun", "nosource")  # a noun is no clause's speaker
        or not sent.start <= first.cue_start < found.cue_start
    ):
        return found
    comma = sent.toks[_tok_index(sent, found.cue_start) - 1 : _tok_index(sent, found.cue_start)]
    if comma != [","] or (found.source_start != NO_SPAN and found.source_end > first.cue_end):
        return found  # a new subject of its own stands between the two cues
    return found._replace(
        source_start=first.source_start,
        source_end=first.source_end,
        source_kind=first.source_kind,
        core=first.core,
        antecedent=first.antecedent,
    )


# A clause that opens with one of these is not what the outer source said, but a new
# statement next to it: "because they felt ...", "which she plans to do", "(they want
# ...)". ("and"/"but" are left out: they join noun phrases as often as clauses.)
_OWN_CLAUSE_RE = re.compile(
    r"(?:\b(?:because|while|whereas|although|though|which)|[(;])\s*$", re.IGNORECASE
)


# "Birchers viewed communists as terrorists and despised them": a second verb joined
# by "and" shares the subject; it is a new attribution, not part of the first one.
_SHARED_SUBJECT_RE = re.compile(r"\b(?:and|but|yet)\s*$", re.IGNORECASE)


def _starts_own_clause(text: str, f: _Found) -> bool:
    """Does the attribution ``f`` start a clause of its own (see :data:`_OWN_CLAUSE_RE`)
    or go on with the subject of the sentence (see :data:`_SHARED_SUBJECT_RE`)?"""
    start = f.source_start if NO_SPAN < f.source_start < f.cue_start else f.cue_start
    if _OWN_CLAUSE_RE.search(text, max(0, start - 12), start) is not None:
        return True
    return (
        NO_SPAN < f.source_start < f.cue_start
        and _SHARED_SUBJECT_RE.search(text, max(0, f.cue_start - 6), f.cue_start) is not None
    )


# What may stand between a cue and the clause it reports: "said (then) (that)".
_REPORTED_GAP_RE = re.compile(r"\s*(?:[^.;:!?\"“”]{0,60}\bthat\s*)?")


def _reported_clause(text: str, f: _Found, found: Sequence[_Found], i: int) -> bool:
    """Is ``f`` the clause another cue reports: "Shelby said [he refused ...]", "He notes
    that [the Commission announced ...]"? Its source starts right after that cue."""
    if f.rule.rule not in ("subject", "any") or f.source_start == NO_SPAN:
        return False
    start = min(f.source_start, f.cue_start)
    return any(
        g.cue_end <= start
        and g.content_start <= f.cue_start < g.content_end
        and _REPORTED_GAP_RE.fullmatch(text, g.cue_end, start) is not None
        for g in found[max(0, i - 3) : i]
    )


_COMMA_END_RE = re.compile(r",\s*$")


def _main_clause_after(text: str, g: _Found, f: _Found) -> bool:
    """Does ``f`` open the main clause after the clause that holds ``g``? "If the I.R.S.
    has questions about his returns, voters should know ...": ``g`` ends a few words
    before the comma, and no "that" ties what follows to it. (Not "Clarke said, he
    decided ..." or "According to police, officers saw ...": there the comma follows
    the cue and its source.)"""
    start = f.source_start if NO_SPAN < f.source_start < f.cue_start else f.cue_start
    comma = _COMMA_END_RE.search(text, max(0, start - 3), start)
    if comma is None or g.cue_end > comma.start() or g.rule.side == "right":
        return False
    between = text[g.cue_end : comma.start()].split()
    return len(between) >= 3 and between[0].lower() != "that"


# A relative clause set off by a comma inside a source: ", who managed ...", ", which ..."
# ("The senators who wrote the bill said": a clause without a comma picks out who is
# meant, and stays part of the source).
_RELATIVE_IN_SOURCE_RE = re.compile(r",\s*(?:who|whose|which)\b")


def _trim_relative_clauses(text: str, found: list[_Found]) -> list[_Found]:
    """'"...," said Jane Doe, who noted that ...': a source that takes in a relative
    clause ends before it when the clause holds a cue of its own; that cue is a second
    attribution (its source is "who"), not part of the first one's source."""
    out = list(found)
    for i, g in enumerate(out):
        g0, g1 = g.source_start, g.source_end  # read once, not once per neighbour
        if g0 == NO_SPAN:
            continue
        for f in found[max(0, i - 3) : i + 4]:
            if not g0 < f.cue_start < g1:
                continue
            cut = None
            for m in _RELATIVE_IN_SOURCE_RE.finditer(text, g.source_start, f.cue_start):
                cut = m
            if cut is not None:
                end = cut.start()
                if text[end : end + 1] == "," and "," in text[g.source_start : end]:
                    end += 1  # "Jane Doe, a spokeswoman," keeps its closing comma
                out[i] = g._replace(source_end=end)
            break
    return out


def _inside_content(text: str, f: _Found, near: Sequence[_Found]) -> bool:
    """Is the cue of ``f`` inside the content of one of its ``near`` neighbours (rule 5)?

    A plain loop with the cheap offset tests first, on ``f``'s offsets read once: this runs
    for every finding against up to 13 neighbours, and a generator per finding cost more
    than the tests.
    """
    cue_start, cue_end = f.cue_start, f.cue_end
    for g in near:
        if (
            g.content_start <= cue_start
            and cue_end <= g.content_end
            and g is not f
            # an attribution with no source ("is expected to") has no clear content
            # edge, so it hides no other attribution
            and g.content_start != NO_SPAN
            and g.source_start != NO_SPAN
            # two cues in each other's content: the one that looks back over the
            # sentence ("... before it decides") is the inner one
            and not (
                f.content_start <= g.cue_start
                and g.cue_end <= f.content_end
                and f.content_start >= f.cue_start
            )
            and not _main_clause_after(text, g, f)
        ):
            return True
    return False


def _in_source(f: _Found, near: Sequence[_Found]) -> bool:
    """Is the cue of ``f`` inside the source of one of its ``near`` neighbours? "The
    senators who wrote the bill said ..." has one attribution, not two."""
    for g in near:
        if g.source_start <= f.cue_start and f.cue_end <= g.source_end and g is not f:
            return True
    return False


def _drop_nested(text: str, found: list[_Found]) -> list[_Found]:
    """Keep only the outer attribution when a cue sits inside another's content (rule 5).

    The tests are pure, so each runs only when it can still change the outcome: whether a
    nested cue is kept is asked only for a cue inside another's content, and whether it
    sits in a source only for a cue not dropped already."""
    found = _trim_relative_clauses(text, found)
    kept: list[_Found] = []
    for i, f in enumerate(found):
        # Only near neighbours can hold a cue in their content (a sentence or a quotation).
        if _inside_content(text, f, found[max(0, i - 6) : i + 7]) and not (
            (f.rule.rule in _NEST_KEEP and not _reported_clause(text, f, found, i))
            # "what Thomas calls "open defiance"" is kept inside another attribution: the
            # quoted name is the source's own words.
            or (f.rule.rule == "naming" and f.direct_quote)
            or _starts_own_clause(text, f)
        ):
            continue
        # A cue inside another attribution's source is part of that source.
        if not _in_source(f, found[max(0, i - 3) : i + 4]):
            kept.append(f)
    return kept
