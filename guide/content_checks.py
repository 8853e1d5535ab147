"""Checks of the wording that the build does not enforce yet, each a list of places in the data (YAML paths as
the build's errors write them). ``tests/data/test_wording.py`` holds each list to an allow-list of today's places,
which may only shrink, until the content is rewritten and the check can become a build rule.

- ``unlinked_mentions``: a text names another part of the site ("lihat bagian …", "see the … section") while its
  record links nowhere (``see``; ``next`` for a route, case or section; ``case``/``see`` for a helper answer);
- ``waits_without_until``: a text tells the reader to wait ("Tunggu …", "Wait …") and its record has no ``wait``;
- ``parts_without_next``: a route, case or section (or a guide of steps only) has no ``next``;
- ``repeated_prefixes``: a text starts with a word of the interface words drawn before it ("Waktu: Waktu 12 jam…");
- ``restated_verdicts``: a helper answer's text says its verdict again ("Sudah dibatalkan. Pesanan ini sudah
  dibatalkan.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import ids
from .errors import YamlPath, show
from .languages import codes
from .rules import GROUP_KINDS, records

# The fields of each kind of record that a reader reads as text.
TEXTS: dict[str, tuple[str, ...]] = {
    "step": ("text", "dont_see"),
    "group": ("answer", "when", "outcome", "timing"),
    "status": ("meaning", "action"),
    "tip": ("why", "do"),
    "fact": ("text",),
    "answer": ("text", "detail"),
}
# Whether a record links somewhere else: the keys that do it, per kind of record.
LINKS: dict[str, tuple[str, ...]] = {
    "step": ("see",),
    "group": ("next",),
    "status": ("see",),
    "tip": ("see",),
    "fact": ("see",),
    "answer": ("see", "case"),
}
# Words that say "another part of the site" (a title may follow them). Indonesian and English.
MENTION_CUES: dict[str, tuple[str, ...]] = {
    "id": (
        r"\b(?i:lihat|baca|ikuti|buka)\s+(?i:juga\s+)?(?i:bagian|panduan)\s+[A-Z]",  # "Lihat bagian Paket …"
        r"\b(?i:di|pada|ke|dari)\s+(?i:bagian|panduan)\s+[A-Z]",  # "di panduan Pengembalian …" (not "di bagian atas")
        r"\b(?i:bagian|panduan)\s+(?i:berikutnya|sebelumnya|lain|di\s+bawah\s+ini)\b",
    ),
    "en": (
        r"\b(?i:see)\s+(also\s+)?(the\s+)?[^.;:?!]{0,60}\b(section|guide)\b",  # "see the next section"
        # not "in the returns section" (the app's), nor "from the 2023 official guide" (a source's)
        r"\b(?i:in|from)\s+the\s+(?![^.;:?!]*\b(?i:official|\d{4})\b)[^.;:?!]{0,60}\bguide\b",
        r"\b(?i:follow)\s+the\s+steps\s+(in|of|under)\b",
    ),
}
# Before a title of the site, these words make a mention too ("lihat Paket sudah dikirim", "are in Returns, …").
TITLE_CUES: dict[str, str] = {
    "id": r"\b(lihat|baca|ikuti|di|ke)\s+(juga\s+)?",
    "en": r"\b(see|read|in|to)\s+(also\s+)?",
}
WAIT_WORDS: dict[str, str] = {"id": r"\btunggu\b", "en": r"\bwait\b"}
NOT_WAITING = r"\b(jangan|tanpa|tidak\s+perlu|don't|do\s+not|no\s+need\s+to|without)\s+(\w+\s+)?$"
# Words too common to tell a prefix and its text apart ("Yang bisa Anda lakukan: Anda …" is fine).
COMMON = frozenset(
    [
        "anda",
        "yang",
        "itu",
        "ini",
        "dan",
        "atau",
        "the",
        "you",
        "your",
        "what",
        "and",
        "it",
        "to",
        "of",
        "a",
        "an",
        "is",
        "can",
    ]
)
# The helper's verdict restated: its text opens with a bare yes or no ("Ya, …", "No, …").
BARE_ANSWER = re.compile(r"^(ya|tidak|bisa|yes|no)\s*,", re.IGNORECASE)
RESTATED = 0.5  # the share of the verdict's words that, found in the text's first sentence, restate it


@dataclass(frozen=True)
class Place:
    """One place in the data a check points at: its YAML path (without the language, so that it stays the same
    while either language's text is the one at fault), and the words that made it, with their language."""

    path: str
    said: str


def texts(data: dict[str, Any]) -> Iterator[tuple[str, YamlPath, dict[str, Any], str, Mapping[str, str]]]:
    """Every text a reader reads: (kind of record, its path, the record, the field, the text in each language)."""
    for i, flow in enumerate(data["flows"]):
        for kind, at, record in records(flow, ("flows", i)):
            for name in TEXTS.get(kind, ()):
                if name in record:
                    yield kind, at, record, name, record[name]
            for name in ("until", "then"):
                if name in record.get("wait", {}):
                    yield kind, at, record, f"wait.{name}", record["wait"][name]


def titles(data: dict[str, Any], lang: str) -> list[str]:
    """The titles of the site's parts in one language that are long enough to be a name (two words or more)."""
    found = []
    for flow in data["flows"]:
        found.append(flow["title"][lang])
        found += [g["title"][lang] for k in GROUP_KINDS for g in flow.get(k, [])]
        found += [item["title"][lang] for key in ("tips", "facts") for item in flow.get(key, [])]
    return sorted({t for t in found if len(t.split()) >= 2}, key=len, reverse=True)


def _where(data: dict[str, Any], at: YamlPath, name: str) -> str:
    return f"{show(at, data)}.{name}"


def unlinked_mentions(data: dict[str, Any]) -> list[Place]:
    """Texts that name another part of the site while their record links nowhere."""
    patterns = {lang: _mention_patterns(data, lang) for lang in codes()}
    found = []
    for kind, at, record, name, text in texts(data):
        if any(record.get(key) for key in LINKS.get(kind, ())):
            continue
        for lang in codes():
            hit = next((m for p in patterns[lang] if (m := p.search(text[lang]))), None)
            if hit:
                found.append(Place(_where(data, at, name), f"[{lang}] {hit.group(0)}"))
                break
    return found


def _mention_patterns(data: dict[str, Any], lang: str) -> list[re.Pattern[str]]:
    cues = [re.compile(p) for p in MENTION_CUES.get(lang, ())]
    names = "|".join(re.escape(t) for t in titles(data, lang))
    if names and lang in TITLE_CUES:
        cues.append(re.compile(rf"{TITLE_CUES[lang]}({names})\b", re.IGNORECASE))
    return cues


def waits_without_until(data: dict[str, Any]) -> list[Place]:
    """Texts that tell the reader to wait, in records without a ``wait`` (until when, then what)."""
    found = []
    for _, at, record, name, text in texts(data):
        if "wait" in record or name.startswith("wait."):
            continue
        for lang in codes():
            if lang in WAIT_WORDS and (word := _told_to_wait(text[lang], WAIT_WORDS[lang])):
                found.append(Place(_where(data, at, name), f"[{lang}] {word}"))
                break
    return found


def _told_to_wait(text: str, word: str) -> str | None:
    for hit in re.finditer(word, text, re.IGNORECASE):
        if not re.search(NOT_WAITING, text[: hit.start()], re.IGNORECASE):
            return text[hit.start() : hit.start() + 40]
    return None


def parts_without_next(data: dict[str, Any]) -> list[Place]:
    """Every route, case and section without ``next``, and every guide of steps only without its own."""
    found = []
    for i, flow in enumerate(data["flows"]):
        if "steps" in flow and not flow.get("next"):
            found.append(Place(show(("flows", i), data), flow["id"]))
        for kind in GROUP_KINDS:
            for g, group in enumerate(flow.get(kind, [])):
                if not group.get("next"):
                    found.append(Place(show(("flows", i, kind, g), data), ids.group(flow["id"], group["id"])))
    return found


# The interface word drawn before each field (``None``: the data gives it, as a helper's ``detail_label``).
PREFIXES: dict[tuple[str, str], str | None] = {
    ("group", "outcome"): "outcome",
    ("group", "timing"): "timing",
    ("step", "dont_see"): "dont_see",
    ("status", "meaning"): "status_meaning",
    ("status", "action"): "status_action",
    ("tip", "why"): "why",
    ("tip", "do"): "do",
    ("answer", "detail"): None,
}
WAIT_PREFIXES = {"wait.until": "wait_until", "wait.then": "wait_then"}


def repeated_prefixes(data: dict[str, Any], ui: Mapping[str, Mapping[str, Any]]) -> list[Place]:
    """Texts whose first word is a word of what the page draws before them ("Waktu: Waktu 12 jam…"). A "don't
    see it?" that asks its own question is drawn without the words, so it cannot repeat them. ``ui``: each
    language's interface words."""
    found = []
    for kind, at, _record, name, text in texts(data):
        for lang in codes():
            prefix = _prefix(data, at, kind, name, ui[lang], lang)
            if prefix is None or (name == "dont_see" and re.match(r"[^.!?]*\?", text[lang])):
                continue
            first = _words(text[lang])[:1]
            if first and first[0] in set(_words(prefix)) - COMMON:
                found.append(Place(_where(data, at, name), f"[{lang}] {prefix}: {text[lang][:40]}"))
                break
    return found


def _prefix(data: dict[str, Any], at: YamlPath, kind: str, name: str, ui: Mapping[str, Any], lang: str) -> str | None:
    if name in WAIT_PREFIXES:
        return ui[WAIT_PREFIXES[name]]
    if (kind, name) not in PREFIXES:
        return None
    key = PREFIXES[(kind, name)]
    if key is not None:
        return ui[key]
    helper = data["flows"][at[1]]["helper"]  # an answer's detail: its helper's own label
    return helper["detail_label"][lang] if "detail_label" in helper else None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def restated_verdicts(data: dict[str, Any]) -> list[Place]:
    """Helper answers whose text says their verdict again: a bare "yes" or "no" first, or half the verdict's words
    in the text's first sentence."""
    found = []
    for i, flow in enumerate(data["flows"]):
        helper = flow.get("helper")
        if not helper:
            continue
        verdicts = {v["id"]: v["title"] for v in helper["verdicts"]}
        for j, answer in enumerate(helper["answers"]):
            at = ("flows", i, "helper", "answers", j)
            for lang in codes():
                if _restates(verdicts[answer["verdict"]][lang], answer["text"][lang]):
                    found.append(Place(_where(data, at, "text"), f"[{lang}] {answer['text'][lang][:50]}"))
                    break
    return found


def _restates(verdict: str, text: str) -> bool:
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    said = set(_words(verdict)) - COMMON
    if BARE_ANSWER.match(first):
        return True
    return bool(said) and len(said & set(_words(first))) / len(said) >= RESTATED
