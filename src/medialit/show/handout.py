"""A printable handout for one article: one HTML file a teacher can print or share.

The handout holds, in this order: the title and what is known about the article
(publisher, date ...), the highlighted article with its legend, a numbered list
of why each highlight was made (tooltips do not survive printing), the charts as
embedded PNG pictures with alt text, and questions to discuss for each kind of
finding in the article.

Everything is in one file: CSS inline, pictures as base64 ``data:`` addresses,
no scripts and nothing fetched from the internet, so it opens offline and
prints the same everywhere.
"""

from __future__ import annotations

import base64
import html
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .._util.io import atomic_write_text
from .._version import __version__
from ..errors import OutputError
from ..text.article import Article, as_article
from ..vocab import FINDING_KINDS
from . import templates
from .render import Mark, Rendered, marks_in_scope, render_findings, with_warning

if TYPE_CHECKING:
    import pandas

METADATA_FIELDS: tuple[tuple[str, str], ...] = (
    ("publisher", "Publisher"),
    ("republished_by", "Republished by"),
    ("author", "Author"),
    ("date", "Date"),
    ("url", "Web address"),
    ("source_path", "File"),
)
"""Metadata keys shown at the top of a handout, with the words a reader sees."""

QUESTIONS: dict[str, tuple[str, ...]] = {
    "general": (
        "What is the main claim of the story, in one sentence of your own?",
        "Who made the page you are reading, and who wrote the story on it? Are they the same?",
        "What would you search for to check the claim somewhere else?",
    ),
    "hedge": (
        "Which words make a claim sound less certain (reportedly, may, reports say)? "
        "Read the sentence without them: what changes?",
        "Is a claim hedged at the start and told as a plain fact later? "
        "Find the place where the hedge disappears.",
        "Who does a hedge protect: the writer, the reader, or both?",
    ),
    "source": (
        "Who first reported the claim? Does that person or group have a stake in the story?",
        "Which sources are named and which are not (officials, reports, others)? "
        "Why might a source stay unnamed?",
        "Did any source see the event themselves, or are they passing on what others said?",
    ),
    "cue": (
        "Look at the reporting words (says, according to, claims). "
        "Which sound neutral and which take a side?",
        "Swap 'claims' for 'says' (or the other way round). Does the sentence feel different?",
        "Find a claim with no reporting word at all. Who stands behind it?",
    ),
    "quote": (
        "Read each quote. Does it back up the main claim, or is it about something nearby?",
        "Why might a writer quote someone word for word instead of retelling what they said?",
        "Who is quoted, and who is only described? Count them.",
    ),
    "outlet": (
        "Which news outlets does the story name? Who owns each one, and who pays for it?",
        "Who first reported the claim? Does that outlet have a stake?",
        "Open a new tab and search for the outlet's name (lateral reading). "
        "What do others say about it?",
    ),
    "state_outlet": (
        "A state-affiliated outlet is controlled by a government or people close to it. "
        "Which government, and is it part of the story?",
        "Could the claim help that government's side? Look for someone without a stake "
        "who confirms it.",
    ),
}
"""Discussion questions by kind of finding: ``general`` always, ``state_outlet`` if one is found.

Written after Stanford's Civic Online Reasoning questions (who is behind it?
what is the evidence? what do other sources say?) and Mike Caulfield's SIFT.
"""

QUESTION_HEADINGS: dict[str, str] = {
    "general": "About the whole page",
    "hedge": "Hedges",
    "source": "Sources",
    "cue": "Reporting words",
    "quote": "Quotes",
    "outlet": "News outlets",
}


class Chart(NamedTuple):
    """One chart of the handout: a hint on how to read it, the picture, the facts in words."""

    hint: str
    png: bytes
    alt: str


def discussion_questions(marks: list[Mark]) -> list[tuple[str, tuple[str, ...]]]:
    """``(heading, questions)`` for the page and for each kind found, in legend order."""
    kinds = {m.kind for m in marks}
    sections = [(QUESTION_HEADINGS["general"], QUESTIONS["general"])]
    for kind in FINDING_KINDS:
        if kind not in kinds:
            continue
        questions = QUESTIONS[kind]
        if kind == "outlet" and any(m.style == "state_outlet" for m in marks):
            questions = questions + QUESTIONS["state_outlet"]
        sections.append((QUESTION_HEADINGS[kind], questions))
    return sections


def make_charts(article: Article | str, findings: pandas.DataFrame) -> list[Chart]:
    """Draw the four charts of the handout (findings of the story) as PNG pictures."""
    from ..findings import findings_for
    from . import plots

    chain = findings_for(article).chain
    steps: list[tuple[str, Callable[[], object], str]] = [
        (
            "Blue is the story; grey, hatched bars are everything else on the page.",
            lambda: plots.plot_page_composition(article),
            plots.describe_page_composition(plots.page_composition_data(article)),
        ),
        (
            "Read from left to right: is a claim hedged at the start and told as fact later?",
            lambda: plots.plot_hedges(article, findings=findings),
            plots.describe_hedges(plots.hedge_data(article, findings=findings)),
        ),
        (
            "Unnamed sources cannot be checked; hatched red bars are state-affiliated.",
            lambda: plots.plot_sources(article, findings=findings),
            plots.describe_sources(plots.source_data(article, findings=findings)),
        ),
        (
            "Each arrow is one hand the claim passed through before it reached you.",
            lambda: plots.plot_source_chain(article, chain=chain),
            plots.describe_source_chain(plots.chain_diagram_data(chain)),
        ),
    ]
    return [Chart(hint, plots.figure_png(draw()), alt) for hint, draw, alt in steps]


def _metadata_html(article: Article) -> str:
    rows = [
        f"<dt>{html.escape(label)}:</dt><dd>{html.escape(str(article.metadata[key]))}</dd>"
        for key, label in METADATA_FIELDS
        if article.metadata.get(key)
    ]
    return f'<dl class="ml-meta">{"".join(rows)}</dl>' if rows else ""


def _charts_html(charts: list[Chart]) -> str:
    figures = []
    for chart in charts:
        data = base64.b64encode(chart.png).decode("ascii")
        figures.append(
            f'<figure class="ml-figure"><img src="data:image/png;base64,{data}" '
            f'alt="{html.escape(chart.alt, quote=True)}">'
            f"<figcaption>{html.escape(chart.hint)}</figcaption></figure>"
        )
    return "".join(figures)


def handout_html(
    article: Article | str,
    *,
    scope: str = "story",
    charts: bool = True,
    title: str | None = None,
) -> str:
    """The whole handout as one standalone HTML document (a string)."""
    article = as_article(article, caller="handout_html")
    from ..findings import analyze

    story_findings = analyze(article, scope="story")
    findings = story_findings if scope == "story" else analyze(article, scope=scope)
    view = render_findings(article, findings, scope=scope)
    marks = marks_in_scope(article, findings, scope=scope)
    heading = title or article.title or article.name or "A news article"

    parts = [f"<h1>{html.escape(heading)}</h1>", _metadata_html(article)]
    parts.append(with_warning(Rendered("", ""), article.warning).html)
    parts.append("<h2>The article, highlighted</h2>")
    if scope == "page":
        parts.append(
            '<p class="ml-note">The whole page is shown: grey, labelled lines are '
            "not part of the story (galleries, captions, boxes, buttons).</p>"
        )
    # The view lists why each highlight was made under the story; each number links there.
    parts.append(view.html)
    if charts:
        parts.append("<h2>Charts</h2>")
        parts.append(_charts_html(make_charts(article, story_findings)))
    parts.append("<h2>Questions to discuss</h2>")
    for section, questions in discussion_questions(marks):
        items = "".join(f"<li>{html.escape(q)}</li>" for q in questions)
        parts.append(f'<h3>{html.escape(section)}</h3><ol class="ml-questions">{items}</ol>')
    licence = article.metadata.get("licence")
    footer = f"Made with medialit {__version__}."
    if licence:
        footer = f"{licence} {footer}"
    parts.append(f'<p class="ml-note">{html.escape(footer)}</p>')

    body = Rendered("\n".join(p for p in parts if p), view.text)
    return body.to_html_page(
        title=heading,
        lang=str(article.metadata.get("language") or "en"),
        css=templates.HANDOUT_CSS,
    )


def write_handout(
    article: Article | str,
    path: str | os.PathLike[str],
    *,
    scope: str = "story",
    charts: bool = True,
    title: str | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write the handout to ``path`` (UTF-8, atomically) and return the path written.

    The handout is never written over the article it was made from (nor over any
    path in ``inputs``): :class:`medialit.errors.OutputError` says so, and nothing
    is changed. The file is replaced only once the whole page is made, so a failure
    leaves the previous handout as it was.
    """
    article = as_article(article, caller="write_handout")
    out = Path(path).expanduser()
    source = article.metadata.get("source_path")
    for given in (*([source] if isinstance(source, str) else []), *inputs):
        if _same_file(out, Path(given).expanduser()):
            raise OutputError(
                f"{_shown(out)} is the article itself: writing the handout there would "
                "destroy it. Choose another output file, for example with -o handout.html."
            )
    if out.is_dir():
        raise OutputError(f"{_shown(out)} is a folder; give a file name such as handout.html.")
    if title is not None:
        try:
            title.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise OutputError(
                f"The title {_shown(title)} holds a character that cannot be saved as UTF-8. "
                "Type the title again, or leave it out."
            ) from exc
    page = handout_html(article, scope=scope, charts=charts, title=title)
    try:
        return atomic_write_text(out, page)
    except UnicodeEncodeError as exc:
        raise OutputError(
            "The handout holds a character that cannot be saved as UTF-8 (a broken "
            f"character in the title or the article, near "
            f"{_shown(exc.object[max(exc.start - 20, 0) : exc.end + 20])}). "
            "Give another --title, or fix the article's text."
        ) from exc


def _same_file(a: Path, b: Path) -> bool:
    """Are ``a`` and ``b`` one file (links and ``..`` included)? False if either is missing."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, ValueError):
        return a.absolute() == b.absolute()


def _shown(value: object) -> str:
    """A path or text for a message, with characters that cannot be printed escaped."""
    return repr(str(value).encode("utf-8", "backslashreplace").decode("utf-8"))
