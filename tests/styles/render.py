#!/usr/bin/env python3
"""Renders the tables of the seed report (corpus/zhaotong-2020.txt) in every flattening
style govreport reads, for the style-equivalence test (tests/styles/mod.rs).

The table structures below were written by reading the seed text (its HTML flattening
prints each cell once, in the first row it spans); they are HTML-like: rows of cells,
each with its column and row span. Two value sets: `zero` (the seed's own values, all
0) and `numbered` (1, 2, 3, ... row by row, so a value put in the wrong column shows).

    python3 tests/styles/render.py        # rewrites tests/styles/fixtures/

Each fixture is a short report: the three section headings with their table. The
expected tidy values of the `numbered` set are written by construction to
`zhaotong-numbered.expected.tsv` (title, row path, column path, value); the `zero`
set is checked against corpus/zhaotong-2020.truth.json.
"""
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")


def C(text, cs=1, rs=1):
    return {"text": text, "cs": cs, "rs": rs}


V = object()  # a value cell, filled per value set


def t2():
    rows = []
    def band(b):
        rows.append([C(b, 4)])
    band("第二十条第(一)项")
    rows.append([C("信息内容"), C("本年新制作数量"), C("本年新 公开数量"), C("对外公开 总数量")])
    rows.append([C("规章"), V, V, V])
    rows.append([C("规范性文件"), V, V, V])
    for b, labels in (("第二十条第(五)项", ("行政许可", "其他对外管理服务事项")),
                      ("第二十条第(六)项", ("行政处罚", "行政强制"))):
        band(b)
        rows.append([C("信息内容"), C("上一年项目数量"), C("本年增/减"), C("处理决定数量")])
        for l in labels:
            rows.append([C(l), V, V, V])
    band("第二十条第(八)项")
    rows.append([C("信息内容"), C("上一年项目数量"), C("本年增/减")])
    rows.append([C("行政事业性收费"), V, V])
    band("第二十条第(九)项")
    rows.append([C("信息内容"), C("采购项目数量"), C("采购金额")])
    rows.append([C("政府集中采购"), V, V])
    return {"title": "主动公开政府信息情况", "heading": "二、主动公开政府信息情况",
            "ncols": 4, "labels": 1, "rows": rows}


def t3():
    vals = [V] * 7
    rows = [
        [C("(本列数据的勾稽关系为:第一项加第二项之和等于第三项加第四项之和)", 3, 3), C("申请人情况", 7)],
        [C("自然人", 1, 2), C("法人或其他组织", 5), C("总计", 1, 2)],
        [C("商业机构"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他")],
        [C("一、本年新收政务信息公开申请数量", 3)] + vals,
        [C("二、上年结转政府信息公开申请数量", 3)] + vals,
        [C("三、本年度办理结果", 1, 20), C("(一)予以公开", 2)] + vals,
        [C("(二)不分公开(区分处理的,只计这一情形,不计其他情形)", 2)] + vals,
    ]
    groups = [
        ("(三)不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                        "7.属于行政执法案卷", "8.属于行政查询事项"]),
        ("(四)无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
                        "3.补正后申请内容仍不明确"]),
        ("(五)不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                        "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具以获取信息"]),
    ]
    for g, items in groups:
        for k, it in enumerate(items):
            head = [C(g, 1, len(items))] if k == 0 else []
            rows.append(head + [C(it)] + vals)
    rows.append([C("(六)其他处理", 2)] + vals)
    rows.append([C("(七)总计", 2)] + vals)
    rows.append([C("四、结转下年度继续办理", 3)] + vals)
    return {"title": "收到和处理政府信息公开申请情况", "heading": "三、收到和处理政府信息公开申请情况",
            "ncols": 10, "labels": 3, "rows": rows}


def t4():
    sub = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [C("行政复议", 5), C("行政诉讼", 10)],
        [C(s, 1, 2) for s in sub] + [C("未经复议直接起诉", 5), C("复议后起诉", 5)],
        [C(s) for s in sub + sub],
        [V] * 15,
    ]
    return {"title": "政府信息公开行政复议、行政诉讼情况", "heading": "四、政府信息公开行政复议、行政诉讼情况",
            "ncols": 15, "labels": 0, "rows": rows}


TABLES = [t2(), t3(), t4()]


def fill(tables, values):
    """Copies the tables with their value cells filled from the iterator `values`."""
    out = []
    for t in tables:
        rows = [[C(next(values)) if c is V else dict(c) for c in r] for r in t["rows"]]
        out.append(dict(t, rows=rows))
    return out


def place(t):
    """Grid of the table: grid[r][c] = (cell, r0, c0) of the cell covering it, or None."""
    n = len(t["rows"])
    grid = [[None] * t["ncols"] for _ in range(n)]
    for r, row in enumerate(t["rows"]):
        c = 0
        for cell in row:
            while c < t["ncols"] and grid[r][c] is not None:
                c += 1
            for dr in range(cell["rs"]):
                for dc in range(cell["cs"]):
                    grid[r + dr][c + dc] = (cell, r, c)
            c += cell["cs"]
    return grid


def width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def is_number(s):
    return s.replace(".", "", 1).isdigit()


# ---------------------------------------------------------------- renderers


def pipe(t):
    return [" | ".join(c["text"] for c in row) + " |" for row in t["rows"]]


def markdown(t):
    grid = place(t)
    lines = []
    for r, row in enumerate(grid):
        cells = [g[0]["text"] if g and g[1] == r and g[2] == c else "" for c, g in enumerate(row)]
        lines.append("| " + " | ".join(cells) + " |")
        if r == 0:
            lines.append("|" + "---|" * t["ncols"])
    return lines


def tsv(t):
    grid = place(t)
    lines = []
    for r, row in enumerate(grid):
        fields, c = [], 0
        while c < t["ncols"]:
            g = row[c]
            if g is None:  # a row with fewer cells than the grid
                break
            cell, r0, c0 = g
            fields.append(cell["text"] if r0 == r else "")  # a vMerge continuation is empty
            c += cell["cs"]
        lines.append("\t".join(fields))
    return lines


def cellline(t, sep=None):
    lines = []
    for k, row in enumerate(t["rows"]):
        if sep is not None and k > 0:
            lines.append(sep)
        lines.extend(c["text"] for c in row)
    return lines


def col_widths(t, grid, gap):
    w = [0] * t["ncols"]
    for row in t["rows"]:
        pass
    for r, row in enumerate(grid):
        for c, g in enumerate(row):
            if g and g[1] == r and g[2] == c and g[0]["cs"] == 1:
                w[c] = max(w[c], width(g[0]["text"]) + gap)
    for r, row in enumerate(grid):
        for c, g in enumerate(row):
            if g and g[1] == r and g[2] == c and g[0]["cs"] > 1:
                span = sum(w[c:c + g[0]["cs"]])
                need = width(g[0]["text"]) + gap
                if span < need:
                    w[c + g[0]["cs"] - 1] += need - span
    return [max(x, gap + 1) for x in w]


def aligned(t, right=False):
    """Full grid padded with spaces; `right`: numbers right-aligned, header cells centred
    over their span (as pdftotext prints a PDF table)."""
    grid = place(t)
    w = col_widths(t, grid, 2)
    x0 = [sum(w[:c]) for c in range(t["ncols"])]
    nhead = next(r for r, row in enumerate(t["rows"]) if any(is_number(c["text"]) for c in row))
    lines = []
    for r, row in enumerate(grid):
        line = ""
        for c, g in enumerate(row):
            if not g or g[1] != r or g[2] != c:
                continue
            cell = g[0]
            text = cell["text"]
            span = sum(w[c:c + cell["cs"]]) - 2
            if right and is_number(text):
                pos = x0[c] + span - width(text)
            elif right and r < nhead and c >= t["labels"]:
                pos = x0[c] + max(0, (span - width(text)) // 2)
            else:
                pos = x0[c]
            line += " " * max(pos - width(line), 2 if line else 0) + text
        lines.append(line.rstrip())
    return lines


def boxed(t, ascii_=False, wrap=None):
    """A box-drawing (or ASCII) grid. `wrap`: label columns narrower than their longest
    label, so long labels wrap onto several lines inside their cell."""
    grid = place(t)
    w = col_widths(t, grid, 2)
    if wrap:
        for c in range(t["labels"] or 1):
            w[c] = min(w[c], wrap)
    H, Vt, J = ("-", "|", "+") if ascii_ else ("─", "│", "┼")
    nr, nc = len(grid), t["ncols"]

    def chunks(text, room):
        out, cur = [], ""
        for ch in text:
            if width(cur + ch) > room:
                out.append(cur)
                cur = ""
            cur += ch
        return out + [cur]

    def same(a, b):
        return a is not None and b is not None and a[1:] == b[1:]

    # texts of each origin cell, wrapped to its span's room
    texts = {}
    height = [1] * nr
    for r in range(nr):
        for c in range(nc):
            g = grid[r][c]
            if g and g[1] == r and g[2] == c:
                room = sum(w[c:c + g[0]["cs"]]) + g[0]["cs"] - 1 - 2
                texts[(r, c)] = chunks(g[0]["text"], max(room, 2))
                height[r] = max(height[r], len(texts[(r, c)]))

    def rule(r):
        """The line above row r (r == nr: the bottom border)."""
        s = J
        for c in range(nc):
            above = grid[r - 1][c] if r > 0 else None
            below = grid[r][c] if r < nr else None
            open_ = same(above, below)
            s += (" " * w[c]) if open_ else (H * w[c])
            s += J
        return s.rstrip()

    lines = []
    for r in range(nr):
        lines.append(rule(r) if r != 1 or not ascii_ else rule(r).replace("-", "="))
        for k in range(height[r]):
            s = Vt
            c = 0
            while c < nc:
                g = grid[r][c]
                if g is None:
                    s += " " * w[c] + Vt
                    c += 1
                    continue
                cell, r0, c0 = g
                span = sum(w[c:c + cell["cs"]]) + cell["cs"] - 1
                piece = texts.get((r0, c0), [""])
                text = piece[k] if r0 == r and k < len(piece) else ""
                s += " " + text + " " * (span - 1 - width(text)) + Vt
                c += cell["cs"]
            lines.append(s)
    lines.append(rule(nr))
    return lines


STYLES = {
    "pipe": pipe,
    "markdown": markdown,
    "tsv": tsv,
    "cellline": cellline,
    "cellline-blank": lambda t: cellline(t, ""),
    "cellline-bar": lambda t: cellline(t, "|"),
    "aligned": aligned,
    "aligned-right": lambda t: aligned(t, right=True),
    "grid-box": boxed,
    "grid-ascii": lambda t: boxed(t, ascii_=True),
    "grid-wrapped": lambda t: boxed(t, wrap=12),
}


def document(tables, style):
    out = ["昭通市政务服务管理局2020年政府信息公开工作年度报告", "一、总体情况", "（文字描述）"]
    for t in tables:
        out.append(t["heading"])
        if style.startswith(("aligned", "cellline-")):
            out.append("")
        out.extend(STYLES[style](t))
        if style.startswith(("aligned", "cellline-")):
            out.append("")
    out += ["五、存在主要问题及改进情况", "（文字描述）"]
    return "\n".join(out) + "\n"


def expected(tables):
    """Tidy values by construction: title, row path, column path, value."""
    out = []
    for t in tables:
        grid = place(t)
        band, rowpath = None, {}
        nhead = None
        for r, row in enumerate(t["rows"]):
            cells = grid[r]
            if len(row) == 1 and row[0]["cs"] == t["ncols"] and t["ncols"] > 1 and not is_number(row[0]["text"]):
                band, nhead = row[0]["text"], None
                continue
            if not any(is_number(g[0]["text"]) for g in cells if g):
                if nhead is None:
                    nhead = r
                continue
            labels = []
            for c in range(t["labels"]):
                g = cells[c]
                if g and g[0]["text"] not in labels:
                    labels.append(g[0]["text"])
            path = ([band] if band else []) + labels
            for c in range(t["labels"], t["ncols"]):
                g = cells[c]
                if not g or not is_number(g[0]["text"]):
                    continue
                col = []
                for hr in range(nhead, r):
                    h = grid[hr][c]
                    if h and h[0]["text"] not in col and not is_number(h[0]["text"]) and h[2] >= t["labels"]:
                        col.append(h[0]["text"])
                out.append((t["title"], " > ".join(path), " > ".join(col), g[0]["text"]))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    counter = iter(range(1, 10000))
    sets = {
        "zero": fill(TABLES, iter(lambda: "0", None)),
        "numbered": fill(TABLES, (str(i) for i in counter)),
    }
    for name, tables in sets.items():
        for style in STYLES:
            path = os.path.join(OUT, f"zhaotong-{name}.{style}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(document(tables, style))
    with open(os.path.join(OUT, "zhaotong-numbered.expected.tsv"), "w", encoding="utf-8") as f:
        for row in expected(sets["numbered"]):
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
