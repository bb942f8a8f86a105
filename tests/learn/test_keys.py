"""Answer keys: the seed's hand-checked key, the checks on loading, and safe saving."""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit._util import io as keys_io
from medialit._util.resources import data_path
from medialit.learn import keys
from medialit.learn.keys import AnswerKeyError, load_key, save_key
from medialit.vocab import BLOCK_KINDS

SEED_NAME = "isis-fighters-calling-in-sick"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_key(seed) -> keys.AnswerKey:
    return load_key(article=seed)


@pytest.fixture()
def raw(seed_key) -> dict:
    return seed_key.raw


def _write(tmp_path: Path, data: object, name: str = "key.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the seed key


def test_seed_key_loads_and_validates(seed, seed_key):
    assert seed_key.article_name == SEED_NAME == seed.name
    seed_key.validate(seed)  # raises if anything is off
    assert load_key(SEED_NAME).raw == seed_key.raw
    assert load_key(data_path("answer_keys", f"{SEED_NAME}.json")).raw == seed_key.raw
    assert SEED_NAME in keys.bundled_keys()


def _spans(key: keys.AnswerKey):
    """Every (where, start, end, text) in the key, nested spans included."""
    raw = key.raw
    for field in ("blocks", "hedges", "distractors", "outlets", "claims"):
        for i, item in enumerate(raw[field]):
            yield f"{field}[{i}]", item["start"], item["end"], item["text"]
    for i, a in enumerate(raw["attributions"]):
        parts = [("cue", a["cue"]), ("source", a["source"]), ("content", a["content"])]
        parts += [("more_content", s) for s in a.get("more_content", [])]
        for name, span in parts:
            if span is not None:
                yield f"attributions[{i}].{name}", span["start"], span["end"], span["text"]
    for i, step in enumerate(raw["source_chain"]):
        for ev in step["evidence"]:
            if "start" in ev:
                yield f"source_chain[{i}]", ev["start"], ev["end"], ev["text"]
    for i, claim in enumerate(raw["claims"]):
        for backer in claim["corroborated_by"]:
            if "start" in backer:
                yield f"claims[{i}].corroborated_by", backer["start"], backer["end"], backer["text"]
    for i, g in enumerate(raw["galleries"]):
        yield f"galleries[{i}].title", g["title"]["start"], g["title"]["end"], g["title"]["text"]


def test_every_span_slices_back_to_its_text(seed, seed_key):
    spans = list(_spans(seed_key))
    assert len(spans) > 300
    for where, start, end, text in spans:
        assert seed.text[start:end] == text, where


def test_views_slice_back_too(seed, seed_key):
    for view in (seed_key.blocks, seed_key.hedges, seed_key.distractors, seed_key.outlets,
                 seed_key.claims):
        for row in view.itertuples():
            assert seed.text[row.start : row.end] == row.text
    for row in seed_key.attributions.itertuples():
        assert seed.text[row.cue_start : row.cue_end] == row.cue_text


def test_blocks_are_every_non_blank_line(seed, seed_key):
    lines = [(b.start, b.end) for b in seed.block_records]
    assert list(zip(seed_key.blocks.start, seed_key.blocks.end, strict=True)) == lines
    assert set(seed_key.blocks.kind) <= set(BLOCK_KINDS)
    copyright_row = seed_key.blocks[seed_key.blocks.kind == "copyright"]
    assert list(copyright_row.text) == ["Copyright 2016 U.S. News & World Report"]
    # No story after the copyright line: the story's text ends there.
    story_after = seed_key.blocks[
        (seed_key.blocks.start > copyright_row.start.iloc[0])
        & seed_key.blocks.kind.isin(["story", "headline"])
    ]
    assert story_after.empty
    assert (seed_key.blocks.kind == "story").sum() == 11


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("reports have surfaced", "reportive"),
        ("according to reports", "reportive"),
        ("the militia members say", "vague_source"),
        ("what others have observed", "vague_source"),
        ("reportedly", "reportive"),
        ("U.S. officials say", "vague_source"),
        ("Multiple columnists", "vague_source"),
    ],
)
def test_seed_hedges(seed_key, text, category):
    rows = seed_key.hedges[seed_key.hedges.text == text]
    assert list(rows.category) == [category]


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        ("might", "hedge"),
        ("literally", "hedge"),
        ("Obviously", "hedge"),
        ("roughly", "hedge"),
        ("The reports of", "hedge"),
        ("REUTERS", "state_media"),
        ("AFP", "state_media"),
        ("U.S. Central Command", "vague_source"),
        ("Copyright 2016 U.S. News & World Report", "clutter"),
        ("Top ISIS Commander Killed", "story"),
    ],
)
def test_seed_distractors(seed_key, text, looks_like):
    rows = seed_key.distractors[seed_key.distractors.text == text]
    assert not rows.empty
    assert set(rows.looks_like) == {looks_like}
    # A look-alike must never be listed as the real thing.
    assert text not in set(seed_key.hedges.text)


def test_seed_outlets(seed_key):
    outlets = seed_key.outlets
    fars = outlets[outlets.outlet == "fars-news-agency"]
    assert list(fars.text) == ["Fars"] and bool(fars.state_affiliated.iloc[0])
    assert list(fars.scope) == ["story"]
    page_only = outlets[outlets.outlet != "fars-news-agency"]
    assert set(page_only.scope) == {"page"}
    assert not page_only.state_affiliated.any()
    assert set(page_only.outlet) == {"reuters", "afp", "getty-images", "us-news-world-report",
                                     "aol"}
    assert (outlets.outlet == "reuters").sum() == 21 + 18  # one credit per caption


def test_outlet_ids_are_known_when_the_outlet_table_exists(seed_key):
    path = data_path("outlets.csv")
    if not path.is_file():
        pytest.skip("data/outlets.csv is not built yet")
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        known = {row["id"] for row in csv.DictReader(fh)}
    assert set(seed_key.outlets.outlet) <= known


def test_seed_source_chain(seed_key):
    chain = seed_key.source_chain
    assert list(chain.role) == ["original source", "first publisher", "retold by",
                                "republished by"]
    assert "Popular Mobilization Units" in chain.who.iloc[0]
    assert list(chain.outlet.iloc[1:]) == ["fars-news-agency", "us-news-world-report", "aol"]
    assert list(chain.state_affiliated.iloc[1:]) == [True, False, False]
    assert chain.stake.iloc[0] and chain.stake.iloc[1]


def test_seed_attributions(seed_key):
    attributions = seed_key.attributions
    by_source = dict(zip(attributions.source_text, attributions.source_kind, strict=True))
    assert by_source["Iranian news service Fars"] == "media_outlet"
    assert by_source["Air Force Col. John Thomas"] == "named_person"
    assert by_source["Central Command chief Army Gen. Joseph Votel"] == "named_person"
    assert by_source["the militia members"] == "unnamed"
    assert by_source["Multiple columnists"] == "unnamed"
    # Every quoted source from U.S. Central Command is a party to the fight.
    centcom = attributions[attributions.resolved_source.str.contains("Central Command")]
    assert len(centcom) >= 5 and centcom.stake.all()
    assert attributions.cue_start.is_monotonic_increasing


def test_seed_claims_and_hedge_drift(seed_key):
    claims = seed_key.claims.set_index("id")
    assert claims.loc["calling-in-sick", "verdict"] == "not_corroborated"
    assert claims.loc["calling-in-sick", "hedged_at_start"]
    drift = seed_key.hedge_drift
    assert len(drift) == 1
    assert drift.hedged_text.iloc[0].startswith("reports have surfaced")
    assert drift.settled_text.iloc[0].startswith("The reports of Islamic State group fighters")
    assert drift.settled_start.iloc[0] > drift.hedged_end.iloc[0]


def test_seed_galleries(seed_key):
    galleries = seed_key.galleries
    assert not galleries.belongs_to_story.any()
    assert list(galleries.date_first) == ["2016-07-26", "2013-08-28", "2016-05-28"]
    assert list(galleries.photo_counter) == [22, 15, 19]
    assert all("al-Shirqat" not in place for place in galleries.place)


def test_key_json_is_reproducible_from_the_script():
    script = REPO / "tools" / "make_seed_key.py"
    if not script.is_file():
        pytest.skip("tools/ is not part of an installed package")
    spec = importlib.util.spec_from_file_location("make_seed_key", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    on_disk = json.loads(data_path("answer_keys", f"{SEED_NAME}.json").read_text("utf-8"))
    assert module.build() == on_disk


def test_key_is_immutable(seed_key):
    raw = seed_key.raw
    raw["hedges"].clear()
    assert len(seed_key.hedges) == 8
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_key.where = "elsewhere"
    view = seed_key.hedges
    view.loc[0, "category"] = "epistemic_changed"
    assert seed_key.hedges.loc[0, "category"] != "epistemic_changed"


# --------------------------------------------------------------------------- broken keys


def _drop(path: str):
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return change


def _set(path: str, value):
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


def _duplicate_first_hedge(data: dict) -> None:
    data["hedges"].insert(1, copy.deepcopy(data["hedges"][1]))


def _hedge_on_a_distractor(data: dict) -> None:
    might = next(d for d in data["distractors"] if d["text"] == "might")
    data["hedges"].insert(2, {**{k: might[k] for k in ("start", "end", "text")},
                              "category": "epistemic", "explanation": "x"})


def _unknown_restates(data: dict) -> None:
    data["claims"][-1]["restates"] = "no-such-claim"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_drop("hedges.0.category"), "hedges[0] is missing the field 'category'"),
        (_drop("outlets"), "the list 'outlets' is missing"),
        (_drop("article"), "the field 'article' is missing"),
        (_set("format_version", 99), "format_version is 99"),
        (_set("hedges.1.category", "guess"), "hedges[1].category is 'guess'; use one of"),
        (_set("blocks.0.kind", "banner"), "blocks[0].kind is 'banner'; use one of"),
        (_set("distractors.0.looks_like", "joke"), "distractors[0].looks_like is 'joke'"),
        (_set("hedges.1.end", 10**7), "outside the article"),
        (_set("hedges.1.start", -3), "outside the article"),
        (_set("hedges.1.text", "reports have emerged"), "does not match the article"),
        (_set("hedges.1.start", "254"), "wrong type"),
        (_set("hedges.1.explanation", "  "), "hedges[1].explanation"),
        (_set("attributions.0.cue.end", 10**7), "attributions[0].cue span"),
        (_set("attributions.3.source_kind", "named_person"), None),  # a fine (if wrong) answer
        (_set("attributions.0.source_kind", "named_person"), "source_kind must be 'unnamed'"),
        (_set("outlets.0.scope", "page"), "so its scope is 'story'"),
        (_set("source_chain.2.evidence.1.value", "Time"), "the article's metadata says"),
        (_duplicate_first_hedge, "the same words are recorded twice"),
        (_hedge_on_a_distractor, "cannot be both a hedge and a look-alike"),
        (_unknown_restates, "is not the id of a claim"),
        (_set("blocks", []), "blocks has no entry for the line at 0-30"),
        (_set("hedges", {}), "'hedges' must be a list"),
        (_set("article", "another-article"), "not 'isis-fighters-calling-in-sick'"),
    ],
)
def test_malformed_key_names_the_problem(seed, raw, tmp_path, change, message):
    change(raw)
    path = _write(tmp_path, raw)
    if message is None:
        load_key(path, article=seed)
        return
    with pytest.raises(AnswerKeyError) as info:
        load_key(path, article=seed)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, ml.MedialitError)


def test_many_problems_are_reported_together(seed, raw, tmp_path):
    for hedge in raw["hedges"]:
        hedge["category"] = "nope"
    with pytest.raises(AnswerKeyError, match=r"\(8 problems\)") as info:
        load_key(_write(tmp_path, raw), article=seed)
    assert "hedges[7].category" in str(info.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"article": "x", ', "is not valid JSON"),
        ("[1, 2]", "holds a JSON list"),
        ("", "is not valid JSON"),
    ],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnswerKeyError, match=message):
        load_key(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes('{"article": "caf\u00e9"}'.encode("latin-1"))
    with pytest.raises(AnswerKeyError, match="not UTF-8"):
        load_key(path)


def test_unknown_name_and_missing_file(tmp_path):
    with pytest.raises(AnswerKeyError, match="no bundled answer key called 'nope'"):
        load_key("nope")
    with pytest.raises(AnswerKeyError, match="does not exist"):
        load_key(tmp_path / "missing.json")
    with pytest.raises(AnswerKeyError, match="is a folder"):
        load_key(tmp_path)


def test_key_for_an_unbundled_article_needs_the_article(raw, tmp_path):
    raw["article"] = "my-own-article"
    with pytest.raises(AnswerKeyError, match="Pass the article too"):
        load_key(_write(tmp_path, raw))


# --------------------------------------------------------------------------- small keys

SMALL_TEXT = "A short title\n\nOfficials say it rained. It reportedly snowed.\n"


def _small_key() -> dict:
    article = ml.Article.from_text(SMALL_TEXT)
    return {
        "article": "small",
        "format_version": keys.FORMAT_VERSION,
        "checked_against": "a test",
        "blocks": [
            {"start": b.start, "end": b.end, "kind": b.kind, "text": b.text,
             "explanation": "a line"}
            for b in article.block_records
        ],
        **{f: [] for f in keys.LIST_FIELDS if f != "blocks"},
    }


def test_empty_lists_give_tables_with_all_columns():
    article = ml.Article.from_text(SMALL_TEXT)
    key = keys.AnswerKey(_small_key())
    key.validate(article)
    for name in ("hedges", "distractors", "attributions", "outlets", "source_chain", "claims",
                 "galleries", "hedge_drift"):
        table = getattr(key, name)
        assert table.empty
        assert len(table.columns) >= 5, name
    assert str(key.attributions.dtypes["source_start"]) == "Int64"
    assert str(key.outlets.dtypes["state_affiliated"]) == "bool"
    assert list(key.blocks.kind) == ["headline", "story"]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(SMALL_TEXT) - 1), st.integers(1, 20), st.booleans())
def test_a_span_is_accepted_only_when_its_text_matches(start, length, corrupt):
    article = ml.Article.from_text(SMALL_TEXT)
    end = min(start + length, len(SMALL_TEXT))
    assume(SMALL_TEXT[start:end].strip())  # a span of white space only is never an answer
    text = SMALL_TEXT[start:end] + ("!" if corrupt else "")
    data = _small_key()
    data["distractors"] = [{"start": start, "end": end, "text": text, "looks_like": "hedge",
                            "explanation": "test"}]
    key = keys.AnswerKey(data)
    if corrupt:
        with pytest.raises(AnswerKeyError, match="does not match the article"):
            key.validate(article)
    else:
        key.validate(article)


# --------------------------------------------------------------------------- saving


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "key.json")


def test_save_key_round_trips_and_leaves_no_temp_files(seed, raw, tmp_path):
    path = save_key(raw, tmp_path / "key.json", article=seed)
    assert path == tmp_path / "key.json"
    assert load_key(path, article=seed).raw == raw
    assert _leftovers(tmp_path) == []


def test_save_key_refuses_a_broken_key_and_writes_nothing(seed, raw, tmp_path):
    raw["hedges"][0]["end"] += 1
    with pytest.raises(AnswerKeyError, match="does not match the article"):
        save_key(raw, tmp_path / "key.json", article=seed)
    assert list(tmp_path.iterdir()) == []


def test_interrupted_write_keeps_the_old_file(seed, raw, tmp_path, monkeypatch):
    path = save_key(raw, tmp_path / "key.json", article=seed)
    before = path.read_bytes()

    def full_disk(fd):  # the new bytes are written, but cannot reach the disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keys_io.os, "fsync", full_disk)
    changed = copy.deepcopy(raw)
    changed["checked_against"] = "something else"
    with pytest.raises(OSError, match="No space left"):
        save_key(changed, path, article=seed)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []
