"""Noun phrases that can be sources: find one ending before or starting at a token,
and say what kind of source it is (a person, an organisation, an outlet ...)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from .lexicon import _is_outlet_name, _Words
from .tokens import (
    _is_cap,
    _is_contracted_pronoun,
    _is_name_tok,
    _is_possessive,
    _is_word,
)

# Nouns for people are often made with these endings: questioner, moderator, strategist.
_PERSON_NOUN_RE = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)s?")
_DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Z]\.){2,}")
# Heads that a word such as "news" or "state-run" in front makes a news outlet.
_MEDIA_HEADS = frozenset({"agency", "media", "television", "tv", "radio", "service"})
_NAMED = frozenset({"named_person", "named_organization", "media_outlet"})


class _NP(NamedTuple):
    """A noun phrase found as a source: token range, kind and its core (without appositive)."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str
    core_end: int  # token index where the name/head ends (before an appositive)


def _name_kind(words: Sequence[str], w: _Words) -> str:
    """Kind of a capitalised source: outlet, organisation, group or person."""
    # Set operations and ``in`` on a map run in C: this runs for every capitalised
    # source, and generators over the words cost more than the tests themselves.
    last = words[-1]
    if (
        last in w.media_suffix
        or last in w.media_name
        or "News" in words
        or (
            not w.media_name.isdisjoint(words)  # rare: only then look at the words
            and any(_is_cap(x) for x in w.media_name.intersection(words))
        )
        or _is_outlet_name(words)
    ):
        return "media_outlet"
    lows = list(map(str.lower, words))
    if "news" in lows or (
        "media_outlet" in map(w.head_kind.get, lows)  # rare: then see which word it is
        and any(
            w.head_kind.get(low) == "media_outlet" and not _is_cap(x)
            for x, low in zip(words, lows, strict=True)
        )
    ):
        return "media_outlet"
    if not w.title.isdisjoint(words):
        return "named_person"
    if last in w.org_suffix or (last.isupper() and last.isalpha() and 2 <= len(last) <= 6):
        return "named_organization"
    inner = words[1:-1]
    if _DOTTED_ACRONYM_RE.fullmatch(last) or "of" in inner or "for" in inner:
        # "U.S.", "U.N.": a country or body; "Syrian Observatory for Human Rights",
        # "Department of Justice": a person's name never joins words with "of"/"for"
        return "named_organization"
    if last.rstrip("s’'") + "s" in w.group_name or last in w.group_name:
        return "unnamed"
    kind = w.head_kind.get(last.lower())
    if kind is not None and (not _is_cap(last) or kind == "document"):
        return kind  # "A Quinnipiac poll", and in a title-case headline "New Poll"
    return "named_person"


def _head_kind(words: Sequence[str], head: str, w: _Words) -> str:
    """Kind of a common-noun source ("U.S. officials", "a Quinnipiac poll", "the campaign")."""
    kind = w.head_kind[head.lower()]
    if head.lower() in _MEDIA_HEADS and any(x.lower() in w.media_modifier for x in words[:-1]):
        return "media_outlet"  # "the news agency", "state-run media", "state television"
    if kind == "named_organization" and not any(_is_cap(x) for x in words[:-1]):
        return "unnamed"  # "the campaign said": an organisation, but the text does not name it
    return kind


def _np_back(toks: Sequence[str], j: int, floor: int, w: _Words) -> _NP | None:
    """The noun phrase that ends right before token ``j`` (a possible source)."""
    if j <= floor:
        return None
    text = toks[j - 1]
    low = text.lower()
    if low in w.pronoun and (text == low or text in ("I", "He", "She", "They", "It", "We")):
        return _NP(j - 1, j, "pronoun", j)
    if text == ")":  # "House Speaker Paul D. Ryan (R-Wis.)"
        k = j - 1
        while k > floor and j - k < 10 and toks[k] != "(":
            k -= 1
        if toks[k] == "(":
            inner = _np_back(toks, k, floor, w)
            return inner._replace(end=j, core_end=j) if inner else None
        return None
    head_first = (
        low in w.head_kind
        and (
            not _is_cap(text)
            or j - 1 == floor
            or toks[j - 2].lower() in w.determiner
            or not _is_cap(toks[j - 2])
        )
        and text not in w.group_name
    )
    if _is_contracted_pronoun(low, w):
        return _NP(j - 1, j, "pronoun", j)  # "He’s claiming", "she'd like", "they've said"
    if _is_possessive(text):
        return None  # "Donald Trump's tweet": the next word is a noun, not a verb
    if not head_first and _is_name_tok(text, w) and _is_word(text):
        return _name_back(toks, j, floor, w)
    if (
        low not in w.head_kind
        and j - 2 >= floor
        and toks[j - 2].lower() in w.determiner
        and _PERSON_NOUN_RE.fullmatch(text)
    ):
        # "one questioner", "the moderator": a noun for a person, after "the", "a", "one"
        return _NP(j - 2, j, "unnamed", j)
    if (
        low not in w.head_kind
        and text.endswith("s")
        and _PERSON_NOUN_RE.fullmatch(text)
        and _is_clause_edge(toks, j - 1, floor, w)
    ):
        # "But environmentalists worry that ...": a plural noun for people (-ists, -ers,
        # -ors, -ians) that opens the clause
        return _NP(j - 1, j, "unnamed", j)
    if low in w.head_kind:
        return _head_back(toks, j, floor, w)
    return None


def _name_back(toks: Sequence[str], j: int, floor: int, w: _Words) -> _NP | None:
    """A capitalised name ending before token ``j``, with the titles, job words and "of"s
    in front of it ("rival Donald Trump", "Department of Justice", "NBC News moderator
    Matt Lauer"); ``None`` for a lone adjective ("Republican support")."""
    text = toks[j - 1]
    k = j - 1
    while k > floor:
        prev = toks[k - 1]
        low = prev.lower()  # once per word: the tests below read it twice
        if not (
            _is_name_tok(prev, w)
            or (low in w.descriptor and not prev.isdigit())
            or _is_possessive(prev)
            or (low in ("of", "&") and k - 2 >= floor and _is_cap(toks[k - 2]) and _is_cap(toks[k]))
            # a job word right before a name: "rival Donald Trump", "NBC News
            # moderator Matt Lauer", "Latvian journalist Dainis Ivans"
            or (prev in w.person_noun and _is_cap(toks[k]))
        ):
            break
        k -= 1
    if k > floor and toks[k - 1].lower() in w.determiner:
        k -= 1
    words = [t for t in toks[k:j] if t.lower() not in w.determiner]
    if len(words) == 1 and text.lower() in w.descriptor and text not in w.org_suffix:
        if k < j - 1 and toks[k].lower() in ("one", "a", "an", "the", "another", "each"):
            return _NP(k, j, "unnamed", j)  # "One Republican", "a Democrat": a person
        return None  # "Republican support", "a liberal think tank": an adjective, no name
    return _NP(k, j, _name_kind(words or [text], w), j)


def _head_back(toks: Sequence[str], j: int, floor: int, w: _Words) -> _NP:
    """A common noun from the word lists ("officials", "poll") ending before token ``j``,
    with its modifiers when a determiner, capital or number confirms them ("U.S.
    officials", "The GOP presidential nominee", "militia members")."""
    text = toks[j - 1]
    k = j - 1
    anchor = k  # the start, once a determiner, capital or number confirms the modifiers
    while k > floor and j - k < 7:
        prev = toks[k - 1]
        plow = prev.lower()
        if plow in w.determiner:
            k -= 1
            while k > floor and j - k < 7 and toks[k - 1].lower() in w.determiner:
                k -= 1  # "Two senior sources", "all three": determiners stack up
            anchor = k
            break
        if prev == "/" and k - 2 >= floor and _is_cap(toks[k - 2]) and _is_cap(toks[k]):
            k -= 2  # "a CNN/ORC poll", "a Reuters/Ipsos poll": two names joined by a slash
            anchor = k
            continue
        if (_is_cap(prev) and plow not in w.breaker) or prev[:1].isdigit() or _is_possessive(prev):
            if anchor > k:
                break  # "Sanders offered some": a verb lies between the name and the head
            k -= 1
            anchor = k
            continue
        if plow in w.descriptor or plow in w.media_modifier:
            k -= 1  # "The GOP presidential nominee", "state-run media": a known job word
            anchor = k
            continue
        if _is_word(prev) and plow not in w.breaker and plow not in w.time_word:
            k -= 1  # an adjective or noun modifier ("militia members"), until confirmed
            continue
        break
    if anchor > k and _is_clause_edge(toks, k, floor, w):
        anchor = k  # "restructuring experts say": the modifiers reach back to the clause start
    words = list(toks[anchor:j])
    return _NP(anchor, j, _head_kind(words, text, w), j)


def _is_byline(toks: Sequence[str], start: int) -> bool:
    """Does the name at token ``start`` follow a sentence-opening "By" ("By Jill Smith"):
    the writer's credit, not a source?"""
    return start == 1 and toks[0] in ("By", "BY")


def _is_clause_edge(toks: Sequence[str], k: int, floor: int, w: _Words) -> bool:
    """Can a subject start at token ``k``? (sentence start, after a comma, "and", "when" ...)"""
    if k <= floor:
        return True
    prev = toks[k - 1]
    return (
        (not _is_word(prev) and prev not in (")",))
        or prev.lower() in w.clause_start
        or (prev.lower() in w.time_word)
        or prev.lower() in w.relative  # "the annexation, which RT pointed to as ..."
    )


def _modified_noun(toks: Sequence[str], j: int, w: _Words) -> _NP:
    """The noun before token ``j`` with the plain words in front of it when they reach
    back to the start of the clause ("Civil rights activists"), else the noun alone."""
    k = j - 1
    while k > 0 and j - k < 5 and toks[k - 1].isalpha() and toks[k - 1].lower() not in w.breaker:
        k -= 1
    if k < j - 1 and _is_clause_edge(toks, k, 0, w):
        return _NP(k, j, "unnamed", j)
    return _NP(j - 1, j, "unnamed", j)


def _plain_np_back(toks: Sequence[str], j: int, w: _Words) -> _NP | None:
    """A last try for a cue that counts on its own: "the 41-year-old said" -- a
    determiner and up to three ordinary words at the start of a clause."""
    k = j
    while k > 0 and j - k < 4:
        word = toks[k - 1]
        if word.lower() in w.determiner and k < j and _is_clause_edge(toks, k - 1, 0, w):
            return _NP(k - 1, j, "unnamed", j)
        if not _is_word(word) or word.lower() in w.breaker:
            return None
        k -= 1
    return None


def _skip_time_back(toks: Sequence[str], j: int, floor: int, w: _Words) -> int:
    """Skip a time phrase before the cue ("Trump on Monday said") and return the new end."""
    k = j
    seen = False
    while k > floor and j - k < 4:
        low = toks[k - 1].lower()
        if low in w.time_word:
            seen = True
            k -= 1
        elif seen and low in ("on", "last", "this", "early", "late", "in", "next", "just"):
            k -= 1
        else:
            break
    return k if seen else j


def _np_forward(toks: Sequence[str], k: int, limit: int, w: _Words) -> _NP | None:
    """The noun phrase that starts at token ``k`` (a source after its cue)."""
    if k >= limit:
        return None
    text = toks[k]
    if text.lower() in w.pronoun and text not in ("I", "It"):
        return _NP(k, k + 1, "pronoun", k + 1)
    m = k
    if text.lower() in w.determiner or text.lower() == "one":
        m += 1
        if m < limit and toks[m].lower() == "of":  # "one of the family's attorneys"
            m += 1
            if m < limit and toks[m].lower() in w.determiner:
                m += 1
    best: tuple[int, bool] | None = None  # (end, ends in a capitalised name)
    n = m
    while n < limit and n - k < 12:
        tok = toks[n]
        low = tok.lower()
        if low in w.head_kind and not (_is_cap(tok) and n > m and _is_cap(toks[n - 1])):
            best = (n + 1, False)
        elif (_is_name_tok(tok, w) and _is_word(tok)) or _is_possessive(tok):
            best = (n + 1, True)
        elif tok in ("(",) and best and best[1]:
            close = next((i for i in range(n, min(limit, n + 8)) if toks[i] == ")"), None)
            if close is None:
                break
            best = (close + 1, True)
            n = close + 1
            continue
        elif not (_is_word(tok) and low not in w.breaker and low not in w.determiner):
            break
        n += 1
    if (
        best is None
        and k < m < limit
        and toks[m].endswith("s")
        and toks[m].islower()
        and toks[m].isalpha()
        and toks[m] not in w.breaker
    ):
        # "The farmers viewed ...": a determiner and a plural noun the word lists do
        # not know is still a group of people or things
        return _NP(k, m + 1, "unnamed", m + 1)
    if best is None:
        return None
    end, is_name = best
    words = [t for t in toks[m:end] if t not in ("(", ")")]
    if is_name:
        last = next(i for i in range(end - 1, m - 1, -1) if _is_word(toks[i]))
        kind = _name_kind(list(toks[m : last + 1]), w)
    else:
        kind = _head_kind(words, toks[end - 1], w)
    return _NP(k, end, kind, end)


def _extend_forward(
    toks: Sequence[str], np: _NP, limit: int, w: _Words, *, tail: str = ""
) -> _NP:
    """Add "of/for/from X" and an appositive (", a spokesman for Y") to a source.

    ``tail="all"`` (a source after its cue: '"...," said X, ...'): the source is the
    last thing its clause names, so whatever describes it comes with it, as PolNeAR
    draws it: an appositive of any shape (", Democrat of Delaware", ", Clinton's state
    director", ", then ambassador to Israel") and a relative clause (", who managed the
    campaign", "a person who attended"). ``tail="relative"`` (after "by"): the relative
    clause only ("reported by Fars, run by the government, ..." keeps "Fars")."""
    end = np.end
    kind = np.kind
    if end + 1 < limit and toks[end].lower() in ("of", "for", "from", "at", "with"):
        more = _np_forward(toks, end + 1, limit, w)
        if more is not None and more.kind != "pronoun":
            if kind == "named_person" and toks[end] == "for" and _is_cap(toks[end + 1]):
                kind = "named_organization"  # "the Syrian Observatory for Human Rights"
            end = more.end
    core_end = end
    if end + 1 < limit and toks[end] == "," and np.kind != "pronoun":
        first = toks[end + 1]
        if (
            first.lower() in w.determiner
            or first.lower() in w.descriptor
            or first in w.title
            or first.lower() in ("also", "known")
            or (first[:1].isdigit() and np.kind == "named_person")
        ):  # "Smith, 45,"
            stop = end + 1
            while (
                stop < limit
                and stop - end < 16
                and toks[stop] not in (",", ";", "“", "”", '"', "—", "--", ".")
                and not _time_phrase_at(toks, stop, w)
            ):
                stop += 1
            end = stop
    if tail and np.kind != "pronoun":
        end = _describing_tail(toks, end, limit, w, relative_only=tail == "relative")
    return _NP(np.start, end, kind, core_end)


# Where a description after a source ends: a comma, a quotation, a dash, a sentence end.
_TAIL_STOPS = frozenset(
    {",", ";", ":", "“", "”", '"', "''", "``", "‘", "—", "--", "–", ".", "?", "!", "(", ")"}
)


def _describing_tail(
    toks: Sequence[str], end: int, limit: int, w: _Words, *, relative_only: bool = False
) -> int:
    """The end of the appositives and relative clause after a source that follows its
    cue ("said Sen. Chris Coons, Democrat of Delaware", "said Jane Doe, who managed
    the campaign"): each part runs to the next comma, quotation or dash. A part that
    starts with a cue or a participle (", adding ...", ", speaking on ...") is a new
    statement, not a description, and ends the source."""
    for _ in range(3):
        k = end + 1 if end < limit and toks[end] == "," else end
        if k >= limit:
            break
        first = toks[k]
        low = first.lower()
        relative = low in ("who", "whose") or (low == "which" and k > end)
        described = relative or (
            not relative_only
            and k > end
            and _is_word(first)
            and (
                low in ("then", "now")  # ", then ambassador to Israel"
                or (
                    low not in w.breaker
                    and not low.endswith("ing")
                    and not _time_phrase_at(toks, k, w)
                    and (
                        first.islower()  # ", co-director of the program"
                        or _is_possessive(first)  # ", Clinton's state director"
                        or first in w.title
                        # ", Democrat of Delaware", ", R-S.C."
                        or (k + 1 < limit and toks[k + 1].lower() in ("of", "for", "at"))
                        or (first[:2] in ("R-", "D-", "I-") and len(first) <= 8)
                    )
                )
            )
        )
        if not described:
            break
        stop = k + 1
        while stop < limit and stop - k < 40 and toks[stop] not in _TAIL_STOPS:
            stop += 1
        end = stop
        if relative:
            break  # the relative clause is the last part
    return end


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})


def _possessor_back(toks: Sequence[str], j: int, w: _Words) -> _NP | None:
    """Whose is the noun at token ``j``? "Trump's claim", "his earlier claim", "Tulsa
    police's claim", "the U.S. announcement" (a name between "the" and the noun)."""
    k = j
    while (
        k > 0
        and j - k < 2
        and toks[k - 1].islower()
        and toks[k - 1].isalpha()
        and (toks[k - 1] not in w.breaker and toks[k - 1] not in w.determiner)
    ):
        k -= 1  # adjectives: "earlier", "tacit"
    if k == 0:
        return None
    word = toks[k - 1]
    if word.lower() in _POSSESSIVE_PRONOUNS:
        return _NP(k - 1, k, "pronoun", k)
    if _is_possessive(word):
        i = k - 1
        while (
            i > 0
            and k - i < 5
            and (_is_name_tok(toks[i - 1], w) or toks[i - 1].lower() in w.head_kind)
        ):
            i -= 1
        name = word[:-2]
        kind = "pronoun" if name.lower() in w.pronoun else _name_kind([*toks[i : k - 1], name], w)
        return _NP(i, k, kind, k)
    i = k
    while i > 0 and k - i < 4 and _is_name_tok(toks[i - 1], w) and _is_word(toks[i - 1][:1]):
        i -= 1
    if i < k and i > 0 and toks[i - 1].lower() in ("the", "a", "an"):
        # "the U.S. announcement", "a New York Times report"
        return _NP(i, k, _name_kind(list(toks[i:k]), w), k)
    return None


def _until_clause_end(toks: Sequence[str], np: _NP, limit: int, w: _Words) -> _NP:
    """After "according to", the source runs to the end of its clause ("... fighting there")."""
    end = np.end
    while end < limit and toks[end] not in (",", ";", ".", ":", "“", '"', "—", "--", "?"):
        if toks[end].lower() in ("that", "which") or _time_phrase_at(toks, end, w):
            break  # "according to the agency on Tuesday": the time is not the source
        end += 1
    if (
        end + 1 < limit
        and toks[end] == ","
        and toks[end + 1].lower() in ("also", "known", "a", "an", "the")
    ):
        # an appositive after the source: ", also known as the Popular Mobilization Units"
        stop = end + 1
        while (
            stop < limit
            and toks[stop] not in (",", ";", ".", "“", '"', "—", "--")
            and not _time_phrase_at(toks, stop, w)
        ):
            stop += 1
        end = stop
    return np._replace(end=end)


_TIME_LEADS = frozenset({"on", "in", "at", "last", "this", "early", "late", "next"})


def _time_phrase_at(toks: Sequence[str], k: int, w: _Words) -> bool:
    """Does a time phrase start at token ``k`` ("on Tuesday", "last week", "Monday")?"""
    low = toks[k].lower()
    if low in w.time_word:
        return True
    return low in _TIME_LEADS and k + 1 < len(toks) and toks[k + 1].lower() in w.time_word


# A number as a word or in digits: "4", "74", "Seventy-four", "nine".
_NUMBER_RE = re.compile(
    r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?",
    re.IGNORECASE,
)


def _share_subject(toks: Sequence[str], j: int, floor: int, w: _Words) -> _NP | None:
    """A share of people that opens the clause, as polls report what people think:
    "About 4 in 10 say", "Seventy-four percent of Democratic voters say", "a majority of
    Republicans support", "Fewer than half of the voters surveyed support". The whole
    phrase, back to the start of the clause, is the source: the share is who "says".

    This runs before nearly every look for a subject, and most calls end in ``None``: the
    word sets are read into local names once and each word is lowered once."""
    clause_start, breaker, quantity_lead = w.clause_start, w.breaker, w.quantity_lead
    k = j
    while k > floor and j - k < 16:
        prev = toks[k - 1]
        low = prev.lower()
        if not (_is_word(prev) or prev in ("%", "-")) or low in clause_start:
            break
        if low in breaker and low not in w.preposition and low not in quantity_lead:
            return None  # "28 percent said they had ..., compared": another verb between
        k -= 1
    start = k
    while k < j and ((low := toks[k].lower()) in quantity_lead or low in ("than", "a", "the")):
        k += 1
    if k >= j or not (_NUMBER_RE.fullmatch(toks[k]) or toks[k].lower() in w.share_word):
        return None
    words = [t.lower() for t in toks[k:j]]
    if toks[start].lower() in ("a", "an") and _NUMBER_RE.fullmatch(toks[j - 1]):
        return None  # "a 30% decline": the cue word is a noun measured by the share
    if not _share_of_people(toks[j - 1], words, w):
        return None  # "3.5 percent in the first 10 months of the year": not people
    share = any(t in w.share_word or t.endswith("%") for t in words) or any(
        a in ("in", "of") and _NUMBER_RE.fullmatch(b) is not None for a, b in pairwise(words[1:])
    )
    return _NP(start, j, "unnamed", j) if share else None


_SAMPLED = frozenset({"surveyed", "polled", "questioned", "asked", "interviewed"})


def _share_of_people(last: str, words: Sequence[str], w: _Words) -> bool:
    """Does a share phrase end on people? On the share itself ("About 4 in 10", "37%"),
    on a word for people ("of Republican voters", "of independents"), or on how they
    were asked ("the senators surveyed")."""
    low = last.lower()
    if low in _SAMPLED or len(words) == 1 or _NUMBER_RE.fullmatch(last) or low in w.share_word:
        return True
    if _is_possessive(last) or low in w.preposition or low in w.determiner:
        return False
    kind = w.head_kind.get(low)
    return (
        (kind is not None and kind != "document")
        or _PERSON_NOUN_RE.fullmatch(low) is not None
        or (_is_cap(last) and low.endswith("s"))
    )
