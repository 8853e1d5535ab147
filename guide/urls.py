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


def site_url_problem(url: str) -> str | None:
    """What is wrong with the site's own address (SITE_URL): https, or http on this machine for local builds."""
    local = re.fullmatch(r"http://(127\.0\.0\.1|localhost)(:\d{1,5})?/[A-Za-z0-9\-._~/%]*", url)
    remote = re.fullmatch(r"https://[a-z0-9.-]+(:\d{1,5})?/[A-Za-z0-9\-._~/%]*", url)
    if not (local or remote):
        return f"is not an address the site can be served at (https://host/path/, or http://127.0.0.1:port/): '{url}'"
    return None


def repo_url_problem(url: str) -> str | None:
    """What is wrong with the repository address (REPO_URL), where "report a change" opens issues."""
    if not re.fullmatch(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/?", url):
        return f"is not a GitHub repository address (https://github.com/owner/name): '{url}'"
    return None


def email_problem(address: str) -> str | None:
    """What is wrong with the feedback address (FEEDBACK_EMAIL)."""
    if not re.fullmatch(r"[A-Za-z0-9._%+-]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+", address):
        return f"is not a plain email address (name@example.org): '{address}'"
    return None
