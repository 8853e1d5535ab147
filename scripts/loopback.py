"""Serve a built site on loopback and find Chromium: shared by the tests, benchmarks and scripts."""

from __future__ import annotations

import functools
import gzip
import http.server
import socket
import threading
from pathlib import Path

from guide.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (the scripts, tests and benchmarks import them from here)

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like a real static host: keep-alive, and gzip for text when the browser asks for it."""

    protocol_version = "HTTP/1.1"
    cache_seconds = 0  # with a value, responses may be cached that long (GitHub Pages: 600)
    sent: list[tuple[str, int]] | None = None  # with a list, each response's path and body bytes are added to it

    def end_headers(self) -> None:
        if self.cache_seconds:
            self.send_header("Cache-Control", f"max-age={self.cache_seconds}")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            if self.sent is not None:
                self.sent.append((self.path, path.stat().st_size if path.is_file() else 0))
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        if self.sent is not None:
            self.sent.append((self.path, len(body)))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(
    folder: Path, port: int, cache_seconds: int = 0, sent: list[tuple[str, int]] | None = None
) -> http.server.ThreadingHTTPServer:
    """A static server for ``folder`` at http://127.0.0.1:<port>/, in a background thread; with
    ``cache_seconds``, it lets the browser cache each file that long, as a real host does. With ``sent``, each
    response's path and body bytes (gzip when sent so) are added to that list: what really went over the network."""
    handler_class = type("Handler", (_QuietHandler,), {"cache_seconds": cache_seconds, "sent": sent})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
