"""Train the second look at rejected cue words (``medialit.detect.attribution.rescue``).

Usage::

    .venv/bin/python tools/train_cue_rescue.py [--train ../shared/polnear-train]
        [--precision 0.85] [--folds 5] [--dry-run]

Reads the PolNeAR train split only (never dev). It runs the rules over every article
with the model switched off and records each lexicon cue word the rules turned down,
with its features (:func:`rescue.features`). A candidate is a positive example when it
overlaps a gold PolNeAR cue that none of the rules' own cues overlaps (so keeping it
would add a right cue, not a second cue for the same words).

A logistic regression (numpy-free, plain stochastic gradient descent with L2, features
seen at least ``--min-count`` times) is cross-validated by article (``--folds``): the
threshold is the lowest score at which the held-out kept cues are PolNeAR cues at least
``--precision`` of the time. The final weights are fitted on the whole train split and
written to ``data/models/cue_rescue.csv`` with the threshold and the cross-validated
precision (``_threshold``, ``_precision``, ``_bias`` rows). Only weights ship, never text.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_attribution import load_brat  # noqa: E402

from medialit.detect.attribution import find_attributions, rescue, scan  # noqa: E402
from medialit.text.article import Article  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "polnear-train"
OUT = ROOT / "data" / "models" / "cue_rescue.csv"
SOURCE = (
    "PolNeAR train split (Newell, Margolin & Ruths 2018), logistic regression by "
    "tools/train_cue_rescue.py"
)

Example = tuple[str, list[str], bool]  # article, features, is a new right cue


def collect(folder: Path) -> list[Example]:
    """Every rejected lexicon cue in the train split, with its features and label."""
    docs = load_brat(folder)
    seen: list[tuple[int, int, list[str]]] = []

    def record(sent, ci, fi, cj, rule, cue_before, w):  # noqa: ANN001, ANN202
        seen.append(
            (
                sent.starts[ci],
                sent.ends[cj - 1],
                rescue.features(sent, ci, fi, cj, rule, cue_before, w),
            )
        )
        return None

    original = scan.rescue
    scan.rescue = record
    out: list[Example] = []
    try:
        for doc in docs:
            seen.clear()
            table = find_attributions(Article.from_text(doc.text), scope="page")
            pred = list(zip(table.cue_start, table.cue_end, strict=True))
            free = [
                (gs, ge)
                for gs, ge in doc.gold["Cue"]
                if not any(ps < ge and gs < pe for ps, pe in pred)
            ]
            for s, e, feats in seen:
                out.append((doc.name, feats, any(gs < e and s < ge for gs, ge in free)))
    finally:
        scan.rescue = original
    return out


def fit(
    data: list[tuple[list[str], bool]], min_count: int, l2: float, epochs: int, seed: int = 0
) -> tuple[dict[str, float], float]:
    """Logistic regression by stochastic gradient descent: feature -> weight, and the bias."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    keep = {f for f, n in counts.items() if n >= min_count}
    rows = [([f for f in set(feats) if f in keep], y) for feats, y in data]
    weights: dict[str, float] = {}
    bias = 0.0
    rng = random.Random(seed)
    order = list(range(len(rows)))
    for epoch in range(epochs):
        rng.shuffle(order)
        rate = 0.2 / (1 + epoch)
        for i in order:
            feats, y = rows[i]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - float(y)
            bias -= rate * g
            for f in feats:
                old = weights.get(f, 0.0)
                weights[f] = old - rate * (g + l2 * old)
    return {f: v for f, v in weights.items() if abs(v) > 1e-4}, bias


def score(weights: dict[str, float], bias: float, feats: list[str]) -> float:
    return bias + sum(weights.get(f, 0.0) for f in feats)


def cross_validate(
    data: list[Example], folds: int, min_count: int, l2: float, epochs: int
) -> list[tuple[float, bool]]:
    """Held-out (score, label) for every example, folds by article."""
    names = sorted({name for name, _, _ in data})
    rng = random.Random(13)
    rng.shuffle(names)
    fold_of = {name: i % folds for i, name in enumerate(names)}
    out: list[tuple[float, bool]] = []
    for k in range(folds):
        train = [(f, y) for n, f, y in data if fold_of[n] != k]
        weights, bias = fit(train, min_count, l2, epochs)
        out.extend((score(weights, bias, f), y) for n, f, y in data if fold_of[n] == k)
    return out


def pick_threshold(scored: list[tuple[float, bool]], precision: float, min_kept: int = 30) -> float:
    """The lowest score whose kept examples (score >= it) reach ``precision``."""
    ranked = sorted(scored, key=lambda sy: -sy[0])
    best = math.inf
    right = 0
    for i, (s, y) in enumerate(ranked, 1):
        right += y
        if i >= min_kept and right / i >= precision:
            best = s
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--precision", type=float, default=0.85)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = parser.parse_args(argv)
    if "dev" in args.train.name:
        print("Train on the train split only (dev is the untouched check).")
        return 2
    data = collect(args.train)
    positives = sum(y for _, _, y in data)
    print(f"{len(data)} rejected cue words on train, {positives} of them new PolNeAR cues")
    scored = cross_validate(data, args.folds, args.min_count, args.l2, args.epochs)
    threshold = pick_threshold(scored, args.precision)
    kept = [y for s, y in scored if s >= threshold]
    cv_precision = sum(kept) / len(kept) if kept else 0.0
    print(
        f"cross-validated: threshold {threshold:.3f} keeps {len(kept)}, "
        f"{sum(kept)} right (precision {cv_precision:.3f}, {sum(kept) / positives:.3f} of positives)"
    )
    for p in (0.75, 0.8, 0.85, 0.9, 0.95):
        t = pick_threshold(scored, p)
        k = [y for s, y in scored if s >= t]
        print(f"  at precision {p:.2f}: threshold {t:7.3f}, keeps {len(k):5d}, right {sum(k):5d}")
    if args.dry_run or not kept:
        return 0
    weights, bias = fit([(f, y) for _, f, y in data], args.min_count, args.l2, args.epochs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["feature", "weight", "source"])
        out.writerow(["_bias", f"{bias:.5f}", SOURCE])
        out.writerow(["_threshold", f"{threshold:.5f}", SOURCE])
        out.writerow(["_precision", f"{cv_precision:.4f}", SOURCE])
        for f, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
            if abs(v) >= 0.01:
                out.writerow([f, f"{v:.4f}", SOURCE])
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
