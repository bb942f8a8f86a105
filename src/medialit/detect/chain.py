"""Who passed the claim to whom: from the first teller to the page the reader sees.

News often reaches a reader through several hands. ``source_chain`` rebuilds
that path from what the article itself says, in this order:

1. the original source: the first source the story names for its main claim
   (a person, a group, "reports from ..."), when it is not a news outlet;
2. the news outlets the story says reported it first ("first reported by Fars");
3. the publisher that wrote this story (metadata, or the copyright line);
4. the site that republished it (metadata ``republished_by``).

Each step says where in the text (or metadata) the link comes from, so a learner
can check it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .._util.lazy import pd
from ..text.article import Article, as_article
from ..vocab import CHAIN_ROLES
from .attribution import find_attributions
from .outlets import find_outlets, outlet_card

CHAIN_COLUMNS = (
    "step",
    "who",
    "role",
    "evidence",
    "evidence_start",
    "evidence_end",
    "outlet_id",
    "state_affiliated",
    "country",
    "explanation",
)

_COPYRIGHT_RE = re.compile(r"^(?:copyright|©|\(c\))\s*(?:\d{4}\s*)?(?:,\s*)?(?P<who>.+?)\.?$", re.I)


class Step(NamedTuple):
    who: str
    role: str
    evidence: str
    evidence_start: int
    evidence_end: int
    outlet_id: str | None
    state_affiliated: bool | None
    country: str | None
    explanation: str


def _outlet_in(outlets: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """The first outlet mention that lies inside ``[start, end)``, if any."""
    inside = outlets[(outlets.start >= start) & (outlets.end <= end)]
    return None if inside.empty else inside.iloc[0]


def _outlet_step(outlet: pd.Series, role: str, evidence: str, start: int, end: int) -> Step:
    affiliated = bool(outlet.state_affiliated)
    where = f" in {outlet.country}" if isinstance(outlet.country, str) and outlet.country else ""
    if affiliated:
        why = (
            f"{outlet['name']} is state-affiliated media{where}: a government or those close "
            "to it control it, so it may carry that government's side of a story."
        )
    else:
        why = f"{outlet['name']} is a news outlet that is not state-controlled."
    return Step(
        outlet["name"],
        role,
        evidence,
        start,
        end,
        outlet.outlet_id,
        affiliated,
        outlet.country if isinstance(outlet.country, str) else None,
        why,
    )


def _original_source(article: Article, attributions: pd.DataFrame) -> Step | None:
    """The first named-or-unnamed source that is not a news outlet."""
    for row in attributions.itertuples(index=False):
        if row.source_kind == "media_outlet" or not row.source:
            continue
        start, end = int(row.source_start), int(row.source_end)
        return Step(
            row.source,
            CHAIN_ROLES.word("original source"),
            article.text[start:end],
            start,
            end,
            None,
            None,
            None,
            "This is where the story says the claim comes from. "
            "Ask: who are they, and do they have a stake in the story?",
        )
    return None


def _reporting_outlets(
    article: Article, attributions: pd.DataFrame, outlets: pd.DataFrame
) -> list[Step]:
    """Outlets the story names as sources ("first reported by X", "according to X")."""
    steps: list[Step] = []
    for row in attributions.itertuples(index=False):
        if row.source_kind != "media_outlet" or not row.source:
            continue
        start, end = int(row.source_start), int(row.source_end)
        outlet = _outlet_in(outlets, start, end)
        evidence_start = min(int(row.cue_start), start)
        evidence_end = max(int(row.cue_end), end)
        evidence = article.text[evidence_start:evidence_end]
        if outlet is None:
            steps.append(
                Step(
                    row.source,
                    "reported it",
                    evidence,
                    evidence_start,
                    evidence_end,
                    None,
                    None,
                    None,
                    "The story names this outlet as a source.",
                )
            )
            continue
        step = _outlet_step(
            outlet,
            CHAIN_ROLES.word("first publisher" if "first" in evidence.lower() else "reported by"),
            evidence,
            evidence_start,
            evidence_end,
        )
        steps.append(step)
    # "first reported" goes first; otherwise keep the order of the text.
    steps.sort(key=lambda s: s.role != CHAIN_ROLES.word("first publisher"))
    return steps


def _card(name: str) -> dict | None:
    """The outlet card for a publisher's name, or None when the table does not know it."""
    try:
        return outlet_card(name)
    except (LookupError, ValueError):
        return None


def _named_outlet_step(
    name: str, role: str, evidence: str, start: int, end: int, explanation: str
) -> Step:
    card = _card(name)
    if card is None:
        return Step(name, role, evidence, start, end, None, None, None, explanation)
    if card["state_affiliated"]:
        explanation += f" It is state-affiliated media ({card['country']})."
    return Step(
        card["name"],
        role,
        evidence,
        start,
        end,
        card["id"],
        bool(card["state_affiliated"]),
        card["country"],
        explanation,
    )


def _publisher(article: Article) -> Step | None:
    name = article.metadata.get("publisher")
    if name:
        return _named_outlet_step(
            str(name),
            CHAIN_ROLES.word("retold by"),
            "the article's metadata: publisher",
            -1,
            -1,
            f"{name} wrote this version of the story and retold the claim.",
        )
    for block in article.block_records:
        if block.kind == "copyright":
            match = _COPYRIGHT_RE.match(block.text)
            if match:
                who = match.group("who").strip()
                return _named_outlet_step(
                    who,
                    CHAIN_ROLES.word("retold by"),
                    block.text,
                    block.start,
                    block.end,
                    f"The copyright line says {who} owns this story's text.",
                )
    return None


def _republisher(article: Article) -> Step | None:
    name = article.metadata.get("republished_by")
    if not name:
        return None
    return _named_outlet_step(
        str(name),
        CHAIN_ROLES.word("republished by"),
        "the article's metadata: republished by",
        -1,
        -1,
        f"{name} put the story on its own page, with its own pictures and boxes around it.",
    )


def source_chain(
    article: Article | str,
    *,
    attributions: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ordered chain of who passed the story's main claim to whom.

    On the seed: the militia members (PMUs) -> Fars (state-affiliated, Iran) ->
    U.S. News & World Report -> AOL. ``attributions`` and ``outlets`` are the story's
    :func:`find_attributions` and :func:`find_outlets` tables when the caller has them
    already (``medialit.findings`` does), so the detectors do not run twice.
    """
    article = as_article(article, caller="source_chain")
    if attributions is None:
        attributions = find_attributions(article)
    outlets_story = find_outlets(article) if outlets is None else outlets
    steps: list[Step] = []
    for step in (
        _original_source(article, attributions),
        *_reporting_outlets(article, attributions, outlets_story),
        _publisher(article),
        _republisher(article),
    ):
        if step is not None and all(step.who.casefold() != s.who.casefold() for s in steps):
            steps.append(step)
    table = pd.DataFrame(steps, columns=list(CHAIN_COLUMNS[1:]))
    table.insert(0, "step", range(1, len(table) + 1))  # step 1 first, as learners count
    return table.astype(
        {
            "step": "int64",
            "evidence_start": "int64",
            "evidence_end": "int64",
            "state_affiliated": "boolean",
        }
    )
