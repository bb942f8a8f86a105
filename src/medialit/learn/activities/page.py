"""Lesson 1, "Page or story?": exercises that tell the story from the page around it.

A web page that republishes a story wraps it in things the website added: photo
galleries, buttons, promotion boxes. A reader who cannot tell them apart may
take a gallery's pictures as evidence, or a link title as news. Every builder
here takes ``(article, key)`` and reads the answers from the key's ``blocks``
(what each line of the page is), ``distractors`` (lines that look like something
else) and ``source_chain`` (who wrote the story, who put it on this page), so
the same exercises work on any article with a reviewed key (lesson 6).

Shared helpers (:func:`check_pair`, :func:`shorten`, ...) live in :mod:`.common`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...text.article import Article
from ...vocab import BLOCK_KINDS, STORY_KINDS
from ..exercises import Choice, ExerciseError, Item, MultipleChoice, SingleChoice, SortItems
from ..keys import AnswerKey
from .common import check_pair, mixed, records, shorten

# What a learner calls each block kind of the answer key. The headline is part of
# the story: the lesson asks what belongs to the article, not how it is styled.
_SORT_ORDER = ("headline", "story", "gallery_title", "photo_caption", "page_chrome", "promo",
               "copyright")
PAGE_CATEGORY: Mapping[str, str] = {
    kind: "story" if kind in STORY_KINDS else BLOCK_KINDS.word(kind) for kind in _SORT_ORDER
}
PAGE_CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(PAGE_CATEGORY.values()))
CLUTTER_CATEGORIES: tuple[str, ...] = tuple(
    BLOCK_KINDS.word(kind) for kind in ("gallery_title", "photo_caption", "page_chrome", "promo")
)
"""Putting a story line here is a false alarm: the learner threw away part of the story."""

# Block kinds a page adds around a story, in the order the who-added exercise lists them.
_ADDED_KINDS: tuple[str, ...] = ("gallery_title", "photo_caption", "page_chrome", "promo")
_KIND_PHRASE: Mapping[str, str] = {
    "story": "the story paragraphs",
    "copyright": "the copyright line",
    "gallery_title": "the photo gallery titles",
    "photo_caption": "the photo captions",
    "page_chrome": "the page buttons",
    "promo": "the promotion and sign-up boxes",
}
_ITEM_WIDTH = 90
_CHOICE_WIDTH = 60

# Why a question headline matters. Exercise wording (not a lexicon): the right answer
# and the three misreadings learners give most often.
_QUESTION_RIGHT = "It raises the claim without saying that it is true."
_QUESTION_WRONG: tuple[tuple[str, str], ...] = (
    (
        "It shows that the writer checked the claim and found it true.",
        "Asking a question checks nothing. A headline that had checked the claim "
        "could simply state it.",
    ),
    (
        "It means that the claim is false.",
        "A question does not say no either. It leaves the claim open, so you have to "
        "look at the evidence yourself.",
    ),
    (
        "It invites readers to send in their own answers.",
        "There is nowhere to answer. The question mark makes you curious; it does not "
        "start a survey.",
    ),
)


# --------------------------------------------------------------------------- builders


def sort_page_blocks(
    article: Article, key: AnswerKey, *, exercise_id: str = "01-sort-blocks"
) -> SortItems:
    """Sort lines of the page into story, gallery title, caption, page button, promo, copyright.

    The items are the key's look-alikes first (a link title that sounds like news,
    a story paragraph right after a gallery, the copyright line that looks like
    small print), then the first line of every kind and the last line of every
    kind the website added (unless a look-alike already shows that kind), so each
    category has an example. Putting a story
    line into a clutter category is a false alarm.
    """
    check_pair(article, key)
    blocks = _records(key, "blocks")
    chosen = _look_alike_blocks(blocks, records(key.distractors))  # look-alikes are optional
    has_look_alike = {block["kind"] for block, _ in chosen.values()}
    for kind in PAGE_CATEGORY:
        of_kind = [b for b in blocks if b["kind"] == kind]
        picks = of_kind[:1]
        if kind in _ADDED_KINDS and kind not in has_look_alike:
            picks += of_kind[-1:]  # what the website added after the story, too
        for block in picks:
            chosen.setdefault(block["start"], (block, block["explanation"]))
    items: list[Item] = []
    taken: set[str] = set()
    for start in sorted(chosen):
        block, explanation = chosen[start]
        label = shorten(block["text"], _ITEM_WIDTH)
        if _norm(label) in taken:  # a repeated gallery title adds nothing new
            continue
        taken.add(_norm(label))
        items.append(Item(label, PAGE_CATEGORY[block["kind"]], explanation))
    if not any(i.category == "story" for i in items) or not any(
        i.category in CLUTTER_CATEGORIES for i in items
    ):
        raise ExerciseError(
            f"{key.where} needs story lines and added lines (galleries, buttons, boxes) "
            "to sort; this page has only one of the two."
        )
    return SortItems(
        exercise_id,
        "Sort each line of the page: is it part of the story, or something the website "
        "put around it?",
        [c for c in PAGE_CATEGORIES if any(i.category == c for i in items)],
        items,
        hint="Ask of each line: does it carry the story forward, or does it name a "
        "picture, a button or another page? A line right after a gallery can still be story.",
        alarm_categories=[c for c in CLUTTER_CATEGORIES if any(i.category == c for i in items)],
    )


def who_added_what(
    article: Article, key: AnswerKey, *, exercise_id: str = "01-who-added"
) -> MultipleChoice:
    """Pick the parts of the page that the republishing website added, not the writer.

    Needs a ``source_chain`` with a "republished by" step (the website) and a
    "retold by" or "first publisher" step (who wrote this text). One choice per
    kind of block on the page, each with an example line; the story paragraphs
    and the copyright line are the distractors.
    """
    check_pair(article, key)
    writer, website = _writer_and_website(key)
    blocks = _records(key, "blocks")
    choices: list[Choice] = []
    for kind in ("story", "copyright", *_ADDED_KINDS):
        example = _example_block(blocks, kind, mention=website)
        if example is None:
            continue
        added = kind in _ADDED_KINDS
        text = f'{_KIND_PHRASE[kind]}, such as "{shorten(example["text"], _CHOICE_WIDTH)}"'
        who = f"Added by {website}" if added else f"Written by {writer}"
        choices.append(Choice(text, added, f"{who}. {example['explanation']}"))
    if not any(c.correct for c in choices) or all(c.correct for c in choices):
        raise ExerciseError(
            f"{key.where} needs both story lines and lines the website added to ask who "
            "added what."
        )
    return MultipleChoice(
        exercise_id,
        f"{writer} wrote the story. Which parts of this page did {website} add?",
        choices,
        hint=f"The copyright line says who owns the text above it. Everything {writer} "
        "did not write came from the website.",
    )


def where_story_ends(
    article: Article, key: AnswerKey, *, exercise_id: str = "01-story-ends"
) -> SingleChoice:
    """Which line marks the end of the story? The copyright line, not a button that says "story".

    Distractors: the story's last paragraph (last, but nothing in it marks an end)
    and the last page button, promotion box and gallery title after the copyright
    line (lines that occur once on the page, so not a gallery's repeated controls).
    """
    check_pair(article, key)
    blocks = _records(key, "blocks")
    copyright_ = next((b for b in blocks if b["kind"] == "copyright"), None)
    if copyright_ is None:
        raise ExerciseError(
            f"{key.where} has no copyright line (a block of kind 'copyright'), so there "
            "is no line that marks the end of the story."
        )
    picked = [copyright_]
    story = [b for b in blocks if b["kind"] == "story" and b["end"] <= copyright_["start"]]
    picked += story[-1:]
    counts = _text_counts(blocks)
    after = [
        b for b in blocks
        if b["start"] > copyright_["start"] and counts[_norm(b["text"])] == 1
    ]
    for kind in ("page_chrome", "promo", "gallery_title"):
        picked += [b for b in reversed(after) if b["kind"] == kind][:1]
    choices = [  # in page order, as a reader meets them
        Choice(shorten(b["text"], _CHOICE_WIDTH), b is copyright_, b["explanation"])
        for b in sorted(picked, key=lambda b: b["start"])
    ]
    if len(choices) < 2:
        raise ExerciseError(
            f"{key.where} has nothing around the copyright line to tell it apart from."
        )
    return SingleChoice(
        exercise_id,
        "Which line tells you where the writer's story ends?",
        choices,
        hint="Look for small print that names who owns the text. A button that says "
        '"story" was made by the website, not by the writer.',
    )


def question_headline(
    article: Article, key: AnswerKey, *, exercise_id: str = "01-question-headline"
) -> SingleChoice:
    """Why a headline that asks a question matters: it raises a claim without asserting it.

    The right choice is explained with the key's own words on the headline (its
    hedge entry, else its block entry). Raises ExerciseError when the key's
    headline does not end with a question mark.
    """
    check_pair(article, key)
    blocks = _records(key, "blocks")
    headline = next((b for b in blocks if b["kind"] == "headline"), None)
    if headline is None or not headline["text"].rstrip().endswith("?"):
        raise ExerciseError(
            f"{key.where}: the headline is not a question, so this exercise does not "
            "fit the article. Leave it out."
        )
    hedge = next(
        (h for h in records(key.hedges)
         if h["start"] < headline["end"] and headline["start"] < h["end"]),
        None,
    )
    explanation = (hedge or headline)["explanation"]
    choices = [Choice(_QUESTION_RIGHT, True, explanation)]
    choices += [Choice(text, False, why) for text, why in _QUESTION_WRONG]
    return SingleChoice(
        exercise_id,
        f'The headline is "{headline["text"]}" Why does the question mark matter?',
        mixed(choices, exercise_id),
        hint="Try saying the headline as a statement. Would the page then have to "
        "show that it is true?",
    )


# --------------------------------------------------------------------------- private helpers


def _records(key: AnswerKey, field: str) -> list[dict[str, Any]]:
    """The rows of one list of the key; an empty list is an error this exercise cannot skip."""
    rows = records(getattr(key, field))
    if not rows:
        raise ExerciseError(f"{key.where} has no {field!r}, which this exercise needs.")
    return rows


def _norm(text: str) -> str:
    """How labels are compared: case, spaces and a trailing colon do not matter."""
    return " ".join(text.split()).rstrip(":").casefold()


def _text_counts(blocks: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for block in blocks:
        counts[_norm(block["text"])] = counts.get(_norm(block["text"]), 0) + 1
    return counts


def _look_alike_blocks(
    blocks: list[dict[str, Any]], distractors: list[dict[str, Any]]
) -> dict[int, tuple[dict[str, Any], str]]:
    """Whole lines the key marks as looking like story or clutter, with the key's reason."""
    by_span = {(b["start"], b["end"]): b for b in blocks}
    found: dict[int, tuple[dict[str, Any], str]] = {}
    for d in distractors:
        block = by_span.get((d["start"], d["end"]))
        if block is not None and d["looks_like"] in ("story", "clutter"):
            found[block["start"]] = (block, d["explanation"])
    return found


def _writer_and_website(key: AnswerKey) -> tuple[str, str]:
    """Who wrote the text on the page, and which website republished it (from the chain)."""
    chain = records(key.source_chain)
    website = next((s["who"] for s in chain if s["role"] == "republished by"), None)
    writer = next((s["who"] for s in reversed(chain)
                   if s["role"] in ("retold by", "first publisher")), None)
    if website is None or writer is None:
        raise ExerciseError(
            f"{key.where} needs a source_chain with a 'republished by' step (the website) "
            "and a 'retold by' or 'first publisher' step (the writer) to ask who added what."
        )
    return writer, website


def _example_block(
    blocks: list[dict[str, Any]], kind: str, *, mention: str
) -> dict[str, Any] | None:
    """A line of ``kind`` to show as an example: one naming the website, else the last one."""
    of_kind = [b for b in blocks if b["kind"] == kind]
    if not of_kind:
        return None
    naming = [b for b in of_kind if mention.casefold() in b["text"].casefold()]
    return (naming or of_kind)[-1] if kind != "copyright" else of_kind[0]


__all__ = [
    "CLUTTER_CATEGORIES",
    "PAGE_CATEGORIES",
    "question_headline",
    "sort_page_blocks",
    "where_story_ends",
    "who_added_what",
]
