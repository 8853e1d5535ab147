"""Serve both languages at http://127.0.0.1:8000 and rebuild, then reload the browser, on every change.

python -m scripts.serve [--port 8000]
"""

from __future__ import annotations

import argparse
import logging
import sys

from properdocs.livereload import LiveReloadServer

from guide.languages import languages
from guide.paths import ROOT
from scripts.build import BuildError, build_site

WATCHED = ("data", "docs", "guide", "macros", "overrides", "hooks", *(lang.config for lang in languages()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    site, url = ROOT / ".cache" / "serve", f"http://{args.host}:{args.port}/"

    def rebuild() -> None:
        try:
            build_site(site, url)
        except BuildError as exc:
            logging.error("%s", exc)
            raise

    rebuild()
    server = LiveReloadServer(builder=rebuild, host=args.host, port=args.port, root=str(site))
    for path in WATCHED:
        server.watch(str(ROOT / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
