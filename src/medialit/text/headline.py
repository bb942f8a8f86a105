"""The headline of text copied from a web page.

Copied text has no tags: the headline is one line among menus, teasers and buttons.
(Nor does it start with the browser tab's title: the ``<title>`` is not part of the
page's body, which is what the browser copies.) Real pages print their headline in a
few shapes, and each rule here names the shape it found, in words a learner follows:

- the byline and the date come right under the headline; share buttons, a photo
  and its caption may sit between;
- many pages print a summary (a "standfirst") between the headline and the byline:
  a longer line that reads as a sentence. The title line above it is the headline;
- the page may print its headline a second time (a share box, a list of links);
- a headline names what the story's first paragraphs tell, so it shares their words
  (on the tuning pages, 80% of headlines share two words in five with the first
  three paragraphs; 12% of the other title lines near the story do);
- a date, a photo caption ("... in 2006. (AP)") or a section label is not a headline.

:mod:`medialit.text.segmentation` calls :func:`find_headline` once it knows where the
story runs (:func:`medialit.text.page_rules.story_region`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import islice

from .._util.data import read_table
from .page_rules import (
    HEADER_IDS,
    MAX_HEADLINE_CHARS,
    MAX_TITLE_WORDS,
    RULE_HEADLINE,
    Line,
    Pattern,
    count_words,
    looks_like_headline,
    normalise_line,
)

# Headline rules, in the words a learner reads.
RULE_HEADLINE_NEAR = (
    "the headline: the last short title line above the story's first paragraph "
    "(bylines, dates and buttons between them are explained by their own rules)"
)
RULE_HEADLINE_STOP = (
    "a title line right above the byline, date or share buttons: the headline "
    "(some headlines end with a full stop)"
)
RULE_HEADLINE_SUMMARY = (
    "a title line above a summary (or a second, shorter title) and the byline or date: "
    "the headline (the lines under it tell the story in short)"
)
RULE_HEADLINE_REPEATED = (
    "a title line the page prints again (in a share box or a trail of links): the headline"
)

_HEADLINE_WINDOW = 60  # lines above the story where the headline may be
_REGION_HEAD = 12  # lines at the top of the story run where it may be too
_HEADER_REACH = 4  # lines (not counting share buttons) from a headline to its byline or date
_HEADER_SPAN = 10  # ... and never further than this
_LONG_LINE = 30  # words: a paragraph, not part of a headline's header
_MAX_DECKED_WORDS = 20  # a headline with a deck under it is no longer than this
_FULL_STOPS = (".", '."', ".”", ".'", ".’")  # a full stop, also inside closing quotes
_SHARE_IDS = frozenset({"share_bar", "share_buttons"})

_DATE_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
_MAX_DATE_TOKENS = 14  # words and numbers in a date line, at most
_BY_RE = re.compile(r"(?:posted |written )?by\s+[^\W\d_]", re.IGNORECASE)
_CLOCK_RE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}")
# A sentence, then who took the photo in brackets: "Police at the scene. (AP)" (not a
# number: lists of stories print their comment counts so, "... appear” (122)").
_CREDIT_END_RE = re.compile(r"[.!?\"'”’]\s*\([^()]{0,30}[^\W\d_][^()]{0,30}\)$")


@cache
def _date_words() -> frozenset[str]:
    """Month and day names, "am"/"pm", time zones, "updated" (``date_words.csv``)."""
    return frozenset(row["word"] for row in read_table("lexicons", "date_words.csv"))


@cache
def _month_and_day_names() -> frozenset[str]:
    rows = read_table("lexicons", "date_words.csv")
    return frozenset(row["word"] for row in rows if row["kind"] in {"month", "weekday"})


def is_date_line(line: str) -> bool:
    """A date or a time on its own ("Nov. 18, 2019 12:02 PM", "Last modified on Mon 18 Nov").

    Most of its words are numbers, month or day names, "am"/"pm" or time zones, and
    it holds a number and a month or day name or a clock time. Pages print it under
    the headline; it is never the headline.
    """
    # Fifteen tokens are enough to say no: a paragraph is not read to its end.
    found = islice(_DATE_TOKEN_RE.finditer(line.casefold()), _MAX_DATE_TOKENS + 1)
    tokens = [match.group() for match in found]
    if not tokens or len(tokens) > _MAX_DATE_TOKENS or not any(t.isdigit() for t in tokens):
        return False
    named = _month_and_day_names()
    if not _CLOCK_RE.search(line) and not any(t in named for t in tokens):
        return False  # numbers alone are a phone number or a score, not a date
    words = _date_words()
    dated = sum(t.isdigit() or t in words for t in tokens)
    return dated >= 0.7 * len(tokens)


def is_dated_byline(line: str) -> bool:
    """"By" and the writers' names, then the date: "By Ann Lee and Bo Li on Monday,
    Nov. 18th, 2019 at 11:08 a.m." (a byline, even where its final "a.m." ends it
    like a sentence)."""
    if not _BY_RE.match(line) or count_words(line) > 25:
        return False
    named = _month_and_day_names()
    return any(t in named for t in _DATE_TOKEN_RE.findall(line.casefold())) and bool(
        re.search(r"\d", line)
    )


def is_caption_line(line: str) -> bool:
    """A sentence followed by a credit in brackets: how pages print a photo's caption."""
    return bool(_CREDIT_END_RE.search(line))


def _is_sentence_case(line: str) -> bool:
    """Fewer than half the words after the first start with a capital (not Title Case)."""
    words = [w.lstrip("\"'“‘(") for w in line.split()[1:]]
    words = [w for w in words if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) < 0.5 * len(words)


def _is_title_case(line: str) -> bool:
    """Most words of four letters or more start with a capital ("Royal Self-Indicting
    Arrogance"): how many pages print titles, and no caption."""
    words = [w.lstrip("\"'“‘(") for w in line.split()]
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) > 0.8 * len(long_words)


def is_summary_of(lower: str, upper: str) -> bool:
    """Is ``lower`` the summary a page prints under the headline ``upper``?

    A summary (a "standfirst") is clearly longer than the headline above it and reads
    as a sentence: in sentence case, with more words than a title or a final full
    stop. The headline has no final full stop and five words or more (shorter lines
    above a summary are section labels), or three when the summary ends with a full
    stop (a label is not followed by a whole sentence).
    """
    upper_words, lower_words = count_words(upper), count_words(lower)
    return (
        upper_words >= (3 if lower.endswith(".") else 5)
        and not upper.endswith(".")
        and upper_words + 4 <= lower_words <= 45
        and (lower_words > MAX_TITLE_WORDS or lower.endswith("."))
        and _is_sentence_case(lower)
    )


def is_deck_of(lower: str, upper: str) -> bool:
    """Is ``lower`` a second, shorter title (a "deck") printed right under the headline?

    Both are titles without a final full stop: the deck has five words or more (menu
    items and names are shorter) and is clearly shorter than the headline above it (a
    smaller second title), which is no longer than a title (a longer line is a notice
    or a sentence); neither repeats the other (a trail of links often ends with the
    headline's own words).
    """
    upper_words, lower_words = count_words(upper), count_words(lower)
    folded_upper, folded_lower = normalise_line(upper), normalise_line(lower)
    return (
        5 <= lower_words <= upper_words - 3
        and upper_words <= _MAX_DECKED_WORDS
        and not upper.endswith(".")
        and not lower.endswith(".")
        and folded_lower not in folded_upper
        and folded_upper not in folded_lower
    )


def _is_under_headline(
    j: int, u: int, lines: Sequence[Line], kinds: Sequence[str | None]
) -> bool:
    """Is line ``j`` the summary or the deck under the headline ``u`` (``u`` above ``j``)?

    A deck sits right under its headline, and the headline is not the last of a list
    of titles (a line of five words or more right above it is another title).
    """
    if is_summary_of(lines[j].text, lines[u].text):
        return True
    if j != u + 1 or not is_deck_of(lines[j].text, lines[u].text):
        return False
    return not (u > 0 and kinds[u - 1] is None and lines[u - 1].words >= 5)


def _is_paragraph(line: Line) -> bool:
    """A paragraph of the story: a long line, or a sentence of eight words or more.

    (A list of other stories' titles with their comment counts, "... (129)", is not.)
    """
    words = line.words
    return words >= 25 or (words >= 8 and line.text.endswith((".", "!", "?", "…", "。")))


def _neighbour_title(
    i: int, lines: Sequence[Line], kinds: Sequence[str | None], step: int
) -> int | None:
    """The nearest line (within two) in direction ``step`` that could be a title or summary.

    Lines a pattern explains and labels of one or two words (a section name, a share
    count) are stepped over; a longer line that no pattern explains is the answer.
    """
    for j in (i + step, i + 2 * step):
        if not 0 <= j < len(lines):
            return None
        if kinds[j] is None and lines[j].words > 2:
            return j
    return None


def _header_near(
    i: int,
    lines: Sequence[Line],
    kinds: Sequence[str | None], matched: Sequence[Pattern | None], step: int
) -> bool:
    """Is there a byline or date within a few lines of line ``i`` (in direction ``step``)?"""
    return _header_gap(i, lines, kinds, matched, step) is not None


def _header_gap(
    i: int,
    lines: Sequence[Line],
    kinds: Sequence[str | None], matched: Sequence[Pattern | None], step: int
) -> int | None:
    """How many unexplained lines (0 or 1) lie between line ``i`` and a byline or date
    a few lines away in direction ``step``; None when there is none.

    Share buttons and photo captions may sit between without counting, and so may a
    few lines a pattern explains (a photo credit), labels of one or two words (a
    section name, a share count) and one longer line no pattern explains: the summary
    a page prints under its headline, or the writer's name on a line of its own. A
    paragraph between them means the byline belongs to something else.
    """
    j, counted, unexplained = i + step, 0, 0
    while 0 <= j < len(kinds) and counted < _HEADER_REACH and abs(j - i) <= _HEADER_SPAN:
        pattern, text = matched[j], lines[j].text
        if (pattern is not None and pattern.id in HEADER_IDS) or (
            kinds[j] is None and (is_date_line(text) or is_dated_byline(text))
        ):
            return unexplained
        free = (pattern is not None and pattern.id in _SHARE_IDS) or is_caption_line(text)
        if kinds[j] is None and not free and lines[j].words > _LONG_LINE:
            return None
        if not free:
            counted += 1
            if kinds[j] is None and lines[j].words > 2:
                unexplained += 1
                if unexplained > 1:
                    return None
        j += step
    return None


def _headline_score(
    i: int,
    lines: Sequence[Line],
    kinds: Sequence[str | None],
    matched: Sequence[Pattern | None],
    distance: int,
    seen: dict[str, int],
    lead: frozenset[str] = frozenset(),
) -> tuple[float, str] | None:
    """How much line ``i`` looks like the story's headline, and the rule that says why.

    ``distance`` counts the lines no pattern explains between it and the story. None
    when it cannot be the headline: a line a pattern explains, a lead-in ending with a
    colon, two words or fewer (names, buttons and section names), a date, or a
    paragraph.
    """
    line = lines[i].text
    words = lines[i].words
    if kinds[i] is not None or line.endswith(":") or len(line) > MAX_HEADLINE_CHARS:
        return None
    if words < 3 or words > 30 or "@" in line or is_date_line(line):
        return None
    score, rule = -distance / 2, RULE_HEADLINE_NEAR
    score += 12 if words >= 5 else 0  # section names, menu items and names are shorter
    # A page puts the byline and the date right under the headline, or under the
    # summary or deck that follows it (some put the date or the section above it).
    below = _neighbour_title(i, lines, kinds, +1)
    summary_below = below is not None and _is_under_headline(below, i, lines, kinds)
    gap = _header_gap(i, lines, kinds, matched, +1)
    if summary_below and _header_near(below, lines, kinds, matched, +1):  # type: ignore[arg-type]
        score, rule = score + 30, RULE_HEADLINE_SUMMARY
    elif gap is not None:
        # Right above it, or with one line between (a summary, the writer's name).
        score, rule = score + (30 if gap == 0 else 24), RULE_HEADLINE_STOP
    elif _header_near(i, lines, kinds, matched, -1):
        score += 10
    # The summary or deck under a headline is not the headline, nor is a caption: a
    # sentence right above its photo credit, or one ending with it in brackets (a line
    # in Title Case above a credit is a headline over its photo). Few headlines end
    # with a full stop.
    above = _neighbour_title(i, lines, kinds, -1)
    if above is not None and _is_under_headline(i, above, lines, kinds):
        score -= 25
    credit_below = i + 1 < len(lines) and kinds[i + 1] in {"photo_caption", "copyright"}
    if (credit_below and not _is_title_case(line)) or is_caption_line(line):
        score -= 15
    if line.endswith(_FULL_STOPS):
        score -= 20 if words > MAX_TITLE_WORDS else 8
    # A headline names what the story's first paragraphs tell: it shares their words
    # (a menu item or another story's title mostly does not).
    own = _content_words(line)
    if own and len(own & lead) >= _LEAD_SHARE * len(own):
        score += _LEAD_BONUS
    # A headline the page prints twice (a share box, a trail of links) is the title of
    # this page; menu items repeat too, but they are short.
    if words >= 5 and seen.get(lines[i].normal, 0) > 1:
        score += 15
        if rule == RULE_HEADLINE_NEAR:
            rule = RULE_HEADLINE_REPEATED
    return score, rule


def _candidates(
    lines: Sequence[Line],
    kinds: Sequence[str | None],
    matched: Sequence[Pattern | None],
    first: int,
) -> list[tuple[int, int]]:
    """Lines that may be the headline, each with the unexplained lines between it and the story.

    The story run can start with the headline itself when a byline follows it, or with
    a few short lines above the byline (a list of other stories, a label): within its
    first lines, up to its first paragraph, a line with a byline or date right under
    it is a candidate too.
    Above the story, every line within ``_HEADLINE_WINDOW`` is.
    """
    candidates: list[tuple[int, int]] = []
    distance = 0
    for i in range(first - 1, max(-1, first - 1 - _HEADLINE_WINDOW), -1):
        candidates.append((i, distance))
        distance += kinds[i] is None
    # Inside the run, the further down, the likelier a teaser with its date; ties go to
    # the lines above the story (listed first).
    distance = 0
    for i in range(first, min(first + _REGION_HEAD, len(lines))):
        if i >= first + 2 and _is_paragraph(lines[i - 1]):
            break  # below the story's first paragraph the headline is over
        if lines[i].words <= 25 and (
            _header_near(i, lines, kinds, matched, +1)
            or (i < first + 2 and _header_near(i, lines, kinds, matched, -1))
        ):
            candidates.append((i, distance))
        distance += kinds[i] is None and i >= first + 1
    return candidates


_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_LEAD_PARAGRAPHS = 3
_LEAD_SHARE = 0.4
_LEAD_BONUS = 8


def _content_words(line: str) -> set[str]:
    """The words of four letters or more of a line, lower-cased (names and nouns, mostly)."""
    return {w.casefold() for w in _WORD_RE.findall(line)}


def _lead_words(
    lines: Sequence[Line], kinds: Sequence[str | None], first: int
) -> frozenset[str]:
    """The words of the story's first paragraphs (those no pattern explains)."""
    words: set[str] = set()
    found = 0
    for i in range(first, len(lines)):
        if kinds[i] is None and _is_paragraph(lines[i]):
            words |= _content_words(lines[i].text)
            found += 1
            if found >= _LEAD_PARAGRAPHS:
                break
    return frozenset(words)


def find_headline(
    lines: Sequence[Line],
    kinds: Sequence[str | None],
    matched: Sequence[Pattern | None],
    first: int,
) -> tuple[int, str] | None:
    """The headline of copied page text and the rule that found it, or None.

    The headline is a title line shortly above the story (``first`` is the story's
    first line), or among the story run's own first lines when the run opens with it.
    Candidates (see :func:`_candidates`) score by :func:`_headline_score`: a title of
    five words or more, with a byline or date right under it (or under its summary),
    that the page repeats, and near the story wins over menu items, dates, captions
    and teasers of other stories. When no line qualifies, a short first line of the
    page is the headline.
    """
    seen: dict[str, int] = {}
    for line in lines:
        if len(line.text) <= MAX_HEADLINE_CHARS:
            key = line.normal
            seen[key] = seen.get(key, 0) + 1
    lead = _lead_words(lines, kinds, first)
    best: tuple[float, int, str] | None = None
    for i, dist in _candidates(lines, kinds, matched, first):
        scored = _headline_score(i, lines, kinds, matched, dist, seen, lead)
        if scored is not None and (best is None or scored[0] > best[0]):
            best = (scored[0], i, scored[1])
    if best is not None:
        return best[1], best[2]
    if (
        lines
        and kinds[0] is None
        and looks_like_headline(lines[0].text)
        and (first > 0 or lines[0].title_like)
    ):
        return 0, RULE_HEADLINE
    return None
