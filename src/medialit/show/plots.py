"""Charts for the lessons: page composition, hedges, sources and the source chain.

Every chart has two halves:

- a *data* function (``page_composition_data``, ``hedge_data``, ``source_data``,
  ``chain_diagram_data``) that returns a small DataFrame, so a learner (and a
  test) can read the numbers behind the picture;
- a *plot* function that draws exactly that table and returns the
  ``matplotlib.figure.Figure``.

matplotlib is imported only when a chart is drawn, so ``import medialit`` stays
fast. Figures are built with the object API (``Figure``), never pyplot's global
state, so nothing leaks from one notebook cell into the next; each figure also
has ``_repr_png_``, so a bare figure at the end of a cell shows as a picture
even when pyplot was never imported.

Readable on a projector: titles 16 pt, axis labels 14 pt, tick labels 13 pt,
notes 12 pt. Colours are Okabe-Ito, and each colour comes with a second cue
(hatching or a printed label), so the charts also work in black and white.
"""

from __future__ import annotations

import base64
import bisect
import html
import textwrap
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from .._util.lazy import pd
from ..text.article import Article, as_article
from ..vocab import HEDGE_CATEGORIES, SOURCE_KINDS, STORY_KINDS
from .templates import OKABE_ITO, STATE_LABEL

if TYPE_CHECKING:
    import pandas
    from matplotlib.figure import Figure

TITLE_SIZE = 16
LABEL_SIZE = 14
TICK_SIZE = 13
NOTE_SIZE = 12
"""Font sizes in points; 12 pt is the smallest text on any chart (projector-readable)."""

PAGE_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Story (headline and paragraphs)", ("headline", "story")),
    ("Photo captions", ("photo_caption",)),
    ("Gallery titles", ("gallery_title",)),
    ("Promotions and links", ("promo",)),
    ("Page buttons", ("page_chrome",)),
    ("Copyright line", ("copyright",)),
)
"""How the page-composition chart groups the block kinds of ``segmentation``."""

HEDGE_CATEGORY_NAMES: Mapping[str, str] = HEDGE_CATEGORIES.words
"""Learner names of the hedge categories (``hedges.HEDGE_CATEGORIES``), for the legend."""

SOURCE_KIND_NAMES: Mapping[str, str] = SOURCE_KINDS.words
"""Learner names of the source kinds of ``attribution.SOURCE_KINDS``, in chart order."""

ALWAYS_SOURCE_KINDS: tuple[str, ...] = (
    "named_person",
    "named_organization",
    "unnamed",
    "media_outlet",
    "document",
)
"""Source kinds the chart shows even when none is found (the labels of ``docs/architecture.md``)."""

# Okabe-Ito colours and hatches: the hatch is the second cue when colour is lost.
_STORY_COLOUR = OKABE_ITO["blue"]
_CLUTTER_STYLE = ("#999999", "//")
_SERIES_STYLES: tuple[tuple[str, str], ...] = (
    (OKABE_ITO["orange"], ""),
    (OKABE_ITO["sky_blue"], "//"),
    (OKABE_ITO["bluish_green"], ".."),
    (OKABE_ITO["reddish_purple"], "\\\\"),
    (OKABE_ITO["yellow"], "xx"),
    (OKABE_ITO["black"], "--"),
)
_STATE_STYLE = (OKABE_ITO["vermillion"], "xx")
_EDGE = "#222222"


# --------------------------------------------------------------------------- figures


@cache
def _chart_class() -> type:
    """A ``Figure`` that shows itself as a PNG in Jupyter without pyplot.

    IPython's inline backend registers a PNG printer for figures only once
    pyplot has been imported; ``_repr_png_`` makes a chart display either way
    (when the printer exists, IPython uses it instead, so nothing shows twice).
    """
    from matplotlib.figure import Figure

    class Chart(Figure):
        alt_text = "A chart."  # set by each plot_* function: the chart told in words

        def _repr_png_(self) -> bytes:
            return figure_png(self)

        def _repr_html_(self) -> str:
            # JupyterLab draws an image/png output as an <img> without alt text, which a
            # screen reader cannot read (axe-core: image-alt, critical); the same picture
            # as HTML carries the chart told in words, and JupyterLab prefers it.
            data = base64.b64encode(figure_png(self)).decode("ascii")
            alt = html.escape(self.alt_text, quote=True)
            return f'<img src="data:image/png;base64,{data}" alt="{alt}" style="max-width:100%">'

    return Chart


def new_figure(width: float, height: float) -> Figure:
    """An empty figure with its own Agg canvas (no pyplot, no GUI window)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = _chart_class()(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def figure_png(fig: Figure, *, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (for notebooks and for handouts)."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def _style_axes(ax: Any, *, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, fontsize=TITLE_SIZE, loc="left")
    ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.spines[["top", "right"]].set_visible(False)


def _findings(article: Article, findings: pandas.DataFrame | None) -> pandas.DataFrame:
    if findings is not None:
        return findings
    from ..findings import analyze

    return analyze(article)


# --------------------------------------------------------------------------- page composition


def page_composition_data(article: Article | str) -> pandas.DataFrame:
    """How much of the page each part takes: ``part, kinds, lines, characters, share``.

    ``characters`` counts the characters of each non-blank line (line breaks
    and blank lines not counted); ``share`` is that count over the whole page's.
    Every part is listed, even with 0, so the chart always has the same bars.
    """
    article = as_article(article, caller="page_composition_data")
    lines = {kind: 0 for kinds in PAGE_PARTS for kind in kinds[1]}
    chars = dict(lines)
    for block in article.block_records:
        lines[block.kind] = lines.get(block.kind, 0) + 1
        chars[block.kind] = chars.get(block.kind, 0) + (block.end - block.start)
    rows = [
        (name, ", ".join(kinds), sum(lines[k] for k in kinds), sum(chars[k] for k in kinds))
        for name, kinds in PAGE_PARTS
    ]
    table = pd.DataFrame(rows, columns=["part", "kinds", "lines", "characters"])
    total = int(table["characters"].sum())
    table["share"] = table["characters"] / total if total else 0.0
    return table.astype({"lines": "int64", "characters": "int64", "share": "float64"})


def plot_page_composition(article: Article | str) -> Figure:
    """Horizontal bars: characters of story vs galleries, captions and promotions."""
    article = as_article(article, caller="plot_page_composition")
    data = page_composition_data(article)
    fig = new_figure(10, 0.75 * len(data) + 2.2)
    ax = fig.add_subplot()
    y = list(range(len(data)))[::-1]  # first part on top
    story = [kinds.split(", ")[0] in STORY_KINDS for kinds in data["kinds"]]
    bars = ax.barh(
        y,
        data["characters"],
        color=[_STORY_COLOUR if s else _CLUTTER_STYLE[0] for s in story],
        hatch=None,
        edgecolor=_EDGE,
        height=0.65,
    )
    for bar, is_story in zip(bars, story, strict=True):
        bar.set_hatch("" if is_story else _CLUTTER_STYLE[1])
    ax.set_yticks(y, data["part"])
    peak = max(int(data["characters"].max()), 1)
    for yy, n, share in zip(y, data["characters"], data["share"], strict=True):
        ax.text(n + peak * 0.01, yy, f"{n:,} ({share:.0%})", va="center", fontsize=NOTE_SIZE)
    ax.set_xlim(0, peak * 1.25)
    _style_axes(
        ax,
        title="How much of the page is the story?",
        xlabel="Characters of text (line breaks not counted)",
        ylabel="",
    )
    fig.alt_text = describe_page_composition(data)
    return fig


# --------------------------------------------------------------------------- hedges


def _paragraphs(article: Article) -> list[tuple[int, str, int, int]]:
    """``(block index, label, start, end)`` of the headline and story paragraphs."""
    out = []
    number = 0
    for index, block in enumerate(article.block_records):
        if block.kind == "headline":
            out.append((index, "Headline", block.start, block.end))
        elif block.kind in STORY_KINDS:
            number += 1
            out.append((index, str(number), block.start, block.end))
    return out


def _ordered(found: Sequence[str], known: Sequence[str]) -> list[str]:
    return [k for k in known] + sorted({f for f in found if f not in known})


def hedge_data(
    article: Article | str, *, findings: pandas.DataFrame | None = None
) -> pandas.DataFrame:
    """Hedges per story paragraph and category: one row per headline/story paragraph.

    Columns: ``paragraph`` ("Headline", "1", "2", ...), ``block`` (row in
    ``article.blocks``), one count column per category (each of
    ``hedges.HEDGE_CATEGORIES`` always, in that order, then any other found) and
    ``total``. A hedge belongs to the paragraph it starts in. ``findings``
    defaults to ``analyze(article)``.
    """
    article = as_article(article, caller="hedge_data")
    table = _findings(article, findings)
    hedges = table[table["kind"] == "hedge"]
    paragraphs = _paragraphs(article)
    categories = _ordered(hedges["label"].astype(str).tolist(), HEDGE_CATEGORIES)
    counts = [dict.fromkeys(categories, 0) for _ in paragraphs]
    starts = [p[2] for p in paragraphs]
    for start, category in zip(hedges["start"], hedges["label"].astype(str), strict=True):
        i = bisect.bisect_right(starts, int(start)) - 1
        if i >= 0 and int(start) < paragraphs[i][3]:
            counts[i][category] += 1
    data = pd.DataFrame(
        [
            {"paragraph": label, "block": index, **row}
            for (index, label, _, _), row in zip(paragraphs, counts, strict=True)
        ],
        columns=["paragraph", "block", *categories],
    ).astype({c: "int64" for c in ["block", *categories]})
    data["total"] = data[categories].sum(axis=1).astype("int64")
    return data


def plot_hedges(article: Article | str, *, findings: pandas.DataFrame | None = None) -> Figure:
    """Stacked bars: hedges in each paragraph, by category, in story order.

    Read it from left to right: a story that hedges a claim at the start and
    stops hedging later ("hedge drift") shows tall bars early and empty ones later.
    """
    article = as_article(article, caller="plot_hedges")
    data = hedge_data(article, findings=findings)
    categories = [c for c in data.columns if c not in {"paragraph", "block", "total"}]
    fig = new_figure(max(8.0, 0.55 * len(data) + 3), 5.5)
    ax = fig.add_subplot()
    x = list(range(len(data)))
    bottom = [0] * len(data)
    for i, category in enumerate(categories):
        colour, hatch = _SERIES_STYLES[i % len(_SERIES_STYLES)]
        heights = data[category].tolist()
        ax.bar(
            x,
            heights,
            bottom=bottom,
            color=colour,
            hatch=hatch,
            edgecolor=_EDGE,
            label=HEDGE_CATEGORY_NAMES.get(category, category),
            width=0.7,
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    labels = ["H" if p == "Headline" else p for p in data["paragraph"]]
    ax.set_xticks(x, labels)
    ax.set_xlim(-0.6, len(data) - 0.4)
    peak = max(bottom, default=0)
    ax.set_ylim(0, max(peak, 1) * 1.15 + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(
        fontsize=NOTE_SIZE,
        title="Kind of hedge",
        title_fontsize=NOTE_SIZE,
        loc="upper right",
        frameon=False,
    )
    _style_axes(
        ax,
        title="Hedges in each paragraph, from first to last",
        xlabel="Story paragraph (H = headline, 1 = first paragraph)",
        ylabel="Number of hedges",
    )
    fig.alt_text = describe_hedges(data)
    return fig


# --------------------------------------------------------------------------- sources


def source_data(
    article: Article | str, *, findings: pandas.DataFrame | None = None
) -> pandas.DataFrame:
    """Sources by kind: ``kind, name, sources, state_affiliated, other``.

    One row per kind of source (each of ``ALWAYS_SOURCE_KINDS``, even with 0,
    then any other kind found, such as an unresolved ``pronoun``).
    ``state_affiliated`` counts the sources that are or name a state-affiliated
    outlet; ``other`` the rest.
    """
    article = as_article(article, caller="source_data")
    table = _findings(article, findings)
    sources = table[table["kind"] == "source"]
    kinds = _ordered(sources["label"].astype(str).tolist(), ALWAYS_SOURCE_KINDS)
    state = (
        sources["state_affiliated"].fillna(False).astype(bool)
        if "state_affiliated" in sources.columns
        else pd.Series(False, index=sources.index)
    )
    rows = []
    for kind in kinds:
        of_kind = sources["label"].astype(str) == kind
        n = int(of_kind.sum())
        n_state = int((of_kind & state).sum())
        rows.append((kind, SOURCE_KIND_NAMES.get(kind, kind), n, n_state, n - n_state))
    return pd.DataFrame(
        rows, columns=["kind", "name", "sources", "state_affiliated", "other"]
    ).astype({"sources": "int64", "state_affiliated": "int64", "other": "int64"})


def plot_sources(article: Article | str, *, findings: pandas.DataFrame | None = None) -> Figure:
    """Bars: how many sources of each kind; state-affiliated ones hatched and labelled."""
    article = as_article(article, caller="plot_sources")
    data = source_data(article, findings=findings)
    fig = new_figure(10, 0.7 * len(data) + 2.4)
    ax = fig.add_subplot()
    y = list(range(len(data)))[::-1]
    ax.barh(
        y,
        data["other"],
        color=OKABE_ITO["sky_blue"],
        edgecolor=_EDGE,
        height=0.65,
        label="Not state-affiliated",
    )
    ax.barh(
        y,
        data["state_affiliated"],
        left=data["other"],
        color=_STATE_STYLE[0],
        hatch=_STATE_STYLE[1],
        edgecolor=_EDGE,
        height=0.65,
        label=STATE_LABEL.capitalize(),
    )
    ax.set_yticks(y, data["name"])
    peak = max(int(data["sources"].max()), 1)
    for yy, n, n_state in zip(y, data["sources"], data["state_affiliated"], strict=True):
        note = f"{n}" + (f" ({n_state} {STATE_LABEL})" if n_state else "")
        ax.text(n + peak * 0.015, yy, note, va="center", fontsize=NOTE_SIZE)
    ax.set_xlim(0, peak * 1.45 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=NOTE_SIZE, loc="lower right", frameon=False)
    _style_axes(ax, title="Who are the sources?", xlabel="Number of sources", ylabel="")
    fig.alt_text = describe_sources(data)
    return fig


# --------------------------------------------------------------------------- source chain


def chain_diagram_data(chain: pandas.DataFrame) -> pandas.DataFrame:
    """The boxes of the chain diagram, left to right: ``step, who, role, state_affiliated, label``.

    ``chain`` is ``source_chain(article)``; ``label`` is the text printed in the
    box (who, wrapped and cut after three lines, then the role, then
    "STATE-AFFILIATED" when it is).
    """
    rows = []
    for step, who, role, state in zip(
        chain["step"], chain["who"], chain["role"], chain["state_affiliated"], strict=True
    ):
        affiliated = bool(state) if not pd.isna(state) else False
        # Long descriptions ("reports from Shiite militias fighting there, also known
        # as ...") are cut after three lines so every box stays readable.
        lines = textwrap.wrap(str(who), 16, max_lines=3, placeholder=" …") or ["?"]
        lines.append(f"({role})")
        if affiliated:
            lines.append(STATE_LABEL.upper())
        rows.append((int(step), str(who), str(role), affiliated, "\n".join(lines)))
    data = pd.DataFrame(rows, columns=["step", "who", "role", "state_affiliated", "label"])
    return (
        data.sort_values("step", kind="stable")
        .reset_index(drop=True)
        .astype({"step": "int64", "state_affiliated": "bool"})
    )


def plot_source_chain(article: Article | str, *, chain: pandas.DataFrame | None = None) -> Figure:
    """The source chain as boxes and arrows, from the first teller (left) to the reader (right).

    State-affiliated links are vermillion, hatched and labelled "STATE-AFFILIATED".
    ``chain`` defaults to ``source_chain(article)``.
    """
    article = as_article(article, caller="plot_source_chain")
    from matplotlib.patches import FancyBboxPatch

    if chain is None:
        from ..findings import source_chain

        chain = source_chain(article)
    data = chain_diagram_data(chain)
    n = len(data)
    box_w, gap = 2.4, 0.8
    fig = new_figure(max(6.0, n * (box_w + gap) + 0.4), 3.4)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title("Who passed the claim to whom?", fontsize=TITLE_SIZE, loc="left")
    if n == 0:
        ax.text(
            0.5,
            0.5,
            "The article names no source for its claim.",
            ha="center",
            va="center",
            fontsize=LABEL_SIZE,
            transform=ax.transAxes,
        )
        fig.alt_text = describe_source_chain(data)
        return fig
    lines = max(row.count("\n") + 1 for row in data["label"])
    box_h = 0.3 * lines + 0.4
    for i, row in enumerate(data.itertuples(index=False)):
        x0 = i * (box_w + gap)
        colour = _STATE_STYLE[0] if row.state_affiliated else "#DCEBF5"
        box = FancyBboxPatch(
            (x0, 0),
            box_w,
            box_h,
            boxstyle="round,pad=0.05,rounding_size=0.15",
            facecolor=colour,
            edgecolor=_EDGE,
            linewidth=2 if row.state_affiliated else 1.2,
            hatch="//" if row.state_affiliated else None,
        )
        ax.add_patch(box)
        ax.text(
            x0 + box_w / 2,
            box_h / 2,
            row.label,
            ha="center",
            va="center",
            fontsize=LABEL_SIZE,
            color="#111111",
            gid=f"chain-node-{row.step}",
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 2},
        )
        if i + 1 < n:
            ax.annotate(
                "",
                xy=(x0 + box_w + gap - 0.05, box_h / 2),
                xytext=(x0 + box_w + 0.05, box_h / 2),
                arrowprops={"arrowstyle": "-|>", "lw": 2.5, "color": _EDGE, "mutation_scale": 22},
            )
    ax.text(
        0,
        -0.35,
        "The claim travels left to right: from where it started to the page you read.",
        fontsize=NOTE_SIZE,
        va="top",
        color="#333333",
    )
    ax.set_xlim(-0.2, n * (box_w + gap) - gap + 0.2)
    ax.set_ylim(-0.9, box_h + 0.25)
    ax.set_aspect("auto")
    fig.alt_text = describe_source_chain(data)
    return fig


# --------------------------------------------------------------------------- words for the charts
# A picture is lost on a screen reader and on a black-and-white copy: each chart
# can also be told in one or two sentences (used as alt text in handouts).


def describe_page_composition(data: pandas.DataFrame) -> str:
    """The page-composition chart in words."""
    parts = "; ".join(
        f"{row.part}: {row.characters:,} characters ({row.share:.0%})"
        for row in data.itertuples(index=False)
        if row.characters
    )
    return f"Bar chart of how much of the page each part takes. {parts}."


def describe_hedges(data: pandas.DataFrame) -> str:
    """The hedge chart in words: only the paragraphs that have hedges are listed."""
    categories = [c for c in data.columns if c not in {"paragraph", "block", "total"}]
    total = int(data["total"].sum())
    if not total:
        return "Bar chart of hedges per paragraph: the story has no hedges."
    parts = []
    for row in data.itertuples(index=False):
        row_d = row._asdict()
        if not row_d["total"]:
            continue
        label = row_d["paragraph"]
        where = "headline" if label == "Headline" else f"paragraph {label}"
        kinds = ", ".join(f"{row_d[c]} {c.replace('_', ' ')}" for c in categories if row_d[c])
        parts.append(f"{where}: {row_d['total']} ({kinds})")
    return (
        f"Stacked bar chart of hedges per paragraph, {total} in all. "
        f"Paragraphs with hedges: {'; '.join(parts)}. The other paragraphs have none."
    )


def describe_sources(data: pandas.DataFrame) -> str:
    """The source chart in words."""
    parts = [
        f"{row.name}: {row.sources}"
        + (f" ({row.state_affiliated} {STATE_LABEL})" if row.state_affiliated else "")
        for row in data.itertuples(index=False)
    ]
    return f"Bar chart of the story's sources by kind. {'; '.join(parts)}."


def describe_source_chain(data: pandas.DataFrame) -> str:
    """The chain diagram in words, left to right."""
    if data.empty:
        return "Diagram of the source chain: the article names no source for its claim."
    steps = " → ".join(
        f"{row.who} ({row.role}{', ' + STATE_LABEL if row.state_affiliated else ''})"
        for row in data.itertuples(index=False)
    )
    return f"Diagram of who passed the claim to whom, from first to last: {steps}."
