"""How each highlight explains itself: its tag, the legend, the numbered reasons.

Kept apart from :mod:`medialit.show.render`, which lays the marks into the text,
so the words and links a learner reads sit in one place. Every highlight ends in a
tag ("H3") that, in a view with reasons, is a link (``VIEW-mN``) to its line in the
list of reasons under the story (``VIEW-rN``), which links back. A link is focusable
by keyboard and by touch and keeps ``href`` in an untrusted notebook, where
JupyterLab's sanitizer strips ``tabindex`` (and renames ``id`` to ``data-jupyter-id``,
which its handler of in-page links also follows).
"""

from __future__ import annotations

import hashlib
import html
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from . import templates
from .templates import MARK_STYLES, STATE_LABEL

if TYPE_CHECKING:
    from ..text.article import Article
    from .render import Mark

AUX_CLASS = "ml-aux"
"""Class of every element that is not article text (legend, tags, labels, hidden notes)."""


def explanation_words(mark: Mark) -> str:
    style = MARK_STYLES[mark.style]
    state = f", {STATE_LABEL}" if mark.state_affiliated and mark.style != "state_outlet" else ""
    return f"{style.name}{state}: {mark.explanation}"


def tag_text(mark: Mark, *, numbered: bool) -> str:
    tag = MARK_STYLES[mark.style].tag
    if not numbered:
        return tag
    return f"{tag}{mark.number}" if len(tag) == 1 else f"{tag} {mark.number}"


class Drawing(NamedTuple):
    """What every highlight of one view needs to know to draw its tag."""

    view_id: str  # prefix of this view's element ids, unique per view
    numbered: bool  # tags say "H3" (True) or "H"
    links: bool  # tags link to a list of reasons under the story


def tag_html(mark: Mark, drawing: Drawing) -> str:
    """The tag after a highlight's last piece, holding the reason for screen readers.

    With ``links`` the tag is a link (``VIEW-mN``) to the reason's line in the
    list under the story: a link is focusable by keyboard and by touch, and it
    keeps its ``href`` and ``id`` in an untrusted notebook, where the sanitizer
    would strip a ``tabindex``. The reason inside it is visually hidden, read
    aloud, and shown in a box while the link has focus (``REVEAL_CSS``).
    """
    tag = html.escape(tag_text(mark, numbered=drawing.numbered))
    why = html.escape(f" ({explanation_words(mark)}) ")
    hidden = f'<span class="ml-sr" style="{templates.SR_STYLE}">{why}</span>'
    if drawing.links:
        n = mark.number
        inner = (
            f'<a class="ml-ref" id="{drawing.view_id}-m{n}" href="#{drawing.view_id}-r{n}" '
            f'style="{templates.REF_STYLE}">{hidden}{tag}</a>'
        )
    else:
        inner = f"{hidden}{tag}"
    return f'<sup class="ml-tag {AUX_CLASS}" style="{templates.TAG_STYLE}">{inner}</sup>'


def legend_html(counts: dict[str, int], kinds: Sequence[str], *, links: bool) -> str:
    """The legend: each kind drawn, how many of it this text has, and how to read the marks."""
    t = templates
    title = f'<p class="ml-legend-title" style="{t.TITLE_STYLE}">What the highlights mean</p>'
    if not counts:
        names = ", ".join(MARK_STYLES[k].name.lower() for k in kinds)
        body = (
            f'<p style="{t.NOTE_STYLE}">No highlights of these kinds in this text: '
            f"{html.escape(names)}.</p>"
        )
    else:
        items = []
        for key, count in counts.items():
            style = MARK_STYLES[key]
            items.append(
                f'<li style="{t.ITEM_STYLE}"><span class="ml-hl ml-k-{key} ml-h1" '
                f'style="{t.mark_style(key)}">{html.escape(style.name)}'
                f'<sup class="ml-tag" style="{t.TAG_STYLE}" aria-hidden="true">'
                f"{html.escape(style.tag)}</sup></span> {html.escape(style.description)} "
                f'<span class="ml-count">({count} in this text)</span></li>'
            )
        how = (
            "Each highlight ends in a letter and a number, such as H1. Tab to it or tap it "
            "to read why it was made; the reasons are also listed, with the same numbers, "
            "under the story."
            if links
            else "Point at a highlight to see why it was made."
        )
        body = (
            f'<ul style="{t.LIST_STYLE}">{"".join(items)}</ul>'
            f'<p class="ml-legend-note" style="{t.NOTE_STYLE}">{how} Each kind has its own '
            "colour, line and letter, so the marks also work in black and white.</p>"
        )
    return (
        f'<div class="ml-legend {AUX_CLASS}" style="{t.LEGEND_STYLE}" role="note" '
        f'aria-label="Legend: what the highlights mean">{title}{body}</div>'
    )


def legend_text(counts: dict[str, int]) -> str:
    if not counts:
        return "No highlights of the chosen kinds in this text."
    return "Legend: " + "; ".join(
        f"[{MARK_STYLES[k].marker} ...{f' ({STATE_LABEL})' if k == 'state_outlet' else ''}] "
        f"{MARK_STYLES[k].name} ({n})"
        for k, n in counts.items()
    )


def reasons_html(marks: Sequence[Mark], drawing: Drawing) -> str:
    """The numbered list of reasons under the story; each number links back to its mark."""
    t = templates
    items = []
    for m in marks:
        style = MARK_STYLES[m.style]
        tag = html.escape(tag_text(m, numbered=True))
        state = f" ({STATE_LABEL})" if m.state_affiliated and m.style != "state_outlet" else ""
        back = (
            f'<a class="ml-back" href="#{drawing.view_id}-m{m.number}" '
            f'style="{t.REF_STYLE}">'
            f'<span class="ml-sr" style="{t.SR_STYLE}">back to </span>{tag}'
            f'<span class="ml-sr" style="{t.SR_STYLE}"> in the story</span></a>'
        )
        items.append(
            f'<li id="{drawing.view_id}-r{m.number}" value="{m.number}" '
            f'style="{t.REASON_ITEM_STYLE}"><span class="ml-hl ml-k-{m.style} ml-h1" '
            f'style="{t.mark_style(m.style)};font-weight:bold">{back}</span> '
            f"<strong>{html.escape(style.name)}{state}</strong> "
            f"“{html.escape(m.text)}”: {html.escape(m.explanation)}</li>"
        )
    return (
        f'<div class="ml-reasons {AUX_CLASS}" style="{t.REASONS_STYLE}">'
        f'<p class="ml-reasons-title" style="{t.TITLE_STYLE}">Why each highlight was made</p>'
        f'<ol class="ml-why" style="{t.LIST_STYLE}">{"".join(items)}</ol></div>'
    )


_VIEWS = itertools.count(1)
"""Counts the views drawn in this Python process, so ids stay unique within a notebook."""


def view_id(article: Article, marks: Sequence[Mark], scope: str) -> str:
    """A prefix for this view's element ids: from its content and a counter.

    The same in every fresh run of a notebook (nbval compares stored outputs),
    and different for two views in one notebook, even of the same text.
    """
    digest = hashlib.sha1(
        "\x1f".join([scope, article.text, *(f"{m.style}:{m.start}:{m.end}" for m in marks)])
        .encode("utf-8", "surrogatepass")  # lone surrogates in pasted text must not crash
    ).hexdigest()[:6]
    return f"ml{digest}-{next(_VIEWS)}"
