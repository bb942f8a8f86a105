"""News outlets: who is behind a name that appears in a news text.

``data/outlets.csv`` lists news agencies, broadcasters, papers and sites with their
country, owner and their class in the State Media Monitor typology (SC, CaPu, CaPr
count as state-affiliated; ISFM, ISF, ISM, IP are independent public media;
``private`` is not state media). ``find_outlets`` marks every outlet an article
names; ``outlet_card`` shows one outlet's facts for a lesson. The table is built by
``tools/build_outlets.py``; ``data/CREDITS.md`` explains its sources and codes.

How names are matched (the forms come from the table's ``match_any_case`` and
``match_exact_case`` columns):

* long names in any letter case ("Fars News Agency", "FARS NEWS AGENCY");
* short forms and acronyms exactly as written, as whole words ("Fars", "KCNA", "AP"),
  so "Farsi", "Syria", "Sanaa" and "art" do not count;
* the longest name wins where names overlap: "Fars News Agency" is one finding;
* a few names are skipped before certain words ("Fars province", "CCTV footage",
  "AP exams", "Sputnik V"): the table's ``not_before`` column;
* "RT @user" is a retweet marker, not the channel RT, and "RT-PCR" is a lab test;
* every other name and alias of the table (a short acronym such as "NNA", a name that
  is also an everyday word or a person's name such as "Tasnim", "Bloomberg" or "Gold",
  a name several outlets share such as "NTV") counts only where the sentence treats it
  as news: a reporting verb right after it ("Tasnim reported", "NNA quoted") or a cue
  right before it ("according to Tasnim", "told Bloomberg", "state broadcaster NTV").
  A name several outlets share is given to the one whose country the text names
  nearby ("In Russia, NTV reported ..."); with no such clue it is left out, because a
  wrong owner would teach something false.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .._util.data import read_table
from .._util.folding import folded, folded_same_length
from .._util.frames import records_frame
from .._util.lazy import pd
from .._util.regex import trie_regex
from ..errors import OutletAmbiguous, OutletNotFound
from ..text.article import Article, as_article
from ..vocab import OUTLET_KINDS

OUTLET_COLUMNS = (
    "id",
    "name",
    "aliases",
    "domains",
    "country",
    "outlet_type",
    "typology",
    "state_affiliated",
    "ownership_note",
    "source",
    "match_any_case",
    "match_exact_case",
    "not_before",
)
"""The columns of ``data/outlets.csv`` (and of :func:`load_outlets`)."""

FINDING_COLUMNS = (
    "start",
    "end",
    "text",
    "outlet_id",
    "name",
    "country",
    "typology",
    "state_affiliated",
    "explanation",
)
"""The columns of :func:`find_outlets`, in order."""

_FINDING_DTYPES = {
    "start": "int64",
    "end": "int64",
    "text": "object",
    "outlet_id": "object",
    "name": "object",
    "country": "object",
    "typology": "object",
    "state_affiliated": "bool",
    "explanation": "object",
}

# Plain words for the outlet_type codes of the table.
# Country names that read "from the United States", "from the Philippines".
_NEEDS_THE = re.compile(r"^(?:United |Philippines|Netherlands)|(?:Republic|territories|Union)$")

# Characters that may separate the words of a name in a text.
_SPACE = r"\s+"
_HYPHEN = "[-\u2010\u2011\u2013]"
_APOSTROPHE = "['\u2019]"
_KEY_SPACE_RE = re.compile(r"\s+")
_KEY_HYPHEN_RE = re.compile("[\u2010\u2011\u2013]")
# After a match: the next word (for not_before) and the acronym guards.
_NEXT_WORD_RE = re.compile(r"\s+([\w'\u2019]+)")
_RETWEET_RE = re.compile(r"\s*@")
# "RT-PCR" (a lab test), "SANA'A" (Yemen's capital in capitals); "AFP's" is fine.
_JOINED_RE = re.compile(r"-\w|['\u2019](?!s\b)\w")
# A name that counts only in news context: what may follow it, what may come before it.
_NEWS_AFTER_RE = re.compile(
    r"(?:['\u2019]s\s+(?:website|report|reporter|reporters|correspondent|reporting)"
    r"|,?\s+(?:(?:also|first|later|earlier|has|had|have|then)\s+)?"
    r"(?:reported|reports|reporting|quoted|quotes|cited|cites|broadcast|broadcasts|aired|airs"
    r"|carried|published|said\s+in\s+a\s+report))\b"
)
_NEWS_BEFORE_RE = re.compile(
    r"(?i:\baccording\s+to|\btold|\b(?:quoted|cited|reported|published|broadcast|aired"
    r"|carried|run)\s+by|\binterview\s+with|\bagency|\bbroadcaster|\bchannel|\bnetwork"
    r"|\bnewspaper|\bdaily|\bweekly|\bmagazine|\bwebsite|\boutlet|\bwire\s+service"
    r"|\bnews\s+service|\bstate(?:-run)?\s+(?:media|TV|television|radio))\s+(?:the\s+)?\Z"
)
# "Michael Bloomberg", "Mr. Gold": a capitalised word right before makes it a person's
# name; "Russia's NTV" is fine.
_NAME_BEFORE_RE = re.compile(r"(?<![\w'\u2019])[A-Z][\w'\u2019-]*(?<!['\u2019]s)\.?\s+\Z")
_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_CONTEXT_REACH = 40  # characters before a name that a cue may take
_COUNTRY_REACH = 600  # characters around a shared name in which its country is looked for


class Typology(NamedTuple):
    """One code of the State Media Monitor typology, in plain words."""

    code: str
    label: str
    meaning: str
    state_affiliated: bool
    source: str


class OutletMention(NamedTuple):
    start: int
    end: int
    text: str
    outlet_id: str
    name: str
    country: str
    typology: str
    state_affiliated: bool
    explanation: str


class _Matcher(NamedTuple):
    pattern: re.Pattern[str]
    lower_pattern: re.Pattern[str]  # every form lower-cased: finds where ``pattern`` may match
    any_case: dict[str, str]  # normalized form -> outlet id
    exact_case: dict[str, str]
    acronyms: frozenset[str]  # exact forms without small letters
    not_before: dict[str, frozenset[str]]  # outlet id -> words that cancel a match
    in_context: dict[str, tuple[str, ...]]  # form -> outlet ids, counted only in news context
    needs_place: frozenset[str]  # in-context forms whose outlet's country must be named nearby
    also_named: dict[str, tuple[str, ...]]  # searched form (folded) -> other outlets it names


# ---------------------------------------------------------------------- the tables


@cache
def _outlet_frame() -> pd.DataFrame:
    rows = read_table("outlets.csv", columns=OUTLET_COLUMNS)
    frame = pd.DataFrame(list(rows), columns=list(OUTLET_COLUMNS), dtype=str)
    frame["state_affiliated"] = frame["state_affiliated"].str.lower().eq("true")
    return frame


def load_outlets() -> pd.DataFrame:
    """The curated outlet table, one row per outlet (a fresh copy each call).

    ``aliases``, ``domains`` and the ``match_*`` columns hold "|"-separated lists;
    ``state_affiliated`` is a bool that is True for the codes SC, CaPu and CaPr.
    The file is read once per session, so repeated calls are cheap.
    """
    return _outlet_frame().copy()


@cache
def typology_codes() -> Mapping[str, Typology]:
    """The State Media Monitor codes (plus ``private``) with labels and meanings."""
    rows = read_table(
        "outlet_typology.csv", columns=("code", "label", "meaning", "state_affiliated")
    )
    return {
        r["code"]: Typology(
            r["code"], r["label"], r["meaning"], r["state_affiliated"] == "true", r["source"]
        )
        for r in rows
    }


@cache
def _records() -> dict[str, dict[str, Any]]:
    """Outlet rows as plain dicts keyed by id (fast lookups while matching)."""
    return {row["id"]: row for row in _outlet_frame().to_dict("records")}


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


# ---------------------------------------------------------------------- the matcher


def _normalize(form: str, *, fold: bool) -> str:
    """The lookup key of a name: one space between words, plain hyphens, straight quotes."""
    key = _KEY_SPACE_RE.sub(" ", form).replace("\u2019", "'")
    key = _KEY_HYPHEN_RE.sub("-", key)
    return key.casefold() if fold else key


def _char_regex(ch: str) -> str:
    if ch == " ":
        return _SPACE
    if ch == "-":
        return _HYPHEN
    if ch == "'":
        return _APOSTROPHE
    return re.escape(ch)


def _trie_regex(forms: Iterable[str]) -> str:
    """One regex for many names; spaces, hyphens and apostrophes match their variants."""
    return trie_regex((_normalize(form, fold=False) for form in forms), char_regex=_char_regex)


@cache
def _matcher() -> _Matcher:
    any_case: dict[str, str] = {}
    exact_case: dict[str, str] = {}
    not_before: dict[str, frozenset[str]] = {}
    for row in _records().values():
        for form in _split(row["match_any_case"]):
            any_case[_normalize(form, fold=True)] = row["id"]
        for form in _split(row["match_exact_case"]):
            exact_case[_normalize(form, fold=False)] = row["id"]
        if row["not_before"]:
            not_before[row["id"]] = frozenset(w.casefold() for w in _split(row["not_before"]))
    # A name starts after a non-word character and never right after "@" or "#"
    # (a handle or a hashtag), and it ends before a non-word character.
    body = "|".join(
        part
        for part in (
            f"(?i:{_trie_regex(any_case)})" if any_case else "",
            _trie_regex(exact_case) if exact_case else "",
        )
        if part
    )
    in_context, needs_place, also_named = _in_context_forms(any_case, exact_case)
    acronyms = frozenset(
        k for k in (*exact_case, *in_context) if not any(ch.islower() for ch in k)
    )
    # The in-context forms come last: a regular name at the same place is tried first.
    body += "|" + _trie_regex(in_context) if in_context else ""
    pattern = re.compile(rf"(?<![\w@#])(?:{body})(?!\w)")
    lowered = {folded(form) for form in (*any_case, *exact_case, *in_context)}
    lower_pattern = re.compile(rf"(?<![\w@#])(?:{_trie_regex(lowered)})(?!\w)")
    return _Matcher(
        pattern,
        lower_pattern,
        any_case,
        exact_case,
        acronyms,
        not_before,
        in_context,
        needs_place,
        also_named,
    )


def _search(
    matcher: _Matcher, text: str, lower: str | None, pos: int, end: int
) -> re.Match[str] | None:
    """The first name in ``text[pos:end]``, as ``matcher.pattern.search`` finds it, faster.

    ``lower`` is the text as :func:`~medialit._util.folding.folded_same_length` gives
    it. Python's ``re`` cannot reject a word by its first letter in a case-insensitive
    letter tree; in lower-cased text a plain tree can, about four times faster. Every
    place where a name matches is also a place where its folded form matches, so the
    real pattern is only tried where the folded one found something.
    """
    if lower is None:
        return matcher.pattern.search(text, pos, end)
    while (hint := matcher.lower_pattern.search(lower, pos, end)) is not None:
        match = matcher.pattern.match(text, hint.start(), end)
        if match is not None:
            return match
        pos = hint.start() + 1
    return None


def _in_context_forms(
    any_case: Mapping[str, str], exact_case: Mapping[str, str]
) -> tuple[dict[str, tuple[str, ...]], frozenset[str], dict[str, tuple[str, ...]]]:
    """The names and aliases that the regular forms miss, and the names outlets share.

    Returns (form -> outlet ids, the forms whose country must be named nearby, searched
    form -> the other outlets that also bear it). A bracketed part is our own hint
    ("NTV (Russia)", "The Times (London)"): the name without it is too vague alone, so
    it counts only with its outlet's country nearby. A name whose regular form is
    already searched ("The New York Times" -> "New York Times") is not repeated.
    """
    owners: dict[str, list[str]] = defaultdict(list)
    hinted: set[str] = set()
    for outlet_id, row in _records().items():
        for name in (row["name"], *_split(row["aliases"])):
            form = _PAREN_RE.sub("", name).strip()
            if len(form) < 2:
                continue
            key = _normalize(form, fold=False)
            if form != name.strip():
                hinted.add(key)
            if outlet_id not in owners[key]:
                owners[key].append(outlet_id)
    in_context: dict[str, tuple[str, ...]] = {}
    also_named: dict[str, tuple[str, ...]] = {}
    for key, ids in owners.items():
        bare = key[4:] if key[:4].casefold() == "the " else key
        searched = next(
            (
                owner
                for f in (key, bare)
                for owner in (exact_case.get(f), any_case.get(_normalize(f, fold=True)))
                if owner
            ),
            None,
        )
        if searched is None:
            in_context[key] = tuple(ids)
        elif set(ids) - {searched}:
            also_named[_normalize(key, fold=True)] = tuple(i for i in ids if i != searched)
    return in_context, frozenset(hinted & set(in_context)), also_named


def _named_country(text: str, ids: Iterable[str], lo: int, hi: int) -> str | None:
    """The one outlet of ``ids`` whose country the text names in ``text[lo:hi]``, else None."""
    window = text[lo:hi]
    records = _records()
    named = [i for i in ids if re.search(rf"\b{re.escape(records[i]['country'])}\b", window)]
    return named[0] if len(named) == 1 else None


def _outlet_of(matcher: _Matcher, found: str) -> str | None:
    """The outlet id a matched text belongs to (exact forms first, then any case)."""
    outlet_id = matcher.exact_case.get(_normalize(found, fold=False))
    if outlet_id is None:
        outlet_id = matcher.any_case.get(_normalize(found, fold=True))
    return outlet_id


def _rejected(matcher: _Matcher, text: str, key: str, outlet_id: str, end: int, limit: int) -> bool:
    """True when the words around a match show it is not the outlet."""
    # "RT @user" is a retweet marker; "RT-PCR", "AP-style", "SANA'A" are other words.
    if key in matcher.acronyms and (
        _RETWEET_RE.match(text, end, limit) or _JOINED_RE.match(text, end, limit)
    ):
        return True
    stop = matcher.not_before.get(outlet_id)
    if stop:
        nxt = _NEXT_WORD_RE.match(text, end, limit)
        if nxt and nxt.group(1).casefold() in stop:
            return True
    return False


def _in_news_context(
    matcher: _Matcher, text: str, key: str, where: tuple[int, int], lo: int, hi: int
) -> str | None:
    """The outlet an in-context name stands for, or None when the words around it are no news.

    News context: a cue right before the name ("according to", "told", "news agency",
    "state broadcaster"), or a reporting verb right after it ("reported", "quoted")
    when no capitalised word stands right before it ("Michael Bloomberg"). A name that
    several outlets share goes to the one whose country is named within a few
    sentences; otherwise to none. So does a name we only know with a bracketed hint
    ("The Times (London)").
    """
    ids = matcher.in_context.get(key)
    if not ids:
        return None
    start, end = where
    before = text[max(lo, start - _CONTEXT_REACH) : start]
    if not _NEWS_BEFORE_RE.search(before) and (
        not _NEWS_AFTER_RE.match(text, end, hi) or _NAME_BEFORE_RE.search(before)
    ):
        return None
    if len(ids) == 1 and key not in matcher.needs_place:
        return ids[0]
    return _named_country(
        text, ids, max(lo, start - _COUNTRY_REACH), min(hi, end + _COUNTRY_REACH)
    )


def scan_outlets(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, outlet_id)`` for every outlet named inside the given spans, in order.

    The low-level search behind :func:`find_outlets`: one compiled regex runs over
    each span; matches that the context rules reject are skipped and the search goes
    on from the next character, so a rejected short name cannot hide a real one.
    """
    matcher = _matcher()
    lower = folded_same_length(text)
    found: list[tuple[int, int, str]] = []
    for span_start, span_end in sorted(spans):
        pos = span_start
        while True:
            match = _search(matcher, text, lower, pos, span_end)
            if match is None:
                break
            start, end = match.span()
            matched = match.group()
            outlet_id = _outlet_of(matcher, matched)
            key = _normalize(matched, fold=False)
            if outlet_id is None:
                outlet_id = _in_news_context(matcher, text, key, (start, end), span_start, span_end)
            elif matcher.also_named and (others := matcher.also_named.get(key.casefold())):
                # "NBC" is the U.S. network, unless the text names Namibia and not the U.S.
                lo = max(span_start, start - _COUNTRY_REACH)
                hi = min(span_end, end + _COUNTRY_REACH)
                outlet_id = _named_country(text, (outlet_id, *others), lo, hi) or outlet_id
            if outlet_id is None or _rejected(matcher, text, key, outlet_id, end, span_end):
                pos = start + 1
                continue
            found.append((start, end, outlet_id))
            pos = end
    return found


# ---------------------------------------------------------------------- explanations


def _country_phrase(country: str) -> str:
    return f"the {country}" if _NEEDS_THE.search(country) else country


def _describe(row: Mapping[str, Any], cue: str | None = None) -> str:
    """Plain words: what the outlet is, whether it is state media, and who is behind it."""
    kind = OUTLET_KINDS.words.get(row["outlet_type"], "news outlet")
    where = _country_phrase(row["country"])
    if cue is None or cue.casefold() == row["name"].casefold():
        opening = f"{row['name']} is a {kind} from {where}."
        if cue is not None:
            opening = f"“{cue}” is a {kind} from {where}."
    else:
        opening = f"“{cue}” is {row['name']}, a {kind} from {where}."
    typ = typology_codes()[row["typology"]]
    note = row["ownership_note"]
    if row["typology"] == "private":
        return f"{opening} Not state media: {typ.meaning}. Who is behind it: {note}"
    if row["state_affiliated"]:
        return (
            f"{opening} It counts as state-affiliated media: the State Media Monitor calls it "
            f"{typ.label} ({typ.code}), which means {typ.meaning}. Who is behind it: {note} "
            "So read its claims as what that government wants said, and look for the "
            "same news from outlets it does not control."
        )
    return (
        f"{opening} It is public media, but not state-affiliated: the State Media Monitor "
        f"calls it {typ.label} ({typ.code}), which means {typ.meaning}. "
        f"Who is behind it: {note}"
    )


# ---------------------------------------------------------------------- public API


def find_outlets(article: Article | str, *, scope: str = "story") -> pd.DataFrame:
    """Every news outlet the article names, with its owner and State Media Monitor class.

    ``scope="story"`` reads the headline and the story, like every detector;
    ``scope="page"`` also reads the page around it: the copyright line, photo
    captions, credits and promotions. A plain string is read as an article.

    Returns one row per mention, in text order, with the columns
    ``start, end, text, outlet_id, name, country, typology, state_affiliated,
    explanation``; ``text == article.text[start:end]`` always.
    """
    return mention_frame(outlet_records(article, scope=scope))


def mention_frame(mentions: Sequence[OutletMention]) -> pd.DataFrame:
    """Outlet mentions as the table :func:`find_outlets` returns."""
    return records_frame(mentions, FINDING_COLUMNS, _FINDING_DTYPES)


def outlet_records(article: Article | str, *, scope: str = "story") -> list[OutletMention]:
    """The rows of :func:`find_outlets` as small records (no DataFrame), for ``analyze``."""
    article = as_article(article, caller="find_outlets")
    text = article.text
    records = _records()
    findings = []
    for start, end, outlet_id in scan_outlets(text, list(article.spans(scope))):
        row = records[outlet_id]
        cue = text[start:end]
        findings.append(
            OutletMention(
                start,
                end,
                cue,
                outlet_id,
                row["name"],
                row["country"],
                row["typology"],
                bool(row["state_affiliated"]),
                _describe(row, cue),
            )
        )
    return findings


@cache
def _lookup_index() -> dict[str, frozenset[str]]:
    """Every id, name, alias, matched form and domain -> the outlet ids it may mean."""
    index: dict[str, set[str]] = defaultdict(set)
    for outlet_id, row in _records().items():
        keys = [outlet_id, row["name"], *_split(row["aliases"]), *_split(row["domains"])]
        keys += _split(row["match_any_case"]) + _split(row["match_exact_case"])
        for key in keys:
            index[_normalize(key, fold=True)].add(outlet_id)
    return {key: frozenset(ids) for key, ids in index.items()}


def _hosts(query: str) -> list[str]:
    """For a web address: its host and each parent domain (news.cctv.com, cctv.com)."""
    if "/" not in query and "." not in query:
        return []
    host = (urlsplit(query if "://" in query else "http://" + query).hostname or "").lower()
    host = re.sub(r"^www\.", "", host)
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


def outlet_card(name_or_id: str) -> dict[str, Any]:
    """One outlet's facts for a lesson: who it is, where it is from, who is behind it.

    Accepts an id ("fars-news-agency"), a name or alias ("Fars", "Xinhua"), or a web
    address ("https://english.farsnews.ir/..."). Returns a plain dict with ``id``,
    ``name``, ``aliases``, ``country``, ``outlet_type``, ``kind`` (in words),
    ``typology``, ``typology_label``, ``typology_meaning``, ``state_affiliated``,
    ``ownership_note``, ``source``, ``domains`` and ``summary`` (plain sentences).
    """
    if not isinstance(name_or_id, str) or not name_or_id.strip():
        raise OutletNotFound(
            f"outlet_card needs the name, id or web address of an outlet, not {name_or_id!r}."
        )
    index = _lookup_index()
    query = name_or_id.strip()
    ids = index.get(_normalize(query, fold=True))
    if ids is None:
        ids = next((index[h] for h in _hosts(query) if h in index), None)
    if not ids:
        close = difflib.get_close_matches(_normalize(query, fold=True), index, n=3)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise OutletNotFound(
            f"No outlet called {query!r} is in medialit's table.{hint} "
            "See ml.load_outlets() for every outlet it knows."
        )
    if len(ids) > 1:
        records = _records()
        options = "; ".join(f"{i!r} ({records[i]['name']})" for i in sorted(ids))
        raise OutletAmbiguous(
            f"{query!r} can mean several outlets: {options}. Pass one of these ids instead."
        )
    row = _records()[next(iter(ids))]
    typ = typology_codes()[row["typology"]]
    return {
        "id": row["id"],
        "name": row["name"],
        "aliases": _split(row["aliases"]),
        "country": row["country"],
        "outlet_type": row["outlet_type"],
        "kind": OUTLET_KINDS.words.get(row["outlet_type"], "news outlet"),
        "typology": row["typology"],
        "typology_label": typ.label,
        "typology_meaning": typ.meaning,
        "state_affiliated": bool(row["state_affiliated"]),
        "ownership_note": row["ownership_note"],
        "source": row["source"],
        "domains": _split(row["domains"]),
        "summary": _describe(row),
    }
