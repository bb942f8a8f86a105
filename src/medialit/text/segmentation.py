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
from collections.abc import Callable, Collection, Sequence
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
RULE_HEADLINE_NEAR = (
    "the headline: the last short title line above the story's first paragraph "
    "(bylines, dates and buttons between them are explained by their own rules)"
)
RULE_HEADLINE_STOP = (
    "a short line right above the byline, date or share buttons: the headline "
    "(some headlines end with a full stop)"
)
# What a page prints between a headline and its story.
_ABOVE_STORY = frozenset({"byline", "byline_role", "dateline", "author_date", "share_bar"})
RULE_OUTSIDE = (
    "running text away from the story's paragraphs, among menus and links: "
    "a teaser or a box of another part of the page"
)
RULE_COMMENTS = "it comes after the comments heading: what readers wrote, not the story"
# Only a copyright line that closes the page ends the story; a photo's "© Getty" does not.
_CLOSING_COPYRIGHT = frozenset({"copyright", "copyright_tail"})

_MAX_TITLE_WORDS = 14
_MAX_HEADLINE_CHARS = 200
_SENTENCE_END_CHARS = ".!?\"'”’)…"
_PROSE_END = (".", "!", "?", '"', "'", "”", "’", ")", "…", "。", "！", "？", "」", "»")
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
    ends_story: bool = False  # a comment section: what follows is readers' text


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
                row.get("ends_story", "").strip().lower() == "true",
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
    the other unclassified lines are page clutter. Without it (text pasted from a
    browser), the story is the densest run of paragraphs (see :func:`_story_region`).
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
    _mark_galleries(lines, matched, kinds, mark)

    # 3. Headline. With a known title, the line that repeats it is the headline (a saved
    # web page starts with its menu).
    wanted = normalise_line(title) if title else None
    for i, line in enumerate(lines):
        if kinds[i] is None and wanted is not None and normalise_line(line.text) == wanted:
            mark(i, "headline", RULE_HEADLINE_TITLE)
            break

    if main_text is not None:
        # 4a. Lines an HTML extractor found to be the main text (see webpage.py).
        if (
            "headline" not in kinds
            and lines
            and kinds[0] is None
            and _looks_like_headline(lines[0].text)
        ):
            mark(0, "headline", RULE_HEADLINE)
        for i, line in enumerate(lines):
            if kinds[i] is not None:
                continue
            if normalise_line(line.text) in main_text:
                mark(i, "story", RULE_MAIN_TEXT)
            else:
                mark(i, "page_chrome" if _is_title_like(line.text) else "promo", RULE_NOT_MAIN)
    else:
        # 4b. Text copied from a page: the story is the densest run of paragraphs.
        first, last, comments = _story_region(lines, kinds, matched)
        if (
            "headline" not in kinds
            and first < last
            and kinds[first] is None
            and count_words(lines[first].text) <= _MAX_TITLE_WORDS
            and matched[first + 1] is not None
            and matched[first + 1].id in _ABOVE_STORY
        ):
            mark(first, "headline", RULE_HEADLINE_STOP)
        if "headline" not in kinds:
            head = _find_headline(lines, kinds, first)
            if head is not None:
                mark(head, "headline", RULE_HEADLINE_NEAR if head else RULE_HEADLINE)
        for i, line in enumerate(lines):
            if kinds[i] is not None or first <= i <= last:
                continue
            if comments is not None and i > comments:
                mark(i, "promo", RULE_COMMENTS)
            elif _is_title_like(line.text):
                mark(i, "promo", RULE_TEASER)
            else:
                mark(i, "promo", RULE_OUTSIDE)

    # 5. After the copyright line that closes a story, nothing is story any more.
    seen_story_text = False
    for i, line in enumerate(lines):
        if kinds[i] is None and not _is_title_like(line.text):
            seen_story_text = True
        pattern = matched[i]
        if seen_story_text and pattern is not None and pattern.id in _CLOSING_COPYRIGHT:
            for j in range(i + 1, len(lines)):
                if kinds[j] is None:
                    mark(j, "promo", RULE_AFTER_COPYRIGHT)
            break

    # 6. Short lines: subheadings inside the story, teasers and lead-ins outside it.
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

    # 7. The rest is running text.
    return tuple(
        Block(line.start, line.end, kinds[i] or "story", rules[i] or RULE_STORY, line.text)
        for i, line in enumerate(lines)
    )


def _mark_galleries(
    lines: Sequence[_Line],
    matched: Sequence[_Pattern | None],
    kinds: Sequence[str | None],
    mark: Callable[[int, str, str], None],
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


# A copied page is a column of lines; the story is where full sentences come one after
# another. Each line scores: a paragraph gains its length in words, a short line that no
# pattern explains (a menu item, a link) costs a few words, a line a pattern explains (a
# share button, a caption inside the story) costs little, because pages put such boxes
# between paragraphs. The run of lines with the highest total is the story.
_MENU_COST = 8
_KNOWN_CLUTTER_COST = 1
_COPYRIGHT_COST = 20
_RUN_SHARE = 0.4
_HEADLINE_WINDOW = 30
_CJK_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(line: str) -> int:
    """Words in a line; Chinese and Japanese have no spaces: two characters count as one."""
    cjk = len(_CJK_RE.findall(line))
    return len(line.split()) + cjk // 2


def _is_prose(line: str) -> bool:
    """Running text: a long line, or a sentence of five words or more.

    A short question or exclamation is more often a headline or a teaser ("Is it safe to
    fly?") than a paragraph, so it needs a dozen words to count.
    """
    words = count_words(line)
    if words >= 18:
        return True
    if line.endswith(("?", "!", "？", "！")):
        return words >= 12
    return words >= 5 and line.endswith(_PROSE_END)


def _is_sentence(line: _Line) -> bool:
    return line.text.endswith((".", "…", "。"))


def _story_region(
    lines: Sequence[_Line], kinds: Sequence[str | None], matched: Sequence[_Pattern | None]
) -> tuple[int, int, int | None]:
    """The first and last line of the story in copied page text, and the comments heading.

    Lines score as described above; each run of lines whose total stays above zero is a
    candidate, scored by its best stretch (a maximum-sum run, one pass). A comments
    heading ("12 Comments", "NAME says:") is a wall between runs. The story is the first
    candidate that scores at least ``_RUN_SHARE`` of the best one: pages put the story
    before the comments, the "most read" teasers and the footer, which can hold more
    text than a short story. When nothing scores above zero (a short text, every line a
    heading), every line may be story.
    """
    runs: list[tuple[float, int, int]] = []  # (score, first, last)
    walls: list[int] = []
    best = running = 0.0
    run_start = run_first = run_last = 0
    for i, line in enumerate(lines):
        pattern = matched[i]
        if pattern is not None and pattern.ends_story:
            walls.append(i)
            value = None
        elif kinds[i] == "copyright":
            value = -_COPYRIGHT_COST
        elif kinds[i] is not None:
            value = -_KNOWN_CLUTTER_COST
        elif _is_prose(line.text):
            value = count_words(line.text)
        else:
            value = -_MENU_COST
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
    top = max(score for score, _, _ in runs)
    _, first, last = next(run for run in runs if run[0] >= _RUN_SHARE * top)
    # A short sentence right next to the story ("It rained.") is still the story.
    j = last + 1
    while j < len(lines):
        if kinds[j] not in {None, "copyright"} and j not in walls:
            j += 1  # a caption or a button between the story and its last short sentence
        elif kinds[j] is None and _is_sentence(lines[j]):
            last = j
            j += 1
        else:
            break
    while first > 0 and kinds[first - 1] is None and _is_sentence(lines[first - 1]):
        first -= 1
    comments = next((w for w in walls if w > last), None)
    return first, last, comments


def _find_headline(lines: Sequence[_Line], kinds: Sequence[str | None], first: int) -> int | None:
    """The headline of copied page text: a title line shortly above the story.

    Between a headline and its story a page puts bylines, dates, share bars and a
    picture; patterns explain most of them. Of the lines left within
    ``_HEADLINE_WINDOW`` lines above the story, the headline is the nearest one that
    reads like a title: five words or more (names, buttons and section names are
    shorter), not a long sentence (a summary or caption), no "@" or "|" (handles and
    credits). A line the page repeats (in a share box or a "you are here" trail) is
    more likely the headline. Headlines may end with a full stop.
    """
    texts = {normalise_line(line.text) for line in lines[max(0, first - 3 * _HEADLINE_WINDOW) :]}
    page = " ".join(normalise_line(line.text) for line in lines[: first + 1])
    best, best_score = None, float("-inf")
    for i in range(first - 1, max(-1, first - 1 - _HEADLINE_WINDOW), -1):
        line = lines[i].text
        if kinds[i] is not None or line.endswith(":") or len(line) > _MAX_HEADLINE_CHARS:
            continue
        words = count_words(line)
        if words < 3 or words > 25 or "@" in line or "|" in line:
            continue
        score = -float(first - i)
        score += 12 if words >= 5 else 0
        score -= 20 if words > 14 and line.endswith(".") else 0
        norm = normalise_line(line)
        score += 15 if norm in texts and page.count(norm) > 1 else 0
        if score > best_score:
            best, best_score = i, score
    if best is not None:
        return best
    if lines and kinds[0] is None and _looks_like_headline(lines[0].text):
        return 0 if first > 0 or _is_title_like(lines[0].text) else None
    return None


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
_WORD_WINDOW = 64  # longer than any abbreviation; keeps the look-back bounded (linear time)
_NEXT_WORD_RE = re.compile(r"[\"'“‘(\[]?([A-Za-z]+)")
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
            look_from = max(sent_start, match.start() + 1 - _WORD_WINDOW)
            before = _WORD_BEFORE_RE.search(text, look_from, match.start() + 1)
            word = before.group(1).lstrip("\"'“‘([").lower() if before else ""
            if word in never or re.fullmatch(r"[a-z]\.", word):
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
        while tail_end > sent_start and text[tail_end - 1] in _STRIP_CHARS + "\r\n":
            tail_end -= 1
        if tail_end > sent_start:
            _add_capped(text, sent_start, tail_end, spans)
    return spans


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
