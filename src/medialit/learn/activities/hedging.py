"""Lesson 2, "Hedges": exercises on the words that keep a claim at arm's length.

A hedge ("reportedly", "according to reports", "the militia members say") tells
the reader that the writer passes a claim on without standing behind it. The
exercises train three things: finding hedges among look-alikes ("literally",
"might", "roughly"), sorting them by kind, and noticing *hedge drift*: a claim
hedged at first and treated as settled later.

Every builder takes ``(article, key)`` and reads its answers from the key's
``hedges``, ``distractors``, ``blocks``, ``claims`` and ``hedge_drift``, so the
same exercises work on any article with a reviewed key (lesson 6).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...text.article import Article
from ...vocab import HEDGE_CATEGORIES
from ..exercises import Choice, ExerciseError, Item, Phrase, SelectPhrases, SingleChoice, SortItems
from ..keys import AnswerKey
from .common import check_pair, label_for, mixed, opening_passage, records, shorten


def hedge_label(category: str) -> str:
    """A key's hedge category as a learner types it: ``vague_source`` -> ``vague source``."""
    return category.replace("_", " ")


HEDGE_LABELS: tuple[str, ...] = tuple(hedge_label(c) for c in HEDGE_CATEGORIES)
"""Every hedge category the key format knows, offered even when this article has none
(an empty category is still a place a learner can wrongly put a look-alike)."""
NOT_A_HEDGE = "not a hedge"
# Key distractors that belong in a hedge exercise: look-alikes of a hedge or a vague source.
_HEDGE_LOOKALIKES = frozenset({"hedge", "vague_source"})
_CHOICE_WIDTH = 110

# What "reportedly" does. Exercise wording (not a lexicon): the right reading and
# the three misreadings learners give most often.
_REPORTEDLY_RIGHT = (
    "Someone reported it, but the story does not say who, and the writer does not "
    "vouch for it."
)
_REPORTEDLY_WRONG: tuple[tuple[str, str], ...] = (
    (
        "The writer saw it happen and is sure of it.",
        "A writer who saw it would say so. The hedge word says the opposite: the claim "
        "came from someone else.",
    ),
    (
        "Several reporters have checked it and confirmed it.",
        '"Reported" is not "confirmed". One report from someone unnamed is enough for '
        "the word; nobody has to have checked anything.",
    ),
    (
        "It is probably false.",
        "A hedge is not a denial. The claim may be true or false; the word tells you "
        "only that you cannot check it from this story.",
    ),
)


# --------------------------------------------------------------------------- builders


def select_hedges(
    article: Article,
    key: AnswerKey,
    *,
    paragraphs: int = 3,
    exercise_id: str = "02-find-hedges",
) -> SelectPhrases:
    """Pick the hedges in the story's first ``paragraphs`` paragraphs.

    The candidates are the key's hedges in those paragraphs and its look-alikes
    there (words that sound unsure or vague but are not hedges). A look-alike
    that overlaps a hedge is left out, so every candidate can be clicked alone.
    """
    check_pair(article, key)
    if not isinstance(paragraphs, int) or isinstance(paragraphs, bool) or paragraphs < 1:
        raise ExerciseError(f"paragraphs must be a whole number of at least 1, not {paragraphs!r}.")
    passage, pieces = opening_passage(key, paragraphs=paragraphs)
    hedges = [h for h in records(key.hedges) if _inside(h, pieces)]
    look_alikes = [
        d for d in records(key.distractors)
        if d["looks_like"] in _HEDGE_LOOKALIKES and _inside(d, pieces)
        and not any(_overlaps(d, h) for h in hedges)
    ]
    if not hedges or not look_alikes:
        missing = "hedges" if not hedges else "look-alikes (distractors of a hedge)"
        raise ExerciseError(
            f"{key.where} has no {missing} in the first {paragraphs} story paragraph(s). "
            "Try more paragraphs, e.g. select_hedges(article, key, paragraphs=5)."
        )
    phrases: list[Phrase] = []
    taken: list[str] = []
    for entry, correct in sorted(
        [(h, True) for h in hedges] + [(d, False) for d in look_alikes],
        key=lambda pair: pair[0]["start"],
    ):
        offset = _to_passage(entry["start"], pieces)
        label = label_for(passage, offset, offset + len(entry["text"]), taken=taken)
        if passage[offset : offset + len(label)] != label:
            continue  # the label would run over a line break: leave this one out
        taken.append(label)
        phrases.append(Phrase(label, correct, entry["explanation"], start=offset))
    return SelectPhrases(
        exercise_id,
        "Select every hedge: a word or phrase that shows the writer is passing the claim "
        "on, is unsure, or does not say who the source is.",
        passage,
        phrases,
        hint="A hedge makes the writer's claim softer or pushes it onto someone else. "
        "Words that make a claim stronger, or that belong to the people in the story, "
        "are not hedges.",
    )


def sort_hedges(
    article: Article, key: AnswerKey, *, exercise_id: str = "02-sort-hedges"
) -> SortItems:
    """Sort the story's hedges and look-alikes: reportive, epistemic, vague source, not a hedge.

    Putting a look-alike into a hedge category is a false alarm.
    """
    check_pair(article, key)
    hedges = [h for h in records(key.hedges) if h["scope"] == "story"]
    look_alikes = [
        d for d in records(key.distractors)
        if d["scope"] == "story" and d["looks_like"] in _HEDGE_LOOKALIKES
    ]
    if not hedges or not look_alikes:
        missing = "hedges" if not hedges else "look-alikes of a hedge"
        raise ExerciseError(f"{key.where} has no {missing} in the story, so there is "
                            "nothing to sort apart.")
    entries = sorted(
        [(h, hedge_label(h["category"])) for h in hedges]
        + [(d, NOT_A_HEDGE) for d in look_alikes],
        key=lambda pair: pair[0]["start"],
    )
    items: list[Item] = []
    taken: list[str] = []
    for entry, category in entries:
        label = label_for(article.text, entry["start"], entry["end"], taken=taken)
        taken.append(label)
        items.append(Item(label, category, entry["explanation"]))
    categories = list(dict.fromkeys([*HEDGE_LABELS, *(i.category for i in items), NOT_A_HEDGE]))
    return SortItems(
        exercise_id,
        "What kind of hedge is each phrase: reportive (passed on from others), epistemic "
        "(unsure), vague source (someone unnamed), question headline, or not a hedge at all?",
        categories,
        items,
        hint='"Reportedly" and "according to" pass a claim on; "may", "likely" or a '
        'question say "not sure"; "officials say" hides who. A word that makes a claim '
        "stronger, or a word about something else, is not a hedge.",
        alarm_categories=[c for c in categories if c != NOT_A_HEDGE],
    )


def what_reportedly_does(
    article: Article,
    key: AnswerKey,
    *,
    hedge: str | None = None,
    exercise_id: str = "02-reportedly",
) -> SingleChoice:
    """What a reportive hedge does to a claim: passes it on, with no one standing behind it.

    By default the hedge is the key's reportive hedge that carries a claim with
    no named source and no support (on the seed, "reportedly" in "Deserters ...
    have reportedly been boiled alive"); ``hedge`` picks another by its text.
    """
    check_pair(article, key)
    chosen = _pick_reportive(key, hedge)
    sentence = _sentence_around(article, chosen["start"], chosen["end"])
    choices = [Choice(_REPORTEDLY_RIGHT, True, chosen["explanation"])]
    choices += [Choice(text, False, why) for text, why in _REPORTEDLY_WRONG]
    return SingleChoice(
        exercise_id,
        f'"{sentence}" What does "{chosen["text"]}" tell you about this claim?',
        mixed(choices, exercise_id),
        hint="Ask: who reported it? Does the sentence say? Does the writer say they saw it?",
    )


def spot_hedge_drift(
    article: Article, key: AnswerKey, *, exercise_id: str = "02-hedge-drift"
) -> SingleChoice:
    """Which later sentence treats the hedged opening claim as settled (hedge drift)?

    The right choice is the key's first ``hedge_drift`` pair. The distractors are
    sentences the key lists as nearby support for the same claim (they talk about
    something close, not the claim itself) and later claims that are still hedged.
    """
    check_pair(article, key)
    drift = records(key.hedge_drift)
    if not drift:
        raise ExerciseError(
            f"{key.where} records no hedge drift (no claim with 'restates'), so there is "
            "nothing to spot in this article."
        )
    pair = drift[0]
    right = _sentence_around(article, pair["settled_start"], pair["settled_end"])
    found = [(pair["settled_start"], right, True, pair["explanation"])]
    for start, text, why in _drift_look_alikes(article, key, pair):
        found.append((start, text, False, why))
    choices: list[Choice] = []
    for _, text, correct, why in sorted(found, key=lambda f: f[0]):  # in story order
        label = shorten(text, _CHOICE_WIDTH)
        if all(label.casefold() != c.text.casefold() for c in choices):
            choices.append(Choice(label, correct, why))
    if len(choices) < 2:
        raise ExerciseError(
            f"{key.where} has no other sentences about the claim to tell the drifted one "
            "apart from."
        )
    hedged = _sentence_around(article, pair["hedged_start"], pair["hedged_end"])
    return SingleChoice(
        exercise_id,
        f'The story opens with a hedged claim: "{hedged}" Which later sentence treats '
        "the same claim as if it were settled?",
        choices,
        hint="Look for the sentence about the very same claim that no longer says who "
        "reported it and uses it as a fact to build on.",
    )


# --------------------------------------------------------------------------- helpers


def _inside(entry: Mapping[str, Any], pieces: list[tuple[int, int, int]]) -> bool:
    return any(s <= entry["start"] and entry["end"] <= e for s, e, _ in pieces)


def _overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _to_passage(start: int, pieces: list[tuple[int, int, int]]) -> int:
    return next(off + start - s for s, e, off in pieces if s <= start < e)


def _sentence_around(article: Article, start: int, end: int) -> str:
    """The story sentence that holds ``start``; the span itself if no sentence does."""
    for s in article.sentence_records:
        if s.start <= start < s.end:
            return article.text[s.start : max(s.end, end)].strip()
    return article.text[start:end]


def _pick_reportive(key: AnswerKey, text: str | None) -> dict[str, Any]:
    """The reportive hedge to ask about: by text, else the one carrying an unsupported claim."""
    reportive = [h for h in records(key.hedges) if h["category"] == "reportive"]
    if text is not None:
        found = [h for h in reportive if h["text"].casefold() == text.casefold()]
        if not found:
            known = ", ".join(repr(h["text"]) for h in reportive) or "(none)"
            raise ExerciseError(f"{text!r} is not a reportive hedge in {key.where}. "
                                f"Choose one of: {known}.")
        return found[0]
    if not reportive:
        raise ExerciseError(f"{key.where} has no reportive hedge (like 'reportedly') to ask about.")
    unsupported = [c for c in records(key.claims) if not c["corroborated_by"]]
    for hedge in reversed(reportive):  # the later, lonelier hedges carry the starkest claims
        if any(c["start"] <= hedge["start"] < c["end"] for c in unsupported):
            return hedge
    return reportive[-1]


def _drift_look_alikes(
    article: Article, key: AnswerKey, pair: Mapping[str, Any]
) -> list[tuple[int, str, str]]:
    """Sentences near the drifted claim that do not treat it as settled: ``(start, sentence,
    the key's reason)``, at most four."""
    # The raw key, not the claims view: the view flattens each backer to a line of
    # text, and the distractors need the backers' spans.
    claims = key.raw.get("claims", [])
    hedged = next(c for c in claims if c["id"] == pair["hedged_id"])
    found: list[tuple[int, str, str]] = []
    for backer in hedged.get("corroborated_by") or []:
        if "start" in backer:
            text = _sentence_around(article, backer["start"], backer["end"])
            found.append((backer["start"], text, f"{backer['who']}: {backer['how_far']}"))
    for claim in claims:
        still_hedged = claim["hedged_at_start"] and not claim.get("restates")
        if still_hedged and claim["start"] > hedged["end"] and claim["id"] != pair["settled_id"]:
            text = _sentence_around(article, claim["start"], claim["end"])
            found.append((claim["start"], text, claim["explanation"]))
    return found[:4]


__all__ = [
    "HEDGE_LABELS",
    "NOT_A_HEDGE",
    "hedge_label",
    "select_hedges",
    "sort_hedges",
    "spot_hedge_drift",
    "what_reportedly_does",
]
