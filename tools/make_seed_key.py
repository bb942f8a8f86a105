"""Write ``data/answer_keys/isis-fighters-calling-in-sick.json``, the seed's answer key.

Every answer below was decided by hand, by reading the article line by line and
checking it against the project's teaching notes. This script only turns the
hand-written phrases into character offsets, so the key can be rebuilt exactly
when the article file or the format changes. It never runs medialit's detectors:
a key made by the detectors could not be used to test them.

Each phrase is found inside a short context that occurs once in the article
(``at("might", "fears they might die")``), so an edit to the article that makes a
phrase ambiguous or missing stops the script instead of producing a wrong key.

Usage::

    python tools/make_seed_key.py           # write the key (checked before writing)
    python tools/make_seed_key.py --check   # fail if the key on disk is out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit import load_article  # noqa: E402
from medialit.learn.keys import FORMAT_VERSION, save_key  # noqa: E402

NAME = "isis-fighters-calling-in-sick"
OUTPUT = ROOT / "data" / "answer_keys" / f"{NAME}.json"

ARTICLE = load_article(NAME)
TEXT = ARTICLE.text


# --------------------------------------------------------------------------- locating


def at(phrase: str, context: str | None = None) -> dict[str, Any]:
    """The span of ``phrase`` inside ``context``; the context must occur once in the text."""
    context = context or phrase
    if TEXT.count(context) != 1:
        raise SystemExit(f"context {context!r} occurs {TEXT.count(context)} times, not once")
    if context.count(phrase) != 1:
        raise SystemExit(f"phrase {phrase!r} occurs {context.count(phrase)} times in its context")
    start = TEXT.index(context) + context.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def between(first: str, last: str, context: str | None = None) -> dict[str, Any]:
    """The span from the start of ``first`` to the end of ``last`` (both located by ``at``)."""
    a, b = at(first, context), at(last, context)
    return {"start": a["start"], "end": b["end"], "text": TEXT[a["start"] : b["end"]]}


def lines() -> list[tuple[int, dict[str, Any]]]:
    """Every non-blank line as (1-based line number, span without surrounding white space)."""
    out, offset = [], 0
    for number, line in enumerate(TEXT.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            out.append((number, {"start": start, "end": start + len(stripped), "text": stripped}))
        offset += len(line) + 1
    return out


LINES = dict(lines())


def first_in_line(phrase: str, number: int) -> dict[str, Any]:
    """The first ``phrase`` in line ``number`` (for a word a line repeats, like "AFP")."""
    line = LINES[number]
    offset = line["text"].index(phrase)
    return {"start": line["start"] + offset, "end": line["start"] + offset + len(phrase),
            "text": phrase}


def line_range(first: int, last: int) -> list[dict[str, Any]]:
    return [span for number, span in LINES.items() if first <= number <= last]


def in_lines(pattern: str, first: int, last: int) -> list[dict[str, Any]]:
    """Every match of ``pattern`` in lines ``first``-``last`` (for credit lines of captions)."""
    found = []
    for span in line_range(first, last):
        for m in re.finditer(pattern, span["text"]):
            start = span["start"] + m.start()
            found.append({"start": start, "end": start + len(m.group()), "text": m.group()})
    return found


# --------------------------------------------------------------------------- blocks

# Line numbers of the article file (1-based), decided by reading the page.
CEMETERY = "the Najaf cemetery gallery (Reuters photos, 26 July to 10 August 2016)"
KURDISH = (
    "the gallery of Kurdish women fighters (AFP/Getty photos from Syria, 2013 and December 2015)"
)
FALLUJA = "the Falluja gallery (Reuters photos, 28 May to 30 June 2016)"
COUNTER = "A photo counter. It belongs to the gallery's buttons, not to the story."
SEE_GALLERY = "A gallery button. Readers click it; it carries no news."
TITLE_AGAIN = (
    "The gallery's title again (the page repeats it for each view). "
    "It names the photos, not the story."
)
CONTROL = "A gallery control ({text!r}). It is a button of the web page, not words of the story."

BLOCK_PLAN: list[tuple[int, int, str, str]] = [
    (1, 1, "headline",
     "The page's headline. It asks a question, so the page can raise the claim without "
     "saying it is true."),
    (3, 3, "promo",
     "An AOL box that suggests other pages before you leave. It advertises the site; it is "
     "not part of the story."),
    (4, 4, "page_chrome",
     "The label of that box's close button, copied along with the page. Web-page parts, "
     "not news."),
    (6, 6, "promo",
     "The title of a related video AOL put on the page. It sounds like news, but it is a link "
     "to something else, not a line of this story."),
    (8, 8, "story",
     "Story, first paragraph: it sets up the claim with \"reports have surfaced\" and does not "
     "say who made the reports."),
    (10, 10, "story",
     "Story: the main claim (fake sick notes near al-Shirqat) and its first named source, the "
     "Shiite militias called the PMUs."),
    (12, 12, "story",
     "Story: it says the Iranian agency Fars first reported the news, and adds the \"boiled "
     "alive\" claim."),
    (14, 14, "gallery_title",
     "This line introduces a photo gallery AOL added. Its photos show a cemetery in Najaf, "
     "south of Baghdad, in July and August 2016, not al-Shirqat, where the story happens."),
    (16, 16, "page_chrome", COUNTER),
    (17, 17, "gallery_title", TITLE_AGAIN),
    (18, 18, "page_chrome", SEE_GALLERY),
    (19, 19, "gallery_title", TITLE_AGAIN),
    (20, 40, "photo_caption",
     f"A caption from {CEMETERY}. It describes one photo taken far from al-Shirqat, not the "
     "story's events."),
    (41, 45, "page_chrome", CONTROL),
    (47, 47, "story",
     "Story, going on after the gallery: unnamed \"U.S. officials\" say they have tracked "
     "desertions in general."),
    (49, 49, "story",
     "Story: a named spokesman, Col. John Thomas of U.S. Central Command, on low morale among "
     "ISIS fighters in general."),
    (51, 51, "story",
     "Story: Central Command says civilians under ISIS show \"open defiance\"."),
    (53, 53, "story",
     "Story: Thomas again, on civilians resisting ISIS. Still nothing about sick notes."),
    (55, 55, "gallery_title",
     "This line introduces a second AOL gallery: Kurdish women fighters in Syria, photographed "
     "in 2013 and December 2015. Not al-Shirqat, and not this week."),
    (57, 57, "page_chrome", COUNTER),
    (58, 58, "gallery_title", TITLE_AGAIN),
    (59, 59, "page_chrome", SEE_GALLERY),
    (60, 60, "gallery_title", TITLE_AGAIN),
    (61, 74, "photo_caption",
     f"A caption from {KURDISH}. It is from another country, nine months to three years "
     "before the story."),
    (75, 79, "page_chrome", CONTROL),
    (81, 81, "story",
     "Story: the U.S. general in charge of the Middle East (named in the next paragraph) says "
     "some fighters push back against orders."),
    (83, 83, "story",
     "Story: Gen. Joseph Votel, named and quoted, on fighters in Manbij, Syria, who did not "
     "fight to the death. Not about sick notes."),
    (85, 85, "story",
     "Story: here the sick notes are treated as settled fact (\"formal sick notices\"), "
     "although the opening only reported them."),
    (87, 87, "story",
     "Story, last paragraph: unnamed \"multiple columnists\" on the network ISIS has built."),
    (89, 89, "copyright",
     "The copyright line. The story ends here, and it tells you U.S. News & World Report wrote "
     "it. Everything after this line was added by AOL."),
    (91, 91, "gallery_title",
     "\"NOW SEE:\" introduces a third AOL gallery: Falluja in May and June 2016, a different "
     "city and an earlier time than the story."),
    (93, 93, "page_chrome", COUNTER),
    (94, 94, "gallery_title", TITLE_AGAIN),
    (95, 95, "page_chrome", SEE_GALLERY),
    (96, 96, "gallery_title", TITLE_AGAIN),
    (97, 114, "photo_caption",
     f"A caption from {FALLUJA}. It shows another city, two to three months before "
     "the story."),
    (115, 119, "page_chrome", CONTROL),
    (121, 121, "page_chrome",
     "A \"Read Full Story\" button of the AOL page. It links away; it is not part of the story."),
    (123, 123, "promo", "An AOL newsletter sign-up box. It advertises the site, not the news."),
    (125, 125, "promo", "Part of the newsletter sign-up box: an advert for more newsletters."),
    (127, 127, "promo", "The small print of the newsletter sign-up box."),
    (129, 129, "promo",
     "The heading of a box of links to partner sites (often paid for). Not part of the story."),
]


def blocks() -> list[dict[str, Any]]:
    planned: dict[int, tuple[str, str]] = {}
    for first, last, kind, explanation in BLOCK_PLAN:
        for number in range(first, last + 1):
            if number not in LINES:
                raise SystemExit(f"line {number} is blank, but the plan gives it a kind")
            planned[number] = (kind, explanation)
    if set(planned) != set(LINES):
        raise SystemExit(f"lines without a kind: {sorted(set(LINES) - set(planned))}")
    return [
        {**LINES[n], "kind": planned[n][0], "explanation": planned[n][1].format(**LINES[n])}
        for n in sorted(LINES)
    ]


# --------------------------------------------------------------------------- hedges

P1 = (
    "Now reports have surfaced that its fighters are literally calling in sick "
    "over fears they might die."
)
P2_END = "the militia members say."
P3 = "In this case the reports align with what others have observed on the ground."
P3B = "Deserters from al-Shirqat have reportedly been boiled alive"

HEDGES = [
    {**at("ISIS fighters calling in sick?"), "category": "question_headline",
     "explanation": "A question headline. The question mark lets the page put the idea in your "
                    "head without saying it is true: it has promised nothing."},
    {**at("reports have surfaced", P1), "category": "reportive",
     "explanation": "\"Reports have surfaced\" tells you the writer did not see this; someone "
                    "else reported it. It does not say who, so you cannot check it yet."},
    {**at("according to reports"), "category": "reportive",
     "explanation": "\"According to reports\" passes the claim on from others. Here the reports "
                    "come from the Shiite militias fighting ISIS: one side in the fight."},
    {**at("the militia members say"), "category": "vague_source",
     "explanation": "Militia members said this, but none is named, so no one can check them. "
                    "(The first Fars report named a commander; this retelling drops the name.)"},
    {**at("what others have observed"), "category": "vague_source",
     "explanation": "Who are the \"others\", and what did they see? They are not named, so this "
                    "sounds like confirmation but cannot be checked."},
    {**at("reportedly", P3B), "category": "reportive",
     "explanation": "One word carries a terrible claim (deserters boiled alive). \"Reportedly\" "
                    "says someone reported it, but not who; the writer does not stand behind it."},
    {**at("U.S. officials say"), "category": "vague_source",
     "explanation": "The officials are not named, so you cannot check who said this or how "
                    "they know."},
    {**at("Multiple columnists"), "category": "vague_source",
     "explanation": "How many columnists, and who? They are not named, so you cannot read what "
                    "they really wrote."},
]


# --------------------------------------------------------------------------- distractors

THOMAS_QUOTE_2 = "We see headquarters literally moving underground."
VOTEL_TAIL = "\"Obviously, they didn't.\""
SETTLED = "The reports of Islamic State group fighters filing formal sick notices"

DISTRACTORS = [
    {**LINES[6], "looks_like": "story",
     "explanation": "It reads like news about the leader who was killed, but it is the title of "
                    "a video link AOL put on the page, not part of the story."},
    {**at("literally", P1), "looks_like": "hedge",
     "explanation": "\"Literally\" pushes the claim harder (\"really, truly\"). A hedge makes a "
                    "claim softer, so this is the opposite of a hedge."},
    {**at("might", P1), "looks_like": "hedge",
     "explanation": "\"Might\" belongs to the fighters' fear (they fear they might die). It is "
                    "not the writer being unsure about the story."},
    {**at("roughly", "roughly 75 miles"), "looks_like": "hedge",
     "explanation": "\"Roughly\" only rounds a distance on the map. It shows no doubt about "
                    "the claim."},
    {**at("others", "a threat to others considering"), "looks_like": "vague_source",
     "explanation": "These \"others\" are other fighters who might desert, not people who gave "
                    "information. They are not a source."},
    {**LINES[14], "looks_like": "story",
     "explanation": "It mentions Iraq and the ISIS war, so it seems to belong to the story, but "
                    "it introduces a gallery of a cemetery in Najaf, far from al-Shirqat."},
    {**first_in_line("REUTERS", 20), "looks_like": "state_media",
     "explanation": "Reuters is a news agency owned by a company (Thomson Reuters), not by any "
                    "government. A Reuters photo credit is not a sign of state media."},
    {**LINES[47], "looks_like": "clutter",
     "explanation": "It comes right after a gallery's buttons, so it is easy to skip as clutter. "
                    "It is the story going on."},
    {**at("U.S. Central Command", "a spokesman for U.S. Central Command"),
     "looks_like": "vague_source",
     "explanation": "U.S. Central Command is a named part of the U.S. military, and its "
                    "spokesman is named too: a source you can look up, not a vague one. (It is "
                    "a side in the fight, though.)"},
    {**at("literally", THOMAS_QUOTE_2), "looks_like": "hedge",
     "explanation": "In Thomas's words, \"literally\" means the headquarters really moved "
                    "underground. It makes the words stronger, not softer."},
    {**LINES[55], "looks_like": "story",
     "explanation": "It mentions militias fighting ISIS, like the story's PMUs, but it "
                    "introduces photos of Kurdish women fighters in Syria from 2013 and 2015."},
    {**first_in_line("AFP", 61), "looks_like": "state_media",
     "explanation": "AFP (Agence France-Presse) earns much of its money from the French state, "
                    "its biggest customer, but a French law of 1957 forbids any government or "
                    "party from controlling it. It is not state-controlled like Fars."},
    {**at("Obviously", VOTEL_TAIL), "looks_like": "hedge",
     "explanation": "\"Obviously\" is Votel being sure, not unsure. A word of certainty inside "
                    "a quote is not a hedge."},
    {**at("The reports of", SETTLED), "looks_like": "hedge",
     "explanation": "The word \"reports\" is here, but the sentence no longer keeps its "
                    "distance: it uses the sick notes as proof of ISIS's bureaucracy, as if "
                    "they were settled. The opening's hedge has drifted away."},
    {**LINES[89], "looks_like": "clutter",
     "explanation": "Small print like this looks like clutter, but it matters: it marks where "
                    "the story ends and tells you who wrote it."},
    {**LINES[111], "looks_like": "story",
     "explanation": "Badr is one of the Shiite militias in the PMUs, so this caption seems "
                    "linked to the story. But it is a Falluja photo from 25 June 2016, not "
                    "al-Shirqat."},
]


# --------------------------------------------------------------------------- attributions

P2_CLAIM = between("Islamic State group militants near", "incurable diseases")
PMUS = "Shiite militias fighting there, also known as the Popular Mobilization Units or PMUs"
THOMAS_Q1 = between("We've seen that our momentum", "poor morale")
THOMAS_Q2 = between("Young recruits are now running", "they are running around scared.")
THOMAS_Q3 = between("There are clear signs of pockets", "their towns and cities")
VOTEL_Q1 = between("Some of what we saw in the Manbij", "to fight to the death")
US_ANNOUNCEMENT = "the U.S. announcement it had killed"
SOHR = "said the Syrian Observatory for Human Rights"

ATTRIBUTIONS = [
    {"cue": at("reports have surfaced", P1), "source": None, "source_kind": "unnamed",
     "resolved_source": "unnamed reports (the next paragraphs trace them to the PMU militias, "
                        "via Fars)",
     "content": at("its fighters are literally calling in sick over fears they might die", P1),
     "direct_quote": False, "stake": True,
     "explanation": "The first time the claim appears, no source is given. The story later "
                    "traces the reports to the militias fighting ISIS, a side in the fight."},
    {"cue": at("according to reports from"), "source": at(PMUS), "source_kind":
     "named_organization",
     "resolved_source": "Popular Mobilization Units (PMUs), Shiite militias fighting ISIS near "
                        "al-Shirqat",
     "content": P2_CLAIM, "direct_quote": False, "stake": True,
     "explanation": "The claim comes from the PMUs, who are fighting these ISIS fighters. A "
                    "side in a battle gains when its enemy looks weak and scared, so it has a "
                    "stake in this story."},
    {"cue": at("say", P2_END), "source": at("the militia members", P2_END),
     "source_kind": "unnamed", "resolved_source": "members of the PMUs, not named",
     "content": between("Low morale and a lack of faith", "to the crumbling front lines"),
     "direct_quote": False, "stake": True,
     "explanation": "Militia members are said to explain why fighters want out, but none is "
                    "named, and they are a side in the fight."},
    {"cue": at("first reported by"), "source": at("Iranian news service Fars"),
     "source_kind": "media_outlet", "resolved_source": "Fars News Agency (Iran)",
     "content": None, "direct_quote": False, "stake": True,
     "explanation": "The news came first from Fars, an Iranian agency close to the "
                    "Revolutionary Guard. Iran backs some of the PMU groups, so the outlet is "
                    "tied to the militias' patron. The story says so, to its credit."},
    {"cue": at("have observed", P3), "source": at("others", P3), "source_kind": "unnamed",
     "resolved_source": "not named", "content": None, "direct_quote": False, "stake": None,
     "explanation": "The story says others saw the same thing, but not who they are or what "
                    "exactly they saw, so we cannot judge them."},
    {"cue": at("reportedly", P3B), "source": None, "source_kind": "unnamed",
     "resolved_source": "not named",
     "content": between("Deserters from al-Shirqat", "considering similar actions"),
     "direct_quote": False, "stake": None,
     "explanation": "A grave claim with no source at all: only the word \"reportedly\" tells "
                    "you it came from someone else."},
    {"cue": at("say", "U.S. officials say"), "source": at("U.S. officials"),
     "source_kind": "unnamed", "resolved_source": "U.S. officials, not named",
     "content": between("they, too, have tracked", "also known as ISIS or ISIL"),
     "direct_quote": False, "stake": True,
     "explanation": "Unnamed officials of the U.S., which leads the coalition fighting ISIS. "
                    "They talk about desertion in general, not about sick notes."},
    {"cue": at("says", "says Air Force Col. John Thomas"),
     "source": at("Air Force Col. John Thomas"), "source_kind": "named_person",
     "resolved_source": "Col. John Thomas, spokesman for U.S. Central Command",
     "content": THOMAS_Q1, "more_content": [THOMAS_Q2], "direct_quote": True, "stake": True,
     "explanation": "A named spokesman, quoted word for word: you can check who he is. His job "
                    "is to speak for the U.S. forces in the fight. He talks about morale, not "
                    "about sick notes."},
    {"cue": at("has also observed"), "source": at("Central Command", "Central Command has also"),
     "source_kind": "named_organization", "resolved_source": "U.S. Central Command",
     "content": between("more of what Thomas calls", "lashing out at its soldiers"),
     "direct_quote": False, "stake": True,
     "explanation": "The writer passes on what Central Command says it saw. \"Observed\" makes "
                    "it sound like plain fact, but it is still the U.S. military's own account."},
    {"cue": at("calls", "what Thomas calls"), "source": at("Thomas", "what Thomas calls"),
     "source_kind": "named_person",
     "resolved_source": "Col. John Thomas, spokesman for U.S. Central Command",
     "content": at("open defiance", "calls \"open defiance\""), "direct_quote": True,
     "stake": True,
     "explanation": "The quotation marks show \"open defiance\" are Thomas's own words, not the "
                    "writer's."},
    {"cue": at("says", "Thomas says."), "source": at("Thomas", "Thomas says."),
     "source_kind": "named_person",
     "resolved_source": "Col. John Thomas, spokesman for U.S. Central Command",
     "content": THOMAS_Q3, "direct_quote": True, "stake": True,
     "explanation": "Thomas again, quoted word for word, about civilians resisting ISIS. "
                    "Nothing here is about sick notes."},
    {"cue": at("said", SOHR), "source": at("the Syrian Observatory for Human Rights"),
     "source_kind": "named_organization",
     "resolved_source": "Syrian Observatory for Human Rights",
     "content": between("Kurdish fighters from several villages", "and Al-Nusra Front"),
     "direct_quote": False, "stake": None,
     "explanation": "This source is inside a 2013 photo caption, not the story. The page does "
                    "not say who runs the Observatory: a good thing to look up."},
    {"cue": at("said", "Middle East said this week"),
     "source": at("The U.S. general who oversees all operations in the Middle East"),
     "source_kind": "named_person",
     "resolved_source": "Gen. Joseph Votel, head of U.S. Central Command",
     "content": between("recent gains by coalition forces", "against their marching orders"),
     "direct_quote": False, "stake": True,
     "explanation": "The general is named in the next paragraph: Gen. Joseph Votel, who leads "
                    "the U.S. forces in the fight. He speaks of fighters pushing back against "
                    "orders, not of sick notes."},
    {"cue": at("said", "Joseph Votel said"),
     "source": at("Central Command chief Army Gen. Joseph Votel"), "source_kind": "named_person",
     "resolved_source": "Gen. Joseph Votel, head of U.S. Central Command",
     "content": VOTEL_Q1, "more_content": [at("Obviously, they didn't.")],
     "direct_quote": True, "stake": True,
     "explanation": "Named, quoted word for word, at a public press conference: easy to check. "
                    "But he speaks about Manbij in Syria, not about al-Shirqat or sick notes."},
    {"cue": at("announcement", US_ANNOUNCEMENT), "source": at("U.S.", US_ANNOUNCEMENT),
     "source_kind": "named_organization", "resolved_source": "the U.S. government",
     "content": at("it had killed the extremist leader Abu Mohammed al-Adnani"),
     "direct_quote": False, "stake": True,
     "explanation": "The killing of al-Adnani was announced by the U.S., the side that made "
                    "the airstrike. Russia claimed it too; the Pentagon confirmed it on 12 "
                    "September, after this story."},
    {"cue": at("saying", "strategy, saying"), "source": at("Multiple columnists"),
     "source_kind": "unnamed", "resolved_source": "columnists, not named",
     "content": between("the Islamic State group's established network", "place eagerly"),
     "direct_quote": False, "stake": None,
     "explanation": "We are not told who these columnists are or where they wrote, so we "
                    "cannot read their words or judge them."},
]


# --------------------------------------------------------------------------- outlets

def outlet(span: dict[str, Any], outlet_id: str, affiliated: bool, scope: str,
           explanation: str) -> dict[str, Any]:
    return {**span, "outlet": outlet_id, "state_affiliated": affiliated, "scope": scope,
            "explanation": explanation}


FARS = ("Fars News Agency, Iran. It is close to Iran's Revolutionary Guard (IRGC); in 2023 the "
        "U.S. Treasury named it as controlled by the IRGC. Iran backs some PMU militias, so the "
        "first outlet to carry the claim is tied to that side's patron.")
REUTERS = ("Reuters took this photo. Reuters is a news agency owned by a company (Thomson "
           "Reuters), not state media. Here it credits a photo, not a source for the story.")
AFP = ("AFP (Agence France-Presse), the French news agency, supplied this photo. The French "
       "state is its biggest customer, but a 1957 law forbids any government from controlling "
       "it, so it is not state-controlled media.")
GETTY = ("Getty Images, a private photo company, sells this AFP photo to websites. It is not "
         "state media and not a source for the story.")
USNEWS = ("U.S. News & World Report, a privately owned American news magazine and website, "
          "wrote the story and owns its copyright.")
AOL = ("AOL, the website that republished the story, advertises its own newsletter here. AOL "
       "is a private company, not state media.")


def outlets() -> list[dict[str, Any]]:
    found = [outlet(at("Fars", "Iranian news service Fars"), "fars-news-agency", True, "story",
                    FARS)]
    found += [outlet(s, "reuters", False, "page", REUTERS) for s in in_lines(r"REUTERS", 20, 40)]
    found += [outlet(s, "afp", False, "page", AFP) for s in in_lines(r"\bAFP\b", 61, 74)]
    found += [outlet(s, "getty-images", False, "page", GETTY)
              for s in in_lines(r"Getty Images", 61, 74)]
    found.append(outlet(at("U.S. News & World Report", LINES[89]["text"]), "us-news-world-report",
                        False, "page", USNEWS))
    found += [outlet(s, "reuters", False, "page", REUTERS) for s in in_lines(r"REUTERS", 97, 114)]
    found.append(outlet(at("AOL", "Breaking News by AOL"), "aol", False, "page", AOL))
    return sorted(found, key=lambda o: o["start"])


# --------------------------------------------------------------------------- chain

SOURCE_CHAIN = [
    {"who": "Members of the Popular Mobilization Units (PMUs), Shiite militias fighting ISIS "
            "near al-Shirqat",
     "role": "original source", "outlet": None,
     "evidence": [between("according to reports from", "Popular Mobilization Units or PMUs"),
                  at("the militia members say")],
     "state_affiliated": None, "stake": True,
     "explanation": "The claim starts with the militias fighting ISIS at al-Shirqat: one side "
                    "of the battle, which gains if the enemy looks scared. No member is named "
                    "here, though the first Fars report named a commander."},
    {"who": "Fars News Agency", "role": "first publisher", "outlet": "fars-news-agency",
     "evidence": [between("The news was first reported by", "which backs most of the PMUs")],
     "state_affiliated": True, "stake": True,
     "explanation": "Fars, an Iranian agency close to the Revolutionary Guard, published the "
                    "claim first (1 September 2016). \"Run by the central government\" is not "
                    "quite right: \"semi-official, tied to the IRGC\" is closer. Iran backs some "
                    "PMU groups, so the first publisher is tied to the militias' patron."},
    {"who": "U.S. News & World Report", "role": "retold by", "outlet": "us-news-world-report",
     "evidence": [LINES[89], {"metadata": "publisher", "value": "U.S. News & World Report"}],
     "state_affiliated": False, "stake": False,
     "explanation": "U.S. News retold the Fars report in English, dropped the commander's name, "
                    "and added U.S. officers who talk about morale and desertion in general. It "
                    "did not confirm the sick notes itself."},
    {"who": "AOL", "role": "republished by", "outlet": "aol",
     "evidence": [{"metadata": "republished_by", "value": "AOL"},
                  at("Sign up for Breaking News by AOL")],
     "state_affiliated": False, "stake": False,
     "explanation": "AOL put the U.S. News story on its own page and added a video link, three "
                    "photo galleries and sign-up boxes that are not part of the story."},
]


# --------------------------------------------------------------------------- claims

MAIN_CLAIM_BACKERS = [
    {"who": "U.S. officials (not named)",
     "how_far": "They have tracked desertion and defection in general, not sick notes.",
     **between("U.S. officials say", "deserting or defecting")},
    {"who": "Col. John Thomas, U.S. Central Command",
     "how_far": "He speaks of poor morale and fear in general, not of sick notes.",
     **at("disorganization, desperation and poor morale")},
    {"who": "Gen. Joseph Votel, U.S. Central Command",
     "how_far": "He speaks of fighters in Manbij, Syria, who did not fight to the death: another "
                "place, and not sick notes.",
     **VOTEL_Q1},
]
NOT_CONFIRMED = (
    "Only the PMU militias, through Fars, say this. The U.S. officers quoted talk about things "
    "nearby (morale, desertion, Manbij), which makes the claim feel confirmed, but none mentions "
    "sick notes at al-Shirqat. No independent confirmation was found."
)

CLAIMS = [
    {"id": "top-leader-killed", **at("one of its top leaders was killed in a coalition airstrike"),
     "hedged_at_start": False, "restates": None,
     "corroborated_by": [
         {"who": "the U.S. announcement (named later in the story)",
          "how_far": "It is the claim of the side that made the strike, not an independent check.",
          **at(US_ANNOUNCEMENT)}],
     "verdict": "partly",
     "explanation": "Told as plain fact. The leader was Abu Mohammed al-Adnani. Both the U.S. "
                    "and Russia claimed the strike, and the Pentagon confirmed it only on 12 "
                    "September 2016, ten days after this page."},
    {"id": "calling-in-sick",
     **at("reports have surfaced that its fighters are literally calling in sick over fears they "
          "might die"),
     "hedged_at_start": True, "restates": None, "corroborated_by": MAIN_CLAIM_BACKERS,
     "verdict": "not_corroborated",
     "explanation": "The story's main claim, carefully hedged here. " + NOT_CONFIRMED},
    {"id": "fake-sick-notices", **P2_CLAIM, "hedged_at_start": True, "restates": None,
     "corroborated_by": MAIN_CLAIM_BACKERS, "verdict": "not_corroborated",
     "explanation": "The details of the claim, hedged with \"according to reports from\" the "
                    "militias. Nobody outside the militias and Fars confirms them. Records show "
                    "the trick was used elsewhere (an ISIS document cited by West Point "
                    "researchers in April 2016); nothing independent confirms it at al-Shirqat."},
    {"id": "low-morale-motive",
     **between("Low morale and a lack of faith", "to the crumbling front lines"),
     "hedged_at_start": True, "restates": None,
     "corroborated_by": [
         {"who": "Col. John Thomas, U.S. Central Command",
          "how_far": "He also speaks of poor morale among ISIS fighters, but not at al-Shirqat, "
                     "and he too is on the other side of the fight.",
          **at("disorganization, desperation and poor morale")}],
     "verdict": "partly",
     "explanation": "The militias' explanation of why fighters want out, hedged at the end "
                    "of the sentence (\"the militia members say\"). A second source also speaks of "
                    "poor morale, so this part has some support."},
    {"id": "reports-align", **at(P3[:-1]), "hedged_at_start": False, "restates": None,
     "corroborated_by": [], "verdict": "not_corroborated",
     "explanation": "This sentence says the reports are confirmed, but the \"others\" are never "
                    "named, so the confirmation itself cannot be checked."},
    {"id": "boiled-alive", **between("Deserters from al-Shirqat", "considering similar actions"),
     "hedged_at_start": True, "restates": None, "corroborated_by": [],
     "verdict": "not_corroborated",
     "explanation": "A very grave claim resting on one word, \"reportedly\". No source is named "
                    "and nobody else in the story backs it."},
    {"id": "sick-notes-settled",
     **between("The reports of Islamic State group fighters filing formal sick notices",
               "the extremist network has established"),
     "hedged_at_start": False, "restates": "calling-in-sick", "corroborated_by": [],
     "verdict": "not_corroborated",
     "explanation": "Hedge drift: the opening said only that reports \"surfaced\"; here the sick "
                    "notes are used as proof of ISIS's bureaucracy, as if settled. \"Fake "
                    "'sick notices'\" in quotation marks has become \"formal sick notices\". "
                    "Nothing new was confirmed in between."},
]


# --------------------------------------------------------------------------- galleries


def gallery(first: int, last: int, title_line: int, captions: tuple[int, int],
            **facts: Any) -> dict[str, Any]:
    count = len(line_range(*captions))
    return {"start": LINES[first]["start"], "end": LINES[last]["end"],
            "title": LINES[title_line], **facts, "captions": count, "belongs_to_story": False}


GALLERIES = [
    gallery(14, 45, 17, (20, 40), place="Wadi al-Salam cemetery, Najaf, south of Baghdad, Iraq",
            date_first="2016-07-26", date_last="2016-08-10",
            credit="Reuters (photos by Alaa Al-Marjani)", outlets=["reuters"], photo_counter=22,
            explanation="Photos of Iraq's oldest cemetery in Najaf, south of Baghdad, taken "
                        "26 July to 10 August 2016. Al-Shirqat is far to the north. The gallery "
                        "is about the war in general, not fighters calling in sick."),
    gallery(55, 79, 58, (61, 74), place="northern Syria (al-Qahtaniyah, al Qamishli, Derik)",
            date_first="2013-08-28", date_last="2015-12-01",
            credit="AFP / Getty Images (photos by Delil Souleiman, Benjamin Hiller, "
                   "Fabio Bucciarelli)",
            outlets=["afp", "getty-images"], photo_counter=15,
            explanation="Kurdish women fighters in Syria, photographed in 2013 and December "
                        "2015: another country, nine months to three years before the story. "
                        "The story is about Iraqi Shiite militias, not Kurdish units."),
    gallery(91, 119, 94, (97, 114), place="Falluja, Iraq",
            date_first="2016-05-28", date_last="2016-06-30",
            credit="Reuters (photos by Thaier Al-Sudani, Ahmed Saad)", outlets=["reuters"],
            photo_counter=19,
            explanation="Falluja after Iraqi forces retook it, May and June 2016: a different "
                        "city, two to three months before the story. It comes after the "
                        "copyright line, so AOL added it."),
]


# --------------------------------------------------------------------------- the key


def build() -> dict[str, Any]:
    return {
        "article": NAME,
        "format_version": FORMAT_VERSION,
        "checked_against": [
            f"data/articles/{NAME}.txt, read line by line",
            "the project's teaching notes on this article (facts on the page, the sourcing "
            "chain, Fars, the PMUs and the galleries)",
            "Fars: Wikipedia 'Fars News Agency'; U.S. Treasury (OFAC) designation of 15 "
            "September 2023; State Media Monitor typology (state-controlled)",
            "PMUs: USIP Iran Primer (26 April 2018)",
            "AFP: French law no. 57-32 of 10 January 1957 (AFP's statutes), articles 1, 2 and 13",
        ],
        "blocks": blocks(),
        "hedges": sorted(HEDGES, key=lambda h: h["start"]),
        "distractors": sorted(DISTRACTORS, key=lambda d: d["start"]),
        "attributions": sorted(ATTRIBUTIONS, key=lambda a: a["cue"]["start"]),
        "outlets": outlets(),
        "source_chain": SOURCE_CHAIN,
        "claims": sorted(CLAIMS, key=lambda c: (c["start"], c["end"])),
        "galleries": GALLERIES,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail if the key on disk differs from what this script builds")
    args = parser.parse_args(argv)
    key = build()
    if args.check:
        on_disk = json.loads(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.is_file() else None
        if on_disk != key:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date; run tools/make_seed_key.py")
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return 0
    save_key(key, OUTPUT, article=ARTICLE)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: " + ", ".join(
        f"{len(key[f])} {f}" for f in ("blocks", "hedges", "distractors", "attributions",
                                       "outlets", "claims", "galleries")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
