"""The subject a cue's source can be, found by looking back from the cue: "X said", "a
spokesman for Y said", "A poll released in August found", "the general who oversees
... said", "GOP frontrunner Donald Trump said"; and forward from the sentence start for
"X took to Twitter to say". Split from :mod:`.sources`, which decides which of these a
cue takes."""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import _Words
from .phrases import _NAMED, _NP, _is_clause_edge, _np_back, _np_forward, _share_subject
from .tokens import _QUOTE_TOKENS, _is_possessive, _is_word


def _subject_back(toks: Sequence[str], j: int, floor: int, w: _Words, depth: int = 0) -> _NP | None:
    """The subject that ends right before token ``j``: "X", "a spokesman for Y", "the
    general who oversees ...". ``None`` when the words before are not a subject."""
    if not depth and (share := _share_subject(toks, j, floor, w)) is not None:
        return share  # "About 4 in 10 say": a poll's share of people
    np = _np_back(toks, j, floor, w)
    if np is not None:
        if (
            _is_clause_edge(toks, _lead_start(toks, np.start, floor, w), floor, w)
            or toks[np.start].lower() in w.subject_pronoun
        ):
            return np  # "the rate he has proposed": a subject pronoun is always a subject
        if (
            np.kind in _NAMED
            and toks[floor].lower() in w.preposition
            and "," not in toks[floor : np.start]
        ):
            return np  # "In a Bloomberg interview Trump declared": an opening phrase, no comma
        prev = toks[np.start - 1].lower()
        if depth < 2 and prev in w.preposition:
            # "a spokesman for U.S. Central Command said": the source is the whole phrase
            outer = _subject_back(toks, np.start - 1, floor, w, depth + 1)
            if outer is not None and outer.kind != "pronoun":
                return _NP(outer.start, j, outer.kind, j)
    if depth:
        return None
    if np is not None and np.kind in _NAMED:
        wider = _modified_name(toks, np, floor, w)
        if wider is not None:
            return wider
    if np is None and (
        j <= floor
        or not _is_word(toks[j - 1])
        or toks[j - 1].lower() in w.determiner
        or toks[j - 1].lower() in w.breaker
        or _is_possessive(toks[j - 1])
    ):
        return None  # "the report", "of their calls": the cue word is a noun here
    first = np.start if np is not None else j
    return _phrase_subject(toks, first, j, floor, w) or _relative_subject(toks, first, j, floor, w)

def _phrase_subject(toks: Sequence[str], first: int, j: int, floor: int, w: _Words) -> _NP | None:
    """A common noun, then a phrase that starts with a participle or a preposition, then
    the cue: "A Quinnipiac University poll released in late August found"."""
    k = first
    while k > floor + 1 and j - k < 14:
        k -= 1
        word = toks[k]
        low = word.lower()  # once per word: it is read up to three times
        if word in (",", ";", ":") or low in w.clause_start or low in w.relative:
            break
        participle = False
        if word.endswith(("ed", "ing")) and word.islower() and word not in w.breaker:
            after = toks[k + 1].lower() if k + 1 < j else ""  # only read for a participle
            participle = (
                after in w.preposition
                or after in w.time_word
                or after[:1].isdigit()
                # "A union representing flight attendants endorsed ...": an -ing
                # participle takes an object of its own
                or (word.endswith("ing") and after.isalpha() and after not in w.breaker)
            )
        if low in w.preposition or participle or word in ("–", "—", "--"):
            # "released in late August", "released last year", not "taped an hourlong show"
            head = _np_back(toks, k, floor, w)
            if (
                head is not None
                and head.kind not in ("pronoun", "named_person")
                and toks[head.end - 1].lower() in w.head_kind
                and _is_clause_edge(toks, head.start, floor, w)
            ):
                return _NP(head.start, j, head.kind, head.end)
    return None

def _relative_subject(toks: Sequence[str], first: int, j: int, floor: int, w: _Words) -> _NP | None:
    """A noun with a relative clause before the cue: "The U.S. general who oversees all
    operations in the Middle East said"."""
    k = first - 1
    while k > floor and first - k < 16:
        low = toks[k].lower()
        if low in ("who", "that") and toks[k - 1] != ",":
            head = _np_back(toks, k, floor, w)
            if (
                head is not None
                and head.kind != "pronoun"
                and _is_clause_edge(toks, head.start, floor, w)
            ):
                return _NP(head.start, j, head.kind, head.end)
            break
        if toks[k] in (",", ";", ":") or low in w.clause_start:
            break
        k -= 1
    return None

def _modified_name(toks: Sequence[str], np: _NP, floor: int, w: _Words) -> _NP | None:
    """A name with plain words in front that reach back to the start of the clause:
    "GOP frontrunner Donald Trump", "Top Republican Party donor Sheldon Adelson",
    "Retired neurosurgeon Ben Carson" (job words the word lists do not know)."""
    k = np.start
    while (
        k > floor
        and np.start - k < 6
        and _is_word(toks[k - 1])
        and toks[k - 1].lower() not in w.breaker
        and toks[k - 1].lower() not in w.time_word
        and not _is_possessive(toks[k - 1])
    ):
        k -= 1
    if k < np.start and _is_clause_edge(toks, k, floor, w):
        return _NP(k, np.end, np.kind, np.core_end)
    return None

def _document_subject(toks: Sequence[str], ci: int, w: _Words) -> _NP | None:
    """ "A Quinnipiac University poll released in late August found", "The transcript of
    the debate -- published by The Washington Post -- shows": a long subject whose head
    is a document, at the start of the sentence (after an opening phrase such as "In
    2013,"). The source runs from it to the cue."""
    floor = 0
    for i in range(ci - 1, -1, -1):
        if toks[i] in (";", ":") or toks[i].lower() == "that":
            floor = i + 1
            break
    np = _subject_forward(toks, floor, ci, w)
    if np is None or np.kind != "document" or np.end > ci:
        return None
    end = ci
    while end > np.end and not _is_word(toks[end - 1]):
        end -= 1
    return _NP(np.start, end, np.kind, np.end)

def _subject_forward(toks: Sequence[str], floor: int, limit: int, w: _Words) -> _NP | None:
    """The subject at the start of a sentence, after an opening phrase ("In a statement, ...")."""
    k = floor
    for _ in range(3):  # "On Thursday, however, Trump spoke ...": skip each opening phrase
        while k < limit and not _is_word(toks[k]) and toks[k] not in _QUOTE_TOKENS:
            k += 1
        if k < limit and toks[k] in _QUOTE_TOKENS:
            # '"The day ... was personal," he said, adding ...': the quotation is what
            # was said; the subject comes after it
            close = next((i for i in range(k + 1, limit) if toks[i] in _QUOTE_TOKENS), None)
            if close is None:
                return None
            k = close + 1
            continue
        if k < limit and (
            toks[k].lower() in w.preposition
            or toks[k].lower() in w.clause_start
            or toks[k].endswith("ly")
        ):
            comma = next((i for i in range(k, limit) if toks[i] == ","), None)
            if comma is None:
                return None
            k = comma + 1
            continue
        break
    return _np_forward(toks, k, limit, w)

def _lead_start(toks: Sequence[str], k: int, floor: int, w: _Words) -> int:
    """Where a noun phrase at token ``k`` starts with the words before it that say how
    many ("only", "more than", "just"; ``quantity_lead`` in ``source_words.csv``)."""
    start = k
    while start > floor and k - start < 3 and toks[start - 1].lower() in w.quantity_lead:
        start -= 1
    return start
