"""The highlighted article: text kept exactly, every finding once, accessible, nothing runs.

The HTML is read back with the standard library's ``html.parser``; elements with
the class ``ml-aux`` (legend, letter tags, labels, hidden explanations) are not
article text and are skipped when the text is compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit.findings import COLUMNS as FINDINGS_COLUMNS
from medialit.show import render, templates
from medialit.show.render import Rendered, highlight, normalise_kinds, render_findings
from medialit.vocab import FINDING_KINDS

VOID = {"br", "img", "meta", "link", "hr", "input", "wbr", "source"}


class Parsed(HTMLParser):
    """What a test needs to know about a rendered fragment."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str], bool]] = []
        self.start_tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[dict] = []
        self.pieces: dict[str, list[dict]] = defaultdict(list)  # finding id -> its pieces
        self.open_pieces: list[dict] = []
        self.sr: dict[str, list[str]] = defaultdict(list)
        self.tags: dict[str, list[str]] = defaultdict(list)
        self.mismatched: list[str] = []
        self.aux_text: list[str] = []
        self.feed(fragment)
        self.close()

    @staticmethod
    def classes(attrs: dict[str, str | None]) -> set[str]:
        return set((attrs.get("class") or "").split())

    def handle_starttag(self, tag, attrs):
        attrs_d = dict(attrs)
        self.start_tags.append((tag, attrs_d))
        if tag in VOID:
            return
        cls = self.classes(attrs_d)
        aux = bool(self.stack and self.stack[-1][2]) or "ml-aux" in cls
        self.stack.append((tag, attrs_d, aux))
        if tag == "p" and "ml-block" in cls:
            self.blocks.append({"classes": cls, "text": [], "attrs": attrs_d})
        if tag == "mark":
            piece = {
                "finding": attrs_d.get("data-finding"),
                "classes": cls,
                "title": attrs_d.get("title"),
                "attrs": attrs_d,
                "text": [],
                "inside": [p["finding"] for p in self.open_pieces],
            }
            self.pieces[piece["finding"]].append(piece)
            self.open_pieces.append(piece)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.mismatched.append(tag)
            return
        self.stack.pop()
        if tag == "mark":
            self.open_pieces.pop()

    def handle_data(self, data):
        aux = bool(self.stack and self.stack[-1][2])
        if aux:
            self.aux_text.append(data)
            owner = self.open_pieces[-1]["finding"] if self.open_pieces else None
            cls = set()
            for _, attrs, _ in self.stack:
                cls |= self.classes(attrs)
            if owner and "ml-sr" in cls:
                self.sr[owner].append(data)
            elif owner and "ml-tag" in cls:
                self.tags[owner].append(data)
            return
        if self.blocks and any(t == "p" for t, _, _ in self.stack):
            self.blocks[-1]["text"].append(data)
        for piece in self.open_pieces:
            piece["text"].append(data)

    # -- helpers
    def block_texts(self) -> list[str]:
        return ["".join(b["text"]) for b in self.blocks]

    def finding_text(self, finding: str) -> str:
        return "".join("".join(p["text"]) for p in self.pieces[finding])


# --------------------------------------------------------------------------- fixtures

TEXT = (
    "Fighters calling in sick?\n\n"
    "Reports have surfaced that fighters are reportedly calling in sick, "
    "the militia members say.\n\n"
    "The news was first reported by Iranian news service Fars, run by the government.\n\n"
    '"We see fighters running scared," says Col. John Thomas, a spokesman.\n'
)


@pytest.fixture(scope="module")
def small() -> ml.Article:
    return ml.Article.from_text(TEXT)


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def table(article: ml.Article, rows: list[tuple]) -> pd.DataFrame:
    """Findings in analyze()'s shape from ``(kind, words, label, state_affiliated[, nth])``."""
    records = []
    for row in rows:
        kind, words, label, state = row[:4]
        nth = row[4] if len(row) > 4 else 0
        s, e = span(article.text, words, nth)
        records.append(
            {
                "kind": kind,
                "start": s,
                "end": e,
                "text": words,
                "label": label,
                "state_affiliated": state,
                "explanation": f"Because of the rule for {kind} number {len(records)}.",
                "group": pd.NA,
            }
        )
    out = pd.DataFrame(
        records,
        columns=list(FINDINGS_COLUMNS),
    )
    return out.astype({"state_affiliated": "boolean", "group": "Int64"})


SMALL_ROWS = [
    ("hedge", "Reports have surfaced", "vague_source", None),
    ("hedge", "reportedly", "reportive", None),
    ("source", "the militia members", "unnamed", None),
    ("cue", "say", "cue", None, 1),
    ("cue", "first reported by", "cue", None),
    ("source", "Iranian news service Fars", "media_outlet", True),
    ("outlet", "Fars", "SC", True),
    ("quote", "We see fighters running scared,", "direct_quote", None),
    ("source", "Col. John Thomas", "named_person", None),
    ("cue", "says", "cue", None),
]


def story_blocks(article: ml.Article) -> list[str]:
    return [b.text for b in article.block_records if b.kind in {"headline", "story"}]


# --------------------------------------------------------------------------- text and findings


def test_story_text_comes_back_exactly(small):
    view = render_findings(small, table(small, SMALL_ROWS))
    parsed = Parsed(view.html)
    assert parsed.mismatched == []
    assert parsed.block_texts() == story_blocks(small)
    assert "\n\n".join(parsed.block_texts()) == small.story_text


def test_every_finding_drawn_once_with_its_explanation(small):
    findings = table(small, SMALL_ROWS)
    parsed = Parsed(render_findings(small, findings).html)
    marks = render.marks_in_scope(small, findings)
    assert {f"f{m.number}" for m in marks} == set(parsed.pieces)
    assert len(marks) == len(findings)
    for m in marks:
        pieces = parsed.pieces[f"f{m.number}"]
        assert parsed.finding_text(f"f{m.number}") == m.text
        titles = [p["title"] for p in pieces if p["title"] is not None]
        assert len(titles) == 1 and m.explanation in titles[0]
        assert pieces[0]["title"] is not None  # the tooltip sits on the first piece
        sr = "".join(parsed.sr[f"f{m.number}"])
        assert sr.count(m.explanation) == 1
        assert len(parsed.tags[f"f{m.number}"]) == 1
    # Across the whole fragment each explanation is one tooltip and one hidden note.
    titles = [p["title"] for ps in parsed.pieces.values() for p in ps if p["title"]]
    notes = ["".join(v) for v in parsed.sr.values()]
    for expl in findings["explanation"]:
        assert sum(expl in t for t in titles) == 1
        assert sum(expl in n for n in notes) == 1


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        (
            ("quote", "We see fighters running scared,", "direct_quote", None),
            ("hedge", "running scared", "epistemic", None),
        ),
        (
            ("source", "Iranian news service Fars", "media_outlet", True),
            ("outlet", "Fars", "SC", True),
        ),
        (
            ("source", "the militia members", "unnamed", None),
            ("hedge", "militia", "vague_source", None),
        ),
    ],
)
def test_nested_findings_are_nested_elements(small, outer, inner):
    findings = table(small, [outer, inner])
    parsed = Parsed(render_findings(small, findings).html)
    assert parsed.mismatched == []
    (outer_piece,) = parsed.pieces["f1"]
    (inner_piece,) = parsed.pieces["f2"]
    assert inner_piece["inside"] == ["f1"]
    assert parsed.finding_text("f1") == outer[1]
    assert parsed.finding_text("f2") == inner[1]
    # The outer underline is drawn lower than the inner one, so both stay visible.
    assert "ml-h2" in outer_piece["classes"] and "ml-h1" in inner_piece["classes"]


def test_crossing_findings_split_into_pieces(small):
    # "have surfaced that fighters" crosses "Reports have surfaced" without nesting.
    findings = table(
        small,
        [
            ("hedge", "Reports have surfaced", "vague_source", None),
            ("source", "have surfaced that fighters", "unnamed", None),
        ],
    )
    parsed = Parsed(render_findings(small, findings).html)
    assert parsed.mismatched == []
    assert len(parsed.pieces["f1"]) == 1
    assert len(parsed.pieces["f2"]) == 2
    assert parsed.finding_text("f2") == "have surfaced that fighters"
    first, second = parsed.pieces["f2"]
    assert first["title"] is not None and second["title"] is None
    assert "ml-cont" in second["classes"] and "ml-cont" not in first["classes"]
    assert len(parsed.sr["f2"]) == 1 and len(parsed.tags["f2"]) == 1
    assert parsed.block_texts() == story_blocks(small)


def test_same_span_twice_is_drawn_twice(small):
    findings = table(
        small,
        [
            ("hedge", "reportedly", "reportive", None),
            ("cue", "reportedly", "cue", None),
        ],
    )
    parsed = Parsed(render_findings(small, findings).html)
    assert parsed.finding_text("f1") == parsed.finding_text("f2") == "reportedly"
    assert parsed.block_texts() == story_blocks(small)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 120), st.integers(1, 40), st.sampled_from(FINDING_KINDS)),
        max_size=12,
    )
)
def test_any_spans_keep_text_and_findings(spans):
    """Property: whatever the spans (nested, crossing, repeated), text and findings survive."""
    article = ml.Article.from_text(TEXT)
    body = next(b for b in article.block_records if b.kind == "story")
    records = []
    for offset, length, kind in spans:
        s = body.start + offset % (body.end - body.start)
        e = min(s + length, body.end)
        records.append(
            {
                "kind": kind,
                "start": s,
                "end": e,
                "text": article.text[s:e],
                "label": "",
                "state_affiliated": pd.NA,
                "explanation": f"why {len(records)}",
            }
        )
    findings = pd.DataFrame(
        records,
        columns=["kind", "start", "end", "text", "label", "state_affiliated", "explanation"],
    )
    parsed = Parsed(render_findings(article, findings).html)
    assert parsed.mismatched == []
    assert parsed.block_texts() == story_blocks(article)
    marks = render.marks_in_scope(article, findings)
    assert len(marks) == len({(r["kind"], r["start"], r["end"]) for r in records})
    for m in marks:
        assert parsed.finding_text(f"f{m.number}") == m.text
        assert sum(p["title"] is not None for p in parsed.pieces[f"f{m.number}"]) == 1
        assert "".join(parsed.sr[f"f{m.number}"]).count(m.explanation) == 1


# --------------------------------------------------------------------------- escaping

NASTY = (
    "Headline <b>bold</b> & more\n\n"
    "A page said <script>alert(1)</script> and showed <img src=x onerror=alert(1)> today.\n\n"
    "Then it said \" onmouseover=\"alert(1) and 'quoted' things & stopped.\n"
)


def test_article_markup_is_shown_as_text_and_runs_nothing():
    article = ml.Article.from_text(NASTY)
    findings = table(
        article,
        [
            ("hedge", "<script>alert(1)</script>", "reportive", None),
            ("source", '" onmouseover="alert(1)', "unnamed", None),
            ("outlet", "<img src=x onerror=alert(1)>", "SC", True),
        ],
    )
    findings.loc[0, "explanation"] = '<script>alert(2)</script> " onclick="alert(3)'
    view = render_findings(article, findings, scope="page")
    parsed = Parsed(view.html)
    tags = [t for t, _ in parsed.start_tags]
    assert "script" not in tags and "img" not in tags
    for _, attrs in parsed.start_tags:
        assert not any(name.startswith("on") for name in attrs)
        assert not any("javascript:" in (v or "").lower() for v in attrs.values())
    assert parsed.block_texts() == [b.text for b in article.block_records]
    assert parsed.finding_text("f1") == "<script>alert(1)</script>"
    assert "<script>alert(2)</script>" in parsed.pieces["f1"][0]["title"]
    # The plain-text view keeps the words as they are.
    assert "[HEDGE <script>alert(1)</script>]" in view.text


def test_no_javascript_and_css_is_scoped(small):
    view = render_findings(small, table(small, SMALL_ROWS))
    assert "<script" not in view.html.lower()
    css = re.search(r"<style>(.*?)</style>", view.html, re.S).group(1)
    selectors = [rule.split("{")[0] for rule in css.split("}") if "{" in rule]
    assert selectors
    for selector in selectors:
        for part in selector.split(","):
            assert part.strip().startswith((".ml-page", ".ml-hl-root")), part


# --------------------------------------------------------------------------- the views


def test_text_view_uses_bracketed_markers(small):
    view = render_findings(small, table(small, SMALL_ROWS))
    assert "[HEDGE reportedly]" in view.text
    assert "[SOURCE the militia members]" in view.text
    assert "[OUTLET Fars (state-affiliated)]" in view.text
    assert repr(view) == str(view) == view.text
    assert "Why each highlight was made:" in view.text
    assert view._repr_html_() == view.html


def test_state_affiliated_outlet_has_its_own_style_and_label(small):
    findings = table(
        small, [("outlet", "Fars", "SC", True), ("outlet", "Iranian news service", "PM", False)]
    )
    parsed = Parsed(render_findings(small, findings).html)
    fars = parsed.pieces["f2"][0]
    other = parsed.pieces["f1"][0]
    assert "ml-k-state_outlet" in fars["classes"] and "ml-k-outlet" in other["classes"]
    assert parsed.tags["f2"] == [templates.MARK_STYLES["state_outlet"].tag + " 2"]
    assert "State-affiliated" in "".join(parsed.sr["f2"])
    assert "State-affiliated" not in "".join(parsed.sr["f1"])


def test_kinds_filter(small):
    findings = table(small, SMALL_ROWS)
    parsed = Parsed(render_findings(small, findings, kinds=["hedges"]).html)
    kinds = {p["attrs"]["data-kind"] for pieces in parsed.pieces.values() for p in pieces}
    assert kinds == {"hedge"}
    assert len(parsed.pieces) == (findings["kind"] == "hedge").sum()
    legend = Parsed(render_findings(small, findings, kinds="outlet").html)
    assert "Hedge" not in "".join(legend.aux_text)


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (None, FINDING_KINDS),
        ("hedge", ("hedge",)),
        (["quotes", "Hedge"], ("hedge", "quote")),
        (("outlet", "outlet"), ("outlet",)),
    ],
)
def test_normalise_kinds(kinds, expected):
    assert normalise_kinds(kinds) == expected


@pytest.mark.parametrize("bad", ["hedgehog", ["hedge", "claim"], [""]])
def test_unknown_kind_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="not a kind of highlight"):
        normalise_kinds(bad)


def test_table_from_another_article_is_refused(small):
    findings = table(small, SMALL_ROWS)
    findings.loc[1, "start"] += 1
    with pytest.raises(ValueError, match="does not match the article text"):
        render_findings(small, findings)
    with pytest.raises(ValueError, match="explanation"):
        render_findings(small, findings.drop(columns="explanation"))


def test_bad_scope_is_refused(small):
    with pytest.raises(ValueError, match="scope"):
        render_findings(small, table(small, []), scope="paragraph")


def test_empty_table_still_shows_the_story_and_says_so(small):
    view = render_findings(small, table(small, []))
    parsed = Parsed(view.html)
    assert parsed.block_texts() == story_blocks(small)
    assert parsed.pieces == {}
    assert "No highlights" in "".join(parsed.aux_text)


def test_legend_lists_each_kind_drawn_with_its_tag(small):
    parsed = Parsed(render_findings(small, table(small, SMALL_ROWS)).html)
    legend = "".join(parsed.aux_text)
    for key in ("hedge", "source", "cue", "quote", "state_outlet"):
        assert templates.MARK_STYLES[key].name in legend
    assert templates.MARK_STYLES["outlet"].name + " " not in legend.replace(
        "State-affiliated outlet", ""
    )


def test_numbered_tags_match_the_finding_numbers(small):
    parsed = Parsed(render_findings(small, table(small, SMALL_ROWS), numbered=True).html)
    for finding, tags in parsed.tags.items():
        assert tags[0].endswith(finding[1:])


def test_page_scope_dims_and_labels_the_clutter(seed):
    from_page = list(seed.block_records)
    findings = table(seed, [("outlet", "REUTERS", "PM", False)])
    view = render_findings(seed, findings, scope="page")
    parsed = Parsed(view.html)
    assert parsed.block_texts() == [b.text for b in from_page]
    clutter = [b for b in parsed.blocks if "ml-clutter" in b["classes"]]
    assert len(clutter) == sum(b.kind not in {"headline", "story"} for b in from_page)
    assert "Photo caption" in "".join(parsed.aux_text)
    # The caption's outlet is highlighted inside a dimmed block.
    assert parsed.finding_text("f1") == "REUTERS"
    assert "    [PHOTO CAPTION] " in view.text
    # The story scope leaves it out: it has no text to mark there.
    assert Parsed(render_findings(seed, findings).html).pieces == {}


def test_findings_across_two_blocks_are_split_per_block(small):
    s = small.text.index("the militia members")
    e = small.text.index("first reported")
    findings = pd.DataFrame(
        [
            {
                "kind": "quote",
                "start": s,
                "end": e,
                "text": small.text[s:e],
                "label": "",
                "state_affiliated": pd.NA,
                "explanation": "long",
            }
        ]
    )
    parsed = Parsed(render_findings(small, findings).html)
    assert parsed.block_texts() == story_blocks(small)
    assert len(parsed.pieces["f1"]) == 2
    assert parsed.finding_text("f1") == small.text[s:e].replace("\n\n", "")


def test_to_html_page_is_a_standalone_document(small):
    page = render_findings(small, table(small, SMALL_ROWS)).to_html_page(title="A <test>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>A &lt;test&gt;</title>" in page
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page.lower()


def test_page_view_still_works(seed):
    view = ml.page_view(seed)
    assert isinstance(view, Rendered)
    assert "ml-clutter" in view.html and "more photo captions" in view.text
    assert seed.title in view.text


# --------------------------------------------------------------------------- colours


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    h = hex_colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#777777", "#FFFFFF", 4.48)],
)
def test_contrast_formula(a, b, expected):
    assert contrast(a, b) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("key", list(templates.MARK_STYLES))
def test_highlight_colours_are_readable_and_colour_blind_safe(key):
    style = templates.MARK_STYLES[key]
    assert style.hue in templates.OKABE_ITO.values()
    assert contrast(templates.TEXT_COLOUR, style.background) >= 4.5  # WCAG AA, normal text
    for ground in (templates.PAGE_BACKGROUND, templates.CLUTTER_BACKGROUND):
        assert contrast(style.line, ground) >= 3.0  # WCAG 1.4.11, non-text contrast
    inline = templates.mark_style(key)
    assert f"background-color:{style.background}" in inline
    assert f"{style.line_style} {style.line}" in inline


def test_page_clutter_colours_are_readable():
    assert contrast(templates.CLUTTER_TEXT, templates.CLUTTER_BACKGROUND) >= 4.5
    assert contrast(templates.LABEL_TEXT, templates.CLUTTER_BACKGROUND) >= 4.5


def test_each_kind_has_a_cue_besides_colour():
    styles = templates.MARK_STYLES.values()
    assert len({s.tag for s in styles}) == len(templates.MARK_STYLES)
    assert len({s.hue for s in styles}) == len(templates.MARK_STYLES)
    looks = {(s.line_style, s.frame) for s in styles}
    assert len(looks) >= len(templates.MARK_STYLES) - 1  # the two outlets differ by tag


def test_hidden_explanations_are_visually_hidden_not_removed():
    rule = templates.SR_STYLE
    assert "clip" in rule and "position:absolute" in rule
    assert "display:none" not in rule and "visibility:hidden" not in rule


# --------------------------------------------------------------------------- with analyze()


@pytest.fixture(scope="module")
def seed_findings(seed):
    from medialit.findings import analyze

    return analyze(seed)


def test_highlight_on_the_seed_keeps_text_and_findings(seed, seed_findings):
    view = highlight(seed)
    parsed = Parsed(view.html)
    assert parsed.mismatched == []
    assert "\n\n".join(parsed.block_texts()) == seed.story_text
    assert len(parsed.pieces) == len(seed_findings)
    for m in render.marks_in_scope(seed, seed_findings):
        assert parsed.finding_text(f"f{m.number}") == m.text


def test_highlight_marks_the_seed_hedges_and_fars(seed):
    view = highlight(seed, kinds=["hedge", "outlet"])
    assert "[HEDGE reportedly]" in view.text
    assert "[OUTLET Fars (state-affiliated)]" in view.text


def test_highlight_page_scope_on_the_seed(seed):
    parsed = Parsed(highlight(seed, scope="page").html)
    assert parsed.block_texts() == [b.text for b in seed.block_records]


def test_repeated_rows_are_one_highlight(small):
    findings = table(
        small,
        [
            ("cue", "first reported by", "cue", None),
            ("cue", "first reported by", "cue", None),
            ("hedge", "first reported by", "reportive", None),
        ],
    )
    parsed = Parsed(render_findings(small, findings).html)
    assert sorted(p[0]["attrs"]["data-kind"] for p in parsed.pieces.values()) == ["cue", "hedge"]
