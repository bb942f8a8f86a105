"""The headline of copied page text: the shapes real pages print it in (invented pages)."""

from __future__ import annotations

import pytest

import medialit as ml
from medialit.text.headline import (
    RULE_HEADLINE_SUMMARY,
    is_caption_line,
    is_date_line,
    is_dated_byline,
    is_deck_of,
    is_summary_of,
)

MENU = ["Home", "News", "Sport", "Weather", "Sign in"]
STORY = [
    "The council voted on Tuesday to keep the town's only swimming pool open for another "
    "three years, after more than two thousand people signed a letter asking it to.",
    "Repairs to the roof and the boiler will cost about half a million pounds, the council's "
    "own figures show, and will be paid from the money set aside for new roads.",
    "Swimming clubs said they were relieved. Parents said the nearest other pool is forty "
    "minutes away by bus, too far for lessons after school.",
]


def _page(*top: str) -> str:
    return "\n\n".join([*MENU, *top, *STORY, "© 2025 The Valley Courier"]) + "\n"


def _headline(text: str) -> tuple[str, str]:
    blocks = ml.Article.from_text(text).block_records
    found = [b for b in blocks if b.kind == "headline"]
    assert len(found) == 1
    return found[0].text, found[0].rule


def test_a_title_above_its_summary_and_byline_is_the_headline():
    headline, rule = _headline(
        _page(
            "Town pool saved for three more years",
            # The summary: longer, a sentence, no final full stop.
            "Councillors changed their minds after a letter signed by two thousand people, "
            "but the repairs will use money meant for roads",
            "By Sam Okafor",
            "18 March 2025",
        )
    )
    assert headline == "Town pool saved for three more years"
    assert rule == RULE_HEADLINE_SUMMARY


def test_a_shorter_second_title_under_the_headline_is_its_deck():
    headline, _ = _headline(
        _page(
            "Valley Council Votes to Keep the Town Pool Open for Three More Years",
            "Roof and Boiler Repairs Come First",
            "Mar. 18, 2025 9:40 AM",
        )
    )
    assert headline.startswith("Valley Council Votes")


def test_a_date_the_patterns_miss_is_never_the_headline():
    headline, _ = _headline(
        _page("Town pool saved for three more years", "Mar.March 18, 2025 09:40 AM")
    )
    assert headline == "Town pool saved for three more years"


def test_a_caption_with_its_credit_in_brackets_is_not_the_headline():
    headline, _ = _headline(
        _page(
            "Town pool saved for three more years",
            "Children at the pool's last gala before the vote. (Valley Courier)",
            "By Sam Okafor",
        )
    )
    assert headline == "Town pool saved for three more years"


def test_a_title_case_headline_right_above_the_photos_credit():
    text = _page(
        "Bus fares to rise in April across the valley",  # a teaser of another story
        "17 March 2025",
        "Residents Rally Behind Their Pool",
        "Photo: Jo Bright",
        "Local",
        "18 March 2025",
    )
    headline, _ = _headline(text)
    assert headline == "Residents Rally Behind Their Pool"


def test_a_headline_the_page_prints_again_is_still_the_headline():
    question = "Will the town pool stay open for three more years, or close for good next spring?"
    text = _page("Last updated: 18 March 2025 09:40", question, *STORY[:1]) + "\n".join(
        ["Most read", question, "Bus fares to rise in April"]
    )
    headline, _ = _headline(text)
    assert headline == question


def test_a_byline_with_its_date_marks_the_headline_above_it():
    headline, _ = _headline(
        _page(
            "Bus fares to rise in April across the valley",  # a teaser of another story
            "17 March 2025",
            "Is the town pool worth half a million pounds?",
            "By Sam Okafor and Lee Park on Tuesday, March 18th, 2025 at 9:40 a.m.",
        )
    )
    assert headline == "Is the town pool worth half a million pounds?"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nov. 18, 2019 12:02 PM", True),
        ("Last modified on Mon 18 Nov 2019 18.56 GMT", True),
        ("UPDATED: Tue., Nov. 19, 2019", True),
        ("Fax +41 41 761 97 25", False),  # numbers alone: a phone number
        ("10 things in tech you need to know today", False),
        ("Dare to Play 3 / October pack", False),
    ],
)
def test_date_lines(line, expected):
    assert is_date_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Boats in the harbour at dawn. (AP)", True),
        ("Materials from the campaign. (campaign.example)", True),
        ("Mayor says the vote “did not happen” (122)", False),  # a comment count
        ("Pool saved (for now)", False),
    ],
)
def test_caption_lines(line, expected):
    assert is_caption_line(line) is expected


def test_dated_bylines():
    assert is_dated_byline("By Ann Lee on Monday, November 18th, 2019 at 11:08 a.m.")
    assert not is_dated_byline("By the river, the old mill still turns")
    assert not is_dated_byline("Ann Lee on Monday, November 18th, 2019")


def test_summary_and_deck_shapes():
    title = "Town pool saved for three more years"
    assert is_summary_of(
        "Councillors changed their minds after a letter signed by two thousand people.", title
    )
    title_case = "Councillors Change Their Minds After A Letter From Thousands Across The Valley"
    assert not is_summary_of(title_case, title)  # in Title Case: another title
    assert not is_summary_of("Pool saved", title)
    assert is_deck_of(
        "Roof and boiler repairs come first", "Valley council votes to keep the town pool open"
    )
    assert not is_deck_of("Council votes to keep pool", "Council votes to keep pool open today")
    assert not is_deck_of("Home", "Valley council votes to keep the town pool open")


def test_the_title_that_shares_the_story_s_words_is_the_headline():
    # A headline names what the first paragraphs tell; a link to another story that
    # sits between it and the story does not share their words.
    headline, _ = _headline(_page("Council keeps the town swimming pool open",
                                  "Ferry timetables change for the winter season"))
    assert headline == "Council keeps the town swimming pool open"
