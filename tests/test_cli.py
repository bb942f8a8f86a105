"""The ``medialit`` command: handouts from a bundled name or a .txt file, clear errors.

Run both ways a teacher (or a test) can: ``python -m medialit ...`` in a new
process, and ``medialit.cli.main([...])`` in this one.
"""

from __future__ import annotations

import base64
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import medialit as ml
from medialit import cli
from medialit.show import handout

SEED = ml.DEFAULT_ARTICLE


class Page(HTMLParser):
    """Start tags, images and visible text of a handout."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self._in: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in {"h1", "h2", "h3", "style", "title"}:
            self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] in {"h1", "h2", "h3"}:
            self.headings.append(data)
        if not self._in or self._in[-1] != "style":
            self.text.append(data)

    def images(self) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == "img"]

    def items(self, css_class: str) -> int:
        """How many ``<li>`` inside lists of this class (one level of lists)."""
        count, inside = 0, False
        for tag, attrs in self.tags:
            if tag in {"ol", "ul"}:
                inside = css_class in (attrs.get("class") or "").split()
            elif tag == "li" and inside:
                count += 1
        return count


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "medialit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
    )


def assert_safe(page: Page) -> None:
    assert "script" not in [t for t, _ in page.tags]
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), tag
        if tag == "img":
            assert (attrs.get("src") or "").startswith("data:image/png;base64,")
        if tag == "link":
            pytest.fail("a handout must not fetch anything")


# --------------------------------------------------------------------------- the handout


@pytest.fixture(scope="module")
def seed_handout(tmp_path_factory) -> tuple[Path, Page]:
    out = tmp_path_factory.mktemp("handout") / "seed.html"
    assert cli.main(["handout", SEED, "-o", str(out)]) == 0
    return out, Page(out.read_text(encoding="utf-8"))


def test_handout_has_every_part(seed_handout, seed):
    _, page = seed_handout
    text = "".join(page.text)
    assert seed.title in page.headings
    for heading in (
        "The article, highlighted",
        "Charts",
        "Questions to discuss",
    ):
        assert heading in page.headings
    assert "U.S. News & World Report" in text  # publisher, from the metadata
    assert "What the highlights mean" in text  # the legend
    assert "Why each highlight was made" in text  # the numbered reasons under the story
    assert_safe(page)


def test_handout_charts_are_embedded_pictures_with_alt_text(seed_handout):
    _, page = seed_handout
    images = page.images()
    assert len(images) == 4
    for img in images:
        data = base64.b64decode(img["src"].split(",", 1)[1])
        assert data.startswith(b"\x89PNG")
        assert len(img["alt"] or "") > 40
    alts = " ".join(img["alt"] for img in images)
    assert "characters" in alts and "Fars" in alts


def test_handout_lists_every_highlight_once(seed_handout, seed):
    from medialit.findings import analyze
    from medialit.show.render import marks_in_scope

    _, page = seed_handout
    marks = marks_in_scope(seed, analyze(seed))
    assert page.items("ml-why") == len(marks)


def test_handout_questions_per_kind_found(seed_handout, seed):
    from medialit.findings import analyze

    _, page = seed_handout
    kinds = set(analyze(seed)["kind"])
    for kind, heading in handout.QUESTION_HEADINGS.items():
        assert (heading in page.headings) == (kind == "general" or kind in kinds)
    assert page.items("ml-questions") >= 3 * len(kinds)


@pytest.mark.parametrize("kind", list(handout.QUESTIONS))
def test_question_sets_are_short_and_plain(kind):
    questions = handout.QUESTIONS[kind]
    if kind != "state_outlet":  # an add-on to the outlet questions
        assert 3 <= len(questions) <= 6
    assert len(handout.QUESTIONS["outlet"] + handout.QUESTIONS["state_outlet"]) <= 6
    for q in questions:
        assert q.rstrip().endswith(("?", ".")) and len(q) < 160


def test_no_charts_and_title_options(tmp_path):
    out = tmp_path / "short.html"
    assert (
        cli.main(
            ["handout", SEED, "-o", str(out), "--no-charts", "--title", "Week 3: <who> said it?"]
        )
        == 0
    )
    page = Page(out.read_text(encoding="utf-8"))
    assert page.images() == []
    assert "Charts" not in page.headings
    assert "Week 3: <who> said it?" in page.headings
    assert_safe(page)


def test_page_scope_shows_the_clutter(tmp_path, seed):
    out = tmp_path / "page.html"
    assert cli.main(["handout", SEED, "-o", str(out), "--scope", "page", "--no-charts"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "ml-clutter" in text and "Photo caption" in text
    assert "See Gallery" in text


def test_default_output_is_named_after_the_article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "my-article.txt"
    source.write_text(
        "A test story\n\nOfficials say it rained <b>heavily</b> all day.\n", encoding="utf-8"
    )
    assert cli.main(["handout", str(source), "--no-charts"]) == 0
    page = Page((tmp_path / "my-article-handout.html").read_text(encoding="utf-8"))
    assert "A test story" in page.headings
    assert "<b>heavily</b>" in "".join(page.text)  # shown as text, not markup
    assert_safe(page)


def test_python_dash_m_works_the_same(tmp_path):
    result = run_module("handout", SEED, "-o", "out.html", "--no-charts", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "out.html" in result.stdout
    assert (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --------------------------------------------------------------------------- errors and help


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["handout", "no-such-article"], "no bundled article called 'no-such-article'"),
        (["handout", "missing/story.txt"], "There is no file"),
        (["handout", "."], "is a folder"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path, args, message):
    result = run_module(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("medialit: error: ")


def test_empty_file_and_unwritable_output(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    assert cli.main(["handout", str(empty)]) == 1
    assert "empty" in capsys.readouterr().err
    out = tmp_path / "no-such-folder" / "h.html"
    assert cli.main(["handout", SEED, "-o", str(out), "--no-charts"]) == 1
    err = capsys.readouterr().err
    assert "cannot write the handout" in err and "folder exists" in err


def test_usage_errors_exit_2(capsys):
    assert cli.main(["handout", SEED, "--scope", "chapter"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert cli.main([]) == 2
    assert "handout" in capsys.readouterr().out


def test_help_explains_every_option(capsys):
    assert cli.main(["handout", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("ARTICLE", "--output", "--scope", "--no-charts", "--title"):
        assert option in text
    assert ".txt" in text and "print" in text
    assert cli.main(["--version"]) == 0
    assert ml.__version__ in capsys.readouterr().out


def test_help_works_through_python_dash_m(tmp_path):
    result = run_module("--help", cwd=tmp_path)
    assert result.returncode == 0 and "handout" in result.stdout


def test_every_command_is_in_the_parser():
    parser = cli.build_parser()
    help_text = parser.format_help()
    for command in cli.COMMANDS:
        assert command.name in help_text
