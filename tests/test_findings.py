"""analyze() and source_chain(): one table for every finding, and the seed's chain.

Includes property tests: for any text, every span lies inside the text and slices
back to its own ``text``; nothing raises on arbitrary Unicode, an empty story or a
page that is all clutter.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit.findings import COLUMNS
from medialit.vocab import FINDING_KINDS


def test_analyze_has_the_documented_shape(seed):
    table = ml.analyze(seed)
    assert list(table.columns) == list(COLUMNS)
    assert set(table.kind) <= set(FINDING_KINDS)
    assert {"hedge", "source", "cue", "quote", "outlet"} <= set(table.kind)
    assert table.start.is_monotonic_increasing
    assert str(table.state_affiliated.dtype) == "boolean"
    assert str(table.group.dtype) == "Int64"
    assert table.explanation.str.len().min() > 20


def test_every_finding_slices_back_and_lies_in_scope(seed):
    story = seed.spans("story")
    for row in ml.analyze(seed).itertuples():
        assert seed.text[row.start:row.end] == row.text
        assert any(s <= row.start and row.end <= e for s, e in story)


def test_rows_of_one_attribution_share_a_group(seed):
    table = ml.analyze(seed)
    votel = table[(table.kind == "source") & table.text.str.contains("Votel")]
    group = votel.group.iloc[0]
    kinds = set(table[table.group == group].kind)
    assert kinds == {"source", "cue", "quote"}


def test_fars_is_state_affiliated_in_the_table(seed):
    table = ml.analyze(seed)
    fars = table[(table.kind == "outlet") & (table.text == "Fars")]
    assert len(fars) == 1 and bool(fars.state_affiliated.iloc[0])
    source = table[(table.kind == "source") & table.text.str.contains("Fars")]
    assert bool(source.state_affiliated.iloc[0])


def test_page_scope_reads_the_captions(seed):
    story = ml.analyze(seed)
    page = ml.analyze(seed, scope="page")
    assert len(page) > len(story)
    assert "Reuters" in set(page[page.kind == "outlet"].text.str.title())


def test_bad_scope_is_refused(seed):
    with pytest.raises(ValueError, match="scope"):
        ml.analyze(seed, scope="all")


# ------------------------------------------------------------------ against the key


def _overlaps(a_start, a_end, spans):
    return any(a_start < e and s < a_end for s, e in spans)


def test_hedges_match_the_key(seed, key):
    found = ml.find_hedges(seed)
    got = set(zip(found.start, found.end, found.category, strict=True))
    want = set(zip(key.hedges.start, key.hedges.end, key.hedges.category, strict=True))
    assert want <= got, f"missed: {want - got}"
    extra = got - want
    assert len(extra) < 0.1 * len(want), f"beyond the key: {extra}"


def test_no_hedge_on_a_key_distractor(seed, key):
    found = list(zip(ml.find_hedges(seed).start, ml.find_hedges(seed).end, strict=True))
    for row in key.distractors.itertuples():
        if row.looks_like in {"hedge", "vague_source"}:
            assert not any(s == row.start and e == row.end for s, e in found), row.text


def test_outlets_match_the_key(seed, key):
    """Same outlet, overlapping span ("AFP PHOTO" may be marked where the key has "AFP")."""
    for scope in ("story", "page"):
        found = ml.find_outlets(seed, scope=scope)
        got = list(zip(found.start, found.end, found.outlet_id, strict=True))
        want_rows = key.outlets if scope == "page" else key.outlets[key.outlets.scope == "story"]
        want = list(zip(want_rows.start, want_rows.end, want_rows.outlet, strict=True))

        def matched(item, pool):
            s, e, outlet = item
            return any(o == outlet and s < pe and ps < e for ps, pe, o in pool)

        missed = [w for w in want if not matched(w, got)]
        extra = [g for g in got if not matched(g, want)]
        assert not missed, f"{scope}: missed {missed[:5]}"
        assert len(extra) < 0.1 * max(len(want), 1), f"{scope}: beyond the key {extra}"


def test_source_chain_matches_the_key(seed, key):
    chain = ml.source_chain(seed)
    want = key.source_chain
    assert len(chain) == len(want) == 4
    assert "PMU" in chain.who.iloc[0] or "militia" in chain.who.iloc[0].lower()
    assert list(chain.who.iloc[1:]) == ["Fars News Agency", "U.S. News & World Report", "AOL"]
    assert list(chain.state_affiliated.iloc[1:]) == [True, False, False]
    assert chain.country.iloc[1] == "Iran"
    assert list(chain.step) == [1, 2, 3, 4]  # numbered as the chain exercise counts
    for row in chain.itertuples():
        if row.evidence_start >= 0:
            assert seed.text[row.evidence_start:row.evidence_end] == row.evidence


def test_source_chain_without_metadata_uses_the_copyright_line():
    text = (
        "Storm hits coast\n\nThe storm was first reported by Xinhua, officials said.\n\n"
        "Copyright 2024 The Coastal Times\n"
    )
    chain = ml.source_chain(ml.Article.from_text(text))
    assert list(chain.who) == ["officials", "Xinhua News Agency", "The Coastal Times"]
    assert list(chain.role) == ["original source", "first reported it", "wrote this story"]
    assert bool(chain.state_affiliated.iloc[1]) and chain.country.iloc[1] == "China"


# ------------------------------------------------------------------ properties

PAGE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=400
)
NEWSY_WORDS = st.sampled_from(
    ["said", "says", "according", "to", "reportedly", "Fars", "AP", "officials", "the",
     '"', "“", "”", ".", ",", "\n", "\n\n", "may", "might", "Reuters", "Col.", "U.S.",
     "Photo", "(AP Photo/X)", "Copyright", "SEE ALL", "he", "she", "told", "reports"]
)
NEWSY_TEXT = st.lists(NEWSY_WORDS, min_size=1, max_size=80).map(" ".join)


def _check_spans(article: ml.Article) -> None:
    for scope in ("story", "page"):
        table = ml.analyze(article, scope=scope)
        for row in table.itertuples():
            assert 0 <= row.start <= row.end <= len(article.text)
            assert article.text[row.start:row.end] == row.text
    for row in article.blocks.itertuples():
        assert article.text[row.start:row.end] == row.text
    for row in article.sentences.itertuples():
        assert article.text[row.start:row.end] == row.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=PAGE_TEXT)
def test_any_unicode_text_gives_spans_inside_the_text(text):
    if not text.strip(" \t\r\n\f\v\u00a0\ufeff\u200b"):
        with pytest.raises(ml.ArticleError):
            ml.Article.from_text(text)
        return
    _check_spans(ml.Article.from_text(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=NEWSY_TEXT)
def test_newsy_text_gives_spans_inside_the_text(text):
    if text.strip():
        _check_spans(ml.Article.from_text(text))


def test_a_page_that_is_all_clutter_has_an_empty_story():
    article = ml.Article.from_text("Advertisement\n\nSEE ALL\n\nSign up for our newsletter\n")
    assert article.spans("story") == ()
    table = ml.analyze(article)
    assert table.empty and list(table.columns) == list(COLUMNS)
    assert ml.source_chain(article).empty


# --------------------------------------------------------------------------- computed once


@pytest.fixture
def detector_calls(monkeypatch):
    """Count each detector's runs per scope, as findings_for() makes them."""
    from medialit import findings

    calls: dict[tuple[str, str], int] = {}

    def counting(name, real):
        def run(article, *, scope="story"):
            calls[(name, scope)] = calls.get((name, scope), 0) + 1
            return real(article, scope=scope)

        return run

    for name in ("hedge_records", "attribution_records", "outlet_records"):
        monkeypatch.setattr(findings, name, counting(name, getattr(findings, name)))
    return calls


def test_a_handout_runs_each_detector_once_per_scope(detector_calls):
    from medialit.show.handout import handout_html

    article = ml.load_article()  # a fresh Article: nothing computed yet
    page = handout_html(article, scope="page", charts=True)
    assert "<h1>" in page
    assert detector_calls == {
        (name, scope): 1
        for name in ("hedge_records", "attribution_records", "outlet_records")
        for scope in ("story", "page")
    }


def test_a_review_runs_each_detector_once_per_scope(detector_calls):
    from medialit.teach.review import Review

    article = ml.load_article()
    review = Review(article)
    assert review.to_key()["hedges"]
    ml.highlight(article)
    ml.source_chain(article)
    assert detector_calls
    assert set(detector_calls.values()) == {1}


def test_callers_get_their_own_copy_of_cached_tables():
    article = ml.load_article()
    first = ml.analyze(article)
    first.loc[:, "text"] = "changed"
    assert (ml.analyze(article).text != "changed").all()
    chain = ml.source_chain(article)
    chain.loc[:, "who"] = "nobody"
    assert "nobody" not in set(ml.source_chain(article).who)


def test_findings_are_dropped_with_their_article():
    import gc
    import weakref

    from medialit.findings import findings_for

    article = ml.Article.from_text("Officials said the bridge may close. It was reportedly old.")
    assert findings_for(article) is findings_for(article)
    ref = weakref.ref(article)
    del article
    gc.collect()
    assert ref() is None
