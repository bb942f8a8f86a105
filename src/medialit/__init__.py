"""medialit: media-literacy lessons for JupyterLab.

Load a news article, find its hedges, sources and state-media outlets, and say
why each highlight was made::

    import medialit as ml
    article = ml.load_article()          # "ISIS fighters calling in sick?"
    article.blocks                       # story vs page clutter, with the rule that decided
    ml.find_hedges(article)              # "reportedly", "according to", ...
    ml.highlight(article)                # the story with every finding marked

Everything a lesson needs is here at the top level. The detectors, charts and
widgets are imported on first use, so ``import medialit`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._version import __version__
from .errors import ArticleError, MedialitError
from .show.render import page_view
from .text.article import DEFAULT_ARTICLE, Article, bundled_articles, load_article

# The one list of names imported on first use (PEP 562): name -> module that defines it.
# A lesson's first cell should not wait for pandas or matplotlib before it needs them.
_LAZY: dict[str, str] = {
    "find_hedges": "detect.hedges",
    "load_hedge_lexicon": "detect.hedges",
    "find_attributions": "detect.attribution",
    "find_outlets": "detect.outlets",
    "load_outlets": "detect.outlets",
    "outlet_card": "detect.outlets",
    "source_chain": "findings",
    "analyze": "findings",
    "findings_for": "findings",
    "highlight": "show.render",
    "render_findings": "show.render",
    "plot_page_composition": "show.plots",
    "plot_hedges": "show.plots",
    "plot_sources": "show.plots",
    "plot_source_chain": "show.plots",
    "load_key": "learn.keys",
}
# Short names for the modules, so ``ml.progress.summary_view()`` and ``ml.keys`` keep working
# wherever a module lives: short name -> module path inside medialit.
_SUBMODULES: dict[str, str] = {
    "analysis": "findings",
    "findings": "findings",
    "vocab": "vocab",
    "errors": "errors",
    "article": "text.article",
    "segmentation": "text.segmentation",
    "webpage": "text.webpage",
    "hedges": "detect.hedges",
    "attribution": "detect.attribution",
    "outlets": "detect.outlets",
    "chain": "detect.chain",
    "render": "show.render",
    "plots": "show.plots",
    "handout": "show.handout",
    "exercises": "learn.exercises",
    "keys": "learn.keys",
    "progress": "learn.progress",
    "activities": "learn.activities",
    "review": "teach.review",
    "classroom": "teach.classroom",
    "release": "teach.release",
    "cli": "cli",
}

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
__all__ += sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{_SUBMODULES[name]}", __name__)
    raise AttributeError(f"module 'medialit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_SUBMODULES))
