"""Every closed vocabulary of medialit, once, with the word a learner reads for each value.

Code compares the values (``"page_chrome"``); tables, highlights, charts and exercises
show the words (``"page button"``). Keeping both in one table means a learner meets one
name for one thing, and a new value cannot be added in one module and forgotten in
another. Answer keys (``data/answer_keys``) store the values.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


class Vocabulary(tuple[str, ...]):
    """The allowed values of one field, in display order, each with its learner word.

    It is a tuple of the values, so ``value in VOCAB`` and ``for value in VOCAB`` work as
    for any tuple; :meth:`word` gives what a learner reads, :meth:`value_of` goes back.
    """

    name: str
    words: Mapping[str, str]

    def __new__(cls, name: str, words: Mapping[str, str]) -> Vocabulary:
        self = super().__new__(cls, tuple(words))
        self.name = name
        self.words = MappingProxyType(dict(words))
        return self

    def word(self, value: str) -> str:
        """The learner word for ``value`` (the value itself if it has none)."""
        return self.words.get(value, value)

    def label(self, value: str) -> str:
        """The learner word with a capital first letter, for legends and headings."""
        word = self.word(value)
        return word[:1].upper() + word[1:]

    def value_of(self, word: str) -> str:
        """The value whose learner word (or value) is ``word``; ``KeyError`` if none."""
        if word in self.words:
            return word
        for value, known in self.words.items():
            if known == word:
                return value
        raise KeyError(f"{word!r} is not a {self.name} (known: {', '.join(self)})")

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {tuple(self)!r})"


SCOPES = Vocabulary(
    "scope",
    {"story": "the story (headline and paragraphs)", "page": "the whole page, clutter too"},
)
"""What a detector reads: only the article, or every line of the page."""

BLOCK_KINDS = Vocabulary(
    "block kind",
    {
        "headline": "headline",
        "story": "story",
        "copyright": "copyright line",
        "gallery_title": "gallery title",
        "photo_caption": "photo caption",
        "page_chrome": "page button",
        "promo": "promotion or link box",
    },
)
"""Every kind a line of the page can have; ``headline`` and ``story`` are the article itself."""

STORY_KINDS: frozenset[str] = frozenset({"headline", "story"})
"""The block kinds that are the article itself; everything else is page clutter."""

HEDGE_CATEGORIES = Vocabulary(
    "hedge category",
    {
        "reportive": "Reportive (passed on: reportedly)",
        "epistemic": "Epistemic (not sure: may, likely)",
        "vague_source": "Vague source (who? reports say)",
        "question_headline": "Question headline (a claim with '?')",
    },
)
"""Kinds of hedge. A key files a question headline as ``epistemic`` or on its own."""

SOURCE_KINDS = Vocabulary(
    "source kind",
    {
        "named_person": "Named person",
        "named_organization": "Named organisation",
        "unnamed": "Unnamed",
        "media_outlet": "Media outlet",
        "document": "Document",
        "pronoun": "He / she (unclear)",
    },
)
"""Who a source is. ``pronoun`` is the detector's word for a source it could not resolve."""

KEY_SOURCE_KINDS = Vocabulary(
    "source kind in an answer key",
    {k: v for k, v in SOURCE_KINDS.words.items() if k != "pronoun"},
)
"""Source kinds an answer key may use: a key names who a pronoun means, so no ``pronoun``."""

SOURCE_KIND_WHY: Mapping[str, str] = MappingProxyType(
    {
        "named_person": "The source is named, so you can look up who they are and what they know.",
        "named_organization": "The source is an organisation, named, but no single person is.",
        "unnamed": "No one is named, so a reader cannot check who this is. Ask: who, exactly?",
        "media_outlet": "The source is a news outlet. Ask who owns or runs it, "
        "and where it got this.",
        "document": "The source is a document or record. Ask: can you find and read it yourself?",
        "pronoun": "The source is only a pronoun here; look back to see who it means.",
    }
)
"""Why each kind of source matters, in the words of a finding's explanation."""

FINDING_KINDS = Vocabulary(
    "finding kind",
    {
        "hedge": "hedge",
        "source": "source",
        "cue": "reporting word",
        "quote": "what the source says",
        "outlet": "news outlet",
    },
)
"""The rows of the findings table (:func:`medialit.analyze`), in legend order."""

CHAIN_ROLES = Vocabulary(
    "chain role",
    {
        "original source": "original source",
        "first publisher": "first reported it",
        "retold by": "wrote this story",
        "republished by": "republished it",
        "reported by": "reported it",
    },
)
"""Steps of a source chain: the key stores the value, the chain table shows the word.
``reported by`` is an outlet that reported the claim later, not first."""

VERDICTS = Vocabulary(
    "verdict",
    {
        "not_corroborated": "not corroborated",
        "partly": "partly corroborated",
        "corroborated": "corroborated",
    },
)
"""How well a claim is backed by other, independent evidence."""

LOOKS_LIKE = Vocabulary(
    "look-alike",
    {
        "hedge": "a hedge",
        "vague_source": "a vague source",
        "state_media": "state media",
        "clutter": "page clutter",
        "story": "part of the story",
    },
)
"""What a distractor in an answer key looks like without being one."""

LOOKALIKE_CLASHES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"hedge": ("reportive", "epistemic"), "vague_source": ("vague_source",)}
)
"""A distractor that looks like X must not sit on a hedge of these categories: a key that
calls the same words both a hedge and a look-alike would contradict itself."""

OUTLET_KINDS = Vocabulary(
    "outlet kind",
    {
        "news_agency": "news agency",
        "broadcaster": "radio or TV broadcaster",
        "newspaper": "newspaper",
        "magazine": "news magazine",
        "online": "news website",
        "photo_agency": "photo agency",
    },
)
"""What kind of news outlet a row of ``data/outlets.csv`` is."""
