"""How close is a draft answer key (medialit.teach.review) to a hand-checked one?

For every bundled answer key whose article can be found, build the draft key from
medialit's detectors and count, per list, the entries found at exactly the same
place (hedges and outlets by span, attributions by cue), plus the lines whose kind
agrees. The teacher's guide quotes these numbers. Usage::

    python tools/compare_draft_key.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import medialit as ml
from medialit.learn.keys import bundled_keys
from medialit.teach.review import draft_key

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"

_PLACE: dict[str, Callable[[dict[str, Any]], tuple[int, int]]] = {
    "hedges": lambda e: (e["start"], e["end"]),
    "attributions": lambda e: (e["cue"]["start"], e["cue"]["end"]),
    "outlets": lambda e: (e["start"], e["end"]),
}


def _article(name: str) -> ml.Article | None:
    """The bundled article of that name, else an example file with that stem."""
    if name in ml.bundled_articles():
        return ml.load_article(name)
    found = sorted(EXAMPLES.glob(f"{name}.*"))
    return ml.load_article(str(found[0])) if found else None


def compare(name: str) -> list[str]:
    """One line per list: how many key entries the draft has at the same place."""
    article = _article(name)
    if article is None:
        return [f"{name}: article not found, skipped"]
    key = ml.load_key(name, article=article).raw
    draft = draft_key(article)
    lines = []
    for field, place in _PLACE.items():
        truth = {place(e) for e in key[field]}
        got = {place(e) for e in draft[field]}
        lines.append(
            f"{name:32s} {field:13s} key={len(truth):3d} draft={len(got):3d} "
            f"same place={len(truth & got):3d}"
        )
    same = sum(a["kind"] == b["kind"] for a, b in zip(key["blocks"], draft["blocks"], strict=True))
    lines.append(f"{name:32s} {'blocks':13s} same kind {same}/{len(key['blocks'])}")
    return lines


def main() -> int:
    for name in bundled_keys():
        print("\n".join(compare(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
