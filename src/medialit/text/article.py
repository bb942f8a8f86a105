"""The article a lesson works on: its exact text, its metadata and its page blocks.

``Article.text`` is exactly the text given; every offset anywhere in medialit
indexes it. An article is immutable: tools read it, nothing changes it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .. import errors
from .._util.data import read_table
from .._util.io import read_bytes_checked
from .._util.lazy import pd
from .._util.resources import data_path
from ..vocab import STORY_KINDS
from .segmentation import Block, Sentence, count_words, segment, sentences_of

DEFAULT_ARTICLE = "isis-fighters-calling-in-sick"
"""The seed article of the lessons: "ISIS fighters calling in sick?" (U.S. News, via AOL)."""

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest article file read (a long book is 5 MB); a larger one is refused by its size."""
HTML_SUFFIXES = frozenset({".html", ".htm"})

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, eq=False)
class Article:
    """A news text split into page blocks (story vs clutter) and story sentences.

    Build one with :func:`load_article` or :meth:`Article.from_text`.
    """

    text: str
    title: str | None
    metadata: Mapping[str, Any]
    name: str | None = None
    block_records: tuple[Block, ...] = field(default=(), repr=False)
    derived: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    """What later layers computed from this article (e.g. its findings), kept with it so it
    is computed once and dropped with the article. Never part of the article's value."""

    # ------------------------------------------------------------------ building

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        name: str | None = None,
        main_text: Collection[str] | None = None,
    ) -> Article:
        """Build an article from a string; ``text`` is kept exactly as given.

        ``main_text`` (rarely needed) lists lines known to be the story, for example
        from an HTML extractor; other lines are then treated as page clutter.
        """
        if not isinstance(text, str):
            raise errors.ArticleError(
                f"The article text must be a string, not {type(text).__name__}. "
                "To load a file, use load_article(path)."
            )
        if not text.strip(" \t\r\n\f\v\u00a0\ufeff\u200b"):
            raise errors.empty_text()
        meta = dict(metadata or {})
        headline = title or meta.get("headline")
        blocks = segment(text, title=headline, main_text=main_text)
        if title is None:
            title = headline or next((b.text for b in blocks if b.kind == "headline"), None)
        return cls(
            text=text,
            title=title,
            metadata=MappingProxyType(meta),
            name=name,
            block_records=blocks,
        )

    # ------------------------------------------------------------------ views

    @property
    def blocks(self) -> pd.DataFrame:
        """One row per non-blank line: ``start, end, kind, rule, text`` (a fresh copy)."""
        return pd.DataFrame(
            self.block_records, columns=["start", "end", "kind", "rule", "text"]
        ).astype({"start": "int64", "end": "int64"})

    @cached_property
    def sentence_records(self) -> tuple[Sentence, ...]:
        """The sentences of the headline and story blocks, as small records."""
        return sentences_of(self.text, self.block_records)

    @property
    def sentences(self) -> pd.DataFrame:
        """The story's sentences: ``start, end, text, block`` (a fresh copy)."""
        return pd.DataFrame(
            self.sentence_records, columns=["start", "end", "text", "block"]
        ).astype({"start": "int64", "end": "int64", "block": "int64"})

    @property
    def story_text(self) -> str:
        """The story's paragraphs (headline included), joined by blank lines."""
        return "\n\n".join(b.text for b in self.block_records if b.kind in STORY_KINDS)

    def spans(self, scope: str = "story") -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of the blocks a detector reads: headline and story, or the page."""
        if scope == "story":
            return tuple((b.start, b.end) for b in self.block_records if b.kind in STORY_KINDS)
        if scope == "page":
            return tuple((b.start, b.end) for b in self.block_records)
        raise errors.bad_scope(scope)

    @cached_property
    def warning(self) -> str | None:
        """Plain words when the story found looks wrong, else ``None``.

        Three shapes a learner should hear about: a very short story (a caption or a
        teaser may have been taken for it), a story that is mostly short lines or the
        same line again (captions, lists), and a text that is not English (the word
        lists are English: the tools still run, but find little).
        """
        return story_warning(self.block_records)

    def __repr__(self) -> str:
        story = sum(b.kind == "story" for b in self.block_records)
        return (
            f"Article(name={self.name!r}, title={self.title!r}, chars={len(self.text)}, "
            f"blocks={len(self.block_records)}, story_paragraphs={story})"
        )


# ---------------------------------------------------------------------- warning

_MIN_STORY_WORDS = 80  # fewer than this is a caption, a teaser or a stub
_MIN_ENGLISH_SHARE = 0.12  # English prose has about a third function words; other languages ~0
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _english_function_words() -> frozenset[str]:
    rows = read_table("lexicons", "english_function_words.csv", columns=("word",))
    return frozenset(row["word"] for row in rows)


def _looks_english(texts: Sequence[str]) -> bool:
    """English has Latin letters and about a third function words ("the", "of", "and").

    Chinese or Japanese text has few spaces, so it is told by its letters: most of
    them not Latin. A text of fewer than 20 words is too short to tell, so it passes.
    """
    letters = [c for text in texts for c in text if c.isalpha()]
    if len(letters) >= 40 and sum(c.isascii() for c in letters) < 0.5 * len(letters):
        return False
    words = [w.lower() for text in texts for w in _WORD_RE.findall(text)]
    common = _english_function_words()
    return len(words) < 20 or sum(w in common for w in words) >= _MIN_ENGLISH_SHARE * len(words)


def story_warning(blocks: Sequence[Block]) -> str | None:
    """The plain-words warning for :attr:`Article.warning` (see there), from the blocks."""
    story = [b.text for b in blocks if b.kind == "story"]
    words = _WORD_RE.findall(" ".join(story))
    size = sum(count_words(text) for text in story)
    notes = []
    if size < _MIN_STORY_WORDS:
        notes.append(
            f"The story found here is very short ({size} words). It may be a photo caption "
            "or a link, not the article: look at the page's blocks (article.blocks), or "
            "paste only the article's text."
        )
    elif story:
        # By words, not lines: a story with short subheadings between long paragraphs
        # is still an article; captions said twice or a list of names is not.
        seen: set[str] = set()
        listy = 0
        for text in story:
            if count_words(text) < 8 or text in seen:
                listy += count_words(text)
            seen.add(text)
        if listy > size / 2:
            notes.append(
                "Most of the story found here is short lines or lines said twice: it looks "
                "like photo captions or a list of links, not an article. Look at the page's "
                "blocks (article.blocks), or paste only the article's text."
            )
    if not _looks_english(story if len(words) >= 20 else [b.text for b in blocks]):
        notes.append(
            "This text does not look like English. medialit's word lists are English, so "
            "it will find few hedges and sources here; the tools still run."
        )
    return " ".join(notes) or None


# ---------------------------------------------------------------------- loading


@cache
def _bundled() -> dict[str, Path]:
    folder = data_path("articles")
    return {p.stem: p for p in sorted(folder.glob("*.txt"))}


def bundled_articles() -> list[str]:
    """Names of the articles that ship with medialit."""
    return sorted(_bundled())


def _metadata_for(path: Path) -> dict[str, Any]:
    meta_path = path.with_suffix(".json")
    if meta_path.is_file():
        return json.loads(meta_path.read_text(encoding="utf-8"))
    return {}


def _looks_like_path(source: str) -> bool:
    return os.sep in source or "/" in source or Path(source).suffix != "" or source.startswith(".")


def as_article(article: Article | str, *, caller: str) -> Article:
    """The Article a function should read: an Article as it is, a string as its text.

    Every public function that reads an article accepts both, so a learner can pass
    pasted text straight in; anything else is a clear :class:`NotAnArticleError`.
    """
    if isinstance(article, Article):
        return article
    if isinstance(article, str):
        return Article.from_text(article)
    raise errors.not_an_article(caller, article)


def load_article(
    source: str | os.PathLike[str] | Article | None = None, *, encoding: str | None = None
) -> Article:
    """Load an article: the seed (no argument), a bundled name, or a text file.

    >>> load_article().metadata["publisher"]
    'U.S. News & World Report'

    ``encoding`` reads a file that is not UTF-8 (for example ``"cp1252"``). Every
    problem raises :class:`medialit.ArticleError` with a message that names it.
    """
    if isinstance(source, Article):
        return source
    if source is None:
        source = DEFAULT_ARTICLE
    if isinstance(source, str) and not source.strip():
        raise errors.ArticleError(
            "load_article() was given an empty name. Give a bundled article's name or the "
            "path to a .txt file; for text you pasted, use Article.from_text(text)."
        )
    if isinstance(source, str) and not _looks_like_path(source):
        if source in _bundled():
            path = _bundled()[source]
            return _from_file(path, encoding=encoding, name=source, metadata=_metadata_for(path))
        if not Path(source).exists():
            raise errors.unknown_article(source, _bundled())
    if not isinstance(source, (str, os.PathLike)):
        raise errors.ArticleError(
            f"load_article() takes a bundled article name or a file path, not "
            f"{type(source).__name__}. For text in a string, use Article.from_text(text)."
        )
    path = Path(source).expanduser()
    return _from_file(path, encoding=encoding, name=path.stem, metadata={"source_path": str(path)})


def _from_file(path: Path, *, encoding: str | None, name: str, metadata: dict[str, Any]) -> Article:
    text = read_text_file(path, encoding=encoding)
    if path.suffix.lower() in HTML_SUFFIXES:
        from .webpage import parse_html

        page_text, page_meta, main_text = parse_html(text)
        return Article.from_text(
            page_text, metadata={**page_meta, **metadata}, name=name, main_text=main_text
        )
    return Article.from_text(text, metadata=metadata, name=name)


def read_text_file(path: Path, *, encoding: str | None = None) -> str:
    """Read a text file with clear errors; a leading byte-order mark is dropped.

    Without ``encoding`` the file is read the way a browser reads a page: a byte-order
    mark decides; then UTF-8; then the charset a web page declares in its ``<meta>``
    (``charset=gb2312``, HTTP-equiv or HTML5 form); then the encoding that
    charset_normalizer (a well-kept detector, which trafilatura also uses) finds most
    likely. A file that is really binary (a picture, PDF or program) is refused.
    """
    if not path.exists():
        raise errors.missing_path(path)
    if path.is_dir():
        raise errors.is_directory(path)
    try:  # a FIFO or /dev/zero is refused before a byte is read, a 3 GB file by its size
        data = read_bytes_checked(
            path, limit=MAX_FILE_BYTES, what="article", error=errors.ArticleError
        )
    except OSError as exc:
        raise errors.ArticleError(f"{str(path)!r} cannot be read: {exc.strerror}.") from exc
    if encoding is None and data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    if encoding is None and (data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]):
        raise errors.binary_file(path)
    try:
        text = data.decode(encoding) if encoding else _decode_guessing(path, data)
    except UnicodeDecodeError as exc:
        raise errors.bad_encoding(path, str(encoding), exc) from exc
    except LookupError as exc:
        raise errors.ArticleError(f"{encoding!r} is not an encoding Python knows.") from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise errors.empty_text(f"The file {str(path)!r}")
    return text


# <meta charset="gb2312"> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read these labels as the wider encoding (WHATWG Encoding Standard).
_BROWSER_ENCODINGS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
}
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _decode_guessing(path: Path, data: bytes) -> str:
    """Decode bytes whose encoding nobody gave: UTF-8, the page's own charset, a detector."""
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    declared = _META_CHARSET_RE.search(data[:8192])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            return data.decode(_BROWSER_ENCODINGS.get(label, label))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else None
    if text is None or len(_CONTROL_RE.findall(text[:8192])) > 0.01 * len(text[:8192]) + 2:
        raise errors.binary_file(path)  # no encoding makes text of it
    return text
