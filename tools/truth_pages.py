#!/usr/bin/env python3
"""truth_pages.py OUT_DIR TRUTH...: each truth file's tables as an HTML page of real spans.

Measures the readers on tables of real reports flattened by the tools users run: the
structures (header trees, row hierarchies, values) are the hand-read truths of `corpus/`,
the text is what each real tool makes of them. Usage (from the repository root):

    python3 tools/truth_pages.py /tmp/rt/html $(grep -L '"template": "20[12][19]"' corpus/*.truth.json)
    bash ../shared/bench/flatten.sh /tmp/rt/html /tmp/rt/flat
    ../shared/tools/score --bin target/release/govreport /tmp/rt/flat


The truth's own cells give the tables: column paths become header rows with colspans (a
path ending above others spans the header rows down), row paths become label columns with
rowspans when every row is as deep, else one label column indented by full-width spaces
(a row's unprinted parents printed as label rows). Captions are a line over each table.
OUT_DIR/NAME.html and OUT_DIR/NAME.truth.json (the truth unchanged) result, ready for
shared/bench/flatten.sh."""
import html, json, os, re, sys

def cjk(s):
    return any('\u4e00' <= ch <= '\u9fff' for ch in s)

def fmt(v):
    if v is None:
        return ''
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        return repr(v) if isinstance(v, float) else str(v)
    return str(v)

def ordered(xs):
    seen, out = set(), []
    for x in xs:
        t = tuple(x)
        if t not in seen:
            seen.add(t); out.append(t)
    return out

def header(cols, stub_cols, corner):
    H = max(len(c) for c in cols)
    grid = [[] for _ in range(H)]
    grid[0].append(f'<th rowspan="{H}" colspan="{stub_cols}">{html.escape(corner)}</th>')
    n = len(cols)
    for h in range(H):
        c = 0
        while c < n:
            p = cols[c]
            if len(p) > h:
                k = c
                while k + 1 < n and len(cols[k + 1]) > h and cols[k + 1][:h + 1] == p[:h + 1]:
                    k += 1
                span = k - c + 1
                down = H - h if (span == 1 and len(p) == h + 1) else 1
                grid[h].append(f'<th colspan="{span}" rowspan="{down}">{html.escape(p[h])}</th>')
                c = k + 1
            else:
                # the path ended above: blank under its label unless that label spanned down
                L = len(p) - 1
                spanned = not ((c > 0 and cols[c - 1][:L + 1] == p[:L + 1] and len(cols[c-1]) > L)
                               or (c + 1 < n and cols[c + 1][:L + 1] == p[:L + 1] and len(cols[c+1]) > L))
                if h == L + 1 and not spanned:
                    grid[h].append(f'<th rowspan="{H - h}"></th>')
                c += 1
    return ''.join(f'<tr>{"".join(r)}</tr>\n' for r in grid)

def table_html(cells, border):
    rows = ordered(c['row'] for c in cells)
    cols = ordered(c['col'] for c in cells)
    # a truth names the k-th of columns printed alike `PATH + ["[k]"]` (the scorer's
    # convention): the page prints PATH
    shown = [c[:-1] if len(c) > 1 and re.fullmatch(r'\[\d+\]', c[-1]) else c for c in cols]
    val = {(tuple(c['row']), tuple(c['col'])): c['value'] for c in cells}
    depths = {len(r) for r in rows}
    chinese = any(cjk(x) for r in rows for x in r)
    corner = '项目' if chinese else 'Item'
    out = []
    if len(depths) == 1 and min(depths) >= 2:
        D = min(depths)
        out.append(header(shown, D, corner))
        for i, r in enumerate(rows):
            tds = []
            for d in range(D):
                if i > 0 and rows[i - 1][:d + 1] == r[:d + 1]:
                    continue
                k = i
                while k + 1 < len(rows) and rows[k + 1][:d + 1] == r[:d + 1]:
                    k += 1
                tds.append(f'<td rowspan="{k - i + 1}">{html.escape(r[d])}</td>')
            tds += [f'<td>{html.escape(fmt(val.get((r, c))))}</td>' for c in cols]
            out.append(f'<tr>{"".join(tds)}</tr>\n')
    else:
        out.append(header(shown, 1, corner))
        printed = set()
        # (rows in the order of their tree: a row under a label printed earlier goes
        # with that label's other rows, as the page nests it, not after the next label)
        first = {}
        for r in rows:
            for d in range(len(r)):
                first.setdefault(r[:d + 1], len(first))
        rows = sorted(rows, key=lambda r: [first[r[:d + 1]] for d in range(len(r))])
        for r in rows:
            # (a row the truth gives no label, a form's one row, prints its values
            # under an empty label cell)
            if not r:
                tds = '<td></td>' + ''.join(f'<td>{html.escape(fmt(val.get((r, c))))}</td>' for c in cols)
                out.append(f'<tr>{tds}</tr>\n')
            for d in range(len(r)):
                pre = r[:d + 1]
                if pre in printed:
                    continue
                printed.add(pre)
                pad = '\u3000\u3000' * d if chinese else '&nbsp;&nbsp;&nbsp;&nbsp;' * d
                vals = [fmt(val.get((pre, c))) if pre == r else '' for c in cols]
                tds = f'<td>{pad}{html.escape(pre[-1])}</td>' + ''.join(f'<td>{html.escape(v)}</td>' for v in vals)
                out.append(f'<tr>{tds}</tr>\n')
    attrs = ' border="1" cellspacing="0"' if border else ''
    return f'<table{attrs}>\n' + ''.join(out) + '</table>\n'

def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for path in sys.argv[2:]:
        d = json.load(open(path))
        if not d.get('cells'):
            continue
        name = os.path.basename(path).replace('.truth.json', '')
        titles = ordered([c['table']] for c in d['cells'])
        body = []
        title = (d.get('meta') or {}).get('title')
        if title:
            body.append(f'<h1>{html.escape(title)}</h1>')
        for (t,) in titles:
            cells = [c for c in d['cells'] if c['table'] == t]
            if t:
                body.append(f'<p>{html.escape(t)}</p>')
            # half the pages' tables drawn with borders (as many agencies' are), by name
            border = sum(name.encode()) % 2 == 0
            body.append(table_html(cells, border))
        page = ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>' + html.escape(name) +
                '</title></head><body>\n' + '\n'.join(body) + '</body></html>\n')
        open(os.path.join(out_dir, name + '.html'), 'w').write(page)
        d2 = dict(d); d2['headings'] = []
        json.dump(d2, open(os.path.join(out_dir, name + '.truth.json'), 'w'), ensure_ascii=False)

main()
