"""The word lists behind the rules: cue forms and their rules (``reporting_verbs.csv``),
word classes for sources (``source_words.csv``) and known news outlet names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from ..._util.data import read_table
from ..._util.lazy import pd
from ..._util.regex import trie_regex


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
    nobody: frozenset[str]  # "no-one could predict": no speaker, so no source
    media_modifier: frozenset[str]  # "news", "state-run": "the news agency" is an outlet
    quantity_lead: frozenset[str]  # "only", "more than": "Only three senators said"
    share_word: frozenset[str]  # "percent", "half", "two-thirds": a poll's share of people
    region: frozenset[str]  # "maryland", "new york": a state after a town ("Greenbelt, Maryland")


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
    for form, rule in _rule_overrides().items():
        if form not in rules:
            continue
        if rule == "drop":
            del rules[form]  # "attacks": nearly always a noun in news, not a cue
        else:
            rules[form] = rules[form]._replace(
                rule=rule, source=f"{rules[form].source}; {_LEARNED}"
            )
    return rules


_LEARNED = "rule set from PolNeAR train counts (cue_rule_overrides.csv)"


def _rule_overrides() -> dict[str, str]:
    """Form -> new rule, from ``cue_rule_overrides.csv``: forms whose rule the PolNeAR train
    split showed too strict ("concluded" counts on its own: ``any``) or whose finds
    were nearly all wrong ("attacks": ``drop``). Written by ``tools/train_attribution.py``."""
    return {row["form"]: row["rule"] for row in _read_csv("cue_rule_overrides.csv")}


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
        nobody=get("nobody"),
        media_modifier=get("media_modifier"),
        quantity_lead=get("quantity_lead"),
        share_word=get("share_word"),
        region=get("region"),
    )


@cache
def _cue_boundaries() -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[str]]:
    """Where a cue's span ends, from ``cue_boundaries.csv`` (learned on PolNeAR train by
    ``tools/train_attribution.py``): cue lemma -> runs of words after it that join the
    cue, longest first ("said" + ":", "called" + "for"); and the cues whose final "to"
    stays out ("wants to" -> "wants")."""
    extend: dict[str, list[tuple[str, ...]]] = {}
    drop_to: set[str] = set()
    for row in _read_csv("cue_boundaries.csv"):
        if row["action"] == "extend":
            extend.setdefault(row["cue"], []).append(tuple(row["words"].split()))
        elif row["action"] == "drop_to":
            drop_to.add(row["cue"])
    return (
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in extend.items()},
        frozenset(drop_to),
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
        from ..outlets import load_outlets
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
    # (a one-word name has no multi-word ending: skip building the generator for it)
    return len(words) > 1 and any(
        " ".join(words[i:]).casefold() in multi for i in range(len(words) - 1)
    )


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
    """Matches, in lower-cased text after one added space, every word that can start a
    cue form, with the character before it (group 1 is the word).

    The word must not follow a letter, digit, apostrophe or hyphen. Matching that
    character, rather than looking behind for it, lets the engine skip the inside of
    words fast; it is never a character another candidate needs, since a candidate ends
    before a character that is none of those. The class names the word characters of
    lower-cased ASCII text only ("a-z0-9_"): testing a character against it is about
    three times cheaper than against ``\\w``, which must look up every character's
    Unicode category. A letter or digit outside ASCII ("é") still matches it, so
    :func:`_candidate_words` drops the few matches that follow one.
    """
    return re.compile(r"[^a-z0-9_'’-](" + trie_regex(sorted(_cue_forms())) + r")(?![\w'’-])")


_WORD_RE = re.compile(r"(?<![\w'’-])[A-Za-z]+")


def _candidate_words(text: str) -> list[tuple[int, str]]:
    """``(offset, lower-cased word)`` of every word in ``text`` that may start a cue."""
    low = text.lower()
    if len(low) == len(text):  # the added space shifts every offset by one
        low = " " + low
        # ``\w`` is exactly ``str.isalnum`` or "_", and "_" is in the class already
        return [
            (m.start(1) - 1, m.group(1))
            for m in _first_word_regex().finditer(low)
            if low[m.start()] == " " or not low[m.start()].isalnum()
        ]
    forms = _cue_forms()  # lower() changed the length (rare letters): look word by word
    return [
        (m.start(), m.group().lower())
        for m in _WORD_RE.finditer(text)
        if m.group().lower() in forms
    ]
