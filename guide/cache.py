"""Results kept between builds in ``.cache/``, each under a key made from everything it depends on.

Two languages build at once, so a result is written to a file of this process's own, then moved into place.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cached(folder: Path | None, name: str, inputs: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, or the JSON it gave before for the same ``inputs`` and the same code of the guide package
    (kept as ``folder/name-<key>.json``)."""
    if folder is None:
        return compute()
    key = hashlib.sha256(f"{code_version()}\n{inputs}".encode()).hexdigest()[:20]
    path = folder / f"{name}-{key}.json"
    if path.is_file():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # a damaged entry is computed again
    value = compute()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{path.name}.{os.getpid()}"
    tmp.write_text(json.dumps(value, separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)
    for old in folder.glob(f"{name}-*.json"):  # only the newest result of each kind is kept
        if old != path:
            old.unlink(missing_ok=True)
    return value


@functools.cache
def code_version() -> str:
    """A digest of the guide package's own code: a cached result made by other code is never used."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()
