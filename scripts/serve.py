"""Serve both languages at http://127.0.0.1:8000 and rebuild, then reload the browser, on every change.

python -m scripts.serve [--port 8000]
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import posixpath
import re
import socket
import sys
import time
from collections.abc import Iterable
from typing import Any

from properdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer

from guide.languages import languages
from guide.paths import ROOT
from scripts.build import BuildError, build_site

WATCHED = ("data", "docs", "guide", "macros", "overrides", "hooks", *(lang.config for lang in languages()))


# The live-reload script as a file of the served site: the pages' policy allows scripts from the site only
# ("script-src 'self'"), so the inline script the server would add was blocked and pages never reloaded. The published
# site is not touched: only the pages this server sends carry the tag.
RELOAD_JS = "/livereload.js"
RELOAD_QUERY = re.compile(r"epoch=([0-9]{1,20})&id=([0-9]{1,20})")


class SiteServer(LiveReloadServer):
    """The live-reload server, serving only files inside the site: a path with a NUL or another control character
    (``%00``) is not found (the server answered 500), and neither is a link that leads out of the site. Pages reload
    through a script file (``/livereload.js``), which the content security policy allows."""

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path == RELOAD_JS:
            found = RELOAD_QUERY.fullmatch(environ.get("QUERY_STRING", ""))
            if not found:
                return None  # 404
            script = _SCRIPT_TEMPLATE.substitute(epoch=found[1], request_id=found[2]).encode()
            start_response("200 OK", [("Content-Type", "text/javascript"), ("Cache-Control", "no-store")])
            return [script]
        if path.startswith("/livereload/") or self.inside(path):
            return super()._serve_request(environ, start_response)
        return None  # 404

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        tag = f'<script src="{RELOAD_JS}?epoch={int(epoch)}&amp;id={time.monotonic_ns()}"></script>'.encode()
        return content[:end] + tag + content[end:]

    def inside(self, path: str) -> bool:
        """Whether ``path`` names a file of the site, once links are followed (a missing file is inside: 404)."""
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in path):
            return False
        rel = posixpath.normpath("/" + path + ("index.html" if path.endswith("/") else "")).lstrip("/")
        root = os.path.realpath(self.root)
        real = os.path.realpath(os.path.join(root, rel))
        return real == root or real.startswith(root + os.sep)


def port_taken(host: str, port: int) -> bool:
    """Whether another program listens on ``host:port`` (as the live-reload server binds: reusing a closed one)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def busy(host: str, port: int) -> str:
    """The one line that says the port is taken, and the command that serves on a free one."""
    free = next((p for p in range(port + 1, port + 50) if not port_taken(host, p)), port + 1)
    return f"Port {port} is in use (another `make serve`?): serve on another with `make serve PORT={free}`"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if port_taken(args.host, args.port):  # before the build, which takes a while
        print(busy(args.host, args.port), file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    site, url = ROOT / ".cache" / "serve", f"http://{args.host}:{args.port}/"

    def rebuild() -> None:
        try:
            build_site(site, url, progress=logging.info)
        except BuildError as exc:
            raise SystemExit(str(exc)) from None  # the server prints it, without a traceback, and keeps watching

    try:
        rebuild()
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 1
    server = SiteServer(builder=rebuild, host=args.host, port=args.port, root=str(site))
    for path in WATCHED:
        server.watch(str(ROOT / path))
    try:
        server.serve()
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(busy(args.host, args.port), file=sys.stderr)  # taken while the site was building
        return 1
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
