"""Every name and alias in the outlet table is found on its own in a news sentence.

The sentences are generated from the table itself, so a row added later is checked
too. A name that several outlets share ("NTV": Russia, Turkey, Nepal) is given the
country of the one meant, because without it nobody can tell which outlet it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

import pytest

from medialit.detect.outlets import load_outlets, scan_outlets

TEMPLATES = (
    "{name} reported on Tuesday that the talks had failed.",
    "The talks failed, according to {name}, which cited two officials.",
)
_BRACKETS = re.compile(r"\s*\([^)]*\)")


class Name(NamedTuple):
    outlet_id: str
    form: str  # as a news text writes it: our bracketed hints left out
    country: str
    shared: bool  # another outlet bears the same form, or we wrote a hint in brackets


def _names() -> list[Name]:
    table = load_outlets()
    owners: dict[str, set[str]] = defaultdict(set)
    rows = []
    for row in table.itertuples():
        for name in dict.fromkeys([row.name, *filter(None, row.aliases.split("|"))]):
            form = _BRACKETS.sub("", name).strip()
            owners[form].add(row.id)
            rows.append((row.id, form, row.country, form != name))
    seen = set()
    names = []
    for outlet_id, form, country, hinted in rows:
        if (outlet_id, form) not in seen:
            seen.add((outlet_id, form))
            names.append(Name(outlet_id, form, country, hinted or len(owners[form]) > 1))
    return names


NAMES = _names()
# Two outlets of one country with one name: the text gives no clue a program can use.
_SAME_COUNTRY = {
    (n.outlet_id, n.form)
    for n in NAMES
    if n.shared
    and len({m.outlet_id for m in NAMES if m.form == n.form and m.country == n.country}) > 1
}


def _sentence(template: str, name: Name) -> str:
    text = template.format(name=name.form)
    if not name.shared:
        return text
    if text.startswith(name.form):
        return f"In {name.country}, {text}"
    return text.replace("The talks", f"In {name.country}, the talks", 1)


def _params():
    for name in NAMES:
        marks = ()
        if (name.outlet_id, name.form) in _SAME_COUNTRY:
            marks = pytest.mark.xfail(
                reason="two outlets of the same country share this name", strict=True
            )
        yield pytest.param(name, marks=marks, id=f"{name.outlet_id}:{name.form}")


def test_the_generated_names_include_the_hard_cases():
    forms = {(n.outlet_id, n.form) for n in NAMES}
    assert ("tasnim", "Tasnim") in forms
    assert ("ntv-russia", "NTV") in forms
    assert len(NAMES) > 1500


@pytest.mark.parametrize("name", list(_params()))
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_name_is_found_in_a_news_sentence(template, name):
    text = _sentence(template, name)
    start = text.index(name.form, text.index(",") + 1 if name.shared else 0)
    end = start + len(name.form)
    bare_start = start + 4 if name.form.startswith("The ") else start
    hits = scan_outlets(text, [(0, len(text))])
    inside = [(s, e, i) for s, e, i in hits if start <= s <= bare_start and e == end]
    assert [i for _, _, i in inside] == [name.outlet_id], (text, hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tasnim reported on Tuesday that talks failed.", [("Tasnim", "tasnim")]),
        ("according to Tasnim, the talks failed", [("Tasnim", "tasnim")]),
        ("He told Bloomberg in an interview.", [("Bloomberg", "bloomberg-news")]),
        ("Lebanon's NNA quoted a witness.", [("NNA", "national-news-agency-lebanon")]),
        ("In Russia, NTV reported a fire.", [("NTV", "ntv-russia")]),
        ("In Turkey, NTV reported a fire.", [("NTV", "ntv-turkey")]),
        ("In Namibia, NBC reported a fire.", [("NBC", "nbc-namibia")]),
        ("NBC reported a fire in Ohio.", [("NBC", "nbc-news")]),
        # not "The Times" of London, although London is named
        ("In London, The Times of India reported it.", [("Times of India", "times-of-india")]),
    ],
)
def test_in_context_names(text, expected):
    hits = scan_outlets(text, [(0, len(text))])
    assert [(text[s:e], i) for s, e, i in hits] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tasnim Nazeer reported on the trial.",  # a person's name
        "Michael Bloomberg reported a profit.",
        "Mr. Gold reported for duty.",
        "NTV reported a fire.",  # which NTV? no country, no guess
        "Tasnim is a common first name.",
        pytest.param(
            "Gold reported gains, traders said.",
            marks=pytest.mark.xfail(
                reason="an everyday word that opens a sentence before 'reported' reads as news",
                strict=True,
            ),
        ),
    ],
)
def test_in_context_names_stay_quiet_elsewhere(text):
    assert scan_outlets(text, [(0, len(text))]) == []
