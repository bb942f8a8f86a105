"""Start a real JupyterLab server for the browser tests, and always stop it again.

The server runs from the project's own Python (``sys.executable -m jupyter lab``),
listens on 127.0.0.1 only, on a free port, behind a random token. Everything it
writes goes to one temporary folder:

- ``notebooks/``: a copy of the repository's ``notebooks/`` with the stored
  outputs removed, so whatever the browser shows was made by this run, and the
  repository's notebooks are never touched;
- Jupyter's config, data, runtime, settings and workspace folders, and
  ``IPYTHONDIR``, so the user's own Jupyter and IPython setup neither leaks in
  nor gets written to;
- ``home/``: ``MEDIALIT_HOME``, where the lessons save a learner's progress.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

STARTUP_TIMEOUT = 60.0
"""Seconds to wait for ``/api/status``; a cold start on a slow 2-core machine takes ~5 s."""

STOP_TIMEOUT = 15.0
"""Seconds the server gets to shut its kernels down after SIGTERM before it is killed."""

LAB_SETTINGS: dict[str, dict[str, object]] = {
    # No news or update pop-ups: they cover the notebook in screenshots and
    # would make the server fetch from the internet.
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
"""JupyterLab user settings written into the temporary settings folder."""

LAB_OPTIONS: tuple[str, ...] = (
    "--no-browser",
    "--ip=127.0.0.1",
    "--ServerApp.port_retries=0",
    # CI containers run as root; the flag changes nothing for other users.
    "--allow-root",
    # Nothing from the internet: no extension manager (PyPI), news or update checks.
    "--LabApp.extension_manager=readonly",
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    # A safety net only: if pytest itself is killed before its finalizer runs,
    # idle kernels are culled and the server then stops by itself.
    "--MappingKernelManager.cull_idle_timeout=600",
    "--MappingKernelManager.cull_interval=60",
    "--ServerApp.shutdown_no_activity_timeout=900",
)
"""Command-line options of ``jupyter lab`` besides the port, token and root folder."""


@dataclass
class LabServer:
    """A running JupyterLab server started by :func:`start_lab`."""

    process: subprocess.Popen[bytes]
    port: int
    token: str
    root_dir: Path
    home: Path
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def lab_url(self, notebook: str, *, workspace: str) -> str:
        """The address that opens ``notebook`` in a fresh, named JupyterLab workspace.

        One workspace per notebook, reset on opening: otherwise JupyterLab would
        reopen the previous test's notebook too (and start its kernel again).
        """
        return (
            f"{self.base_url}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={self.token}"
        )

    def api(self, path: str, *, method: str = "GET", timeout: float = 10.0) -> object:
        """Call the server's REST API and return the decoded JSON (None when empty)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the server printed, for failure messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def shut_down_sessions(self) -> None:
        """End every notebook session and its kernel, so the next test starts clean."""
        for session in self.api("/api/sessions"):  # type: ignore[union-attr]
            self.api(f"/api/sessions/{session['id']}", method="DELETE")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def strip_outputs(notebook: Path) -> None:
    """Remove the stored outputs and execution counts of one notebook file, in place.

    The browser must show what *this* run produced; stale outputs from the
    repository copy would hide a lesson that no longer runs.
    """
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def copy_notebooks(source: Path, target: Path, *, keep_outputs: bool = False) -> Path:
    """Copy a lessons folder (with any files the lessons read); strip outputs unless kept.

    A copy that keeps its stored outputs is what a learner or teacher sees on
    opening a lesson before running anything: the server has never seen it, so
    JupyterLab does not trust it and shows its HTML outputs sanitized.
    """
    shutil.copytree(
        source, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    if not keep_outputs:
        for notebook in target.glob("*.ipynb"):
            strip_outputs(notebook)
    return target


def learner_copies(source: Path, target: Path) -> Path:
    """The learner's copies of the lessons, as ``make lab`` makes them (``medialit release``):
    no model answers, no outputs, no "Show answer"."""
    done = subprocess.run(
        [sys.executable, "-m", "medialit", "release", "--from", str(source), "--out", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"medialit release failed:\n{done.stdout}\n{done.stderr}")
    return target


FIRST_SIGHT = "first-sight"
"""Folder (inside the server's root) of lesson copies that keep their stored outputs."""


def write_lab_settings(settings_dir: Path) -> None:
    """Write :data:`LAB_SETTINGS` the way JupyterLab stores user settings."""
    for plugin, values in LAB_SETTINGS.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def lab_environment(base: Path, home: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """The server's environment: the current one with every Jupyter folder moved to ``base``.

    ``JUPYTER_DATA_DIR`` only replaces the *user* data folder; the kernel spec
    and JupyterLab's extensions (ipywidgets) live in the venv (``sys.prefix``)
    and are still found there.
    """
    env = dict(environ)
    folders = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTERLAB_SETTINGS_DIR": "settings",
        "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
        "IPYTHONDIR": "ipython",
    }
    for name, folder in folders.items():
        path = base / folder
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["MEDIALIT_HOME"] = str(home)
    # MEDIALIT_PROGRESS would win over MEDIALIT_HOME and send answers to a real file.
    env.pop("MEDIALIT_PROGRESS", None)
    # `make test` sets MPLBACKEND=Agg for nbval; in the browser, charts must use
    # the notebook's inline backend, or a learner would see no picture at all.
    env.pop("MPLBACKEND", None)
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_TOKEN", None)
    return env


def start_lab(notebooks: Path, base: Path, *, first_sight: Path | None = None) -> LabServer:
    """Start ``jupyter lab`` on a copy of ``notebooks`` and wait until it answers.

    ``first_sight`` (a lessons folder with stored outputs) is copied, outputs
    and all, into the :data:`FIRST_SIGHT` folder of the server's root.

    Raises RuntimeError (with the server's log) when it does not come up in
    :data:`STARTUP_TIMEOUT` seconds; the half-started server is stopped first.
    """
    root_dir = copy_notebooks(notebooks, base / "notebooks")
    if first_sight is not None:
        copy_notebooks(first_sight, root_dir / FIRST_SIGHT, keep_outputs=True)
    home = base / "home"
    home.mkdir()
    env = lab_environment(base, home, os.environ)
    write_lab_settings(Path(env["JUPYTERLAB_SETTINGS_DIR"]))
    port = free_port()
    token = secrets.token_hex(24)
    log_path = base / "jupyter-lab.log"
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        *LAB_OPTIONS,
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
    ]
    with log_path.open("wb") as log:
        # A session of its own, so stop_lab() can signal the whole group.
        process = subprocess.Popen(
            command,
            env=env,
            cwd=base,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = LabServer(process, port, token, root_dir, home, log_path)
    try:
        wait_until_up(server)
    except BaseException:
        stop_lab(server)
        raise
    return server


def wait_until_up(server: LabServer, *, timeout: float = STARTUP_TIMEOUT) -> None:
    """Poll ``/api/status`` (with the token) until the server answers."""
    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"jupyter lab exited with code {server.process.returncode} while starting:\n"
                f"{server.log_tail()}"
            )
        try:
            server.api("/api/status", timeout=2.0)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"jupyter lab did not answer on {server.base_url}/api/status within "
                f"{timeout:.0f} s:\n{server.log_tail()}"
            )
        time.sleep(0.25)


def _stat(pid: int | str) -> tuple[int, int] | None:
    """``(parent pid, start time)`` of a process from /proc, or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), int(fields[19])


def descendants(pid: int) -> list[tuple[int, int]]:
    """``(pid, start time)`` of every process below ``pid`` (kernels and their children).

    The start time lets :func:`stop_lab` tell a leftover kernel from an unrelated
    process that got the same id later.
    """
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        stat = _stat(entry.name)
        if stat is not None:
            children.setdefault(stat[0], []).append((int(entry.name), stat[1]))
    found: list[tuple[int, int]] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


def stop_lab(server: LabServer) -> None:
    """Stop the server and every kernel it started, whatever state they are in.

    SIGTERM first: the server then shuts its kernels down itself. Kernels run
    in sessions of their own (jupyter_client starts them so), so killing the
    server's process group alone would leave them running; they are found
    through /proc beforehand and killed by id if they outlive the server.
    """
    process = server.process
    kernels = descendants(process.pid) if Path("/proc/self/stat").exists() else []
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_TIMEOUT)
        except ProcessLookupError:
            process.wait(timeout=STOP_TIMEOUT)  # it ended on its own just now
    for pid, started in kernels:
        stat = _stat(pid)
        if stat is not None and stat[1] == started:
            with contextlib.suppress(ProcessLookupError):  # it may end just now
                os.kill(pid, signal.SIGKILL)
