"""The reader's language: interface words, dates, and one-language views of the data. Pure functions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .data import LANGS, DataError, build, compose, read_text

UI_DIR = Path(__file__).resolve().parent.parent / "data" / "ui"


def load_ui(lang: str, folder: Path = UI_DIR) -> dict[str, Any]:
    """The interface words of one language (``data/ui/<lang>.yml``), checked against the Indonesian set."""
    words = _read_ui(folder / f"{lang}.yml")
    reference = _read_ui(folder / f"{LANGS[0]}.yml")
    missing = sorted(set(reference) - set(words))
    extra = sorted(set(words) - set(reference))
    if missing or extra:
        raise DataError(
            f"{folder / f'{lang}.yml'}: keys differ from {LANGS[0]}.yml (missing: {missing}, extra: {extra})"
        )
    if len(words["months"]) != 12:
        raise DataError(f"{folder / f'{lang}.yml'}: months needs 12 names")
    return words


def _read_ui(path: Path) -> dict[str, Any]:
    data = build(compose(read_text(path), path), {}, [])
    empty = [key for key, value in data.items() if not value]
    if empty:
        raise DataError(f"{path}: {', '.join(empty)} is empty")
    return data


def check_lang(lang: str) -> str:
    """The language, if the guide has it; otherwise an error listing the ones it has."""
    if lang not in LANGS:
        raise DataError(f"unknown language '{lang}' (known: {', '.join(LANGS)})")
    return lang


def is_text(value: Any) -> bool:
    """A ``{id: …, en: …}`` record: one text in every language."""
    return isinstance(value, dict) and set(value) == set(LANGS)


def localize(value: Any, lang: str) -> Any:
    """The same structure with every ``{id, en}`` record replaced by its ``lang`` text."""
    if is_text(value):
        return value[lang]
    if isinstance(value, dict):
        return {key: localize(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, lang) for item in value]
    return value


def label_view(label: dict[str, Any], lang: str) -> dict[str, Any]:
    """An app label as the reader sees it; ``native`` is the Indonesian app's own text when it differs."""
    native = label[LANGS[0]] if label[LANGS[0]] != label[lang] else None
    reason = label.get("uncertain")
    return {"text": label[lang], "native": native, "uncertain": reason[lang] if reason else None}


def format_date(iso: str, ui: dict[str, Any]) -> str:
    """``2026-11-12`` -> ``12 November 2026`` with the month names of the page's language."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {ui['months'][day.month - 1]} {day.year}"
