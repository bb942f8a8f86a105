"""The lesson sources (lessons/*.py): try first, then learn.

No answer is visible before a learner's first try: typing examples use neutral
placeholders, each exercise comes before the text, table or chart that explains it, and
worked examples wait for the learner's own try (``worked_example``, not ``evaluate``).
The learner copies themselves are checked against the answer keys in
tests/teach/test_release.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("*.py"))
_TYPING = re.compile(r"\*Prefer typing\?\*(.*?)(?:\n#\n|\n\n|\Z)", re.DOTALL)
_QUOTED = re.compile(r'"([^"]*)"')
PLACEHOLDER = re.compile(r"^(a|an|another|the|first|second)\b|^\.\.\.$")


def source(name: str) -> str:
    return (ROOT / "lessons" / f"{name}.py").read_text(encoding="utf-8")


def typing_examples(text: str) -> list[str]:
    return [m.group(1) for m in _TYPING.finditer(text)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_typing_examples_use_neutral_placeholders(path):
    text = path.read_text(encoding="utf-8")
    examples = typing_examples(text)
    if "Prefer typing?" in text:
        assert examples, "the typing examples could not be read"
    leaks = [q for example in examples for q in _QUOTED.findall(example)
             if not PLACEHOLDER.match(q)]
    assert leaks == [], f"typing examples that may give an answer away: {leaks}"


def test_the_placeholder_check_can_fail():
    text = '# *Prefer typing?* `ex.check({"Fars News Agency": "state-affiliated"})`\n'
    quoted = _QUOTED.findall(typing_examples(text)[0])
    assert [q for q in quoted if not PLACEHOLDER.match(q)] == quoted


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_worked_examples_wait_for_the_learners_try(path):
    text = path.read_text(encoding="utf-8")
    assert ".evaluate(" not in text, "use exercise.worked_example(...): it waits for a try"


@pytest.mark.parametrize(
    ("lesson", "exercise", "explanation"),
    [
        # Hedge drift: the drifted sentence and the chart come after the exercise.
        ("02_hedges", "spot_hedge_drift(", "formal sick notices also offers"),
        ("02_hedges", "spot_hedge_drift(", "ml.plot_hedges(article)"),
        ("02_hedges", "what_reportedly_does(", '"Reportedly" names no one'),
        # The chain table and diagram come after the chain exercise.
        ("03_who_says_so", "order_source_chain(", "ml.source_chain(article)"),
        ("03_who_says_so", "order_source_chain(", "ml.plot_source_chain(article)"),
        ("03_who_says_so", "order_source_chain(", "first reported by"),
        ("03_who_says_so", "select_sources(", 'kinds=["source", "cue", "quote"]'),
        ("03_who_says_so", "sort_sources(", 'attributions[["source", "cue", "source_kind"]]'),
        ("03_who_says_so", "who_has_a_stake(", "A side gains when its enemy looks weak"),
        # Nearby quotes: what each quote is about comes after the exercise.
        ("05_is_it_confirmed", "nearby_quotes(", "None of them mentions sick notes"),
        ("01_page_or_story", "who_added_what(", "three photo galleries, gallery buttons"),
        ("01_page_or_story", "where_story_ends(", "marks where their text ends"),
        ("01_page_or_story", "question_headline(", "has promised nothing"),
    ],
)
def test_each_exercise_comes_before_what_explains_it(lesson, exercise, explanation):
    text = " ".join(source(lesson).replace("\n# ", " ").split())
    assert exercise in text and explanation in text
    assert text.index(exercise) < text.index(explanation)


def test_the_page_kinds_table_counts_its_rows():
    # Regression (issue 11): "six kinds" above a table of seven.
    text = source("01_page_or_story")
    said = re.search(r"one of (\w+) kinds:", text).group(1)
    table = text.split(f"one of {said} kinds:", 1)[1].split("\n#\n# Watch", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("# | **")]
    words = {"six": 6, "seven": 7, "eight": 8}
    assert words[said] == len(rows)
