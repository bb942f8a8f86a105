"""Page-vs-story segmentation and sentence splitting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from page_lines import STORY, story_of

import medialit as ml
from medialit.text.page_rules import (
    STRIP_CHARS,
    count_words,
    is_prose,
    is_title_like,
    lines_of,
    normalise_line,
)
from medialit.text.segmentation import split_sentences
from medialit.vocab import BLOCK_KINDS

PAGES = sorted((Path(__file__).parent / "pages").glob("*.txt"))
MARK_TO_KIND = {"H": "headline", "S": "story"}


def _parse_page(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """A test page: each line is 'H|text', 'S|text' or 'X|kind|text'; returns text and expected."""
    expected: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        mark, rest = raw.split("|", 1)
        if mark == "X":
            kind, line = rest.split("|", 1)
        else:
            kind, line = MARK_TO_KIND[mark], rest
        expected.append((kind, line))
    text = "\n\n".join(line for _, line in expected) + "\n"
    return text, expected


# ---------------------------------------------------------------- the seed

SEED_STORY_OPENINGS = [
    "It's been a tough week",
    "Islamic State group militants near",
    "The news was first reported",
    "U.S. officials say",
    "\"We've seen that our momentum",
    "Central Command has also observed",
    '"There are clear signs',
    "The U.S. general who oversees",
    '"Some of what we saw',
    "The reports of Islamic State group fighters",
    "The longer this bureaucracy",
]


def test_seed_has_exactly_the_eleven_story_paragraphs(seed):
    story = seed.blocks.query("kind == 'story'")
    assert len(story) == 11
    for opening, text in zip(SEED_STORY_OPENINGS, story["text"], strict=True):
        assert text.startswith(opening)


def test_seed_clutter_is_never_story(seed):
    blocks = seed.blocks
    captions = blocks[blocks.text.str.contains("REUTERS/|AFP/Getty Images", regex=True)]
    credited_lines = [ln for ln in seed.text.splitlines() if re.search("REUTERS/|AFP/Getty", ln)]
    assert len(captions) == len(credited_lines) > 40
    assert set(captions.kind) == {"photo_caption"}
    by_text = dict(zip(blocks.text, blocks.kind, strict=False))
    assert by_text["ISIS fighters calling in sick?"] == "headline"
    assert by_text["Copyright 2016 U.S. News & World Report"] == "copyright"
    assert by_text["Iraq's oldest cemetery growing quickly due to ISIS war:"] == "gallery_title"
    assert (
        by_text["NOW SEE: What Falluja looks like after years of ISIS occupation:"]
        == "gallery_title"
    )
    for chrome in [
        "22 PHOTOS",
        "See Gallery",
        "SEE ALL",
        "BACK TO SLIDE",
        "SHOW CAPTION +",
        "HIDE CAPTION",
        "of",
        "Read Full Story",
    ]:
        assert by_text[chrome] == "page_chrome", chrome
    for promo in [
        "Before you go, we thought you'd like these...",
        "Top ISIS Commander Killed",
        "Subscribe to our other newsletters",
        "From Our Partners",
    ]:
        assert by_text[promo] == "promo", promo


def test_blocks_cover_every_non_blank_line_in_order(seed):
    blocks = seed.blocks
    lines = [line.strip() for line in seed.text.splitlines() if line.strip()]
    assert list(blocks.text) == lines
    assert list(blocks.start) == sorted(blocks.start)
    for row in blocks.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert row.kind in BLOCK_KINDS
        assert row.rule


# ---------------------------------------------------------------- other sites


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_other_sites_clutter_stays_out_of_the_story(path):
    text, expected = _parse_page(path)
    article = ml.Article.from_text(text)
    got = list(zip(article.blocks.kind, article.blocks.text, strict=True))
    assert got == expected


def test_at_least_five_pages_of_other_sites():
    assert len(PAGES) >= 5


def test_story_continues_after_a_caption_inside_the_story():
    text = (
        "A headline\n\nFirst paragraph of the story.\n\n"
        "A cat. (AP Photo/Sam Lee)\n\nMore story here."
    )
    kinds = list(ml.Article.from_text(text).blocks.kind)
    assert kinds == ["headline", "story", "photo_caption", "story"]


# ---------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Central Command said so. It agreed.",
            ["U.S. Central Command said so.", "It agreed."],
        ),
        (
            "says Air Force Col. John Thomas, a spokesman. Then he left.",
            ["says Air Force Col. John Thomas, a spokesman.", "Then he left."],
        ),
        ("Army Gen. Joseph Votel said it.", ["Army Gen. Joseph Votel said it."]),
        ("It began at 9 a.m. on Monday.", ["It began at 9 a.m. on Monday."]),
        ("They left the U.S. The war went on.", ["They left the U.S.", "The war went on."]),
        (
            '"It is over," he said. "Obviously, they didn\'t."',
            ['"It is over," he said.', '"Obviously, they didn\'t."'],
        ),
        ('"Is it true?" she asked. Nobody knew.', ['"Is it true?" she asked.', "Nobody knew."]),
        (
            "They were scared – they ran. John F. Kennedy spoke.",
            ["They were scared – they ran.", "John F. Kennedy spoke."],
        ),
        ("Fighting ended on Sept. 22 in the town.", ["Fighting ended on Sept. 22 in the town."]),
        # The word before a period runs back to any white space (a tab, a no-break space).
        ("Ask\u00a0Gen. Lee\tGen. Ames now.", ["Ask\u00a0Gen. Lee\tGen. Ames now."]),
        ("It cost $5.\u00a0Then it rose.", ["It cost $5.", "Then it rose."]),
        ('He met ("Col. Ray") there. Done.', ['He met ("Col. Ray") there.', "Done."]),
    ],
)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_seed_sentences_keep_names_and_quotes_whole(seed):
    sentences = list(seed.sentences.text)
    assert any(
        "Air Force Col. John Thomas, a spokesman for U.S. Central Command" in s for s in sentences
    )
    assert any("Army Gen. Joseph Votel said at a press conference" in s for s in sentences)
    assert '"Obviously, they didn\'t."' in sentences
    for row in seed.sentences.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_page_pattern_file_is_well_formed():
    from medialit.text.segmentation import page_patterns

    patterns = page_patterns()
    assert len({p.id for p in patterns}) == len(patterns)
    for p in patterns:
        assert p.kind in BLOCK_KINDS and p.kind not in {"story", "headline"}
        assert p.rule
        if not p.case_sensitive:
            # matched against the lower-cased line, so capitals could never match
            assert p.regex.pattern == p.regex.pattern.lower(), p.id
        if p.tail_only:
            assert p.regex.pattern.endswith("$"), p.id


# ---------------------------------------------------------------- copied page text
# A page as a browser copies it (select all, copy): one line per box, no blank lines,
# menus first and comments last. Written for this test; every shape is one real pages have.

COPIED_PAGE = [
    ("page_chrome", "Home"),
    ("promo", "World"),
    ("promo", "Business"),
    ("page_chrome", "Sign in"),
    ("headline", "Harbour cranes return to work after the strike."),
    ("page_chrome", "By Jill Moreno"),
    ("page_chrome", "March 4, 2025 7:15 AM"),
    ("page_chrome", "Share this with Facebook"),
    ("page_chrome", "Share this with WhatsApp"),
    ("page_chrome", "Loading video..."),
    ("page_chrome", "Autoplay: ON"),
    (
        "story",
        "The cranes at the city harbour moved again on Monday, after a strike that kept "
        "ships waiting at sea for nine days, the port authority said.",
    ),
    ("copyright", "Dock workers line up at the gate on Monday morning. © Pat Lee"),
    (
        "story",
        "Workers voted on Sunday evening to accept a new offer that raises pay by four "
        "per cent this year and another three per cent next year.",
    ),
    (
        "story",
        "\"We are glad to be back, but we will watch closely how the deal is kept,\" "
        "said Omar Haddad, who speaks for the dock workers' union.",
    ),
    ("promo", "Read more: Why small ports matter to the region"),
    (
        "story",
        "The port authority expects the queue of ships to clear by the end of the week, "
        "and says no cargo was lost during the strike.",
    ),
    ("promo", "Most read"),
    ("promo", "Five things to know about the new ferry"),
    ("promo", "City council votes on bus fares"),
    ("promo", "Comments"),
    ("promo", "Anna K says:"),
    ("page_chrome", "March 4, 2025 at 9:02 am"),
    (
        "promo",
        "I work at the port and this is good news for all of us here, after a very long "
        "week of waiting and worrying about the bills.",
    ),
    ("page_chrome", "Reply"),
    ("copyright", "© 2025 The Harbour Times. All rights reserved."),
]


def test_copied_page_text_keeps_the_story_and_drops_the_page():
    article = ml.Article.from_text("\n".join(text for _, text in COPIED_PAGE) + "\n")
    got = list(zip(article.blocks.kind, article.blocks.text, strict=True))
    assert got == COPIED_PAGE


def test_readers_comments_are_not_the_story_even_when_longer():
    comment = (
        "I have read every word of this and I still think the council is wrong about the "
        "fares, because the buses are already too full in the morning."
    )
    lines = [
        "Bus fares rise in the spring",
        "The city council voted on Tuesday to raise bus fares by ten cents from April, "
        "the first rise in six years.",
        "Council members said the money would pay for new buses on the busiest routes.",
        "12 Comments",
    ]
    for name in ["Sam", "Ria", "Leo", "Kim", "Max"]:
        lines += [f"{name} says:", comment]
    article = ml.Article.from_text("\n".join(lines))
    story = [b.text for b in article.block_records if b.kind == "story"]
    assert story == lines[1:3]
    assert article.title == "Bus fares rise in the spring"


def test_the_story_is_found_after_a_long_menu():
    menu = [f"Section {n}" for n in range(60)]
    story = [
        "A new bridge over the river opened on Saturday morning after three years of work.",
        "Hundreds of people walked across it before the first cars were let on at noon.",
    ]
    article = ml.Article.from_text("\n".join([*menu, "New river bridge opens to walkers", *story]))
    assert [b.text for b in article.block_records if b.kind == "story"] == story
    assert article.title == "New river bridge opens to walkers"


# ---------------------------------------------------------------- headline shapes
# Written for these tests; each shape is one that real copied pages have.

TEASERS = [
    "Ferry timetable changes for the winter months",
    "Library opens a new reading room for children",
    "Council approves budget for street lighting",
]



def test_headline_sits_above_its_summary_and_byline_not_above_the_story():
    lines = [
        "Home",
        "News",
        "Lighthouse on the north cape to be repaired",
        "Storm damage will be fixed by the summer, the harbour board says.",
        "by Lena Park",
        "Updated Nov 19, 6:55 AM",
        "Share",
        "The lighthouse in the winter storm.",
        "(Photo: Sam Reed / Harbour Times)",
        *STORY,
        "Most read",
        *TEASERS,
    ]
    article = ml.Article.from_text("\n".join(lines))
    assert article.title == "Lighthouse on the north cape to be repaired"
    assert story_of(article) == STORY


def test_headline_with_the_writers_name_on_its_own_line_and_teasers_between():
    lines = [
        "Menu",
        "Lighthouse on the north cape to be repaired",
        "Lena Park, Harbour Times",
        "PUBLISHED WED, NOV 20 20194:29 AM EST",
        *TEASERS,  # a "related" list between the header and the story
        *STORY,
    ]
    article = ml.Article.from_text("\n".join(lines))
    assert article.title == "Lighthouse on the north cape to be repaired"
    assert story_of(article) == STORY


def test_a_caption_the_page_prints_twice_is_not_story():
    caption = (
        "Builders inspect the lamp room of the lighthouse on the north cape on Wednesday, "
        "a day after the storm."
    )
    lines = ["Lighthouse on the north cape to be repaired", caption, caption, *STORY]
    article = ml.Article.from_text("\n".join(lines))
    assert story_of(article) == STORY
    kinds = {b.kind for b in article.block_records if b.text == caption}
    assert kinds == {"promo"}


def test_each_line_carries_the_answers_of_the_line_functions():
    """lines_of answers count_words, is_prose, is_title_like and normalise_line once per
    line: the same answers as the functions give on the line's text."""
    text = "\n".join([
        "  Harbour Council Votes   To Close The Old Ferry Pier ",
        "By Ann Lee\tand Bo Li",
        "The council voted on Tuesday to close the pier, which has stood for ninety years.",
        "Is it safe to swim near the pier in winter?",
        "Will the ferry come back next summer, when the new pier is finished and open again?",
        "港口委员会投票关闭旧渡轮码头",
        "Städtischer Rat beschließt die Schließung des alten Fähranlegers am Hafen",
        "Latest News Ferry Times Harbour Guide Council Votes Weather Sports Jobs Events"
        " Contact Us About Our Team Archive Search",
        "\u00a0Share\u00a0 Save \u200b",
        "“It is a sad day,” said the harbour master.",
    ])
    lines = lines_of(text)
    assert len(lines) == 10
    for line in lines:
        assert line.words == count_words(line.text), line.text
        assert line.prose == is_prose(line.text), line.text
        assert line.title_like == is_title_like(line.text), line.text
        assert line.normal == normalise_line(line.text), line.text
    assert {line.prose for line in lines} == {True, False}
    assert {line.title_like for line in lines} == {True, False}


def _lines_by_regex(text):
    """lines_of as first written: one regex over the runs between line breaks."""
    found, prev_end = [], 0
    for match in re.finditer(r"[^\r\n]+", text):
        raw = match.group()
        stripped = raw.strip(STRIP_CHARS)
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip(STRIP_CHARS)))
        between = text[prev_end:start]
        breaks = between.count("\n") + between.count("\r") - between.count("\r\n")
        found.append((start, start + len(stripped), stripped, not found or breaks >= 2))
        prev_end = start + len(stripped)
    return found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=["a", "b", " ", "\t", "\u00a0", "\ufeff", "\u2028", "\n", "\r"]))
def test_lines_are_cut_at_every_kind_of_line_break(text):
    assert [line[:4] for line in lines_of(text)] == _lines_by_regex(text)
