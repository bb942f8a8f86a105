"""Digest everything medialit says about many articles, to prove a change kept the output.

Usage::

    .venv/bin/python tools/check_same_output.py record OUT.json [--only GROUP ...]
    .venv/bin/python tools/check_same_output.py compare A.json B.json

``record`` builds, for each article, a sha256 per part of what medialit says about it:
the blocks (offsets, kinds, rules, texts), the title and warning, the story sentences,
and for both scopes ("story" and "page") the detectors' records, the tables of
``analyze()``, ``find_attributions`` and ``find_outlets``, and the source chain. The
articles are the seed, every PolNeAR dev and train text (``../shared/polnear-dev/text``,
``../shared/polnear-train/text``) and every page in ``../shared/pages-dev``, both from
its copied text (``Article.from_text``) and from its saved HTML (``load_article``).
``compare`` lists the articles (and parts) whose digests differ, and exits 1 if any do.

To check an optimisation: record with the old code (for example
``PYTHONPATH=/work/OTHER-CHECKOUT/src``), record with the new, compare. Only digests
are written; the shared texts are their publishers' and are never copied.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import medialit as ml
from medialit.findings import findings_for

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GROUPS = ("seed", "polnear-dev", "polnear-train", "pages-text", "pages-html")


def _sha(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:20]


def _frame(frame) -> str:
    """A table's digest: its column types and every cell as CSV."""
    return _sha((list(map(str, frame.dtypes)), frame.to_csv(index=False)))


def digest(article: ml.Article) -> dict[str, str]:
    """One digest per part of what medialit says about ``article``."""
    parts = {
        "title": _sha(article.title),
        "blocks": _sha(article.block_records),
        "blocks_frame": _frame(article.blocks),
        "sentences": _sha(article.sentence_records),
        "warning": _sha(article.warning),
    }
    for scope in ("story", "page"):
        found = findings_for(article, scope=scope)
        parts[f"{scope}:hedges"] = _sha(found.hedge_records)
        parts[f"{scope}:attributions"] = _sha(found.attribution_records)
        parts[f"{scope}:outlets"] = _sha(found.outlet_records)
        parts[f"{scope}:analyze"] = _frame(ml.analyze(article, scope=scope))
        parts[f"{scope}:attr_frame"] = _frame(found.attributions)
        parts[f"{scope}:outlet_frame"] = _frame(found.outlets)
    parts["chain"] = _frame(ml.source_chain(article))
    return parts


def articles(groups: tuple[str, ...]) -> Iterator[tuple[str, Callable[[], ml.Article]]]:
    """(key, loader) for every article of the chosen groups."""
    if "seed" in groups:
        yield "seed", ml.load_article
    for split in ("polnear-dev", "polnear-train"):
        if split in groups:
            for path in sorted((SHARED / split / "text").glob("*.txt")):
                yield f"{split}/{path.stem}", lambda p=path: ml.Article.from_text(
                    p.read_text(encoding="utf-8")
                )
    pages = SHARED / "pages-dev"
    names = sorted(p.name[: -len(".json")] for p in pages.glob("*.json"))
    if "pages-text" in groups:
        for name in names:
            yield f"pages-text/{name}", lambda n=name: ml.Article.from_text(
                (pages / f"{n}.txt").read_text(encoding="utf-8")
            )
    if "pages-html" in groups:
        with tempfile.TemporaryDirectory() as tmp:
            for name in names:
                page = Path(tmp) / f"{name}.html"
                page.write_bytes(gzip.decompress((pages / f"{name}.html.gz").read_bytes()))
                yield f"pages-html/{name}", lambda p=page: ml.load_article(p)


def record(out: Path, groups: tuple[str, ...]) -> int:
    result: dict[str, dict[str, str]] = {}
    start = time.perf_counter()
    for key, load in articles(groups):
        try:
            result[key] = digest(load())
        except Exception as exc:  # a failure is an output too: it must stay the same
            result[key] = {"error": f"{type(exc).__name__}: {exc}"}
    out.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(result)} articles digested in {time.perf_counter() - start:.0f} s -> {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    left = json.loads(a.read_text(encoding="utf-8"))
    right = json.loads(b.read_text(encoding="utf-8"))
    differ = 0
    for key in sorted(set(left) | set(right)):
        if key not in left or key not in right:
            print(f"{key}: only in {a if key in left else b}")
            differ += 1
            continue
        parts = [p for p in sorted(set(left[key]) | set(right[key]))
                 if left[key].get(p) != right[key].get(p)]
        if parts:
            print(f"{key}: {', '.join(parts)}")
            differ += 1
    print(f"{len(set(left) | set(right))} articles, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="write the digests of every article to a JSON file")
    rec.add_argument("out", type=Path)
    rec.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS))
    cmp = sub.add_parser("compare", help="list the articles whose digests differ")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "record":
        return record(args.out, tuple(args.only))
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
