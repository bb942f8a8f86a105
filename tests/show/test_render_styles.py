"""The highlighted article survives JupyterLab's sanitizer: it looks right before it is trusted.

A notebook a learner opens for the first time is not trusted, and JupyterLab shows
its stored HTML outputs through a sanitizer (``@jupyterlab/apputils/src/sanitizer.ts``,
built on the ``sanitize-html`` package). It drops ``<style>`` blocks with their
content, every attribute that is not on its lists (``role``, ``aria-*``, ``data-*``,
and ``tabindex`` except on links and form fields), and every inline CSS property
that is not on its ``allowedStyles`` list; it renames ``id`` to ``data-jupyter-id``.
:class:`Sanitized` below does the same with those lists (JupyterLab 4.x), so these
tests can check, without a browser, that what a learner must see is still there. The browser suite
(``tests/browser``) checks the computed styles in a real, untrusted JupyterLab.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import medialit as ml
from medialit.show import render, templates
from medialit.show.render import render_findings

# From @jupyterlab/apputils/src/sanitizer.ts (JupyterLab 4.x): attributes every tag may keep.
GLOBAL_ATTRIBUTES = frozenset(
    [
        "class",
        "data-jupyter-id",
        "dir",
        "draggable",
        "hidden",
        "id",
        "inert",
        "itemprop",
        "itemref",
        "itemscope",
        "lang",
        "spellcheck",
        "style",
        "title",
        "translate",
    ]
)
# ... and the extra ones of the tags medialit writes.
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset(
        ["accesskey", "coords", "href", "hreflang", "rel", "shape", "tabindex", "target", "type"]
    ),
    "li": frozenset({"type", "value"}),
    "ol": frozenset({"compact", "reversed", "start", "type"}),
    "ul": frozenset({"compact", "type"}),
    "p": frozenset({"align"}),
    "div": frozenset({"align"}),
}
ALLOWED_TAGS = frozenset(["a", "div", "em", "li", "mark", "ol", "p", "span", "strong", "sup", "ul"])

# The inline CSS properties of ``allowedStyles`` (every tag); values are checked by
# JupyterLab with regular expressions, approximated in ALLOWED_VALUE below.
ALLOWED_PROPERTIES = frozenset(
    [
        "background",
        "background-color",
        "border",
        "border-bottom",
        "border-bottom-color",
        "border-bottom-style",
        "border-bottom-width",
        "border-left",
        "border-left-color",
        "border-left-style",
        "border-left-width",
        "border-radius",
        "border-top",
        "border-color",
        "border-style",
        "border-width",
        "bottom",
        "clear",
        "clip",
        "color",
        "cursor",
        "direction",
        "display",
        "float",
        "font",
        "font-family",
        "font-size",
        "font-style",
        "font-variant",
        "font-weight",
        "height",
        "left",
        "letter-spacing",
        "line-height",
        "list-style",
        "list-style-position",
        "list-style-type",
        "margin",
        "margin-bottom",
        "margin-left",
        "margin-right",
        "margin-top",
        "max-height",
        "max-width",
        "min-height",
        "min-width",
        "opacity",
        "outline",
        "outline-color",
        "outline-style",
        "outline-width",
        "overflow",
        "overflow-wrap",
        "overflow-x",
        "overflow-y",
        "padding",
        "padding-bottom",
        "padding-left",
        "padding-right",
        "padding-top",
        "position",
        "right",
        "text-align",
        "text-decoration",
        "text-indent",
        "text-transform",
        "top",
        "vertical-align",
        "visibility",
        "white-space",
        "width",
        "word-break",
        "word-spacing",
        "word-wrap",
        "z-index",
    ]
)
ALLOWED_VALUE = re.compile(r"^[#\w\s.,()%/'\"+-]+$")
"""Plain values only: ``!important``, ``calc()`` or ``var()`` fail JupyterLab's regexes."""

MUST_NOT = re.compile(r"!important|var\(|calc\(|max-content|inset\(")


def declarations(style: str) -> list[tuple[str, str]]:
    return [
        (name.strip().lower(), value.strip())
        for name, _, value in (d.partition(":") for d in style.split(";") if d.strip())
    ]


class Sanitized(HTMLParser):
    """The fragment as JupyterLab shows it untrusted: a list of kept elements and text."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.dropped_styles: list[str] = []
        self.text: list[str] = []
        self._skip = 0
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "style":
            self._skip += 1
            return
        assert tag in ALLOWED_TAGS, f"<{tag}> is not kept by JupyterLab's sanitizer"
        kept: dict[str, str] = {}
        for name, value in attrs:
            if name in GLOBAL_ATTRIBUTES or name in TAG_ATTRIBUTES.get(tag, ()):
                kept[name] = value or ""
        # Against DOM clobbering, JupyterLab 4 renames every id; its handler of in-page
        # links ("#x") looks for data-jupyter-id="x" as well as id="x".
        if "id" in kept:
            kept["data-jupyter-id"] = kept.pop("id")
        if "style" in kept:
            good = []
            for name, value in declarations(kept["style"]):
                if name in ALLOWED_PROPERTIES and ALLOWED_VALUE.match(value):
                    good.append(f"{name}:{value}")
                else:
                    self.dropped_styles.append(f"{name}:{value}")
            kept["style"] = ";".join(good)
        self.elements.append((tag, kept))

    def handle_endtag(self, tag):
        if tag == "style":
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if name in a.get("class", "").split()]


def style_of(attrs: dict[str, str]) -> dict[str, str]:
    return dict(declarations(attrs.get("style", "")))


TEXT = (
    "Fighters calling in sick?\n\n"
    "Reports have surfaced that fighters are reportedly calling in sick, "
    "the militia members say.\n\n"
    "The news was first reported by Iranian news service Fars, run by the government.\n"
    "Read Full Story\n"
)


@pytest.fixture(scope="module")
def small() -> ml.Article:
    return ml.Article.from_text(TEXT)


def rows(article: ml.Article, spec: list[tuple[str, str, bool | None]]) -> pd.DataFrame:
    out = []
    for kind, words, state in spec:
        start = article.text.index(words)
        out.append(
            {
                "kind": kind,
                "start": start,
                "end": start + len(words),
                "text": words,
                "label": "",
                "state_affiliated": pd.NA if state is None else state,
                "explanation": f"why {words} <b>",
            }
        )
    columns = ["kind", "start", "end", "text", "label", "state_affiliated", "explanation"]
    return pd.DataFrame(out, columns=columns)


SPEC = [
    ("hedge", "reportedly", None),
    ("hedge", "Reports have surfaced", None),
    ("source", "the militia members", None),
    ("cue", "say", None),
    ("outlet", "Fars", True),
    ("outlet", "Iranian news service", False),
]


@pytest.fixture(scope="module")
def view(small) -> Sanitized:
    return Sanitized(render_findings(small, rows(small, SPEC), scope="page").html)


def test_every_inline_style_survives_the_sanitizer(small, seed):
    fragments = [
        render_findings(small, rows(small, SPEC), scope="page").html,
        ml.highlight(seed).html,
        ml.page_view(seed).html,
        render.with_warning(render_findings(small, rows(small, SPEC)), "A <b>warning</b>.").html,
    ]
    for fragment in fragments:
        parsed = Sanitized(fragment)
        assert parsed.dropped_styles == []
        for _, attrs in parsed.elements:
            assert not MUST_NOT.search(attrs.get("style", "")), attrs


def test_story_lines_keep_their_blue_bar_and_clutter_its_grey(view, seed):
    for parsed in (view, Sanitized(ml.page_view(seed).html)):
        story = parsed.with_class("ml-story") + parsed.with_class("ml-headline")
        assert story
        for attrs in story:
            assert style_of(attrs)["border-left"] == f"4px solid {templates.STORY_BAR}"
        clutter = parsed.with_class("ml-clutter")
        assert clutter
        for attrs in clutter:
            look = style_of(attrs)
            assert look["background-color"] == templates.CLUTTER_BACKGROUND
            assert look["color"] == templates.CLUTTER_TEXT


def test_labels_stand_apart_from_the_line(view, seed):
    for parsed in (view, Sanitized(ml.page_view(seed).html)):
        labels = parsed.with_class("ml-label")
        assert labels
        for attrs in labels:
            look = style_of(attrs)
            assert look["text-transform"] == "uppercase" and look["font-weight"] == "bold"
            assert look["margin-right"].endswith("em")
    # The words themselves end in a colon and a space: "Page button: Read Full Story",
    # never "Page buttonRead Full Story", even with no style at all.
    assert "Page button: Read Full Story" in "".join(view.text)


def test_every_mark_keeps_its_colour_line_and_tag(view):
    marks = [(t, a) for t, a in view.elements if t == "mark"]
    assert len(marks) == len(SPEC)
    for _, attrs in marks:
        key = next(c[5:] for c in attrs["class"].split() if c.startswith("ml-k-"))
        style = templates.MARK_STYLES[key]
        look = style_of(attrs)
        assert look["background-color"] == style.background
        assert look["border-bottom"].endswith(f"{style.line_style} {style.line}")
        assert look["color"] == templates.TEXT_COLOUR
    for attrs in view.with_class("ml-tag"):
        assert style_of(attrs)["vertical-align"] == "super"


def test_hidden_reasons_stay_hidden_without_the_style_block(view):
    hidden = view.with_class("ml-sr")
    assert hidden
    for attrs in hidden:
        look = style_of(attrs)
        assert look["position"] == "absolute" and look["overflow"] == "hidden"
        assert look["clip"] == "rect(0,0,0,0)" and look["width"] == "1px"


def test_legend_is_a_framed_box_with_counts(small, view):
    legend = view.with_class("ml-legend")[0]
    assert style_of(legend)["border"].startswith("1px solid")
    html_ = render_findings(small, rows(small, SPEC)).html
    items = re.findall(r'<li style="margin:0">(.*?)</li>', html_)
    counted = {
        re.search(r"ml-k-(\w+)", item).group(1): int(
            re.search(r"\((\d+) in this text\)", item).group(1)
        )
        for item in items
    }
    assert counted == {"hedge": 2, "source": 1, "cue": 1, "outlet": 1, "state_outlet": 1}
    plain = render_findings(small, rows(small, SPEC)).text
    assert "Hedge (2)" in plain and "State-affiliated outlet (1)" in plain


def test_each_reason_is_reachable_both_ways_by_links(view):
    links = [a for t, a in view.elements if t == "a"]
    ids = {a["data-jupyter-id"] for _, a in view.elements if "data-jupyter-id" in a}
    refs = [a for a in links if "ml-ref" in a["class"].split()]
    backs = [a for a in links if "ml-back" in a["class"].split()]
    assert len(refs) == len(backs) == len(SPEC)
    for ref, back in zip(refs, backs, strict=True):
        # mark -> reason and reason -> mark, with ids and hrefs the sanitizer keeps
        assert ref["href"] == f"#{back['href'][1:].replace('-m', '-r')}"
        assert ref["href"][1:] in ids and back["href"][1:] in ids
        assert back["href"] == f"#{ref['data-jupyter-id']}"
    # Nothing depends on attributes the sanitizer drops: focus comes from <a href>.
    assert all("tabindex" not in a for _, a in view.elements)


def test_reason_list_is_numbered_like_the_tags(small):
    html_ = render_findings(small, rows(small, SPEC)).html
    tags = re.findall(r"</span>([A-Z]+ ?\d+)</a></sup>", html_)
    numbers = [int(re.search(r"\d+", t).group()) for t in tags]
    assert sorted(numbers) == list(range(1, len(SPEC) + 1))
    values = [int(v) for v in re.findall(r'<li id="[^"]+-r\d+" value="(\d+)"', html_)]
    assert values == list(range(1, len(SPEC) + 1))
    assert "why reportedly &lt;b&gt;" in html_  # reasons are escaped too


def test_two_views_never_share_an_id(small):
    first = Sanitized(render_findings(small, rows(small, SPEC)).html)
    second = Sanitized(render_findings(small, rows(small, SPEC)).html)
    ids = [
        a["data-jupyter-id"]
        for p in (first, second)
        for _, a in p.elements
        if "data-jupyter-id" in a
    ]
    assert len(ids) == len(set(ids)) == 4 * len(SPEC)


def test_without_reasons_the_tags_are_plain_letters(small):
    html_ = render_findings(small, rows(small, SPEC), reasons=False).html
    body = html_.split("</style>", 1)[1]
    assert "<a " not in body and "ml-why" not in body
    assert "Point at a highlight" in html_


def test_the_style_block_only_adds_focus_and_print(small):
    css = re.search(r"<style>(.*?)</style>", render_findings(small, rows(small, SPEC)).html).group(
        1
    )
    assert ":focus" in css
    # No colour of a highlight lives only in the style block.
    for style in templates.MARK_STYLES.values():
        assert style.background not in css


def test_no_findings_no_links(small):
    empty = render.render_findings(small, rows(small, []))
    assert "<a " not in empty.html and "No highlights" in empty.html
