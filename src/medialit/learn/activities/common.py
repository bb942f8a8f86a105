"""Helpers every lesson's activities share: checking an (article, key) pair, reading a
key's lists, short labels and a fixed choice order. One module, so no lesson's activities
import from another lesson's."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ...text.article import Article
from ..exercises import Choice, ExerciseError
from ..keys import AnswerKey


def check_pair(article: Article, key: AnswerKey) -> None:
    """Raise ExerciseError unless ``key`` is an answer key for ``article``."""
    if not isinstance(article, Article):
        raise ExerciseError(
            f"article must be a medialit Article (from ml.load_article()), "
            f"not {type(article).__name__}."
        )
    if not isinstance(key, AnswerKey):
        raise ExerciseError(
            f"key must be an answer key (from ml.load_key()), not {type(key).__name__}."
        )
    if article.name is not None and key.article_name != article.name:
        raise ExerciseError(
            f"{key.where} is for the article {key.article_name!r}, not {article.name!r}. "
            "Load the key that belongs to this article."
        )


def shorten(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, ending in "…"."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def label_for(text: str, start: int, end: int, *, taken: Iterable[str], min_chars: int = 5) -> str:
    """A label for the span ``text[start:end]`` that differs from every label in ``taken``.

    A span that is very short ("U.S.") or reads like one already used ("others"
    twice) gets the words that follow it, one at a time, so a learner can tell
    the two apart ("others have", "others considering").
    """
    used = {_norm(t) for t in taken}
    label = text[start:end]
    following = re.finditer(r"\S+", text[end:])
    while len(label) < min_chars or _norm(label) in used:
        word = next(following, None)
        if word is None:
            break
        label = text[start : end + word.end()].rstrip(",.;:")
    return " ".join(label.split())


def mixed(choices: Sequence[Choice], seed: str) -> list[Choice]:
    """The choices in an order fixed by ``seed`` (the same on every run, so notebook
    outputs do not change) in which the right answer is never first."""
    order = list(choices)
    random.Random(seed).shuffle(order)
    if order and order[0].correct:
        order = order[1:] + order[:1]
    return order


def records(table: Any) -> list[dict[str, Any]]:
    """Rows of a key view as plain dicts (``None`` for missing values)."""
    frame = table.astype(object).where(table.notna(), None)
    return frame.to_dict("records")


def key_list(key: AnswerKey, field: str, exercise_id: str, what: str) -> list[dict[str, Any]]:
    """The key's list ``field`` as plain dicts, or a clear error when it is empty."""
    items = key.raw.get(field) or []
    if not items:
        raise ExerciseError(
            f"{key.where} has no {field}, so exercise {exercise_id} cannot be built. "
            f"Add {what} to the key (see data/answer_keys/README.md)."
        )
    return items


def opening_passage(
    key: AnswerKey, *, paragraphs: int
) -> tuple[str, list[tuple[int, int, int]]]:
    """The first ``paragraphs`` story blocks, joined by blank lines.

    Also returns ``(start, end, offset)`` per block: where it lies in the article
    and where it starts in the passage, to move spans from one to the other.
    """
    story = [b for b in records(key.blocks) if b["kind"] == "story"][:paragraphs]
    if not story:
        raise ExerciseError(f"{key.where} has no story paragraphs (blocks of kind 'story').")
    pieces: list[tuple[int, int, int]] = []
    offset = 0
    for block in story:
        pieces.append((block["start"], block["end"], offset))
        offset += len(block["text"]) + 2
    return "\n\n".join(b["text"] for b in story), pieces


def _norm(text: str) -> str:
    """How labels are compared: case, spaces and a trailing colon do not matter."""
    return " ".join(text.split()).rstrip(":").casefold()
