"""The review as ipywidgets: accept or reject each finding, add what was missed, fix a
line's kind and save the key. Drawn only when a teacher asks for the widget."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import AnswerKeyError, ReviewError
from ..vocab import BLOCK_KINDS
from .review_items import (
    ADDABLE,
    KINDS,
    category_choices,
    short,
    slug,
)

if TYPE_CHECKING:
    from .review import Review


# --------------------------------------------------------------------------- the widget


@dataclass
class ReviewControls:
    """The widgets of a drawn review, by name (tests and notebooks drive them)."""

    box: Any
    decisions: list[Any]
    phrase: Any
    kind: Any
    category: Any
    occurrence: Any
    source: Any
    explanation: Any
    add_button: Any
    message: Any
    block_kinds: list[Any]
    path: Any
    save_button: Any
    status: Any
    added: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


_ACCEPT, _REJECT = "accept", "reject"
_NOTE_STYLE = "font-family:sans-serif;line-height:1.4;max-width:46em"


def _say(label: str, text: str) -> str:
    """A status line in words (never colour alone), escaped for HTML."""
    return (f'<div role="status" style="{_NOTE_STYLE}"><strong>{html.escape(label)}</strong> '
            f"{html.escape(text)}</div>")


def _item_row(widgets: Any, review: Review, number: int) -> tuple[Any, Any]:
    item = review.items[number]
    toggle = widgets.ToggleButtons(options=[_ACCEPT, _REJECT],
                                   value=_ACCEPT if item.accepted else _REJECT)

    def on_change(change: dict[str, Any]) -> None:
        (review.accept if change["new"] == _ACCEPT else review.reject)(number)

    toggle.observe(on_change, names="value")
    note = f" <em>({html.escape(item.note)})</em>" if item.note else ""
    label = widgets.HTML(
        f'<div style="{_NOTE_STYLE}"><strong>{number}. {html.escape(item.kind)}</strong> '
        f"\u201c{html.escape(short(item.text, 90))}\u201d \u2013 {html.escape(item.label)}{note}"
        f'<br><span style="color:#333333">{html.escape(short(item.explanation, 200))}</span>'
        "</div>"
    )
    return widgets.VBox([label, toggle]), toggle


def build_widget(review: Review) -> Any:
    """The review as one ipywidgets box; its parts are kept in ``review.controls``.

    Long because its small callbacks share the widgets they update (the phrase box
    feeds the occurrence list, the kind picks the categories); split apart, each would
    need a dozen widgets passed in.
    """
    import ipywidgets as widgets

    rows, decisions = [], []
    for number in range(len(review.items)):
        row, toggle = _item_row(widgets, review, number)
        rows.append(row)
        decisions.append(toggle)
    sections = [(kind, [r for r, i in zip(rows, review.items, strict=True) if i.kind == kind])
                for kind in KINDS]
    sections = [(k, r) for k, r in sections if r]

    # Add a missed phrase.
    phrase = widgets.Text(description="Phrase", placeholder="words exactly as in the article")
    kind = widgets.Dropdown(description="Kind", options=list(ADDABLE), value="hedge")
    category = widgets.Dropdown(description="Category", options=category_choices("hedge"))
    occurrence = widgets.Dropdown(description="Occurrence", options=[("(type a phrase)", 0)],
                                  value=0)
    source = widgets.Text(description="Source", placeholder="for a source: who, as in the text")
    explanation = widgets.Text(description="Why", placeholder="what learners read (optional)")
    add_button = widgets.Button(description="Add", button_style="primary")
    message = widgets.HTML("")
    added = widgets.VBox([])

    def on_phrase(change: dict[str, Any]) -> None:
        found = review.find(change["new"]) if change["new"].strip() else []
        if found:
            occurrence.options = [(f"{n}: {ctx}", n) for n, (_, ctx) in enumerate(found, 1)]
            occurrence.value = 1
        else:
            occurrence.options = [("(not in the article)", 0)]
            occurrence.value = 0

    def on_kind(change: dict[str, Any]) -> None:
        category.options = category_choices(change["new"])

    def on_add(_button: Any) -> None:
        try:
            number = review.add(
                phrase.value, kind.value, category.value, occurrence.value or 1,
                source=source.value.strip() or None,
                explanation=explanation.value.strip() or None,
            )
        except ReviewError as exc:
            message.value = _say("Not added:", str(exc))
            return
        item = review.items[number]
        row, toggle = _item_row(widgets, review, number)
        decisions.append(toggle)
        added.children = (*added.children, row)
        message.value = _say(
            "Added:", f"{item.kind} \u201c{item.text}\u201d at {item.start}-{item.end} "
            f"(item {number}).")
        phrase.value = ""

    phrase.observe(on_phrase, names="value")
    kind.observe(on_kind, names="value")
    add_button.on_click(on_add)
    add_box = widgets.VBox([
        widgets.HTML("<strong>Add a finding medialit missed</strong>"),
        phrase, occurrence, kind, category, source, explanation, add_button, message, added,
    ])

    # Line kinds.
    block_dropdowns = []
    block_rows = []
    for number, (b, value) in enumerate(
        zip(review.article.block_records, review.block_kinds, strict=True)
    ):
        dropdown = widgets.Dropdown(options=list(BLOCK_KINDS), value=value,
                                    layout=widgets.Layout(width="12em"))

        def on_block(change: dict[str, Any], number: int = number) -> None:
            review.set_block_kind(number, change["new"])

        dropdown.observe(on_block, names="value")
        block_dropdowns.append(dropdown)
        block_rows.append(widgets.HBox([
            dropdown, widgets.HTML(f"{number}. {html.escape(short(b.text, 90))}")]))

    # Save.
    default = f"{review.article.name or slug(review.article.title) or 'my-article'}-key.json"
    path = widgets.Text(description="Save as", value=default)
    save_button = widgets.Button(description="Save key", button_style="success")
    status = widgets.HTML("")

    def on_save(_button: Any) -> None:
        try:
            written = review.save(path.value.strip())
        except (ReviewError, AnswerKeyError) as exc:
            status.value = _say("Not saved:", str(exc))
            return
        except OSError as exc:
            status.value = _say("Not saved:", f"{exc.strerror or exc} ({path.value!r}).")
            return
        key = review.to_key()
        counts = ", ".join(f"{len(key[f])} {f.replace('_', ' ')}" for f in
                           ("hedges", "distractors", "attributions", "outlets", "source_chain"))
        status.value = _say("Saved:", f"{counts} to {written}.")

    save_button.on_click(on_save)

    panes = [widgets.VBox(r) for _, r in sections] + [add_box, widgets.VBox(block_rows)]
    titles = [f"{k.capitalize()} ({len(r)})" for k, r in sections] + [
        "Add what was missed", f"Page lines ({len(block_rows)})"]
    accordion = widgets.Accordion(children=panes)
    for i, title in enumerate(titles):
        accordion.set_title(i, title)
    accordion.selected_index = None
    head = widgets.HTML(
        f"<p><strong>Review: {html.escape(review.article.title or 'your article')}</strong>. "
        "Accept or reject each finding, add what was missed, then save the key.</p>")
    box = widgets.VBox([head, accordion, widgets.HBox([path, save_button]), status])
    review.controls = ReviewControls(
        box=box, decisions=decisions, phrase=phrase, kind=kind, category=category,
        occurrence=occurrence, source=source, explanation=explanation, add_button=add_button,
        message=message, block_kinds=block_dropdowns, path=path, save_button=save_button,
        status=status, added=added,
    )
    return box


__all__ = ["ReviewControls", "build_widget"]
