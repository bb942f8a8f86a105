"""Lesson 5's exercises, built from the seed article and its answer key."""

from __future__ import annotations

import copy

import pytest
from activity_helpers import edited_key

from medialit.learn.activities import evidence as ev
from medialit.learn.exercises import ExerciseError, MultipleChoice, SingleChoice, SortItems
from medialit.vocab import VERDICTS


def test_verdict_words_cover_the_key_format():
    assert tuple(ev.VERDICT_WORDS) == VERDICTS


# --------------------------------------------------------------------------- claim_support


def test_claim_support_right_answer_from_key_scores_one(seed, key):
    ex = ev.claim_support(seed, key)
    assert isinstance(ex, SortItems)
    assert ex.categories == ("not corroborated", "partly corroborated", "corroborated")
    truth = {c["text"]: ev.VERDICT_WORDS[c["verdict"]] for c in key.raw["claims"]}
    assert len(truth) == len(ex.items) == 7
    result = ex.check(truth)
    assert (result.score, result.misses, result.false_alarms) == (1.0, 0, 0)


def test_claim_support_doubting_a_partly_backed_claim_is_a_false_alarm(seed, key):
    ex = ev.claim_support(seed, key)
    answer = {c["text"]: ev.VERDICT_WORDS[c["verdict"]] for c in key.raw["claims"]}
    leader = "one of its top leaders was killed in a coalition airstrike"
    answer[leader] = "not corroborated"
    result = ex.check(answer)
    assert (result.false_alarms, result.misses) == (1, 0)
    assert any("Pentagon" in line for line in result.feedback_lines)


def test_claim_support_trusting_the_main_claim_is_a_miss(seed, key):
    ex = ev.claim_support(seed, key)
    answer = {c["text"]: ev.VERDICT_WORDS[c["verdict"]] for c in key.raw["claims"]}
    main = next(c["text"] for c in key.raw["claims"] if c["id"] == "fake-sick-notices")
    answer[main] = "corroborated"
    result = ex.check(answer)
    assert (result.false_alarms, result.misses) == (0, 1)


def test_claim_support_explanations_come_from_the_key(seed, key):
    ex = ev.claim_support(seed, key)
    assert [i.explanation for i in ex.items] == [c["explanation"] for c in key.raw["claims"]]


def test_claim_support_leaves_out_a_claim_repeated_word_for_word(seed, key):
    claims = copy.deepcopy(key.raw["claims"])
    claims.append({**claims[0], "id": "again"})
    ex = ev.claim_support(seed, edited_key(key, claims=claims))
    assert len(ex.items) == 7


@pytest.mark.parametrize("verdict", ["not_corroborated", "partly"])
def test_claim_support_needs_two_verdicts(seed, key, verdict):
    claims = [{**c, "verdict": verdict} for c in key.raw["claims"]]
    with pytest.raises(ExerciseError, match="at least two different verdicts"):
        ev.claim_support(seed, edited_key(key, claims=claims))


def test_claim_support_needs_claims(seed, key):
    with pytest.raises(ExerciseError, match=r"Test key has no claims.*05-sort-claims"):
        ev.claim_support(seed, edited_key(key, claims=[]))


# --------------------------------------------------------------------------- nearby_quotes


def test_nearby_quotes_none_of_them_isright_answer(seed, key):
    ex = ev.nearby_quotes(seed, key)
    assert isinstance(ex, SingleChoice)
    assert "calling in sick" in ex.question  # the claim with the most nearby quotes
    backers = next(c for c in key.raw["claims"] if c["id"] == "calling-in-sick")["corroborated_by"]
    assert len(ex.choices) == len(backers) + 1
    assert [c.explanation for c in ex.choices[:-1]] == [b["how_far"] for b in backers]
    right = ex.check(ev.NONE_OF_THEM)
    assert (right.score, right.false_alarms) == (1.0, 0)


def test_nearby_quotes_picking_an_officer_is_a_false_alarm(seed, key):
    ex = ev.nearby_quotes(seed, key)
    votel = next(c.text for c in ex.choices if c.text.startswith("Gen. Joseph Votel"))
    assert "Manbij" in votel  # the option shows what he actually said
    result = ex.check(votel)
    assert (result.hits, result.false_alarms) == (0, 1)
    assert "another place" in str(result)


def test_nearby_quotes_for_a_chosen_claim(seed, key):
    ex = ev.nearby_quotes(seed, key, claim="fake-sick-notices")
    assert "al-Shirqat" in ex.question


@pytest.mark.parametrize(
    ("claim", "message"),
    [("no-such-claim", "has no claim 'no-such-claim'"),
     ("low-morale-motive", "must have verdict 'not_corroborated'"),
     ("boiled-alive", "at least one entry in corroborated_by")],
)
def test_nearby_quotes_bad_claim_is_a_clear_error(seed, key, claim, message):
    with pytest.raises(ExerciseError, match=message):
        ev.nearby_quotes(seed, key, claim=claim)


def test_nearby_quotes_needs_an_unconfirmed_claim_with_backers(seed, key):
    claims = [{**c, "corroborated_by": []} for c in key.raw["claims"]]
    with pytest.raises(ExerciseError, match="needs a claim with verdict 'not_corroborated'"):
        ev.nearby_quotes(seed, edited_key(key, claims=claims))


# --------------------------------------------------------------------------- gallery_match


def test_gallery_match_no_gallery_belongs(seed, key):
    ex = ev.gallery_match(seed, key)
    assert isinstance(ex, MultipleChoice)
    texts = [c.text for c in ex.choices]
    assert texts[0] == (
        "\u201cIraq's oldest cemetery growing quickly due to ISIS war\u201d: Wadi al-Salam "
        "cemetery, Najaf, south of Baghdad, Iraq, 26 July \u2013 10 August 2016"
    )
    assert "28 August 2013 \u2013 1 December 2015" in texts[1]
    assert texts[-1] == ev.NO_GALLERY
    right = ex.check([ev.NO_GALLERY])
    assert (right.score, right.false_alarms) == (1.0, 0)
    wrong = ex.check([texts[2]])  # Falluja: Iraq, 2016, but another city and months earlier
    assert (wrong.hits, wrong.misses, wrong.false_alarms) == (0, 1, 1)


def test_gallery_match_when_one_gallery_belongs(seed, key):
    galleries = copy.deepcopy(key.raw["galleries"])
    galleries[0]["belongs_to_story"] = True
    ex = ev.gallery_match(seed, edited_key(key, galleries=galleries))
    right = [c.text for c in ex.choices if c.correct]
    assert len(right) == 1 and "Najaf" in right[0]
    assert ex.check([right[0], ev.NO_GALLERY]).false_alarms == 1


def test_gallery_match_needs_galleries(seed, key):
    with pytest.raises(ExerciseError, match="has no galleries"):
        ev.gallery_match(seed, edited_key(key, galleries=[]))


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [("2016-07-26", "2016-08-10", "26 July \u2013 10 August 2016"),
     ("2013-08-28", "2015-12-01", "28 August 2013 \u2013 1 December 2015"),
     ("2016-09-01", "2016-09-01", "1 September 2016"),
     ("2021-06-09", "2021-06-10", "9\u201310 June 2021"),
     ("2015-12-30", "2016-01-02", "30 December 2015 \u2013 2 January 2016"),
     ("2016", "2016", "2016"),
     ("spring 2016", "unknown", "spring 2016 \u2013 unknown")],
)
def test_date_range(first, last, words):
    assert ev.date_range(first, last) == words


# --------------------------------------------------------------------------- sift_moves


def test_sift_moves_right_answer_scores_one_and_names_the_first_publisher(seed, key):
    ex = ev.sift_moves(seed, key)
    assert ex.categories == (*ev.SIFT_MOVES, ev.NOT_A_CHECK)
    texts = [i.text for i in ex.items]
    assert "Look up who runs Fars News Agency and what others say about it." in texts
    assert "Trust the claim because U.S. News & World Report and AOL both carry it." in texts
    result = ex.check({i.text: i.category for i in ex.items})
    assert (result.score, result.false_alarms) == (1.0, 0)


def test_sift_moves_taking_a_bad_check_for_a_move_is_a_false_alarm(seed, key):
    ex = ev.sift_moves(seed, key)
    answer = {i.text: i.category for i in ex.items}
    bad = next(i.text for i in ex.items if i.category == ev.NOT_A_CHECK)
    answer[bad] = "Find better coverage"
    assert ex.check(answer).false_alarms == 1


@pytest.mark.parametrize(
    ("roles", "phrase"),
    [(["original source", "republished by"], "because AOL carries it too."),
     (["original source", "first publisher"], "because several websites carry it."),
     (["first publisher", "retold by", "retold by", "republished by"], "all carry it.")],
)
def test_sift_moves_wording_follows_the_chain(seed, key, roles, phrase):
    chain = key.raw["source_chain"]
    steps = [{**chain[min(i, 3)], "role": role} for i, role in enumerate(roles)]
    if roles[-1] == "republished by":
        steps[-1] = {**chain[3]}
    ex = ev.sift_moves(seed, edited_key(key, source_chain=steps))
    assert any(i.text.endswith(phrase) for i in ex.items)


def test_sift_moves_needs_a_first_teller(seed, key):
    chain = [s for s in key.raw["source_chain"] if s["role"] in ("retold by", "republished by")]
    with pytest.raises(ExerciseError, match="role 'first publisher' or 'original source'"):
        ev.sift_moves(seed, edited_key(key, source_chain=chain))


@pytest.mark.parametrize(
    "builder", [ev.claim_support, ev.nearby_quotes, ev.gallery_match, ev.sift_moves]
)
def test_builders_want_an_article_and_a_key_and_take_an_id(seed, key, builder):
    with pytest.raises(ExerciseError, match="article must be a medialit Article"):
        builder(None, key)
    with pytest.raises(ExerciseError, match="key must be an answer key"):
        builder(seed, {})
    assert builder(seed, key, exercise_id="06-evidence").lesson == "06"
