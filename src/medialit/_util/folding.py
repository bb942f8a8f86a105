"""Lower-cased text for fast searching, with one spelling per letter.

A case-insensitive letter tree (``(?i:...)``) is slow in Python's ``re``: it cannot
reject a word by its first letter and walks every branch at every word. Searching
``text.lower()`` with a plain tree is several times faster, and the real pattern then
only runs where the lower-cased one found something. That is only exact when every
place the real pattern matches is also found in the lower-cased text. ``re`` treats a
few letters as equal that ``str.lower()`` keeps apart (a dotless "ı" and "i", a long
"ſ" and "s", a final "ς" and "σ"), so those are written one way on both sides.
"""

from __future__ import annotations

import re

# Letters that re.IGNORECASE takes as one letter although their lower-case forms
# differ (CPython's Lib/re/_casefix.py), each mapped to one spelling.
SAME_LETTER: dict[str, str] = {
    "ı": "i",
    "ſ": "s",
    "µ": "μ",
    "\u0345": "ι",
    "\u1fbe": "ι",
    "\u1fd3": "\u0390",
    "\u1fe3": "\u03b0",
    "ϐ": "β",
    "ϵ": "ε",
    "ϑ": "θ",
    "ϰ": "κ",
    "ϖ": "π",
    "ϱ": "ρ",
    "ς": "σ",
    "ϕ": "φ",
    "\u1c80": "в",
    "\u1c81": "д",
    "\u1c82": "о",
    "\u1c83": "с",
    "\u1c84": "т",
    "\u1c85": "т",
    "\u1c86": "ъ",
    "\u1c87": "ѣ",
    "\u1c88": "ꙋ",
    "ẛ": "ṡ",
    "ﬅ": "ﬆ",
}
_TABLE = str.maketrans(SAME_LETTER)
_ODD_LETTER_RE = re.compile("[" + re.escape("".join(SAME_LETTER)) + "]")


def folded(text: str) -> str:
    """``text`` lower-cased, with the letters above written one way (for word lists)."""
    low = text.lower()
    return low.translate(_TABLE) if _ODD_LETTER_RE.search(low) else low


def folded_same_length(text: str) -> str | None:
    """:func:`folded` ``text`` when it keeps every offset, else None.

    A few letters grow when lower-cased ("İ" becomes two characters); then offsets
    into the folded text would no longer point into ``text``.
    """
    low = folded(text)
    return low if len(low) == len(text) else None
