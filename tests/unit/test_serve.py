"""`make serve` serves only the site: a NUL in a path is not found (not a server error), and a link in the site that
leads out of it is not followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.serve import SiteServer


@pytest.fixture()
def served(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>home</p>")
    (tmp_path / "secret.txt").write_text("not part of the site")
    (site / "out.txt").symlink_to(tmp_path / "secret.txt")
    (site / "outdir").symlink_to(tmp_path)
    server = SiteServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    yield server
    server.server_close()


def get(server: SiteServer, path: str) -> tuple[str, bytes]:
    said: list[str] = []
    body = b"".join(server.serve_request({"PATH_INFO": path}, lambda status, headers: said.append(status)))
    return said[0], body


@pytest.mark.parametrize("path", ["/%00", "/index.html\x00.txt", "/\x00", "/out.txt", "/outdir/secret.txt",
                                  "/../secret.txt", "/outdir/site/index.html\n"])  # fmt: skip
def test_a_path_with_a_nul_or_leading_out_of_the_site_is_not_found(served: SiteServer, path: str) -> None:
    status, body = get(served, path)
    assert status.startswith("404"), (path, status)
    assert b"not part of the site" not in body


def test_the_sites_own_pages_are_served(served: SiteServer) -> None:
    assert get(served, "/index.html")[0].startswith("200")
    assert get(served, "/")[0].startswith("200")


def test_pages_reload_through_a_script_file_the_content_security_policy_allows(served: SiteServer) -> None:
    """The pages allow scripts from the site only: an inline reload script was blocked, so nothing reloaded."""
    page = served._inject_js_into_html(b"<html><body><p>home</p></body></html>", 7).decode()
    assert "<script>" not in page
    src = page.split('<script src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    path, _, query = src.partition("?")
    said: list[str] = []
    body = b"".join(served.serve_request({"PATH_INFO": path, "QUERY_STRING": query}, lambda s, h: said.append(s)))
    assert said[0].startswith("200") and b"livereload(7, " in body
    assert get(served, "/livereload.js")[0].startswith("404")  # without its epoch and id: nothing to run
