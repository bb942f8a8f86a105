"""Measure page-vs-story segmentation on real web pages (``../shared/pages-dev``).

Usage::

    .venv/bin/python benchmarks/eval_pages.py [PAGES_DIR] [--worst N] [--show NAME]

``PAGES_DIR`` defaults to ``../shared/pages-dev`` next to the repository. For each
page ``NAME`` it holds ``NAME.html.gz`` (the saved page), ``NAME.txt`` (the page's
text as Chromium copies it: select all, copy) and ``NAME.json`` (``articleBody``:
the benchmark's gold article text, paragraphs separated by blank lines).

Both ways a teacher brings a page are scored:

- **html**: the page unzipped to ``NAME.html`` in a temporary folder and read with
  ``medialit.load_article(path)`` (trafilatura plus our rules);
- **text**: ``medialit.Article.from_text(copied_text)`` (our rules alone).

What is scored (by characters of text)
--------------------------------------
Texts are compared as words (lower-cased, NFKC; a Chinese or Japanese character
counts as one word), each word weighing its length plus one (the space).

- **story recall**: the share of the gold article's characters that appear in the
  headline and story blocks. A gold word counts as found when a three-word run
  around it (within its paragraph) occurs inside one headline or story block;
  a gold paragraph of one or two words counts when a block is exactly those words.
- **clutter leak**: the share of story-block characters that are not gold
  article text (a block word counts as gold when a three-word run around it
  occurs in the gold; a block of one or two words counts only when a gold
  paragraph is exactly those words). The headline is left out of the leak: the gold article text has
  no headline, but the headline is part of the story for a learner.
- **headline found**: on English pages (at least 18% of the gold's words are
  common English function words), a headline block whose words match the page's
  own headline: its ``<h1>``, ``og:title`` or ``<title>`` (split at `` | ``,
  `` - `` and similar separators). Matching: at least 80% of the words of each
  side occur in the other.

Figures are means over pages. ``ceiling`` is the recall if every line of the page
were story: what the page text itself holds of the gold (copied text can miss
gold text that the browser hides, and trafilatura's page lines can too). A page
that fails to load counts as recall 0 and is listed.

The pages are their publishers' copyright: this script reads them where they are
and never copies them.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import medialit as ml  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "pages-dev"
STORY_KINDS = {"headline", "story"}

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_ENGLISH = frozenset(
    {"the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "was", "with", "as"}
    | {"it", "by", "at", "from", "he", "his", "are", "be", "has", "have", "said", "this"}
    | {"an", "which", "not", "but", "they", "were", "their", "its", "who", "will"}
)
_TITLE_SPLIT_RE = re.compile(r"\s+[|\-–—:•·»]\s+")
_N = 3


def tokens(text: str) -> list[str]:
    """Lower-cased words (one per CJK character) of ``text``."""
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def _weight(token: str) -> int:
    return len(token) + (0 if len(token) == 1 and re.match(f"[{_CJK}]", token) else 1)


def _ngrams(toks: Sequence[str], n: int) -> Iterable[tuple[str, ...]]:
    return (tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


class Index:
    """The three-word runs of some texts, and their pieces of one or two words whole."""

    def __init__(self, pieces: Iterable[Sequence[str]]) -> None:
        self.grams: set[tuple[str, ...]] = set()
        for toks in pieces:
            self.grams.update(_ngrams(toks, _N))
            if len(toks) < _N:
                self.grams.add(tuple(toks))

    def covered(self, toks: Sequence[str]) -> list[bool]:
        """For each word: is a run of three around it (or the whole short piece) in the index?"""
        if len(toks) < _N:
            return [tuple(toks) in self.grams] * len(toks)
        hit = [False] * len(toks)
        for i, gram in enumerate(_ngrams(toks, _N)):
            if gram in self.grams:
                for k in range(i, i + _N):
                    hit[k] = True
        return hit


class Score(NamedTuple):
    recall: float
    leak: float
    ceiling: float
    headline: bool | None  # None: not an English page


def _share(pieces: Sequence[Sequence[str]], index: Index, *, hit_is_good: bool) -> float:
    total = good = 0
    for toks in pieces:
        for tok, hit in zip(toks, index.covered(toks), strict=True):
            w = _weight(tok)
            total += w
            if hit == hit_is_good:
                good += w
    return good / total if total else 0.0


def score(article: ml.Article, gold: str, headlines: Sequence[set[str]], english: bool) -> Score:
    """Recall, leak, ceiling and headline for one page."""
    gold_pieces = [tokens(p) for p in re.split(r"\n\s*\n", gold) if tokens(p)]
    blocks = article.block_records
    kept = [tokens(b.text) for b in blocks if b.kind in STORY_KINDS]
    story = [tokens(b.text) for b in blocks if b.kind == "story"]
    everything = [tokens(b.text) for b in blocks]
    gold_index = Index(gold_pieces)
    recall = _share(gold_pieces, Index(kept), hit_is_good=True)
    ceiling = _share(gold_pieces, Index(everything), hit_is_good=True)
    leak = _share([s for s in story if s], gold_index, hit_is_good=False)
    found = None
    if english:
        heads = [set(tokens(b.text)) for b in blocks if b.kind == "headline"]
        found = any(_same_title(h, c) for h in heads for c in headlines)
    return Score(recall, leak, ceiling, found)


def _same_title(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    common = len(a & b)
    return common >= 0.8 * len(a) and common >= 0.8 * len(b)


_META_RE = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"'](?:og:title|twitter:title)[\"'][^>]*>", re.I | re.S
)
_CONTENT_RE = re.compile(r"content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I | re.S)
_H1_RE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]+>")


def page_headlines(markup: str) -> list[set[str]]:
    """The page's own headline candidates (h1, og:title, <title> and its parts) as word sets."""
    texts: list[str] = []
    for match in _H1_RE.finditer(markup):
        texts.append(_TAG_RE.sub(" ", match.group(1)))
    for match in _META_RE.finditer(markup):
        content = _CONTENT_RE.search(match.group())
        if content:
            texts.append(content.group(1) or content.group(2) or "")
    title = _TITLE_RE.search(markup)
    if title:
        texts.append(title.group(1))
    out = []
    for text in texts:
        text = html.unescape(text)
        for part in [text, *_TITLE_SPLIT_RE.split(text)]:
            words = set(tokens(part))
            if len(words) >= 2 and words not in out:
                out.append(words)
    return out


def is_english(gold: str) -> bool:
    toks = tokens(gold)
    return bool(toks) and sum(t in _ENGLISH for t in toks) >= 0.18 * len(toks)


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def evaluate(
    folder: Path, *, only: str | None = None, paths: Sequence[str] = ("html", "text")
) -> dict[str, dict[str, Score]]:
    """Score every page in ``folder`` on ``paths``; returns {path: {name: Score}}."""
    results: dict[str, dict[str, Score]] = {path: {} for path in paths}
    errors: dict[str, list[str]] = {"html": [], "text": []}
    names = sorted(p.name[: -len(".json")] for p in folder.glob("*.json"))
    if only:
        names = [n for n in names if n == only]
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            gold = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))["articleBody"]
            raw = gzip.decompress((folder / f"{name}.html.gz").read_bytes())
            heads = page_headlines(_decode(raw))
            english = is_english(gold)
            page = Path(tmp) / f"{name}.html"
            page.write_bytes(raw)
            copied = (folder / f"{name}.txt").read_text(encoding="utf-8")
            for path, load in (
                ("html", lambda page=page: ml.load_article(page)),
                ("text", lambda copied=copied: ml.Article.from_text(copied)),
            ):
                if path not in paths:
                    continue
                try:
                    article = load()
                except Exception as exc:  # a failure is a result, not a crash
                    errors[path].append(f"{name}: {type(exc).__name__}: {str(exc)[:80]}")
                    results[path][name] = Score(0.0, 0.0, 0.0, False if english else None)
                    continue
                results[path][name] = score(article, gold, heads, english)
    results["_errors"] = errors  # type: ignore[assignment]
    return results


def show(folder: Path, name: str, path: str) -> None:
    """Print each block of one page with its kind and whether it is gold (for tuning)."""
    gold = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))["articleBody"]
    if path == "text":
        article = ml.Article.from_text((folder / f"{name}.txt").read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / f"{name}.html"
            page.write_bytes(gzip.decompress((folder / f"{name}.html.gz").read_bytes()))
            article = ml.load_article(page)
    index = Index(tokens(p) for p in re.split(r"\n\s*\n", gold))
    for b in article.block_records:
        toks = tokens(b.text)
        hits = index.covered(toks)
        mark = "G" if toks and sum(hits) >= len(hits) / 2 else "."
        print(f"{mark} {b.kind[:10]:10} | {b.text[:110]}  [{b.rule[:40]}]")
    warning = getattr(article, "warning", None)
    if warning:
        print("WARNING:", warning)


def halves(scores: dict[str, Score]) -> dict[str, dict[str, Score]]:
    """All pages, then the tuning half (sorted names at even positions) and the check half.

    Rules are tuned while looking at the tuning half only; the check half shows whether
    the figures carry over to pages the rules were not fitted to.
    """
    names = sorted(scores)
    return {
        "all": scores,
        "tune (even)": {n: scores[n] for n in names[0::2]},
        "check (odd)": {n: scores[n] for n in names[1::2]},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages per path")
    parser.add_argument("--show", metavar="NAME", help="print one page's blocks and stop")
    parser.add_argument("--path", choices=("html", "text"), default="text", help="for --show")
    parser.add_argument(
        "--half", choices=("tune", "check", "all"), default="tune",
        help="which pages --worst lists (default: the tuning half, so the check half stays unseen)",
    )
    parser.add_argument(
        "--only", choices=("html", "text"), help="score one path only (faster while tuning)"
    )
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"eval_pages: {args.folder} not found; skipping (needs ../shared/pages-dev)")
        return 0
    if args.show:
        show(args.folder, args.show, args.path)
        return 0
    began = time.perf_counter()
    results = evaluate(args.folder, paths=(args.only,) if args.only else ("html", "text"))
    errors = results.pop("_errors")
    print(f"Page vs story on {args.folder.name} ({time.perf_counter() - began:.0f} s)")
    print(
        f"{'path':6} {'pages':13} {'n':>4} {'recall':>7} {'leak':>6} {'ceiling':>8} "
        f"{'headline (en)':>15}"
    )
    for path, scores in results.items():
        for label, part in halves(scores).items():
            values = list(part.values())
            heads = [s.headline for s in values if s.headline is not None]
            print(
                f"{path:6} {label:13} {len(values):4d} "
                f"{statistics.mean(s.recall for s in values):7.3f} "
                f"{statistics.mean(s.leak for s in values):6.3f} "
                f"{statistics.mean(s.ceiling for s in values):8.3f} "
                f"{sum(heads) / max(1, len(heads)):7.3f} ({sum(heads)}/{len(heads)})"
            )
        for line in errors[path]:
            print(f"  failed: {line}")
        if args.worst:
            listed = halves(scores)[{"tune": "tune (even)", "check": "check (odd)"}.get(
                args.half, "all"
            )]
            print(f"  worst pages of {args.half}:")
            by_recall = sorted(listed.items(), key=lambda kv: kv[1].recall - kv[1].ceiling)
            by_leak = sorted(listed.items(), key=lambda kv: -kv[1].leak)
            print("  lowest recall (vs ceiling):")
            for name, s in by_recall[: args.worst]:
                print(f"    {name} recall={s.recall:.3f} ceiling={s.ceiling:.3f} leak={s.leak:.3f}")
            print("  highest leak:")
            for name, s in by_leak[: args.worst]:
                print(f"    {name} leak={s.leak:.3f} recall={s.recall:.3f}")
            missed = [n for n, s in listed.items() if s.headline is False]
            print(f"  headline missed: {' '.join(missed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
