"""Turn findings into rows: resolved sources, an explanation in plain words, the table."""

from __future__ import annotations

from collections.abc import Sequence

from ..._util.frames import records_frame
from ..._util.lazy import pd
from ...vocab import SOURCE_KIND_WHY
from .records import _DTYPES, COLUMNS, NO_SPAN, Attribution, _Found
from .resolve import _resolve


def _explain(text: str, f: _Found, resolved: str) -> str:
    """Who says it, how we know (the cue), and whether the source is named."""
    cue = text[f.cue_start : f.cue_end]
    if f.source_start == NO_SPAN:
        who = "Who: the text does not say."
        tail = "A claim with no source is hard to check."
    else:
        source = text[f.source_start : f.source_end].rstrip(",")  # "X, a spokesman,"
        meaning = f" (meaning {resolved})" if resolved and resolved != source else ""
        who = f'Who: "{source}"{meaning}.'
        tail = SOURCE_KIND_WHY.get(f.source_kind, "")
    quote = " The exact words are in quotation marks." if f.direct_quote else ""
    return f'{who} How we know: the cue "{cue}" ({f.rule.explanation}). {tail}{quote}'


def _records(text: str, found: Sequence[_Found]) -> list[Attribution]:
    rows = []
    for f, (resolved, kind) in zip(found, _resolve(text, found), strict=True):
        f = f._replace(source_kind=kind) if kind else f
        if f.content_start != NO_SPAN and f.content_end <= f.content_start:
            # an empty content span ("Smith told Smith ,") is no content at all
            f = f._replace(content_start=NO_SPAN, content_end=NO_SPAN, direct_quote=False)
        points = [f.cue_start, f.cue_end]
        for a, b in ((f.source_start, f.source_end), (f.content_start, f.content_end)):
            if a != NO_SPAN:
                points += [a, b]
        start, end = min(points), max(points)
        source = text[f.source_start : f.source_end] if f.source_start != NO_SPAN else ""
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
                f.source_start,
                f.source_end,
                f.source_kind,
                resolved,
                f.content_start,
                f.content_end,
                bool(f.direct_quote),
                _explain(text, f, resolved),
            )
        )
    return rows


def attribution_frame(rows: Sequence[Attribution]) -> pd.DataFrame:
    """Attribution records as the table :func:`find_attributions` returns."""
    return records_frame(rows, COLUMNS, _DTYPES)
