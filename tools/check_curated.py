#!/usr/bin/env python3
"""Sanity check for the hand-curated firm / institution / template gazetteers.

Usage: python3 tools/check_curated.py [GAZETTEER_DIR]   (default: gazetteers/ next to tools/)

Checks: header names the columns in README order, every row has exactly the header's
column count, ids are unique (template ids after {key} expansion, and against the other
*.tsv files when present), slugs are lowercase ASCII / digits / '-', kind matches the id
authority, parent ids are well formed (and exist when states/regions files are present),
priors are in [0, 1], no surface is empty, starts with an article or preposition, or
contains a tab or '|', and every template name carries a placeholder.
Surfaces must start and end with a letter or digit (as the engine requires).
Lowercase-initial names are counted and reported only: the engine reads them with the
any-initial-case policy. Exit code 1 on any error.
"""
import os, re, sys

COLS = ['id', 'kind', 'subtype', 'name', 'parent', 'xrefs', 'prior', 'names', 'acronyms',
        'adjectives', 'prefixes', 'designators', 'article']
KINDS = {'STATE', 'REGION', 'FIRM', 'INSTITUTION'}
ID_RE = re.compile(r'^(iso3166-1:[A-Z]{2}|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3}|geonames:\d+|gazet:(region|firm|inst)/[a-z0-9]+(-[a-z0-9]+)*)$')
TPL_ID_RE = re.compile(r'^gazet:(firm|inst)/[a-z0-9-]*(\{key\})?[a-z0-9-]*$')
SLUG_OK = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
LEAD = re.compile(r"^(le|la|les|l'|l’|de|du|des|d'|d’|au|aux|à|en|un|une) ", re.I)
LEAD2 = re.compile(r"^(l'|l’|d'|d’)", re.I)
PLACEHOLDERS = ('{de}', '{name}', '{adj}', '{slot}', '{key}')

errors, warnings = [], []
def err(where, msg): errors.append(f'{where}: {msg}')
def warn(where, msg): warnings.append(f'{where}: {msg}')

def read(path):
    header, rows = None, []
    with open(path, encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                err(f'{path}:{n}', f'{len(cells)} cells, header has {len(header)}')
                continue
            rows.append((n, dict(zip(header, cells))))
    return header or [], rows

def other_ids(gdir, skip):
    ids = {}
    for sub in ('', 'curated'):
        d = os.path.join(gdir, sub)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            p = os.path.join(d, f)
            if f.endswith('.tsv') and os.path.abspath(p) not in skip:
                h, rows = read(p)
                for n, r in rows:
                    if 'id' in r:
                        ids[r['id']] = p
    return ids

def check_surfaces(where, field, value, lower_counter):
    if not value:
        return
    for s in value.split('|'):
        if not s.strip() or s != s.strip():
            err(where, f'{field}: empty or padded surface {s!r}')
            continue
        if '{' not in s and not (s[0].isalnum() and s[-1].isalnum()):
            err(where, f'{field}: surface must start and end with a letter or digit: {s!r}')
        first = s.split(' ', 1)[0]
        if (LEAD.match(s) or LEAD2.match(s)) and not first.isupper():
            err(where, f'{field}: surface starts with an article/preposition: {s!r}')
        if field == 'names' and s[0].islower():
            lower_counter.append(s)

def check_file(path, template, gdir, seen, known):
    header, rows = read(path)
    want = COLS + (['slot'] if template else [])
    if header != want[:len(header)] or (template and header[-1:] != ['slot']):
        err(path, f'header {header} is not a prefix of {want}')
        return 0
    lower = []
    count = 0
    for n, r in rows:
        where = f'{os.path.basename(path)}:{n}'
        rid = r['id']
        if r['kind'] not in KINDS:
            err(where, f'bad kind {r["kind"]!r}')
        if not r['subtype'] or not re.fullmatch(r'[a-z]+(-[a-z]+)*', r['subtype']):
            err(where, f'bad subtype {r["subtype"]!r}')
        if not r['name'].strip():
            err(where, 'empty name')
        exp = {'FIRM': 'gazet:firm/', 'INSTITUTION': 'gazet:inst/'}.get(r['kind'])
        if exp and not rid.startswith(exp):
            err(where, f'id {rid} does not match kind {r["kind"]}')
        for k, v in r.items():
            if '\t' in v:
                err(where, f'tab in {k}')
        if r.get('prior'):
            try:
                p = float(r['prior'])
                if not 0 <= p <= 1:
                    err(where, f'prior {p} out of [0,1]')
            except ValueError:
                err(where, f'prior {r["prior"]!r} not a number')
        for f in ('names', 'acronyms', 'adjectives', 'prefixes', 'designators'):
            check_surfaces(where, f, r.get(f, ''), lower)
        if template:
            if not TPL_ID_RE.match(rid):
                err(where, f'bad template id {rid}')
            if not any(ph in r['name'] for ph in PLACEHOLDERS):
                err(where, f'template name without placeholder: {r["name"]!r}')
            slot = r['slot']
            slots = ['STATE'] if slot == 'STATE' else slot.split(',')
            if '{key}' not in rid and len(slots) != 1:
                err(where, 'multi-slot template id without {key}')
            if slot != 'STATE':
                for s in slots:
                    if not ID_RE.match(s):
                        err(where, f'bad slot id {s!r}')
                    elif known and s.startswith(('iso3166-1:', 'iso3166-2:')) and s not in known:
                        warn(where, f'slot {s} not found in the generated gazetteers')
            if r['parent'] not in ('', '{slot}') and not ID_RE.match(r['parent']):
                err(where, f'bad parent {r["parent"]!r}')
            keys = ['<state>'] if slot == 'STATE' else [s.split(':', 1)[1].lower() for s in slots]
            expanded = [rid.replace('{key}', k) for k in keys]
        else:
            slug = rid.split('/', 1)[1] if '/' in rid else ''
            if not ID_RE.match(rid) or not SLUG_OK.match(slug):
                err(where, f'bad id {rid!r}')
            if r['parent']:
                if not ID_RE.match(r['parent']):
                    err(where, f'bad parent {r["parent"]!r}')
                elif known and r['parent'] not in known and r['parent'] not in seen and not r['parent'].startswith('gazet:'):
                    warn(where, f'parent {r["parent"]} not found in the other gazetteers')
            expanded = [rid]
        for e in expanded:
            if e in seen:
                err(where, f'duplicate id {e} (also {seen[e]})')
            seen[e] = where
        count += len(expanded)
    return count, rows, lower

def main():
    gdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'gazetteers')
    files = [('firms.tsv', False), ('institutions.tsv', False), ('templates.tsv', True)]
    paths = {os.path.abspath(os.path.join(gdir, 'curated', f)) for f, _ in files}
    known = other_ids(gdir, paths)
    seen = dict((k, v) for k, v in known.items())
    all_rows = {}
    for f, tpl in files:
        p = os.path.join(gdir, 'curated', f)
        if not os.path.exists(p):
            err(p, 'missing')
            continue
        res = check_file(p, tpl, gdir, seen, known)
        if not res:
            continue
        cnt, rows, lower = res
        all_rows[f] = rows
        print(f'{f}: {len(rows)} rows, {sum(len(r["names"].split("|")) for _, r in rows if r["names"])} names, '
              f'{sum(len(r["acronyms"].split("|")) for _, r in rows if r["acronyms"])} acronyms, '
              f'{len(lower)} lowercase-initial names')
    # parents pointing at curated ids must exist
    for f, rows in all_rows.items():
        for n, r in rows:
            p = r['parent']
            if p.startswith('gazet:') and p not in seen:
                err(f'{f}:{n}', f'parent {p} does not exist')
    for w in warnings[:40]:
        print('warning:', w)
    if len(warnings) > 40:
        print(f'... {len(warnings) - 40} more warnings')
    for e in errors:
        print('ERROR:', e)
    print('OK' if not errors else f'{len(errors)} error(s)')
    sys.exit(1 if errors else 0)

if __name__ == '__main__':
    main()
