"""Who passed the claim to whom: from the first teller to the page the reader sees.

News often reaches a reader through several hands. ``source_chain`` rebuilds
that path from what the article itself says, in this order:

1. the original source: the first source the story names for its main claim
   (a person, a group, "reports from ..."), when it is not a news outlet. It is
   always a real source span: a noun phrase, never a lone pronoun or relative word
   ("he", "which", "who");
2. the news outlets the text ties to that claim: one the story says reported it
   first ("first reported by Fars"), and one whose attribution shares a sentence
   with the original source's or holds it ("officials said, according to KCNA",
   "state media reported that officials said ..."). An outlet that reported
   something else elsewhere in the story is no step of this chain;
3. the publisher that wrote this story (metadata, or the copyright line);
4. the site that republished it (metadata ``republished_by``).

Each step says where in the text (or metadata) the link comes from, so a learner
can check it: the chain holds only steps that an attribution or the article's
metadata supports.
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


# A source span of one of these words is no real source: it only points elsewhere.
_POINTERS = frozenset(
    {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "which", "that"}
)


def _is_real_source(row: tuple) -> bool:
    """Is the attribution's source a noun phrase that can speak (not "he", "which")?"""
    source = str(row.source).strip()
    return bool(source) and source.lower() not in _POINTERS and source[:1].isalnum()


def _original_row(attributions: pd.DataFrame) -> tuple | None:
    """The first attribution whose source is a real source span and not a news outlet."""
    for row in attributions.itertuples(index=False):
        if row.source_kind != "media_outlet" and _is_real_source(row):
            return row
    return None


def _original_source(article: Article, row: tuple | None) -> Step | None:
    """The original source's step (see :func:`_original_row`)."""
    if row is not None:
        start, end = int(row.source_start), int(row.source_end)
        return Step(
            str(row.source).rstrip(","),  # "Jane Doe, a spokeswoman," reads without its comma
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


def _sentence_of(article: Article, pos: int) -> tuple[int, int]:
    """The sentence (or, outside the story, the block) that holds offset ``pos``."""
    for sentence in article.sentence_records:
        if sentence.start <= pos < sentence.end:
            return sentence.start, sentence.end
    for block in article.block_records:
        if block.start <= pos < block.end:
            return block.start, block.end
    return pos, pos + 1


def _supports(article: Article, row: tuple, original: tuple | None) -> bool:
    """Does the text tie the outlet's attribution ``row`` to the original source's claim?
    It "first reported" the news, or it shares a sentence with the original source's
    attribution, or one holds the other in its content."""
    cue = str(row.cue).lower()
    if "first" in cue or "broke" in cue:
        return True
    if original is None:
        return False
    if _sentence_of(article, int(row.cue_start)) == _sentence_of(article, int(original.cue_start)):
        return True
    for outer, inner in ((row, original), (original, row)):
        if int(outer.content_start) <= int(inner.cue_start) < int(outer.content_end):
            return True
    return False


def _reporting_outlets(
    article: Article, attributions: pd.DataFrame, outlets: pd.DataFrame, original: tuple | None
) -> list[Step]:
    """Outlets the story ties to the original claim ("first reported by X", "..., officials
    said, according to X"); see :func:`_supports`."""
    steps: list[Step] = []
    if original is None:
        # no one but news outlets is named: the first outlet is where the claim starts
        original = next(
            (r for r in attributions.itertuples(index=False) if r.source_kind == "media_outlet"),
            None,
        )
    for row in attributions.itertuples(index=False):
        if row.source_kind != "media_outlet" or not row.source:
            continue
        if row != original and not _supports(article, row, original):
            continue  # the outlet reported something else: no step of this chain
        start, end = int(row.source_start), int(row.source_end)
        outlet = _outlet_in(outlets, start, end)
        evidence_start = min(int(row.cue_start), start)
        evidence_end = max(int(row.cue_end), end)
        evidence = article.text[evidence_start:evidence_end]
        resolved = str(row.resolved_source or "")
        if outlet is None and resolved and resolved != row.source:
            # "state media reported": the outlet the article names nearby
            role = CHAIN_ROLES.word(
                "first publisher" if "first" in evidence.lower() else "reported by"
            )
            steps.append(
                _named_outlet_step(
                    resolved,
                    role,
                    evidence,
                    evidence_start,
                    evidence_end,
                    f'The story says "{row.source}" reported it; the outlet it names '
                    f"nearby is {resolved}.",
                )
            )
            continue
        if outlet is None:
            steps.append(
                Step(
                    row.source,
                    CHAIN_ROLES.word("reported by"),
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
    original = _original_row(attributions)
    steps: list[Step] = []
    for step in (
        _original_source(article, original),
        *_reporting_outlets(article, attributions, outlets_story, original),
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
