"""Build ``data/outlets.csv``: the curated table of news outlets that medialit recognises.

Inputs (both in this repository, so the build never needs ``../shared``):

* ``data/sources/state-media-profiles/State_Media_Matrix.csv``: a verbatim copy of the
  State Media Profiles table (github.com/ASD-at-GMF/state-media-profiles, MIT), whose
  typology codes come from the State Media Monitor (statemediamonitor.com).
* ``data/sources/outlets_overlay.csv``: our hand-curated overlay. Each row is one of

  - ``table``: one outlet made from the table rows listed in ``table_assets`` (their
    "Main assets" cells, in the row's ``country``), with any non-blank field overriding
    what the table says (name, aliases to add, domains, outlet_type, ownership note ...);
  - ``drop``: table rows that must not become outlets (junk, not a news outlet);
  - ``add``: an outlet the table does not list (private wire services, papers, networks).

  Matcher columns: ``match_exact_case`` (forms searched exactly as written, and claimed
  by this outlet even if another one has them too), ``no_match`` (names kept for cards
  but never searched), ``not_before`` (words that cancel a match when they follow it).
  ``drop_aliases`` removes the table's junk names; ``curator_note`` says why, for people.

Every table row that no overlay row mentions becomes an outlet of its own when the
rules below say it is a news agency or a broadcaster; other print and online titles
of the table are left out unless the overlay picks them (see ``data/CREDITS.md``).
Rows the table marks "Currently Not Functional" are dropped.

The output is sorted by ``id`` and fully determined by the two inputs, so running the
script twice gives the same bytes. Usage::

    python tools/build_outlets.py           # write data/outlets.csv
    python tools/build_outlets.py --check   # fail if data/outlets.csv is out of date
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from medialit.detect.outlets import OUTLET_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "data" / "sources" / "state-media-profiles" / "State_Media_Matrix.csv"
OVERLAY = ROOT / "data" / "sources" / "outlets_overlay.csv"
TYPOLOGY = ROOT / "data" / "outlet_typology.csv"
OUTPUT = ROOT / "data" / "outlets.csv"

# The table is pinned to the commit named in its NOTICE.md; a row's source links to its line.
TABLE_URL = (
    "https://github.com/ASD-at-GMF/state-media-profiles/blob/d878fee/"
    "State_Media_Matrix.csv?plain=1#L{line}"
)

# The table's columns are the package's own, so the two cannot drift apart.
COLUMNS = list(OUTLET_COLUMNS)
OVERLAY_COLUMNS = [
    "id",
    "action",
    "country",
    "table_assets",
    "name",
    "aliases",
    "domains",
    "outlet_type",
    "typology",
    "ownership_note",
    "source",
    "match_exact_case",
    "no_match",
    "drop_aliases",
    "not_before",
    "curator_note",
]
OUTLET_TYPES = {
    "news_agency",
    "broadcaster",
    "newspaper",
    "magazine",
    "online",
    "photo_agency",
}
# The table's own spelling slips, fixed so that one country has one name.
COUNTRY_FIXES = {
    "Europen Union": "European Union",
    "UAE": "United Arab Emirates",
    "United States of America": "United States",
    "Palestine territories": "Palestinian territories",
}
NOT_FUNCTIONAL = "currently not functional"

# The table writes a medium in front of some assets ("Print: Izvestia"); it is a type hint.
_PREFIX_RE = re.compile(
    r"^(?P<hint>news agency|print media|print|television|radio|online|news portals)\s*:\s*",
    re.IGNORECASE,
)
_HINT_TYPES = {
    "news agency": "news_agency",
    "print media": "newspaper",
    "print": "newspaper",
    "television": "broadcaster",
    "radio": "broadcaster",
    "online": "online",
    "news portals": "online",
}
# Words that make a name a news agency or a broadcaster, in the languages of the table.
_AGENCY_RE = re.compile(
    r"\b(?:news agency|press agency|news service|information agency|telegraphic agency"
    r"|agency|agence|agencia|agência|presse)\b",
    re.IGNORECASE,
)
_BROADCAST_RE = re.compile(
    r"(?:\btv\b|tv$|television|televisión|televisão|télévision|televizija|televizioni"
    r"|televizyon|televīzija|\btele\b|\btélé\b|radio|rádio|radyo|radju|ràdio|radiodiffusion"
    r"|rundfunk|broadcast|\bchannel\b|\bcanal\b|\bkanal\b|\bfm\b|omroep|fernsehen|betar"
    r"|rupavahini|rozhlas|radiovision)",
    re.IGNORECASE,
)
# "Xinhua Spanish", "People's Daily (English)", "Sputnik News (Indian edition)": one brand.
_EDITION_RE = re.compile(
    r"(?:\s*\((?:english|chinese|french|spanish|arabic|russian|german|japanese|korean"
    r"|portuguese|[a-z]+ edition)\)"
    r"|\s+(?:english|chinese|spanish|french|arabic|russian|german|japanese|korean|portuguese"
    r"|turkish|urdu|persian|farsi|italian|polish|greek|serbian|georgian|kurdi|deutsch"
    r"|español|français))$",
    re.IGNORECASE,
)
_PAREN_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
_ACRONYM_RE = re.compile(r"^[A-Z0-9ČŠŽ][A-Z0-9ČŠŽ:&.-]*[A-Z0-9]?$")


@dataclass(frozen=True)
class TableRow:
    """One row of the State Media Profiles table, cleaned."""

    line: int  # line number in the CSV file (header is line 1)
    country: str
    company: str
    raw_asset: str
    asset: str
    hint: str
    url: str
    code: str


@dataclass
class Outlet:
    """One outlet of the output table, before it is written."""

    id: str
    name: str
    country: str
    outlet_type: str
    typology: str
    ownership_note: str
    source: str
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    exact_forms: list[str] = field(default_factory=list)  # overlay: match exactly as written
    no_match: list[str] = field(default_factory=list)  # overlay: never search these forms
    not_before: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ small helpers


def split_bar(value: str) -> list[str]:
    """Split a "|"-separated cell into its stripped, non-empty parts."""
    return [part.strip() for part in value.split("|") if part.strip()]


def ascii_fold(text: str) -> str:
    """Drop accents ("Télé-Liban" -> "Tele-Liban") so plain-keyboard spellings match too.

    Only Latin letters are folded: a Cyrillic "й" is a letter of its own, not an "и" with
    an accent, so a text that does not become plain ASCII is returned unchanged.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded if folded.isascii() else text


def slugify(text: str) -> str:
    """A stable, readable id: ASCII, lower case, words joined by hyphens."""
    folded = ascii_fold(text).lower().replace("&", " and ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def is_acronym(text: str) -> bool:
    """True for short forms written in capitals, such as "KCNA", "RT" or "UA:PBC"."""
    return len(text) <= 8 and bool(_ACRONYM_RE.match(text))


def unique(items: list[str], *, exact: bool = False) -> list[str]:
    """Keep the first of each item (compared without case unless ``exact``), in order."""
    seen: set[str] = set()
    kept = []
    for item in items:
        key = item if exact else item.casefold()
        if item and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def clean_domain(url: str) -> str | None:
    """The host of a table URL without "www."; None for junk such as test sub-domains."""
    url = url.strip()
    if not url or url.lower() == "nan":
        return None
    if "://" not in url:
        url = "http://" + url
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    host = re.sub(r"^(?:www|ww)\.", "", host)
    # Test and staging hosts are not where readers meet the outlet.
    if not host or host.startswith(("test.", "staging.", "dev.")):
        return None
    return host


def collapse_domains(hosts: list[str]) -> list[str]:
    """Sorted hosts, without sub-domains of a host already listed (news.cctv.com -> cctv.com)."""
    kept = set(hosts)
    return sorted(
        h for h in kept if not any(h != other and h.endswith("." + other) for other in kept)
    )


# ------------------------------------------------------------------ reading inputs


def clean_asset(raw: str) -> tuple[str, str]:
    """Split "Print: Izvestia" into ("Izvestia", "newspaper"); strip footnote stars."""
    text = raw.strip().rstrip("*").strip()
    hint = ""
    match = _PREFIX_RE.match(text)
    if match:
        hint = _HINT_TYPES[match.group("hint").lower()]
        text = text[match.end() :].strip()
    return text, hint


def read_table(path: Path = TABLE) -> tuple[list[TableRow], list[TableRow]]:
    """The table's rows, cleaned, and separately the rows marked "Currently Not Functional"."""
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows, dead = [], []
    for number, record in enumerate(records, start=2):
        if not record["Country"].strip():
            continue  # the file ends with an empty row
        asset, hint = clean_asset(record["Main assets"])
        country = record["Country"].strip()
        row = TableRow(
            line=number,
            country=COUNTRY_FIXES.get(country, country),
            company=record["Media company"].strip().rstrip("*").strip(),
            raw_asset=record["Main assets"].strip(),
            asset=asset,
            hint=hint,
            url=record["URL"].strip(),
            # "ISFM?" marks a guess of the project; we keep the code it guessed.
            code=record["Typology"].strip().rstrip("?"),
        )
        if record["Status"].strip().lower() == NOT_FUNCTIONAL:
            dead.append(row)
        else:
            rows.append(row)
    return rows, dead


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a small CSV file as dicts of stripped strings."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


# ------------------------------------------------------------------ rules for table rows


def company_acronym(company: str) -> str:
    """The acronym a company gives itself in brackets: "Korean Central News Agency (KCNA)"."""
    match = _PAREN_RE.search(company)
    return match.group(1).strip() if match and is_acronym(match.group(1).strip()) else ""


def strip_paren(text: str) -> tuple[str, str]:
    """Split "China Central Television (CCTV)" into ("China Central Television", "CCTV")."""
    match = _PAREN_RE.search(text)
    if not match:
        return text, ""
    return text[: match.start()].strip(), match.group(1).strip()


def guess_type(row: TableRow) -> str:
    """The outlet type the table suggests, from the asset's name, its hint and its company.

    Returns news_agency, broadcaster, newspaper or online, or "other" when nothing tells.

    The asset's own name decides first ("Thai News Agency" is an agency even inside a
    broadcaster). An asset named only by an acronym, or by its company's name, takes
    the type of the company ("KCNA" of "Korean Central News Agency (KCNA)").
    """
    if row.hint:
        return row.hint
    if _AGENCY_RE.search(row.asset):
        return "news_agency"
    if _BROADCAST_RE.search(row.asset):
        return "broadcaster"
    company_name, acronym = strip_paren(row.company)
    named_by_company = (
        row.asset in (row.company, company_name, acronym)
        or is_acronym(row.asset)
        or row.asset.split()[0] == company_name.split()[0]
    )
    if named_by_company:
        if _AGENCY_RE.search(company_name):
            return "news_agency"
        if _BROADCAST_RE.search(company_name):
            return "broadcaster"
    return "other"


def brand_of(row: TableRow) -> str:
    """The brand a reader sees: the asset without its language edition."""
    return _EDITION_RE.sub("", row.asset).strip()


def default_name_and_aliases(rows: list[TableRow]) -> tuple[str, list[str]]:
    """A readable name and the short forms of an outlet made of table rows.

    "KCNA" of "Korean Central News Agency (KCNA)" becomes the name "Korean Central News
    Agency" with the alias "KCNA"; "China Central Television (CCTV)" gives the alias "CCTV".
    """
    first = rows[0]
    brand = brand_of(first)
    base, paren = strip_paren(brand)
    company_name, acronym = strip_paren(first.company)
    aliases: list[str] = []
    if is_acronym(base) and base == acronym and company_name:
        name, aliases = company_name, [base]
    elif is_acronym(base) and first.company == base:
        name = base
    else:
        name = base
        if paren:
            aliases.append(paren)
    if base != name:
        aliases.append(base)
    for row in rows:
        # "CCTV" and "China Central Television" are already there; the bracketed
        # asset itself adds nothing.
        if "(" not in row.asset:
            aliases.append(row.asset)
        aliases.append(strip_paren(brand_of(row))[0])
    # Case variants stay: "Tass" is searched as written, like "TASS".
    aliases = [a for a in unique(aliases, exact=True) if a != name]
    return name, aliases


def default_note(typology: str, company: str, names: list[str], country: str) -> str:
    """A short ownership note in our own words, built from the table's facts only.

    ``names`` are the outlet's name and aliases: the company is named only when it is
    something else ("part of Prasar Bharati"), not the outlet under its full name.
    """
    base, acronym = strip_paren(company)
    known = {n.casefold() for n in names}
    same = not base or base.casefold() in known or (acronym and acronym.casefold() in known)
    via = "" if same else f" (part of {company})"
    notes = {
        "SC": f"Owned and run by the state in {country}{via}; the State Media Monitor finds "
        "that the government controls its news.",
        "CaPu": f"Public media in {country}{via}; the State Media Monitor finds that the "
        "government controls its management and its news.",
        "CaPr": f"Privately owned{via} in {country}; the State Media Monitor finds that "
        "owners tied to the government steer its news.",
        "ISFM": f"Public media in {country}{via}, paid for and managed by the state; the "
        "State Media Monitor finds its newsroom independent.",
        "ISF": f"Public media in {country}{via}, mostly paid for by the state; the State "
        "Media Monitor finds it independently run and edited.",
        "ISM": f"Owned or managed by the state in {country}{via}; the State Media Monitor "
        "finds it independent in its money and its news.",
        "IP": f"Public media in {country}{via}; the State Media Monitor finds it independent "
        "of the government.",
    }
    return notes[typology]


# ------------------------------------------------------------------ building


def outlet_from_rows(rows: list[TableRow], overlay: dict[str, str] | None = None) -> Outlet:
    """One outlet from table rows of one brand, with the overlay's fields on top."""
    overlay = overlay or {}
    codes = sorted({row.code for row in rows})
    typology = overlay.get("typology") or codes[0]
    if len(codes) > 1 and not overlay.get("typology"):
        raise SystemExit(
            f"table rows {[r.line for r in rows]} merge codes {codes}; set typology in the overlay"
        )
    name, aliases = default_name_and_aliases(rows)
    name = overlay.get("name") or name
    aliases = unique(aliases + split_bar(overlay.get("aliases", "")), exact=True)
    # The table's own junk ("CBN Weekly)", a wrong Chinese name) is removed by hand.
    dropped = {a.casefold() for a in split_bar(overlay.get("drop_aliases", ""))}
    aliases = [a for a in aliases if a.casefold() not in dropped]
    guessed = guess_type(rows[0])
    outlet_type = overlay.get("outlet_type") or guessed
    domains = collapse_domains([d for d in map(clean_domain, (r.url for r in rows)) if d])
    if overlay.get("domains"):
        domains = [] if overlay["domains"] == "-" else split_bar(overlay["domains"])
    country = rows[0].country
    return Outlet(
        id=overlay.get("id") or slugify(name),
        name=name,
        country=overlay.get("country") or country,
        outlet_type=outlet_type,
        typology=typology,
        ownership_note=overlay.get("ownership_note")
        or default_note(typology, rows[0].company, [name, *aliases], country),
        source=overlay.get("source") or TABLE_URL.format(line=min(r.line for r in rows)),
        aliases=[a for a in aliases if a != name],
        domains=domains,
        exact_forms=split_bar(overlay.get("match_exact_case", "")),
        no_match=split_bar(overlay.get("no_match", "")),
        not_before=split_bar(overlay.get("not_before", "")),
    )


def outlet_from_overlay(row: dict[str, str]) -> Outlet:
    """An outlet the table does not list, written out in full in the overlay."""
    missing = [
        k
        for k in ("id", "name", "country", "outlet_type", "typology", "source", "ownership_note")
        if not row.get(k)
    ]
    if missing:
        raise SystemExit(f"overlay row {row.get('id') or row.get('name')!r} lacks {missing}")
    return Outlet(
        id=row["id"],
        name=row["name"],
        country=row["country"],
        outlet_type=row["outlet_type"],
        typology=row["typology"],
        ownership_note=row["ownership_note"],
        source=row["source"],
        aliases=split_bar(row.get("aliases", "")),
        domains=split_bar(row.get("domains", "")),
        exact_forms=split_bar(row.get("match_exact_case", "")),
        no_match=split_bar(row.get("no_match", "")),
        not_before=split_bar(row.get("not_before", "")),
    )


def build(
    table_rows: list[TableRow], overlay_rows: list[dict[str, str]]
) -> tuple[list[Outlet], dict[str, list[str]]]:
    """All outlets, and a report of what was dropped or left out (for the build log)."""
    by_key: dict[tuple[str, str], list[TableRow]] = defaultdict(list)
    for row in table_rows:
        by_key[(row.country, row.raw_asset)].append(row)
    claimed: set[tuple[str, str]] = set()
    outlets: list[Outlet] = []
    report: dict[str, list[str]] = defaultdict(list)
    problems: list[str] = []

    for entry in overlay_rows:
        action = entry["action"]
        if action == "add":
            outlets.append(outlet_from_overlay(entry))
            continue
        if action not in ("table", "drop"):
            raise SystemExit(f"overlay action must be table, drop or add, not {action!r}")
        keys = [(entry["country"], asset) for asset in split_bar(entry["table_assets"])]
        for key in keys:
            if key not in by_key:
                problems.append(f"overlay row {entry.get('id') or keys} names unknown {key}")
            elif key in claimed:
                problems.append(f"table asset {key} is claimed twice in the overlay")
            claimed.add(key)
        keys = [key for key in keys if key in by_key]
        rows = sorted((r for key in keys for r in by_key[key]), key=lambda r: r.line)
        if not rows:
            continue
        if action == "drop":
            report["dropped by the overlay"].append(
                f"{entry['country']}: {entry['table_assets']} ({entry['curator_note']})"
            )
            continue
        outlets.append(outlet_from_rows(rows, entry))

    if problems:
        raise SystemExit("\n".join(problems))

    # Unclaimed rows: one outlet per brand, agencies and broadcasters only.
    brands: dict[tuple[str, str], list[TableRow]] = defaultdict(list)
    for key, rows in by_key.items():
        if key not in claimed:
            for row in rows:
                brands[(row.country, brand_of(row))].append(row)
    for (country, brand), rows in sorted(brands.items()):
        rows.sort(key=lambda r: r.line)
        kind = guess_type(rows[0])
        if kind not in ("news_agency", "broadcaster"):
            report["left out (print or online, not picked)"].append(f"{country}: {brand}")
            continue
        outlets.append(outlet_from_rows(rows))
    return outlets, report


# ------------------------------------------------------------------ matcher forms


_ARABIC_ARTICLE_RE = re.compile(r"^(Al|El|Ad|Ar|As|An)([ -])(?=\w)")


def article_variants(form: str) -> list[str]:
    """Arabic names are written both ways: "Al Jazeera" and "Al-Jazeera"."""
    match = _ARABIC_ARTICLE_RE.match(form)
    if not match:
        return []
    other = "-" if match.group(2) == " " else " "
    return [match.group(1) + other + form[match.end() :]]


def candidate_forms(outlet: Outlet) -> tuple[list[str], list[str]]:
    """The forms the matcher may search for: (any letter case, exact letter case).

    Rules (see data/CREDITS.md): a form with small letters and at least six characters
    is matched in any case ("Fars News Agency", "FARS NEWS AGENCY"); a short form or a
    capitals-only form is matched exactly as written ("Fars", "KCNA"); two- and
    three-letter acronyms are searched only when the overlay lists them, because so
    many of them are ordinary abbreviations ("AIR", "MAP", "DR", "AKP", "RSS").
    """
    names = unique([outlet.name, *outlet.aliases], exact=True)
    names += [ascii_fold(n) for n in names if ascii_fold(n) != n]
    names += [variant for n in names for variant in article_variants(n)]
    blocked = {n.casefold() for n in outlet.no_match}
    exact = {n.casefold() for n in outlet.exact_forms}
    any_case, exact_case = [], list(outlet.exact_forms)
    for form in unique(names, exact=True):
        key = form.casefold()
        if key in blocked or key in exact or "(" in form:
            continue
        has_lower = any(ch.islower() for ch in form)
        if has_lower and len(form) >= 6:
            any_case.append(form)
        elif has_lower or len(form) >= 4:
            exact_case.append(form)
    # "The Associated Press" is searched as "Associated Press": a leading "The" would make
    # "the Associated Press of Pakistan" start a shorter match one word earlier.
    plain = {f.casefold() for f in any_case}
    any_case = [
        f for f in any_case if not (f[:4].casefold() == "the " and f[4:].casefold() in plain)
    ]
    return unique(any_case), unique(exact_case, exact=True)


def assign_forms(outlets: list[Outlet]) -> tuple[dict[str, tuple[list[str], list[str]]], list[str]]:
    """Matcher forms per outlet id; a form two outlets share goes to neither.

    An ambiguous form ("NTV" is a channel in Russia, Turkey and Nepal) would give a
    reader a wrong owner half of the time, so it is not searched at all, unless the
    overlay gives it to one outlet on purpose (``match_exact_case``).
    """
    claims: dict[str, list[str]] = defaultdict(list)
    forms = {o.id: candidate_forms(o) for o in outlets}
    chosen: dict[str, str] = {}
    for outlet in outlets:
        for form in outlet.exact_forms:
            key = form.casefold()
            if key in chosen and chosen[key] != outlet.id:
                raise SystemExit(f"overlay gives {form!r} to {chosen[key]} and {outlet.id}")
            chosen[key] = outlet.id
    for outlet_id, (any_case, exact_case) in forms.items():
        for form in any_case + exact_case:
            claims[form.casefold()].append(outlet_id)

    def owns(outlet_id: str, form: str) -> bool:
        key = form.casefold()
        if key in chosen:
            return chosen[key] == outlet_id
        return len(set(claims[key])) == 1

    ambiguous = []
    result = {}
    for outlet_id, (any_case, exact_case) in forms.items():
        result[outlet_id] = (
            sorted(f for f in any_case if owns(outlet_id, f)),
            sorted(f for f in exact_case if owns(outlet_id, f)),
        )
        ambiguous += [f for f in any_case + exact_case if not owns(outlet_id, f)]
    return result, sorted(set(ambiguous), key=str.casefold)


# ------------------------------------------------------------------ checks and output


def check(outlets: list[Outlet], codes: dict[str, bool]) -> None:
    """Stop with a clear message (every problem at once) when the table would be wrong."""
    problems = []
    ids = [o.id for o in outlets]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        problems.append(f"duplicate ids {dupes}: set an id in the overlay")
    for o in outlets:
        if o.typology not in codes:
            problems.append(f"{o.id}: unknown typology {o.typology!r}")
        if o.outlet_type not in OUTLET_TYPES:
            problems.append(f"{o.id}: outlet_type {o.outlet_type!r}; set one in the overlay")
        if not o.source.startswith("https://"):
            problems.append(f"{o.id}: source must be an https URL, not {o.source!r}")
    if problems:
        raise SystemExit("\n".join(problems))


def disambiguate_names(outlets: list[Outlet]) -> None:
    """Give outlets that share a name the country in brackets: "NTV (Russia)"."""
    counts: dict[str, int] = defaultdict(int)
    for o in outlets:
        counts[o.name.casefold()] += 1
    for o in outlets:
        if counts[o.name.casefold()] > 1:
            new_name = f"{o.name} ({o.country})"
            if o.id == slugify(o.name):  # an id made from the name follows it
                o.id = slugify(new_name)
            o.aliases = unique([o.name, *o.aliases])
            o.name = new_name


def render(outlets: list[Outlet], codes: dict[str, bool]) -> tuple[str, list[str]]:
    """The CSV text of the output table, sorted by id, and the ambiguous forms."""
    forms, ambiguous = assign_forms(outlets)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for o in sorted(outlets, key=lambda o: o.id):
        any_case, exact_case = forms[o.id]
        writer.writerow(
            [
                o.id,
                o.name,
                "|".join(o.aliases),
                "|".join(o.domains),
                o.country,
                o.outlet_type,
                o.typology,
                "true" if codes[o.typology] else "false",
                o.ownership_note,
                o.source,
                "|".join(any_case),
                "|".join(exact_case),
                "|".join(o.not_before),
            ]
        )
    return buffer.getvalue(), ambiguous


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if outlets.csv is stale")
    parser.add_argument("--verbose", action="store_true", help="list what was left out")
    args = parser.parse_args(argv)

    codes = {r["code"]: r["state_affiliated"] == "true" for r in read_csv(TYPOLOGY)}
    table_rows, dead = read_table()
    overlay_rows = read_csv(OVERLAY)
    for row in overlay_rows:
        unknown = set(row) - set(OVERLAY_COLUMNS)
        if unknown:
            raise SystemExit(f"overlay has unknown columns {sorted(unknown)}")
    outlets, report = build(table_rows, overlay_rows)
    disambiguate_names(outlets)
    check(outlets, codes)
    text, ambiguous = render(outlets, codes)

    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print("data/outlets.csv is out of date: run python tools/build_outlets.py")
            return 1
        print(f"data/outlets.csv is up to date ({len(outlets)} outlets)")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(outlets)} outlets")
    print(f"dropped {len(dead)} table rows marked 'Currently Not Functional'")
    print(f"{len(ambiguous)} forms shared by several outlets are not searched")
    if args.verbose:
        for title, lines in report.items():
            print(f"\n{title} ({len(lines)}):")
            for line in lines:
                print("  " + line)
        print("\nambiguous forms: " + ", ".join(ambiguous))
    return 0


if __name__ == "__main__":
    sys.exit(main())
