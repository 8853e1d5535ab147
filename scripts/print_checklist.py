"""Print the cancellation checklist in both languages as Chromium does, to PDF and to a PNG of the page.

python -m scripts.print_checklist [--out docs/assets] [--paper A4] [--dpi 75] [--keep-pdf]

Builds a fresh site, prints /cancel-checklist.html and /en/cancel-checklist.html with page.pdf (no
margins passed: the stylesheet's @page margins apply, as in the browser's print dialog), then renders
each PDF with poppler's pdftoppm into <out>/checklist-print-<lang>.png: 16 greys, as on a home printer, and
small enough to commit (about 65 KB at the default 90 dpi).
Fails if a language prints on more than one page. The address printed on the sheet comes from
SITE_URL (or --site-url), as in `make build`.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from guide.languages import languages
from guide.paths import ROOT
from scripts.build import build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets")
    parser.add_argument("--paper", default="A4", help="A4 or Letter")
    parser.add_argument("--dpi", type=int, default=90, help="resolution of the PNG")
    parser.add_argument("--site-url", help="the site's public address (default: SITE_URL, else mkdocs.yml)")
    parser.add_argument("--keep-pdf", action="store_true", help="also write checklist-print-<lang>.pdf to --out")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site, args.site_url)
        httpd = serve(site, port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                for lang, prefix in ((language.code, language.prefix) for language in languages()):
                    pdf = Path(tmp) / f"checklist-print-{lang}.pdf"
                    page = browser.new_page()
                    page.goto(f"http://127.0.0.1:{port}/{prefix}cancel-checklist.html")
                    page.wait_for_load_state("networkidle")
                    page.pdf(path=str(pdf), format=args.paper, prefer_css_page_size=False)
                    page.close()
                    pages = len(PdfReader(pdf).pages)
                    png = args.out / f"checklist-print-{lang}.png"
                    write_png(png, *render_gray(pdf, args.dpi))
                    if args.keep_pdf:
                        shutil.copy(pdf, args.out / pdf.name)
                    print(f"{lang}: {pages} page(s) on {args.paper}; wrote {png} ({png.stat().st_size // 1024} KB)")
                    failed |= pages != 1
                browser.close()
        finally:
            httpd.shutdown()
    if failed:
        print("The checklist must print on exactly one page.", file=sys.stderr)
    return 1 if failed else 0


def render_gray(pdf: Path, dpi: int) -> tuple[int, int, bytes]:
    """The first page as 8-bit grey pixels: pdftoppm's binary PGM is a short header, then one byte a pixel."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", str(pdf), str(stem)], check=True)
        magic, width, height, top, pixels = stem.with_suffix(".pgm").read_bytes().split(maxsplit=4)
    if magic != b"P5" or top != b"255":
        raise ValueError(f"unexpected image from pdftoppm: {magic!r} {top!r}")
    return int(width), int(height), pixels


def write_png(path: Path, width: int, height: int, pixels: bytes, bits: int = 4) -> None:
    """A greyscale PNG with 2**bits levels (no image library needed): plenty for text, a third of the bytes."""
    top, per = (1 << bits) - 1, 8 // bits
    rows = []
    for y in range(height):
        levels = [round(p * top / 255) for p in pixels[y * width : (y + 1) * width]] + [0] * (-width % per)
        packed = bytes(
            sum(levels[i + k] << (8 - bits * (k + 1)) for k in range(per)) for i in range(0, len(levels), per)
        )
        rows.append(b"\x00" + packed)  # filter type 0 (none) for every row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, bits, 0, 0, 0, 0)  # colour type 0: grey
    body = zlib.compress(b"".join(rows), 9)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))


if __name__ == "__main__":
    sys.exit(main())
