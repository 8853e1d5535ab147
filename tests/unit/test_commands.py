"""The commands a newcomer runs first say what they need to: the real port in `make help`, a busy port in one line."""

from __future__ import annotations

import socket
import subprocess
import sys

from guide import paths


def test_make_help_shows_the_port_it_will_serve_on() -> None:
    done = subprocess.run(["make", "help", "PORT=8123"], cwd=paths.ROOT, capture_output=True, text=True, check=True)
    serve = next(line for line in done.stdout.splitlines() if line.split()[:2] == ["make", "serve"])
    assert "http://127.0.0.1:8123" in serve and "$(PORT)" not in done.stdout


def test_serve_on_a_busy_port_says_so_in_one_line_before_building() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "scripts.serve", "--port", str(port)],
            cwd=paths.ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"Port {port} is in use") and "make serve PORT=" in line
