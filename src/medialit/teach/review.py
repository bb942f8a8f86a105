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

import html
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .._util.lazy import pd
from ..errors import MedialitError
from ..learn.keys import FORMAT_VERSION, AnswerKeyError, save_key
from ..text.article import Article

# LOOKALIKE_CLASHES is the rule save_key enforces; add() checks it early for a clear message.
from ..vocab import (
    BLOCK_KINDS,
    CHAIN_ROLES,
    HEDGE_CATEGORIES,
    LOOKALIKE_CLASHES,
    LOOKS_LIKE,
    STORY_KINDS,
)
from ..vocab import KEY_SOURCE_KINDS as SOURCE_KINDS

KINDS: tuple[str, ...] = ("hedge", "distractor", "attribution", "outlet", "chain")
"""Kinds of review items; ``add`` takes all but ``chain``."""
ADDABLE: tuple[str, ...] = ("hedge", "distractor", "attribution", "outlet")

TABLE_COLUMNS: dict[str, str] = {
    "number": "int64",
    "kind": "object",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "label": "object",
    "status": "object",
    "origin": "object",
    "note": "object",
    "explanation": "object",
}
"""Columns of :attr:`Review.table`; ``number`` is what accept/reject take.

``start``/``end`` index ``article.text`` (an attribution shows its source, or its
cue when no source is named); a chain step known only from the article's
metadata has ``-1`` for both, as in :func:`medialit.source_chain`.
"""

# The detectors' hedge category for a question headline has no key category of
# its own: the bundled key files it as epistemic (a question withholds belief).
_HEDGE_CATEGORY = {"question_headline": "epistemic"}

def _key_role(word: str) -> str | None:
    """The key's chain role for a step of source_chain() (learner word or value), or None.

    A later outlet that "reported it" has no place in a key's chain, so it is left out.
    """
    try:
        role = CHAIN_ROLES.value_of(word)
    except KeyError:
        return None
    return None if role == "reported by" else role


# What a learner reads for an item a teacher added without writing a reason.
# Short defaults; the teacher's guide asks teachers to write their own.
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


class ReviewError(MedialitError, ValueError):
    """A review step cannot be done; the message says why and what to do instead."""


@dataclass
class ReviewItem:
    """One finding under review: the answer-key entry it would become, and its status."""

    kind: str
    start: int
    end: int
    text: str
    label: str
    explanation: str
    entry: dict[str, Any]
    accepted: bool = True
    origin: str = "detected"
    note: str = ""


# --------------------------------------------------------------------------- detected items


def _na(value: Any) -> bool:
    return value is None or bool(pd.isna(value))


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": int(start), "end": int(end), "text": text[start:end]}


def _hedge_items(article: Article, table: pd.DataFrame) -> list[ReviewItem]:
    items = []
    for r in table.itertuples(index=False):
        category = _HEDGE_CATEGORY.get(r.label, r.label)
        if category not in HEDGE_CATEGORIES:
            continue
        entry = {**_span(article.text, r.start, r.end), "category": category,
                 "explanation": r.explanation}
        items.append(ReviewItem("hedge", int(r.start), int(r.end), r.text, category,
                                r.explanation, entry))
    return items


def _attribution_items(article: Article, findings: pd.DataFrame) -> list[ReviewItem]:
    """One item per attribution group: its cue, source (if any) and quotes."""
    items = []
    wanted = findings["kind"].isin(["cue", "source", "quote"]) & findings["group"].notna()
    grouped = findings[wanted]
    for _, rows in grouped.groupby("group", sort=True):
        cues = rows[rows["kind"] == "cue"]
        if cues.empty:
            continue  # a key places an attribution by its cue
        cue = cues.iloc[0]
        sources = rows[rows["kind"] == "source"]
        quotes = rows[rows["kind"] == "quote"].sort_values("start")
        source = sources.iloc[0] if not sources.empty else None
        kind = source["label"] if source is not None else "unnamed"
        kind = kind if kind in SOURCE_KINDS else "unnamed"
        explanation = (source if source is not None else cue)["explanation"]
        text = article.text
        entry: dict[str, Any] = {
            "cue": _span(text, cue["start"], cue["end"]),
            "source": _span(text, source["start"], source["end"]) if source is not None else None,
            "source_kind": kind,
            "resolved_source": source["text"] if source is not None else "not named",
            "content": None,
            "direct_quote": bool((quotes["label"] == "direct_quote").any()),
            "stake": None,
            "explanation": explanation,
        }
        if not quotes.empty:
            spans = [_span(text, q.start, q.end) for q in quotes.itertuples(index=False)]
            entry["content"] = spans[0]
            if len(spans) > 1:
                entry["more_content"] = spans[1:]
        shown = source if source is not None else cue
        label = f"{kind}, cue \u201c{cue['text']}\u201d"
        items.append(ReviewItem("attribution", int(shown["start"]), int(shown["end"]),
                                shown["text"], label, explanation, entry))
    return items


def _outlet_items(article: Article, table: pd.DataFrame) -> list[ReviewItem]:
    items = []
    for r in table.itertuples(index=False):
        entry = {**_span(article.text, r.start, r.end), "outlet": r.outlet_id,
                 "state_affiliated": bool(r.state_affiliated), "scope": "story",
                 "explanation": r.explanation}
        label = f"{r.name} ({'state-affiliated' if r.state_affiliated else 'not state media'})"
        items.append(ReviewItem("outlet", int(r.start), int(r.end), r.text, label,
                                r.explanation, entry))
    return items


def _metadata_field(evidence: str, metadata: Mapping[str, Any]) -> str | None:
    """The metadata field a chain step cites ("the article's metadata: republished by")."""
    _, _, named = evidence.partition(":")
    candidate = named.strip().replace(" ", "_")
    return candidate if candidate in metadata else None


def _chain_items(article: Article, chain: pd.DataFrame) -> list[ReviewItem]:
    items = []
    for r in chain.itertuples(index=False):
        role = _key_role(str(r.role))
        if role is None:
            continue
        if not _na(r.evidence_start) and int(r.evidence_start) >= 0:
            start, end = int(r.evidence_start), int(r.evidence_end)
            evidence: dict[str, Any] = _span(article.text, start, end)
        else:
            name = _metadata_field(str(r.evidence), article.metadata)
            if name is None:
                continue  # nothing a key could point to
            start = end = -1  # no span: the article's metadata says it (as in source_chain)
            evidence = {"metadata": name, "value": article.metadata[name]}
        state = None if _na(r.state_affiliated) else bool(r.state_affiliated)
        entry = {"who": str(r.who), "role": role,
                 "outlet": None if _na(r.outlet_id) else str(r.outlet_id),
                 "evidence": [evidence], "state_affiliated": state, "stake": None,
                 "explanation": str(r.explanation)}
        shown = evidence.get("text", str(r.who))
        items.append(ReviewItem("chain", start, end, shown, f"{role}: {r.who}",
                                str(r.explanation), entry))
    return items


def _mark_overlaps(items: list[ReviewItem]) -> None:
    """Reject (with a note) an item whose words an earlier accepted item of its list holds."""
    taken: dict[str, list[ReviewItem]] = {}
    for item in sorted(items, key=lambda i: (_place(i), -(i.end - i.start))):
        if item.kind == "chain":
            continue
        start, end = _place(item)
        for other in taken.get(item.kind, []):
            o_start, o_end = _place(other)
            if start < o_end and o_start < end:
                item.accepted = False
                item.note = (
                    f"overlaps the {other.kind} \u201c{other.text}\u201d; a key holds it once"
                )
                break
        else:
            taken.setdefault(item.kind, []).append(item)


def _place(item: ReviewItem) -> tuple[int, int]:
    """Where a key places an entry: an attribution by its cue, the rest by their span."""
    if item.kind == "attribution":
        return item.entry["cue"]["start"], item.entry["cue"]["end"]
    return item.start, item.end


def detected_items(article: Article) -> list[ReviewItem]:
    """Every finding of medialit's detectors on ``article``, as review items in reading order."""
    from ..detect.chain import source_chain
    from ..detect.outlets import find_outlets
    from ..findings import analyze

    findings = analyze(article, scope="story")
    items = _hedge_items(article, findings[findings["kind"] == "hedge"])
    items += _attribution_items(article, findings)
    items += _outlet_items(article, find_outlets(article, scope="page"))
    items.sort(key=lambda i: (i.start, i.end, KINDS.index(i.kind)))
    items += _chain_items(article, source_chain(article))  # the chain keeps its own order
    _mark_overlaps(items)
    return items


# --------------------------------------------------------------------------- lookups


@cache
def _hedge_reasons() -> dict[str, str]:
    """Lexicon explanations by cue (lower case), for hedges a teacher adds."""
    from ..detect.hedges import load_hedge_lexicon

    table = load_hedge_lexicon()
    table = table[table["category"].isin(HEDGE_CATEGORIES)]
    return {str(c).lower(): str(e) for c, e in zip(table["cue"], table["explanation"],
                                                   strict=True)}


@cache
def _outlet_table() -> pd.DataFrame:
    from ..detect.outlets import load_outlets

    return load_outlets().set_index("id")


def outlet_choices() -> list[tuple[str, str]]:
    """(label, id) of every outlet medialit knows, sorted by name, for the category menu."""
    table = _outlet_table()
    pairs = [(f"{row['name']} ({row['country']})", str(i)) for i, row in table.iterrows()]
    return sorted(pairs, key=lambda p: p[0].casefold())


def category_choices(kind: str) -> list[tuple[str, str]]:
    """(label, value) pairs of the categories ``add`` takes for ``kind``."""
    if kind == "hedge":
        return [(c.replace("_", " "), c) for c in HEDGE_CATEGORIES]
    if kind == "distractor":
        return [(f"looks like {LOOKS_LIKE.word(c)}", c) for c in LOOKS_LIKE]
    if kind == "attribution":
        return [(c.replace("_", " "), c) for c in SOURCE_KINDS]
    if kind == "outlet":
        return outlet_choices()
    raise ReviewError(f"kind must be one of {', '.join(ADDABLE)}, not {kind!r}.")


# --------------------------------------------------------------------------- the review


def occurrences(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` starts in ``text``, every time (overlapping matches included)."""
    return [m.start() for m in re.finditer(f"(?={re.escape(phrase)})", text)] if phrase else []


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


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
            raise ReviewError(f"{_short(phrase)!r} does not occur in the article.{hint}")
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or not (
            1 <= occurrence <= len(starts)
        ):
            times = "once" if len(starts) == 1 else f"{len(starts)} times"
            raise ReviewError(
                f"{_short(phrase)!r} occurs {times} in the article, so occurrence must be "
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
        start, end = _place(new)
        for number, item in enumerate(self.items):
            if not item.accepted or item.kind == "chain":
                continue
            o_start, o_end = _place(item)
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
            blocks.append({**_span(self.article.text, b.start, b.end), "kind": kind,
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
            start, end = _place(item)
            lists[item.kind + "s"].append((start, end, entry))
        name = self.article.name or _slug(self.article.title) or "my-article"
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
            self._widget = _build_widget(self)
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


def _slug(title: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")[:60]


# --------------------------------------------------------------------------- builders


_Builder = Callable[[Review, int, int, str, "str | None", "str | None"], ReviewItem]


def _build_hedge(review: Review, start: int, end: int, category: str, _source: str | None,
                 why: str | None) -> ReviewItem:
    text = review.article.text[start:end]
    why = why or _hedge_reasons().get(text.lower()) or _DEFAULT_WHY[category]
    entry = {**_span(review.article.text, start, end), "category": category, "explanation": why}
    return ReviewItem("hedge", start, end, text, category, why, entry)


def _build_distractor(review: Review, start: int, end: int, category: str,
                      _source: str | None, why: str | None) -> ReviewItem:
    text = review.article.text[start:end]
    why = why or _DEFAULT_WHY["distractor"].format(what=LOOKS_LIKE.word(category))
    entry = {**_span(review.article.text, start, end), "looks_like": category,
             "explanation": why}
    return ReviewItem("distractor", start, end, text, category, why, entry)


def _build_outlet(review: Review, start: int, end: int, category: str, _source: str | None,
                  why: str | None) -> ReviewItem:
    row = _outlet_table().loc[category]
    state = bool(row["state_affiliated"])
    text = review.article.text[start:end]
    if not why:
        status = "state-affiliated media" if state else "not state media"
        why = f"{row['name']} ({row['country']}), {status}. {row['ownership_note']}".strip()
    entry = {**_span(review.article.text, start, end), "outlet": category,
             "state_affiliated": state, "scope": "story", "explanation": why}
    label = f"{row['name']} ({'state-affiliated' if state else 'not state media'})"
    return ReviewItem("outlet", start, end, text, label, why, entry)


def _build_attribution(review: Review, start: int, end: int, category: str,
                       source: str | None, why: str | None) -> ReviewItem:
    text = review.article.text
    source_span = None
    if source is not None:
        s_start = _nearest_in_line(review.article, source, start)
        source_span = _span(text, s_start, s_start + len(source))
    elif category != "unnamed":
        raise ReviewError(
            f"A {category.replace('_', ' ')} source needs its words: add(..., source='...'). "
            "Without them, the source kind is 'unnamed'."
        )
    who = source if source is not None else "not named"
    why = why or _DEFAULT_WHY["attribution"].format(
        source=f"\u201c{source}\u201d" if source else "Someone not named", cue=text[start:end])
    entry = {"cue": _span(text, start, end), "source": source_span, "source_kind": category,
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
        raise ReviewError(f"{_short(phrase)!r} is not in the same line as the cue; the source "
                          "must be named in the cue's paragraph.")
    return min(starts, key=lambda s: abs(s - near))


_BUILDERS: dict[str, _Builder] = {
    "hedge": _build_hedge,
    "distractor": _build_distractor,
    "outlet": _build_outlet,
    "attribution": _build_attribution,
}


# --------------------------------------------------------------------------- the widget


@dataclass
class ReviewControls:
    """The widgets of a drawn review, by name (tests and notebooks drive them)."""

    box: Any
    decisions: list[Any]
    phrase: Any
    kind: Any
    category: Any
    occurrence: Any
    source: Any
    explanation: Any
    add_button: Any
    message: Any
    block_kinds: list[Any]
    path: Any
    save_button: Any
    status: Any
    added: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


_ACCEPT, _REJECT = "accept", "reject"
_NOTE_STYLE = "font-family:sans-serif;line-height:1.4;max-width:46em"


def _say(label: str, text: str) -> str:
    """A status line in words (never colour alone), escaped for HTML."""
    return (f'<div role="status" style="{_NOTE_STYLE}"><strong>{html.escape(label)}</strong> '
            f"{html.escape(text)}</div>")


def _item_row(widgets: Any, review: Review, number: int) -> tuple[Any, Any]:
    item = review.items[number]
    toggle = widgets.ToggleButtons(options=[_ACCEPT, _REJECT],
                                   value=_ACCEPT if item.accepted else _REJECT)

    def on_change(change: dict[str, Any]) -> None:
        (review.accept if change["new"] == _ACCEPT else review.reject)(number)

    toggle.observe(on_change, names="value")
    note = f" <em>({html.escape(item.note)})</em>" if item.note else ""
    label = widgets.HTML(
        f'<div style="{_NOTE_STYLE}"><strong>{number}. {html.escape(item.kind)}</strong> '
        f"\u201c{html.escape(_short(item.text, 90))}\u201d \u2013 {html.escape(item.label)}{note}"
        f'<br><span style="color:#333333">{html.escape(_short(item.explanation, 200))}</span>'
        "</div>"
    )
    return widgets.VBox([label, toggle]), toggle


def _build_widget(review: Review) -> Any:
    import ipywidgets as widgets

    rows, decisions = [], []
    for number in range(len(review.items)):
        row, toggle = _item_row(widgets, review, number)
        rows.append(row)
        decisions.append(toggle)
    sections = [(kind, [r for r, i in zip(rows, review.items, strict=True) if i.kind == kind])
                for kind in KINDS]
    sections = [(k, r) for k, r in sections if r]

    # Add a missed phrase.
    phrase = widgets.Text(description="Phrase", placeholder="words exactly as in the article")
    kind = widgets.Dropdown(description="Kind", options=list(ADDABLE), value="hedge")
    category = widgets.Dropdown(description="Category", options=category_choices("hedge"))
    occurrence = widgets.Dropdown(description="Occurrence", options=[("(type a phrase)", 0)],
                                  value=0)
    source = widgets.Text(description="Source", placeholder="for a source: who, as in the text")
    explanation = widgets.Text(description="Why", placeholder="what learners read (optional)")
    add_button = widgets.Button(description="Add", button_style="primary")
    message = widgets.HTML("")
    added = widgets.VBox([])

    def on_phrase(change: dict[str, Any]) -> None:
        found = review.find(change["new"]) if change["new"].strip() else []
        if found:
            occurrence.options = [(f"{n}: {ctx}", n) for n, (_, ctx) in enumerate(found, 1)]
            occurrence.value = 1
        else:
            occurrence.options = [("(not in the article)", 0)]
            occurrence.value = 0

    def on_kind(change: dict[str, Any]) -> None:
        category.options = category_choices(change["new"])

    def on_add(_button: Any) -> None:
        try:
            number = review.add(
                phrase.value, kind.value, category.value, occurrence.value or 1,
                source=source.value.strip() or None,
                explanation=explanation.value.strip() or None,
            )
        except ReviewError as exc:
            message.value = _say("Not added:", str(exc))
            return
        item = review.items[number]
        row, toggle = _item_row(widgets, review, number)
        decisions.append(toggle)
        added.children = (*added.children, row)
        message.value = _say(
            "Added:", f"{item.kind} \u201c{item.text}\u201d at {item.start}-{item.end} "
            f"(item {number}).")
        phrase.value = ""

    phrase.observe(on_phrase, names="value")
    kind.observe(on_kind, names="value")
    add_button.on_click(on_add)
    add_box = widgets.VBox([
        widgets.HTML("<strong>Add a finding medialit missed</strong>"),
        phrase, occurrence, kind, category, source, explanation, add_button, message, added,
    ])

    # Line kinds.
    block_dropdowns = []
    block_rows = []
    for number, (b, value) in enumerate(
        zip(review.article.block_records, review.block_kinds, strict=True)
    ):
        dropdown = widgets.Dropdown(options=list(BLOCK_KINDS), value=value,
                                    layout=widgets.Layout(width="12em"))

        def on_block(change: dict[str, Any], number: int = number) -> None:
            review.set_block_kind(number, change["new"])

        dropdown.observe(on_block, names="value")
        block_dropdowns.append(dropdown)
        block_rows.append(widgets.HBox([
            dropdown, widgets.HTML(f"{number}. {html.escape(_short(b.text, 90))}")]))

    # Save.
    default = f"{review.article.name or _slug(review.article.title) or 'my-article'}-key.json"
    path = widgets.Text(description="Save as", value=default)
    save_button = widgets.Button(description="Save key", button_style="success")
    status = widgets.HTML("")

    def on_save(_button: Any) -> None:
        try:
            written = review.save(path.value.strip())
        except (ReviewError, AnswerKeyError) as exc:
            status.value = _say("Not saved:", str(exc))
            return
        except OSError as exc:
            status.value = _say("Not saved:", f"{exc.strerror or exc} ({path.value!r}).")
            return
        key = review.to_key()
        counts = ", ".join(f"{len(key[f])} {f.replace('_', ' ')}" for f in
                           ("hedges", "distractors", "attributions", "outlets", "source_chain"))
        status.value = _say("Saved:", f"{counts} to {written}.")

    save_button.on_click(on_save)

    panes = [widgets.VBox(r) for _, r in sections] + [add_box, widgets.VBox(block_rows)]
    titles = [f"{k.capitalize()} ({len(r)})" for k, r in sections] + [
        "Add what was missed", f"Page lines ({len(block_rows)})"]
    accordion = widgets.Accordion(children=panes)
    for i, title in enumerate(titles):
        accordion.set_title(i, title)
    accordion.selected_index = None
    head = widgets.HTML(
        f"<p><strong>Review: {html.escape(review.article.title or 'your article')}</strong>. "
        "Accept or reject each finding, add what was missed, then save the key.</p>")
    box = widgets.VBox([head, accordion, widgets.HBox([path, save_button]), status])
    review.controls = ReviewControls(
        box=box, decisions=decisions, phrase=phrase, kind=kind, category=category,
        occurrence=occurrence, source=source, explanation=explanation, add_button=add_button,
        message=message, block_kinds=block_dropdowns, path=path, save_button=save_button,
        status=status, added=added,
    )
    return box


__all__ = [
    "ADDABLE",
    "KINDS",
    "TABLE_COLUMNS",
    "Review",
    "ReviewControls",
    "ReviewError",
    "ReviewItem",
    "category_choices",
    "detected_items",
    "draft_key",
    "occurrences",
    "outlet_choices",
]
