"""Every error a user of medialit can meet, with a message that says what to do next.

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


def bad_scope(scope: object) -> ValueError:
    return ValueError(f"scope must be 'story' or 'page', not {scope!r}.")
