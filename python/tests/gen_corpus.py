#!/usr/bin/env python3
"""Generate a deterministic benchmark corpus of 政府信息公开工作年度报告 variants.

Starting from one real seed report (plain text, pipe-flattened tables), every
generated document:
  * keeps the seed's section and table structure (2019-revision template:
    sections 一..六, the 第二十条 tables, the 申请 table with its 3-row header
    and hierarchical row labels, the 复议/诉讼 table);
  * gets random non-negative integers in every numeric table cell, with the
    template's totals kept consistent:
      - 申请 table: 总计 column = sum of the six applicant columns; row
        (七)总计 = sum of the 19 outcome rows; 一 + 二 = (七)总计 + 四 (勾稽关系);
      - 复议/诉讼 table: each 总计 = sum of its four outcome cells;
      - 第二十条 tables: 对外公开总数量 >= 本年新公开数量;
  * gets a different city / agency name and report year in the prose
    (dates shift with the year; counts like "44条" are re-drawn);
  * has its sub-paragraphs shuffled, dropped, duplicated or synthesised from
    seed sentences, then renumbered (一)(二)..., so that sizes follow a
    log-normal law clipped to [--min-kb, --max-kb] (default 5-40 KB of UTF-8 text, mean ~9.9 KB;
    GB18030 files are ~30% smaller on disk).

Variants (exact counts, disjoint index sets drawn from the seed):
  * --gb18030-frac (default 0.10): written GB18030-encoded instead of UTF-8;
  * --crlf-frac (default 0.10): written with CRLF line endings.
  With --variants copies, the chosen documents stay UTF-8/LF in OUT and the
  variants are written as extra files under OUT-variants/ instead.

Outputs:
  OUT/r00000.txt ...           the documents
  OUT.manifest.tsv             file, bytes, encoding, eol, city, agency, year, n_paras
                               (beside OUT, so that OUT holds documents only)
  --concat FILE                one big UTF-8/LF file: every document (UTF-8 form)
                               followed by one blank line
  --markdown DIR               a Markdown rendering of the first --markdown-n documents
                               (headings as #/##, pipe blocks as GFM tables)

Same --seed and --n give byte-identical output.

Example:
  python3 gen_corpus.py --n 2000 --seed 1 --out target/bench-corpus/main \
      --concat target/bench-corpus/all.txt --markdown target/bench-corpus/md --markdown-n 200
"""
from __future__ import annotations

import argparse
import math
import os
import random
import re
import sys

# The team's bench-kit generator (gen_corpus.py), copied here so that the tests run from a
# clone: the seed is the repository's own copy of the seed report.
DEFAULT_SEED_DOC = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus", "zhaotong-2020.txt"
)

CN_DIGITS = "零一二三四五六七八九"

CITIES = [
    "昭通市", "曲靖市", "玉溪市", "保山市", "丽江市", "普洱市", "临沧市", "楚雄州",
    "红河州", "文山州", "大理州", "德宏州", "怒江州", "迪庆州", "西双版纳州", "昆明市",
    "贵阳市", "遵义市", "六盘水市", "安顺市", "毕节市", "铜仁市", "成都市", "自贡市",
    "攀枝花市", "泸州市", "德阳市", "绵阳市", "广元市", "遂宁市", "内江市", "乐山市",
    "南充市", "宜宾市", "广安市", "达州市", "雅安市", "巴中市", "眉山市", "资阳市",
    "长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "张家界市",
]
AGENCIES = [
    "政务服务管理局", "发展和改革委员会", "教育体育局", "工业和信息化局", "公安局",
    "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源和规划局",
    "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局",
    "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
    "市场监督管理局", "统计局", "医疗保障局", "林业和草原局", "乡村振兴局",
    "信访局", "机关事务管理局", "地方金融监督管理局", "能源局",
]

SECTION_RE = re.compile(r"^([一二三四五六七八九十]+)、")
SUBPARA_RE = re.compile(r"^\(([一二三四五六七八九十]+)\)")
NUM_CELL_RE = re.compile(r"^\d+$")
PROSE_COUNT_RE = re.compile(r"(\d+)(余?)(条|个|次|篇|家)")


def cn_num(n: int) -> str:
    """1..99 -> 一..九十九 (enough for renumbering sub-paragraphs)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    s = ("" if tens == 1 else CN_DIGITS[tens]) + "十"
    return s + (CN_DIGITS[ones] if ones else "")


# ---------------------------------------------------------------- seed model

class Seed:
    """The seed split into: preamble, sections (heading, intro lines, sub-paragraphs,
    table lines). Table lines are kept verbatim and re-filled with numbers."""

    def __init__(self, text: str):
        lines = text.split("\n")
        self.trailing_newline = text.endswith("\n")
        if self.trailing_newline:
            lines = lines[:-1]
        self.preamble: list[str] = []
        self.sections: list[dict] = []
        cur = None
        for ln in lines:
            if "|" not in ln and SECTION_RE.match(ln):
                cur = {"heading": ln, "intro": [], "paras": [], "table": [], "tail": []}
                self.sections.append(cur)
                continue
            if cur is None:
                self.preamble.append(ln)
            elif "|" in ln:
                cur["table"].append(ln)
            elif SUBPARA_RE.match(ln):
                cur["paras"].append(SUBPARA_RE.sub("", ln, count=1))
            elif cur["paras"] or cur["table"]:
                cur["tail"].append(ln)
            else:
                cur["intro"].append(ln)
        # sentence pool for synthesised paragraphs
        prose = [p for s in self.sections for p in s["paras"] + s["intro"]] + self.preamble
        self.sentences = [x + "。" for p in prose for x in p.split("。") if len(x) > 8]
        self.para_titles = [p.split("。")[0] + "。" for s in self.sections for p in s["paras"]]


# ---------------------------------------------------------------- numbers

def small_count(rng: random.Random, p_zero=0.55, scale=6.0) -> int:
    if rng.random() < p_zero:
        return 0
    v = int(rng.lognormvariate(math.log(scale), 1.3))
    return min(v, 99999)


def split_total(rng: random.Random, total: int, k: int, weights: list[float]) -> list[int]:
    """Distribute `total` into k non-negative ints (multinomial with weights)."""
    out = [0] * k
    if total <= 0:
        return out
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    # for large totals sample proportions then fix the rounding
    if total > 200:
        props = [rng.random() * w for w in weights]
        s = sum(props) or 1.0
        out = [int(total * p / s) for p in props]
        out[0] += total - sum(out)
        return out
    for _ in range(total):
        r = rng.random() * acc
        lo = 0
        while cum[lo] < r:
            lo += 1
        out[lo] += 1
    return out


def fill_numbers(line: str, values: list[int]) -> str:
    """Replace the numeric cells of a pipe line, in order, keeping the separators."""
    parts = re.split(r"(\s*\|\s*)", line)
    it = iter(values)
    for i, p in enumerate(parts):
        if i % 2 == 0 and NUM_CELL_RE.match(p):
            try:
                parts[i] = str(next(it))
            except StopIteration:
                break
    return "".join(parts)


def numeric_cells(line: str) -> int:
    return sum(1 for c in line.split("|") if NUM_CELL_RE.match(c.strip()))


def fill_apply_table(rng: random.Random, table: list[str]) -> list[str]:
    """The 收到和处理政府信息公开申请情况 table: 23 numeric rows x 7 columns."""
    rows = [i for i, ln in enumerate(table) if numeric_cells(ln) == 7]
    if len(rows) != 23:
        return fill_generic(rng, table)
    ncol = 6
    # column scales: 自然人 dominates
    scales = [12.0, 2.0, 0.5, 0.5, 0.8, 1.0]
    new = [small_count(rng, p_zero=0.35 if c == 0 else 0.8, scale=scales[c] + 1) for c in range(ncol)]
    carried = [small_count(rng, p_zero=0.85, scale=2.0) if new[c] else 0 for c in range(ncol)]
    # 19 outcome rows; weights favour 予以公开 / 无法提供 / 其他处理
    w = [6, 1.5, 0.2, 0.2, 0.2, 0.3, 0.2, 0.4, 0.2, 0.2, 2.0, 0.8, 0.4, 0.3, 0.5, 0.2, 0.2, 0.2, 1.0]
    mat = []  # 23 rows x 6
    outcome_cols = []
    fwd = []
    for c in range(ncol):
        tot = new[c] + carried[c]
        f = rng.randint(0, tot // 5) if tot else 0
        fwd.append(f)
        outcome_cols.append(split_total(rng, tot - f, 19, w))
    mat.append(new)
    mat.append(carried)
    for r in range(19):
        mat.append([outcome_cols[c][r] for c in range(ncol)])
    mat.append([sum(outcome_cols[c]) for c in range(ncol)])  # (七)总计
    mat.append(fwd)  # 四、结转下年度继续办理
    out = list(table)
    for idx, vals in zip(rows, mat):
        out[idx] = fill_numbers(table[idx], vals + [sum(vals)])
    return out


def fill_review_table(rng: random.Random, table: list[str]) -> list[str]:
    """行政复议 / 行政诉讼: 3 groups of (维持, 纠正, 其他, 尚未审结, 总计)."""
    out = list(table)
    for i, ln in enumerate(table):
        if numeric_cells(ln) == 15:
            vals = []
            for g in range(3):
                four = [small_count(rng, p_zero=0.7, scale=2.0) for _ in range(4)]
                vals += four + [sum(four)]
            out[i] = fill_numbers(ln, vals)
    return out


def fill_generic(rng: random.Random, table: list[str]) -> list[str]:
    """第二十条 tables and anything unknown: random counts; if the header says
    对外公开总数量 keep it >= 本年新公开数量."""
    out = list(table)
    header = ""
    for i, ln in enumerate(table):
        k = numeric_cells(ln)
        if k == 0:
            header = ln
            continue
        vals = [small_count(rng, p_zero=0.5, scale=8.0) for _ in range(k)]
        if "总数量" in header and k >= 3:
            vals[2] = vals[1] + small_count(rng, p_zero=0.3, scale=40.0)
        if "采购金额" in header and k >= 2:
            vals[1] = vals[0] * rng.randint(5, 300) if vals[0] else 0
        out[i] = fill_numbers(ln, vals)
    return out


def fill_table(rng: random.Random, table: list[str]) -> list[str]:
    joined = "\n".join(table)
    if "自然人" in joined and "总计" in joined:
        return fill_apply_table(rng, table)
    if "行政复议" in joined and "行政诉讼" in joined:
        return fill_review_table(rng, table)
    return fill_generic(rng, table)


# ---------------------------------------------------------------- prose

def vary_prose(rng: random.Random, text: str, city: str, agency: str, year: int,
               seed_city="昭通市", seed_year=2020) -> str:
    text = text.replace(seed_city + "政务服务管理局", city + agency)
    text = text.replace("市政务服务管理局", "市" + agency if agency[0] != "市" else agency)
    text = text.replace(seed_city, city)
    text = text.replace(seed_city[:-1], city[:-1])  # 昭通 -> 德阳
    # shift 4-digit years in 2010..2030 by the same offset
    off = year - seed_year
    text = re.sub(r"20[123]\d(?=年|版|\))", lambda m: str(int(m.group(0)) + off), text)
    text = PROSE_COUNT_RE.sub(
        lambda m: f"{max(1, int(rng.lognormvariate(math.log(max(int(m.group(1)), 2)), 0.6)))}"
                  f"{m.group(2)}{m.group(3)}", text)
    return text


def synth_para(rng: random.Random, seed: Seed) -> str:
    title = rng.choice(seed.para_titles)
    body = "".join(rng.choice(seed.sentences) for _ in range(rng.randint(3, 9)))
    return title + body


def nbytes(lines) -> int:
    return sum(len(x.encode("utf-8")) + 1 for x in lines)


def compose(rng: random.Random, seed: Seed, target: int, floor: int, ceil: int) -> tuple[list[str], int]:
    """Return (lines, n_paras) for one document of about `target` UTF-8 bytes."""
    secs = []
    prose_secs = []
    for s in seed.sections:
        paras = list(s["paras"])
        rng.shuffle(paras)
        if len(paras) > 2:
            paras = [p for p in paras if rng.random() > 0.2] or paras[:1]
        d = {"heading": s["heading"], "intro": list(s["intro"]), "paras": paras,
             "table": fill_table(rng, s["table"]) if s["table"] else [], "tail": list(s["tail"])}
        secs.append(d)
        if s["paras"]:
            prose_secs.append(d)

    def render(with_numbers=True):
        out = list(seed.preamble)
        for d in secs:
            out.append(d["heading"])
            out.extend(d["intro"])
            for i, p in enumerate(d["paras"], 1):
                out.append(f"({cn_num(i)}){p}" if with_numbers else p)
            out.extend(d["table"])
            out.extend(d["tail"])
        return out

    size = nbytes(render())
    if prose_secs:
        # shrink: drop paragraphs (keep one per section) while that brings us closer
        while size > target:
            cands = [d for d in prose_secs if len(d["paras"]) > 1]
            if not cands:
                break
            d = rng.choice(cands)
            j = rng.randrange(len(d["paras"]))
            drop = len(d["paras"][j].encode("utf-8")) + 8
            if size - drop < max(floor, target - drop // 2):
                break
            d["paras"].pop(j)
            size -= drop
        # grow: duplicate a seed paragraph or synthesise one from seed sentences
        target = min(target, ceil)
        tries = 0
        while size < target and tries < 50:
            d = prose_secs[0] if (len(prose_secs) == 1 or rng.random() < 0.7) else rng.choice(prose_secs[1:])
            if rng.random() < 0.5:
                src = rng.choice([s for s in seed.sections if s["paras"]])
                p = rng.choice(src["paras"])
            else:
                p = synth_para(rng, seed)
            add = len(p.encode("utf-8")) + 8
            if size + add > ceil:
                tries += 1
                continue
            if size >= floor and size + add > target + add // 2:
                break
            d["paras"].insert(rng.randint(0, len(d["paras"])), p)
            size += add
    n_paras = sum(len(d["paras"]) for d in secs)
    return render(), n_paras


# ---------------------------------------------------------------- markdown

def to_markdown(text: str) -> str:
    """Headings -> '#'/'##', pipe blocks -> GFM tables (first row as header,
    padded to the widest row), everything else as paragraphs."""
    out = []
    block: list[list[str]] = []

    def flush():
        if not block:
            return
        width = max(len(r) for r in block)
        rows = [r + [""] * (width - len(r)) for r in block]
        esc = lambda c: c.replace("|", "\\|")
        out.append("| " + " | ".join(esc(c) for c in rows[0]) + " |")
        out.append("|" + "---|" * width)
        for r in rows[1:]:
            out.append("| " + " | ".join(esc(c) for c in r) + " |")
        out.append("")
        block.clear()

    for ln in text.splitlines():
        if "|" in ln:
            cells = [c.strip() for c in ln.strip().rstrip("|").split("|")]
            block.append(cells)
            continue
        flush()
        if SECTION_RE.match(ln):
            out.append("# " + ln)
        elif SUBPARA_RE.match(ln) and "。" in ln[:60]:
            title, _, rest = ln.partition("。")
            out.append("## " + title + "。")
            if rest:
                out.append("")
                out.append(rest)
        else:
            out.append(ln)
        out.append("")
    flush()
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed-doc", default=DEFAULT_SEED_DOC)
    ap.add_argument("--n", type=int, default=2000, help="number of documents (default 2000)")
    ap.add_argument("--seed", type=int, default=1, help="RNG seed (default 1)")
    ap.add_argument("--out", default="target/bench-corpus/main", help="output directory")
    ap.add_argument("--min-kb", type=float, default=5.0)
    ap.add_argument("--max-kb", type=float, default=40.0)
    ap.add_argument("--median-kb", type=float, default=8.8, help="median of the log-normal size law")
    ap.add_argument("--sigma", type=float, default=0.45, help="sigma of the log-normal size law")
    ap.add_argument("--years", default="2019-2020",
                    help="report years to draw from, e.g. 2019-2020 (the seed's template years)")
    ap.add_argument("--gb18030-frac", type=float, default=0.10)
    ap.add_argument("--crlf-frac", type=float, default=0.10)
    ap.add_argument("--variants", choices=["inplace", "copies"], default="inplace",
                    help="inplace: chosen docs are re-encoded in OUT; copies: extra files in OUT-variants/")
    ap.add_argument("--title-frac", type=float, default=0.5, help="fraction of docs given a title line")
    ap.add_argument("--concat", metavar="FILE", help="also write one concatenated UTF-8/LF file")
    ap.add_argument("--markdown", metavar="DIR", help="also write Markdown renderings here")
    ap.add_argument("--markdown-n", type=int, default=None, help="how many docs to render (default all)")
    args = ap.parse_args(argv)

    with open(args.seed_doc, encoding="utf-8") as f:
        seed = Seed(f.read())
    y0, _, y1 = args.years.partition("-")
    years = list(range(int(y0), int(y1 or y0) + 1))

    os.makedirs(args.out, exist_ok=True)
    g = random.Random(args.seed)
    idx = list(range(args.n))
    g.shuffle(idx)
    n_gb = round(args.n * args.gb18030_frac)
    n_crlf = round(args.n * args.crlf_frac)
    gb_set = set(idx[:n_gb])
    crlf_set = set(idx[n_gb:n_gb + n_crlf])
    if args.variants == "copies":
        vdir = args.out.rstrip("/") + "-variants"
        os.makedirs(vdir, exist_ok=True)

    concat = open(args.concat, "wb") if args.concat else None
    if args.markdown:
        os.makedirs(args.markdown, exist_ok=True)
    md_n = args.n if args.markdown_n is None else args.markdown_n
    manifest = ["file\tbytes\tencoding\teol\tcity\tagency\tyear\tn_paras"]
    total = 0
    mu = math.log(args.median_kb * 1024)
    for i in range(args.n):
        rng = random.Random(args.seed * 1_000_003 + i)
        target = int(min(max(rng.lognormvariate(mu, args.sigma), args.min_kb * 1024), args.max_kb * 1024))
        city, agency, year = rng.choice(CITIES), rng.choice(AGENCIES), rng.choice(years)
        lines, n_paras = compose(rng, seed, target, int(args.min_kb * 1024), int(args.max_kb * 1024) - 600)
        lines = [vary_prose(rng, ln, city, agency, year) if "|" not in ln else ln for ln in lines]
        if rng.random() < args.title_frac:
            lines.insert(0, f"{city}{agency}{year}年政府信息公开工作年度报告")
        text = "\n".join(lines) + ("\n" if seed.trailing_newline or rng.random() < 0.5 else "")
        utf8 = text.encode("utf-8")
        name = f"r{i:05d}.txt"
        enc, eol = "utf-8", "lf"
        if i in gb_set:
            enc = "gb18030"
        elif i in crlf_set:
            eol = "crlf"
        variant = text.replace("\n", "\r\n") if eol == "crlf" else text
        variant = variant.encode(enc)
        if args.variants == "inplace":
            data = variant
        else:
            data = utf8
            if enc != "utf-8" or eol != "lf":
                with open(os.path.join(vdir, name), "wb") as f:
                    f.write(variant)
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        total += len(data)
        manifest.append(f"{name}\t{len(data)}\t{enc if args.variants == 'inplace' else 'utf-8'}\t"
                        f"{eol if args.variants == 'inplace' else 'lf'}\t{city}\t{agency}\t{year}\t{n_paras}")
        if concat:
            concat.write(utf8 if utf8.endswith(b"\n") else utf8 + b"\n")
            concat.write(b"\n")
        if args.markdown and i < md_n:
            with open(os.path.join(args.markdown, f"r{i:05d}.md"), "w", encoding="utf-8") as f:
                f.write(to_markdown(text))
    with open(args.out.rstrip("/") + ".manifest.tsv", "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    if concat:
        concat.close()
    print(f"wrote {args.n} docs, {total} bytes ({total / 1e6:.1f} MB) to {args.out}; "
          f"gb18030={len(gb_set)} crlf={len(crlf_set)} mode={args.variants}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
