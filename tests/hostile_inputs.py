"""Hostile inputs shared by the tests/**/test_hostile_*.py modules (issue 14's probe classes).

Each entry point gets: empty, huge, binary, special files, wrong types, lone
surrogates, deep nesting and injection payloads in every text field.
"""

from __future__ import annotations

from pathlib import Path

INJECTIONS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "</textarea><b>bold</b>",
    "javascript:alert(1)",
    "$\\mathdefault{x}$ \\frac{1}{0}",
    "{{7*7}} ${7*7} %s %(x)s",
)
"""Markup, script, template and formula payloads; none may come out live."""

LIVE_MARKUP: tuple[str, ...] = ("<script", "<img", "<svg", "<b>", "onerror=", "onload=")
"""What must never appear unescaped in HTML made from the payloads."""

SURROGATE = "lone \ud800 surrogate"
"""Text Python holds but UTF-8 cannot encode."""

WRONG_TYPES: tuple[object, ...] = (None, 42, 3.5, b"bytes", ["a list"], {"a": "dict"}, object())


def deep_json(depth: int = 100_000) -> str:
    """JSON nested deeper than Python's recursion limit."""
    return "[" * depth + "]" * depth


def assert_no_live_markup(html_text: str, payloads: tuple[str, ...] = INJECTIONS) -> None:
    """No payload reaches the HTML as markup (the escaped text may appear)."""
    for payload in payloads:
        assert payload not in html_text or not any(m in payload for m in LIVE_MARKUP), payload
    for marker in ("<script", "<img src=x", "<svg onload", "onerror=\"alert"):
        assert marker not in html_text, marker


DEVICE = Path("/dev/zero")
"""A device that never ends; tests that use it are skipped where it is missing."""
