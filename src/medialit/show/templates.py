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
- Every selector is scoped under ``.ml-page`` or ``.ml-hl-root``, so the styles
  never leak into the rest of a notebook. No JavaScript anywhere.
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


PAGE_CSS = (
    ".ml-page{font-family:Georgia,serif;line-height:1.5;max-width:46em;color:#111}"
    ".ml-page .ml-block{margin:.3em 0;padding:.15em .5em;border-left:4px solid transparent}"
    ".ml-page .ml-story{border-left-color:#0072B2;color:#111}"
    ".ml-page .ml-headline{border-left-color:#0072B2;font-size:1.3em;font-weight:bold;"
    "color:#111}"
    f".ml-page .ml-clutter{{color:{CLUTTER_TEXT};background:{CLUTTER_BACKGROUND};"
    "font-size:.9em}"
    f".ml-page .ml-label{{font-family:sans-serif;font-size:.75em;font-weight:bold;"
    f"color:{LABEL_TEXT};margin-right:.5em;text-transform:uppercase}}"
)
"""The page view: story blocks with a blue bar, clutter dimmed, grey and labelled."""


def _mark_css(key: str, style: MarkStyle) -> str:
    width = "4px" if style.line_style == "double" else "3px"
    frame = f"outline:{style.frame}px solid {style.line};" if style.frame else ""
    return (
        f".ml-hl-root .ml-k-{key}{{background:{style.background};"
        f"border-bottom:{width} {style.line_style} {style.line};{frame}}}"
    )


HIGHLIGHT_CSS = (
    ".ml-hl-root{line-height:2.3}"
    ".ml-hl-root .ml-block{margin:.5em 0}"
    f".ml-hl-root .ml-hl{{color:{TEXT_COLOUR};padding:0 .1em;border-radius:0;"
    "-webkit-box-decoration-break:clone;box-decoration-break:clone;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    + "".join(
        f".ml-hl-root .ml-h{height}{{padding-bottom:{pad}em}}"
        for height, pad in enumerate(_PADDING_EM)
        if height
    )
    + "".join(_mark_css(key, style) for key, style in MARK_STYLES.items())
    + f".ml-hl-root .ml-tag{{font:bold .62em/1 sans-serif;vertical-align:super;"
    f"margin-left:.15em;color:{TEXT_COLOUR};letter-spacing:.02em}}"
    # Visually hidden but read aloud by screen readers (the usual "clip" pattern).
    ".ml-hl-root .ml-sr{position:absolute!important;width:1px;height:1px;padding:0;"
    "margin:-1px;overflow:hidden;clip:rect(0,0,0,0);clip-path:inset(50%);"
    "white-space:nowrap;border:0}"
    ".ml-hl-root .ml-legend{font-family:sans-serif;font-size:.9em;line-height:2.2;"
    f"margin:.3em 0 .8em;padding:.3em .6em;border:1px solid #999;color:{TEXT_COLOUR};"
    f"background:{PAGE_BACKGROUND}}}"
    ".ml-hl-root .ml-legend ul{list-style:none;margin:0;padding:0}"
    ".ml-hl-root .ml-legend li{margin:0}"
    ".ml-hl-root .ml-legend .ml-legend-title{font-weight:bold;margin:0}"
)
"""Highlight styles: one class per kind (``ml-k-hedge`` ...), nesting heights, tags, legend."""


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
    "<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
)
"""A complete HTML document; every value is escaped by the caller except ``body``."""
