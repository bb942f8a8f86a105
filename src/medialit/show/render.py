"""Show an article in a notebook: HTML in JupyterLab, plain text in a terminal.

Two views:

- :func:`page_view`: the whole page with the story marked and the clutter dimmed.
- :func:`highlight`: the story (or page) with every finding of ``analyze()``
  highlighted, each with a legend entry, a numbered tag ("H3"), a tooltip, and a
  reason a learner can reach by keyboard and touch: the tag is a link that shows
  the reason when it has focus and leads to the same number in the list of
  reasons under the story, which links back (:mod:`medialit.show.explain` draws
  those). :func:`render_findings` does the
  same from a findings table you already have (the renderer never re-runs analysis).

Article text is data, never markup: every piece of it is escaped before it
reaches HTML, between highlights and inside attributes alike, so a page that
contains ``<script>`` shows the word and runs nothing. The HTML needs no
JavaScript. Its look is written in inline styles that JupyterLab's sanitizer keeps
(see :mod:`medialit.templates`), so a notebook opened untrusted, before anything
runs, already shows the colours, lines, labels and the blue story bar; a small
``<style>`` block scoped by a class adds only what needs a selector (the reason
shown on focus).

How the HTML is laid out (tests rely on it):

- one ``<p class="ml-block ...">`` per block (line) of the article; the text
  inside it, skipping every element with the class ``ml-aux`` (the legend,
  letter tags, labels and screen-reader explanations), is exactly that block's
  text; story blocks joined by a blank line give ``article.story_text``;
- one ``<mark class="ml-hl ml-k-KIND">`` per finding; a finding that crosses
  another without nesting is split into pieces that share ``data-finding``, and
  only the first piece carries the ``title`` (the tooltip) while only the last
  carries the tag, whose link holds the screen-reader explanation, so each
  finding's explanation appears exactly once in the story;
- with ``reasons`` (the default), an ``<ol class="ml-why ml-aux">`` after the
  story has one item per finding, ``id`` ``VIEW-rN``, whose first link leads back
  to the tag link ``VIEW-mN`` (``VIEW`` is unique to each view, so two views in
  one notebook never share an ``id``).
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from .._util.lazy import pd
from ..errors import RenderError
from ..text.article import Article, as_article
from ..text.segmentation import Block
from ..vocab import BLOCK_KINDS, FINDING_KINDS, STORY_KINDS
from . import explain, templates
from .templates import MARK_STYLES, STATE_LABEL

if TYPE_CHECKING:
    import pandas

KIND_LABELS: dict[str, str] = {kind: BLOCK_KINDS.label(kind) for kind in BLOCK_KINDS}
"""How each block kind is named for a learner."""

REQUIRED_COLUMNS: tuple[str, ...] = ("kind", "start", "end", "text", "explanation")
"""Columns a findings table must have; ``label`` and ``state_affiliated`` are optional."""

AUX_CLASS = explain.AUX_CLASS
"""Class of every element that is not article text (legend, tags, labels, hidden notes)."""


@dataclass(frozen=True)
class Rendered:
    """Something a notebook shows as HTML and a terminal shows as text.

    ``html`` is a fragment (its own ``<style>`` included) for a notebook cell;
    :meth:`to_html_page` wraps it into a complete page to save or print.
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def to_html_page(self, *, title: str = "medialit", lang: str = "en", css: str = "") -> str:
        """A complete, standalone HTML document holding this view (CSS inline, no scripts)."""
        return templates.STANDALONE_PAGE.format(
            lang=html.escape(lang, quote=True),
            title=html.escape(title),
            css=css,
            body=self.html,
        )


# --------------------------------------------------------------------------- page view


def _label_html(label: str) -> str:
    """The label in capitals before a line of clutter; its colon and margin keep it apart."""
    return (
        f'<span class="ml-label {AUX_CLASS}" style="{templates.LABEL_STYLE}">'
        f"{html.escape(label)}: </span>"
    )


def page_view(article: Article | str, *, max_caption_lines: int | None = 3) -> Rendered:
    """The whole page with the story marked and the clutter dimmed and labelled.

    ``max_caption_lines`` keeps long photo galleries short: after that many
    captions in a row, the rest are counted instead of shown (``None`` shows all).
    """
    article = as_article(article, caller="page_view")
    parts: list[str] = [
        f"<style>{templates.PAGE_CSS}</style>",
        f'<div class="ml-page" style="{templates.PAGE_STYLE}">',
    ]
    lines: list[str] = []
    run = 0
    hidden = 0
    clutter_style = templates.BLOCK_STYLES["clutter"]

    def flush_hidden() -> None:
        nonlocal hidden
        if hidden:
            note = f"… {hidden} more photo captions"
            parts.append(
                f'<div class="ml-block ml-clutter" style="{clutter_style}"><em>{note}</em></div>'
            )
            lines.append(f"    [{note}]")
            hidden = 0

    for block in article.block_records:
        run = run + 1 if block.kind == "photo_caption" else 0
        if max_caption_lines is not None and run > max_caption_lines:
            hidden += 1
            continue
        flush_hidden()
        label = KIND_LABELS[block.kind]
        text = html.escape(block.text)
        rule = html.escape(block.rule, quote=True)
        if block.kind in STORY_KINDS:
            css = "ml-headline" if block.kind == "headline" else "ml-story"
            style = templates.BLOCK_STYLES[block.kind]
            parts.append(f'<div class="ml-block {css}" style="{style}" title="{rule}">{text}</div>')
            lines.append(block.text)
        else:
            parts.append(
                f'<div class="ml-block ml-clutter" style="{clutter_style}" title="{rule}">'
                f"{_label_html(label)}{text}</div>"
            )
            lines.append(f"    [{label.upper()}] {block.text}")
    flush_hidden()
    parts.append("</div>")
    return Rendered("".join(parts), "\n".join(lines))


# --------------------------------------------------------------------------- findings


class Mark(NamedTuple):
    """One finding, ready to draw: its number, style and words."""

    number: int  # 1, 2, ... in document order; shared by all pieces of one finding
    kind: str
    style: str  # key into templates.MARK_STYLES
    start: int
    end: int
    text: str
    label: str
    state_affiliated: bool
    explanation: str


@dataclass
class _Node:
    """A piece of a finding in the nesting tree of one block (``mark`` None: the block)."""

    mark: Mark | None
    first: bool = False
    last: bool = False
    children: list[_Node | str] = field(default_factory=list)

    def height(self) -> int:
        """1 + the deepest chain of highlights inside (0 for the block itself)."""
        inner = max((c.height() for c in self.children if isinstance(c, _Node)), default=0)
        return inner + (self.mark is not None)


def normalise_kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    """Turn ``kinds`` into known finding kinds; ``None`` means all of them.

    Plurals are accepted ("hedges" is "hedge"), because that is how people say it.
    """
    if kinds is None:
        return FINDING_KINDS
    if isinstance(kinds, str):
        kinds = [kinds]
    chosen: list[str] = []
    for raw in kinds:
        kind = str(raw).strip().lower()
        if kind not in FINDING_KINDS and kind.removesuffix("s") in FINDING_KINDS:
            kind = kind.removesuffix("s")
        if kind not in FINDING_KINDS:
            raise RenderError(
                f"{raw!r} is not a kind of highlight. Choose from: {', '.join(FINDING_KINDS)}."
            )
        if kind not in chosen:
            chosen.append(kind)
    return tuple(k for k in FINDING_KINDS if k in chosen)


def _is_true(value: object, isna: Callable[[object], bool]) -> bool:
    """True only for a real True (``<NA>`` and missing values count as unknown, not True)."""
    return value is not None and not isna(value) and bool(value)


def marks_from_findings(
    article: Article | str, findings: pandas.DataFrame, *, kinds: Sequence[str] = FINDING_KINDS
) -> list[Mark]:
    """Check a findings table against the article and turn the rows of ``kinds`` into marks.

    A row repeating the kind and span of an earlier row is the same highlight
    and is drawn once (with the first row's explanation).
    Raises ``ValueError`` naming the row when a span does not match the article
    text (a table made from another article) or a kind is unknown.
    """
    article = as_article(article, caller="marks_from_findings")
    missing = [c for c in REQUIRED_COLUMNS if c not in findings.columns]
    if missing:
        raise RenderError(
            f"The findings table has no {', '.join(missing)} column(s); "
            "make it with medialit's analyze(article)."
        )
    text = article.text
    n = len(text)
    labels = findings["label"] if "label" in findings.columns else [""] * len(findings)
    states = (
        findings["state_affiliated"]
        if "state_affiliated" in findings.columns
        else [None] * len(findings)
    )
    isna = pd.isna  # looked up once: the lazy module costs an import check per use
    order = {k: i for i, k in enumerate(FINDING_KINDS)}
    rows: list[tuple[tuple[int, int, int, int], Mark]] = []
    seen: set[tuple[str, int, int]] = set()
    for i, (kind, start, end, words, expl, label, state) in enumerate(
        zip(
            findings["kind"],
            findings["start"],
            findings["end"],
            findings["text"],
            findings["explanation"].astype(str),
            labels,
            states,
            strict=True,
        )
    ):
        if kind not in order:
            raise RenderError(
                f"Row {i} of the findings table has kind {kind!r}; "
                f"highlight() knows {', '.join(FINDING_KINDS)}."
            )
        start, end = int(start), int(end)
        if not 0 <= start < end <= n or text[start:end] != words:
            raise RenderError(
                f"Row {i} of the findings table ({kind} {words!r} at {start}-{end}) does not "
                "match the article text there. Was the table made from another article?"
            )
        # The same kind over the same words twice is one highlight to a reader; the
        # first row's explanation is kept.
        if kind not in kinds or (kind, start, end) in seen:
            continue
        seen.add((kind, start, end))
        affiliated = _is_true(state, isna)
        style = "state_outlet" if kind == "outlet" and affiliated else kind
        label_text = "" if label is None or isna(label) else str(label)
        key = (start, -end, order[kind], i)  # outermost first, then the legend's order
        rows.append((key, Mark(0, kind, style, start, end, words, label_text, affiliated, expl)))
    rows.sort(key=lambda row: row[0])
    return [mark._replace(number=n) for n, (_, mark) in enumerate(rows, start=1)]


def _nest(
    text: str,
    block_start: int,
    block_end: int,
    marks: Sequence[Mark],
    last_end: dict[int, int],
    seen: set[int],
) -> _Node:
    """Build the nesting tree of one block from all span starts and ends.

    Between two neighbouring boundaries the same findings are open; they are
    opened outermost first (earlier start, then longer span). When the next
    stretch keeps only some of them, the elements after the first one that
    ends are closed and the survivors reopened as new pieces: that is how two
    findings that cross each other still give well-nested HTML.
    """
    clipped = [
        (max(m.start, block_start), min(m.end, block_end), m)
        for m in marks
        if m.start < block_end and m.end > block_start
    ]
    bounds = sorted(
        {block_start, block_end, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)}
    )
    # A sweep over the boundaries: marks open at their start and close at their end,
    # kept by index (= nesting order). Testing every mark at every boundary took time
    # growing with the square of a long paragraph.
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(clipped):
        if s < e:
            opens.setdefault(s, []).append(i)
            closes.setdefault(e, []).append(i)
    open_now: list[int] = []
    root = _Node(None)
    stack: list[_Node] = [root]
    for a, b in pairwise(bounds):
        for i in closes.get(a, ()):
            open_now.remove(i)
        for i in opens.get(a, ()):
            bisect.insort(open_now, i)
        active = [clipped[i][2] for i in open_now]  # in nesting order
        keep = 0
        while keep < len(active) and keep + 1 < len(stack) and stack[keep + 1].mark is active[keep]:
            keep += 1
        while len(stack) > keep + 1:
            _close(stack.pop(), a, last_end)
        for m in active[keep:]:
            node = _Node(m, first=m.number not in seen)
            seen.add(m.number)
            stack[-1].children.append(node)
            stack.append(node)
        stack[-1].children.append(text[a:b])
    while len(stack) > 1:
        _close(stack.pop(), block_end, last_end)
    return root


def _close(node: _Node, at: int, last_end: dict[int, int]) -> None:
    assert node.mark is not None
    node.last = at >= last_end[node.mark.number]


def _node_html(node: _Node, drawing: explain.Drawing) -> str:
    inner = "".join(
        _node_html(c, drawing) if isinstance(c, _Node) else html.escape(c) for c in node.children
    )
    mark = node.mark
    if mark is None:
        return inner
    height = min(node.height(), templates.MAX_HEIGHT)
    classes = f"ml-hl ml-k-{mark.style} ml-h{height}" + ("" if node.first else " ml-cont")
    attrs = [
        f'class="{classes}"',
        f'style="{templates.mark_style(mark.style, height)}"',
        f'data-finding="f{mark.number}"',
        f'data-kind="{html.escape(mark.kind, quote=True)}"',
    ]
    if mark.label:
        attrs.append(f'data-label="{html.escape(mark.label, quote=True)}"')
    if node.first:
        attrs.append(f'title="{html.escape(explain.explanation_words(mark), quote=True)}"')
    tail = explain.tag_html(mark, drawing) if node.last else ""
    return f"<mark {' '.join(attrs)}>{inner}{tail}</mark>"


def _node_text(node: _Node) -> str:
    inner = "".join(_node_text(c) if isinstance(c, _Node) else c for c in node.children)
    mark = node.mark
    if mark is None:
        return inner
    # Only outlets carry the label in the text view; a source that names one holds it.
    state = f" ({STATE_LABEL})" if mark.style == "state_outlet" and node.last else ""
    return f"[{MARK_STYLES[mark.style].marker} {inner}{state}]"


def _blocks_of(article: Article, scope: str) -> list[Block]:
    article.spans(scope)  # raises a clear error for an unknown scope
    if scope == "story":
        return [b for b in article.block_records if b.kind in STORY_KINDS]
    return list(article.block_records)


def _by_block(
    marks: Sequence[Mark], blocks: Sequence[Block]
) -> tuple[list[list[Mark]], dict[int, int]]:
    """The marks touching each block (in nesting order), and where each one's last piece ends.

    Findings outside every block have no text to mark and are in neither.
    """
    starts = [b.start for b in blocks]
    per_block: list[list[Mark]] = [[] for _ in blocks]
    last_end: dict[int, int] = {}
    for m in marks:
        i = max(bisect.bisect_right(starts, m.start) - 1, 0)
        while i < len(blocks) and blocks[i].start < m.end:
            if m.start < blocks[i].end:
                per_block[i].append(m)
                last_end[m.number] = min(m.end, blocks[i].end)
            i += 1
    return per_block, last_end


def marks_in_scope(
    article: Article | str,
    findings: pandas.DataFrame,
    *,
    kinds: str | Iterable[str] | None = None,
    scope: str = "story",
) -> list[Mark]:
    """The marks :func:`render_findings` draws for these options, numbered as drawn."""
    article = as_article(article, caller="marks_in_scope")
    marks = marks_from_findings(article, findings, kinds=normalise_kinds(kinds))
    _, last_end = _by_block(marks, _blocks_of(article, scope))
    return [m for m in marks if m.number in last_end]


def _block_html(block: Block, inner_html: str) -> str:
    """One line of the article as a ``<p class="ml-block ...">``, styled inline."""
    styles = templates.BLOCK_STYLES
    rule = html.escape(block.rule, quote=True)
    if block.kind == "headline":
        return (
            f'<p class="ml-block ml-headline" style="{styles["headline"]}" role="heading" '
            f'aria-level="2" title="{rule}">{inner_html}</p>'
        )
    if block.kind in STORY_KINDS:
        return f'<p class="ml-block ml-story" style="{styles["story"]}">{inner_html}</p>'
    label = KIND_LABELS[block.kind]
    return (
        f'<p class="ml-block ml-clutter" style="{styles["clutter"]}" title="{rule}">'
        f"{_label_html(label)}{inner_html}</p>"
    )


def render_findings(
    article: Article | str,
    findings: pandas.DataFrame,
    *,
    kinds: str | Iterable[str] | None = None,
    scope: str = "story",
    numbered: bool = False,
    legend: bool = True,
    reasons: bool = True,
) -> Rendered:
    """Draw a findings table (``analyze()``'s shape) over the article text.

    ``kinds`` picks which kinds to show (default: all); ``scope="page"`` also
    shows the page clutter, dimmed and labelled. ``reasons`` (the default) lists
    why each highlight was made under the story, numbered, and makes each tag
    ("H3") a link to its line there and back; without it, ``numbered`` still
    prints the numbers in the tags. Findings outside the blocks of ``scope``
    have no text to mark and are left out.
    """
    article = as_article(article, caller="render_findings")
    chosen = normalise_kinds(kinds)
    blocks = _blocks_of(article, scope)
    marks = marks_from_findings(article, findings, kinds=chosen)
    per_block, last_end = _by_block(marks, blocks)
    shown = [m for m in marks if m.number in last_end]
    text = article.text
    counts = {k: n for k in MARK_STYLES if (n := sum(m.style == k for m in shown))}
    links = reasons and bool(shown)
    drawing = explain.Drawing(explain.view_id(article, shown, scope), numbered or links, links)

    body_html: list[str] = []
    body_text: list[str] = []
    seen: set[int] = set()
    for block, near in zip(blocks, per_block, strict=True):
        tree = _nest(text, block.start, block.end, near, last_end, seen)
        body_html.append(_block_html(block, _node_html(tree, drawing)))
        inner_text = _node_text(tree)
        if block.kind in STORY_KINDS:
            body_text.append(inner_text)
        else:
            body_text.append(f"    [{KIND_LABELS[block.kind].upper()}] {inner_text}")

    legend_html = explain.legend_html(counts, chosen, links=links) if legend else ""
    reasons_html = explain.reasons_html(shown, drawing) if links else ""
    out_html = (
        f"<style>{templates.HIGHLIGHT_CSS}</style>"
        f'<div class="ml-page ml-hl-root ml-scope-{scope}" '
        f'style="{templates.HIGHLIGHT_ROOT_STYLE}">{legend_html}'
        f"{''.join(body_html)}{reasons_html}</div>"
    )
    sep = "\n\n" if scope == "story" else "\n"
    why = "\n".join(
        f"- {MARK_STYLES[m.style].marker} “{m.text}”"
        f"{f' ({STATE_LABEL})' if m.state_affiliated else ''}: {m.explanation}"
        for m in shown
    )
    out_text = sep.join(body_text)
    if legend:
        out_text = explain.legend_text(counts) + "\n\n" + out_text
    if why:
        out_text += "\n\nWhy each highlight was made:\n" + why
    return Rendered(out_html, out_text)


def highlight(
    article: Article | str,
    kinds: str | Iterable[str] | None = None,
    scope: str = "story",
    *,
    numbered: bool = False,
) -> Rendered:
    """The article with its hedges, sources, quotes and outlets highlighted.

    >>> view = highlight(load_article(), kinds=["hedge"])   # doctest: +SKIP
    >>> view                                                 # shows the HTML in JupyterLab

    In a terminal the same object prints as text with markers such as
    ``[HEDGE reportedly]``, followed by why each highlight was made.
    """
    article = as_article(article, caller="highlight")
    from ..findings import analyze  # the detectors load their data only when asked

    view = render_findings(
        article, analyze(article, scope=scope), kinds=kinds, scope=scope, numbered=numbered
    )
    return with_warning(view, article.warning)


def with_warning(view: Rendered, warning: str | None) -> Rendered:
    """The view with the article's "this story looks wrong" warning above it (if any)."""
    if not warning:
        return view
    note = (
        f'<p class="ml-warning" style="{templates.WARNING_STYLE}" role="note">'
        f"<strong>Check this page:</strong> {html.escape(warning)}</p>"
    )
    return Rendered(note + view.html, f"CHECK THIS PAGE: {warning}\n\n{view.text}")
