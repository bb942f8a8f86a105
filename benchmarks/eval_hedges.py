"""Measure ``medialit.find_hedges`` against the hand-annotated hedges in ``hedges-dev``.

Usage::

    .venv/bin/python benchmarks/eval_hedges.py [GOLD_DIR] [--texts DIR] [--split NAME]
        [--show-misses] [--show-false-alarms] [--sample-train N]

``GOLD_DIR`` defaults to ``../shared/hedges-dev`` next to the repository: one JSON file
per article (``{"article", "hedges": [{"start", "end", "text", "category"}]}``) with
offsets into ``../shared/polnear-dev/text/NAME.txt`` (``--texts``). The gold follows
``GUIDELINE.md`` in that folder.

What is scored
--------------
Each article runs through ``find_hedges(Article.from_text(text), scope="page")``, so
that page segmentation hides no text. ``question_headline`` findings are left out:
the gold has no such category (its articles have no question headlines).

Matching is by overlap, one-to-one and greedy, as the gold's README asks: a found span
counts when it shares at least one character with a gold span of any category; each
found span, in document order, takes the unmatched gold span it overlaps most (ties:
the earliest); a gold span is matched at most once. Precision = matched findings /
findings, recall = matched gold spans / gold spans, F1 = their harmonic mean.

Per category, recall is counted over the gold spans of that category (did we find
them, under any category?), precision over the findings of that category (did they
hit a hedge?), and "same category" says how many matched pairs agree on it.

Two halves, so that overfitting shows
-------------------------------------
The 28 articles are split by their position in sorted order: even positions are the
``tune`` half, odd positions the ``check`` half (every outlet has two in each). The
lexicon changes for issue 13 were made looking only at the ``tune`` half's misses and
false alarms (plus unannotated PolNeAR train texts for false alarms, see
``--sample-train``); the ``check`` half's items were not read while tuning, so its
figures are the honest ones. The script prints both halves and the whole.

``--sample-train N`` prints the hedges found in the first N PolNeAR train articles
(``../shared/polnear-train/text``), which have no hedge gold: a way to read false
alarms on text nobody tuned the gold on.

The texts are their publishers' copyright: this script reads them where they are and
never copies them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _spans import pair_spans  # noqa: E402

from medialit.detect.hedges import hedge_records  # noqa: E402
from medialit.text.article import Article  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_GOLD = SHARED / "hedges-dev"
DEFAULT_TEXTS = SHARED / "polnear-dev" / "text"
TRAIN_TEXTS = SHARED / "polnear-train" / "text"
CATEGORIES = ("reportive", "epistemic", "vague_source")
SPLITS = ("tune", "check")


class Span(NamedTuple):
    start: int
    end: int
    text: str
    category: str


class Doc(NamedTuple):
    name: str
    split: str
    text: str
    gold: list[Span]


def load_gold(folder: Path, texts: Path) -> list[Doc]:
    """Read every gold file, its article text, and which half it is in."""
    docs = []
    for position, path in enumerate(sorted(folder.glob("*.json"))):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = (texts / f"{record['article']}.txt").read_text(encoding="utf-8")
        gold = [Span(h["start"], h["end"], h["text"], h["category"]) for h in record["hedges"]]
        for span in gold:
            if text[span.start : span.end] != span.text:
                raise ValueError(f"{path.name}: gold span {span} does not match the text")
        docs.append(Doc(record["article"], SPLITS[position % 2], text, gold))
    return docs


def predict(text: str) -> list[Span]:
    """The detector's hedges in one article, question headlines left out."""
    found = hedge_records(Article.from_text(text), scope="page")
    return [
        Span(h.start, h.end, h.text, h.category) for h in found if h.category != "question_headline"
    ]


def match(found: Sequence[Span], gold: Sequence[Span]) -> dict[int, int]:
    """Greedy one-to-one overlap matching: found index -> gold index."""
    return pair_spans([(f.start, f.end) for f in found], [(g.start, g.end) for g in gold])


class Tally(NamedTuple):
    found: Counter[str]  # findings per category
    found_hit: Counter[str]  # findings per category that matched a gold span
    gold: Counter[str]  # gold spans per category
    gold_hit: Counter[str]  # gold spans per category that were matched
    same: Counter[str]  # matched pairs whose categories agree, by gold category


def tally(results: Iterable[tuple[Doc, list[Span], dict[int, int]]]) -> Tally:
    t = Tally(Counter(), Counter(), Counter(), Counter(), Counter())
    for doc, found, pairs in results:
        for f in found:
            t.found[f.category] += 1
        for g in doc.gold:
            t.gold[g.category] += 1
        for i, j in pairs.items():
            t.found_hit[found[i].category] += 1
            t.gold_hit[doc.gold[j].category] += 1
            if found[i].category == doc.gold[j].category:
                t.same[doc.gold[j].category] += 1
    return t


def prf(hit_found: int, found: int, hit_gold: int, gold: int) -> tuple[float, float, float]:
    p = hit_found / found if found else 0.0
    r = hit_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(title: str, t: Tally) -> None:
    print(f"\n{title}")
    print(f"  {'category':<13} {'P':>5} {'R':>5} {'F1':>5}   found  gold  same-category")
    rows = [*CATEGORIES, "all"]
    for cat in rows:
        if cat == "all":
            nums = (
                sum(t.found_hit.values()),
                sum(t.found.values()),
                sum(t.gold_hit.values()),
                sum(t.gold.values()),
            )
            same = sum(t.same.values())
        else:
            nums = (t.found_hit[cat], t.found[cat], t.gold_hit[cat], t.gold[cat])
            same = t.same[cat]
        p, r, f = prf(*nums)
        print(
            f"  {cat:<13} {p:5.3f} {r:5.3f} {f:5.3f}   {nums[1]:5d} {nums[3]:5d}"
            f"  {same:4d}/{nums[2]}"
        )


def show(results, split: str, *, misses: bool, alarms: bool) -> None:
    for doc, found, pairs in results:
        if split and doc.split != split:
            continue
        matched_gold = set(pairs.values())
        for j, g in enumerate(doc.gold):
            if misses and j not in matched_gold:
                context = doc.text[max(0, g.start - 60) : g.end + 40].replace("\n", " ")
                print(f"MISS  [{g.category}] {g.text!r}   ...{context}...")
        for i, f in enumerate(found):
            if alarms and i not in pairs:
                context = doc.text[max(0, f.start - 60) : f.end + 40].replace("\n", " ")
                print(f"FALSE [{f.category}] {f.text!r}   ...{context}...")


def sample_train(n: int) -> None:
    for path in sorted(TRAIN_TEXTS.glob("*.txt"))[:n]:
        text = path.read_text(encoding="utf-8")
        for h in predict(text):
            context = text[max(0, h.start - 60) : h.end + 40].replace("\n", " ")
            print(f"{path.stem[:30]:<30} [{h.category}] {h.text!r}   ...{context}...")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--split", choices=SPLITS, help="only list items of this half")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-false-alarms", action="store_true")
    parser.add_argument("--sample-train", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if args.sample_train:
        sample_train(args.sample_train)
        return 0
    if not args.gold.is_dir():
        print(f"no hedge gold at {args.gold}; skipping the hedge evaluation")
        return 0
    docs = load_gold(args.gold, args.texts)
    results = []
    for doc in docs:
        found = predict(doc.text)
        results.append((doc, found, match(found, doc.gold)))
    if args.show_misses or args.show_false_alarms:
        show(results, args.split or "", misses=args.show_misses, alarms=args.show_false_alarms)
    print(f"Hedges on {args.gold.name}: {len(docs)} articles, overlap match, scope='page'")
    for split in SPLITS:
        part = [r for r in results if r[0].split == split]
        report(f"{split} half ({len(part)} articles)", tally(part))
    report(f"all ({len(results)} articles)", tally(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
