"""The checks an answer key must pass: every span inside the article and slicing back to
its text, every kind and category one the lessons know, no phrase recorded twice, and
the lists consistent with each other. :func:`key_problems` names every problem found,
so an author can fix them all in one go."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from ..text.article import Article
from ..vocab import (
    BLOCK_KINDS,
    CHAIN_ROLES,
    HEDGE_CATEGORIES,
    KEY_SOURCE_KINDS,
    LOOKALIKE_CLASHES,
    LOOKS_LIKE,
    SCOPES,
    STORY_KINDS,
    VERDICTS,
)

FORMAT_VERSION = 1
"""The key format this module reads; bump it when a field changes meaning."""

LIST_FIELDS: tuple[str, ...] = (
    "blocks",
    "hedges",
    "distractors",
    "attributions",
    "outlets",
    "source_chain",
    "claims",
    "galleries",
)
"""The lists of an answer key, in the order the format describes them."""


# --------------------------------------------------------------------------- checks

# What each list entry must hold: field name -> a check that returns True when fine.
# Explanations are what a learner reads, so an empty one is an error too.
_Check = Callable[[Any], bool]


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_bool_or_none(value: Any) -> bool:
    return value is None or isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _one_of(choices: tuple[str, ...]) -> _Check:
    def check(value: Any) -> bool:
        return value in choices

    check.choices = choices  # type: ignore[attr-defined]
    return check


_SPAN = {"start": _is_int, "end": _is_int, "text": _is_text}
_REQUIRED: dict[str, dict[str, _Check]] = {
    "blocks": {**_SPAN, "kind": _one_of(BLOCK_KINDS), "explanation": _is_text},
    "hedges": {**_SPAN, "category": _one_of(HEDGE_CATEGORIES), "explanation": _is_text},
    "distractors": {**_SPAN, "looks_like": _one_of(LOOKS_LIKE), "explanation": _is_text},
    "attributions": {
        "cue": lambda v: isinstance(v, dict),
        "source_kind": _one_of(KEY_SOURCE_KINDS),
        "resolved_source": _is_text,
        "direct_quote": _is_bool,
        "stake": _is_bool_or_none,
        "explanation": _is_text,
    },
    "outlets": {
        **_SPAN,
        "outlet": _is_text,
        "state_affiliated": _is_bool,
        "scope": _one_of(SCOPES),
        "explanation": _is_text,
    },
    "source_chain": {
        "who": _is_text,
        "role": _one_of(CHAIN_ROLES),
        "evidence": lambda v: isinstance(v, list) and len(v) > 0,
        "state_affiliated": _is_bool_or_none,
        "stake": _is_bool_or_none,
        "explanation": _is_text,
    },
    "claims": {
        **_SPAN,
        "id": _is_text,
        "hedged_at_start": _is_bool,
        "corroborated_by": lambda v: isinstance(v, list),
        "verdict": _one_of(VERDICTS),
        "explanation": _is_text,
    },
    "galleries": {
        "start": _is_int,
        "end": _is_int,
        "title": lambda v: isinstance(v, dict),
        "place": _is_text,
        "date_first": _is_text,
        "date_last": _is_text,
        "credit": _is_text,
        "photo_counter": _is_int,
        "captions": _is_int,
        "belongs_to_story": _is_bool,
        "explanation": _is_text,
    },
}

def _field_problem(where: str, field: str, value: Any, check: _Check) -> str:
    choices = getattr(check, "choices", None)
    if choices is not None:
        return f"{where}.{field} is {value!r}; use one of: {', '.join(choices)}."
    return f"{where}.{field} has the wrong type or is empty: {value!r}."


def _span_problem(where: str, span: Any, text: str, *, needs_text: bool = True) -> str | None:
    """Why ``span`` is not a valid span of ``text`` (None when it is)."""
    if not isinstance(span, dict):
        return f"{where} must be an object with start, end and text, not {span!r}."
    start, end = span.get("start"), span.get("end")
    if not (_is_int(start) and _is_int(end)):
        return f"{where} needs whole-number 'start' and 'end' (got {start!r}, {end!r})."
    if not 0 <= start < end <= len(text):
        return (
            f"{where} span {start}-{end} is outside the article (0-{len(text)}) "
            "or empty; 'end' must be larger than 'start'."
        )
    if not needs_text and "text" not in span:
        return None
    if span.get("text") != text[start:end]:
        return (
            f"{where} text {_short(span.get('text'))} does not match the article at "
            f"{start}-{end}, which reads {_short(text[start:end])}."
        )
    return None


def _short(value: Any, width: int = 60) -> str:
    """A value for a message: never a million characters, never a 4,300-digit error."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        return "a number far too large"
    if isinstance(value, (list, dict)) and len(value) > 20:
        return f"a {type(value).__name__} of {len(value)} items"
    shown = repr(value)
    return shown if len(shown) <= width else shown[: width - 4] + "...'"


def key_problems(data: Mapping[str, Any], article: Article) -> list[str]:
    """Every problem of ``data`` as an answer key for ``article``, in reading order."""
    problems: list[str] = []
    if data.get("format_version") != FORMAT_VERSION:
        problems.append(
            f"format_version is {data.get('format_version')!r}; this medialit reads "
            f"version {FORMAT_VERSION}."
        )
    for field in ("article", "checked_against"):
        if field not in data:
            problems.append(f"the field {field!r} is missing.")
    if article.name is not None and data.get("article") not in (None, article.name):
        problems.append(
            f"the key is for the article {data.get('article')!r}, not {article.name!r}."
        )
    for field in LIST_FIELDS:
        if field not in data:
            problems.append(f"the list {field!r} is missing (use [] when it is empty).")
        elif not isinstance(data[field], list):
            problems.append(f"{field!r} must be a list, not {type(data[field]).__name__}.")
    if problems:
        return problems
    text = article.text
    for field in LIST_FIELDS:
        problems += _entry_problems(field, data[field], text)
    if problems:
        return problems
    problems += _block_problems(data["blocks"], article)
    problems += _order_and_duplicate_problems(data)
    problems += _consistency_problems(data)
    problems += _metadata_problems(data["source_chain"], article)
    return problems


def _metadata_problems(chain: list[dict[str, Any]], article: Article) -> list[str]:
    """Chain evidence taken from metadata must agree with the article's metadata.

    An article loaded from a bare file has no such metadata; then there is
    nothing to compare with, and the evidence is taken on trust.
    """
    problems = []
    for i, step in enumerate(chain):
        for j, ev in enumerate(step["evidence"]):
            if not (isinstance(ev, dict) and "metadata" in ev):
                continue
            if not isinstance(ev["metadata"], str):  # a list here is unhashable: say so
                problems.append(
                    f"source_chain[{i}].evidence[{j}].metadata is {_short(ev['metadata'])}; "
                    "it must be the name of a metadata field, such as 'publisher'."
                )
                continue
            actual = article.metadata.get(ev["metadata"])
            if actual is not None and actual != ev.get("value"):
                problems.append(
                    f"source_chain[{i}].evidence[{j}] says metadata {ev['metadata']!r} is "
                    f"{ev.get('value')!r}, but the article's metadata says {actual!r}."
                )
    return problems


def _entry_problems(field: str, items: list[Any], text: str) -> list[str]:
    """Missing fields, wrong types, unknown categories and bad spans of each entry."""
    problems: list[str] = []
    for i, item in enumerate(items):
        where = f"{field}[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where} must be an object, not {type(item).__name__}.")
            continue
        missing_or_bad = []
        for name, check in _REQUIRED[field].items():
            if name not in item:
                missing_or_bad.append(f"{where} is missing the field {name!r}.")
            elif not check(item[name]):
                missing_or_bad.append(_field_problem(where, name, item[name], check))
        problems += missing_or_bad
        if missing_or_bad:
            continue  # spans are checked once the entry has its fields
        if "start" in _REQUIRED[field]:
            problem = _span_problem(where, item, text, needs_text="text" in _REQUIRED[field])
            if problem:
                problems.append(problem)
        problems += _nested_span_problems(field, where, item, text)
    return problems


def _nested_span_problems(field: str, where: str, item: Mapping[str, Any], text: str) -> list[str]:
    """Spans inside an entry: an attribution's cue, source and quotes, evidence, titles."""
    spans: list[tuple[str, Any]] = []
    problems: list[str] = []
    if field == "attributions":
        spans.append((f"{where}.cue", item["cue"]))
        spans += [(f"{where}.{k}", item[k]) for k in ("source", "content") if item.get(k)]
        spans += [(f"{where}.more_content[{j}]", s) for j, s in
                  enumerate(item.get("more_content") or [])]
        if item.get("source") is None and item["source_kind"] != "unnamed":
            problems.append(f"{where} has no source span, so source_kind must be 'unnamed'.")
    elif field == "source_chain":
        for j, ev in enumerate(item.get("evidence") or []):
            if isinstance(ev, dict) and "metadata" in ev:
                continue
            spans.append((f"{where}.evidence[{j}]", ev))
    elif field == "claims":
        for j, backer in enumerate(item.get("corroborated_by") or []):
            if not (isinstance(backer, dict) and _is_text(backer.get("who"))
                    and _is_text(backer.get("how_far"))):
                problems.append(f"{where}.corroborated_by[{j}] needs 'who' and 'how_far' texts.")
            elif "start" in backer:
                spans.append((f"{where}.corroborated_by[{j}]", backer))
    elif field == "galleries":
        spans.append((f"{where}.title", item["title"]))
    return problems + [p for name, span in spans if (p := _span_problem(name, span, text))]


def _block_problems(blocks: list[dict[str, Any]], article: Article) -> list[str]:
    """The key's blocks must be exactly the article's non-blank lines, in order."""
    want = [(b.start, b.end) for b in article.block_records]
    have = [(b["start"], b["end"]) for b in blocks]
    if have == want:
        return []
    missing = sorted(set(want) - set(have))
    extra = sorted(set(have) - set(want))
    problems = [
        f"blocks has no entry for the line at {s}-{e} ({_short(article.text[s:e])})."
        for s, e in missing[:5]
    ]
    problems += [
        f"blocks has an entry at {s}-{e}, which is not one whole line." for s, e in extra[:5]
    ]
    if not missing and not extra:
        problems.append("blocks are not in the order of the article's lines.")
    return problems


def _spans_of(data: Mapping[str, Any], field: str) -> list[tuple[int, int, int]]:
    if field == "attributions":
        return [(a["cue"]["start"], a["cue"]["end"], i) for i, a in enumerate(data[field])]
    return [(x["start"], x["end"], i) for i, x in enumerate(data[field])]


def _order_and_duplicate_problems(data: Mapping[str, Any]) -> list[str]:
    """Entries in document order; no phrase recorded twice (or overlapping) in one list."""
    problems: list[str] = []
    for field in ("hedges", "distractors", "attributions", "outlets", "claims"):
        spans = _spans_of(data, field)
        for (s1, e1, i), (s2, e2, j) in itertools.pairwise(spans):
            if (s2, e2) < (s1, e1):
                problems.append(f"{field}[{j}] comes before {field}[{i}] in the text; "
                                "list entries in reading order.")
            elif s2 < e1 and field != "claims":
                # Two hedges (or two outlets) over the same words would be scored twice.
                problems.append(f"{field}[{j}] ({s2}-{e2}) overlaps {field}[{i}] ({s1}-{e1}): "
                                "the same words are recorded twice.")
            elif (s1, e1) == (s2, e2):
                problems.append(f"{field}[{j}] repeats the span of {field}[{i}] ({s1}-{e1}).")
    return problems


# A distractor that "looks like" X must not also be recorded as a real X.


def _consistency_problems(data: Mapping[str, Any]) -> list[str]:
    """Cross-list checks: contradictions between lists, scopes, ids, drift pairs."""
    problems: list[str] = []
    story = [(b["start"], b["end"]) for b in data["blocks"] if b["kind"] in STORY_KINDS]

    def in_story(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in story)

    for i, d in enumerate(data["distractors"]):
        for j, h in enumerate(data["hedges"]):
            clash = h["category"] in LOOKALIKE_CLASHES.get(d["looks_like"], ())
            if clash and d["start"] < h["end"] and h["start"] < d["end"]:
                problems.append(f"distractors[{i}] ({d['text']!r}) is also hedges[{j}]: "
                                "a phrase cannot be both a hedge and a look-alike.")
    for i, o in enumerate(data["outlets"]):
        scope = "story" if in_story(o["start"], o["end"]) else "page"
        if o["scope"] != scope:
            problems.append(f"outlets[{i}] ({o['text']!r}) has scope {o['scope']!r}, but it "
                            f"lies in a {'story' if scope == 'story' else 'non-story'} block, "
                            f"so its scope is {scope!r}.")
    ids = [c["id"] for c in data["claims"]]
    for i, c in enumerate(data["claims"]):
        if ids.count(c["id"]) > 1:
            problems.append(f"claims[{i}].id {c['id']!r} is used more than once.")
        if c.get("restates") is not None and c["restates"] not in ids:
            problems.append(f"claims[{i}].restates {c['restates']!r} is not the id of a claim.")
    return problems
