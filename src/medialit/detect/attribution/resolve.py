"""Who a source stands for: pronouns to the last named person, "who"/"which" to the noun
before them, a bare surname to the full name used earlier."""

from __future__ import annotations

from collections.abc import Sequence

from .records import NO_SPAN, _Found


def _resolve(text: str, found: Sequence[_Found]) -> list[tuple[str, str]]:
    """(resolved_source, source_kind) for each attribution, in order (rule 6)."""
    out: list[tuple[str, str]] = []
    people: list[str] = []  # full names of named people, latest last
    for f in found:
        if f.source_start == NO_SPAN:
            out.append(("", ""))
            continue
        source = text[f.source_start : f.source_end]
        low = source.lower()
        if low in ("he", "she", "him", "her") and f.source_kind == "pronoun":
            if people:
                out.append((people[-1], "named_person"))
            else:
                out.append(("", "pronoun"))
            continue
        if low == "who" or f.antecedent:
            out.append((f.antecedent, f.source_kind if f.antecedent else "pronoun"))
            continue
        resolved = f.core or source
        if f.source_kind == "named_person":
            last = resolved.split()[-1]
            earlier = next((p for p in reversed(people) if p.split()[-1] == last), None)
            if earlier is not None and len(earlier) > len(resolved):
                resolved = earlier
            people.append(resolved)
        out.append((resolved, f.source_kind if f.source_kind != "pronoun" or resolved else ""))
    return out
