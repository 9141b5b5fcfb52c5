#!/usr/bin/env python3
"""Expand the Hunspell French dictionary (Debian package hunspell-fr-classical) into a plain
word list: tests/fixtures/noise/fr-words.txt.

Only lower-case dictionary entries are kept (capitalised stems are proper nouns), only the
suffix rules of the .aff file are applied (the prefix rules only add elided articles and
pronouns such as l', d', qu'), and every word is written once, sorted. The result is used
by the engine's noise test and by tools/gen_gazetteers.py to drop city alternate names that
are ordinary French words.

Usage (from the repo root, after `apt-get install -y hunspell-fr-classical`):
    python3 tools/gen_noise_words.py [--aff /usr/share/hunspell/fr.aff]
                                     [--dic /usr/share/hunspell/fr.dic]
                                     [--out tests/fixtures/noise/fr-words.txt]
"""
import argparse
import re
import sys


def parse_flags(s):
    # FLAG long: two characters per flag
    return [s[i:i + 2] for i in range(0, len(s) - len(s) % 2, 2)]


def load_aff(path):
    sfx = {}
    header = {}
    needaffix = forbidden = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "FLAG" and parts[1] != "long":
                sys.exit("only FLAG long is supported")
            if parts[0] == "NEEDAFFIX":
                needaffix = parts[1]
            if parts[0] == "FORBIDDENWORD":
                forbidden = parts[1]
            if parts[0] != "SFX":
                continue
            flag = parts[1]
            if flag not in header:
                header[flag] = True  # header line: SFX flag Y n
                sfx[flag] = []
                continue
            strip, add, cond = parts[2], parts[3], parts[4] if len(parts) > 4 else "."
            cont = []
            if "/" in add:
                add, c = add.split("/", 1)
                cont = parse_flags(c)
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            sfx[flag].append((strip, add, re.compile("(?:" + cond + ")$"), cont))
    return sfx, needaffix, forbidden


def expand(word, flags, sfx, needaffix, depth=0):
    out = []
    if needaffix not in flags:
        out.append(word)
    if depth > 1:
        return out
    for fl in flags:
        for strip, add, cond, cont in sfx.get(fl, ()):
            if not cond.search(word):
                continue
            if strip and not word.endswith(strip):
                continue
            base = word[: len(word) - len(strip)] if strip else word
            new = base + add
            if cont and any(c in sfx for c in cont):
                out.extend(expand(new, [c for c in cont if c in sfx] + ([needaffix] if False else []), sfx, needaffix, depth + 1))
                if needaffix not in cont:
                    out.append(new)
            elif needaffix not in cont:
                out.append(new)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aff", default="/usr/share/hunspell/fr.aff")
    ap.add_argument("--dic", default="/usr/share/hunspell/fr.dic")
    ap.add_argument("--out", default="tests/fixtures/noise/fr-words.txt")
    a = ap.parse_args()
    sfx, needaffix, forbidden = load_aff(a.aff)
    words = set()
    with open(a.dic, encoding="utf-8") as f:
        next(f)  # entry count
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            entry = line.split("\t")[0].split(" ")[0]
            if "/" in entry:
                w, fl = entry.split("/", 1)
                flags = parse_flags(fl)
            else:
                w, flags = entry, []
            if forbidden in flags:
                continue
            if not w or w[0] != w[0].lower() or not w[0].isalpha():
                continue  # proper nouns, abbreviations, numbers
            for x in expand(w, flags, sfx, needaffix):
                x = x.replace("’", "'")
                if x and "/" not in x and not any(ch.isdigit() for ch in x) and x == x.lower():
                    words.add(x)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{a.out}: {len(words)} words")


if __name__ == "__main__":
    main()
