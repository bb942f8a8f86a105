"""Shapes of real copied pages (issue 12): each test page is invented for the test.

Every shape here is one that pages copied from a browser have: the story's own
paragraphs must stay story, and the boxes around it must stay out.
"""

from __future__ import annotations

import pytest
from page_lines import STORY, story_of

import medialit as ml
from medialit.text.page_rules import match_pattern

HEADER = ["Home", "News", "Lighthouse on the north cape to be repaired", "by Lena Park",
          "November 18, 2019"]


def _article(lines: list[str]) -> ml.Article:
    return ml.Article.from_text("\n".join(lines) + "\n")


def test_japanese_paragraphs_without_spaces_are_story():
    # Chinese and Japanese write without spaces: a paragraph is one "word" long, and
    # its full stop is "。".
    story = [
        "灯台の修理は来年の春に始まると港の委員会が木曜日に発表しました。",
        "工事には約四か月かかり、その間は桟橋に仮の灯りが置かれます。",
        "委員長は「あと百年は光り続けてほしい」と話しました。",
    ]
    article = _article(["ホーム", "ニュース", "北の岬の灯台を修理へ", "2019-11-18", *story,
                        "関連記事", "港の新しい船", "図書館が子ども向けの部屋を開く"])
    assert story_of(article) == story


def test_a_list_of_other_stories_with_their_dates_ends_the_story():
    # After the story, many pages list other stories: title, writer, date, summary.
    teasers = []
    for n, (title, name) in enumerate([("Ferry timetable changes for winter", "Ann Lee"),
                                       ("Library opens a reading room", "Tom Hart"),
                                       ("Council approves new street lights", "Ann Lee")]):
        teasers += [title, name, f"Tuesday November {12 + n}, 2019",
                    "The town's plans for the coming year were set out at a long meeting "
                    "of the council on Monday evening, with a vote expected next week."]
    article = _article([*HEADER, *STORY, *teasers])
    assert story_of(article) == STORY


def test_quoted_posts_with_their_dates_stay_in_the_story():
    # A story that quotes social-media posts prints each post's signature and date.
    posts = [
        "The new light looks great from the beach tonight.",
        "— Sam Reed (@samreed) November 18, 2019",
        "Many people in the town agreed and shared pictures of the cape after dark.",
        "Finally the cape has its lighthouse back, and it is brighter than before.",
        "— Ria Moss (@riamoss) November 19, 2019",
        "The board said the temporary beacon would stay until the end of the work.",
    ]
    article = _article([*HEADER, *STORY, *posts])
    kept = story_of(article)
    assert STORY[0] in kept and posts[-1] in kept and posts[2] in kept


def test_a_sign_up_box_after_the_story_ends_it():
    box = [
        "Stay up to date with the Harbour Times. Subscribe to our newsletter.",
        "You have succesfully subscribed. Thank you!",
        "Harbour Times news at your fingertips.",
        "We send the week's news from the harbour and the town to readers every Friday, "
        "with the tide tables and the ferry times.",
    ]
    article = _article([*HEADER, *STORY, *box])
    assert story_of(article) == STORY


def test_the_summary_above_the_byline_is_not_the_story():
    # Many pages print a summary of the story between the headline and the byline.
    summary = ("The harbour board will spend two million on the cape's light, which "
               "storms damaged last winter.")
    article = _article(["Home", "Lighthouse on the north cape to be repaired", summary,
                        "By Lena Park", "November 18, 2019", *STORY])
    assert story_of(article) == STORY
    assert [b.kind for b in article.block_records if b.text == summary] == ["promo"]


def test_a_first_paragraph_above_a_later_update_line_stays_story():
    # Only a summary above the byline leaves the story: with no byline or date in
    # the story's first lines, every paragraph stays.
    article = _article(["Lighthouse on the north cape to be repaired", *STORY])
    assert story_of(article) == STORY


def test_a_list_of_links_with_their_comment_counts_is_not_the_story():
    most_commented = [
        "Harbour board votes to repair the lighthouse on the cape (185)",
        "Ferry service will run late on Saturdays through the summer (148)",
        "Why the town's new bus routes have made some riders angry (133)",
    ]
    article = _article([*HEADER, *STORY, "Most commented", *most_commented])
    assert story_of(article) == STORY


def test_a_box_about_the_writer_ends_the_story():
    bio = ("Lena Park has written about the sea and the towns along the coast for twenty "
           "years, and she lives by the harbour with her two dogs.")
    article = _article([*HEADER, *STORY, "About Lena Park", bio])
    assert story_of(article) == STORY
    assert "writer" in next(b.rule for b in article.block_records if b.text == bio)


def test_a_list_after_the_last_paragraph_is_part_of_the_story():
    # Tour dates, scores or questions and answers: short lines that start the same way.
    dates = ["June 9 -- Town Hall, Leeds", "June 10 -- The Dome, York",
             "July 2 -- Pier Theatre, Hull"]
    article = _article([*HEADER, *STORY, "Tour dates:", *dates, "Most read",
                        "Ferry timetable changes for winter"])
    assert story_of(article) == [*STORY, "Tour dates:", *dates]


def test_a_menu_after_the_story_is_not_a_list_of_the_story():
    menu = ["Weather", "Sport", "Business", "Travel"]
    article = _article([*HEADER, *STORY, *menu])
    assert story_of(article) == STORY


def test_a_photo_credit_with_a_copyright_sign_does_not_end_the_story():
    # The page's own copyright line names a year or "all rights reserved"; a photo's
    # credit names the photographer.
    article = _article([*HEADER, STORY[0], "© Sam Reed / Harbour Times", *STORY[1:],
                        "© 2019 Harbour Times. All rights reserved.", "A teaser after it."])
    assert story_of(article) == STORY


def test_a_one_paragraph_story_under_its_headline_and_byline_is_the_story():
    # A short story (one paragraph) sits right under its headline and byline; a long
    # box of the site's own text further down holds more words but is not the story.
    story = ("The old lighthouse on the north cape will be repaired next spring, the "
             "harbour board said on Thursday, after storms in October damaged its roof "
             "and lamp room; the work will take four months and a temporary beacon on "
             "the pier will guide the fishing boats home while the builders are there.")
    box = [f"Our newsroom has served the towns of the coast for {n} years, and our "
           "reporters cover the councils, the courts, the harbours and the schools, "
           "with news every day of the week and a paper on Saturdays for the readers "
           "who still like to hold the news in their hands." for n in range(90, 96)]
    teasers = ["Ferry timetable changes", "Library opens a reading room", "New street lights",
               "School choir wins a prize", "Harbour cranes back at work", "Fair in the park"]
    article = _article([*HEADER, story, "Most read", *teasers, *box])
    assert story_of(article) == [story]


def test_the_run_under_the_byline_wins_over_longer_text_with_no_byline_above_it():
    # A notice of the site, printed above the page's menus, can be longer than the
    # story; the story is the text under its headline and byline.
    notice = [
        "Dear readers, from the first of the month our printed edition will come out on "
        "Saturdays only, while the web site will carry the news every day as before, "
        "and every subscriber will get the weekend paper at no extra cost.",
        "We thank all of you who wrote to us about the change; many asked about the "
        "puzzles and the letters page, and both will move to the weekend paper, where "
        "there is more room for them than in the daily edition had ever been.",
    ]
    menu = ["Home", "News", "Sport", "Weather", "Opinion", "Puzzles", "Letters", "Sign in"]
    article = _article([*notice, *menu, *menu, *HEADER[2:], *STORY])
    assert story_of(article) == STORY


def test_a_short_post_above_its_readers_comments_is_the_story():
    # A blog post can be shorter than the readers' comments under it; the comments
    # come after the story, so the post under its date and writer is the story.
    post = ("Every three months we open a thread where readers can ask us anything "
            "about our work on the harbour and its lighthouse, and we answer as many "
            "questions as we can, so please leave yours below; the last thread, from "
            "the summer, is still open for reading on this blog.")
    comments = ["Comments"]
    for name, place in [("Ann Lee", "pier"), ("Tom Hart", "school"), ("Sam Reed", "bridge")]:
        comments += [
            f"{name} on November 19, 2019 at 4:47 pm said:",
            "I have been reading about the repairs for a while, and I would like to know "
            f"how the board chose the builders, because the last work on the {place} took "
            "much longer than anyone had planned and cost the town a lot of money.",
            f"Also, will the {place} be closed while the builders are on the cape, and "
            "will the fishing boats be told about the change before the winter storms?",
        ]
    article = _article(["The Harbour Blog", "November open thread", "Previous Post",
                        "Next Post", "November 18, 2019 | by Lena Park", post, *comments])
    assert story_of(article) == [post]


def test_a_list_of_teasers_with_titles_glued_to_their_summaries_is_not_the_story():
    # Copied text can glue a link's title to its summary ("...In Harbour TownThe
    # council said ..."); a long list of such teasers above the story is not the story.
    places = ["Harbour Town", "North Cape", "Old Quay", "River Mouth", "Hill Farm", "Salt Bay"]
    teasers = [
        f"New Street Lights Are Coming To {place} Next Spring{start} the council said on "
        f"Monday that the work at {place.lower()} would start after the winter storms and "
        "take about three months."
        for place, start in zip(
            places, ["The", "Council", "A", "Work", "Residents", "The"], strict=True
        )
    ]
    article = _article(["Home", "News", "Latest Headlines", *teasers, "Weather", "Sport",
                        *HEADER[2:], *STORY])
    assert story_of(article) == STORY


def test_a_press_release_ends_before_its_words_about_the_company():
    # A press release closes with what the company is and where it sits; the same
    # kind of sentence inside the story is its news and stays.
    story = [*STORY, "Harbour Lamps is a small maker of marine lights that has worked on "
             "the coast's lighthouses for forty years, the board said."]
    profile = [
        "Harbour Lamps is a leading provider of marine lighting solutions for ports and "
        "lighthouses. Its vision is to keep every coast lit.",
        "Harbour Lamps is headquartered in North Cape, has offices in 5 countries and "
        "employs around 300 people.",
    ]
    article = _article([*HEADER, *story, *profile, "Stay up to date with Harbour Lamps.",
                        "Subscribe to our newsletter"])
    assert story_of(article) == story
    seat_only = [*STORY, profile[1]]
    assert story_of(_article([*HEADER, *seat_only])) == seat_only


def test_a_feed_of_posts_each_with_its_buttons_is_not_one_story():
    # A page of short posts prints the same buttons under each one; the post under
    # the headline is the story, the others are posts of their own.
    bar = "Share  Save  Download"
    posts = [
        "A kind word costs nothing and can light up a whole day for someone who feels "
        f"alone, so say it when you think it, today and every day of the {season}."
        for season in ["spring", "summer", "autumn", "winter"]
    ]
    lines = ["Home", "Kind words", bar, STORY[0], "You may like", bar]
    for post in posts:
        lines += [post, bar]
    article = _article(lines)
    assert story_of(article) == [STORY[0]]
    assert [b.kind for b in article.block_records if b.text == bar] == ["page_chrome"] * 6


def test_a_heading_repeated_between_sections_stays_in_the_story():
    # A list article can print the same heading ("In short") in every section; the
    # sections have several paragraphs, so it is not a feed's button bar.
    lines = [*HEADER]
    for n in range(1, 5):
        lines += [f"{n}. Step number {n}", *STORY[:2], "In short", STORY[2]]
    article = _article(lines)
    assert "In short" in story_of(article)


def test_menu_links_copied_into_one_long_line_are_not_running_text():
    # A menu copied from a browser can come out as one long line of links ("Latest
    # News Cloud Storage ..."): nearly every word capitalised, no commas, no full stop.
    menus = [
        "Latest News Harbour Town North Cape Old Quay Ferries Weather Sport Schools "
        "Business Jobs Events Letters Puzzles Obituaries Photos Videos Podcasts Archive",
        "Top Stories Lighthouse Repairs Council Meetings Street Lights Library News "
        "Harbour Board Fishing Reports Tide Tables Boat Sales Community Diary Contact Us",
    ]
    lines = [*menus, "Sign in", "Lighthouse on the north cape to be repaired", *STORY]
    assert story_of(_article(lines)) == STORY


def test_a_list_of_names_with_commas_is_still_running_text():
    from medialit.text.page_rules import is_prose

    credits = ("Director Mira Olsen, Writer Tom Hart, Lighting Sam Reed, Costumes Ann Lee, "
               "Music Lena Park, Stage Manager Ola Berg, Sound Kai Lund")
    assert is_prose(credits)


def test_links_printed_twice_after_the_story_are_not_a_list_of_the_story():
    # A list that ends a story names each thing once (tour dates, steps); a box of
    # links after it can print the same link twice.
    links = ["Free lamp designs download", "Free lamp designs download",
             "Free lamp plans download", "Free lamp designs download"]
    article = _article([*HEADER, *STORY, *links])
    assert story_of(article) == STORY
    dates = ["May 2: Harbour Town", "May 9: North Cape", "May 16: Old Quay"]
    article = _article([*HEADER, *STORY, "Tour dates", *dates])
    assert story_of(article) == [*STORY, "Tour dates", *dates]


def test_a_box_of_other_stories_with_their_summaries_ends_the_story():
    # Under "Top stories", each other story has its title and a line of summary; a
    # box of links inside a story has titles only, and the story goes on under it.
    box = ["Top stories",
           "Ferry timetable changes for the winter",
           "The last boat will now leave the harbour at six in the evening, and the "
           "first one at seven in the morning, from the first of December.",
           "Library opens a reading room for children",
           "The new room on the ground floor has two hundred picture books, a rug, "
           "and a corner where parents can sit while their children read.",
           "Council approves new street lights",
           "The lights will be put up along the harbour road in the spring, after "
           "years of letters from people who walk home there in the dark."]
    article = _article([*HEADER, *STORY, *box])
    assert story_of(article) == STORY
    links = ["Related stories", "Ferry timetable changes for the winter",
             "Library opens a reading room for children"]
    more = ("The lighthouse was built in 1871 and has been repaired three times since, "
            "most recently after a winter storm in 1987 broke every pane of its lamp room "
            "and left the cape dark for a week.")
    article = _article([*HEADER, *STORY[:2], *links, STORY[2], more])
    assert story_of(article) == [*STORY, more]


def test_a_table_inside_the_story_is_story():
    # A browser copies a table's cells with tabs between them; a table of results
    # between the story's paragraphs is part of the story.
    table = ["Boat\tCrew\tTime", "Sea Swallow\t6\t1:02:11", "North Star\t5\t1:04:40",
             "Grey Gull\t6\t1:05:03", "Cape Rose\t4\t1:09:52"]
    article = _article([*HEADER, *STORY[:2], "Results:", *table, STORY[2], "Most read",
                        "Ferry timetable changes", "Library opens a reading room"])
    assert story_of(article) == [*STORY[:2], *table, STORY[2]]


def test_a_table_alone_is_not_the_story():
    ticker = [f"HBR{n}\tHarbour Co {n}\t{20 + n}.10\t+0.{n}%" for n in range(20)]
    article = _article([*ticker, "Markets", "News", *HEADER[2:], *STORY])
    assert story_of(article) == STORY


def test_a_link_printed_twice_between_paragraphs_is_not_a_subheading():
    # A link to another story can be printed twice (its picture's text, then its
    # title), here a line too long for a heading and with no full stop.
    title = ("Column: the harbour board's plan for the old pier leaves the fishing "
             "boats with nowhere to go")
    more = ("The lighthouse was built in 1871 and has been repaired three times since, "
            "most recently after a winter storm in 1987 broke every pane of its lamp room "
            "and left the cape dark for a week.")
    article = _article([*HEADER, *STORY[:2], "Opinion", title, "Opinion", title,
                        STORY[2], more])
    assert story_of(article) == [*STORY, more]


def test_a_dated_copyright_line_inside_the_story_does_not_end_it():
    # A photo's credit can name its year ("© 2019 Sam Reed"); with the story's
    # paragraphs going on under it, it is not the line that closes the page.
    story = [*STORY,
             "The lamp itself was made in 1890 and has been repaired twice, once after a "
             "storm in 1953 and once when its clockwork was replaced by a motor.",
             "Visitors will still be able to walk out to the cape, but the tower will be "
             "closed to them until the work is done, the board said."]
    article = _article([*HEADER, *story[:2], "© 2019 Sam Reed", *story[2:],
                        "© 2019 Harbour Times. All rights reserved.", "A teaser after it."])
    assert story_of(article) == story


@pytest.mark.parametrize(
    ("line", "pattern_id"),
    [
        ("You have succesfully subscribed. Thank you!", "signup_phrases"),
        ("Week 12 power rankings (133)", "link_count"),
        ("Why old photos show no smiles (3:05)", "link_count"),
        ("About Lena Park", "about_box"),
        ("About the author", "about_box"),
        ("About this fact-check:", "about_box"),
        ("CLICK HERE TO GET THE HARBOUR TIMES APP", "call_to_action"),
        ("An artist’s impression of the new lamp room on the north cape.", "caption_phrases"),
        ("This image taken by a drone shows the damaged roof of the lighthouse.",
         "caption_phrases"),
        ("Read more harbour news by clicking here", "call_to_action"),
        ("Lena Park is a freelance writer based in Leeds. Her work has appeared in "
         "several magazines.", "author_bio"),
        ("Have a tip? Lena Park may be reached at lena@example.org.", "reach_writer"),
        ("The repaired lamp room seen from the pier. Credit: Harbour Board", "credit_tail"),
        ("Divers check the hull of the ferry [Photo: Sam Reed]", "credit_tail"),
        ("This page is subject to copyright. No part may be reproduced without "
         "permission.", "copyright_notice"),
        ("Citation: Lighthouse to be repaired (2019, November 18) retrieved 20 November "
         "2019", "cite_this"),
        ("By Lena Park on Monday, November 18th, 2019 at 11:08 a.m.", "byline"),
        ("The articles on this site are for informational purposes only and are not "
         "a substitute for professional medical advice.", "disclaimer"),
        ("*These statements have not been evaluated by the Food and Drug Administration.",
         "disclaimer"),
        ("+Results vary with effort and a healthy diet.", "disclaimer"),
        ("Quotes delayed at least 20 minutes. Market data provided by Example Data Ltd.",
         "disclaimer"),
        ("Ferry Timetable Changes For The Winter In Harbour TownThe council said the "
         "last boat will leave at six.", "glued_teaser"),
        ("Is The Old Pier Safe To Walk On?Engineers looked at its beams this week.",
         "glued_teaser"),
        ("Harbour Board Buys 2,000New lamps for the streets will arrive in May.",
         "glued_teaser"),
        ("1of4The lamp room of the old lighthouse, seen from the pier on Monday.",
         "gallery_caption_count"),
        ("2 of 12Builders carry a new beam up the stairs of the lighthouse.",
         "gallery_caption_count"),
        ("Harbour board chair says the lamp will shine ag..", "cut_title"),
        ("More Great Harbour Times Stories", "related_list"),
        ("As you comment, please be respectful of other commenters and keep to the "
         "subject of the story.", "comment_rules"),
        ("Comments are moderated and may take a day to appear.", "comment_rules"),
        ("Comentários ofensivos ou fora do assunto não serão aprovados.", "comment_rules"),
        ("I commenti offensivi non saranno pubblicati.", "comment_rules"),
        ("Also on harbourtimes.com Ferry timetable changes for the winter", "also_on"),
        ("Join our Harbour Forums to keep talking about the lighthouse!", "signup"),
        ("Follow me on Twitter or on my website.", "signup"),
        ("Lena Park @lenapark", "author_handle"),
        ("Harbour Times Ltd - 4 Quay Street - North Cape - Phone: (012) 345-678",
         "contact_details"),
        ("Fax: +44 12 3456 7890", "contact_details"),
        ("Our pages have a new look. Tell us what you think of it by taking this survey.",
         "survey_promo"),
        ("Tell us what YOU think...", "survey_promo"),
        ("Самые популярные новости", "related_list"),
        ("Das könnte Sie auch interessieren", "related_list"),
        ("Leia também", "related_list"),
        ("Get access to the Harbour Times' daily paper and archive for as little as "
         "$2 a month.", "paid_access"),
        ("The lamp room after the storm of 1987.Sam Reed / AP file", "credit_slash_agency"),
        ("Builders carry a new beam up the stairs. The work will take four ... [+]",
         "caption_cut"),
        ("Let our news meet your inbox: the harbour's stories every morning.",
         "signup_phrases"),
        ("Lena Park (@lenapark) is a contributing writer at the Harbour Times and the "
         "host of its podcast.", "author_bio"),
        ("Lascia un commento", "comment_section"),
        ("Deixe um comentário", "comment_section"),
        ("You must be logged in to post a comment.", "comment_login"),
        ("Devi essere connesso per inviare un commento.", "comment_login"),
        ("Utilizziamo i cookie per offrirti un sito migliore. Se resti qui, sei d'accordo.",
         "cookies"),
        ("Nous utilisons des cookies pour mesurer les visites.", "cookies"),
        ("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "dateline"),
        ("PUBLISHED TUE, NOV 19 20197:05 AM EST", "dateline"),
        ("13.11.2019, 23:06", "dateline"),
        ("by Lena Park", "byline"),
        ("Sam Reed, National Political Writer", "byline_role"),
        ("The Associated Press", "byline_agency"),
        ("you are here: HomeNewsBusiness", "breadcrumb"),
        ("In this Dec. 12, 2006, file photo, a diver checks the hull.", "caption_phrases"),
        ("Thanks for signing up!", "signup_phrases"),
    ],
)
def test_page_shapes_match_their_pattern(line, pattern_id):
    pattern = match_pattern(line)
    assert pattern is not None and pattern.id == pattern_id


@pytest.mark.parametrize(
    "line",
    [
        "The board met twice (in May and in June).",
        "The vote was 7-2 (with one member away).",
        "Sam Reed is a reporter who was at the meeting, and he asked the first question.",
        "The board gave the builders credit: they finished early.",
        "About two hundred people came to watch the lamp being lit.",
        "The results vary from year to year, the harbour master said.",
        "Her doctor told her the test was not enough to diagnose the illness.",
        "Click here to read the board's full report on the repairs.",
        "This was the image the town had of itself: a light that never went out.",
        "Harbour Town (Coast News)The council said the last boat will leave at six.",
        "Mayor Tom Hart Visits McDonald Park where the children play every day.",
        "Tom Hart Of Harbour Town Posted On YouTube a video of the lamp being lit.",
        "The New Harbour Board Chair bought an iPhone for the office last week.",
        "Tom Hart Kristi HartKristi Ann HartHarbour board chair says the lamp is safe.",
        "1 of 4 Americans has never seen a lighthouse, the survey found.",
        "2 of 12 lamps were broken in the storm.",
        "The vote went on and on and on...",
        "More people than ever visited the lighthouse stories exhibition.",
        "The board's comments were reviewed by the harbour master.",
        "The board voted 5 / 2 for the plan, the AP reported.",
        "Email the harbour board at board@example.org",
        "People can phone the harbour office on 012 345 678 to book a visit.",
        "The board will take a survey of the pier before the work starts.",
        "Самые популярные маяки побережья отремонтируют весной, сообщил совет гавани.",
        "Get access to the pier from the north gate until the work is done.",
        "Also on the board's list is a new pier for the ferry.",
        "Ann Lee (@annlee) is a fisher who has worked off the cape for thirty years.",
        "May 5 people died in the storm, officials said.",
        "by the way, the lamp was fine",
        "November 2019 was the wettest month on record.",
        "The writer, a former sailor, knew the cape well.",
    ],
)
def test_story_sentences_are_not_these_page_shapes(line):
    assert match_pattern(line) is None
