"""Every error class of medialit and the messages a user can meet, each saying what to do next.

All errors about the article a user brings are :class:`ArticleError`, a
``ValueError``, so ``except ValueError`` keeps working for callers that do not
know medialit.
"""

from __future__ import annotations

from collections.abc import Iterable


class MedialitError(Exception):
    """Base class for medialit's own errors."""


class ArticleError(MedialitError, ValueError):
    """The article text or file cannot be used; the message names the problem."""


class NotAnArticleError(ArticleError, TypeError):
    """A function that reads an article was given something else (a number, a table)."""


class BadOptionError(MedialitError, ValueError):
    """An option was given a value it does not take (a scope, a category, a kind)."""


class DataFileError(MedialitError, ValueError):
    """A bundled data file (word list, outlet table) breaks its own rules; names the rows."""


class RenderError(MedialitError, ValueError):
    """A findings table cannot be drawn (a missing column, an unknown kind, a bad span)."""


class OutletNotFound(MedialitError, LookupError):
    """``outlet_card`` was given a name, id or web address that is not in the table."""

class OutletAmbiguous(MedialitError, LookupError):
    """``outlet_card`` was given a name that several outlets share."""

class ProgressError(MedialitError, ValueError):
    """A progress file or export cannot be used; the message names the problem."""

class ExerciseError(MedialitError, ValueError):
    """An exercise cannot be built, or an answer cannot be checked; the message says why."""

class AnswerKeyError(MedialitError, ValueError):
    """An answer key cannot be used; the message names every problem found."""

class ReleaseError(MedialitError, ValueError):
    """The student versions cannot be made; the message names the notebook and the cell."""

class ReviewError(MedialitError, ValueError):
    """A review step cannot be done; the message says why and what to do instead."""


class FileRefusedError(MedialitError, ValueError):
    """A path is not a regular file of a sane size (a pipe, a device, a 3 GB file)."""


class LockTimeoutError(MedialitError, OSError):
    """Another process held a file's lock too long; the caller keeps its data and retries.

    An ``OSError``, so code that already copes with a folder it cannot write copes
    with this too.
    """


class OutputError(MedialitError, ValueError):
    """A file medialit was asked to write cannot be written as asked (onto its own
    input, or with text the file's encoding cannot hold); nothing was changed."""


def empty_text(where: str = "The article text") -> ArticleError:
    return ArticleError(
        f"{where} is empty (or only white space). Paste the text of a news article, "
        "or give the path to a .txt file that holds one."
    )


def missing_path(path: object) -> ArticleError:
    return ArticleError(
        f"There is no file at {str(path)!r}. Check the spelling and the folder, "
        "or give the name of a bundled article."
    )


def is_directory(path: object) -> ArticleError:
    return ArticleError(
        f"{str(path)!r} is a folder, not a file. Give the path to one .txt file inside it."
    )


def binary_file(path: object) -> ArticleError:
    return ArticleError(
        f"{str(path)!r} looks like a binary file (a picture, PDF or program), not text. "
        "Save the article as plain text (.txt) and load that."
    )


def not_utf8(path: object, exc: UnicodeDecodeError) -> ArticleError:
    return ArticleError(
        f"{str(path)!r} is not UTF-8 text (byte {exc.start} cannot be read as UTF-8). "
        "If you know its encoding, pass it, for example "
        "load_article(path, encoding='latin-1') or encoding='cp1252'."
    )


def bad_encoding(path: object, encoding: str, exc: Exception) -> ArticleError:
    return ArticleError(
        f"{str(path)!r} cannot be read with encoding={encoding!r}: {exc}. "
        "Try another encoding, or save the file as UTF-8."
    )


def unknown_article(name: str, known: Iterable[str]) -> ArticleError:
    names = ", ".join(sorted(known)) or "(none)"
    return ArticleError(
        f"There is no bundled article called {name!r}. Known articles: {names}. "
        "To load your own, give the path to a .txt file."
    )


def unsupported_file(path: object, suffix: str) -> ArticleError:
    return ArticleError(
        f"{str(path)!r} is a {suffix or 'suffix-less'} file. medialit reads plain text "
        "(.txt) files; save the article as text first."
    )


def not_an_article(caller: str, value: object) -> NotAnArticleError:
    return NotAnArticleError(
        f"{caller}() needs an Article (from ml.load_article() or ml.Article.from_text()) "
        f"or the article's text as a string, not {type(value).__name__}."
    )


def bad_scope(scope: object) -> BadOptionError:
    return BadOptionError(f"scope must be 'story' or 'page', not {scope!r}.")

