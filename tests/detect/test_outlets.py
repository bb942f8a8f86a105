"""The curated outlet table, the outlet matcher and outlet cards."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit.detect import outlets
from medialit.detect.outlets import (
    FINDING_COLUMNS,
    OUTLET_COLUMNS,
    OutletAmbiguous,
    OutletNotFound,
    find_outlets,
    load_outlets,
    outlet_card,
    scan_outlets,
    typology_codes,
)

ROOT = Path(__file__).resolve().parents[2]
STATE_CODES = {"SC", "CaPu", "CaPr"}
OUTLET_TYPES = {"news_agency", "broadcaster", "newspaper", "magazine", "online", "photo_agency"}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return load_outlets()


def ids_of(table: pd.DataFrame) -> set[str]:
    return set(table["id"])


def found(text: str) -> list[tuple[str, str]]:
    """(text, outlet_id) of every outlet named anywhere in a short text."""
    return [(text[s:e], i) for s, e, i in scan_outlets(text, [(0, len(text))])]


# ---------------------------------------------------------------- the table


def test_table_has_the_documented_columns_and_enough_rows(table):
    assert tuple(table.columns) == OUTLET_COLUMNS
    assert len(table) >= 150
    assert table["state_affiliated"].dtype == bool


def test_ids_are_unique_stable_slugs(table):
    assert table["id"].is_unique
    bad = [i for i in table["id"] if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i)]
    assert bad == []


def test_every_row_has_a_known_code_type_name_note_and_source_url(table):
    codes = typology_codes()
    assert set(table["typology"]) <= set(codes)
    assert set(table["outlet_type"]) <= OUTLET_TYPES
    assert table["name"].str.strip().ne("").all()
    assert table["country"].str.strip().ne("").all()
    assert table["ownership_note"].str.len().between(20, 400).all()
    assert table["source"].str.match(r"https://\S+$").all()


def test_state_affiliated_agrees_with_the_code(table):
    expected = table["typology"].isin(STATE_CODES)
    assert (table["state_affiliated"] == expected).all()
    codes = typology_codes()
    assert {c for c, t in codes.items() if t.state_affiliated} == STATE_CODES


def test_domains_are_clean_hosts(table):
    hosts = [h for cell in table["domains"] for h in cell.split("|") if h]
    assert hosts, "some outlets must have web addresses"
    for host in hosts:
        assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", host), host
        assert not host.startswith(("www.", "test.", "staging.")), host


def test_no_searched_name_belongs_to_two_outlets(table):
    owner: dict[str, str] = {}
    for row in table.itertuples():
        for column, fold in (("match_any_case", True), ("match_exact_case", False)):
            for form in filter(None, getattr(row, column).split("|")):
                key = form.casefold() if fold else form
                assert owner.setdefault(key, row.id) == row.id, (form, owner[key], row.id)


SEED_OUTLETS = ["fars-news-agency", "us-news-world-report", "aol", "reuters", "afp", "getty-images"]


def test_the_seed_article_outlets_are_in_the_table(table):
    assert set(SEED_OUTLETS) <= ids_of(table)


# Every one of these must be present with this code (State Media Profiles or our overlay).
REQUIRED = {
    "fars-news-agency": "SC",
    "xinhua": "SC",
    "tass": "SC",
    "press-tv": "SC",
    "kcna": "SC",
    "anadolu-agency": "SC",
    "rt": "SC",
    "sputnik": "SC",
    "ria-novosti": "SC",
    "irna": "SC",
    "tasnim": "SC",
    "mehr-news-agency": "SC",
    "sana": "SC",
    "cgtn": "SC",
    "cctv": "SC",
    "al-jazeera": "SC",
    "al-arabiya": "CaPu",
    "channel-one-russia": "CaPu",
    "bbc": "IP",
    "npr": "IP",
    "pbs": "IP",
    "deutsche-welle": "ISF",
    "voa": "ISFM",
    "associated-press": "private",
    "reuters": "private",
    "afp": "private",
    "bloomberg-news": "private",
    "getty-images": "private",
    "new-york-times": "private",
    "washington-post": "private",
    "wall-street-journal": "private",
    "cnn": "private",
    "fox-news": "private",
    "nbc-news": "private",
    "abc-news": "private",
    "cbs-news": "private",
    "the-guardian": "private",
}


@pytest.mark.parametrize(("outlet_id", "code"), sorted(REQUIRED.items()))
def test_required_outlet_has_its_code(table, outlet_id, code):
    row = table.set_index("id").loc[outlet_id]
    assert row["typology"] == code
    assert row["state_affiliated"] == (code in STATE_CODES)


def test_fars_is_state_controlled_and_its_note_names_the_irgc(table):
    fars = table.set_index("id").loc["fars-news-agency"]
    assert (fars["country"], fars["outlet_type"], fars["typology"]) == ("Iran", "news_agency", "SC")
    assert fars["state_affiliated"]
    for fact in ("2003", "independent", "semi-official", "IRGC", "Treasury", "2023"):
        assert fact in fars["ownership_note"]


def test_table_rows_keep_agencies_and_broadcasters_of_every_state_code(table):
    state = table[table["typology"].isin(STATE_CODES)]
    assert (state["outlet_type"] == "news_agency").sum() >= 80
    assert (state["outlet_type"] == "broadcaster").sum() >= 300
    assert set(state["typology"]) == STATE_CODES


def test_load_outlets_returns_a_fresh_copy_of_a_cached_table():
    first = load_outlets()
    first.loc[first["id"] == "reuters", "typology"] = "SC"
    second = load_outlets()
    assert second is not first
    assert second.set_index("id").loc["reuters", "typology"] == "private"


BUILD_SCRIPT = ROOT / "tools" / "build_outlets.py"


@pytest.mark.skipif(not BUILD_SCRIPT.exists(), reason="needs a source checkout")
def test_committed_table_is_what_the_build_script_makes():
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- matching

FINDS = [
    (
        "The news was first reported by Iranian news service Fars, run by the state.",
        [("Fars", "fars-news-agency")],
    ),
    ("Fars News Agency said on Monday.", [("Fars News Agency", "fars-news-agency")]),
    ("FARS NEWS AGENCY REPORTS NEW CLAIM", [("FARS NEWS AGENCY", "fars-news-agency")]),
    ("FNA quoted a commander.", [("FNA", "fars-news-agency")]),
    ("according to the Associated Press", [("Associated Press", "associated-press")]),
    ("BAGHDAD (AP) — Officials said", [("AP", "associated-press")]),
    ("AP Photo/Hadi Mizban", [("AP Photo", "associated-press")]),
    ("AP's reporters", [("AP", "associated-press")]),
    ("Russia-24 showed the parade.", [("Russia-24", "russia-24")]),
    ("Rossiya 24 showed the parade.", [("Rossiya 24", "russia-24")]),
    ("RT reported it first.", [("RT", "rt")]),
    ("RT's editor and Russia Today staff", [("RT", "rt"), ("Russia Today", "rt")]),
    ("RT Deutsch was banned.", [("RT Deutsch", "rt")]),
    ("Xinhua and KCNA agreed.", [("Xinhua", "xinhua"), ("KCNA", "kcna")]),
    ("SANA said the strike", [("SANA", "sana")]),
    (
        "IRNA, Tasnim News and Press TV",
        [("IRNA", "irna"), ("Tasnim News", "tasnim"), ("Press TV", "press-tv")],
    ),
    ("Anadolu Agency photographers", [("Anadolu Agency", "anadolu-agency")]),
    ("TASS and Tass", [("TASS", "tass"), ("Tass", "tass")]),
    ("BBC News and Voice of America", [("BBC News", "bbc"), ("Voice of America", "voa")]),
    (
        "Al Jazeera, Al-Jazeera and Aljazeera",
        [("Al Jazeera", "al-jazeera"), ("Al-Jazeera", "al-jazeera"), ("Aljazeera", "al-jazeera")],
    ),
    (
        "Copyright 2016 U.S. News & World Report",
        [("U.S. News & World Report", "us-news-world-report")],
    ),
    ("U.S. News reported", [("U.S. News", "us-news-world-report")]),
    ("REUTERS/Alaa Al-Marjani", [("REUTERS", "reuters")]),
    (
        "(Photo credit should read DELIL SOULEIMAN/AFP/Getty Images)",
        [("AFP", "afp"), ("Getty Images", "getty-images")],
    ),
    ("AFP PHOTO / DELIL SOULEIMAN / AFP", [("AFP PHOTO", "afp"), ("AFP", "afp")]),
    ("told the Guardian on Friday", [("the Guardian", "the-guardian")]),
    (
        "The New York Times and the New York Times",
        [("New York Times", "new-york-times"), ("New York Times", "new-york-times")],
    ),
    (
        "People\u2019s Daily and People's Daily",
        [("People\u2019s Daily", "peoples-daily"), ("People's Daily", "peoples-daily")],
    ),
    ("Sputnik reported", [("Sputnik", "sputnik")]),
    ("CCTV said", [("CCTV", "cctv")]),
    ("watch CNN Turk tonight", [("CNN Turk", "cnn-turk")]),
    ("the Associated Press of Pakistan", [("Associated Press of Pakistan", "app-pakistan")]),
    ("Korean Central News Agency", [("Korean Central News Agency", "kcna")]),
    (
        "Sky News Arabia and Sky News",
        [("Sky News Arabia", "sky-news-arabia"), ("Sky News", "sky-news")],
    ),
    ("Time magazine", [("Time magazine", "time-magazine")]),
    ("Télé-Liban and Tele-Liban", [("Télé-Liban", "tele-liban"), ("Tele-Liban", "tele-liban")]),
]


@pytest.mark.parametrize(("text", "expected"), FINDS, ids=[t for t, _ in FINDS])
def test_outlet_names_are_found(text, expected):
    assert found(text) == expected


NOT_OUTLETS = [
    "She speaks Farsi at home.",
    "Fighting continued in Syria and Nigeria.",
    "Houthi rebels hold Sanaa.",
    "SANA'A, Yemen — fighters",
    "Modern art is fun, and he studied art.",
    "RT @user: this is wild",
    "RT-PCR tests came back negative.",
    "She got a 5 on the AP exam and took AP classes.",
    "Fars province was hit by an earthquake.",
    "CCTV footage shows the thief.",
    "the Sputnik V vaccine",
    "the Guardian Council approved the candidates",
    "The Atlantic Ocean is wide.",
    "Michael Bloomberg said so.",
    "The Getty Museum opened.",
    "Tasnim Nazeer wrote the essay.",
    "Today is a good day; Today the nation mourns.",
    "The Nation, The Sun, The Mirror and The Star are papers we leave out.",
    "The sun rose, a star was born, look in the mirror.",
    "The National Guard was deployed.",
    "Channel 5 aired the match.",
    "USA today is divided on foreign policy.",
    "The AKP government and the PAP won.",
    "#RT is trending and @RT_com posted",
    "Petra is an ancient city.",
    "Mir station and the space race",
    "Gold prices rose.",
    "The Index rose.",
    "Comunidad Andina de Naciones",
    "Lana Del Rey and LANA DEL REY",
    "Foreign Policy Speech Draws Crowd",
]


@pytest.mark.parametrize("text", NOT_OUTLETS)
def test_ordinary_words_are_not_outlets(text):
    assert found(text) == []


def test_rejected_short_name_does_not_hide_a_later_one():
    # "AP" before "exam" is rejected; the scan goes on and still finds Reuters.
    assert found("AP exam story by Reuters") == [("Reuters", "reuters")]


# ---------------------------------------------------------------- find_outlets on articles


def test_seed_story_finds_fars_and_the_page_finds_us_news(seed):
    story = find_outlets(seed)
    assert list(story.columns) == list(FINDING_COLUMNS)
    # U.S. News is named only in the copyright line, which is outside the story.
    assert set(story["outlet_id"]) == {"fars-news-agency"}
    fars = story[story["outlet_id"] == "fars-news-agency"].iloc[0]
    assert fars["text"] == "Fars"
    assert (fars["country"], fars["typology"]) == ("Iran", "SC")
    assert fars["state_affiliated"]
    assert "state-affiliated" in fars["explanation"]
    assert "Revolutionary Guard" in fars["explanation"]
    page = find_outlets(seed, scope="page")
    us_news = page[page["outlet_id"] == "us-news-world-report"].iloc[0]
    assert us_news["text"] == "U.S. News & World Report"
    assert not us_news["state_affiliated"]
    assert "Not state media" in us_news["explanation"]


def test_seed_page_also_finds_the_photo_credits(seed):
    page = find_outlets(seed, scope="page")
    assert {"reuters", "afp", "getty-images", "aol"} <= set(page["outlet_id"])
    blocks = seed.blocks
    for outlet_id in ("reuters", "afp", "getty-images"):
        for start in page.loc[page["outlet_id"] == outlet_id, "start"]:
            kind = blocks.loc[(blocks["start"] <= start) & (start < blocks["end"]), "kind"].item()
            assert kind == "photo_caption"
    assert not page[page["outlet_id"].isin(["reuters", "afp", "getty-images"])][
        "state_affiliated"
    ].any()


@pytest.mark.parametrize("scope", ["story", "page"])
def test_findings_slice_back_in_order_without_overlap(seed, scope):
    table = find_outlets(seed, scope=scope)
    spans = zip(table["start"], table["end"], strict=True)
    assert list(table["text"]) == [seed.text[s:e] for s, e in spans]
    assert table["start"].is_monotonic_increasing
    assert (table["start"].iloc[1:].to_numpy() >= table["end"].iloc[:-1].to_numpy()).all()


def test_an_article_without_outlets_gives_an_empty_table_with_all_columns():
    empty = find_outlets(ml.Article.from_text("Nothing to see here.\n\nJust a quiet day."))
    assert empty.empty
    assert list(empty.columns) == list(FINDING_COLUMNS)
    one = find_outlets(ml.Article.from_text("Reuters said."))
    assert empty.dtypes.to_dict() == one.dtypes.to_dict()
    assert str(empty["start"].dtype) == "int64"
    assert empty["state_affiliated"].dtype == bool


def test_a_plain_string_is_read_as_an_article():
    table = find_outlets("Reuters and TASS said.")
    assert list(table["outlet_id"]) == ["reuters", "tass"]


def test_bad_scope_and_bad_article_give_clear_errors(seed):
    with pytest.raises(ValueError, match="scope"):
        find_outlets(seed, scope="everything")
    with pytest.raises(TypeError, match="Article"):
        find_outlets(42)


PIECES = [
    "Reuters",
    "Fars",
    "KCNA",
    "Farsi",
    "Syria",
    "RT",
    "@RT",
    "AP",
    "art",
    "Al Jazeera",
    "the",
    "said",
    "\n",
    " ",
    ", ",
    "(AP)",
    "TASS",
    "Sanaa",
    "Xinhua",
    "BBC News",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_property_offsets_slice_back_and_never_overlap(pieces):
    text = " ".join(pieces)
    if not text.strip():
        return
    article = ml.Article.from_text(text)
    table = find_outlets(article, scope="page")
    previous_end = -1
    for row in table.itertuples():
        assert article.text[row.start : row.end] == row.text
        assert row.start >= previous_end
        previous_end = row.end


# ---------------------------------------------------------------- outlet cards


@pytest.mark.parametrize(
    "query",
    ["Fars", "fars-news-agency", "FNA", "farsnews.ir", "https://english.farsnews.ir/news/1"],
)
def test_card_finds_an_outlet_by_name_id_alias_or_address(query):
    assert outlet_card(query)["id"] == "fars-news-agency"


def test_card_shows_what_a_lesson_needs():
    card = outlet_card("Fars News Agency")
    assert card["country"] == "Iran"
    assert card["typology_label"] == "state-controlled media"
    assert card["state_affiliated"] is True
    assert "IRGC" in card["ownership_note"]
    assert card["source"].startswith("https://")
    assert "state-affiliated" in card["summary"]
    reuters = outlet_card("Reuters")
    assert reuters["state_affiliated"] is False
    assert reuters["typology"] == "private"
    assert "Not state media" in reuters["summary"]
    bbc = outlet_card("BBC")
    assert bbc["typology_label"] == "independent public media"
    assert "not state-affiliated" in bbc["summary"]


def test_card_for_an_unknown_outlet_suggests_close_names():
    with pytest.raises(OutletNotFound, match=r"'reuters'"):
        outlet_card("Reuter")
    with pytest.raises(LookupError):
        outlet_card("The Daily Nothing")
    with pytest.raises(OutletNotFound):
        outlet_card("")


def test_card_for_a_shared_name_lists_the_ids():
    with pytest.raises(OutletAmbiguous, match="ntv-russia"):
        outlet_card("NTV")


def test_typology_codes_are_explained_in_plain_words():
    codes = typology_codes()
    assert set(codes) == {"SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP", "private"}
    assert all(len(t.meaning.split()) >= 6 for t in codes.values())
    assert outlets.typology_codes() is codes  # cached


@pytest.mark.parametrize(
    "text",
    [
        "Turkey's Anadolu Ajansı reported the strike.",
        "Turkey's anadolu ajansı reported the strike.",
        "İstanbul: Anadolu Ajansı reported the strike.",  # "İ" grows when lower-cased
    ],
)
def test_names_with_letters_that_fold_oddly_are_found(text):
    """The fast search in folded text finds what the case-insensitive pattern finds."""
    assert [oid for _, oid in found(text)] == ["anadolu-agency"]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_fast_scan_finds_what_the_plain_pattern_finds(data):
    """The folded-text search and ``pattern.search`` agree on sentences built from names."""
    matcher = outlets._matcher()
    names = sorted((*matcher.any_case, *matcher.exact_case, *matcher.in_context))
    words = data.draw(st.lists(st.one_of(
        st.sampled_from(names).map(lambda n: data.draw(st.sampled_from(
            [n, n.upper(), n.lower(), n.title(), n.replace("i", "ı")]))),
        st.sampled_from(["said", "the", "reported", "AP", "news agency", "İ", "ſ", ",", "(", "@"]),
    ), min_size=1, max_size=8))
    text = " ".join(words)

    def plain(text: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        while (m := matcher.pattern.search(text, pos)) is not None:
            out.append(m.span())
            pos = m.start() + 1
        return out

    def fast(text: str) -> list[tuple[int, int]]:
        out, pos, low = [], 0, outlets.folded_same_length(text)
        while (m := outlets._search(matcher, text, low, pos, len(text))) is not None:
            out.append(m.span())
            pos = m.start() + 1
        return out

    assert fast(text) == plain(text)
