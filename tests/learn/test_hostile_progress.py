"""Progress files on hostile input: any damage is set aside, no answer blocks a save."""

from __future__ import annotations

import json
import warnings

import pytest
from hostile_inputs import DEVICE, SURROGATE, deep_json

from medialit.learn import progress, progress_file
from medialit.learn.progress import ProgressStore


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch):
    monkeypatch.setattr(progress, "_REGISTERED", {})


@pytest.fixture
def path(tmp_path):
    return tmp_path / "progress.json"


def _attempt(store, ex_id="02-x", answer=("reportedly",), **counts):
    values = {"hits": 1, "misses": 0, "false_alarms": 0, "score": 1.0, "correct": True}
    values.update(counts)
    store.record_attempt("02", ex_id, answer=list(answer), **values)


def _good(**attempt) -> dict:
    base = {"time": "2026-01-01T00:00:00+00:00", "answer": ["a"], "hits": 1, "misses": 0,
            "false_alarms": 0, "score": 1.0, "correct": True}
    base.update(attempt)
    entry = {"kind": "select_phrases", "question": "Q?", "answer": ["a"],
             "answer_shown": False, "attempts": [base]}
    return {"format": "medialit-progress", "version": 1, "lessons": {"02": {"02-x": entry}}}


def _nested_answer() -> dict:
    data = _good()
    value: list = []
    for _ in range(200):
        value = [value]
    data["lessons"]["02"]["02-x"]["answer"] = value
    return data


DAMAGE = {
    "deep nesting": deep_json(),
    "not JSON": "{half",
    "not UTF-8": b"\xff\xfe\x00garbage",
    "a list": "[]",
    "huge integer": '{"format": "medialit-progress", "version": 1, "lessons": {}, "x": '
    + "9" * 5000 + "}",
    "hits 10**30": json.dumps(_good(hits=10**30)),
    "hits -5": json.dumps(_good(hits=-5)),
    "score NaN": json.dumps(_good(score=float("nan"))),
    "score Infinity": json.dumps(_good(score=float("inf"))),
    "correct 'yes'": json.dumps(_good(correct="yes")),
    "kind a list": json.dumps(
        {**_good(), "lessons": {"02": {"02-x": {**_good()["lessons"]["02"]["02-x"], "kind": []}}}}
    ),
    "answer nested 200 deep": json.dumps(_nested_answer()),
    "lessons a string": '{"format": "medialit-progress", "version": 1, "lessons": "x"}',
}


@pytest.mark.parametrize("content", DAMAGE.values(), ids=DAMAGE.keys())
def test_any_damage_is_set_aside_and_the_lesson_goes_on(path, content):
    """Issue 14: deep nesting raised RecursionError on every Check and was never set aside."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.warns(UserWarning, match="could not be read"):
        store = ProgressStore(path)
    _attempt(store)
    assert ProgressStore(path).attempt_count("02", "02-x") == 1
    assert len(list(path.parent.glob("progress.json.corrupt-*"))) == 1
    store.summary()  # the summary table can be built


def test_a_fifo_at_the_progress_path_is_set_aside_without_hanging(tmp_path):
    import os

    path = tmp_path / "progress.json"
    os.mkfifo(path)
    with pytest.warns(UserWarning, match="pipe"):
        store = ProgressStore(path)
    _attempt(store)
    assert ProgressStore(path).attempt_count("02", "02-x") == 1


def test_a_huge_progress_file_is_set_aside_by_its_size(path, monkeypatch):
    path.write_text(json.dumps(_good()), encoding="utf-8")
    monkeypatch.setattr(progress_file, "MAX_FILE_BYTES", 50)
    with pytest.warns(UserWarning, match="largest progress file"):
        ProgressStore(path)


def test_a_lone_surrogate_never_blocks_this_or_later_saves(path):
    """Issue 14: one answer with a lone surrogate blocked that save and every later one."""
    store = ProgressStore(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not even a warning: the save works
        _attempt(store, "02-a", answer=[SURROGATE])
        _attempt(store, "02-b")
    assert not store.in_memory_only
    fresh = ProgressStore(path)
    assert fresh.latest_answer("02", "02-a") == [SURROGATE]
    assert fresh.attempt_count("02", "02-b") == 1


def test_a_change_that_cannot_be_written_does_not_block_later_ones(path, monkeypatch):
    store = ProgressStore(path)
    real = progress._dump

    def broken_once(data):
        monkeypatch.setattr(progress, "_dump", real)
        raise RuntimeError("a bug while writing")

    monkeypatch.setattr(progress, "_dump", broken_once)
    with pytest.raises(RuntimeError):
        _attempt(store, "02-a")
    assert store.attempt_count("02", "02-a") == 1  # kept in memory
    _attempt(store, "02-b")
    assert ProgressStore(path).attempt_count("02", "02-b") == 1


@pytest.mark.parametrize("answer", [{1, 2}, object(), float("nan")])
def test_an_answer_json_cannot_hold_is_refused_before_writing(path, answer):
    store = ProgressStore(path)
    with pytest.raises((TypeError, ValueError)):
        store.record_attempt("02", "02-a", answer=answer, hits=0, misses=0, false_alarms=0,
                             score=0.0, correct=False)
    _attempt(store, "02-b")
    assert ProgressStore(path).attempt_count("02", "02-b") == 1


@pytest.mark.skipif(not DEVICE.exists(), reason="no /dev/zero here")
def test_exporting_onto_a_device_is_refused():
    store = ProgressStore()
    with pytest.raises(progress.ProgressError):
        store.export(DEVICE)


def test_an_export_is_readable_by_a_teacher(path, tmp_path):
    store = ProgressStore(path)
    _attempt(store)
    out = store.export(tmp_path / "me.json")
    assert out.stat().st_mode & 0o044  # not 0600 (umask permitting)
