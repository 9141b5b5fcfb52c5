#!/usr/bin/env python3
"""Check the gazetteer TSV files of a folder (default: gazetteers/ and gazetteers/curated/).

Checks the row format of gazetteers/README.md: header, column count, id syntax, kinds,
lowercase subtypes, priors in [0, 1], list values (no empty items, no duplicates, case policy
of names), articles, ids unique across all files, and that every parent id exists. Prints
counts per file. Exit status 1 on any error.

Names that do not start with a capital are reported as warnings (listed with -v).

Usage: python3 tools/check_gazetteers.py [-v] [DIR]
"""
import collections
import os
import re
import sys

COLUMNS = ["id", "kind", "subtype", "name", "parent", "xrefs", "prior", "names", "acronyms",
           "adjectives", "prefixes", "designators", "article"]
KINDS = {"STATE", "REGION", "FIRM", "INSTITUTION"}
ID_RE = re.compile(r"^(iso3166-1:[A-Z]{2}|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3}|iso3166-3:[A-Z]{4}"
                   r"|geonames:[0-9]+|gazet:(region|firm|inst|state)/[a-z0-9]+(-[a-z0-9]+)*"
                   r"|wikidata:Q[0-9]+)$")
XREF_RE = re.compile(r"^[a-z0-9-]+:[A-Za-z0-9._/-]+$")
ARTICLES = {"", "le", "la", "l'", "les"}
LIST_COLUMNS = ("names", "acronyms", "adjectives", "prefixes", "designators")


def fold_ends(s):
    """True when s, folded as the engine folds surfaces (accents and soft hyphens removed,
    typographic apostrophes unified), starts and ends with a word character."""
    import unicodedata
    t = "".join(c for c in unicodedata.normalize("NFD", s.strip())
                if not unicodedata.combining(c) and c not in "\u00ad\u200b\u200c\u200d\u2060\ufeff")
    if not t or "{" in t:
        return True
    word = lambda ch: (ch.isascii() and ch.isalnum()) or (not ch.isascii() and ch.isalnum())
    return word(t[0]) and word(t[-1])


def tsv_files(root):
    out = []
    for sub in ("", "curated"):
        d = os.path.join(root, sub)
        if os.path.isdir(d):
            out += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".tsv"))
    return out


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    root = args[0] if args else os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "gazetteers")
    errors = []
    ids = {}
    parents = []
    counts = {}

    warnings = []

    def err(path, ln, msg):
        errors.append(f"{os.path.relpath(path, root)}:{ln}: {msg}")

    def warn(path, ln, msg):
        warnings.append(f"{os.path.relpath(path, root)}:{ln}: {msg}")

    for path in tsv_files(root):
        template = os.path.basename(path) == "templates.tsv"
        header = None
        kinds = collections.Counter()
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line.endswith("\r"):
                    err(path, ln, "CR line ending")
                    line = line.rstrip("\r")
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if header is None:
                    header = fields
                    expected = COLUMNS[:len(header)] if not template else COLUMNS[:len(header) - 1] + ["slot"]
                    if header != expected or len(header) < 4:
                        err(path, ln, f"bad header {header}")
                    continue
                if len(fields) != len(header):
                    err(path, ln, f"{len(fields)} fields, header has {len(header)}")
                    continue
                row = dict(zip(header, fields))
                rid = row["id"]
                for col, v in row.items():
                    if v != v.strip():
                        err(path, ln, f"{col}: leading/trailing space in {v!r}")
                    if "|" in v and col not in LIST_COLUMNS:
                        err(path, ln, f"{col}: '|' in a single value")
                if not template and not ID_RE.match(rid):
                    err(path, ln, f"bad id {rid!r}")
                if rid in ids:
                    err(path, ln, f"duplicate id {rid} (also in {ids[rid]})")
                ids[rid] = os.path.relpath(path, root)
                if row["kind"] not in KINDS:
                    err(path, ln, f"bad kind {row['kind']!r}")
                if not re.match(r"^[a-z][a-z-]*$", row["subtype"]):
                    err(path, ln, f"bad subtype {row['subtype']!r}")
                if not row["name"]:
                    err(path, ln, "empty name")
                if row.get("parent"):
                    parents.append((path, ln, row["parent"]))
                for x in row.get("xrefs", "").split():
                    if not XREF_RE.match(x):
                        err(path, ln, f"bad xref {x!r}")
                if row.get("prior"):
                    try:
                        p = float(row["prior"])
                        if not 0 <= p <= 1:
                            raise ValueError
                    except ValueError:
                        err(path, ln, f"bad prior {row['prior']!r}")
                for col in LIST_COLUMNS:
                    v = row.get(col, "")
                    if not v:
                        continue
                    items = v.split("|")
                    if any(not i.strip() for i in items):
                        err(path, ln, f"{col}: empty item in {v!r}")
                    dup = [i for i, c in collections.Counter(items).items() if c > 1]
                    if dup:
                        err(path, ln, f"{col}: duplicate items {dup}")
                    for i in items:
                        # Markers (gazetteers/README.md): `^` refers back, `@` needs a
                        # designator (names only), `~` a foreign name, `=` accent-sensitive.
                        s = i.removeprefix("^")
                        if s.startswith("@") and col != "names":
                            err(path, ln, f"{col}: {i!r}: the @ marker is for names only")
                        s = s.removeprefix("@").removeprefix("~").removeprefix("=")
                        if not s:
                            continue
                        if not fold_ends(s):
                            err(path, ln, f"{col}: {i!r} must start and end with a letter or digit")
                        if col == "names" and s[0].isalpha() and not s[0].isupper():
                            warn(path, ln, f"names: {i!r} does not start with a capital "
                                           f"(matches only capitalised text)")
                        if col == "names" and not s[0].isalpha() and s[0] != "{":
                            err(path, ln, f"names: {i!r} does not start with a letter")
                        if col in ("adjectives", "prefixes", "designators") and s != s.lower():
                            err(path, ln, f"{col}: {i!r} is not lowercase")
                if row.get("article", "") not in ARTICLES:
                    err(path, ln, f"bad article {row['article']!r}")
                kinds[(row["kind"], row["subtype"])] += 1
        counts[os.path.relpath(path, root)] = kinds
        if header is None:
            err(path, 0, "no header")

    for path, ln, parent in parents:
        if parent in ("{slot}",):
            continue
        if parent not in ids:
            err(path, ln, f"parent {parent} does not exist")

    total = 0
    for f, kinds in counts.items():
        n = sum(kinds.values())
        total += n
        detail = ", ".join(f"{k[0]}/{k[1]} {c}" for k, c in sorted(kinds.items()))
        print(f"{f}: {n} rows ({detail})")
    print(f"total: {total} rows, {len(ids)} unique ids")
    if warnings:
        per_file = collections.Counter(w.split(":")[0] for w in warnings)
        print("warnings: " + ", ".join(f"{f} {n}" for f, n in sorted(per_file.items()))
              + (" (listed with -v)" if not verbose else ""))
        if verbose:
            for w in warnings:
                print("WARNING", w)
    for e in errors[:200]:
        print("ERROR", e)
    if errors:
        print(f"{len(errors)} errors")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
