"""Trust you can see: "report a change" links, the written-out date, and the notice on an old guide."""

from __future__ import annotations

import dataclasses
import datetime as dt
from urllib.parse import parse_qs, urlsplit

from guide.htmlq import parse
from guide.language_site import LanguageSite
from guide.ui import load_ui

from ..conftest import TEST_REPO


def report_query(href: str) -> dict[str, str]:
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{TEST_REPO}/issues/new"
    return {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_issue_links_name_the_flow_the_step_the_language_and_the_page(mini, lang) -> None:
    site = LanguageSite.make(mini, lang, dt.date(2026, 12, 1), "https://example.org/x/", TEST_REPO)
    html = parse(site.flow("mini-cases"))
    link = html.by_id("mini-cases-early-2").one("a", "g-report")
    query = report_query(link.attrs["href"])
    assert query["body"].splitlines()[:4] == [
        "Flow: mini-cases",
        "Step: mini-cases-early-2",
        f"Language: {lang}",
        "Page: https://example.org/x/mini-cases.html#mini-cases-early-2",
    ]
    assert "mini-cases-early-2" in query["title"] and f"[{lang}]" in query["title"]
    assert link.attrs["aria-label"] == f"{load_ui(lang)['report_step']} 2"
    flow_link = html.one("p", "g-report-flow").one("a")
    assert flow_link.text == load_ui(lang)["report_issue"]
    assert report_query(flow_link.attrs["href"])["body"].splitlines()[1] == "Step: -"


def test_readers_report_by_email_naming_the_step_and_the_page_and_editors_keep_the_issue_link(mini, lang) -> None:
    from urllib.parse import unquote

    site = LanguageSite.make(mini, lang, dt.date(2026, 12, 1), "https://example.org/x/", TEST_REPO, "tanya@example.org")
    html = parse(site.flow("mini-cases"))
    mail = html.by_id("mini-cases-early-2").one("a", "g-report").attrs["href"]
    assert mail.startswith("mailto:tanya@example.org?subject=")
    subject, body = (unquote(part) for part in mail.split("?subject=", 1)[1].split("&body=", 1))
    assert "mini-cases-early-2" in subject and f"[{lang}]" in subject
    assert body.splitlines()[0] == "Page: https://example.org/x/mini-cases.html"
    assert body.splitlines()[2] == load_ui(lang)["report_issue_ask"]
    links = [a.attrs["href"] for a in html.one("p", "g-report-flow").all("a")]
    assert links[0].startswith("mailto:") and links[1].startswith(f"{TEST_REPO}/issues/new?")


def test_without_an_address_or_a_repository_there_are_no_report_links(mini_site) -> None:
    html = parse(mini_site("id").flow("mini-cases"))
    assert html.all("a", "g-report") == [] and html.all("p", "g-report-flow") == []


def test_the_verified_date_is_written_out_in_the_page_language(mini_site) -> None:
    for lang in ("id", "en"):
        month = load_ui(lang)["months"][10]
        assert parse(mini_site(lang).flow("mini-status")).one("p", "g-verified").one("time").text == f"1 {month} 2026"
        assert (
            load_ui(lang)["sources_checked"] in parse(mini_site(lang).flow("mini-status")).one("p", "g-verified").text
        )
    assert load_ui("id")["months"][7] == "Agustus" and load_ui("en")["months"][7] == "August"


def test_an_old_guide_shows_a_gentle_notice(mini) -> None:
    checked = mini.flow("mini-status").checked
    notes = []
    for days, shown in ((180, False), (181, True)):
        site = LanguageSite.make(mini, "en", checked + dt.timedelta(days=days))
        notes = parse(site.flow("mini-status")).all("p", "g-stale")
        assert len(notes) == int(shown), days
    assert load_ui("en")["stale_title"] in notes[0].text
    assert dataclasses.is_dataclass(mini)
