"""Every file medialit writes or reads on a user's behalf goes through here.

* :func:`atomic_write_text` / :func:`atomic_write_bytes`: the one atomic write. The new
  content goes to a temporary file in the same folder (``os.replace`` is atomic only
  within one file system), is fsync-ed, replaces the target, and the folder is fsync-ed
  so the rename itself survives a power cut. On any failure (an error, a full disk,
  Ctrl-C) the temporary file is removed and the old file is left as it was. The new
  file gets the mode a normally created file would (the umask applies; an existing
  file keeps its mode), so a hand-in on a shared drive stays readable by the teacher:
  ``tempfile.mkstemp`` alone would leave it ``0600``.
* :func:`file_lock`: an OS-level lock (the ``filelock`` package: ``fcntl.flock`` on
  POSIX, ``msvcrt.locking`` on Windows). The operating system releases it when the
  process that holds it dies, so a crashed kernel never leaves a lock that someone
  has to take over by age (taking over by age could steal a live lock and lose
  answers, and stalled the first save after every crash).
* :func:`remove_stale_temp_files`: temporary files left by a process killed between
  creating and renaming one.
* :func:`read_bytes_checked`: refuses what is not a regular file (a FIFO would hang,
  ``/dev/zero`` never ends) and anything larger than a limit, before reading a byte.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import FileRefusedError, LockTimeoutError

TEMP_SUFFIX = ".tmp"
LOCK_SUFFIX = ".lock"
LOCK_TIMEOUT_SECONDS = 10.0
"""How long a save waits for another process's save (saves take milliseconds)."""

MiB = 1024 * 1024


# --------------------------------------------------------------------------- writing


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Temporary files an atomic write of ``path`` creates (and a killed one leaves)."""
    target = Path(path)
    prefix = _temp_prefix(target)
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return [
        target.parent / n for n in names if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)
    ]


def remove_stale_temp_files(path: str | os.PathLike[str], *, older_than: float = 3600.0) -> int:
    """Remove temporary files of ``path`` older than ``older_than`` seconds; return how many.

    A write takes milliseconds, so a temporary file an hour old was left by a process
    killed mid-write. Under :func:`file_lock` of ``path`` no one else is writing it, and
    ``older_than=0`` removes every leftover.
    """
    removed = 0
    now = time.time()
    for temp in temp_files(path):
        try:
            if now - temp.lstat().st_mtime >= older_than:
                temp.unlink()
                removed += 1
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def _new_file_mode(target: Path) -> int:
    """The mode a plain ``open(target, "w")`` would leave: the old file's, else 0o666 - umask."""
    try:
        info = os.stat(target)
    except OSError:
        return -1  # let os.open apply the umask
    return stat.S_IMODE(info.st_mode)


def _open_temp(target: Path) -> tuple[int, Path]:
    """Create a fresh temporary file beside ``target``; the umask applies to its mode."""
    for _ in range(100):
        temp = target.parent / f"{_temp_prefix(target)}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file beside {str(target)!r}")


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(
    path: str | os.PathLike[str], data: bytes, *, make_folder: bool = False
) -> Path:
    """Replace ``path`` with ``data`` so that it is either the old file or the new one.

    ``make_folder=True`` creates missing folders (a progress file's home); by default
    a missing folder is an error, since it is usually a typo. Raises
    ``IsADirectoryError`` when ``path`` is a folder and any other ``OSError`` of the
    write; the old file is then untouched and no temporary file is left.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(21, "it is a folder, not a file", str(target))
    if make_folder:
        target.parent.mkdir(parents=True, exist_ok=True)
    mode = _new_file_mode(target)
    fd, temp = _open_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode >= 0 and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(target.parent)
    return target


def atomic_write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    newline: str = "\n",
    make_folder: bool = False,
) -> Path:
    """:func:`atomic_write_bytes` for text; ``"\\n"`` line ends become ``newline``.

    The text is encoded before anything is touched, so text that cannot be encoded
    (a lone surrogate) raises ``UnicodeEncodeError`` and leaves the old file whole.
    """
    if newline != "\n":
        text = text.replace("\n", newline)
    return atomic_write_bytes(path, text.encode(encoding), make_folder=make_folder)


# --------------------------------------------------------------------------- locking


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file that guards ``path``: ``<path>.lock`` beside it."""
    target = Path(path)
    return target.with_name(target.name + LOCK_SUFFIX)


@contextlib.contextmanager
def file_lock(path: str | os.PathLike[str], *, timeout: float | None = None) -> Iterator[None]:
    """Hold the OS lock of ``path`` while the body runs (two processes never write at once).

    The lock file itself stays on disk; the lock is what the operating system holds on
    it, and it is released when the body ends or the process dies. A lock still held
    after ``timeout`` seconds (default :data:`LOCK_TIMEOUT_SECONDS`) raises
    :class:`medialit.errors.LockTimeoutError` (an ``OSError``): the caller keeps its
    data and tries again later; the lock is never taken away from its holder.
    """
    from filelock import FileLock, Timeout

    lock_file = lock_path(path)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    wait = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    # thread_local=False: a Check button's callback may run on another thread than
    # the cell that made the store; one lock object per call is enough.
    lock = FileLock(str(lock_file), timeout=wait, thread_local=False, is_singleton=False)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LockTimeoutError(
            f"another program has held {str(lock_file)!r} for over {wait:g} seconds"
        ) from exc
    try:
        yield
    finally:
        lock.release()


# --------------------------------------------------------------------------- reading


def read_bytes_checked(
    path: str | os.PathLike[str],
    *,
    limit: int,
    what: str = "file",
    error: Callable[[str], Exception] = FileRefusedError,
) -> bytes:
    """Read a regular file of at most ``limit`` bytes; refuse anything else before reading.

    A FIFO would block forever, a device such as ``/dev/zero`` never ends, and a
    3 GB file should be refused by its size, not after it fills the memory. The file
    is opened without blocking and checked with ``fstat`` (so it cannot be swapped
    between the check and the read). ``error`` builds the exception raised, with a
    message that names the file; ``FileNotFoundError`` and other ``OSError``s of the
    open itself are raised as they are, so callers keep their own wording for them.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "it is a folder, not a file", name)
        if not stat.S_ISREG(info.st_mode):
            raise error(
                f"{name!r} is a {_kind_of(info.st_mode)}, not a saved file, so medialit does "
                f"not read it. Give the path to the {what} saved as a file."
            )
        if info.st_size > limit:
            raise error(too_large_message(name, info.st_size, limit, what))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we looked
        raise error(too_large_message(name, len(data), limit, what))
    return data


def too_large_message(name: str, size: int, limit: int, what: str) -> str:
    """'x is 3,000.0 MB, but the largest article medialit reads is 50 MB ...'"""
    return (
        f"{name!r} is {size / MiB:,.1f} MB, but the largest {what} medialit reads is "
        f"{limit / MiB:,.0f} MB. Is it the right file?"
    )


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


__all__ = [
    "LOCK_TIMEOUT_SECONDS",
    "atomic_write_bytes",
    "atomic_write_text",
    "file_lock",
    "fsync_folder",
    "lock_path",
    "read_bytes_checked",
    "remove_stale_temp_files",
    "temp_files",
    "too_large_message",
]
