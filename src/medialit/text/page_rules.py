"""What each line of a page is: the lines, the clutter patterns, and where a copied story runs.

:mod:`medialit.text.segmentation` turns these into blocks. This module holds the
pieces that read one page's lines:

- the non-blank lines with their offsets (:func:`lines_of`);
- the clutter patterns of ``data/lexicons/page_patterns.csv`` (:func:`match_pattern`);
- for text copied from a browser, where nothing but the text is known: the run of
  lines that holds the story (:func:`story_region`); the headline above it is found
  by :mod:`medialit.text.headline`.

Every rule here explains a shape real pages have, in words a learner can follow:
a story is where full sentences come one after another; a page puts the byline and
the date right under the headline; a list of other stories gives each one a title,
a name and a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from .._util.data import read_table
from .._util.prefilter import AnyMatch, Searched

MAX_TITLE_WORDS = 14
MAX_HEADLINE_CHARS = 200
SENTENCE_END_CHARS = ".!?\"'”’)…。！？」』"
_PROSE_END = (".", "!", "?", '"', "'", "”", "’", ")", "…", "。", "！", "？", "」", "»")
STRIP_CHARS = " \t\f\v\u00a0\ufeff\u200b\u2028\u2029"
_TAIL_CHARS = 120
_CJK_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Headline rules, in the words a learner reads.
RULE_HEADLINE = "the first line of the page, short and not a full sentence: the headline"
# What a page prints right under (or just over) its headline: who wrote it and when.
HEADER_IDS = frozenset({"byline", "byline_role", "byline_agency", "dateline", "author_date"})


class Line(NamedTuple):
    """One non-blank line of a page, trimmed, with its offsets into the page text.

    The rules ask the same questions about a line again and again (how many words?
    a paragraph? a title?): :func:`lines_of` answers them once per line, from one
    split of its text, with the same answers as the functions named below.
    """

    start: int
    end: int
    text: str
    gap_before: bool  # a blank line (or the page start) comes right before it
    words: int  # count_words(text)
    prose: bool  # is_prose(text)
    title_like: bool  # is_title_like(text)
    normal: str  # normalise_line(text)


class Pattern(NamedTuple):
    """One row of ``page_patterns.csv``: a kind of clutter and how to recognise it."""

    id: str
    kind: str
    regex: re.Pattern[str]
    rule: str
    case_sensitive: bool
    tail_only: bool
    ends_story: bool = False  # a comment section: what follows is readers' text
    max_chars: int | None = None  # from a leading ^(?=.{0,N}$): longer lines cannot match


# --------------------------------------------------------------------------- patterns


@cache
def page_patterns() -> tuple[Pattern, ...]:
    """Load the clutter patterns from ``data/lexicons/page_patterns.csv`` (cached).

    For speed, a pattern that is not case-sensitive is written in lower case and
    matched against the lower-cased line (Python's IGNORECASE search is several
    times slower), and a pattern with ``match_on=tail`` (one that ends with ``$``)
    only reads the last characters of the line.
    """
    rows = read_table(
        "lexicons", "page_patterns.csv",
        columns=("id", "kind", "pattern", "case_sensitive", "match_on", "rule"),
    )
    return tuple(pattern_from_row(row) for row in rows)


def pattern_from_row(row: dict[str, str]) -> Pattern:
    """One pattern from its row in a data file (``match_on`` and ``ends_story`` may be
    missing: then the whole line is read and the pattern ends nothing)."""
    return Pattern(
        row["id"],
        row["kind"],
        re.compile(row["pattern"]),
        row["rule"],
        row["case_sensitive"].strip().lower() == "true",
        row.get("match_on", "") == "tail",
        row.get("ends_story", "").strip().lower() == "true",
        _max_chars(row["pattern"]),
    )


_MAX_CHARS_RE = re.compile(r"^\^\(\?=\.\{0,(\d+)\}\$\)")


def _max_chars(pattern: str) -> int | None:
    """N for a pattern that starts with ``^(?=.{0,N}$)`` (a short line only), else None.

    Long story paragraphs skip such patterns without running them: the same answer,
    found much faster on pages of long paragraphs.
    """
    found = _MAX_CHARS_RE.match(pattern)
    return int(found.group(1)) if found else None


@cache
def _any_pattern() -> AnyMatch:
    """A quick, exact test for "no page pattern matches this line" (most lines)."""
    return AnyMatch([
        Searched(p.regex, p.case_sensitive, _TAIL_CHARS if p.tail_only else None, p.max_chars)
        for p in page_patterns()
    ])


def match_pattern(line: str) -> Pattern | None:
    """The first page pattern that explains ``line``, or None.

    Most lines are story paragraphs that no pattern explains: one quick test (see
    :mod:`medialit._util.prefilter`) answers None for them before any pattern is tried.
    """
    lower = line.lower()
    if not _any_pattern().may_match(line, lower):
        return None
    for pattern in page_patterns():
        subject = line if pattern.case_sensitive else lower
        if pattern.tail_only:
            subject = subject[-_TAIL_CHARS:]
        if pattern.max_chars is not None and len(subject) > pattern.max_chars:
            continue
        if pattern.regex.search(subject):
            return pattern
    return None


# --------------------------------------------------------------------------- lines

_LINE_RE = re.compile(r"[^\r\n]+")


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with offsets into ``text`` (white space and BOMs trimmed)."""
    lines: list[Line] = []
    last_breaks = 0
    for offset, raw, breaks in _raw_lines(text):
        stripped = raw.strip(STRIP_CHARS)
        if not stripped:
            continue
        start = offset + (len(raw) - len(raw.lstrip(STRIP_CHARS)))
        gap = not lines or breaks - last_breaks >= 2  # a blank line between
        last_breaks = breaks
        split_words, normal = _split_and_fold(stripped)
        words = split_words + _cjk_chars(stripped) // 2
        lines.append(Line(
            start, start + len(stripped), stripped, gap, words, _is_prose(stripped, words),
            _is_title_like(stripped, split_words), normal,
        ))
    return lines


def _raw_lines(text: str) -> Iterator[tuple[int, str, int]]:
    """The runs of characters between line breaks: offset, text, and how many line breaks
    come before the run (a line break is "\n", "\r\n" or "\r").

    Text with "\n" alone is cut with ``str.split``, four times faster than the regex
    that also reads the "\r" of Windows and old Mac pages.
    """
    if "\r" not in text:
        offset = 0
        for breaks, raw in enumerate(text.split("\n")):
            yield offset, raw, breaks
            offset += len(raw) + 1
        return
    breaks = prev_end = 0
    for match in _LINE_RE.finditer(text):
        between = text[prev_end : match.start()]
        breaks += between.count("\n") + between.count("\r") - between.count("\r\n")
        yield match.start(), match.group(), breaks
        prev_end = match.end()


def _split_and_fold(line: str) -> tuple[int, str]:
    """``len(line.split())`` and :func:`normalise_line` of a trimmed line.

    Most lines hold no white space but single spaces (white space other than the space
    is never printable: tab, no-break space, line separator ...). Then each space
    separates two words and the line is already folded, so no list of words is built.
    """
    if line.isprintable() and "  " not in line:
        return line.count(" ") + 1, line.casefold()
    split = line.split()
    return len(split), " ".join(split).casefold()


def normalise_line(line: str) -> str:
    """A line with white space folded and case removed, for comparing page texts."""
    return " ".join(line.split()).casefold()


def count_words(line: str) -> int:
    """Words in a line; Chinese and Japanese have no spaces: two characters count as one."""
    return len(line.split()) + _cjk_chars(line) // 2


def _cjk_chars(line: str) -> int:
    """Chinese, Japanese and Korean characters in a line (none in a line of ASCII)."""
    return 0 if line.isascii() else len(_CJK_RE.findall(line))


_SENTENCE_ENDS = tuple(SENTENCE_END_CHARS)


def is_title_like(line: str) -> bool:
    """A short line that does not end like a sentence (a headline, teaser or heading)."""
    return _is_title_like(line, len(line.split()))


def _is_title_like(line: str, split_words: int) -> bool:
    """:func:`is_title_like`, given the number of white-space separated words."""
    return split_words <= MAX_TITLE_WORDS and not line.endswith(_SENTENCE_ENDS)


def looks_like_headline(line: str) -> bool:
    """Short enough for a headline and not ending with a full stop."""
    return len(line) <= MAX_HEADLINE_CHARS and not line.endswith(".")


def is_prose(line: str) -> bool:
    """Running text: a long line, or a sentence of five words or more.

    A short question or exclamation is more often a headline or a teaser ("Is it safe to
    fly?") than a paragraph, so it needs a dozen words to count.
    """
    return _is_prose(line, count_words(line))


def _is_prose(line: str, words: int) -> bool:
    """:func:`is_prose`, given the line's :func:`count_words`."""
    if words >= 18:
        return line.endswith(_PROSE_END) or not _is_menu_run(line)
    if line.endswith(("?", "!", "？", "！")):
        return words >= 12
    return words >= 5 and line.endswith(_PROSE_END)


_MENU_CAPITALS = 0.9  # share of a line's words that start with a capital letter
_MENU_MARKS = re.compile(r"[,;:()\[\]\"'‘’“”]")


def _is_menu_run(line: str) -> bool:
    """Menu links copied into one line ("Latest News Cloud Storage Data Center Jobs
    Events ..."): nearly every word capitalised, and hardly a comma, colon, bracket or
    quotation mark between them. Running text, even in German, has many words in
    small letters; a list of names or a caption has commas and brackets."""
    cased = [word for word in line.split() if word[0].lower() != word[0].upper()]
    if len(cased) < 10 or len(_MENU_MARKS.findall(line)) > 2:
        return False
    capitals = sum(1 for word in cased if word[0].isupper())
    return capitals >= _MENU_CAPITALS * len(cased)


def _is_sentence(line: Line) -> bool:
    return line.text.endswith((".", "…", "。"))


# --------------------------------------------------------------------------- the story

# A copied page is a column of lines; the story is where full sentences come one after
# another. Each line scores: a paragraph gains its length in words, a short line that no
# pattern explains (a menu item, a link) costs a few words, a line a pattern explains (a
# share button, a caption inside the story) costs little, because pages put such boxes
# between paragraphs. The run of lines with the highest total is the story.
_MENU_COST = 8
_KNOWN_CLUTTER_COST = 1
# The page's own boxes (a sign-up form, a "related" heading, a cookie notice) come after
# the story far more often than inside it: one costs as much as a copyright line.
_PROMO_COST = 20
# A story prints its byline and date once, above its first paragraph; a date between
# paragraphs belongs to a list of other stories, each with its title, writer and date.
_DATE_COST = 12
_COPYRIGHT_COST = 20
_RUN_SHARE = 0.4


def _line_values(
    lines: Sequence[Line], kinds: Sequence[str | None], matched: Sequence[Pattern | None]
) -> list[float | None]:
    """What each line adds to a run of story (None: a wall no run crosses)."""
    values: list[float | None] = []
    rows = table_rows(lines)
    for i, line in enumerate(lines):
        pattern = matched[i]
        if pattern is not None and pattern.ends_story:
            values.append(None)
        elif kinds[i] == "copyright":
            values.append(-_COPYRIGHT_COST)
        elif pattern is not None and pattern.id in HEADER_IDS:
            values.append(-_DATE_COST)
        elif pattern is not None and pattern.kind == "promo":
            values.append(-_PROMO_COST)
        elif kinds[i] is not None:
            values.append(-_KNOWN_CLUTTER_COST)
        elif line.prose:
            values.append(line.words)
        elif i in rows:
            values.append(_TABLE_ROW_VALUE)
        else:
            values.append(-_MENU_COST)
    return values


_TABLE_ROWS = 3  # lines in a row with their cells split by tabs
# A row of a table is not a menu item: a table of results inside the story keeps the
# story's run going, but adds too little to make a run of its own (a stock ticker).
_TABLE_ROW_VALUE = 1


def table_rows(lines: Sequence[Line]) -> set[int]:
    """Lines of a table: a browser copies a table's cells with tabs between them."""
    rows: set[int] = set()
    block: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and "\t" in line.text:
            block.append(i)
            continue
        if len(block) >= _TABLE_ROWS:
            rows.update(block)
        block = []
    return rows


def story_region(
    lines: Sequence[Line], kinds: Sequence[str | None], matched: Sequence[Pattern | None]
) -> tuple[int, int, int | None]:
    """The first and last line of the story in copied page text, and the comments heading.

    Lines score as described above; each run of lines whose total stays above zero is a
    candidate, scored by its best stretch (a maximum-sum run, one pass). A comments
    heading ("12 Comments", "NAME says:") is a wall between runs. The story is the first
    candidate that scores at least ``_RUN_SHARE`` of the best one: pages put the story
    before the comments, the "most read" teasers and the footer, which can hold more
    text than a short story. A run right under a title and its byline or date wins
    over the first one when that has no byline over it, and it is a candidate even
    below that share when it scores 50 words or more: a story of one paragraph (a
    teaser's summary is shorter). When nothing scores above zero (a short text, every
    line a heading), every line may be story.
    """
    values = _line_values(lines, kinds, matched)
    walls = [i for i, value in enumerate(values) if value is None]
    for i in item_separators(lines, kinds):
        values[i] = None  # each post of a feed is a run of its own
    runs: list[tuple[float, int, int]] = []  # (score, first, last)
    best = running = 0.0
    run_start = run_first = run_last = 0
    for i, value in enumerate(values):
        if value is None or running + value <= 0:
            if best > 0:
                runs.append((best, run_first, run_last))
            best = running = 0.0
            run_start = i + 1
            continue
        running += value
        if running > best:
            best, run_first, run_last = running, run_start, i
    if best > 0:
        runs.append((best, run_first, run_last))
    if not runs:
        return 0, len(lines) - 1, None
    first, last = _choose_run(lines, kinds, matched, runs, walls)
    last = _before_dated_list(lines, matched, first, last)
    last = _before_teaser_box(lines, kinds, matched, first, last)
    # A short sentence right next to the story ("It rained.") is still the story. A
    # caption, a button or one link may sit between; a box of the page's own (two
    # promo lines or more: a sign-up form) means the story is over.
    j = last + 1
    while j < len(lines):
        if kinds[j] == "promo" and j + 1 < len(lines) and kinds[j + 1] == "promo":
            break
        if kinds[j] not in {None, "copyright"} and j not in walls:
            j += 1
        elif kinds[j] is None and _is_sentence(lines[j]):
            last = j
            j += 1
        else:
            break
    while first > 0 and kinds[first - 1] is None and _is_sentence(lines[first - 1]):
        first -= 1
    comments = next((w for w in walls if w > last), None)
    return first, last, comments


def _choose_run(
    lines: Sequence[Line], kinds: Sequence[str | None], matched: Sequence[Pattern | None],
    runs: Sequence[tuple[float, int, int]], walls: Sequence[int],
) -> tuple[int, int]:
    """The first and last line of the run that holds the story (see :func:`story_region`).

    Readers' comments come after the story: when the run chosen starts after the
    comments heading, a run of 50 words or more right under a byline or date before
    that heading is the story instead (the post above its comments).
    """
    top = max(score for score, _, _ in runs)
    big = [run for run in runs if run[0] >= _RUN_SHARE * top]
    headed = [
        run for run in runs
        if run[0] >= _HEADED_MIN and _under_header(lines, kinds, matched, run[1])
    ]
    _, first, last = big[0]
    if headed and headed[0][1] < first:
        _, first, last = headed[0]  # a story of one paragraph above the longer text
    elif not _under_header(lines, kinds, matched, first):
        # Long text with no headline over it (a notice, a box of the site's own text)
        # comes before the story that sits under its byline.
        _, first, last = next((run for run in headed if run in big), big[0])
    if walls and first > walls[0]:
        post = next(
            (
                run for run in runs
                if run[2] < walls[0] and run[0] >= _HEADED_MIN
                and _under_header(lines, kinds, matched, run[1], need_title=False)
            ),
            None,
        )
        if post is not None:
            _, first, last = post
    return first, last


_SEPARATED_ITEMS = 3  # paragraphs, each between two copies of the same short line


def item_separators(lines: Sequence[Line], kinds: Sequence[str | None]) -> list[int]:
    """Short lines that the page prints after each of several paragraphs in a row.

    A story's paragraphs follow one another; a feed of short posts (quotes, poems,
    tips) prints the same buttons ("Share  Save  Download") under each of them. When
    the same short line sits on both sides of three paragraphs or more (line,
    paragraph, line, paragraph, line ...), every copy of it is such a button bar, and
    each paragraph is a post of its own.
    """
    places: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if kinds[i] is None and line.title_like:
            places.setdefault(line.normal, []).append(i)
    found: list[int] = []
    for where in places.values():
        items = sum(
            1 for a, b in pairwise(where)
            if b - a == 2 and kinds[a + 1] is None and lines[a + 1].prose
        )
        if items >= _SEPARATED_ITEMS:
            found.extend(where)
    return sorted(found)


_HEADED_MIN = 50  # words: a one-paragraph story, longer than a teaser's summary
_HEADED_REACH = 2  # lines between a byline or date and the first paragraph under it


def _under_header(
    lines: Sequence[Line], kinds: Sequence[str | None], matched: Sequence[Pattern | None],
    first: int, *, need_title: bool = True,
) -> bool:
    """Does the run that starts at line ``first`` sit right under a title and its byline
    or date (a line or two, such as share buttons, may sit between)?

    On the tuning pages, 25 of the 27 runs of 50 words or more that sit so are the
    story, and the other two come after it.
    """
    for j in range(first - 1, max(-1, first - 2 - _HEADED_REACH), -1):
        if _is_header(lines, matched, j):
            above = j - 1
            while above >= 0 and _is_header(lines, matched, above):
                above -= 1  # a byline over a date
            title = lines[above].text if above >= 0 and kinds[above] is None else ""
            return not need_title or (is_title_like(title) and count_words(title) >= 4)
    return False


def _is_header(lines: Sequence[Line], matched: Sequence[Pattern | None], i: int) -> bool:
    """A byline or date (not the signature of a quoted post, "— Name (@name) May 2")."""
    pattern = matched[i]
    return pattern is not None and pattern.id in HEADER_IDS and "@" not in lines[i].text


YEAR_RE = re.compile(r"\b(?:1[89]|20)\d{2}\b")  # a year, as a copyright line or a date names it


def _before_dated_list(
    lines: Sequence[Line], matched: Sequence[Pattern | None], first: int, last: int
) -> int:
    """Where the story ends when a list of other stories follows it inside the run.

    A story prints its date once, above its first paragraph. When two or more lines
    with a full date (with its year) come after the story's first paragraph, they are
    the dates of a list of other stories (title, writer, date, summary, again and
    again): the story ends above the first of them and above that item's title and
    writer. A live report's times of day ("10:32") carry no year and do not count, nor
    does the signature of a post the story quotes ("— Name (@name) May 2, 2019").
    """
    dated: list[int] = []
    paragraph_before = False  # a paragraph since the story's start or the last date
    for i in range(first, last + 1):
        pattern, text = matched[i], lines[i].text
        if pattern is None:
            paragraph_before = paragraph_before or lines[i].prose
        elif (
            paragraph_before
            and pattern.id in HEADER_IDS
            and "@" not in text
            and YEAR_RE.search(text)
        ):
            dated.append(i)
            paragraph_before = False
    if len(dated) < 2:
        return last
    end = dated[0] - 1
    while end > first and (matched[end] is not None or not lines[end].prose):
        end -= 1
    return end


_LIST_HEADINGS = frozenset({"from_partners", "related_list"})
_TEASER_PAIRS = 2  # titles, each with its summary under it


def _before_teaser_box(
    lines: Sequence[Line], kinds: Sequence[str | None], matched: Sequence[Pattern | None],
    first: int, last: int,
) -> int:
    """Where the story ends when a box of other stories follows it inside the run.

    Under a heading such as "Top stories" or "Most read", a box of other stories
    gives each one its title and a line of summary (title, summary, title, summary).
    A box of links inside a story gives titles only. When two titles with their
    summaries come right under such a heading, the story ends above the heading.
    """
    for h in range(first + 1, last):
        pattern = matched[h]
        if pattern is None or pattern.id not in _LIST_HEADINGS:
            continue
        pairs, j = 0, h + 1
        while (
            j + 1 <= last and kinds[j] is None and kinds[j + 1] is None
            and lines[j].title_like
            and not lines[j + 1].title_like and lines[j + 1].prose
        ):
            pairs, j = pairs + 1, j + 2
        if pairs >= _TEASER_PAIRS:
            end = h - 1
            while end > first and (kinds[end] is not None or not lines[end].prose):
                end -= 1
            return end
    return last


_SUMMARY_LINES = 2  # lines a page prints between its headline and the byline


def start_after_header(
    lines: Sequence[Line], matched: Sequence[Pattern | None], first: int, last: int
) -> int:
    """The story's first line, when the run of story opens above the byline or date.

    A page prints the summary of the story (or a photo and its caption) between the
    headline and the byline; the story's own text starts under the byline and date.
    So when a byline or date comes within the first lines of the run, after at most
    two paragraphs, the story starts after it. The signature of a quoted post
    ("— Name (@name) May 2, 2019") is not a byline.
    """
    paragraphs = 0
    for i in range(first, last + 1):
        pattern = matched[i]
        if pattern is not None and pattern.id in HEADER_IDS and "@" not in lines[i].text:
            start = i + 1
            while start < last and matched[start] is not None:
                start += 1  # the rest of the header: a second date, share buttons
            return start if paragraphs else first
        if pattern is None and lines[i].prose:
            paragraphs += 1
            if paragraphs > _SUMMARY_LINES:
                break
    return first
