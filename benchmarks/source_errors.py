"""List the attribution detector's source errors on the PolNeAR train split, by shape.

Usage::

    .venv/bin/python benchmarks/source_errors.py [BRAT_DIR] [--shape SHAPE] [--examples N]
        [--kind RULE]

``BRAT_DIR`` defaults to ``../shared/polnear-train`` (the split the rules are tuned on;
do not point it at dev while tuning). Each predicted attribution is paired with the gold
attribution whose cue it overlaps most (one-to-one, greedy, as in
``eval_attribution.py``); for each pair the predicted source span is compared with the
gold one and the pair gets an error *shape*:

- ``exact``: same span; ``both-none``: neither has a source;
- ``pred-none``: gold has a source, the detector none; ``gold-none``: the reverse;
- ``disjoint``: both have one and they share no character (a different source);
- ``boundary``: they overlap but differ; the shape says at which side and how, with the
  first differing word: ``start+the`` (the prediction starts earlier, taking in "the"),
  ``start-the`` (it starts later, leaving "the" out), ``end+on``, ``end-,`` ...

Predicted sources whose cue matches no gold cue (``cue-false``) and gold sources whose
cue was not found (``cue-missed``) are counted too: those are the cue detector's part.
The texts stay in ``../shared``; only counts and short contexts are printed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _brat import annotated_articles, brat_span  # noqa: E402
from _spans import pair_spans  # noqa: E402

from medialit.detect.attribution import attribution_records  # noqa: E402
from medialit.text.article import Article  # noqa: E402

TRAIN_DIR = Path(__file__).resolve().parents[2] / "shared" / "polnear-train"
_WORD_RE = re.compile(r"\w+|[^\w\s]")


class GoldAttr(NamedTuple):
    cue: tuple[int, int]
    source: tuple[int, int] | None


def load_gold(folder: Path) -> list[tuple[str, str, list[GoldAttr]]]:
    """(name, text, gold attributions) for every article (first annotator in sorted order)."""
    out = []
    for name, text, lines in annotated_articles(folder):
        spans: dict[str, tuple[int, int]] = {}
        events = []
        for line in lines:
            fields = line.split("\t")
            if line.startswith("T") and len(fields) >= 2:
                spans[fields[0]] = brat_span(fields[1].split(" ", 1)[1])
            elif line.startswith("E") and len(fields) >= 2:
                events.append(dict(x.split(":", 1) for x in fields[1].split()))
        attrs = [
            GoldAttr(spans[e["Cue"]], spans.get(e.get("Source", "")))
            for e in events
            if e.get("Cue") in spans
        ]
        out.append((name, text, attrs))
    return out


def _first_word(text: str) -> str:
    m = _WORD_RE.search(text)
    return m.group().lower() if m else "?"


def _last_word(text: str) -> str:
    words = _WORD_RE.findall(text)
    return words[-1].lower() if words else "?"


def shape(text: str, pred: tuple[int, int] | None, gold: tuple[int, int] | None) -> str:
    """The error shape of a predicted source against the gold one (see the docstring)."""
    if pred is None and gold is None:
        return "both-none"
    if pred is None:
        return "pred-none"
    if gold is None:
        return "gold-none"
    if pred == gold:
        return "exact"
    (ps, pe), (gs, ge) = pred, gold
    if min(pe, ge) <= max(ps, gs):
        return "disjoint"
    parts = []
    if ps < gs:
        parts.append("start+" + _first_word(text[ps:gs]))
    elif ps > gs:
        parts.append("start-" + _first_word(text[gs:ps]))
    if pe > ge:
        parts.append("end+" + _first_word(text[ge:pe]))
    elif pe < ge:
        parts.append("end-" + _first_word(text[pe:ge]))
    return "boundary " + " ".join(parts)


def _context(text: str, pred, gold, cue) -> str:
    spans = [s for s in (pred, gold, cue) if s]
    a = max(0, min(s[0] for s in spans) - 40)
    b = min(len(text), max(s[1] for s in spans) + 30)
    marks: dict[int, str] = defaultdict(str)
    for span, (o, c) in ((gold, ("{", "}")), (pred, ("[", "]")), (cue, ("<", ">"))):
        if span:
            marks[span[0]] += o
            marks[span[1]] = c + marks[span[1]]
    out = []
    for i in range(a, b + 1):
        out.append(marks.get(i, ""))
        if i < b:
            out.append(text[i])
    return "".join(out).replace("\n", " ")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("brat_dir", nargs="?", type=Path, default=TRAIN_DIR)
    parser.add_argument("--shape", default=None, help="print examples of shapes starting so")
    parser.add_argument("--kind", default=None, help="only cues with this rule")
    parser.add_argument("--examples", type=int, default=12)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for name, text, gold in load_gold(args.brat_dir):
        rows = attribution_records(Article.from_text(text), scope="page")
        pred_cues = [(r.cue_start, r.cue_end) for r in rows]
        pairs = pair_spans(pred_cues, [g.cue for g in gold])
        matched_gold = set(pairs.values())
        for i, r in enumerate(rows):
            if args.kind and r.cue_type != args.kind:
                continue
            psrc = (r.source_start, r.source_end) if r.source_start >= 0 else None
            if i not in pairs:
                key = "cue-false" + (" +source" if psrc else "")
                g = None
            else:
                g = gold[pairs[i]]
                key = shape(text, psrc, g.source)
            counts[key] += 1
            by_rule[r.cue_type][key.split()[0]] += 1
            if (
                args.shape is not None
                and key.startswith(args.shape)
                and len(examples[key]) < args.examples
            ):
                gsrc = g.source if g else None
                examples[key].append(
                    f"{name[:20]} {r.cue_type}: " + _context(text, psrc, gsrc, pred_cues[i])
                )
        if not args.kind:
            for j, g in enumerate(gold):
                if j not in matched_gold:
                    counts["cue-missed" + (" +source" if g.source else "")] += 1
    print("shape counts (pairs by cue; [pred] {gold} <cue>):")
    coarse: Counter[str] = Counter()
    for key, n in counts.items():
        coarse[key.split()[0] if key.startswith("boundary") else key] += n
    for key, n in coarse.most_common():
        print(f"  {n:6d}  {key}")
    print("\nboundary shapes:")
    for key, n in counts.most_common():
        if key.startswith("boundary") and args.top > 0:
            print(f"  {n:6d}  {key}")
            args.top -= 1
    print("\nper cue type:")
    for rule, c in sorted(by_rule.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {rule:12} " + "  ".join(f"{k}={v}" for k, v in c.most_common()))
    for key, lines in examples.items():
        print(f"\n== {key} ({counts[key]})")
        for line in lines:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
