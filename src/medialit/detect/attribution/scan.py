"""Read an article: find the cue words, check each against its rule in its sentence, add
the punctuation cues and drop nested ones."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ...text.article import Article
from ...text.segmentation import split_sentences
from .cues import BLOCKING_RULES, SPEAKER_FROM_SENTENCE, _locate_cue, _match_cue
from .lexicon import _candidate_words, _cue_forms, _cue_rules, _Words, _words
from .nesting import _drop_nested, _first_in_sentence, _same_speaker
from .quotes import _all_quotation_spans, _Quotes
from .records import NO_SPAN, _Found
from .structural import _structural_cues
from .tokens import _Sent, _sentence


def _known_sentences(article: Article) -> dict[int, list[tuple[int, int]]]:
    """The story's sentences, by the start of their block. The article splits them once
    and keeps them for every detector (``Article.sentence_records``); blocks outside the
    story (``scope="page"``) are split here when a cue word is in them."""
    blocks = article.block_records
    out: dict[int, list[tuple[int, int]]] = {}
    block = -1
    group: list[tuple[int, int]] = []
    for sentence in article.sentence_records:  # in order: a block's sentences follow on
        if sentence.block != block:
            block = sentence.block
            group = out.setdefault(blocks[block].start, [])
        group.append((sentence.start, sentence.end))
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


def _rule_cue(
    text: str,
    m: re.Match[str],
    sent: _Sent,
    quotes: _Quotes,
    para_end: int,
    found: Sequence[_Found],
    w: _Words,
) -> tuple[_Found | None, int]:
    """The attribution of the lexicon cue form ``m``, if its rule accepts it; and where a
    look-alike that blocks other cues ends (``-1`` when there is none)."""
    rule = _cue_rules()[" ".join(m.group().lower().split())]
    if rule.rule in BLOCKING_RULES:
        return None, m.end()  # "did not want to be named": "want" is no cue here
    cue = _locate_cue(sent, m.start(), m.end(), rule, w)
    if cue is None:
        return None, -1
    overlap = bool(found) and found[-1].cue_end > sent.starts[cue.ci]
    if overlap and found[-1].rule.rule != "nosource":
        return None, -1  # "first reported by" and "reported by" are one cue
    result = _match_cue(cue, text, sent, quotes, para_end, w)
    if result is None:
        return None, -1
    if result.rule.rule in SPEAKER_FROM_SENTENCE:
        # only these rules take the speaker of the sentence's first attribution, so
        # only they look for it
        result = _same_speaker(result, _first_in_sentence(found, sent), sent)
        if result.source_start == NO_SPAN:
            return None, -1  # ", adding ..." with no one to say it
    return result, -1


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
    found: list[_Found] = []
    quotes = _Quotes(_all_quotation_spans(text, spans))
    span_starts = [s for s, _ in spans]
    current = -1
    start = end = 0
    sentences: list[tuple[int, int]] | None = None
    sent_starts: list[int] = []
    cache_: dict[int, _Sent] = {}
    blocked_end = -1
    for pos, word in _candidate_words(text):
        if pos < blocked_end:
            continue
        k = bisect.bisect_right(span_starts, pos) - 1
        if k < 0 or pos >= spans[k][1]:
            continue  # outside the blocks the scope reads
        if k != current:  # a new paragraph: forget the last one's sentences
            current = k
            start, end = spans[k]
            sentences = None
            cache_ = {}
        m = forms[word].match(text, pos, end)
        if m is None or quotes.containing(pos) is not None:
            continue  # inside a quotation: the quoted speaker's own reporting
        if sentences is None:
            sentences = known.get(start) or split_sentences(text, start, end)
            sent_starts = [s for s, _ in sentences]
        i = bisect.bisect_right(sent_starts, pos) - 1
        if i < 0 or m.end() > sentences[i][1]:
            continue
        sent = cache_.get(i)
        if sent is None:
            s, e = sentences[i]
            sent = cache_[i] = _sentence(text, s, e)
        if text[pos].isupper() and not _may_capitalise(text, sent, pos):
            continue  # "Drudge Report", "QUESTIONABLE MEDICAL CLAIMS": part of a name
        result, blocked = _rule_cue(text, m, sent, quotes, end, found, w)
        blocked_end = max(blocked_end, blocked)
        if result is None:
            continue
        if found and found[-1].cue_end > result.cue_start:
            found.pop()  # "he reportedly told": the verb and its source make the cue
        found.append(result)
    found.extend(_structural_cues(text, spans, quotes, found, w))
    found.sort(key=lambda f: f.cue_start)
    return _drop_nested(text, found)
