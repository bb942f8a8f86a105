"""Which noun phrase is a cue's source: the subject before it, the name after it, the
agent after "by", the speaker of a participle, the owner of a speech noun."""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import CueRule, _Words
from .phrases import (
    _NAMED,
    _NP,
    _POSSESSIVE_PRONOUNS,
    _extend_forward,
    _is_clause_edge,
    _modified_noun,
    _np_back,
    _np_forward,
    _plain_np_back,
    _possessor_back,
    _share_subject,
    _skip_time_back,
    _until_clause_end,
)
from .subjects import (
    _lead_start,
    _subject_back,
    _subject_forward,
)
from .tokens import (
    _CLOSING,
    _is_cap,
    _is_contracted_pronoun,
    _is_possessive,
    _is_word,
)


def _is_passive(toks: Sequence[str], ci: int, cj: int, rule: CueRule, w: _Words) -> bool:
    """Is the cue at tokens ``[ci, cj)`` a passive ("was asked", "has been called")?

    This runs for nearly every cue: the cue's few tokens are lowered as one string (no
    token holds a space), which costs less than a comprehension over them."""
    if rule.rule in ("participle", "state") or toks[cj - 1].endswith("ing"):
        return False
    words = " ".join(toks[ci:cj]).lower().replace("’", "'").split(" ")
    return not w.be_verb.isdisjoint(words)


def _find_source(
    toks: Sequence[str],
    ci: int,
    cj: int,
    rule: CueRule,
    w: _Words,
) -> tuple[_NP | None, str]:
    """The source of the cue at tokens ``[ci, cj)``, and for "who" the phrase it points to."""
    n = len(toks)
    source: _NP | None = None
    antecedent = ""
    if _is_passive(toks, ci, cj, rule, w):
        # A passive cue: the subject is who was spoken to or about ("He was asked",
        # "Results were posted"); the source, if any, follows "by": "has been called a
        # charlatan by fellow physicians".
        by = next((i for i in range(cj, min(n, cj + 6)) if toks[i].lower() == "by"), None)
        if by is not None:
            found = _np_forward(toks, by + 1, n, w)
            if found is not None:
                return _extend_forward(toks, found, n, w, tail="relative"), ""
        return None, ""
    if rule.side in ("left", "either"):
        source, antecedent = _source_before(toks, ci, cj, rule, w)
    if source is None and rule.side in ("right", "either"):
        source = _source_after(toks, ci, cj, rule, w)
    return source, antecedent


def _source_before(
    toks: Sequence[str], ci: int, cj: int, rule: CueRule, w: _Words
) -> tuple[_NP | None, str]:
    """The source before an active cue ("X said", "X, a spokesman for Y, said", "who
    said", "the AP, which first reported", "Trump's claim that", "and said"), and for
    "who"/"which"/"that" the phrase it points to."""
    n = len(toks)
    source: _NP | None = None
    antecedent = ""
    j = _skip_time_back(toks, ci, 0, w)
    prev = toks[j - 1] if j > 0 else ""
    low = prev.lower()  # lowered once: the tests below read it again and again
    if prev == ",":
        source = _appositive_subject(toks, j - 1, w)
    elif prev in ("—", "--"):
        source = _appositive_chain(toks, j - 1, w)  # "Jason Sims -- a teacher -- says"
    elif low in ("who", "which", "that") and (low == "who" or j > 1):
        source, antecedent = _relative_source(toks, j, w)
    elif (
        cj < n
        and (toks[cj].lower() in ("that", "about", "of") or toks[cj] in '“"')
        and not (j > 0 and low in w.head_kind)
        and (owner := _owner_back(toks, j, w)) is not None
    ):
        # "Trump's claim that ...", "Tulsa police's earlier claim", "his claim that" (but
        # in "The Obama administration argues that" the word before is the subject's head)
        source = owner
    elif (
        j > 1
        and low == "to"
        and rule.rule == "any"
        and _is_word(toks[j - 2])
        and toks[j - 2].lower() not in w.determiner
    ):
        # "Trump took to Twitter to accuse ...", "went on to say": the sentence's subject
        source = _subject_forward(toks, 0, j - 1, w)
    elif (
        j > 0
        and low in ("and", "but", "yet", "or")
        and (rule.rule == "any" or toks[cj - 1].lower().endswith(("ed", "s")))
    ):
        # "Clinton mocked the complaint and said ...": the subject of the sentence
        source = _subject_forward(toks, 0, j - 1, w)
    else:
        source = _subject_back(toks, j, 0, w)
        if source is not None:
            source = _quantity_lead(toks, _coordinated(toks, source, w), w)
        if source is None and rule.rule == "any":
            source = _plain_np_back(toks, j, w)
        if (
            source is None
            and j > 1
            and toks[j - 1] in w.person_noun
            and toks[j - 2].lower() not in w.breaker
        ):
            # "the minimum $20 million experts say": a word for people right before
            # the verb is its subject, even when the words before it are not (but
            # not after a verb or "which": "defended people accused of ...")
            source = _modified_noun(toks, j, w)
        elif source is None and j > 1 and rule.form == "say" and _plural_subject(toks[j - 1], w):
            # "ordinary Chinese traders say", "42 % say", "those surveyed say": the
            # present-tense "say" agrees with a plural right before it, its subject
            source = _modified_noun(toks, j, w)
            if toks[j - 1] in ("%", "percent") and j > 1 and toks[j - 2][:1].isdigit():
                source = _NP(j - 2, j, "unnamed", j)  # "42 % say": the share is the subject
        elif source is None and j > 2 and toks[j - 1] in ("whom", "which") and toks[j - 2] == "of":
            # "family members of 9/11 victims, many of whom say ..."
            source = _NP(j - 3, j, "unnamed", j)
    return source, antecedent


def _plural_subject(word: str, w: _Words) -> bool:
    """Can ``word`` end a plural subject ("traders", "surveyed", "%", "three-fourths")?"""
    low = word.lower()
    if low in ("%", "percent", "surveyed", "polled", "asked"):
        return True
    return (
        word.isalpha()
        and word.islower()
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low not in w.breaker
        and low not in w.determiner
    )


def _coordinated(toks: Sequence[str], np: _NP, w: _Words) -> _NP:
    """ "Bernie Sanders and Hillary Clinton said", "Both Cruz and Fiorina criticized",
    "Neither Maples nor Trump responded": the subject is every name joined by "and" or
    "nor" (when the first one opens the clause; "Trump mocked Clinton and Sanders said"
    is two clauses)."""
    k = np.start
    if k < 2 or toks[k - 1].lower() not in ("and", "nor", "&") or np.kind == "pronoun":
        return np
    first = _np_back(toks, k - 1, 0, w)
    if first is None or (first.kind == "pronoun" and toks[first.start].lower() != "he"):
        # "He and Rep. Bob Goodlatte condemned ...", but not "them and Clinton"
        return np
    start = first.start
    if start > 0 and toks[start - 1].lower() in ("both", "neither", "either"):
        start -= 1
    if not _is_clause_edge(toks, start, 0, w):
        return np
    return _NP(start, np.end, np.kind, np.core_end)


def _quantity_lead(toks: Sequence[str], np: _NP, w: _Words) -> _NP:
    """ "Only three senators", "Just 28 percent of voters", "More than six in 10": the
    words that say how many belong to the source when they open the clause."""
    k = _lead_start(toks, np.start, 0, w)
    if k < np.start and _is_clause_edge(toks, k, 0, w):
        return _NP(k, np.end, np.kind, np.core_end)
    return np


def _owner_back(toks: Sequence[str], j: int, w: _Words) -> _NP | None:
    """The owner of a cue used as a noun: "Trump's claim", "his claim" -- a possessive
    before it. (Not "The New York Times reported that": there the cue is a verb.)"""
    owner = _possessor_back(toks, j, w)
    if owner is None:
        return None
    last = toks[owner.end - 1]
    return owner if _is_possessive(last) or last.lower() in _POSSESSIVE_PRONOUNS else None


def _relative_source(toks: Sequence[str], j: int, w: _Words) -> tuple[_NP | None, str]:
    """ "The mayor, who said", "the AP, which first reported", "a super PAC that intends
    to": the relative word (token ``j - 1``) is the source and points to the noun phrase
    before it (its antecedent). "Which" after "a report by Jane Doe" points to the
    report: it stands for a thing, not the person."""
    k = j - 1
    if toks[k].lower() == "who":
        source = _NP(j - 1, j, "pronoun", j)
        if k > 0 and toks[k - 1] in (",", "--", "—"):
            k -= 1
        ante = _subject_back(toks, k, 0, w)
        if ante is None:
            return source, ""
        return source._replace(kind=ante.kind), " ".join(toks[ante.start : ante.core_end])
    if toks[k - 1] in (",", "--", "—"):
        k -= 1
    ante = _np_back(toks, k, 0, w)
    if (
        ante is not None
        and ante.kind == "named_person"
        and ante.start > 1
        and toks[ante.start - 1].lower() in ("by", "of", "from", "for", "with")
    ):
        ante = _np_back(toks, ante.start - 1, 0, w)
    if ante is None or ante.kind == "pronoun":
        return None, ""
    return _NP(j - 1, j, ante.kind, j), " ".join(toks[ante.start : ante.core_end])


def _source_after(toks: Sequence[str], ci: int, cj: int, rule: CueRule, w: _Words) -> _NP | None:
    """The source after the cue: '"...," said Rep. X', "according to the meeting agenda"."""
    n = len(toks)
    source: _NP | None = None
    before = toks[ci - 1] if ci > 0 else ""
    if rule.side == "right" or ci == 0 or before in _CLOSING or not _is_word(before):
        k = cj
        if rule.side == "either":
            while k < n and toks[k].lower() in w.time_word:
                k += 1  # "said Friday Rep. X"
        found = _np_forward(toks, k, n, w)
        if found is not None:
            # '"...," said X, a spokesman': X's description comes with it (not after
            # "according to X, ...": what follows the comma is the main clause)
            source = _extend_forward(
                toks, found, n, w, tail="all" if rule.side == "either" else "relative"
            )
            if rule.side == "right" and rule.rule == "any":
                source = _until_clause_end(toks, source, n, w)
        elif rule.side == "right" and rule.rule == "any" and k < n and _is_word(toks[k]):
            # "according to the meeting agenda posted on ...": whatever the words,
            # "according to" names a source; it runs to the end of its clause
            words = {t.lower() for t in toks[k : k + 6]}
            kind = "document" if any(w.head_kind.get(t) == "document" for t in words) else "unnamed"
            source = _until_clause_end(toks, _NP(k, k + 1, kind, k + 1), n, w)
    return source


def _appositive_subject(toks: Sequence[str], c: int, w: _Words) -> _NP | None:
    """The subject before "X, a spokesman for Y, said" (``c`` is the comma before the cue)."""
    p = c - 1
    while p > 0 and c - p < 18 and toks[p] not in (",", "(", "—", "--", ";", ":"):
        p -= 1
    if p <= 0 or toks[p] != ",":
        # No earlier comma: "Trump, however, said" or a lone appositive at the sentence start.
        seg = _subject_back(toks, c, 0, w)
        return seg if seg is not None and seg.start == 0 else None
    first = toks[p + 1] if p + 1 < c else ""
    low = first.lower()
    head = _subject_back(toks, p, 0, w)  # the subject before the first comma (used twice)
    if (
        low in w.preposition
        or (first.islower() and first.endswith("ly"))
        or _is_participle(first, w)
    ) and (head is not None and head.kind != "pronoun"):
        # "Clinton, at Monday's debate, cited ...", "Reid, in particular, has ...",
        # "Rubio, speaking at a rally, criticized ...": an aside between the subject and
        # the cue (what the speaker was doing, not who they are); the subject ends at
        # the first comma
        return head
    segment_is_name = _np_back(toks, c, 0, w)
    described = (
        low in w.determiner
        or low in w.descriptor
        or (
            first[:1].isdigit()
            or first in w.title
            or low in w.relative
            or (first[:1].islower() and low not in w.breaker)
        )
    )
    names = segment_is_name is not None and segment_is_name.start == p + 1
    if head is not None and (
        _joined(toks, head.start, w) or (not names and _inside_chain(toks, head, w))
    ):
        # "X, a scientist at NASA, and Y University, D.C., said": Y is not the source
        chained = _appositive_chain(toks, c, w)
        if chained is not None:
            return chained
    if described and head is not None and head.kind != "pronoun":
        # "Air Force Col. John Thomas, a spokesman for U.S. Central Command, said", "Chris
        # Cox, who runs the lobbying arm, says": the description is part of the source
        return _NP(head.start, c, head.kind, head.core_end)
    if segment_is_name is not None and segment_is_name.start == p + 1 and head is not None:
        # "one of the family's attorneys, Justin Bamberg, said"
        kind = segment_is_name.kind if segment_is_name.kind != "pronoun" else head.kind
        return _NP(head.start, c, kind, c)
    if segment_is_name is not None and segment_is_name.start == p + 1:
        return segment_is_name
    return _appositive_chain(toks, c, w)


def _is_participle(word: str, w: _Words) -> bool:
    """ "speaking", "angered", "helped": a verb form that opens an aside after a name
    ("Rubio, speaking at a rally, said"), not a description of who the name is."""
    return (
        word.islower()
        and word.endswith(("ing", "ed"))
        and len(word) > 4
        and word not in w.head_kind
        and word not in w.descriptor
    )


_ASIDES = frozenset({"however", "meanwhile", "though", "too", "instead", "therefore", "also"})


def _appositive_chain(toks: Sequence[str], c: int, w: _Words) -> _NP | None:
    """A name followed by several descriptions, each set off by commas or dashes, before
    the cue (``c`` is the comma or dash before it): "Woodrow Benford, 58, who lives
    outside Minneapolis, says", "Clinton, 35, the daughter of ..., said", "Jason Sims --
    a teacher from Mount Pleasant -- says". The source takes them all in; an aside
    ("Mr. Trump, however, said") is left out."""
    cur = c
    aside = False
    for _ in range(6):
        p = cur - 1
        while p > 0 and cur - p < 40 and toks[p] not in (",", "—", "--", "(", ";", ":"):
            p -= 1
        if p <= 0 or toks[p] not in (",", "—", "--") or p + 1 >= cur:
            return None
        first = toks[p + 1]
        low = first.lower()
        if cur - p == 2 and low in _ASIDES:
            aside = aside or cur == c
        elif not (_describes(toks, p, cur, w) or (low in ("and", "or") and cur - p > 2)):
            return None
        head = _subject_back(toks, p, 0, w)
        if head is not None and head.kind != "pronoun" and head.end == p:
            if aside and cur == c:
                return head  # "Mr. Trump, however, said": the aside is not the source
            if not _inside_chain(toks, head, w):
                return _NP(head.start, c, head.kind, head.core_end)
        cur = p
    return None


def _describes(toks: Sequence[str], p: int, cur: int, w: _Words) -> bool:
    """Can the words between the commas (or dashes) at ``p`` and ``cur`` describe a
    name before them: an age, "a spokesman for ...", "who lives ...", a place after a
    town (", Allentown, Pa.,", ", Greenbelt, Maryland,")?"""
    first = toks[p + 1]
    low = first.lower()
    return (
        first[:1].isdigit()
        or low in w.determiner
        or low in w.descriptor
        or low in ("who", "whose", "which", "now", "then")  # ", now director of ..."
        or first in w.title
        or _is_possessive(first)  # ", Gore's communications director,"
        or (cur - p == 2 and _is_cap(first) and (first.endswith(".") or first.isupper()))
        or (cur - p == 3 and _is_cap(first) and toks[p + 2] == ".")  # ", Del.,"
        or _is_region(toks, p + 1, cur, w)
        or (
            first.islower()
            and _is_word(first)
            and low not in w.breaker
            and not _is_participle(first, w)
        )
    )


def _joined(toks: Sequence[str], k: int, w: _Words) -> bool:
    """Does token ``k`` follow ", and" / ", or" (the second of two joined descriptions)?"""
    return k >= 2 and toks[k - 1].lower() in ("and", "or") and toks[k - 2] == ","


def _inside_chain(toks: Sequence[str], head: _NP, w: _Words) -> bool:
    """Is this phrase one link of a longer chain of descriptions, not the name that
    starts it: the second of two joined by ", and" ("a scientist at NASA, and American
    University"), a description set off by a comma ("X, a teacher in Dover, ..."), or a
    place after a town ("Greenbelt, Maryland")?"""
    k = head.start
    if _joined(toks, k, w):
        return True
    if k < 2 or toks[k - 1] != ",":
        return False
    first = toks[k]
    return (
        first.lower() in w.determiner
        or first.lower() in w.descriptor
        or _is_region(toks, k, head.end, w)
    )


def _is_region(toks: Sequence[str], start: int, end: int, w: _Words) -> bool:
    """Are tokens ``[start, end)`` a state named after a town ("Houston, Texas,")?"""
    return (
        0 < end - start <= 2
        and start >= 2
        and toks[start - 1] == ","
        and _is_cap(toks[start - 2])
        and " ".join(toks[start:end]).lower() in w.region
    )


# Words before a participle cue that tie it to the subject of the sentence:
# "responded by saying", "before asking her", "while showing support".
_PARTICIPLE_LINKS = frozenset(
    {"by", "after", "before", "while", "without", "from", "in", "when", "since", "upon", "despite"}
)


def _participle_source(toks: Sequence[str], ci: int, cj: int, w: _Words) -> _NP | None:
    """Who does the "-ing" cue at tokens ``[ci, cj)``? (see ``participle`` in rule 2)."""
    prev = toks[ci - 1] if ci > 0 else ""
    if prev in _CLOSING and ci > 1 and toks[ci - 2] == ",":
        prev = ","  # '"... a crazy policy," adding': the comma sits inside the quotation
    low = prev.lower()
    opening = ci == 0 or not _is_word(prev)
    if low in _PARTICIPLE_LINKS:
        opening = ci == 1 or not _is_word(toks[ci - 2])
    if opening and prev not in (",", "—", "–", "--"):
        # "Asked about the bomb, Clinton said ...", "After saying her foot was swollen,
        # she ...": the subject follows the comma
        comma = next((i for i in range(cj, len(toks)) if toks[i] == ","), None)
        return _np_forward(toks, comma + 1, len(toks), w) if comma else None
    if low in _PARTICIPLE_LINKS:
        # "Obama responded to a Gold Star mother by saying ...": the sentence's subject
        source = _subject_forward(toks, 0, ci - 1, w)
        if source is None or source.end > ci - 1:
            return None
        return _extend_forward(toks, source, ci - 1, w)
    if _is_contracted_pronoun(low, w):
        return _NP(ci - 1, ci, "pronoun", ci)  # "He’s claiming that ..."
    with_at = next((i for i in range(ci - 2, max(0, ci - 10), -1) if toks[i] == "with"), -1)
    if with_at > 0 and (share := _share_subject(toks, ci, with_at + 1, w)) is not None:
        return share  # "with 62 percent of voters saying ...": the share says it
    prev_head = low in w.head_kind and w.head_kind[low] == "document"
    if prev not in (",", "—", "–", "--") and not prev_head:
        # "with Russia backing the government", "footage of Hillary Clinton asking":
        # the noun phrase right before the participle does it
        np = _np_back(toks, ci, 0, w)
        if np is not None and np.kind in _NAMED and _is_word(prev):
            return np
        return None
    source = _subject_forward(toks, 0, ci, w)
    if source is None or source.end > ci:
        return None
    return _extend_forward(toks, source, ci, w)


_AFTER_OPENING_PARTICIPLE = frozenset(
    {"about", "on", "to", "by", "whether", "if", "for", "why", "how", "what", "over"}
)


def _opens_with_participle(toks: Sequence[str], ci: int, cj: int) -> bool:
    """Does the clause open with a past participle cue: "Asked about ...", "When pressed on
    ..."? (Then its subject is the one asked, not the one asking.)"""
    if cj >= len(toks) or not toks[cj - 1].lower().endswith("ed") or cj - ci != 1:
        return False
    opening = ci == 0 or (ci == 1 and toks[0].lower() in ("when", "if", "once", "after"))
    return opening and toks[cj].lower() in _AFTER_OPENING_PARTICIPLE
