"""Turn findings into rows: resolved sources, an explanation in plain words, the table."""

from __future__ import annotations

from collections.abc import Sequence

from ..._util.frames import records_frame
from ..._util.lazy import pd
from ...vocab import SOURCE_KIND_WHY
from .records import _DTYPES, COLUMNS, NO_SPAN, Attribution, _Found
from .resolve import _resolve


def _explain(
    text: str, f: _Found, source: str, kind: str, resolved: str, direct: bool
) -> str:
    """Who says it, how we know (the cue), and whether the source is named."""
    cue = text[f.cue_start : f.cue_end]
    if f.source_start == NO_SPAN:
        who = "Who: the text does not say."
        tail = "A claim with no source is hard to check."
    else:
        source = source.rstrip(",")  # "X, a spokesman,"
        meaning = f" (meaning {resolved})" if resolved and resolved != source else ""
        who = f'Who: "{source}"{meaning}.'
        tail = SOURCE_KIND_WHY.get(kind, "")
    quote = " The exact words are in quotation marks." if direct else ""
    return f'{who} How we know: the cue "{cue}" ({f.rule.explanation}). {tail}{quote}'


def _records(text: str, found: Sequence[_Found]) -> list[Attribution]:
    """The public rows of the findings: resolved sources, the span that covers cue,
    source and content, and the explanation.

    The corrected fields are plain local values, not a ``_replace`` copy of each finding:
    this runs once per attribution, and the copies cost more than the rest of the row.
    """
    rows = []
    for f, (resolved, kind) in zip(found, _resolve(text, found), strict=True):
        kind = kind or f.source_kind
        c0, c1, direct = f.content_start, f.content_end, f.direct_quote
        if c0 != NO_SPAN and c1 <= c0:
            # an empty content span ("Smith told Smith ,") is no content at all
            c0, c1, direct = NO_SPAN, NO_SPAN, False
        s0, s1 = f.source_start, f.source_end
        start, end = min(f.cue_start, f.cue_end), max(f.cue_start, f.cue_end)
        if s0 != NO_SPAN:
            start, end = min(start, s0, s1), max(end, s0, s1)
        if c0 != NO_SPAN:
            start, end = min(start, c0, c1), max(end, c0, c1)
        source = text[s0:s1] if s0 != NO_SPAN else ""
        rows.append(
            Attribution(
                start,
                end,
                text[start:end],
                text[f.cue_start : f.cue_end],
                f.cue_start,
                f.cue_end,
                f.rule.cue_type,
                source,
                s0,
                s1,
                kind,
                resolved,
                c0,
                c1,
                bool(direct),
                _explain(text, f, source, kind, resolved, direct),
            )
        )
    return rows


def attribution_frame(rows: Sequence[Attribution]) -> pd.DataFrame:
    """Attribution records as the table :func:`find_attributions` returns."""
    return records_frame(rows, COLUMNS, _DTYPES)
