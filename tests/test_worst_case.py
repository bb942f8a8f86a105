"""Every detector and renderer is linear in its input (issue 14's slow-input series).

Each shape of ``benchmarks/worst_case.py`` once took time growing with the square of
the input (38 s for a 100,000-letter word, 35 s for 1 MB of unclosed photo credits).
The test runs it at 10,000, 100,000 and 1,000,000 characters and asserts the time
*ratio* between neighbouring sizes: about 10 when linear (10-20 measured: caches and
the garbage collector cost a little more on larger inputs), about 100 when quadratic.
The bound of 40 is generous, for a busy shared machine; no absolute time is asserted.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "worst_case.py"
_SPEC = importlib.util.spec_from_file_location("worst_case", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
worst_case = importlib.util.module_from_spec(_SPEC)
sys.modules["worst_case"] = worst_case  # dataclasses look their module up there
_SPEC.loader.exec_module(worst_case)

MAX_RATIO = 40.0


@pytest.mark.parametrize("shape", worst_case.SHAPES, ids=lambda s: s.name)
def test_time_grows_linearly(shape):
    times = worst_case.series(shape, (10_000, 100_000, 1_000_000))
    ratios = worst_case.ratios(times)
    shown = ", ".join(f"{n:,} chars: {t:.3f} s" for n, t in times)
    assert max(ratios) < MAX_RATIO, f"{shape.what}: {shown}"


def test_the_shapes_are_the_cases_of_the_issue():
    assert {s.name for s in worst_case.SHAPES} >= {
        "long_word", "titles", "said", "article", "dialogue", "photo_credit"
    }
