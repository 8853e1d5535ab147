"""Links the site may publish, read as a browser reads them.

A browser parses a URL by the WHATWG rules, which differ from Python's ``urlsplit``: it turns ``\\`` into
``/``, drops tabs and newlines, and takes ``user:pass@`` as credentials. ``https://evil.example\\@github.com/x``
passes ``urlsplit`` as github.com, but a browser goes to evil.example. So a link is accepted only in a plain
form where every parser agrees: ``https://`` then an allowed host, no credentials, no port, and then only the
characters URLs are written with.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import quote, urlencode

from .errors import DataError

# host, then an optional path/query/fragment of the characters RFC 3986 allows (and % escapes)
PLAIN = re.compile(r"https://(?P<host>[a-z0-9.-]+)(?P<rest>[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?")


def url_problem(url: str, allowed: Collection[str]) -> str | None:
    """What is wrong with a link to publish, or None when it is a plain https link to an allowed host."""
    if not url.startswith("https://"):
        return f"is not an https URL: '{url}'"
    match = PLAIN.fullmatch(url)
    if match is None:
        authority = re.split(r"[/?#]", url[len("https://") :], maxsplit=1)[0]
        if "@" in authority or "\\" in authority:
            return f"has credentials or a backslash before its host, which a browser reads differently: '{url}'"
        if ":" in authority:
            return f"names a port: link to the host itself: '{url}'"
        return f"has a character a link cannot hold as written (spaces, backslashes, non-ASCII): '{url}'"
    host = match["host"]
    if host not in allowed:
        return f"links to '{host}', which is not in allowed_hosts"
    return None


# One label of a host name: letters, digits and inner hyphens, at most 63 characters.
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
# A public host: two labels or more, the last of letters (so no bare IP address and no dotless intranet name).
PUBLIC_HOST = re.compile(rf"(?:{LABEL}\.)+[a-z]{{2,63}}")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
SEGMENT = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*|[A-Za-z0-9._~-]*[A-Za-z0-9_~-]")  # not "." nor ".."
ADDRESS = re.compile(
    r"(?P<scheme>[a-z]+)://(?P<host>[^/:?#]*)(?::(?P<port>[^/?#]*))?(?P<path>[^?#]*)(?P<rest>.*)", re.S
)
MAX_URL = 200


def site_url_problem(url: str) -> str | None:
    """What is wrong with the site's own address (SITE_URL), read as a browser reads it: https and a public host
    (or http on this machine, for a local build), a port in range if any, and a path of plain segments that ends in
    a slash, with no empty segment (``//host`` would make the pages' own files load from another host), no ``.``
    or ``..``, no escapes, query or fragment."""
    shape = "(https://host/path/, or http://127.0.0.1:port/ for a local build)"
    found = ADDRESS.fullmatch(url) if len(url) <= MAX_URL and url.isascii() and url.isprintable() else None
    if found is None:
        return f"is not an address the site can be served at {shape}: {url[:MAX_URL]!r}"
    scheme, host, port, path = found["scheme"], found["host"], found["port"], found["path"]
    if scheme == "http" and host not in LOOPBACK_HOSTS:
        return f"is http on another machine than this one: a published site is https {shape}: '{url}'"
    if scheme not in ("http", "https"):
        return f"is not an https address {shape}: '{url}'"
    if "@" in url.split("/", 3)[2] or "\\" in url:
        return f"has credentials or a backslash, which a browser reads differently: '{url}'"
    if scheme == "https" and not PUBLIC_HOST.fullmatch(host):
        return f"has no public host name (such as example.org): '{url}'"
    if port is not None and not (re.fullmatch(r"[1-9][0-9]{0,4}", port) and int(port) <= 65535):
        return f"names the port '{port}', which is not one from 1 to 65535: '{url}'"
    if found["rest"]:
        return f"has a query or a fragment: the site's address ends with its folder: '{url}'"
    if not path.endswith("/") or not path.startswith("/"):
        return f"does not end with a slash: the site's address is a folder: '{url}'"
    segments = path[1:-1].split("/") if path != "/" else []
    if not all(SEGMENT.fullmatch(part) for part in segments):
        return (
            f"has an empty, '.' or '..' folder, or a character other than letters, digits and -._~ in its path, "
            f"which a browser reads as another place: '{url}'"
        )
    return None


# A GitHub account (letters, digits, inner single hyphens, up to 39) and a repository name (not "." or "..").
REPO = re.compile(r"https://github\.com/([A-Za-z0-9](?:-?[A-Za-z0-9]){0,38})/([A-Za-z0-9_.-]{1,100})/?")


def repo_url_problem(url: str) -> str | None:
    """What is wrong with the repository address (REPO_URL), where "report a change" opens issues."""
    found = REPO.fullmatch(url) if len(url) <= MAX_URL else None
    if found is None or found[2] in (".", ".."):
        return f"is not a GitHub repository address (https://github.com/owner/name): {url[:MAX_URL]!r}"
    return None


# One address: a local part of letters, digits and . _ + - (no dot first, last or twice), and a public host.
EMAIL = re.compile(rf"(?P<local>[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*)@(?P<host>{PUBLIC_HOST.pattern})")


def email_problem(address: str) -> str | None:
    """What is wrong with the feedback address (FEEDBACK_EMAIL): one plain address, nothing that a mail link could
    read as another recipient or a header (no ``%``, ``,``, ``;``, ``?``, ``&`` or spaces)."""
    if len(address) > 254 or not EMAIL.fullmatch(address) or len(address.split("@")[0]) > 64:
        return f"is not one plain email address (name@example.org): {address[:254]!r}"
    return None


def mailto(address: str, fields: dict[str, str]) -> str:
    """A ``mailto:`` link to one checked address, from encoded parts: the address's two halves and every field are
    percent-encoded, so nothing in them can add a recipient or a header."""
    if problem := email_problem(address):
        raise ValueError(f"FEEDBACK_EMAIL {problem}")
    local, host = address.split("@")
    query = urlencode(fields, quote_via=quote)
    return f"mailto:{quote(local, safe='')}@{quote(host, safe='')}" + (f"?{query}" if query else "")


def site_root(url: str) -> str:
    """The whole site's address (SITE_URL), with one trailing slash; a DataError naming SITE_URL if it is not one
    the site can be served at (``site_url_problem``)."""
    root = url.rstrip("/") + "/"
    if problem := site_url_problem(root):
        raise DataError(f"SITE_URL {problem} (set SITE_URL to the address the site is published at)")
    return root
