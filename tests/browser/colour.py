"""Contrast between two CSS colours as Chromium computes them ("rgb(0, 105, 92)", "rgba(0, 0, 0, 0.87)"), by WCAG 2's
formula; a colour with alpha is laid over the colour under it first."""

from __future__ import annotations

import re

RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)")


def parse(colour: str) -> tuple[float, float, float, float]:
    found = RGB.fullmatch(colour.strip())
    if not found:
        raise ValueError(f"not an rgb() colour: {colour!r}")
    r, g, b, a = found.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def over(colour: str, under: str) -> tuple[float, float, float]:
    """``colour`` as seen on top of ``under`` (which must be opaque)."""
    r, g, b, a = parse(colour)
    ur, ug, ub, _ = parse(under)
    return r * a + ur * (1 - a), g * a + ug * (1 - a), b * a + ub * (1 - a)


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, under: str) -> float:
    """WCAG contrast ratio of ``colour`` against the opaque ``under``: 1 to 21."""
    a, b = luminance(over(colour, under)), luminance(over(under, under))
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)
