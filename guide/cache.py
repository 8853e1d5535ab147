"""Results kept between builds in ``.cache/``, each under a key made from everything it depends on.

Two languages build at once, so a result is written to a file of this process's own, then moved into place.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2


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
    try:
        text = json.dumps(value, separators=(",", ":"))
    except (TypeError, ValueError):
        return value  # a value JSON cannot hold is computed again next time
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{path.name}.{os.getpid()}"
    tmp.write_text(text, encoding="utf-8")
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


def template_cache(folder: Path | None, env: jinja2.Environment) -> jinja2.Environment:
    """Give ``env`` a store of compiled templates in ``folder``, so a rebuild does not compile them again.

    Jinja checks each template's source against what it compiled, so an edited template is compiled anew. The
    compiled code also depends on the environment's options and on Jinja itself: those make the subfolder, and
    the subfolders of other options are removed.
    """
    if folder is None:
        return env
    place = folder / hashlib.sha256(_compile_options(env).encode()).hexdigest()[:20]
    place.mkdir(parents=True, exist_ok=True)
    for other in folder.iterdir():
        if other != place and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(place))
    return env


def _compile_options(env: jinja2.Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to."""

    def name(value: object) -> str:
        return getattr(value, "__qualname__", None) or repr(value)

    options = [
        jinja2.__version__,
        sys.version,
        *(getattr(env, option) for option in _SYNTAX),
        name(env.autoescape),
        name(env.finalize),
        name(env.undefined),
        *sorted(env.extensions),
    ]
    return "\n".join(map(str, options))


_SYNTAX = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)
