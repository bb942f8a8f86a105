"""Lesson 4, state media: who is behind an outlet, and who gains from a claim.

Three exercises, each built from an article and its answer key, so lesson 6 can
build them again for any article a teacher has saved a key for:

* :func:`outlet_sort`: sort the outlets the page names (plus a few well-known
  look-alikes) into state-affiliated or not. Public money alone does not make an
  outlet state media (the BBC), and a photo credit from a news agency is not a
  sign of state media (Reuters, AFP): these are the distractors.
* :func:`outlet_typology`: read an outlet card and pick the outlet's class in the
  State Media Monitor typology (SC, CaPu, CaPr, ISFM, ISF, ISM, IP, or not state media).
* :func:`conflict_of_interest`: which statements about the claim's path are true?
  "X: state-affiliated media" and "X: gains if readers believe the claim", for
  every link of the key's ``source_chain`` (its ``state_affiliated`` and ``stake``).

Facts about outlets come from ``data/outlets.csv`` and ``data/outlet_typology.csv``
(built from the State Media Profiles project's table, seeded by the State Media
Monitor; see ``data/CREDITS.md``); the answers and their explanations come from the key.
Problems with the key raise :class:`~medialit.learn.exercises.ExerciseError`, as in the
other lesson modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ...detect.outlets import load_outlets, typology_codes
from ...text.article import Article
from ..exercises import Choice, ExerciseError, Item, MultipleChoice, SingleChoice, SortItems
from ..keys import AnswerKey
from .common import check_pair, key_list, mixed

STATE = "state-affiliated"
NOT_STATE = "not state-affiliated"
OUTLET_CATEGORIES: tuple[str, str] = (STATE, NOT_STATE)
"""The two bins of :func:`outlet_sort`; putting an outlet in ``STATE`` is the "alarm"."""

DEFAULT_EXTRA_OUTLETS: tuple[str, ...] = ("associated-press", "bbc", "press-tv")
"""Outlets added to the sort when the page does not name them (ids in ``data/outlets.csv``).

The Associated Press is a private cooperative; the BBC is publicly funded but
independent (the classic look-alike); Press TV is Iran's state broadcaster, sanctioned
by the U.S. Treasury in September 2023 together with Fars and Tasnim.
"""


# --------------------------------------------------------------------------- helpers


def _outlet_rows() -> dict[str, dict[str, Any]]:
    """The outlet table as plain dicts keyed by outlet id (the file is read once)."""
    return {row["id"]: row for row in load_outlets().to_dict("records")}


def _class_words(code: str) -> str:
    """How a typology code reads in a choice: "state-controlled media (SC)"."""
    label = typology_codes()[code].label
    return label if code == "private" else f"{label} ({code})"


def table_explanation(row: Mapping[str, Any]) -> str:
    """Why an outlet from the table is, or is not, state-affiliated, in plain words.

    Used for outlets the key does not explain (outlets the page does not name).
    """
    code = row["typology"]
    typ = typology_codes()[code]
    note = str(row["ownership_note"]).strip()
    if code == "private":
        return f"{note} No government owns or runs it, so it is not state media."
    if row["state_affiliated"]:
        return f"{note} The State Media Monitor calls it {typ.label} ({code}): {typ.meaning}."
    # Public media that keep their newsroom free: the most common look-alike.
    return (
        f"{note} The State Media Monitor calls it {typ.label} ({code}): {typ.meaning}. "
        "Public money alone does not make an outlet state media."
    )


def _display_name(row: Mapping[str, Any] | None, mention: str, fullest: str) -> str:
    """The outlet's name, with the form the page used when that reads differently.

    An outlet the table does not know (a local paper) is shown by the fullest form
    the page uses ("The Alder Falls Ledger", not the byline's "Ledger").
    """
    if row is None:
        return fullest
    name = str(row["name"])
    if mention.casefold() in name.casefold():
        return name
    return f"{name} ({mention})"


# --------------------------------------------------------------------------- exercises


def outlet_sort(
    article: Article,
    key: AnswerKey,
    *,
    extra: Sequence[str] = DEFAULT_EXTRA_OUTLETS,
    exercise_id: str = "04-sort-outlets",
) -> SortItems:
    """Sort the outlets the page names, plus ``extra`` outlets, into state-affiliated or not.

    One item per outlet in the key (first mention, in reading order), then one per
    ``extra`` outlet id from the outlet table that the page does not name. The
    category comes from the key (for extras, from the table). The explanation is the
    key's "looks like state media" distractor when it has one for that outlet
    (written to tell look-alikes apart), else the key's explanation of the outlet's
    first mention. Calling a non-state outlet state-affiliated is a false alarm.
    """
    check_pair(article, key)
    mentions = key_list(key, "outlets", exercise_id, "the outlets the article names")
    rows = _outlet_rows()
    lookalike = {
        (d["start"], d["end"]): d["explanation"]
        for d in key.raw.get("distractors", [])
        if d["looks_like"] == "state_media"
    }
    first: dict[str, dict[str, Any]] = {}
    longest: dict[str, str] = {}  # the fullest form, for outlets the table does not know
    why: dict[str, str] = {}
    for mention in mentions:
        outlet_id = mention["outlet"]
        first.setdefault(outlet_id, mention)
        if len(mention["text"]) > len(longest.get(outlet_id, "")):
            longest[outlet_id] = mention["text"]
        span = (mention["start"], mention["end"])
        if span in lookalike and outlet_id not in why:
            why[outlet_id] = lookalike[span]
    items = [
        Item(
            _display_name(rows.get(outlet_id), m["text"], longest[outlet_id]),
            STATE if m["state_affiliated"] else NOT_STATE,
            why.get(outlet_id, m["explanation"]),
        )
        for outlet_id, m in first.items()
    ]
    for outlet_id in extra:
        if outlet_id in first:
            continue
        row = rows.get(outlet_id)
        if row is None:
            raise ExerciseError(
                f"Exercise {exercise_id}: {outlet_id!r} is not the id of an outlet in "
                "medialit's table; see ml.load_outlets()['id'] for the ids."
            )
        category = STATE if row["state_affiliated"] else NOT_STATE
        items.append(Item(str(row["name"]), category, table_explanation(row)))
    if len({item.category for item in items}) < 2:
        raise ExerciseError(
            f"Exercise {exercise_id}: every outlet here is {items[0].category}, so there is "
            "nothing to tell apart. Pass extra=(...) with outlet ids from the other side "
            "(see ml.load_outlets())."
        )
    return SortItems(
        exercise_id,
        "Sort each news outlet: is it state-affiliated media, or not?",
        OUTLET_CATEGORIES,
        items,
        hint=(
            'Look each one up with ml.outlet_card("name") and read its typology. '
            "Being paid partly by a government is not the same as being run by it."
        ),
        alarm_categories=(STATE,),
    )


def _pick_outlet(key: AnswerKey, outlet: str | None, exercise_id: str) -> str:
    """The outlet id the typology question asks about: given, else the first state one."""
    mentions = key_list(key, "outlets", exercise_id, "the outlets the article names")
    if outlet is not None:
        if not any(m["outlet"] == outlet for m in mentions):
            named = ", ".join(sorted({m["outlet"] for m in mentions}))
            raise ExerciseError(
                f"Exercise {exercise_id}: {key.where} names no outlet {outlet!r}. "
                f"It names: {named}."
            )
        return outlet
    # A state outlet in the story itself is the one worth asking about; then any.
    ordered = sorted(mentions, key=lambda m: (m.get("scope") != "story", m["start"]))
    for mention in ordered:
        if mention["state_affiliated"]:
            return mention["outlet"]
    return ordered[0]["outlet"]


def outlet_typology(
    article: Article,
    key: AnswerKey,
    *,
    outlet: str | None = None,
    codes: Iterable[str] | None = None,
    exercise_id: str = "04-outlet-class",
) -> SingleChoice:
    """Pick the State Media Monitor class of an outlet the article names.

    The outlet is ``outlet`` (an outlet id in the key), else the first
    state-affiliated outlet the story names, else the first outlet named. The
    choices are ``codes`` (default: every code of ``data/outlet_typology.csv``), each
    explained in plain words, in an order fixed by the exercise id.
    """
    check_pair(article, key)
    outlet_id = _pick_outlet(key, outlet, exercise_id)
    row = _outlet_rows().get(outlet_id)
    if row is None:
        raise ExerciseError(
            f"Exercise {exercise_id}: the key's outlet {outlet_id!r} is not in medialit's "
            "outlet table, so its class is unknown. Use an id from ml.load_outlets()['id']."
        )
    table = typology_codes()
    shown = list(codes) if codes is not None else list(table)
    unknown = [c for c in shown if c not in table]
    if unknown:
        raise ExerciseError(
            f"Exercise {exercise_id}: {unknown} are not typology codes; "
            f"use some of {list(table)}."
        )
    if row["typology"] not in shown:
        shown.append(row["typology"])
    name = str(row["name"])
    choices = []
    for code in shown:
        meaning = f"{_class_words(code)} means {table[code].meaning}."
        if code == row["typology"]:
            explanation = f"{meaning} {str(row['ownership_note']).strip()}"
        else:
            explanation = f"{meaning} That is not how the table classes {name}."
        choices.append(Choice(_class_words(code), code == row["typology"], explanation))
    return SingleChoice(
        exercise_id,
        f"Read the outlet card of {name}. Which class of the State Media Monitor "
        "typology does it belong to?",
        mixed(choices, exercise_id),
        hint=f"Run ml.outlet_card(\"{outlet_id}\") and read 'typology' and 'typology_label'.",
    )


def _statements(step: Mapping[str, Any], rows: Mapping[str, Mapping[str, Any]]) -> list[Choice]:
    """The true-or-false statements one link of the chain gives: state media? a stake?"""
    who = step["who"]
    out = []
    if step.get("state_affiliated") is not None:
        row = rows.get(step.get("outlet") or "")
        # The outlet table says who is behind it; the chain says what it did with the claim.
        why = table_explanation(row) if row is not None else step["explanation"]
        out.append(Choice(f"{who}: state-affiliated media", bool(step["state_affiliated"]),
                          why))
    if step.get("stake") is not None:
        out.append(Choice(f"{who}: gains if readers believe the claim", bool(step["stake"]),
                          step["explanation"]))
    return out


def conflict_of_interest(
    article: Article, key: AnswerKey, *, exercise_id: str = "04-conflict-of-interest"
) -> MultipleChoice:
    """Which statements about the claim's path are true? State media, and who has a stake.

    For every step of the key's ``source_chain``: "X: state-affiliated media"
    (when ``state_affiliated`` is known; explained by the outlet table when the step
    names an outlet) and "X: gains if readers believe the claim" (when ``stake`` is
    known; explained by the step). A conflict of interest is where the two meet: an
    outlet tied to one side, carrying that side's claim. The key must give at least
    one true and one false statement.
    """
    check_pair(article, key)
    chain = key_list(key, "source_chain", exercise_id, "the claim's path (source_chain)")
    rows = _outlet_rows()
    choices = [c for step in chain for c in _statements(step, rows)]
    if not any(c.correct for c in choices) or all(c.correct for c in choices):
        raise ExerciseError(
            f"Exercise {exercise_id} needs a source_chain whose 'state_affiliated' and "
            "'stake' fields give at least one true and one false statement; in "
            f"{key.where} {sum(c.correct for c in choices)} of {len(choices)} are true."
        )
    return MultipleChoice(
        exercise_id,
        "A conflict of interest means someone gains if you believe a claim. Which of these "
        "statements about the claim's path are true? Pick all that apply.",
        mixed(choices, exercise_id),
        hint=(
            "For each link ask: does a government control it (see its outlet card)? Is it a "
            "side in the events, or tied to one? Passing a story on is not the same as "
            "gaining from it."
        ),
    )


__all__ = [
    "DEFAULT_EXTRA_OUTLETS",
    "NOT_STATE",
    "OUTLET_CATEGORIES",
    "STATE",
    "conflict_of_interest",
    "outlet_sort",
    "outlet_typology",
    "table_explanation",
]
