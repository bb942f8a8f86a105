"""_util/prefilter.py: the quick "no pattern can match" test never hides a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit._util.prefilter import AnyMatch, Searched, required_literals
from medialit.text.page_rules import _TAIL_CHARS, match_pattern, page_patterns


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bclose icon$", ("close icon",)),
        (r"\((?:ap|afp|reuters)\)$", ("(ap)", "(afp)", "(reuters)")),
        (r"(?:we use cookies|this site uses cookies)",
         ("we use cookies", "this site uses cookies")),
        (r"photos?\b", ("photo",)),  # "photos" holds "photo": the shorter is enough
        (r"\d+ comments", (" comments",)),
        (r"^\d+$", None),  # no letter is required
        (r"(?i)cookies", None),  # ignoring case: "in" cannot tell
        (r"(?:cookies|\w+)", None),  # one branch requires nothing
        (r"x*cookie", ("cookie",)),
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(pattern) == expected


def _searched(regex: str, **kwargs) -> Searched:
    return Searched(re.compile(regex), kwargs.get("case", False), kwargs.get("tail"), None)


def test_any_match_joins_anchored_patterns_and_filters_the_rest():
    check = AnyMatch([_searched(r"^share$"), _searched(r"^(?=.{0,20}$)by \w+"),
                      _searched(r"\bcookies?\b.{0,20}\baccept")])
    for line, expected in [
        ("share", True),
        ("by Jane Doe", True),
        ("by Jane Doe, who wrote a very long line about it", False),  # over 20 characters
        ("Please accept our cookies", False),  # "accept" only before "cookies"
        ("Cookies help us. Accept them?", True),
        ("A story paragraph that says nothing of the kind.", False),
    ]:
        assert check.may_match(line, line.lower()) is expected, line


def test_a_back_reference_is_not_joined():
    check = AnyMatch([_searched(r"^(a)b"), _searched(r"^(x)\1$")])
    assert check.may_match("xx", "xx")
    assert not check.may_match("xy", "xy")


def _pattern_lines():
    """For each page pattern, lines its own regex matches (generated from the regex)."""
    patterns = page_patterns()
    return st.sampled_from(patterns).flatmap(
        lambda p: st.tuples(st.just(p), st.from_regex(p.regex, fullmatch=False))
    )


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_pattern_lines(), st.text(max_size=30), st.text(max_size=30))
def test_a_line_a_page_pattern_matches_is_never_skipped(pair, before, after):
    pattern, text = pair
    for line in (text, before + text, text + after):
        line = line.replace("\n", " ").replace("\r", " ")
        subject = line if pattern.case_sensitive else line.lower()
        if pattern.tail_only:
            subject = subject[-_TAIL_CHARS:]
        if not pattern.regex.search(subject):
            continue  # lower-casing or the cut tail changed the text
        assert match_pattern(line) is not None, (pattern.id, line)
        # ... and match_pattern still answers the first pattern in the table's order.
        first = next(
            p for p in page_patterns()
            if p.regex.search((line if p.case_sensitive else line.lower())[
                -_TAIL_CHARS if p.tail_only else 0:
            ])
        )
        assert match_pattern(line) is first
