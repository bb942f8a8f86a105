"""Show an article in a notebook: HTML in JupyterLab, plain text in a terminal.

Article text is data, never markup: every piece of it is escaped before it
reaches HTML, so a page that contains ``<script>`` shows the word and runs nothing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .article import Article
from .segmentation import STORY_KINDS

KIND_LABELS: dict[str, str] = {
    "headline": "Headline",
    "story": "Story",
    "copyright": "Copyright line",
    "gallery_title": "Gallery title",
    "photo_caption": "Photo caption",
    "page_chrome": "Page button",
    "promo": "Promotion or link box",
}
"""How each block kind is named for a learner."""


@dataclass(frozen=True)
class Rendered:
    """Something a notebook shows as HTML and a terminal shows as text."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


_PAGE_CSS = (
    ".ml-page{font-family:Georgia,serif;line-height:1.5;max-width:46em}"
    ".ml-block{margin:.3em 0;padding:.15em .5em;border-left:4px solid transparent}"
    ".ml-story{border-left-color:#0072B2;color:#111}"
    ".ml-headline{border-left-color:#0072B2;font-size:1.3em;font-weight:bold;color:#111}"
    ".ml-clutter{color:#555;background:#f2f2f2;font-size:.9em}"
    ".ml-label{font-family:sans-serif;font-size:.75em;font-weight:bold;color:#333;"
    "margin-right:.5em;text-transform:uppercase}"
)


def page_view(article: Article, *, max_caption_lines: int | None = 3) -> Rendered:
    """The whole page with the story marked and the clutter dimmed and labelled.

    ``max_caption_lines`` keeps long photo galleries short: after that many
    captions in a row, the rest are counted instead of shown (``None`` shows all).
    """
    parts: list[str] = [f"<style>{_PAGE_CSS}</style>", '<div class="ml-page">']
    lines: list[str] = []
    run = 0
    hidden = 0

    def flush_hidden() -> None:
        nonlocal hidden
        if hidden:
            note = f"… {hidden} more photo captions"
            parts.append(f'<div class="ml-block ml-clutter"><em>{note}</em></div>')
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
            parts.append(f'<div class="ml-block {css}" title="{rule}">{text}</div>')
            lines.append(block.text)
        else:
            parts.append(
                f'<div class="ml-block ml-clutter" title="{rule}">'
                f'<span class="ml-label">{html.escape(label)}</span>{text}</div>'
            )
            lines.append(f"    [{label.upper()}] {block.text}")
    flush_hidden()
    parts.append("</div>")
    return Rendered("".join(parts), "\n".join(lines))
