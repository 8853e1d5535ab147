"""mkdocs-macros entry point: registration only. Loading, checking and rendering live in the modules beside it."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .data import DataError
from .site import Site

# The macros pages may call; each is a method of Site.
MACROS: tuple[str, ...] = ("flow", "helper", "tasks", "checklist", "sources")
# Not under "mkdocs": a stale guide is worth a warning, but must not fail a strict build.
LOG = logging.getLogger("panduan")


def define_env(env: Any) -> None:
    """Load and check the data once per build, then register one macro per component."""
    conf = env.conf
    try:
        site = Site.load(
            _data_path(env), conf["theme"]["language"], dt.date.today(), conf["site_url"], conf["repo_url"] or ""
        )
    except DataError as exc:
        raise PluginError(str(exc)) from None
    for flow in site.stale():
        LOG.warning("guide may be out of date: %s", flow)
    for name in MACROS:
        env.macro(getattr(site, name), name)


def _data_path(env: Any) -> Path:
    """``extra.guide_data`` from the config, relative to it; GUIDE_DATA (for tests) wins."""
    configured = os.environ.get("GUIDE_DATA") or env.conf["extra"]["guide_data"]
    return Path(env.project_dir) / configured
