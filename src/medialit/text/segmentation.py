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
3. The first line, when it is short and not a full sentence, is the headline.
4. After the copyright line, the story is over.
5. A short line with no sentence ending, outside the flow of paragraphs, is a
   link or teaser; between two story paragraphs it is a subheading of the story.
6. Everything else is running text: a story paragraph.

Sentence splitting keeps titles ("Col.", "Gen."), initials, "U.S. Central
Command" and "a.m." inside one sentence, and keeps closing quotation marks with
the sentence they close.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache
from typing import NamedTuple

from .._util.data import read_table
from ..vocab import STORY_KINDS

# Rules that are not patterns, in the words a learner reads.
RULE_HEADLINE = "the first line of the page, short and not a full sentence: the headline"
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

_MAX_TITLE_WORDS = 14
_MAX_HEADLINE_CHARS = 200
_SENTENCE_END_CHARS = ".!?\"'”’)…"
_STRIP_CHARS = " \t\f\v\u00a0\ufeff\u200b\u2028\u2029"


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


class _Line(NamedTuple):
    start: int
    end: int
    text: str
    gap_before: bool  # a blank line (or the page start) comes right before it


class _Pattern(NamedTuple):
    id: str
    kind: str
    regex: re.Pattern[str]
    rule: str
    case_sensitive: bool
    tail_only: bool


# --------------------------------------------------------------------------- data


_TAIL_CHARS = 120


@cache
def page_patterns() -> tuple[_Pattern, ...]:
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
    patterns = []
    for row in rows:
        case_sensitive = row["case_sensitive"].strip().lower() == "true"
        patterns.append(
            _Pattern(
                row["id"],
                row["kind"],
                re.compile(row["pattern"]),
                row["rule"],
                case_sensitive,
                row["match_on"] == "tail",
            )
        )
    return tuple(patterns)


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


# --------------------------------------------------------------------------- lines

_LINE_RE = re.compile(r"[^\r\n]+")


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with offsets into ``text`` (white space and BOMs trimmed)."""
    lines: list[_Line] = []
    prev_end = 0
    for match in _LINE_RE.finditer(text):
        raw = match.group()
        stripped = raw.strip(_STRIP_CHARS)
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip(_STRIP_CHARS)))
        end = start + len(stripped)
        between = text[prev_end:start]
        gap = not lines or between.count("\n") + between.count("\r") - between.count("\r\n") >= 2
        lines.append(_Line(start, end, stripped, gap))
        prev_end = end
    return lines


def _match_pattern(line: str) -> _Pattern | None:
    lower = line.lower()
    for pattern in page_patterns():
        subject = line if pattern.case_sensitive else lower
        if pattern.tail_only:
            subject = subject[-_TAIL_CHARS:]
        if pattern.regex.search(subject):
            return pattern
    return None


def _is_title_like(line: str) -> bool:
    """A short line that does not end like a sentence (a headline, teaser or heading)."""
    return len(line.split()) <= _MAX_TITLE_WORDS and not line.endswith(tuple(_SENTENCE_END_CHARS))


def _looks_like_headline(line: str) -> bool:
    return len(line) <= _MAX_HEADLINE_CHARS and not line.endswith(".")


# --------------------------------------------------------------------------- blocks


def normalise_line(line: str) -> str:
    """A line with white space folded and case removed, for comparing page texts."""
    return " ".join(line.split()).casefold()


def segment(
    text: str, *, title: str | None = None, main_text: Collection[str] | None = None
) -> tuple[Block, ...]:
    """Split ``text`` into blocks, one per non-blank line, each with a kind and a rule.

    ``title``, when given, marks the line equal to it as the headline. ``main_text``,
    when given, holds the (normalised, see :func:`normalise_line`) lines that an
    extractor found to be the article's main text: those lines are the story and
    the other unclassified lines are page clutter.
    """
    lines = _lines(text)
    kinds: list[str | None] = [None] * len(lines)
    rules: list[str] = [""] * len(lines)

    def mark(i: int, kind: str, rule: str) -> None:
        kinds[i], rules[i] = kind, rule

    # 1. Patterns.
    matched: list[_Pattern | None] = [_match_pattern(line.text) for line in lines]
    for i, pattern in enumerate(matched):
        if pattern is not None:
            mark(i, pattern.kind, pattern.rule)

    # 2. Galleries: a photo counter, the title before it, then its lines up to a blank line.
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
            if matched[j] is not None and matched[j].kind == "page_chrome":
                pass  # keep the button's own rule
            elif title_text and lines[j].text.rstrip(":").strip() == title_text:
                mark(j, "gallery_title", RULE_GALLERY_TITLE)
            elif kinds[j] != "photo_caption":
                mark(j, "photo_caption", RULE_GALLERY_CAPTION)
            j += 1

    # 3. Headline.
    # With a known title, the line that repeats it is the headline (a saved web page
    # starts with its menu); without one, a short first line is.
    wanted = normalise_line(title) if title else None
    for i, line in enumerate(lines):
        if kinds[i] is not None:
            continue
        if wanted is not None and normalise_line(line.text) == wanted:
            mark(i, "headline", RULE_HEADLINE_TITLE)
            break
    if (
        "headline" not in kinds
        and lines
        and kinds[0] is None
        and _looks_like_headline(lines[0].text)
    ):
        mark(0, "headline", RULE_HEADLINE)

    # 3b. Lines an HTML extractor found to be the main text (see webpage.py).
    if main_text is not None:
        for i, line in enumerate(lines):
            if kinds[i] is not None:
                continue
            if normalise_line(line.text) in main_text:
                mark(i, "story", RULE_MAIN_TEXT)
            else:
                mark(i, "page_chrome" if _is_title_like(line.text) else "promo", RULE_NOT_MAIN)

    # 4. After the copyright line that closes a story, nothing is story any more.
    seen_story_text = False
    for i, line in enumerate(lines):
        if kinds[i] is None and not _is_title_like(line.text):
            seen_story_text = True
        if kinds[i] == "copyright" and seen_story_text:
            for j in range(i + 1, len(lines)):
                if kinds[j] is None:
                    mark(j, "promo", RULE_AFTER_COPYRIGHT)
            break

    # 5. Short lines: subheadings inside the story, teasers and lead-ins outside it.
    for i, line in enumerate(lines):
        if kinds[i] is not None or not _is_title_like(line.text):
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

    # 6. The rest is running text.
    return tuple(
        Block(line.start, line.end, kinds[i] or "story", rules[i] or RULE_STORY, line.text)
        for i, line in enumerate(lines)
    )


def _neighbour_is_story(
    lines: Sequence[_Line], kinds: Sequence[str | None], i: int, step: int
) -> bool:
    """Is the nearest line in direction ``step`` an (as yet unclassified) paragraph or headline?"""
    j = i + step
    if not 0 <= j < len(lines):
        return False
    if kinds[j] == "headline":
        return True
    return kinds[j] is None and not _is_title_like(lines[j].text)


# --------------------------------------------------------------------------- sentences

# A sentence may end at ., ! or ?, followed by closing quotes or brackets, then white
# space and something that can open a sentence (a capital, a digit or an opening quote).
_BOUNDARY_RE = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"(\S+)$")
_NEXT_WORD_RE = re.compile(r"[\"'“‘(\[]?([A-Za-z]+)")


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
            before = _WORD_BEFORE_RE.search(text, sent_start, match.start() + 1)
            word = before.group(1).lstrip("\"'“‘([").lower() if before else ""
            if word in never or re.fullmatch(r"[a-z]\.", word):
                continue
            if word in maybe:
                nxt = _NEXT_WORD_RE.match(text, match.end())
                if not nxt or nxt.group(1) not in starters:
                    continue
        boundary = match.end(2)
        spans.append((sent_start, boundary))
        sent_start = match.end()
    if sent_start < end:
        tail_end = end
        while tail_end > sent_start and text[tail_end - 1] in _STRIP_CHARS + "\r\n":
            tail_end -= 1
        if tail_end > sent_start:
            spans.append((sent_start, tail_end))
    return spans


def sentences_of(text: str, blocks: Sequence[Block]) -> tuple[Sentence, ...]:
    """Sentences of the headline and story blocks, in order."""
    out: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind in STORY_KINDS:
            for s, e in split_sentences(text, block.start, block.end):
                out.append(Sentence(s, e, text[s:e], index))
    return tuple(out)
