"""Turn a saved web page (.html) into an Article: the story, and the page around it.

A teacher can save any news page from the browser ("Save page as ... HTML only")
and load it. Two readings of the page are combined:

* every piece of visible text, one line per paragraph, box or menu item, in
  page order (our own small HTML reader: scripts and styles are skipped);
* the page's main text, as found by trafilatura, a well-kept library that is
  good at telling an article from menus, adverts and link boxes.

Lines of the main text become the story; the rest of the page is kept as
clutter blocks, so lesson 1's question "page or story?" works on any page. The
title, site name and date come from the page's own metadata when it has them.
"""

from __future__ import annotations

import html.parser
import re
from typing import Any

from .. import errors
from .segmentation import count_words
from .segmentation import normalise_line as _norm

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "button",
        "label",
        "option",
        "summary",
        "details",
        "caption",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "head", "iframe", "select"]
)
_MIN_WORDS = 15  # fewer words than this is a menu or an empty page, not an article
_SPACE_RE = re.compile(r"\s+")


class _VisibleText(html.parser.HTMLParser):
    """Collect visible text, one entry per block-level element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buffer: list[str] = []
        self._skip_depth = 0

    def _flush(self) -> None:
        line = _SPACE_RE.sub(" ", "".join(self._buffer)).strip()
        if line:
            self.lines.append(line)
        self._buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def visible_lines(markup: str) -> list[str]:
    """Every block of visible text in the page, in order, white space tidied."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    return parser.lines


def _metadata(markup: str) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.extract_metadata(markup)
    meta: dict[str, Any] = {}
    if doc is not None:
        for key, attr in (
            ("headline", "title"),
            ("publisher", "sitename"),
            ("date", "date"),
            ("author", "author"),
            ("url", "url"),
            ("language", "language"),
        ):
            value = getattr(doc, attr, None)
            if value:
                meta[key] = str(value)
    return meta


def _main_text(markup: str) -> list[str]:
    """The lines of the page's main text as trafilatura finds it, or [] when it finds none.

    Its precise mode first (it leaves out more clutter); a page laid out in tables, as
    older sites are, can defeat that mode, so its recall mode is tried next.
    """
    import trafilatura

    for precise in (True, False):
        main = trafilatura.extract(
            markup,
            include_comments=False,
            include_tables=False,
            favor_precision=precise,
            favor_recall=not precise,
        ) or ""
        lines = [line for line in main.splitlines() if line.strip()]
        if sum(count_words(line) for line in lines) >= _MIN_WORDS:
            return lines
    return []


def parse_html(markup: str) -> tuple[str, dict[str, Any], frozenset[str] | None]:
    """Return (page text, metadata, normalised lines of the main text) for a web page.

    When trafilatura finds no main text, the main text is None: the page's visible
    text is read with the rules for copied page text, as if a teacher had copied it.
    """
    main_lines = _main_text(markup)
    page_lines = visible_lines(markup)
    if not main_lines:
        if sum(count_words(line) for line in page_lines) < _MIN_WORDS:
            raise errors.ArticleError(
                "No article text was found in this web page. Save the page again with its "
                "full text (in the browser: Save page as, 'Web page, HTML only'), or copy "
                "the article's text into a .txt file."
            )
        return "\n\n".join(page_lines) + "\n", _metadata(markup), None
    meta = _metadata(markup)
    main_set = {_norm(line) for line in main_lines}
    found = sum(_norm(line) in main_set for line in page_lines)
    if found < 0.8 * len(main_set):
        # The page's own layout could not be lined up with the main text: keep the story only.
        page_lines = main_lines
    title = meta.get("headline")
    if title and (not page_lines or _norm(page_lines[0]) != _norm(title)):
        if _norm(title) in {_norm(line) for line in page_lines}:
            pass  # the headline already sits further down the page
        else:
            page_lines = [title, *page_lines]
    return "\n\n".join(page_lines) + "\n", meta, frozenset(main_set)
