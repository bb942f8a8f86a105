"""HTML templates, colours and CSS for medialit's views, as named constants.

Kept apart from the renderer (as spaCy's displaCy keeps ``templates.py`` apart
from ``render.py``) so a teacher or designer can change the look without
touching the logic, and so tests can check the colours that are really used.

Accessibility rules the styles follow:

- Colours come from the Okabe-Ito palette, which people with the common forms
  of colour blindness can still tell apart (Okabe & Ito 2008, "Color Universal
  Design", https://jfly.uni-koeln.de/color/).
- Colour is never the only cue: every kind also has its own underline style and
  a printed letter tag ("H", "S", ...), so a black-and-white printout still works.
- Text on every highlight background reaches WCAG 2.x AA contrast (4.5:1);
  underline colours are the palette colour darkened until they reach 3:1 against
  white and the grey of page clutter (WCAG 1.4.11, non-text contrast).
- The look is written inline with properties JupyterLab's sanitizer keeps, so a
  notebook opened untrusted looks right before it runs (see "inline styles" below).
- Every selector of the ``<style>`` block is scoped under ``.ml-page`` or
  ``.ml-hl-root``, so it never leaks into the rest of a notebook. No JavaScript anywhere.
"""

from __future__ import annotations

from typing import NamedTuple

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
"""The eight Okabe-Ito colours (Okabe & Ito 2008), safe for colour-blind readers."""

TEXT_COLOUR = "#111111"
"""Colour of article text on every highlight."""

PAGE_BACKGROUND = "#FFFFFF"
CLUTTER_BACKGROUND = "#F2F2F2"
CLUTTER_TEXT = "#555555"
LABEL_TEXT = "#333333"


class MarkStyle(NamedTuple):
    """How one kind of highlight looks, and how it is named for a learner."""

    name: str  # what a learner calls it, e.g. "Hedge"
    tag: str  # letter printed after the highlight: the cue that survives black-and-white print
    marker: str  # the word in the plain-text view: [HEDGE reportedly]
    hue: str  # the Okabe-Ito colour
    background: str  # the hue mixed with white, so text on it stays easy to read
    line: str  # underline colour: the hue, darkened to 3:1 against white where needed
    line_style: str  # CSS border style of the underline: the second, non-colour cue
    frame: int  # width in px of a frame drawn around it (0: none); outlets get one
    description: str  # one sentence for the legend


MARK_STYLES: dict[str, MarkStyle] = {
    "hedge": MarkStyle(
        name="Hedge",
        tag="H",
        marker="HEDGE",
        hue=OKABE_ITO["orange"],
        background="#F6DDA6",
        line="#AC7700",
        line_style="dashed",
        frame=0,
        description="a word that makes a claim less certain or hides who said it",
    ),
    "source": MarkStyle(
        name="Source",
        tag="S",
        marker="SOURCE",
        hue=OKABE_ITO["sky_blue"],
        background="#C4E5F7",
        line="#4087AF",
        line_style="solid",
        frame=0,
        description="the person, group or outlet a claim comes from",
    ),
    "cue": MarkStyle(
        name="Reporting word",
        tag="R",
        marker="CUE",
        hue=OKABE_ITO["bluish_green"],
        background="#BFE7DC",
        line="#007E5C",
        line_style="dotted",
        frame=0,
        description="the word that links a claim to its source (says, according to)",
    ),
    "quote": MarkStyle(
        name="Quote",
        tag="Q",
        marker="QUOTE",
        hue=OKABE_ITO["reddish_purple"],
        background="#F6E7EF",
        line="#995B7D",
        line_style="double",
        frame=0,
        description="the exact words of a source, inside quotation marks",
    ),
    "outlet": MarkStyle(
        name="News outlet",
        tag="O",
        marker="OUTLET",
        hue=OKABE_ITO["blue"],
        background="#C7E0EE",
        line="#0072B2",
        line_style="solid",
        frame=1,
        description="a newspaper, agency or broadcaster named in the text",
    ),
    "state_outlet": MarkStyle(
        name="State-affiliated outlet",
        tag="STATE",
        marker="OUTLET",
        hue=OKABE_ITO["vermillion"],
        background="#F2CFB2",
        line="#B35000",
        line_style="solid",
        frame=2,
        description="a news outlet that a government, or people close to it, controls",
    ),
}
"""Style of each highlight, keyed by finding kind (``state_outlet``: a state-affiliated outlet)."""

STATE_LABEL = "state-affiliated"
"""The words printed beside anything state-affiliated, so colour is never the only cue."""

# Bottom padding by nesting height: an outer highlight's underline sits below the
# underlines of the highlights inside it, so both stay visible (index = height).
_PADDING_EM = (0.0, 0.12, 0.42, 0.72, 1.0)
MAX_HEIGHT = len(_PADDING_EM) - 1


# --------------------------------------------------------------------------- inline styles
#
# JupyterLab shows the outputs of a notebook nobody has trusted yet (every notebook a
# learner opens for the first time) through its HTML sanitizer: ``<style>`` blocks are
# dropped, and so are ``role``, ``aria-*``, ``data-*`` and ``tabindex`` (except on links
# and form fields). Inline ``style`` attributes survive, property by property, when the
# property is on the sanitizer's allow-list (``allowedStyles`` in
# ``@jupyterlab/apputils/src/sanitizer.ts``: colours, backgrounds, borders, outline,
# margin, padding, font-*, line-height, text-transform, vertical-align, position, clip,
# overflow, white-space, width, height, display ...). So everything a learner must see
# on first sight is written inline with those properties only, and the ``<style>`` block
# (:data:`REVEAL_CSS`) adds only what needs a selector: a reason that pops up on focus,
# print colours. ``tests/show/test_render_styles.py`` checks every inline property
# against that allow-list; the browser suite checks the computed styles in JupyterLab.

STORY_BAR = OKABE_ITO["blue"]
"""The bar left of every story line (the lessons promise "a blue bar")."""

_BLOCK_BASE = "margin:.3em 0;padding:.15em .5em;border-left:4px solid "

BLOCK_STYLES: dict[str, str] = {
    "headline": f"{_BLOCK_BASE}{STORY_BAR};color:{TEXT_COLOUR};font-size:1.3em;"
    "font-weight:bold;line-height:1.4",
    "story": f"{_BLOCK_BASE}{STORY_BAR};color:{TEXT_COLOUR}",
    "clutter": f"{_BLOCK_BASE}transparent;color:{CLUTTER_TEXT};"
    f"background-color:{CLUTTER_BACKGROUND};font-size:.9em",
}
"""Inline style of a line of the page: story lines with the blue bar, clutter dimmed."""

LABEL_STYLE = (
    f"font-family:sans-serif;font-size:.8em;font-weight:bold;color:{LABEL_TEXT};"
    "margin-right:.6em;text-transform:uppercase;letter-spacing:.03em"
)
"""The label in capitals before a line of page clutter ("PAGE BUTTON:")."""

PAGE_STYLE = f"font-family:Georgia,serif;line-height:1.5;max-width:46em;color:{TEXT_COLOUR}"
"""The outer box of the page view."""

HIGHLIGHT_ROOT_STYLE = (
    f"font-family:Georgia,serif;line-height:2.3;max-width:46em;color:{TEXT_COLOUR}"
)
"""The outer box of the highlighted article: tall lines leave room for nested underlines."""

TAG_STYLE = (
    "font-family:sans-serif;font-size:.65em;font-weight:bold;line-height:1;"
    f"vertical-align:super;margin-left:.15em;color:{TEXT_COLOUR};letter-spacing:.02em"
)
"""The letter and number after a highlight ("H3"): the cue that survives black-and-white print."""

REF_STYLE = f"color:{TEXT_COLOUR};text-decoration:underline;position:relative"
"""The link inside a tag: it takes keyboard focus and leads to the highlight's reason."""

SR_STYLE = (
    "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap;border:0"
)
"""Visually hidden but read aloud by screen readers (the usual "clip" pattern)."""

LEGEND_STYLE = (
    "font-family:sans-serif;font-size:.9em;line-height:2.2;margin:.3em 0 .8em;"
    f"padding:.3em .6em;border:1px solid #999999;color:{TEXT_COLOUR};"
    f"background-color:{PAGE_BACKGROUND}"
)
"""The box that says what each colour, line and letter means."""

LIST_STYLE = "list-style:none;margin:0;padding:0"
"""A list without bullets or indent (legend, reasons)."""

ITEM_STYLE = "margin:0"
TITLE_STYLE = "font-weight:bold;margin:0"
NOTE_STYLE = "margin:0;line-height:1.5"

REASONS_STYLE = (
    "font-family:sans-serif;font-size:.9em;line-height:1.5;margin:.8em 0 .3em;"
    f"padding:.4em .6em;border-top:1px solid #999999;color:{TEXT_COLOUR}"
)
"""The numbered list of reasons under the story."""

REASON_ITEM_STYLE = "margin:.35em 0"

WARNING_STYLE = (
    "font-family:sans-serif;max-width:46em;margin:.3em 0 .6em;padding:.4em .6em;"
    f"border:2px solid {MARK_STYLES['state_outlet'].line};background-color:#FFF4E5;"
    f"color:{TEXT_COLOUR}"
)
"""The "Check this page" box above a view whose story looks wrong."""


def mark_style(key: str, height: int = 1) -> str:
    """Inline style of one highlight of kind ``key`` holding ``height`` levels of highlights.

    Bottom padding grows with the nesting height, so an outer highlight's
    underline sits below the underlines of the highlights inside it.
    """
    style = MARK_STYLES[key]
    width = "4px" if style.line_style == "double" else "3px"
    pad = _PADDING_EM[min(max(height, 0), MAX_HEIGHT)]
    frame = f";outline:{style.frame}px solid {style.line}" if style.frame else ""
    return (
        f"color:{TEXT_COLOUR};background-color:{style.background};"
        f"border-bottom:{width} {style.line_style} {style.line};"
        f"padding:0 .1em {pad:g}em;border-radius:0{frame}"
    )


PAGE_CSS = ".ml-page .ml-block{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
"""Page view extras that need a selector (the look itself is inline, see above)."""

REVEAL_CSS = (
    ".ml-hl-root .ml-hl{-webkit-box-decoration-break:clone;box-decoration-break:clone;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    # A focused (or pointed-at) tag shows its reason in a box under it. The reason is
    # the visually hidden text inside the link; !important wins over its inline style.
    ".ml-hl-root .ml-ref:focus .ml-sr,.ml-hl-root .ml-ref:hover .ml-sr{"
    "position:absolute!important;left:0!important;top:1.7em!important;z-index:10!important;"
    "width:max-content!important;max-width:26em!important;height:auto!important;"
    "margin:0!important;padding:.35em .55em!important;clip:auto!important;"
    "clip-path:none!important;overflow:visible!important;white-space:normal!important;"
    f"background-color:{PAGE_BACKGROUND}!important;color:{TEXT_COLOUR}!important;"
    "border:1px solid #333333!important;box-shadow:0 2px 6px rgba(0,0,0,.3)!important;"
    "font:normal 14px/1.4 sans-serif!important;letter-spacing:normal!important;"
    "text-decoration:none!important;text-transform:none!important}"
    ".ml-hl-root .ml-ref:focus{outline:2px solid #000000;outline-offset:1px}"
    ".ml-hl-root .ml-why li:target{outline:2px solid #0072B2;outline-offset:2px}"
)
"""Highlight extras that need a selector: the reason shown on focus, print colours."""

HIGHLIGHT_CSS = PAGE_CSS + REVEAL_CSS
"""Everything the ``<style>`` block of a highlighted article holds."""


HANDOUT_CSS = (
    "body{font-family:Georgia,serif;color:#111;background:#fff;margin:1.5em auto;"
    "max-width:48em;padding:0 1em}"
    "h1{font-size:1.6em;margin:.2em 0}"
    "h2{font-size:1.25em;margin:1.2em 0 .4em;border-bottom:1px solid #999}"
    ".ml-meta{font-family:sans-serif;font-size:.9em;color:#333}"
    ".ml-meta dt{font-weight:bold;float:left;clear:left;margin-right:.4em}"
    ".ml-meta dd{margin:0 0 .2em 0}"
    ".ml-figure{margin:1em 0;page-break-inside:avoid;break-inside:avoid}"
    ".ml-figure img{max-width:100%;height:auto;border:1px solid #ccc}"
    ".ml-figure figcaption{font-family:sans-serif;font-size:.85em;color:#333}"
    ".ml-why li,.ml-questions li{margin:.3em 0}"
    ".ml-why .ml-why-kind{font-family:sans-serif;font-weight:bold}"
    ".ml-note{font-family:sans-serif;font-size:.85em;color:#333}"
    "@media print{body{margin:0;max-width:none}"
    "h2{page-break-after:avoid;break-after:avoid}"
    ".ml-questions{page-break-before:auto}}"
)
"""A print-friendly handout page: black text, white paper, figures kept whole."""


STANDALONE_PAGE = (
    "<!DOCTYPE html>\n"
    '<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
    "</body>\n</html>\n"
)
"""A complete HTML document; every value is escaped by the caller except ``body``.

The content sits in ``<main>``, so screen-reader users can jump to it (axe-core:
landmark-one-main, region)."""
