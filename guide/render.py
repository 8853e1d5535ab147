"""Draw one language's views through Jinja templates: one template per component, no markup in Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from . import ids, paths
from .errors import DataError

# Component name -> template. An unknown name is an error that lists these.
COMPONENTS: dict[str, str] = {
    "flow": "flow.html",
    "tasks": "tasks.html",
    "checklist": "checklist.html",
    "chat-checklist": "chat-checklist.html",
    "sources": "sources.html",
    "helper": "helper.html",
}


def make_env(folder: Path = paths.TEMPLATES) -> jinja2.Environment:
    """Autoescaping, and an undefined name is an error rather than an empty string."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["ids"] = ids  # the element ids the templates give, from the table the rules check (guide/ids.py)
    return env


def render(env: jinja2.Environment, component: str, **context: Any) -> str:
    """One component's HTML, with blank lines removed so Markdown keeps it as one raw block."""
    if component not in COMPONENTS:
        raise DataError(f"unknown component '{component}' (known: {', '.join(sorted(COMPONENTS))})")
    html = env.get_template(COMPONENTS[component]).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
