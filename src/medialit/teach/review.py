"""Review what medialit found in your own article, and save it as an answer key.

The detectors are good, not perfect. Before a class works on a new article, a
teacher checks their findings once: accept the right ones, reject the wrong
ones, add what they missed, and save the result as an answer key. The lessons
then score learners against that key, exactly as they do for the bundled one::

    import medialit as ml
    from medialit.teach.review import Review

    article = ml.load_article("my-article.html")
    review = Review(article)          # every finding, accepted to start with
    review.table                      # number, kind, text, label, status, explanation
    review.reject(3)                  # finding 3 is wrong
    review.add("sources close to the minister", "hedge", "vague_source")
    review.save("my-article-key.json")
    review.widget()                   # the same with buttons, in a notebook

``draft_key(article)`` is the key with every finding accepted.

What a draft holds, and where it comes from:

* **blocks**: every line of the page with the kind medialit gave it (change one
  with :meth:`Review.set_block_kind`);
* **hedges** from :func:`medialit.find_hedges` (a question headline becomes an
  ``epistemic`` hedge, as in the bundled key);
* **attributions** (cue, source and quotes) from :func:`medialit.find_attributions`,
  with ``stake`` left unknown: whether a source gains from a claim is a judgement
  for the teacher;
* **outlets** from :func:`medialit.find_outlets` over the whole page;
* **source_chain** from :func:`medialit.source_chain`.

Look-alikes (``distractors``), claims and galleries are not detected: add
look-alikes by hand (``kind="distractor"``), because exercises score
discernment with them. Findings that would record the same words twice (a key
allows each phrase once per list) start out rejected, with the reason in
``note``.

A key is saved with :func:`medialit.learn.keys.save_key`: checked against the article
first, then written atomically, so a failed save never leaves half a file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._util.lazy import pd
from ..errors import ReviewError
from ..learn.keys import FORMAT_VERSION, save_key
from ..text.article import Article

# LOOKALIKE_CLASHES is the rule save_key enforces; add() checks it early for a clear message.
from ..vocab import (
    BLOCK_KINDS,
    LOOKALIKE_CLASHES,
    LOOKS_LIKE,
    STORY_KINDS,
)
from .review_items import (
    ADDABLE,
    KINDS,
    TABLE_COLUMNS,
    ReviewItem,
    category_choices,
    detected_items,
    hedge_reasons,
    item_place,
    occurrences,
    outlet_choices,
    outlet_table,
    short,
    slug,
    span_entry,
)

if TYPE_CHECKING:
    from .review_widget import ReviewControls

"""Kinds of review items; ``add`` takes all but ``chain``."""
_DEFAULT_WHY = {
    "reportive": "A reporting phrase: the writer passes the claim on without saying it was "
    "checked. Ask: who reported it, and how do they know?",
    "epistemic": "A word of doubt: the writer is not sure the claim is true. "
    "Ask: what evidence would settle it?",
    "vague_source": "Someone is said to know or say this, but no one is named, so you cannot "
    "check them. Ask: who, exactly?",
    "distractor": "It looks like {what}, but it is not one here. Read it in its sentence: "
    "what does it really do?",
    "attribution": "{source} is where this comes from; the cue \u201c{cue}\u201d links the claim "
    "to its source. Ask: how would they know, and do they gain from it?",
}


# --------------------------------------------------------------------------- the review


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    before = text[max(0, start - width):start].split("\n")[-1]
    after = text[end:end + width].split("\n")[0]
    return f"...{before}[{text[start:end]}]{after}..."


class Review:
    """A teacher's review of the findings in one article, turned into an answer key.

    ``checked_against`` says in the key what the answers were checked against
    (default: this review). Items are numbered in :attr:`table`; the numbers do
    not change when items are added.
    """

    def __init__(
        self,
        article: Article,
        *,
        items: Sequence[ReviewItem] | None = None,
        checked_against: Sequence[str] | None = None,
    ) -> None:
        if not isinstance(article, Article):
            raise ReviewError(
                f"Review needs a medialit Article (from ml.load_article(...)), "
                f"not {type(article).__name__}."
            )
        self.article = article
        self.items: list[ReviewItem] = list(detected_items(article) if items is None else items)
        self.block_kinds: list[str] = [b.kind for b in article.block_records]
        self._detected_kinds = tuple(self.block_kinds)
        self.checked_against = list(checked_against or [
            "medialit's detectors, each finding accepted, rejected or added by a teacher "
            "in medialit.teach.review",
        ])
        self.controls: ReviewControls | None = None
        self._widget: Any = None

    # ---------------------------------------------------------------- reading

    @property
    def table(self) -> pd.DataFrame:
        """Every item: number, kind, start, end, text, label, status, origin, note, explanation."""
        rows = [
            {"number": n, "kind": i.kind, "start": i.start, "end": i.end, "text": i.text,
             "label": i.label, "status": "accepted" if i.accepted else "rejected",
             "origin": i.origin, "note": i.note, "explanation": i.explanation}
            for n, i in enumerate(self.items)
        ]
        return pd.DataFrame(rows, columns=list(TABLE_COLUMNS)).astype(TABLE_COLUMNS)

    def _item(self, number: int) -> ReviewItem:
        if isinstance(number, bool) or not isinstance(number, int):
            raise ReviewError(f"Give the item's number from review.table, not {number!r}.")
        if not 0 <= number < len(self.items):
            raise ReviewError(
                f"There is no item {number}: the numbers go from 0 to {len(self.items) - 1}."
            )
        return self.items[number]

    # ---------------------------------------------------------------- deciding

    def accept(self, number: int) -> None:
        """Keep item ``number`` in the key."""
        self._item(number).accepted = True

    def reject(self, number: int) -> None:
        """Leave item ``number`` out of the key."""
        self._item(number).accepted = False

    def set_block_kind(self, number: int, kind: str) -> None:
        """Say what line ``number`` of ``article.blocks`` is (``story``, ``promo``, ...)."""
        if isinstance(number, bool) or not isinstance(number, int) or not (
            0 <= number < len(self.block_kinds)
        ):
            raise ReviewError(
                f"There is no line {number!r}: the lines are numbered 0 to "
                f"{len(self.block_kinds) - 1} (see article.blocks)."
            )
        if kind not in BLOCK_KINDS:
            raise ReviewError(f"A line's kind is one of {', '.join(BLOCK_KINDS)}, not {kind!r}.")
        self.block_kinds[number] = kind

    def find(self, phrase: str) -> list[tuple[int, str]]:
        """Every place ``phrase`` occurs: (start, the words around it), in reading order."""
        text = self.article.text
        return [(s, _context(text, s, s + len(phrase))) for s in occurrences(text, phrase)]

    def _locate(self, phrase: str, occurrence: int, what: str = "phrase") -> int:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ReviewError(f"Type the {what} to add, exactly as it is in the article.")
        if phrase != phrase.strip():
            raise ReviewError(
                f"The {what} {phrase!r} starts or ends with a space; leave the spaces out."
            )
        starts = occurrences(self.article.text, phrase)
        if not starts:
            other = re.search(re.escape(phrase), self.article.text, flags=re.IGNORECASE)
            hint = (
                f" Did you mean {other.group(0)!r} (with different capitals)?" if other else
                " Copy the words from the article: spelling, capitals and punctuation count."
            )
            raise ReviewError(f"{short(phrase)!r} does not occur in the article.{hint}")
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or not (
            1 <= occurrence <= len(starts)
        ):
            times = "once" if len(starts) == 1 else f"{len(starts)} times"
            raise ReviewError(
                f"{short(phrase)!r} occurs {times} in the article, so occurrence must be "
                f"{'1' if len(starts) == 1 else f'a number from 1 to {len(starts)}'}, "
                f"not {occurrence!r}."
            )
        return starts[occurrence - 1]

    def add(
        self,
        phrase: str,
        kind: str,
        category: str,
        occurrence: int = 1,
        *,
        source: str | None = None,
        explanation: str | None = None,
    ) -> int:
        """Add a finding the detectors missed; return its number.

        ``kind`` and ``category``: ``"hedge"`` with a hedge category (``reportive``,
        ``epistemic``, ``vague_source``); ``"distractor"`` (a look-alike) with what
        it looks like (``hedge``, ``vague_source``, ``state_media``, ``clutter``,
        ``story``); ``"outlet"`` with an outlet id (see :func:`outlet_choices`);
        ``"attribution"`` with a source kind, where ``phrase`` is the cue ("said")
        and ``source`` the words naming who (found nearest the cue in the same
        line; needed unless the source kind is ``unnamed``).

        ``occurrence`` picks which time the phrase occurs (1 = first; see
        :meth:`find`). ``explanation`` is what learners read; without one a
        short general reason is used.
        """
        if kind not in ADDABLE:
            raise ReviewError(f"kind must be one of {', '.join(ADDABLE)}, not {kind!r}.")
        valid = [value for _, value in category_choices(kind)]
        if category not in valid:
            shown = ", ".join(valid) if len(valid) <= 10 else "an id from outlet_choices()"
            raise ReviewError(f"For a {kind}, category must be {shown}; not {category!r}.")
        if explanation is not None and not (isinstance(explanation, str) and explanation.strip()):
            raise ReviewError("The explanation must be some words for learners, or None.")
        start = self._locate(phrase, occurrence)
        end = start + len(phrase)
        builder = _BUILDERS[kind]
        item = builder(self, start, end, category, source, explanation)
        item.origin = "added"
        self._check_overlap(item)
        self.items.append(item)
        return len(self.items) - 1

    def _check_overlap(self, new: ReviewItem) -> None:
        start, end = item_place(new)
        for number, item in enumerate(self.items):
            if not item.accepted or item.kind == "chain":
                continue
            o_start, o_end = item_place(item)
            if not (start < o_end and o_start < end):
                continue
            if item.kind == new.kind:
                raise ReviewError(
                    f"{new.text!r} overlaps the {item.kind} {item.text!r} (item {number}): a key "
                    f"holds the same words once. Reject item {number} first, or add other words."
                )
            pair = {new.kind: new.label, item.kind: item.label}
            if pair.keys() == {"hedge", "distractor"} and pair["hedge"] in (
                LOOKALIKE_CLASHES.get(pair["distractor"], ())
            ):
                raise ReviewError(
                    f"{new.text!r} overlaps {item.text!r} (item {number}, a {item.kind}): a "
                    f"phrase cannot be both a hedge and a look-alike. Reject item {number} first."
                )

    # ---------------------------------------------------------------- the key

    def _scope(self, start: int, end: int) -> str:
        for b, kind in zip(self.article.block_records, self.block_kinds, strict=True):
            if b.start <= start and end <= b.end:
                return "story" if kind in STORY_KINDS else "page"
        return "page"

    def _blocks(self) -> list[dict[str, Any]]:
        blocks = []
        for b, kind, detected in zip(
            self.article.block_records, self.block_kinds, self._detected_kinds, strict=True
        ):
            if kind == detected:
                why = f"{BLOCK_KINDS.label(kind)}: {b.rule}."
            else:
                why = (f"{BLOCK_KINDS.label(kind)}: a teacher checked this line by hand "
                       f"(medialit had taken it for {BLOCK_KINDS.word(detected)}).")
            blocks.append({**span_entry(self.article.text, b.start, b.end), "kind": kind,
                           "explanation": why})
        return blocks

    def to_key(self) -> dict[str, Any]:
        """The answer key of the accepted items (not yet checked; :meth:`save` checks it)."""
        lists: dict[str, list[tuple[int, int, dict[str, Any]]]] = {
            "hedges": [], "distractors": [], "attributions": [], "outlets": [],
        }
        chain = []
        for item in self.items:
            if not item.accepted:
                continue
            entry = {k: v for k, v in item.entry.items()}  # shallow: entries are rebuilt below
            if item.kind == "chain":
                chain.append(entry)
                continue
            if item.kind == "outlet":
                entry["scope"] = self._scope(item.start, item.end)
            start, end = item_place(item)
            lists[item.kind + "s"].append((start, end, entry))
        name = self.article.name or slug(self.article.title) or "my-article"
        key: dict[str, Any] = {
            "article": name,
            "format_version": FORMAT_VERSION,
            "checked_against": list(self.checked_against),
            "blocks": self._blocks(),
        }
        for field_name, entries in lists.items():
            key[field_name] = [e for _, _, e in sorted(entries, key=lambda t: (t[0], t[1]))]
        key.update({"source_chain": chain, "claims": [], "galleries": []})
        return key

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Check the key against the article and write it to ``path`` (atomically).

        Raises :class:`medialit.learn.keys.AnswerKeyError` naming every problem; then
        nothing is written.
        """
        target = Path(path).expanduser()
        if target.suffix.lower() != ".json":
            raise ReviewError(f"Save the key as a .json file, not {str(target)!r}.")
        return save_key(self.to_key(), target, article=self.article)

    # ---------------------------------------------------------------- widget

    def widget(self) -> Any:
        """The review as ipywidgets: accept/reject per finding, add, line kinds, save."""
        if self._widget is None:
            from .review_widget import build_widget

            self._widget = build_widget(self)
        return self._widget

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget())

    def __repr__(self) -> str:
        accepted = sum(i.accepted for i in self.items)
        return (f"Review(article={self.article.name or self.article.title!r}, "
                f"items={len(self.items)}, accepted={accepted})")


def draft_key(article: Article) -> dict[str, Any]:
    """An answer key built from medialit's findings on ``article``, every finding accepted
    (those that would record the same words twice left out). Check it before you use it."""
    return Review(article).to_key()


# --------------------------------------------------------------------------- builders


_Builder = Callable[[Review, int, int, str, "str | None", "str | None"], ReviewItem]


def _build_hedge(review: Review, start: int, end: int, category: str, _source: str | None,
                 why: str | None) -> ReviewItem:
    text = review.article.text[start:end]
    why = why or hedge_reasons().get(text.lower()) or _DEFAULT_WHY[category]
    entry = {**span_entry(review.article.text, start, end), "category": category,
             "explanation": why}
    return ReviewItem("hedge", start, end, text, category, why, entry)


def _build_distractor(review: Review, start: int, end: int, category: str,
                      _source: str | None, why: str | None) -> ReviewItem:
    text = review.article.text[start:end]
    why = why or _DEFAULT_WHY["distractor"].format(what=LOOKS_LIKE.word(category))
    entry = {**span_entry(review.article.text, start, end), "looks_like": category,
             "explanation": why}
    return ReviewItem("distractor", start, end, text, category, why, entry)


def _build_outlet(review: Review, start: int, end: int, category: str, _source: str | None,
                  why: str | None) -> ReviewItem:
    row = outlet_table().loc[category]
    state = bool(row["state_affiliated"])
    text = review.article.text[start:end]
    if not why:
        status = "state-affiliated media" if state else "not state media"
        why = f"{row['name']} ({row['country']}), {status}. {row['ownership_note']}".strip()
    entry = {**span_entry(review.article.text, start, end), "outlet": category,
             "state_affiliated": state, "scope": "story", "explanation": why}
    label = f"{row['name']} ({'state-affiliated' if state else 'not state media'})"
    return ReviewItem("outlet", start, end, text, label, why, entry)


def _build_attribution(review: Review, start: int, end: int, category: str,
                       source: str | None, why: str | None) -> ReviewItem:
    text = review.article.text
    source_span = None
    if source is not None:
        s_start = _nearest_in_line(review.article, source, start)
        source_span = span_entry(text, s_start, s_start + len(source))
    elif category != "unnamed":
        raise ReviewError(
            f"A {category.replace('_', ' ')} source needs its words: add(..., source='...'). "
            "Without them, the source kind is 'unnamed'."
        )
    who = source if source is not None else "not named"
    why = why or _DEFAULT_WHY["attribution"].format(
        source=f"\u201c{source}\u201d" if source else "Someone not named", cue=text[start:end])
    entry = {"cue": span_entry(text, start, end), "source": source_span, "source_kind": category,
             "resolved_source": who, "content": None, "direct_quote": False, "stake": None,
             "explanation": why}
    shown = source_span or entry["cue"]
    label = f"{category}, cue \u201c{text[start:end]}\u201d"
    return ReviewItem("attribution", shown["start"], shown["end"], shown["text"], label, why,
                      entry)


def _nearest_in_line(article: Article, phrase: str, near: int) -> int:
    """Where ``phrase`` occurs closest to ``near`` in the same line; a clear error if not there."""
    if not phrase.strip() or phrase != phrase.strip():
        raise ReviewError("Type the source's words exactly as in the article, without spaces "
                          "around them.")
    line = next((b for b in article.block_records if b.start <= near < b.end), None)
    starts = [s for s in occurrences(article.text, phrase)
              if line is not None and line.start <= s and s + len(phrase) <= line.end]
    if not starts:
        raise ReviewError(f"{short(phrase)!r} is not in the same line as the cue; the source "
                          "must be named in the cue's paragraph.")
    return min(starts, key=lambda s: abs(s - near))


_BUILDERS: dict[str, _Builder] = {
    "hedge": _build_hedge,
    "distractor": _build_distractor,
    "outlet": _build_outlet,
    "attribution": _build_attribution,
}


__all__ = [
    "ADDABLE",
    "KINDS",
    "TABLE_COLUMNS",
    "Review",
    "ReviewError",
    "ReviewItem",
    "category_choices",
    "detected_items",
    "draft_key",
    "occurrences",
    "outlet_choices",
]
