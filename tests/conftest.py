"""Shared fixtures: the seed article is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import medialit as ml


@pytest.fixture(scope="session")
def seed() -> ml.Article:
    return ml.load_article()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Progress files and settings go to a temporary folder, never the user's home."""
    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path_factory.mktemp("home")))
    # MEDIALIT_PROGRESS wins over MEDIALIT_HOME: never let a developer's own file leak in.
    monkeypatch.delenv("MEDIALIT_PROGRESS", raising=False)
    monkeypatch.delenv("MEDIALIT_STUDENT", raising=False)


@pytest.fixture(scope="module")
def key(seed):
    """The seed's hand-checked answer key."""
    from medialit.learn.keys import load_key

    return load_key(article=seed)


@pytest.fixture
def fifo(tmp_path) -> Path:
    """A named pipe: reading it would block forever (issue 14: load_article hung on one)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX-only")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path
