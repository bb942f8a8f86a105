"""Write ``data/answer_keys/battery-plant-page.json``: the key of lesson 6's example page.

The answers were decided by hand (the page is invented, so its writer knows the
truth); this script only turns phrases into offsets and saves with
``medialit.learn.keys.save_key``, which checks every span before writing.

    python tools/make_example_key.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit import load_article  # noqa: E402
from medialit.learn.keys import FORMAT_VERSION, save_key  # noqa: E402

NAME = "battery-plant-page"
ARTICLE = load_article(ROOT / "data" / "examples" / f"{NAME}.html")
TEXT = ARTICLE.text
OUTPUT = ROOT / "data" / "answer_keys" / f"{NAME}.json"


def at(phrase: str, context: str | None = None) -> dict[str, Any]:
    context = context or phrase
    if TEXT.count(context) != 1:
        raise SystemExit(f"context {context!r} occurs {TEXT.count(context)} times, not once")
    if context.count(phrase) != 1:
        raise SystemExit(f"phrase {phrase!r} occurs {context.count(phrase)} times in its context")
    start = TEXT.index(context) + context.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


# ---------------------------------------------------------------- blocks, line by line

MENU = "A menu link of the newspaper's website. It leads to other pages; it is not news."
BLOCK_KINDS = {
    "Home": ("page_chrome", MENU),
    "News": ("page_chrome", MENU),
    "Sports": ("page_chrome", MENU),
    "Weather": ("page_chrome", MENU),
    "Share": (
        "page_chrome",
        "A share button of the web page. Readers click it; it carries no news.",
    ),
    "Print": (
        "page_chrome",
        "A print button of the web page. Readers click it; it carries no news.",
    ),
    "Battery plant could bring 800 jobs to Alder Falls, report says": (
        "headline",
        "The headline. It hedges twice: the plant only 'could' bring jobs, and the number "
        "comes from a report, not from the paper's own reporting.",
    ),
    "By Dana Reyes, Ledger staff writer": (
        "story",
        "The byline: it names the reporter who wrote the story, so it belongs to the article "
        "even though it is short and looks like page furniture.",
    ),
    "Advertisement": (
        "page_chrome",
        "An advert label between two paragraphs. The story goes on after it.",
    ),
    "Photos: How battery factories are changing towns in China": (
        "gallery_title",
        "The title of a photo gallery the website added under the story. Its photos were "
        "taken in China in 2021, not in Alder Falls.",
    ),
    "2 PHOTOS": ("page_chrome", "A photo counter. It belongs to the gallery, not to the story."),
    "Most read": (
        "promo",
        "The heading of a box of links to the site's most-read stories. Not part of this story.",
    ),
    "High school robotics team heads to the state finals for the first time": (
        "promo",
        "A link to another story of the same website. It is an advert for more reading.",
    ),
    "Road works on Main Street will last until June, council says": (
        "promo",
        "A link to another story. It sounds like news with a source, but it is only a link.",
    ),
    "Sign up for our morning newsletter and get Alder Falls news delivered straight to "
    "your inbox.": (
        "promo",
        "A sign-up box: the newspaper advertises its own newsletter.",
    ),
    "© 2025 The Alder Falls Ledger. All rights reserved.": (
        "copyright",
        "The copyright line: it tells you who owns the page's text, the Alder Falls Ledger.",
    ),
    "Privacy · Terms · Contact": (
        "page_chrome",
        "Footer links of the website (privacy, terms, contact). Not news.",
    ),
}
STORY_WHY = {
    "A battery maker": "Story, first paragraph: the main claim, with 'may' and 'according to "
    "Xinhua' keeping it at a distance.",
    "The plant would": "Story: the 800 jobs and the signed letter, both from Xinhua.",
    "Mayor Carla": "Story: the mayor, named and quoted, on her meeting with the company.",
    "A person who": "Story: an unnamed person from the talks adds what the company wants.",
    "The town council": "Story: the date of the council meeting, from a public agenda.",
    '"Eight hundred': "Story: a shop owner, named and quoted, reacts to the number of jobs.",
    "With 800 new": "Story: the last paragraph, which takes the 800 jobs as settled.",
    "Workers assemble": None,
    "A new battery": None,
}
CAPTION = (
    "A caption of the China gallery (AP photos, June 2021). It describes a photo from "
    "Ningde, China, not the story's town."
)


def blocks() -> list[dict[str, Any]]:
    out = []
    for b in ARTICLE.block_records:
        span = {"start": b.start, "end": b.end, "text": b.text}
        if b.text in BLOCK_KINDS:
            kind, why = BLOCK_KINDS[b.text]
        elif b.text.endswith("(AP Photo)"):
            kind, why = "photo_caption", CAPTION
        else:
            why = next(w for k, w in STORY_WHY.items() if b.text.startswith(k))
            kind = "story"
        out.append({**span, "kind": kind, "explanation": why})
    return out


# ---------------------------------------------------------------- hedges and look-alikes

HEADLINE = "Battery plant could bring 800 jobs to Alder Falls, report says"

HEDGES = [
    (
        at("could", HEADLINE),
        "epistemic",
        "'Could' says the jobs are a possibility, not a fact. The headline does not promise them.",
    ),
    (
        at("report says", HEADLINE),
        "reportive",
        "'Report says' tells you the paper is passing on someone else's report. The headline "
        "does not say whose report it is.",
    ),
    (
        at("may", "China may build"),
        "epistemic",
        "'May' keeps the plan a possibility: nothing is decided yet.",
    ),
    (
        at("according to Xinhua"),
        "reportive",
        "The claim comes from Xinhua, China's state news agency; the paper does not stand "
        "behind it itself.",
    ),
    (
        at("reportedly"),
        "reportive",
        "'Reportedly' passes on the 800 jobs without saying, in this sentence, who reported them.",
    ),
    (
        at("a company official it did not name"),
        "vague_source",
        "Xinhua's source is an official nobody names, so nobody can check who said it or how "
        "they know.",
    ),
    (
        at("A person who took part in the talks, who asked not to be named"),
        "vague_source",
        "An unnamed source. The reason for hiding the name is given (the talks are private), "
        "but you still cannot check the person.",
    ),
    (
        at("according to the meeting agenda"),
        "reportive",
        "A hedge that points to something you can check: the agenda is a public document on "
        "the town's website.",
    ),
]

DISTRACTORS = [
    (
        at("By Dana Reyes, Ledger staff writer"),
        "clutter",
        "It is short and sits above the story like page furniture, but the byline is part of "
        "the article: it tells you who wrote it.",
    ),
    (
        at("would", '"Eight hundred jobs would change'),
        "hedge",
        "'Would' is Tom Okafor imagining what the jobs could do; it is his hope, not the "
        "writer's doubt about a claim.",
    ),
    (
        at("the school board"),
        "vague_source",
        "The school board is a named public body you could call. It is not a vague source.",
    ),
    (
        at("Photos: How battery factories are changing towns in China"),
        "story",
        "It is about battery factories, like the story, but it introduces photos from China "
        "in 2021, not from Alder Falls.",
    ),
    (
        at("AP Photo", "on June 9, 2021. (AP Photo)"),
        "state_media",
        "The Associated Press is a news cooperative owned by its member papers and broadcasters, "
        "not by a government. A photo credit is not a sign of state media.",
    ),
    (
        at("Road works on Main Street will last until June, council says"),
        "story",
        "It has a source ('council says') like a news story, but it is a link to another page "
        "in a 'Most read' box.",
    ),
]


def spans_with(items, field):
    return sorted(
        ({**span, field: value, "explanation": why} for span, value, why in items),
        key=lambda x: (x["start"], x["end"]),
    )


# ---------------------------------------------------------------- attributions


def attribution(cue, source, kind, resolved, content, direct, stake, why, more=None):
    entry = {
        "cue": cue,
        "source": source,
        "source_kind": kind,
        "resolved_source": resolved,
        "content": content,
        "direct_quote": direct,
        "stake": stake,
        "explanation": why,
    }
    if more:
        entry["more_content"] = more
    return entry


P2 = (
    "Xinhua said on Monday that the company, Sunridge Battery, had signed a letter of intent "
    "with local leaders, quoting a company official it did not name."
)
ATTRIBUTIONS = [
    attribution(
        at("says", "report says"),
        at("report", "report says"),
        "unnamed",
        "a report (the story names Xinhua in its first paragraph)",
        at("Battery plant could bring 800 jobs to Alder Falls"),
        False,
        True,
        "The headline leans on 'a report' without naming it. The first paragraph "
        "shows it is Xinhua's.",
    ),
    attribution(
        at("according to", "according to Xinhua"),
        at("Xinhua, China's state news agency"),
        "media_outlet",
        "Xinhua News Agency (China)",
        at(
            "A battery maker from China may build a large factory on the old paper mill "
            "site in Alder Falls"
        ),
        False,
        True,
        "Xinhua is China's state news agency. China's government wants its companies' "
        "plans abroad to look big and welcome, so Xinhua has a stake in this claim.",
    ),
    attribution(
        at("reportedly"),
        None,
        "unnamed",
        "not named in this sentence",
        at("The plant would reportedly bring 800 jobs to the town"),
        False,
        None,
        "No source in the sentence itself: only 'reportedly' tells you someone else said it.",
    ),
    attribution(
        at("said", "Xinhua said on Monday"),
        at("Xinhua", "Xinhua said on Monday"),
        "media_outlet",
        "Xinhua News Agency (China)",
        at("the company, Sunridge Battery, had signed a letter of intent with local leaders"),
        False,
        True,
        "Xinhua again, now with the claim that a letter was signed. The mayor says "
        "later that nothing has been signed.",
    ),
    attribution(
        at("quoting", P2),
        at("a company official it did not name"),
        "unnamed",
        "an official of Sunridge Battery, not named",
        None,
        False,
        True,
        "Behind Xinhua stands a company official with no name. The company gains "
        "if its plans look big and certain.",
    ),
    attribution(
        at("confirmed"),
        at("Mayor Carla Mendes"),
        "named_person",
        "Carla Mendes, mayor of Alder Falls",
        at("she met people from the company in February"),
        False,
        None,
        "A named official you can check. She confirms a meeting, which is much less than a deal.",
    ),
    attribution(
        at("said", 'Mendes said. "Nothing'),
        at("Mendes", 'Mendes said. "Nothing'),
        "named_person",
        "Carla Mendes, mayor of Alder Falls",
        at("We had a good first meeting, and we are still talking"),
        True,
        None,
        "Her own words, in quotation marks: talks go on and nothing is signed.",
        more=[at("Nothing has been signed.")],
    ),
    attribution(
        at("said", "private, said the company"),
        at("A person who took part in the talks"),
        "unnamed",
        "a person from the talks, not named",
        at("the company wants tax breaks before it decides"),
        False,
        None,
        "We do not know who this is or which side of the talks they are on, so we "
        "cannot judge their stake.",
    ),
    attribution(
        at("according to", "according to the meeting agenda"),
        at("the meeting agenda posted on the town's website"),
        "document",
        "the town council's public meeting agenda",
        at("The town council will discuss the plan at a public meeting on Tuesday, March 11"),
        False,
        False,
        "A public document that anyone can open on the town's website: the easiest "
        "source in the story to check.",
    ),
    attribution(
        at("said", 'here," said Tom'),
        at("Tom Okafor"),
        "named_person",
        "Tom Okafor, hardware store owner on Main Street",
        at("Eight hundred jobs would change everything here"),
        True,
        True,
        "A named local shop owner. New jobs would bring him customers, and he has "
        "no way of knowing the number: he is reacting to it.",
    ),
]


# ---------------------------------------------------------------- outlets


def outlet(span, outlet_id, state, scope, why):
    return {
        **span,
        "outlet": outlet_id,
        "state_affiliated": state,
        "scope": scope,
        "explanation": why,
    }


XINHUA_WHY = (
    "Xinhua, China's state news agency, run under the government and the "
    "Communist Party. The claim is about a Chinese company's plans abroad, which "
    "China's government wants to look good."
)
AP_WHY = (
    "The Associated Press took this photo. The AP is a cooperative owned by its member "
    "newspapers and broadcasters, not state media. It credits a picture, not a source."
)
OUTLETS = [
    outlet(
        at("Ledger", "Reyes, Ledger staff"),
        "alder-falls-ledger",
        False,
        "story",
        "The Ledger, the town's own newspaper (invented for this lesson), employs the "
        "reporter. A local paper, not state media.",
    ),
    outlet(at("Xinhua", "according to Xinhua"), "xinhua", True, "story", XINHUA_WHY),
    outlet(at("Xinhua", "Xinhua said on Monday"), "xinhua", True, "story", XINHUA_WHY),
    outlet(
        at("AP Photo", "on June 9, 2021. (AP Photo)"), "associated-press", False, "page", AP_WHY
    ),
    outlet(
        at("AP Photo", "on June 10, 2021. (AP Photo)"), "associated-press", False, "page", AP_WHY
    ),
    outlet(
        at("The Alder Falls Ledger", "© 2025 The Alder Falls Ledger"),
        "alder-falls-ledger",
        False,
        "page",
        "The copyright line names the Ledger: it wrote the story and owns the page.",
    ),
]


# ---------------------------------------------------------------- source chain

CHAIN = [
    {
        "who": "An official of Sunridge Battery (not named)",
        "role": "original source",
        "outlet": None,
        "evidence": [at("quoting a company official it did not name")],
        "state_affiliated": None,
        "stake": True,
        "explanation": "The claim starts with someone from the company itself, who is not "
        "named. A company gains when its plans sound big and certain.",
    },
    {
        "who": "Xinhua News Agency",
        "role": "first publisher",
        "outlet": "xinhua",
        "evidence": [at("according to Xinhua, China's state news agency")],
        "state_affiliated": True,
        "stake": True,
        "explanation": "Xinhua, China's state agency, published the claim first. China's "
        "government promotes its companies' investments abroad, so the first "
        "publisher is on the company's side.",
    },
    {
        "who": "The Alder Falls Ledger",
        "role": "retold by",
        "outlet": "alder-falls-ledger",
        "evidence": [
            {"metadata": "publisher", "value": "The Alder Falls Ledger"},
            at("© 2025 The Alder Falls Ledger. All rights reserved."),
        ],
        "state_affiliated": False,
        "stake": False,
        "explanation": "The local paper retold Xinhua's report and added its own reporting: the "
        "mayor, an unnamed source, the meeting agenda and a shop owner.",
    },
]


# ---------------------------------------------------------------- claims

MENDES_TALKS = {
    "who": "Mayor Carla Mendes",
    "how_far": "She confirms that talks happened, not jobs or a deal.",
    **at("We had a good first meeting, and we are still talking"),
}
CLAIMS = [
    {
        "id": "plant-may-be-built",
        **at(
            "A battery maker from China may build a large factory "
            "on the old paper mill site in Alder Falls"
        ),
        "hedged_at_start": True,
        "restates": None,
        "corroborated_by": [
            {
                "who": "Mayor Carla Mendes",
                "how_far": "She confirms she met the company: the plan is real "
                "enough to talk about, but nothing is decided.",
                **at("she met people from the company in February"),
            }
        ],
        "verdict": "partly",
        "explanation": "The mayor, a named source, confirms the company is talking to the town. "
        "That backs up part of the claim: a plan exists. Whether it will be built "
        "is still open.",
    },
    {
        "id": "800-jobs",
        **at("The plant would reportedly bring 800 jobs to the town"),
        "hedged_at_start": True,
        "restates": None,
        "corroborated_by": [
            MENDES_TALKS,
            {
                "who": "Tom Okafor, shop owner",
                "how_far": "He reacts to the number; he has no way of knowing it.",
                **at("Eight hundred jobs would change everything here"),
            },
        ],
        "verdict": "not_corroborated",
        "explanation": "Only Xinhua, quoting an unnamed company official, gives the number. The "
        "mayor and the shop owner are quoted nearby, but neither confirms it.",
    },
    {
        "id": "letter-signed",
        **at("the company, Sunridge Battery, had signed a letter of intent with local leaders"),
        "hedged_at_start": True,
        "restates": None,
        "corroborated_by": [
            {
                "who": "Mayor Carla Mendes",
                "how_far": "She says the opposite: nothing has been signed.",
                **at("Nothing has been signed."),
            }
        ],
        "verdict": "not_corroborated",
        "explanation": "Xinhua says a letter was signed; the mayor, who would have signed it, says "
        "nothing has been. The two sources disagree.",
    },
    {
        "id": "tax-breaks",
        **at("the company wants tax breaks before it decides"),
        "hedged_at_start": True,
        "restates": None,
        "corroborated_by": [],
        "verdict": "not_corroborated",
        "explanation": "One unnamed person says this, and nobody else in the story does.",
    },
    {
        "id": "council-meeting",
        **at("The town council will discuss the plan at a public meeting on Tuesday, March 11"),
        "hedged_at_start": False,
        "restates": None,
        "corroborated_by": [
            {
                "who": "the town's published meeting agenda",
                "how_far": "A public document: anyone can open it and check the date.",
                **at("the meeting agenda posted on the town's website"),
            }
        ],
        "verdict": "corroborated",
        "explanation": "Backed by a public document you can check yourself, and the council has "
        "no reason to get its own meeting date wrong.",
    },
    {
        "id": "jobs-settled",
        **at("With 800 new jobs on the way"),
        "hedged_at_start": False,
        "restates": "800-jobs",
        "corroborated_by": [],
        "verdict": "not_corroborated",
        "explanation": "Hedge drift: the jobs were 'reportedly' coming in the second paragraph; "
        "in the last one they are 'on the way', as if settled. Nothing new "
        "confirmed them in between.",
    },
]


# ---------------------------------------------------------------- galleries


def gallery() -> dict[str, Any]:
    title = at("Photos: How battery factories are changing towns in China")
    last = at(
        "A new battery factory rises on farmland outside Ningde, China, on June 10, 2021. "
        "(AP Photo)"
    )
    return {
        "start": title["start"],
        "end": last["end"],
        "title": title,
        "place": "Ningde, China",
        "date_first": "2021-06-09",
        "date_last": "2021-06-10",
        "credit": "AP Photo (the Associated Press)",
        "outlets": ["associated-press"],
        "photo_counter": 2,
        "captions": 2,
        "belongs_to_story": False,
        "explanation": "Two photos of battery factories in Ningde, China, from June 2021: "
        "another country, almost four years before the story. They show "
        "what such a plant looks like, not Alder Falls.",
    }


KEY = {
    "article": NAME,
    "format_version": FORMAT_VERSION,
    "checked_against": [
        "data/examples/battery-plant-page.html, read line by line (an invented page: the "
        "town, company, people and reports are made up for lesson 6)",
        "Xinhua and the Associated Press: data/outlets.csv (State Media Profiles table; "
        "Wikipedia for the AP)",
    ],
    "blocks": blocks(),
    "hedges": spans_with(HEDGES, "category"),
    "distractors": spans_with(DISTRACTORS, "looks_like"),
    "attributions": sorted(ATTRIBUTIONS, key=lambda a: (a["cue"]["start"], a["cue"]["end"])),
    "outlets": sorted(OUTLETS, key=lambda o: o["start"]),
    "source_chain": CHAIN,
    "claims": sorted(CLAIMS, key=lambda c: (c["start"], c["end"])),
    "galleries": [gallery()],
}

if __name__ == "__main__":
    print("wrote", save_key(KEY, OUTPUT, article=ARTICLE))
