"""Every finding about an article in one tidy table, for renderers, charts and exercises.

``analyze`` runs the detectors once and reshapes their tables into the one span
format of ``docs/architecture.md``: one row per highlight with ``kind``,
``start``, ``end``, ``text``, ``label``, ``state_affiliated``, ``explanation``
and ``group`` (the rows of one attribution share a group number).
"""

from __future__ import annotations

from typing import NamedTuple

from ._util.frames import records_frame
from ._util.lazy import pd
from .detect.attribution import Attribution, attribution_records
from .detect.hedges import Hedge, hedge_records
from .detect.outlets import OutletMention, outlet_records
from .text.article import Article
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
    for group, r in enumerate(attributions):
        if _has_span(r.source_start, r.source_end):
            s, e = int(r.source_start), int(r.source_end)
            affiliated = _state_affiliation(outlets, s, e)
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
            who = r.source or "someone"
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


def _state_affiliation(outlets: list[OutletMention], start: int, end: int) -> bool | None:
    """Is an outlet named inside this source span state-affiliated? None if no outlet."""
    inside = [o.state_affiliated for o in outlets if start <= o.start and o.end <= end]
    return any(inside) if inside else None


def analyze(article: Article, *, scope: str = "story") -> pd.DataFrame:
    """Run every detector on ``article`` and return all findings in one table.

    ``scope="story"`` (the default) reads the headline and story; ``"page"`` reads
    every block, captions and boxes included.
    """
    article.spans(scope)  # validates the scope before any work
    outlets = outlet_records(article, scope=scope)
    findings = (
        _hedge_rows(hedge_records(article, scope=scope))
        + _attribution_rows(article, attribution_records(article, scope=scope), outlets)
        + _outlet_rows(outlets)
    )
    order = {kind: i for i, kind in enumerate(FINDING_KINDS)}
    findings.sort(key=lambda f: (f.start, -f.end, order[f.kind]))
    return records_frame(findings, COLUMNS, _DTYPES)
