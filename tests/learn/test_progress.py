"""Saved answers: written at once, atomically, restored in a new process, never lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pytest

from medialit.learn import progress
from medialit.learn.progress import ProgressStore


def _attempt(store: ProgressStore, ex_id: str = "02-find", *, lesson: str = "02", **counts):
    values = {"hits": 1, "misses": 0, "false_alarms": 0, "score": 1.0, "correct": True}
    values.update(counts)
    store.record_attempt(
        lesson,
        ex_id,
        answer=["reportedly"],
        kind="select_phrases",
        question="Which are hedges?",
        **values,
    )


def _files(folder: Path) -> list[str]:
    """The files in ``folder`` but the lock file (it stays; the OS lock on it is what counts)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "progress.json"


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch):
    """Exercises made by other tests must not appear in these summaries."""
    monkeypatch.setattr(progress, "_REGISTERED", {})
    monkeypatch.delenv(progress.FILE_ENV, raising=False)  # would win over MEDIALIT_HOME


# --------------------------------------------------------------------------- location


@pytest.mark.parametrize(
    ("home", "file", "expected"),
    [
        ("HOME_DIR", None, "HOME_DIR/progress.json"),
        ("HOME_DIR", "FILE_DIR/mine.json", "FILE_DIR/mine.json"),
        (None, "FILE_DIR/mine.json", "FILE_DIR/mine.json"),
        (None, None, "USER_HOME/.medialit/progress.json"),
    ],
)
def test_progress_path_follows_the_environment(monkeypatch, tmp_path, home, file, expected):
    def fill(value: str) -> str:
        return (
            value.replace("HOME_DIR", str(tmp_path / "h"))
            .replace("FILE_DIR", str(tmp_path / "f"))
            .replace("USER_HOME", str(tmp_path / "u"))
        )

    monkeypatch.setenv("HOME", str(tmp_path / "u"))
    for name, value in ((progress.HOME_ENV, home), (progress.FILE_ENV, file)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, fill(value))
    assert progress.progress_path() == Path(fill(expected))


def test_store_is_shared_per_file_and_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv(progress.HOME_ENV, str(tmp_path / "a"))
    first = progress.store()
    assert progress.store() is first
    monkeypatch.setenv(progress.HOME_ENV, str(tmp_path / "b"))
    assert progress.store() is not first
    assert progress.store().path == tmp_path / "b" / "progress.json"


# --------------------------------------------------------------------------- saving


def test_every_attempt_is_saved_at_once_and_read_back(path):
    store = ProgressStore(path)
    _attempt(store, hits=1, misses=1, false_alarms=1, score=1 / 3, correct=False)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    entry = on_disk["lessons"]["02"]["02-find"]
    assert entry["answer"] == ["reportedly"]
    assert entry["kind"] == "select_phrases"
    assert entry["question"] == "Which are hedges?"
    assert entry["answer_shown"] is False
    (attempt,) = entry["attempts"]
    assert (attempt["hits"], attempt["misses"], attempt["false_alarms"]) == (1, 1, 1)
    assert attempt["score"] == pytest.approx(1 / 3)
    assert attempt["correct"] is False
    assert attempt["time"].endswith("+00:00")

    _attempt(store)
    again = ProgressStore(path)
    assert again.attempt_count("02", "02-find") == 2
    assert again.latest_answer("02", "02-find") == ["reportedly"]


def test_answer_shown_is_saved_and_marks_later_attempts(path):
    store = ProgressStore(path)
    _attempt(store)
    store.record_answer_shown("02", "02-find")
    _attempt(store)
    entry = ProgressStore(path).entry("02", "02-find")
    assert entry["answer_shown"] is True
    assert [a["answer_shown"] for a in entry["attempts"]] == [False, True]


def test_non_json_answer_is_refused_before_anything_is_written(path):
    store = ProgressStore(path)
    with pytest.raises(TypeError):
        store.record_attempt(
            "02", "x-1", answer={1, 2}, hits=0, misses=0, false_alarms=0, score=0.0, correct=False
        )
    assert not path.exists()


def test_a_new_process_sees_the_answers(tmp_path):
    """A kernel restart: a fresh Python process with the same MEDIALIT_HOME."""
    home = tmp_path / "home"
    env = {**os.environ, progress.HOME_ENV: str(home)}
    env.pop(progress.FILE_ENV, None)
    writer = textwrap.dedent(
        """
        from medialit.learn import progress
        progress.store().record_attempt(
            "03", "03-chain", answer=["Fars", "U.S. News"], hits=2, misses=0,
            false_alarms=0, score=1.0, correct=True, kind="order_steps", question="Order?")
        """
    )
    reader = textwrap.dedent(
        """
        from medialit.learn import progress
        s = progress.store()
        print(s.latest_answer("03", "03-chain"), s.attempt_count("03", "03-chain"))
        print(progress.summary_view("03"))
        """
    )
    subprocess.run([sys.executable, "-c", writer], env=env, check=True)
    out = subprocess.run(
        [sys.executable, "-c", reader], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert out.splitlines()[0] == "['Fars', 'U.S. News'] 1"
    assert "03-chain" in out and "yes" in out


# --------------------------------------------------------------------------- corrupt files


CORRUPT = [
    pytest.param(b"{not json", id="not-json"),
    pytest.param(b"", id="empty"),
    pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
    pytest.param(b"[]", id="a-list"),
    pytest.param(b'{"format": "something-else", "version": 1, "lessons": {}}', id="format"),
    pytest.param(b'{"format": "medialit-progress", "version": 99, "lessons": {}}', id="version"),
    pytest.param(b'{"format": "medialit-progress", "version": 1, "lessons": []}', id="lessons"),
    pytest.param(
        b'{"format": "medialit-progress", "version": 1, "lessons": {"02": {"x": '
        b'{"attempts": [{"time": "t", "hits": "two", "misses": 0, "false_alarms": 0, '
        b'"score": 1, "correct": true}]}}}}',
        id="count-is-text",
    ),
    pytest.param(
        b'{"format": "medialit-progress", "version": 1, "lessons": {"02": {"x": '
        b'{"attempts": [{"time": "t", "hits": true, "misses": 0, "false_alarms": 0, '
        b'"score": 1, "correct": true}]}}}}',
        id="count-is-bool",
    ),
    pytest.param(
        b'{"format": "medialit-progress", "version": 1, "lessons": {"02": {"x": {}}}}',
        id="no-attempts",
    ),
]


@pytest.mark.parametrize("content", CORRUPT)
def test_a_corrupt_file_is_moved_aside_and_a_fresh_one_started(path, content):
    path.write_bytes(content)
    with pytest.warns(UserWarning, match="could not be read"):
        store = ProgressStore(path)
    (aside,) = path.parent.glob("progress.json.corrupt-*")
    assert aside.read_bytes() == content  # kept as it was, for a teacher to look at
    assert not path.exists()
    _attempt(store)
    assert ProgressStore(path).attempt_count("02", "02-find") == 1


def test_a_file_broken_by_someone_else_mid_lesson_is_set_aside_on_save(path):
    store = ProgressStore(path)
    _attempt(store)
    path.write_text("{oops", encoding="utf-8")
    with pytest.warns(UserWarning, match="could not be read"):
        _attempt(store, "02-other")
    assert len(list(path.parent.glob("progress.json.corrupt-*"))) == 1
    assert ProgressStore(path).attempt_count("02", "02-other") == 1


def test_two_corrupt_files_in_the_same_second_are_both_kept(path):
    for content in (b"{one", b"{two"):
        path.write_bytes(content)
        with pytest.warns(UserWarning):
            ProgressStore(path)
    kept = sorted(p.read_bytes() for p in path.parent.glob("progress.json.corrupt-*"))
    assert kept == [b"{one", b"{two"]


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize("fail_at", ["fsync", "replace", "write"])
def test_a_failed_write_keeps_the_old_file_and_no_temp_file(path, monkeypatch, fail_at):
    store = ProgressStore(path)
    _attempt(store, "02-first")
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if fail_at == "write":
        monkeypatch.setattr(progress, "_dump", lambda data: "{half" + boom())
    else:
        monkeypatch.setattr(progress.os, fail_at, boom)
    with pytest.warns(UserWarning, match="kept in memory"):
        _attempt(store, "02-second")
    monkeypatch.undo()

    assert path.read_bytes() == before
    assert _files(path.parent) == ["progress.json"]
    assert store.in_memory_only
    assert store.attempt_count("02", "02-second") == 1  # still there, in memory

    _attempt(store, "02-third")  # the disk works again: the waiting answer is written too
    assert not store.in_memory_only
    fresh = ProgressStore(path)
    assert [fresh.attempt_count("02", e) for e in ("02-first", "02-second", "02-third")] == [
        1,
        1,
        1,
    ]


def test_an_unwritable_location_warns_once_and_keeps_answers(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store = ProgressStore(blocker / "progress.json")
        _attempt(store, "02-a")
        _attempt(store, "02-b")
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1, messages
    assert "kept in memory" in messages[0] and "MEDIALIT_HOME" in messages[0]
    assert store.in_memory_only
    assert store.attempt_count("02", "02-a") == 1
    assert store.latest_answer("02", "02-b") == ["reportedly"]


def test_atomic_write_text_cleans_up_after_an_interrupted_write(tmp_path, monkeypatch):
    target = tmp_path / "f.json"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(progress.os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        progress.atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


# --------------------------------------------------------------------------- locking


_HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from medialit._util.io import file_lock
    with file_lock(Path(sys.argv[1])):
        tmp = Path(sys.argv[1]).with_name(".progress.json.deadbeef.tmp")
        tmp.write_text("half a save", encoding="utf-8")  # killed between write and rename
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _holder(path: Path, seconds: float) -> subprocess.Popen:
    """Another kernel that takes the lock (and leaves a temp file) and holds it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_kernel_killed_mid_save_leaves_no_stall_and_no_temp_file(path):
    """Issue 14: kill -9 left a lock (5 s stall at the next save) and .tmp files."""
    holder = _holder(path, 60)
    holder.kill()  # kill -9: the system releases its lock, the lock file stays
    holder.wait(timeout=30)
    assert path.with_name("progress.json.lock").exists()
    started = time.monotonic()
    _attempt(ProgressStore(path))
    assert time.monotonic() - started < 2.0
    assert _files(path.parent) == ["progress.json"]  # the leftover .tmp is gone
    assert ProgressStore(path).attempt_count("02", "02-find") == 1


def test_a_busy_lock_is_never_taken_over_answers_wait_in_memory(path, monkeypatch):
    """Issue 14: taking a busy lock over lost one kernel's answers in half the trials."""
    monkeypatch.setattr(progress, "LOCK_TIMEOUT_SECONDS", 0.3)
    holder = _holder(path, 3)
    store = ProgressStore(path)
    with pytest.warns(UserWarning, match="kept in memory"):
        _attempt(store, "02-a")
    assert store.in_memory_only and store.attempt_count("02", "02-a") == 1
    assert not path.exists()  # nothing written while the other kernel holds the lock
    holder.wait(timeout=30)
    _attempt(store, "02-b")  # the lock is free again: both answers are written
    fresh = ProgressStore(path)
    assert (fresh.attempt_count("02", "02-a"), fresh.attempt_count("02", "02-b")) == (1, 1)


def test_the_lock_is_released_even_when_the_save_fails(path):
    with pytest.raises(RuntimeError), progress.file_lock(path):
        raise RuntimeError("boom")
    with progress.file_lock(path, timeout=0):  # free at once
        pass


def test_two_stores_on_one_file_keep_each_others_answers(path):
    kernel_a, kernel_b = ProgressStore(path), ProgressStore(path)
    _attempt(kernel_a, "02-a")
    _attempt(kernel_b, "02-b")  # b never read a's answer, but must not drop it
    _attempt(kernel_a, "02-a")
    fresh = ProgressStore(path)
    assert fresh.attempt_count("02", "02-a") == 2
    assert fresh.attempt_count("02", "02-b") == 1


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.json"
    script = textwrap.dedent(
        """
        import sys
        from medialit.learn.progress import ProgressStore
        store = ProgressStore(sys.argv[1])
        for i in range(25):
            for ex in (sys.argv[2], "shared"):
                store.record_attempt("09", ex, answer=[i], hits=1, misses=0,
                                     false_alarms=0, score=1.0, correct=True)
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(path), name])
        for name in ("kernel-a", "kernel-b")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = ProgressStore(path)
    assert store.attempt_count("09", "kernel-a") == 25
    assert store.attempt_count("09", "kernel-b") == 25
    assert store.attempt_count("09", "shared") == 50
    assert _files(tmp_path) == ["shared.json"]


def test_store_picks_up_answers_saved_by_another_kernel(monkeypatch, tmp_path):
    monkeypatch.setenv(progress.HOME_ENV, str(tmp_path))
    mine = progress.store()
    _attempt(ProgressStore(mine.path), "02-elsewhere")
    assert progress.store().attempt_count("02", "02-elsewhere") == 1


# --------------------------------------------------------------------------- summary


def test_summary_of_nothing_has_every_column():
    frame = progress.summary()
    assert frame.empty
    assert {c: str(t) for c, t in frame.dtypes.items()} == progress.SUMMARY_COLUMNS


def test_summary_rows_come_from_the_latest_attempt_in_lesson_order(path, monkeypatch):
    monkeypatch.setenv(progress.FILE_ENV, str(path))
    progress.register_exercise(progress.ExerciseInfo("02", "02-b", "sort_items", "Sort?"))
    progress.register_exercise(progress.ExerciseInfo("02", "02-a", "single_choice", "Pick?"))
    store = progress.store()
    _attempt(store, "02-a", hits=0, misses=1, false_alarms=1, score=0.0, correct=False)
    _attempt(store, "02-a", hits=1, misses=0, false_alarms=0, score=1.0, correct=True)
    _attempt(store, "01-x", lesson="01")
    store.record_answer_shown("01", "01-x")

    frame = progress.summary()
    assert {c: str(t) for c, t in frame.dtypes.items()} == progress.SUMMARY_COLUMNS
    assert list(zip(frame["lesson"], frame["id"], strict=True)) == [
        ("02", "02-b"),  # made first in this kernel, not tried yet
        ("02", "02-a"),
        ("01", "01-x"),
    ]
    untried, tried, shown = (frame.iloc[i] for i in range(3))
    assert untried["attempts"] == 0 and untried["hits"] is pd_na() and not untried["done"]
    assert (tried["attempts"], tried["hits"], tried["misses"], tried["score"]) == (2, 1, 0, 1.0)
    assert tried["done"] and not tried["answer_shown"]
    assert shown["answer_shown"]
    assert list(progress.summary("01")["id"]) == ["01-x"]


def pd_na():
    import pandas as pd

    return pd.NA


def test_summary_view_text_is_deterministic(path, monkeypatch):
    monkeypatch.setenv(progress.FILE_ENV, str(path))
    progress.register_exercise(progress.ExerciseInfo("02", "02-hedges-sort", "sort_items", "?"))
    store = progress.store()
    _attempt(store, "02-hedges-find", hits=2, misses=1, false_alarms=1, score=0.5, correct=False)
    _attempt(store, "02-who", hits=1, misses=0, false_alarms=0, score=1.0, correct=True)
    store.record_answer_shown("02", "02-who")
    view = progress.summary_view("02")
    assert str(view).splitlines() == [
        "Your progress in lesson 02: 2 of 3 exercises tried, 1 fully right. Run this cell "
        "again after more answers.",
        "exercise        tries  hits  misses  false alarms  score                done",
        "02-hedges-sort      0     -       -             -      -           not tried",
        "02-hedges-find      1     2       1             1   0.50             not yet",
        "02-who              1     1       0             0   1.00  yes (answer shown)",
        "You flag too much about as often as too little: 1 false alarm, 1 miss. Keep telling "
        "the two apart.",
    ]
    assert "<caption>Your progress in lesson 02: 2 of 3 exercises tried" in view.html
    assert '<th scope="col">false alarms</th>' in view.html
    assert str(progress.summary_view("07")) == (
        "No exercises in lesson 07 yet: answer one and it is saved here."
    )


def test_before_any_try_the_summary_says_how_to_fill_it(path, monkeypatch):
    # Regression (issue 11): after Run All the table said "0 of 4 done", as if failed.
    monkeypatch.setenv(progress.FILE_ENV, str(path))
    for ex_id in ("05-a", "05-b"):
        progress.register_exercise(progress.ExerciseInfo("05", ex_id, "sort_items", "?"))
    first = str(progress.summary_view("05")).splitlines()[0]
    assert first == ("Your progress in lesson 05: 2 exercises, none tried yet. Answer them "
                     "above, then run this cell again to see how you did.")
    assert "lean" not in str(progress.summary_view("05"))


@pytest.mark.parametrize(
    ("false_alarms", "misses", "expected"),
    [
        (3, 1, "You lean towards flagging too much: 3 false alarms, 1 miss. Before you flag"),
        (0, 2, "You lean towards flagging too little: 0 false alarms, 2 misses. Read again"),
        (1, 1, "You flag too much about as often as too little: 1 false alarm, 1 miss. Keep"),
        (0, 0, "No misses and no false alarms"),
    ],
)
def test_the_summary_says_which_way_a_learner_leans(path, false_alarms, misses, expected):
    store = ProgressStore(path)
    _attempt(store, "02-a", hits=1, misses=misses, false_alarms=false_alarms, score=0.5,
             correct=not (misses or false_alarms))
    last = str(store.summary_view("02")).splitlines()[-1]
    assert last.startswith(expected)


def test_summary_view_escapes_ids(path):
    store = ProgressStore(path)
    _attempt(store, "02-a<b")
    assert "02-a&lt;b" in store.summary_view().html


# --------------------------------------------------------------------------- export


def test_export_writes_a_file_to_hand_in(path, tmp_path, monkeypatch):
    monkeypatch.setenv(progress.FILE_ENV, str(path))
    store = progress.store()
    _attempt(store, "02-a", hits=0, misses=1, false_alarms=1, score=0.0, correct=False)
    _attempt(store, "02-a")
    _attempt(store, "03-b", lesson="03", hits=1, misses=1, score=0.5, correct=False)
    target = progress.export(tmp_path / "hand-in.json", learner="Sam")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == progress.EXPORT_FORMAT
    assert data["learner"] == "Sam"
    assert data["totals"] == {"exercises": 2, "done": 1, "attempts": 3}
    first = data["exercises"][0]
    assert (first["lesson"], first["id"]) == ("02", "02-a")
    assert (first["done"], first["score"]) == (True, 1.0)
    assert len(first["attempts"]) == 2 and all("time" in a for a in first["attempts"])
    assert data["exercises"][1]["misses"] == 1


def test_export_replaces_an_old_export_but_refuses_other_files(path, tmp_path):
    store = ProgressStore(path)
    _attempt(store)
    target = tmp_path / "answers.json"
    store.export(target)
    _attempt(store)
    store.export(target)  # a second export just updates the first
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["attempts"] == 2

    essay = tmp_path / "essay.txt"
    essay.write_text("my essay", encoding="utf-8")
    with pytest.raises(progress.ProgressError, match="not a medialit export"):
        store.export(essay)
    assert essay.read_text(encoding="utf-8") == "my essay"
    store.export(essay, overwrite=True)
    assert json.loads(essay.read_text(encoding="utf-8"))["format"] == progress.EXPORT_FORMAT

    with pytest.raises(progress.ProgressError, match="progress file itself"):
        store.export(path)
    assert store.export(tmp_path).name == "medialit-progress.json"
