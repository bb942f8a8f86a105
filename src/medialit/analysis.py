"""Every finding about an article in one tidy table, for renderers, charts and exercises.

``analyze`` runs the detectors once and reshapes their tables into the one span
format of ``docs/architecture.md``: one row per highlight with ``kind``,
``start``, ``end``, ``text``, ``label``, ``state_affiliated``, ``explanation``
and ``group`` (the rows of one attribution share a group number).
"""

from __future__ import annotations

from typing import NamedTuple

from ._lazy import pd
from .article import Article
from .attribution import find_attributions
from .hedges import find_hedges
from .outlets import find_outlets

FINDING_KINDS: tuple[str, ...] = ("hedge", "source", "cue", "quote", "outlet")
"""Kinds of rows in the findings table."""

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


def _has_span(start: object, end: object) -> bool:
    return not pd.isna(start) and not pd.isna(end) and int(start) >= 0 and int(end) > int(start)


def _hedge_rows(table: pd.DataFrame) -> list[Finding]:
    return [
        Finding("hedge", int(r.start), int(r.end), r.text, r.category, None, r.explanation, None)
        for r in table.itertuples(index=False)
    ]


def _outlet_rows(table: pd.DataFrame) -> list[Finding]:
    return [
        Finding(
            "outlet",
            int(r.start),
            int(r.end),
            r.text,
            r.typology,
            bool(r.state_affiliated),
            r.explanation,
            None,
        )
        for r in table.itertuples(index=False)
    ]


def _attribution_rows(
    article: Article, table: pd.DataFrame, outlets: pd.DataFrame
) -> list[Finding]:
    """An attribution becomes up to three rows: its source, its cue and (if quoted) its quote."""
    text = article.text
    rows: list[Finding] = []
    for group, r in enumerate(table.itertuples(index=False)):
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
                    "cue",
                    None,
                    f"“{text[s:e]}” is the word that tells you someone is being "
                    "quoted or reported: it links a claim to its source.",
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


def _state_affiliation(outlets: pd.DataFrame, start: int, end: int) -> bool | None:
    """Is an outlet named inside this source span state-affiliated? None if no outlet."""
    inside = outlets[(outlets.start >= start) & (outlets.end <= end)]
    if inside.empty:
        return None
    return bool(inside.state_affiliated.any())


def analyze(article: Article, *, scope: str = "story") -> pd.DataFrame:
    """Run every detector on ``article`` and return all findings in one table.

    ``scope="story"`` (the default) reads the headline and story; ``"page"`` reads
    every block, captions and boxes included.
    """
    article.spans(scope)  # validates the scope before any work
    outlets = find_outlets(article, scope=scope)
    findings = (
        _hedge_rows(find_hedges(article, scope=scope))
        + _attribution_rows(article, find_attributions(article, scope=scope), outlets)
        + _outlet_rows(outlets)
    )
    order = {kind: i for i, kind in enumerate(FINDING_KINDS)}
    findings.sort(key=lambda f: (f.start, -f.end, order[f.kind]))
    table = pd.DataFrame(findings, columns=list(COLUMNS))
    return table.astype(
        {
            "kind": "object",
            "start": "int64",
            "end": "int64",
            "text": "object",
            "label": "object",
            "state_affiliated": "boolean",
            "explanation": "object",
            "group": "Int64",
        }
    )
