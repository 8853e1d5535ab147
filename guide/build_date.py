"""The build's date: today, or the day of ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds), so that every
date the build writes (the sitemap's, the theme's, and the guide's own: how old its sources are) is the same one."""

from __future__ import annotations

import datetime as dt
import os
import re

from .errors import DataError

MAX_EPOCH = 253402300799  # 9999-12-31, the last day a date can say


def epoch_problem(value: str) -> str | None:
    """What is wrong with a SOURCE_DATE_EPOCH value, or None."""
    if not re.fullmatch(r"[0-9]{1,12}", value) or int(value) > MAX_EPOCH:
        return f"SOURCE_DATE_EPOCH is not a number of seconds since 1970 (such as 1700000000): {value[:40]!r}"
    return None


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    """The day the build is dated: SOURCE_DATE_EPOCH's (in UTC) when set, else today."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if value is None:
        return dt.date.today()
    if problem := epoch_problem(value):
        raise DataError(problem)
    return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
