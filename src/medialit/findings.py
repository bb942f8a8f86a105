"""Every detector's findings for one (article, scope), computed once and read by all.

:func:`findings_for` runs each detector once per article and scope and keeps the result
for as long as the article lives; the highlighter, the charts, the handout, the review
and the exercises all read it, so none of them re-runs a detector. It holds the
detectors' own tables, the source chain, and the one findings table of :func:`analyze`.

``analyze`` runs the detectors once and reshapes their tables into the one span
format of ``docs/architecture.md``: one row per highlight with ``kind``,
``start``, ``end``, ``text``, ``label``, ``state_affiliated``, ``explanation``
and ``group`` (the rows of one attribution share a group number).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from ._util.frames import records_frame
from ._util.lazy import pd
from .detect import chain
from .detect.attribution import Attribution, attribution_frame, attribution_records
from .detect.hedges import Hedge, hedge_records
from .detect.outlets import OutletMention, mention_frame, outlet_records
from .text.article import Article, as_article
from .vocab import FINDING_KINDS

COLUMNS: tuple[str, ...] = (
    "kind",
    "start",
    "end",
    "text",
    "label",
    "state_affiliated",
    "explanation",
    "group",
)


class Finding(NamedTuple):
    kind: str
    start: int
    end: int
    text: str
    label: str
    state_affiliated: bool | None
    explanation: str
    group: int | None


_DTYPES = {
    "kind": "object",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "label": "object",
    "state_affiliated": "boolean",
    "explanation": "object",
    "group": "Int64",
}


def _has_span(start: int, end: int) -> bool:
    return start >= 0 and end > start


def _hedge_rows(hedges: list[Hedge]) -> list[Finding]:
    return [
        Finding("hedge", h.start, h.end, h.text, h.category, None, h.explanation, None)
        for h in hedges
    ]


def _outlet_rows(outlets: list[OutletMention]) -> list[Finding]:
    return [
        Finding(
            "outlet", o.start, o.end, o.text, o.typology, o.state_affiliated, o.explanation, None
        )
        for o in outlets
    ]


def _attribution_rows(
    article: Article, attributions: list[Attribution], outlets: list[OutletMention]
) -> list[Finding]:
    """An attribution becomes up to three rows: its source, its cue and (if quoted) its quote."""
    text = article.text
    rows: list[Finding] = []
    by_start = sorted(outlets, key=lambda o: o.start)
    starts = [o.start for o in by_start]
    for group, r in enumerate(attributions):
        if _has_span(r.source_start, r.source_end):
            s, e = int(r.source_start), int(r.source_end)
            affiliated = _state_affiliation(by_start, starts, s, e)
            rows.append(
                Finding("source", s, e, text[s:e], r.source_kind, affiliated, r.explanation, group)
            )
        if _has_span(r.cue_start, r.cue_end):
            s, e = int(r.cue_start), int(r.cue_end)
            rows.append(
                Finding(
                    "cue",
                    s,
                    e,
                    text[s:e],
                    r.cue_type or "cue",
                    None,
                    "This word tells you someone is being quoted or reported: "
                    "it links a claim to its source.",
                    group,
                )
            )
        if bool(r.direct_quote) and _has_span(r.content_start, r.content_end):
            s, e = int(r.content_start), int(r.content_end)
            who = r.source.rstrip(",") or "someone"  # "X, a spokesman for Y," ends a clause
            rows.append(
                Finding(
                    "quote",
                    s,
                    e,
                    text[s:e],
                    "direct_quote",
                    None,
                    f"These are the exact words of {who}, inside quotation "
                    "marks: the writer shows what was said, word for word.",
                    group,
                )
            )
    return rows


def _state_affiliation(
    outlets: list[OutletMention], starts: list[int], start: int, end: int
) -> bool | None:
    """Is an outlet named inside this source span state-affiliated? None if no outlet.

    ``outlets`` are sorted by start (``starts`` their starts): only those starting in
    the span are looked at, where checking every outlet for every source took time
    growing with the square of the article.
    """
    inside = [
        o.state_affiliated
        for o in outlets[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        if o.end <= end
    ]
    return any(inside) if inside else None


@dataclass(frozen=True, eq=False)
class Findings:
    """What every detector found in one article for one scope; each part computed once.

    The record tuples are the detectors' output. ``attributions``, ``outlets`` and
    ``chain`` are tables built on first use and shared: read them, never change them.
    ``table()`` builds the findings table afresh for each caller.
    """

    article: Article
    scope: str
    hedge_records: tuple[Hedge, ...] = field(repr=False)
    attribution_records: tuple[Attribution, ...] = field(repr=False)
    outlet_records: tuple[OutletMention, ...] = field(repr=False)

    @cached_property
    def attributions(self) -> pd.DataFrame:
        """The table :func:`medialit.find_attributions` returns."""
        return attribution_frame(self.attribution_records)

    @cached_property
    def outlets(self) -> pd.DataFrame:
        """The table :func:`medialit.find_outlets` returns."""
        return mention_frame(self.outlet_records)

    def table(self) -> pd.DataFrame:
        """Every finding in one table (see :func:`analyze`), built afresh from the stored
        records, so each caller owns its copy and no detector runs again."""
        rows = (
            _hedge_rows(list(self.hedge_records))
            + _attribution_rows(
                self.article, list(self.attribution_records), list(self.outlet_records)
            )
            + _outlet_rows(list(self.outlet_records))
        )
        order = {kind: i for i, kind in enumerate(FINDING_KINDS)}
        rows.sort(key=lambda f: (f.start, -f.end, order[f.kind]))
        return records_frame(rows, COLUMNS, _DTYPES)

    @cached_property
    def chain(self) -> pd.DataFrame:
        """Who passed the story's main claim to whom (always read from the story)."""
        story = self if self.scope == "story" else findings_for(self.article, scope="story")
        return chain.source_chain(
            self.article, attributions=story.attributions, outlets=story.outlets
        )


def findings_for(article: Article | str, *, scope: str = "story") -> Findings:
    """The findings of ``article`` for ``scope`` ("story" or "page"), computed once.

    A second call with the same Article object returns the same :class:`Findings`, so a
    lesson, a handout or a review that asks for them again costs nothing.
    """
    article = as_article(article, caller="findings_for")
    article.spans(scope)  # validates the scope before any work
    key = ("findings", scope)
    if key not in article.derived:
        article.derived[key] = Findings(
            article,
            scope,
            tuple(hedge_records(article, scope=scope)),
            tuple(attribution_records(article, scope=scope)),
            tuple(outlet_records(article, scope=scope)),
        )
    return article.derived[key]


def analyze(article: Article | str, *, scope: str = "story") -> pd.DataFrame:
    """Every finding about ``article`` in one table: hedges, sources, cues, quotes, outlets.

    ``scope="story"`` (the default) reads the headline and story; ``"page"`` reads
    every block, captions and boxes included. Each detector runs once per article and
    scope (see :func:`findings_for`); the table returned is the caller's own, built from
    the stored records (cheaper than copying a cached table).
    """
    article = as_article(article, caller="analyze")
    return findings_for(article, scope=scope).table()


def source_chain(article: Article | str) -> pd.DataFrame:
    """The ordered chain of who passed the story's main claim to whom (a copy).

    On the seed: the militia members (PMUs) -> Fars (state-affiliated, Iran) ->
    U.S. News & World Report -> AOL. See :func:`medialit.detect.chain.source_chain`.
    """
    article = as_article(article, caller="source_chain")
    return findings_for(article).chain.copy()
