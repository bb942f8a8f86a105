"""Lesson 5, evidence: is a claim confirmed, and do the pictures belong to the story?

Four exercises, each built from an article and its answer key (so lesson 6 can
build them again for another article):

* :func:`claim_support`: sort the key's claims by how far anyone backs them
  (not corroborated, partly, corroborated). Calling a partly backed claim
  "not corroborated" is a false alarm: doubt everything and you miss real support.
* :func:`nearby_quotes`: a claim nobody confirms, and the people the story quotes
  near it. Which of them confirms it? None: each speaks about something nearby.
  A quote on a nearby topic can stand in for confirmation without giving it.
* :func:`gallery_match`: which photo galleries show the story's place and time?
* :func:`sift_moves`: sort concrete checks on this article into the four SIFT
  moves (Mike Caulfield: Stop; Investigate the source; Find better coverage; Trace
  claims to their original context), or "not a good check".

The claims, their backers, the galleries and every explanation come from the key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ...text.article import Article
from ...vocab import VERDICTS
from ..exercises import Choice, ExerciseError, Item, MultipleChoice, SingleChoice, SortItems
from ..keys import AnswerKey
from .common import check_pair, key_list

VERDICT_WORDS: Mapping[str, str] = VERDICTS.words
"""How a key's verdict reads as a category of :func:`claim_support`."""

NONE_OF_THEM = "None of them: each one talks about something nearby, not this claim"
NO_GALLERY = "None of the galleries"

SIFT_MOVES: tuple[str, ...] = (
    "Stop",
    "Investigate the source",
    "Find better coverage",
    "Trace the claim",
)
"""The four moves of SIFT (Mike Caulfield, "SIFT (The Four Moves)", hapgood.us, 2019)."""
NOT_A_CHECK = "not a good check"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


# --------------------------------------------------------------------------- helpers


def _short(text: str, width: int = 90) -> str:
    """A claim or quote cut to a readable length at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0] + "…"


def _day(value: str) -> str | None:
    """ "2016-07-26" -> "26 July 2016"; None when the key's date is not an ISO day."""
    try:
        d = date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def date_range(first: str, last: str) -> str:
    """Two dates from a key as words: "26 July – 10 August 2016", or as written."""
    a, b = _day(first), _day(last)
    if a is None or b is None:
        return first if first == last else f"{first} – {last}"
    if a == b:
        return a
    day_a, month_a, year_a = a.split(" ")
    _, month_b, year_b = b.split(" ")
    if (month_a, year_a) == (month_b, year_b):  # same month: "9–10 June 2021"
        return f"{day_a}–{b}"
    if year_a == year_b:  # same year: name it once
        return f"{day_a} {month_a} – {b}"
    return f"{a} – {b}"


def _claim_by_id(claims: list[dict[str, Any]], claim_id: str, exercise_id: str) -> dict[str, Any]:
    for claim in claims:
        if claim["id"] == claim_id:
            return claim
    known = ", ".join(c["id"] for c in claims)
    raise ExerciseError(
        f"Exercise {exercise_id}: the key has no claim {claim_id!r}. Its claims are: {known}."
    )


# --------------------------------------------------------------------------- exercises


def claim_support(
    article: Article, key: AnswerKey, *, exercise_id: str = "05-sort-claims"
) -> SortItems:
    """Sort the key's claims: not corroborated, partly corroborated, or corroborated.

    One item per claim, in reading order (a claim whose words repeat an earlier
    one's exactly is left out). "not corroborated" is the alarm category: putting a
    claim that has some support there is a false alarm; trusting an unsupported
    claim is a miss. The key needs claims with at least two different verdicts.
    """
    check_pair(article, key)
    claims = key_list(key, "claims", exercise_id, "the article's main claims with their verdicts")
    verdicts = {c["verdict"] for c in claims}
    if len(verdicts) < 2 or verdicts == {"not_corroborated"}:
        raise ExerciseError(
            f"Exercise {exercise_id} needs claims with at least two different verdicts (one "
            "of them not 'not_corroborated'), so there is something to tell apart; "
            f"{key.where} has only {sorted(verdicts)}."
        )
    items: list[Item] = []
    seen: set[str] = set()
    for claim in claims:
        text = " ".join(claim["text"].split())
        if text.casefold() in seen:
            continue
        seen.add(text.casefold())
        items.append(Item(text, VERDICT_WORDS[claim["verdict"]], claim["explanation"]))
    return SortItems(
        exercise_id,
        "How far is each claim backed by someone other than the people who made it? "
        "Sort the claims.",
        tuple(VERDICT_WORDS.values()),
        items,
        hint=(
            "For each claim, find who else says it and what exactly they say. Someone who "
            "talks about the same topic, but not about this claim, does not confirm it."
        ),
        alarm_categories=(VERDICT_WORDS["not_corroborated"],),
    )


def _nearby_claim(claims: list[dict[str, Any]], exercise_id: str) -> dict[str, Any]:
    """The unconfirmed claim that the story props up with the most nearby quotes."""
    candidates = [c for c in claims
                  if c["verdict"] == "not_corroborated" and c.get("corroborated_by")]
    if not candidates:
        raise ExerciseError(
            f"Exercise {exercise_id} needs a claim with verdict 'not_corroborated' that "
            "lists, in corroborated_by, people quoted near it who do not confirm it; "
            "this key has none."
        )
    return max(candidates, key=lambda c: len(c["corroborated_by"]))  # first on ties


def nearby_quotes(
    article: Article,
    key: AnswerKey,
    *,
    claim: str | None = None,
    exercise_id: str = "05-nearby-quotes",
) -> SingleChoice:
    """Which of the people quoted near an unconfirmed claim confirms it? None of them.

    The claim is ``claim`` (the id of a claim with verdict ``not_corroborated``), else
    the one with the most entries in ``corroborated_by``. Each entry becomes an option
    (with the words it points to, when the key gives them) explained by its
    ``how_far``; the right option is :data:`NONE_OF_THEM`.
    """
    check_pair(article, key)
    claims = key_list(key, "claims", exercise_id, "the article's main claims with their verdicts")
    if claim is None:
        chosen = _nearby_claim(claims, exercise_id)
    else:
        chosen = _claim_by_id(claims, claim, exercise_id)
        if chosen["verdict"] != "not_corroborated" or not chosen.get("corroborated_by"):
            raise ExerciseError(
                f"Exercise {exercise_id}: claim {claim!r} must have verdict "
                "'not_corroborated' and at least one entry in corroborated_by."
            )
    choices: list[Choice] = []
    seen: set[str] = set()
    for backer in chosen["corroborated_by"]:
        text = backer["who"]
        if backer.get("text"):
            text = f"{backer['who']}: \u201c{_short(backer['text'])}\u201d"
        if text.casefold() in seen:
            continue
        seen.add(text.casefold())
        choices.append(Choice(text, False, backer["how_far"]))
    choices.append(
        Choice(
            NONE_OF_THEM,
            True,
            "Each person is quoted on a topic next to the claim (the same war, the same "
            "enemy, the same mood), so the claim feels confirmed. But none of them says "
            "this claim is true.",
        )
    )
    return SingleChoice(
        exercise_id,
        f"The claim \u201c{_short(chosen['text'])}\u201d sits near these quotes. "
        "Which of them confirms the claim itself?",
        choices,
        hint=(
            "Read each quote and ask: does it say the same thing as the claim, about the same "
            "place and time? Talking about the topic is not confirming the claim."
        ),
    )


def gallery_match(
    article: Article, key: AnswerKey, *, exercise_id: str = "05-gallery-match"
) -> MultipleChoice:
    """Which photo galleries show the story's events, its place and its time?

    One option per gallery in the key: its title, place and dates. A gallery with
    ``belongs_to_story`` is right, the others are distractors. :data:`NO_GALLERY` is
    added as an option, right only when no gallery belongs, so there is always
    something to tell apart.
    """
    check_pair(article, key)
    galleries = key_list(key, "galleries", exercise_id, "the page's photo galleries")
    choices = [
        Choice(
            f"\u201c{g['title']['text'].rstrip(': ')}\u201d: {g['place']}, "
            f"{date_range(g['date_first'], g['date_last'])}",
            bool(g["belongs_to_story"]),
            g["explanation"],
        )
        for g in galleries
    ]
    none_belong = not any(g["belongs_to_story"] for g in galleries)
    choices.append(
        Choice(
            NO_GALLERY,
            none_belong,
            "No gallery shows the story's place at the story's time; each shows another "
            "place, another time, or both."
            if none_belong
            else "At least one gallery shows the story's own place and time.",
        )
    )
    return MultipleChoice(
        exercise_id,
        "Which photo galleries show the events of the story, in the place and at the time "
        "the story is about? Pick all that apply.",
        choices,
        hint=(
            "First find the story's place and date in its text. Then compare each gallery's "
            "place and dates with them: both must match."
        ),
    )


def _chain_step(chain: Sequence[dict[str, Any]], role: str) -> dict[str, Any] | None:
    return next((s for s in chain if s["role"] == role), None)


def sift_moves(article: Article, key: AnswerKey, *, exercise_id: str = "05-sift") -> SortItems:
    """Sort checks on this article into the four SIFT moves, or "not a good check".

    The checks name this article's first publisher and the outlets that passed the
    claim on (from the key's ``source_chain``, which must have a first publisher or
    an original source). Putting a bad check under a SIFT move is a false alarm.
    """
    check_pair(article, key)
    chain = key_list(key, "source_chain", exercise_id, "the claim's path (source_chain)")
    first = _chain_step(chain, "first publisher") or _chain_step(chain, "original source")
    if first is None:
        raise ExerciseError(
            f"Exercise {exercise_id} needs a source_chain step with role 'first publisher' or "
            "'original source'."
        )
    later = [s["who"] for s in chain if s["role"] in ("retold by", "republished by")]
    if len(later) == 1:
        carried = f"{later[0]} carries it too"
    elif len(later) == 2:
        carried = f"{later[0]} and {later[1]} both carry it"
    elif later:
        carried = f"{', '.join(later[:-1])} and {later[-1]} all carry it"
    else:
        carried = "several websites carry it"
    who = first["who"]
    stop, investigate, better, trace = SIFT_MOVES
    items = [
        Item(
            "Notice how the headline makes you feel before you believe or share it.",
            stop,
            "Stop comes first: a strong feeling is a sign to slow down, not to share.",
        ),
        Item(
            f"Look up who runs {who} and what others say about it.",
            investigate,
            "Investigate the source: learn who is behind it before you weigh its words. "
            "Read about it on other sites (lateral reading), not only on its own.",
        ),
        Item(
            "Search for the same claim from outlets with no stake in it.",
            better,
            "Find better coverage: if the claim is true, independent reporters may have "
            "found it too. The word of those who gain from it is not enough.",
        ),
        Item(
            f"Find the first report by {who} and see who it quotes.",
            trace,
            "Trace the claim to its original context: retellings drop names and details, "
            "the first report shows where the claim really came from.",
        ),
        Item(
            f"Trust the claim because {carried}.",
            NOT_A_CHECK,
            "A story copied from one source is still one source. Many copies are not "
            "many confirmations.",
        ),
        Item(
            "Accept the claim because named officials are quoted in the same story.",
            NOT_A_CHECK,
            "Check what the officials actually say. A quote next to a claim is not "
            "confirmation of that claim.",
        ),
    ]
    return SortItems(
        exercise_id,
        "SIFT has four moves. Which move is each check? Some are not good checks at all.",
        (*SIFT_MOVES, NOT_A_CHECK),
        items,
        hint=(
            "Stop: notice your reaction. Investigate: who is behind it? Find better coverage: "
            "who else reports it? Trace: where did it first appear?"
        ),
        alarm_categories=SIFT_MOVES,
    )


__all__ = [
    "NONE_OF_THEM",
    "NOT_A_CHECK",
    "NO_GALLERY",
    "SIFT_MOVES",
    "VERDICT_WORDS",
    "claim_support",
    "date_range",
    "gallery_match",
    "nearby_quotes",
    "sift_moves",
]
