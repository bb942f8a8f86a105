"""Find hedges: the words that tell a reader how sure, and how sourced, a claim is.

A *hedge* softens a claim or hands it to someone else. medialit sorts them into:

- ``reportive``: the writer passes a claim on without vouching for it
  ("reportedly", "according to", "reports have surfaced", "is said to");
- ``epistemic``: uncertainty ("may", "might", "could", "perhaps", "appears to");
- ``vague_source``: a source with no name ("officials say", "multiple columnists",
  "what others have observed", "it is said");
- ``question_headline``: a headline that asks instead of telling ("... calling in sick?").

Every cue lives in ``data/lexicons/hedges.csv`` with its category, an explanation
for a learner and where it comes from (Hyland 2005, Wikipedia's "Words to watch",
the MIT-licensed ``hedges`` and ``weasels`` word lists, or medialit). A row is
spotted by its ``forms`` (literal words, inflections spelled out), and may claim
words before (``before``) and after (``after``) them; both are regular
expressions that can name a word list (``{claim_verb}``) or a shared pattern part
(``{group_words}``) of the same file. Rows of category ``not_hedge`` are *guards*:
they describe a classic false alarm ("military might", "insurance claims", "could
not swim") and win against a hedge they overlap. ``data/lexicons/README.md``
describes the columns.

How a text is read, and why:

1. One fast regular expression finds the first word of every form (the trigger)
   in the lower-cased text; only there are the rows' own patterns tried. Most words
   are no trigger, so this is what makes the scan fast.
2. Every row that matches at a trigger gives a candidate span.
3. The longest candidate wins; a candidate that overlaps a longer one is dropped,
   and on equal length a guard beats a hedge. So "according to reports" beats
   "according to", "could not be independently verified" beats the guard "could
   not", and "military might" (a guard) hides "might".
4. Guards are dropped; what is left, in document order, is the table.
5. A headline that ends with "?" (and does not open with who/what/why ...) is a
   ``question_headline`` finding over the whole headline. It is the one finding
   that may contain others: a cue inside the headline is still reported.

Choices a teacher may want to know about:

- "May" with a capital letter is never read as a hedge: mid-sentence it is the month
  or a name ("Theresa May"), and the modal "May ..." rarely opens a news sentence.
- "might"/"may"/"could" after "fears" or "hopes" ("over fears they might die") tell
  what people in the story fear; the writer is not unsure, so no hedge. After
  "worried" or "concerned" ("concerned that he may lie") they stay hedges: the
  worry is itself a guess about what may happen.
- "You may", "you could" and "you might want to" speak to the reader (a permission,
  an option, a tip), so they are no hedge; "you might qualify" still is.
- A speaker's own doubt is a hedge: "I think", "I believe", "I guess", "not sure".
- A vague group counts only when its saying verb follows right after it ("U.S.
  officials say", "Democrats say", "Traders expect"), at most after a short place
  ("officials in Kabul said"). "U.S. officials, including Defense Secretary Ash
  Carter, say" names someone, so it is left alone: precision first, because
  learners are scored on telling hedges from non-hedges. A poll share ("60 percent
  of Democrats say") is a number from a survey, not a vague source.
- An opinion or forecast with no owner is reportive: "is expected to", "is seen
  as", "is considered"; "was considered by the Senate" is about a vote, not.
- "the officials say" may point back to people named earlier; medialit does not
  resolve that, and flags it as vague.
- Approximators ("roughly 75 miles", "about 300") are hedges to a linguist, but
  not doubt about a claim, so they are not in the lexicon.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from .._util.data import read_table
from .._util.frames import records_frame
from .._util.lazy import pd
from .._util.regex import trie_regex
from .._util.resources import data_path
from ..errors import BadOptionError, DataFileError
from ..text.article import Article, as_article
from ..vocab import HEDGE_CATEGORIES

"""Categories a finding can have."""

GUARD = "not_hedge"
WORD_LIST = "word_list"
PATTERN_PART = "pattern_part"
LEXICON_CATEGORIES: tuple[str, ...] = (*HEDGE_CATEGORIES, GUARD, WORD_LIST, PATTERN_PART)
"""Categories a lexicon row can have: the hedge categories, guards, word lists and
pattern parts (a regular expression that several rows share)."""

LEXICON_COLUMNS: tuple[str, ...] = (
    "id",
    "category",
    "cue",
    "forms",
    "before",
    "after",
    "case_sensitive",
    "explanation",
    "source",
    "notes",
)

COLUMNS: tuple[str, ...] = (
    "start",
    "end",
    "text",
    "category",
    "cue",
    "rule",
    "explanation",
    "sentence",
)
"""Columns of :func:`find_hedges`; ``rule`` is the lexicon row id, ``sentence`` the
index into ``article.sentences`` (``<NA>`` outside the story's sentences)."""

_LEXICON_FILE = ("lexicons", "hedges.csv")
_WINDOW = 100  # how far back (in characters) a row's ``before`` words may reach
# Forms and ``before`` words start and end at word boundaries: "could" is not the start
# of "couldn't", while a closing quotation mark ("'reportedly'") does not hide a cue.
_BOUNDARY = r"\b"
_REF = re.compile(r"\{(\w+)\}")
_QUESTION_TAIL = " \t\"'’”»)]*"


class Hedge(NamedTuple):
    """One hedge found in a text."""

    start: int
    end: int
    text: str
    category: str
    cue: str
    rule: str
    explanation: str
    sentence: int | None


class _Rule(NamedTuple):
    order: int
    id: str
    category: str
    cue: str
    explanation: str
    right: re.Pattern[str]  # the forms and the ``after`` words, matched at the trigger
    left: re.Pattern[str] | None  # the ``before`` words, ending at the trigger


class _Compiled(NamedTuple):
    triggers: re.Pattern[str]  # every literal form, lower-cased, for lower-cased text
    triggers_any_case: re.Pattern[str]  # the same, for text whose lower case changes length
    rules_by_trigger: Mapping[str, tuple[_Rule, ...]]  # by the first word of their forms
    question: _Rule | None
    question_marks: tuple[str, ...]
    wh_words: frozenset[str]


# ---------------------------------------------------------------------- the lexicon


@cache
def _lexicon_rows() -> tuple[dict[str, str], ...]:
    path = data_path(*_LEXICON_FILE)
    rows = tuple(
        {key: value.strip() for key, value in row.items()}
        for row in read_table(*_LEXICON_FILE, columns=LEXICON_COLUMNS)
    )
    problems = lexicon_problems(rows)
    if problems:
        raise DataFileError(f"{path} has problems:\n- " + "\n- ".join(problems))
    return rows


@cache
def _lexicon_frame() -> pd.DataFrame:
    table = pd.DataFrame(list(_lexicon_rows()), columns=list(LEXICON_COLUMNS))
    table["case_sensitive"] = table["case_sensitive"].str.lower().eq("true")
    return table


def load_hedge_lexicon() -> pd.DataFrame:
    """Return the hedge lexicon, one row per cue, guard or word list (a fresh copy).

    Columns: ``id, category, cue, forms, before, after, case_sensitive,
    explanation, source, notes``. ``category`` is a hedge category, ``not_hedge``
    (a guard against a false alarm), ``word_list`` (words that other rows use as
    ``{id}``) or ``pattern_part`` (a shared regular expression, in ``forms``). To
    see only the cues: ``table[table.category.isin(HEDGE_CATEGORIES)]``. The file
    is read once; later calls only copy the table.
    """
    return _lexicon_frame().copy()


class _Vocabulary(NamedTuple):
    """The word lists and pattern parts that rows refer to as ``{id}``."""

    lists: Mapping[str, Sequence[str]]
    parts: Mapping[str, str]

    @classmethod
    def of(cls, rows: Iterable[Mapping[str, str]]) -> _Vocabulary:
        rows = list(rows)
        lists = {
            r["id"]: [f.strip() for f in r["forms"].split("|") if f.strip()]
            for r in rows
            if r.get("category") == WORD_LIST
        }
        parts = {r["id"]: r["forms"] for r in rows if r.get("category") == PATTERN_PART}
        return cls(lists, parts)

    def names(self) -> set[str]:
        return set(self.lists) | set(self.parts)

    def forms(self, field: str) -> list[str]:
        """Split ``a|b|{list}`` into literal forms, expanding word lists."""
        forms: list[str] = []
        for piece in field.split("|"):
            piece = piece.strip()
            ref = _REF.fullmatch(piece)
            forms.extend(self.lists[ref.group(1)] if ref else [piece] if piece else [])
        return forms

    def expand(self, pattern: str, depth: int = 0) -> str:
        """Replace ``{id}`` by the word list's forms or the pattern part's regex."""
        if depth > 8:
            raise DataFileError(f"pattern parts refer to each other in a circle: {pattern!r}")

        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in self.lists:
                return "(?:" + _alternatives(self.lists[name]) + ")"
            return "(?:" + self.expand(self.parts[name], depth + 1) + ")"

        return _REF.sub(one, pattern)


def _form_char(ch: str) -> str:
    """One letter of a literal form: any run of spaces matches, both apostrophes match."""
    if ch == " ":
        return r"\s+"
    return "['’]" if ch == "'" else re.escape(ch)


def _alternatives(forms: Iterable[str]) -> str:
    """Literal forms as one letter tree.

    A tree tries the longer form first where forms share a start, as the longest
    form must win, and rejects a form at its first wrong letter, which a list of
    alternatives cannot do under ``re.IGNORECASE``.
    """
    return trie_regex({" ".join(f.replace("’", "'").split()) for f in forms}, char_regex=_form_char)


def lexicon_problems(rows: Iterable[Mapping[str, str]]) -> list[str]:
    """Check lexicon rows; return one plain sentence per problem (empty when all is well).

    Checked: the columns are there; ids are unique; every category is known;
    every row has an explanation and a source; hedges and guards have forms;
    ``case_sensitive`` is true or false; every ``{id}`` names a word list or a
    pattern part; and every pattern compiles.
    """
    rows = list(rows)
    problems: list[str] = []
    if rows:
        missing = [c for c in LEXICON_COLUMNS if c not in rows[0]]
        if missing:
            return [f"the lexicon lacks the column(s) {', '.join(missing)}"]
    vocabulary = _Vocabulary.of(rows)
    known = vocabulary.names()
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        rid = row.get("id", "")
        where = f"row {rid!r} (line {number})"
        if not rid:
            problems.append(f"line {number} has no id")
        elif rid in seen:
            problems.append(f"{where}: the id is used twice")
        seen.add(rid)
        category = row.get("category", "")
        if category not in LEXICON_CATEGORIES:
            problems.append(
                f"{where}: unknown category {category!r}; use one of "
                + ", ".join(LEXICON_CATEGORIES)
            )
        for column in ("explanation", "source"):
            if not row.get(column, "").strip():
                problems.append(f"{where}: the {column} is empty")
        if not row.get("forms", "").strip():
            problems.append(f"{where}: no forms to look for")
        if row.get("case_sensitive", "").lower() not in ("true", "false"):
            problems.append(f"{where}: case_sensitive must be true or false")
        refs = {
            m.group(1) for c in ("forms", "before", "after") for m in _REF.finditer(row.get(c, ""))
        }
        unknown = sorted(refs - known)
        in_forms = {m.group(1) for m in _REF.finditer(row.get("forms", ""))}
        if category != PATTERN_PART and in_forms - set(vocabulary.lists):
            unknown = sorted(in_forms - set(vocabulary.lists))
            problems.append(f"{where}: forms may only use word lists, not {', '.join(unknown)}")
            continue
        if unknown:
            problems.append(f"{where}: unknown word list or pattern part {', '.join(unknown)}")
            continue
        try:
            if category == PATTERN_PART:
                re.compile(vocabulary.expand(row["forms"]))
            elif category in (*HEDGE_CATEGORIES, GUARD) and category != "question_headline":
                _compile_rule(0, row, vocabulary)
        except (re.error, ValueError) as exc:
            problems.append(f"{where}: a pattern does not compile ({exc})")
    return problems


def _compile_rule(order: int, row: Mapping[str, str], vocabulary: _Vocabulary) -> _Rule:
    flags = 0 if row["case_sensitive"].lower() == "true" else re.IGNORECASE
    forms = _alternatives(vocabulary.forms(row["forms"]))
    after = vocabulary.expand(row["after"])
    right = re.compile(f"(?:{forms}){_BOUNDARY}(?:{after})", flags)
    left = None
    if row["before"]:
        # ``\Z`` ends the words exactly where the trigger starts (search's endpos); not
        # ``\b`` in front, which fails on an empty match once endpos cuts the text.
        left = re.compile(rf"(?<!\w)(?:{vocabulary.expand(row['before'])})\Z", flags)
    return _Rule(order, row["id"], row["category"], row["cue"], row["explanation"], right, left)


@cache
def _compiled() -> _Compiled:
    rows = _lexicon_rows()
    vocabulary = _Vocabulary.of(rows)
    by_trigger: dict[str, list[_Rule]] = {}
    literal_forms: set[str] = set()
    question = None
    marks: tuple[str, ...] = ()
    for order, row in enumerate(rows):
        if row["category"] in (WORD_LIST, PATTERN_PART):
            continue
        if row["category"] == "question_headline":
            marks = tuple(vocabulary.forms(row["forms"]))
            question = _Rule(
                order,
                row["id"],
                row["category"],
                row["cue"],
                row["explanation"],
                re.compile(_alternatives(marks)),
                None,
            )
            continue
        rule = _compile_rule(order, row, vocabulary)
        for form in vocabulary.forms(row["forms"]):
            first = form.split()[0].lower()
            for variant in {first, first.replace("'", "’"), first.replace("’", "'")}:
                by_trigger.setdefault(variant, []).append(rule)
            literal_forms.add(" ".join(form.lower().replace("’", "'").split()))
    # The whole forms, not only their first words: "in" alone is everywhere, "in all
    # likelihood" is rare, so far fewer places are handed to the rules.
    body = _BOUNDARY + "(?:" + _alternatives(literal_forms) + ")" + _BOUNDARY
    return _Compiled(
        triggers=re.compile(body),
        triggers_any_case=re.compile(body, re.IGNORECASE),
        rules_by_trigger={k: tuple(dict.fromkeys(v)) for k, v in by_trigger.items()},
        question=question,
        question_marks=marks,
        wh_words=frozenset(w.lower() for w in vocabulary.lists.get("wh_word", ())),
    )


# ---------------------------------------------------------------------- scanning


class _Candidate(NamedTuple):
    start: int
    end: int
    rule: _Rule


def _candidates_in(text: str, start: int, end: int, lexicon: _Compiled) -> list[_Candidate]:
    """Every row that matches where one of the lexicon's forms starts in ``text[start:end]``."""
    found: list[_Candidate] = []
    piece = text[start:end]
    lower = piece.lower()
    rules_by_trigger = lexicon.rules_by_trigger
    for offset, word in _form_starts(piece, lower, lexicon):
        pos = start + offset
        for rule in rules_by_trigger.get(word, ()):
            right = rule.right.match(text, pos, end)
            if right is None:
                continue
            begin = pos
            if rule.left is not None:
                left = rule.left.search(text, max(start, pos - _WINDOW), pos)
                if left is None:
                    continue
                begin = left.start()
            found.append(_Candidate(begin, right.end(), rule))
    return found


def _form_starts(piece: str, lower: str, lexicon: _Compiled) -> Iterator[tuple[int, str]]:
    """``(offset, first word)`` of every place in ``piece`` where a lexicon form starts.

    Forms can overlap ("not sure" and "sure"), so the search goes on from the next
    character after each find; a rule is then tried wherever a form of its first word
    starts (its own forms and context decide).
    """
    if len(lower) == len(piece):
        search, subject = lexicon.triggers.search, lower
    else:  # rare letters change length when lower-cased; offsets must stay exact
        search, subject = lexicon.triggers_any_case.search, piece
    match = search(subject)
    while match is not None:
        yield match.start(), match.group().split(None, 1)[0].lower()
        match = search(subject, match.start() + 1)


def _question_candidate(text: str, start: int, end: int, lexicon: _Compiled) -> _Candidate | None:
    """The whole headline, when it ends with a question mark and opens with no question word.

    "Who is Abu Bakr al-Baghdadi?" asks about facts; "ISIS fighters calling in
    sick?" raises a claim without making it.
    """
    rule = lexicon.question
    if rule is None:
        return None
    line = text[start:end]
    body = line.rstrip(_QUESTION_TAIL)
    if not body.endswith(lexicon.question_marks):
        return None
    first = re.match(r"\W*(\w+)", body)
    if first is None or first.group(1).lower() in lexicon.wh_words:
        return None
    begin = start + len(line) - len(line.lstrip())
    return _Candidate(begin, start + len(body), rule)


def _longest_first(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidates that do not overlap, in document order.

    On equal length a guard beats a hedge (precision first), then the earlier
    start, then the earlier lexicon row.
    """
    ranked = sorted(
        set(candidates),
        key=lambda c: (c.start - c.end, c.rule.category != GUARD, c.start, c.rule.order),
    )
    starts: list[int] = []
    ends: list[int] = []
    kept: list[_Candidate] = []
    for cand in ranked:
        i = bisect.bisect_right(starts, cand.start)
        if i > 0 and ends[i - 1] > cand.start:
            continue
        if i < len(starts) and starts[i] < cand.end:
            continue
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        kept.insert(i, cand)
    return kept


def _explain(text: str, rule: _Rule) -> str:
    # The phrase itself is shown beside the explanation by every renderer, so the
    # explanation does not repeat it.
    return rule.explanation


def _scan(
    text: str,
    spans: Iterable[tuple[int, int]],
    *,
    headlines: Iterable[tuple[int, int]] = (),
) -> list[Hedge]:
    """Find hedges in ``text[start:end]`` for every span; headlines may end in a question.

    Works on a plain string, so it can be tested without an :class:`Article`;
    ``sentence`` is left ``None``.
    """
    lexicon = _compiled()
    candidates: list[_Candidate] = []
    for start, end in spans:
        candidates.extend(_candidates_in(text, start, end, lexicon))
    kept = [c for c in _longest_first(candidates) if c.rule.category != GUARD]
    # A question headline spans the whole headline; the cues inside it stay findings too.
    questions = [_question_candidate(text, start, end, lexicon) for start, end in headlines]
    kept.extend(q for q in questions if q is not None)
    kept.sort(key=lambda c: (c.start, -c.end))
    return [
        Hedge(
            c.start,
            c.end,
            text[c.start : c.end],
            c.rule.category,
            c.rule.cue,
            c.rule.id,
            _explain(text[c.start : c.end], c.rule),
            None,
        )
        for c in kept
    ]


_DTYPES = {
    "start": "int64",
    "end": "int64",
    "text": "object",
    "category": "object",
    "cue": "object",
    "rule": "object",
    "explanation": "object",
    "sentence": "Int64",
}


def hedge_frame(hedges: Sequence[Hedge]) -> pd.DataFrame:
    """Hedge records as the table :func:`find_hedges` returns."""
    return records_frame(hedges, COLUMNS, _DTYPES)


def _with_sentences(hedges: list[Hedge], article: Article) -> list[Hedge]:
    sentences = article.sentence_records
    starts = [s.start for s in sentences]
    placed = []
    for hedge in hedges:
        i = bisect.bisect_right(starts, hedge.start) - 1
        inside = i >= 0 and hedge.start < sentences[i].end
        placed.append(hedge._replace(sentence=i if inside else None))
    return placed


def find_hedges(
    article: Article | str,
    *,
    scope: str = "story",
    categories: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Find the hedges in ``article``: one row per hedge, in document order.

    ``scope="story"`` (the default) reads the headline and the story's paragraphs;
    ``"page"`` reads every block, captions and boxes included. ``categories``
    keeps only some of :data:`HEDGE_CATEGORIES` (default: all). A plain string is
    read as ``Article.from_text(text)``. Columns: :data:`COLUMNS`; the table has
    them all even when nothing is found.

    >>> import medialit as ml
    >>> table = find_hedges(ml.load_article())
    >>> "reportedly" in set(table.text)
    True
    """
    return hedge_frame(hedge_records(article, scope=scope, categories=categories))


def hedge_records(
    article: Article | str,
    *,
    scope: str = "story",
    categories: Iterable[str] | None = None,
) -> list[Hedge]:
    """The rows of :func:`find_hedges` as small records (no DataFrame), for ``analyze``."""
    article = as_article(article, caller="find_hedges")
    wanted = _wanted(categories)
    spans = article.spans(scope)
    headlines = [(b.start, b.end) for b in article.block_records if b.kind == "headline"]
    hedges = [h for h in _scan(article.text, spans, headlines=headlines) if h.category in wanted]
    return _with_sentences(hedges, article)


def _wanted(categories: Iterable[str] | None) -> frozenset[str]:
    if categories is None:
        return frozenset(HEDGE_CATEGORIES)
    if isinstance(categories, str):
        categories = [categories]
    wanted = frozenset(categories)
    unknown = sorted(wanted - set(HEDGE_CATEGORIES))
    if unknown:
        raise BadOptionError(
            f"Unknown hedge categor{'y' if len(unknown) == 1 else 'ies'} "
            f"{', '.join(map(repr, unknown))}; choose from {', '.join(HEDGE_CATEGORIES)}."
        )
    return wanted
