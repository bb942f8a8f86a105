"""The shapes of a finding: what a cue rule finds (``_Found``) and the public row
(``Attribution``) with its columns."""

from __future__ import annotations

from typing import NamedTuple

from .lexicon import CueRule

COLUMNS: tuple[str, ...] = (
    "start",
    "end",
    "text",
    "cue",
    "cue_start",
    "cue_end",
    "cue_type",
    "source",
    "source_start",
    "source_end",
    "source_kind",
    "resolved_source",
    "content_start",
    "content_end",
    "direct_quote",
    "explanation",
)
"""Columns of :func:`find_attributions`, in order."""


NO_SPAN = -1
"""Offset used for a missing source or content span."""


class Attribution(NamedTuple):
    """One row of :func:`find_attributions` (offsets ``-1`` where a part is missing)."""

    start: int
    end: int
    text: str
    cue: str
    cue_start: int
    cue_end: int
    cue_type: str
    source: str
    source_start: int
    source_end: int
    source_kind: str
    resolved_source: str
    content_start: int
    content_end: int
    direct_quote: bool
    explanation: str


_INT_COLUMNS = (
    "start",
    "end",
    "cue_start",
    "cue_end",
    "source_start",
    "source_end",
    "content_start",
    "content_end",
)


class _Found(NamedTuple):
    cue_start: int
    cue_end: int
    rule: CueRule
    source_start: int
    source_end: int
    source_kind: str
    core: str  # the source's name or head phrase, without appositives
    antecedent: str  # for "who": the noun phrase it points to
    content_start: int
    content_end: int
    direct_quote: bool


_DTYPES = {name: "int64" for name in _INT_COLUMNS} | {"direct_quote": "bool"}
