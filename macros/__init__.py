"""mkdocs-macros entry point: registration only. The guide and its components live in the ``guide`` package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from guide import context as build_context
from guide.errors import DataError
from guide.language_site import MACROS


def define_env(env: Any) -> None:
    """Register one macro per component, drawing from the build that hooks/context.py started."""
    context = build_context.current(Path(env.conf.config_file_path))
    for name in MACROS:
        env.macro(_macro(env, context, name), name)


def _macro(env: Any, context: build_context.BuildContext, name: str) -> Callable[..., str]:
    method = getattr(context.site, name)

    def call(*args: Any, **kwargs: Any) -> str:
        if name == "flow" and args:
            context.record_flow(env.page.file.src_uri, args[0])
        if name == "checklist" and args:
            context.record_checklist(env.page.file.src_uri, args[0])
        try:
            return context.draw(name, *args, **kwargs)
        except DataError as exc:
            raise PluginError(f"{env.page.file.src_uri}: {exc}") from None

    call.__doc__ = method.__doc__
    return call
