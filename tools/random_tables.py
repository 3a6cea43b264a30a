#!/usr/bin/env python3
"""random_tables.py OUT_DIR --n N --seed S: truths of statistical tables of random shapes.

Measures the table readers on shapes no reader was written for: each document holds one
or two tables whose column header is a random tree (one to three levels, groups of
periods, measures, sexes; a total column spanning the header down), whose rows are a
flat list, a tree printed as label columns spanning rows, or a tree printed as one
indented label column, and whose values are counts, amounts, rates and changes with
some blank cells. Labels are Chinese or English, as statistical bulletins, yearbooks
and releases print them. The truths (`NAME.truth.json`, the shape of `corpus/`) go to
`tools/truth_pages.py`, which prints them as HTML pages of real spans, and
`../shared/bench/flatten.sh` flattens those with the tools users run:

    python3 tools/random_tables.py /tmp/rand/truth --n 60 --seed 7
    python3 tools/truth_pages.py /tmp/rand/html /tmp/rand/truth/*.truth.json
    bash ../shared/bench/flatten.sh /tmp/rand/html /tmp/rand/flat
    ../shared/tools/score --bin target/release/govreport /tmp/rand/flat

The same arguments give the same files; a new seed gives a batch no one has seen."""
import argparse, json, os, random

ZH = dict(
    regions=["全省", "广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "河源市", "梅州市", "惠州市",
             "汕尾市", "东莞市", "中山市", "江门市", "阳江市", "湛江市", "茂名市", "肇庆市", "清远市", "潮州市"],
    industries=["农林牧渔业", "采矿业", "制造业", "电力、热力、燃气及水生产和供应业", "建筑业", "批发和零售业",
                "交通运输、仓储和邮政业", "住宿和餐饮业", "信息传输、软件和信息技术服务业", "金融业", "房地产业",
                "租赁和商务服务业", "教育", "卫生和社会工作"],
    items=["一般公共服务支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
           "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出"],
    groups=["第一产业", "第二产业", "第三产业", "城镇", "农村", "国有单位", "集体单位", "其他单位"],
    total="合计",
    leaves=[["本年", "上年", "增长(%)"], ["绝对数", "比上年增长(%)"], ["男", "女"], ["金额", "占比(%)"],
            ["预算数", "决算数", "完成预算(%)"], ["本月", "累计"], ["数量", "比重(%)"], ["城镇", "农村"]],
    periods=["2019年", "2020年", "2021年", "2022年", "2023年", "1-6月", "1-9月", "一季度", "二季度"],
    captions=["表{n} {y}年分地区主要经济指标", "表{n} {y}年分行业从业人员情况", "{n}-{m} 各市{y}年财政收支",
              "表{n} {y}年一般公共预算支出决算表", "{n}-{m} 主要指标增长情况({y}年)"],
    title="{y}年统计公报",
)
EN = dict(
    regions=["United States", "Northeast", "Midwest", "South", "West", "New England", "Middle Atlantic",
             "East North Central", "West North Central", "South Atlantic", "Mountain", "Pacific"],
    industries=["Agriculture", "Mining", "Manufacturing", "Construction", "Wholesale trade", "Retail trade",
                "Transportation and warehousing", "Information", "Financial activities",
                "Professional and business services", "Education and health services", "Leisure and hospitality"],
    items=["Food", "Alcoholic beverages", "Clothing and footwear", "Housing", "Household equipment", "Health",
           "Transport", "Communication", "Recreation and culture", "Education", "Restaurants and hotels"],
    groups=["Men", "Women", "Employed", "Unemployed", "Full-time", "Part-time", "Original", "Seasonally adjusted"],
    total="Total",
    leaves=[["Number", "Per cent"], ["Men", "Women"], ["Index", "% change"], ["Level", "Change"],
            ["Q1", "Q2", "Q3", "Q4"], ["Jan", "Feb", "Mar"], ["Rate", "Standard error"]],
    periods=["2019", "2020", "2021", "2022", "2023", "June 2023", "July 2023", "Q2 2023", "2022-23"],
    captions=["Table {n}. Selected indicators by region, {y}", "Table {n}. Employment by industry, {y}",
              "Table {n}: Consumer price indices by group, {y}", "Table {n}-{m}. Population by age group, {y}"],
    title="Statistical release {y}",
)


def column_tree(r, v):
    """Column paths, top down: one to three levels."""
    depth = r.choices([1, 2, 3], [35, 45, 20])[0]
    leaves = r.choice(v["leaves"])
    cols = []
    if r.random() < 0.3:
        cols.append([v["total"]])
    if depth == 1:
        pool = r.sample(v["periods"], r.randint(2, 5)) if r.random() < 0.5 else leaves
        cols += [[x] for x in pool]
    elif depth == 2:
        # (a group never shares a name with its own columns: `城镇` over `城镇 农村` is
        # no header a report prints)
        pool = v["periods"] if r.random() < 0.5 else v["groups"]
        tops = r.sample([t for t in pool if t not in leaves], r.randint(2, 3))
        cols += [[t, x] for t in tops for x in leaves]
    else:
        tops = r.sample(v["periods"], 2)
        mids = r.sample([g for g in v["groups"] if g not in leaves], 2)
        cols += [[t, m, x] for t in tops for m in mids for x in leaves[:2]]
    return cols[:9]


def row_tree(r, v):
    """Row paths: a flat list, a tree of uniform depth, or a tree of mixed depth."""
    shape = r.choices(["flat", "uniform", "mixed"], [45, 25, 30])[0]
    pool = r.choice([v["regions"], v["industries"], v["items"]])
    if shape == "flat":
        n = r.randint(4, 12)
        rows = [[x] for x in pool[:n]]
        if r.random() < 0.4:
            rows.insert(0, [v["total"]])
        return rows
    if shape == "uniform":
        tops = r.sample(v["groups"], r.randint(2, 3))
        kids = r.sample(pool, r.randint(2, 4))
        return [[t, k] for t in tops for k in kids]
    rows = [[v["total"]]]
    for t in r.sample(v["groups"], r.randint(2, 3)):
        rows.append([t])
        rows += [[t, k] for k in r.sample(pool, r.randint(1, 4))]
    return rows


def value(r, kind):
    if r.random() < 0.06:
        return ""
    if kind == "count":
        return r.randint(0, 99999)
    if kind == "amount":
        return round(r.uniform(0, 9999), r.choice([1, 2]))
    return round(r.uniform(-30, 40), 1)


def document(r, i, seed):
    v = ZH if r.random() < 0.6 else EN
    year = r.randint(2005, 2024)
    cells = []
    for t in range(r.choice([1, 1, 2])):
        caption = r.choice(v["captions"]).format(n=t + 1 + r.randint(0, 20), m=r.randint(1, 30), y=year)
        title = caption if r.random() < 0.85 else None
        cols, rows = column_tree(r, v), row_tree(r, v)
        kinds = [r.choice(["count", "amount", "rate"]) for _ in cols]
        for row in rows:
            for col, kind in zip(cols, kinds):
                cells.append({"table": title, "row": row, "col": col, "value": value(r, kind)})
        if title is None:
            break  # (an untitled table's cells would mix with a second's)
    name = f"r{seed}-{i:04d}"
    return name, {
        "id": name,
        "source": f"tools/random_tables.py --seed {seed}, document {i}",
        "real": False,
        "format": "html",
        "encoding": "utf-8",
        "template": "other",
        "meta": {"year": year, "agency": None, "title": v["title"].format(y=year)},
        "headings": [],
        "cells": cells,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.n):
        name, truth = document(random.Random(f"{a.seed}-{i}"), i, a.seed)
        with open(os.path.join(a.out, name + ".truth.json"), "w") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)


main()
