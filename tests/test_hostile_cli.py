"""The medialit command on hostile input: one clear line, exit code 1, nothing destroyed."""

from __future__ import annotations

import pytest
from hostile_inputs import INJECTIONS

from medialit import cli

TEXT = "A headline\n\nThe minister reportedly told RT that the plan was finished, Reuters said.\n"


@pytest.fixture
def article_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "art.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("medialit: error: "), err
    assert "Traceback" not in err[0]
    return err[0]


def test_handout_onto_its_own_article_is_refused(article_file, capsys):
    """Issue 14: it overwrote the article with HTML and said "Saved"."""
    assert cli.main(["handout", "art.txt", "-o", "art.txt", "--no-charts"]) == cli.EXIT_BAD_INPUT
    assert "the article itself" in _one_error_line(capsys)
    assert article_file.read_text(encoding="utf-8") == TEXT


def test_a_title_that_cannot_be_encoded_is_one_line_and_keeps_the_old_output(
    article_file, capsys
):
    assert cli.main(["handout", "art.txt", "-o", "h.html", "--no-charts"]) == cli.EXIT_OK
    before = (article_file.parent / "h.html").read_bytes()
    capsys.readouterr()
    code = cli.main(["handout", "art.txt", "-o", "h.html", "--no-charts", "--title", "x\udcff"])
    assert code == cli.EXIT_BAD_INPUT
    assert "title" in _one_error_line(capsys)
    assert (article_file.parent / "h.html").read_bytes() == before


def test_an_undecodable_output_name_is_printed_escaped(article_file, capsys):
    name = "h\udcff.html"  # a byte that is not UTF-8 in the file name (surrogateescape)
    assert cli.main(["handout", "art.txt", "-o", name, "--no-charts"]) == cli.EXIT_OK
    assert "\\udcff" in capsys.readouterr().out


def test_a_fifo_as_article_is_one_line(fifo, capsys, monkeypatch):
    monkeypatch.chdir(fifo.parent)
    assert cli.main(["handout", str(fifo), "--no-charts"]) == cli.EXIT_BAD_INPUT
    assert "pipe" in _one_error_line(capsys)


@pytest.mark.parametrize("name", ["", "   ", "no-such-article", "missing/file.txt"])
def test_bad_article_names_are_one_line(name, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["handout", name, "--no-charts"]) == cli.EXIT_BAD_INPUT
    _one_error_line(capsys)


def test_an_injected_title_is_escaped(article_file, capsys):
    cli.main(["handout", "art.txt", "-o", "h.html", "--no-charts", "--title", INJECTIONS[1]])
    page = (article_file.parent / "h.html").read_text(encoding="utf-8")
    assert INJECTIONS[1] not in page and "&lt;img" in page
