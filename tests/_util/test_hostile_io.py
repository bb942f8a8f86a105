"""_util/io.py: the one atomic write, the OS lock and the checked read (issue 14)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from hostile_inputs import DEVICE

from medialit._util import io
from medialit.errors import FileRefusedError, LockTimeoutError


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, umask):
    """mkstemp alone makes 0600: a hand-in on a shared drive was unreadable to the teacher."""
    old = os.umask(umask)
    try:
        written = io.atomic_write_text(tmp_path / "hand-in.json", "{}")
    finally:
        os.umask(old)
    assert _mode(written) == 0o666 & ~umask


def test_an_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "shared.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    io.atomic_write_text(target, "new")
    assert (target.read_text(encoding="utf-8"), _mode(target)) == ("new", 0o640)


@pytest.mark.parametrize("stop", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch, stop):
    target = tmp_path / "f.json"
    target.write_text("old", encoding="utf-8")

    def fail(fd):
        raise stop

    monkeypatch.setattr(io.os, "fsync", fail)
    with pytest.raises(type(stop)):
        io.atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_text_that_cannot_be_encoded_changes_nothing(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        io.atomic_write_text(target, "lone \ud800")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_a_folder_is_not_written_over(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(IsADirectoryError):
        io.atomic_write_text(tmp_path / "out", "x")


def test_a_missing_folder_is_an_error_unless_asked_to_make_it(tmp_path):
    with pytest.raises(FileNotFoundError):
        io.atomic_write_text(tmp_path / "typo" / "f.txt", "x")
    assert io.atomic_write_text(tmp_path / "home" / "f.txt", "x", make_folder=True).exists()


def test_stale_temp_files_are_removed_by_age(tmp_path):
    target = tmp_path / "progress.json"
    old, new = tmp_path / ".progress.json.aaaa.tmp", tmp_path / ".progress.json.bbbb.tmp"
    other = tmp_path / ".other.json.cccc.tmp"
    for p in (old, new, other):
        p.write_text("half", encoding="utf-8")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))
    assert io.remove_stale_temp_files(target) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([new.name, other.name])
    assert io.remove_stale_temp_files(target, older_than=0) == 1
    assert [p.name for p in tmp_path.iterdir()] == [other.name]  # another file's: kept


_HOLD = textwrap.dedent(
    """
    import sys, time
    from medialit._util.io import file_lock
    with file_lock(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(60)
    """
)


def test_the_lock_of_a_killed_process_is_free_at_once(tmp_path):
    target = tmp_path / "progress.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    with pytest.raises(LockTimeoutError), io.file_lock(target, timeout=0.2):
        pass  # held by a live process: never taken over
    holder.kill()
    holder.wait(timeout=30)
    started = time.monotonic()
    with io.file_lock(target, timeout=5):
        pass
    assert time.monotonic() - started < 1.0


def test_lock_timeout_is_an_oserror():
    """Callers that keep answers in memory on OSError keep them on a busy lock too."""
    assert issubclass(LockTimeoutError, OSError)


def test_read_refuses_a_fifo_without_blocking(fifo):
    started = time.monotonic()
    with pytest.raises(FileRefusedError, match="pipe"):
        io.read_bytes_checked(fifo, limit=100)
    assert time.monotonic() - started < 2.0


@pytest.mark.skipif(not DEVICE.exists(), reason="no /dev/zero here")
def test_read_refuses_a_device():
    with pytest.raises(FileRefusedError, match="device"):
        io.read_bytes_checked(DEVICE, limit=100)


def test_read_refuses_a_large_file_by_its_size(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 3 GB on paper, nothing on disk
        fh.truncate(3 * 1024**3)
    with pytest.raises(FileRefusedError, match=r"3,072\.0 MB"):
        io.read_bytes_checked(big, limit=50 * 1024 * 1024)


def test_read_names_the_error_class_asked_for(tmp_path, fifo):
    class Mine(ValueError):
        pass

    with pytest.raises(Mine):
        io.read_bytes_checked(fifo, limit=10, error=Mine)
    with pytest.raises(IsADirectoryError):
        io.read_bytes_checked(tmp_path, limit=10)
    with pytest.raises(FileNotFoundError):
        io.read_bytes_checked(tmp_path / "missing", limit=10)
    (tmp_path / "ok.txt").write_bytes(b"12345")
    assert io.read_bytes_checked(tmp_path / "ok.txt", limit=5) == b"12345"
