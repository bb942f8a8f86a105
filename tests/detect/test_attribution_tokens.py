"""The attribution tokeniser's fast path gives exactly the tokens of its plain form."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.detect.attribution.tokens import _sentence

# The token pattern as it was before the shortcuts and ``split`` were added: one match
# object per token. The fast tokeniser must agree with it on every text and span.
_PLAIN_TOKEN_RE = re.compile(
    r"(?=\S)(?:"
    r"(?:[A-Za-z]\.){2,}"
    r"|[A-Z][a-z]{0,4}\.(?=\s)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+\.\d+(?!\.?\d)"
    r"|\w+(?:[-'’&]\w+)*(?:(?<=\ws)['’](?=\s+[a-z]))?"
    r"|@\w+"
    r"|--|[^\w\s])"
)


def _plain(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    found = list(_PLAIN_TOKEN_RE.finditer(text, start, end))
    return [m.group() for m in found], [m.start() for m in found], [m.end() for m in found]


def _same(text: str, start: int, end: int) -> None:
    sent = _sentence(text, start, end)
    assert (sent.toks, sent.starts, sent.ends) == _plain(text, start, end)
    assert (sent.start, sent.end) == (start, end)


def test_tricky_tokens_match_the_plain_tokeniser() -> None:
    text = (
        "Col. Ann Lee of the U.S. Army said at 9 a.m. that 40,000 teachers' jobs, 3.5% of "
        "all, were at risk -- AT&T’s al-Baghdadi café_1 @user_2 “quoted” D. Smith's s' "
        "word. Sen. Bob’s 1,000s 3.5.6 x.y z.  "
    )
    for start in range(len(text)):
        _same(text, start, len(text))
        _same(text, start, min(len(text), start + 17))


_ALPHABET = "aAsSbZzé_1 ,.'’-&@\"“”\n\t"


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_any_text_and_span_match_the_plain_tokeniser(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    _same(text, start, end)


def _plain_candidates(text: str) -> list[tuple[int, str]]:
    """Cue-word candidates found with a look-behind, as before the faster search."""
    from medialit._util.regex import trie_regex
    from medialit.detect.attribution.lexicon import _cue_forms

    first = re.compile(r"(?<![\w'’-])" + trie_regex(sorted(_cue_forms())) + r"(?![\w'’-])")
    return [(m.start(), m.group()) for m in first.finditer(text.lower())]


_WORDS = ["said", "Said", "says", "told", "un", "according", "to", "re-", "'", "’", "-", "x"]


# letters and digits outside ASCII ("é", "٣") are word characters too; "\xa0", "“" are not
_MARKS = [" ", ",", "\n", "_", "1", "é", "٣", "\xa0", "“"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, *_MARKS]), max_size=12))
def test_candidate_words_match_the_look_behind_search(parts: list[str]) -> None:
    from medialit.detect.attribution.lexicon import _candidate_words

    text = "".join(parts)
    assert _candidate_words(text) == _plain_candidates(text)


# The quotation-mark and dash-cue patterns as they were before they were split into one
# pattern per mark: one character class first.
_PLAIN_QUOTE_MARK_RE = re.compile(
    r"[`'\"“”‘’](?:(?<=')'|(?<=`)`|(?<=[\"“”])|(?<=‘)(?<!\w‘)|(?<=’)(?!\w))"
)
_PLAIN_DASH_CUE_RE = re.compile(
    r"[”\"][ \u00a0]*(?P<cue>[―—–])[ \u00a0]*"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,4})"
)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="aA1 ,'`\"“”‘’―—\u00a0", max_size=30),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
)
def test_quote_marks_and_dash_cues_match_the_one_pattern_search(text: str, a: int, b: int) -> None:
    from medialit.detect.attribution.quotes import _quote_marks
    from medialit.detect.attribution.structural import _dash_cue_matches

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    found = [(m.span(), m.group()) for m in _quote_marks(text, start, end)]
    plain = [(m.span(), m.group()) for m in _PLAIN_QUOTE_MARK_RE.finditer(text, start, end)]
    assert found == plain
    assert _dash_spans(_dash_cue_matches(text)) == _dash_spans(_PLAIN_DASH_CUE_RE.finditer(text))


def _dash_spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [(m.span(), m.span("cue"), m.span("name")) for m in matches]


def test_dash_cues_after_either_quotation_mark_come_in_text_order() -> None:
    from medialit.detect.attribution.structural import _dash_cue_matches

    text = '“Go on.” ― Ann Lee and "Stop." — Bob Ray, then “Wait” –Cy D. O\'Neil.'
    found = _dash_spans(_dash_cue_matches(text))
    assert found == _dash_spans(_PLAIN_DASH_CUE_RE.finditer(text))
    assert [text[a:b] for _, _, (a, b) in found] == ["Ann Lee", "Bob Ray", "Cy D. O'Neil."]
