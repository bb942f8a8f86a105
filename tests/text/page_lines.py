"""Lines written for the copied-page tests: a short story and a page header around it.

Each shape is one that real copied pages have; no text comes from a real page.
"""

from __future__ import annotations

import medialit as ml

STORY = [
    "The old lighthouse on the north cape will be repaired next spring, the harbour "
    "board said on Thursday, after storms damaged its roof and lamp room.",
    "Work will take about four months, and the light will be replaced by a temporary "
    "beacon on the pier while the builders are there.",
    "\"We want it to shine for another hundred years,\" said Mira Olsen, who chairs the "
    "board's heritage committee.",
]


def story_of(article: ml.Article) -> list[str]:
    """The texts of the article's story blocks, in order."""
    return [b.text for b in article.block_records if b.kind == "story"]
