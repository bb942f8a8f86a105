"""What medialit's detectors found in an article, as items a teacher can review, and the
choices (categories, outlets) a teacher can pick from when adding one.

Each hedge, attribution, outlet and chain step becomes a :class:`ReviewItem` holding the
answer-key entry it would become; :func:`detected_items` lists them in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from .._util.lazy import pd
from ..errors import ReviewError
from ..text.article import Article
from ..vocab import CHAIN_ROLES, HEDGE_CATEGORIES, LOOKS_LIKE
from ..vocab import KEY_SOURCE_KINDS as SOURCE_KINDS

KINDS: tuple[str, ...] = ("hedge", "distractor", "attribution", "outlet", "chain")
"""Kinds of review item, in the order items of one place are listed."""


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


def span_entry(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": int(start), "end": int(end), "text": text[start:end]}


def _hedge_items(article: Article, table: pd.DataFrame) -> list[ReviewItem]:
    items = []
    for r in table.itertuples(index=False):
        category = _HEDGE_CATEGORY.get(r.label, r.label)
        if category not in HEDGE_CATEGORIES:
            continue
        entry = {**span_entry(article.text, r.start, r.end), "category": category,
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
            "cue": span_entry(text, cue["start"], cue["end"]),
            "source": (
                span_entry(text, source["start"], source["end"]) if source is not None else None
            ),
            "source_kind": kind,
            "resolved_source": source["text"] if source is not None else "not named",
            "content": None,
            "direct_quote": bool((quotes["label"] == "direct_quote").any()),
            "stake": None,
            "explanation": explanation,
        }
        if not quotes.empty:
            spans = [span_entry(text, q.start, q.end) for q in quotes.itertuples(index=False)]
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
        entry = {**span_entry(article.text, r.start, r.end), "outlet": r.outlet_id,
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
            evidence: dict[str, Any] = span_entry(article.text, start, end)
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
    for item in sorted(items, key=lambda i: (item_place(i), -(i.end - i.start))):
        if item.kind == "chain":
            continue
        start, end = item_place(item)
        for other in taken.get(item.kind, []):
            o_start, o_end = item_place(other)
            if start < o_end and o_start < end:
                item.accepted = False
                item.note = (
                    f"overlaps the {other.kind} \u201c{other.text}\u201d; a key holds it once"
                )
                break
        else:
            taken.setdefault(item.kind, []).append(item)


def item_place(item: ReviewItem) -> tuple[int, int]:
    """Where a key places an entry: an attribution by its cue, the rest by their span."""
    if item.kind == "attribution":
        return item.entry["cue"]["start"], item.entry["cue"]["end"]
    return item.start, item.end


def detected_items(article: Article) -> list[ReviewItem]:
    """Every finding of medialit's detectors on ``article``, as review items in reading order."""
    from ..findings import findings_for

    story = findings_for(article, scope="story")
    findings = story.table()
    items = _hedge_items(article, findings[findings["kind"] == "hedge"])
    items += _attribution_items(article, findings)
    items += _outlet_items(article, findings_for(article, scope="page").outlets)
    items.sort(key=lambda i: (i.start, i.end, KINDS.index(i.kind)))
    items += _chain_items(article, story.chain)  # the chain keeps its own order
    _mark_overlaps(items)
    return items


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

# What a learner reads for an item a teacher added without writing a reason.
# Short defaults; the teacher's guide asks teachers to write their own.


# --------------------------------------------------------------------------- lookups


@cache
def hedge_reasons() -> dict[str, str]:
    """Lexicon explanations by cue (lower case), for hedges a teacher adds."""
    from ..detect.hedges import load_hedge_lexicon

    table = load_hedge_lexicon()
    table = table[table["category"].isin(HEDGE_CATEGORIES)]
    return {str(c).lower(): str(e) for c, e in zip(table["cue"], table["explanation"],
                                                   strict=True)}


@cache
def outlet_table() -> pd.DataFrame:
    from ..detect.outlets import load_outlets

    return load_outlets().set_index("id")


def outlet_choices() -> list[tuple[str, str]]:
    """(label, id) of every outlet medialit knows, sorted by name, for the category menu."""
    table = outlet_table()
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




def occurrences(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` starts in ``text``, every time (overlapping matches included)."""
    return [m.start() for m in re.finditer(f"(?={re.escape(phrase)})", text)] if phrase else []


def short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def slug(title: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")[:60]
