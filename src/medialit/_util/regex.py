"""One regex for many words, as a letter tree (trie): shared by every detector.

Python's ``re`` tries the branches of ``a|b|c`` one by one; a tree such as
``s(?:aid|ays)`` checks each letter once, so a search for hundreds of cue words
or outlet names stays fast on long texts. Because a longer branch is tried
before the end of a shorter word, the longest word wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence


def trie_regex(words: Iterable[str], *, char_regex: Callable[[str], str] = re.escape) -> str:
    """A regex source matching any of ``words``; ``char_regex`` writes one character."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [char_regex(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def matches_in_order(
    regexes: Sequence[re.Pattern[str]], text: str, start: int = 0, end: int | None = None
) -> list[re.Match[str]]:
    """Every match of each of ``regexes`` in ``text[start:end]``, in text order.

    Python's ``re`` finds a pattern that starts with one fixed character several times
    faster than one that starts with a class of them, so a class of marks ("[\"“”]") is
    searched as one pattern per mark and the matches merged here. The patterns must not
    match overlapping text.
    """
    stop = len(text) if end is None else end
    matches: list[re.Match[str]] = []
    for regex in regexes:
        matches += regex.finditer(text, start, stop)  # taken in C, not through a generator
    matches.sort(key=re.Match.start)
    return matches
