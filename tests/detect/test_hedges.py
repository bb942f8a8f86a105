"""Hedges: the lexicon, the matching rules, the false alarms and the seed article."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit.detect.hedges import (
    COLUMNS,
    LEXICON_CATEGORIES,
    LEXICON_COLUMNS,
    _lexicon_rows,
    _scan,
    find_hedges,
    lexicon_problems,
    load_hedge_lexicon,
)
from medialit.vocab import HEDGE_CATEGORIES


def hedges_in(text: str) -> list[tuple[str, str]]:
    """(text, category) of every hedge in one plain sentence."""
    return [(h.text, h.category) for h in _scan(text, [(0, len(text))])]


# ---------------------------------------------------------------- the lexicon


def test_bundled_lexicon_has_no_problems():
    assert lexicon_problems(_lexicon_rows()) == []


def test_lexicon_ids_are_unique_and_categories_known():
    table = load_hedge_lexicon()
    assert list(table.columns) == list(LEXICON_COLUMNS)
    assert table["id"].is_unique
    assert set(table["category"]) <= set(LEXICON_CATEGORIES)
    assert set(HEDGE_CATEGORIES) <= set(table["category"])


def test_every_lexicon_row_has_explanation_and_source():
    table = load_hedge_lexicon()
    assert table["explanation"].str.strip().str.len().gt(20).all()
    assert table["source"].str.strip().ne("").all()


def test_lexicon_cites_the_sources_named_in_the_issue():
    sources = " ".join(load_hedge_lexicon()["source"])
    for name in ("Hyland 2005", "Words to watch", "wooorm hedges", "wooorm weasels", "medialit"):
        assert name in sources


def test_load_hedge_lexicon_returns_a_copy():
    first = load_hedge_lexicon()
    first.loc[0, "cue"] = "changed"
    assert load_hedge_lexicon().loc[0, "cue"] != "changed"
    assert load_hedge_lexicon()["case_sensitive"].dtype == bool


def _row(**fields: str) -> dict[str, str]:
    row = {
        "id": "x",
        "category": "reportive",
        "cue": "x",
        "forms": "x",
        "before": "",
        "after": "",
        "case_sensitive": "false",
        "explanation": "An explanation long enough.",
        "source": "medialit",
        "notes": "",
    }
    row.update(fields)
    return row


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([_row(), _row()], "the id is used twice"),
        ([_row(category="hedgy")], "unknown category 'hedgy'"),
        ([_row(explanation="")], "the explanation is empty"),
        ([_row(source=" ")], "the source is empty"),
        ([_row(forms="")], "no forms to look for"),
        ([_row(case_sensitive="yes")], "case_sensitive must be true or false"),
        ([_row(after=r"\s+{nothing}")], "unknown word list or pattern part nothing"),
        ([_row(after=r"(?:unclosed")], "does not compile"),
        ([_row(id="")], "has no id"),
        (
            [_row(id="p", category="pattern_part", forms="a"), _row(forms="{p}")],
            "forms may only use word lists",
        ),
        ([{"id": "x", "category": "reportive"}], "lacks the column(s) cue"),
    ],
)
def test_lexicon_problems_name_the_row_and_the_fault(rows, expected):
    problems = lexicon_problems(rows)
    assert any(expected in p for p in problems), problems


def test_word_lists_and_pattern_parts_expand():
    rows = [
        _row(id="verbs", category="word_list", forms="say|said"),
        _row(id="who", category="pattern_part", forms=r"(?:the\s+)?(?:{verbs})"),
        _row(id="ok", forms="x", after=r"\s+{who}"),
    ]
    assert lexicon_problems(rows) == []


# ---------------------------------------------------------------- hedges found

FOUND = [
    # reportive
    ("Fighters have reportedly fled the town.", [("reportedly", "reportive")]),
    ("The mayor allegedly took bribes.", [("allegedly", "reportive")]),
    ("The alleged plot was foiled.", [("alleged", "reportive")]),
    ("He purportedly met the envoy.", [("purportedly", "reportive")]),
    ("The group supposedly disbanded.", [("supposedly", "reportive")]),
    ("The supposed leader vanished.", [("supposed", "reportive")]),
    ("Prices rose, according to the ministry.", [("according to", "reportive")]),
    ("According to reports, the bridge fell.", [("According to reports", "reportive")]),
    (
        "according to unconfirmed media reports from Mosul",
        [("according to unconfirmed media reports", "reportive")],
    ),
    ("Now reports have surfaced that the mayor quit.", [("reports have surfaced", "reportive")]),
    ("Local reports say the dam broke.", [("Local reports say", "reportive")]),
    ("There are reports of shelling.", [("There are reports", "reportive")]),
    ("Unconfirmed reports put the toll at 40.", [("Unconfirmed reports", "reportive")]),
    (
        "The video could not be independently verified.",
        [("could not be independently verified", "reportive")],
    ),
    ("CNN couldn't confirm the account.", [("couldn't confirm", "reportive")]),
    ("The figure has not been verified.", [("has not been verified", "reportive")]),
    ("Rumours spread through the camp.", [("Rumours", "reportive")]),
    ("He is rumored to be ill.", [("is rumored to", "reportive")]),
    ("The general is said to be furious.", [("is said to", "reportive")]),
    ("The cell is believed to have 40 members.", [("is believed to", "reportive")]),
    ("Two men believed to be smugglers were held.", [("believed to", "reportive")]),
    ("She claimed that the vote was rigged.", [("claimed", "reportive")]),
    ("He claims he was never there.", [("claims", "reportive")]),
    ("They claim to have the files.", [("claim", "reportive")]),
    ("Claiming that it was a hoax, he left.", [("Claiming", "reportive")]),
    ("The rebels denied it, the army claimed.", [("claimed", "reportive")]),
    ("A suspected drone strike hit the base.", [("suspected", "reportive")]),
    ("If true, it would be the first such case.", [("If true", "reportive")]),
    ("The allegations surfaced in May.", [("allegations", "reportive")]),
    # epistemic
    ("The deal may collapse.", [("may", "epistemic")]),
    ("They may or may not agree.", [("may or may not", "epistemic")]),
    ("The vote might be delayed.", [("might", "epistemic")]),
    ("The strike could be the start of a war.", [("could", "epistemic")]),
    ("It could've been worse.", [("could", "epistemic")]),
    ("Perhaps the talks will resume.", [("Perhaps", "epistemic")]),
    ("The plan is possibly illegal.", [("possibly", "epistemic")]),
    ("Maybe he knew.", [("Maybe", "epistemic")]),
    ("It will probably rain.", [("probably", "epistemic")]),
    ("He is likely to win.", [("likely", "epistemic")]),
    ("A deal is unlikely before Friday.", [("unlikely", "epistemic")]),
    ("The gunman was apparently alone.", [("apparently", "epistemic")]),
    ("It was an apparent suicide.", [("apparent", "epistemic")]),
    ("The leader appears to have fled.", [("appears to", "epistemic")]),
    ("The leaders appear to agree.", [("appear to", "epistemic")]),
    ("The shot appeared to come from the roof.", [("appeared to", "epistemic")]),
    ("It appears that the bridge is closed.", [("It appears that", "epistemic")]),
    ("There appears to be a leak.", [("There appears to", "epistemic")]),
    ("The army seems to be winning.", [("seems", "epistemic")]),
    ("The mood seemed tense.", [("seemed", "epistemic")]),
    ("The data suggest that the virus spreads fast.", [("The data suggest", "epistemic")]),
    ("This suggests that the plan failed.", [("suggests that", "epistemic")]),
    ("She suggested that the count was wrong.", [("suggested that", "epistemic")]),
    ("It is possible that the count is wrong.", [("It is possible that", "epistemic")]),
    ("It is unclear who fired first.", [("unclear", "epistemic")]),
    ("It was not clear whether anyone was hurt.", [("not clear", "epistemic")]),
    ("Whether it works remains to be seen.", [("remains to be seen", "epistemic")]),
    # vague sources
    ("U.S. officials say the strike worked.", [("U.S. officials say", "vague_source")]),
    ("Officials said the bridge was safe.", [("Officials said", "vague_source")]),
    (
        "Senior administration officials have said so.",
        [("Senior administration officials have said", "vague_source")],
    ),
    ("The dam is weak, the militia members say.", [("the militia members say", "vague_source")]),
    ("Sources told the paper he would resign.", [("Sources told", "vague_source")]),
    (
        "People familiar with the talks said more.",
        [("People familiar with", "vague_source")],
    ),
    ("A source close to the family confirmed it.", [("A source close to", "vague_source")]),
    (
        "A senior Pentagon official said it was over.",
        [
            ("A senior Pentagon official said", "vague_source"),
        ],
    ),
    ("Critics say the law goes too far.", [("Critics say", "vague_source")]),
    ("Experts warn of a drought.", [("Experts warn", "vague_source")]),
    ("Some say the war is lost.", [("Some say", "vague_source")]),
    ("Others have argued the opposite.", [("Others have argued", "vague_source")]),
    (
        "The reports match what others have observed.",
        [("what others have observed", "vague_source")],
    ),
    (
        "Multiple columnists used the announcement as evidence.",
        [("Multiple columnists", "vague_source")],
    ),
    ("Several analysts doubt it.", [("Several analysts", "vague_source")]),
    (
        "The deal will pass, according to officials.",
        [
            ("according to officials", "vague_source"),
        ],
    ),
    (
        "according to people familiar with the matter",
        [("according to people familiar with", "vague_source")],
    ),
    ("It is said that the king never slept.", [("It is said that", "vague_source")]),
    ("It is widely believed he fled.", [("It is widely believed", "vague_source")]),
    ("Studies have shown the drug works.", [("Studies have shown", "vague_source")]),
    (
        "He spoke on condition of anonymity.",
        [("on condition of anonymity", "vague_source")],
    ),
    ("The plan failed, said U.S. officials.", [("said U.S. officials", "vague_source")]),
    ("Sources in the ministry deny it.", [("Sources", "vague_source")]),
    # issue 13: a speaker's own doubt
    ("“I think the deal is dead,” she said.", [("I think", "epistemic")]),
    ("I believe the count is wrong.", [("I believe", "epistemic")]),
    ("I guess he left early.", [("I guess", "epistemic")]),
    ("“I'm not sure that works,” he said.", [("not sure", "epistemic")]),
    ("The talks are a potential turning point.", [("potential", "epistemic")]),
    ("There is speculation that he will run.", [("speculation", "epistemic")]),
    ("There is uncertainty about the count.", [("uncertainty", "epistemic")]),
    ("The senator appeared rattled.", [("appeared", "epistemic")]),
    (
        "I guess hypothetically it works.",
        [("I guess", "epistemic"), ("hypothetically", "epistemic")],
    ),
    ("The win is a sign that voters are angry.", [("a sign that", "epistemic")]),
    ("He made the charge without offering evidence.", [("without offering evidence", "reportive")]),
    # issue 13: opinions and forecasts with no owner
    ("The bill is expected to pass.", [("is expected to", "reportive")]),
    ("He was widely seen as a moderate.", [("was widely seen as", "reportive")]),
    ("The plan is being criticized as unfair.", [("is being criticized as", "reportive")]),
    ("The strike is considered one of the largest.", [("is considered", "reportive")]),
    # issue 13: vague groups and unnamed people
    ("Democrats say the bill is dead.", [("Democrats say", "vague_source")]),
    # everyday groups of people (issue 13: "Some parents claim" was missed)
    ("Some parents claim the school ignored it.", [("Some parents claim", "vague_source")]),
    ("Voters say the economy matters most.", [("Voters say", "vague_source")]),
    # asking not to be named is the hedge, whole (issue 13: it ended at "want")
    (
        "The deal is off, said an official who did not want to be named.",
        [("an official who did not want to be named", "vague_source")],
    ),
    (
        "The deal is off, said a diplomat, who did not want to be identified.",
        [("who did not want to be identified", "vague_source")],
    ),
    (
        "Some Democrats privately express doubts.",
        [("Some Democrats privately express", "vague_source")],
    ),
    ("Some former employees say he shouted.", [("Some former employees say", "vague_source")]),
    ("Traders expect a cut.", [("Traders expect", "vague_source")]),
    (
        "Elected officials from both parties say he works hard.",
        [("Elected officials from both parties say", "vague_source")],
    ),
    (
        "Republicans have expressed concern about it.",
        [("Republicans have expressed", "vague_source")],
    ),
    ("Those close to him say he is tired.", [("Those close to", "vague_source")]),
    ("The deal is off, the source added.", [("the source added", "vague_source")]),
    (
        "He had a well-connected source who told him.",
        [("a well-connected source who told", "vague_source")],
    ),
    (
        "A Republican strategist said the race is close.",
        [("A Republican strategist said", "vague_source")],
    ),
    ("The ad was viewed by some as a dig.", [("viewed by some", "vague_source")]),
    ("It drew scrutiny from some who saw it as a dig.", [("some who saw", "vague_source")]),
    ("I'm told the vote is off.", [("I'm told", "vague_source")]),
    ("We have been told that he lied.", [("We have been told", "vague_source")]),
    (
        "said a worker who did not want to be named.",
        [("a worker who did not want to be named", "vague_source")],
    ),
    # several in one sentence, in document order
    (
        "Officials say the rebels may have reportedly fled.",
        [("Officials say", "vague_source"), ("may", "epistemic"), ("reportedly", "reportive")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_hedges_found(text, expected):
    assert hedges_in(text) == expected


@pytest.mark.parametrize(
    ("form", "sentence"),
    [
        ("claim", "They claim that the vote was rigged."),
        ("claims", "She claims that the vote was rigged."),
        ("claimed", "She claimed that the vote was rigged."),
        ("claiming", "She was claiming that the vote was rigged."),
        ("appear to", "They appear to be lost."),
        ("appears to", "He appears to be lost."),
        ("appeared to", "He appeared to be lost."),
        ("suggest that", "They suggest that it works."),
        ("suggests that", "The figure suggests that it works."),
        ("suggested that", "The poll suggested that it works."),
        ("suggesting that", "He wrote a note suggesting that it works."),
        ("seem", "They seem calm."),
        ("seems", "He seems calm."),
        ("seemed", "He seemed calm."),
    ],
)
def test_inflected_forms_are_found(form, sentence):
    found = [text.lower() for text, _ in hedges_in(sentence)]
    assert any(form in text for text in found), found


# ---------------------------------------------------------------- false alarms

FALSE_ALARMS = [
    "The vote is on May 3.",
    "Troops withdrew in May.",
    "Theresa May met the king.",
    "May Smith won the race.",
    "The empire's military might grew.",
    "He pushed with all his might.",
    "The might of the navy was on show.",
    "He could not swim as a child.",
    "She couldn't find her keys.",
    "He could see the smoke from his window.",
    "They ran as fast as they could.",
    "She saved so she could buy a house.",
    "Insurance claims rose after the storm.",
    "The claims adjuster arrived late.",
    "Jobless claims fell last week.",
    "ISIS claimed responsibility for the attack.",
    "The fire claimed the lives of 12 people.",
    "The region needs new energy sources.",
    "Water sources were poisoned.",
    "Tourism and oil are their main sources of income.",
    "The firm has multiple sources of revenue.",
    "Others considering desertion were warned.",
    "It was a threat to others.",
    "She gave the food to others in need.",
    "The poll of likely voters closes today.",
    "It became apparent that the plan had failed.",
    "He is the heir apparent.",
    "You may unsubscribe at any time.",
    "Be that as it may, the vote goes ahead.",
    "We might as well wait.",
    "The boys were supposed to be home by ten.",
    "Voters want to have some say in the matter.",
    "Officials, including Defense Secretary Ash Carter, say the plan works.",
    "Several analysts, including Jane Doe of Rand, doubt it.",
    "He said officials had agreed to the plan.",
    "Twenty people reported missing were found.",
    "The report was first published by Fars.",
    "The reports of sick notes offer an insight.",
    "Roughly 75 miles south of Mosul.",
    "The fighters are literally calling in sick.",
    "Col. John Thomas says morale is poor.",
    "He appeared to reporters in the hall.",
    "The nominee was not confirmed by the Senate.",
    "He told officials to leave.",
    "They said it in no uncertain terms.",
    "Members of the panel met on Monday.",
    # issue 13: look-alikes of the new rules
    "I think about my mother every day.",
    "I believe in second chances.",
    "The bill was considered by the Senate.",
    "The plan is being considered for next year.",
    "He was seen at the rally.",
    "She expected to win.",
    "The firm sees marketing potential in it.",
    "The potential for growth is large.",
    "Wall Street speculation drove prices up.",
    "Supporters waved signs.",
    "The chairmen gave money as a sign of party unity.",
    "Economic uncertainty hurt sales.",
    "He appeared in court on Monday.",
    "I was told to leave.",
    "We were told by the mayor that it was safe.",
    "Sixty percent of Democrats say they are satisfied.",
    "Nine in 10 Republicans said they would vote.",
    "You could borrow a bit more.",
    "You might want to read the fine print.",
    "Reporters questioned the press secretary.",
    "Jane Roe, a Republican strategist, said the race is close.",
]


@pytest.mark.parametrize("text", FALSE_ALARMS)
def test_no_false_alarm(text):
    assert hedges_in(text) == []


def test_fear_of_the_fighters_is_not_the_writers_hedge():
    text = "Fighters are calling in sick over fears they might die."
    assert hedges_in(text) == []
    assert hedges_in("Fighters might die.") == [("might", "epistemic")]


def test_unlikely_is_its_own_cue():
    (hit,) = _scan("It is unlikely.", [(0, 15)])
    assert (hit.text, hit.rule) == ("unlikely", "unlikely")
    (hit,) = _scan("It is likely.", [(0, 13)])
    assert (hit.text, hit.rule) == ("likely", "likely")


# ---------------------------------------------------------------- the rules of matching


def test_longest_match_wins_and_nothing_overlaps():
    text = "According to reports, it could not be independently verified."
    hits = _scan(text, [(0, len(text))])
    assert [(h.text, h.rule) for h in hits] == [
        ("According to reports", "according_to_reports"),
        ("could not be independently verified", "not_verified"),
    ]


def test_only_the_given_spans_are_read():
    text = "Reportedly true.\nPerhaps not.\nMaybe so."
    first, second = (0, 16), (30, len(text))
    assert [h.text for h in _scan(text, [first, second])] == ["Reportedly", "Maybe"]


def test_offsets_stay_exact_when_lower_case_changes_length():
    text = "İstanbul officials say it may rain."  # "İ".lower() is two characters
    assert len(text.lower()) != len(text)
    hits = _scan(text, [(0, len(text))])
    assert [(h.text, text[h.start : h.end]) for h in hits] == [
        ("officials say", "officials say"),
        ("may", "may"),
    ]


def test_curly_and_straight_apostrophes_match_alike():
    assert hedges_in("He couldn’t confirm it.") == [("couldn’t confirm", "reportive")]
    assert hedges_in("‘Reportedly’, he said.") == [("Reportedly", "reportive")]


def test_explanation_says_why_and_the_row_names_the_cue():
    (hit,) = _scan("He reportedly left.", [(0, 19)])
    assert hit.cue == "reportedly" and hit.rule
    # renderers print the phrase beside the explanation, so it is not repeated inside
    assert not hit.explanation.startswith('"reportedly"')
    assert "claim" in hit.explanation


VOCABULARY = (
    "reportedly may May might could not be independently verified officials say U.S. the "
    "militia members according to reports others have observed multiple columnists claims "
    "insurance military fears they apparently likely unlikely voters sources energy of income "
    "it is said seems suggests that some believe a source close Theresa cat , . ? \n ’ '"
)
WORDS = VOCABULARY.split(" ")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "  ", "\u00a0"]))
def test_spans_slice_back_are_ordered_and_do_not_overlap(words, space):
    text = space.join(words)
    hits = _scan(text, [(0, len(text))])
    for hit in hits:
        assert hit.text == text[hit.start : hit.end]
        assert hit.category in HEDGE_CATEGORIES
        assert hit.text == hit.text.strip()
    for before, after in itertools.pairwise(hits):
        assert before.end <= after.start


# ---------------------------------------------------------------- find_hedges and the seed

SEED_HEDGES = [
    ("reports have surfaced", "reportive"),
    ("according to reports", "reportive"),
    ("the militia members say", "vague_source"),
    ("what others have observed", "vague_source"),
    ("reportedly", "reportive"),
    ("U.S. officials say", "vague_source"),
    ("Multiple columnists", "vague_source"),
    ("ISIS fighters calling in sick?", "question_headline"),
]


@pytest.fixture(scope="module")
def seed_hedges(seed):
    return find_hedges(seed)


@pytest.mark.parametrize(("text", "category"), SEED_HEDGES)
def test_seed_hedges(seed, seed_hedges, text, category):
    rows = seed_hedges[seed_hedges.text == text]
    assert list(rows.category) == [category]
    row = rows.iloc[0]
    assert seed.text[row.start : row.end] == text


def test_seed_story_has_exactly_the_expected_hedges(seed_hedges):
    assert sorted(zip(seed_hedges.text, seed_hedges.category, strict=True)) == sorted(SEED_HEDGES)


def test_seed_might_is_the_fighters_fear_not_a_hedge(seed, seed_hedges):
    might = seed.text.index("they might die") + len("they ")
    assert not ((seed_hedges.start <= might) & (seed_hedges.end > might)).any()


def test_seed_others_at_risk_is_not_a_source(seed, seed_hedges):
    others = seed.text.index("a threat to others") + len("a threat to ")
    assert not ((seed_hedges.start <= others) & (seed_hedges.end > others)).any()


def test_seed_sentence_index_points_at_the_sentence(seed, seed_hedges):
    sentences = seed.sentences
    for row in seed_hedges.itertuples():
        sentence = sentences.iloc[row.sentence]
        assert sentence.start <= row.start < sentence.end


def test_page_scope_reads_the_clutter_too(seed):
    story = find_hedges(seed)
    page = find_hedges(seed, scope="page")
    assert set(story.start) < set(page.start)
    extra = page[~page.start.isin(story.start)]
    assert list(extra.text) == ["may"]  # "Emails may offer ..."; "You may unsubscribe" is not
    assert extra.sentence.isna().all()


def test_categories_filter(seed):
    table = find_hedges(seed, categories=["reportive"])
    assert set(table.category) == {"reportive"}
    assert len(find_hedges(seed, categories="vague_source")) == 4


def test_table_has_fixed_columns_even_when_empty():
    table = find_hedges(ml.Article.from_text("The cat sat on the mat.\n\nIt was warm there."))
    assert table.empty
    assert list(table.columns) == list(COLUMNS)
    assert str(table.start.dtype) == "int64"
    assert str(table.sentence.dtype) == "Int64"


def test_a_plain_string_is_read_as_an_article():
    table = find_hedges("Rebels may be near.\n\nOfficials say the town fell.")
    assert list(table.text) == ["may", "Officials say"]


def test_bad_input_gives_clear_errors(seed):
    with pytest.raises(ValueError, match="scope must be 'story' or 'page'"):
        find_hedges(seed, scope="all")
    with pytest.raises(ValueError, match=re.escape("Unknown hedge category 'doubt'")):
        find_hedges(seed, categories=["doubt"])
    with pytest.raises(TypeError, match="needs an Article"):
        find_hedges(42)


def test_question_headline_only_for_yes_no_questions():
    asks = ml.Article.from_text("Is the war over?\n\nThe war goes on, officials say.")
    explains = ml.Article.from_text("Why is the war not over?\n\nThe war goes on.")
    assert "question_headline" in set(find_hedges(asks).category)
    assert "question_headline" not in set(find_hedges(explains).category)
