"""One cue in one sentence: widen it over its helper words, apply its rule, and build
the attribution (source and content)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .lexicon import CueRule, _cue_boundaries, _cue_rules, _Words
from .phrases import (
    _NP,
    _extend_forward,
    _is_byline,
    _np_forward,
    _possessor_back,
)
from .quotes import _mostly_quoted, _Quotes
from .records import NO_SPAN, _Found
from .sources import (
    _find_source,
    _is_passive,
    _opens_with_participle,
    _participle_source,
)
from .subjects import _document_subject
from .tokens import _CONTRACTION_RE, _QUOTE_TOKENS, _is_cap, _is_word, _Sent, _tok_index

# Source kinds a cue's rule accepts; see rule 2 of the module docstring.
_PERSONLIKE = frozenset(
    {"named_person", "named_organization", "unnamed", "pronoun", "media_outlet"}
)
_EVIDENCE = frozenset({"document", "named_organization", "media_outlet", "unnamed"})
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


_CONTENT_LEAD_RE = re.compile(r"[\s,:]*(?:that\b\s*)?")
_CONTENT_GAP_RE = re.compile(r"[\s,:]*(?:that\s*)?")


def _content(
    text: str, quotes: _Quotes, sent: _Sent, para_end: int, a0: int, a1: int
) -> tuple[int, int, bool]:
    """What the source says: the quotation next to the attribution, else the rest of the
    sentence on the side away from the cue."""
    before = quotes.ending_before(a0, sent.start - 1)
    after = quotes.starting_after(a1, para_end)
    if before is not None and not text[before[1] : a0].strip(" \u00a0,—–-"):
        start, end = before
        # '"A," he said. "B."': the quote goes on after the attribution
        if after is not None and not text[a1 : after[0]].strip(" \u00a0,.:;"):
            end = after[1]
        return start, end, True
    if after is not None:
        gap = text[a1 : after[0]]
        if not gap.strip(" \u00a0,:;") or _CONTENT_GAP_RE.fullmatch(gap):
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
    widen = rule.rule != "nosource"  # "reportedly" takes no helper words: "have reportedly"
    while (
        widen
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


# Helper words that put a cue in the future or in a "what if": "she will announce plans
# Friday", "the company would assume the costs". No one has said or done it yet, so
# there is nothing to attribute ("would have said" reports a real view, and stays).
_NOT_YET = frozenset({"will", "would", "might", "may", "won't", "wouldn't", "'ll", "'d"})


class _Match(NamedTuple):
    """One cue in its sentence, with what every rule handler needs to judge it."""

    cue: _Cue
    text: str
    sent: _Sent
    quotes: _Quotes
    para_end: int
    w: _Words

    def build(self, source: _NP | None, antecedent: str = "") -> _Found | None:
        """The attribution of this cue with ``source`` (``None``: no source is named);
        ``None`` when the source is nobody ("no-one could predict": no one claims it)."""
        if source is not None and source.end > source.start:
            words = " ".join(self.sent.toks[source.start : source.end]).lower()
            if words in self.w.nobody or _is_byline(self.sent.toks, source.start):
                return None
        return _build(
            self.text, self.quotes, self.sent, self.para_end, self.cue, source, antecedent, self.w
        )


_Handler = Callable[[_Match], "_Found | None"]
_REJECT = _NP(-1, -1, "", -1)
"""What a source check returns to turn the cue down (``None`` means "no source, but fine")."""


BLOCKING_RULES = frozenset({"not_a_cue"})
"""Rules whose words no other cue may use: "did not want to be named" holds "want"."""

SPEAKER_FROM_SENTENCE = frozenset({"participle", "inference"})
"""Rules whose source may be the speaker of the sentence's first attribution."""


def _match_cue(
    cue: _Cue, text: str, sent: _Sent, quotes: _Quotes, para_end: int, w: _Words
) -> _Found | None:
    """Apply the cue's rule (its handler in :data:`RULE_HANDLERS`); the attribution or ``None``."""
    rule = cue.rule.rule
    if cue.ci < cue.fi:  # helper words in front (most cues have none)
        prefix = {t.lower().replace("’", "'") for t in sent.toks[cue.ci : cue.fi]}
        if not prefix.isdisjoint(_NOT_YET) and "have" not in prefix:
            return None  # "will announce", "would assume": nothing has been said yet
        if rule == "participle" and prefix & w.be_verb:
            rule = "subject"  # "was seen saying": the participle is a verb with its own subject
    return RULE_HANDLERS[rule](_Match(cue, text, sent, quotes, para_end, w))


# ---------------------------------------------------------------- rules that find their own source


def _rule_noun(m: _Match) -> _Found | None:
    """``noun``: a speech noun followed by what was said ("the U.S. announcement it had
    killed ...", "his claim that ..."); its owner, if named, is the source."""
    toks = m.sent.toks
    if not _clause_follows(toks, m.cue.cj, m.w):
        return None
    return m.build(_possessor_back(toks, m.cue.ci, m.w))


def _rule_nosource(m: _Match) -> _Found | None:
    """``nosource``: "reportedly", "reports have surfaced": the text passes a claim on and
    names no one."""
    return m.build(None)


def _rule_participle(m: _Match) -> _Found | None:
    """``participle``: ", saying ...", "by saying": the speaker is found by
    :func:`_participle_source`; with none yet, the speaker of the sentence's first
    attribution may still be it (see ``_same_speaker``), else the cue is dropped."""
    return m.build(_participle_source(m.sent.toks, m.cue.ci, m.cue.cj, m.w))


def _rule_inference(m: _Match) -> _Found | None:
    """``inference``: "suggesting", "indicating": goes on with the speaker of an
    attribution earlier in the same sentence (\'"...," he said, suggesting ...\'; see
    ``_same_speaker``). On its own ("Prices rose again, suggesting that ...") it is the
    writer's own inference, not a report, and is dropped."""
    return m.build(None)


def _rule_not_a_cue(m: _Match) -> _Found | None:
    """``not_a_cue``: a look-alike that holds a cue word but reports nothing: "who did
    not want to be named" (the source's anonymity), "did not mention" (nothing was said).
    It also stops the cue word inside it from counting (see :data:`BLOCKING_RULES`)."""
    return None


def _rule_passive(m: _Match) -> _Found | None:
    """``passive``: "first reported by X": the source is the name after the cue."""
    toks = m.sent.toks
    source = _np_forward(toks, m.cue.cj, len(toks), m.w)
    if source is None:
        return None
    return m.build(_extend_forward(toks, source, len(toks), m.w, tail="relative"))


# ---------------------------------------------------------------- rules that check the source


def _with_source(m: _Match, check: Callable[[_Match, _NP | None], _NP | None]) -> _Found | None:
    """Find the source the usual way (:func:`_find_source`), let the rule's ``check`` accept
    it, change it or turn the cue down (``_REJECT``), and build the attribution."""
    toks, ci, cj, rule, w = m.sent.toks, m.cue.ci, m.cue.cj, m.cue.rule, m.w
    if _opens_with_participle(toks, ci, cj):
        # "Asked about the bomb, Clinton said ...", "When pressed by Holt, he ...": the
        # person in the main clause was asked; who asked, if named, follows "by"
        by = cj if toks[cj].lower() == "by" else None
        return m.build(_np_forward(toks, by + 1, len(toks), w) if by is not None else None)
    source, antecedent = _find_source(toks, ci, cj, rule, w)
    if (
        source is None
        and toks[cj - 1].lower() in w.hearsay_passive
        and _is_passive(toks, ci, cj, rule, w)
    ):
        # "Obama's veto is expected to come", "Mr. Quiros was accused of ...": the
        # passive reports what someone expects or claims, without saying who
        return m.build(None)
    if (
        source is not None
        and source.end - source.start == 1
        and source.end <= ci
        and toks[source.start].lower() in w.determiner
        and toks[cj - 1].lower().endswith("s")
    ):
        return None  # "some calls", "many reports": a quantifier and a plural noun
    if source is not None and not antecedent and _is_function_word(toks, source, w):
        source = None  # "Unlike", "which" with nothing before it: no one who can speak
    checked = check(m, source)
    if checked is _REJECT:
        return None
    return m.build(checked, antecedent)


def _is_function_word(toks: Sequence[str], source: _NP, w: _Words) -> bool:
    """Is the source one word that cannot speak: a preposition, a conjunction, or a
    relative pronoun that points to nothing ("Unlike", "which")? ("Some", "many" and
    "others" can: they stand for people.)"""
    if source.end - source.start != 1:
        return False
    low = toks[source.start].lower()
    if low in w.pronoun or low in w.subject_pronoun or low in w.determiner:
        return False
    return low in w.preposition or low in w.clause_start or (low in w.relative and low != "who")


def _accept_any(m: _Match, source: _NP | None) -> _NP | None:
    return source


def _needs_source(m: _Match, source: _NP | None) -> _NP | None:
    return _REJECT if source is None else source


def _needs_someone(m: _Match, source: _NP | None) -> _NP | None:
    return source if source is not None and source.kind in _PERSONLIKE else _REJECT


def _rule_any(m: _Match) -> _Found | None:
    """``any``: "said", "told", "according to": counts on its own, with or without a source."""
    return _with_source(m, _accept_any)


# Words after a passive "was asked" that make it a question put to someone ("was asked
# about", "was asked whether"), which PolNeAR marks as an attribution with no source
# named; "was asked to leave" is a request, not a report.
_QUESTION_WORDS = frozenset({"about", "if", "whether", "what", "how", "why", "when", "who"})


def _rule_any_active(m: _Match) -> _Found | None:
    """``any_active``: counts on its own like ``any`` ("concluded", "described"), but not
    as a passive with no one named ("He was asked to leave": he was spoken to). Set from
    PolNeAR train counts in ``cue_rule_overrides.csv``."""

    def check(m: _Match, source: _NP | None) -> _NP | None:
        toks, ci, cj = m.sent.toks, m.cue.ci, m.cue.cj
        if source is None and _is_passive(toks, ci, cj, m.cue.rule, m.w):
            if cj < len(toks) and toks[cj].lower() in _QUESTION_WORDS:
                return None  # "she was asked about the protests": a question was put to her
            return _REJECT
        return source

    return _with_source(m, check)


def _rule_subject(m: _Match) -> _Found | None:
    """``subject``: "asked", "announced": counts only with a source right next to it."""
    return _with_source(m, _needs_source)


def _rule_state(m: _Match) -> _Found | None:
    """``state``: "is afraid", "was sure": the source must be a person, group, organisation
    or pronoun."""
    return _with_source(m, _needs_someone)


def _rule_person(m: _Match) -> _Found | None:
    """``person``: "wants", "believes": as ``state``, and not a noun after "percent"."""

    def check(m: _Match, source: _NP | None) -> _NP | None:
        toks, ci, cj = m.sent.toks, m.cue.ci, m.cue.cj
        if (
            cj < len(toks)
            and toks[cj].lower() in ("of", "among")
            and toks[ci - 1].lower() == "percent"
        ):
            return _REJECT  # "85 percent support among black voters": a noun, not a verb
        return _needs_someone(m, source)

    return _with_source(m, check)


def _rule_evidence(m: _Match) -> _Found | None:
    """``evidence``: "shows", "found": the source must be a document (a poll, a study, a
    video, "it"), an organisation or a group, or a long subject whose head is a document
    ("A GAO report released last year found")."""

    def check(m: _Match, source: _NP | None) -> _NP | None:
        kind = source.kind if source is not None else ""
        # "It shows an officer aiming a gun": "it" stands for a thing (a video, a poll)
        if kind in _EVIDENCE or (source is not None and m.sent.toks[source.start].lower() == "it"):
            return source
        toks, cj = m.sent.toks, m.cue.cj
        if kind in _PERSONLIKE and cj < len(toks) and toks[cj].lower() == "that":
            return source  # "He found that wages fell": a person reports what they found
        subject = _document_subject(m.sent.toks, m.cue.ci, m.w)
        return _REJECT if subject is None else subject

    return _with_source(m, check)


def _rule_naming(m: _Match) -> _Found | None:
    """``naming``: "called it a common ailment", what Thomas calls "open defiance" -- but
    not "Clinton called Machado on Friday" (a phone call), "calling in sick", "called an
    emergency meeting" (convened), or "a group called Lashkar-e-Taiba" (named)."""
    return _with_source(m, _naming_check)


def _naming_check(m: _Match, source: _NP | None) -> _NP | None:
    toks, ci, cj, sent, w = m.sent.toks, m.cue.ci, m.cue.cj, m.sent, m.w
    if source is None and ci > 0 and toks[ci] == "calling" and toks[ci - 1] == ",":
        # "Trump attacked Romney, calling him a failed candidate": after a comma the
        # participle goes on with the sentence's speaker, as "saying" does
        source = _participle_source(toks, ci, cj, w)
    ahead = {t.lower() for t in toks[cj : cj + 4]}
    quoted = m.quotes.starting_after(sent.ends[cj - 1], sent.end) is not None
    if source is None or not (quoted or ahead & w.naming_object):
        return _REJECT
    if not ahead.isdisjoint(w.called_event):
        return _REJECT  # "called an emergency meeting", "called a strike": convened, ordered
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
        return _REJECT
    return source


def _rule_quote(m: _Match) -> _Found | None:
    """``quote``: "continued": needs a source and a quotation (or a colon) next to it."""

    def check(m: _Match, source: _NP | None) -> _NP | None:
        toks, ci, cj, sent = m.sent.toks, m.cue.ci, m.cue.cj, m.sent
        if source is None:
            return _REJECT
        before = m.quotes.ending_before(sent.starts[ci], sent.start - 1)
        after = m.quotes.starting_after(sent.ends[cj - 1], m.para_end)
        colon = cj < len(toks) and toks[cj] == ":"
        return _REJECT if before is None and after is None and not colon else source

    return _with_source(m, check)


RULE_HANDLERS: dict[str, _Handler] = {
    "any": _rule_any,
    "any_active": _rule_any_active,
    "subject": _rule_subject,
    "person": _rule_person,
    "state": _rule_state,
    "evidence": _rule_evidence,
    "naming": _rule_naming,
    "participle": _rule_participle,
    "inference": _rule_inference,
    "not_a_cue": _rule_not_a_cue,
    "passive": _rule_passive,
    "nosource": _rule_nosource,
    "noun": _rule_noun,
    "quote": _rule_quote,
}
"""The meaning of each ``rule`` value of ``reporting_verbs.csv`` for a cue made of words.
The punctuation rules ``headline_colon`` and ``quote_dash`` have their handlers in
:mod:`.structural` (``STRUCTURAL_HANDLERS``)."""


def _cue_end_token(toks: Sequence[str], cue: _Cue) -> int:
    """Where the cue's span ends (exclusive token index), as PolNeAR's annotators draw it
    (``cue_boundaries.csv``): "said:" and "called for" take the next words in, "wants to"
    leaves its "to" out."""
    extend, drop_to = _cue_boundaries()
    cj = cue.cj
    last = toks[cj - 1].lower()
    if last == "to" and cj - cue.ci > 1 and f"{toks[cj - 2].lower()} to" in drop_to:
        return cj - 1
    options = extend.get(cue.rule.cue)
    if not options:
        return cj  # most cues: nothing to take in
    # options run longest first: the first one says how many words to read
    ahead = tuple(map(str.lower, toks[cj : cj + len(options[0])]))
    following = ahead[0] if ahead else None
    for words in options:
        # the next word rules out most options ("said" has six): test it before the run
        if (not words or words[0] == following) and ahead[: len(words)] == words:
            return cj + len(words)
    return cj


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
    cue_start, cue_end = sent.starts[cue.ci], sent.ends[_cue_end_token(toks, cue) - 1]
    if source is not None:
        s0, s1 = sent.starts[source.start], sent.ends[source.end - 1]
        while s1 > s0 and text[s1 - 1] in ",;: ":
            s1 -= 1
        if text[s1 : s1 + 1] in (",", "—") and text[s1] in text[s0:s1]:
            # "Jane Doe, a spokeswoman for the city, said": a source with an appositive
            # keeps its closing comma, as PolNeAR's annotators draw it (433 of 486 such
            # sources in the train split)
            s1 += 1
        if source.kind == "pronoun" and (contracted := _CONTRACTION_RE.fullmatch(text, s0, s1)):
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
