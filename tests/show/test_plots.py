"""Charts: the data behind each chart, the bars drawn from it, and projector-readable text.

Pixels are not compared; the tests read the bar heights from the Axes and the
node order of the chain diagram from its text artists, and check them against
counts made independently of ``plots``.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import medialit as ml
from medialit.findings import COLUMNS as FINDINGS_COLUMNS
from medialit.show import plots

matplotlib = pytest.importorskip("matplotlib")
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

TEXT = (
    "Fighters calling in sick?\n\n"
    "Reports have surfaced that fighters may be calling in sick, the militia members say.\n\n"
    "The news was reportedly first reported by Iranian news service Fars, officials say.\n\n"
    "The fighters filed sick notices, Col. John Thomas says.\n"
)


@pytest.fixture(scope="module")
def small() -> ml.Article:
    return ml.Article.from_text(TEXT)


def findings_for(article: ml.Article, rows: list[tuple]) -> pd.DataFrame:
    records = []
    for kind, words, label, state in rows:
        s = article.text.index(words)
        records.append(
            {
                "kind": kind,
                "start": s,
                "end": s + len(words),
                "text": words,
                "label": label,
                "state_affiliated": state,
                "explanation": "why",
                "group": pd.NA,
            }
        )
    out = pd.DataFrame(
        records,
        columns=list(FINDINGS_COLUMNS),
    )
    return out.astype({"state_affiliated": "boolean", "group": "Int64"})


ROWS = [
    ("hedge", "Reports have surfaced", "vague_source", None),
    ("hedge", "may", "epistemic", None),
    ("hedge", "reportedly", "reportive", None),
    ("hedge", "officials say", "vague_source", None),
    ("source", "the militia members", "unnamed", None),
    ("source", "Iranian news service Fars", "media_outlet", True),
    ("outlet", "Fars", "SC", True),
    ("source", "officials", "unnamed", None),
    ("source", "Col. John Thomas", "named_person", None),
]


def visible_texts(fig: Figure) -> list[Text]:
    """Text a reader sees (tick labels of an Axes drawn without axes are not drawn)."""
    fig.canvas.draw()
    hidden = {
        id(t)
        for ax in fig.axes
        if not ax.axison
        for axis in (ax.xaxis, ax.yaxis)
        for t in [
            *axis.get_ticklabels(),
            *axis.get_ticklabels(minor=True),
            axis.label,
            axis.get_offset_text(),
        ]
    }
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


def assert_readable(fig: Figure) -> None:
    texts = visible_texts(fig)
    assert texts
    small_ones = [(t.get_text(), t.get_fontsize()) for t in texts if t.get_fontsize() < 12]
    assert small_ones == []


def test_import_medialit_does_not_import_matplotlib():
    code = (
        "import sys, medialit, medialit.show.plots, medialit.show.render, "
        "medialit.show.handout, medialit.cli; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- page composition


def test_page_composition_matches_an_independent_count(seed):
    data = plots.page_composition_data(seed)
    # Independent count: characters of each non-blank line, grouped by block kind.
    blocks = seed.blocks
    by_kind = blocks.assign(n=blocks["text"].str.len()).groupby("kind")["n"].sum()
    lines = blocks.groupby("kind").size()
    for row in data.itertuples(index=False):
        kinds = row.kinds.split(", ")
        assert row.characters == sum(int(by_kind.get(k, 0)) for k in kinds)
        assert row.lines == sum(int(lines.get(k, 0)) for k in kinds)
    assert data["characters"].sum() == sum(
        len(line.strip()) for line in seed.text.splitlines() if line.strip()
    )
    assert data["share"].sum() == pytest.approx(1.0)
    story = data.set_index("part").loc["Story (headline and paragraphs)"]
    assert story.characters == sum(
        len(b.text) for b in seed.block_records if b.kind in {"headline", "story"}
    )
    assert story.share < 0.5  # the seed page is mostly galleries: the lesson's point


def test_page_composition_bars_are_the_data(seed):
    data = plots.page_composition_data(seed)
    fig = plots.plot_page_composition(seed)
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == data["characters"].tolist()
    assert [t.get_text() for t in ax.get_yticklabels()] == data["part"].tolist()
    assert "Characters" in ax.get_xlabel()
    assert ax.get_title(loc="left") == "How much of the page is the story?"
    # Clutter is hatched, the story is not: the cue that survives black-and-white print.
    hatches = [p.get_hatch() for p in ax.patches]
    assert not hatches[0] and all(hatches[1:])
    assert_readable(fig)


# --------------------------------------------------------------------------- hedges


def test_hedge_data_counts_per_paragraph(small):
    findings = findings_for(small, ROWS)
    data = plots.hedge_data(small, findings=findings)
    assert data["paragraph"].tolist() == ["Headline", "1", "2", "3"]
    # Independent count: which paragraph's text contains each hedge's start.
    paragraphs = [b for b in small.block_records if b.kind in {"headline", "story"}]
    expected = {c: [0] * len(paragraphs) for c in plots.HEDGE_CATEGORY_NAMES}
    for row in findings[findings.kind == "hedge"].itertuples():
        i = next(i for i, b in enumerate(paragraphs) if b.start <= row.start < b.end)
        expected[row.label][i] += 1
    for category, counts in expected.items():
        assert data[category].tolist() == counts
    assert data["total"].tolist() == [0, 2, 2, 0]


def test_hedge_bars_are_stacked_by_category(small):
    findings = findings_for(small, ROWS)
    data = plots.hedge_data(small, findings=findings)
    fig = plots.plot_hedges(small, findings=findings)
    ax = fig.axes[0]
    categories = [c for c in data.columns if c not in {"paragraph", "block", "total"}]
    assert len(ax.containers) == len(categories)
    tops = [0.0] * len(data)
    for container, category in zip(ax.containers, categories, strict=True):
        heights = [bar.get_height() for bar in container]
        assert heights == data[category].tolist()
        assert [bar.get_y() for bar in container] == tops
        tops = [t + h for t, h in zip(tops, heights, strict=True)]
    assert tops == data["total"].tolist()
    assert len({c.patches[0].get_hatch() for c in ax.containers}) == len(categories)
    assert ax.get_xlabel() and ax.get_ylabel() == "Number of hedges"
    assert_readable(fig)


def test_every_hedge_category_has_a_learner_name():
    from medialit.detect.hedges import HEDGE_CATEGORIES
    from medialit.vocab import HEDGE_CATEGORIES as KEY_CATEGORIES

    assert set(plots.HEDGE_CATEGORY_NAMES) == set(HEDGE_CATEGORIES) == set(KEY_CATEGORIES)


def test_hedge_data_with_no_hedges_has_all_columns(small):
    data = plots.hedge_data(small, findings=findings_for(small, []))
    from medialit.detect.hedges import HEDGE_CATEGORIES

    assert list(data.columns) == ["paragraph", "block", *HEDGE_CATEGORIES, "total"]
    assert data["total"].sum() == 0


# --------------------------------------------------------------------------- sources


def test_source_data_counts_kinds_and_state_affiliation(small):
    findings = findings_for(small, ROWS)
    data = plots.source_data(small, findings=findings).set_index("kind")
    sources = findings[findings.kind == "source"]
    for kind, n in sources["label"].value_counts().items():
        assert data.loc[kind, "sources"] == n
    assert data.loc["named_organization", "sources"] == 0
    assert data.loc["media_outlet", "state_affiliated"] == 1
    assert data["state_affiliated"].sum() == int(sources["state_affiliated"].fillna(False).sum())
    assert (data["other"] + data["state_affiliated"] == data["sources"]).all()


def test_source_bars_mark_state_affiliation(small):
    findings = findings_for(small, ROWS)
    data = plots.source_data(small, findings=findings)
    fig = plots.plot_sources(small, findings=findings)
    ax = fig.axes[0]
    other, state = ax.containers
    assert [b.get_width() for b in other] == data["other"].tolist()
    assert [b.get_width() for b in state] == data["state_affiliated"].tolist()
    assert all(b.get_hatch() for b in state)
    labels = [t.get_text() for t in ax.texts]
    assert any("state-affiliated" in label for label in labels)
    assert "State-affiliated" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert_readable(fig)


# --------------------------------------------------------------------------- chain


CHAIN = pd.DataFrame(
    {
        "step": [0, 1, 2, 3],
        "who": ["the militia members", "Fars", "U.S. News & World Report", "AOL"],
        "role": ["original source", "first reported it", "wrote this story", "republished it"],
        "evidence": ["", "", "", ""],
        "state_affiliated": pd.array([pd.NA, True, False, pd.NA], dtype="boolean"),
        "country": [None, "Iran", None, None],
        "explanation": ["", "", "", ""],
    }
)


def node_texts(fig: Figure) -> list[Text]:
    ax = fig.axes[0]
    nodes = [t for t in ax.texts if (t.get_gid() or "").startswith("chain-node-")]
    return sorted(nodes, key=lambda t: t.get_position()[0])


def test_chain_diagram_runs_left_to_right_in_step_order(seed):
    shuffled = CHAIN.sample(frac=1, random_state=3)
    fig = plots.plot_source_chain(seed, chain=shuffled)
    nodes = node_texts(fig)
    firsts = [t.get_text().split("\n(")[0].replace("\n", " ") for t in nodes]
    assert firsts == CHAIN["who"].tolist()
    arrows = [c for c in fig.axes[0].texts if getattr(c, "arrow_patch", None) is not None]
    assert len(arrows) == len(CHAIN) - 1
    assert_readable(fig)


def test_chain_marks_state_affiliated_links_by_colour_and_words(seed):
    fig = plots.plot_source_chain(seed, chain=CHAIN)
    nodes = node_texts(fig)
    assert ["STATE-AFFILIATED" in t.get_text() for t in nodes] == [False, True, False, False]
    boxes = sorted(fig.axes[0].patches, key=lambda p: p.get_x())
    colours = [matplotlib.colors.to_hex(p.get_facecolor()).upper() for p in boxes]
    assert colours[1] == plots.OKABE_ITO["vermillion"]
    assert len(set(colours)) == 2
    assert boxes[1].get_hatch()


def test_chain_data_and_words(seed):
    data = plots.chain_diagram_data(CHAIN)
    assert data["state_affiliated"].tolist() == [False, True, False, False]
    words = plots.describe_source_chain(data)
    assert words.index("the militia members") < words.index("Fars") < words.index("AOL")
    assert "state-affiliated" in words


def test_empty_chain_says_so(seed):
    fig = plots.plot_source_chain(seed, chain=CHAIN.iloc[0:0])
    assert "names no source" in " ".join(t.get_text() for t in visible_texts(fig))


# --------------------------------------------------------------------------- display


def test_figures_show_in_a_notebook_without_pyplot(seed):
    from IPython.core.formatters import PNGFormatter

    fig = plots.plot_page_composition(seed)
    assert isinstance(fig, Figure)
    assert fig._repr_png_().startswith(b"\x89PNG")
    assert PNGFormatter()(fig).startswith(b"\x89PNG")


def test_descriptions_carry_the_numbers(small):
    findings = findings_for(small, ROWS)
    text = plots.describe_hedges(plots.hedge_data(small, findings=findings))
    assert "4 in all" in text and "paragraph 1: 2" in text
    text = plots.describe_sources(plots.source_data(small, findings=findings))
    assert "Unnamed: 2" in text and "1 state-affiliated" in text


# --------------------------------------------------------------------------- with analyze()


def test_charts_on_the_seed_agree_with_analyze(seed):
    from medialit.findings import analyze

    findings = analyze(seed)
    hedges = plots.hedge_data(seed)
    assert hedges["total"].sum() == (findings["kind"] == "hedge").sum()
    sources = plots.source_data(seed)
    assert sources["sources"].sum() == (findings["kind"] == "source").sum()
    for fig in (plots.plot_hedges(seed), plots.plot_sources(seed), plots.plot_source_chain(seed)):
        assert_readable(fig)


def test_charts_show_in_notebooks_as_pictures_with_their_words(seed):
    # JupyterLab gives an image/png output no alt text; the HTML form carries it.
    fig = plots.plot_hedges(seed)
    shown = fig._repr_html_()
    assert shown.startswith('<img src="data:image/png;base64,')
    words = plots.describe_hedges(plots.hedge_data(seed))
    assert f'alt="{words}"' in shown.replace("&#x27;", "'")
