"""Hand-checked answer keys: the truth an exercise is scored against.

An answer key (``data/answer_keys/NAME.json``) says, for one article, what every
line of the page is, which phrases are hedges, who is quoted, which outlets are
named, how the claim travelled, and which look-alikes are *not* hedges or state
media. Each entry carries the explanation a learner reads. The format is
described in ``data/answer_keys/README.md``.

A key is checked as it is loaded: every span must lie inside the article and
slice back to its ``text``, every kind and category must be one the lessons know,
and no phrase may be recorded twice. A broken key raises :class:`AnswerKeyError`
naming every problem found, so an author can fix them all in one go.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._util.lazy import pd
from .._util.resources import data_path
from ..errors import ArticleError, MedialitError
from ..text.article import DEFAULT_ARTICLE, Article, load_article
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

# The key format's vocabularies (hedge categories, source kinds, scopes, verdicts, chain
# roles, look-alikes) are medialit.vocab's; KEY_SOURCE_KINDS has no "pronoun".
SOURCE_KINDS = KEY_SOURCE_KINDS

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

_MAX_PROBLEMS_SHOWN = 12


class AnswerKeyError(MedialitError, ValueError):
    """An answer key cannot be used; the message names every problem found."""


# --------------------------------------------------------------------------- loading


def bundled_keys() -> list[str]:
    """Names of the answer keys that ship with medialit (one per bundled article)."""
    folder = data_path("answer_keys")
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


def _key_path(name_or_path: str | os.PathLike[str] | None) -> Path:
    """Turn a bundled key name, or a path to a ``.json`` file, into a file path."""
    if name_or_path is None:
        name_or_path = DEFAULT_ARTICLE
    text = os.fspath(name_or_path)
    is_name = isinstance(name_or_path, str) and "/" not in text and os.sep not in text
    if is_name and not text.endswith(".json"):
        path = data_path("answer_keys", f"{text}.json")
        if not path.is_file():
            known = ", ".join(bundled_keys()) or "(none)"
            raise AnswerKeyError(
                f"There is no bundled answer key called {text!r}. Known keys: {known}. "
                "To load your own, give the path to a .json file."
            )
        return path
    path = Path(text).expanduser()
    if not path.is_file():
        where = "is a folder, not a file" if path.is_dir() else "does not exist"
        raise AnswerKeyError(f"The answer key file {str(path)!r} {where}.")
    return path


def _read_json(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise AnswerKeyError(
            f"{str(path)!r} is not UTF-8 text, so it is not an answer key."
        ) from exc
    except OSError as exc:
        raise AnswerKeyError(f"{str(path)!r} cannot be read: {exc.strerror}.") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnswerKeyError(
            f"{str(path)!r} is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}. Fix that spot (a missing comma or quote is usual)."
        ) from exc
    if not isinstance(data, dict):
        raise AnswerKeyError(
            f"{str(path)!r} holds a JSON {type(data).__name__}, but an answer key is a "
            "JSON object with fields such as 'article', 'blocks' and 'hedges'."
        )
    return data


def _article_for(data: Mapping[str, Any], article: Article | None, where: str) -> Article:
    """The article a key describes: the one given, else the bundled one it names."""
    if article is not None:
        if not isinstance(article, Article):
            raise AnswerKeyError(
                f"article must be a medialit Article (from load_article()), "
                f"not {type(article).__name__}."
            )
        return article
    name = data.get("article")
    if not isinstance(name, str) or not name:
        raise AnswerKeyError(f"{where}: the field 'article' (the article's name) is missing.")
    try:
        return load_article(name)
    except ArticleError as exc:
        raise AnswerKeyError(
            f"{where} is for the article {name!r}, which is not bundled with medialit. "
            "Pass the article too: load_key(path, article=load_article('your.txt'))."
        ) from exc


def load_key(
    name_or_path: str | os.PathLike[str] | None = None, *, article: Article | None = None
) -> AnswerKey:
    """Load and check an answer key: the seed's (no argument), a bundled name, or a path.

    The key is checked against ``article`` (by default the bundled article the
    key names); any problem raises :class:`AnswerKeyError` naming it.

    >>> load_key().article_name
    'isis-fighters-calling-in-sick'
    """
    path = _key_path(name_or_path)
    data = _read_json(path)
    key = AnswerKey(_raw=copy.deepcopy(data), where=f"Answer key {path.name!r}")
    key.validate(_article_for(data, article, key.where))
    return key


def save_key(
    key_dict: Mapping[str, Any], path: str | os.PathLike[str], *, article: Article
) -> Path:
    """Check ``key_dict`` against ``article``, then write it to ``path`` as JSON.

    The file is written to a temporary file in the same folder and then moved
    into place (``os.replace``), so a crash or a full disk never leaves a
    half-written key: the old file stays as it was.
    """
    target = Path(path).expanduser()
    key = AnswerKey(_raw=copy.deepcopy(dict(key_dict)), where=f"Answer key for {target.name!r}")
    key.validate(article)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(key.raw, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        # Anything that stops the write (an error, Ctrl-C) removes the partial file.
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


# --------------------------------------------------------------------------- the key


@dataclass(frozen=True, eq=False)
class AnswerKey:
    """One article's hand-checked answers, with a DataFrame view of each list.

    Every view is a fresh DataFrame with fixed columns (even when empty), sorted
    in document order; ``raw`` is a copy of the JSON data.
    """

    _raw: dict[str, Any]
    where: str = "Answer key"

    @property
    def raw(self) -> dict[str, Any]:
        """A deep copy of the key's JSON data (changing it does not change the key)."""
        return copy.deepcopy(self._raw)

    @property
    def article_name(self) -> str:
        """The name of the article the key belongs to."""
        return self._raw["article"]

    def _items(self, field: str) -> list[dict[str, Any]]:
        return self._raw.get(field, [])

    def validate(self, article: Article) -> None:
        """Check every field and span against ``article``; raise AnswerKeyError if any fails."""
        problems = _problems(self._raw, article)
        if problems:
            shown = problems[:_MAX_PROBLEMS_SHOWN]
            more = len(problems) - len(shown)
            tail = f"\n  ... and {more} more." if more else ""
            raise AnswerKeyError(
                f"{self.where} does not fit the article {article.name or article.title!r} "
                f"({len(problems)} problem{'s' if len(problems) != 1 else ''}):\n  - "
                + "\n  - ".join(shown)
                + tail
            )

    # ------------------------------------------------------------------ views

    def _scope_of(self, start: int) -> str:
        """``story`` when ``start`` lies in a headline or story block, else ``page``."""
        for block in self._items("blocks"):
            if block["start"] <= start < block["end"]:
                return "story" if block["kind"] in STORY_KINDS else "page"
        return "page"

    @property
    def blocks(self) -> pd.DataFrame:
        """Every non-blank line: ``start, end, kind, text, explanation``."""
        return _frame(self._items("blocks"), _BLOCK_COLUMNS)

    @property
    def hedges(self) -> pd.DataFrame:
        """Real hedges: ``start, end, text, category, scope, explanation``."""
        rows = [{**h, "scope": self._scope_of(h["start"])} for h in self._items("hedges")]
        return _frame(rows, _HEDGE_COLUMNS)

    @property
    def distractors(self) -> pd.DataFrame:
        """Look-alikes that are not what they seem: ``... looks_like, scope, explanation``."""
        rows = [{**d, "scope": self._scope_of(d["start"])} for d in self._items("distractors")]
        return _frame(rows, _DISTRACTOR_COLUMNS)

    @property
    def attributions(self) -> pd.DataFrame:
        """Who says what, flattened: ``cue_start, cue_end, cue_text, source_start, ...``."""
        rows = [
            _flatten_attribution(a, self._scope_of(a["cue"]["start"]))
            for a in self._items("attributions")
        ]
        return _frame(rows, _ATTRIBUTION_COLUMNS, sort_by="cue_start")

    @property
    def outlets(self) -> pd.DataFrame:
        """Every outlet named on the page: ``start, end, text, outlet, state_affiliated, ...``."""
        return _frame(self._items("outlets"), _OUTLET_COLUMNS)

    @property
    def source_chain(self) -> pd.DataFrame:
        """The claim's path from its first teller to this page, one row per step."""
        rows = [_flatten_step(i, s) for i, s in enumerate(self._items("source_chain"))]
        return _frame(rows, _CHAIN_COLUMNS, sort_by=None)

    @property
    def claims(self) -> pd.DataFrame:
        """The main claims, how far the article backs them, and which restate another."""
        rows = [_flatten_claim(c) for c in self._items("claims")]
        return _frame(rows, _CLAIM_COLUMNS)

    @property
    def hedge_drift(self) -> pd.DataFrame:
        """Pairs of a hedged claim and its later, settled retelling (hedge drift)."""
        claims = {c["id"]: c for c in self._items("claims")}
        rows = [
            {
                "hedged_id": c["restates"],
                "hedged_start": claims[c["restates"]]["start"],
                "hedged_end": claims[c["restates"]]["end"],
                "hedged_text": claims[c["restates"]]["text"],
                "settled_id": c["id"],
                "settled_start": c["start"],
                "settled_end": c["end"],
                "settled_text": c["text"],
                "explanation": c["explanation"],
            }
            for c in self._items("claims")
            if c.get("restates")
        ]
        return _frame(rows, _DRIFT_COLUMNS, sort_by="settled_start")

    @property
    def galleries(self) -> pd.DataFrame:
        """The photo galleries on the page, where and when their photos were taken."""
        rows = [_flatten_gallery(g) for g in self._items("galleries")]
        return _frame(rows, _GALLERY_COLUMNS)

    def __repr__(self) -> str:
        counts = ", ".join(f"{f}={len(self._items(f))}" for f in LIST_FIELDS)
        return f"AnswerKey(article={self._raw.get('article')!r}, {counts})"


# --------------------------------------------------------------------------- views


_BLOCK_COLUMNS = {"start": "int64", "end": "int64", "kind": "object", "text": "object",
                  "explanation": "object"}
_HEDGE_COLUMNS = {"start": "int64", "end": "int64", "text": "object", "category": "object",
                  "scope": "object", "explanation": "object"}
_DISTRACTOR_COLUMNS = {"start": "int64", "end": "int64", "text": "object",
                       "looks_like": "object", "scope": "object", "explanation": "object"}
_ATTRIBUTION_COLUMNS = {
    "cue_start": "int64", "cue_end": "int64", "cue_text": "object",
    "source_start": "Int64", "source_end": "Int64", "source_text": "object",
    "source_kind": "object", "resolved_source": "object",
    "content_start": "Int64", "content_end": "Int64", "content_text": "object",
    "direct_quote": "bool", "stake": "boolean", "scope": "object", "explanation": "object",
}
_OUTLET_COLUMNS = {"start": "int64", "end": "int64", "text": "object", "outlet": "object",
                   "state_affiliated": "bool", "scope": "object", "explanation": "object"}
_CHAIN_COLUMNS = {"step": "int64", "who": "object", "role": "object", "outlet": "object",
                  "state_affiliated": "boolean", "stake": "boolean", "evidence": "object",
                  "evidence_start": "Int64", "evidence_end": "Int64", "explanation": "object"}
_CLAIM_COLUMNS = {"id": "object", "start": "int64", "end": "int64", "text": "object",
                  "hedged_at_start": "bool", "restates": "object", "corroborated_by": "object",
                  "verdict": "object", "explanation": "object"}
_DRIFT_COLUMNS = {"hedged_id": "object", "hedged_start": "int64", "hedged_end": "int64",
                  "hedged_text": "object", "settled_id": "object", "settled_start": "int64",
                  "settled_end": "int64", "settled_text": "object", "explanation": "object"}
_GALLERY_COLUMNS = {"start": "int64", "end": "int64", "title": "object", "place": "object",
                    "date_first": "object", "date_last": "object", "credit": "object",
                    "photo_counter": "int64", "captions": "int64",
                    "belongs_to_story": "bool", "explanation": "object"}


def _frame(
    rows: Iterable[Mapping[str, Any]], columns: Mapping[str, str], *, sort_by: str | None = "start"
) -> pd.DataFrame:
    """One DataFrame with exactly ``columns`` (and their dtypes), even when there are no rows."""
    table = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))
    table = table.astype(dict(columns))
    if sort_by is not None:
        table = table.sort_values(sort_by, kind="stable", ignore_index=True)
    return table


def _span_fields(prefix: str, span: Mapping[str, Any] | None) -> dict[str, Any]:
    span = span or {}
    return {f"{prefix}_start": span.get("start"), f"{prefix}_end": span.get("end"),
            f"{prefix}_text": span.get("text")}


def _flatten_attribution(a: Mapping[str, Any], scope: str) -> dict[str, Any]:
    return {
        **_span_fields("cue", a["cue"]),
        **_span_fields("source", a.get("source")),
        **_span_fields("content", a.get("content")),
        "source_kind": a["source_kind"],
        "resolved_source": a["resolved_source"],
        "direct_quote": a["direct_quote"],
        "stake": a["stake"],
        "scope": scope,
        "explanation": a["explanation"],
    }


def _flatten_step(index: int, step: Mapping[str, Any]) -> dict[str, Any]:
    spans = [e for e in step["evidence"] if "start" in e]
    evidence = " | ".join(
        e["text"] if "start" in e else f"metadata {e['metadata']}: {e['value']}"
        for e in step["evidence"]
    )
    return {
        "step": index,
        **{k: step.get(k) for k in ("who", "role", "outlet", "state_affiliated", "stake")},
        "evidence": evidence,
        "evidence_start": spans[0]["start"] if spans else None,
        "evidence_end": spans[0]["end"] if spans else None,
        "explanation": step["explanation"],
    }


def _flatten_claim(c: Mapping[str, Any]) -> dict[str, Any]:
    backers = "; ".join(f"{b['who']}: {b['how_far']}" for b in c["corroborated_by"])
    return {**c, "corroborated_by": backers, "restates": c.get("restates")}


def _flatten_gallery(g: Mapping[str, Any]) -> dict[str, Any]:
    return {**g, "title": g["title"]["text"]}


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
        "source_kind": _one_of(SOURCE_KINDS),
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
    shown = repr(value)
    return shown if len(shown) <= width else shown[: width - 4] + "...'"


def _problems(data: Mapping[str, Any], article: Article) -> list[str]:
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
