"""Turn findings into rows: resolved sources, an explanation in plain words, the table."""

from __future__ import annotations

from collections.abc import Sequence

from ..._util.frames import records_frame
from ..._util.lazy import pd
from ...vocab import SOURCE_KIND_WHY
from .records import _DTYPES, COLUMNS, NO_SPAN, Attribution, _Found
from .resolve import _resolve


def _explain(
    cue: str, explanation: str, source: str | None, kind: str, resolved: str, direct: bool
) -> str:
    """Who says it (``source`` is ``None`` when the text names no one), how we know (the
    cue and its rule's ``explanation``), and whether the source is named."""
    if source is None:
        who = "Who: the text does not say."
        tail = "A claim with no source is hard to check."
    else:
        source = source.rstrip(",")  # "X, a spokesman,"
        meaning = f" (meaning {resolved})" if resolved and resolved != source else ""
        who = f'Who: "{source}"{meaning}.'
        tail = SOURCE_KIND_WHY.get(kind, "")
    quote = " The exact words are in quotation marks." if direct else ""
    return f'{who} How we know: the cue "{cue}" ({explanation}). {tail}{quote}'


def _records(text: str, found: Sequence[_Found]) -> list[Attribution]:
    """The public rows of the findings: resolved sources, the span that covers cue,
    source and content, and the explanation.

    Each finding is unpacked into plain local values once, and corrected there, not by
    ``_replace`` copies: this runs once per attribution, and the copies and attribute
    look-ups cost more than the rest of the row.
    """
    rows = []
    for f, (resolved, kind) in zip(found, _resolve(text, found), strict=True):
        q0, q1, rule, s0, s1, source_kind, _core, _antecedent, c0, c1, direct = f
        kind = kind or source_kind
        if c0 != NO_SPAN and c1 <= c0:
            # an empty content span ("Smith told Smith ,") is no content at all
            c0, c1, direct = NO_SPAN, NO_SPAN, False
        start, end = min(q0, q1), max(q0, q1)
        if s0 != NO_SPAN:
            start, end = min(start, s0, s1), max(end, s0, s1)
        if c0 != NO_SPAN:
            start, end = min(start, c0, c1), max(end, c0, c1)
        source = text[s0:s1] if s0 != NO_SPAN else ""
        cue = text[q0:q1]
        rows.append(
            Attribution(
                start,
                end,
                text[start:end],
                cue,
                q0,
                q1,
                rule.cue_type,
                source,
                s0,
                s1,
                kind,
                resolved,
                c0,
                c1,
                bool(direct),
                _explain(
                    cue, rule.explanation, source if s0 != NO_SPAN else None, kind, resolved, direct
                ),
            )
        )
    return rows


def attribution_frame(rows: Sequence[Attribution]) -> pd.DataFrame:
    """Attribution records as the table :func:`find_attributions` returns."""
    return records_frame(rows, COLUMNS, _DTYPES)
