"""What marks a learner copy of a lesson: stubs, tags and the settings cell.

Shared by :mod:`medialit.teach.release` and its nbconvert preprocessors
(:mod:`medialit.teach._preprocessors`), so neither imports the other at load time.
"""

from __future__ import annotations

TEXT_STUB = (
    "YOUR ANSWER HERE (double-click this cell, replace these words with your answer, "
    "then press Shift + Enter)"
)
"""What replaces a model answer in a markdown cell; says how to type into it."""
CODE_STUB = "# YOUR CODE HERE"
TEACHER_ONLY_TAG = "teacher-only"
EDITION = {"edition": "student"}
SETTINGS_CELL_ID = "medialit-student-edition"
SETTINGS_SOURCE = (
    "# Your copy: the exercises give hints, and your teacher has the answers.\n"
    "import medialit as ml\n"
    "\n"
    "ml.exercises.configure(show_answers=False)"
)
"""The first code cell of a learner copy: it switches "Show answer" off."""
