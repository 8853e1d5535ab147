"""Post-build step: a strict content security policy on every page, and the same policy for hosts that read one.

Pages carry it in ``<meta http-equiv="Content-Security-Policy">`` because GitHub Pages cannot send headers;
``_headers`` gives it to hosts that read that file (Netlify, Cloudflare Pages), with what only a header can say.
Scripts and styles come from the site's own files. The project's own scripts are all files (assets/), so the
policy lists no script hash: an inline ``<script>`` on a page can only have come from its content, and it stops
the build, so content can never widen the policy. An inline ``<style>`` is allowed by the hash of its text; an
inline event handler or ``style`` attribute cannot be allowed without 'unsafe-inline', so it stops the build.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from ..errors import DataError

PLACEHOLDER = "guide-csp-placeholder"
# A data block (JSON-LD) is not run, so the policy does not govern it: it needs no hash.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/ld\+json\")[^>]*>(.*?)</script>", re.S | re.I
)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
FORBIDDEN = re.compile(r"<[a-z][^>]*\s(on[a-z]+|style)\s*=", re.I)
BASE = {
    "default-src": "'none'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self'",  # sw.js, the service worker of reading offline
    "base-uri": "'none'",
    "form-action": "'none'",
}
HEADER_ONLY = "frame-ancestors 'none'"  # a <meta> policy cannot say this


def policy(scripts: list[str], styles: list[str]) -> str:
    """The policy for a page with these inline scripts and styles (their texts)."""
    directives = dict(BASE)
    directives["script-src"] = " ".join(["'self'", *(_hash(s) for s in sorted(set(scripts)))])
    directives["style-src"] = " ".join(["'self'", *(_hash(s) for s in sorted(set(styles)))])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def apply_csp(site: Path) -> None:
    """Fill in every page's policy, and write ``_headers`` with the policy of every page together."""
    styles: list[str] = []
    for page in sorted(site.rglob("*.html")):
        shown = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        if PLACEHOLDER not in html:
            raise DataError(f"{shown}: has no content security policy placeholder (overrides/main.html sets it)")
        if bad := FORBIDDEN.search(html):
            raise DataError(
                f"{shown}: has an inline {bad.group(1)} attribute, which the content security policy forbids"
            )
        if INLINE_SCRIPT.search(html):
            raise DataError(
                f"{shown}: has an inline <script>, which the content security policy does not allow: the site's "
                "scripts are files (assets/), and no page's content may add one"
            )
        own_styles = INLINE_STYLE.findall(html)
        styles += own_styles
        page.write_text(html.replace(PLACEHOLDER, policy([], own_styles), 1), encoding="utf-8")
    headers = f"/*\n  Content-Security-Policy: {policy([], styles)}; {HEADER_ONLY}\n  X-Content-Type-Options: nosniff\n"
    (site / "_headers").write_text(headers, encoding="utf-8")


HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")


def merge_headers(site: Path) -> None:
    """One ``_headers`` at the site's root for every language: the policy that allows every page's inline code."""
    files = sorted(site.rglob("_headers"))
    scripts: set[str] = set()
    styles: set[str] = set()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "Content-Security-Policy:" in line:
                for directive in line.split(":", 1)[1].split(";"):
                    name, _, value = directive.strip().partition(" ")
                    target = scripts if name == "script-src" else styles if name == "style-src" else None
                    if target is not None:
                        target.update(HASH.findall(value))
        if path.parent != site:
            path.unlink()
    union = policy([], [])
    union = union.replace("script-src 'self'", " ".join(["script-src 'self'", *sorted(scripts)]))
    union = union.replace("style-src 'self'", " ".join(["style-src 'self'", *sorted(styles)]))
    text = f"/*\n  Content-Security-Policy: {union}; {HEADER_ONLY}\n  X-Content-Type-Options: nosniff\n"
    (site / "_headers").write_text(text, encoding="utf-8")
