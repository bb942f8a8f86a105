"""How a learner's progress reads: a table of tries and scores, and one sentence on
which way the learner leans (flagging too much, or too little)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from ..show.render import Rendered

_HEADERS = ("exercise", "tries", "hits", "misses", "false alarms", "score", "done")


def _cells(record: Mapping[str, Any]) -> tuple[str, ...]:
    tried = record["attempts"] > 0

    def count(name: str) -> str:
        return str(record[name]) if tried else "-"

    done = "yes" if record["done"] else ("not yet" if tried else "not tried")
    if record["answer_shown"]:
        done += " (answer shown)"
    return (
        record["id"],
        str(record["attempts"]),
        count("hits"),
        count("misses"),
        count("false_alarms"),
        f"{record['score']:.2f}" if tried else "-",
        done,
    )


LEAN_TOO_MUCH = (
    "You lean towards flagging too much: {counts}. Before you flag something, find the "
    "words that make it a problem; a careful story is not a suspicious one."
)
LEAN_TOO_LITTLE = (
    "You lean towards flagging too little: {counts}. Read again with the lesson's question "
    "in mind, and flag what fits it even when you are not sure."
)
LEAN_BALANCED = (
    "You flag too much about as often as too little: {counts}. Keep telling the two apart."
)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def lean(records: list[Mapping[str, Any]]) -> str | None:
    """Which way a learner's last answers lean, with one sentence of advice; None before a try.

    Training that teaches people to spot false news can make them reject true news as
    well, which looks like progress in "spotting" (Modirrousta-Galian and Higham 2023;
    Pfänder and Altay 2025). Comparing false alarms (flagging too much) with misses
    (flagging too little) makes that shift visible to the learner.
    """
    tried = [r for r in records if r["attempts"]]
    if not tried:
        return None
    fa = sum(r["false_alarms"] or 0 for r in tried)
    mi = sum(r["misses"] or 0 for r in tried)
    if fa == mi == 0:
        return "No misses and no false alarms in your last answers: well judged."
    template = LEAN_TOO_MUCH if fa > mi else LEAN_TOO_LITTLE if mi > fa else LEAN_BALANCED
    counts = f"{_count(fa, 'false alarm', 'false alarms')}, {_count(mi, 'miss', 'misses')}"
    return template.format(counts=counts)


def _summary_title(records: list[dict[str, Any]], where: str) -> str:
    """The table's caption; before any try it says how to fill the table, not "0 done"."""
    tried = sum(r["attempts"] > 0 for r in records)
    if not tried:
        return (f"Your progress{where}: {len(records)} exercises, none tried yet. Answer "
                "them above, then run this cell again to see how you did.")
    done = sum(r["done"] for r in records)
    return (f"Your progress{where}: {tried} of {len(records)} exercises tried, {done} fully "
            "right. Run this cell again after more answers.")


def render_summary(records: list[dict[str, Any]], *, lesson: str | None = None) -> Rendered:
    """A deterministic text table and the same table in HTML (no times, no paths)."""
    where = f" in lesson {lesson}" if lesson is not None else ""
    if not records:
        message = f"No exercises{where} yet: answer one and it is saved here."
        return Rendered(f"<p>{html.escape(message)}</p>", message)
    title = _summary_title(records, where)
    leaning = lean(records)
    rows = [_HEADERS, *(_cells(r) for r in records)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    lines = [title]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in _HEADERS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(r)) + "</tr>" for r in records
    )
    table = (
        f'<table class="ml-progress"><caption>{html.escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    if leaning is not None:
        lines.append(leaning)
        table += f'<p class="ml-lean">{html.escape(leaning)}</p>'
    return Rendered(table, "\n".join(lines))
