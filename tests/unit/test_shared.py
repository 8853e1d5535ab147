"""What a test run makes once (tests/shared.py): made by one worker only, a failure told to all, and the site's
server gone with the run."""

from __future__ import annotations

import os
import subprocess
import threading
import urllib.request
from pathlib import Path

import pytest

from .. import shared


def test_what_many_workers_ask_for_at_once_is_made_once(tmp_path: Path) -> None:
    made, got = [], []

    def make() -> dict:
        made.append(1)
        return {"url": "http://127.0.0.1:1/"}

    workers = [threading.Thread(target=lambda: got.append(shared.once(tmp_path, "thing", make))) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert made == [1] and got == [{"url": "http://127.0.0.1:1/"}] * 4


def test_a_failure_is_told_to_every_worker_and_not_tried_again(tmp_path: Path) -> None:
    tries = []

    def make() -> dict:
        tries.append(1)
        raise RuntimeError("mkdocs.yml failed to build")

    for _ in range(2):
        with pytest.raises(shared.Failed, match=r"RuntimeError: mkdocs\.yml failed to build"):
            shared.once(tmp_path, "site", make)
    assert tries == [1]


def test_the_server_serves_the_folder_and_ends_with_the_run(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    run = subprocess.Popen(["sleep", "600"])  # stands for the test run's main process
    port, pid = shared.start_server(tmp_path, run.pid)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html") as response:
        assert response.read() == b"<p>hi</p>"
    run.kill()
    run.wait()
    assert os.waitpid(pid, 0)[0] == pid, "the server ends once the run has ended"
