"""Pairing predicted spans with gold spans, shared by the benchmark scripts.

Every script scores the same way: greedy, one to one. Each prediction, in the order
given, takes the free gold span it overlaps most (by characters); a gold span is taken
at most once. Exact matching pairs only spans with the same start and end.
"""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[int, int]


def pair_spans(
    pred: Sequence[Span], gold: Sequence[Span], *, exact: bool = False
) -> dict[int, int]:
    """Greedy one-to-one pairs: index in ``pred`` -> index in ``gold``."""
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for i, (ps, pe) in enumerate(pred):
        best, best_overlap = None, 0
        for j, (gs, ge) in enumerate(gold):
            if j in taken:
                continue
            if exact:
                if (gs, ge) == (ps, pe):
                    best = j
                    break
                continue
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            taken.add(best)
            pairs[i] = best
    return pairs
