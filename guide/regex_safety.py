"""Whether a regular expression from a data file (``data/schema.json``'s patterns) is safe to run on any text:
short, valid, and without the shapes that make a backtracking matcher take exponential or high polynomial time.

Refused, with what to write instead:
- a repeated group whose body holds another repeat or an alternative, as in ``(a+)+``, ``(a|aa)*``, unless the body
  starts with one character that none of its inner repeats can match, as in ``([.-][a-z0-9]+)*``: there the
  separator decides where each round starts, so there is one way to match;
- more than two unbounded repeats in one sequence that can match the same character, as in ``\\S*\\S*\\S*``;
- back-references, and patterns longer than ``MAX_PATTERN`` characters.
No timeout is needed: the check reads the pattern, never runs it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

try:  # Python 3.11 names the parser re._parser; older ones sre_parse
    from re import _constants as sre_c  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_PATTERN = 200
_SAMPLE = range(0x250)  # the characters compared: ASCII and Latin; classes reaching beyond also "overlap"
_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None))
_UNBOUNDED = sre_c.MAXREPEAT


def pattern_problem(pattern: str) -> str | None:
    """What makes the pattern unsafe or invalid, or None."""
    if len(pattern) > MAX_PATTERN:
        return f"is {len(pattern)} characters long; a pattern may be at most {MAX_PATTERN}"
    try:
        re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        return f"is not a valid regular expression ({exc})"
    try:
        _check(list(parsed))
    except _Unsafe as exc:
        return f"can take exponential time on some texts ({exc.args[0]}): {_HINT}"
    return None


_HINT = "repeat a group only when it starts with a separator its inside cannot match, as in ([.-][a-z0-9]+)*"


class _Unsafe(Exception):
    pass


def _check(items: list[Any]) -> None:
    unbounded = []
    for op, av in items:
        if op in _REPEATS and op is not None:
            _low, high, body = av
            body = list(body)
            if high > 1 and _has_inner_repetition(body):
                sep = _first_char_set(body)
                inner = _inner_repeat_sets(body)
                if sep is None or inner is None or any(_overlap(sep, s) for s in inner):
                    raise _Unsafe("a repeated group holds another repeat or an alternative")
            if high == _UNBOUNDED:
                unbounded.append(_first_char_set(body))
            _check(body)
        elif op == sre_c.SUBPATTERN:
            _check(list(av[-1]))
        elif op == sre_c.BRANCH:
            for branch in av[1]:
                _check(list(branch))
        elif op in (sre_c.GROUPREF, getattr(sre_c, "GROUPREF_EXISTS", None)):
            raise _Unsafe("a back-reference")
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            _check(list(av[1]))
    for chars in unbounded:
        overlapping = [other for other in unbounded if _overlap(chars, other)]
        if len(overlapping) > 2:
            raise _Unsafe(f"{len(overlapping)} unbounded repeats can match the same characters, one after another")


def _has_inner_repetition(items: list[Any]) -> bool:
    for op, av in items:
        if op in _REPEATS and op is not None and av[0] != av[1]:
            return True
        if op == sre_c.BRANCH:
            return True
        if op == sre_c.SUBPATTERN and _has_inner_repetition(list(av[-1])):
            return True
    return False


def _inner_repeat_sets(items: list[Any]) -> list[frozenset[int] | None] | None:
    """The characters each inner repeat can start with; None when the body holds an alternative."""
    found: list[frozenset[int] | None] = []
    for op, av in items:
        if op == sre_c.BRANCH:
            return None
        if op in _REPEATS and op is not None:
            found.append(_first_char_set(list(av[2])))
            deeper = _inner_repeat_sets(list(av[2]))
            if deeper is None:
                return None
            found += deeper
        elif op == sre_c.SUBPATTERN:
            deeper = _inner_repeat_sets(list(av[-1]))
            if deeper is None:
                return None
            found += deeper
    return found


def _first_char_set(items: list[Any]) -> frozenset[int] | None:
    """The characters the body's first item matches, when that item is one mandatory character; else None."""
    if not items:
        return None
    op, av = items[0]
    if op == sre_c.LITERAL:
        return frozenset({av})
    if op == sre_c.IN:
        return frozenset(c for c in _SAMPLE if _in_class(chr(c), av)) | (
            frozenset({-1}) if any(o in (sre_c.NEGATE, sre_c.CATEGORY) for o, _ in av) else frozenset()
        )
    if op == sre_c.SUBPATTERN:
        return _first_char_set(list(av[-1]))
    return None  # any character, a repeat, an alternative: not one known character


def _overlap(a: frozenset[int] | None, b: frozenset[int] | None) -> bool:
    return a is None or b is None or bool(a & b)


_CATEGORIES = {
    "CATEGORY_DIGIT": lambda ch: unicodedata.category(ch) == "Nd",
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_WORD": lambda ch: ch.isalnum() or ch == "_",
}


def _in_class(ch: str, items: list[Any]) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op == sre_c.NEGATE:
            negate = True
        elif op == sre_c.LITERAL:
            hit |= ord(ch) == av
        elif op == sre_c.RANGE:
            hit |= av[0] <= ord(ch) <= av[1]
        elif op == sre_c.CATEGORY:
            name = str(av)
            base = name.replace("CATEGORY_NOT_", "CATEGORY_")
            test = _CATEGORIES.get(base, lambda _: True)
            hit |= test(ch) != ("NOT_" in name)
        else:
            hit = True
    return hit != negate
