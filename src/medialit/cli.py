"""The ``medialit`` command: tools a teacher runs in a terminal.

Each tool is a subcommand (``medialit handout ...``). A subcommand is two small
functions: one that adds its options to the parser (with help in plain words)
and one that runs it and returns the exit code. To add one, write both and
list them in :data:`COMMANDS`.

Problems with the user's input (a missing file, an unknown article name) print
one clear line and exit with code 1; they never show a Python traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from ._version import __version__
from .errors import MedialitError
from .teach import release as _release

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class Command(NamedTuple):
    """One subcommand: its name, what it does (short and long), its options and how to run it."""

    name: str
    summary: str  # one line for 'medialit --help'
    description: str  # the text of 'medialit NAME --help'
    epilog: str  # examples, printed after the options
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# --------------------------------------------------------------------------- handout

HANDOUT_DESCRIPTION = """\
Make a printable handout for one news article: a single web page (.html) you can
open in any browser, print, or share. It holds the article with its hedges,
sources, quotes and news outlets highlighted, a list saying why each highlight
was made, charts, and questions to discuss in class.

ARTICLE is the name of an article that comes with medialit (for example
isis-fighters-calling-in-sick) or the path to a plain-text (.txt) file with the
article in it.
"""

HANDOUT_EXAMPLES = """\
examples:
  medialit handout isis-fighters-calling-in-sick
  medialit handout my-article.txt -o week3-handout.html --title "Week 3: who said it?"
  medialit handout my-article.txt --scope page --no-charts
"""


def _add_handout_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        help="a bundled article name, or the path to a .txt file holding the article",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to save the handout (default: the article's name followed by "
        "'-handout.html', in the current folder, e.g. my-article-handout.html)",
    )
    parser.add_argument(
        "--scope",
        choices=("story", "page"),
        default="story",
        help="'story' (the default) shows only the headline and the story; 'page' shows the "
        "whole page too, with photo captions, galleries and boxes greyed out and labelled",
    )
    parser.add_argument(
        "--no-charts",
        dest="charts",
        action="store_false",
        help="leave the charts out (a shorter handout that is quicker to make)",
    )
    parser.add_argument(
        "--title",
        help="the title printed at the top of the handout (default: the article's headline)",
    )


def default_output(article_name: str | None) -> Path:
    """``NAME-handout.html`` in the current folder."""
    return Path(f"{article_name or 'article'}-handout.html")


def _run_handout(args: argparse.Namespace) -> int:
    from .show.handout import write_handout
    from .text.article import load_article

    article = load_article(args.article)
    output = Path(args.output) if args.output else default_output(article.name)
    inputs = [args.article] if Path(args.article).exists() else []
    try:
        path = write_handout(
            article, output, scope=args.scope, charts=args.charts, title=args.title, inputs=inputs
        )
    except OSError as exc:
        _error(
            f"cannot write the handout to {str(output)!r}: {exc.strerror or exc}. "
            "Check that the folder exists and that you may write there."
        )
        return EXIT_BAD_INPUT
    _print(f"Saved the handout for {article.title or article.name!r} to {path}")
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    Command(
        "handout",
        "make a printable handout (one .html file) for an article",
        HANDOUT_DESCRIPTION,
        HANDOUT_EXAMPLES,
        _add_handout_arguments,
        _run_handout,
    ),
    # 'medialit release': student versions of the lessons; the work is in release.py.
    Command(
        "release",
        "write student versions of the lesson notebooks (model answers removed)",
        _release.DESCRIPTION,
        _release.EXAMPLES,
        _release.add_arguments,
        _release.run,
    ),
)
"""Every subcommand, in the order ``medialit --help`` lists them."""


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``medialit`` with every subcommand of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="medialit",
        description="medialit: media-literacy tools for teachers. "
        "Run 'medialit COMMAND --help' to read about one command.",
    )
    parser.add_argument("--version", action="version", version=f"medialit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
        child = sub.add_parser(
            command.name,
            help=command.summary,
            description=command.description,
            epilog=command.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(child)
        child.set_defaults(run=command.run)
    return parser


def _print(message: str, *, file: TextIO | None = None) -> None:
    """Print one line; characters the terminal cannot show (a broken file name) are escaped."""
    stream = file or sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    print(message.encode(encoding, "backslashreplace").decode(encoding), file=stream)


def _error(message: str) -> None:
    _print(f"medialit: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``medialit`` command line and return its exit code (0 when all went well)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "run", None) is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except MedialitError as exc:  # bad input: one clear line, no traceback
        _error(str(exc))
        return EXIT_BAD_INPUT
