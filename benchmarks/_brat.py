"""Reading PolNeAR's brat standoff files, shared by the attribution benchmarks.

PolNeAR (``../shared/polnear-*``) keeps each article's text in ``text/NAME.txt`` and
its annotations in ``attributions/NAME_ANNOTATOR.ann``, one file per annotator; the
benchmarks read the first file in sorted order. The texts stay where they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def annotated_articles(folder: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(name, text, annotation lines) of every article, in name order."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for name, ann in sorted(chosen.items()):
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        yield name, text, ann.read_text(encoding="utf-8").splitlines()


def brat_span(pieces: str) -> tuple[int, int]:
    """The span a text-bound annotation covers ("12 30" or, in pieces, "12 20;22 30")."""
    bounds = [tuple(map(int, piece.split())) for piece in pieces.split(";")]
    return bounds[0][0], bounds[-1][1]
