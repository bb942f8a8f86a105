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
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._util.io import atomic_write_text, read_bytes_checked
from .._util.lazy import pd
from .._util.resources import data_path
from ..errors import AnswerKeyError, ArticleError
from ..text.article import DEFAULT_ARTICLE, Article, bundled_articles, load_article
from ..vocab import STORY_KINDS
from .key_checks import FORMAT_VERSION as FORMAT_VERSION  # part of the key API
from .key_checks import LIST_FIELDS, key_problems

# The key format's vocabularies (hedge categories, source kinds, scopes, verdicts, chain
# roles, look-alikes) are medialit.vocab's; the checks are in key_checks.py.


_MAX_PROBLEMS_SHOWN = 12
MAX_KEY_BYTES = 50 * 1024 * 1024
"""An answer key is a few hundred kilobytes; a larger file is not one."""


# --------------------------------------------------------------------------- loading


def bundled_keys() -> list[str]:
    """Names of the answer keys that ship with medialit (one per bundled article)."""
    folder = data_path("answer_keys")
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


def _key_path(name_or_path: str | os.PathLike[str] | None) -> Path:
    """Turn a bundled key name, or a path to a ``.json`` file, into a file path."""
    if name_or_path is None:
        name_or_path = DEFAULT_ARTICLE
    if not isinstance(name_or_path, (str, os.PathLike)):
        raise AnswerKeyError(
            f"load_key() takes a bundled key name or a path to a .json file, not "
            f"{type(name_or_path).__name__}."
        )
    text = os.fspath(name_or_path)
    if not isinstance(text, str) or not text.strip():
        raise AnswerKeyError("The answer key's name or path is empty.")
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
    if path.is_dir():
        raise AnswerKeyError(f"The answer key file {str(path)!r} is a folder, not a file.")
    if not path.exists():
        raise AnswerKeyError(f"The answer key file {str(path)!r} does not exist.")
    return path


def _read_json(path: Path) -> dict[str, Any]:
    try:
        raw = read_bytes_checked(
            path, limit=MAX_KEY_BYTES, what="answer key", error=AnswerKeyError
        ).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnswerKeyError(
            f"{str(path)!r} is not UTF-8 text, so it is not an answer key."
        ) from exc
    except OSError as exc:
        raise AnswerKeyError(f"{str(path)!r} cannot be read: {exc.strerror or exc}.") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnswerKeyError(
            f"{str(path)!r} is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}. Fix that spot (a missing comma or quote is usual)."
        ) from exc
    except RecursionError as exc:
        raise AnswerKeyError(
            f"{str(path)!r} is nested far too deeply to be an answer key."
        ) from exc
    except ValueError as exc:  # a number with thousands of digits
        raise AnswerKeyError(f"{str(path)!r} cannot be read as an answer key: {exc}.") from exc
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
        # Only a bundled name: a key file must not make medialit read any path it names
        # (a key whose "article" is /dev/zero would read forever).
        if name not in bundled_articles():
            raise ArticleError(name)
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
    if not isinstance(key_dict, Mapping):
        raise AnswerKeyError(f"save_key() takes the key as a dict, not {type(key_dict).__name__}.")
    if not isinstance(article, Article):
        raise AnswerKeyError(
            f"article must be a medialit Article (from load_article()), not "
            f"{type(article).__name__}."
        )
    target = Path(path).expanduser()
    if target.is_dir():
        raise AnswerKeyError(
            f"{str(target)!r} is a folder; give a file name such as 'my-article.json'."
        )
    key = AnswerKey(_raw=_json_copy(key_dict, target.name), where=f"Answer key for {target.name!r}")
    key.validate(article)
    text = json.dumps(key.raw, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write_text(target, text, make_folder=True)
    except UnicodeEncodeError as exc:
        raise AnswerKeyError(
            f"The answer key for {target.name!r} holds text that cannot be saved as UTF-8: "
            f"a broken character near {exc.object[max(exc.start - 20, 0) : exc.end + 20]!a}."
        ) from exc
    return target


def _json_copy(key_dict: Mapping[str, Any], name: str) -> dict[str, Any]:
    """A deep copy of ``key_dict`` that is plain JSON, or a clear error saying why not."""
    try:
        return json.loads(json.dumps(dict(key_dict), allow_nan=False))
    except RecursionError as exc:
        raise AnswerKeyError(f"The answer key for {name!r} is nested far too deeply.") from exc
    except (TypeError, ValueError) as exc:
        raise AnswerKeyError(
            f"The answer key for {name!r} holds something JSON cannot store ({exc}). Use "
            "only text, whole numbers, true/false, lists and objects with text keys."
        ) from exc


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
        problems = key_problems(self._raw, article)
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
        rows = [_flatten_step(i, s) for i, s in enumerate(self._items("source_chain"), 1)]
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
