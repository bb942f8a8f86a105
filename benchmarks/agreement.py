"""How well do PolNeAR's own annotators agree? The human ceiling for the attribution scores.

Usage::

    .venv/bin/python benchmarks/agreement.py [--folder DIR ...]

A few PolNeAR articles were annotated by five or six people (18 of the 924 in
``../shared/polnear-train`` and ``../shared/polnear-dev``). For every ordered pair of
annotators of the same article, one is taken as gold and the other as the prediction,
and the spans are matched exactly as ``eval_attribution.py`` matches the detector's
(one-to-one, by overlap or exact). The counts are summed over all pairs, so the figure
is the F1 one annotator would score against another: a detector cannot be expected to
agree with the first annotator more than the annotators agree with each other. The texts
stay in ``../shared``; only counts are printed.

The detector is scored the same way on the same articles, against every annotator in
turn, so its figure sits beside the annotators' own.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from _brat import brat_span
from _spans import pair_spans

from medialit.detect.attribution import find_attributions
from medialit.text.article import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
LABELS = ("Cue", "Source")


def spans_of(ann: Path) -> dict[str, list[tuple[int, int]]]:
    """Cue and Source spans of one annotator's file."""
    out: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        label, pieces = fields[1].split(" ", 1)
        if label in out:
            out[label].append(brat_span(pieces))
    return {label: sorted(set(spans)) for label, spans in out.items()}


def multi_annotated(folder: Path) -> dict[str, list[Path]]:
    """Articles with more than one annotator: name -> their .ann files."""
    files: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        files[ann.stem.rsplit("_", 1)[0]].append(ann)
    return {name: anns for name, anns in files.items() if len(anns) > 1}


def detector_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """The detector's cue and source spans (``scope="page"``, each span once)."""
    table = find_attributions(Article.from_text(text), scope="page")
    return {
        "Cue": sorted(
            {(int(s), int(e)) for s, e in zip(table.cue_start, table.cue_end, strict=True)}
        ),
        "Source": sorted(
            {
                (int(s), int(e))
                for s, e in zip(table.source_start, table.source_end, strict=True)
                if s >= 0
            }
        ),
    }


def _add(
    counts: list[int], pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool
) -> None:
    counts[0] += len(pair_spans(pred, gold, exact=exact))
    counts[1] += len(pred)
    counts[2] += len(gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder",
        type=Path,
        nargs="+",
        default=[SHARED / "polnear-train", SHARED / "polnear-dev"],
    )
    args = parser.parse_args(argv)
    articles: dict[str, list[Path]] = {}
    for folder in args.folder:
        if not (folder / "attributions").is_dir():
            print(f"note: {folder} not found; skipped")
            continue
        articles.update(multi_annotated(folder))
    if not articles:
        print("no article with more than one annotator found")
        return 1
    modes = ("overlap", "exact")
    people_vs = {(label, mode): [0, 0, 0] for label in LABELS for mode in modes}
    detector_vs = {(label, mode): [0, 0, 0] for label in LABELS for mode in modes}
    n_pairs = 0
    for name, anns in articles.items():
        people = [spans_of(a) for a in anns]
        text = (anns[0].parent.parent / "text" / f"{name}.txt").read_text(encoding="utf-8")
        found = detector_spans(text)
        for i, gold in enumerate(people):
            for label in LABELS:
                for mode in modes:
                    _add(detector_vs[(label, mode)], found[label], gold[label], mode == "exact")
            for j, pred in enumerate(people):
                if i == j:
                    continue
                n_pairs += 1
                for label in LABELS:
                    for mode in modes:
                        _add(people_vs[(label, mode)], pred[label], gold[label], mode == "exact")
    print(f"{len(articles)} articles with 2 or more annotators, {n_pairs} ordered pairs")
    print("label    match     annotator vs annotator: P R F1 | detector vs each annotator: P R F1")
    for key, counts in people_vs.items():
        label, mode = key
        print(f"{label:8s} {mode:8s}  {_prf(*counts)}        | {_prf(*detector_vs[key])}")
    return 0


def _prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} {r:.3f} {f:.3f}"


if __name__ == "__main__":
    sys.exit(main())
