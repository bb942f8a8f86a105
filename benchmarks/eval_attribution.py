"""Measure ``medialit.find_attributions`` against the PolNeAR dev split (brat standoff).

Usage::

    .venv/bin/python benchmarks/eval_attribution.py [BRAT_DIR] [--train DIR] [--no-train]
        [--show CUE] [--top N] [--per-row]

``BRAT_DIR`` defaults to ``../shared/polnear-dev`` next to the repository (it holds
``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``). When an article has
several annotators, the first annotation file in sorted order is the gold.

The dev split is the figure to report: the rules and the model were tuned on
``../shared/polnear-train`` only, whose figures are printed beside dev's so that
overfitting shows (a train figure far above dev's means the rules learned the files,
not the language). Figures are given overall, per publisher (the first part of each
file name: breitbart, nyt, ...) and, for the detector's own cues, per cue type.

What is scored
--------------
Two labels: ``Cue`` (gold ``T ... Cue`` lines against the predicted ``cue_start,
cue_end``) and ``Source`` (gold ``T ... Source`` lines against the distinct
``source_start, source_end`` spans of rows that have a source). PolNeAR writes a
source that several attributions share ("X said ..., adding ...") as one
``Source`` line that each of them points to, so a span the detector gives several
rows counts once too; ``--per-row`` counts it once per row instead (a stricter,
older figure). Each article runs through
``find_attributions(Article.from_text(text), scope="page")`` so that page
segmentation hides no text.

A gold span with pieces (``START END;START END``) counts from its first start to
its last end.

- **Exact match**: a predicted span matches a gold span of the same label when
  both start and end are equal.
- **Overlap match**: a predicted span matches a gold span of the same label when
  they share at least one character.

Matching is one-to-one and greedy: predictions are taken in document order and
each takes the unmatched gold span it overlaps most (ties: the earliest); a gold
span is matched at most once. Precision = matched predictions / predictions,
recall = matched gold spans / gold spans, F1 = their harmonic mean.

The script also prints the most frequent missed gold cues and false-alarm cues
(lower-cased text) and the detector's speed in words per second (words =
whitespace-separated tokens of the texts; time = ``find_attributions`` only, the
best of ``--repeat`` runs). The ``Article`` is built before the clock starts, with
its sentence split (``Article.sentence_records``), which it keeps for every
detector: in ``analyze()`` the hedge detector has split the sentences by the time
the attribution detector runs, and the attribution detector reuses them. ``--cold``
times fresh articles instead: the attribution detector then splits the paragraphs
it needs itself.

The PolNeAR texts are their publishers' copyright: this script reads them where
they are and never copies them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _brat import annotated_articles, brat_span  # noqa: E402
from _spans import pair_spans  # noqa: E402

from medialit._util.lazy import pd  # noqa: E402
from medialit.detect.attribution import find_attributions  # noqa: E402
from medialit.text.article import Article  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "polnear-dev"
TRAIN_DIR = DEFAULT_DIR.with_name("polnear-train")
LABELS = ("Cue", "Source")


class Doc(NamedTuple):
    name: str
    text: str
    gold: dict[str, list[tuple[int, int]]]  # label -> spans


def load_brat(folder: Path) -> list[Doc]:
    """Read every article and its first (sorted) annotation file."""
    docs = []
    for name, text, lines in annotated_articles(folder):
        gold: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
        for line in lines:
            if not line.startswith("T"):
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                continue  # a few train files have a line with an ID only
            label, pieces = fields[1].split(" ", 1)
            if label in gold:
                gold[label].append(brat_span(pieces))
        docs.append(Doc(name, text, {k: sorted(v) for k, v in gold.items()}))
    return docs


def match(
    pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]], *, exact: bool
) -> tuple[int, list[bool], list[bool]]:
    """Greedy one-to-one matching; returns (matches, pred matched?, gold matched?)."""
    pairs = pair_spans(sorted(pred), gold, exact=exact)
    pred_used = [i in pairs for i in range(len(pred))]
    gold_used = [False] * len(gold)
    for j in pairs.values():
        gold_used[j] = True
    return len(pairs), pred_used, gold_used


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Scores(NamedTuple):
    """Counts ``[matched, predicted, gold]`` per (label, mode), per publisher and per cue type."""

    overall: dict[tuple[str, str], list[int]]
    publisher: dict[str, dict[str, list[int]]]  # publisher -> label -> overlap counts
    cue_type: dict[str, list[int]]  # predicted cue type -> [matched (overlap), predicted]
    missed: Counter[str]
    false: Counter[str]


def score(
    docs: Sequence[Doc],
    tables: Sequence[pd.DataFrame],
    show: str | None = None,
    per_row: bool = False,
) -> Scores:
    """Match every article's predictions against its gold (see the module docstring)."""
    counts = {(label, mode): [0, 0, 0] for label in LABELS for mode in ("exact", "overlap")}
    by_publisher: dict[str, dict[str, list[int]]] = {}
    by_type: dict[str, list[int]] = {}
    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for doc, table in zip(docs, tables, strict=True):
        publisher = doc.name.split("_", 1)[0]
        cues = sorted(
            zip(table.cue_start, table.cue_end, table.cue_type, strict=True), key=lambda r: r[:2]
        )
        pred = {
            "Cue": [(int(a), int(b)) for a, b, _ in cues],
            # each source span once: the gold gives a source shared by several
            # attributions ("X said ..., adding ...") one Source line, so a shared
            # predicted span is one prediction too (--per-row counts it per row)
            "Source": sorted(
                {
                    (int(s), int(e))
                    for s, e in zip(table.source_start, table.source_end, strict=True)
                    if s >= 0
                }
            )
            if not per_row
            else [
                (int(s), int(e))
                for s, e in zip(table.source_start, table.source_end, strict=True)
                if s >= 0
            ],
        }
        for label in LABELS:
            p, g = pred[label], doc.gold[label]
            for mode in ("exact", "overlap"):
                tp, pred_ok, gold_ok = match(p, g, exact=mode == "exact")
                for c in (counts[(label, mode)],) + (
                    (by_publisher.setdefault(publisher, {}).setdefault(label, [0, 0, 0]),)
                    if mode == "overlap"
                    else ()
                ):
                    c[0] += tp
                    c[1] += len(p)
                    c[2] += len(g)
                if label == "Cue" and mode == "overlap":
                    for (_, _, kind), ok in zip(cues, pred_ok, strict=True):
                        t = by_type.setdefault(kind, [0, 0])
                        t[0] += ok
                        t[1] += 1
                    for (s, e), ok in zip(g, gold_ok, strict=True):
                        if not ok:
                            missed[doc.text[s:e].lower()] += 1
                            _show(show, "MISS", doc, s, e)
                    for (s, e), ok in zip(sorted(p), pred_ok, strict=True):
                        if not ok:
                            false[doc.text[s:e].lower()] += 1
                            _show(show, "FALSE", doc, s, e)
    return Scores(counts, by_publisher, by_type, missed, false)


def run(docs: Sequence[Doc], repeat: int, cold: bool) -> tuple[list[pd.DataFrame], float]:
    """Every article's table, and the best time of ``repeat`` runs."""
    elapsed = float("inf")
    tables: list[pd.DataFrame] = []
    for _ in range(max(1, repeat)):  # the best of a few runs: other processes add noise
        articles = [Article.from_text(d.text) for d in docs]
        if not cold:
            for article in articles:
                _ = article.sentence_records  # split once, shared by every detector
        t0 = time.perf_counter()
        tables = [find_attributions(a, scope="page") for a in articles]
        elapsed = min(elapsed, time.perf_counter() - t0)
    return tables, elapsed


def _f(c: Sequence[int]) -> str:
    p, r, f = prf(*c)
    return f"{p:6.3f} {r:6.3f} {f:6.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("brat_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--train",
        type=Path,
        default=TRAIN_DIR,
        help="the split the rules were tuned on, scored beside the first (default: polnear-train)",
    )
    parser.add_argument("--no-train", action="store_true", help="score the first split only")
    parser.add_argument("--top", type=int, default=25, help="how many missed/false cues to list")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (the best one counts)")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="time fresh articles (the detector splits its own sentences)",
    )
    parser.add_argument(
        "--show",
        default=None,
        help="print the context of misses and false alarms for this cue text",
    )
    parser.add_argument(
        "--per-row",
        action="store_true",
        help="count a source span once per attribution row (as before 2026-12), not once",
    )
    args = parser.parse_args(argv)
    if not (args.brat_dir / "attributions").is_dir():
        print(f"No brat folder at {args.brat_dir} (expected attributions/ and text/ inside).")
        return 2

    docs = load_brat(args.brat_dir)
    words = sum(len(d.text.split()) for d in docs)
    find_attributions(Article.from_text(docs[0].text), scope="page")  # load the lexicons
    tables, elapsed = run(docs, args.repeat, args.cold)
    dev = score(docs, tables, args.show, args.per_row)
    train: Scores | None = None
    if not args.no_train and (args.train / "attributions").is_dir():
        train_docs = load_brat(args.train)
        train = score(train_docs, run(train_docs, 1, False)[0], per_row=args.per_row)
        print(
            f"{args.brat_dir.name}: {len(docs)} articles, {words} words (reported, not tuned on); "
            f"{args.train.name}: {len(train_docs)} articles (tuned on), beside it; scope='page'"
        )
    else:
        print(f"{args.brat_dir.name}: {len(docs)} articles, {words} words, scope='page'")
    head = f"{'P':>6} {'R':>6} {'F1':>6}"
    print(f"{'label':8} {'match':8} {head} {'tp':>6} {'pred':>6} {'gold':>6}", end="")
    print(f"   | train {head}" if train else "")
    for key, c in dev.overall.items():
        label, mode = key
        print(f"{label:8} {mode:8} {_f(c)} {c[0]:6d} {c[1]:6d} {c[2]:6d}", end="")
        print(f"   |       {_f(train.overall[key])}" if train else "")
    how = "fresh articles" if args.cold else "sentences already split"
    print(f"speed: {words / elapsed:,.0f} words/s ({elapsed:.3f} s for find_attributions, {how})")

    print("\nPer publisher (overlap match; P R F1):")
    print(f"{'publisher':14} {'cue':>20}  {'source':>20}", end="")
    print(f"   | train {'cue':>20}  {'source':>20}" if train else "")
    for pub, c in sorted(dev.publisher.items()):
        print(f"{pub:14} {_f(c['Cue'])}  {_f(c['Source'])}", end="")
        if train and pub in train.publisher:
            t = train.publisher[pub]
            print(f"   |       {_f(t['Cue'])}  {_f(t['Source'])}")
        else:
            print()
    print("\nPer cue type (share of the detector's cues that PolNeAR marks, overlap):")
    for kind, (ok, n) in sorted(dev.cue_type.items(), key=lambda kv: -kv[1][1]):
        line = f"  {kind or '(none)':10} {ok / n:6.3f} of {n:5d}"
        if train and kind in train.cue_type:
            tok, tn = train.cue_type[kind]
            line += f"   | train {tok / tn:6.3f} of {tn:5d}"
        print(line)
    print(f"\nMost frequent missed gold cues (overlap):\n  {_top(dev.missed, args.top)}")
    print(f"\nMost frequent false-alarm cues (overlap):\n  {_top(dev.false, args.top)}")
    return 0


def _top(counter: Counter[str], n: int) -> str:
    return "\n  ".join(f"{count:4d}  {text!r}" for text, count in counter.most_common(n))


def _show(cue: str | None, what: str, doc: Doc, s: int, e: int) -> None:
    if cue is not None and doc.text[s:e].lower() == cue.lower():
        context = doc.text[max(0, s - 110) : s] + "[[" + doc.text[s:e] + "]]" + doc.text[e : e + 70]
        print(f"{what:5} {doc.name[:28]:28} {context!r}")


if __name__ == "__main__":
    raise SystemExit(main())
