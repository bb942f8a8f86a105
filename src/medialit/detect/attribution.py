"""Who says what: find attribution cues, their sources and what the sources say.

An *attribution* links a claim to whoever it comes from. It has three parts, as
in the PolNeAR corpus (Newell, Margolin & Ruths, LREC 2018):

- the **cue**: the words that signal a report ("said", "according to", "told",
  "first reported by", "wants", "a poll shows"...);
- the **source**: who or what the claim comes from ("Gen. Joseph Votel",
  "U.S. officials", "he", "Iranian news service Fars");
- the **content**: what they said, thought or showed, in quotation marks
  (a direct quote) or retold in the writer's words.

The rules are plain and visible, so a teacher can explain each finding:

1. A cue is a word or phrase from ``data/lexicons/reporting_verbs.csv``, with up
   to three helper words in front of it ("has also said", "did not immediately
   respond"). Cues inside quotation marks are skipped: they belong to the quoted
   speaker, not to the article. A cue word with a capital in the middle of a
   sentence is part of a name ("Drudge Report").
2. Each cue row has a *rule*:

   - ``any`` ("said", "told", "according to"): counts on its own;
   - ``subject`` ("asked", "announced"): counts only with a source right next to it;
   - ``person`` ("wants", "believes") and ``state`` ("is afraid", "was sure"):
     the source must be a person, group, organisation or pronoun;
   - ``evidence`` ("shows", "found"): the source must be a document (a poll, a
     study, a video, "it"), an organisation or a group; a long subject whose
     head is a document counts too ("A GAO report released last year found");
   - ``naming`` ("called", "calls"): a source, then a name or a quotation
     ("called it a hoax", what Thomas calls "open defiance") -- not a phone call,
     not "called an emergency meeting", and not "a member of the battalion called
     the 'Female Protection Forces'" (a name: "called" means "named" there);
   - ``participle`` (", saying ...", "by saying", "with Russia backing ..."): the
     speaker is the subject of the sentence, of the attribution just before it, or
     the name right before the participle;
   - ``passive`` ("first reported by X") and every cue after "is/was/been"
     ("has been called a charlatan by ..."): the source is the name after "by";
     the subject of a passive cue was spoken to or about, so it is not the source.
     A passive of a reporting verb with no "by" ("is expected to", "was accused
     of", listed as ``hearsay_passive`` in ``source_words.csv``) is an attribution
     with no source, and so is a clause that opens with one ("Asked about X,");
   - ``nosource`` ("reportedly", "allegedly", "reports have surfaced", "it is
     clear that"): the text passes a claim on and names no one;
   - ``noun`` ("announcement", "statement", "assertion"): a speech noun followed
     by what was said ("the U.S. announcement it had killed ...", "a New York Times
     report that ..."); its owner, if the text names one, is the source;
   - ``quote`` ("continued"): needs a quotation (or a colon) next to it.

   A cue after "will", "would", "might" or "may" ("will announce", "would
   assume") is skipped: nothing has been said yet.
3. The source is looked for before the cue ("X said", "X, a spokesman for Y,
   said", "Clinton, at Monday's debate, cited", "rival Donald Trump attacked", "The
   general who oversees ... said", "the AP, which first reported", "A poll released
   in August found", "Trump's claim that", "his claim that", "Civil rights
   activists say"), and for speech verbs after it when the cue follows a quotation
   or a comma ("...," said X). "And said" and "to say" take the subject of the
   sentence.
4. A short name before a colon at the start of a line ("Pence: ...", a
   transcript's "WALLACE: ..."), a name, a colon and a quotation ("Loretta Lynch:
   'Be the voice ...'") and a dash after a quotation ("..." ― Name) are cues too.
5. A ``person``/``evidence``/``naming`` cue inside the content of another
   attribution is part of that content ("Smith said Jones wants ..."), and so is a
   clause that another cue reports ("Shelby said he refused ...", "He noted that
   the panel announced ..."): only the outer attribution is kept, as PolNeAR gives
   each word one attribution. A clause that stands on its own is kept: one that
   opens with "because", "which", "while" or "(", a verb that shares the subject
   ("... and despised them"), and the main clause after a comma ("If the I.R.S.
   has questions about X, voters should know ..."). A cue inside another
   attribution's source ("the senators who wrote the bill said") is part of that
   source. A naming cue with its own quotation is kept, and an attribution with no
   source hides nothing.
6. "he", "she", "who", "which" and "that" keep the pronoun as the source span;
   ``resolved_source`` names who they point to (for "he"/"she": the nearest earlier
   named person who was a source; for "who", "which" and "that": the noun phrase
   right before it). For every other source, ``resolved_source`` is its name or
   head without the appositive ("Air Force Col. John Thomas"), and a bare surname
   ("Thomas") is resolved to the full name of an earlier source with that surname.

The content is the quotation next to the attribution (a quotation that runs over
several sentences, and one that goes on right after "he said."), else the rest of
the sentence on the side away from the cue. ``direct_quote`` is true when at least
half of the content is inside quotation marks (scare quotes do not count).

Source kinds: ``named_person``, ``named_organization``, ``unnamed`` (officials,
members, critics, "reports", a person described by job but not named, such as
"The U.S. general who oversees ..."), ``media_outlet``, ``document`` (a poll,
study, statement or video), and ``pronoun`` (only when a pronoun's antecedent is
not found; a resolved pronoun takes its antecedent's kind, and ``resolved_source``
is then ``""``). When the text names
no source, ``source`` is ``""``, ``source_start``/``source_end`` are ``-1`` and
``source_kind`` is ``""``; the same ``""``/``-1`` convention holds for content.

Word lists: ``reporting_verbs.csv`` (cues, from textacy's ``REPORTING_VERBS``,
Apache-2.0, widened with the PolNeAR guidelines) and ``source_words.csv``
(pronouns, titles, heads such as "officials" or "poll", organisation and outlet
name endings). Media outlets are also recognised by the names in
``medialit.detect.outlets`` (see :func:`_outlet_names`). Measured against the PolNeAR dev
split with ``benchmarks/eval_attribution.py`` (rule-based: it finds nearly three in
four of the attribution cues PolNeAR marks, and about nine in ten of the cues it
finds are marked there too).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from .._util.data import read_table
from .._util.frames import records_frame
from .._util.lazy import pd
from .._util.regex import trie_regex
from ..text.article import Article, as_article
from ..text.segmentation import split_sentences
from ..vocab import SOURCE_KIND_WHY

COLUMNS: tuple[str, ...] = (
    "start",
    "end",
    "text",
    "cue",
    "cue_start",
    "cue_end",
    "cue_type",
    "source",
    "source_start",
    "source_end",
    "source_kind",
    "resolved_source",
    "content_start",
    "content_end",
    "direct_quote",
    "explanation",
)
"""Columns of :func:`find_attributions`, in order."""


NO_SPAN = -1
"""Offset used for a missing source or content span."""

# Nouns for people are often made with these endings: questioner, moderator, strategist.
_PERSON_NOUN_RE = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)s?")
_DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Z]\.){2,}")
_NAMED = frozenset({"named_person", "named_organization", "media_outlet"})
_NEST_KEEP = frozenset({"any", "subject", "quote", "participle", "passive"})


class Attribution(NamedTuple):
    """One row of :func:`find_attributions` (offsets ``-1`` where a part is missing)."""

    start: int
    end: int
    text: str
    cue: str
    cue_start: int
    cue_end: int
    cue_type: str
    source: str
    source_start: int
    source_end: int
    source_kind: str
    resolved_source: str
    content_start: int
    content_end: int
    direct_quote: bool
    explanation: str


_INT_COLUMNS = (
    "start",
    "end",
    "cue_start",
    "cue_end",
    "source_start",
    "source_end",
    "content_start",
    "content_end",
)

# Source kinds a cue's rule accepts; see rule 2 of the module docstring.
_PERSONLIKE = frozenset(
    {"named_person", "named_organization", "unnamed", "pronoun", "media_outlet"}
)
_EVIDENCE = frozenset({"document", "named_organization", "media_outlet", "unnamed"})


# --------------------------------------------------------------------------- data


class CueRule(NamedTuple):
    """One surface form of a cue and how to use it (a row of ``reporting_verbs.csv``)."""

    cue: str
    form: str
    cue_type: str
    rule: str
    side: str
    explanation: str
    source: str


class _Words(NamedTuple):
    """Word classes from ``source_words.csv``; case-sensitive roles keep their case."""

    pronoun: frozenset[str]
    title: frozenset[str]
    descriptor: frozenset[str]
    head_kind: dict[str, str]  # lower-case head noun -> source kind
    group_name: frozenset[str]
    media_suffix: frozenset[str]
    media_name: frozenset[str]
    org_suffix: frozenset[str]
    cue_prefix: frozenset[str]
    preposition: frozenset[str]
    clause_start: frozenset[str]
    determiner: frozenset[str]
    relative: frozenset[str]
    not_speaker: frozenset[str]
    name_particle: frozenset[str]
    time_word: frozenset[str]
    be_verb: frozenset[str]  # a cue after these is passive: "was asked", "has been called"
    subject_pronoun: frozenset[str]
    naming_object: frozenset[str]  # what follows "called" when it names: "called it a ..."
    breaker: frozenset[str]  # lower-case words that can never be inside a source's noun phrase
    hearsay_passive: frozenset[str]  # "is expected", "was accused": a claim even with no agent
    person_noun: frozenset[str]  # lower-case words for a person: "moderator", "rival"
    called_event: frozenset[str]  # "called a meeting": "called" means "convened"


_CASED_ROLES = frozenset(
    {"title", "group_name", "media_suffix", "media_name", "org_suffix", "not_speaker"}
)
_HEAD_ROLES = ("person_head", "org_head", "document_head", "hearsay_head", "media_head")


def load_reporting_verbs() -> pd.DataFrame:
    """The cue lexicon (a fresh copy): one row per group of forms, its rule and source."""
    return _reporting_verbs_table().copy()


@cache
def _reporting_verbs_table() -> pd.DataFrame:
    return pd.DataFrame(list(_read_csv("reporting_verbs.csv")), dtype=str)


def _read_csv(name: str) -> tuple[dict[str, str], ...]:
    return read_table("lexicons", name)


@cache
def _cue_rules() -> dict[str, CueRule]:
    """Lower-cased, single-spaced form -> its rule (cached: read the CSV once)."""
    rules: dict[str, CueRule] = {}
    for row in _read_csv("reporting_verbs.csv"):
        for form in row["forms"].split("|"):
            key = " ".join(form.lower().split())
            rules[key] = CueRule(
                row["cue"],
                key,
                row["cue_type"],
                row["rule"],
                row["side"],
                row["explanation"],
                row["source"],
            )
    return rules


@cache
def _words() -> _Words:
    roles: dict[str, set[str]] = {}
    head_kind: dict[str, str] = {}
    for row in _read_csv("source_words.csv"):
        role, word = row["role"], row["word"]
        roles.setdefault(role, set()).add(word if role in _CASED_ROLES else word.lower())
        if role in _HEAD_ROLES:
            head_kind.setdefault(word.lower(), row["source_kind"])
    for word, kind in list(head_kind.items()):
        # "groups", "unions", "agencies": the plural of a word for people or a body of
        # people names people too (documents are listed with their plurals)
        if kind != "document" and not word.endswith("s") and word.isalpha():
            plural = (
                word[:-1] + "ies"
                if word.endswith("y") and word[-2:-1] not in "aeiou"
                else word + "s"
            )
            head_kind.setdefault(plural, kind)

    def get(role: str) -> frozenset[str]:
        return frozenset(roles.get(role, ()))

    single_cues = {form for form in _cue_rules() if " " not in form and form.isalpha()}
    breaker = (
        get("cue_prefix")
        | get("preposition")
        | get("clause_start")
        | get("relative")
        | get("pronoun")
        | single_cues
    ) - get("determiner")
    return _Words(
        pronoun=get("pronoun"),
        title=get("title"),
        descriptor=get("descriptor"),
        head_kind=head_kind,
        group_name=get("group_name"),
        media_suffix=get("media_suffix"),
        media_name=get("media_name"),
        org_suffix=get("org_suffix"),
        cue_prefix=get("cue_prefix"),
        preposition=get("preposition"),
        clause_start=get("clause_start"),
        determiner=get("determiner"),
        relative=get("relative"),
        not_speaker=get("not_speaker"),
        name_particle=get("name_particle"),
        time_word=get("time_word"),
        be_verb=get("be_verb"),
        subject_pronoun=get("subject_pronoun"),
        naming_object=get("naming_object"),
        breaker=frozenset(breaker),
        hearsay_passive=get("hearsay_passive"),
        person_noun=get("person_head"),
        called_event=get("called_event"),
    )


@cache
def _outlet_names() -> tuple[frozenset[str], frozenset[str]]:
    """Known news outlets: (multi-word names in lower case, acronyms as written).

    Hook: ``medialit.detect.outlets`` lists outlets with their aliases. When it can be
    imported, its multi-word names ("Fars News Agency") and capital-letter acronyms
    ("IRNA", "KCNA") mark a source as a media outlet. One-word names ("Gold", "Time")
    are also ordinary words or surnames, so only the short list in
    ``source_words.csv`` and name endings ("News", "Times", "Agency") count for them.
    """
    try:
        from .outlets import load_outlets
    except ImportError:
        return frozenset(), frozenset()
    table = load_outlets()
    names: set[str] = set()
    for column in ("name", "aliases", "match_any_case", "match_exact_case"):
        if column in table.columns:
            for value in table[column].dropna():
                names.update(v.strip() for v in str(value).split("|") if v.strip())
    multi = frozenset(n.casefold() for n in names if " " in n)
    acronyms = frozenset(
        n for n in names if " " not in n and n.isupper() and n.isalpha() and len(n) > 2
    )
    return multi, acronyms


def _is_outlet_name(words: Sequence[str]) -> bool:
    """Does the name end in a known outlet's name ("... Fars News Agency", "IRNA")?"""
    multi, acronyms = _outlet_names()
    if words and words[-1] in acronyms:
        return True
    return any(" ".join(words[i:]).casefold() in multi for i in range(len(words) - 1))


@cache
def _cue_forms() -> dict[str, re.Pattern[str]]:
    """First word of a cue form -> a pattern for the forms that start with it.

    Candidates are found by looking up each word of the text in this table, which
    is many times faster than one regular expression with hundreds of alternatives.
    """
    buckets: dict[str, list[str]] = {}
    for form in _cue_rules():
        if form[:1].isalpha():
            buckets.setdefault(form.split()[0], []).append(form)
    return {
        first: re.compile(
            "(?:"
            + "|".join(
                r"\s+".join(re.escape(p) for p in f.split())
                for f in sorted(forms, key=len, reverse=True)
            )
            + r")(?![\w'’-])",
            re.IGNORECASE,
        )
        for first, forms in buckets.items()
    }


@cache
def _first_word_regex() -> re.Pattern[str]:
    """Matches, in lower-cased text, every word that can start a cue form."""
    return re.compile(r"(?<![\w'’-])" + trie_regex(sorted(_cue_forms())) + r"(?![\w'’-])")


_WORD_RE = re.compile(r"(?<![\w'’-])[A-Za-z]+")


def _candidate_words(text: str) -> list[tuple[int, str]]:
    """``(offset, lower-cased word)`` of every word in ``text`` that may start a cue."""
    low = text.lower()
    if len(low) == len(text):
        return [(m.start(), m.group()) for m in _first_word_regex().finditer(low)]
    forms = _cue_forms()  # lower() changed the length (rare letters): look word by word
    return [
        (m.start(), m.group().lower())
        for m in _WORD_RE.finditer(text)
        if m.group().lower() in forms
    ]


@cache
def _token_regex() -> re.Pattern[str]:
    """Words (with inner hyphens and apostrophes), short abbreviations with their period
    ("Col.", "Gen.", "D."), dotted acronyms ("U.S."), and punctuation marks."""
    return re.compile(
        r"(?=\S)(?:"  # skip white space at once, not alternative by alternative
        r"(?:[A-Za-z]\.){2,}"  # U.S., a.m., D.C.
        r"|[A-Z][a-z]{0,4}\.(?=\s)"  # Col., Gen., Sen., an initial D.
        r"|\w+(?:[-'’&]\w+)*"  # words, al-Baghdadi, Trump's
        r"|@\w+"  # a social media handle: @nycsouthpaw
        r"|--|[^\w\s])"  # punctuation, one mark at a time
    )


# Structural cues (rule 4). A line that opens with a short name and a colon: a
# headline ("Pence: ...") or a transcript turn ('"WALLACE: ...'). The name is
# checked against the word lists after the match.
_COLON_CUE_RE = re.compile(
    r"^[\"“']?(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0][A-Z][\w'’.-]*){0,2})(?P<cue>:)[ \u00a0]+\S",
    re.MULTILINE,
)
# A dash right after a closing quotation mark, then a name: “...” ― Sonya Herridge
_DASH_CUE_RE = re.compile(
    r"[”\"][ \u00a0]*(?P<cue>[―—–])[ \u00a0]*"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,4})"
)
# A colon right after a word and right before a quotation: "Loretta Lynch: 'Be ...'"
_COLON_QUOTE_RE = re.compile(r":(?=[ \u00a0]*(?:[\"“‘]|''))")
# Quotation marks: '' and `` (doubled), " “ ”, a ‘ that does not follow a letter and a ’
# that no letter follows. Written to start with one character class, which lets the
# regular expression engine skip ahead fast (several times faster than "''|``|...").
_QUOTE_MARK_RE = re.compile(
    r"[`'\"“”‘’](?:(?<=')'|(?<=`)`|(?<=[\"“”])|(?<=‘)(?<!\w‘)|(?<=’)(?!\w))"
)


# --------------------------------------------------------------------------- records


class _NP(NamedTuple):
    """A noun phrase found as a source: token range, kind and its core (without appositive)."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str
    core_end: int  # token index where the name/head ends (before an appositive)


class _Found(NamedTuple):
    cue_start: int
    cue_end: int
    rule: CueRule
    source_start: int
    source_end: int
    source_kind: str
    core: str  # the source's name or head phrase, without appositives
    antecedent: str  # for "who": the noun phrase it points to
    content_start: int
    content_end: int
    direct_quote: bool


class _Sent(NamedTuple):
    """A sentence and its tokens: their texts, and their offsets into the article."""

    start: int
    end: int
    toks: list[str]
    starts: list[int]
    ends: list[int]


# --------------------------------------------------------------------------- quotations


def _all_quotation_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`quotation_spans` of every span, with one search over the whole text."""
    out: list[tuple[int, int]] = []
    if not spans:
        return out
    starts = [s for s, _ in spans]
    marks: list[re.Match[str]] = []
    current = -1
    for match in _QUOTE_MARK_RE.finditer(text, spans[0][0], spans[-1][1]):
        k = bisect.bisect_right(starts, match.start()) - 1
        if k < 0 or match.end() > spans[k][1]:
            continue
        if k != current:
            if marks:
                out.extend(_pair_quotes(text, marks, *spans[current]))
            marks, current = [], k
        marks.append(match)
    if marks:
        out.extend(_pair_quotes(text, marks, *spans[current]))
    return out


def quotation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the quotations in one paragraph, quotation marks included.

    Curly quotes pair “ with ”; straight ``"`` and doubled ``''`` (used by some
    newspapers) open and close in turn. A quotation still open at the end of the
    paragraph runs to its end: news style leaves the closing mark off when a quote
    goes on in the next paragraph. Single curly quotes (‘...’, common in headlines)
    count outside double quotes; a ’ inside or at the end of a word ("Trump’s") is an
    apostrophe unless a ‘ is open. A ” at the start of the paragraph or after a space,
    right before a word, opens a quotation (”Fear. I am afraid.” -- a slip some sites
    make).
    """
    return _pair_quotes(text, list(_QUOTE_MARK_RE.finditer(text, start, end)), start, end)


def _pair_quotes(
    text: str, marks: Sequence[re.Match[str]], start: int, end: int
) -> list[tuple[int, int]]:
    """Pair the quotation marks of one paragraph (see :func:`quotation_spans`)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single_at: int | None = None
    for match in marks:
        mark = match.group()
        if mark == "‘":
            if open_at is None and single_at is None:
                single_at = match.start()
        elif mark == "’":
            if single_at is not None and open_at is None:
                spans.append((single_at, match.end()))
                single_at = None
        elif mark == "“" or mark == "``":
            if open_at is None:
                open_at = match.start()
        elif mark == "”":
            if open_at is not None:
                spans.append((open_at, match.end()))
                open_at = None
            elif _opens_word(text, match.start(), start, end):
                open_at = match.start()  # ”Fear. I am afraid.” -- a ” typed for a “
        elif open_at is None:
            open_at = match.start()
        else:
            spans.append((open_at, match.end()))
            open_at = None
    if open_at is not None and end - open_at > 1:
        spans.append((open_at, end))
    return spans


def _opens_word(text: str, pos: int, start: int, end: int) -> bool:
    """Does the mark at ``pos`` stand before a word, after a space or the paragraph start?"""
    before_ok = pos == start or text[pos - 1].isspace()
    return before_ok and pos + 1 < end and text[pos + 1].isalnum()


class _Quotes:
    """Sorted quotation spans with fast "is this offset inside a quotation?" look-ups."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] < pos < self.spans[i][1] - 1:
            return self.spans[i]
        return None

    def ending_before(self, pos: int, floor: int) -> tuple[int, int] | None:
        """The last quotation that ends at or before ``pos`` and after ``floor``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0:
            s, e = self.spans[i]
            if e <= pos:
                return (s, e) if e > floor else None
            i -= 1
        return None

    def starting_after(self, pos: int, limit: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.spans) and self.spans[i][0] < limit:
            return self.spans[i]
        return None


# --------------------------------------------------------------------------- words


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum() or (tok[:1] == "@" and len(tok) > 1)


def _is_possessive(tok: str) -> bool:
    return tok.endswith(("'s", "’s", "s'", "s’")) and len(tok) > 2


def _is_name_tok(tok: str, w: _Words) -> bool:
    """A capitalised word that can be part of a name (not "The", "But", "He" ...), or a
    social media handle ("@nycsouthpaw")."""
    if tok[:1] == "@":
        return len(tok) > 1
    if not _is_cap(tok) and tok not in w.name_particle:
        return False
    low = tok.lower()
    if tok in w.title:
        return True
    return not (low in w.breaker or low in w.determiner or low in w.time_word)


def _name_kind(words: Sequence[str], w: _Words) -> str:
    """Kind of a capitalised source: outlet, organisation, group or person."""
    last = words[-1]
    if (
        last in w.media_suffix
        or last in w.media_name
        or "News" in words
        or any(x in w.media_name for x in words if _is_cap(x))
        or _is_outlet_name(words)
    ):
        return "media_outlet"
    if any(x.lower() == "news" for x in words) or any(
        x.lower() in w.head_kind and w.head_kind[x.lower()] == "media_outlet" and not _is_cap(x)
        for x in words
    ):
        return "media_outlet"
    if any(x in w.title for x in words):
        return "named_person"
    if last in w.org_suffix or (last.isupper() and last.isalpha() and 2 <= len(last) <= 6):
        return "named_organization"
    if _DOTTED_ACRONYM_RE.fullmatch(last) or any(x in ("of", "for") for x in words[1:-1]):
        # "U.S.", "U.N.": a country or body; "Syrian Observatory for Human Rights",
        # "Department of Justice": a person's name never joins words with "of"/"for"
        return "named_organization"
    if last.rstrip("s’'") + "s" in w.group_name or last in w.group_name:
        return "unnamed"
    kind = w.head_kind.get(last.lower())
    if kind is not None and (not _is_cap(last) or kind == "document"):
        return kind  # "A Quinnipiac poll", and in a title-case headline "New Poll"
    return "named_person"


def _head_kind(words: Sequence[str], head: str, w: _Words) -> str:
    """Kind of a common-noun source ("U.S. officials", "a Quinnipiac poll", "the campaign")."""
    kind = w.head_kind[head.lower()]
    if kind == "named_organization" and not any(_is_cap(x) for x in words[:-1]):
        return "unnamed"  # "the campaign said": an organisation, but the text does not name it
    return kind


# --------------------------------------------------------------------------- noun phrases


_CONTRACTION_RE = re.compile(r"(\w+)['’](?:s|re|ve|d|ll|m)")


def _is_contracted_pronoun(low: str, w: _Words) -> bool:
    """A pronoun with a helper verb written onto it: "he’s", "they've", "I'd"."""
    m = _CONTRACTION_RE.fullmatch(low)
    return m is not None and (m.group(1) in w.subject_pronoun or m.group(1) == "it")


def _np_back(toks: Sequence[str], j: int, floor: int, w: _Words) -> _NP | None:
    """The noun phrase that ends right before token ``j`` (a possible source)."""
    if j <= floor:
        return None
    text = toks[j - 1]
    low = text.lower()
    if low in w.pronoun and (text == low or text in ("I", "He", "She", "They", "It", "We")):
        return _NP(j - 1, j, "pronoun", j)
    if text == ")":  # "House Speaker Paul D. Ryan (R-Wis.)"
        k = j - 1
        while k > floor and j - k < 10 and toks[k] != "(":
            k -= 1
        if toks[k] == "(":
            inner = _np_back(toks, k, floor, w)
            return inner._replace(end=j, core_end=j) if inner else None
        return None
    head_first = (
        low in w.head_kind
        and (
            not _is_cap(text)
            or j - 1 == floor
            or toks[j - 2].lower() in w.determiner
            or not _is_cap(toks[j - 2])
        )
        and text not in w.group_name
    )
    if _is_contracted_pronoun(low, w):
        return _NP(j - 1, j, "pronoun", j)  # "He’s claiming", "she'd like", "they've said"
    if _is_possessive(text):
        return None  # "Donald Trump's tweet": the next word is a noun, not a verb
    if not head_first and _is_name_tok(text, w) and _is_word(text):
        k = j - 1
        while k > floor and (
            _is_name_tok(toks[k - 1], w)
            or (toks[k - 1].lower() in w.descriptor and not toks[k - 1].isdigit())
            or _is_possessive(toks[k - 1])
            or (
                toks[k - 1].lower() in ("of", "&")
                and k - 2 >= floor
                and _is_cap(toks[k - 2])
                and _is_cap(toks[k])
            )
            # a job word right before a name: "rival Donald Trump", "NBC News
            # moderator Matt Lauer", "Latvian journalist Dainis Ivans"
            or (toks[k - 1] in w.person_noun and _is_cap(toks[k]))
        ):
            k -= 1
        if k > floor and toks[k - 1].lower() in w.determiner:
            k -= 1
        words = [t for t in toks[k:j] if t.lower() not in w.determiner]
        if len(words) == 1 and text.lower() in w.descriptor and text not in w.org_suffix:
            if k < j - 1 and toks[k].lower() in ("one", "a", "an", "the", "another", "each"):
                return _NP(k, j, "unnamed", j)  # "One Republican", "a Democrat": a person
            return None  # "Republican support", "a liberal think tank": an adjective, no name
        return _NP(k, j, _name_kind(words or [text], w), j)
    if (
        low not in w.head_kind
        and _PERSON_NOUN_RE.fullmatch(text)
        and j - 2 >= floor
        and (toks[j - 2].lower() in w.determiner)
    ):
        # "one questioner", "the moderator": a noun for a person, after "the", "a", "one"
        return _NP(j - 2, j, "unnamed", j)
    if (
        low not in w.head_kind
        and text.endswith("s")
        and _PERSON_NOUN_RE.fullmatch(text)
        and _is_clause_edge(toks, j - 1, floor, w)
    ):
        # "But environmentalists worry that ...": a plural noun for people (-ists, -ers,
        # -ors, -ians) that opens the clause
        return _NP(j - 1, j, "unnamed", j)
    if low in w.head_kind:
        k = j - 1
        anchor = k  # the start, once a determiner, capital or number confirms the modifiers
        while k > floor and j - k < 7:
            prev = toks[k - 1]
            plow = prev.lower()
            if plow in w.determiner:
                k -= 1
                anchor = k
                break
            if (
                (_is_cap(prev) and plow not in w.breaker)
                or prev[:1].isdigit()
                or _is_possessive(prev)
            ):
                if anchor > k:
                    break  # "Sanders offered some": a verb lies between the name and the head
                k -= 1
                anchor = k
                continue
            if plow in w.descriptor:
                k -= 1  # "The GOP presidential nominee": a known job or party word
                anchor = k
                continue
            if _is_word(prev) and plow not in w.breaker and plow not in w.time_word:
                k -= 1  # an adjective or noun modifier ("militia members"), until confirmed
                continue
            break
        if anchor > k and _is_clause_edge(toks, k, floor, w):
            anchor = k  # "restructuring experts say": the modifiers reach back to the clause start
        words = list(toks[anchor:j])
        return _NP(anchor, j, _head_kind(words, text, w), j)
    return None


def _is_clause_edge(toks: Sequence[str], k: int, floor: int, w: _Words) -> bool:
    """Can a subject start at token ``k``? (sentence start, after a comma, "and", "when" ...)"""
    if k <= floor:
        return True
    prev = toks[k - 1]
    return (
        (not _is_word(prev) and prev not in (")",))
        or prev.lower() in w.clause_start
        or (prev.lower() in w.time_word)
        or prev.lower() in w.relative  # "the annexation, which RT pointed to as ..."
    )


def _subject_back(toks: Sequence[str], j: int, floor: int, w: _Words, depth: int = 0) -> _NP | None:
    """The subject that ends right before token ``j``: "X", "a spokesman for Y", "the
    general who oversees ...". ``None`` when the words before are not a subject."""
    np = _np_back(toks, j, floor, w)
    if np is not None:
        if _is_clause_edge(toks, np.start, floor, w) or toks[np.start].lower() in w.subject_pronoun:
            return np  # "the rate he has proposed": a subject pronoun is always a subject
        if (
            np.kind in _NAMED
            and toks[floor].lower() in w.preposition
            and "," not in toks[floor : np.start]
        ):
            return np  # "In a Bloomberg interview Trump declared": an opening phrase, no comma
        prev = toks[np.start - 1].lower()
        if depth < 2 and prev in w.preposition:
            # "a spokesman for U.S. Central Command said": the source is the whole phrase
            outer = _subject_back(toks, np.start - 1, floor, w, depth + 1)
            if outer is not None and outer.kind != "pronoun":
                return _NP(outer.start, j, outer.kind, j)
    if depth:
        return None
    if np is None and (
        j <= floor
        or not _is_word(toks[j - 1])
        or toks[j - 1].lower() in w.determiner
        or toks[j - 1].lower() in w.breaker
        or _is_possessive(toks[j - 1])
    ):
        return None  # "the report", "of their calls": the cue word is a noun here
    first = np.start if np is not None else j
    # "A Quinnipiac University poll released in late August found": a common noun,
    # then a phrase that starts with a participle or a preposition, then the cue.
    k = first
    while k > floor + 1 and j - k < 14:
        k -= 1
        word = toks[k]
        if word in (",", ";", ":") or word.lower() in w.clause_start or word.lower() in w.relative:
            break
        after = toks[k + 1].lower() if k + 1 < j else ""
        participle = (
            word.endswith(("ed", "ing"))
            and word.islower()
            and word not in w.breaker
            and (
                after in w.preposition
                or after in w.time_word
                or after[:1].isdigit()
                # "A union representing flight attendants endorsed ...": an -ing
                # participle takes an object of its own
                or (word.endswith("ing") and after.isalpha() and after not in w.breaker)
            )
        )
        if word.lower() in w.preposition or participle or word in ("–", "—", "--"):
            # "released in late August", "released last year", not "taped an hourlong show"
            head = _np_back(toks, k, floor, w)
            if (
                head is not None
                and head.kind not in ("pronoun", "named_person")
                and toks[head.end - 1].lower() in w.head_kind
                and _is_clause_edge(toks, head.start, floor, w)
            ):
                return _NP(head.start, j, head.kind, head.end)
    # "The U.S. general who oversees all operations in the Middle East said"
    k = first - 1
    while k > floor and first - k < 16:
        if toks[k].lower() in ("who", "that") and toks[k - 1] != ",":
            head = _np_back(toks, k, floor, w)
            if (
                head is not None
                and head.kind != "pronoun"
                and _is_clause_edge(toks, head.start, floor, w)
            ):
                return _NP(head.start, j, head.kind, head.end)
            break
        if toks[k] in (",", ";", ":") or toks[k].lower() in w.clause_start:
            break
        k -= 1
    return None


def _document_subject(toks: Sequence[str], ci: int, w: _Words) -> _NP | None:
    """ "A Quinnipiac University poll released in late August found", "The transcript of
    the debate -- published by The Washington Post -- shows": a long subject whose head
    is a document, at the start of the sentence (after an opening phrase such as "In
    2013,"). The source runs from it to the cue."""
    floor = 0
    for i in range(ci - 1, -1, -1):
        if toks[i] in (";", ":") or toks[i].lower() == "that":
            floor = i + 1
            break
    np = _subject_forward(toks, floor, ci, w)
    if np is None or np.kind != "document" or np.end > ci:
        return None
    end = ci
    while end > np.end and not _is_word(toks[end - 1]):
        end -= 1
    return _NP(np.start, end, np.kind, np.end)


def _modified_noun(toks: Sequence[str], j: int, w: _Words) -> _NP:
    """The noun before token ``j`` with the plain words in front of it when they reach
    back to the start of the clause ("Civil rights activists"), else the noun alone."""
    k = j - 1
    while k > 0 and j - k < 5 and toks[k - 1].isalpha() and toks[k - 1].lower() not in w.breaker:
        k -= 1
    if k < j - 1 and _is_clause_edge(toks, k, 0, w):
        return _NP(k, j, "unnamed", j)
    return _NP(j - 1, j, "unnamed", j)


def _plain_np_back(toks: Sequence[str], j: int, w: _Words) -> _NP | None:
    """A last try for a cue that counts on its own: "the 41-year-old said" -- a
    determiner and up to three ordinary words at the start of a clause."""
    k = j
    while k > 0 and j - k < 4:
        word = toks[k - 1]
        if word.lower() in w.determiner and k < j and _is_clause_edge(toks, k - 1, 0, w):
            return _NP(k - 1, j, "unnamed", j)
        if not _is_word(word) or word.lower() in w.breaker:
            return None
        k -= 1
    return None


def _skip_time_back(toks: Sequence[str], j: int, floor: int, w: _Words) -> int:
    """Skip a time phrase before the cue ("Trump on Monday said") and return the new end."""
    k = j
    seen = False
    while k > floor and j - k < 4:
        low = toks[k - 1].lower()
        if low in w.time_word:
            seen = True
            k -= 1
        elif seen and low in ("on", "last", "this", "early", "late", "in", "next", "just"):
            k -= 1
        else:
            break
    return k if seen else j


def _np_forward(toks: Sequence[str], k: int, limit: int, w: _Words) -> _NP | None:
    """The noun phrase that starts at token ``k`` (a source after its cue)."""
    if k >= limit:
        return None
    text = toks[k]
    if text.lower() in w.pronoun and text not in ("I", "It"):
        return _NP(k, k + 1, "pronoun", k + 1)
    m = k
    if text.lower() in w.determiner or text.lower() == "one":
        m += 1
        if m < limit and toks[m].lower() == "of":  # "one of the family's attorneys"
            m += 1
            if m < limit and toks[m].lower() in w.determiner:
                m += 1
    best: tuple[int, bool] | None = None  # (end, ends in a capitalised name)
    n = m
    while n < limit and n - k < 12:
        tok = toks[n]
        low = tok.lower()
        if low in w.head_kind and not (_is_cap(tok) and n > m and _is_cap(toks[n - 1])):
            best = (n + 1, False)
        elif (_is_name_tok(tok, w) and _is_word(tok)) or _is_possessive(tok):
            best = (n + 1, True)
        elif tok in ("(",) and best and best[1]:
            close = next((i for i in range(n, min(limit, n + 8)) if toks[i] == ")"), None)
            if close is None:
                break
            best = (close + 1, True)
            n = close + 1
            continue
        elif not (_is_word(tok) and low not in w.breaker and low not in w.determiner):
            break
        n += 1
    if (
        best is None
        and k < m < limit
        and toks[m].endswith("s")
        and toks[m].islower()
        and toks[m].isalpha()
        and toks[m] not in w.breaker
    ):
        # "The farmers viewed ...": a determiner and a plural noun the word lists do
        # not know is still a group of people or things
        return _NP(k, m + 1, "unnamed", m + 1)
    if best is None:
        return None
    end, is_name = best
    words = [t for t in toks[m:end] if t not in ("(", ")")]
    if is_name:
        last = next(i for i in range(end - 1, m - 1, -1) if _is_word(toks[i]))
        kind = _name_kind(list(toks[m : last + 1]), w)
    else:
        kind = _head_kind(words, toks[end - 1], w)
    return _NP(k, end, kind, end)


def _extend_forward(toks: Sequence[str], np: _NP, limit: int, w: _Words) -> _NP:
    """Add "of/for/from X" and an appositive (", a spokesman for Y") to a source."""
    end = np.end
    kind = np.kind
    if end + 1 < limit and toks[end].lower() in ("of", "for", "from", "at", "with"):
        more = _np_forward(toks, end + 1, limit, w)
        if more is not None and more.kind != "pronoun":
            if kind == "named_person" and toks[end] == "for" and _is_cap(toks[end + 1]):
                kind = "named_organization"  # "the Syrian Observatory for Human Rights"
            end = more.end
    core_end = end
    if end + 1 < limit and toks[end] == "," and np.kind != "pronoun":
        first = toks[end + 1]
        if (
            first.lower() in w.determiner
            or first.lower() in w.descriptor
            or first in w.title
            or first.lower() in ("also", "known")
            or (first[:1].isdigit() and np.kind == "named_person")
        ):  # "Smith, 45,"
            stop = end + 1
            while (
                stop < limit
                and stop - end < 16
                and toks[stop] not in (",", ";", "“", "”", '"', "—", "--", ".")
            ):
                stop += 1
            end = stop
    return _NP(np.start, end, kind, core_end)


def _subject_forward(toks: Sequence[str], floor: int, limit: int, w: _Words) -> _NP | None:
    """The subject at the start of a sentence, after an opening phrase ("In a statement, ...")."""
    k = floor
    for _ in range(3):  # "On Thursday, however, Trump spoke ...": skip each opening phrase
        while k < limit and not _is_word(toks[k]) and toks[k] not in _QUOTE_TOKENS:
            k += 1
        if k < limit and toks[k] in _QUOTE_TOKENS:
            # '"The day ... was personal," he said, adding ...': the quotation is what
            # was said; the subject comes after it
            close = next((i for i in range(k + 1, limit) if toks[i] in _QUOTE_TOKENS), None)
            if close is None:
                return None
            k = close + 1
            continue
        if k < limit and (
            toks[k].lower() in w.preposition
            or toks[k].lower() in w.clause_start
            or toks[k].endswith("ly")
        ):
            comma = next((i for i in range(k, limit) if toks[i] == ","), None)
            if comma is None:
                return None
            k = comma + 1
            continue
        break
    return _np_forward(toks, k, limit, w)


# --------------------------------------------------------------------------- one cue


def _sentence(text: str, start: int, end: int) -> _Sent:
    """Tokenise one sentence (parallel lists are much cheaper to build than token objects)."""
    found = list(_token_regex().finditer(text, start, end))
    return _Sent(
        start, end, [m.group() for m in found], [m.start() for m in found], [m.end() for m in found]
    )


def _tok_index(sent: _Sent, pos: int) -> int:
    """Index of the first token that starts at or after ``pos``."""
    return bisect.bisect_left(sent.starts, pos)


_QUOTE_TOKENS = frozenset({'"', "“", "'", "‘", "''", "``"})
_CLOSING = frozenset({"”", '"', "'", "’"})


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_AUXILIARIES = frozenset(
    {
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "would",
        "will",
        "could",
        "did",
        "does",
        "do",
        "can",
        "may",
        "might",
        "should",
        "must",
        "'d",
        "’d",
    }
)


def _possessor_back(toks: Sequence[str], j: int, w: _Words) -> _NP | None:
    """Whose is the noun at token ``j``? "Trump's claim", "his earlier claim", "Tulsa
    police's claim", "the U.S. announcement" (a name between "the" and the noun)."""
    k = j
    while (
        k > 0
        and j - k < 2
        and toks[k - 1].islower()
        and toks[k - 1].isalpha()
        and (toks[k - 1] not in w.breaker and toks[k - 1] not in w.determiner)
    ):
        k -= 1  # adjectives: "earlier", "tacit"
    if k == 0:
        return None
    word = toks[k - 1]
    if word.lower() in _POSSESSIVE_PRONOUNS:
        return _NP(k - 1, k, "pronoun", k)
    if _is_possessive(word):
        i = k - 1
        while (
            i > 0
            and k - i < 5
            and (_is_name_tok(toks[i - 1], w) or toks[i - 1].lower() in w.head_kind)
        ):
            i -= 1
        name = word[:-2]
        kind = "pronoun" if name.lower() in w.pronoun else _name_kind([*toks[i : k - 1], name], w)
        return _NP(i, k, kind, k)
    i = k
    while i > 0 and k - i < 4 and _is_name_tok(toks[i - 1], w) and _is_word(toks[i - 1][:1]):
        i -= 1
    if i < k and i > 0 and toks[i - 1].lower() in ("the", "a", "an"):
        # "the U.S. announcement", "a New York Times report"
        return _NP(i, k, _name_kind(list(toks[i:k]), w), k)
    return None


def _clause_follows(toks: Sequence[str], k: int, w: _Words) -> bool:
    """Does a clause with its own subject start at token ``k``? ("that the war ...",
    "that he ...", "it had killed ...") A speech noun before it is then a cue."""
    if k + 1 >= len(toks):
        return False
    first, second = toks[k].lower(), toks[k + 1]
    if first == "that":
        low = second.lower()
        return (
            low in w.determiner
            or low in w.pronoun
            or low == "there"
            or (_is_cap(second) and _is_word(second))
            or second in ("“", '"')
        )
    return first in w.subject_pronoun | {"it"} and (
        second.lower() in _AUXILIARIES or (second.islower() and second.endswith("ed"))
    )


def _is_passive(toks: Sequence[str], ci: int, cj: int, rule: CueRule, w: _Words) -> bool:
    """Is the cue at tokens ``[ci, cj)`` a passive ("was asked", "has been called")?"""
    return (
        rule.rule not in ("participle", "state")
        and not toks[cj - 1].endswith("ing")
        and not {t.lower().replace("’", "'") for t in toks[ci:cj]}.isdisjoint(w.be_verb)
    )


def _find_source(
    toks: Sequence[str],
    ci: int,
    cj: int,
    rule: CueRule,
    w: _Words,
) -> tuple[_NP | None, str]:
    """The source of the cue at tokens ``[ci, cj)``, and for "who" the phrase it points to."""
    n = len(toks)
    source: _NP | None = None
    antecedent = ""
    if _is_passive(toks, ci, cj, rule, w):
        # A passive cue: the subject is who was spoken to or about ("He was asked",
        # "Results were posted"); the source, if any, follows "by": "has been called a
        # charlatan by fellow physicians".
        by = next((i for i in range(cj, min(n, cj + 6)) if toks[i].lower() == "by"), None)
        if by is not None:
            found = _np_forward(toks, by + 1, n, w)
            if found is not None:
                return _extend_forward(toks, found, n, w), ""
        return None, ""
    if rule.side in ("left", "either"):
        j = _skip_time_back(toks, ci, 0, w)
        if j > 0 and toks[j - 1] == ",":
            source = _appositive_subject(toks, j - 1, w)
        elif j > 0 and toks[j - 1].lower() == "who":
            source = _NP(j - 1, j, "pronoun", j)
            k = j - 1
            if k > 0 and toks[k - 1] in (",", "--", "—"):
                k -= 1
            ante = _subject_back(toks, k, 0, w)
            if ante is not None:
                antecedent = " ".join(toks[ante.start : ante.core_end])
                source = source._replace(kind=ante.kind)
        elif j > 1 and toks[j - 1].lower() in ("which", "that"):
            # "the AP, which first reported the story", "a super PAC that intends to ...":
            # the relative pronoun is the source and points to the noun phrase before it.
            k = j - 1
            if toks[k - 1] in (",", "--", "—"):
                k -= 1
            ante = _np_back(toks, k, 0, w)
            if ante is not None and ante.kind != "pronoun":
                antecedent = " ".join(toks[ante.start : ante.core_end])
                source = _NP(j - 1, j, ante.kind, j)
        elif (
            cj < n
            and (toks[cj].lower() in ("that", "about", "of") or toks[cj] in '“"')
            and _possessor_back(toks, j, w) is not None
        ):
            # "Trump's claim that ...", "Tulsa police's earlier claim", "his claim that"
            source = _possessor_back(toks, j, w)
        elif (
            j > 1
            and toks[j - 1].lower() == "to"
            and rule.rule == "any"
            and _is_word(toks[j - 2])
            and toks[j - 2].lower() not in w.determiner
        ):
            # "Trump took to Twitter to accuse ...", "went on to say": the sentence's subject
            source = _subject_forward(toks, 0, j - 1, w)
        elif (
            j > 0
            and toks[j - 1].lower() in ("and", "but", "yet", "or")
            and (rule.rule == "any" or toks[cj - 1].lower().endswith(("ed", "s")))
        ):
            # "Clinton mocked the complaint and said ...": the subject of the sentence
            source = _subject_forward(toks, 0, j - 1, w)
        else:
            source = _subject_back(toks, j, 0, w)
            if source is None and rule.rule == "any":
                source = _plain_np_back(toks, j, w)
            if (
                source is None
                and j > 1
                and toks[j - 1] in w.person_noun
                and toks[j - 2].lower() not in w.breaker
            ):
                # "the minimum $20 million experts say": a word for people right before
                # the verb is its subject, even when the words before it are not (but
                # not after a verb or "which": "defended people accused of ...")
                source = _modified_noun(toks, j, w)
            elif (
                source is None
                and j > 2
                and toks[j - 1] in ("whom", "which")
                and toks[j - 2] == "of"
            ):
                # "family members of 9/11 victims, many of whom say ..."
                source = _NP(j - 3, j, "unnamed", j)
    if source is None and rule.side in ("right", "either"):
        before = toks[ci - 1] if ci > 0 else ""
        if rule.side == "right" or ci == 0 or before in _CLOSING or not _is_word(before):
            k = cj
            if rule.side == "either":
                while k < n and toks[k].lower() in w.time_word:
                    k += 1  # "said Friday Rep. X"
            found = _np_forward(toks, k, n, w)
            if found is not None:
                source = _extend_forward(toks, found, n, w)
                if rule.side == "right" and rule.rule == "any":
                    source = _until_clause_end(toks, source, n, w)
            elif rule.side == "right" and rule.rule == "any" and k < n and _is_word(toks[k]):
                # "according to the meeting agenda posted on ...": whatever the words,
                # "according to" names a source; it runs to the end of its clause
                words = {t.lower() for t in toks[k : k + 6]}
                kind = (
                    "document"
                    if any(w.head_kind.get(t) == "document" for t in words)
                    else "unnamed"
                )
                source = _until_clause_end(toks, _NP(k, k + 1, kind, k + 1), n, w)
    return source, antecedent


def _until_clause_end(toks: Sequence[str], np: _NP, limit: int, w: _Words) -> _NP:
    """After "according to", the source runs to the end of its clause ("... fighting there")."""
    end = np.end
    while end < limit and toks[end] not in (",", ";", ".", ":", "“", '"', "—", "--", "?"):
        if toks[end].lower() in ("that", "who", "which"):
            break
        end += 1
    if (
        end + 1 < limit
        and toks[end] == ","
        and toks[end + 1].lower() in ("also", "known", "a", "an", "the")
    ):
        # an appositive after the source: ", also known as the Popular Mobilization Units"
        stop = end + 1
        while stop < limit and toks[stop] not in (",", ";", ".", "“", '"', "—", "--"):
            stop += 1
        end = stop
    return np._replace(end=end)


def _appositive_subject(toks: Sequence[str], c: int, w: _Words) -> _NP | None:
    """The subject before "X, a spokesman for Y, said" (``c`` is the comma before the cue)."""
    p = c - 1
    while p > 0 and c - p < 18 and toks[p] not in (",", "(", "—", "--", ";", ":"):
        p -= 1
    if p <= 0 or toks[p] != ",":
        # No earlier comma: "Trump, however, said" or a lone appositive at the sentence start.
        seg = _subject_back(toks, c, 0, w)
        return seg if seg is not None and seg.start == 0 else None
    first = toks[p + 1] if p + 1 < c else ""
    if first.lower() in w.preposition or (first.islower() and first.endswith("ly")):
        # "Clinton, at Monday's debate, cited ...", "Reid, in particular, has ...": an
        # aside between the subject and the cue; the subject ends at the first comma
        inner = _subject_back(toks, p, 0, w)
        if inner is not None and inner.kind != "pronoun":
            return inner
    segment_is_name = _np_back(toks, c, 0, w)
    described = (
        first.lower() in w.determiner
        or first.lower() in w.descriptor
        or (
            first[:1].isdigit()
            or first in w.title
            or first.lower() in w.relative
            or (first[:1].islower() and first.lower() not in w.breaker)
        )
    )
    head = _subject_back(toks, p, 0, w)
    if described and head is not None and head.kind != "pronoun":
        # "Air Force Col. John Thomas, a spokesman for U.S. Central Command, said"
        if first.lower() in w.relative:
            return _NP(head.start, head.end, head.kind, head.core_end)
        return _NP(head.start, c, head.kind, head.core_end)
    if segment_is_name is not None and segment_is_name.start == p + 1 and head is not None:
        # "one of the family's attorneys, Justin Bamberg, said"
        kind = segment_is_name.kind if segment_is_name.kind != "pronoun" else head.kind
        return _NP(head.start, c, kind, c)
    if segment_is_name is not None and segment_is_name.start == p + 1:
        return segment_is_name
    return None


_CONTENT_LEAD_RE = re.compile(r"[\s,:]*(?:that\b\s*)?")


def _content(
    text: str, quotes: _Quotes, sent: _Sent, para_end: int, a0: int, a1: int
) -> tuple[int, int, bool]:
    """What the source says: the quotation next to the attribution, else the rest of the
    sentence on the side away from the cue."""
    before = quotes.ending_before(a0, sent.start - 1)
    if before is not None and not text[before[1] : a0].strip(" \u00a0,—–-"):
        start, end = before
        nxt = quotes.starting_after(a1, para_end)
        # '"A," he said. "B."': the quote goes on after the attribution
        if nxt is not None and not text[a1 : nxt[0]].strip(" \u00a0,.:;"):
            end = nxt[1]
        return start, end, True
    after = quotes.starting_after(a1, para_end)
    if after is not None:
        gap = text[a1 : after[0]]
        if not gap.strip(" \u00a0,:;") or re.fullmatch(r"[\s,:]*(?:that\s*)?", gap):
            return after[0], after[1], True
    s_end = sent.end
    while s_end > sent.start and text[s_end - 1] in ".!?\"'”’ \u00a0":
        s_end -= 1
    if a1 < s_end - 1:
        m = _CONTENT_LEAD_RE.match(text, a1, s_end)  # no slice: a copy per cue is quadratic
        start = m.end() if m else a1
        if start < s_end:
            return start, s_end, _mostly_quoted(quotes, start, s_end)
    end = a0
    while end > sent.start and text[end - 1] in " \u00a0,:;—–-":
        end -= 1
    if end > sent.start:
        return sent.start, end, _mostly_quoted(quotes, sent.start, end)
    return NO_SPAN, NO_SPAN, False


def _mostly_quoted(quotes: _Quotes, start: int, end: int) -> bool:
    """Is at least half of ``[start, end)`` inside quotation marks? (Scare quotes are not.)"""
    inside = 0
    i = bisect.bisect_left(quotes.starts, start)
    if i > 0 and quotes.spans[i - 1][1] > start:
        i -= 1
    while i < len(quotes.spans) and quotes.spans[i][0] < end:
        s, e = quotes.spans[i]
        inside += max(0, min(e, end) - max(s, start))
        i += 1
    return inside * 2 >= end - start


class _Cue(NamedTuple):
    """A cue found in a sentence: tokens ``[ci, cj)``, helper words ``[ci, fi)`` in front."""

    ci: int
    fi: int
    cj: int
    rule: CueRule


def _locate_cue(
    sent: _Sent, form_start: int, form_end: int, rule: CueRule, w: _Words
) -> _Cue | None:
    """Token range of a cue form, widened over up to three helper words ("has also said")."""
    toks = sent.toks
    fi = _tok_index(sent, form_start)
    cj = _tok_index(sent, form_end)
    if fi >= cj:
        return None
    ci = fi
    while (
        rule.rule != "nosource"  # "reportedly" takes no helper words: "have reportedly"
        and ci > 0
        and fi - ci < 3
        and _is_cue_prefix(toks[ci - 1], w)
        and (not _is_cap(toks[ci - 1]) or ci == 1)
    ):  # "Theresa May" is not "may"
        ci -= 1
    return _Cue(ci, fi, cj, rule)


def _is_cue_prefix(word: str, w: _Words) -> bool:
    """A helper word that belongs to the cue: "has", "did not", "also", "repeatedly"."""
    low = word.lower().replace("’", "'")
    if low in w.cue_prefix:
        return True
    # An adverb in -ly ("boldly suggested"), unless it is a noun such as "family" or "ally".
    return (
        word.islower()
        and low.endswith("ly")
        and len(low) > 4
        and low not in w.head_kind
        and low not in _cue_rules()
    )


# Words before a participle cue that tie it to the subject of the sentence:
# "responded by saying", "before asking her", "while showing support".
_PARTICIPLE_LINKS = frozenset(
    {"by", "after", "before", "while", "without", "from", "in", "when", "since", "upon", "despite"}
)


def _participle_source(toks: Sequence[str], ci: int, cj: int, w: _Words) -> _NP | None:
    """Who does the "-ing" cue at tokens ``[ci, cj)``? (see ``participle`` in rule 2)."""
    prev = toks[ci - 1] if ci > 0 else ""
    low = prev.lower()
    opening = ci == 0 or not _is_word(prev)
    if low in _PARTICIPLE_LINKS:
        opening = ci == 1 or not _is_word(toks[ci - 2])
    if opening and prev not in (",", "—", "--"):
        # "Asked about the bomb, Clinton said ...", "After saying her foot was swollen,
        # she ...": the subject follows the comma
        comma = next((i for i in range(cj, len(toks)) if toks[i] == ","), None)
        return _np_forward(toks, comma + 1, len(toks), w) if comma else None
    if low in _PARTICIPLE_LINKS:
        # "Obama responded to a Gold Star mother by saying ...": the sentence's subject
        source = _subject_forward(toks, 0, ci - 1, w)
        if source is None or source.end > ci - 1:
            return None
        return _extend_forward(toks, source, ci - 1, w)
    if _is_contracted_pronoun(low, w):
        return _NP(ci - 1, ci, "pronoun", ci)  # "He’s claiming that ..."
    prev_head = low in w.head_kind and w.head_kind[low] == "document"
    if prev not in (",", "—", "--") and not prev_head:
        # "with Russia backing the government", "footage of Hillary Clinton asking":
        # the noun phrase right before the participle does it
        np = _np_back(toks, ci, 0, w)
        if np is not None and np.kind in _NAMED and _is_word(prev):
            return np
        return None
    source = _subject_forward(toks, 0, ci, w)
    if source is None or source.end > ci:
        return None
    return _extend_forward(toks, source, ci, w)


_AFTER_OPENING_PARTICIPLE = frozenset(
    {"about", "on", "to", "by", "whether", "if", "for", "why", "how", "what", "over"}
)


def _opens_with_participle(toks: Sequence[str], ci: int, cj: int) -> bool:
    """Does the clause open with a past participle cue: "Asked about ...", "When pressed on
    ..."? (Then its subject is the one asked, not the one asking.)"""
    if cj >= len(toks) or not toks[cj - 1].lower().endswith("ed") or cj - ci != 1:
        return False
    opening = ci == 0 or (ci == 1 and toks[0].lower() in ("when", "if", "once", "after"))
    return opening and toks[cj].lower() in _AFTER_OPENING_PARTICIPLE


# Helper words that put a cue in the future or in a "what if": "she will announce plans
# Friday", "the company would assume the costs". No one has said or done it yet, so
# there is nothing to attribute ("would have said" reports a real view, and stays).
_NOT_YET = frozenset({"will", "would", "might", "may", "won't", "wouldn't", "'ll", "'d"})


def _match_cue(
    cue: _Cue, text: str, sent: _Sent, quotes: _Quotes, para_end: int, w: _Words
) -> _Found | None:
    """Apply the cue's rule; return the attribution or ``None``."""
    toks = sent.toks
    ci, cj, rule = cue.ci, cue.cj, cue.rule
    prefix = {t.lower().replace("’", "'") for t in toks[ci : cue.fi]}
    if not prefix.isdisjoint(_NOT_YET) and "have" not in prefix:
        return None  # "will announce", "would assume": nothing has been said yet
    kind_rule = rule.rule
    if kind_rule == "noun":
        # "the U.S. announcement it had killed ...", "his claim that ...": a speech
        # noun followed by what was said; its owner, if named, is the source
        if not _clause_follows(toks, cj, w):
            return None
        return _build(text, quotes, sent, para_end, cue, _possessor_back(toks, ci, w), "", w)
    if kind_rule == "nosource":
        # "reportedly", "reports have surfaced": the text passes a claim on and
        # names no one
        return _build(text, quotes, sent, para_end, cue, None, "", w)
    if kind_rule == "participle":
        if prefix & w.be_verb:
            kind_rule = "subject"
        else:
            # with no source yet, the speaker of the sentence's first attribution may
            # still be it (see _same_speaker); a participle left without one is dropped
            source = _participle_source(toks, ci, cj, w)
            return _build(text, quotes, sent, para_end, cue, source, "", w)
    if kind_rule == "passive":
        source = _np_forward(toks, cj, len(toks), w)
        if source is None:
            return None
        return _build(
            text, quotes, sent, para_end, cue, _extend_forward(toks, source, len(toks), w), "", w
        )
    if _opens_with_participle(toks, ci, cj):
        # "Asked about the bomb, Clinton said ...", "When pressed by Holt, he ...": the
        # person in the main clause was asked; who asked, if named, follows "by"
        by = cj if toks[cj].lower() == "by" else None
        agent = _np_forward(toks, by + 1, len(toks), w) if by is not None else None
        return _build(text, quotes, sent, para_end, cue, agent, "", w)
    source, antecedent = _find_source(toks, ci, cj, rule, w)
    if (
        source is None
        and toks[cj - 1].lower() in w.hearsay_passive
        and _is_passive(toks, ci, cj, rule, w)
    ):
        # "Obama's veto is expected to come", "Mr. Quiros was accused of ...": the
        # passive reports what someone expects or claims, without saying who
        return _build(text, quotes, sent, para_end, cue, None, "", w)
    kind = source.kind if source is not None else ""
    if (
        source is not None
        and source.end - source.start == 1
        and source.end <= ci
        and toks[source.start].lower() in w.determiner
        and toks[cj - 1].lower().endswith("s")
    ):
        return None  # "some calls", "many reports": a quantifier and a plural noun
    if kind_rule == "subject" and source is None:
        return None
    if kind_rule in ("person", "state") and kind not in _PERSONLIKE:
        return None
    if (
        kind_rule == "person"
        and cj < len(toks)
        and toks[cj].lower() in ("of", "among")
        and toks[ci - 1].lower() == "percent"
    ):
        return None  # "85 percent support among black voters": a noun, not a verb
    if (
        kind_rule == "evidence"
        and kind not in _EVIDENCE
        # "It shows an officer aiming a gun": "it" stands for a thing (a video, a poll)
        and not (source is not None and toks[source.start].lower() == "it")
    ):
        source = _document_subject(toks, ci, w)
        if source is None:
            return None
    if kind_rule == "naming":
        # "called it a common ailment", what Thomas calls "open defiance" -- but not
        # "Clinton called Machado on Friday" (a phone call) or "calling in sick"
        ahead = {t.lower() for t in toks[cj : cj + 4]}
        quoted = quotes.starting_after(sent.ends[cj - 1], sent.end) is not None
        if source is None or not (quoted or ahead & w.naming_object):
            return None
        if not ahead.isdisjoint(w.called_event):
            return None  # "called an emergency meeting", "called a strike": convened, ordered
        k = cj + (cj < len(toks) and toks[cj].lower() == "the")
        if k < len(toks) and toks[k] in _QUOTE_TOKENS:
            k += 1
        if (
            k < len(toks)
            and _is_cap(toks[k])
            and source.end <= ci
            and any(
                toks[i] in ("of", "for", "from", "with", "in", "at") and not _is_cap(toks[i + 1])
                for i in range(source.start, ci - 1)
            )
        ):
            # "a member of the battalion called the 'Female Protection Forces'", "a group
            # called Lashkar-e-Taiba": a name follows and the noun before "called" hangs
            # on "of the ...", so "called" means "named" here, not "said to be" (but "the
            # Association of Flight Attendants called Clinton a champion" is a naming)
            return None
    if kind_rule == "quote":
        if source is None:
            return None
        before = quotes.ending_before(sent.starts[ci], sent.start - 1)
        after = quotes.starting_after(sent.ends[cj - 1], para_end)
        colon = cj < len(toks) and toks[cj] == ":"
        if before is None and after is None and not colon:
            return None
    return _build(text, quotes, sent, para_end, cue, source, antecedent, w)


def _build(
    text: str,
    quotes: _Quotes,
    sent: _Sent,
    para_end: int,
    cue: _Cue,
    source: _NP | None,
    antecedent: str,
    w: _Words,
) -> _Found:
    toks = sent.toks
    rule = cue.rule
    cue_start, cue_end = sent.starts[cue.ci], sent.ends[cue.cj - 1]
    if source is not None:
        s0, s1 = sent.starts[source.start], sent.ends[source.end - 1]
        while s1 > s0 and text[s1 - 1] in ",;: ":
            s1 -= 1
        contracted = _CONTRACTION_RE.fullmatch(text, s0, s1)
        if contracted is not None and source.kind == "pronoun":
            s1 = contracted.end(1)  # "He’s claiming": the source is "He"
        core = text[s0 : sent.ends[source.core_end - 1]]
        a0, a1 = min(s0, cue_start), max(s1, cue_end)
    else:
        s0 = s1 = NO_SPAN
        core = ""
        a0, a1 = cue_start, cue_end
    c0, c1, direct = _content(text, quotes, sent, para_end, a0, a1)
    if rule.cue in ("tell",) and source is not None and s1 <= cue_start and c0 >= cue_end:
        hearer = _np_forward(toks, _tok_index(sent, cue_end), len(toks), w)
        if (
            hearer is not None
            and sent.ends[hearer.end - 1] < c1
            and c0 <= sent.starts[hearer.start]
        ):
            c0 = sent.ends[hearer.end - 1]
            m = re.match(r"[\s,:]*(?:that\b\s*)?", text[c0:c1])
            c0 += m.end() if m else 0
    return _Found(
        cue_start,
        cue_end,
        rule,
        s0,
        s1,
        source.kind if source else "",
        core,
        antecedent,
        c0,
        c1,
        direct,
    )


# --------------------------------------------------------------------------- structural cues


def _colon_cue(text: str, m: re.Match[str], line_end: int, w: _Words) -> _Found | None:
    """ "Pence: Gennifer Flowers won't be at debate" or a transcript's "WALLACE: Let's start"."""
    name = m.group("name")
    words = name.replace("\u00a0", " ").split()
    if any(x.rstrip(".’'s") in w.not_speaker or x in w.not_speaker for x in words):
        return None
    if any(x.lower() in w.breaker or x.lower() in w.determiner for x in words):
        return None  # "Stealth Over Health:" is a title, not a speaker
    if words[-1].lower() in w.head_kind and w.head_kind[words[-1].lower()] == "document":
        kind = "document"  # "Poll: Clinton and Trump in dead heat"
    else:
        kind = _name_kind(words, w)
    rule = _cue_rules()[":"]
    c0 = m.end("cue")
    while c0 < line_end and text[c0] in " \u00a0":
        c0 += 1
    transcript = name.isupper() and len(name) > 1
    return _Found(
        m.start("cue"),
        m.end("cue"),
        rule,
        m.start("name"),
        m.end("name"),
        kind,
        name,
        "",
        c0,
        line_end,
        transcript,
    )


def _colon_quote_cue(
    text: str,
    colon: int,
    quotes: _Quotes,
    span: tuple[int, int],
    w: _Words,
) -> _Found | None:
    """ "A lesson from Loretta Lynch: 'Be the voice ...'": a name, a colon, a quotation."""
    if quotes.containing(colon) is not None:
        return None
    sent = next(
        (_sentence(text, a, b) for a, b in split_sentences(text, *span) if a <= colon < b), None
    )
    if sent is None:
        return None
    i = _tok_index(sent, colon)
    np = _np_back(sent.toks, i, 0, w)
    if np is None or np.kind not in (
        "named_person",
        "named_organization",
        "media_outlet",
        "document",
    ):
        return None
    quote = quotes.starting_after(colon, span[1])
    if quote is None:
        return None
    return _Found(
        colon,
        colon + 1,
        _cue_rules()[":"],
        sent.starts[np.start],
        sent.ends[np.end - 1],
        np.kind,
        " ".join(sent.toks[np.start : np.end]),
        "",
        quote[0],
        quote[1],
        True,
    )


def _dash_cue(text: str, m: re.Match[str], quotes: _Quotes, floor: int, w: _Words) -> _Found | None:
    """“...” ― Sonya Herridge: a name after a dash that follows a quotation."""
    name = m.group("name").rstrip(".")
    words = name.split()
    if any(x.lower() in w.breaker for x in words):
        return None
    quote = quotes.ending_before(m.start("cue"), floor)
    if quote is None:
        return None
    rule = _cue_rules()[m.group("cue")]
    start = m.start("name")
    return _Found(
        m.start("cue"),
        m.end("cue"),
        rule,
        start,
        start + len(name),
        _name_kind(words, w),
        name,
        "",
        quote[0],
        quote[1],
        True,
    )


# --------------------------------------------------------------------------- public


def find_attributions(article: Article | str, *, scope: str = "story") -> pd.DataFrame:
    """Find every attribution (cue, source, content) in ``article``, in document order.

    ``scope="story"`` reads the headline and story; ``"page"`` reads every block.
    A plain string is read as ``Article.from_text(text)``. Columns: see
    :data:`COLUMNS`; a missing source or content is ``""`` with offsets ``-1``.

    >>> import medialit as ml
    >>> table = find_attributions(ml.load_article())
    >>> table.loc[table.source_kind == "media_outlet", "source"].tolist()
    ['Iranian news service Fars']
    """
    return attribution_frame(attribution_records(article, scope=scope))


def attribution_records(article: Article | str, *, scope: str = "story") -> list[Attribution]:
    """The rows of :func:`find_attributions` as small records (no DataFrame), for ``analyze``."""
    article = as_article(article, caller="find_attributions")
    spans = article.spans(scope)
    found = _find_in_spans(article.text, spans, _known_sentences(article))
    return _records(article.text, found)


def _known_sentences(article: Article) -> dict[int, list[tuple[int, int]]]:
    """The story's sentences the article has already split (it keeps them for every
    detector, see ``Article.sentence_records``), by the start of their block. When no
    detector has asked for them yet, nothing: the paragraphs with a cue word are split
    here, which is cheaper than splitting them all."""
    if "sentence_records" not in getattr(article, "__dict__", {}):
        return {}
    blocks = article.block_records
    out: dict[int, list[tuple[int, int]]] = {}
    for sentence in article.sentence_records:
        out.setdefault(blocks[sentence.block].start, []).append((sentence.start, sentence.end))
    return out


def _may_capitalise(text: str, sent: _Sent, pos: int) -> bool:
    """Can a cue word start with a capital here? At the start of a sentence or after a
    quotation or colon, and in a headline written in title case ("Retired General Reveals")."""
    before = text[sent.start : pos].rstrip(" \u00a0\"“‘'(")
    if not before or before[-1] in ":;—–":
        return True
    words = [t for t in sent.toks if t[:1].isalpha()]
    if text[pos : pos + 2].isupper():
        return False  # an all-capitals heading
    capitals = sum(x[:1].isupper() for x in words)
    return len(words) <= 20 and capitals >= 0.6 * len(words)


def _find_in_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    known: dict[int, list[tuple[int, int]]] | None = None,
) -> list[_Found]:
    """Every attribution in ``spans``, in document order; ``known`` holds sentences
    already split, by block start (see :func:`_known_sentences`)."""
    known = known or {}
    w = _words()
    forms = _cue_forms()
    rules = _cue_rules()
    found: list[_Found] = []
    quotes = _Quotes(_all_quotation_spans(text, spans))
    span_starts = [s for s, _ in spans]
    current = -1
    start = end = 0
    sentences: list[tuple[int, int]] | None = None
    sent_starts: list[int] = []
    cache_: dict[int, _Sent] = {}
    for pos, word in _candidate_words(text):
        k = bisect.bisect_right(span_starts, pos) - 1
        if k < 0 or pos >= spans[k][1]:
            continue  # outside the blocks the scope reads
        if k != current:  # a new paragraph: forget the last one's sentences
            current = k
            start, end = spans[k]
            sentences = None
            cache_ = {}
        m = forms[word].match(text, pos, end)
        if m is None or quotes.containing(m.start()) is not None:
            continue  # inside a quotation: the quoted speaker's own reporting
        if sentences is None:
            sentences = known.get(start) or split_sentences(text, start, end)
            sent_starts = [s for s, _ in sentences]
        i = bisect.bisect_right(sent_starts, m.start()) - 1
        if i < 0 or m.end() > sentences[i][1]:
            continue
        sent = cache_.get(i)
        if sent is None:
            s, e = sentences[i]
            sent = cache_[i] = _sentence(text, s, e)
        if m.group()[:1].isupper() and not _may_capitalise(text, sent, m.start()):
            continue  # "Drudge Report", "QUESTIONABLE MEDICAL CLAIMS": part of a name
        cue = _locate_cue(sent, m.start(), m.end(), rules[" ".join(m.group().lower().split())], w)
        if cue is None:
            continue
        overlap = bool(found) and found[-1].cue_end > sent.starts[cue.ci]
        if overlap and found[-1].rule.rule != "nosource":
            continue  # "first reported by" and "reported by" are one cue
        result = _match_cue(cue, text, sent, quotes, end, w)
        if result is None:
            continue
        result = _same_speaker(result, _first_in_sentence(found, sent), sent)
        if result.rule.rule == "participle" and result.source_start == NO_SPAN:
            continue  # ", adding ..." with no one to say it
        if overlap:
            found.pop()  # "he reportedly told": the verb and its source make the cue
        found.append(result)
    found.extend(_structural_cues(text, spans, quotes, found, w))
    found.sort(key=lambda f: f.cue_start)
    return _drop_nested(text, found)


def _structural_cues(
    text: str,
    spans: Sequence[tuple[int, int]],
    quotes: _Quotes,
    found: Sequence[_Found],
    w: _Words,
) -> list[_Found]:
    """Cues made of punctuation (rule 4): "Pence: ...", "..." ― Name, Name: "...".

    The patterns that can occur anywhere are searched once over the whole text (much
    faster than once per paragraph); a match counts when it lies inside one of ``spans``.
    """
    starts = [s for s, _ in spans]

    def span_at(pos: int, end: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and end <= spans[i][1]:
            return spans[i]
        return None

    out: list[_Found] = []
    for start, end in spans:  # a line that opens with "Name:" (checked at line starts only)
        m = _COLON_CUE_RE.match(text, start, end)
        if m is not None:
            result = _colon_cue(text, m, end, w)
            if result is not None:
                out.append(result)
    for m in _DASH_CUE_RE.finditer(text):
        span = span_at(m.start(), m.end())
        if span is not None:
            result = _dash_cue(text, m, quotes, span[0] - 1, w)
            if result is not None:
                out.append(result)
    cue_ends = {f.cue_end for f in found}
    for m in _COLON_QUOTE_RE.finditer(text):
        colon = m.start()
        span = span_at(colon, colon + 1)
        if span is None or not text[colon - 1 : colon].isalnum():
            continue
        if any(colon - k in cue_ends for k in range(17)):
            continue  # "he said: ..." is already one attribution
        result = _colon_quote_cue(text, colon, quotes, span, w)
        if result is not None:
            out.append(result)
    return out


def _first_in_sentence(found: Sequence[_Found], sent: _Sent) -> _Found | None:
    """The first attribution found so far in this sentence, if any.

    ``found`` is in cue order, so a binary search finds it: walking back through every
    earlier finding took time growing with the square of a sentence full of cues.
    """
    i = bisect.bisect_left(found, sent.start, key=lambda f: f.cue_start)
    return found[i] if i < len(found) else None


def _same_speaker(found: _Found, first: _Found | None, sent: _Sent) -> _Found:
    """'"...," the mayor said, adding that ...': a participle after a comma goes on with
    the speaker of the first attribution in the same sentence."""
    if (
        first is None
        or first.source_start == NO_SPAN
        or found.rule.rule != "participle"
        or first.rule.rule in ("noun", "nosource")  # a noun is no clause's speaker
        or not sent.start <= first.cue_start < found.cue_start
    ):
        return found
    comma = sent.toks[_tok_index(sent, found.cue_start) - 1 : _tok_index(sent, found.cue_start)]
    if comma != [","] or (found.source_start != NO_SPAN and found.source_end > first.cue_end):
        return found  # a new subject of its own stands between the two cues
    return found._replace(
        source_start=first.source_start,
        source_end=first.source_end,
        source_kind=first.source_kind,
        core=first.core,
        antecedent=first.antecedent,
    )


# A clause that opens with one of these is not what the outer source said, but a new
# statement next to it: "because they felt ...", "which she plans to do", "(they want
# ...)". ("and"/"but" are left out: they join noun phrases as often as clauses.)
_OWN_CLAUSE_RE = re.compile(
    r"(?:\b(?:because|while|whereas|although|though|which)|[(;])\s*$", re.IGNORECASE
)


# "Birchers viewed communists as terrorists and despised them": a second verb joined
# by "and" shares the subject; it is a new attribution, not part of the first one.
_SHARED_SUBJECT_RE = re.compile(r"\b(?:and|but|yet)\s*$", re.IGNORECASE)


def _starts_own_clause(text: str, f: _Found) -> bool:
    """Does the attribution ``f`` start a clause of its own (see :data:`_OWN_CLAUSE_RE`)
    or go on with the subject of the sentence (see :data:`_SHARED_SUBJECT_RE`)?"""
    start = f.source_start if NO_SPAN < f.source_start < f.cue_start else f.cue_start
    if _OWN_CLAUSE_RE.search(text, max(0, start - 12), start) is not None:
        return True
    return (
        NO_SPAN < f.source_start < f.cue_start
        and _SHARED_SUBJECT_RE.search(text, max(0, f.cue_start - 6), f.cue_start) is not None
    )


# What may stand between a cue and the clause it reports: "said (then) (that)".
_REPORTED_GAP_RE = re.compile(r"\s*(?:[^.;:!?\"“”]{0,60}\bthat\s*)?")


def _reported_clause(text: str, f: _Found, found: Sequence[_Found], i: int) -> bool:
    """Is ``f`` the clause another cue reports: "Shelby said [he refused ...]", "He notes
    that [the Commission announced ...]"? Its source starts right after that cue."""
    if f.rule.rule not in ("subject", "any") or f.source_start == NO_SPAN:
        return False
    start = min(f.source_start, f.cue_start)
    return any(
        g.cue_end <= start
        and g.content_start <= f.cue_start < g.content_end
        and _REPORTED_GAP_RE.fullmatch(text, g.cue_end, start) is not None
        for g in found[max(0, i - 3) : i]
    )


_COMMA_END_RE = re.compile(r",\s*$")


def _main_clause_after(text: str, g: _Found, f: _Found) -> bool:
    """Does ``f`` open the main clause after the clause that holds ``g``? "If the I.R.S.
    has questions about his returns, voters should know ...": ``g`` ends a few words
    before the comma, and no "that" ties what follows to it. (Not "Clarke said, he
    decided ..." or "According to police, officers saw ...": there the comma follows
    the cue and its source.)"""
    start = f.source_start if NO_SPAN < f.source_start < f.cue_start else f.cue_start
    comma = _COMMA_END_RE.search(text, max(0, start - 3), start)
    if comma is None or g.cue_end > comma.start() or g.rule.side == "right":
        return False
    between = text[g.cue_end : comma.start()].split()
    return len(between) >= 3 and between[0].lower() != "that"


def _drop_nested(text: str, found: list[_Found]) -> list[_Found]:
    """Keep only the outer attribution when a cue sits inside another's content (rule 5)."""
    kept: list[_Found] = []
    for i, f in enumerate(found):
        # Only near neighbours can hold a cue in their content (a sentence or a quotation).
        inside = any(
            g is not f
            and g.content_start <= f.cue_start
            and f.cue_end <= g.content_end
            # two cues in each other's content: the one that looks back over the
            # sentence ("... before it decides") is the inner one
            and not (
                f.content_start <= g.cue_start
                and g.cue_end <= f.content_end
                and f.content_start >= f.cue_start
            )
            and not _main_clause_after(text, g, f)
            for g in found[max(0, i - 6) : i + 7]
            # an attribution with no source ("is expected to") has no clear content
            # edge, so it hides no other attribution
            if g.content_start != NO_SPAN and g.source_start != NO_SPAN
        )
        # A cue inside another attribution's source is part of that source:
        # "The senators who wrote the bill said ..." has one attribution, not two.
        in_source = any(
            g is not f and g.source_start <= f.cue_start and f.cue_end <= g.source_end
            for g in found[max(0, i - 3) : i + 4]
        )
        # "what Thomas calls "open defiance"" is kept inside another attribution: the
        # quoted name is the source's own words.
        keep = (
            (f.rule.rule in _NEST_KEEP and not (inside and _reported_clause(text, f, found, i)))
            or (f.rule.rule == "naming" and f.direct_quote)
            or (inside and _starts_own_clause(text, f))
        )
        if (not inside or keep) and not in_source:
            kept.append(f)
    return kept


# --------------------------------------------------------------------------- table




def _explain(text: str, f: _Found, resolved: str) -> str:
    """Who says it, how we know (the cue), and whether the source is named."""
    cue = text[f.cue_start : f.cue_end]
    if f.source_start == NO_SPAN:
        who = "Who: the text does not say."
        tail = "A claim with no source is hard to check."
    else:
        source = text[f.source_start : f.source_end]
        meaning = f" (meaning {resolved})" if resolved and resolved != source else ""
        who = f'Who: "{source}"{meaning}.'
        tail = SOURCE_KIND_WHY.get(f.source_kind, "")
    quote = " The exact words are in quotation marks." if f.direct_quote else ""
    return f'{who} How we know: the cue "{cue}" ({f.rule.explanation}). {tail}{quote}'


def _resolve(text: str, found: Sequence[_Found]) -> list[tuple[str, str]]:
    """(resolved_source, source_kind) for each attribution, in order (rule 6)."""
    out: list[tuple[str, str]] = []
    people: list[str] = []  # full names of named people, latest last
    for f in found:
        if f.source_start == NO_SPAN:
            out.append(("", ""))
            continue
        source = text[f.source_start : f.source_end]
        low = source.lower()
        if low in ("he", "she", "him", "her") and f.source_kind == "pronoun":
            if people:
                out.append((people[-1], "named_person"))
            else:
                out.append(("", "pronoun"))
            continue
        if low == "who" or f.antecedent:
            out.append((f.antecedent, f.source_kind if f.antecedent else "pronoun"))
            continue
        resolved = f.core or source
        if f.source_kind == "named_person":
            last = resolved.split()[-1]
            earlier = next((p for p in reversed(people) if p.split()[-1] == last), None)
            if earlier is not None and len(earlier) > len(resolved):
                resolved = earlier
            people.append(resolved)
        out.append((resolved, f.source_kind if f.source_kind != "pronoun" or resolved else ""))
    return out


_DTYPES = {name: "int64" for name in _INT_COLUMNS} | {"direct_quote": "bool"}


def _records(text: str, found: Sequence[_Found]) -> list[Attribution]:
    rows = []
    for f, (resolved, kind) in zip(found, _resolve(text, found), strict=True):
        f = f._replace(source_kind=kind) if kind else f
        if f.content_start != NO_SPAN and f.content_end <= f.content_start:
            # an empty content span ("Smith told Smith ,") is no content at all
            f = f._replace(content_start=NO_SPAN, content_end=NO_SPAN, direct_quote=False)
        points = [f.cue_start, f.cue_end]
        for a, b in ((f.source_start, f.source_end), (f.content_start, f.content_end)):
            if a != NO_SPAN:
                points += [a, b]
        start, end = min(points), max(points)
        source = text[f.source_start : f.source_end] if f.source_start != NO_SPAN else ""
        rows.append(
            Attribution(
                start,
                end,
                text[start:end],
                text[f.cue_start : f.cue_end],
                f.cue_start,
                f.cue_end,
                f.rule.cue_type,
                source,
                f.source_start,
                f.source_end,
                f.source_kind,
                resolved,
                f.content_start,
                f.content_end,
                bool(f.direct_quote),
                _explain(text, f, resolved),
            )
        )
    return rows


def attribution_frame(rows: Sequence[Attribution]) -> pd.DataFrame:
    """Attribution records as the table :func:`find_attributions` returns."""
    return records_frame(rows, COLUMNS, _DTYPES)
