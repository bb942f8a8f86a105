"""Tell the story from the page around it, and split the story into sentences.

A news page copied from a browser holds more than the story: picture galleries,
captions, sign-up boxes, share buttons and links to other pages. The rules here
decide, line by line, what each non-blank line is, and say why in words a
learner understands. They are deliberately simple and visible, so a teacher can
explain every decision:

1. A line that matches a page pattern (``data/lexicons/page_patterns.csv``) is
   clutter of that pattern's kind ("See Gallery", "Sign up ...", "(AP Photo/...)").
2. A photo counter ("22 PHOTOS") opens a gallery: the line before it is the
   gallery's title, and the lines that follow it without a blank line are the
   gallery's title, buttons and captions.
3. The headline: the line that repeats the known title; in copied text the title
   line just above the story with the byline or date under it (a summary or the
   writer's name may sit between), see :mod:`medialit.text.page_rules`; else the
   first line, when it is short and not a full sentence.
4. In copied text the story is the densest run of paragraphs; a paragraph the page
   prints twice is a caption or teaser, and a short line right above a photo credit
   is its caption. After the copyright line, the story is over.
5. A short line with no sentence ending, outside the flow of paragraphs, is a
   link or teaser; between two story paragraphs it is a subheading of the story.
6. Everything else is running text: a story paragraph.

Sentence splitting keeps titles ("Col.", "Gen."), initials, "U.S. Central
Command" and "a.m." inside one sentence, and keeps closing quotation marks with
the sentence they close.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import NamedTuple

from .._util.data import read_table
from ..vocab import STORY_KINDS
from .headline import find_headline
from .page_rules import (
    RULE_HEADLINE,
    STRIP_CHARS,
    YEAR_RE,
    Line,
    Pattern,
    count_words,
    item_separators,
    lines_of,
    looks_like_headline,
    match_pattern,
    normalise_line,
    page_patterns,
    start_after_header,
    story_region,
    table_rows,
)
from .story_end import before_company_profile, list_after_story

__all__ = [
    "Block", "Sentence", "count_words", "normalise_line", "page_patterns", "segment",
    "sentences_of", "split_sentences",
]

# Rules that are not patterns, in the words a learner reads.
RULE_HEADLINE_TITLE = "the line that repeats the article's title: the headline"
RULE_STORY = "running text: full sentences between the headline and the copyright line"
RULE_SUBHEADING = "a short heading between two story paragraphs: part of the story"
RULE_TEASER = (
    "a short headline-like line outside the flow of the story: usually a link to another page"
)
RULE_AFTER_COPYRIGHT = "it comes after the copyright line, where the story has already ended"
RULE_GALLERY_TITLE = "the title of a picture gallery: it names the photo set, not the story"
RULE_GALLERY_CAPTION = (
    "a caption inside a picture gallery (the lines after the photo counter); "
    "it describes one photo, not the story"
)
RULE_MAIN_TEXT = "part of the page's main text, as found by the trafilatura extraction tool"
RULE_NOT_MAIN = (
    "outside the page's main text (found by the trafilatura extraction tool): "
    "a menu, link, button or box of the web page"
)
RULE_INTRO = "a short line that ends with a colon and leads into a gallery or link, not the story"
RULE_OUTSIDE = (
    "running text away from the story's paragraphs, among menus and links: "
    "a teaser or a box of another part of the page"
)
RULE_REPEATED = (
    "running text the page prints more than once: a photo caption or a teaser shown "
    "again; a story's paragraphs appear once"
)
RULE_ABOVE_CREDIT = (
    "a short line right above a photo credit: the picture's caption, not the story"
)
RULE_SUMMARY = (
    "a paragraph between the headline and the byline or date: the summary the page "
    "prints above the story (or a photo's caption); the story starts under the byline"
)
RULE_AFTER_ABOUT = (
    "it comes after the heading of a box about the writer (\"About the author\"): "
    "the story has ended"
)
RULE_LIST = (
    "an item of a list right after the story's last paragraph (each line starts the "
    "same way: a number, a date, a question): part of the story"
)
RULE_SEPARATOR = (
    "a short line the page prints under each of several paragraphs (share or save "
    "buttons): the buttons of a list of posts, not a heading of the story"
)
RULE_TABLE = (
    "a row of a table inside the story (a browser copies a table's cells with tabs "
    "between them): part of the story"
)
RULE_LINK_TWICE = (
    "a line with no full stop printed twice, one right after the other (a link's picture "
    "and its title): a link to another story, not the story"
)
RULE_COMMENTS = "it comes after the comments heading: what readers wrote, not the story"
# Only a copyright line that closes the page ends the story; a photo's "© Getty" does not.
_CLOSING_COPYRIGHT = frozenset({"copyright", "copyright_tail"})
# ... and a page's own copyright line names the year or says "all rights reserved"; a
# photo's credit ("© Sam Reed / Harbour Times") names only who took it.
_RESERVED_RE = re.compile(r"rights reserved", re.IGNORECASE)


def _closes_story(text: str, pattern: Pattern | None) -> bool:
    """Is this the copyright line of the page (it closes the story), not a photo's?"""
    return (
        pattern is not None
        and pattern.id in _CLOSING_COPYRIGHT
        and (YEAR_RE.search(text) is not None or _RESERVED_RE.search(text) is not None)
    )


class Block(NamedTuple):
    """One non-blank line of the page and what it is."""

    start: int
    end: int
    kind: str
    rule: str
    text: str


class Sentence(NamedTuple):
    """One sentence of the story; ``block`` is the index of its block."""

    start: int
    end: int
    text: str
    block: int


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Return (never sentence-final, sometimes sentence-final) abbreviations, lower-cased."""
    rows = read_table("lexicons", "abbreviations.csv", columns=("abbreviation", "kind"))
    never = {r["abbreviation"].lower() for r in rows if r["kind"] in {"title", "month"}}
    maybe = {r["abbreviation"].lower() for r in rows if r["kind"] == "ambiguous"}
    return frozenset(never), frozenset(maybe)


@cache
def _sentence_starters() -> frozenset[str]:
    return frozenset(row["word"] for row in read_table("lexicons", "sentence_starters.csv"))


# --------------------------------------------------------------------------- blocks

Mark = Callable[[int, str, str], None]


def segment(
    text: str, *, title: str | None = None, main_text: Collection[str] | None = None
) -> tuple[Block, ...]:
    """Split ``text`` into blocks, one per non-blank line, each with a kind and a rule.

    ``title``, when given, marks the line equal to it as the headline. ``main_text``,
    when given, holds the (normalised, see :func:`normalise_line`) lines that an
    extractor found to be the article's main text: those lines are the story and
    the other unclassified lines are page clutter. Without it (text pasted from a
    browser), the story is the densest run of paragraphs (see
    :func:`~medialit.text.page_rules.story_region`).
    """
    lines = lines_of(text)
    kinds: list[str | None] = [None] * len(lines)
    rules: list[str] = [""] * len(lines)

    def mark(i: int, kind: str, rule: str) -> None:
        kinds[i], rules[i] = kind, rule

    # 1. Patterns.
    matched: list[Pattern | None] = [match_pattern(line.text) for line in lines]
    for i, pattern in enumerate(matched):
        if pattern is not None:
            mark(i, pattern.kind, pattern.rule)
    # 2. Galleries: a photo counter, the title before it, then its lines up to a blank line.
    _mark_galleries(lines, matched, kinds, mark)
    # 3. With a known title, the line that repeats it is the headline (a saved web page
    # starts with its menu).
    _mark_title(lines, kinds, mark, title)
    # 4. The story: what an extractor found (saved pages), or the densest run of paragraphs.
    run: tuple[int, int] | None = None
    if main_text is not None:
        _mark_main_text(lines, kinds, mark, main_text)
    else:
        run = _mark_copied_story(lines, kinds, matched, mark)
    # 5. After the copyright line that closes a story, nothing is story any more.
    _mark_after_copyright(lines, kinds, matched, mark, run)
    # 6. Short lines: subheadings inside the story, teasers and lead-ins outside it.
    _mark_short_lines(lines, kinds, mark)
    # 7. The rest is running text.
    return tuple(
        Block(line.start, line.end, kinds[i] or "story", rules[i] or RULE_STORY, line.text)
        for i, line in enumerate(lines)
    )


def _mark_title(
    lines: Sequence[Line], kinds: Sequence[str | None], mark: Mark, title: str | None
) -> None:
    """The first unclassified line that repeats the known title is the headline."""
    if not title:
        return
    wanted = normalise_line(title)
    for i, line in enumerate(lines):
        if kinds[i] is None and line.normal == wanted:
            mark(i, "headline", RULE_HEADLINE_TITLE)
            return


def _mark_main_text(
    lines: Sequence[Line], kinds: Sequence[str | None], mark: Mark, main_text: Collection[str]
) -> None:
    """Lines an HTML extractor found to be the main text are story (see webpage.py)."""
    if "headline" not in kinds and lines and kinds[0] is None and looks_like_headline(
        lines[0].text
    ):
        mark(0, "headline", RULE_HEADLINE)
    for i, line in enumerate(lines):
        if kinds[i] is not None:
            continue
        if line.normal in main_text:
            mark(i, "story", RULE_MAIN_TEXT)
        else:
            mark(i, "page_chrome" if line.title_like else "promo", RULE_NOT_MAIN)


def _mark_copied_story(
    lines: Sequence[Line],
    kinds: Sequence[str | None],
    matched: Sequence[Pattern | None],
    mark: Mark,
) -> tuple[int, int]:
    """Text copied from a page: the densest run of paragraphs is the story, the title
    line shortly above it the headline, and every other line is outside the story.

    Returns the first and last line of the story's run."""
    # A paragraph printed twice is a caption or a teaser, when the page has paragraphs
    # printed once (otherwise the story warning says what the page looks like).
    counts = Counter(line.normal for line in lines)
    prose = [i for i, line in enumerate(lines) if kinds[i] is None and line.prose]
    repeated = [i for i in prose if counts[lines[i].normal] > 1]
    if len(repeated) == len(prose):
        repeated = []  # every paragraph printed twice: nothing to tell them apart by
    for i in repeated:
        mark(i, "promo", RULE_REPEATED)
    above_credit: set[int] = set()
    for i in range(len(lines) - 1):
        credit = matched[i + 1]
        if (
            kinds[i] is None
            and credit is not None
            and credit.kind == "photo_caption"
            and lines[i].words <= 25
            and not lines[i + 1].gap_before
        ):
            mark(i, "photo_caption", RULE_ABOVE_CREDIT)
            above_credit.add(i)
    first, last, comments = story_region(lines, kinds, matched)
    for i in item_separators(lines, kinds):
        mark(i, "page_chrome", RULE_SEPARATOR)
    last, profile = before_company_profile(lines, kinds, first, last)
    for i, pattern in profile:
        mark(i, pattern.kind, pattern.rule)
    if "headline" not in kinds:
        # A headline the page prints again (in a list of links) is still the headline.
        again = set(repeated) | above_credit
        open_kinds = [None if i in again else kind for i, kind in enumerate(kinds)]
        found = find_headline(lines, open_kinds, matched, first)
        if found is not None:
            mark(found[0], "headline", found[1])
    for i in list_after_story(lines, kinds, last):
        mark(i, "story", RULE_LIST)
    for i in table_rows(lines):
        if first <= i <= last and kinds[i] is None:
            mark(i, "story", RULE_TABLE)
    start = start_after_header(lines, matched, first, last)
    for i in range(first, start):
        if kinds[i] is None:
            mark(i, "promo", RULE_SUMMARY)
    for i, line in enumerate(lines):
        if kinds[i] is not None or first <= i <= last:
            continue
        if comments is not None and i > comments:
            wall = matched[comments]
            about = wall is not None and wall.id == "about_box"
            mark(i, "promo", RULE_AFTER_ABOUT if about else RULE_COMMENTS)
        elif line.title_like:
            mark(i, "promo", RULE_TEASER)
        else:
            mark(i, "promo", RULE_OUTSIDE)
    return first, last


def _mark_after_copyright(
    lines: Sequence[Line],
    kinds: Sequence[str | None],
    matched: Sequence[Pattern | None],
    mark: Mark,
    run: tuple[int, int] | None = None,
) -> None:
    """After the copyright line that closes a story, nothing is story any more.

    In copied text, a copyright line with the story's paragraphs on both sides of it
    (inside ``run``, the story's run of lines) is a photo's credit ("© 2019 Sam Reed")
    printed in the story, not the line that closes the page, unless it says "all
    rights reserved" as a page's own copyright line does.
    """
    seen_story_text = False
    for i, line in enumerate(lines):
        if kinds[i] is None and not line.title_like:
            seen_story_text = True
        pattern = matched[i]
        if pattern is None or pattern.id not in _CLOSING_COPYRIGHT:
            continue  # no copyright line (asked first: most lines match no pattern)
        if run is not None and run[0] <= i < run[1] and not _RESERVED_RE.search(line.text):
            continue
        if seen_story_text and _closes_story(line.text, pattern):
            for j in range(i + 1, len(lines)):
                if kinds[j] is None:
                    mark(j, "promo", RULE_AFTER_COPYRIGHT)
            return


def _mark_short_lines(lines: Sequence[Line], kinds: Sequence[str | None], mark: Mark) -> None:
    """A short line between two story paragraphs is a subheading; elsewhere a teaser.

    A short line ending with a colon that leads into a box or a gallery is a lead-in.
    """
    for i, line in enumerate(lines):
        if kinds[i] is None and not line.prose and _printed_twice(lines, i):
            mark(i, "promo", RULE_LINK_TWICE)
            continue
        if kinds[i] is not None or not line.title_like:
            if kinds[i] is None and line.text.endswith(":") and len(line.text.split()) <= 12:
                nxt = kinds[i + 1] if i + 1 < len(lines) else None
                if nxt is not None and nxt not in STORY_KINDS:
                    mark(i, "promo", RULE_INTRO)
            continue
        prev_story = _neighbour_is_story(lines, kinds, i, -1)
        next_story = _neighbour_is_story(lines, kinds, i, +1)
        if prev_story and next_story:
            mark(i, "story", RULE_SUBHEADING)
        else:
            mark(i, "promo", RULE_TEASER)


def _printed_twice(lines: Sequence[Line], i: int) -> bool:
    """Is line ``i`` printed again one or two lines away (a link's picture and title)?"""
    text = lines[i].normal
    return any(
        0 <= j < len(lines) and lines[j].normal == text
        for j in (i - 2, i - 1, i + 1, i + 2)
    )


def _mark_galleries(
    lines: Sequence[Line],
    matched: Sequence[Pattern | None],
    kinds: Sequence[str | None],
    mark: Mark,
) -> None:
    """A photo counter ("22 PHOTOS"): the line before names the gallery, the lines after
    it (up to a blank line) are its buttons, titles and captions."""
    for i, pattern in enumerate(matched):
        if pattern is None or pattern.id != "gallery_count":
            continue
        title_text = ""
        if i > 0 and kinds[i - 1] not in {"copyright"}:
            mark(i - 1, "gallery_title", RULE_GALLERY_TITLE)
            title_text = lines[i - 1].text.rstrip(":").strip()
            title_text = re.sub(r"^[A-Z ]+:\s*", "", title_text)  # "NOW SEE: ..." -> title
        j = i + 1
        while j < len(lines) and not lines[j].gap_before:
            other = matched[j]
            if other is not None and other.kind == "page_chrome":
                pass  # keep the button's own rule
            elif title_text and lines[j].text.rstrip(":").strip() == title_text:
                mark(j, "gallery_title", RULE_GALLERY_TITLE)
            elif kinds[j] != "photo_caption":
                mark(j, "photo_caption", RULE_GALLERY_CAPTION)
            j += 1


def _neighbour_is_story(
    lines: Sequence[Line], kinds: Sequence[str | None], i: int, step: int
) -> bool:
    """Is the nearest line in direction ``step`` an (as yet unclassified) paragraph or headline?"""
    j = i + step
    if not 0 <= j < len(lines):
        return False
    if kinds[j] == "headline":
        return True
    return kinds[j] is None and not lines[j].title_like


# --------------------------------------------------------------------------- sentences

# A sentence may end at ., ! or ?, followed by closing quotes or brackets, then white
# space and something that can open a sentence (a capital, a digit or an opening quote).
# "[.!?…][.!?…]*" rather than "[.!?…]+": a regex that starts with a set of characters
# lets Python's re skip quickly to the next . ! ? or …, instead of trying every position.
_BOUNDARY_RE = re.compile(r"([.!?…][.!?…]*)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD_WINDOW = 64  # longer than any abbreviation; keeps the look-back bounded (linear time)
_NEXT_WORD_RE = re.compile(r"[\"'“‘(\[]?([A-Za-z]+)")
_TRAILING_CHARS = STRIP_CHARS + "\r\n"  # trimmed from the end of the last sentence
MAX_SENTENCE_CHARS = 4000
"""Longer "sentences" are cut at a space. None of the 42,815 sentences of the PolNeAR
and pages corpora is over 2,071 characters; a run-on text without periods would
otherwise make every detector's work per sentence grow with the square of its length."""


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``text[start:end]``.

    A period after a title ("Col.", "Gen.") or an initial ("John F. Kennedy") never
    ends a sentence; after an abbreviation that can also end a sentence ("U.S.",
    "a.m.", "Inc.") it does so only when the next word is a common sentence opener
    ("The", "He", "But" ...), so "U.S. Central Command" stays whole.
    """
    end = len(text) if end is None else end
    never, maybe = _abbreviations()
    starters = _sentence_starters()
    spans: list[tuple[int, int]] = []
    sent_start = start
    for match in _BOUNDARY_RE.finditer(text, start, end):
        if match.group(1) == ".":
            # Only the last few characters: searching back from the sentence start at
            # every period took time growing with the square of a long sentence.
            # The word before the period (it ends the window, so there always is one):
            # the last run of characters that are not white space.
            look_from = max(sent_start, match.start() + 1 - _WORD_WINDOW)
            before = text[look_from : match.start() + 1].rsplit(None, 1)[-1]
            word = before.lstrip("\"'“‘([").lower()
            if word in never or _is_initial(word):
                continue
            if word in maybe:
                nxt = _NEXT_WORD_RE.match(text, match.end())
                if not nxt or nxt.group(1) not in starters:
                    continue
        boundary = match.end(2)
        _add_capped(text, sent_start, boundary, spans)
        sent_start = match.end()
    if sent_start < end:
        tail_end = end
        while tail_end > sent_start and text[tail_end - 1] in _TRAILING_CHARS:
            tail_end -= 1
        if tail_end > sent_start:
            _add_capped(text, sent_start, tail_end, spans)
    return spans


def _is_initial(word: str) -> bool:
    """A lower-cased initial such as "f." (one letter from a to z, then a period); tested
    without a regex, as this runs at every period of the story."""
    return len(word) == 2 and word[1] == "." and "a" <= word[0] <= "z"


def _add_capped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Add ``[start, end)``, cut at spaces into pieces of at most MAX_SENTENCE_CHARS."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((start, piece_end if piece_end > start else cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))


def sentences_of(text: str, blocks: Sequence[Block]) -> tuple[Sentence, ...]:
    """Sentences of the headline and story blocks, in order."""
    out: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind in STORY_KINDS:
            for s, e in split_sentences(text, block.start, block.end):
                out.append(Sentence(s, e, text[s:e], index))
    return tuple(out)
