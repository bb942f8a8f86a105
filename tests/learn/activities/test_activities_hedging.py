"""Lesson 2's exercises, built from the seed article and its answer key (and a tiny article)."""

from __future__ import annotations

import pytest
from activity_helpers import edited_key, right_answer

import medialit as ml
from medialit.learn.activities import common, hedging
from medialit.learn.exercises import ExerciseError, SelectPhrases
from medialit.learn.keys import AnswerKey

BUILDERS = [hedging.select_hedges, hedging.sort_hedges, hedging.what_reportedly_does,
            hedging.spot_hedge_drift]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda f: f.__name__)
def test_right_answer_scores_one_with_no_false_alarms(seed, key, build):
    ex = build(seed, key)
    assert ex.id.startswith("02-")
    result = ex.evaluate(right_answer(ex))
    assert (result.score, result.misses, result.false_alarms) == (1.0, 0, 0)


# --------------------------------------------------------------------------- select_hedges


def test_select_hedges_in_the_opening_paragraphs(seed, key):
    ex = hedging.select_hedges(seed, key)
    assert isinstance(ex, SelectPhrases)
    assert ex.passage.startswith("It's been a tough week")
    assert ex.passage.endswith("considering similar actions.")
    right = [c.text for c in ex.choices if c.correct]
    wrong = [c.text for c in ex.choices if not c.correct]
    assert right == ["reports have surfaced", "according to reports", "the militia members say",
                     "what others have observed", "reportedly"]
    assert wrong == ["literally", "might", "roughly", "others"]


def test_select_hedges_spans_point_at_the_words_in_the_passage(seed, key):
    ex = hedging.select_hedges(seed, key)
    for choice, (start, end) in zip(ex.choices, ex.spans, strict=True):
        assert ex.passage[start:end] == choice.text


@pytest.mark.parametrize("look_alike", ["literally", "might", "roughly"])
def test_select_hedges_a_look_alike_is_a_false_alarm(seed, key, look_alike):
    ex = hedging.select_hedges(seed, key)
    result = ex.evaluate([*right_answer(ex), look_alike])
    assert (result.hits, result.misses, result.false_alarms) == (5, 0, 1)
    assert f'False alarm: "{look_alike}"' in str(result)


def test_select_hedges_more_paragraphs_more_candidates(seed, key):
    three = hedging.select_hedges(seed, key, paragraphs=3)
    five = hedging.select_hedges(seed, key, paragraphs=5)
    assert len(five.choices) > len(three.choices)
    assert "U.S. officials say" in [c.text for c in five.choices if c.correct]


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_select_hedges_paragraphs_must_be_a_whole_number(seed, key, bad):
    with pytest.raises(ExerciseError, match="paragraphs must be a whole number"):
        hedging.select_hedges(seed, key, paragraphs=bad)


def test_select_hedges_without_look_alikes_says_what_to_do(seed, key):
    with pytest.raises(ExerciseError, match=r"no look-alikes.*Try more paragraphs"):
        hedging.select_hedges(seed, edited_key(key, distractors=[]))


def test_select_hedges_without_hedges_in_reach(seed, key):
    with pytest.raises(ExerciseError, match="no hedges in the first 1"):
        hedging.select_hedges(seed, edited_key(key, hedges=[]), paragraphs=1)


# --------------------------------------------------------------------------- sort_hedges


def test_sort_hedges_categories_and_truth(seed, key):
    ex = hedging.sort_hedges(seed, key)
    assert ex.categories == ("reportive", "epistemic", "vague source", "question headline",
                             "not a hedge")
    truth = {i.text: i.category for i in ex.items}
    assert truth["reportedly"] == "reportive"
    assert truth["U.S. officials say"] == "vague source"
    assert truth["ISIS fighters calling in sick?"] == "question headline"
    assert truth["literally"] == truth["literally moving"] == "not a hedge"  # two, told apart
    assert truth["The reports of"] == "not a hedge"
    assert truth["U.S. Central Command"] == "not a hedge"


def test_sort_hedges_look_alike_put_in_a_hedge_category_is_a_false_alarm(seed, key):
    ex = hedging.sort_hedges(seed, key)
    answer = {**right_answer(ex), "might": "epistemic", "reportedly": "vague source"}
    result = ex.evaluate(answer)
    assert (result.false_alarms, result.misses) == (1, 1)


def test_sort_hedges_needs_look_alikes(seed, key):
    with pytest.raises(ExerciseError, match="look-alikes of a hedge"):
        hedging.sort_hedges(seed, edited_key(key, distractors=[]))


# --------------------------------------------------------------------------- what_reportedly_does


def test_reportedly_defaults_to_the_unsupported_grave_claim(seed, key):
    ex = hedging.what_reportedly_does(seed, key)
    assert ex.question.startswith('"Deserters from al-Shirqat have reportedly been boiled alive')
    assert 'What does "reportedly" tell you' in ex.question
    right = next(c for c in ex.choices if c.correct)
    assert right.explanation == key.hedges.set_index("text").loc["reportedly", "explanation"]
    assert ex.choices[0] is not right


def test_reportedly_can_ask_about_another_reportive_hedge(seed, key):
    ex = hedging.what_reportedly_does(seed, key, hedge="According to reports")
    assert 'What does "according to reports" tell you' in ex.question


def test_reportedly_unknown_hedge_lists_the_known_ones(seed, key):
    with pytest.raises(ExerciseError, match="'reports have surfaced'"):
        hedging.what_reportedly_does(seed, key, hedge="allegedly")


def test_reportedly_misreading_is_a_false_alarm(seed, key):
    ex = hedging.what_reportedly_does(seed, key)
    result = ex.evaluate("Several reporters have checked it and confirmed it.")
    assert result.false_alarms == 1
    assert '"Reported" is not "confirmed"' in str(result)


# --------------------------------------------------------------------------- spot_hedge_drift


def test_drift_right_choice_is_the_settled_retelling(seed, key):
    ex = hedging.spot_hedge_drift(seed, key)
    assert "Now reports have surfaced that its fighters" in ex.question
    assert right_answer(ex).startswith("The reports of Islamic State group fighters filing formal")
    texts = [c.text for c in ex.choices]
    assert any(t.startswith("U.S. officials say") for t in texts)  # nearby, not the claim
    starts = [seed.text.find(t.rstrip("…")) for t in texts]
    assert starts == sorted(starts)  # story order, so the answer's place gives nothing away


def test_drift_nearby_quote_is_a_false_alarm_with_the_keys_reason(seed, key):
    ex = hedging.spot_hedge_drift(seed, key)
    officials = next(c.text for c in ex.choices if c.text.startswith("U.S. officials say"))
    result = ex.evaluate(officials)
    assert result.false_alarms == 1
    assert "not sick notes" in str(result)


def test_drift_without_a_drift_pair(seed, key):
    claims = [{**c, "restates": None} for c in key.raw["claims"]]
    with pytest.raises(ExerciseError, match="records no hedge drift"):
        hedging.spot_hedge_drift(seed, edited_key(key, claims=claims))


# --------------------------------------------------------------------------- any article + key

TINY = (
    "Frogs fell on Springfield?\n\n"
    "Residents reportedly saw frogs fall from the sky, officials say. "
    "Some feared they might fall again, roughly at noon.\n\n"
    "Copyright 2024 Example News\n"
)


def _span(text: str, **extra) -> dict:
    start = TINY.index(text)
    return {"start": start, "end": start + len(text), "text": text, **extra}


def test_select_and_sort_work_on_another_article_and_key():
    article = ml.Article.from_text(TINY, name="tiny")
    raw = {
        "article": "tiny", "format_version": 1, "checked_against": ["this test"],
        "blocks": [{"start": b.start, "end": b.end, "text": b.text, "kind": b.kind,
                    "explanation": "A line."} for b in article.block_records],
        "hedges": [_span("reportedly", category="reportive", explanation="Passed on."),
                   _span("officials say", category="vague_source", explanation="Who?")],
        "distractors": [_span("might", looks_like="hedge", explanation="Their fear."),
                        _span("roughly", looks_like="hedge", explanation="A time.")],
        "attributions": [], "outlets": [], "source_chain": [], "claims": [], "galleries": [],
    }
    key = AnswerKey(_raw=raw, where="Tiny key")
    key.validate(article)
    select = hedging.select_hedges(article, key)
    assert [c.text for c in select.choices] == ["reportedly", "officials say", "might", "roughly"]
    sort = hedging.sort_hedges(article, key)
    assert sort.evaluate(right_answer(sort)).score == 1.0
    with pytest.raises(ExerciseError, match="no hedge drift"):
        hedging.spot_hedge_drift(article, key)


def test_opening_passage_maps_spans_back(seed, key):
    passage, pieces = common.opening_passage(key, paragraphs=2)
    for start, end, offset in pieces:
        assert passage[offset : offset + end - start] == seed.text[start:end]
