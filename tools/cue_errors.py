"""List the attribution cues the rules miss (or find wrongly) on the PolNeAR train split.

Usage::

    .venv/bin/python tools/cue_errors.py [--train DIR] [--what missed|false] [--top N]
        [--show WORDS] [--examples K]

The train split is the one to tune on; this script never reads the dev split. Missed
gold cues are grouped by their *shape*: the lower-cased cue text with its helper words
kept ("said", "according to", "in a statement", ":" ...), so that a fix can target one
shape ("reporting nouns", "participles", "colons") rather than single files. For each
shape it prints how often it was missed, how often the rules found it (overlap), and
``--examples`` sentences around the cue (printed to the terminal only; the texts stay in
``../shared``). ``--show WORDS`` prints every miss (or false alarm) whose cue text is
``WORDS``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_attribution import load_brat, match  # noqa: E402

from medialit.detect.attribution import find_attributions  # noqa: E402
from medialit.text.article import Article  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "polnear-train"


def _context(text: str, s: int, e: int, width: int = 100) -> str:
    left = text[max(0, s - width) : s].replace("\n", " / ")
    right = text[e : e + width // 2].replace("\n", " / ")
    return f"{left}[[{text[s:e]}]]{right}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--what", choices=("missed", "false"), default="missed")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--show", default=None)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    args = parser.parse_args(argv)
    if "dev" in args.train.name:
        print("This script reads the train split only (dev is not tuned on).")
        return 2
    docs = load_brat(args.train)
    if args.limit:
        docs = docs[: args.limit]
    groups: dict[str, list[str]] = defaultdict(list)
    hits: Counter[str] = Counter()
    for doc in docs:
        table = find_attributions(Article.from_text(doc.text), scope="page")
        pred = sorted((int(a), int(b)) for a, b in zip(table.cue_start, table.cue_end, strict=True))
        gold = doc.gold["Cue"]
        _, pred_ok, gold_ok = match(pred, gold, exact=False)
        if args.what == "missed":
            spans = [g for g, ok in zip(gold, gold_ok, strict=True) if not ok]
            for g, ok in zip(gold, gold_ok, strict=True):
                if ok:
                    hits[" ".join(doc.text[g[0] : g[1]].lower().split())] += 1
        else:
            spans = [p for p, ok in zip(pred, pred_ok, strict=True) if not ok]
            for p, ok in zip(pred, pred_ok, strict=True):
                if ok:
                    hits[" ".join(doc.text[p[0] : p[1]].lower().split())] += 1
        for s, e in spans:
            key = " ".join(doc.text[s:e].lower().split())
            groups[key].append(f"{doc.name[:24]:24} {_context(doc.text, s, e)}")
    if args.show is not None:
        for line in groups.get(args.show.lower(), []):
            print(line)
        return 0
    total = sum(len(v) for v in groups.values())
    print(f"{args.what} cues on train: {total} in {len(groups)} shapes")
    for key, lines in sorted(groups.items(), key=lambda kv: -len(kv[1]))[: args.top]:
        print(f"{len(lines):5d} {args.what}, {hits[key]:5d} right  {key!r}")
        for line in lines[: args.examples]:
            print(f"        {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
