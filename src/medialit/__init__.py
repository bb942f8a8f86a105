"""medialit: media-literacy lessons for JupyterLab.

Load a news article, find its hedges, sources and state-media outlets, and say
why each highlight was made::

    import medialit as ml
    article = ml.load_article()          # "ISIS fighters calling in sick?"
    article.blocks                       # story vs page clutter, with the rule that decided
"""

from __future__ import annotations

from .article import DEFAULT_ARTICLE, Article, bundled_articles, load_article
from .errors import ArticleError, MedialitError
from .render import page_view

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_ARTICLE",
    "Article",
    "ArticleError",
    "MedialitError",
    "__version__",
    "bundled_articles",
    "load_article",
    "page_view",
]
