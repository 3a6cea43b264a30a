//! A port of the scoring rule of `../shared/tools/score` (strict and wrong only), run
//! in-process over every `corpus/*.truth.json`.
//!
//! The rule, as the script has it: a truth cell is looked up by (row path, column path) among
//! the cells of the parsed tables, keeping those whose table title matches the truth's table
//! name (one contains the other, after normalising; an empty title never matches). It is
//! *strict* when one of them has the right value and *wrong* when there are such cells but
//! none has the right value. Labels are normalised as `norm` does: NFKC, then the script's
//! bracket and quote table, then every white-space character removed.
//!
//! The test fails on any wrong value in any file, and when a file's strict rate drops below
//! its floor in [`FLOORS`]. The document is taken as the JSON writer prints it, so the port
//! sees exactly what the script sees through `govreport parse --format json`.

use crate::util;
use serde_json::Value;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Per-file floors (strict %), one line per corpus file, with the format `corpus/README.md`
/// gives it. Files at 100 % today stay at 100 (issue 3 requires >= 99 % strict and 0 wrong on
/// the pipe and Markdown reports). Files that later issues must bring up keep today's figure
/// as the floor, so that any regression shows, and name that issue.
#[rustfmt::skip]
const FLOORS: &[(&str, &str, f64, &str)] = &[
    ("budget-chongqing-jiangbei-2021",               "cellline", 100.0 , ""),
    ("budget-nantong-gzw-2016",                      "prose",    87.4  , "issue 13: added at the eighteenth stop, read by hand before the readers saw it"),
    ("budget-putuo-wanli-2025-excerpt",              "mixed",    49.9  , "issue 13: tables of other statistical reports"),
    ("budget-shanghai-finance-2025-excerpt",         "aligned",  92.1  , "issue 13: tables of other statistical reports"),
    ("budget-xuanzhou-2020",                         "cellline", 0.0   , "issue 13: added at the sixteenth stop, read by hand before the readers saw it"),
    ("bulletin-guangdong-2013-07-excerpt",           "pipe",     100.0 , ""),
    ("bulletin-longgang-2015",                       "pipe",     100.0 , ""),
    ("bulletin-qinghai-2018-excerpt",                "pipe",     100.0 , ""),
    ("bulletin-shanghai-2023",                       "pipe",     100.0 , "issue 13: tables of other statistical reports"),
    ("bulletin-zhongshan-nodate-excerpt",            "pipe",     57.0  , "issue 13: the packed second header row ('增长%' under '累计') is left out with a warning, as the text does not say its column (the truth reads it under 累计)"),
    ("dapuqiao-2025-excerpt",                        "markdown", 100.0 , ""),
    ("disclosure-ankang-2019-excerpt",               "cellline", 100.0 , ""),
    ("disclosure-banan-shichang-2023-excerpt",       "cellline", 100.0 , ""),
    ("disclosure-beichen-jixianli-2023-excerpt",     "cellline", 100.0 , ""),
    ("disclosure-binhai-xingang-2023-excerpt",       "cellline", 100.0 , ""),
    ("disclosure-changchun-erdao-2022-excerpt",      "cellline", 100.0 , ""),
    ("disclosure-changchun-js-2023-excerpt",         "pipe",     100.0 , ""),
    ("disclosure-district-stats-2023-excerpt",       "cellline", 100.0 , ""),
    ("disclosure-dsz-jiguanshiwu-2021-excerpt",      "pipe",     100.0 , ""),
    ("disclosure-flipbook-shenji-2020-p9",           "prose",    68.0  , "issue 13: added at the nineteenth stop, read by hand before the readers saw it"),
    ("disclosure-form-dingxi-undated-excerpt",       "cellline", 94.1  , "issue 13: tables of other statistical reports"),
    ("disclosure-gaoxin-shehuifazhan-2022-excerpt",  "mixed",    79.9  , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("disclosure-hukou-weijian-2022-excerpt",        "cellline", 100.0 , ""),
    ("disclosure-liwan-qiaozhong-2023-excerpt",      "pipe",     100.0 , ""),
    ("disclosure-longgang-2024-excerpt",             "pipe",     100.0 , ""),
    ("disclosure-nilka-2023-excerpt",                "cellline", 100.0 , ""),
    ("disclosure-shanghai-office-2019-w3m-excerpt",  "grid",     100.0 , ""),
    ("disclosure-taizhou-2017-excerpt",              "pipe",     0.0   , "issue 13: no value cells; the file is there for its meta block and headings"),
    ("disclosure-taojiang-songmutang-2022-excerpt",  "pipe",     100.0 , ""),
    ("disclosure-tianjin-hongqiao-2022-excerpt",     "pipe",     100.0 , ""),
    ("disclosure-tianmen-2025-excerpt",              "cellline", 100.0 , ""),
    ("disclosure-tianzhen-xinfang-2021-excerpt",     "cellline", 100.0 , ""),
    ("disclosure-wendeng-xinfang-2022-p8",           "prose",    0.0   , "issue 13: added at the sixteenth stop, read by hand before the readers saw it"),
    ("disclosure-wuhan-hanyang-2022-excerpt",        "cellline", 100.0 , ""),
    ("disclosure-xixian-taiping-2022-excerpt",       "cellline", 100.0 , ""),
    ("disclosure-xuwen-sifa-nodate-excerpt",         "pipe",     100.0 , ""),
    ("disclosure-yanbian-xinjiu-2021-excerpt",       "cellline", 100.0 , ""),
    ("disclosure-yichun-sj-2019-excerpt",            "pipe",     100.0 , ""),
    ("disclosure-yueyang-nanhu-2019-excerpt",        "cellline", 100.0 , ""),
    ("final-account-putuo-finance-2024-excerpt",     "aligned",  68.8  , "issue 13: tables of other statistical reports"),
    ("final-account-putuo-planning-2024-excerpt",    "aligned",  91.8  , "issue 13: tables of other statistical reports"),
    ("final-account-putuo-socialwork-2024-excerpt",  "aligned",  90.7  , "issue 13: tables of other statistical reports"),
    ("final-account-taoyuan-2018-excerpt",           "cellline", 100.0 , ""),
    ("fixture-fengxian-style-2025",                  "pipe",     100.0 , ""),
    ("fixture-hangzhou-style-2025",                  "pipe",     100.0 , ""),
    ("huaian-2024-boxes",                            "cellline", 95.0  , "issue 4: pdfminer boxes; the 第二十条 parts have no sums to confirm a column reading"),
    ("huaian-2024-layout",                           "aligned",  100.0 , ""),
    ("huaian-2024-p4-fragment",                      "mixed",    100.0 , ""),
    ("output-askci-provinces-nodate",                "markdown", 100.0 , "issue 13: tables of other statistical reports"),
    ("output-changzhou-2011",                        "cellline", 0.0   , "issue 13: tables of other statistical reports"),
    ("output-huairou-2025",                          "pipe",     100.0 , "issue 13: tables of other statistical reports"),
    ("output-nbs-grain-2015-excerpt",                "pipe",     100.0 , "issue 13: tables of other statistical reports"),
    ("output-shanghai-2012-09-excerpt",              "cellline", 100.0 , ""),
    ("output-shanxi-2024-02-excerpt",                "prose",    0.0   , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("price-changzhou-2015-10",                      "cellline", 0.0   , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("price-dazhou-nodate-excerpt",                  "pipe",     0.0   , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("price-gov-cn-50cities-2013-07-excerpt",        "cellline", 0.0   , "issue 13: added at the nineteenth stop, read by hand before the readers saw it"),
    ("price-longgang-2010-04",                       "cellline", 0.0   , "issue 13: tables of other statistical reports"),
    ("price-whst-nodate-excerpt",                    "pipe",     100.0 , ""),
    ("price-zjzd-sx-2025-excerpt",                   "cellline", 100.0 , ""),
    ("release-au-lfs-2010-excerpt",                  "pipe",     100.0 , ""),
    ("release-au-tas-census-1881-t09",               "prose",    100.0 , ""),
    ("release-ca-cpi-2016",                          "prose",    0.0   , "issue 13: added at the sixteenth stop, read by hand before the readers saw it"),
    ("release-ca-lfs-t6-2023-excerpt",               "markdown", 100.0 , ""),
    ("release-hk-cpi-t1-2005-excerpt",               "prose",    0.0   , "issue 13: sub-column labels printed one word per line ('Index / for / Jul / 2005') are read as a cell-per-line table; the main table's columns stay unnamed"),
    ("release-hu-lfs-quarterly-1998-excerpt",        "pipe",     100.0 , ""),
    ("release-ie-nie-2016-excerpt",                  "prose",    0.0   , "issue 13: added at the sixteenth stop, read by hand before the readers saw it"),
    ("release-in-cpi-2020-09-excerpt",               "cellline", 46.0  , "issue 13: added at the nineteenth stop; its second header has three levels whose middle labels repeat"),
    ("release-la-population-2001-excerpt",           "prose",    0.0   , "issue 13: added at the sixteenth stop, read by hand before the readers saw it"),
    ("release-mu-national-accounts-2011-excerpt",    "prose",    0.0   , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("release-no-employments-2017",                  "markdown", 100.0 , ""),
    ("release-ph-cpi-2004-excerpt",                  "prose",    100.0 , ""),
    ("release-pl-gdp-2015",                          "cellline", 100.0 , ""),
    ("release-sb-cpi-2008",                          "prose",    0.0   , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("release-sg-national-accounts-2024-excerpt",    "prose",    0.0   , "issue 13: added at the nineteenth stop, read by hand before the readers saw it"),
    ("release-uk-cpi-2012-excerpt",                  "prose",    0.0   , "issue 13: the caption is two lines above the header, over a geography line (lenient 100 %)"),
    ("release-us-bls-aat1-2010-excerpt",             "aligned",  100.0 , ""),
    ("release-us-empsit-a1-2008-excerpt",            "aligned",  100.0 , "issue 13: tables of other statistical reports"),
    ("release-us-empsit-a13-2009-excerpt",           "aligned",  100.0 , "issue 13: tables of other statistical reports"),
    ("release-us-empsit-a6-2018",                    "mixed",    100.0 , ""),
    ("release-us-empsit-a8-2009-excerpt",            "aligned",  100.0 , "issue 13: tables of other statistical reports"),
    ("shanghai-kewei-2024",                          "mixed",    100.0 , ""),
    ("shanghai-office-2025",                         "mixed",    96.5  , "issue 11: the grammar reading leaves out a row whose label the conversion cut over loose lines (97.0 with the old order recovery); 0 wrong"),
    ("shuyang-2025",                                 "markdown", 100.0 , ""),
    ("suqian-2025-excerpt",                          "markdown", 100.0 , ""),
    ("survey-jiangsu-2015-excerpt",                  "pipe",     100.0 , "issue 13: tables of other statistical reports"),
    ("survey-jiangsu-2016-excerpt",                  "pipe",     100.0 , "issue 13: tables of other statistical reports"),
    ("survey-no-lfs-disability-2002",                "prose",    100.0 , ""),
    ("survey-us-nces-a5-2004-excerpt",               "aligned",  100.0 , ""),
    ("survey-us-nces-t6-2003-excerpt",               "aligned",  100.0 , ""),
    ("template-2021-aligned",                        "aligned",  100.0 , ""),
    ("template-2021-blank",                          "pipe",     100.0 , ""),
    ("template-2021-cellline",                       "cellline", 100.0 , ""),
    ("template-2021-markdown",                       "markdown", 100.0 , ""),
    ("template-2021-pipe",                           "pipe",     100.0 , ""),
    ("template-2021-tsv",                            "tsv",      100.0 , ""),
    ("yearbook-bilingual-changzhou-2010-t0403-excerpt", "cellline", 0.0   , "issue 13: added at the nineteenth stop, read by hand before the readers saw it"),
    ("yearbook-bilingual-chongqing-2008-t0105-excerpt","prose",    0.0   , "issue 13: a five-line bilingual header; blank cells shown only as extra spaces"),
    ("yearbook-bilingual-fujian-2003-t1601-excerpt", "prose",    100.0 , ""),
    ("yearbook-bilingual-fujian-2019-t2102-excerpt", "prose",    0.0   , "issue 13: the header spans rows, its words do not say which label heads which column"),
    ("yearbook-bilingual-fujian-2022-t0404",         "prose",    100.0 , ""),
    ("yearbook-bilingual-hebei-2007-t2005",          "prose",    0.0   , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("yearbook-china-2012-t0308",                    "prose",    0.0   , "issue 13: added at the sixteenth stop, read by hand before the readers saw it"),
    ("yearbook-fujian-2015",                         "pipe",     100.0 , "issue 13: tables of other statistical reports"),
    ("yearbook-guangzhou-2022",                      "aligned",  95.4  , "issue 13: a `#` mark shifts one row's indentation by one column (鲜菜 under 食用油)"),
    ("yearbook-hk-2002-t17",                         "prose",    0.0   , "issue 13: space thousands separator (`1 968   2 047`) in padded cells"),
    ("yearbook-huzhou-2007",                         "prose",    83.5  , "issue 13: added at the sixteenth stop; two rows print four values for seven columns and no gap shows which (the truth places them by the sums)"),
    ("yearbook-mo-gov-cn-2003-excerpt",              "cellline", 0.0   , "issue 13: a table flattened column by column (all row labels first, then one block of value lines per year), read with its columns and rows (lenient 100 %); strict 0 because the truth names the table by the page's first line, over a site-name line, which the text does not print as its caption"),
    ("yearbook-nbs-2010",                            "pipe",     100.0 , ""),
    ("yearbook-ningbo-2009",                         "prose",    0.0   , "issue 13: added at the seventeenth stop, read by hand before the readers saw it"),
    ("yearbook-qinghai-2017",                        "aligned",  100.0 , ""),
    ("yearbook-quzhou-2010-t0824-excerpt",           "pipe",     100.0 , ""),
    ("yearbook-shandong-2003-excerpt",               "pipe",     0.0   , "issue 13: added at the sixteenth stop; its rows print the header cells present, packed left, and the header's label stacks (企业/单位数/(个)) fit no reading of the spans: columns left without paths (7.7 before, two columns named right by position and five wrongly)"),
    ("yearbook-shanxi-2011-t0604-excerpt",           "pipe",     0.0   , "issue 13: added at the eighteenth stop, read by hand before the readers saw it"),
    ("yearbook-xiamen-2024-excerpt",                 "pipe",     0.0   , "issue 13: empty cells as bare `|`; the note and unit lines cut the header"),
    ("zhaotong-2020",                                "pipe",     100.0 , ""),
];

/// The script's `BRACKETS` table, applied after NFKC.
fn bracket(c: char) -> char {
    match c {
        '（' => '(',
        '）' => ')',
        '【' | '〔' | '［' => '[',
        '】' | '〕' | '］' => ']',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        _ => c,
    }
}

/// Python's `\s` on `str` (what `str.isspace` accepts): Unicode White_Space plus the
/// information separators U+001C..U+001F.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `norm(s)` of the script.
pub fn norm(s: &str) -> String {
    s.nfkc().map(bracket).filter(|c| !py_space(*c)).collect()
}

/// `str(x)` of a JSON scalar as the script would see it.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        other => other.to_string(),
    }
}

fn npath(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|x| norm(&py_str(x))).collect())
        .unwrap_or_default()
}

/// Python's `float()` on an already normalised string: digits with `_` allowed only between
/// digits, `inf`/`nan` words; Rust's parser accepts the rest alike.
fn py_float(s: &str) -> Option<f64> {
    let b: Vec<char> = s.chars().collect();
    let mut t = String::new();
    for (i, &c) in b.iter().enumerate() {
        if c == '_' {
            let between = i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !between {
                return None;
            }
            continue;
        }
        t.push(c);
    }
    t.parse::<f64>().ok()
}

/// `same_value(truth, cell)` of the script.
fn same_value(truth: &Value, cell: &Value) -> bool {
    let raw = cell.get("raw").map(py_str).unwrap_or_default();
    if let Some(t) = truth.as_f64().filter(|_| truth.is_number()) {
        let kind = cell.get("kind").and_then(Value::as_str).unwrap_or("number");
        let unit = cell.get("unit").is_some_and(|u| match u {
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            _ => true,
        });
        if let Some(v) = cell.get("value").and_then(Value::as_f64)
            && kind == "number"
            && !unit
        {
            return (v - t).abs() < 1e-9;
        }
        return py_float(&norm(&raw).replace(',', "")).is_some_and(|f| (f - t).abs() < 1e-9);
    }
    norm(&raw) == norm(&py_str(truth))
}

/// The script's `T2S` table: traditional forms seen in report titles, folded to simplified.
fn t2s(c: char) -> char {
    const FROM: &str = "開資訊處請動況萬單發數復議訟與關統計報業機構劃類";
    const TO: &str = "开资讯处请动况万单发数复议讼与关统计报业机构划类";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// `difflib.SequenceMatcher(None, a, b).ratio()` for short strings (no junk heuristic
/// applies under 200 characters): twice the matched characters over the total, the
/// matches found as Python finds them (longest block, earliest in `a`, then in `b`;
/// then the same on each side).
fn ratio(a: &[char], b: &[char]) -> f64 {
    fn matched(a: &[char], b: &[char]) -> usize {
        let (mut best, mut bi, mut bj) = (0, 0, 0);
        for i in 0..a.len() {
            for j in 0..b.len() {
                let mut k = 0;
                while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                    k += 1;
                }
                if k > best {
                    (best, bi, bj) = (k, i, j);
                }
            }
        }
        if best == 0 {
            return 0;
        }
        best + matched(&a[..bi], &b[..bj]) + matched(&a[bi + best..], &b[bj + best..])
    }
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * matched(a, b) as f64 / total as f64
}

/// `title_match(truth_table, title)` of the script: a null truth table is untitled in
/// the text and matches any title.
fn title_match(truth_table: Option<&str>, title: Option<&str>) -> bool {
    let Some(truth_table) = truth_table else {
        return true;
    };
    let a: String = norm(truth_table).chars().map(t2s).collect();
    let b: String = norm(title.unwrap_or("")).chars().map(t2s).collect();
    if b.is_empty() {
        return false;
    }
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    b.contains(&a) || a.contains(&b) || ratio(&ac, &bc) >= 0.85
}

/// Score of one document against its truth.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    pub cells: usize,
    pub strict: usize,
    pub wrong: usize,
    /// Numbers the document binds to a row and a named column path the truth does not
    /// hold (the script does not count them): misnamed columns or rows read from text.
    /// A column the reader leaves unnamed (its header not rebuilt, a warning saying so)
    /// claims nothing and is not counted. Some truths leave cells out on purpose, so not
    /// all are errors; the total may not grow.
    pub stray: usize,
}

impl Score {
    pub fn strict_pct(&self) -> f64 {
        if self.cells == 0 {
            0.0
        } else {
            100.0 * self.strict as f64 / self.cells as f64
        }
    }
}

/// Scores the JSON document `doc` against the truth; `wrong` collects a line per wrong cell.
pub fn score(doc: &Value, truth: &Value, wrong: &mut Vec<String>) -> Score {
    type Key = (Vec<String>, Vec<String>);
    let mut by_strict: HashMap<Key, Vec<(Option<String>, &Value)>> = HashMap::new();
    let empty = Vec::new();
    for b in doc["blocks"].as_array().unwrap_or(&empty) {
        if b["kind"] != "table" {
            continue;
        }
        let cols: Vec<Vec<String>> = b["columns"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .map(|c| npath(&c["path"]))
            .collect();
        // columns whose paths repeat are also known as PATH + ["[k]"], the k-th of them
        let mut seen: HashMap<&Vec<String>, usize> = HashMap::new();
        let nth: Vec<Vec<String>> = cols
            .iter()
            .map(|c| {
                let k = seen.entry(c).or_default();
                *k += 1;
                let mut p = c.clone();
                p.push(format!("[{k}]"));
                p
            })
            .collect();
        let title = b["title"].as_str().map(str::to_string);
        for r in b["rows"].as_array().unwrap_or(&empty) {
            let row = npath(&r["path"]);
            for (i, cell) in r["cells"].as_array().unwrap_or(&empty).iter().enumerate() {
                let col = cols.get(i).cloned().unwrap_or_default();
                by_strict
                    .entry((row.clone(), col))
                    .or_default()
                    .push((title.clone(), cell));
                if let Some(p) = nth.get(i) {
                    by_strict
                        .entry((row.clone(), p.clone()))
                        .or_default()
                        .push((title.clone(), cell));
                }
            }
        }
    }
    let mut s = Score::default();
    let truth_keys: std::collections::HashSet<Key> = truth["cells"]
        .as_array()
        .expect("truth cells")
        .iter()
        .map(|c| (npath(&c["row"]), npath(&c["col"])))
        .collect();
    for b in doc["blocks"].as_array().unwrap_or(&empty) {
        if b["kind"] != "table" {
            continue;
        }
        let cols = b["columns"].as_array().unwrap_or(&empty);
        for r in b["rows"].as_array().unwrap_or(&empty) {
            let row = npath(&r["path"]);
            for (i, cell) in r["cells"].as_array().unwrap_or(&empty).iter().enumerate() {
                let col = cols.get(i).map(|c| npath(&c["path"])).unwrap_or_default();
                // (a column the reader leaves unnamed names nothing: not stray)
                let named = !col.is_empty();
                if cell["kind"] == "number" && named && !truth_keys.contains(&(row.clone(), col)) {
                    s.stray += 1;
                }
            }
        }
    }
    for c in truth["cells"].as_array().expect("truth cells") {
        s.cells += 1;
        let key = (npath(&c["row"]), npath(&c["col"]));
        let table = c["table"].as_str();
        let hits: Vec<&Value> = by_strict
            .get(&key)
            .map(|v| {
                v.iter()
                    .filter(|(t, _)| title_match(table, t.as_deref()))
                    .map(|(_, cell)| *cell)
                    .collect()
            })
            .unwrap_or_default();
        if hits.iter().any(|h| same_value(&c["value"], h)) {
            s.strict += 1;
        } else if !hits.is_empty() {
            s.wrong += 1;
            wrong.push(format!(
                "{} {} {}: truth {}, got {}",
                table.unwrap_or("(untitled)"),
                c["row"],
                c["col"],
                c["value"],
                hits[0]["raw"]
            ));
        }
    }
    s
}

fn truth_of(stem: &str) -> Value {
    let p = util::corpus_dir().join(format!("{stem}.truth.json"));
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).expect("truth is JSON")
}

fn json_of(doc: &govreport::Document) -> Value {
    let mut out = Vec::new();
    govreport::write::json::write_json(std::slice::from_ref(doc), &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn floors_name_every_truth_file_once() {
    let mut truths: Vec<String> = std::fs::read_dir(util::corpus_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".truth.json").map(str::to_string)
        })
        .collect();
    truths.sort();
    let floors: Vec<String> = FLOORS.iter().map(|f| f.0.to_string()).collect();
    assert_eq!(floors, truths, "FLOORS must list every truth file, sorted");
    for (name, format, floor, why) in FLOORS {
        assert!(
            *floor >= 99.0 || !why.is_empty(),
            "{name} ({format}): a floor under 99 % must name the issue that raises it"
        );
    }
}

/// Most numbers of the corpus bound to named paths no truth holds ([`Score::stray`]).
/// Lower it as readers improve; never raise it without saying why. (Counted over named
/// columns only since the seventeenth stop: until then values under columns a reader
/// left unnamed counted too, 1,567 of them, which hid the few misnamed ones. 115: 72 in
/// three `pdftotext -layout` budget and final-account texts whose compressed CJK header
/// lines join or split labels, 29 in 中山's bulletin whose `增长%` header line the text
/// does not place, 8 in 达州's price table whose three label columns read as levels of the
/// row path where its truth takes the first as the row, 6 more. 163: 达州's rows ending in a
/// remark now read whole, 56 numbers under the right columns on those three-level paths.
/// 165: 天门's two 现行有效件 values under the template's label 现行有效件数, the page
/// printing the label cut short. 161: a label printed cut short named as printed. 288 at
/// the eighteenth stop: a held-out price page added then prints a 价格类型 column of
/// `平均价格` on every row, which the reader keeps as the last level of each row path and
/// its truth leaves out, its 128 prices under the right columns. 160 at the nineteenth:
/// a label column of one text in every row is no level of the path. 164: decimals one
/// space apart are values each, and a `pdftotext -layout` 三公 table whose header the
/// reader places wrongly (`header-unplaced`) now binds its row's four leading figures,
/// which it read as the row's label, under misnamed columns too.)
const MAX_STRAY: usize = 164;

/// The score of every corpus file: no wrong value anywhere, no file under its floor.
/// `cargo test score -- --nocapture` prints the table to compare with the script's.
#[test]
fn corpus_scores_hold_their_floors() {
    let mut failures = Vec::new();
    let mut total = Score::default();
    println!(
        "{:30} {:>6} {:>7} {:>6} {:>6} {:>7}",
        "document", "cells", "strict", "wrong", "stray", "floor"
    );
    for (name, _format, floor, _why) in FLOORS {
        let (_, _, doc) = util::corpus_docs()
            .iter()
            .find(|(p, _, _)| util::stem(p) == *name)
            .unwrap_or_else(|| panic!("{name}.txt missing from corpus/"));
        let mut wrong = Vec::new();
        let s = score(&json_of(doc), &truth_of(name), &mut wrong);
        println!(
            "{:30} {:>6} {:>6.1}% {:>6} {:>6} {:>6.1}%",
            format!("{name}.txt"),
            s.cells,
            s.strict_pct(),
            s.wrong,
            s.stray,
            floor
        );
        total.cells += s.cells;
        total.strict += s.strict;
        total.wrong += s.wrong;
        total.stray += s.stray;
        for w in wrong {
            failures.push(format!("{name}: wrong value: {w}"));
        }
        if s.strict_pct() < *floor - 1e-9 {
            failures.push(format!(
                "{name}: strict {:.1}% ({} of {}) is below its floor {floor:.1}%",
                s.strict_pct(),
                s.strict,
                s.cells
            ));
        }
    }
    println!(
        "{:30} {:>6} {:>6.1}% {:>6} {:>6}",
        "TOTAL",
        total.cells,
        total.strict_pct(),
        total.wrong,
        total.stray
    );
    if total.stray > MAX_STRAY {
        failures.push(format!(
            "{} numbers bound to paths no truth holds, more than {MAX_STRAY}: a column misnamed?",
            total.stray
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// The port itself, on hand-made cases taken from the script's definitions.

#[test]
fn norm_is_the_scripts() {
    assert_eq!(norm("（三）不予公开"), "(三)不予公开");
    assert_eq!(norm("本年新 公开数量"), "本年新公开数量");
    assert_eq!(norm("【注】〔2019〕［1］"), "[注][2019][1]");
    assert_eq!(norm("“三安全一稳定”"), "\"三安全一稳定\"");
    assert_eq!(norm("１２３\u{3000}\u{a0}ａ"), "123a");
    // the script does not unify 。 or ：(NFKC already maps the full-width colon)
    assert_eq!(norm("说明。"), "说明。");
    assert_eq!(norm("为："), "为:");
}

#[test]
fn same_value_is_the_scripts() {
    let cell = |raw: &str, value: Value, kind: &str| serde_json::json!({"raw": raw, "value": value, "kind": kind});
    let n = |x: f64| serde_json::json!(x);
    assert!(same_value(&n(0.0), &cell("0", n(0.0), "number")));
    assert!(!same_value(&n(1.0), &cell("0", n(0.0), "number")));
    assert!(same_value(
        &n(96171.6),
        &cell("96171.6", n(96171.6), "number")
    ));
    // a number with a unit is compared through its raw text
    let with_unit =
        serde_json::json!({"raw": "4068.208", "value": 40682080.0, "kind": "number", "unit": "元"});
    assert!(same_value(&n(4068.208), &with_unit));
    assert!(same_value(&n(1234.0), &cell("1,234", Value::Null, "text")));
    assert!(!same_value(&n(0.0), &cell("", Value::Null, "empty")));
    assert!(same_value(
        &serde_json::json!(""),
        &cell("", Value::Null, "empty")
    ));
    assert!(same_value(
        &serde_json::json!("/"),
        &cell("/", Value::Null, "na")
    ));
    assert!(!same_value(
        &serde_json::json!("-"),
        &cell("/", Value::Null, "na")
    ));
    assert!(same_value(
        &serde_json::json!("22（其中修订 16 件）"),
        &cell("22(其中修订16件)", Value::Null, "text")
    ));
}

#[test]
fn title_match_is_the_scripts() {
    let m = |a: &str, b: Option<&str>| title_match(Some(a), b);
    assert!(m("主动公开政府信息情况", Some("二、主动公开政府信息情况")));
    assert!(m("收到和处理政府信息公开申请情况", Some("收到和处理")));
    assert!(!m("主动公开政府信息情况", None));
    assert!(!m("主动公开政府信息情况", Some(" ")));
    assert!(!m(
        "主动公开政府信息情况",
        Some("收到和处理政府信息公开申请情况")
    ));
    // traditional forms and a one-character slip
    assert!(m(
        "收到和处理政府信息公开申请情况",
        Some("收到和處理政府資訊公開申請情況")
    ));
    assert!(m(
        "表1 城镇居民人均可支配收入",
        Some("表1 城镇居民人均可支配收人")
    ));
    // a null truth table is untitled in the text
    assert!(title_match(None, None));
}

/// `ratio` is difflib's: checked against values Python prints.
#[test]
fn ratio_is_difflibs() {
    let r = |a: &str, b: &str| {
        ratio(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    };
    // difflib.SequenceMatcher(None, "abcd", "bcde").ratio() == 0.75
    assert!((r("abcd", "bcde") - 0.75).abs() < 1e-12);
    // difflib.SequenceMatcher(None, "主动公开", "收到处理").ratio() == 0.0
    assert_eq!(r("主动公开", "收到处理"), 0.0);
    // difflib.SequenceMatcher(None, "abxcd", "abcd").ratio() == 0.888...
    assert!((r("abxcd", "abcd") - 8.0 / 9.0).abs() < 1e-12);
}

/// The scorer must count a changed value as wrong and a changed label as a miss, its
/// values as stray.
#[test]
fn score_sees_wrong_values_and_lost_labels() {
    let truth = truth_of("zhaotong-2020");
    let mut doc = json_of(util::seed_doc());
    let clean = score(&doc, &truth, &mut Vec::new());
    assert_eq!(
        clean,
        Score {
            cells: 198,
            strict: 198,
            wrong: 0,
            stray: 0
        }
    );

    let t = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["kind"] == "table")
        .unwrap();
    let cell = &mut doc["blocks"][t]["rows"][0]["cells"][0];
    cell["raw"] = "7".into();
    cell["value"] = 7.into();
    doc["blocks"][t]["columns"][1]["path"] = serde_json::json!(["本年新 开数量"]);
    let mut wrong = Vec::new();
    let s = score(&doc, &truth, &mut wrong);
    // t1 has 2 rows: one wrong value, two cells lost with the column label (bound to a
    // path no truth holds: stray)
    assert_eq!(
        s,
        Score {
            cells: 198,
            strict: 195,
            wrong: 1,
            stray: 2
        },
        "{wrong:?}"
    );
    assert_eq!(wrong.len(), 1);
}
