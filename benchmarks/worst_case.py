"""Worst-case inputs: does every detector and renderer stay linear in the input size?

Usage::

    python benchmarks/worst_case.py [--sizes 10000 100000 1000000] [--only NAME ...]

Each *shape* is a text built to hit one place that once took time growing with the
square of the input (issue 14's probe): a 100,000-letter word before a period,
thousands of "Gen. " titles in a row, "said " twenty thousand times in one sentence,
a long article full of sources and outlets, a long dialogue paragraph to highlight,
and an unclosed "(AP Photo" credit pattern. For each shape and size the script prints
the seconds taken (best of a few runs) and the ratio to the previous size: with a
tenfold size step, linear code gives a ratio near 10 and quadratic code near 100.

``tests/test_worst_case.py`` runs the same shapes (imported from this file) and
asserts the ratios; this script only measures. It reads nothing outside the
project (the "article" shape repeats the bundled seed article).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import medialit as ml

SIZES = (10_000, 100_000, 1_000_000)


def _fill(unit: str, n: int) -> str:
    """``unit`` repeated to (about) ``n`` characters."""
    return unit * max(1, n // len(unit))


_NEWS = (
    "The ministry told RT and Sputnik that the fighters were sick, the BBC reported. "
    "A spokesman said the claim was false, according to Reuters and Xinhua. "
    "Officials reportedly told Al Jazeera that no one was hurt. "
)


def _news(n: int) -> str:
    """A long article: paragraphs dense with sources and the outlets inside them."""
    paragraph = _NEWS * 4
    return "Fighters calling in sick\n\n" + "\n\n".join([paragraph] * max(1, n // len(paragraph)))


def _split(text: str) -> object:
    from medialit.text.segmentation import split_sentences

    return split_sentences(text)


def _attributions(text: str) -> object:
    return ml.find_attributions(ml.Article.from_text("A headline\n\n" + text))


def _analyze(text: str) -> object:
    return ml.analyze(ml.Article.from_text(text))


def _highlight(text: str) -> object:
    return ml.highlight(ml.Article.from_text("A headline\n\n" + text)).html


def _segment(text: str) -> object:
    return ml.Article.from_text("A headline\n\n" + text).block_records


@dataclass(frozen=True)
class Shape:
    """One worst-case input: how to build it at a size, and what to run on it."""

    name: str
    what: str
    build: Callable[[int], str]
    run: Callable[[str], object]


SHAPES: tuple[Shape, ...] = (
    Shape(
        "long_word",
        "split_sentences: one huge word, then a period",
        lambda n: "x" * n + " y. The end.",
        _split,
    ),
    Shape(
        "titles", "split_sentences: 'Gen. ' again and again", lambda n: _fill("Gen. ", n), _split
    ),
    Shape("dots", "split_sentences: a run of periods", lambda n: "." * n + " The end.", _split),
    Shape(
        "said",
        "attributions: 'said ' again and again in one sentence",
        lambda n: _fill("said ", n),
        _attributions,
    ),
    Shape(
        "article",
        "analyze(): a long article full of sources and outlets (state affiliation)",
        _news,
        _analyze,
    ),
    Shape(
        "dialogue",
        "highlight(): one long dialogue paragraph (nesting of marks)",
        lambda n: _fill('"Yes, reportedly," he told RT. "No," she said. ', n),
        _highlight,
    ),
    Shape(
        "photo_credit",
        "page patterns: '(AP Photo' again and again, never closed",
        lambda n: _fill("(AP Photo ", n),
        _segment,
    ),
    Shape(
        "share_bar",
        "page patterns: share buttons with long runs of spaces between them, then a word "
        "that is no button (each run of spaces could be split two ways)",
        lambda n: "share" + _fill("\t\u2003 \u3000 \u2009 facebook", n) + " x",
        _segment,
    ),
)


def best_time(func: Callable[[], object], *, repeat: int) -> float:
    """The best of ``repeat`` runs (the least disturbed by other work on the machine)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def series(shape: Shape, sizes: tuple[int, ...] = SIZES) -> list[tuple[int, float]]:
    """``(size, seconds)`` for each size; small sizes are repeated more (less noise)."""
    out = []
    for size in sizes:
        text = shape.build(size)
        repeat = 5 if size <= 10_000 else 3 if size <= 100_000 else 1
        shape.run(text[: min(len(text), 2000)])  # warm caches (lexicons, regexes)
        out.append((len(text), best_time(lambda text=text: shape.run(text), repeat=repeat)))
    return out


FLOOR = 0.1
"""Times under 0.1 s count as 0.1 s in a ratio: a 10,000-character input fits in the CPU's
caches and runs faster per character than any larger one, which is no sign of
quadratic time (a quadratic shape took 21 to 38 s at 100,000 characters)."""


def ratios(times: list[tuple[int, float]]) -> list[float]:
    """Time ratio between neighbouring sizes (with :data:`FLOOR` for tiny times)."""
    return [max(b, FLOOR) / max(a, FLOOR) for (_, a), (_, b) in pairwise(times)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--only", nargs="+", choices=[s.name for s in SHAPES])
    args = parser.parse_args(argv)
    sizes = tuple(args.sizes)
    print("Worst-case series: seconds per size, and the ratio to the previous size")
    print("(size x10: linear ~10, quadratic ~100)\n")
    for shape in SHAPES:
        if args.only and shape.name not in args.only:
            continue
        times = series(shape, sizes)
        cells = "  ".join(f"{n:>9,} chars {t:8.3f} s" for n, t in times)
        rs = "  ".join(f"x{r:.1f}" for r in ratios(times))
        print(f"{shape.name:<13} {cells}   ratios {rs}   ({shape.what})")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
