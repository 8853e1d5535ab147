"""Small PNGs of text drawn in Chromium: a screenshot reduced, in the page, to a few shades between a background
and an ink colour, then written as a 4-bit palette PNG (no image library needed). Text needs no more: it is a
fraction of the bytes of a full-colour screenshot. Used by the link-preview cards (scripts/og_card.py) and the
checklist's chat image (guide/chat_image.py)."""

from __future__ import annotations

import base64
import struct
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

Colour = tuple[int, int, int]
SHADES = 16  # 4 bits a pixel

# In the page: the screenshot, drawn on a canvas, as one 4-bit shade a pixel (0: background .. 15: ink),
# packed two a byte, rows of PNG scanlines with filter 0, base64.
SHADE_JS = """async ([png, bg, ink, shades]) => {
  const img = new Image();
  img.src = "data:image/png;base64," + png;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
  const span = [0, 1, 2].map((c) => ink[c] - bg[c]);
  const norm = span.reduce((s, v) => s + v * v, 0);
  const stride = 1 + Math.ceil(width / 2);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      let t = 0;
      for (let c = 0; c < 3; c++) t += (data[i + c] - bg[c]) * span[c];
      const level = Math.max(0, Math.min(shades - 1, Math.round((t / norm) * (shades - 1))));
      out[y * stride + 1 + (x >> 1)] |= x & 1 ? level : level << 4;
    }
  }
  let text = "";
  for (let i = 0; i < out.length; i += 8192) text += String.fromCharCode(...out.subarray(i, i + 8192));
  return btoa(text);
}"""


def palette_png(width: int, height: int, scanlines: bytes, background: Colour, ink: Colour) -> bytes:
    """A 4-bit palette PNG from packed scanlines: ``SHADES`` shades from the background to the ink."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    palette = b"".join(
        bytes(round(b + (i - b) * k / (SHADES - 1)) for b, i in zip(background, ink, strict=True))
        for k in range(SHADES)
    )
    header = struct.pack(">IIBBBBB", width, height, 4, 3, 0, 0, 0)  # colour type 3: palette
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", palette)
        + chunk(b"IDAT", zlib.compress(scanlines, 9))
        + chunk(b"IEND", b"")
    )


def shaded_screenshot(page: Page, background: Colour, ink: Colour) -> bytes:
    """What the page shows (its viewport) as a 4-bit palette PNG between ``background`` and ``ink``."""
    shot = page.screenshot()
    width, height = struct.unpack(">II", shot[16:24])  # the screenshot's IHDR
    packed = page.evaluate(SHADE_JS, [base64.b64encode(shot).decode(), list(background), list(ink), SHADES])
    return palette_png(width, height, base64.b64decode(packed), background, ink)
