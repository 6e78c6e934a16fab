"""Buffers per statement on bench/history's year tenant beside its week tenant, from PostgreSQL's auto_explain log.

Usage: plans_by_history.py LOG FIRST_LINE [TOP=25] [TEXT]
  LOG         the server log (Debian: /var/log/postgresql/postgresql-15-main.log), written with auto_explain on
              (bench/history does that with FLEKSI_BENCH_PLANS=1)
  FIRST_LINE  the log's line count before the run: only what comes after it is read
  TOP         how many statements to print, those whose mean buffers grew most first
  TEXT        also print the plans of the statements whose text contains TEXT, one per tenant
A statement's text is the same on both tenants but for the schema (tenant_bhy<run> or tenant_bhw<run>); its buffers are
the top plan node's shared hit + read, so a statement that grows with history shows year > week whatever the machine's
load. Not a target: a tool to find what grows (docs/benchmarks.md).
"""
import re, sys, collections
lines = open(sys.argv[1], errors='replace').read().split('\n')[int(sys.argv[2]):]
entries = []; cur = None
for l in lines:
    if 'LOG:  duration:' in l and 'plan:' in l:
        cur = []; entries.append(cur)
    elif cur is not None and (l.startswith('\t') or l.startswith('  ')):
        cur.append(l)
    else:
        cur = None
stats = collections.defaultdict(lambda: {'y': [0, 0], 'w': [0, 0]})
plans = {}
for e in entries:
    text = []; i = 0
    while i < len(e) and not e[i].strip().startswith('Query Text:'): i += 1
    if i == len(e): continue
    text.append(e[i].strip()[len('Query Text:'):]); i += 1
    # the query text goes on until the first plan node line (indented by exactly one tab and a capital letter)
    while i < len(e) and not re.match(r'^\t[A-Z][A-Za-z ]+(  |\s\()', e[i]) : text.append(e[i].strip()); i += 1
    q = ' '.join(text)
    m = re.search(r'tenant_bh([yw])[0-9a-f]+', q)
    if not m: continue
    kind = m.group(1)
    norm = re.sub(r'tenant_bh[yw][0-9a-f]+', 'S', q)
    norm = re.sub(r'\s+', ' ', norm).strip()
    buf = 0
    for l in e[i:]:
        b = re.search(r'Buffers: shared( hit=(\d+))?( read=(\d+))?', l)
        if b:
            buf = int(b.group(2) or 0) + int(b.group(4) or 0); break
    s = stats[norm][kind]; s[0] += 1; s[1] += buf
    plans.setdefault((norm, kind), '\n'.join(e[i:]))
rows = []
for q, s in stats.items():
    (cy, by), (cw, bw) = s['y'], s['w']
    if cy and cw:
        ay, aw = by / cy, bw / cw
        rows.append((ay - aw, ay, aw, cy, cw, q))
rows.sort(reverse=True)
for d, ay, aw, cy, cw, q in rows[:int(sys.argv[3]) if len(sys.argv) > 3 else 25]:
    print(f"year {ay:9.1f} week {aw:9.1f} ratio {ay / max(aw, 0.1):6.2f} calls {cy}/{cw} :: {q[:400]}")
if len(sys.argv) > 4:
    for (q, k), p in plans.items():
        if sys.argv[4] in q:
            print('==', k, q[:300]); print(p)
