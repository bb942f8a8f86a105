"""Lesson 3, "Who says so?": exercises on sources, their stakes and the source chain.

Behind every claim is someone who told it. The exercises train four questions:
which phrases name a source (and which only sound like one), whether the source
is named or not, whether it has a stake in the story, and how the claim
travelled from its first teller to the page the reader sees.

Every builder takes ``(article, key)`` and reads its answers from the key's
``attributions``, ``distractors``, ``outlets`` and ``source_chain``, so the same
exercises work on any article with a reviewed key (lesson 6).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...text.article import Article
from ...vocab import KEY_SOURCE_KINDS as SOURCE_KINDS
from ..exercises import (
    Choice,
    ExerciseError,
    Item,
    MultipleChoice,
    OrderSteps,
    Phrase,
    SelectPhrases,
    SortItems,
    Step,
)
from ..keys import AnswerKey
from .common import check_pair, label_for, mixed, opening_passage, records

NOT_A_SOURCE = "not a source"
_SPELLING = {"organization": "organisation"}  # the lessons are written in British English


def source_label(kind: str) -> str:
    """A source kind in a learner's words: ``named_organization`` -> ``named organisation``."""
    words = [_SPELLING.get(w, w) for w in kind.split("_")]
    return " ".join(words)


SOURCE_LABELS: tuple[str, ...] = tuple(source_label(k) for k in SOURCE_KINDS)
_NAMED_KINDS = frozenset({"named_person", "named_organization", "media_outlet", "document"})
# Outlets named only in photo credits are "not a source": they took the pictures, not
# the claim. At most this many of them join an exercise, so credits do not crowd it.
_MAX_CREDITS = 3


# --------------------------------------------------------------------------- builders


def select_sources(
    article: Article,
    key: AnswerKey,
    *,
    paragraphs: int = 3,
    exercise_id: str = "03-find-sources",
) -> SelectPhrases:
    """Pick the phrases that say who gave the information, in the first story paragraphs.

    Right: the key's attribution sources there (named or not). Distractors: reporting
    words with no source behind them ("reports have surfaced", "reportedly") and the
    key's look-alikes of a vague source (people mentioned who are not telling anything).
    """
    check_pair(article, key)
    if not isinstance(paragraphs, int) or isinstance(paragraphs, bool) or paragraphs < 1:
        raise ExerciseError(f"paragraphs must be a whole number of at least 1, not {paragraphs!r}.")
    passage, pieces = opening_passage(key, paragraphs=paragraphs)
    candidates: list[tuple[Mapping[str, Any], bool, str]] = []
    for a in key.raw.get("attributions", []):
        if a.get("source"):
            candidates.append((a["source"], True, a["explanation"]))
        else:  # a reporting word with nobody named behind it
            candidates.append((a["cue"], False, a["explanation"]))
    for d in records(key.distractors):
        if d["looks_like"] == "vague_source":
            candidates.append((d, False, d["explanation"]))
    chosen: list[tuple[Mapping[str, Any], bool, str]] = []
    for span, correct, why in sorted(candidates, key=lambda c: (c[0]["start"], not c[1])):
        inside = any(s <= span["start"] and span["end"] <= e for s, e, _ in pieces)
        clash = any(span["start"] < o["end"] and o["start"] < span["end"] for o, _, _ in chosen)
        if inside and not clash:
            chosen.append((span, correct, why))
    if not any(c for _, c, _ in chosen) or all(c for _, c, _ in chosen):
        missing = "sources" if not any(c for _, c, _ in chosen) else "look-alikes"
        raise ExerciseError(
            f"{key.where} has no {missing} in the first {paragraphs} story paragraph(s). "
            "Try more paragraphs, e.g. select_sources(article, key, paragraphs=5)."
        )
    phrases: list[Phrase] = []
    taken: list[str] = []
    for span, correct, why in chosen:
        offset = next(off + span["start"] - s for s, e, off in pieces if s <= span["start"] < e)
        label = label_for(passage, offset, offset + len(span["text"]), taken=taken)
        if passage[offset : offset + len(label)] != label:
            continue  # the label would run over a line break: leave this one out
        taken.append(label)
        phrases.append(Phrase(label, correct, why, start=offset))
    return SelectPhrases(
        exercise_id,
        "Select every phrase that says WHO gave the information (a source), even if it "
        "does not give a name.",
        passage,
        phrases,
        hint='A source is a person, group or outlet that told something. "Reports" with '
        "nobody behind them, and people the story only talks about, are not sources.",
    )


def sort_sources(
    article: Article, key: AnswerKey, *, exercise_id: str = "03-named-or-unnamed"
) -> SortItems:
    """Sort each source of the story: named person, named organisation, unnamed, media outlet.

    One item per named source (its fullest mention), one per unnamed mention, plus
    look-alikes that are not sources at all (a word like "others" that names no teller,
    an agency named only in a photo credit). Calling one of those a source is a false alarm.
    """
    check_pair(article, key)
    attributions = [a for a in records(key.attributions)
                    if a["scope"] == "story" and a["source_text"] is not None]
    if not attributions:
        raise ExerciseError(f"{key.where} has no attributions with a source in the story.")
    picked = _one_per_source(attributions)
    for d in records(key.distractors):
        if d["scope"] != "story" or d["looks_like"] != "vague_source":
            continue
        same = _group_of(d["text"], attributions)
        if same is not None:  # the look-alike is a named source: it stands for its group
            picked[same] = (d["start"], d["end"], source_label(_kind_of(same, attributions)),
                            d["explanation"])
        else:
            picked[f"distractor@{d['start']}"] = (d["start"], d["end"], NOT_A_SOURCE,
                                                  d["explanation"])
    credits: dict[int, str] = {}
    for o in _photo_credits(key)[:1]:  # one credit is enough to make the point
        credits[o["start"]] = _outlet_name(o)
        picked[f"credit@{o['start']}"] = (o["start"], o["end"], NOT_A_SOURCE, o["explanation"])
    items: list[Item] = []
    taken: list[str] = []
    for start, end, category, why in sorted(picked.values()):
        # A photo credit is shown by the agency's name ("AFP" alone is too short to read).
        label = credits.get(start) or label_for(article.text, start, end, taken=taken)
        taken.append(label)
        items.append(Item(label, category, why))
    used = {i.category for i in items}
    categories = [c for c in SOURCE_LABELS if c in used or c != "document"] + [NOT_A_SOURCE]
    return SortItems(
        exercise_id,
        "Who is each source? A named person, a named organisation, someone unnamed, a "
        "media outlet, or not a source at all?",
        categories,
        items,
        hint="Can you look the source up by its name? If the story gives no name, the "
        "source is unnamed. A word that only mentions people, or a photo credit, names "
        "no one who told the story anything.",
        alarm_categories=[c for c in categories if c != NOT_A_SOURCE],
    )


def who_has_a_stake(
    article: Article, key: AnswerKey, *, exercise_id: str = "03-stake"
) -> MultipleChoice:
    """Pick the sources that are a side in the events, or tied to one (they have a stake).

    Right: the key's named organisations and outlets with ``stake`` true. Distractors:
    those with ``stake`` false or unknown, the chain's retellers with no stake (the
    writer, the website) and an agency named only in a photo credit.
    """
    check_pair(article, key)
    choices: list[Choice] = []
    seen: set[str] = set()

    def add(text: str, correct: bool, why: str) -> None:
        if text.casefold() not in seen:
            seen.add(text.casefold())
            choices.append(Choice(text, correct, why))

    unknown_added = False
    for a in records(key.attributions):
        if a["scope"] != "story" or a["source_text"] is None:
            continue
        if a["source_kind"] in ("named_organization", "media_outlet") and a["stake"] is not None:
            add(_short_name(a["resolved_source"]), bool(a["stake"]), a["explanation"])
        elif a["stake"] is None and not unknown_added and _describes_someone(a):
            unknown_added = True  # one "we cannot tell" is enough to make the point
            why = f"Nothing in the story makes them a side. {a['explanation']}"
            add(a["source_text"], False, why)
    for step in records(key.source_chain):
        if step["stake"] is False:
            add(_short_name(step["who"]), False, step["explanation"])
    for o in _photo_credits(key)[:1]:
        add(_outlet_name(o), False, o["explanation"])
    if not any(c.correct for c in choices) or all(c.correct for c in choices):
        raise ExerciseError(
            f"{key.where} needs sources with a stake and sources without one (the 'stake' "
            "field of attributions and source_chain) for this exercise."
        )
    return MultipleChoice(
        exercise_id,
        "Which of these are a side in the fight, or closely tied to one? (They have a "
        "stake: they gain or lose depending on what readers believe.)",
        mixed(choices, exercise_id),
        hint="Ask of each: is it fighting, or backing someone who fights? A news service "
        "tied to a government that backs one side counts as tied to that side.",
    )


def order_source_chain(
    article: Article, key: AnswerKey, *, exercise_id: str = "03-source-chain"
) -> OrderSteps:
    """Put the source chain in order, from the first teller to the page, leaving out look-alikes.

    Steps: the key's ``source_chain``. Distractors: agencies named only in photo
    credits (they took the pictures, not the claim) and the first named person the
    story quotes who is not in the chain (quoted, but not a link the claim passed through).
    """
    check_pair(article, key)
    chain = records(key.source_chain)
    if len(chain) < 2:
        raise ExerciseError(f"{key.where} needs a source_chain of at least two steps to order.")
    steps = [Step(_short_name(s["who"]), f"{s['role'].capitalize()}. {s['explanation']}")
             for s in chain]
    in_chain = {s.text.casefold() for s in steps}
    distractors = [Step(_outlet_name(o), o["explanation"]) for o in _photo_credits(key)]
    person = next(
        (a for a in records(key.attributions)
         if a["scope"] == "story" and a["source_kind"] == "named_person"
         and _short_name(a["resolved_source"]).casefold() not in in_chain),
        None,
    )
    if person is not None:
        distractors.append(Step(_short_name(person["resolved_source"]),
                                f"Quoted, but not a link in the chain. {person['explanation']}"))
    distractors = [d for d in distractors if d.text.casefold() not in in_chain]
    return OrderSteps(
        exercise_id,
        "How did the claim travel? Put the links in order, from the first teller to the "
        "page you read, and leave out the names that are not links.",
        steps,
        distractors=distractors,
        hint="Who saw it or said it first? Who printed it first? Who wrote this version? "
        "Who put it on this web page? Photo agencies sold pictures, not the claim.",
        leave_out_label="not a link",
    )


# --------------------------------------------------------------------------- helpers


def _short_name(who: str) -> str:
    """The name before any description ("Col. John Thomas, spokesman for ..." -> the name)."""
    return who.split(",", 1)[0].strip()


def _describes_someone(attribution: Mapping[str, Any]) -> bool:
    """True when the key says at least what kind of people the source is ("columnists"),
    not only that it is "not named": a choice needs something to judge."""
    return _short_name(attribution["resolved_source"]).casefold() != "not named"


def _group_of(text: str, attributions: list[dict[str, Any]]) -> str | None:
    """The resolved source a look-alike names, if it names a source of the key by its name."""
    wanted = text.casefold().strip()
    for a in attributions:
        named = a["source_kind"] in _NAMED_KINDS
        if named and _short_name(a["resolved_source"]).casefold() == wanted:
            return a["resolved_source"]
    return None


def _kind_of(resolved: str, attributions: list[dict[str, Any]]) -> str:
    return next(a["source_kind"] for a in attributions if a["resolved_source"] == resolved)


def _one_per_source(
    attributions: list[dict[str, Any]],
) -> dict[str, tuple[int, int, str, str]]:
    """One item per named source, one per unnamed mention: ``group -> (start, end, category,
    explanation)``. A named source is shown by its fullest mention that carries its name."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in attributions:
        named = a["source_kind"] in _NAMED_KINDS
        group = a["resolved_source"] if named else f"@{a['source_start']}"
        groups.setdefault(group, []).append(a)
    picked: dict[str, tuple[int, int, str, str]] = {}
    for group, members in groups.items():
        surname = _short_name(members[0]["resolved_source"]).split()[-1].casefold()
        best = max(members, key=lambda a: (surname in a["source_text"].casefold(),
                                           len(a["source_text"])))
        picked[group] = (int(best["source_start"]), int(best["source_end"]),
                         source_label(best["source_kind"]), best["explanation"])
    return picked


def _photo_credits(key: AnswerKey) -> list[dict[str, Any]]:
    """The first mention of each outlet named only outside the story and outside the chain
    (on a news page: the photo agencies), at most a few."""
    chain_outlets = {s["outlet"] for s in records(key.source_chain) if s["outlet"]}
    story_outlets = {o["outlet"] for o in records(key.outlets) if o["scope"] == "story"}
    found: dict[str, dict[str, Any]] = {}
    for o in records(key.outlets):
        if o["scope"] == "page" and o["outlet"] not in chain_outlets | story_outlets:
            found.setdefault(o["outlet"], o)
    return list(found.values())[:_MAX_CREDITS]


def _outlet_name(outlet: Mapping[str, Any]) -> str:
    """An outlet's name from medialit's outlet table; the words on the page if it is not there."""
    from ...detect.outlets import load_outlets

    table = load_outlets()
    names = table.loc[table["id"] == outlet["outlet"], "name"]
    return str(names.iloc[0]) if len(names) else outlet["text"]


__all__ = [
    "NOT_A_SOURCE",
    "SOURCE_LABELS",
    "order_source_chain",
    "select_sources",
    "sort_sources",
    "source_label",
    "who_has_a_stake",
]
