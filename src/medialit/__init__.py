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
from typing import TYPE_CHECKING, Any

from .article import DEFAULT_ARTICLE, Article, bundled_articles, load_article
from .errors import ArticleError, MedialitError
from .render import page_view

__version__ = "0.1.0"

# name -> module that defines it; imported when first used (PEP 562).
_LAZY: dict[str, str] = {
    "find_hedges": "hedges",
    "load_hedge_lexicon": "hedges",
    "find_attributions": "attribution",
    "find_outlets": "outlets",
    "load_outlets": "outlets",
    "outlet_card": "outlets",
    "source_chain": "chain",
    "analyze": "analysis",
    "highlight": "render",
    "render_findings": "render",
    "plot_page_composition": "plots",
    "plot_hedges": "plots",
    "plot_sources": "plots",
    "plot_source_chain": "plots",
    "load_key": "keys",
}
_SUBMODULES = frozenset(
    {
        "analysis",
        "attribution",
        "chain",
        "cli",
        "exercises",
        "handout",
        "hedges",
        "keys",
        "outlets",
        "plots",
        "progress",
        "render",
        "segmentation",
        "webpage",
    }
)

__all__ = [
    "DEFAULT_ARTICLE",
    "Article",
    "ArticleError",
    "MedialitError",
    "__version__",
    "analyze",
    "bundled_articles",
    "find_attributions",
    "find_hedges",
    "find_outlets",
    "highlight",
    "load_article",
    "load_hedge_lexicon",
    "load_key",
    "load_outlets",
    "outlet_card",
    "page_view",
    "plot_hedges",
    "plot_page_composition",
    "plot_source_chain",
    "plot_sources",
    "render_findings",
    "source_chain",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'medialit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)


if TYPE_CHECKING:
    from .analysis import analyze
    from .attribution import find_attributions
    from .chain import source_chain
    from .hedges import find_hedges, load_hedge_lexicon
    from .keys import load_key
    from .outlets import find_outlets, load_outlets, outlet_card
    from .plots import plot_hedges, plot_page_composition, plot_source_chain, plot_sources
    from .render import highlight, render_findings
