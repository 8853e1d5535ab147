"""What a test run makes once and every pytest-xdist worker shares: the built site and its server, say.

``once(root, name, make)`` runs ``make`` in the first worker that asks, under a file lock in ``root`` (pytest's base
temporary folder, which the workers share), and writes down what it returned; the other workers wait on the lock,
then read it. A failure is written down too: every test that needs the thing fails with the same message, and
nothing is tried twice.

The site's server is a process of its own (``python -m tests.shared serve FOLDER OWNER``), so that it outlives the
worker that started it: it serves until the test run's main process (``OWNER``) is gone.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.paths import ROOT


class Failed(Exception):
    """What ``make`` raised, in the worker that ran it, as its message."""


def shared_root(base: Path) -> Path:
    """The folder the workers share: the parent of a worker's own base temporary folder (``…/pytest-N/popen-gw0``),
    or the base itself when pytest runs without workers."""
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def run_owner() -> int:
    """The process that lives as long as the test run: xdist's main process (a worker's parent), or this one."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


def once(root: Path, name: str, make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """What ``make`` returned (a JSON object) in whichever process ran it first; raises ``Failed`` with its error."""
    record = root / f"{name}.json"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed, or the process dies
        if not record.exists():
            try:
                made = {"value": make()}
            except Exception as exc:  # any failure: written down for every worker, then raised
                made = {"error": f"{type(exc).__name__}: {exc}"}
            record.write_text(json.dumps(made), encoding="utf-8")
    made = json.loads(record.read_text(encoding="utf-8"))
    if "error" in made:
        raise Failed(made["error"])
    return made["value"]


def start_server(folder: Path, owner: int) -> tuple[int, int]:
    """Serve ``folder`` (it may not exist yet) on a free loopback port, in a process that ends with ``owner``;
    returns the port and the process id."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.shared", "serve", str(folder), str(owner)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,  # never the worker's own pipes: xdist talks to its workers through them
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.stdout.close()
    if not line.strip().isdigit():
        raise RuntimeError(f"the test server did not start (it said {line!r})")
    return int(line), proc.pid


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def serve_until_gone(folder: Path, owner: int) -> None:
    """Print the port, then serve until ``owner`` has exited."""
    from scripts.loopback import serve

    httpd = serve(folder, 0)
    print(httpd.server_address[1], flush=True)
    sys.stdout.close()
    try:
        while _alive(owner):
            time.sleep(0.2)
    finally:
        httpd.shutdown()
        httpd.server_close()


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "serve":
        sys.exit("usage: python -m tests.shared serve FOLDER OWNER_PID")
    serve_until_gone(Path(sys.argv[2]), int(sys.argv[3]))
